/*
 * cluster_int.h - inside the grouping methods (cluster.c, gsdmm.c,
 * kmeans.c, linkage.c): documents as the methods read them, and what the
 * methods share.  Not for the tools: cluster.h is the interface.
 *
 * Documents are bags of term ids, document d holding terms[off[d] ..
 * end[d]) (end = off + 1 for documents one after another).  A method may look at only some of the terms (map gives a
 * term its number among those it counts, or UINT32_MAX) and learn on only
 * some of the documents (pick):
 *
 *	struct align_docs dc = { terms, off, off + 1, map, pick, ns, v, NULL,
 *	    NULL };
 *	uint32_t w[ALIGN_DOC_TERMS];
 *	size_t len = align_doc_terms(&dc, dc.pick[i], w);
 */
#ifndef ALIGN_CLUSTER_INT_H
#define ALIGN_CLUSTER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define ALIGN_DOC_TERMS 64	/* terms of one document a method looks at */

struct align_docs {
	const uint32_t *terms;
	const size_t *off;	/* where document d begins */
	const size_t *end;	/* and ends */
	const uint32_t *map;	/* term -> counted term, UINT32_MAX: left
				 * out; NULL: every term as it is */
	const size_t *pick;	/* the documents learnt on */
	size_t ns;		/* how many */
	size_t v;		/* terms counted */
	/* Or NULL: sample document i's counted terms, as align_doc_terms()
	 * gives them, in st[soff[i] .. soff[i + 1]). */
	const uint32_t *st;
	const size_t *soff;
};

/* The first ALIGN_DOC_TERMS counted terms of document d into out, sorted
 * so that repeats stand together; returns how many. */
static inline size_t
align_doc_terms(const struct align_docs *dc, size_t d, uint32_t *out)
{
	const uint32_t *terms = dc->terms, *map = dc->map;
	size_t n = 0, i, j, end = dc->end[d];

	for (i = dc->off[d]; i < end && n < ALIGN_DOC_TERMS; i++) {
		uint32_t t = map ? map[terms[i]] : terms[i];

		if (t == UINT32_MAX)
			continue;
		for (j = n; j > 0 && out[j - 1] > t; j--)
			out[j] = out[j - 1];
		out[j] = t;
		n++;
	}
	return n;
}

/* The counted terms of sample document i (dc->pick[i]): where the cache
 * holds them, or in w; *len of them. */
static inline const uint32_t *
align_sample_terms(const struct align_docs *dc, size_t i, uint32_t *w,
    size_t *len)
{
	if (dc->soff) {
		*len = dc->soff[i + 1] - dc->soff[i];
		return dc->st + dc->soff[i];
	}
	*len = align_doc_terms(dc, dc->pick[i], w);
	return w;
}

/* Number the groups of z[0..n) (each below k) by size, largest first,
 * ties by their first document.  The number of groups, or -1 and e
 * (71). */
long align_groups_by_size(uint32_t *z, size_t n, size_t k,
    struct align_err *e);

#endif
