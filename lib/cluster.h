/*
 * cluster.h - grouping short texts, and scoring a grouping.
 *
 * Documents are bags of term ids: document d holds terms[off[d] ..
 * off[d + 1]).  Both methods find the number of groups themselves and are
 * deterministic for a seed.
 *
 * GSDMM (Yin and Wang, "A Dirichlet multinomial mixture model-based
 * approach for short text clustering", KDD 2014): a collapsed Gibbs
 * sampler over a mixture of unigram models, one topic a document, with K
 * an upper bound; empty clusters vanish.  For large inputs it learns on a
 * sample spread over the documents and then gives every document its most
 * probable cluster.
 *
 * Average linkage: agglomerative clustering on the cosine similarity of
 * TF-IDF vectors, merging while two groups are on average at least
 * threshold alike.
 */
#ifndef ALIGN_CLUSTER_H
#define ALIGN_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct align_gsdmm_opts {
	size_t k;		/* most clusters (0: from the input size) */
	double alpha, beta;	/* Dirichlet priors (0: 0.1 and 0.2) */
	int iters;		/* Gibbs sweeps (0: 40) */
	size_t sample;		/* most documents to learn on (0: 10000) */
	int refine;		/* rounds of k-means after sampling, at most
				 * (0: 10; -1: none) */
	uint64_t seed;
};

/* Group n documents into z[0..n-1] = 0, 1, ... (largest group first).
 * Returns the number of groups, or -1 and e (71). */
long align_gsdmm(const uint32_t *terms, const size_t *off, size_t n,
    size_t nterms, const struct align_gsdmm_opts *o, uint32_t *z,
    struct align_err *e);

/* The same with average linkage; weight[t] scales term t (NULL: 1). */
long align_linkage(const uint32_t *terms, const size_t *off, size_t n,
    size_t nterms, double threshold, uint32_t *z, struct align_err *e);

/* Scores of a grouping a against gold labels b, both n long: normalised
 * mutual information (arithmetic mean) and the adjusted Rand index. */
double align_nmi(const uint32_t *a, const uint32_t *b, size_t n);
double align_ari(const uint32_t *a, const uint32_t *b, size_t n);

#endif
