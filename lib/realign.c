/* A one-to-one realignment, as a view: the weeks, the goals' trends, the
 * commitments' states, the recognition and the flags. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "realign.h"
#include "zone.h"

/* A cadence is read no further than this many meetings. */
#define MEETINGS 100000

int
align_realign_level(double x, double lo, double hi)
{
	int k;

	if (!(hi > lo))
		return 3;
	k = (int)((x - lo) / (hi - lo) * 7.0 + 0.5);
	return k < 0 ? 0 : k > 7 ? 7 : k;
}

void
align_realign_range(const struct align_realign *p,
    const struct align_realign_goal *g, int target, double *lo, double *hi)
{
	size_t k;

	*lo = *hi = g->last;
	for (k = 0; k < p->nweek; k++)
		if (!isnan(g->value[k])) {
			*lo = g->value[k] < *lo ? g->value[k] : *lo;
			*hi = g->value[k] > *hi ? g->value[k] : *hi;
		}
	if (target && g->target) {
		*lo = g->target_v < *lo ? g->target_v : *lo;
		*hi = g->target_v > *hi ? g->target_v : *hi;
	}
}

void
align_realign_number(double x, char *out)
{
	size_t n;

	snprintf(out, 32, "%.2f", x);
	n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	if (strcmp(out, "-0") == 0)
		strcpy(out, "0");
}

void
align_realign_facts(const struct align_realign *p, const struct align_show *s,
    void (*fact)(const struct align_show *s, const char *label,
    const char *day, const char *text))
{
	size_t i;

	fact(s, "Root cause", NULL, p->root_cause);
	fact(s, "Their view", NULL, p->their_view);
	fact(s, "Their role", NULL, p->role);
	fact(s, "Acknowledged", p->acknowledged, p->acknowledgement);
	for (i = 0; i < p->support.n; i++)
		fact(s, "Support", NULL, p->support.v[i]);
}

const struct align_review_view *
align_realign_review(const struct align_rounds *rs, const char *fid,
    const char *day)
{
	size_t i;

	for (i = 0; i < rs->nreview; i++) {
		const struct align_review_view *r = &rs->review[i].v.u.review;

		if (r->followup && r->date && strcmp(r->followup, fid) == 0 &&
		    strcmp(r->date, day) == 0)
			return r;
	}
	return NULL;
}

/* The meetings whose day has come. */
static int
weeks(struct align_realign *p, const struct align_rounds *rs,
    const struct align_view *f, struct align_err *e)
{
	struct align_round r;
	struct align_time t;
	size_t cap = 0;
	long k;

	if (align_round_of(f, rs->zone, &r, e) < 0)
		return -1;
	for (k = 0; k < MEETINGS && align_round_at(&r, k, &t) == 0; k++) {
		struct align_realign_week *w;

		if (cap == p->nweek) {
			cap = cap ? cap * 2 : 8;
			if ((w = realloc(p->week, cap * sizeof(*w))) == NULL)
				return align_err_nomem(e);
			p->week = w;
		}
		w = &p->week[p->nweek];
		align_time_day(rs->zone, &t, w->day);
		if (strcmp(w->day, p->today) > 0)
			break;
		w->review = align_realign_review(rs, p->id, w->day);
		w->missed = !w->review && strcmp(w->day, p->today) < 0;
		p->nreviewed += w->review != NULL;
		p->nmissed += w->missed;
		p->nweek++;
		if (!r.every)
			break;
	}
	return 0;
}

/* The value of key in names, or NULL. */
static const char *
value_of(const struct align_names *m, const char *key)
{
	size_t i;

	for (i = 0; key && i < m->n; i++)
		if (strcmp(m->v[i].key, key) == 0)
			return m->v[i].value;
	return NULL;
}

/* Goal x's values week by week, its first and last, and the day its
 * target was first reached. */
static void
trend(struct align_realign *p, struct align_realign_goal *x)
{
	const char *why;
	size_t k;
	int down = 0;

	for (k = 0; k < p->nweek; k++) {
		const struct align_review_view *r = p->week[k].review;
		const char *s = r ? value_of(&r->values, x->id) : NULL;
		double v = s ? align_strtod(s, -1e15, 1e15, &why) : 0;

		x->value[k] = NAN;
		if (s == NULL || why)
			continue;
		x->value[k] = v;
		if (x->nvalue++ == 0) {
			x->first = v;
			down = x->target && v > x->target_v;
		}
		x->last = v;
		if (x->target && !x->reached && (down ? v <= x->target_v :
		    v >= x->target_v))
			x->reached = p->week[k].day;
	}
}

static int
goals(struct align_realign *p, const struct align_followup_view *f)
{
	const struct align_goal_view *g = f->goals.v;
	const char *why;
	size_t i;

	if ((p->goal = calloc(f->goals.n + 1, sizeof(*p->goal))) == NULL)
		return -1;
	for (i = 0; i < f->goals.n; i++) {
		struct align_realign_goal *x = &p->goal[p->ngoal];

		if (g[i].goal == NULL)
			continue;
		p->ngoal++;
		x->id = g[i].id;
		x->goal = g[i].goal;
		x->measure = g[i].measure;
		x->unit = g[i].unit ? g[i].unit : "";
		x->target = g[i].target;
		if (x->target)
			x->target_v = align_strtod(x->target, -1e15, 1e15, &why);
		if (x->target && why)
			x->target = NULL;
		x->measured = g[i].measure || x->target;
		if ((x->value = calloc(p->nweek + 1, sizeof(double))) == NULL)
			return -1;
		if (x->id)
			trend(p, x);
	}
	return 0;
}

/* The check-ins on commitment x of round p (the practice before reviews:
 * align-followup checkin --principle c1). */
static void
checkins(struct align_realign_commitment *x, const struct align_rounds *rs,
    const char *fid)
{
	static const char *const o[] = { "success", "mixed", "failure" };
	const size_t *at;
	size_t i, j, n;

	at = align_round_checkins(rs, fid, x->id, &n);
	for (i = 0; i < n; i++) {
		const struct align_checkin_view *c =
		    &rs->checkin[at[i]].v.u.checkin;

		if (!c->outcome)
			continue;
		for (j = 0; j < 3; j++)
			if (strcmp(c->outcome, o[j]) == 0)
				x->checkins[j]++;
		x->checked = 1;
	}
}

static int
commitments(struct align_realign *p, const struct align_rounds *rs,
    const struct align_followup_view *f)
{
	const struct align_commitment_view *c = f->commitments.v;
	size_t i, k;

	if ((p->commitment = calloc(f->commitments.n + 1,
	    sizeof(*p->commitment))) == NULL)
		return -1;
	for (i = 0; i < f->commitments.n; i++) {
		struct align_realign_commitment *x =
		    &p->commitment[p->ncommitment];

		if (c[i].id == NULL || c[i].commitment == NULL)
			continue;	/* not a commitment */
		p->ncommitment++;
		x->id = c[i].id;
		x->participant = c[i].participant ? c[i].participant : "?";
		x->commitment = c[i].commitment;
		x->due = c[i].due;
		x->done = c[i].done;
		x->state = x->done ? ALIGN_REALIGN_DONE : x->due &&
		    strcmp(x->due, p->today) < 0 ? ALIGN_REALIGN_OVERDUE :
		    ALIGN_REALIGN_ON_TRACK;
		if ((x->outcome = calloc(p->nweek + 1, sizeof(char *))) == NULL)
			return -1;
		for (k = 0; k < p->nweek; k++)
			if (p->week[k].review)
				x->outcome[k] = value_of(
				    &p->week[k].review->outcomes, x->id);
		checkins(x, rs, p->id);
	}
	return 0;
}

/* Recognition text on day, once. */
static void
recognise(struct align_realign *p, const char *day, const char *text)
{
	size_t i;

	for (i = 0; i < p->nrecognition; i++)
		if (strcmp(p->recognition[i].day, day) == 0 &&
		    strcmp(p->recognition[i].text, text) == 0)
			return;
	snprintf(p->recognition[i].day, sizeof(p->recognition[i].day), "%s",
	    day);
	p->recognition[i].text = text;
	p->nrecognition++;
}

/* The recognition of the reviews, and of the check-ins on the round, in
 * the order of their days. */
static int
recognition(struct align_realign *p, const struct align_rounds *rs)
{
	struct align_time t;
	char day[40];
	const size_t *at;
	size_t i, n;

	at = align_round_checkins(rs, p->id, NULL, &n);
	if ((p->recognition = calloc(p->nweek + n + 1,
	    sizeof(*p->recognition))) == NULL)
		return -1;
	for (i = 0; i < p->nweek; i++)
		if (p->week[i].review && p->week[i].review->recognition)
			recognise(p, p->week[i].day,
			    p->week[i].review->recognition);
	for (i = 0; i < n; i++) {
		const struct align_checkin_view *c =
		    &rs->checkin[at[i]].v.u.checkin;

		if (!c->recognition || !c->at ||
		    align_time_parse(c->at, &t, NULL) < 0)
			continue;
		align_time_day(rs->zone, &t, day);
		recognise(p, day, c->recognition);
	}
	return 0;
}

/* A commitment that failed two reviews in a row (once a run of
 * failures), then each meeting missed. */
static int
flags(struct align_realign *p)
{
	size_t i, k, prev;

	if ((p->flag = calloc(p->ncommitment + p->nweek + 1,
	    sizeof(*p->flag))) == NULL)
		return -1;
	for (i = 0; i < p->ncommitment; i++) {
		const struct align_realign_commitment *c = &p->commitment[i];
		int run = 0;

		for (k = 0, prev = 0; k < p->nweek; k++) {
			if (c->outcome[k] == NULL)
				continue;
			if (strcmp(c->outcome[k], "failure") != 0) {
				run = 0;
				continue;
			}
			if (++run == 2) {
				struct align_realign_flag *f =
				    &p->flag[p->nflag++];

				f->kind = ALIGN_REALIGN_FAILED_TWICE;
				f->id = c->id;
				f->day = p->week[prev].day;
				f->day2 = p->week[k].day;
			}
			prev = k;
		}
	}
	for (k = 0; k < p->nweek; k++)
		if (p->week[k].missed) {
			p->flag[p->nflag].kind = ALIGN_REALIGN_MISSED;
			p->flag[p->nflag++].day = p->week[k].day;
		}
	return 0;
}

int
align_realign_make(struct align_realign **out, const struct align_rounds *rs,
    const struct align_view *f, const struct align_time *now,
    struct align_err *e)
{
	const struct align_followup_view *u = &f->u.followup;
	struct align_realign *p;

	if ((*out = p = calloc(1, sizeof(*p))) == NULL)
		return align_err_nomem(e);
	p->id = f->id ? f->id : "";
	p->with = u->with;
	p->root_cause = u->root_cause;
	p->their_view = u->their_view;
	p->role = u->role;
	p->acknowledgement = u->acknowledgement;
	p->acknowledged = u->acknowledged;
	p->support = u->support;
	align_time_day(rs->zone, now, p->today);
	if (weeks(p, rs, f, e) < 0)
		return -1;
	if (goals(p, u) < 0 || commitments(p, rs, u) < 0 ||
	    recognition(p, rs) < 0 || flags(p) < 0)
		return align_err_nomem(e);
	return 0;
}

void
align_realign_free(struct align_realign *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; p->goal && i < p->ngoal; i++)
		free(p->goal[i].value);
	for (i = 0; p->commitment && i < p->ncommitment; i++)
		free(p->commitment[i].outcome);
	free(p->goal);
	free(p->commitment);
	free(p->recognition);
	free(p->flag);
	free(p->week);
	free(p);
}
