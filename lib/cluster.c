/* What the grouping methods share: their groups numbered by size. */
#include <stdlib.h>

#include "cluster_int.h"

/* Clusters in order: the largest first, ties by their first document. */
static void
by_size(uint32_t *order, size_t used, const size_t *size,
    const size_t *first)
{
	size_t i, j;

	for (i = 1; i < used; i++) {
		uint32_t c = order[i];

		for (j = i; j > 0 && (size[order[j - 1]] < size[c] ||
		    (size[order[j - 1]] == size[c] &&
		    first[order[j - 1]] > first[c])); j--)
			order[j] = order[j - 1];
		order[j] = c;
	}
}

long
align_groups_by_size(uint32_t *z, size_t n, size_t k, struct align_err *e)
{
	size_t *size = calloc(k, sizeof(*size)), *first = malloc(k *
	    sizeof(*first)), i, used = 0;
	uint32_t *order = malloc(k * sizeof(*order)), *rank = malloc(k *
	    sizeof(*rank));
	long rc = -1;

	if (size == NULL || first == NULL || order == NULL || rank == NULL) {
		rc = align_err_nomem(e);
		goto out;
	}
	for (i = 0; i < k; i++)
		first[i] = n;
	for (i = 0; i < n; i++)
		if (size[z[i]]++ == 0)
			first[z[i]] = i;
	for (i = 0; i < k; i++)
		if (size[i])
			order[used++] = (uint32_t)i;
	by_size(order, used, size, first);
	for (i = 0; i < used; i++)
		rank[order[i]] = (uint32_t)i;
	for (i = 0; i < n; i++)
		z[i] = rank[z[i]];
	rc = (long)used;
out:
	free(size);
	free(first);
	free(order);
	free(rank);
	return rc;
}
