/* Spherical k-means over TF-IDF, refining the sampler's groups. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kmeans.h"

uint32_t
align_kmeans_nearest(const struct align_centroids *ce, const uint32_t *w,
    size_t len, double *score)
{
	size_t i, a, best = 0;

	if (len == 0)
		return ce->fallback;
	memset(score, 0, ce->na * sizeof(*score));
	for (i = 0; i < len; i++) {
		const double *row = ce->c + (size_t)w[i] * ce->na;
		double x = ce->idf[w[i]];

		for (a = 0; a < ce->na; a++)
			score[a] += x * row[a];
	}
	for (a = 1; a < ce->na; a++)
		if (score[a] > score[best] + 1e-12)
			best = a;
	return ce->id[best];
}

/* The clusters that hold documents, each given its slot among the
 * centroids (UINT32_MAX: none), and the largest one. */
static void
slots(struct align_centroids *ce, const size_t *count, size_t k,
    uint32_t *slot)
{
	size_t i;

	ce->na = 0;
	ce->fallback = 0;
	for (i = 0; i < k; i++) {
		slot[i] = count[i] ? (uint32_t)ce->na : UINT32_MAX;
		if (count[i] > count[ce->fallback])
			ce->fallback = (uint32_t)i;
		if (count[i])
			ce->id[ce->na++] = (uint32_t)i;
	}
}

/* The length of the TF-IDF vector of terms x[0 .. len), sorted so that
 * repeats stand together.  A term there n times weighs n idf, so it adds
 * (n idf)^2 to the square, not n idf^2: summed term by term, a response
 * that repeats a word came out longer than 1 (on Tweet a third of them,
 * up to 1.88) and outweighed the others in its centroid. */
static double
doc_length(const struct align_centroids *ce, const uint32_t *x, size_t len)
{
	double d = 0;
	size_t i, j;

	for (i = 0; i < len; i = j) {
		double n;

		for (j = i + 1; j < len && x[j] == x[i]; j++)
			;
		n = (double)(j - i) * ce->idf[x[i]];
		d += n * n;
	}
	return sqrt(d);
}

/* Each document of the sample, as a unit vector, added to its
 * centroid. */
static void
sum_documents(struct align_centroids *ce, const struct align_docs *dc,
    const uint32_t *sz, const uint32_t *slot)
{
	uint32_t w[ALIGN_DOC_TERMS];
	size_t i, j;

	for (i = 0; i < dc->ns; i++) {
		size_t len;
		const uint32_t *x = align_sample_terms(dc, i, w, &len);
		double d = doc_length(ce, x, len);

		d = d > 0 ? 1 / d : 0;
		for (j = 0; j < len; j++)
			ce->c[(size_t)x[j] * ce->na + slot[sz[i]]] +=
			    ce->idf[x[j]] * d;
	}
}

/* The centroids made unit; *fit the sum of their lengths before. */
static void
normalise(struct align_centroids *ce, double *norm, double *fit)
{
	size_t t, a;

	for (t = 0; t < ce->v; t++)
		for (a = 0; a < ce->na; a++)
			norm[a] += ce->c[t * ce->na + a] * ce->c[t * ce->na + a];
	*fit = 0;
	for (a = 0; a < ce->na; a++) {
		*fit += sqrt(norm[a]);
		norm[a] = norm[a] > 0 ? 1 / sqrt(norm[a]) : 0;
	}
	for (t = 0; t < ce->v; t++)
		for (a = 0; a < ce->na; a++)
			ce->c[t * ce->na + a] *= norm[a];
}

int
align_kmeans_centroids(struct align_centroids *ce,
    const struct align_docs *dc, size_t k, const uint32_t *sz, double *fit)
{
	uint32_t *slot = malloc(k * sizeof(*slot));
	size_t *count = calloc(k, sizeof(*count)), i;
	double *norm = NULL;
	int rc = -1;

	if (slot == NULL || count == NULL)
		goto out;
	for (i = 0; i < dc->ns; i++)
		count[sz[i]]++;
	slots(ce, count, k, slot);
	free(ce->c);
	if ((ce->c = calloc(ce->v * ce->na + 1, sizeof(*ce->c))) == NULL ||
	    (norm = calloc(ce->na + 1, sizeof(*norm))) == NULL)
		goto out;
	sum_documents(ce, dc, sz, slot);
	normalise(ce, norm, fit);
	rc = 0;
out:
	free(norm);
	free(slot);
	free(count);
	return rc;
}

int
align_kmeans_weigh(struct align_centroids *ce, const struct align_docs *dc,
    size_t k)
{
	uint32_t w[ALIGN_DOC_TERMS];
	size_t i, t;

	ce->idf = calloc(ce->v, sizeof(*ce->idf));
	ce->id = malloc((k + 1) * sizeof(*ce->id));
	if (ce->idf == NULL || ce->id == NULL)
		return -1;
	for (i = 0; i < dc->ns; i++) {
		size_t len;
		const uint32_t *x = align_sample_terms(dc, i, w, &len);

		for (t = 0; t < len; t++)
			if (t == 0 || x[t] != x[t - 1])
				ce->idf[x[t]] += 1;
	}
	for (t = 0; t < ce->v; t++)
		ce->idf[t] = log((1.0 + (double)dc->ns) / (1.0 + ce->idf[t])) +
		    1;
	return 0;
}

/* Every document of the sample to its nearest centroid: how many
 * moved. */
static size_t
reassign(const struct align_centroids *ce, const struct align_docs *dc,
    uint32_t *sz, double *score)
{
	uint32_t w[ALIGN_DOC_TERMS];
	size_t i, moved = 0;

	for (i = 0; i < dc->ns; i++) {
		size_t len;
		const uint32_t *x = align_sample_terms(dc, i, w, &len);
		uint32_t c = len ? align_kmeans_nearest(ce, x, len, score) :
		    sz[i];

		moved += c != sz[i];
		sz[i] = c;
	}
	return moved;
}

int
align_kmeans_refine(struct align_centroids *ce, const struct align_docs *dc,
    size_t k, uint32_t *sz, int rounds, double *fit)
{
	double *score = malloc((k + 1) * sizeof(*score));
	int r, rc = 0;

	if (score == NULL)
		return -1;
	for (r = 0; ; r++) {
		if (align_kmeans_centroids(ce, dc, k, sz, fit) < 0) {
			rc = -1;
			break;
		}
		if (r == rounds || reassign(ce, dc, sz, score) == 0)
			break;
	}
	free(score);
	return rc;
}

/* The sample's term counts by cluster, [term * na + slot], and by term;
 * *na the clusters that hold documents. */
static double *
spread(const struct align_centroids *ce, const struct align_docs *dc,
    size_t k, const uint32_t *sz, double *tot, size_t *na)
{
	uint32_t w[ALIGN_DOC_TERMS];
	uint32_t *slot = malloc((k + 1) * sizeof(*slot));
	double *n = NULL;
	size_t i, j;

	if (slot == NULL)
		return NULL;
	memset(slot, 0xff, k * sizeof(*slot));
	for (i = 0, *na = 0; i < dc->ns; i++)
		if (slot[sz[i]] == UINT32_MAX)
			slot[sz[i]] = (uint32_t)(*na)++;
	if ((n = calloc(ce->v * *na + 1, sizeof(*n))) == NULL)
		goto out;
	for (i = 0; i < dc->ns; i++) {
		size_t len;
		const uint32_t *x = align_sample_terms(dc, i, w, &len);

		for (j = 0; j < len; j++) {
			n[(size_t)x[j] * *na + slot[sz[i]]] += 1;
			tot[x[j]] += 1;
		}
	}
out:
	free(slot);
	return n;
}

int
align_kmeans_focus(struct align_centroids *ce, const struct align_docs *dc,
    size_t k, const uint32_t *sz)
{
	double *tot = calloc(ce->v + 1, sizeof(*tot)), *n, logk;
	size_t t, a, na;

	if (tot == NULL || (n = spread(ce, dc, k, sz, tot, &na)) == NULL) {
		free(tot);
		return -1;
	}
	logk = na > 1 ? log((double)na) : 1;
	for (t = 0; t < ce->v; t++) {
		double h = 0;

		for (a = 0; tot[t] > 0 && a < na; a++) {
			double p = n[t * na + a] / tot[t];

			if (p > 0)
				h -= p * log(p);
		}
		ce->idf[t] *= h < logk ? 1 - h / logk : 0;
	}
	free(n);
	free(tot);
	return 0;
}

void
align_kmeans_release(struct align_centroids *ce)
{
	free(ce->idf);
	free(ce->c);
	free(ce->id);
}
