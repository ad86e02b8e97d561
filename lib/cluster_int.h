/*
 * cluster_int.h - inside the grouping methods (cluster.c, gsdmm.c,
 * kmeans.c, linkage.c): documents as the methods read them, and what the
 * methods share.  Not for the tools: cluster.h is the interface.
 *
 * Documents are bags of term ids, document d holding terms[off[d] ..
 * end[d]) (end = off + 1 for documents one after another), or, when
 * packed is set, the terms 7 bits a byte (varint.h) in packed[poff[d] ..
 * pend[d]).  A method may look at only some of the terms (map gives a
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
#include "varint.h"

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
	/* Or NULL: the terms 7 bits a byte, document d's in packed[poff[d]
	 * .. pend[d]) (terms, off and end unused). */
	const uint8_t *packed;
	const uint32_t *poff, *pend;
};

/* Term t (or UINT32_MAX: none) into out[0 .. n), kept sorted: the new
 * count. */
static inline size_t
align_doc_insert(uint32_t *out, size_t n, uint32_t t)
{
	size_t j;

	if (t == UINT32_MAX)
		return n;
	for (j = n; j > 0 && out[j - 1] > t; j--)
		out[j] = out[j - 1];
	out[j] = t;
	return n + 1;
}

/* The first ALIGN_DOC_TERMS counted terms of document d into out, sorted
 * so that repeats stand together; returns how many. */
static inline size_t
align_doc_terms(const struct align_docs *dc, size_t d, uint32_t *out)
{
	const uint32_t *terms = dc->terms, *map = dc->map;
	size_t n = 0, i, end;

	if (dc->packed) {
		const uint8_t *p = dc->packed + dc->poff[d];
		const uint8_t *pe = dc->packed + dc->pend[d];

		while (p < pe && n < ALIGN_DOC_TERMS) {
			uint32_t t = align_varint_get(&p);

			n = align_doc_insert(out, n, map ? map[t] : t);
		}
		return n;
	}
	for (i = dc->off[d], end = dc->end[d];
	    i < end && n < ALIGN_DOC_TERMS; i++)
		n = align_doc_insert(out, n, map ? map[terms[i]] : terms[i]);
	return n;
}

/* Every term of document d, in order, as align_doc_terms() reads them but
 * none left out: call with *at = 0 first, and while it gives 1. */
static inline int
align_doc_next(const struct align_docs *dc, size_t d, size_t *at,
    uint32_t *t)
{
	if (dc->packed) {
		const uint8_t *p = dc->packed + dc->poff[d] + *at;

		if (p >= dc->packed + dc->pend[d])
			return 0;
		*t = align_varint_get(&p);
		*at = (size_t)(p - dc->packed) - dc->poff[d];
		return 1;
	}
	if (dc->off[d] + *at >= dc->end[d])
		return 0;
	*t = dc->terms[dc->off[d] + (*at)++];
	return 1;
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
