/*
 * principle_merge.c - an edited list applied three-way, to the principles
 * as the file is now (principle_merge.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "grow.h"
#include "principle_merge.h"

int
align_plist_copy(struct align_plist *to, const struct align_plist *l)
{
	size_t i;

	memset(to, 0, sizeof(*to));
	to->most = l->most;
	for (i = 0; i < l->n; i++)
		if (l->v[i] && align_plist_push(to,
		    align_principle_copy(l->v[i])) < 0) {
			align_plist_release(to);
			return -1;
		}
	return 0;
}

/* 1 when a and b write the same record (their sources aside unless
 * source), 0 when not, -1 when out of memory.  NULL is no principle. */
static int
same(const struct align_principle *a, const struct align_principle *b,
    int source)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *x, *y;
	int rc = -1;

	if (a == NULL || b == NULL)
		return a == b;
	x = align_principle_record(a, NULL, NULL, &e);
	y = align_principle_record(b, NULL, NULL, &e);
	if (x && y) {
		if (!source) {
			align_map_del(x, "source");
			align_map_del(y, "source");
		}
		rc = align_node_equal(x, y);
	}
	align_node_free(x);
	align_node_free(y);
	return rc;
}

static const struct align_principle *
find(const struct align_plist *l, const char *id, long *at)
{
	long i = id ? align_plist_find(l, id) : -1;

	if (at)
		*at = i;
	return i < 0 ? NULL : l->v[i];
}

/* Whose a principle of base is: the edit's, now's, or nobody's. */
enum from { OURS = 'o', NOW = 'n', GONE = 'x' };

struct run {
	struct align_plist *now, ours;
	const struct align_plist *base;
	char *from;			/* of each principle of base */
	struct pick {
		int side;		/* 0 ours, 1 now */
		size_t at;
		const char *source;	/* to mark it with, or NULL */
	} *v;
	size_t n, cap;
};

static const char *
pick_id(const struct run *r, const struct pick *p)
{
	const struct align_plist *l = p->side ? r->now : &r->ours;

	return l->v[p->at]->id;
}

/* The place in r->v of the principle called id, or -1. */
static long
picked(const struct run *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(pick_id(r, &r->v[i]), id) == 0)
			return (long)i;
	return -1;
}

/* Put principle at of side at place i of the result: 0, or -1. */
static int
put(struct run *r, size_t i, int side, size_t at)
{
	if (ALIGN_GROW(r->v, r->n + 1, r->cap) < 0)
		return -1;
	memmove(r->v + i + 1, r->v + i, (r->n - i) * sizeof(*r->v));
	r->v[i].side = side;
	r->v[i].at = at;
	r->v[i].source = NULL;
	r->n++;
	return 0;
}

/* One conflict: principle b of base, t now's (NULL: deleted), o the
 * edit's (NULL: dropped). */
static int
conflict(struct align_list_errors *c, const char *file,
    const struct align_principle *b, const struct align_principle *o,
    const struct align_principle *t)
{
	struct align_err x = ALIGN_ERR_INIT;

	align_err_set(&x, EX_DATAERR, file, t && t->rec ? t->rec->line : 0,
	    t && t->rec ? t->rec->col : 0, "principle %s: the edit %s it, "
	    "and another writer %s it while the list was being edited", b->id,
	    o ? "changes" : "drops", t ? "changed" : "deleted");
	if (ALIGN_GROW(c->v, c->n + 1, c->cap) < 0)
		return -1;
	c->v[c->n++] = x;
	return 0;
}

/* Whose each principle of base is, every conflict noted in c: 0, or -1
 * when out of memory.  A change of source alone is no change: an edit
 * marks every line the group's, and another's edit rewording one line
 * does not change the others. */
static int
decide(struct run *r, const char *file, struct align_list_errors *c)
{
	size_t i;

	for (i = 0; i < r->base->n; i++) {
		const struct align_principle *b = r->base->v[i], *o, *t;
		int ed, ot, eq;

		r->from[i] = GONE;
		if (b == NULL || b->id == NULL)
			continue;
		o = find(&r->ours, b->id, NULL);
		t = find(r->now, b->id, NULL);
		if ((ed = same(o, b, 0)) < 0 || (ot = same(t, b, 0)) < 0 ||
		    (eq = same(o, t, 0)) < 0)
			return -1;
		ed = !ed;
		ot = !ot;
		if (!ed)
			r->from[i] = !ot ? OURS : t ? NOW : GONE;
		else if (!ot || eq || (t && !align_principle_touched(t) &&
		    !align_principle_touched(b)))
			/* A draft drafted again is derived: the edit's. */
			r->from[i] = o ? OURS : GONE;
		else if (conflict(c, file, b, o, t) < 0)
			return -1;
	}
	return 0;
}

/* 1 when the edit put the principles it kept of base in another order. */
static int
reordered(const struct run *r)
{
	size_t i, j = 0;
	long at;

	for (i = 0; i < r->ours.n; i++) {
		if (find(r->base, r->ours.v[i]->id, &at) == NULL)
			continue;
		for (; j < r->base->n; j++)
			if (find(&r->ours, r->base->v[j]->id, NULL))
				break;
		if (j == r->base->n || (long)j != at)
			return 1;
		j++;
	}
	return 0;
}

/* The principles the edit added, numbered after every id now has when
 * one of theirs is taken; the highest id given into *most. */
static int
renumber(struct run *r, long *most)
{
	long next = align_plist_next(r->now), b = align_plist_next(r->base);
	size_t i;
	int clash = 0;

	if (b > next)
		next = b;
	for (i = 0; i < r->ours.n; i++)
		if (!find(r->base, r->ours.v[i]->id, NULL) &&
		    strtol(r->ours.v[i]->id + 1, NULL, 10) < next)
			clash = 1;
	for (i = 0; clash && i < r->ours.n; i++) {
		struct align_buf id = ALIGN_BUF_INIT;
		char *s;

		if (find(r->base, r->ours.v[i]->id, NULL))
			continue;
		align_buf_printf(&id, "p%ld", next++);
		if ((s = align_buf_detach(&id)) == NULL)
			return -1;
		free(r->ours.v[i]->id);
		r->ours.v[i]->id = s;
	}
	*most = next - 1;
	return 0;
}

/* A line the edit kept as it was, of a principle another writer changed:
 * the other writer's, marked the group's as the edit marks its lines
 * (unless that writer changed its source). */
static const char *
mark(const struct run *r, const char *id)
{
	const struct align_principle *o = find(&r->ours, id, NULL),
	    *b = find(r->base, id, NULL), *t = find(r->now, id, NULL);

	if (o == NULL || b == NULL || t == NULL || o->source == NULL ||
	    (t->source == NULL) != (b->source == NULL) ||
	    (t->source && strcmp(t->source, b->source) != 0))
		return NULL;
	return o->source;
}

/* The result's order: that of primary (0 ours, 1 now), each principle of
 * base as decided, then the other side's new principles each after the
 * one before it there. */
static int
order(struct run *r, int primary)
{
	const struct align_plist *l = primary ? r->now : &r->ours,
	    *other = primary ? &r->ours : r->now;
	size_t i;
	long at, k;

	for (i = 0; i < l->n; i++) {
		if (find(r->base, l->v[i]->id, &at) == NULL) {
			if (put(r, r->n, primary, i) < 0)
				return -1;
			continue;
		}
		if (r->from[at] == GONE)
			continue;
		if (r->from[at] == (primary ? NOW : OURS))
			k = (long)i;
		else
			find(other, l->v[i]->id, &k);
		if (k >= 0 && put(r, r->n, r->from[at] == NOW, (size_t)k) < 0)
			return -1;
		if (k >= 0 && r->from[at] == NOW)
			r->v[r->n - 1].source = mark(r, l->v[i]->id);
	}
	for (i = 0; i < other->n; i++) {
		size_t j = i;

		if (find(r->base, other->v[i]->id, NULL))
			continue;
		for (at = -1; j > 0 && at < 0; j--)
			at = picked(r, other->v[j - 1]->id);
		if (put(r, (size_t)(at + 1), !primary, i) < 0)
			return -1;
	}
	return 0;
}

/* The result into now: the principles picked, taken from their lists. */
static int
take(struct run *r, long most)
{
	struct align_plist out = ALIGN_PLIST_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < r->n; i++) {
		struct align_plist *l = r->v[i].side ? r->now : &r->ours;
		struct align_principle *p = l->v[r->v[i].at];

		if (rc == 0 && r->v[i].source)
			rc = align_principle_set_source(p, r->v[i].source);
		if (rc == 0)
			rc = align_plist_push(&out, p);
		else
			align_principle_free(p);
		l->v[r->v[i].at] = NULL;
	}
	out.most = r->now->most;
	if (r->ours.most > out.most)
		out.most = r->ours.most;
	if (most > out.most)
		out.most = most;
	align_plist_release(r->now);
	*r->now = out;
	return rc;
}

int
align_list_apply3(struct align_plist *now, const struct align_plist *base,
    FILE *fp, const char *name, const char *file,
    struct align_list_errors *errs, struct align_list_errors *conflicts,
    struct align_err *e)
{
	struct align_list_errors mine = ALIGN_LIST_ERRORS_INIT;
	struct align_list_errors *c = conflicts ? conflicts : &mine;
	struct run r;
	size_t had = c->n;
	long most = 0;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	r.now = now;
	r.base = base;
	if (align_plist_copy(&r.ours, base) < 0)
		return align_err_nomem(e);
	if (align_list_apply(&r.ours, fp, name, errs, e) < 0) {
		align_plist_release(&r.ours);
		return -1;
	}
	if ((r.from = calloc(base->n + 1, 1)) == NULL ||
	    decide(&r, file, c) < 0)
		align_err_nomem(e);
	else if (c->n > had) {
		*e = c->v[had];
	} else if (renumber(&r, &most) < 0 || order(&r, !reordered(&r)) < 0 ||
	    take(&r, most) < 0)
		align_err_nomem(e);
	else
		rc = 0;
	align_list_errors_release(&mine);
	align_plist_release(&r.ours);
	free(r.from);
	free(r.v);
	return rc;
}
