/*
 * cluster.h - grouping short texts, and scoring a grouping.
 *
 * Documents are bags of term ids: document d holds terms[off[d] ..
 * off[d + 1]).  Both methods find the number of groups themselves, are
 * deterministic for their input (and seed), and number the groups 0, 1,
 * ... from the largest (ties: the group of the earlier document first).
 *
 * GSDMM (gsdmm.c; Yin and Wang, "A Dirichlet multinomial mixture
 * model-based approach for short text clustering", KDD 2014): a collapsed
 * Gibbs sampler over a mixture of unigram models, one topic a document,
 * with K an upper bound; empty clusters vanish.  For large inputs it
 * learns on a sample spread over the documents.  Its groups are then
 * refined by rounds of spherical k-means over TF-IDF (kmeans.c), and every
 * document goes to the nearest centroid.
 *
 * Average linkage (linkage.c): agglomerative clustering on the cosine
 * similarity of TF-IDF vectors, merging while two groups are on average
 * at least threshold alike; threshold 0: at the cut the data choose (the
 * grouping of highest modularity along the merges).  Its memory grows
 * with the square of n.
 *
 *	uint32_t *z = malloc(n * sizeof(*z));
 *	long k = align_gsdmm(terms, off, n, nterms, &opts, z, &e);
 *	if (k < 0)
 *		...e says why (71)...
 */
#ifndef ALIGN_CLUSTER_H
#define ALIGN_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct align_gsdmm_opts {
	size_t k;		/* most clusters (0: n / 8, 10 to 300, at most n) */
	double alpha, beta;	/* Dirichlet priors (0: 0.1 and 0.2) */
	int iters;		/* Gibbs sweeps at most (0: 40): on a sample
				 * of 2,000 or more, fewer once 5 in a row
				 * move no fewer documents */
	size_t sample;		/* most documents to learn on (0: 10000),
				 * and no more than hold 100,000 terms as
				 * the documents go on average (2,500 at
				 * least) */
	int refine;		/* rounds of k-means after sampling, at most
				 * (0: 10; -1: none) */
	uint64_t seed;
};

/* Group n documents over terms 0 .. nterms-1 into z[0 .. n) = 0, 1, ...
 * Returns the number of groups (0 for no documents), or -1 and e (71). */
long align_gsdmm(const uint32_t *terms, const size_t *off, size_t n,
    size_t nterms, const struct align_gsdmm_opts *o, uint32_t *z,
    struct align_err *e);

/* The same for documents anywhere in a pool of terms 7 bits a byte
 * (varint.h), document d in packed[start[d] .. end[d]), the terms t with
 * drop[t] set (drop may be NULL) left out as if they were not there. */
long align_gsdmm_docs(const uint8_t *packed, const uint32_t *start,
    const uint32_t *end, size_t n, size_t nterms, const uint8_t *drop,
    const struct align_gsdmm_opts *o, uint32_t *z, struct align_err *e);

/* The same with average linkage, every term weighted by its idf. */
long align_linkage(const uint32_t *terms, const size_t *off, size_t n,
    size_t nterms, double threshold, uint32_t *z, struct align_err *e);
/* The same on the similarities sim[i * n + j] of n documents, given
 * (symmetric; used up: it holds the groups' sums when done). */
long align_linkage_sim(double *sim, size_t n, double threshold, uint32_t *z,
    struct align_err *e);

/* Scores (score.c) of a grouping a against gold labels b, both n long:
 * normalised mutual information (arithmetic mean) and the adjusted Rand
 * index; 1 for the same grouping under other numbers.  0 when out of
 * memory. */
double align_nmi(const uint32_t *a, const uint32_t *b, size_t n);
double align_ari(const uint32_t *a, const uint32_t *b, size_t n);

#endif
