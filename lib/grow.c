#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

int
align_grow(void *pp, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 16;
	void *p, *np;

	if (need <= *cap)
		return 0;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return -1;
		c *= 2;
	}
	if (elem && c > SIZE_MAX / elem)
		return -1;
	/* Through memcpy: pp points to a pointer of any object type. */
	memcpy(&p, pp, sizeof(p));
	if ((np = realloc(p, c * elem)) == NULL)
		return -1;
	memcpy(pp, &np, sizeof(np));
	*cap = c;
	return 0;
}
