/*
 * theme.h - step 6: name the themes.
 *
 * Responses are grouped (average linkage for a meeting, GSDMM for a
 * survey), each group labelled with its most telling phrase (class-based
 * TF-IDF over phrases of one to three words, shown as people wrote them),
 * given keywords and its most typical response, and ranked by support
 * (distinct participants), then responses, then label.  A theme keeps
 * its id across runs while it is the same theme, and a new one gets an
 * id never used in the file (theme_id.c); the rank is its own key.
 *
 * People's edits win: a theme marked "source: manual" (by hand, or by the
 * rename, merge and move edits) is kept as it is, and its responses stay
 * where a person put them; only the responses nobody placed are grouped.
 * A label edited by hand on an automatic theme is kept when the theme
 * comes out with the same responses again.
 *
 *	t = align_themer_new(&opts, &e);
 *	for each record: align_themer_add(t, rec, &e);
 *	align_themer_run(t, &e);
 *	for (i = 0; i < align_themer_count(t); i++) {
 *		rec = align_themer_record(t, i, &e);
 *		emit(rec);
 *		align_node_free(rec);
 *	}
 *	align_themes_make(&v, t, &e);		(the themes for people)
 *	align_themes_show(&v, &show);
 *	align_themes_release(&v);
 *	align_themer_free(t);
 *
 * The parts of a run are theme_edit.c (people's edits), theme_group.c
 * (grouping), theme_label.c (labels); the view is theme_view.c, and each
 * format has its renderer (theme_text.c, theme_md.c, theme_csv.c,
 * theme_html.c).
 */
#ifndef ALIGN_THEME_H
#define ALIGN_THEME_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "node.h"
#include "record.h"
#include "show.h"

/* The strings are borrowed: they must outlive the themer. */
struct align_theme_opts {
	size_t max_themes;	/* 0: no limit */
	size_t min_support;	/* fewer distinct participants: no theme */
	uint64_t seed;
	int no_lexicon;		/* leave out the default lexicon */
	const char *const *synonyms;	/* lexicon files to add */
	size_t nsynonyms;
	const char *method;	/* "auto", "gsdmm" or "linkage" */
	double threshold;	/* linkage: least average similarity; 0:
				 * the method's own (theme_group.c) */
	int keep_text;		/* keep texts, to show typical responses */
	/* Edits, as given on the command line. */
	const char *const *rename;	/* "t2=label" */
	size_t nrename;
	const char *const *merge;	/* "t1,t4" */
	size_t nmerge;
	const char *const *move;	/* "r-...=t3" */
	size_t nmove;
};

struct align_themer;

/* A themer with the lexicons of o: NULL and e (66 a lexicon file that
 * cannot be opened, 65 one that is wrong, 71). */
struct align_themer *align_themer_new(const struct align_theme_opts *o,
    struct align_err *e);
/* NULL is fine. */
void align_themer_free(struct align_themer *t);

/* Take in a record: a response to group, a theme from an earlier run, the
 * session (for its participants).  Others are ignored; rec is not kept.
 * 0, or -1 and e (71). */
int align_themer_add(struct align_themer *t, const struct align_node *rec,
    struct align_err *e);

/* Edit, group, label and rank.  0, or -1 and e (64 an edit names a theme
 * or response that is not there, or is not THEME=LABEL and the like; 71).
 * Once only. */
int align_themer_run(struct align_themer *t, struct align_err *e);

/* The themes, best first: record i, made anew (the caller frees it), or
 * NULL and e (71). */
size_t align_themer_count(const struct align_themer *t);
struct align_node *align_themer_record(const struct align_themer *t,
    size_t i, struct align_err *e);

/* What a person should be told of the run (a theme gone that a principle
 * still names: "theme 't3' is gone; principle 'p2' still names it"):
 * note i of align_themer_notes(), borrowed. */
size_t align_themer_notes(const struct align_themer *t);
const char *align_themer_note(const struct align_themer *t, size_t i);

/* The themes as people see them, made once from a themer that ran.  The
 * strings are borrowed from it: the view lives no longer than it. */
struct align_themes_entry {
	const char *id;			/* t1, t2, ... */
	const char *label;		/* "" when it has none that is text;
					 * a concept's with its purity:
					 * "clear expectations (80%)" */
	const char *const *keyword;	/* its keywords that are words */
	size_t nkeyword;
	const char *const *response;	/* its responses' ids, in id order */
	size_t count;			/* how many */
	size_t support;			/* distinct participants */
	int edited;			/* a person's (source: manual) */
	double confidence;		/* the mean cosine of its responses to
					 * their centroid: 1, all alike */
	const char *typical;		/* its typical response's text, or NULL
					 * (none, or texts not kept) */
	const char *who;		/* who wrote that, or NULL */
	/* Its responses' texts, who wrote each (NULL: nobody said) and the
	 * language each was read in ("en", ...), in the order of response;
	 * NULL when texts are not kept. */
	const char *const *text, *const *author, *const *lang;
};

/* A response in no theme, and the theme it is nearest (a suggestion). */
struct align_themes_loose {
	const char *id;
	const char *handle;		/* the start of id the board shows and
					 * commands take: handle_len bytes */
	size_t handle_len;
	const char *text, *who;		/* NULL: texts not kept, nobody said */
	const char *lang;		/* the language it was read in ("en") */
	const char *near;		/* a theme's id, or NULL: none alike */
	double similarity;		/* to that theme's centroid */
};

struct align_themes {
	struct align_themes_entry *theme;	/* best first */
	size_t ntheme;
	struct align_themes_loose *loose;	/* in id order */
	size_t nloose;
	size_t responses;	/* responses read */
	size_t participants;	/* on the session's roster, or those who
				 * answered if more (an unnamed response
				 * is someone) */
	size_t unplaced;	/* responses in no theme */
	struct align_view *rec;	/* the views of the theme records */
	const char **ids;	/* where the entries' responses are */
	const char **texts;	/* and their texts, authors, languages */
	const char *title, *date, *place;	/* the session's, when
						 * texts are kept */
	int anonymous;		/* every participant named is a pseudonym */
	struct align_view session;	/* of the session, for the above */
	char **shown;		/* the labels with a purity, per theme */
};

/* After align_themer_run(): the view, each theme's confidence and the
 * theme nearest each response in no theme found the first time (a pass
 * over every response that the stream does without).  0, or -1 and e
 * (71); v needs align_themes_release() either way. */
int align_themes_make(struct align_themes *v, struct align_themer *t,
    struct align_err *e);
void align_themes_release(struct align_themes *v);

/* Whether label, read from a theme record, is the label made: that, or
 * that with a concept's purity after it ("clear expectations (80%)"), as
 * align wrote labels before purity had a key of its own (theme_edit.c). */
int align_theme_label_is(const char *label, const char *made);

/* The formats themes can be shown in, as a mask. */
int align_themes_formats(void);
/* Show v in s->format.  Failure shows in s->b->failed. */
void align_themes_show(const struct align_themes *v,
    const struct align_show *s);

/* The renderers. */
void align_themes_text(const struct align_themes *v,
    const struct align_show *s);
void align_themes_markdown(const struct align_themes *v,
    const struct align_show *s);
void align_themes_csv(const struct align_themes *v,
    const struct align_show *s);
void align_themes_html(const struct align_themes *v,
    const struct align_show *s);

#endif
