/*
 * theme.h - step 6: name the themes.
 *
 * Responses are grouped (average linkage for a meeting, GSDMM for a
 * survey), each group labelled with its most telling phrase (class-based
 * TF-IDF over phrases of one to three words, shown as people wrote them),
 * given keywords and its most typical response, and ranked by support
 * (distinct participants), then responses, then label.
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
 *	align_themer_free(t);
 */
#ifndef ALIGN_THEME_H
#define ALIGN_THEME_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "node.h"

struct align_theme_opts {
	size_t max_themes;	/* 0: no limit */
	size_t min_support;	/* fewer distinct participants: no theme */
	uint64_t seed;
	int no_lexicon;		/* leave out the default lexicon */
	const char *const *synonyms;	/* lexicon files to add */
	size_t nsynonyms;
	const char *method;	/* "auto", "gsdmm" or "linkage" */
	double threshold;	/* linkage: least average similarity */
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

struct align_themer *align_themer_new(const struct align_theme_opts *o,
    struct align_err *e);
void align_themer_free(struct align_themer *t);

/* Take in a record: a response to group, a theme from an earlier run, the
 * session (for its participants).  Others are ignored.  0, or -1 and e. */
int align_themer_add(struct align_themer *t, const struct align_node *rec,
    struct align_err *e);

/* Edit, group, label and rank.  0, or -1 and e (64 an edit names a theme
 * or response that is not there, 65, 71). */
int align_themer_run(struct align_themer *t, struct align_err *e);

/* The themes, best first: record i, made anew (the caller frees it), or
 * NULL and e (71). */
size_t align_themer_count(const struct align_themer *t);
struct align_node *align_themer_record(const struct align_themer *t,
    size_t i, struct align_err *e);

enum align_themes_format { ALIGN_THEMES_TEXT, ALIGN_THEMES_MARKDOWN,
	ALIGN_THEMES_CSV };

/* The themes for people.  Failure shows in b->failed. */
void align_themer_show(const struct align_themer *t, struct align_buf *b,
    enum align_themes_format f, size_t width, int color);

#endif
