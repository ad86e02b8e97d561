#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "handle.h"
#include "hash.h"
#include "principle.h"

/* Lists of strings. */

int
align_strs_addn(struct align_strs *l, const char *s, size_t n)
{
	char *c;

	if (ALIGN_GROW(l->v, l->n + 1, l->cap) < 0 ||
	    (c = strndup(s, n)) == NULL)
		return -1;
	l->v[l->n++] = c;
	return 0;
}

int
align_strs_add(struct align_strs *l, const char *s)
{
	return align_strs_addn(l, s, strlen(s));
}

int
align_strs_has(const struct align_strs *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

size_t
align_strs_del(struct align_strs *l, const char *s)
{
	size_t i, k = 0;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			free(l->v[i]);
		else
			l->v[k++] = l->v[i];
	i = l->n - k;
	l->n = k;
	return i;
}

void
align_strs_release(struct align_strs *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static int
strs_of(struct align_strs *l, const struct align_texts *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (align_strs_add(l, t->v[i]) < 0)
			return -1;
	return 0;
}

/* A copy of s, NULL for NULL; *failed set when out of memory. */
static char *
dup_or_null(const char *s, int *failed)
{
	char *c = s ? strdup(s) : NULL;

	if (s && c == NULL)
		*failed = 1;
	return c;
}

/* Indexes of names. */

/* Lists of up to this many names are looked through, not indexed. */
#define INDEX_FROM 16

/* The name at place i of a list of records of size stride, each one's
 * first member its name (struct align_dots, or a string of a list). */
static const char *
name_at(const void *base, size_t stride, size_t i)
{
	return *(char *const *)(const void *)((const char *)base +
	    i * stride);
}

/* Where name (of hash h) is in x's table, or the empty slot where it
 * would go. */
static size_t
index_slot(const struct align_names_index *x, const void *base,
    size_t stride, const char *name, uint64_t h)
{
	size_t i = (size_t)h & (x->cap - 1);
	uint64_t hi = h >> 32 << 32;

	for (; x->slot[i]; i = (i + 1) & (x->cap - 1))
		if ((x->slot[i] >> 32 << 32) == hi && strcmp(name_at(base,
		    stride, (size_t)(x->slot[i] & 0xffffffffU) - 1),
		    name) == 0)
			break;
	return i;
}

/* x made to index the n names of the list at base: those added since
 * it last did, or all of them into a table twice as large when they
 * would fill more than half of it.  A name twice in the list is found
 * at its last place.  0, or -1 when out of memory (x then empty). */
static int
index_up_to(struct align_names_index *x, const void *base, size_t stride,
    size_t n)
{
	size_t i, k;

	if (2 * n > x->cap) {
		size_t cap = x->cap ? x->cap : 64;

		while (2 * n > cap)
			cap *= 2;
		free(x->slot);
		x->n = 0;
		if ((x->slot = calloc(cap, sizeof(*x->slot))) == NULL) {
			x->cap = 0;
			return -1;
		}
		x->cap = cap;
	}
	for (i = x->n; i < n; i++) {
		const char *s = name_at(base, stride, i);
		uint64_t h = align_dict_hash(s, strlen(s));

		k = index_slot(x, base, stride, s, h);
		x->slot[k] = (h >> 32 << 32) | (uint64_t)(i + 1);
	}
	x->n = n;
	return 0;
}

/* Forget the table: the list lost a name, and its places moved. */
static void
index_drop(struct align_names_index *x)
{
	free(x->slot);
	memset(x, 0, sizeof(*x));
}

/* The last place of name in the n names of the list at base, or -1:
 * found through x when there are many.  The index only speeds it: out of
 * memory, or past the 2^32 places a slot holds, the list is looked
 * through. */
static long
index_find(struct align_names_index *x, const void *base, size_t stride,
    size_t n, const char *name)
{
	size_t i;

	if (n > INDEX_FROM && n < 0xffffffffU &&
	    index_up_to(x, base, stride, n) == 0) {
		i = index_slot(x, base, stride, name, align_dict_hash(name,
		    strlen(name)));
		return x->slot[i] ? (long)(x->slot[i] & 0xffffffffU) - 1 : -1;
	}
	for (i = n; i-- > 0;)
		if (strcmp(name_at(base, stride, i), name) == 0)
			return (long)i;
	return -1;
}

/* A principle. */

struct align_principle *
align_principle_new(const char *id)
{
	struct align_principle *p = calloc(1, sizeof(*p));

	if (p && (p->id = strdup(id)) == NULL) {
		free(p);
		return NULL;
	}
	return p;
}

static int
read_objections(struct align_principle *p, const struct align_items *it)
{
	const struct align_objection_view *o = it->v;
	size_t i;
	int failed = 0;

	if (it->n && (p->objections = calloc(it->n,
	    sizeof(*p->objections))) == NULL)
		return -1;
	p->cobjections = it->n;
	for (i = 0; i < it->n && !failed; i++) {
		struct align_objection *x = &p->objections[i];

		p->nobjections++;
		x->participant = dup_or_null(o[i].participant, &failed);
		x->reason = dup_or_null(o[i].reason, &failed);
	}
	return failed ? -1 : 0;
}

/* The objections' items as they came: the mappings of the record's list
 * (or the one mapping), in the order the view took them. */
static int
keep_items(struct align_principle *p, const struct align_node *l)
{
	size_t i, m = l == NULL || l->type == ALIGN_SCALAR ? 0 :
	    l->type == ALIGN_SEQ ? l->n : 1, k = 0;

	for (i = 0; i < m && k < p->nobjections; i++) {
		const struct align_node *x = l->type == ALIGN_SEQ ?
		    l->item[i] : l;

		if (x->type != ALIGN_MAP)
			continue;
		if ((p->objections[k++].rec = align_node_copy(x)) == NULL)
			return -1;
	}
	return 0;
}

int
align_principle_read(const struct align_view *v, struct align_principle **pp,
    struct align_err *e)
{
	const struct align_principle_view *u = &v->u.principle;
	struct align_principle *p = calloc(1, sizeof(*p));
	size_t i;
	int failed = p == NULL;

	*pp = NULL;
	if (p == NULL)
		return align_err_nomem(e);
	p->id = dup_or_null(u->id, &failed);
	p->statement = dup_or_null(u->statement, &failed);
	p->source = dup_or_null(u->source, &failed);
	p->rule = dup_or_null(u->rule, &failed);
	if (failed || strs_of(&p->themes, &u->themes) < 0 ||
	    strs_of(&p->agreed, &u->agreed) < 0 ||
	    (p->rec = align_node_copy(v->rec)) == NULL)
		goto nomem;
	for (i = 0; i < u->votes.n; i++)
		if (align_principle_set_dots(p, u->votes.v[i].key,
		    u->votes.v[i].n) < 0)
			goto nomem;
	/* In the record as it came, the objections' list: the one place a
	 * principle is looked at past its view, for the items' own keys. */
	if (read_objections(p, &u->objections) < 0 ||
	    keep_items(p, align_map_get(v->rec, "objections")) < 0)
		goto nomem;
	*pp = p;
	return 0;
nomem:
	align_principle_free(p);
	return align_err_nomem(e);
}

void
align_principle_free(struct align_principle *p)
{
	size_t i;

	if (p == NULL)
		return;
	free(p->id);
	free(p->statement);
	align_strs_release(&p->themes);
	for (i = 0; i < p->nvotes; i++)
		free(p->votes[i].participant);
	free(p->votes);
	index_drop(&p->voters);
	align_strs_release(&p->agreed);
	index_drop(&p->agreeing);
	for (i = 0; i < p->nobjections; i++) {
		free(p->objections[i].participant);
		free(p->objections[i].reason);
		align_node_free(p->objections[i].rec);
	}
	free(p->objections);
	free(p->source);
	free(p->rule);
	align_node_free(p->rec);
	free(p);
}

struct align_principle *
align_principle_copy(const struct align_principle *p)
{
	struct align_principle *c = calloc(1, sizeof(*c));
	size_t i;
	int failed = c == NULL;

	if (c == NULL)
		return NULL;
	c->id = dup_or_null(p->id, &failed);
	c->statement = dup_or_null(p->statement, &failed);
	c->source = dup_or_null(p->source, &failed);
	c->rule = dup_or_null(p->rule, &failed);
	for (i = 0; !failed && i < p->themes.n; i++)
		failed = align_strs_add(&c->themes, p->themes.v[i]) < 0;
	for (i = 0; !failed && i < p->agreed.n; i++)
		failed = align_strs_add(&c->agreed, p->agreed.v[i]) < 0;
	for (i = 0; !failed && i < p->nvotes; i++)
		failed = align_principle_set_dots(c, p->votes[i].participant,
		    p->votes[i].n) < 0;
	if (!failed && p->nobjections && (c->objections = calloc(
	    p->nobjections, sizeof(*c->objections))) == NULL)
		failed = 1;
	c->cobjections = p->nobjections;
	for (i = 0; !failed && i < p->nobjections; i++) {
		const struct align_objection *o = &p->objections[i];
		struct align_objection *x = &c->objections[i];

		c->nobjections++;
		x->participant = dup_or_null(o->participant, &failed);
		x->reason = dup_or_null(o->reason, &failed);
		if (o->rec && (x->rec = align_node_copy(o->rec)) == NULL)
			failed = 1;
	}
	if (!failed && p->rec && (c->rec = align_node_copy(p->rec)) == NULL)
		failed = 1;
	if (failed) {
		align_principle_free(c);
		return NULL;
	}
	return c;
}

/* Writing it. */

/* Set key of rec to v (taken), unless rec holds the same already: a
 * value read as it is written stays byte for byte. */
static int
put(struct align_node *rec, const char *key, struct align_node *v)
{
	const struct align_node *old = align_map_get(rec, key);

	if (v == NULL)
		return -1;
	if (old && ((v->type == ALIGN_SCALAR && old->type == ALIGN_SCALAR &&
	    strcmp(old->str, v->str) == 0) || align_node_equal(old, v))) {
		align_node_free(v);
		return 0;
	}
	return align_map_put(rec, key, v);
}

static struct align_node *
seq_of(const struct align_strs *l)
{
	return align_seq_strs((const char *const *)l->v, l->n);
}

static struct align_node *
votes_of(const struct align_principle *p)
{
	struct align_node *m = align_map();
	size_t i;

	/* Each voter is once in votes with dots: appended, not looked for
	 * (a vote withdrawn, of 0 dots, is none). */
	for (i = 0; m && i < p->nvotes; i++)
		if (p->votes[i].n != 0 && align_map_append(m,
		    strdup(p->votes[i].participant),
		    align_scalar_int((long)p->votes[i].n)) < 0) {
			align_node_free(m);
			return NULL;
		}
	return m;
}

static struct align_node *
objection_of(const struct align_objection *o)
{
	struct align_node *m = o->rec ? align_node_copy(o->rec) : align_map();

	if (m == NULL || (o->participant && put(m, "participant",
	    align_scalar_str(o->participant)) < 0) || (o->reason &&
	    put(m, "reason", align_scalar_str(o->reason)) < 0)) {
		align_node_free(m);
		return NULL;
	}
	return m;
}

static struct align_node *
objections_of(const struct align_principle *p)
{
	struct align_node *s = align_seq();
	size_t i;

	for (i = 0; s && i < p->nobjections; i++)
		if (align_seq_push(s, objection_of(&p->objections[i])) < 0) {
			align_node_free(s);
			return NULL;
		}
	return s;
}

static int
put_text(struct align_node *rec, const char *key, const char *s)
{
	return s ? put(rec, key, align_scalar_str(s)) : 0;
}

struct align_node *
align_principle_record(const struct align_principle *p, const char *status,
    const char *rule, struct align_err *e)
{
	struct align_node *rec = p->rec ? align_node_copy(p->rec) :
	    align_record_new("principle");

	if (rec == NULL || put_text(rec, "id", p->id) < 0 ||
	    put_text(rec, "statement", p->statement) < 0 ||
	    put(rec, "themes", seq_of(&p->themes)) < 0 ||
	    put(rec, "votes", votes_of(p)) < 0 ||
	    put(rec, "agreed", seq_of(&p->agreed)) < 0 ||
	    put(rec, "objections", objections_of(p)) < 0 ||
	    put_text(rec, "status", status) < 0 ||
	    put_text(rec, "rule", rule) < 0 ||
	    put_text(rec, "source", p->source) < 0) {
		align_node_free(rec);
		align_err_nomem(e);
		return NULL;
	}
	return rec;
}

/* Dots. */

long long
align_principle_tally(const struct align_principle *p)
{
	long long sum = 0;
	size_t i;

	for (i = 0; i < p->nvotes; i++)
		sum += p->votes[i].n;
	return sum;
}

/* The place of who's dots in p's votes, or -1.  The index of the voters
 * is made (and grown) as it is looked up, a cache of what p holds; a
 * voter's last place is the one that can hold dots. */
static long
dots_at(const struct align_principle *p, const char *who)
{
	struct align_names_index *x =
	    (struct align_names_index *)&p->voters;
	long i = index_find(x, p->votes, sizeof(*p->votes), p->nvotes, who);

	return i >= 0 && p->votes[i].n != 0 ? i : -1;
}

/* The votes withdrawn taken out of p's votes, the others in their order:
 * once they are half of them, so that each costs a step or two. */
static void
compact(struct align_principle *p)
{
	size_t i, k = 0;

	for (i = 0; i < p->nvotes; i++)
		if (p->votes[i].n == 0)
			free(p->votes[i].participant);
		else
			p->votes[k++] = p->votes[i];
	p->nvotes = k;
	p->nwithdrawn = 0;
	index_drop(&p->voters);
}

long long
align_principle_dots(const struct align_principle *p, const char *who)
{
	long i = dots_at(p, who);

	return i < 0 ? 0 : p->votes[i].n;
}

int
align_principle_set_dots(struct align_principle *p, const char *who,
    long long n)
{
	long i = dots_at(p, who);
	char *c;

	if (i >= 0 && n == 0) {
		/* Withdrawn in its place, not moved out: a ballot cast
		 * withdraws the voter's dots from every principle of a
		 * round of thousands, and gives them again at the end. */
		p->votes[i].n = 0;
		if (2 * ++p->nwithdrawn > p->nvotes)
			compact(p);
	} else if (i >= 0) {
		p->votes[i].n = n;
	} else if (n != 0) {
		if (ALIGN_GROW(p->votes, p->nvotes + 1, p->cvotes) < 0 ||
		    (c = strdup(who)) == NULL)
			return -1;
		p->votes[p->nvotes].participant = c;
		p->votes[p->nvotes++].n = n;
	}
	return 0;
}

/* Agreement and objections. */

int
align_principle_agreed_by(const struct align_principle *p, const char *who)
{
	struct align_names_index *x =
	    (struct align_names_index *)&p->agreeing;

	return index_find(x, p->agreed.v, sizeof(*p->agreed.v),
	    p->agreed.n, who) >= 0;
}

int
align_principle_objected_by(const struct align_principle *p,
    const char *who)
{
	size_t i;

	for (i = 0; i < p->nobjections; i++)
		if (p->objections[i].participant &&
		    strcmp(p->objections[i].participant, who) == 0)
			return 1;
	return 0;
}

static void
withdraw(struct align_principle *p, const char *who)
{
	size_t i, k = 0;

	for (i = 0; i < p->nobjections; i++) {
		struct align_objection *o = &p->objections[i];

		if (o->participant && strcmp(o->participant, who) == 0) {
			free(o->participant);
			free(o->reason);
			align_node_free(o->rec);
		} else {
			p->objections[k++] = *o;
		}
	}
	p->nobjections = k;
}

int
align_principle_agree(struct align_principle *p, const char *who)
{
	if (!align_principle_agreed_by(p, who) &&
	    align_strs_add(&p->agreed, who) < 0)
		return -1;
	withdraw(p, who);
	return 0;
}

int
align_principle_object(struct align_principle *p, const char *who,
    const char *reason)
{
	struct align_objection o = { NULL, NULL, NULL };

	if (ALIGN_GROW(p->objections, p->nobjections + 1,
	    p->cobjections) < 0 || (o.participant = strdup(who)) == NULL ||
	    (o.reason = strdup(reason)) == NULL) {
		free(o.participant);
		return -1;
	}
	if (align_strs_del(&p->agreed, who) > 0)
		index_drop(&p->agreeing);
	withdraw(p, who);
	p->objections[p->nobjections++] = o;
	return 0;
}

/* The words. */

static const char *
blanks(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

/* a and b the same words, whatever the spacing between them. */
static int
same_words(const char *a, const char *b)
{
	for (;;) {
		size_t na, nb;

		a = blanks(a);
		b = blanks(b);
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		for (na = 0; a[na] && !isspace((unsigned char)a[na]); na++)
			;
		for (nb = 0; b[nb] && !isspace((unsigned char)b[nb]); nb++)
			;
		if (na != nb || memcmp(a, b, na) != 0)
			return 0;
		a += na;
		b += nb;
	}
}

int
align_principle_reword(struct align_principle *p, const char *words)
{
	char *c;
	size_t i;

	if (p->statement && same_words(p->statement, words))
		return 0;
	if ((c = strdup(words)) == NULL)
		return -1;
	free(p->statement);
	p->statement = c;
	align_strs_release(&p->agreed);
	index_drop(&p->agreeing);
	for (i = 0; i < p->nobjections; i++) {
		free(p->objections[i].participant);
		free(p->objections[i].reason);
		align_node_free(p->objections[i].rec);
	}
	p->nobjections = 0;
	return 0;
}

int
align_principle_set_source(struct align_principle *p, const char *src)
{
	char *c;

	if (p->source && strcmp(p->source, src) == 0)
		return 0;
	if ((c = strdup(src)) == NULL)
		return -1;
	free(p->source);
	p->source = c;
	return 0;
}

int
align_principle_merge(struct align_principle *into,
    const struct align_principle *from)
{
	size_t i;

	for (i = 0; i < from->themes.n; i++)
		if (!align_strs_has(&into->themes, from->themes.v[i]) &&
		    align_strs_add(&into->themes, from->themes.v[i]) < 0)
			return -1;
	for (i = 0; i < from->nvotes; i++) {
		const struct align_dots *d = &from->votes[i];

		if (align_principle_set_dots(into, d->participant,
		    align_principle_dots(into, d->participant) + d->n) < 0)
			return -1;
	}
	return 0;
}

int
align_principle_touched(const struct align_principle *p)
{
	return (p->source && strcmp(p->source, "manual") == 0) ||
	    p->nvotes > p->nwithdrawn || p->agreed.n > 0 || p->nobjections > 0;
}

int
align_principle_has_theme(const struct align_principle *p, const char *id)
{
	return align_strs_has(&p->themes, id);
}

/* The list. */

int
align_plist_push(struct align_plist *l, struct align_principle *p)
{
	if (p == NULL || ALIGN_GROW(l->v, l->n + 1, l->cap) < 0) {
		align_principle_free(p);
		return -1;
	}
	l->v[l->n++] = p;
	return 0;
}

long
align_plist_find(const struct align_plist *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] && l->v[i]->id && strcmp(l->v[i]->id, id) == 0)
			return (long)i;
	return -1;
}

long
align_plist_resolve(const struct align_plist *l, const char *handle,
    int status, struct align_err *e)
{
	const char **ids = malloc((l->n + 1) * sizeof(*ids));
	size_t i;
	long at;

	if (ids == NULL)
		return align_err_nomem(e);
	for (i = 0; i < l->n; i++)
		ids[i] = l->v[i] ? l->v[i]->id : NULL;
	at = align_handle_resolve(ids, l->n, handle, "principle", status, e);
	free(ids);
	return at;
}

/* The number of an id "p<n>", or -1. */
static long
number_of(const char *id)
{
	char *end;
	long v;

	if (id == NULL || id[0] != 'p' || !isdigit((unsigned char)id[1]))
		return -1;
	v = strtol(id + 1, &end, 10);
	return *end ? -1 : v;
}

long
align_plist_next(const struct align_plist *l)
{
	long most = l->most, v;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] && (v = number_of(l->v[i]->id)) > most)
			most = v;
	return most + 1;
}

void
align_plist_release(struct align_plist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		align_principle_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
