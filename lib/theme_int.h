/*
 * theme_int.h - inside step 6 (lib/theme*.c): the themer and what its
 * parts share.  Not for the tools: theme.h is the interface.
 *
 * A run, in the method's words:
 *   theme.c        takes the records in (responses, the session, themes
 *                  of the input), runs the steps below, ranks the themes
 *                  and gives their records;
 *   theme_edit.c   people's edits: rename, merge, move; their themes kept
 *                  with the responses they placed; labels they edited kept;
 *   theme_group.c  the responses nobody placed grouped by the method that
 *                  fits their number, into automatic themes; those alike
 *                  merged;
 *   theme_label.c  each automatic theme's label, keywords, typical
 *                  response and concept;
 *   theme_join.c   responses new since people's edits joined to their
 *                  themes when they fit them best;
 *   theme_id.c     the ids that hold across runs, and the rank;
 *   theme_view.c   the themes as people see them, for theme_text.c,
 *                  theme_md.c and theme_csv.c.
 */
#ifndef ALIGN_THEME_INT_H
#define ALIGN_THEME_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "hash.h"
#include "node.h"
#include "principle.h"
#include "tables.h"
#include "theme.h"
#include "words.h"

/* Responses are all over memory: each is asked for this many turns
 * before it is read. */
#define ALIGN_THEME_AHEAD 8
#if defined(__GNUC__)
#define ALIGN_PREFETCH(p) __builtin_prefetch(p)
#else
#define ALIGN_PREFETCH(p) ((void)0)
#endif

/* A response, as the themer keeps it (id and participant in the
 * themer's dictionaries, words in its pools). */
struct resp {
	int32_t who;		/* participant, or -1 */
	int32_t theme;		/* the theme it is in, or -1 */
	uint32_t term, tok;	/* byte offsets into the term and token
				 * pools (theme.c keeps them under 4 Gi) */
	uint16_t nterm, ntok;
	uint8_t placed;		/* by a person */
	uint8_t known;		/* in a theme of the input */
	uint8_t lang;		/* ALIGN_EN ..., as its words were read */
	uint8_t hits;		/* words that stand for a concept (at most
				 * 255) */
};

/* Participants are looked up this many responses after they are read,
 * so that the dictionary's memory is asked for ahead (theme.c). */
#define ALIGN_THEME_WHO_AHEAD 16

/* A response whose participant is still to be looked up. */
struct pending_who {
	char *name;		/* a copy, for the record is gone */
	size_t n, cap;
	uint64_t h;		/* align_dict_hash() of it */
	uint32_t r;		/* the response */
};

/* A theme of this run. */
struct theme {
	struct align_node *rec;	/* its record, but for its responses */
	uint32_t *member;	/* responses, in id order */
	size_t n;
	size_t support;		/* distinct participants */
	int manual;		/* a person's, or its label is */
	char *label;		/* automatic: the label it was given */
	const char *shown;	/* the label of rec, for ranking */
};

/* A theme of the input: an earlier run's, or a person's. */
struct earlier {
	struct align_node *rec;	/* a copy, which the edits change:
				 * align-theme owns theme records */
	char *id;		/* its own copy: the record may go */
	const char *label;	/* borrowed from rec */
	const char **resp;	/* its responses' ids (borrowed from the
				 * records and from the themer's ids) */
	size_t nresp, cap;
	uint64_t set;		/* a hash of them, whatever their order */
	int manual;
	int merged;		/* merged into another: no longer there */
};

struct align_themer {
	struct align_theme_opts o;
	struct align_words w;
	struct align_analysis a;
	struct align_dict ids;		/* response ids -> index */
	struct align_dict people;
	struct pending_who who[ALIGN_THEME_WHO_AHEAD]; /* a ring */
	size_t whohead, nwho;
	struct resp *resp;
	size_t nresp, rcap;
	uint8_t *terms;			/* the terms, 7 bits a byte
					 * (varint.h): 18 million terms of a
					 * million responses in 37 MB, not 74 */
	size_t nterms, tcap;		/* bytes */
	uint32_t *termbuf;		/* one response's, decoded */
	size_t termbufcap;
	uint8_t *toks;			/* the tokens, 7 bits a byte (the
					 * high bit: more follow) */
	size_t ntoks, kcap;
	uint32_t *tokbuf;		/* one response's, decoded */
	size_t tokbufcap;
	struct align_buf texts;		/* with keep_text: the texts */
	size_t *text_at, ntext, textcap; /* where each response's begins */
	struct earlier *old;
	size_t nold, oldcap;
	struct theme *theme;
	size_t ntheme, themecap;
	size_t session_people;		/* participants of the session */
	struct align_node *session;	/* a copy of the first, or NULL */
	struct align_tables tables;	/* the data tables, when there */
	int concepts;			/* the concepts count: the input is of
					 * their domain (theme_group.c) */
	double *confidence;		/* by theme: theme_suggest.c */
	int32_t *near;			/* by response in no theme: the theme
					 * suggested, or -1 */
	double *near_sim;		/* how alike it is */
	uint32_t *surface;		/* by stem: its most frequent token */
	uint32_t *seen;			/* by participant: for support */
	long most_id;			/* the highest tN the file holds */
	struct align_strs ref_p, ref_t;	/* principle ref_p.v[i] names theme
					 * ref_t.v[i] */
	struct align_strs notes;	/* what a person should be told */
};

/* theme.c */
/* Response r's id. */
const char *align_themer_resp_id(const struct align_themer *t, uint32_t r);
/* Response r's r->nterm terms, decoded into t->termbuf (valid until the
 * next call; one thread), or into out (room for r->nterm). */
const uint32_t *align_themer_terms(const struct align_themer *t,
    const struct resp *r);
void align_themer_terms_into(const struct align_themer *t,
    const struct resp *r, uint32_t *out);
/* Where the terms of response i end in t->terms. */
uint32_t align_themer_terms_end(const struct align_themer *t, size_t i);
/* Response r's r->ntok tokens, decoded into t->tokbuf: valid until the
 * next call (one thread). */
const uint32_t *align_themer_toks(const struct align_themer *t,
    const struct resp *r);
/* Sort the responses m[0 .. n) by id: 0, or -1 when out of memory. */
int align_themer_sort(const struct align_themer *t, uint32_t *m, size_t n);
/* Append th to the themes (taken, even on failure): 0, or -1 and e. */
int align_themer_add_theme(struct align_themer *t, const struct theme *th,
    struct align_err *e);
void align_theme_release(struct theme *th);
/* A hash of a set of response ids, whatever their order. */
uint64_t align_themer_set_hash(uint64_t h, const char *id);

/* theme_edit.c */
/* The edits of the options, on the themes of the input: 0, or -1 and e
 * (64 an edit that cannot be made, 71). */
int align_themer_edit(struct align_themer *t, struct align_err *e);
/* The themes people made, kept, with the responses still there (and
 * placed by them): 0, or -1 and e (71). */
int align_themer_keep_manual(struct align_themer *t, struct align_err *e);
/* An automatic theme th of response set set that came out as a theme of
 * the input whose label a person edited: that label, and th manual. */
int align_themer_keep_label(struct align_themer *t, struct theme *th,
    uint64_t set, struct align_err *e);

/* theme_join.c */
/* The new responses (in no theme of the input) that fit a person's theme
 * (t->theme[0 .. nmanual)) better than their automatic one, moved to it;
 * the automatic themes then described again: 0, or -1 and e (71). */
int align_themer_join(struct align_themer *t, size_t nmanual,
    struct align_err *e);

/* theme_id.c */
/* Theme id id is in the file (a theme's, or one a principle names). */
int align_themer_seen(struct align_themer *t, const char *id);
/* Principle principle names theme theme: 0, or -1 and e (71). */
int align_themer_refer(struct align_themer *t, const char *principle,
    const char *theme, struct align_err *e);
/* The themes, ranked, ranks and ids: kept while a theme is the same, new
 * ones never used; notes for the themes gone that principles name.  0, or
 * -1 and e (71). */
int align_themer_number(struct align_themer *t, struct align_err *e);

/* theme_group.c */
/* The responses nobody placed, grouped into automatic themes, labelled:
 * 0, or -1 and e (71). */
int align_themer_group(struct align_themer *t, struct align_err *e);

/* theme_meaning.c */
/* The responses order[0 .. n) grouped on their concepts and words side
 * by side (average linkage at threshold) into z: how many groups, or -1
 * and e (71). */
long align_themer_meaning(const struct align_themer *t,
    const uint32_t *order, size_t n, double threshold, uint32_t *z,
    struct align_err *e);

/* theme_suggest.c */
/* Once the themes are numbered, for the view (align_themes_make()):
 * each one's confidence, and the theme nearest each response in no
 * theme.  0, or -1 and e (71). */
int align_themer_suggest(struct align_themer *t, struct align_err *e);

/* theme_label.c */
/* The most frequent way each stem is written: 0, or -1 and e (71). */
int align_themer_surfaces(struct align_themer *t, struct align_err *e);
/* Label, keywords and typical response of the themes from first on, in
 * new records: 0, or -1 and e (71). */
int align_themer_describe(struct align_themer *t, size_t first,
    struct align_err *e);

#endif
