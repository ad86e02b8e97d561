/*
 * kmeans.h - the refinement of the sampler's groups (used by gsdmm.c).
 *
 * The sampler groups by shared words, but a word it has seen in many
 * groups weighs as much as a rare one; a few rounds of spherical k-means
 * over TF-IDF vectors, started from its groups, let the telling words
 * decide at the edges.  Then every document goes to the nearest centroid.
 *
 *	struct align_centroids ce = { 0 };
 *	ce.v = dc.v;
 *	if (align_kmeans_weigh(&ce, &dc, k) < 0 ||
 *	    align_kmeans_refine(&ce, &dc, k, sz, rounds, &fit) < 0 ||
 *	    align_kmeans_focus(&ce, &dc, k, sz) < 0 ||
 *	    align_kmeans_refine(&ce, &dc, k, sz, 2, &fit) < 0)
 *		...out of memory...
 *	z = align_kmeans_nearest(&ce, w, len, score);
 *	align_kmeans_release(&ce);
 *
 * Clusters are numbered below k; sz gives each document of the sample
 * (dc.pick[0 .. dc.ns)) its cluster.
 */
#ifndef ALIGN_KMEANS_H
#define ALIGN_KMEANS_H

#include <stddef.h>
#include <stdint.h>

#include "cluster_int.h"

struct align_centroids {
	size_t na;		/* clusters that hold documents */
	size_t v;		/* terms (set by the caller) */
	double *idf;		/* by term */
	double *c;		/* [term * na + cluster], unit rows by cluster */
	uint32_t *id;		/* a centroid's cluster */
	uint32_t fallback;	/* for documents with no term: the largest */
};

/* The weights of the terms, idf = log((1 + ns) / (1 + df)) + 1 with df in
 * the sample, and room for k centroids.  0, or -1 when out of memory. */
int align_kmeans_weigh(struct align_centroids *ce,
    const struct align_docs *dc, size_t k);

/* The centroids of the sample's clusters sz, and in *fit how close its
 * documents lie to theirs (the sum of the centroids' lengths before they
 * are made unit).  0, or -1 when out of memory. */
int align_kmeans_centroids(struct align_centroids *ce,
    const struct align_docs *dc, size_t k, const uint32_t *sz, double *fit);

/* Up to rounds rounds of k-means from the clusters sz, which it changes,
 * stopping when no document moves; ce is left with their centroids and
 * *fit with how well they fit.  0, or -1 when out of memory. */
int align_kmeans_refine(struct align_centroids *ce,
    const struct align_docs *dc, size_t k, uint32_t *sz, int rounds,
    double *fit);

/* The cluster of the centroid nearest to the document of terms
 * w[0 .. len) (ties to the first; no term: the largest); score is
 * scratch of ce->na. */
uint32_t align_kmeans_nearest(const struct align_centroids *ce,
    const uint32_t *w, size_t len, double *score);

/* The weights of the terms again, each times 1 - H / log K, H the
 * entropy of how its uses in the sample spread over the K clusters of
 * sz: a word of every group (StackOverflow's "error", "file") weighs
 * little, a word of one group keeps its idf.  Grouped by a common word,
 * documents then go to the group their telling words name (NMI on
 * StackOverflow 0.61-0.67 to 0.66-0.71).  0, or -1 when out of memory. */
int align_kmeans_focus(struct align_centroids *ce,
    const struct align_docs *dc, size_t k, const uint32_t *sz);

void align_kmeans_release(struct align_centroids *ce);

#endif
