/* The calendar as iCalendar (RFC 5545): a VEVENT an event, an RRULE for
 * a cadence, in local time of the zone with its VTIMEZONE. */
#include "calendar.h"
#include "followup_plan.h"
#include "ics.h"
#include "zone.h"

/* The end of a cadence: a DATE for an event on a date alone, else a
 * UTC DATE-TIME (RFC 5545 3.3.10, whatever the zone of DTSTART). */
static void
until(struct align_buf *b, const struct align_round *r)
{
	char at[40];

	if (r->date.date_only) {
		align_time_day(NULL, &r->until, at);
		align_buf_printf(b, ";UNTIL=%.4s%.2s%.2s", at, at + 5, at + 8);
	} else {
		struct align_time u = r->until;

		u.date_only = 0;
		align_time_ics(&u, at);
		align_buf_printf(b, ";UNTIL=%s", at);
	}
}

static void
rrule(struct align_buf *b, const struct align_round *r)
{
	long week = 60L * 24 * 7, day = 60L * 24;

	if (r->every == 0)
		return;
	if (r->every % week == 0)
		align_buf_printf(b, "RRULE:FREQ=WEEKLY;INTERVAL=%ld",
		    r->every / week);
	else if (r->every % day == 0)
		align_buf_printf(b, "RRULE:FREQ=DAILY;INTERVAL=%ld",
		    r->every / day);
	else
		align_buf_printf(b, "RRULE:FREQ=MINUTELY;INTERVAL=%ld",
		    r->every);
	if (r->count)
		align_buf_printf(b, ";COUNT=%ld", r->count);
	else if (r->has_until)
		until(b, r);
	align_buf_puts(b, "\r\n");
}

static void
join(struct align_buf *b, const struct align_texts *t, const char *sep)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		align_buf_puts(b, i ? sep : "");
		align_buf_puts(b, t->v[i]);
	}
}

/* "Pair: Ana and Ben", or "Follow-up: the session's title". */
static void
summary(struct align_buf *d, const struct align_calendar *c,
    const struct align_calendar_event *ev)
{
	if (ev->pair) {
		align_buf_puts(d, "Pair: ");
		join(d, ev->pair, " and ");
	} else if (ev->round->with) {
		align_buf_puts(d, "One-to-one with ");
		align_buf_puts(d, ev->round->with);
	} else {
		align_buf_puts(d, "Follow-up: ");
		align_buf_puts(d, c->title);
	}
}

/* What the meeting is for: the principles' statements (the id alone
 * when not known), and for the round's own event its pairs. */
static void
description(struct align_buf *d, const struct align_calendar *c,
    const struct align_calendar_event *ev)
{
	const struct align_followup_view *f = ev->round;
	size_t i;

	if (f->with && ev->pair == NULL) {
		align_one_to_one_agenda(d, f, c->private_); /* the practice's */
		return;
	}
	align_buf_puts(d, "Reflect on successes and failures in living by "
	    "the principles");
	align_buf_puts(d, f->principles.n ? ":" : ".");
	for (i = 0; i < f->principles.n; i++) {
		align_buf_puts(d, "\n- ");
		if (ev->statement[i]) {
			align_buf_puts(d, ev->statement[i]);
			align_buf_puts(d, " (");
			align_buf_puts(d, f->principles.v[i]);
			align_buf_puts(d, ")");
		} else {
			align_buf_puts(d, f->principles.v[i]);
		}
	}
	if (ev->pair == NULL && f->pairs.n) {
		align_buf_puts(d, "\nPairs:");
		for (i = 0; i < f->pairs.n; i++) {
			align_buf_puts(d, "\n- ");
			join(d, &f->pairs.v[i], " and ");
		}
	}
}

/* A text property made in a buffer of its own. */
static void
text(struct align_buf *b, const char *name, struct align_buf *d)
{
	if (d->failed)
		b->failed = 1;
	else
		align_ics_text(b, name, d->p);
	align_buf_reset(d);
}

/* Who invites, and who meets, when there is someone to ask. */
static void
attendees(struct align_buf *b, const struct align_calendar *c,
    const struct align_calendar_event *ev)
{
	align_ics_organizer(b, c->organizer);
	if (align_ics_invites(c->organizer, ev->people, ev->npeople))
		align_ics_attendees(b, c->organizer, ev->people, ev->npeople);
}

static void
event(struct align_buf *b, const struct align_calendar *c,
    const struct align_calendar_event *ev)
{
	struct align_buf d = ALIGN_BUF_INIT;
	char stamp[24], dur[32];

	align_buf_puts(b, "BEGIN:VEVENT\r\n");
	align_ics_text(b, "UID", ev->uid);
	align_time_ics(&c->stamp, stamp);
	align_ics_prop(b, "DTSTAMP", stamp);
	align_zone_ics_time(b, "DTSTART", &ev->when.date, c->zone);
	if (!ev->when.date.date_only) {
		align_ics_duration(ev->minutes, dur);
		align_ics_prop(b, "DURATION", dur);
	}
	rrule(b, &ev->when);
	align_buf_printf(b, "SEQUENCE:%ld\r\n", ev->sequence);
	summary(&d, c, ev);
	text(b, "SUMMARY", &d);
	description(&d, c, ev);
	text(b, "DESCRIPTION", &d);
	align_buf_release(&d);
	attendees(b, c, ev);
	align_buf_puts(b, "END:VEVENT\r\n");
}

void
align_calendar_ics(const struct align_calendar *c, const struct align_show *s)
{
	size_t i;

	align_buf_puts(s->b, "BEGIN:VCALENDAR\r\n");
	align_ics_prop(s->b, "VERSION", "2.0");
	align_ics_prop(s->b, "PRODID", "-//align//align-followup//EN");
	align_ics_prop(s->b, "CALSCALE", "GREGORIAN");
	align_ics_prop(s->b, "METHOD", c->invites ? "REQUEST" : "PUBLISH");
	if (c->timed && !align_zone_is_utc(c->zone))
		align_zone_ics(s->b, c->zone, c->from, c->to);
	for (i = 0; i < c->nevent; i++)
		event(s->b, c, &c->event[i]);
	align_buf_puts(s->b, "END:VCALENDAR\r\n");
}
