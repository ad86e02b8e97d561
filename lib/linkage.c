/*
 * Average linkage: agglomerative clustering on the cosine similarity of
 * TF-IDF vectors, merging the two groups most alike on average while
 * they are at least threshold alike, or (threshold 0) at the cut of the
 * highest modularity, which the data choose.  O(n^2) memory and O(n^3) time: for
 * a meeting, not a survey.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "cluster_int.h"

/* Groups less alike than this on average are never joined. */
#define CUT_LEAST 1e-9
/* The resolution of the modularity that chooses the cut (Reichardt and
 * Bornholdt 2006; 1 is Newman's): above 1, smaller groups.  2: on 240
 * and 400 random lines of the short-text sets (StackOverflow and
 * Biomedical: 20 classes) 21 to 42 themes where the threshold of 0.15
 * gave 72 to 123, ARI 0.15 -> 0.27-0.30 (StackOverflow), 0.08-0.10 ->
 * 0.19-0.22 (Biomedical), Tweet 0.45-0.49 -> 0.64-0.74; 1 gave 9 to 23
 * themes but lower ARI. */
#define CUT_RESOLUTION 2.0

struct linkage {
	const uint32_t *terms;
	const size_t *off;
	size_t n;
	double *idf;		/* by term */
	double *norm;		/* by document */
	double *sim;		/* [i * n + j]: summed similarities of groups */
	size_t *size;		/* of the group a document leads */
	char *alive;		/* a document leads a group */
	uint32_t *root;		/* the document leading a document's group */
	double *deg;		/* a group's summed similarities to all */
	uint32_t *best;		/* root at the best cut so far */
};

/* Document frequencies, then idf = log(n / df) + 1. */
static void
weigh(struct linkage *l, size_t nterms)
{
	size_t i, k, t;

	for (i = 0; i < l->n; i++)
		for (t = l->off[i]; t < l->off[i + 1]; t++) {
			for (k = l->off[i]; k < t && l->terms[k] != l->terms[t];
			    k++)
				;
			if (k == t)
				l->idf[l->terms[t]] += 1;
		}
	for (t = 0; t < nterms; t++)
		if (l->idf[t] > 0)
			l->idf[t] = log((double)l->n / l->idf[t]) + 1;
}

/* The length of each document's vector of term counts weighted by
 * idf. */
static void
norms(struct linkage *l)
{
	const uint32_t *terms = l->terms;
	size_t i, k, t;

	for (i = 0; i < l->n; i++) {
		for (t = l->off[i]; t < l->off[i + 1]; t++) {
			double c = 0;

			for (k = l->off[i]; k < l->off[i + 1]; k++)
				c += terms[k] == terms[t];
			l->norm[i] += l->idf[terms[t]] * l->idf[terms[t]] * c;
		}
		l->norm[i] = sqrt(l->norm[i]);
	}
}

/* The cosine similarity of documents i and j, cnt[term] the times each
 * term is in j: for each of i's words in turn, its idf squared once for
 * each time j has it, added in the order a walk over both documents'
 * words would add them, so that the sum is the same to the last bit. */
static double
cosine(const struct linkage *l, size_t i, size_t j, const uint32_t *cnt)
{
	const uint32_t *terms = l->terms;
	double dot = 0;
	size_t t;
	uint32_t c;

	for (t = l->off[i]; t < l->off[i + 1]; t++)
		for (c = cnt[terms[t]]; c > 0; c--)
			dot += l->idf[terms[t]] * l->idf[terms[t]];
	return l->norm[i] > 0 && l->norm[j] > 0 ?
	    dot / (l->norm[i] * l->norm[j]) : 0;
}

/* The similarity of every two documents: O(n^2) pairs, each in the
 * length of one of them (cnt, by term, zero and left so). */
static void
similarities(struct linkage *l, uint32_t *cnt)
{
	size_t i, j, t, n = l->n;

	for (j = 0; j < n; j++) {
		l->sim[j * n + j] = 0;
		for (t = l->off[j]; t < l->off[j + 1]; t++)
			cnt[l->terms[t]]++;
		for (i = 0; i < j; i++)
			l->sim[i * n + j] = l->sim[j * n + i] =
			    cosine(l, i, j, cnt);
		for (t = l->off[j]; t < l->off[j + 1]; t++)
			cnt[l->terms[t]] = 0;
	}
}

/* Every document a group of its own. */
static void
singletons(struct linkage *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		l->size[i] = 1;
		l->alive[i] = 1;
		l->root[i] = (uint32_t)i;
	}
}

/* The two groups most alike on average (the first pair among equals):
 * their average similarity, or -1 when there are not two groups. */
static double
closest(const struct linkage *l, size_t *a, size_t *b)
{
	double best = -1;
	size_t i, j, n = l->n;

	for (i = 0; i < n; i++) {
		if (!l->alive[i])
			continue;
		for (j = i + 1; j < n; j++) {
			double avg;

			if (!l->alive[j])
				continue;
			avg = l->sim[i * n + j] / (double)(l->size[i] *
			    l->size[j]);
			if (avg > best + 1e-12) {
				best = avg;
				*a = i;
				*b = j;
			}
		}
	}
	return best;
}

/* Group b joins group a. */
static void
join(struct linkage *l, size_t a, size_t b)
{
	size_t k, n = l->n;

	for (k = 0; k < n; k++) {
		if (!l->alive[k] || k == a || k == b)
			continue;
		l->sim[a * n + k] += l->sim[b * n + k];
		l->sim[k * n + a] = l->sim[a * n + k];
	}
	l->size[a] += l->size[b];
	l->deg[a] += l->deg[b];
	l->alive[b] = 0;
	for (k = 0; k < n; k++)
		if (l->root[k] == b)
			l->root[k] = (uint32_t)a;
}

/* Each document's summed similarity to the others (its degree), and
 * their total: 0 when no two documents share anything. */
static double
degrees(struct linkage *l)
{
	double all = 0;
	size_t i, j, n = l->n;

	for (i = 0; i < n; i++) {
		l->deg[i] = 0;
		for (j = 0; j < n; j++)
			l->deg[i] += l->sim[i * n + j];
		all += l->deg[i];
	}
	return all;
}

/* The cut the data choose: merge the closest groups while they share
 * anything, and keep the grouping of the highest modularity (Newman
 * 2004, on the graph whose weights are the similarities): the share of
 * similarity within groups less what it would be were the groups drawn
 * at random with the same degrees.  A group of short texts that share
 * few words each stays together as long as they share more with each
 * other than with the rest, however low their average similarity:
 * no threshold fixed for texts of one length. */
static void
modular_cut(struct linkage *l)
{
	double all = degrees(l), q = 0, top = 0;
	size_t i, a = 0, b = 0;

	for (i = 0; i < l->n; i++)
		l->best[i] = l->root[i];
	if (all <= 0)
		return;
	while (closest(l, &a, &b) > CUT_LEAST) {
		q += 2 * (l->sim[a * l->n + b] / all -
		    CUT_RESOLUTION * l->deg[a] * l->deg[b] / (all * all));
		join(l, a, b);
		if (q > top + 1e-12) {
			top = q;
			memcpy(l->best, l->root, l->n * sizeof(*l->best));
		}
	}
	memcpy(l->root, l->best, l->n * sizeof(*l->root));
}

/* Merge while two groups are threshold alike on average (threshold 0:
 * at the cut of modular_cut), then number the groups into z. */
static long
agglomerate(struct linkage *l, double threshold, uint32_t *z,
    struct align_err *e)
{
	size_t i, a = 0, b = 0;

	singletons(l);
	/* sim holds sums of pairwise similarities between groups. */
	if (threshold > 0)
		while (closest(l, &a, &b) >= threshold)
			join(l, a, b);
	else
		modular_cut(l);
	for (i = 0; i < l->n; i++)
		z[i] = l->root[i];
	return align_groups_by_size(z, l->n, l->n, e);
}

long
align_linkage(const uint32_t *terms, const size_t *off, size_t n,
    size_t nterms, double threshold, uint32_t *z, struct align_err *e)
{
	struct linkage l = { terms, off, n, NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL };
	uint32_t *cnt = calloc(nterms ? nterms : 1, sizeof(*cnt));
	long rc;

	l.idf = calloc(nterms ? nterms : 1, sizeof(*l.idf));
	l.sim = malloc(n * n * sizeof(*l.sim));
	l.norm = calloc(n, sizeof(*l.norm));
	l.size = malloc(n * sizeof(*l.size));
	l.alive = malloc(n);
	l.root = malloc(n * sizeof(*l.root));
	l.deg = malloc((n + 1) * sizeof(*l.deg));
	l.best = malloc((n + 1) * sizeof(*l.best));
	if (cnt == NULL || l.idf == NULL || l.sim == NULL || l.norm == NULL ||
	    l.size == NULL || l.alive == NULL || l.root == NULL ||
	    l.deg == NULL || l.best == NULL) {
		rc = align_err_nomem(e);
		goto out;
	}
	weigh(&l, nterms);
	norms(&l);
	similarities(&l, cnt);
	rc = agglomerate(&l, threshold, z, e);
out:
	free(cnt);
	free(l.idf);
	free(l.sim);
	free(l.norm);
	free(l.size);
	free(l.alive);
	free(l.root);
	free(l.deg);
	free(l.best);
	return rc;
}

long
align_linkage_sim(double *sim, size_t n, double threshold, uint32_t *z,
    struct align_err *e)
{
	struct linkage l = { NULL, NULL, n, NULL, NULL, sim, NULL, NULL,
	    NULL, NULL, NULL };
	size_t i;
	long rc;

	l.size = malloc((n + 1) * sizeof(*l.size));
	l.alive = malloc(n + 1);
	l.root = malloc((n + 1) * sizeof(*l.root));
	l.deg = malloc((n + 1) * sizeof(*l.deg));
	l.best = malloc((n + 1) * sizeof(*l.best));
	if (l.size == NULL || l.alive == NULL || l.root == NULL ||
	    l.deg == NULL || l.best == NULL)
		rc = align_err_nomem(e);
	else {
		for (i = 0; i < n; i++)
			sim[i * n + i] = 0;
		rc = agglomerate(&l, threshold, z, e);
	}
	free(l.size);
	free(l.alive);
	free(l.root);
	free(l.deg);
	free(l.best);
	return rc;
}
