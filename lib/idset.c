#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "grow.h"

#include "idset.h"

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* The number of a content id ("r-" and 16 lowercase hex digits) into *v:
 * 1, or 0 when id is not one. */
static int
number(const char *id, size_t n, uint64_t *v)
{
	size_t i;

	if (n != 18 || id[0] != 'r' || id[1] != '-')
		return 0;
	*v = 0;
	for (i = 2; i < n; i++) {
		unsigned c = (unsigned char)id[i];

		if (c >= '0' && c <= '9')
			*v = *v << 4 | (c - '0');
		else if (c >= 'a' && c <= 'f')
			*v = *v << 4 | (c - 'a' + 10);
		else
			return 0;
	}
	return 1;
}

/* Where the probe for v starts.  The number is mixed first: ids are
 * hashes, but a person may write r-0000000000000001. */
static size_t
start(uint64_t v)
{
	uint64_t h = v * 0x9e3779b97f4a7c15ULL;

	return (size_t)(h ^ h >> 29);
}

/* Where v is, or the empty slot where it would go. */
static size_t
find(const uint64_t *slot, size_t cap, uint64_t v)
{
	return align_probe64(slot, cap, start(v), v);
}

/* The lists of content ids: LIST_BITS of a mixed number choose one,
 * the other KEPT_BITS are kept in it, KEPT_BYTES little-endian bytes
 * each, in increasing order. */
#define LIST_BITS 16
#define KEPT_BYTES 6
#define KEPT_BITS (8 * KEPT_BYTES)

/* Content ids kept in a small table (find()) before the lists. */
#define SMALL_MAX 4096

struct align_idset_list {
	unsigned char *v;	/* n entries of KEPT_BYTES */
	uint32_t n, cap;
};

/* v mixed, losing nothing: an odd multiplier and a shift by half are
 * each undone by their inverse.  Ids are hashes, but a person may write
 * r-0000000000000001, and the lists need the top bits spread. */
static uint64_t
mix(uint64_t v)
{
	uint64_t h = v * 0x9e3779b97f4a7c15ULL;

	return h ^ h >> 32;
}

static uint64_t
entry(const struct align_idset_list *l, size_t i)
{
	const unsigned char *p = l->v + i * KEPT_BYTES;
	uint64_t x = 0;
	size_t k;

	for (k = KEPT_BYTES; k > 0; k--)
		x = x << 8 | p[k - 1];
	return x;
}

/* The place of x in l: the first entry not below it. */
static size_t
place(const struct align_idset_list *l, uint64_t x)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (entry(l, mid) < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* x into l at i: 0, or -1 when out of memory (l as it was). */
static int
insert(struct align_idset_list *l, size_t i, uint64_t x)
{
	unsigned char *p;
	size_t k;

	if (l->n == l->cap) {
		uint32_t cap = l->cap < 4 ? 4 : l->cap + l->cap / 2;

		if ((p = realloc(l->v, (size_t)cap * KEPT_BYTES)) == NULL)
			return -1;
		l->v = p;
		l->cap = cap;
	}
	p = l->v + i * KEPT_BYTES;
	memmove(p + KEPT_BYTES, p, (l->n - i) * KEPT_BYTES);
	for (k = 0; k < KEPT_BYTES; k++, x >>= 8)
		p[k] = (unsigned char)x;
	l->n++;
	return 0;
}

/* The lists' entry for the number v: in s->list[*which], kept *x. */
static struct align_idset_list *
list_of(const struct align_idset *s, uint64_t v, uint64_t *x)
{
	uint64_t h = mix(v);

	*x = h & (((uint64_t)1 << KEPT_BITS) - 1);
	return &s->list[h >> KEPT_BITS];
}

/* Numbers of content ids in the lists: 1 new, 0 there, -1 nomem. */
static int
list_add(struct align_idset *s, uint64_t v)
{
	struct align_idset_list *l;
	uint64_t x;
	size_t i;

	l = list_of(s, v, &x);
	i = place(l, x);
	if (i < l->n && entry(l, i) == x)
		return 0;
	return insert(l, i, x) < 0 ? -1 : 1;
}

static void
lists_free(struct align_idset_list *list)
{
	size_t i;

	if (list)
		for (i = 0; i < (size_t)1 << LIST_BITS; i++)
			free(list[i].v);
	free(list);
}

/* The small table outgrown: its numbers into the lists, or -1 when out
 * of memory (the set as it was). */
static int
to_lists(struct align_idset *s)
{
	size_t i;

	if ((s->list = calloc((size_t)1 << LIST_BITS,
	    sizeof(*s->list))) == NULL)
		return -1;
	for (i = 0; i < s->cap; i++)
		if (s->small[i] && list_add(s, s->small[i]) < 0) {
			lists_free(s->list);
			s->list = NULL;
			return -1;
		}
	free(s->small);
	s->small = NULL;
	s->cap = 0;
	return 0;
}

/* The small table twice the size: 0, or -1 when out of memory. */
static int
small_grow(struct align_idset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 64, i;
	uint64_t *slot = calloc(cap, sizeof(*slot));

	if (slot == NULL)
		return -1;
	for (i = 0; i < s->cap; i++)
		if (s->small[i])
			slot[find(slot, cap, s->small[i])] = s->small[i];
	free(s->small);
	s->small = slot;
	s->cap = cap;
	return 0;
}

int
align_idset_add(struct align_idset *s, const char *id, size_t n)
{
	uint64_t v;
	int rc;

	if (!number(id, n, &v))
		return align_set_add(&s->other, id, n);
	if (v == 0) {
		if (s->zero)
			return 0;
		s->zero = 1;
		return 1;
	}
	if (s->list == NULL) {
		size_t i = s->cap ? find(s->small, s->cap, v) : 0;

		if (s->cap && s->small[i] == v)
			return 0;
		if ((s->n + 1) * 2 > s->cap) {
			if ((s->n < SMALL_MAX ? small_grow(s) : to_lists(s)) < 0)
				return -1;
			if (s->list == NULL)
				i = find(s->small, s->cap, v);
		}
		if (s->list == NULL) {
			s->small[i] = v;
			s->n++;
			return 1;
		}
	}
	if ((rc = list_add(s, v)) > 0)
		s->n++;
	return rc;
}

const void *
align_idset_prefetch(const struct align_idset *s, const char *id, size_t n)
{
	const struct align_idset_list *l;
	uint64_t v, x;

	if (s->list == NULL || !number(id, n, &v) || v == 0)
		return NULL;
	l = list_of(s, v, &x);
	PREFETCH(l);
	return l;
}

void
align_idset_prefetch_list(const void *list)
{
	const struct align_idset_list *l = list;

	/* At a million ids a list is some 15 entries, 90 bytes. */
	if (l->v) {
		PREFETCH(l->v);
		PREFETCH(l->v + 64);
	}
}

int
align_idset_has(const struct align_idset *s, const char *id, size_t n)
{
	const struct align_idset_list *l;
	uint64_t v, x;
	size_t i;

	if (!number(id, n, &v))
		return align_set_has(&s->other, id, n);
	if (v == 0)
		return s->zero;
	if (s->list == NULL)
		return s->cap && s->small[find(s->small, s->cap, v)] == v;
	l = list_of(s, v, &x);
	i = place(l, x);
	return i < l->n && entry(l, i) == x;
}

size_t
align_idset_count(const struct align_idset *s)
{
	return s->n + (size_t)s->zero + s->other.n;
}

void
align_idset_release(struct align_idset *s)
{
	lists_free(s->list);
#ifdef __GLIBC__
	/* A large set's 65,536 arrays lie among what the reader's thread
	 * freed meanwhile, and the allocator keeps the pages of them all:
	 * given back, a tool that writes after reading does not need 10 MB
	 * more at a million (glibc's malloc_trim). */
	if (s->n >= ((size_t)1 << LIST_BITS))
		malloc_trim(0);
#endif
	free(s->small);
	align_set_release(&s->other);
	s->list = NULL;
	s->small = NULL;
	s->cap = 0;
	s->n = 0;
	s->zero = 0;
}

static int
map_grow(struct align_idmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024, i, j;
	uint64_t *slot = calloc(cap, sizeof(*slot));
	uint8_t *val = malloc(cap);

	if (slot == NULL || val == NULL) {
		free(slot);
		free(val);
		return -1;
	}
	for (i = 0; i < m->cap; i++)
		if (m->slot[i]) {
			j = find(slot, cap, m->slot[i]);
			slot[j] = m->slot[i];
			val[j] = m->val[i];
		}
	free(m->slot);
	free(m->val);
	m->slot = slot;
	m->val = val;
	m->cap = cap;
	return 0;
}

/* An id that is not a content id: in the dictionary, its value in oval. */
static int
other_put(struct align_idmap *m, const char *id, size_t n, uint8_t v)
{
	long k = align_dict_id(&m->other, id, n, 1);

	if (k < 0 || ALIGN_GROW(m->oval, (size_t)k + 1, m->ocap) < 0)
		return -1;
	m->oval[k] = v;
	return 0;
}

int
align_idmap_put(struct align_idmap *m, const char *id, size_t n, uint8_t v)
{
	uint64_t x;
	size_t i;

	if (!number(id, n, &x))
		return other_put(m, id, n, v);
	if (x == 0) {
		m->zero = 1;
		m->zval = v;
		return 0;
	}
	if ((m->n + 1) * 4 > m->cap * 3 && map_grow(m) < 0)
		return -1;
	i = find(m->slot, m->cap, x);
	if (m->slot[i] == 0)
		m->n++;
	m->slot[i] = x;
	m->val[i] = v;
	return 0;
}

int
align_idmap_get(struct align_idmap *m, const char *id, size_t n)
{
	uint64_t x;
	size_t i;
	long k;

	if (!number(id, n, &x)) {
		k = align_dict_id(&m->other, id, n, 0);
		return k < 0 ? -1 : m->oval[k];
	}
	if (x == 0)
		return m->zero ? m->zval : -1;
	if (m->cap == 0)
		return -1;
	i = find(m->slot, m->cap, x);
	return m->slot[i] == x ? m->val[i] : -1;
}

void
align_idmap_prefetch(const struct align_idmap *m, const char *id, size_t n)
{
	uint64_t x;
	size_t i;

	if (m->cap == 0 || !number(id, n, &x) || x == 0)
		return;
	i = start(x) & (m->cap - 1);
	PREFETCH(&m->slot[i]);
	PREFETCH(&m->val[i]);
}

void
align_idmap_release(struct align_idmap *m)
{
	free(m->slot);
	free(m->val);
	align_dict_release(&m->other);
	free(m->oval);
	memset(m, 0, sizeof(*m));
}
