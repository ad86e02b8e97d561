#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define FIRST 1024
#define MOST 65536

struct align_arena_chunk {
	struct align_arena_chunk *next;
	size_t size;
	char data[];
};

char *
align_arena_put_new(struct align_arena *a, const char *s, size_t n)
{
	struct align_arena_chunk *c = a->chunk;
	size_t size = c == NULL ? FIRST : c->size < MOST / 2 ? c->size * 2 :
	    MOST;

	if (n >= (size_t)-1 - sizeof(*c))
		return NULL;
	if (size < n + 1)
		size = n + 1;
	if ((c = malloc(sizeof(*c) + size)) == NULL)
		return NULL;
	c->next = a->chunk;
	c->size = size;
	a->chunk = c;
	a->next = c->data;
	a->room = size;
	return align_arena_put(a, s, n);
}

size_t
align_arena_size(const struct align_arena *a)
{
	const struct align_arena_chunk *c;
	size_t n = 0;

	for (c = a->chunk; c; c = c->next)
		n += sizeof(*c) + c->size;
	return n;
}

void
align_arena_release(struct align_arena *a)
{
	struct align_arena_chunk *c = a->chunk, *next;

	for (; c; c = next) {
		next = c->next;
		free(c);
	}
	a->chunk = NULL;
	a->next = NULL;
	a->room = 0;
}
