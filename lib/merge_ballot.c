/*
 * merge_ballot.c - the principles merged with one ballot a voter
 * (merge_ballot.h).
 */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "merge_ballot.h"
#include "record.h"

/* One count of a side: who gave n dots to principle pid. */
struct vote {
	const char *who, *pid;
	const struct align_node *n;
	int side;			/* 0 base, 1 ours, 2 theirs */
};

struct votes {
	struct vote *v;
	size_t n, cap;
};

/* A voter: where each side's counts of theirs are in the sorted votes,
 * and whose ballot they keep. */
enum win { CONFLICT, OURS, THEIRS };

struct voter {
	const char *who;
	size_t at[3], n[3];
	enum win win;
	int same;			/* ours' and theirs' ballots agree */
};

/* The counts of principle rec, of side: 0, or -1 when out of memory. */
static int
collect(struct votes *vs, const struct align_node *rec, int side)
{
	const struct align_node *m;
	const char *id;
	size_t i;

	if (rec == NULL || (id = align_record_id(rec)) == NULL ||
	    (m = align_map_get(rec, "votes")) == NULL || m->type != ALIGN_MAP)
		return 0;
	for (i = 0; i < m->n; i++) {
		if (ALIGN_GROW(vs->v, vs->n + 1, vs->cap) < 0)
			return -1;
		vs->v[vs->n].who = m->key[i];
		vs->v[vs->n].pid = id;
		vs->v[vs->n].n = m->item[i];
		vs->v[vs->n++].side = side;
	}
	return 0;
}

static int
vote_cmp(const void *a, const void *b)
{
	const struct vote *x = a, *y = b;
	int c = strcmp(x->who, y->who);

	if (c == 0 && x->side != y->side)
		c = x->side < y->side ? -1 : 1;
	return c ? c : strcmp(x->pid, y->pid);
}

/* 1 when voter x gave the same counts on sides s and u. */
static int
same_ballot(const struct votes *vs, const struct voter *x, int s, int u)
{
	size_t i;

	if (x->n[s] != x->n[u])
		return 0;
	for (i = 0; i < x->n[s]; i++) {
		const struct vote *a = &vs->v[x->at[s] + i],
		    *b = &vs->v[x->at[u] + i];

		if (strcmp(a->pid, b->pid) != 0 || !align_node_equal(a->n, b->n))
			return 0;
	}
	return 1;
}

/* Voter x's count on side s for principle pid, or NULL: the first of
 * them, found by halves (a side's counts of a voter are sorted by
 * principle). */
static const struct align_node *
count_of(const struct votes *vs, const struct voter *x, int s,
    const char *pid)
{
	size_t lo = 0, hi = x->n[s];
	const struct vote *v = vs->v + x->at[s];

	if (pid == NULL)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(v[mid].pid, pid) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n[s] && strcmp(v[lo].pid, pid) == 0 ? v[lo].n : NULL;
}

/*
 * The changes a slot's ballots make to one side's votes, applied in one
 * pass over them: a voter's count looked up and changed one at a time
 * reads every voter's for each, and 50,000 voters' ballots took minutes.
 */
struct edit {
	const char *who;
	const struct align_node *c;	/* the count to give; NULL: none */
	int done;
};

struct edits {
	struct edit *v;			/* by voter, as the voters are */
	size_t n, cap;
};

/* who's count to be c: 0, or -1 when out of memory. */
static int
edit(struct edits *x, const char *who, const struct align_node *c)
{
	if (ALIGN_GROW(x->v, x->n + 1, x->cap) < 0)
		return -1;
	x->v[x->n].who = who;
	x->v[x->n].c = c;
	x->v[x->n++].done = 0;
	return 0;
}

/* The change of who's count, or NULL (the voters, so x's, are sorted and
 * each once). */
static struct edit *
edit_of(const struct edits *x, const char *who)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(x->v[mid].who, who);

		if (c == 0)
			return &x->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The counts of mapping m changed as x says, each where it is (the first
 * of a name repeated), one no longer given removed, a new one after the
 * others in the voters' order.  0, or -1 when out of memory (m then whole,
 * with some of the changes). */
static int
apply(struct align_node *m, struct edits *x)
{
	size_t i, w = 0, n = m->n;
	int rc = 0;

	for (i = 0; i < n; i++) {
		struct edit *d = edit_of(x, m->key[i]);
		struct align_node *c;

		if (d && !d->done) {
			d->done = 1;
			if (d->c == NULL) {
				free(m->key[i]);
				align_node_free(m->item[i]);
				continue;
			}
			if (!align_node_equal(m->item[i], d->c)) {
				if ((c = align_node_copy(d->c)) == NULL)
					rc = -1;
				else {
					align_node_free(m->item[i]);
					m->item[i] = c;
				}
			}
		}
		m->key[w] = m->key[i];
		m->item[w] = m->item[i];
		if (m->kraw)
			m->kraw[w] = m->kraw[i];
		w++;
	}
	m->n = w;
	if (m->kraw)
		memset(m->kraw + w, 0, n - w);
	for (i = 0; rc == 0 && i < x->n; i++)
		if (!x->v[i].done && x->v[i].c)
			rc = align_map_append(m, strdup(x->v[i].who),
			    align_node_copy(x->v[i].c));
	return rc;
}

/* rec's votes (made when it has none and x gives a count) changed as x
 * says; votes that are no mapping are left.  0, or -1. */
static int
set_counts(struct align_node *rec, struct edits *x)
{
	struct align_node *m = align_map_get(rec, "votes");
	size_t i;

	for (i = 0; m == NULL && i < x->n; i++)
		if (x->v[i].c) {
			if (align_map_put(rec, "votes", align_map()) < 0)
				return -1;
			m = align_map_get(rec, "votes");
		}
	if (m == NULL || m->type != ALIGN_MAP)
		return 0;
	return apply(m, x);
}

/* The voters of the sorted votes, each deciding whose ballot stands, a
 * note for each that conflicts: 0, or -1 when out of memory. */
static int
voters(struct align_merge_to *to, const struct votes *vs,
    struct voter **out, size_t *nout)
{
	struct voter *v = NULL;
	size_t i, n = 0, cap = 0;

	for (i = 0; i < vs->n; i++) {
		const struct vote *x = &vs->v[i];

		if (n == 0 || strcmp(v[n - 1].who, x->who) != 0) {
			if (ALIGN_GROW(v, n + 1, cap) < 0) {
				free(v);
				return -1;
			}
			memset(&v[n], 0, sizeof(v[n]));
			v[n++].who = x->who;
		}
		if (v[n - 1].n[x->side]++ == 0)
			v[n - 1].at[x->side] = i;
	}
	*out = v;
	*nout = n;
	for (i = 0; i < n; i++) {
		struct align_buf msg = ALIGN_BUF_INIT;
		const char *c;

		v[i].same = same_ballot(vs, &v[i], 1, 2);
		v[i].win = v[i].same ||
		    same_ballot(vs, &v[i], 0, 2) ? OURS :
		    same_ballot(vs, &v[i], 0, 1) ? THEIRS : CONFLICT;
		if (v[i].win != CONFLICT)
			continue;
		align_buf_puts(&msg, "the votes of '");
		for (c = v[i].who; *c && c - v[i].who < 60; c++)
			align_buf_putc(&msg, (unsigned char)*c < 0x20 ||
			    *c == 0x7f ? '?' : *c);
		align_buf_puts(&msg, "': a ballot on each side, and no "
		    "time on a principle to tell the later: keep the same "
		    "side in every principle marked");
		if (align_merge_tell(to, 1, &msg) < 0)
			return -1;
	}
	return 0;
}

/* *c, a copy of n (n NULL: a new mapping, for a base that had none), with
 * the changes x gives: 0, or -1 when out of memory. */
static int
own(struct align_node **c, const struct align_node *n, struct edits *x)
{
	if ((*c = n ? align_node_copy(n) : align_map()) == NULL)
		return -1;
	return set_counts(*c, x);
}

/* Slot s merged with the voters' ballots, written to to->out: each side
 * copied only where a ballot changes it; ed[] the changes to ours,
 * theirs and base, made here. */
static int
merge_slot(struct align_merge_to *to, const struct align_merge_slot *s,
    const struct votes *vs, const struct voter *v, size_t nv,
    struct edits ed[3], const struct align_node *mark)
{
	const struct align_node *any = s->o ? s->o : s->t ? s->t : s->b;
	const char *pid = any ? align_record_id(any) : NULL;
	struct align_node *o = NULL, *t = NULL, *b = NULL;
	size_t i;
	int rc = -1;

	ed[0].n = ed[1].n = ed[2].n = 0;
	for (i = 0; i < nv; i++) {
		const struct align_node *c1, *c2;

		if (v[i].same)
			continue;	/* one ballot on both sides */
		c1 = count_of(vs, &v[i], 1, pid);
		c2 = count_of(vs, &v[i], 2, pid);
		if ((c1 && c2 && align_node_equal(c1, c2)) || (!c1 && !c2))
			continue;	/* the sides agree here */
		if (v[i].win == OURS && s->t && edit(&ed[1], v[i].who, c1) < 0)
			goto done;
		if (v[i].win == THEIRS && s->o &&
		    edit(&ed[0], v[i].who, c2) < 0)
			goto done;
		/* Neither side's count is base's: the votes conflict, base
		 * given one neither side has. */
		if (v[i].win == CONFLICT && s->o && s->t &&
		    edit(&ed[2], v[i].who, mark) < 0)
			goto done;
	}
	if ((ed[0].n && own(&o, s->o, &ed[0]) < 0) ||
	    (ed[1].n && own(&t, s->t, &ed[1]) < 0) ||
	    (ed[2].n && own(&b, s->b, &ed[2]) < 0))
		goto done;
	rc = align_merge_one(to, b ? b : s->b, o ? o : s->o, t ? t : s->t);
done:
	align_node_free(o);
	align_node_free(t);
	align_node_free(b);
	return rc;
}

int
align_merge_ballots(struct align_merge_to *to,
    struct align_merge_slot *slots, size_t n,
    const struct align_node *const *base, size_t n_base,
    const struct align_node *const *theirs, size_t n_theirs)
{
	static const char sentinel[] = "\001ballot";
	struct votes vs = { NULL, 0, 0 };
	struct voter *v = NULL;
	struct edits ed[3];
	struct align_buf *out = to->out, nb = ALIGN_BUF_INIT;
	struct align_node *mark = align_scalar(sentinel, sizeof(sentinel) - 1);
	size_t i, nv = 0, prev = 0;
	int rc = mark ? 0 : -1;

	memset(ed, 0, sizeof(ed));
	for (i = 0; rc == 0 && i < n_base; i++)
		rc = collect(&vs, base[i], 0);
	for (i = 0; rc == 0 && i < n; i++)
		rc = collect(&vs, slots[i].o, 1);
	for (i = 0; rc == 0 && i < n_theirs; i++)
		rc = collect(&vs, theirs[i], 2);
	if (rc == 0 && vs.n > 1)
		qsort(vs.v, vs.n, sizeof(*vs.v), vote_cmp);
	if (rc == 0)
		rc = voters(to, &vs, &v, &nv);
	to->out = &nb;
	for (i = 0; rc == 0 && i < n; i++) {
		if (slots[i].off > prev)
			align_buf_add(&nb, out->p + prev, slots[i].off - prev);
		prev = slots[i].off;
		rc = merge_slot(to, &slots[i], &vs, v, nv, ed, mark);
	}
	if (rc == 0 && n) {
		if (out->len > prev)
			align_buf_add(&nb, out->p + prev, out->len - prev);
		if (nb.failed)
			rc = -1;
	}
	to->out = out;
	if (rc == 0 && n) {
		align_buf_release(out);
		*out = nb;
	} else
		align_buf_release(&nb);
	for (i = 0; i < n; i++) {
		align_node_free(slots[i].o);
		slots[i].o = NULL;
	}
	for (i = 0; i < 3; i++)
		free(ed[i].v);
	align_node_free(mark);
	free(vs.v);
	free(v);
	return rc;
}
