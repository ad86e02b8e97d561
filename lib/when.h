/*
 * when.h - times, dates and durations.
 *
 * Times are ISO 8601 with the offset they were given in, and are written
 * back the same way: "2026-12-02T12:00:00-05:00".  A time given without
 * an offset is local time (TZ).  A date alone ("2026-12-02") stays a date.
 *
 * "Now" can be fixed for scripts and tests: the --now option of every tool,
 * else the ALIGN_NOW environment variable, else the clock.
 */
#ifndef ALIGN_WHEN_H
#define ALIGN_WHEN_H

#include <stdint.h>

#include "err.h"

struct align_time {
	int64_t t;		/* seconds since 1970-01-01T00:00:00Z */
	int off;		/* the offset it was given in, seconds east */
	int date_only;		/* a calendar date, no time of day */
};

/* Parse s.  On failure fills e (EX_DATAERR, no position: the caller
 * knows where s came from) and returns -1. */
int align_time_parse(const char *s, struct align_time *out,
    struct align_err *e);

/* Write t as ISO 8601 with its offset, or as a date: out >= 40 bytes. */
void align_time_format(const struct align_time *t, char *out);
/* Write t in UTC as an iCalendar DATE-TIME ("20261202T170000Z") or, for a
 * date, DATE ("20261202"): out >= 24 bytes. */
void align_time_ics(const struct align_time *t, char *out);
/* The wall clock of t in its own offset. */
void align_time_fields(const struct align_time *t, int *year, int *month,
    int *day, int *hour, int *min, int *sec);

/* t moved by minutes, keeping its offset. */
struct align_time align_time_add(struct align_time t, long minutes);

/* "Now": opt if not NULL, else $ALIGN_NOW if set and not empty, else the
 * clock in local time.  -1 and e (64, naming --now or $ALIGN_NOW) when
 * the given value is not a time. */
int align_now(const char *opt, struct align_time *out, struct align_err *e);

/* Durations: "90m", "2h", "1h30m", "2d", "1w", "6w" (and "PT2H"-style
 * ISO 8601 is not needed by anyone here).  Minutes out; -1 and e on an
 * error. */
int align_duration_parse(const char *s, long *minutes, struct align_err *e);
/* The shortest form: "6w", "2d", "2h", "1h30m", "45m".  out >= 32. */
void align_duration_format(long minutes, char *out);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t align_days_from_civil(int y, int m, int d);
void align_civil_from_days(int64_t z, int *y, int *m, int *d);

#endif
