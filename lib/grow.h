/*
 * grow.h - arrays that grow: the one way this code makes room.
 *
 *	struct item *v = NULL;
 *	size_t n = 0, cap = 0;
 *	if (ALIGN_GROW(v, n + 1, cap) < 0)
 *		return align_err_nomem(e);
 *	v[n++] = x;
 *
 * The capacity at least doubles, so n appends cost O(n); a size that
 * would overflow counts as out of memory.  On failure the array and its
 * capacity are as they were.
 */
#ifndef ALIGN_GROW_H
#define ALIGN_GROW_H

#include <stddef.h>

/* Room for need elements of elem bytes in the array at *pp (a pointer to
 * the array's pointer) of *cap elements: 0, or -1 when out of memory. */
int align_grow(void *pp, size_t *cap, size_t need, size_t elem);

#define ALIGN_GROW(p, need, cap) \
	((size_t)(need) <= (cap) ? 0 : \
	    align_grow(&(p), &(cap), (size_t)(need), sizeof(*(p))))

#endif
