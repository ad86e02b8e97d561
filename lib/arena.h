/*
 * arena.h - strings kept NUL-terminated in chunks that never move, freed
 * all at once: the one store of a dictionary's strings (hash.h) and of a
 * roster's (roster_int.h).
 *
 *	struct align_arena a = ALIGN_ARENA_INIT;
 *	const char *p = align_arena_put(&a, s, n);	(NULL: out of memory)
 *	align_arena_release(&a);			(every p gone)
 *
 * Chunks grow from 1 KiB, doubling to 64 KiB: a small store (a meeting's)
 * takes little room, a large one (a survey's third of a million names)
 * few chunks and at most one chunk's worth unused.  A string longer than
 * a chunk has one of its own.  A string that fits the newest chunk is
 * put there inline, without a call.
 */
#ifndef ALIGN_ARENA_H
#define ALIGN_ARENA_H

#include <stddef.h>
#include <string.h>

struct align_arena {
	char *next;				/* the newest chunk's room */
	size_t room;				/* its bytes */
	struct align_arena_chunk *chunk;	/* the newest first */
};
#define ALIGN_ARENA_INIT { NULL, 0, NULL }

/* align_arena_put() when the newest chunk has no room: into a new one. */
char *align_arena_put_new(struct align_arena *a, const char *s, size_t n);

/* A copy of the n bytes at s and a NUL after them, in the arena: NULL
 * when out of memory (the arena as it was). */
static inline char *
align_arena_put(struct align_arena *a, const char *s, size_t n)
{
	char *p = a->next;

	if (n >= a->room)
		return align_arena_put_new(a, s, n);
	memcpy(p, s, n);
	p[n] = '\0';
	a->next = p + n + 1;
	a->room -= n + 1;
	return p;
}

/* The bytes the arena holds, its chunks' headers and unused room too. */
size_t align_arena_size(const struct align_arena *a);
void align_arena_release(struct align_arena *a);

#endif
