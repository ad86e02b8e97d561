/* The rounds of step 8: the records read once as views, and a round's
 * dates. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "grow.h"
#include "hash.h"
#include "order.h"
#include "plan.h"
#include "round.h"

#define DAY 86400
#define DAY_MINUTES (24L * 60)
#define NONE (-1L)	/* no name: a list of a round's check-ins, not of
			 * one principle's */

/* The check-ins indexed: each round, principle and participant they name
 * as a number (names); a list of their indexes in rs->checkin, in order,
 * for each round and for each round and principle, found by the key of
 * their numbers (lists); and the keys of each round and participant who
 * checked in on it (in). */
struct align_rounds_index {
	struct align_dict names;
	struct align_dict lists;	/* keys as their 8 bytes */
	size_t *start;		/* list k: at[start[k]] to at[start[k + 1]] */
	size_t *at;
	struct align_set in;
};

/* Append the view of rec to the list *v of *n (room for *cap). */
static int
add(struct align_rounds_entry **v, size_t *n, size_t *cap,
    const struct align_node *rec, size_t at, struct align_err *e)
{
	if (ALIGN_GROW(*v, *n + 1, *cap) < 0)
		return align_err_nomem(e);
	if (align_view(&(*v)[*n].v, rec, e) < 0)
		return -1;
	(*v)[(*n)++].at = at;
	return 0;
}

/* The dots of a principle. */
static long long
tally(const struct align_view *v)
{
	long long n = 0;
	size_t i;

	for (i = 0; i < v->u.principle.votes.n; i++)
		n += v->u.principle.votes.v[i].n;
	return n;
}

/* Principles: most dots first, then by id, then by statement. */
static int
cmp_principle(const void *a, const void *b)
{
	const struct align_view *x = &((const struct align_rounds_entry *)a)->v,
	    *y = &((const struct align_rounds_entry *)b)->v;
	long long s = tally(x), t = tally(y);
	int c;

	if (s != t)
		return s > t ? -1 : 1;
	if ((c = align_order_id(x->id, y->id)) != 0)
		return c;
	return align_order_text(x->u.principle.statement,
	    y->u.principle.statement);
}

/* Rounds by date, check-ins and reminders by time; then by id. */
static int
cmp_round(const void *a, const void *b)
{
	const struct align_view *x = &((const struct align_rounds_entry *)a)->v,
	    *y = &((const struct align_rounds_entry *)b)->v;
	int c = align_order_time(x->u.followup.date, y->u.followup.date);

	return c ? c : align_order_id(x->id, y->id);
}

static int
cmp_checkin(const void *a, const void *b)
{
	const struct align_view *x = &((const struct align_rounds_entry *)a)->v,
	    *y = &((const struct align_rounds_entry *)b)->v;
	int c = align_order_time(x->u.checkin.at, y->u.checkin.at);

	return c ? c : align_order_id(x->id, y->id);
}

static int
cmp_reminder(const void *a, const void *b)
{
	const struct align_view *x = &((const struct align_rounds_entry *)a)->v,
	    *y = &((const struct align_rounds_entry *)b)->v;
	int c = align_order_time(x->u.reminder.at, y->u.reminder.at);

	return c ? c : align_order_id(x->id, y->id);
}

/* The canonical order (order.h): the same whatever the order of the
 * input. */
static void
canon(struct align_rounds *rs)
{
	if (rs->nprinciple > 1)
		qsort(rs->principle, rs->nprinciple, sizeof(*rs->principle),
		    cmp_principle);
	if (rs->nround > 1)
		qsort(rs->round, rs->nround, sizeof(*rs->round), cmp_round);
	if (rs->ncheckin > 1)
		qsort(rs->checkin, rs->ncheckin, sizeof(*rs->checkin),
		    cmp_checkin);
	if (rs->nreminder > 1)
		qsort(rs->reminder, rs->nreminder, sizeof(*rs->reminder),
		    cmp_reminder);
}

/* The key of the numbers x and y of two names (y NONE: no second one):
 * one number, exact, for a dictionary numbers fewer than 2^32 - 1
 * strings (hash.h). */
static uint64_t
key_of(long x, long y)
{
	return (uint64_t)(x + 1) << 32 | (uint64_t)(y + 1);
}

/* The number of name s (NULL: NONE), added when add is set: NONE when
 * it is not there or, with add, when out of memory. */
static long
name_of(struct align_rounds_index *x, const char *s, int add)
{
	return s ? align_dict_id(&x->names, s, strlen(s), add) : NONE;
}

/* The number of the list of key k, added when add is set: as name_of(). */
static long
list_of(struct align_rounds_index *x, uint64_t k, int add)
{
	return align_dict_id(&x->lists, (const char *)&k, sizeof(k), add);
}

/* The slot of key k in a set (hash.h): its hash beside it, exact. */
static uint64_t
slot_of(uint64_t k)
{
	return align_dict_hash((const char *)&k, sizeof(k));
}

/* The lists of the check-ins, of[2 i] the list of check-in i's round and
 * of[2 i + 1] that of its round and principle (NONE: none): counted, then
 * each check-in put in its place, in order.  0, or -1 when out of
 * memory. */
static int
place(struct align_rounds_index *x, const long *of, size_t n)
{
	size_t k, i, sum = 0, m = x->lists.n;

	if ((x->start = calloc(m + 1, sizeof(*x->start))) == NULL ||
	    (x->at = calloc(2 * n + 1, sizeof(*x->at))) == NULL)
		return -1;
	for (i = 0; i < 2 * n; i++)
		if (of[i] != NONE)
			x->start[of[i]]++;
	for (k = 0; k <= m; k++) {	/* start[k]: where list k starts */
		size_t c = x->start[k];

		x->start[k] = sum;
		sum += c;
	}
	/* Each put at its list's end, which then starts the next list;
	 * after which each list's start is its predecessor's end. */
	for (i = 0; i < 2 * n; i++)
		if (of[i] != NONE)
			x->at[x->start[of[i]]++] = i / 2;
	memmove(x->start + 1, x->start, m * sizeof(*x->start));
	x->start[0] = 0;
	return 0;
}

/* Check-in c, the i-th, into x and of (place()): 0, or -1 when out of
 * memory. */
static int
index_one(struct align_rounds_index *x, const struct align_checkin_view *c,
    size_t i, long *of)
{
	long r, p, w;
	uint64_t k;

	of[2 * i] = of[2 * i + 1] = NONE;
	if (c->followup == NULL)
		return 0;
	if ((r = name_of(x, c->followup, 1)) == NONE ||
	    (of[2 * i] = list_of(x, key_of(r, NONE), 1)) == NONE)
		return -1;
	if (c->principle && ((p = name_of(x, c->principle, 1)) == NONE ||
	    (of[2 * i + 1] = list_of(x, key_of(r, p), 1)) == NONE))
		return -1;
	if (c->participant == NULL)
		return 0;
	if ((w = name_of(x, c->participant, 1)) == NONE)
		return -1;
	k = key_of(r, w);
	return align_set_add_fp(&x->in, slot_of(k), k) < 0 ? -1 : 0;
}

/* Index the check-ins of rs (rs->index): 0, or -1 when out of memory. */
static int
index_checkins(struct align_rounds *rs)
{
	struct align_rounds_index *x;
	long *of;
	size_t i;
	int rc = 0;

	if (rs->ncheckin == 0)
		return 0;
	if ((x = rs->index = calloc(1, sizeof(*x))) == NULL ||
	    (of = calloc(2 * rs->ncheckin, sizeof(*of))) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < rs->ncheckin; i++)
		rc = index_one(x, &rs->checkin[i].v.u.checkin, i, of);
	if (rc == 0)
		rc = place(x, of, rs->ncheckin);
	free(of);
	return rc;
}

static void
index_free(struct align_rounds_index *x)
{
	if (x == NULL)
		return;
	align_dict_release(&x->names);
	align_dict_release(&x->lists);
	align_set_release(&x->in);
	free(x->start);
	free(x->at);
	free(x);
}

int
align_rounds_read(struct align_rounds *rs, const struct align_node *recs,
    struct align_err *e)
{
	size_t i;
	int rc = 0;

	memset(rs, 0, sizeof(*rs));
	rs->recs = recs;
	for (i = 0; rc == 0 && i < recs->n; i++) {
		const struct align_node *x = recs->item[i];

		switch (align_kind_of(align_record_kind(x))) {
		case ALIGN_KIND_SESSION:
			if (rs->session)
				break;
			if ((rc = align_view(&rs->session_view, x, e)) == 0)
				rs->session = &rs->session_view.u.session;
			break;
		case ALIGN_KIND_PRINCIPLE:
			rc = add(&rs->principle, &rs->nprinciple,
			    &rs->capprinciple, x, i, e);
			break;
		case ALIGN_KIND_FOLLOWUP:
			rc = add(&rs->round, &rs->nround, &rs->capround, x, i,
			    e);
			break;
		case ALIGN_KIND_CHECKIN:
			rc = add(&rs->checkin, &rs->ncheckin, &rs->capcheckin,
			    x, i, e);
			break;
		case ALIGN_KIND_REMINDER:
			rc = add(&rs->reminder, &rs->nreminder,
			    &rs->capreminder, x, i, e);
			break;
		case ALIGN_KIND_REVIEW:
			rc = add(&rs->review, &rs->nreview, &rs->capreview, x,
			    i, e);
			break;
		default:
			break;
		}
	}
	if (rc == 0) {
		canon(rs);
		if (index_checkins(rs) < 0)
			rc = align_err_nomem(e);
	}
	return rc;
}

static void
release(struct align_rounds_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		align_view_release(&v[i].v);
	free(v);
}

void
align_rounds_release(struct align_rounds *rs)
{
	align_zone_free(rs->zone);
	index_free(rs->index);
	if (rs->session)
		align_view_release(&rs->session_view);
	release(rs->principle, rs->nprinciple);
	release(rs->round, rs->nround);
	release(rs->checkin, rs->ncheckin);
	release(rs->reminder, rs->nreminder);
	release(rs->review, rs->nreview);
	memset(rs, 0, sizeof(*rs));
}

/* 1 when z gives the offset the session's date (else the first round's)
 * was written with, or it was written with none. */
static int
agrees(const struct align_rounds *rs, const struct align_zone *z)
{
	const char *d = rs->session ? rs->session->date : NULL;

	if (d == NULL && rs->nround)
		d = rs->round[0].v.u.followup.date;
	return align_zone_agrees(z, d);
}

int
align_rounds_zone(struct align_rounds *rs, const char *name,
    struct align_err *e)
{
	const struct align_session_view *s = rs->session;
	struct align_err why = ALIGN_ERR_INIT;
	struct align_zone *z = NULL;

	align_zone_free(rs->zone);
	rs->zone = NULL;
	rs->zone_new = 0;
	if (name || (s && s->tz)) {
		if (align_zone_load(&z, name ? name : s->tz, &why) < 0) {
			if (why.status == ALIGN_EX_NOMEM)
				return align_err_nomem(e);
			if (name)
				return align_err_set(e, EX_USAGE, NULL, 0, 0,
				    "--tz: %s", why.msg);
			return align_session_tz_error(rs->session_view.rec,
			    &why, e);
		}
		rs->zone = z;
		rs->zone_new = s && (!s->tz || strcmp(s->tz, z->name) != 0);
		return 0;
	}
	if (align_zone_local(&z, e) < 0)
		return -1;
	if (z && (align_zone_is_utc(z) || !agrees(rs, z))) {
		align_zone_free(z);
		z = NULL;
	}
	rs->zone = z;
	rs->zone_new = z && s;
	return 0;
}

const char *
align_rounds_statement(const struct align_rounds *rs, const char *id)
{
	size_t i;

	for (i = 0; id && i < rs->nprinciple; i++)
		if (rs->principle[i].v.id && strcmp(rs->principle[i].v.id,
		    id) == 0)
			return rs->principle[i].v.u.principle.statement;
	return NULL;
}

int
align_round_people(const struct align_rounds *rs,
    const struct align_followup_view *f, struct align_texts *who,
    struct align_err *e)
{
	const struct align_texts *roster = NULL;
	size_t i, j, n = 0, cap = 0;

	who->v = NULL;
	who->n = 0;
	for (i = 0; i < f->pairs.n; i++)
		n += f->pairs.v[i].n;
	if (n == 0 && rs->session) {
		roster = &rs->session->names;
		n = roster->n;
	}
	if (ALIGN_GROW(who->v, n + 1, cap) < 0)
		return align_err_nomem(e);
	if (roster) {
		if (n)
			memcpy(who->v, roster->v, n * sizeof(*who->v));
		who->n = n;
		return 0;
	}
	for (i = 0; i < f->pairs.n; i++)
		for (j = 0; j < f->pairs.v[i].n; j++)
			who->v[who->n++] = f->pairs.v[i].v[j];
	return 0;
}

int
align_round_checked_in(const struct align_rounds *rs, const char *fid,
    const char *who)
{
	struct align_rounds_index *x = rs->index;
	long r, w;
	uint64_t k;

	if (x == NULL || (r = name_of(x, fid, 0)) == NONE ||
	    (w = name_of(x, who, 0)) == NONE)
		return 0;
	k = key_of(r, w);
	return align_set_has_fp(&x->in, slot_of(k), k);
}

const size_t *
align_round_checkins(const struct align_rounds *rs, const char *fid,
    const char *pid, size_t *n)
{
	struct align_rounds_index *x = rs->index;
	long r, p = NONE, k;

	*n = 0;
	if (x == NULL || (r = name_of(x, fid, 0)) == NONE ||
	    (pid && (p = name_of(x, pid, 0)) == NONE) ||
	    (k = list_of(x, key_of(r, p), 0)) == NONE)
		return NULL;
	*n = x->start[k + 1] - x->start[k];
	return x->at + x->start[k];
}

int
align_pair_time_parse(const char *s, int *minutes)
{
	if (strlen(s) != 5 || s[2] != ':' || !strchr("012", s[0]) ||
	    !strchr("0123456789", s[1]) || !strchr("012345", s[3]) ||
	    !strchr("0123456789", s[4]) || (s[0] == '2' && s[1] > '3'))
		return -1;
	*minutes = ((s[0] - '0') * 10 + s[1] - '0') * 60 +
	    (s[3] - '0') * 10 + s[4] - '0';
	return 0;
}

/* The last day of the cadence, to its end in the round's zone. */
static int
until_of(const char *s, struct align_round *r, struct align_err *why)
{
	if (align_time_parse(s, &r->until, why) < 0)
		return -1;
	if (r->until.date_only) {
		int64_t end = r->until.t + DAY - 1;

		r->until.t = r->zone ? align_zone_utc(r->zone, end) :
		    end - r->date.off;
	}
	r->until.off = r->zone ? align_zone_offset(r->zone, r->until.t) :
	    r->date.off;
	r->has_until = 1;
	return 0;
}

int
align_round_of(const struct align_view *v, const struct align_zone *zone,
    struct align_round *r, struct align_err *e)
{
	const struct align_followup_view *f = &v->u.followup;
	const char *id = v->id ? v->id : "?";
	unsigned long line = v->rec ? v->rec->line : 0;
	struct align_err why = ALIGN_ERR_INIT;

	memset(r, 0, sizeof(*r));
	r->zone = zone;
	r->pair_time = -1;
	if (f->date == NULL || align_time_parse(f->date, &r->date, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, line, 1,
		    "follow-up %s: %s", id, f->date ? why.msg : "no date");
	if (zone && !r->date.date_only)
		r->date.off = align_zone_offset(zone, r->date.t);
	if (f->every && align_duration_parse(f->every, &r->every, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, line, 1,
		    "follow-up %s: every: %s", id, why.msg);
	if (f->count.set)
		r->count = (long)f->count.v;
	if (f->until && until_of(f->until, r, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, line, 1,
		    "follow-up %s: until: %s", id, why.msg);
	if (f->pair_time && align_pair_time_parse(f->pair_time,
	    &r->pair_time) < 0)
		return align_err_set(e, EX_DATAERR, NULL, line, 1,
		    "follow-up %s: pair_time: '%s' is not a time of day "
		    "(expected 16:00)", id, f->pair_time);
	if (f->duration && align_duration_parse(f->duration, &r->minutes,
	    &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, line, 1,
		    "follow-up %s: duration: %s", id, why.msg);
	return 0;
}

int
align_round_at(const struct align_round *r, long k, struct align_time *t)
{
	if (k < 0 || (k > 0 && r->every == 0) || (r->count && k >= r->count))
		return -1;
	if (k == 0) {
		*t = r->date;
	} else if (r->every % DAY_MINUTES == 0) {
		*t = align_time_add_days(r->zone, r->date,
		    r->every / DAY_MINUTES * k);
	} else {
		*t = align_time_add(r->date, r->every * k);
		if (r->zone && !t->date_only)
			t->off = align_zone_offset(r->zone, t->t);
	}
	if (r->has_until && t->t > r->until.t)
		return -1;
	return 0;
}

/* The weekday of the day z since 1970 (a Thursday), 0 for Sunday. */
static int
weekday(int64_t z)
{
	return (int)((z % 7 + 11) % 7);
}

struct align_time
align_round_pair_at(const struct align_round *r, size_t k, size_t n)
{
	int32_t off = r->date.date_only ? 0 : r->date.off;
	int64_t wall = r->date.t + off, day, tod, days[7] = { 0 };
	long span = 6, i;
	size_t nday = 0;
	int pass;
	struct align_time t;

	day = wall >= 0 ? wall / DAY : -((-wall + DAY - 1) / DAY);
	tod = wall - day * DAY;
	/* The six days before the round's, those before the occurrence
	 * before it when its cadence is shorter; the day itself when the
	 * cadence is a day or less. */
	if (r->every && r->every < 7 * DAY_MINUTES)
		span = r->every / DAY_MINUTES - 1;
	for (pass = 0; pass < 2 && nday == 0; pass++)
		for (i = span; i >= 1; i--)
			if (pass || (weekday(day - i) != 0 &&
			    weekday(day - i) != 6))
				days[nday++] = day - i;
	if (nday == 0)
		days[nday++] = day;
	day = days[n ? k % n * nday / n : 0];
	memset(&t, 0, sizeof(t));
	if (r->date.date_only && r->pair_time < 0) {
		t.t = day * DAY;
		t.date_only = 1;
		return t;
	}
	wall = day * DAY + (r->pair_time >= 0 ? r->pair_time * 60L : tod);
	if (r->zone)
		return align_time_in(r->zone, align_zone_utc(r->zone, wall));
	t.t = wall - off;
	t.off = off;
	return t;
}

const struct align_node *
align_session_of(const struct align_node *recs)
{
	size_t i;

	for (i = 0; i < recs->n; i++)
		if (align_kind_of(align_record_kind(recs->item[i])) ==
		    ALIGN_KIND_SESSION)
			return recs->item[i];
	return NULL;
}
