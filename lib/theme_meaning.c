/*
 * A meeting's responses grouped by what they mean, when the concepts
 * count (theme_group.c): each response is two vectors side by side, each
 * of unit length,
 *   P  its concept profile: every distinct word that stands for a concept
 *      in the response's own language, weighted by its idf, a word of
 *      several concepts shared between them, a near-synonym by how near
 *      (without the tables: each time a concept of the lexicon is among
 *      its terms, weighted by the concept's idf);
 *   B  TF-IDF over its words, Spanish, German and French ones as their
 *      English pivots (words.c), so that the languages meet;
 * P weighing P_WEIGHT and B the rest, then average linkage on the cosine
 * of those (linkage.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "theme_int.h"

/* The share of the concept profile in the similarity, the words' the
 * rest.  0.3: on the development half of tests/data/stories, ARI 0.197
 * at 0.5 -> 0.240 (mean of 12 draws of 30 stories 0.211 -> 0.225, of 60
 * 0.174 -> 0.198, of 15 0.157 -> 0.132); tests/data/meeting.txt 0.684
 * -> 0.712.  The concepts are few and a word of a concept common, so
 * the words tell apart what the profile alone would join. */
#define P_WEIGHT 0.3
#define MAXC 32		/* concepts in a profile, at most */

struct doc {
	uint32_t *term;		/* distinct word terms, sorted */
	double *w;		/* their TF-IDF, of unit length */
	size_t n;
	double p[MAXC];		/* the concept profile, of unit length */
	int has_p, has_b;	/* P, B not zero */
};

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The distinct word terms of response r (its stems; concepts left out),
 * sorted, into d->term. */
static int
distinct_terms(const struct align_themer *t, const struct resp *r,
    struct doc *d)
{
	const uint32_t *v;
	size_t k, j;

	d->term = malloc((r->nterm + 1) * sizeof(*d->term));
	d->w = malloc((r->nterm + 1) * sizeof(*d->w));
	if (d->term == NULL || d->w == NULL)
		return -1;
	v = align_themer_terms(t, r);
	for (k = 0; k < r->nterm; k++) {
		uint32_t x = v[k];

		if (!align_words_is_concept(&t->w, x))
			d->term[d->n++] = x;
	}
	if (d->n > 1)
		qsort(d->term, d->n, sizeof(*d->term), cmp_u32);
	for (k = j = 0; k < d->n; k++)
		if (j == 0 || d->term[j - 1] != d->term[k])
			d->term[j++] = d->term[k];
	d->n = j;
	return 0;
}

/* d's concept profile of nc concepts to unit length. */
static void
unit_profile(struct doc *d, int nc)
{
	double norm = 0;
	int c;

	for (c = 0; c < nc; c++)
		norm += d->p[c] * d->p[c];
	norm = sqrt(norm);
	for (c = 0; norm > 0 && c < nc; c++)
		d->p[c] /= norm;
	d->has_p = norm > 0;
}

/* The concept profile of response r, each word weighted by idf (df: by
 * term, over the n responses). */
static void
profile(const struct align_themer *t, const struct resp *r,
    const uint32_t *df, size_t n, struct doc *d, uint32_t *stamp,
    uint32_t mark)
{
	const struct align_words *w = &t->w;
	const uint32_t *toks = align_themer_toks(t, r);
	size_t k;
	int c;

	for (k = 0; k < r->ntok; k++) {
		uint32_t tok = toks[k], mask = w->tok[tok].mask;
		uint32_t st = w->tok[tok].stem;
		double g[32], sum = 0, idf;

		if (mask == 0 || w->tok[tok].stop || stamp[st] == mark)
			continue;
		stamp[st] = mark;
		idf = log((double)n / (double)(df[st] ? df[st] : 1)) + 1;
		for (c = 0; c < w->ntconcept; c++) {
			g[c] = (mask >> c & 1) ? w->tok[tok].grade / 255.0 : 0;
			sum += g[c];
		}
		for (c = 0; c < w->ntconcept; c++)
			d->p[c] += idf * g[c] / (sum > 1 ? sum : 1);
	}
	unit_profile(d, w->ntconcept);
}

/* The concepts of a lexicon without the tables (the default one, or
 * --synonyms): their terms, the first MAXC met in the responses. */
struct hand {
	uint32_t term[MAXC];
	int n;
};

/* Concept term x's place in h, added if there is room: or -1. */
static int
hand_concept(struct hand *h, uint32_t x)
{
	int c;

	for (c = 0; c < h->n && h->term[c] != x; c++)
		;
	if (c == h->n && h->n < MAXC)
		h->term[h->n++] = x;
	return c < h->n ? c : -1;
}

/* The concepts of the lexicon among r's terms (a phrase of one puts its
 * term twice, a word once), into h; each distinct one's documents
 * counted in df once (stamp, mark). */
static void
hand_frequencies(const struct align_themer *t, const struct resp *r,
    struct hand *h, uint32_t *df, uint32_t *stamp, uint32_t mark)
{
	const uint32_t *v = align_themer_terms(t, r);
	size_t k;

	for (k = 0; k < r->nterm; k++) {
		uint32_t x = v[k];

		if (align_words_is_concept(&t->w, x) && stamp[x] != mark &&
		    hand_concept(h, x) >= 0) {
			stamp[x] = mark;
			df[x]++;
		}
	}
}

/* The concept profile of response r from a lexicon's concepts: each
 * time one is among its terms, weighted by that concept's idf. */
static void
hand_profile(const struct align_themer *t, const struct resp *r,
    struct hand *h, const uint32_t *df, size_t n, struct doc *d)
{
	const uint32_t *v = align_themer_terms(t, r);
	size_t k;
	int c;

	for (k = 0; k < r->nterm; k++) {
		uint32_t x = v[k];

		if (align_words_is_concept(&t->w, x) &&
		    (c = hand_concept(h, x)) >= 0)
			d->p[c] += log((double)n / (double)(df[x] ? df[x] :
			    1)) + 1;
	}
	unit_profile(d, h->n);
}

/* The TF-IDF of d's words (each counted once), of unit length; idf as
 * scikit-learn smooths it. */
static void
tfidf(struct doc *d, const uint32_t *df, size_t n)
{
	double norm = 0;
	size_t k;

	for (k = 0; k < d->n; k++) {
		d->w[k] = log((double)(n + 1) / (double)(df[d->term[k]] + 1)) + 1;
		norm += d->w[k] * d->w[k];
	}
	norm = sqrt(norm);
	for (k = 0; norm > 0 && k < d->n; k++)
		d->w[k] /= norm;
	d->has_b = norm > 0;
}

/* The squared length of d's weighted [P ; B]. */
static double
length2(const struct doc *d)
{
	return P_WEIGHT * d->has_p + (1 - P_WEIGHT) * d->has_b;
}

/* The cosine of a's and b's [P ; B], P weighing P_WEIGHT. */
static double
similarity(const struct doc *a, const struct doc *b, int nc)
{
	double p = 0, w = 0, len = sqrt(length2(a) * length2(b));
	size_t i = 0, j = 0;
	int c;

	if (len <= 0)
		return 0;
	for (c = 0; c < nc; c++)
		p += a->p[c] * b->p[c];
	while (i < a->n && j < b->n) {
		if (a->term[i] == b->term[j])
			w += a->w[i++] * b->w[j++];
		else if (a->term[i] < b->term[j])
			i++;
		else
			j++;
	}
	return (P_WEIGHT * p + (1 - P_WEIGHT) * w) / len;
}

/* Document frequencies of the words of d[0 .. n), by term. */
static void
frequencies(const struct doc *d, size_t n, uint32_t *df)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < d[i].n; k++)
			df[d[i].term[k]]++;
}

long
align_themer_meaning(const struct align_themer *t, const uint32_t *order,
    size_t n, double threshold, uint32_t *z, struct align_err *e)
{
	size_t nterms = align_words_nterms(&t->w), i, j;
	struct doc *d = calloc(n + 1, sizeof(*d));
	uint32_t *df = calloc(nterms + 1, sizeof(*df));
	uint32_t *stamp = calloc(nterms + 1, sizeof(*stamp));
	double *sim = malloc((n * n + 1) * sizeof(*sim));
	struct hand h = { { 0 }, 0 };
	long k = -1;

	if (d == NULL || df == NULL || stamp == NULL || sim == NULL)
		goto nomem;
	for (i = 0; i < n; i++)
		if (distinct_terms(t, &t->resp[order[i]], &d[i]) < 0)
			goto nomem;
	frequencies(d, n, df);
	for (i = 0; t->w.ntconcept == 0 && i < n; i++)
		hand_frequencies(t, &t->resp[order[i]], &h, df, stamp,
		    (uint32_t)i + 1);
	for (i = 0; i < n; i++) {
		if (t->w.ntconcept)
			profile(t, &t->resp[order[i]], df, n, &d[i], stamp,
			    (uint32_t)(n + i + 1));
		else
			hand_profile(t, &t->resp[order[i]], &h, df, n, &d[i]);
		tfidf(&d[i], df, n);
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			sim[i * n + j] = sim[j * n + i] = similarity(&d[i],
			    &d[j], t->w.ntconcept ? t->w.ntconcept : h.n);
	k = align_linkage_sim(sim, n, threshold, z, e);
	goto out;
nomem:
	align_err_nomem(e);
out:
	for (i = 0; d && i < n; i++) {
		free(d[i].term);
		free(d[i].w);
	}
	free(d);
	free(df);
	free(stamp);
	free(sim);
	return k;
}
