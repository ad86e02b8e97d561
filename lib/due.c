/* What is due for cron: meetings of rounds and missing check-ins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "due.h"
#include "grow.h"
#include "hash.h"
#include "plan.h"
#include "realign.h"
#include "writer.h"

#define MAX_OCCURRENCES 100000	/* of a cadence looked at, a round */

static const ALIGN_RENDERER(struct align_due_list) renderers[] = {
	{ ALIGN_FMT_TEXT, align_due_text },
};

/* The days since 1970 of "2027-01-13". */
static int64_t
days_of(const char *day)
{
	int y = atoi(day), m = atoi(day + 5), d = atoi(day + 8);

	return align_days_from_civil(y, m, d);
}

void
align_due_words(struct align_buf *b, const char *day, const char *today)
{
	static const char *const wd[] = { "Sunday", "Monday", "Tuesday",
	    "Wednesday", "Thursday", "Friday", "Saturday" };
	static const char *const mon[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	int64_t z = days_of(day), n = days_of(today);
	int y, m, d;

	if (z == n)
		align_buf_puts(b, "due today");
	else if (z == n + 1)
		align_buf_puts(b, "due tomorrow");
	else {
		align_civil_from_days(z, &y, &m, &d);
		align_buf_printf(b, "due on %s %d %s", wd[(z % 7 + 11) % 7], d,
		    mon[m - 1]);
		if (strncmp(day, today, 4) != 0)
			align_buf_printf(b, " %d", y);
	}
}

/* The id of the reminder of what and who (appended to it) for round fid
 * on day. */
static int
id_of(const char *fid, const char *day, const char *what, const char *who,
    char out[24])
{
	static const unsigned char key[16] = "align-reminder!";
	struct align_buf b = ALIGN_BUF_INIT;

	align_buf_printf(&b, "%s\x1f%s\x1f%s%s", fid, day, what, who);
	if (b.failed) {
		align_buf_release(&b);
		return -1;
	}
	snprintf(out, 24, "m-%016llx", (unsigned long long)align_siphash(key,
	    b.p, b.len));
	align_buf_release(&b);
	return 0;
}

int
align_due_id(const char *fid, const char *day, const char *what,
    char out[24])
{
	return id_of(fid, day, what, "", out);
}

/* The ids of the reminders of rs, into *set: 0, or -1 when out of
 * memory. */
static int
reminders_of(const struct align_rounds *rs, struct align_set *set)
{
	size_t i;
	const char *id;

	for (i = 0; i < rs->nreminder; i++)
		if ((id = rs->reminder[i].v.id) != NULL &&
		    align_set_add(set, id, strlen(id)) < 0)
			return -1;
	return 0;
}

/* Add the item of d and the text in what (released). */
static int
push(struct align_due_list *l, const struct align_due *d,
    struct align_buf *what, struct align_err *e)
{
	struct align_due *x;

	if (what->failed || ALIGN_GROW(l->v, l->n + 1, l->cap) < 0) {
		align_buf_release(what);
		return align_err_nomem(e);
	}
	x = &l->v[l->n];
	*x = *d;
	x->seq = l->n++;
	x->what = align_buf_detach(what);
	return 0;
}

/* What a round is seen with: its dates, and today and the last day of
 * the window, in the session's days. */
struct seen {
	const struct align_rounds *rs;
	const struct align_set *reminded;	/* the ids of rs's reminders */
	size_t at;			/* the round's index in rs */
	struct align_round r;
	char today[40], last[40];
};

/* 1 when the reminder of id has been given. */
static int
reminded(const struct seen *s, const char *id)
{
	return align_set_has(s->reminded, id, strlen(id));
}

/* The days of now and of the window's end for the round s->r: in the
 * zone, else in the round's own offset (a date alone: the clock's). */
static void
window(struct seen *s, const struct align_time *now, long within)
{
	struct align_time n = *now, h = align_time_add(*now, within);

	if (s->rs->zone == NULL && !s->r.date.date_only)
		n.off = h.off = s->r.date.off;
	align_time_day(s->rs->zone, &n, s->today);
	align_time_day(s->rs->zone, &h, s->last);
}

/* The day of the latest occurrence of s->r on or before the window's
 * last day into day, and in *k the occurrences looked at; 0 when none
 * has come. */
static int
latest(const struct seen *s, char *day, long *k)
{
	struct align_time t;
	char d[40];
	int have = 0;

	for (*k = 0; *k < MAX_OCCURRENCES && align_round_at(&s->r, *k,
	    &t) == 0; (*k)++) {
		align_time_day(s->rs->zone, &t, d);
		if (strcmp(d, s->last) > 0)
			break;
		memcpy(day, d, sizeof(d));
		have = 1;
	}
	return have;
}

/* The meeting of round f on d->date, unless reminded: ahead of its day
 * once, on it once, or long past once (a meeting missed by a run of cron
 * is given once).  A one-to-one's meeting with its review recorded is
 * done: "(reviewed)", today or past, never "(missed)". */
static int
meeting(struct align_due_list *l, const struct seen *s,
    const struct align_followup_view *f, struct align_due *d, int again,
    struct align_err *e)
{
	const struct align_rounds *rs = s->rs;
	struct align_buf what = ALIGN_BUF_INIT;
	const char *title = rs->session && rs->session->title ?
	    rs->session->title : ALIGN_TITLE;
	int ahead = strcmp(d->date, s->today) > 0;
	int past = strcmp(d->date, s->today) < 0;
	int done = f->with && align_realign_review(rs, d->followup, d->date);

	if (align_due_id(d->followup, d->date, ahead ? "meeting-ahead" :
	    "meeting", d->id) < 0)
		return align_err_nomem(e);
	if (reminded(s, d->id) || (past && !again))
		return 0;
	if (f->with)
		align_buf_printf(&what, "one-to-one: with %s (", f->with);
	else
		align_buf_printf(&what, "follow-up meeting: %s (", title);
	if (done)
		align_buf_puts(&what, "reviewed");
	else if (past)
		align_buf_puts(&what, "missed");
	else
		align_due_words(&what, d->date, s->today);
	align_buf_putc(&what, ')');
	return push(l, d, &what, e);
}

/* 1 when a later round of the same series as s's has had its day. */
static int
superseded(const struct seen *s)
{
	const struct align_rounds *rs = s->rs;
	const char *w = rs->round[s->at].v.u.followup.with, *x;
	struct align_round r;
	char day[40];
	size_t i;

	for (i = s->at + 1; i < rs->nround; i++) {
		x = rs->round[i].v.u.followup.with;
		if ((x == NULL) != (w == NULL) || (x && strcmp(x, w) != 0) ||
		    align_round_of(&rs->round[i].v, rs->zone, &r, NULL) < 0)
			continue;
		align_time_day(rs->zone, &r.date, day);
		if (strcmp(day, s->today) <= 0)
			return 1;
	}
	return 0;
}

/* Which reminder of a check-in for d is due: the intervals of again
 * since its day, from the first (0); the first alone once a later round
 * has had its day.  The same for everyone of the round. */
static long
interval(const struct seen *s, const struct align_due *d, long again)
{
	long n = 0;

	if (again >= 24 * 60)
		n = (long)((days_of(s->today) - days_of(d->date)) /
		    (again / (24 * 60)));
	if (n > 0 && superseded(s))
		n = 0;	/* the first reminder stands; no more */
	return n;
}

/* The id of the n-th reminder (interval()) of who for d. */
static int
checkin_id(const struct align_due *d, const char *who, long n, char id[24])
{
	char what[48];

	if (n == 0)
		return id_of(d->followup, d->date, "checkin:", who, id);
	snprintf(what, sizeof(what), "checkin-again%ld:", n);
	return id_of(d->followup, d->date, what, who, id);
}

/* Each person of round f who has not checked in, unless reminded. */
static int
checkins(struct align_due_list *l, const struct seen *s,
    const struct align_followup_view *f, struct align_due *d, long again,
    struct align_err *e)
{
	struct align_texts who;
	size_t j;
	long n = -1;
	int rc = 0;

	if (align_round_people(s->rs, f, &who, e) < 0)
		return -1;
	for (j = 0; rc == 0 && j < who.n; j++) {
		struct align_buf what = ALIGN_BUF_INIT;

		if (align_round_checked_in(s->rs, d->followup, who.v[j]))
			continue;
		if (n < 0)
			n = interval(s, d, again);
		if (checkin_id(d, who.v[j], n, d->id) < 0) {
			rc = align_err_nomem(e);
			break;
		}
		if (reminded(s, d->id))
			continue;
		align_buf_printf(&what, "%s has %snot checked in", who.v[j],
		    n > 0 ? "still " : "");
		rc = push(l, d, &what, e);
	}
	free(who.v);
	return rc;
}

/* An item of a one-to-one on day, its id made of what and day. */
static int
practice_item(struct align_due_list *l, const struct seen *s,
    const char *fid, const char *day, const char *what, const char *who,
    struct align_buf *text, struct align_err *e)
{
	struct align_due d;

	memset(&d, 0, sizeof(d));
	d.followup = fid;
	snprintf(d.date, sizeof(d.date), "%s", day);
	if (id_of(fid, day, what, who, d.id) < 0) {
		align_buf_release(text);
		return align_err_nomem(e);
	}
	if (reminded(s, d.id)) {
		align_buf_release(text);
		return 0;
	}
	return push(l, &d, text, e);
}

/* A one-to-one is reviewed, not checked in on: each meeting past with
 * no review, each commitment that failed two reviews in a row, each one
 * overdue (realign.h), once each. */
static int
reviews(struct align_due_list *l, const struct seen *s,
    const struct align_view *f, const struct align_time *now,
    struct align_err *e)
{
	struct align_realign *p;
	struct align_buf what = ALIGN_BUF_INIT;
	size_t i;
	int rc;

	if ((rc = align_realign_make(&p, s->rs, f, now, e)) < 0)
		goto done;
	for (i = 0; rc == 0 && i < p->nflag; i++) {
		const struct align_realign_flag *x = &p->flag[i];

		if (x->kind == ALIGN_REALIGN_MISSED) {
			align_buf_printf(&what, "one-to-one with %s: no review "
			    "of the meeting of %s", p->with, x->day);
			rc = practice_item(l, s, p->id, x->day, "review-missed",
			    "", &what, e);
		} else {
			align_buf_printf(&what, "one-to-one with %s: %s failed "
			    "two reviews in a row (%s, %s)", p->with, x->id,
			    x->day, x->day2);
			rc = practice_item(l, s, p->id, x->day2, "failed:",
			    x->id, &what, e);
		}
	}
	for (i = 0; rc == 0 && i < p->ncommitment; i++) {
		const struct align_realign_commitment *c = &p->commitment[i];

		if (c->state != ALIGN_REALIGN_OVERDUE)
			continue;
		align_buf_printf(&what, "one-to-one with %s: %s of %s overdue "
		    "since %s: %s", p->with, c->id, c->participant, c->due,
		    c->commitment);
		rc = practice_item(l, s, p->id, c->due, "overdue:", c->id,
		    &what, e);
	}
done:
	align_realign_free(p);
	return rc;
}

/* Items by day, then in the order they were found. */
static int
by_day(const void *a, const void *b)
{
	const struct align_due *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	return c ? c : x->seq < y->seq ? -1 : x->seq > y->seq;
}

int
align_due_items(const struct align_rounds *rs, const struct align_time *now,
    long within, long again, struct align_due_list *l, struct align_err *e)
{
	struct align_set reminded = ALIGN_SET_INIT;
	size_t i;
	int rc = 0;

	memset(l, 0, sizeof(*l));
	if (reminders_of(rs, &reminded) < 0)
		rc = align_err_nomem(e);
	for (i = 0; rc == 0 && i < rs->nround; i++) {
		const struct align_view *v = &rs->round[i].v;
		struct seen s;
		struct align_due d;
		long k;

		if (v->id == NULL)
			continue;
		s.rs = rs;
		s.reminded = &reminded;
		s.at = i;
		if ((rc = align_round_of(v, rs->zone, &s.r, e)) < 0)
			break;
		window(&s, now, within);
		memset(&d, 0, sizeof(d));
		d.followup = v->id;
		if (!latest(&s, d.date, &k))
			continue;
		rc = meeting(l, &s, &v->u.followup, &d, k > 0 ||
		    s.r.every == 0, e);
		/* Check-ins (a one-to-one: reviews), once the day has
		 * come. */
		if (rc == 0 && v->u.followup.with)
			rc = reviews(l, &s, v, now, e);
		else if (rc == 0 && strcmp(d.date, s.today) <= 0)
			rc = checkins(l, &s, &v->u.followup, &d, again, e);
	}
	align_set_release(&reminded);
	if (rc == 0 && l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), by_day);
	return rc;
}

void
align_due_release(struct align_due_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].what);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
align_due_reminders(const struct align_due_list *l, const char *at,
    struct align_buf *b)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct align_due *d = &l->v[i];
		struct align_node *m = align_record_new("reminder");

		if (m == NULL || align_map_put_str(m, "id", d->id) < 0 ||
		    align_map_put_str(m, "followup", d->followup) < 0 ||
		    align_map_put_str(m, "date", d->date) < 0 ||
		    align_map_put_str(m, "what", d->what) < 0 ||
		    align_map_put_str(m, "at", at) < 0)
			b->failed = 1;
		else
			align_emit_record(b, m);
		align_node_free(m);
	}
}

int
align_due_formats(void)
{
	return ALIGN_RENDERERS_FORMATS(renderers);
}

void
align_due_show(const struct align_due_list *l, const struct align_show *s)
{
	ALIGN_RENDERERS_SHOW(renderers, l, s);
}
