#include <sysexits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "when.h"

int64_t
align_days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
align_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* Read exactly n digits. */
static int
digits(const char **sp, int n, int *v)
{
	const char *s = *sp;
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	*sp = s + n;
	return 0;
}

static int
local_offset(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		return 0;
	return (int)tm.tm_gmtoff;
}

/* A time of day at *sp, hh:mm or hh:mm:ss with any fraction dropped;
 * unchecked.  0 with *sp past it, or -1 for one that is not. */
static int
clock_time(const char **sp, int *h, int *mi, int *sec)
{
	const char *p = *sp;

	*sec = 0;
	if (digits(&p, 2, h) < 0 || *p++ != ':' || digits(&p, 2, mi) < 0)
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, sec) < 0)
			return -1;
		if (*p == '.' || *p == ',')	/* fractions are dropped */
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
	}
	*sp = p;
	return 0;
}

/* The zone that ends a time, the rest of the text p: none (local time),
 * Z, or +hh, +hhmm, +hh:mm (or -); sets out->off and takes it from
 * out->t.  0, or -1 for a zone that is not one. */
static int
zone(const char *p, struct align_time *out)
{
	int oh, om = 0, sign;

	if (*p == '\0') {
		/* Local time: find the offset in force then.  Two tries
		 * settle it across a change of offset. */
		int off = local_offset(out->t);

		off = local_offset(out->t - off);
		out->off = off;
		out->t -= off;
		return 0;
	}
	if (*p == 'Z' || *p == 'z')
		return p[1] ? -1 : 0;
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	if (digits(&p, 2, &oh) < 0)
		return -1;
	if (*p == ':')
		p++;
	if (*p && digits(&p, 2, &om) < 0)
		return -1;
	if (*p || oh > 23 || om > 59)
		return -1;
	out->off = sign * (oh * 3600 + om * 60);
	out->t -= out->off;
	return 0;
}

int
align_time_parse(const char *s, struct align_time *out, struct align_err *e)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	int64_t days;

	memset(out, 0, sizeof(*out));
	if (digits(&p, 4, &y) < 0 || *p++ != '-' || digits(&p, 2, &mo) < 0 ||
	    *p++ != '-' || digits(&p, 2, &d) < 0)
		goto bad;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return align_err_set(e, EX_DATAERR, NULL, 0, 0,
		    "'%s' is not a date in the calendar", s);
	days = align_days_from_civil(y, mo, d);
	if (*p == '\0') {
		out->t = days * 86400;
		out->date_only = 1;
		return 0;
	}
	if (*p != 'T' && *p != 't' && *p != ' ')
		goto bad;
	p++;
	if (clock_time(&p, &h, &mi, &sec) < 0)
		goto bad;
	if (h > 23 || mi > 59 || sec > 60)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0,
		    "'%s' is not a time of day", s);
	if (sec == 60)
		sec = 59;
	out->t = days * 86400 + h * 3600 + mi * 60 + sec;
	if (zone(p, out) < 0)
		goto bad;
	return 0;
bad:
	return align_err_set(e, EX_DATAERR, NULL, 0, 0,
	    "'%s' is not an ISO 8601 date or time "
	    "(expected 2026-12-02 or 2026-12-02T12:00-05:00)", s);
}

void
align_time_fields(const struct align_time *t, int *year, int *month,
    int *day, int *hour, int *min, int *sec)
{
	int64_t l = t->t + t->off;
	int64_t days = l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
	int64_t rem = l - days * 86400;

	align_civil_from_days(days, year, month, day);
	*hour = (int)(rem / 3600);
	*min = (int)(rem / 60 % 60);
	*sec = (int)(rem % 60);
}

void
align_time_format(const struct align_time *t, char *out)
{
	int y, mo, d, h, mi, s, off = t->off < 0 ? -t->off : t->off;
	unsigned short yy;
	unsigned char m2, d2, h2, i2, s2, oh, om;

	align_time_fields(t, &y, &mo, &d, &h, &mi, &s);
	/* Narrow types tell the compiler how wide each field can be. */
	yy = (unsigned short)(y < 0 ? 0 : y > 9999 ? 9999 : y);
	m2 = (unsigned char)mo;
	d2 = (unsigned char)d;
	h2 = (unsigned char)h;
	i2 = (unsigned char)mi;
	s2 = (unsigned char)s;
	oh = (unsigned char)(off / 3600 % 24);
	om = (unsigned char)(off / 60 % 60);
	if (t->date_only)
		snprintf(out, 40, "%04hu-%02hhu-%02hhu", yy, m2, d2);
	else if (t->off == 0)
		snprintf(out, 40, "%04hu-%02hhu-%02hhuT%02hhu:%02hhu:%02hhuZ",
		    yy, m2, d2, h2, i2, s2);
	else
		snprintf(out, 40,
		    "%04hu-%02hhu-%02hhuT%02hhu:%02hhu:%02hhu%c%02hhu:%02hhu",
		    yy, m2, d2, h2, i2, s2, t->off < 0 ? '-' : '+', oh, om);
}

void
align_time_ics(const struct align_time *t, char *out)
{
	struct align_time u = *t;
	int y, mo, d, h, mi, s;

	u.off = 0;
	align_time_fields(&u, &y, &mo, &d, &h, &mi, &s);
	y = y < 0 ? 0 : y > 9999 ? 9999 : y;
	if (t->date_only)
		snprintf(out, 24, "%04hu%02hhu%02hhu", (unsigned short)y,
		    (unsigned char)mo, (unsigned char)d);
	else
		snprintf(out, 24, "%04hu%02hhu%02hhuT%02hhu%02hhu%02hhuZ",
		    (unsigned short)y, (unsigned char)mo, (unsigned char)d,
		    (unsigned char)h, (unsigned char)mi, (unsigned char)s);
}

struct align_time
align_time_add(struct align_time t, long minutes)
{
	t.t += (int64_t)minutes * 60;
	return t;
}

int
align_now(const char *opt, struct align_time *out, struct align_err *e)
{
	const char *env = getenv("ALIGN_NOW");

	if (opt == NULL && env && *env)
		opt = env;
	if (opt) {
		struct align_err why = ALIGN_ERR_INIT;

		if (align_time_parse(opt, out, &why) < 0)
			return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: %s",
			    opt == env ? "$ALIGN_NOW" : "--now", why.msg);
		return 0;
	}
	out->t = (int64_t)time(NULL);
	out->off = local_offset(out->t);
	out->date_only = 0;
	return 0;
}

int
align_duration_parse(const char *s, long *minutes, struct align_err *e)
{
	const char *p = s;
	long total = 0;
	int parts = 0;

	while (*p) {
		long v = 0, unit;
		int nd = 0;

		for (; *p >= '0' && *p <= '9' && nd < 7; p++, nd++)
			v = v * 10 + (*p - '0');
		switch (*p) {
		case 'm': unit = 1; break;
		case 'h': unit = 60; break;
		case 'd': unit = 60 * 24; break;
		case 'w': unit = 60 * 24 * 7; break;
		default: unit = 0;
		}
		if (nd == 0 || unit == 0)
			return align_err_set(e, EX_DATAERR, NULL, 0, 0,
			    "'%s' is not a duration (expected 90m, 2h, "
			    "1h30m, 2d or 6w)", s);
		total += v * unit;
		if (total > 60L * 24 * 7 * 520)
			return align_err_set(e, EX_DATAERR, NULL, 0, 0,
			    "'%s' is longer than ten years", s);
		p++;
		parts++;
	}
	if (parts == 0 || total == 0)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0,
		    "'%s' is not a duration (expected 90m, 2h, 1h30m, 2d "
		    "or 6w)", s);
	*minutes = total;
	return 0;
}

void
align_duration_format(long m, char *out)
{
	if (m % (60 * 24 * 7) == 0)
		snprintf(out, 32, "%ldw", m / (60 * 24 * 7));
	else if (m % (60 * 24) == 0)
		snprintf(out, 32, "%ldd", m / (60 * 24));
	else if (m % 60 == 0)
		snprintf(out, 32, "%ldh", m / 60);
	else if (m > 60)
		snprintf(out, 32, "%ldh%ldm", m / 60, m % 60);
	else
		snprintf(out, 32, "%ldm", m);
}
