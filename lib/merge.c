/*
 * merge.c - three session streams merged, record by record (merge.h):
 * base and theirs read first into fingerprints, ours merged as it is
 * read, then what only theirs holds.  A record is merged in
 * merge_record.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "hash.h"
#include "merge.h"
#include "merge_ballot.h"
#include "merge_record.h"
#include "reader.h"
#include "record.h"

/*
 * A merge under way.  A record of base or theirs is kept as fingerprints
 * of its identity (its id, or its content when it has none) and of its
 * content; the record itself only where it may be needed: those of base
 * but the facts that come in bulk (responses, check-ins, reminders), and
 * those that theirs changed or added.
 */
struct fp {
	uint64_t a, b;
};

enum state { SAME, CHANGED, NEW };	/* theirs against base */

struct seen {
	struct fp id, content;
	struct align_node *rec;		/* a copy, or NULL */
	enum state state;
	int matched;			/* theirs: ours has it too */
};

struct table {
	struct seen *v;			/* in the order of the stream */
	size_t n, cap;
	size_t *slot, slots;		/* v's indices + 1, by id */
};

struct run {
	struct align_merge_to to;	/* out: &sessions, or the rest */
	struct align_buf sessions;	/* the session records, to lead */
	struct align_buf scratch;
	struct table base, theirs;
	struct align_merge_slot *slot;	/* the principles, written last */
	size_t nslot, cslot;
};

/* A record's kind, "" for none. */
static const char *
kind_of(const struct align_node *rec)
{
	const char *k = align_record_kind(rec);

	return k ? k : "";
}

/*
 * Fingerprints and tables.
 */
static const unsigned char key_a[16] = "align-merge-1234";
static const unsigned char key_b[16] = "align-merge-5678";
static const unsigned char key_c[16] = "align-merge-id-1";
static const unsigned char key_d[16] = "align-merge-id-2";

/* rec's fingerprints: of its content, and of its identity (its id, or
 * its content).  0, or -1 when out of memory. */
static int
fingerprint(struct run *r, const struct align_node *rec, struct fp *id,
    struct fp *content)
{
	const char *s = align_record_id(rec);

	align_buf_reset(&r->scratch);
	align_merge_serialise(&r->scratch, rec);
	if (r->scratch.failed)
		return -1;
	content->a = align_siphash(key_a, r->scratch.p, r->scratch.len);
	content->b = align_siphash(key_b, r->scratch.p, r->scratch.len);
	if (s == NULL) {
		*id = *content;
		return 0;
	}
	id->a = align_siphash(key_c, s, strlen(s));
	id->b = align_siphash(key_d, s, strlen(s));
	return 0;
}

static int
same(struct fp x, struct fp y)
{
	return x.a == y.a && x.b == y.b;
}

/* Index t by id: an open-addressing table of t->v's indices (+ 1), the
 * first of two records with one identity kept.  0, or -1 when out of
 * memory. */
static int
table_index(struct table *t)
{
	size_t i, mask;

	for (t->slots = 16; t->slots < 2 * t->n; t->slots *= 2)
		;
	if ((t->slot = calloc(t->slots, sizeof(*t->slot))) == NULL)
		return -1;
	mask = t->slots - 1;
	for (i = 0; i < t->n; i++) {
		size_t h = (size_t)t->v[i].id.a & mask;

		while (t->slot[h] && !same(t->v[t->slot[h] - 1].id, t->v[i].id))
			h = (h + 1) & mask;
		if (t->slot[h] == 0)
			t->slot[h] = i + 1;
	}
	return 0;
}

/* The first record of t with identity id, or NULL. */
static struct seen *
table_find(const struct table *t, struct fp id)
{
	size_t mask = t->slots - 1, h = (size_t)id.a & mask;

	if (t->slot == NULL)
		return NULL;
	for (; t->slot[h]; h = (h + 1) & mask)
		if (same(t->v[t->slot[h] - 1].id, id))
			return &t->v[t->slot[h] - 1];
	return NULL;
}

static void
table_release(struct table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		align_node_free(t->v[i].rec);
	free(t->v);
	free(t->slot);
}

/* Add rec to t, keeping a copy when keep: the entry, or NULL when out of
 * memory. */
static struct seen *
table_add(struct run *r, struct table *t, const struct align_node *rec,
    int keep)
{
	struct seen *x;

	if (ALIGN_GROW(t->v, t->n + 1, t->cap) < 0)
		return NULL;
	x = &t->v[t->n];
	memset(x, 0, sizeof(*x));
	if (fingerprint(r, rec, &x->id, &x->content) < 0 ||
	    (keep && (x->rec = align_node_copy(rec)) == NULL))
		return NULL;
	t->n++;
	return x;
}

/*
 * The passes: base (fingerprints, and the records that are not facts in
 * bulk), theirs (fingerprints, and what it changed or added), base again
 * if theirs changed one of those facts, ours (merged as it is read), and
 * the records only theirs holds.
 */
static int
is_fact(const struct align_node *rec)
{
	enum align_kind k = align_kind_of(kind_of(rec));

	return k == ALIGN_KIND_RESPONSE || k == ALIGN_KIND_CHECKIN ||
	    k == ALIGN_KIND_REMINDER;
}

static int
take_base(struct run *r, const struct align_node *rec)
{
	return table_add(r, &r->base, rec, !is_fact(rec)) ? 0 : -1;
}

static int
take_theirs(struct run *r, const struct align_node *rec)
{
	struct seen *x = table_add(r, &r->theirs, rec, 0), *b;

	if (x == NULL)
		return -1;
	b = table_find(&r->base, x->id);
	x->state = b == NULL ? NEW : same(b->content, x->content) ? SAME :
	    CHANGED;
	if (x->state != SAME && (x->rec = align_node_copy(rec)) == NULL)
		return -1;
	return 0;
}

/* Base again: the facts theirs changed. */
static int
take_base_again(struct run *r, const struct align_node *rec)
{
	struct seen *b, *t;
	struct fp id, content;

	if (!is_fact(rec))
		return 0;
	if (fingerprint(r, rec, &id, &content) < 0)
		return -1;
	b = table_find(&r->base, id);
	t = table_find(&r->theirs, id);
	if (b && b->rec == NULL && t && t->state == CHANGED &&
	    (b->rec = align_node_copy(rec)) == NULL)
		return -1;
	return 0;
}

/* Where rec goes: the session records lead the stream. */
static void
aim(struct run *r, const struct align_node *rec)
{
	r->to.out = align_kind_of(kind_of(rec)) == ALIGN_KIND_SESSION ?
	    &r->sessions : &r->to.merge->out;
}

static int
is_principle(const struct align_node *rec)
{
	return rec && align_kind_of(kind_of(rec)) == ALIGN_KIND_PRINCIPLE;
}

/* A principle, kept for merge_ballot.c to write here once every ballot
 * is known: b, o (copied) and t, each NULL when that side has none. */
static int
defer(struct run *r, const struct align_node *b, const struct align_node *o,
    const struct align_node *t)
{
	struct align_merge_slot *s;

	if (ALIGN_GROW(r->slot, r->nslot + 1, r->cslot) < 0)
		return -1;
	s = &r->slot[r->nslot];
	s->off = r->to.merge->out.len;
	s->b = b;
	s->t = t;
	s->o = NULL;
	if (o && (s->o = align_node_copy(o)) == NULL)
		return -1;
	r->nslot++;
	return 0;
}

/* Theirs' record of entry t: as base had it when theirs kept it. */
static const struct align_node *
theirs_rec(const struct run *r, const struct seen *t)
{
	const struct seen *b;

	if (t->rec || t->state != SAME)
		return t->rec;
	b = table_find(&r->base, t->id);
	return b ? b->rec : NULL;
}

/* Every principle of base and theirs, for the ballots. */
static int
ballots(struct run *r)
{
	const struct align_node **v[2] = { NULL, NULL };
	const struct table *tab[2] = { &r->base, &r->theirs };
	size_t n[2] = { 0, 0 }, s, i;
	int rc = -1;

	for (s = 0; s < 2; s++) {
		if ((v[s] = malloc((tab[s]->n + 1) * sizeof(*v[s]))) == NULL)
			goto done;
		for (i = 0; i < tab[s]->n; i++) {
			const struct align_node *rec = s ? theirs_rec(r,
			    &tab[s]->v[i]) : tab[s]->v[i].rec;

			if (is_principle(rec))
				v[s][n[s]++] = rec;
		}
	}
	r->to.out = &r->to.merge->out;
	rc = align_merge_ballots(&r->to, r->slot, r->nslot, v[0], n[0], v[1],
	    n[1]);
done:
	free(v[0]);
	free(v[1]);
	return rc;
}

static int
take_ours(struct run *r, const struct align_node *o)
{
	struct fp id, content;
	struct seen *b, *t;

	if (fingerprint(r, o, &id, &content) < 0)
		return -1;
	b = table_find(&r->base, id);
	t = table_find(&r->theirs, id);
	aim(r, o);
	if (t)
		t->matched = 1;
	if (is_principle(o))
		return defer(r, b ? b->rec : NULL, o, t ? theirs_rec(r, t) :
		    NULL);
	if (t && (t->state == SAME || same(t->content, content)))
		return align_merge_emit(&r->to, o);	/* theirs kept it */
	if (t && b && same(b->content, content))
		return align_merge_emit(&r->to, t->rec); /* ours kept it */
	if (t)
		return align_merge_both(&r->to, b ? b->rec : NULL, o, t->rec);
	if (b == NULL)
		return align_merge_emit(&r->to, o);	/* added by ours */
	if (same(b->content, content))
		return 0;				/* deleted by theirs */
	return align_merge_deleted(&r->to, o, NULL);
}

/* What only theirs holds, in its order. */
static int
theirs_only(struct run *r)
{
	size_t i;

	for (i = 0; i < r->theirs.n; i++) {
		struct seen *t = &r->theirs.v[i];

		if (t->matched || t->state == SAME)
			continue;		/* merged, or deleted by ours */
		aim(r, t->rec);
		if (is_principle(t->rec)) {
			struct seen *b = table_find(&r->base, t->id);

			if (defer(r, b ? b->rec : NULL, NULL, t->rec) < 0)
				return -1;
			continue;
		}
		if ((t->state == NEW ? align_merge_emit(&r->to, t->rec) :
		    align_merge_deleted(&r->to, NULL, t->rec)) < 0)
			return -1;
	}
	return 0;
}

typedef int take_fn(struct run *, const struct align_node *);

/* Each record of src to take: 0, or -1 and e. */
static int
each(struct run *r, const struct align_merge_source *src, take_fn *take,
    struct align_err *e)
{
	struct align_read_opts o = { 0 };
	struct align_reader *rd;
	struct align_node *rec;
	size_t i;
	int rc;

	if (src->path == NULL) {
		for (i = 0; src->records && src->records->type == ALIGN_SEQ &&
		    i < src->records->n; i++)
			if (take(r, src->records->item[i]) < 0)
				return align_err_nomem(e);
		return 0;
	}
	o.yaml_only = 1;
	o.ahead = 1;
	if ((rd = align_reader_open((char *const *)&src->path, 1, &o, e)) ==
	    NULL)
		return -1;
	while ((rc = align_reader_next(rd, &rec, e)) > 0) {
		rc = take(r, rec);
		align_reader_release(rd, rec);
		if (rc < 0) {
			rc = align_err_nomem(e);
			break;
		}
	}
	align_reader_free(rd);
	return rc;
}
/* Whether base must be read again: theirs changed a fact of it. */
static int
base_again(const struct run *r)
{
	size_t i;

	for (i = 0; i < r->theirs.n; i++)
		if (r->theirs.v[i].state == CHANGED &&
		    table_find(&r->base, r->theirs.v[i].id)->rec == NULL)
			return 1;
	return 0;
}

/* The session records before the others, in out: 0, or -1 when out of
 * memory. */
static int
lead(struct align_buf *out, const struct align_buf *sessions)
{
	size_t n = sessions->len;

	if (n == 0)
		return out->failed ? -1 : 0;
	align_buf_add(out, sessions->p, n);	/* room, at the end */
	if (out->failed)
		return -1;
	memmove(out->p + n, out->p, out->len - n);
	memcpy(out->p, sessions->p, n);
	return 0;
}

int
align_merge(struct align_merge *m, const struct align_merge_source src[3],
    struct align_err *e)
{
	struct run r;
	size_t i;
	int rc;

	memset(&r, 0, sizeof(r));
	r.to.merge = m;
	r.to.out = &m->out;
	rc = each(&r, &src[0], take_base, e);
	if (rc == 0 && (rc = table_index(&r.base)) < 0)
		align_err_nomem(e);
	if (rc == 0)
		rc = each(&r, &src[2], take_theirs, e);
	if (rc == 0 && (rc = table_index(&r.theirs)) < 0)
		align_err_nomem(e);
	if (rc == 0 && base_again(&r))
		rc = each(&r, &src[0], take_base_again, e);
	if (rc == 0)
		rc = each(&r, &src[1], take_ours, e);
	if (rc == 0 && (theirs_only(&r) < 0 || ballots(&r) < 0 ||
	    align_merge_notes(&r.to) < 0))
		rc = align_err_nomem(e);
	if (rc == 0 && lead(&m->out, &r.sessions) < 0)
		rc = align_err_nomem(e);
	for (i = 0; i < r.nslot; i++)
		align_node_free(r.slot[i].o);
	free(r.slot);
	table_release(&r.base);
	table_release(&r.theirs);
	align_buf_release(&r.sessions);
	align_buf_release(&r.scratch);
	return rc;
}

void
align_merge_release(struct align_merge *m)
{
	size_t i;

	align_buf_release(&m->out);
	for (i = 0; i < m->nnote; i++)
		free(m->note[i].msg);
	free(m->note);
	memset(m, 0, sizeof(*m));
}
