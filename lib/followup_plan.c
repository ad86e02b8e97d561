/* Planning a round: the options read, the series' latest round found,
 * then the round made (or revised) key by key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "buf.h"
#include "calendar.h"
#include "followup_plan.h"
#include "handle.h"
#include "grow.h"
#include "pairs.h"

#define WEEK (60L * 24 * 7)

/* What planning a round works with. */
struct planning {
	const struct align_rounds *rs;
	const struct align_followup_opts *o;
	struct align_time date;		/* --date */
	long every;			/* --every, minutes */
	long minutes;			/* --duration */
	const struct align_view *last;	/* the series' latest round */
	const struct align_view *old;	/* the round revised, or NULL */
	struct align_node *f;		/* the round made */
	int changed;
	struct align_roster *ro;	/* the session's */
	const char *with, *leader;	/* a one-to-one's, resolved */
};

static int
bad(struct align_err *e, const char *opt, const struct align_err *why)
{
	return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: %s", opt,
	    why->msg);
}

/* t in the step's zone: its offset then (a date stays a date). */
static struct align_time
zoned(const struct planning *p, struct align_time t)
{
	if (p->rs->zone && !t.date_only)
		t.off = align_zone_offset(p->rs->zone, t.t);
	return t;
}

/* The options that are times and spans, read; a time without an offset
 * is a wall clock of the zone. */
static int
options(struct planning *p, struct align_err *e)
{
	const struct align_followup_opts *o = p->o;
	const struct align_zone *z = p->rs->zone;
	struct align_err why = ALIGN_ERR_INIT;
	struct align_time t;
	int m;

	if (o->date && align_time_parse_in(z, o->date, &p->date, &why) < 0)
		return bad(e, "--date", &why);
	p->date = zoned(p, p->date);
	if (o->every && align_duration_parse(o->every, &p->every, &why) < 0)
		return bad(e, "--every", &why);
	if (o->duration && align_duration_parse(o->duration, &p->minutes,
	    &why) < 0)
		return bad(e, "--duration", &why);
	if (o->until && align_time_parse_in(z, o->until, &t, &why) < 0)
		return bad(e, "--until", &why);
	if (o->pair_time && align_pair_time_parse(o->pair_time, &m) < 0)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "--pair-time: "
		    "'%s' is not a time of day (expected 16:00)",
		    o->pair_time);
	if (o->count < 0 || (o->count && o->until))
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "--count and --until: one or the other");
	return 0;
}

/* The latest round of the same series (the group's, or the one-to-ones
 * with the same person), and whether this plan revises it: it does while
 * its day has not come, and a one-to-one's weekly round always (one
 * series, whose plan changes mid-way). */
static int
series(struct planning *p, long *at, struct align_err *e)
{
	const struct align_rounds *rs = p->rs;
	struct align_round r;
	size_t i;

	*at = -1;
	for (i = 0; i < rs->nround; i++) {
		const char *w = rs->round[i].v.u.followup.with;

		if ((w == NULL) != (p->with == NULL) ||
		    (w && strcmp(w, p->with) != 0))
			continue;
		p->last = &rs->round[i].v;
		*at = (long)rs->round[i].at;
		p->old = p->last;
	}
	if (p->last == NULL)
		return 0;
	if (align_round_of(p->last, rs->zone, &r, e) < 0)
		return -1;
	if (p->o->now->t >= r.date.t && !(p->with && r.every)) {
		*at = -1;	/* its day has come: a new round */
		p->old = NULL;
	}
	return 0;
}

/* t moved on by minutes: whole days on the zone's wall clock. */
static struct align_time
later(const struct planning *p, struct align_time t, long minutes)
{
	if (minutes % (24 * 60) == 0)
		return align_time_add_days(p->rs->zone, t, minutes / (24 * 60));
	return zoned(p, align_time_add(t, minutes));
}

/* The date of a new round: six weeks after the session, or after the
 * last round (by its cadence); a one-to-one, a week from now; never
 * before now.  Six weeks after noon is noon in the zone. */
static struct align_time
next_date(const struct planning *p)
{
	const struct align_followup_opts *o = p->o;
	const struct align_session_view *s = p->rs->session;
	long step = p->every ? p->every : p->with ? WEEK : 6 * WEEK;
	struct align_time date;
	struct align_round r;

	if (p->last && align_round_of(p->last, p->rs->zone, &r, NULL) == 0)
		date = later(p, r.date, r.every ? r.every : step);
	else if (!p->with && s && s->date && align_time_parse(s->date, &date,
	    NULL) == 0)
		date = later(p, zoned(p, date), step);
	else
		date = later(p, zoned(p, *o->now), step);
	while (date.t <= o->now->t)
		date = later(p, date, step);
	return date;
}

/* One past the highest round number the input holds (rounds, and the
 * rounds check-ins and reminders name): an id never given before. */
static long
next_round(const struct align_rounds *rs)
{
	long most = 0, v;
	size_t i;

	for (i = 0; i < rs->nround; i++)
		if ((v = align_id_number(rs->round[i].v.id, "f")) > most)
			most = v;
	for (i = 0; i < rs->ncheckin; i++)
		if ((v = align_id_number(rs->checkin[i].v.u.checkin.followup,
		    "f")) > most)
			most = v;
	for (i = 0; i < rs->nreminder; i++)
		if ((v = align_id_number(rs->reminder[i].v.u.reminder.followup,
		    "f")) > most)
			most = v;
	return most + 1;
}

/* The record: a copy of the round revised, or a new one, "f<n>".  The
 * copy shares what of the round lives in the reader's pool (node.h): a
 * survey's round lists everyone, and only keys of its top are changed,
 * but for a one-to-one's goals, commitments and support (lists in it,
 * one_to_one.c): the whole round is copied then. */
static int
start(struct planning *p)
{
	const struct align_followup_opts *o = p->o;
	char id[32];

	if (p->old) {
		p->f = o->ngoal || o->ncommit || o->nsupport ?
		    align_node_copy(p->old->rec) :
		    align_node_copy_top(p->old->rec);
		return p->f ? 0 : -1;
	}
	if ((p->f = align_record_new("followup")) == NULL)
		return -1;
	snprintf(id, sizeof(id), "f%ld", next_round(p->rs));
	p->changed = 1;
	if (!p->o->date)
		p->date = next_date(p);
	return align_map_put_str(p->f, "id", id);
}

/* Set key to v, noting a change from what the round revised had. */
static int
put(struct planning *p, const char *key, const char *was, const char *v)
{
	p->changed |= was == NULL || strcmp(was, v) != 0;
	return align_map_put_str(p->f, key, v);
}

/* The date and the cadence. */
static int
when(struct planning *p)
{
	const struct align_followup_opts *o = p->o;
	const struct align_followup_view *old = p->old ?
	    &p->old->u.followup : NULL;
	char buf[64];

	if (o->date || !p->old) {
		align_time_format(&p->date, buf);
		if (put(p, "date", old ? old->date : NULL, buf) < 0)
			return -1;
	}
	if (o->every || (!p->old && p->with)) {
		align_duration_format(p->every ? p->every : WEEK, buf);
		if (put(p, "every", old ? old->every : NULL, buf) < 0)
			return -1;
	}
	if (o->pair_time && put(p, "pair_time", old ? old->pair_time : NULL,
	    o->pair_time) < 0)
		return -1;
	if (o->duration) {
		align_duration_format(p->minutes, buf);
		if (put(p, "duration", old ? old->duration : NULL, buf) < 0)
			return -1;
	}
	if (o->count) {
		align_map_del(p->f, "until");
		if (align_map_put(p->f, "count", align_scalar_int(o->count)) <
		    0)
			return -1;
		p->changed = 1;
	}
	if (o->until) {
		align_map_del(p->f, "count");
		if (align_map_put_str(p->f, "until", o->until) < 0)
			return -1;
		p->changed = 1;
	}
	return 0;
}

/* The principles under review: those given, else (for a new round)
 * those agreed, else all. */
static int
principles(struct planning *p)
{
	const struct align_rounds *rs = p->rs;
	struct align_node *l;
	size_t i, pass;

	if (p->o->nprinciple)
		return align_map_put(p->f, "principles",
		    align_seq_strs(p->o->principle, p->o->nprinciple));
	if (p->old)
		return 0;
	if ((l = align_seq()) == NULL)
		return -1;
	for (pass = 0; pass < 2 && l->n == 0; pass++)
		for (i = 0; i < rs->nprinciple; i++) {
			const struct align_view *v = &rs->principle[i].v;
			const char *st = v->u.principle.status;

			if (v->id && (pass == 1 || (st && strcmp(st,
			    "agreed") == 0)) && align_seq_push_str(l,
			    v->id) < 0) {
				align_node_free(l);
				return -1;
			}
		}
	return align_map_put(p->f, "principles", l);
}

/* The pairs of every round but the one revised: who has met. */
static int
met(const struct planning *p, struct align_groups *used)
{
	const struct align_rounds *rs = p->rs;
	size_t i, j, cap = 0;

	used->v = NULL;
	used->n = 0;
	for (i = 0; i < rs->nround; i++) {
		const struct align_groups *g = &rs->round[i].v.u.followup.pairs;

		if (&rs->round[i].v == p->old)
			continue;
		if (ALIGN_GROW(used->v, used->n + g->n + 1, cap) < 0)
			return -1;
		for (j = 0; j < g->n; j++)
			used->v[used->n++] = g->v[j];
	}
	return 0;
}

/* The pairs of a new round; a one-to-one's are its two people.  A
 * group's naming the session's strings with share_names, made into made
 * (pairs.h). */
static int
pairs(struct planning *p, struct align_pairs_made *made, struct align_err *e)
{
	const struct align_followup_opts *o = p->o;
	const struct align_session_view *s = p->rs->session;
	struct align_groups used;
	struct align_node *l = NULL;
	int rc;

	if (p->with && !p->leader && align_one_to_one_leader(p->rs, p->ro,
	    &p->leader, e) < 0)
		return -1;
	if (p->with)
		return align_map_put(p->f, "pairs", align_one_to_one_pair(
		    p->with, p->leader, s)) < 0 ? align_err_nomem(e) : 0;
	if (!s || s->participants.n < 2)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0, "the session "
		    "has fewer than two participants to pair (align-plan "
		    "--participant)");
	if (met(p, &used) < 0)
		return align_err_nomem(e);
	if (o->share_names)
		rc = align_pairs_borrowed(s->names.v, s->names.n, &used,
		    o->seed, made, e);
	else
		rc = align_pairs(s->names.v, s->names.n, &used, o->seed, &l,
		    e);
	free(used.v);
	if (rc < 0)
		return -1;
	return align_map_put(p->f, "pairs", o->share_names ? made->pairs :
	    l) < 0 ? align_err_nomem(e) : 0;
}

/* The calendar's UID, made once; its SEQUENCE, raised by a change. */
static int
sequence(struct planning *p)
{
	const struct align_view *old = p->old;
	const struct align_session_view *s = p->rs->session;
	struct align_buf uid = ALIGN_BUF_INIT;
	int rc;

	if (old && old->u.followup.uid)
		return !p->changed ? 0 : align_map_put(p->f, "sequence",
		    align_scalar_int((old->u.followup.sequence.set ?
		    (long)old->u.followup.sequence.v : 0) + 1));
	align_buf_printf(&uid, "%s-%s@align", s && s->id ? s->id : "session",
	    old ? (old->id ? old->id : "") : align_record_id(p->f));
	rc = uid.failed || align_map_put_str(p->f, "uid", uid.p) < 0 ||
	    align_map_put(p->f, "sequence", align_scalar_int(0)) < 0 ? -1 : 0;
	align_buf_release(&uid);
	return rc;
}

/* The cadence of --until ends on or after the round's first date: an
 * end before its start would be a calendar's RRULE with its UNTIL
 * before its DTSTART, a round that never meets. */
static int
until_after(const struct align_planned *pl, const struct align_rounds *rs,
    struct align_err *e)
{
	struct align_round r;
	char at[64];

	if (align_round_of(&pl->view, rs->zone, &r, e) < 0)
		return -1;
	if (r.has_until && r.until.t < r.date.t) {
		align_time_format(&r.date, at);
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "--until %s: "
		    "before the round's date, %s", pl->view.u.followup.until,
		    at);
	}
	return 0;
}

int
align_followup_plan(const struct align_rounds *rs,
    const struct align_followup_opts *o, struct align_planned *pl,
    struct align_err *e)
{
	struct planning p;

	memset(pl, 0, sizeof(*pl));
	memset(&p, 0, sizeof(p));
	p.rs = rs;
	p.o = o;
	pl->at = -1;
	if (options(&p, e) < 0 || align_one_to_one_names(rs, o, &p.ro,
	    &p.with, &p.leader, e) < 0 || series(&p, &pl->at, e) < 0)
		goto fail;
	if (start(&p) < 0 || when(&p) < 0 || principles(&p) < 0)
		goto nomem;
	if ((!p.old && pairs(&p, &pl->made, e) < 0) || align_one_to_one_plan(p.f, o,
	    p.with, p.ro, rs->zone, e) < 0)
		goto fail;
	if (o->root_cause || o->ngoal || o->ncommit || o->nprinciple ||
	    o->their_view || o->role || o->acknowledgement || o->nsupport)
		p.changed = 1;
	if (sequence(&p) < 0)
		goto nomem;
	align_roster_free(p.ro);
	pl->rec = p.f;
	pl->revised = p.old && p.changed;
	if (rs->zone_new && (pl->tz = strdup(rs->zone->name)) == NULL)
		return align_err_nomem(e);
	if (align_view(&pl->view, pl->rec, e) < 0 ||
	    (o->until && until_after(pl, rs, e) < 0)) {
		align_planned_release(pl);
		return -1;
	}
	return 0;
nomem:
	align_err_nomem(e);
fail:
	align_roster_free(p.ro);
	align_node_free(p.f);
	align_pairs_made_release(&pl->made);
	return -1;
}

void
align_planned_release(struct align_planned *p)
{
	align_view_release(&p->view);
	align_node_free(p->rec);
	align_pairs_made_release(&p->made);
	free(p->tz);
	memset(p, 0, sizeof(*p));
	p->at = -1;
}

int
align_planned_zone(const struct align_planned *p, struct align_node *recs,
    struct align_err *e)
{
	size_t i;

	if (p->tz == NULL)
		return 0;
	/* Step 8 writes one key of the session, which align-plan owns: the
	 * zone it planned in, so that the next run (cron's) plans and tells
	 * the days in it too. */
	for (i = 0; i < recs->n; i++)
		if (align_kind_of(align_record_kind(recs->item[i])) ==
		    ALIGN_KIND_SESSION)
			return align_map_put_str(recs->item[i], "tz", p->tz) <
			    0 ? align_err_nomem(e) : 0;
	return 0;
}

int
align_planned_formats(void)
{
	return ALIGN_FMT_TEXT | ALIGN_FMT_HTML | align_calendar_formats();
}

int
align_rounds_formats(void)
{
	return ALIGN_FMT_TEXT | ALIGN_FMT_HTML | align_calendar_formats();
}

/* The calendar of the rounds v[0..n-1]. */
static int
calendar(const struct align_rounds *rs, const struct align_view **v,
    size_t n, const struct align_show *s, int per_pair,
    const struct align_time *now, struct align_err *e)
{
	struct align_calendar cal;
	int rc;

	if ((rc = align_calendar_make(&cal, rs, v, n, per_pair, now, e)) == 0)
		align_calendar_show(&cal, s);
	align_calendar_release(&cal);
	return rc;
}

/* Every round of rs, p's in its place (the others in the order of the
 * stream, then p's) when p is not NULL, into *v (the caller frees). */
static int
rounds_of(const struct align_rounds *rs, const struct align_planned *p,
    const struct align_view ***v, size_t *n, struct align_err *e)
{
	size_t i;

	*n = 0;
	if ((*v = malloc((rs->nround + 1) * sizeof(**v))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < rs->nround; i++)
		if (p == NULL || (long)rs->round[i].at != p->at)
			(*v)[(*n)++] = &rs->round[i].v;
	if (p)
		(*v)[(*n)++] = &p->view;
	return 0;
}

/* The text of round v, revised or not. */
static int
text(const struct align_rounds *rs, const struct align_view *v, int revised,
    const struct align_show *s, struct align_err *e)
{
	struct align_round_shown r;
	struct align_round when;

	if (align_round_of(v, rs->zone, &when, e) < 0)
		return -1;
	r.view = v;
	r.revised = revised;
	r.when = &when;
	align_round_text(&r, s);
	return 0;
}

int
align_planned_show(const struct align_planned *p,
    const struct align_rounds *rs, const struct align_show *s, int per_pair,
    const struct align_time *now, struct align_err *e)
{
	const struct align_view **v;
	size_t n;
	int rc;

	if (s->format == ALIGN_FMT_TEXT)
		return text(rs, &p->view, p->revised, s, e);
	if (s->format == ALIGN_FMT_HTML) {
		align_round_html(p, rs, s);
		return 0;
	}
	if (!(s->format & align_calendar_formats()))
		return 0;
	if (rounds_of(rs, p, &v, &n, e) < 0)
		return -1;
	rc = calendar(rs, v, n, s, per_pair, now, e);
	free(v);
	return rc;
}

int
align_rounds_show(const struct align_rounds *rs, const struct align_show *s,
    int per_pair, const struct align_time *now, struct align_err *e)
{
	const struct align_view **v;
	size_t i, n;
	int rc = 0;

	if (s->format == ALIGN_FMT_HTML) {
		align_round_html(NULL, rs, s);
		return 0;
	}
	if (rounds_of(rs, NULL, &v, &n, e) < 0)
		return -1;
	if (s->format == ALIGN_FMT_TEXT)
		for (i = 0; rc == 0 && i < n; i++) {
			if (i)
				align_buf_putc(s->b, '\n');
			rc = text(rs, v[i], 0, s, e);
		}
	else if (s->format & align_calendar_formats())
		rc = calendar(rs, v, n, s, per_pair, now, e);
	free(v);
	return rc;
}
