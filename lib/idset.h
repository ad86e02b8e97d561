/*
 * idset.h - the ids of a stream read, in as little memory as tells them
 * apart exactly: the reader's "of two records with the same id the first
 * is kept" for a million responses.
 *
 * A response's content id, "r-" and 16 lowercase hex digits (hash.h), is
 * kept as its 64-bit number, mixed (a mixing that loses nothing, so that
 * two ids are the same exactly when their mixed numbers are): its top 16
 * bits choose one of 65,536 lists, its other 48 are kept in that list,
 * sorted, 6 bytes each (about 9 bytes an id at a million, with no table
 * doubled at once); any other id (a theme's, a principle's, one a person
 * chose) as a 128-bit fingerprint of align_set (hash.h).  A set of up
 * to 4,096 content ids (a meeting's) is a small table instead, for the
 * lists' 1 MiB of heads costs a new process 256 pages to touch and free.
 *
 *	struct align_idset s = ALIGN_IDSET_INIT;
 *	rc = align_idset_add(&s, id, strlen(id));  (1 new, 0 seen, -1 nomem)
 *	align_idset_release(&s);
 */
#ifndef ALIGN_IDSET_H
#define ALIGN_IDSET_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

struct align_idset_list;
struct align_idset {
	struct align_idset_list *list;	/* 65,536 of them, or NULL */
	uint64_t *small;	/* until then: their numbers, 0 an empty slot */
	size_t cap;		/* slots in small */
	size_t n;		/* content ids in the lists or small */
	int zero;		/* "r-0000000000000000" is in the set */
	struct align_set other;	/* the other ids */
};
#define ALIGN_IDSET_INIT { NULL, NULL, 0, 0, 0, ALIGN_SET_INIT }

/* Add the n bytes of id: 1 when it was new, 0 when it was there, -1 when
 * out of memory (the set as it was). */
int align_idset_add(struct align_idset *s, const char *id, size_t n);
/* Ask the memory for the head of the list id would be looked up in,
 * ahead of align_idset_add(): the heads of a million ids' lists are 1
 * MiB, and the reader knows a record's id a few fields before it adds it.
 * That list, or NULL when id has none (the set is small, or id is not a
 * content id); later (once its head has come), its entries asked for
 * with align_idset_prefetch_list(), while the set is not changed. */
const void *align_idset_prefetch(const struct align_idset *s, const char *id,
    size_t n);
void align_idset_prefetch_list(const void *list);
/* 1 when id is in the set. */
int align_idset_has(const struct align_idset *s, const char *id, size_t n);
/* The ids in the set. */
size_t align_idset_count(const struct align_idset *s);
void align_idset_release(struct align_idset *s);

/*
 * The same, each id with a small value (a response's language): about 9
 * bytes a content id, not a copy of it and its hash.
 *
 *	struct align_idmap m = ALIGN_IDMAP_INIT;
 *	align_idmap_put(&m, id, strlen(id), v);	   (0, or -1 nomem)
 *	v = align_idmap_get(&m, id, strlen(id));   (-1: not there)
 */
struct align_idmap {
	uint64_t *slot;		/* numbers of content ids; 0: empty */
	uint8_t *val;		/* their values */
	size_t n, cap;
	int zero;		/* "r-0000000000000000" is in, with zval */
	uint8_t zval;
	struct align_dict other; /* the other ids, with oval */
	uint8_t *oval;
	size_t ocap;
};
#define ALIGN_IDMAP_INIT { NULL, NULL, 0, 0, 0, 0, ALIGN_DICT_INIT, NULL, 0 }

/* Ask the memory for the slot id would be looked up in, some lookups
 * ahead of align_idmap_get(): a theme of a survey looks up a million
 * ids, each in a place of its own. */
void align_idmap_prefetch(const struct align_idmap *m, const char *id,
    size_t n);
/* id's value set to v (added, or replaced): 0, or -1 when out of memory
 * (the map as it was). */
int align_idmap_put(struct align_idmap *m, const char *id, size_t n,
    uint8_t v);
/* id's value, or -1 when it is not there. */
int align_idmap_get(struct align_idmap *m, const char *id, size_t n);
void align_idmap_release(struct align_idmap *m);

#endif
