/*
 * hash.h - SipHash-2-4, content ids and a set of strings.
 *
 * SipHash is a keyed pseudo-random function (Aumasson and Bernstein,
 * 2012): with a secret key it makes pseudonyms nobody can reverse by
 * guessing names; with the zero key it makes stable content ids.
 */
#ifndef ALIGN_HASH_H
#define ALIGN_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

uint64_t align_siphash(const unsigned char key[16], const void *data,
    size_t n);

/* A check of n bytes at p against damage, not against an adversary (a
 * cache's contents, once SipHash or a fingerprint says whose they are):
 * four lanes of multiply and shift, several times faster than SipHash. */
uint64_t align_check64(const void *p, size_t n);

/* A response id from its content, "r-" and 16 hex digits, into out (at
 * least 19 bytes).  at is the time the input gave (NULL or "" when it gave
 * none); occurrence tells apart identical untimed responses of one input
 * (1 for the first).  Any NULL string counts as "".  0, or -1 when out of
 * memory. */
int align_response_id(const char *participant, const char *at,
    const char *text, unsigned long occurrence, char out[19]);

/* The same in two steps: the hash of the content (0, or -1 when out of
 * memory), then the id of its nth occurrence. */
int align_response_hash(const char *participant, const char *at,
    const char *text, uint64_t *out);
void align_response_id_of(uint64_t hash, unsigned long occurrence,
    char out[19]);

/* A set of byte strings, kept as 128-bit fingerprints (16 bytes a string,
 * whatever its length).  Zero-initialise it (ALIGN_SET_INIT). */
struct align_set {
	struct align_set_slot *slot;
	size_t n, cap;
};
#define ALIGN_SET_INIT { NULL, 0, 0 }

/* Add s: 1 when it was new, 0 when it was there, -1 when out of memory. */
int align_set_add(struct align_set *set, const char *s, size_t n);
/* The fingerprint the set keeps of s: two 64-bit hashes, never both 0. */
void align_fingerprint(const char *s, size_t n, uint64_t *a, uint64_t *b);
/* Add a fingerprint of align_fingerprint(): as align_set_add(). */
int align_set_add_fp(struct align_set *set, uint64_t a, uint64_t b);
int align_set_has_fp(const struct align_set *set, uint64_t a, uint64_t b);
/* 1 when s is in the set. */
int align_set_has(const struct align_set *set, const char *s, size_t n);
void align_set_release(struct align_set *set);



/* The probe of every open-addressed table of 64-bit keys here (idset.h,
 * counts, the dictionary): slot of cap entries (a power of two), 0 an
 * empty one; where v is, from slot start on, or the empty slot where it
 * would go.  The table must have an empty slot. */
static inline size_t
align_probe64(const uint64_t *slot, size_t cap, size_t start, uint64_t v)
{
	size_t i = start & (cap - 1);

	while (slot[i] && slot[i] != v)
		i = (i + 1) & (cap - 1);
	return i;
}

/* Double the open-addressed table of 64-bit entries at *slot, of *cap
 * entries (a power of two; 0 an empty one; fewer entries than cap), each
 * entry v probed for from home(v, cap) on: in place, for realloc(3) moves
 * a large table's pages rather than copy them, and each entry goes to its
 * new place from where it is, so that the old table and the new are never
 * both held (a million responses' counts take 16 MB at the most, not
 * 24).  A table of no entries (*cap 0) becomes one of first, zeroed.  0,
 * or -1 when out of memory (the table as it was). */
int align_table64_double(uint64_t **slot, size_t *cap, size_t first,
    size_t (*home)(uint64_t v, size_t cap));

/* Counts by 64-bit key, about 8 bytes a key seen once: how often a
 * response was seen. */
struct align_count {
	uint64_t *slot;		/* the keys seen (0 is kept as 1); 0: empty */
	size_t n, cap;
	struct align_count_dup *dup;	/* the keys seen more than once */
	size_t ndup, dupcap;
};
#define ALIGN_COUNT_INIT { NULL, 0, 0, NULL, 0, 0 }

/* Add one to key's count and return the new count; 0 when out of memory. */
unsigned long align_count_inc(struct align_count *c, uint64_t key);
void align_count_release(struct align_count *c);

/* A dictionary of byte strings to dense ids 0, 1, 2, ... in the order
 * they were added; the strings are kept (NUL-terminated).  An id takes
 * its string, a pointer and a length (12 bytes) and 8 to 16 bytes of
 * table: no hash is kept by id, for the table's growth hashes the
 * strings again (a million response ids: 8 MB less). */
struct align_dict {
	uint64_t *slot;		/* the hash's high half, then id + 1;
				 * 0: empty (a probe that differs in the
				 * half reads no more) */
	size_t cap;
	char **str;		/* by id */
	uint32_t *len;
	size_t n, ncap;
	struct align_arena strs;	/* where the strings live */
	size_t indexed;			/* ids 0 .. indexed-1 are in slot */
};
#define ALIGN_DICT_INIT \
	{ NULL, 0, NULL, NULL, 0, 0, ALIGN_ARENA_INIT, 0 }

/* The dictionary's hash: eight bytes a step, mixed to the end as in
 * MurmurHash3's finalizer.  The table is in memory only; speed matters
 * more than SipHash's keyed strength (its key would be public anyway).
 * Here, to be inlined where a caller hashes ahead of its lookups. */
static inline uint64_t
align_dict_hash(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL), w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
		h ^= h >> 31;
	}
	/* The last bytes, little-endian, without a call for so few. */
	for (w = 0; i < n; i++)
		w |= (uint64_t)p[i] << (8 * (i & 7));
	h = (h ^ w) * 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

/* The id of s, added when add is set and it is new: the id, -1 when it
 * is not there (or, with add, when out of memory). */
long align_dict_id(struct align_dict *d, const char *s, size_t n, int add);
/* The same, h being align_dict_hash(s, n). */
long align_dict_id_hashed(struct align_dict *d, const char *s, size_t n,
    uint64_t h, int add);
/* Ask the cache for what looking up the string of hash h reads, some
 * lookups before it (many lookups miss the cache in a large dictionary):
 * its slot; then, once the slot has come, the entry it holds.  A hint:
 * nothing changes, and a dictionary changed in between is only slower. */
void align_dict_prefetch_slot(const struct align_dict *d, uint64_t h);
void align_dict_prefetch_entry(const struct align_dict *d, uint64_t h);
/* Add s, known to be new, as the next id (or -1 when out of memory),
 * without hashing it now: the first align_dict_id() after does, so that
 * a dictionary looked up rarely, or never, costs no more than a list. */
long align_dict_push(struct align_dict *d, const char *s, size_t n);
/* Hash what align_dict_push() added: 0, or -1 when out of memory (and
 * then align_dict_id() would find nothing). */
int align_dict_index(struct align_dict *d);
/* Free the table, keeping the ids and their strings: for a dictionary
 * done with lookups (a read that has ended).  A lookup after it makes
 * the table again, and finds what it found before. */
void align_dict_unindex(struct align_dict *d);
void align_dict_release(struct align_dict *d);
#endif
