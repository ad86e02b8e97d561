/*
 * How sure each theme is, and where the responses in no theme might go:
 * every response a TF-IDF vector over its terms (concepts too when they
 * count, as it was grouped), of unit length; a theme's centroid the sum
 * of its responses'.  A theme's confidence is the mean cosine of its
 * responses to its centroid (1: all alike); a response in no theme is
 * suggested the theme whose centroid it is nearest, when at least
 * SUGGEST_LEAST alike.  A suggestion only: nothing moves.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "theme_int.h"

#define SUGGEST_LEAST 0.15

struct space {
	double *idf;		/* by term */
	double *c;		/* a centroid, by term (zero between uses) */
	uint32_t *stamp, mark;	/* by term: counted in a centroid's length */
	uint16_t *n;		/* by term: in one response (zero between) */
};

static int
counts_term(const struct align_themer *t, uint32_t x)
{
	return t->concepts || !align_words_is_concept(&t->w, x);
}

/* The length of response r's vector. */
static double
length(const struct align_themer *t, const struct resp *r,
    const struct space *sp)
{
	const uint32_t *term = align_themer_terms(t, r);
	double s = 0;
	size_t k;

	/* Each term's count in the response, by term (not a count a
	 * term, a pass each): the same sum in the same order. */
	for (k = 0; k < r->nterm; k++)
		sp->n[term[k]]++;
	for (k = 0; k < r->nterm; k++) {
		uint32_t x = term[k];
		double c = sp->n[x];

		if (counts_term(t, x))
			s += c * sp->idf[x] * sp->idf[x];
	}
	for (k = 0; k < r->nterm; k++)
		sp->n[term[k]] = 0;
	return sqrt(s);
}

/* Response r's vector times scale added to the centroid (or its dot
 * product with it, when add is 0). */
static double
with_centroid(const struct align_themer *t, const struct resp *r,
    struct space *sp, double scale, int add)
{
	const uint32_t *v = align_themer_terms(t, r);
	double dot = 0;
	size_t k;

	for (k = 0; k < r->nterm; k++) {
		uint32_t x = v[k];

		if (!counts_term(t, x))
			continue;
		if (add)
			sp->c[x] += scale * sp->idf[x];
		else
			dot += scale * sp->idf[x] * sp->c[x];
	}
	return dot;
}

static int
space(const struct align_themer *t, struct space *sp, double **len)
{
	size_t n = align_words_nterms(&t->w), i, k;
	uint32_t *seen = calloc(n + 1, sizeof(*seen));

	sp->idf = calloc(n + 1, sizeof(*sp->idf));
	sp->c = calloc(n + 1, sizeof(*sp->c));
	sp->stamp = calloc(n + 1, sizeof(*sp->stamp));
	sp->n = calloc(n + 1, sizeof(*sp->n));
	*len = malloc((t->nresp + 1) * sizeof(**len));
	if (seen == NULL || sp->idf == NULL || sp->c == NULL ||
	    sp->stamp == NULL || sp->n == NULL || *len == NULL) {
		free(seen);
		return -1;
	}
	for (i = 0; i < t->nresp; i++) {
		const uint32_t *v = align_themer_terms(t, &t->resp[i]);

		for (k = 0; k < t->resp[i].nterm; k++)
			if (seen[v[k]] != i + 1) {
				seen[v[k]] = (uint32_t)i + 1;
				sp->idf[v[k]]++;
			}
	}
	for (k = 0; k < n; k++)
		if (sp->idf[k] > 0)
			sp->idf[k] = log((double)t->nresp / sp->idf[k]) + 1;
	for (i = 0; i < t->nresp; i++)
		(*len)[i] = length(t, &t->resp[i], sp);
	free(seen);
	return 0;
}

/* The length of theme th's centroid (in sp->c). */
static double
centroid_length(const struct align_themer *t, const struct theme *th,
    struct space *sp)
{
	double norm = 0;
	size_t j, k;

	sp->mark++;
	for (j = 0; j < th->n; j++) {
		const struct resp *r = &t->resp[th->member[j]];
		const uint32_t *v = align_themer_terms(t, r);

		for (k = 0; k < r->nterm; k++) {
			uint32_t x = v[k];

			if (counts_term(t, x) && sp->stamp[x] != sp->mark) {
				sp->stamp[x] = sp->mark;
				norm += sp->c[x] * sp->c[x];
			}
		}
	}
	return sqrt(norm);
}

/* Theme i's centroid into sp->c, its confidence, and the suggestions it
 * makes to the responses in no theme (loose[0 .. nloose)); the centroid
 * cleared again. */
static void
one_theme(struct align_themer *t, size_t i, struct space *sp,
    const double *len, const uint32_t *loose, size_t nloose)
{
	const struct theme *th = &t->theme[i];
	double norm, sum = 0;
	size_t j, k;

	for (j = 0; j < th->n; j++)
		if (len[th->member[j]] > 0)
			with_centroid(t, &t->resp[th->member[j]], sp,
			    1 / len[th->member[j]], 1);
	norm = centroid_length(t, th, sp);
	for (j = 0; norm > 0 && j < th->n; j++)
		if (len[th->member[j]] > 0)
			sum += with_centroid(t, &t->resp[th->member[j]], sp,
			    1 / (len[th->member[j]] * norm), 0);
	t->confidence[i] = th->n ? sum / (double)th->n : 0;
	for (j = 0; norm > 0 && j < nloose; j++) {
		double s = len[loose[j]] > 0 ? with_centroid(t,
		    &t->resp[loose[j]], sp, 1 / (len[loose[j]] * norm), 0) : 0;

		if (s >= SUGGEST_LEAST && s > t->near_sim[loose[j]] + 1e-12) {
			t->near_sim[loose[j]] = s;
			t->near[loose[j]] = (int32_t)i;
		}
	}
	for (j = 0; j < th->n; j++) {
		const struct resp *r = &t->resp[th->member[j]];
		const uint32_t *v = align_themer_terms(t, r);

		for (k = 0; k < r->nterm; k++)
			sp->c[v[k]] = 0;
	}
}

int
align_themer_suggest(struct align_themer *t, struct align_err *e)
{
	struct space sp = { NULL, NULL, NULL, 0, NULL };
	double *len = NULL;
	uint32_t *loose = malloc((t->nresp + 1) * sizeof(*loose));
	size_t i, nloose = 0;
	int rc = -1;

	t->confidence = calloc(t->ntheme + 1, sizeof(*t->confidence));
	t->near = malloc((t->nresp + 1) * sizeof(*t->near));
	t->near_sim = calloc(t->nresp + 1, sizeof(*t->near_sim));
	if (loose == NULL || t->confidence == NULL || t->near == NULL ||
	    t->near_sim == NULL || space(t, &sp, &len) < 0)
		goto out;
	for (i = 0; i < t->nresp; i++) {
		t->near[i] = -1;
		if (t->resp[i].theme < 0)
			loose[nloose++] = (uint32_t)i;
	}
	for (i = 0; i < t->ntheme; i++)
		one_theme(t, i, &sp, len, loose, nloose);
	rc = 0;
out:
	free(loose);
	free(len);
	free(sp.idf);
	free(sp.c);
	free(sp.stamp);
	free(sp.n);
	if (rc == 0)
		return 0;
	/* None at all, so that the view can be asked for again. */
	free(t->confidence);
	free(t->near);
	free(t->near_sim);
	t->confidence = t->near_sim = NULL;
	t->near = NULL;
	return align_err_nomem(e);
}
