/* A zone as an iCalendar VTIMEZONE (RFC 5545 3.6.5), and times in it.
 *
 * Only what the calendar needs: the change in force when its first event
 * starts, the changes the file lists after it, and from the instant the
 * zone's rule gives every change, that rule as a DAYLIGHT and a STANDARD
 * observance each repeating yearly (no UNTIL: readers that take a
 * VTIMEZONE's UNTIL for local time, as python-icalendar does, read it
 * right).  A day the rule names that RRULE cannot say is written as
 * RDATEs up to the calendar's last event. */
#include <stdio.h>
#include <string.h>

#include "ics.h"
#include "zone.h"

#define DAY 86400
#define LAST 253402214400LL	/* 9999-12-31T00:00:00Z */

/* "+0530", "-045602": the offset as iCalendar's UTC-OFFSET. */
static void
utc_offset(char out[16], int32_t off)
{
	int32_t a = off < 0 ? -off : off;

	if (a % 60)
		snprintf(out, 16, "%c%02d%02d%02d", off < 0 ? '-' : '+',
		    (int)(a / 3600 % 100), (int)(a / 60 % 60), (int)(a % 60));
	else
		snprintf(out, 16, "%c%02d%02d", off < 0 ? '-' : '+',
		    (int)(a / 3600 % 100), (int)(a / 60 % 60));
}

/* The wall clock of the instant t at offset off: "20270314T020000". */
static void
wall(char out[24], int64_t t, int32_t off)
{
	struct align_time x;
	int y, mo, d, h, mi, s;

	x.t = t;
	x.off = off;
	x.date_only = 0;
	align_time_fields(&x, &y, &mo, &d, &h, &mi, &s);
	y = y < 0 ? 0 : y > 9999 ? 9999 : y;
	snprintf(out, 24, "%04hu%02hhu%02hhuT%02hhu%02hhu%02hhu",
	    (unsigned short)y, (unsigned char)mo, (unsigned char)d,
	    (unsigned char)h, (unsigned char)mi, (unsigned char)s);
}

/* One observance: the change c from start (its DTSTART, local time
 * before it), repeating by the property how (RRULE, RDATE) of value
 * repeat when not NULL. */
static void
observance(struct align_buf *b, const struct align_zone_change *c,
    const char *start, const char *how, const char *repeat)
{
	const char *kind = c->to.dst ? "DAYLIGHT" : "STANDARD";
	char from[16], to[16];

	utc_offset(from, c->from.off);
	utc_offset(to, c->to.off);
	align_buf_printf(b, "BEGIN:%s\r\n", kind);
	align_ics_prop(b, "DTSTART", start);
	if (repeat)
		align_ics_prop(b, how, repeat);
	align_ics_prop(b, "TZOFFSETFROM", from);
	align_ics_prop(b, "TZOFFSETTO", to);
	if (c->to.abbr && *c->to.abbr)
		align_ics_text(b, "TZNAME", c->to.abbr);
	align_buf_printf(b, "END:%s\r\n", kind);
}

/* The yearly RRULE of the rule's day d into r: 0, or -1 when RRULE
 * cannot say it (a day of the year; a time that moves the day out of
 * the month). */
static int
yearly(struct align_buf *r, const struct align_zone_date *d)
{
	static const char *const wd[] = { "SU", "MO", "TU", "WE", "TH", "FR",
	    "SA" };
	static const int last[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int shift = d->time >= 0 ? d->time / DAY : -((-d->time + DAY - 1) /
	    DAY), lo, hi, i;

	if (d->kind != 'M')
		return -1;
	align_buf_printf(r, "FREQ=YEARLY;BYMONTH=%d;BYDAY=", d->month);
	if (shift == 0) {
		align_buf_printf(r, "%d%s", d->week == 5 ? -1 : d->week,
		    wd[d->wday]);
		return 0;
	}
	/* "The Sunday after the last Saturday": a weekday among seven days
	 * of the month. */
	if (d->week == 5 && d->month == 2)
		return -1;
	lo = d->week == 5 ? last[d->month - 1] - 6 : d->week * 7 - 6;
	hi = lo + 6;
	lo += shift;
	hi += shift;
	if (lo < 1 || hi > last[d->month - 1])
		return -1;
	align_buf_printf(r, "%s;BYMONTHDAY=%d", wd[((d->wday + shift) % 7 +
	    7) % 7], lo);
	for (i = lo + 1; i <= hi; i++)
		align_buf_printf(r, ",%d", i);
	return 0;
}

/* The year of the instant t at offset off. */
static int
year_at(int64_t t, int32_t off)
{
	struct align_time x;
	int y, mo, d, h, mi, s;

	x.t = t;
	x.off = off;
	x.date_only = 0;
	align_time_fields(&x, &y, &mo, &d, &h, &mi, &s);
	return y;
}

/* The rule's change into daylight time (start) or out of it, from its
 * first at or after the instant from on. */
static void
rule(struct align_buf *b, const struct align_zone *z, int start,
    int64_t from, int64_t to)
{
	const struct align_zone_rule *r = &z->rule;
	const struct align_zone_date *d = start ? &r->start : &r->end;
	struct align_buf repeat = ALIGN_BUF_INIT;
	struct align_zone_change c;
	const char *how = "RRULE";
	char first[24], at[24];
	int y = year_at(from, r->std.off) - 1, end, k;

	c.from = start ? r->std : r->dst;
	c.to = start ? r->dst : r->std;
	for (k = 0; (c.at = align_zone_onset(d, y, c.from.off)) < from &&
	    k < 3; k++)
		y++;
	wall(first, c.at, c.from.off);
	if (yearly(&repeat, d) < 0) {
		align_buf_reset(&repeat);
		how = "RDATE";
		end = to == INT64_MAX ? y + 100 : year_at(to, c.from.off) + 1;
		for (k = y + 1; k <= end && k <= y + 100; k++) {
			wall(at, align_zone_onset(d, k, c.from.off),
			    c.from.off);
			align_buf_printf(&repeat, "%s%s", k == y + 1 ? "" :
			    ",", at);
		}
	}
	if (repeat.failed)
		b->failed = 1;
	else
		observance(b, &c, first, how, repeat.len ? repeat.p : NULL);
	align_buf_release(&repeat);
}

void
align_zone_ics(struct align_buf *b, const struct align_zone *z,
    int64_t from, int64_t to)
{
	struct align_zone_change c;
	char start[24];
	int have;

	align_buf_puts(b, "BEGIN:VTIMEZONE\r\n");
	align_ics_prop(b, "TZID", z->name);
	if (!(have = align_zone_prev(z, from, &c))) {
		/* Before the first change, or a zone that never changes:
		 * its time then, from long before. */
		c.from = c.to = align_zone_type_at(z, from);
		observance(b, &c, "16010101T000000", NULL, NULL);
		have = align_zone_next(z, from, &c);
	}
	if (have)
		from = c.at;
	while (have && c.at < z->since && c.at <= to) {
		wall(start, c.at, c.from.off);
		observance(b, &c, start, NULL, NULL);
		have = align_zone_next(z, c.at, &c);
	}
	/* The rule, from a day of the calendar's years (0001 to 9999). */
	if (z->has_rule && z->rule.has_dst && to >= z->since &&
	    z->since < LAST && from < LAST) {
		if (from < z->since)
			from = z->since;
		rule(b, z, 1, from, to);
		rule(b, z, 0, from, to);
	}
	align_buf_puts(b, "END:VTIMEZONE\r\n");
}

void
align_zone_ics_time(struct align_buf *b, const char *name,
    const struct align_time *t, const struct align_zone *z)
{
	struct align_buf prop = ALIGN_BUF_INIT;
	char when[24];

	if (t->date_only || align_zone_is_utc(z)) {
		align_ics_time(b, name, t);
		return;
	}
	wall(when, t->t, align_zone_offset(z, t->t));
	align_buf_printf(&prop, "%s;TZID=%s", name, z->name);
	if (prop.failed)
		b->failed = 1;
	else
		align_ics_prop(b, prop.p, when);
	align_buf_release(&prop);
}
