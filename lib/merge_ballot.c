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

/* Voter x's count on side s for principle pid, or NULL. */
static const struct align_node *
count_of(const struct votes *vs, const struct voter *x, int s,
    const char *pid)
{
	size_t i;

	for (i = 0; pid && i < x->n[s]; i++)
		if (strcmp(vs->v[x->at[s] + i].pid, pid) == 0)
			return vs->v[x->at[s] + i].n;
	return NULL;
}

/* who's count in rec's votes made c (NULL: none): 0, or -1. */
static int
set_count(struct align_node *rec, const char *who, const struct align_node *c)
{
	struct align_node *m = align_map_get(rec, "votes"), *old;

	if (m == NULL && c == NULL)
		return 0;
	if (m == NULL) {
		if (align_map_put(rec, "votes", align_map()) < 0)
			return -1;
		m = align_map_get(rec, "votes");
	}
	if (m->type != ALIGN_MAP)
		return 0;
	old = align_map_get(m, who);
	if (c == NULL) {
		align_map_del(m, who);
		return 0;
	}
	if (old && align_node_equal(old, c))
		return 0;
	return align_map_put(m, who, align_node_copy(c));
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

/* *c, a copy of n made when first needed (n NULL: a new mapping, for a
 * base that had none): 0, or -1 when out of memory. */
static int
own(struct align_node **c, const struct align_node *n)
{
	if (*c == NULL)
		*c = n ? align_node_copy(n) : align_map();
	return *c ? 0 : -1;
}

/* Slot s merged with the voters' ballots, written to to->out: each side
 * copied only where a ballot changes it. */
static int
merge_slot(struct align_merge_to *to, const struct align_merge_slot *s,
    const struct votes *vs, const struct voter *v, size_t nv)
{
	const struct align_node *any = s->o ? s->o : s->t ? s->t : s->b;
	const char *pid = any ? align_record_id(any) : NULL;
	struct align_node *o = NULL, *t = NULL, *b = NULL, *bv;
	static const char sentinel[] = "\001ballot";
	size_t i;
	int rc = -1;

	for (i = 0; i < nv; i++) {
		const struct align_node *c1, *c2;

		if (v[i].same)
			continue;	/* one ballot on both sides */
		c1 = count_of(vs, &v[i], 1, pid);
		c2 = count_of(vs, &v[i], 2, pid);
		if ((c1 && c2 && align_node_equal(c1, c2)) || (!c1 && !c2))
			continue;	/* the sides agree here */
		if (v[i].win == OURS && s->t && (own(&t, s->t) < 0 ||
		    set_count(t, v[i].who, c1) < 0))
			goto done;
		if (v[i].win == THEIRS && s->o && (own(&o, s->o) < 0 ||
		    set_count(o, v[i].who, c2) < 0))
			goto done;
		if (v[i].win != CONFLICT || s->o == NULL || s->t == NULL)
			continue;
		/* Neither side's count is base's: the votes conflict. */
		if (own(&b, s->b) < 0 || (align_map_get(b, "votes") == NULL &&
		    align_map_put(b, "votes", align_map()) < 0))
			goto done;
		bv = align_map_get(b, "votes");
		if (bv->type == ALIGN_MAP && align_map_put(bv, v[i].who,
		    align_scalar(sentinel, sizeof(sentinel) - 1)) < 0)
			goto done;
	}
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
	struct votes vs = { NULL, 0, 0 };
	struct voter *v = NULL;
	struct align_buf *out = to->out, nb = ALIGN_BUF_INIT;
	size_t i, nv = 0, prev = 0;
	int rc = 0;

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
		rc = merge_slot(to, &slots[i], &vs, v, nv);
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
	free(vs.v);
	free(v);
	return rc;
}
