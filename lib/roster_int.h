/*
 * roster_int.h - the roster's parts, for roster.c and roster_cache.c
 * only: the people, the two sorted tables of keys, and the arena every
 * string lives in.
 *
 * Compact: a person is four pointers into the arena (the entry as given,
 * the name, the address or NULL, the folded name), and a key a pointer
 * and its person.  A person's name is its entry when the entry has no
 * address, a name's key is the person's name, a folded name's key the
 * person's folded name: each string is kept once.  The code points the
 * near-miss check compares are decoded from the folded name when it is
 * made, not kept.
 */
#ifndef ALIGN_ROSTER_INT_H
#define ALIGN_ROSTER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "roster.h"

struct person {
	const char *entry, *name, *email, *folded;
};

enum key_kind { K_NAME, K_ALIAS };

/* A name, alias or address (as written, or folded) and its participant. */
struct key {
	const char *s;
	uint32_t person;
	uint32_t kind;		/* enum key_kind */
};

struct keys {
	struct key *v;
	size_t n, cap;
};

struct align_roster {
	struct person *p;
	size_t n, cap;
	struct keys exact;	/* names, aliases and addresses as written */
	struct keys folded;	/* the same folded */
	struct align_arena arena;	/* every string made here */
	void *block;		/* read from a cache: where its strings are */
};

/* The version of the roster's rules and of its cache's format: a change
 * of either makes every cache a miss. */
#define ROSTER_FORMAT 1

/* What a roster of session is made of, as one string, into *b (roster.c):
 * the number of participants' entries, 0 for a record that is not a
 * session, or -1 when out of memory. */
struct align_buf;
long align_roster_source(const struct align_node *session,
    struct align_buf *b);

/* The largest roster: people and keys are counted in 32 bits. */
#define ROSTER_MAX ((size_t)UINT32_MAX - 2)

#endif
