#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "node.h"

static struct align_node *
node_new(enum align_type type)
{
	struct align_node *n = calloc(1, sizeof(*n));

	if (n)
		n->type = type;
	return n;
}

struct align_node *
align_scalar(const char *s, size_t len)
{
	struct align_node *n = node_new(ALIGN_SCALAR);

	if (n == NULL)
		return NULL;
	n->str = malloc(len + 1);
	if (n->str == NULL) {
		free(n);
		return NULL;
	}
	memcpy(n->str, s, len);
	n->str[len] = '\0';
	n->len = len;
	return n;
}

struct align_node *
align_scalar_take(char *s, size_t len)
{
	struct align_node *n = node_new(ALIGN_SCALAR);

	if (n == NULL) {
		free(s);
		return NULL;
	}
	n->str = s;
	n->len = len;
	return n;
}

struct align_node *
align_scalar_str(const char *s)
{
	return s ? align_scalar(s, strlen(s)) : NULL;
}

struct align_node *
align_scalar_raw(const char *s)
{
	struct align_node *n = align_scalar_str(s);

	if (n)
		n->raw = 1;
	return n;
}

struct align_node *
align_scalar_int(long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	return align_scalar_raw(buf);
}

struct align_node *
align_seq(void)
{
	return node_new(ALIGN_SEQ);
}

struct align_node *
align_map(void)
{
	return node_new(ALIGN_MAP);
}

static int
grow(struct align_node *n)
{
	size_t cap;
	struct align_node **item;
	char **key;

	if (n->n < n->cap)
		return 0;
	cap = n->cap ? n->cap * 2 : 8;
	item = realloc(n->item, cap * sizeof(*item));
	if (item == NULL)
		return -1;
	n->item = item;
	if (n->type == ALIGN_MAP) {
		key = realloc(n->key, cap * sizeof(*key));
		if (key == NULL)
			return -1;
		n->key = key;
	}
	if (n->kraw) {
		unsigned char *k = realloc(n->kraw, cap);

		if (k == NULL)
			return -1;
		memset(k + n->cap, 0, cap - n->cap);
		n->kraw = k;
	}
	n->cap = cap;
	return 0;
}

int
align_map_key_raw(const struct align_node *map, size_t i)
{
	return map->kraw != NULL && i < map->n && map->kraw[i];
}

int
align_map_set_key_raw(struct align_node *map, size_t i)
{
	if (map->kraw == NULL && (map->kraw = calloc(map->cap ? map->cap : 1,
	    1)) == NULL)
		return -1;
	map->kraw[i] = 1;
	return 0;
}

int
align_seq_push(struct align_node *seq, struct align_node *item)
{
	if (item == NULL)
		return -1;
	if (grow(seq) < 0) {
		align_node_free(item);
		return -1;
	}
	seq->item[seq->n++] = item;
	return 0;
}

int
align_seq_push_str(struct align_node *seq, const char *s)
{
	return align_seq_push(seq, align_scalar_str(s));
}

struct align_node *
align_seq_strs(const char *const *v, size_t n)
{
	struct align_node *l = align_seq();
	size_t i;

	for (i = 0; l && i < n; i++)
		if (align_seq_push_str(l, v[i]) < 0) {
			align_node_free(l);
			l = NULL;
		}
	return l;
}

long
align_map_find(const struct align_node *map, const char *key)
{
	size_t i;

	if (map == NULL || map->type != ALIGN_MAP)
		return -1;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->key[i], key) == 0)
			return (long)i;
	return -1;
}

int
align_map_put(struct align_node *map, const char *key,
    struct align_node *val)
{
	long i;
	char *k;

	if (val == NULL)
		return -1;
	i = align_map_find(map, key);
	if (i >= 0) {
		align_node_free(map->item[i]);
		map->item[i] = val;
		return 0;
	}
	if ((k = strdup(key)) == NULL || grow(map) < 0) {
		free(k);
		align_node_free(val);
		return -1;
	}
	map->key[map->n] = k;
	map->item[map->n++] = val;
	return 0;
}

int
align_map_append(struct align_node *map, char *key, struct align_node *val)
{
	if (key == NULL || val == NULL || grow(map) < 0) {
		free(key);
		align_node_free(val);
		return -1;
	}
	map->key[map->n] = key;
	map->item[map->n++] = val;
	return 0;
}

int
align_map_put_str(struct align_node *map, const char *key, const char *s)
{
	return align_map_put(map, key, align_scalar_str(s));
}

int
align_map_del(struct align_node *map, const char *key)
{
	long i = align_map_find(map, key);

	if (i < 0)
		return 0;
	free(map->key[i]);
	align_node_free(map->item[i]);
	memmove(map->key + i, map->key + i + 1,
	    (map->n - i - 1) * sizeof(*map->key));
	memmove(map->item + i, map->item + i + 1,
	    (map->n - i - 1) * sizeof(*map->item));
	if (map->kraw)
		memmove(map->kraw + i, map->kraw + i + 1, map->n - i - 1);
	map->n--;
	if (map->kraw)
		map->kraw[map->n] = 0;
	return 1;
}

struct align_node *
align_map_get(const struct align_node *map, const char *key)
{
	long i = align_map_find(map, key);

	return i < 0 ? NULL : map->item[i];
}

const char *
align_map_str(const struct align_node *map, const char *key)
{
	struct align_node *v = align_map_get(map, key);

	return v && v->type == ALIGN_SCALAR ? v->str : NULL;
}

/* The list the packed list n stands for, as nodes. */
static struct align_node *
texts_copy(const struct align_node *n)
{
	struct align_texts_at at = ALIGN_TEXTS_AT_INIT;
	struct align_texts_entry *u = malloc(sizeof(*u));
	struct align_node *c = u ? node_new(ALIGN_SEQ) : NULL;
	const struct align_node *v;

	while (c && (v = align_texts_next(n, &at, u)) != NULL)
		if (align_seq_push(c, align_node_copy(v)) < 0) {
			align_node_free(c);
			c = NULL;
		}
	free(u);
	return c;
}

struct align_node *
align_node_copy(const struct align_node *n)
{
	struct align_node *c;
	size_t i;

	if (n == NULL)
		return NULL;
	if (n->type == ALIGN_SCALAR) {
		c = align_scalar(n->str, n->len);
		if (c)
			c->raw = n->raw;
	} else if (n->type == ALIGN_TEXTS) {
		c = texts_copy(n);
	} else {
		c = node_new(n->type);
		for (i = 0; c && i < n->n; i++) {
			struct align_node *v = align_node_copy(n->item[i]);
			/* A mapping's keys are distinct: appended, not looked
			 * up, so that copying a large one (a survey's votes)
			 * is not quadratic. */
			int rc = n->type == ALIGN_SEQ ? align_seq_push(c, v) :
			    align_map_append(c, strdup(n->key[i]), v);

			if (rc == 0 && align_map_key_raw(n, i))
				rc = align_map_set_key_raw(c, c->n - 1);
			if (rc < 0) {
				align_node_free(c);
				c = NULL;
			}
		}
	}
	if (c) {
		c->line = n->line;
		c->col = n->col;
	}
	return c;
}

struct align_node *
align_node_copy_top(const struct align_node *n)
{
	struct align_node *c;
	size_t i;

	if (n == NULL || !n->pooled || n->type == ALIGN_SCALAR ||
	    n->type == ALIGN_TEXTS)
		return align_node_copy(n);
	if ((c = node_new(n->type)) == NULL)
		return NULL;
	/* The pooled entries shared: align_node_free() leaves them. */
	for (i = 0; i < n->n; i++) {
		int rc = n->type == ALIGN_SEQ ? align_seq_push(c, n->item[i]) :
		    align_map_append(c, strdup(n->key[i]), n->item[i]);

		if (rc == 0 && align_map_key_raw(n, i))
			rc = align_map_set_key_raw(c, c->n - 1);
		if (rc < 0) {
			align_node_free(c);
			return NULL;
		}
	}
	c->line = n->line;
	c->col = n->col;
	return c;
}

/* Entry i of the list l (a sequence, or packed, walked with at and u in
 * order), or NULL past the last. */
static const struct align_node *
entry_of(const struct align_node *l, size_t i, struct align_texts_at *at,
    struct align_texts_entry *u)
{
	if (l->type == ALIGN_TEXTS)
		return align_texts_next(l, at, u);
	return i < l->n ? l->item[i] : NULL;
}

/* Two lists, one of them packed or both, entry by entry; -1 when out of
 * memory. */
static int
texts_equal(const struct align_node *a, const struct align_node *b)
{
	struct align_texts_at at = ALIGN_TEXTS_AT_INIT, bt = at;
	struct align_texts_entry *u = malloc(2 * sizeof(*u));
	const struct align_node *x, *y;
	size_t i;
	int same = 1;

	if (u == NULL)
		return -1;
	for (i = 0; same && i < a->n; i++) {
		x = entry_of(a, i, &at, &u[0]);
		y = entry_of(b, i, &bt, &u[1]);
		same = align_node_equal(x, y);
	}
	free(u);
	return same;
}

int
align_node_equal(const struct align_node *a, const struct align_node *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if ((a->type == ALIGN_TEXTS || b->type == ALIGN_TEXTS) &&
	    (a->type == ALIGN_TEXTS || a->type == ALIGN_SEQ) &&
	    (b->type == ALIGN_TEXTS || b->type == ALIGN_SEQ))
		return a->n == b->n && texts_equal(a, b) == 1;
	if (a->type != b->type || a->n != b->n)
		return 0;
	if (a->type == ALIGN_SCALAR)
		return a->raw == b->raw && a->len == b->len &&
		    memcmp(a->str, b->str, a->len) == 0;
	for (i = 0; i < a->n; i++) {
		if (a->type == ALIGN_MAP && (strcmp(a->key[i], b->key[i]) !=
		    0 || align_map_key_raw(a, i) != align_map_key_raw(b, i)))
			return 0;
		if (!align_node_equal(a->item[i], b->item[i]))
			return 0;
	}
	return 1;
}

void
align_node_free(struct align_node *n)
{
	size_t i;

	if (n == NULL || n->pooled)
		return;
	for (i = 0; n->type != ALIGN_TEXTS && i < n->n; i++) {
		align_node_free(n->item[i]);
		if (n->key)
			free(n->key[i]);
	}
	free(n->item);
	free(n->key);
	free(n->kraw);
	free(n->str);
	free(n);
}

const char *
align_record_kind(const struct align_node *rec)
{
	return align_map_str(rec, "kind");
}

const char *
align_record_id(const struct align_node *rec)
{
	return align_map_str(rec, "id");
}

struct align_node *
align_record_new(const char *kind)
{
	struct align_node *rec = align_map();

	if (rec && align_map_put_str(rec, "kind", kind) < 0) {
		align_node_free(rec);
		return NULL;
	}
	return rec;
}

/* Blocks of a pool: most of POOL_BLOCK bytes; a larger one for what does
 * not fit, freed when the pool is reset.  Past POOL_KEEP blocks' worth (a
 * large record: a session of 333,000 people, a theme of a million
 * responses), blocks of POOL_BIG bytes mapped from the system and given
 * back to it when the pool is reset, so that a large record read leaves
 * no holes in the heap for the rest of the run. */
#define POOL_BLOCK 65536
#define POOL_KEEP 8		/* blocks a reset pool keeps */
#define POOL_BIG (1024 * 1024)

struct align_pool_block {
	struct align_pool_block *next;
	size_t size;
	int mapped;		/* by mmap(), not malloc() */
	max_align_t data[];
};

static struct align_pool_block *
block_new(size_t size)
{
	struct align_pool_block *b;

	if (size < POOL_BIG) {
		if ((b = malloc(sizeof(*b) + size)) == NULL)
			return NULL;
		b->mapped = 0;
	} else {
		b = mmap(NULL, sizeof(*b) + size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (b == MAP_FAILED)
			return NULL;
		b->mapped = 1;
	}
	b->size = size;
	return b;
}

static void
block_free(struct align_pool_block *b)
{
	if (b->mapped)
		munmap(b, sizeof(*b) + b->size);
	else
		free(b);
}

/* n bytes at a multiple of align (a power of two: 1 for a string, that
 * of a pointer for a node or an array; no more is ever asked, so that a
 * name of a survey's 333,000 takes its bytes, not 16 or 32). */
static void *
pool_alloc_at(struct align_pool *p, size_t n, size_t align)
{
	struct align_pool_block *b;
	void *v;

	if (p->cur) {
		size_t at = (p->used + align - 1) & ~(align - 1);

		if (at + n <= p->cur->size) {
			v = (char *)p->cur->data + at;
			p->bytes += n + (at - p->used);
			p->used = at + n;
			return v;
		}
	}
	p->bytes += n;
	/* The next block, kept from before, or a new one after cur. */
	b = p->cur ? p->cur->next : p->head;
	if (b == NULL || n > b->size) {
		size_t size = p->bytes > POOL_KEEP * POOL_BLOCK ? POOL_BIG :
		    POOL_BLOCK;

		if ((b = block_new(n > size ? n : size)) == NULL)
			return NULL;
		if (p->cur) {
			b->next = p->cur->next;
			p->cur->next = b;
		} else {
			b->next = p->head;
			p->head = b;
		}
	}
	p->cur = b;
	p->used = n;
	return b->data;
}

static void *
pool_alloc(struct align_pool *p, size_t n)
{
	return pool_alloc_at(p, n, sizeof(void *));
}

struct align_node *
align_pool_container(struct align_pool *p, enum align_type type)
{
	struct align_node *n = pool_alloc(p, sizeof(*n));

	if (n) {
		memset(n, 0, sizeof(*n));
		n->type = type;
		n->pooled = 1;
	}
	return n;
}

char *
align_pool_strdup(struct align_pool *p, const char *s, size_t len)
{
	char *c = pool_alloc_at(p, len + 1, 1);

	if (c) {
		memcpy(c, s, len);
		c[len] = '\0';
	}
	return c;
}

struct align_node *
align_pool_scalar(struct align_pool *p, const char *s, size_t len)
{
	struct align_node *n = align_pool_container(p, ALIGN_SCALAR);

	if (n && (n->str = align_pool_strdup(p, s, len)) == NULL)
		return NULL;
	if (n)
		n->len = len;
	return n;
}

int
align_pool_append(struct align_pool *p, struct align_node *to, char *key,
    struct align_node *val)
{
	if (val == NULL)
		return -1;
	if (to->n == to->cap) {
		/* A list starts at two: a round of everyone is 166,667 lists
		 * of two names (8 a list were 8 MB more at a million). */
		size_t cap = to->cap ? to->cap * 2 : to->type == ALIGN_SEQ ?
		    2 : 8;
		struct align_node **item = pool_alloc(p, cap * sizeof(*item));
		char **k = to->type == ALIGN_MAP ?
		    pool_alloc(p, cap * sizeof(*k)) : NULL;

		if (item == NULL || (to->type == ALIGN_MAP && k == NULL))
			return -1;
		if (to->n)
			memcpy(item, to->item, to->n * sizeof(*item));
		if (k && to->n)
			memcpy(k, to->key, to->n * sizeof(*k));
		if (to->kraw) {
			unsigned char *r = pool_alloc_at(p, cap, 1);

			if (r == NULL)
				return -1;
			memcpy(r, to->kraw, to->n);
			memset(r + to->n, 0, cap - to->n);
			to->kraw = r;
		}
		to->item = item;
		to->key = k;
		to->cap = cap;
	}
	if (to->type == ALIGN_MAP)
		to->key[to->n] = key;
	to->item[to->n++] = val;
	return 0;
}

int
align_pool_key_raw(struct align_pool *p, struct align_node *map)
{
	if (map->kraw == NULL) {
		if ((map->kraw = pool_alloc_at(p, map->cap, 1)) == NULL)
			return -1;
		memset(map->kraw, 0, map->cap);
	}
	map->kraw[map->n - 1] = 1;
	return 0;
}

struct align_pool_mem {
	struct align_pool_mem *next;
	void *mem;
};

int
align_pool_adopt(struct align_pool *p, void *mem, size_t size)
{
	struct align_pool_mem *m = malloc(sizeof(*m));

	if (m == NULL)
		return -1;
	m->mem = mem;
	m->next = p->adopted;
	p->adopted = m;
	p->bytes += size;
	return 0;
}

/* What the pool adopted, freed. */
static void
adopted_free(struct align_pool *p)
{
	while (p->adopted) {
		struct align_pool_mem *m = p->adopted;

		p->adopted = m->next;
		free(m->mem);
		free(m);
	}
}

void
align_pool_reset(struct align_pool *p)
{
	struct align_pool_block **b = &p->head;
	size_t kept = 0;

	/* The large blocks go, and those past POOL_KEEP: one odd record (a
	 * theme listing a million responses) does not keep its memory. */
	while (*b) {
		if ((*b)->size > POOL_BLOCK || kept == POOL_KEEP) {
			struct align_pool_block *big = *b;

			*b = big->next;
			block_free(big);
		} else {
			b = &(*b)->next;
			kept++;
		}
	}
	adopted_free(p);
	p->cur = NULL;
	p->used = 0;
	p->bytes = 0;
}

void
align_pool_release(struct align_pool *p)
{
	while (p->head) {
		struct align_pool_block *b = p->head;

		p->head = b->next;
		block_free(b);
	}
	adopted_free(p);
	p->cur = NULL;
	p->used = 0;
}

struct align_node *
align_texts_take(struct align_pool *p, char *text, size_t len, size_t ntext,
    unsigned char *size, size_t nlist)
{
	struct align_node *n = p ? align_pool_container(p, ALIGN_TEXTS) :
	    node_new(ALIGN_TEXTS);
	int kept = 0;		/* text is the pool's */

	if (n && p) {
		if (align_pool_adopt(p, text, len) < 0)
			n = NULL;
		else if ((kept = 1, size) && align_pool_adopt(p, size,
		    nlist) < 0)
			n = NULL;
	}
	if (n == NULL) {	/* a pooled one is left to its pool */
		if (!kept)
			free(text);
		free(size);
		return NULL;
	}
	n->str = text;
	n->kraw = size;
	n->len = (uint32_t)len;
	n->n = (uint32_t)(size ? nlist : ntext);
	n->cap = (uint32_t)ntext;
	return n;
}

struct align_node *
align_texts_new(struct align_pool *p, const char *text, size_t len,
    size_t ntext, const unsigned char *size, size_t nlist)
{
	char *t = malloc(len ? len : 1);
	unsigned char *z = size ? malloc(nlist ? nlist : 1) : NULL;

	if (t == NULL || (size && z == NULL)) {
		free(t);
		free(z);
		return NULL;
	}
	memcpy(t, text, len);
	if (size)
		memcpy(z, size, nlist);
	return align_texts_take(p, t, len, ntext, z, nlist);
}

/* The text at s as a scalar in t, its end into *next. */
static struct align_node *
texts_one(struct align_node *t, const char *s, const char **next)
{
	size_t len = strlen(s);

	memset(t, 0, sizeof(*t));
	t->type = ALIGN_SCALAR;
	t->str = (char *)s;
	t->len = (uint32_t)len;
	t->pooled = 1;		/* nobody's to free */
	*next = s + len + 1;
	return t;
}

const struct align_node *
align_texts_next(const struct align_node *list, struct align_texts_at *at,
    struct align_texts_entry *u)
{
	const char *s;
	size_t j, k;

	if (at->i >= list->n)
		return NULL;
	s = at->next ? at->next : list->str;
	if (list->kraw == NULL) {
		at->i++;
		return texts_one(&u->text[0], s, &at->next);
	}
	k = list->kraw[at->i++];
	memset(&u->list, 0, sizeof(u->list));
	u->list.type = ALIGN_SEQ;
	u->list.pooled = 1;
	u->list.item = u->item;
	u->list.n = u->list.cap = (uint32_t)k;
	for (j = 0; j < k; j++)
		u->item[j] = texts_one(&u->text[j], s, &s);
	at->next = s;
	return &u->list;
}
