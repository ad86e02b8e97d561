/* The calendar of the rounds: an event a round and, when asked, a pair. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "grow.h"
#include "ics.h"
#include "plan.h"

static const ALIGN_RENDERER(struct align_calendar) renderers[] = {
	{ ALIGN_FMT_ICS, align_calendar_ics },
};

/* The statements of the principles under review in f, into ev. */
static int
statements(struct align_calendar_event *ev, const struct align_rounds *rs,
    const struct align_followup_view *f)
{
	size_t i;

	if ((ev->statement = calloc(f->principles.n + 1,
	    sizeof(*ev->statement))) == NULL)
		return -1;
	for (i = 0; i < f->principles.n; i++)
		ev->statement[i] = align_rounds_statement(rs,
		    f->principles.v[i]);
	return 0;
}

/* The session's entry of name: with its address when the roster has one. */
static const char *
entry(const struct align_calendar *c, const char *name)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_resolved who;

	if (c->roster == NULL ||
	    align_roster_resolve(c->roster, name, 0, &who, &e) < 0 ||
	    who.index == (size_t)-1)
		return name;
	return align_roster_entry(c->roster, who.index);
}

/* Add the entries of the people of pair to ev, each once. */
static void
meet(const struct align_calendar *c, struct align_calendar_event *ev,
    const struct align_texts *pair)
{
	size_t i, j;

	for (i = 0; i < pair->n; i++) {
		const char *who = entry(c, pair->v[i]);

		for (j = 0; j < ev->npeople && ev->people[j] != who; j++)
			;
		if (j == ev->npeople)
			ev->people[ev->npeople++] = who;
	}
}

/* Who meets at ev: its pair, or every pair of its round. */
static int
people(struct align_calendar *c, struct align_calendar_event *ev)
{
	const struct align_followup_view *f = ev->round;
	size_t i, n = 0;

	for (i = 0; i < f->pairs.n; i++)
		n += f->pairs.v[i].n;
	if ((ev->people = calloc(n + 1, sizeof(*ev->people))) == NULL)
		return -1;
	if (ev->pair)
		meet(c, ev, ev->pair);
	for (i = 0; ev->pair == NULL && i < f->pairs.n; i++)
		meet(c, ev, &f->pairs.v[i]);
	c->invites |= align_ics_invites(c->organizer, ev->people,
	    ev->npeople);
	return 0;
}

/* The last start of the event's occurrences, or INT64_MAX. */
static int64_t
last_of(const struct align_round *r)
{
	struct align_time t;

	if (r->every == 0)
		return r->date.t;
	if (r->count && align_round_at(r, r->count - 1, &t) == 0)
		return t.t;
	if (r->has_until)
		return r->until.t;
	return r->count ? r->date.t : INT64_MAX;
}

/* An event's length: the round's own (its key duration), else a
 * one-to-one's weekly review is as long as its first conversation
 * (ALIGN_ONE_DURATION, plan.h) and a group's follow-up is
 * ALIGN_FOLLOWUP_DURATION long. */
static long
minutes_of(const struct align_followup_view *v, const struct align_round *r)
{
	struct align_err e = ALIGN_ERR_INIT;
	long m = 60;

	if (r->minutes > 0)
		return r->minutes;
	if (align_duration_parse(v->with ? ALIGN_ONE_DURATION :
	    ALIGN_FOLLOWUP_DURATION, &m, &e) < 0)
		m = 60;	/* not reached: the defaults are durations */
	return m;
}

/* The event of round f, or of its k-th of n pairs when pair. */
static int
add(struct align_calendar *c, const struct align_rounds *rs,
    const struct align_view *f, const struct align_round *r,
    const struct align_texts *pair, size_t k, size_t n,
    struct align_err *e)
{
	const struct align_followup_view *v = &f->u.followup;
	struct align_calendar_event *ev;
	int64_t last;

	if (ALIGN_GROW(c->event, c->nevent + 1, c->cap) < 0)
		return align_err_nomem(e);
	ev = &c->event[c->nevent];
	memset(ev, 0, sizeof(*ev));
	ev->round = v;
	ev->pair = pair;
	ev->when = *r;
	ev->uid = v->uid ? v->uid : f->id ? f->id : "";
	ev->sequence = v->sequence.set ? (long)v->sequence.v : 0;
	ev->minutes = minutes_of(v, r);
	c->nevent++;
	if (statements(ev, rs, v) < 0)
		return align_err_nomem(e);
	if (pair) {
		struct align_buf b = ALIGN_BUF_INIT;

		ev->when.date = align_round_pair_at(r, k, n);
		align_buf_printf(&b, "%s-pair%zu", ev->uid, k + 1);
		if ((ev->own = align_buf_detach(&b)) == NULL)
			return align_err_nomem(e);
		ev->uid = ev->own;
	}
	if (people(c, ev) < 0)
		return align_err_nomem(e);
	c->timed |= !ev->when.date.date_only;
	last = last_of(&ev->when);
	if (c->nevent == 1 || ev->when.date.t < c->from)
		c->from = ev->when.date.t;
	if (c->nevent == 1 || last > c->to)
		c->to = last;
	return 0;
}

int
align_calendar_make(struct align_calendar *c, const struct align_rounds *rs,
    const struct align_view *const *rounds, size_t n, int per_pair,
    const struct align_time *now, struct align_err *e)
{
	const struct align_session_view *s = rs->session;
	size_t i, j;

	memset(c, 0, sizeof(*c));
	c->title = s && s->title ? s->title : ALIGN_TITLE;
	c->private_ = s && s->private_ && strcmp(s->private_, "yes") == 0;
	c->stamp = *now;
	c->zone = rs->zone;
	c->organizer = s ? s->facilitator : NULL;
	if (s && align_roster_from_session(&c->roster, rs->session_view.rec,
	    e) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		const struct align_followup_view *f = &rounds[i]->u.followup;
		struct align_round r;

		if (align_round_of(rounds[i], rs->zone, &r, e) < 0 ||
		    add(c, rs, rounds[i], &r, NULL, 0, 0, e) < 0)
			return -1;
		/* A one-to-one's pair is the meeting itself. */
		for (j = 0; per_pair && !f->with && j < f->pairs.n; j++)
			if (add(c, rs, rounds[i], &r, &f->pairs.v[j], j,
			    f->pairs.n, e) < 0)
				return -1;
	}
	return 0;
}

void
align_calendar_release(struct align_calendar *c)
{
	size_t i;

	for (i = 0; i < c->nevent; i++) {
		free(c->event[i].own);
		free(c->event[i].statement);
		free(c->event[i].people);
	}
	align_roster_free(c->roster);
	free(c->event);
	memset(c, 0, sizeof(*c));
}

int
align_calendar_formats(void)
{
	return ALIGN_RENDERERS_FORMATS(renderers);
}

void
align_calendar_show(const struct align_calendar *c,
    const struct align_show *s)
{
	ALIGN_RENDERERS_SHOW(renderers, c, s);
}
