/*
 * merge_record.c - one record of base, ours and theirs merged: by key,
 * inside values where their shape allows, the derived ones as they are
 * derived, and conflicts written between git's markers (merge_record.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "merge_record.h"
#include "num.h"
#include "record.h"
#include "when.h"
#include "writer.h"

/*
 * Identities: what makes two items of a list the same one.  An item of
 * objections is known by its participant, of commitments by its id,
 * anything else by its whole content.
 */
struct ident {
	char tag;		/* 'k' an item's key, 's' a scalar,
				 * 'r' a plain number or boolean, 'c' content */
	const char *s;
	size_t n;
	char *own;		/* s, when it was made for the identity */
	size_t i;		/* the index in its list */
};

struct index {
	struct ident *v;
	size_t n;
};

/* A number and a mark after it, without printf (it is in every record's
 * fingerprint). */
static void
put_len(struct align_buf *b, size_t n, char mark)
{
	char d[24];
	size_t i = sizeof(d);

	d[--i] = mark;
	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	align_buf_add(b, d + i, sizeof(d) - i);
}

/* A packed list (node.h) as the list it stands for. */
static void
serialise_texts(struct align_buf *b, const struct align_node *n)
{
	struct align_texts_at at = ALIGN_TEXTS_AT_INIT;
	struct align_texts_entry *u = malloc(sizeof(*u));
	const struct align_node *v;

	if (u == NULL) {
		b->failed = 1;
		return;
	}
	align_buf_putc(b, '[');
	put_len(b, n->n, ':');
	while ((v = align_texts_next(n, &at, u)) != NULL)
		align_merge_serialise(b, v);
	free(u);
}

/* The content of n as text no other content gives: lengths before
 * bytes. */
void
align_merge_serialise(struct align_buf *b, const struct align_node *n)
{
	size_t i;

	switch (n->type) {
	case ALIGN_SCALAR:
		align_buf_putc(b, n->raw ? 'r' : 's');
		put_len(b, n->len, ':');
		align_buf_add(b, n->str, n->len);
		break;
	case ALIGN_SEQ:
	case ALIGN_MAP:
		align_buf_putc(b, n->type == ALIGN_SEQ ? '[' : '{');
		put_len(b, n->n, ':');
		for (i = 0; i < n->n; i++) {
			if (n->type == ALIGN_MAP) {
				size_t k = strlen(n->key[i]);

				put_len(b, k, ':');
				align_buf_add(b, n->key[i], k);
			}
			align_merge_serialise(b, n->item[i]);
		}
		break;
	case ALIGN_TEXTS:
		serialise_texts(b, n);
		break;
	}
}

/* The identity of an item of a list: key, an item's key (NULL: the item
 * whole).  0, or -1 when out of memory. */
static int
ident_of(struct ident *id, const struct align_node *n, const char *key,
    size_t i)
{
	const struct align_node *k = NULL;
	struct align_buf b = ALIGN_BUF_INIT;

	memset(id, 0, sizeof(*id));
	id->i = i;
	if (key && n->type == ALIGN_MAP &&
	    (k = align_map_get(n, key)) != NULL && k->type == ALIGN_SCALAR) {
		id->tag = 'k';
		id->s = k->str;
		id->n = k->len;
		return 0;
	}
	if (n->type == ALIGN_SCALAR) {
		id->tag = n->raw ? 'r' : 's';
		id->s = n->str;
		id->n = n->len;
		return 0;
	}
	align_merge_serialise(&b, n);
	if (b.failed)
		return -1;
	id->tag = 'c';
	id->n = b.len;
	id->s = id->own = align_buf_detach(&b);
	return id->own ? 0 : -1;
}

static int
ident_cmp(const struct ident *a, const struct ident *b)
{
	int c;

	if (a->tag != b->tag)
		return a->tag < b->tag ? -1 : 1;
	c = memcmp(a->s, b->s, a->n < b->n ? a->n : b->n);
	if (c == 0 && a->n != b->n)
		c = a->n < b->n ? -1 : 1;
	return c;
}

static int
ident_order(const void *a, const void *b)
{
	const struct ident *x = a, *y = b;
	int c = ident_cmp(x, y);

	return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

static void
index_release(struct index *x)
{
	size_t i;

	for (i = 0; x->v && i < x->n; i++)
		free(x->v[i].own);
	free(x->v);
	x->v = NULL;
	x->n = 0;
}

/* The identities of list's items (list NULL or not a sequence: none),
 * sorted.  0, or -1 when out of memory. */
static int
index_make(struct index *x, const struct align_node *list, const char *key)
{
	size_t i;

	x->v = NULL;
	x->n = 0;
	if (list == NULL || list->type != ALIGN_SEQ || list->n == 0)
		return 0;
	if ((x->v = calloc(list->n, sizeof(*x->v))) == NULL)
		return -1;
	for (i = 0; i < list->n; i++, x->n++)
		if (ident_of(&x->v[i], list->item[i], key, i) < 0) {
			index_release(x);
			return -1;
		}
	qsort(x->v, x->n, sizeof(*x->v), ident_order);
	return 0;
}

/* The index in its list of the first item with identity id, or -1. */
static long
index_find(const struct index *x, const struct ident *id)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ident_cmp(&x->v[mid], id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n && ident_cmp(&x->v[lo], id) == 0 ?
	    (long)x->v[lo].i : -1;
}

/* The item of list with n's identity, or NULL. */
static const struct align_node *
index_get(const struct index *x, const struct align_node *list,
    const struct ident *id)
{
	long i = index_find(x, id);

	return i < 0 ? NULL : list->item[i];
}

/*
 * Values.  A merged value has a variant for each side: the same one (v[1]
 * unused) unless they conflict.  NULL is a key that is absent.
 */
struct merged {
	struct align_node *v[2];
	int conflict;
};

static void
merged_release(struct merged *r)
{
	align_node_free(r->v[0]);
	align_node_free(r->v[1]);
	r->v[0] = r->v[1] = NULL;
}

/* Of whole values: 0 and *v the one to keep (NULL: none), or 1 when they
 * were changed differently on both sides. */
static int
whole(const struct align_node *b, const struct align_node *o,
    const struct align_node *t, const struct align_node **v)
{
	*v = o;
	if (align_node_equal(o, t) || align_node_equal(b, t))
		return 0;
	*v = t;
	if (align_node_equal(b, o))
		return 0;
	*v = NULL;
	return 1;
}

/* A copy of n (NULL: NULL) into *to: 0, or -1 when out of memory. */
static int
copy_to(struct align_node **to, const struct align_node *n)
{
	*to = NULL;
	return n && (*to = align_node_copy(n)) == NULL ? -1 : 0;
}

/* Push a copy of n onto the variants of r in mask (1 ours, 2 theirs). */
static int
push(struct merged *r, const struct align_node *n, int mask)
{
	if ((mask & 1) && align_seq_push(r->v[0], align_node_copy(n)) < 0)
		return -1;
	if ((mask & 2) && align_seq_push(r->v[1], align_node_copy(n)) < 0)
		return -1;
	return 0;
}

/* A variant that came out empty where its side had no such key is no
 * key. */
static void
absent_if_empty(struct merged *r, const struct align_node *o,
    const struct align_node *t)
{
	if (!r->conflict) {
		align_node_free(r->v[1]);
		r->v[1] = NULL;
	}
	if (r->v[0] && r->v[0]->n == 0 && (o == NULL ||
	    (!r->conflict && t == NULL))) {
		align_node_free(r->v[0]);
		r->v[0] = NULL;
	}
	if (r->v[1] && r->v[1]->n == 0 && t == NULL) {
		align_node_free(r->v[1]);
		r->v[1] = NULL;
	}
}

/* An item of ours, x, against the same one of base (bv) and theirs (tv). */
static int
set_ours(struct merged *r, const struct align_node *x,
    const struct align_node *bv, const struct align_node *tv)
{
	if (tv && (align_node_equal(x, tv) || align_node_equal(bv, tv)))
		return push(r, x, 3);
	if (tv && align_node_equal(bv, x))
		return push(r, tv, 3);
	if (tv) {
		r->conflict = 1;
		return push(r, x, 1) < 0 || push(r, tv, 2) < 0 ? -1 : 0;
	}
	if (bv == NULL)
		return push(r, x, 3);		/* added by ours */
	if (align_node_equal(bv, x))
		return 0;			/* removed by theirs */
	r->conflict = 1;			/* changed, and removed */
	return push(r, x, 1);
}

/* Lists as sets, three-way: each side's additions and removals; items
 * known by key (NULL: whole).  b, o, t are NULL or sequences. */
static int
set_merge(const struct align_node *b, const struct align_node *o,
    const struct align_node *t, const char *key, struct merged *r)
{
	struct index bx, ox, tx;
	struct ident id;
	size_t i;
	int rc = 0;

	memset(&ox, 0, sizeof(ox));
	memset(&tx, 0, sizeof(tx));
	if (index_make(&bx, b, key) < 0 || index_make(&ox, o, key) < 0 ||
	    index_make(&tx, t, key) < 0 || (r->v[0] = align_seq()) == NULL ||
	    (r->v[1] = align_seq()) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && o && i < o->n; i++) {
		if ((rc = ident_of(&id, o->item[i], key, i)) < 0)
			break;
		rc = set_ours(r, o->item[i], index_get(&bx, b, &id),
		    index_get(&tx, t, &id));
		free(id.own);
	}
	for (i = 0; rc == 0 && t && i < t->n; i++) {
		const struct align_node *bv;

		if ((rc = ident_of(&id, t->item[i], key, i)) < 0)
			break;
		bv = index_get(&bx, b, &id);
		if (index_find(&ox, &id) < 0 && index_find(&tx, &id) == (long)i &&
		    !align_node_equal(bv, t->item[i])) {
			if (bv)		/* changed by theirs, removed by ours */
				r->conflict = 1;
			rc = push(r, t->item[i], bv ? 2 : 3);
		}
		free(id.own);
	}
	index_release(&bx);
	index_release(&ox);
	index_release(&tx);
	if (rc == 0)
		absent_if_empty(r, o, t);
	return rc;
}

/*
 * A mapping's keys sorted, each with its index, the first of equal keys
 * first: a key looked up in log time, where align_map_get() reads every
 * key, and a merge of the votes of 50,000 voters key by key would read
 * 50,000 keys for each.
 */
struct key_at {
	const char *key;	/* borrowed from the mapping */
	size_t i;		/* its index there */
};

struct keys {
	struct key_at *v;
	size_t n;
};

static int
key_order(const void *a, const void *b)
{
	const struct key_at *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* The keys of map (NULL, or not a mapping: none), sorted.  0, or -1 when
 * out of memory. */
static int
keys_make(struct keys *x, const struct align_node *map)
{
	size_t i;

	x->v = NULL;
	x->n = 0;
	if (map == NULL || map->type != ALIGN_MAP || map->n == 0)
		return 0;
	if ((x->v = malloc(map->n * sizeof(*x->v))) == NULL)
		return -1;
	for (i = 0; i < map->n; i++) {
		x->v[i].key = map->key[i];
		x->v[i].i = i;
	}
	x->n = map->n;
	qsort(x->v, x->n, sizeof(*x->v), key_order);
	return 0;
}

/* The index in its mapping of the first key that is key, or -1: what
 * align_map_find() gives. */
static long
keys_find(const struct keys *x, const char *key)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(x->v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n && strcmp(x->v[lo].key, key) == 0 ?
	    (long)x->v[lo].i : -1;
}

/* The value of key in map, indexed by x, or NULL. */
static const struct align_node *
keys_get(const struct keys *x, const struct align_node *map, const char *key)
{
	long i = keys_find(x, key);

	return i < 0 ? NULL : map->item[i];
}

/* Append key and a copy of v to map, known not to hold it: 0, or -1. */
static int
append(struct align_node *map, const char *key, const struct align_node *v)
{
	return align_map_append(map, strdup(key), align_node_copy(v));
}

/* One sub-key k of mappings b, o and t (indexed by x) into r. */
static int
map_key(const struct align_node *b, const struct align_node *o,
    const struct align_node *t, const struct keys x[3], const char *k,
    struct merged *r)
{
	const struct align_node *ov = keys_get(&x[1], o, k),
	    *tv = keys_get(&x[2], t, k), *v;

	if (whole(keys_get(&x[0], b, k), ov, tv, &v) == 0)
		return v && (append(r->v[0], k, v) < 0 ||
		    append(r->v[1], k, v) < 0) ? -1 : 0;
	r->conflict = 1;
	return (ov && append(r->v[0], k, ov) < 0) ||
	    (tv && append(r->v[1], k, tv) < 0) ? -1 : 0;
}

/* Mappings (votes, aliases) by sub-key, each a whole: ours' keys, then
 * those theirs alone has, each once (a key a mapping repeats is its
 * first). */
static int
map_merge(const struct align_node *b, const struct align_node *o,
    const struct align_node *t, struct merged *r)
{
	const struct align_node *sides[2] = { o, t };
	struct keys x[3];
	size_t s, i;
	int rc = 0;

	memset(x, 0, sizeof(x));
	if (keys_make(&x[0], b) < 0 || keys_make(&x[1], o) < 0 ||
	    keys_make(&x[2], t) < 0 || (r->v[0] = align_map()) == NULL ||
	    (r->v[1] = align_map()) == NULL)
		rc = -1;
	for (s = 0; rc == 0 && s < 2; s++)
		for (i = 0; rc == 0 && sides[s] && i < sides[s]->n; i++) {
			const char *k = sides[s]->key[i];

			if ((s == 1 && keys_find(&x[1], k) >= 0) ||
			    keys_find(&x[1 + s], k) != (long)i)
				continue;	/* ours' key, or one seen */
			rc = map_key(b, o, t, x, k, r);
		}
	for (i = 0; i < 3; i++)
		free(x[i].v);
	if (rc == 0)
		absent_if_empty(r, o, t);
	return rc;
}

static int
all_of(const struct align_node *b, const struct align_node *o,
    const struct align_node *t, enum align_type type)
{
	return (b == NULL || b->type == type) && (o == NULL ||
	    o->type == type) && (t == NULL || t->type == type);
}

/* The value of key in a record of kind: merged inside where its shape
 * allows, else whole.  0, or -1 when out of memory. */
static int
merge_value(const char *kind, const char *key, const struct align_node *b,
    const struct align_node *o, const struct align_node *t,
    struct merged *r)
{
	const struct align_key *k;
	const struct align_node *v;

	memset(r, 0, sizeof(*r));
	if (whole(b, o, t, &v) == 0)
		return copy_to(&r->v[0], v);
	k = align_kind_of(kind) == ALIGN_KIND_OTHER ? NULL :
	    align_kind_key(kind, key);
	if (k && (k->shape == ALIGN_SHAPE_TEXTS ||
	    k->shape == ALIGN_SHAPE_ITEMS) && all_of(b, o, t, ALIGN_SEQ))
		return set_merge(b, o, t, k->shape == ALIGN_SHAPE_ITEMS ?
		    k->item[0].name : NULL, r);
	if (k && (k->shape == ALIGN_SHAPE_COUNTS ||
	    k->shape == ALIGN_SHAPE_NAMES) && all_of(b, o, t, ALIGN_MAP))
		return map_merge(b, o, t, r);
	r->conflict = 1;
	return copy_to(&r->v[0], o) < 0 || copy_to(&r->v[1], t) < 0 ? -1 : 0;
}

/*
 * Telling the user.
 */

/* A record's kind, "" for none. */
static const char *
kind_of(const struct align_node *rec)
{
	const char *k = align_record_kind(rec);

	return k ? k : "";
}

/* s for a message or a marker: at most 60 bytes, never cut inside a
 * character, control characters as '?'. */
static void
put_clean(struct align_buf *b, const char *s)
{
	size_t n = strlen(s), i;

	if (n > 60)
		for (n = 60; n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80; n--)
			;
	for (i = 0; i < n; i++)
		align_buf_putc(b, (unsigned char)s[i] < 0x20 || s[i] == 0x7f ?
		    '?' : s[i]);
	if (n < strlen(s))
		align_buf_puts(b, "...");
}

/* "session 'leadership-2026-12'", "a record of kind 'x'". */
static void
put_record(struct align_buf *b, const struct align_node *rec)
{
	const char *kind = kind_of(rec), *id = align_record_id(rec);

	if (id == NULL)
		align_buf_puts(b, "a record of kind '");
	put_clean(b, kind);
	align_buf_puts(b, id ? " '" : "'");
	if (id) {
		put_clean(b, id);
		align_buf_putc(b, '\'');
	}
}

/* Keep the message in b (released) as a note. */
static int
note(struct align_merge_to *to, int conflict, struct align_buf *b)
{
	struct align_merge *m = to->merge;
	char *msg = align_buf_detach(b);

	if (msg == NULL || ALIGN_GROW(m->note, m->nnote + 1, m->notecap) < 0) {
		free(msg);
		return -1;
	}
	m->note[m->nnote].conflict = conflict;
	m->note[m->nnote++].msg = msg;
	m->conflicts += conflict != 0;
	return 0;
}

/*
 * Records merged key by key.
 */
struct entry {
	const char *key;	/* borrowed from ours or theirs */
	struct merged m;
};

struct record {
	const char *kind;
	struct entry *v;
	size_t n, cap;
	int conflict;
};

static void
record_release(struct record *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		merged_release(&r->v[i].m);
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

static const struct align_node *
get(const struct align_node *rec, const char *key)
{
	return rec ? align_map_get(rec, key) : NULL;
}

/* 1 when rec (a theme or a principle) is a person's (source manual), 0
 * when not, -1 when out of memory. */
static int
manual(const struct align_node *rec)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_view v;
	const char *source = NULL;

	if (rec == NULL)
		return 0;
	if (align_view(&v, rec, &e) < 0)
		return -1;
	if (v.kind == ALIGN_KIND_THEME)
		source = v.u.theme.source;
	else if (v.kind == ALIGN_KIND_PRINCIPLE)
		source = v.u.principle.source;
	align_view_release(&v);
	return source && strcmp(source, "manual") == 0;
}

/* Which side a conflict on key goes to, the value being derived: 0 ours,
 * 1 theirs, -1 neither (it stays a conflict).  om, tm: each side is a
 * person's. */
static int
prefer(struct align_merge_to *m, enum align_kind kind, const char *key,
    int om, int tm)
{
	if (kind == ALIGN_KIND_THEME)
		return om == tm ? -1 : om ? 0 : 1;
	if (kind != ALIGN_KIND_PRINCIPLE || (strcmp(key, "statement") != 0 &&
	    strcmp(key, "themes") != 0 && strcmp(key, "status") != 0))
		return -1;
	if (om != tm)
		return om ? 0 : 1;
	if (om)
		return -1;
	m->derived |= ALIGN_MERGE_PRINCIPLES;
	return 0;
}

/* A fact captured on both branches (one id, so one content: a response,
 * a check-in, a reminder) keeps the earlier time it was captured: 0 ours,
 * 1 theirs, -1 when the times do not both parse or are the same. */
static int
earlier(enum align_kind kind, const char *key, const struct merged *x)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time a, b;

	if ((kind != ALIGN_KIND_RESPONSE && kind != ALIGN_KIND_CHECKIN &&
	    kind != ALIGN_KIND_REMINDER) || strcmp(key, "at") != 0 ||
	    x->v[0] == NULL || x->v[1] == NULL ||
	    x->v[0]->type != ALIGN_SCALAR || x->v[1]->type != ALIGN_SCALAR ||
	    align_time_parse(x->v[0]->str, &a, &e) < 0 ||
	    align_time_parse(x->v[1]->str, &b, &e) < 0 || a.t == b.t)
		return -1;
	return a.t < b.t ? 0 : 1;
}

/* Merge key of o (side 0) or of t only (side 1) into a new entry of r. */
static int
entry_merge(struct align_merge_to *m, struct record *r, const char *key,
    const struct align_node *b, const struct align_node *o,
    const struct align_node *t, const int man[2])
{
	struct entry *x;
	int p;

	if (ALIGN_GROW(r->v, r->n + 1, r->cap) < 0)
		return -1;
	x = &r->v[r->n++];
	x->key = key;
	if (merge_value(r->kind, key, get(b, key), get(o, key), get(t, key),
	    &x->m) < 0)
		return -1;
	if (x->m.conflict && ((p = earlier(align_kind_of(r->kind), key,
	    &x->m)) >= 0 || (p = prefer(m, align_kind_of(r->kind), key,
	    man[0], man[1])) >= 0)) {
		struct align_node *keep = x->m.v[p];

		align_node_free(x->m.v[!p]);
		x->m.v[0] = keep;
		x->m.v[1] = NULL;
		x->m.conflict = 0;
	}
	r->conflict |= x->m.conflict;
	return 0;
}

/* o and t changed on both sides, of one kind: every key merged. */
static int
record_merge(struct align_merge_to *m, struct record *r,
    const struct align_node *b, const struct align_node *o,
    const struct align_node *t)
{
	int man[2];
	size_t i;

	memset(r, 0, sizeof(*r));
	r->kind = kind_of(o);
	if ((man[0] = manual(o)) < 0 || (man[1] = manual(t)) < 0)
		return -1;
	for (i = 0; i < o->n; i++)
		if (entry_merge(m, r, o->key[i], b, o, t, man) < 0)
			return -1;
	for (i = 0; i < t->n; i++)
		if (align_map_get(o, t->key[i]) == NULL &&
		    entry_merge(m, r, t->key[i], b, o, t, man) < 0)
			return -1;
	return 0;
}

/*
 * Writing.
 */

/* The lines of "key: value" as the writer writes them in a record. */
static void
emit_key(struct align_buf *b, struct align_buf *scratch, const char *key,
    const struct align_node *v)
{
	struct align_node rec;
	char *keys[1];
	struct align_node *items[1];

	memset(&rec, 0, sizeof(rec));
	keys[0] = (char *)key;
	items[0] = (struct align_node *)v;
	rec.type = ALIGN_MAP;
	rec.n = rec.cap = 1;
	rec.key = keys;
	rec.item = items;
	align_buf_reset(scratch);
	align_emit_record(scratch, &rec);	/* "---\n" and the key */
	if (scratch->failed)
		b->failed = 1;
	else
		align_buf_add(b, scratch->p + 4, scratch->len - 4);
}

/* The entries of r in the writer's order: the kind's keys as record.h
 * lists them, then the others as they came. */
static size_t *
canonical(const struct record *r)
{
	const struct align_key *k;
	size_t *order = malloc((r->n + 1) * sizeof(*order)), n = 0, i;

	if (order == NULL)
		return NULL;
	for (k = align_kind_keys(r->kind); k->name; k++)
		for (i = 0; i < r->n; i++)
			if (strcmp(r->v[i].key, k->name) == 0)
				order[n++] = i;
	for (i = 0; i < r->n; i++)
		if (align_kind_key(r->kind, r->v[i].key) == NULL)
			order[n++] = i;
	return order;
}

/* "place", "place, title": the keys of a run of conflicts. */
static void
put_keys(struct align_buf *b, const struct record *r, const size_t *order,
    size_t from, size_t to, const char *comma, const char *and)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (i > from)
			align_buf_puts(b, i + 1 == to ? and : comma);
		put_clean(b, r->v[order[i]].key);
	}
}

/* A run of conflicting keys, order[from, to), between markers. */
static void
emit_hunk(struct align_buf *b, struct align_buf *scratch,
    const struct record *r, const size_t *order, size_t from, size_t to)
{
	static const char *const mark[2] = { "<<<<<<< ours (",
	    ">>>>>>> theirs (" };
	size_t side, i;

	for (side = 0; side < 2; side++) {
		if (side == 1)
			align_buf_puts(b, "=======\n");
		else {
			align_buf_puts(b, mark[0]);
			put_keys(b, r, order, from, to, ", ", ", ");
			align_buf_puts(b, ")\n");
		}
		for (i = from; i < to; i++)
			if (r->v[order[i]].m.v[side])
				emit_key(b, scratch, r->v[order[i]].key,
				    r->v[order[i]].m.v[side]);
	}
	align_buf_puts(b, mark[1]);
	put_keys(b, r, order, from, to, ", ", ", ");
	align_buf_puts(b, ")\n");
}

/* A record with conflicts: the keys in the writer's order, each run of
 * conflicting ones between markers; and its note. */
static int
emit_conflicted(struct align_merge_to *m, const struct record *r,
    const struct align_node *o)
{
	struct align_buf scratch = ALIGN_BUF_INIT, msg = ALIGN_BUF_INIT;
	size_t *order = canonical(r), i, j, said = 0;

	if (order == NULL)
		return -1;
	align_buf_puts(m->out, "---\n");
	put_record(&msg, o);
	align_buf_puts(&msg, ": ");
	for (i = 0; i < r->n; i = j) {
		const struct entry *x = &r->v[order[i]];

		for (j = i; j < r->n && r->v[order[j]].m.conflict; j++)
			;
		if (j == i) {
			if (x->m.v[0])
				emit_key(m->out, &scratch, x->key, x->m.v[0]);
			j = i + 1;
			continue;
		}
		emit_hunk(m->out, &scratch, r, order, i, j);
		if (said++)
			align_buf_puts(&msg, "; ");
		put_keys(&msg, r, order, i, j, ", ", " and ");
	}
	align_buf_puts(&msg, " changed on both sides");
	free(order);
	align_buf_release(&scratch);
	if (m->out->failed) {
		align_buf_release(&msg);
		return -1;
	}
	return note(m, 1, &msg);
}

/* A record merged without conflicts, as the writer writes it. */
static int
emit_merged(struct align_merge_to *m, struct record *r)
{
	struct align_node *rec = align_map();
	size_t i;
	int rc = rec ? 0 : -1;

	for (i = 0; rc == 0 && i < r->n; i++)
		if (r->v[i].m.v[0]) {
			rc = align_map_put(rec, r->v[i].key, r->v[i].m.v[0]);
			r->v[i].m.v[0] = NULL;	/* taken, even on failure */
		}
	if (rc == 0)
		align_emit_record(m->out, rec);
	align_node_free(rec);
	return rc < 0 || m->out->failed ? -1 : 0;
}

/* A record kept whole on one side, its other side deleted or another
 * kind: both between markers. */
static int
emit_whole(struct align_merge_to *m, const struct align_node *o,
    const struct align_node *t)
{
	const struct align_node *rec = o ? o : t;
	struct align_buf msg = ALIGN_BUF_INIT;
	int side;

	for (side = 0; side < 2; side++) {
		const struct align_node *x = side ? t : o;

		align_buf_puts(m->out, side ? "=======\n" : "<<<<<<< ours (");
		if (side == 0) {
			put_record(m->out, rec);
			align_buf_puts(m->out, x ? " changed)\n" :
			    " deleted)\n");
		}
		if (x)
			align_emit_record(m->out, x);
	}
	align_buf_puts(m->out, ">>>>>>> theirs (");
	put_record(m->out, rec);
	align_buf_puts(m->out, t ? " changed)\n" : " deleted)\n");
	put_record(&msg, rec);
	if (o && t) {
		align_buf_puts(&msg, ": a ");
		put_clean(&msg, kind_of(o));
		align_buf_puts(&msg, " on ours, a ");
		put_clean(&msg, kind_of(t));
		align_buf_puts(&msg, " on theirs");
	} else
		align_buf_puts(&msg, o ? ": changed on ours, deleted on theirs" :
		    ": deleted on ours, changed on theirs");
	if (m->out->failed) {
		align_buf_release(&msg);
		return -1;
	}
	return note(m, 1, &msg);
}

/*
 * Records.
 */

int
align_merge_emit(struct align_merge_to *m, const struct align_node *rec)
{
	align_emit_record(m->out, rec);
	return m->out->failed ? -1 : 0;
}

static int
is_auto_theme(const struct align_node *rec, int *yes)
{
	int man = manual(rec);

	*yes = rec && align_kind_of(kind_of(rec)) ==
	    ALIGN_KIND_THEME && man == 0;
	return man;
}

/* Deleted on one side (o or t NULL), changed on the other.  A theme a
 * person edited is kept; an automatic one goes ours' way; anything else
 * conflicts. */
int
align_merge_deleted(struct align_merge_to *m, const struct align_node *o,
    const struct align_node *t)
{
	const struct align_node *x = o ? o : t;
	int theme = align_kind_of(kind_of(x)) == ALIGN_KIND_THEME;
	int man = manual(x);

	if (man < 0)
		return -1;
	if (theme && man)
		return align_merge_emit(m, x);
	if (theme) {
		m->derived |= ALIGN_MERGE_THEMES;
		return o ? align_merge_emit(m, o) : 0;
	}
	return emit_whole(m, o, t);
}

/* A record's "sequence" as a number, or -1 (none, or not a number). */
static long long
sequence_of(const struct align_node *rec)
{
	const struct align_node *n = get(rec, "sequence");
	const char *why;
	long long v;

	if (n == NULL || n->type != ALIGN_SCALAR)
		return -1;
	v = align_strtonum(n->str, 0, 0x7fffffffffffffffLL - 1, &why);
	return why ? -1 : v;
}

/* 1 when r's merged keys, none in conflict, are those of rec, its
 * "sequence" aside, whatever their order. */
static int
same_event(const struct record *r, const struct align_node *rec)
{
	size_t i, n = 0;

	for (i = 0; i < r->n; i++) {
		const struct align_node *v = r->v[i].m.v[0];

		if (strcmp(r->v[i].key, "sequence") == 0)
			continue;
		if (r->v[i].m.conflict)
			return 0;
		if (v == NULL ? get(rec, r->v[i].key) != NULL :
		    !align_node_equal(v, get(rec, r->v[i].key)))
			return 0;
		n += v != NULL;
	}
	return n == rec->n - (get(rec, "sequence") != NULL);
}

/* A calendar's event (a session's invitation, a follow-up round) merged
 * from two changed sides: its SEQUENCE never conflicts.  It is the higher
 * of the two when the merge is one side's event, and one more than any
 * when the merge changes the event (a new one, or one still in conflict,
 * which a person resolves into either side or a mix): every calendar that
 * had either side's takes the merged one.  0, or -1 when out of memory. */
static int
sequence_merged(struct record *r, const struct align_node *b,
    const struct align_node *o, const struct align_node *t)
{
	long long sb = sequence_of(b), so = sequence_of(o), st = sequence_of(t);
	long long most = so > st ? so : st;
	struct entry *x = NULL;
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].key, "sequence") == 0)
			x = &r->v[i];
	if (x == NULL || (so < 0 && st < 0))
		return 0;
	if (sb > most)
		most = sb;
	if (!same_event(r, o) && !same_event(r, t))
		most++;
	merged_release(&x->m);
	x->m.conflict = 0;
	if ((x->m.v[0] = align_scalar_int((long)most)) == NULL)
		return -1;
	r->conflict = 0;
	for (i = 0; i < r->n; i++)
		r->conflict |= r->v[i].m.conflict;
	return 0;
}

/* Changed on both sides, differently. */
int
align_merge_both(struct align_merge_to *m, const struct align_node *b,
    const struct align_node *o, const struct align_node *t)
{
	struct record r;
	int ao, at, rc;

	if (strcmp(kind_of(o), kind_of(t)) != 0)
		return emit_whole(m, o, t);
	if (is_auto_theme(o, &ao) < 0 || is_auto_theme(t, &at) < 0)
		return -1;
	if (ao && at) {
		m->derived |= ALIGN_MERGE_THEMES;
		return align_merge_emit(m, o);
	}
	rc = record_merge(m, &r, b, o, t);
	if (rc == 0 && (align_kind_of(r.kind) == ALIGN_KIND_SESSION ||
	    align_kind_of(r.kind) == ALIGN_KIND_FOLLOWUP))
		rc = sequence_merged(&r, b, o, t);
	if (rc == 0)
		rc = r.conflict ? emit_conflicted(m, &r, o) : emit_merged(m, &r);
	record_release(&r);
	return rc;
}

int
align_merge_tell(struct align_merge_to *to, int conflict,
    struct align_buf *msg)
{
	if (note(to, conflict, msg) < 0)
		return -1;
	if (conflict)
		to->merge->conflicts--;	/* the records it marks count */
	return 0;
}

/* 1 when records x and y hold the same (serialised, in one pass: a
 * mapping of many votes compared key by key would be quadratic), 0 when
 * not or either is NULL, -1 when out of memory. */
static int
same_record(const struct align_node *x, const struct align_node *y)
{
	struct align_buf a = ALIGN_BUF_INIT, b = ALIGN_BUF_INIT;
	int rc;

	if (x == NULL || y == NULL)
		return 0;
	align_merge_serialise(&a, x);
	align_merge_serialise(&b, y);
	rc = a.failed || b.failed ? -1 : a.len == b.len &&
	    (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
	align_buf_release(&a);
	align_buf_release(&b);
	return rc;
}

int
align_merge_one(struct align_merge_to *m, const struct align_node *b,
    const struct align_node *o, const struct align_node *t)
{
	int ot, bt, bo;

	if (o == NULL && t == NULL)
		return 0;
	if (o && t) {
		if ((ot = same_record(o, t)) < 0 || (bt = same_record(b, t)) < 0)
			return -1;
		if (ot || bt)
			return align_merge_emit(m, o);
		if ((bo = same_record(b, o)) < 0)
			return -1;
		if (bo)
			return align_merge_emit(m, t);
		return align_merge_both(m, b, o, t);
	}
	if (b == NULL)
		return align_merge_emit(m, o ? o : t);	/* added on one side */
	if ((bo = same_record(b, o ? o : t)) < 0)
		return -1;
	if (bo)
		return 0;				/* deleted on the other */
	return align_merge_deleted(m, o, t);
}

int
align_merge_notes(struct align_merge_to *m)
{
	struct align_buf b = ALIGN_BUF_INIT;

	if (m->derived & ALIGN_MERGE_THEMES) {
		align_buf_puts(&b, "themes changed on both sides: ours kept; "
		    "run 'align-theme -i' on the merged file to group its "
		    "responses again");
		if (note(m, 0, &b) < 0)
			return -1;
	}
	if (m->derived & ALIGN_MERGE_PRINCIPLES) {
		align_buf_puts(&b, "proposed principles changed on both sides: "
		    "ours kept; run 'align-distill -i' on the merged file to "
		    "propose them again");
		if (note(m, 0, &b) < 0)
			return -1;
	}
	return 0;
}
