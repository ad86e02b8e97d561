#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define FIRST 1024
#define MOST 65536

struct align_arena_chunk {
	struct align_arena_chunk *next;
	size_t used, size;
	char data[];
};

/* A new chunk of room for n bytes at least, the newest. */
static struct align_arena_chunk *
chunk_new(struct align_arena *a, size_t n)
{
	struct align_arena_chunk *c = a->chunk;
	size_t size = c == NULL ? FIRST : c->size < MOST / 2 ? c->size * 2 :
	    MOST;

	if (size < n)
		size = n;
	if (size > (size_t)-1 - sizeof(*c) ||
	    (c = malloc(sizeof(*c) + size)) == NULL)
		return NULL;
	c->next = a->chunk;
	c->used = 0;
	c->size = size;
	a->chunk = c;
	return c;
}

char *
align_arena_put(struct align_arena *a, const char *s, size_t n)
{
	struct align_arena_chunk *c = a->chunk;
	char *p;

	if (n == (size_t)-1)
		return NULL;
	if ((c == NULL || c->size - c->used < n + 1) &&
	    (c = chunk_new(a, n + 1)) == NULL)
		return NULL;
	p = c->data + c->used;
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	c->used += n + 1;
	return p;
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
}
