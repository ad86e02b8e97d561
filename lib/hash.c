#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

struct align_set_slot {
	uint64_t a, b;	/* a 128-bit fingerprint; 0, 0: empty */
};

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND do { \
	v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
	v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
	v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
	v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); \
} while (0)

static uint64_t
le64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

uint64_t
align_siphash(const unsigned char key[16], const void *data, size_t n)
{
	const unsigned char *p = data, *end = p + (n & ~(size_t)7);
	uint64_t k0 = le64(key), k1 = le64(key + 8);
	uint64_t v0 = 0x736f6d6570736575ULL ^ k0;
	uint64_t v1 = 0x646f72616e646f6dULL ^ k1;
	uint64_t v2 = 0x6c7967656e657261ULL ^ k0;
	uint64_t v3 = 0x7465646279746573ULL ^ k1;
	uint64_t b = (uint64_t)n << 56, m;
	int left = (int)(n & 7);

	for (; p != end; p += 8) {
		m = le64(p);
		v3 ^= m;
		SIPROUND;
		SIPROUND;
		v0 ^= m;
	}
	while (left-- > 0)
		b |= (uint64_t)p[left] << (8 * left);
	v3 ^= b;
	SIPROUND;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

int
align_response_hash(const char *participant, const char *at,
    const char *text, uint64_t *out)
{
	static const unsigned char zero[16];
	const char *part[3];
	unsigned char small[1024], *buf = small;
	size_t len[3], n = 0, off = 0, i;

	part[0] = participant ? participant : "";
	part[1] = at ? at : "";
	part[2] = text ? text : "";
	for (i = 0; i < 3; i++)
		n += (len[i] = strlen(part[i])) + 1;
	if (n > sizeof(small) && (buf = malloc(n)) == NULL)
		return -1;
	/* A unit separator after each part, so that no two tuples give the
	 * same bytes. */
	for (i = 0; i < 3; i++) {
		memcpy(buf + off, part[i], len[i]);
		off += len[i];
		buf[off++] = 0x1f;
	}
	*out = align_siphash(zero, buf, n);
	if (buf != small)
		free(buf);
	return 0;
}

void
align_response_id_of(uint64_t hash, unsigned long occurrence, char out[19])
{
	static const unsigned char zero[16];
	unsigned char b[16];
	int i;

	if (occurrence > 1) {
		for (i = 0; i < 8; i++) {
			b[i] = (unsigned char)(hash >> (8 * i));
			b[8 + i] = (unsigned char)((uint64_t)occurrence >>
			    (8 * i));
		}
		hash = align_siphash(zero, b, sizeof(b));
	}
	snprintf(out, 19, "r-%016llx", (unsigned long long)hash);
}

int
align_response_id(const char *participant, const char *at, const char *text,
    unsigned long occurrence, char out[19])
{
	uint64_t h;

	if (align_response_hash(participant, at, text, &h) < 0)
		return -1;
	align_response_id_of(h, occurrence, out);
	return 0;
}

/* Two independent 64-bit hashes: ids collide with probability about
 * n^2 / 2^129, nothing for any number of responses people write. */
void
align_fingerprint(const char *s, size_t n, uint64_t *a, uint64_t *b)
{
	static const unsigned char ka[16] = "align-set-key-a";
	static const unsigned char kb[16] = "align-set-key-b";

	*a = align_siphash(ka, s, n);
	*b = align_siphash(kb, s, n);
	if (*a == 0 && *b == 0)
		*b = 1;
}

static struct align_set_slot *
lookup(struct align_set_slot *slot, size_t cap, uint64_t a, uint64_t b)
{
	size_t i = (size_t)a & (cap - 1);

	while ((slot[i].a || slot[i].b) && (slot[i].a != a || slot[i].b != b))
		i = (i + 1) & (cap - 1);
	return &slot[i];
}

static int
grow(struct align_set *set)
{
	size_t cap = set->cap ? set->cap * 2 : 64, i;
	struct align_set_slot *slot = calloc(cap, sizeof(*slot));

	if (slot == NULL)
		return -1;
	for (i = 0; i < set->cap; i++) {
		struct align_set_slot *e = &set->slot[i];

		if (e->a || e->b)
			*lookup(slot, cap, e->a, e->b) = *e;
	}
	free(set->slot);
	set->slot = slot;
	set->cap = cap;
	return 0;
}

int
align_set_add(struct align_set *set, const char *s, size_t n)
{
	uint64_t a, b;

	align_fingerprint(s, n, &a, &b);
	return align_set_add_fp(set, a, b);
}

int
align_set_add_fp(struct align_set *set, uint64_t a, uint64_t b)
{
	struct align_set_slot *e;

	if ((set->n + 1) * 4 > set->cap * 3 && grow(set) < 0)
		return -1;
	e = lookup(set->slot, set->cap, a, b);
	if (e->a || e->b)
		return 0;
	e->a = a;
	e->b = b;
	set->n++;
	return 1;
}

int
align_set_has(const struct align_set *set, const char *s, size_t n)
{
	uint64_t a, b;

	align_fingerprint(s, n, &a, &b);
	return align_set_has_fp(set, a, b);
}

int
align_set_has_fp(const struct align_set *set, uint64_t a, uint64_t b)
{
	struct align_set_slot *e;

	if (set->cap == 0)
		return 0;
	e = lookup(set->slot, set->cap, a, b);
	return e->a || e->b;
}

void
align_set_release(struct align_set *set)
{
	free(set->slot);
	set->slot = NULL;
	set->n = set->cap = 0;
}

/* Keys seen once live in a set of 8-byte slots; the few seen again keep
 * their counts in a small second table. */
struct align_count_dup {
	uint64_t key;
	unsigned long n;
};

static size_t
slot_of(uint64_t key, size_t cap)
{
	return (size_t)(key ^ (key >> 29)) & (cap - 1);
}

/* v, not in the table yet, into the slot of cap entries probed for
 * from home on. */
static void
put64(uint64_t *slot, size_t cap, size_t (*home)(uint64_t, size_t),
    uint64_t v)
{
	slot[align_probe64(slot, cap, home(v, cap), v)] = v;
}

/*
 * In place: each entry of the old half, taken out and put again in the
 * doubled table, in order from slot 0.  An entry's new home is its old
 * one h or h + cap.  The entries before the first empty slot are held
 * aside and put last, for they may have wrapped from homes near the end;
 * then every entry at i has its home h at or before i, the slots before
 * i hold only entries already put, and slot i is free once its entry is
 * taken out: from h an entry lands at i at the latest, and from h + cap
 * it does not wrap past the upper half onto a slot not yet done (that
 * would take at least cap entries).  No entry already put is ever moved
 * again, and no slot on the path to one is emptied.
 */
int
align_table64_double(uint64_t **slotp, size_t *capp, size_t first,
    size_t (*home)(uint64_t, size_t))
{
	size_t m = *capp, e = 0, i;
	uint64_t *slot, *aside = NULL, v;

	if (m == 0) {
		if ((slot = calloc(first, sizeof(*slot))) == NULL)
			return -1;
		*slotp = slot;
		*capp = first;
		return 0;
	}
	if (m > SIZE_MAX / 2 / sizeof(*slot))
		return -1;
	if ((*slotp)[m - 1])
		while (e < m && (*slotp)[e])
			e++;
	if (e && (aside = malloc(e * sizeof(*aside))) == NULL)
		return -1;
	if ((slot = realloc(*slotp, 2 * m * sizeof(*slot))) == NULL) {
		free(aside);
		return -1;
	}
	*slotp = slot;
	*capp = 2 * m;
	if (e) {
		memcpy(aside, slot, e * sizeof(*slot));
		memset(slot, 0, e * sizeof(*slot));
	}
	memset(slot + m, 0, m * sizeof(*slot));
	for (i = e; i < m; i++)
		if ((v = slot[i]) != 0) {
			slot[i] = 0;
			put64(slot, 2 * m, home, v);
		}
	for (i = 0; i < e; i++)
		put64(slot, 2 * m, home, aside[i]);
	free(aside);
	return 0;
}

static int
count_grow(struct align_count *c)
{
	return align_table64_double(&c->slot, &c->cap, 64, slot_of);
}

unsigned long
align_count_inc(struct align_count *c, uint64_t key)
{
	size_t i;

	key = key ? key : 1;
	if ((c->n + 1) * 4 > c->cap * 3 && count_grow(c) < 0)
		return 0;
	i = align_probe64(c->slot, c->cap, slot_of(key, c->cap), key);
	if (c->slot[i] == 0) {
		c->slot[i] = key;
		c->n++;
		return 1;
	}
	/* Seen before: a repeat, counted in the table of repeats. */
	if ((c->ndup + 1) * 4 > c->dupcap * 3) {
		size_t cap = c->dupcap ? c->dupcap * 2 : 16, j;
		struct align_count_dup *d = calloc(cap, sizeof(*d));

		if (d == NULL)
			return 0;
		for (i = 0; i < c->dupcap; i++) {
			if (c->dup[i].n == 0)
				continue;
			for (j = slot_of(c->dup[i].key, cap); d[j].n;
			    j = (j + 1) & (cap - 1))
				;
			d[j] = c->dup[i];
		}
		free(c->dup);
		c->dup = d;
		c->dupcap = cap;
	}
	for (i = slot_of(key, c->dupcap); c->dup[i].n;
	    i = (i + 1) & (c->dupcap - 1))
		if (c->dup[i].key == key)
			return ++c->dup[i].n;
	c->dup[i].key = key;
	c->ndup++;
	return c->dup[i].n = 2;
}

void
align_count_release(struct align_count *c)
{
	free(c->slot);
	free(c->dup);
	memset(c, 0, sizeof(*c));
}

/* A slot of the table: the hash's high half beside id + 1. */
static uint64_t
dict_slot(uint64_t h, size_t id)
{
	return (h & 0xffffffff00000000ULL) | ((uint64_t)id + 1);
}

/* The dictionary's hash (hash.h). */
static uint64_t
dict_hash(const char *s, size_t n)
{
	return align_dict_hash(s, n);
}

/* Id i into the table slot of cap entries, its string of hash h. */
static void
dict_put(uint64_t *slot, size_t cap, uint64_t h, size_t i)
{
	uint64_t v = dict_slot(h, i);

	slot[align_probe64(slot, cap, (size_t)h, v)] = v;
}

/* A table twice the size (256 at first), the ids indexed put in it again,
 * their strings hashed again: about two hashes an id over the
 * dictionary's life, for 8 bytes an id less. */
static int
dict_grow(struct align_dict *d)
{
	size_t cap = d->cap ? d->cap * 2 : 256, i;
	uint64_t *slot = calloc(cap, sizeof(*slot));

	if (slot == NULL)
		return -1;
	for (i = 0; i < d->indexed; i++) {
		if (i + 8 < d->indexed)
			PREFETCH(d->str[i + 8]);
		dict_put(slot, cap, dict_hash(d->str[i], d->len[i]), i);
	}
	free(d->slot);
	d->slot = slot;
	d->cap = cap;
	return 0;
}

/* Put id i, the next not indexed, into the table. */
static int
dict_index(struct align_dict *d)
{
	size_t i = d->indexed;

	if ((i + 1) * 4 > d->cap * 3 && dict_grow(d) < 0)
		return -1;
	dict_put(d->slot, d->cap, dict_hash(d->str[i], d->len[i]), i);
	d->indexed++;
	return 0;
}

/* Room for one more id. */
static int
dict_room(struct align_dict *d)
{
	if (d->n == d->ncap) {
		size_t nc = d->ncap ? d->ncap * 2 : 256;
		char **str = realloc(d->str, nc * sizeof(*str));
		uint32_t *len = str ? realloc(d->len, nc * sizeof(*len)) : NULL;

		if (str)
			d->str = str;
		if (len == NULL)
			return -1;
		d->len = len;
		d->ncap = nc;
	}
	return 0;
}

long
align_dict_push(struct align_dict *d, const char *s, size_t n)
{
	if (dict_room(d) < 0 ||
	    (d->str[d->n] = align_arena_put(&d->strs, s, n)) == NULL)
		return -1;
	d->len[d->n] = (uint32_t)n;
	return (long)d->n++;
}

int
align_dict_index(struct align_dict *d)
{
	while (d->indexed < d->n)
		if (dict_index(d) < 0)
			return -1;
	return 0;
}

void
align_dict_unindex(struct align_dict *d)
{
	free(d->slot);
	d->slot = NULL;
	d->cap = 0;
	d->indexed = 0;
}

/* Whether a and b, n bytes each, are the same: a word is a few bytes,
 * fewer than a call of memcmp(3) costs. */
static inline int
same(const char *a, const char *b, size_t n)
{
	size_t i;

	if (n > 16)
		return memcmp(a, b, n) == 0;
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

void
align_dict_prefetch_slot(const struct align_dict *d, uint64_t h)
{
	if (d->cap)
		PREFETCH(&d->slot[(size_t)h & (d->cap - 1)]);
}

void
align_dict_prefetch_entry(const struct align_dict *d, uint64_t h)
{
	uint64_t v;

	if (d->cap == 0 || (v = d->slot[(size_t)h & (d->cap - 1)]) == 0 ||
	    (v ^ h) >> 32 != 0)
		return;
	PREFETCH(&d->len[(uint32_t)v - 1]);
	PREFETCH(&d->str[(uint32_t)v - 1]);
}

long
align_dict_id(struct align_dict *d, const char *s, size_t n, int add)
{
	return align_dict_id_hashed(d, s, n, dict_hash(s, n), add);
}

long
align_dict_id_hashed(struct align_dict *d, const char *s, size_t n,
    uint64_t h, int add)
{
	size_t i;

	if (align_dict_index(d) < 0)
		return -1;

	if (d->cap) {
		for (i = (size_t)h & (d->cap - 1); d->slot[i];
		    i = (i + 1) & (d->cap - 1)) {
			uint32_t id = (uint32_t)d->slot[i] - 1;

			/* The slot's half of the hash tells apart all but
			 * one string in 2^32 before the string is read. */
			if ((d->slot[i] ^ h) >> 32 == 0 && d->len[id] == n &&
			    same(d->str[id], s, n))
				return id;
		}
	}
	if (!add || align_dict_push(d, s, n) < 0)
		return -1;
	if (dict_index(d) < 0) {
		d->n--;		/* the string stays in its chunk, unused */
		return -1;
	}
	return (long)d->n - 1;
}

void
align_dict_release(struct align_dict *d)
{
	align_arena_release(&d->strs);
	free(d->slot);
	free(d->str);
	free(d->len);
	memset(d, 0, sizeof(*d));
}

uint64_t
align_check64(const void *p, size_t n)
{
	static const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h[4] = { 1, 2, 3, 4 }, w;
	const unsigned char *s = p;
	size_t i, j;

	for (i = 0; i + 32 <= n; i += 32)
		for (j = 0; j < 4; j++) {
			memcpy(&w, s + i + 8 * j, 8);
			h[j] = (h[j] ^ w) * k;
			h[j] ^= h[j] >> 29;
		}
	for (j = 0; i < n; i++, j++)
		h[j % 4] = (h[j % 4] ^ s[i]) * k;
	w = n;
	for (j = 0; j < 4; j++) {
		w = (w ^ h[j]) * k;
		w ^= w >> 31;
	}
	return w;
}
