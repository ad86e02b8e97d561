/* The rule of a zone after the changes its file lists: the TZ string
 * of POSIX ("EST5EDT,M3.2.0,M11.1.0", with RFC 8536's hours up to 167),
 * its days in a year, its changes one after another. */
#include <ctype.h>
#include <string.h>

#include "zone.h"

#define DAY 86400

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && leap(y) ? 29 : dm[m - 1];
}

/* The year of the wall clock of t at offset off. */
static int
year_of(int64_t t, int32_t off)
{
	int64_t l = t + off, days = l >= 0 ? l / DAY : -((-l + DAY - 1) / DAY);
	int y, m, d;

	align_civil_from_days(days, &y, &m, &d);
	return y;
}

/* A name, "EST" or "<+0530>", copied to *out (advanced past it). */
static int
rule_name(const char **sp, char **out)
{
	const char *s = *sp;
	int quoted = *s == '<';
	size_t n = 0;

	s += quoted;
	while (quoted ? isalnum((unsigned char)s[n]) || s[n] == '+' ||
	    s[n] == '-' : isalpha((unsigned char)s[n]))
		n++;
	if (n < 3 || (quoted && s[n] != '>'))
		return -1;
	memcpy(*out, s, n);
	(*out)[n] = '\0';
	*out += n + 1;
	*sp = s + n + quoted;
	return 0;
}

/* [+-]hh[:mm[:ss]], hours at most maxh, into *v seconds. */
static int
rule_hms(const char **sp, int maxh, int32_t *v)
{
	const char *s = *sp;
	int sign = 1, part[3] = { 0, 0, 0 }, i, nd;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	for (i = 0; i < 3; i++) {
		if (i > 0) {
			if (*s != ':')
				break;
			s++;
		}
		for (nd = 0; isdigit((unsigned char)*s) && nd < 3; nd++)
			part[i] = part[i] * 10 + (*s++ - '0');
		if (nd == 0 || (i > 0 && (nd != 2 || part[i] > 59)))
			return -1;
	}
	if (part[0] > maxh)
		return -1;
	*v = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
	*sp = s;
	return 0;
}

static int
rule_number(const char **sp, int lo, int hi, int *v)
{
	const char *s = *sp;
	int nd;

	for (*v = 0, nd = 0; isdigit((unsigned char)*s) && nd < 3; nd++)
		*v = *v * 10 + (*s++ - '0');
	if (nd == 0 || *v < lo || *v > hi)
		return -1;
	*sp = s;
	return 0;
}

/* ",Mm.w.d[/time]", ",Jn[/time]" or ",n[/time]". */
static int
rule_date(const char **sp, struct align_zone_date *d)
{
	const char *s = *sp;

	memset(d, 0, sizeof(*d));
	d->time = 2 * 3600;
	if (*s++ != ',')
		return -1;
	if (*s == 'M') {
		s++;
		d->kind = 'M';
		if (rule_number(&s, 1, 12, &d->month) < 0 || *s++ != '.' ||
		    rule_number(&s, 1, 5, &d->week) < 0 || *s++ != '.' ||
		    rule_number(&s, 0, 6, &d->wday) < 0)
			return -1;
	} else if (*s == 'J') {
		s++;
		d->kind = 'J';
		if (rule_number(&s, 1, 365, &d->day) < 0)
			return -1;
	} else {
		d->kind = 'N';
		if (rule_number(&s, 0, 365, &d->day) < 0)
			return -1;
	}
	if (*s == '/') {
		s++;
		if (rule_hms(&s, 167, &d->time) < 0)
			return -1;
	}
	*sp = s;
	return 0;
}

int
align_zone_rule_parse(const char *s, struct align_zone_rule *r,
    char *names)
{
	static const char us[] = ",M3.2.0,M11.1.0";
	int32_t off;

	memset(r, 0, sizeof(*r));
	r->std.abbr = names;
	if (rule_name(&s, &names) < 0 || rule_hms(&s, 24, &off) < 0)
		return -1;
	r->std.off = -off;
	if (*s == '\0')
		return 0;
	r->dst.abbr = names;
	if (rule_name(&s, &names) < 0)
		return -1;
	r->has_dst = r->dst.dst = 1;
	r->dst.off = r->std.off + 3600;
	if (*s && *s != ',') {
		if (rule_hms(&s, 24, &off) < 0)
			return -1;
		r->dst.off = -off;
	}
	if (*s == '\0')
		s = us;		/* POSIX leaves it to the system: the US's */
	if (rule_date(&s, &r->start) < 0 || rule_date(&s, &r->end) < 0)
		return -1;
	return *s ? -1 : 0;
}

int64_t
align_zone_onset(const struct align_zone_date *d, int year, int32_t before)
{
	int64_t days = align_days_from_civil(year, 1, 1);
	int first, md;

	switch (d->kind) {
	case 'J':
		days += d->day - 1 + (leap(year) && d->day >= 60);
		break;
	case 'N':
		days += d->day;
		break;
	default:
		days = align_days_from_civil(year, d->month, 1);
		/* 1970-01-01 was a Thursday. */
		first = (int)(((days % 7) + 11) % 7);
		md = 1 + (d->wday - first + 7) % 7 + (d->week - 1) * 7;
		while (md > month_days(year, d->month))
			md -= 7;
		days += md - 1;
	}
	return days * DAY + d->time - before;
}

/* The rule's change of year y: into daylight time (start) or out. */
static void
rule_change(const struct align_zone_rule *r, int y, int start,
    struct align_zone_change *c)
{
	c->from = start ? r->std : r->dst;
	c->to = start ? r->dst : r->std;
	c->at = align_zone_onset(start ? &r->start : &r->end, y, c->from.off);
}

int
align_zone_rule_near(const struct align_zone_rule *r, int64_t t, int next,
    struct align_zone_change *c)
{
	struct align_zone_change x;
	int y = year_of(t, r->std.off), dy, start, have = 0;

	if (!r->has_dst)
		return 0;
	for (dy = -1; dy <= 1; dy++)
		for (start = 0; start < 2; start++) {
			rule_change(r, y + dy, start, &x);
			if (next ? x.at <= t || (have && x.at >= c->at) :
			    x.at > t || (have && x.at <= c->at))
				continue;
			*c = x;
			have = 1;
		}
	return have;
}

struct align_zone_type
align_zone_rule_type(const struct align_zone_rule *r, int64_t t)
{
	struct align_zone_change c;

	if (!r->has_dst || !align_zone_rule_near(r, t, 0, &c))
		return r->std;
	return c.to;
}
