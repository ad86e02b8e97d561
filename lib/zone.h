/*
 * zone.h - IANA time zones, as the system's zoneinfo describes them.
 *
 * A session keeps the zone its people live in ("America/New_York"), so
 * that a round six weeks on is at noon whatever the offset is then, a
 * weekly meeting stays at noon across a change of offset, and "today" is
 * the session's today.  A zone is read once from its TZif file (RFC 8536)
 * under $TZDIR (default /usr/share/zoneinfo): the changes of offset it
 * lists, and the rule that follows them (the TZ string at its end, such
 * as "EST5EDT,M3.2.0,M11.1.0").
 *
 *	struct align_zone *z;
 *	if (align_zone_load(&z, "America/New_York", &e) < 0)
 *		fail(&e);		(65: no such zone, or a bad file; 71)
 *	off = align_zone_offset(z, t);		seconds east at t
 *	t = align_zone_utc(z, wall);		the instant of a wall clock
 *	align_zone_ics(&b, z, from, to);	its VTIMEZONE (zone_ics.c)
 *	align_zone_free(z);
 *
 * Every function takes a NULL zone as "no zone": a time keeps the offset
 * it was written with, and calendars are written in UTC.
 *
 * Not libical: measured against this layer, libical 3.0.16 (Debian 12)
 * reads wall clocks in a change against RFC 5545, has offsets wrong after
 * 2038 in 14 zones, and writes VTIMEZONEs python-icalendar cannot read
 * (doc/zones.md).
 */
#ifndef ALIGN_ZONE_H
#define ALIGN_ZONE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "when.h"

/* A local time type: its offset, whether it is daylight time, its
 * abbreviation ("EST", "+0530"). */
struct align_zone_type {
	int32_t off;		/* seconds east of UTC */
	int dst;
	const char *abbr;
};

/* A day of the rule: 'M' month, week (1-4, 5 the last) and weekday (0
 * Sunday); 'J' day 1-365 never counting 29 February; 'N' day 0-365. */
struct align_zone_date {
	char kind;
	int month, week, wday, day;
	int32_t time;		/* seconds after midnight, local time before
				 * the change; -167 to 167 hours */
};

/* The rule after the last change the file lists. */
struct align_zone_rule {
	struct align_zone_type std, dst;	/* dst: when has_dst */
	int has_dst;
	struct align_zone_date start, end;	/* of daylight time */
};

/* A change of offset. */
struct align_zone_change {
	int64_t at;		/* the instant, UTC */
	struct align_zone_type from, to;
};

struct align_zone {
	char *name;			/* "America/New_York" */
	int64_t *at;			/* the changes listed, ascending */
	unsigned char *type_of;		/* the type from each on */
	size_t nat;
	struct align_zone_type *type;	/* type[0]: before the first */
	size_t ntype;
	char *chars;			/* the abbreviations */
	int has_rule;
	struct align_zone_rule rule;
	int64_t since;			/* the rule gives every change from
					 * this instant on (has_dst) */
};

/* Read the zone called name (letters, digits and "/_-+.", no "..") into
 * *z.  0, or -1 and e: 65 when there is no such zone or its file is not
 * TZif, 71. */
int align_zone_load(struct align_zone **z, const char *name,
    struct align_err *e);
/* The zone called name of the n bytes of a TZif file at data, into *z.
 * 0, or -1 and e: 65 when it is not one, 71. */
int align_zone_parse(struct align_zone **z, const char *name,
    const void *data, size_t n, struct align_err *e);
/* The zone the system names: $TZ (":America/New_York" too), else the
 * link /etc/localtime; *z NULL when neither names a zone that can be
 * read (a POSIX rule string, an empty TZ).  0, or -1 and e (71). */
int align_zone_local(struct align_zone **z, struct align_err *e);
void align_zone_free(struct align_zone *z);
/* 1 when z gives the offset date ("2027-01-05T12:00:00-05:00") was
 * written with, or date has none (NULL, a date alone, not a time). */
int align_zone_agrees(const struct align_zone *z, const char *date);
/* The zone a session's times are in: the zone called name (its key tz),
 * else the system's (align_zone_local) when it is not UTC and agrees with
 * date, the session's; *z NULL when none.  0, or -1 and e (65 name is no
 * zone, 71). */
int align_zone_session(struct align_zone **z, const char *name,
    const char *date, struct align_err *e);

/* 1 when the name is one a zone may have (not whether it exists). */
int align_zone_name_ok(const char *name);
/* The zone's name, or NULL for none. */
const char *align_zone_name(const struct align_zone *z);
/* 1 when its offset is always 0 (UTC, Etc/UTC): a calendar in that zone
 * is written in UTC. */
int align_zone_is_utc(const struct align_zone *z);

/* The offset in seconds east of UTC at instant t; with no zone, 0. */
int32_t align_zone_offset(const struct align_zone *z, int64_t t);
/* The type in force at t (z not NULL). */
struct align_zone_type align_zone_type_at(const struct align_zone *z,
    int64_t t);
/* The instant whose wall clock is wall (seconds since 1970 as if UTC): in
 * a change that repeats an hour, the first; in one that skips an hour,
 * read with the offset before it (so 02:30 becomes 03:30), as RFC 5545
 * says.  With no zone, wall itself. */
int64_t align_zone_utc(const struct align_zone *z, int64_t wall);

/* The first change after the instant after, or the last at or before
 * the instant at, into *c: 1, or 0 when there is none. */
int align_zone_next(const struct align_zone *z, int64_t after,
    struct align_zone_change *c);
int align_zone_prev(const struct align_zone *z, int64_t at,
    struct align_zone_change *c);

/* The rule (zone_rule.c). */

/* The TZ string s ("EST5EDT,M3.2.0,M11.1.0") into r, its names copied to
 * names (room for strlen(s) + 2 bytes, which r points into).  0, or -1
 * when it is not one. */
int align_zone_rule_parse(const char *s, struct align_zone_rule *r,
    char *names);
/* The instant of the rule's day d in year, the change from the offset
 * before (seconds east). */
int64_t align_zone_onset(const struct align_zone_date *d, int year,
    int32_t before);
/* The rule's first change after the instant t (next), or its last at or
 * before t, into *c: 1, or 0 when it has no daylight time. */
int align_zone_rule_near(const struct align_zone_rule *r, int64_t t,
    int next, struct align_zone_change *c);
/* The type the rule gives at the instant t. */
struct align_zone_type align_zone_rule_type(const struct align_zone_rule *r,
    int64_t t);

/* Times in a zone (a NULL zone: the offset t has). */

/* The instant t, with the zone's offset then. */
struct align_time align_time_in(const struct align_zone *z, int64_t t);
/* t moved by days on the wall clock of the zone, its time of day kept
 * (six weeks after noon is noon whatever the offset then); a date stays
 * a date. */
struct align_time align_time_add_days(const struct align_zone *z,
    struct align_time t, long days);
/* Parse s as align_time_parse() does, but a date and time given without
 * an offset is a wall clock of z (when z is not NULL). */
int align_time_parse_in(const struct align_zone *z, const char *s,
    struct align_time *out, struct align_err *e);
/* The day of t in the zone (a date: its own day), "2027-01-13", into out
 * (>= 40 bytes). */
void align_time_day(const struct align_zone *z, const struct align_time *t,
    char *out);

/* iCalendar (zone_ics.c). */

/* The VTIMEZONE of z for events from the instant from to the instant to
 * (INT64_MAX: a cadence without end), as content lines into b: the
 * changes listed in force then, and the rule as yearly RRULEs, so that
 * every occurrence of a weekly event keeps its local time. */
void align_zone_ics(struct align_buf *b, const struct align_zone *z,
    int64_t from, int64_t to);
/* "NAME;TZID=zone:20270113T120000" for a time in z, a DATE for a date, a
 * UTC DATE-TIME with no zone or a UTC one (ics.h, align_ics_time). */
void align_zone_ics_time(struct align_buf *b, const char *name,
    const struct align_time *t, const struct align_zone *z);

#endif
