/*
 * The responses nobody placed, grouped into automatic themes: the method
 * that fits their number (average linkage for a meeting, GSDMM for a
 * survey), a theme a group, then the themes that came out with one label
 * merged into one.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "theme_int.h"

#define LINKAGE_MAX 400		/* more responses than this: GSDMM */
/* The concepts count only when at least this share of the responses has
 * a word (or a phrase of the lexicon) that stands for one, and one at
 * least every DOMAIN_WORDS words: text of their domain.  A share of
 * responses with a hit alone grows with the length of the texts (on
 * 240 texts of 8 classes made by joining 10 or 25 StackOverflow titles
 * of one tag, 0.75 and 0.95 with the data tables: the concepts took
 * over and NMI fell from 1.00 to 0.09); the rate of hits does not.
 * The hand lexicon alone, without near-synonyms, hits less often in any
 * text: it needs one every DOMAIN_WORDS_HAND words.  Measured with the
 * data tables: the development half of tests/data/stories 0.50,
 * tests/data/meeting.txt 0.88, the short-text sets (tweets, questions on
 * programming, titles of biomedical papers) 0.08 to 0.19, and those
 * joined 10 or 25 to a text 0.01 to 0.17.  With the hand lexicon alone:
 * the stories 0.43, meeting.txt 0.98, the short-text sets 0.09 to 0.13,
 * joined 0.16 to 0.29. */
#define DOMAIN_SHARE 0.4
#define DOMAIN_HITS 1
#define DOMAIN_WORDS 20
#define DOMAIN_WORDS_HAND 40
/* A meeting's groups: where average linkage stops is chosen from the
 * data (linkage.c: the cut of the highest modularity), unless
 * --threshold gives the least average similarity of two groups joined.
 * A fixed threshold counted words: short texts share few, so 240 lines
 * of 20 classes came out as 72 themes at 0.15 (about 20 now); on the
 * development half of tests/data/stories the cut gives the themes 0.3
 * gave with the concepts counting. */

/* The responses to group, as bags of terms in id order (the same themes
 * whatever the order of the input). */
struct unplaced {
	uint32_t *order;	/* response by place */
	uint32_t *rank;		/* place by response */
	size_t n;
	uint32_t *terms;	/* linkage: the terms, document by document */
	size_t *off;		/* linkage: where each begins */
	uint32_t *start, *end;	/* GSDMM: where each begins and ends in
				 * t->terms */
	uint32_t *z;		/* group by place */
};

static void
unplaced_release(struct unplaced *u)
{
	free(u->order);
	free(u->rank);
	free(u->terms);
	free(u->off);
	free(u->start);
	free(u->end);
	free(u->z);
}

/* The responses nobody placed, in id order: 0 (u->n may be 0), or -1
 * when out of memory. */
static int
unplaced(const struct align_themer *t, struct unplaced *u)
{
	size_t i;

	memset(u, 0, sizeof(*u));
	if ((u->order = malloc((t->nresp + 1) * sizeof(*u->order))) == NULL)
		return -1;
	for (i = 0; i < t->nresp; i++)
		if (!t->resp[i].placed)
			u->order[u->n++] = (uint32_t)i;
	return u->n ? align_themer_sort(t, u->order, u->n) : 0;
}

/* Whether the concepts count for the responses of u: the share of them
 * with DOMAIN_HITS words or more that stand for one, and one in every
 * DOMAIN_WORDS (DOMAIN_WORDS_HAND) of its words (so the length of the
 * texts does not decide). */
static int
of_the_domain(const struct align_themer *t, const struct unplaced *u)
{
	size_t i, hit = 0, words = t->w.ntconcept ? DOMAIN_WORDS :
	    DOMAIN_WORDS_HAND;

	for (i = 0; i < u->n; i++) {
		const struct resp *r = &t->resp[u->order[i]];

		hit += r->hits >= DOMAIN_HITS &&
		    (size_t)r->hits * words >= r->ntok;
	}
	return u->n > 0 && (double)hit >= DOMAIN_SHARE * (double)u->n;
}

/* Whether u is grouped by average linkage: when asked for, or when it is
 * a meeting's. */
static int
by_linkage(const struct align_themer *t, const struct unplaced *u)
{
	return strcmp(t->o.method, "linkage") == 0 ||
	    (strcmp(t->o.method, "auto") == 0 && u->n <= LINKAGE_MAX);
}

/* Their terms, document by document; concepts only when they count.  For
 * GSDMM, where each document's terms are in t->terms: no copy of them
 * (GSDMM leaves the concepts out itself), their bytes in 32 bits (a
 * million responses: 8 MB, not 16). */
static int
documents(const struct align_themer *t, struct unplaced *u)
{
	size_t i, k, nt = 0;
	int copy = by_linkage(t, u);

	u->z = malloc(u->n * sizeof(*u->z));
	u->rank = malloc((t->nresp + 1) * sizeof(*u->rank));
	if (copy) {
		/* A term takes a byte of t->terms at least. */
		u->off = malloc((u->n + 1) * sizeof(*u->off));
		u->terms = malloc((t->nterms + 1) * sizeof(*u->terms));
	} else {
		u->start = malloc((u->n + 1) * sizeof(*u->start));
		u->end = malloc((u->n + 1) * sizeof(*u->end));
	}
	if (u->z == NULL || u->rank == NULL || (copy ? u->off == NULL ||
	    u->terms == NULL : u->start == NULL || u->end == NULL))
		return -1;
	for (i = 0; i < u->n; i++) {
		const struct resp *r = &t->resp[u->order[i]];
		uint32_t *v = u->terms + nt;

		u->rank[u->order[i]] = (uint32_t)i;
		if (!copy) {
			u->start[i] = r->term;
			u->end[i] = align_themer_terms_end(t, u->order[i]);
			continue;
		}
		u->off[i] = nt;
		align_themer_terms_into(t, r, v);
		if (t->concepts) {
			nt += r->nterm;
			continue;
		}
		for (k = 0; k < r->nterm; k++)
			if (!align_words_is_concept(&t->w, v[k]))
				u->terms[nt++] = v[k];
	}
	if (copy)
		u->off[u->n] = nt;
	return 0;
}

/* The groups of the method chosen (or fit for their number): how many,
 * or -1 and e. */
static long
run_method(const struct align_themer *t, struct unplaced *u,
    struct align_err *e)
{
	static const uint8_t none;
	struct align_gsdmm_opts go = { 0 };

	if (by_linkage(t, u)) {
		if (t->concepts)
			return align_themer_meaning(t, u->order, u->n,
			    t->o.threshold, u->z, e);
		return align_linkage(u->terms, u->off, u->n,
		    align_words_nterms(&t->w), t->o.threshold, u->z, e);
	}
	go.seed = t->o.seed;
	/* t->terms may be NULL when no response has a term: then every
	 * document is empty. */
	return align_gsdmm_docs(t->terms ? t->terms : &none, u->start, u->end,
	    u->n, align_words_nterms(&t->w), t->concepts ? NULL :
	    t->w.concept, &go, u->z, e);
}

/* A theme a group, its responses in id order. */
static int
build_themes(struct align_themer *t, const struct unplaced *u, long k,
    struct align_err *e)
{
	size_t *size = calloc((size_t)k + 1, sizeof(*size)), i;
	size_t first = t->ntheme;
	long c;

	if (size == NULL)
		return align_err_nomem(e);
	for (i = 0; i < u->n; i++)
		size[u->z[i]]++;
	for (c = 0; c < k; c++) {
		struct theme th;

		memset(&th, 0, sizeof(th));
		th.member = malloc((size[c] + 1) * sizeof(*th.member));
		if (th.member == NULL || align_themer_add_theme(t, &th, e) < 0) {
			free(size);
			return align_err_nomem(e);
		}
	}
	free(size);
	for (i = 0; i < u->n; i++) {
		struct theme *th = &t->theme[first + u->z[i]];

		th->member[th->n++] = u->order[i];
	}
	return 0;
}

/* The members of from join those of to; both in id order (rank gives a
 * response's place), so is the union. */
static int
join_members(struct theme *to, const struct theme *from,
    const uint32_t *rank, struct align_err *e)
{
	uint32_t *m = malloc((to->n + from->n) * sizeof(*m));
	size_t a = 0, b = 0, o = 0;

	if (m == NULL)
		return align_err_nomem(e);
	while (a < to->n || b < from->n)
		m[o++] = b == from->n || (a < to->n &&
		    rank[to->member[a]] < rank[from->member[b]]) ?
		    to->member[a++] : from->member[b++];
	free(to->member);
	to->member = m;
	to->n += from->n;
	return 0;
}

/* Automatic themes that came out with the same label are one theme told
 * in other words (GSDMM splits by wording; the lexicon joins by meaning):
 * merged into the first, their descriptions forgotten.  How many merged,
 * or -1 and e. */
static int
merge_alike(struct align_themer *t, size_t first, const uint32_t *rank,
    struct align_err *e)
{
	size_t i, j, kept = first;
	int merged = 0;

	for (i = first; i < t->ntheme; i++) {
		struct theme *th = &t->theme[i];

		for (j = first; j < kept; j++)
			if (strcmp(t->theme[j].label, th->label) == 0)
				break;
		if (j == kept) {
			/* Moved down, not copied: a failure below leaves
			 * each theme in one place, for the themer to free. */
			if (kept != i) {
				t->theme[kept] = *th;
				memset(th, 0, sizeof(*th));
			}
			kept++;
			continue;
		}
		if (join_members(&t->theme[j], th, rank, e) < 0)
			return -1;
		align_theme_release(th);
		merged++;
	}
	t->ntheme = kept;
	for (i = first; merged && i < t->ntheme; i++) {
		align_node_free(t->theme[i].rec);
		free(t->theme[i].label);
		t->theme[i].rec = NULL;
		t->theme[i].label = NULL;
	}
	return merged;
}

int
align_themer_group(struct align_themer *t, struct align_err *e)
{
	struct unplaced u;
	size_t first = t->ntheme;
	long k;
	int rc = -1;

	if (unplaced(t, &u) < 0) {
		rc = align_err_nomem(e);
		goto out;
	}
	t->concepts = !t->o.no_lexicon && of_the_domain(t, &u);
	if (u.n > 0 && documents(t, &u) < 0) {
		rc = align_err_nomem(e);
		goto out;
	}
	if (u.n == 0) {
		rc = 0;
		goto out;
	}
	if ((k = run_method(t, &u, e)) < 0 || build_themes(t, &u, k, e) < 0)
		goto out;
	if ((rc = align_themer_describe(t, first, e)) == 0 &&
	    (rc = merge_alike(t, first, u.rank, e)) > 0)
		rc = align_themer_describe(t, first, e);
out:
	unplaced_release(&u);
	return rc;
}
