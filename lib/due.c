/* What is due for cron: meetings of rounds and missing check-ins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "due.h"
#include "grow.h"
#include "hash.h"
#include "plan.h"

#define MAX_OCCURRENCES 100000	/* of a cadence looked at, a round */

static const struct {
	enum align_format f;
	void (*show)(const struct align_due_list *, const struct align_show *);
} renderers[] = {
	{ ALIGN_FMT_TEXT, align_due_text },
};

static void
day_of(const struct align_time *t, char *out)
{
	struct align_time d = *t;

	d.date_only = 1;
	align_time_format(&d, out);
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

static int
reminded(const struct align_rounds *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->nreminder; i++)
		if (rs->reminder[i].v.id &&
		    strcmp(rs->reminder[i].v.id, id) == 0)
			return 1;
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
	x = &l->v[l->n++];
	*x = *d;
	x->what = align_buf_detach(what);
	return 0;
}

/* The day of the latest occurrence of r on or before today (all days in
 * the offset off) into day, and in *k the occurrences looked at; 0 when
 * none has come. */
static int
latest(const struct align_round *r, const char *today, int off, char *day,
    long *k)
{
	struct align_time t, last;
	char d[40];
	int have = 0;

	for (*k = 0; align_round_at(r, *k, &t) == 0 && *k < MAX_OCCURRENCES;
	    (*k)++) {
		t.off = off;
		day_of(&t, d);
		if (strcmp(d, today) > 0)
			break;
		last = t;
		have = 1;
	}
	if (have)
		day_of(&last, day);
	return have;
}

/* The meeting of round f on d->date, unless reminded, or long past (a
 * meeting missed by a run of cron is given once). */
static int
meeting(struct align_due_list *l, const struct align_rounds *rs,
    const struct align_followup_view *f, struct align_due *d,
    const char *nowday, int again, struct align_err *e)
{
	struct align_buf what = ALIGN_BUF_INIT;
	const char *title = rs->session && rs->session->title ?
	    rs->session->title : ALIGN_TITLE;

	if (align_due_id(d->followup, d->date, "meeting", d->id) < 0)
		return align_err_nomem(e);
	if (reminded(rs, d->id) || (strcmp(d->date, nowday) < 0 && !again))
		return 0;
	if (f->with)
		align_buf_printf(&what, "one-to-one: with %s", f->with);
	else
		align_buf_printf(&what, "follow-up meeting: %s", title);
	if (strcmp(d->date, nowday) < 0)
		align_buf_puts(&what, " (missed)");
	return push(l, d, &what, e);
}

/* Each person of round f who has not checked in, unless reminded. */
static int
checkins(struct align_due_list *l, const struct align_rounds *rs,
    const struct align_followup_view *f, struct align_due *d,
    struct align_err *e)
{
	struct align_texts who;
	size_t j;
	int rc = 0;

	if (align_round_people(rs, f, &who, e) < 0)
		return -1;
	for (j = 0; rc == 0 && j < who.n; j++) {
		struct align_buf what = ALIGN_BUF_INIT;

		if (align_round_checked_in(rs, d->followup, who.v[j]))
			continue;
		if (id_of(d->followup, d->date, "checkin:", who.v[j],
		    d->id) < 0) {
			rc = align_err_nomem(e);
			break;
		}
		if (reminded(rs, d->id))
			continue;
		align_buf_printf(&what, "%s has not checked in", who.v[j]);
		rc = push(l, d, &what, e);
	}
	free(who.v);
	return rc;
}

int
align_due_items(const struct align_rounds *rs, const struct align_time *now,
    long within, struct align_due_list *l, struct align_err *e)
{
	struct align_time horizon = align_time_add(*now, within);
	char today[40], nowday[40];
	size_t i;

	memset(l, 0, sizeof(*l));
	/* Days are compared in the clock's own offset. */
	horizon.off = now->off;
	day_of(&horizon, today);
	day_of(now, nowday);
	for (i = 0; i < rs->nround; i++) {
		const struct align_view *v = &rs->round[i].v;
		struct align_round r;
		struct align_due d;
		long k;

		if (v->id == NULL)
			continue;
		if (align_round_of(v, &r, e) < 0)
			return -1;
		memset(&d, 0, sizeof(d));
		d.followup = v->id;
		if (!latest(&r, today, now->off, d.date, &k))
			continue;
		if (meeting(l, rs, &v->u.followup, &d, nowday, k > 0 ||
		    r.every == 0, e) < 0)
			return -1;
		/* Check-ins: once the day has come. */
		if (strcmp(d.date, nowday) <= 0 &&
		    checkins(l, rs, &v->u.followup, &d, e) < 0)
			return -1;
	}
	return 0;
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

int
align_due_formats(void)
{
	size_t i;
	int mask = 0;

	for (i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		mask |= renderers[i].f;
	return mask;
}

void
align_due_show(const struct align_due_list *l, const struct align_show *s)
{
	size_t i;

	for (i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		if (renderers[i].f == s->format) {
			renderers[i].show(l, s);
			return;
		}
}
