/* IANA time zones: a TZif file read once, the offset at an instant, the
 * instant of a wall clock, the changes of offset one after another. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "zone.h"

#define TZIF_MAX (1L << 20)	/* a zone file is a few kilobytes */
#define DAY 86400

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* Reading the file. */

struct tzhead {
	uint32_t isut, isstd, leap, time, type, chars;
};

static int
head(const unsigned char *p, size_t n, struct tzhead *h)
{
	if (n < 44 || memcmp(p, "TZif", 4) != 0)
		return -1;
	h->isut = be32(p + 20);
	h->isstd = be32(p + 24);
	h->leap = be32(p + 28);
	h->time = be32(p + 32);
	h->type = be32(p + 36);
	h->chars = be32(p + 40);
	if (h->type == 0 || h->type > 256 || h->chars == 0 ||
	    h->time > TZIF_MAX || h->chars > TZIF_MAX || h->leap > TZIF_MAX ||
	    (h->isut && h->isut != h->type) ||
	    (h->isstd && h->isstd != h->type))
		return -1;
	return 0;
}

static size_t
body(const struct tzhead *h, size_t tsize)
{
	return h->time * (tsize + 1) + h->type * 6 + h->chars +
	    h->leap * (tsize + 4) + h->isstd + h->isut;
}

/* The changes, types and abbreviations of the data block at p (times of
 * tsize bytes), into z; its rule is read later. */
static int
fill(struct align_zone *z, const struct tzhead *h, const unsigned char *p,
    size_t tsize, size_t extra)
{
	const unsigned char *idx = p + h->time * tsize, *tt = idx + h->time;
	size_t i;

	z->at = malloc((h->time + 1) * sizeof(*z->at));
	z->type_of = malloc(h->time + 1);
	z->type = calloc(h->type, sizeof(*z->type));
	z->chars = malloc(h->chars + 1 + extra);
	if (!z->at || !z->type_of || !z->type || !z->chars)
		return -2;
	memcpy(z->chars, tt + h->type * 6, h->chars);
	z->chars[h->chars] = '\0';
	for (i = 0; i < h->time; i++) {
		z->at[i] = tsize == 8 ? be64(p + i * 8) :
		    (int32_t)be32(p + i * 4);
		z->type_of[i] = idx[i];
		if (idx[i] >= h->type || (i && z->at[i] <= z->at[i - 1]))
			return -1;
	}
	for (i = 0; i < h->type; i++) {
		const unsigned char *x = tt + i * 6;
		int32_t off = (int32_t)be32(x);

		if (x[5] >= h->chars || off < -26 * 3600 || off > 26 * 3600)
			return -1;
		z->type[i].off = off;
		z->type[i].dst = x[4] != 0;
		z->type[i].abbr = z->chars + x[5];
	}
	z->nat = h->time;
	z->ntype = h->type;
	return 0;
}

/* 1 when the i-th change listed changes nothing but its name (zic ends
 * a file with one such at 2038-01-19). */
static int
noop(const struct align_zone *z, size_t i)
{
	const struct align_zone_type *a = &z->type[i ? z->type_of[i - 1] : 0];
	const struct align_zone_type *b = &z->type[z->type_of[i]];

	return a->off == b->off && a->dst == b->dst;
}

/* The rule's first instant (see zone.h): from the last change the file
 * lists back, as long as each is the rule's and the rule has no other
 * between them. */
static void
since_of(struct align_zone *z)
{
	struct align_zone_change c;
	size_t k = z->nat, later = z->nat;

	if (!z->has_rule || !z->rule.has_dst) {
		z->since = INT64_MAX;
		return;
	}
	for (; k > 0; k--) {
		const struct align_zone_type *to = &z->type[z->type_of[k - 1]];

		if (noop(z, k - 1))
			continue;
		if (!align_zone_rule_near(&z->rule, z->at[k - 1], 0, &c) ||
		    c.at != z->at[k - 1] || c.to.off != to->off ||
		    c.to.dst != to->dst)
			break;
		if (later < z->nat && (!align_zone_rule_near(&z->rule, z->at[k - 1], 1,
		    &c) || c.at != z->at[later]))
			break;
		later = k - 1;
	}
	z->since = later < z->nat ? z->at[later] : z->nat ?
	    z->at[z->nat - 1] + 1 : INT64_MIN;
}

/* The zone of the n bytes of p; -1 a bad file, -2 out of memory. */
static int
parse(struct align_zone *z, const unsigned char *p, size_t n)
{
	struct tzhead h;
	size_t at = 44, tsize = 4, len, flen = 0;
	const unsigned char *foot = NULL;
	int rc;

	if (head(p, n, &h) < 0)
		return -1;
	if (p[4] >= '2') {
		at += body(&h, 4);
		if (at > n || head(p + at, n - at, &h) < 0)
			return -1;
		at += 44;
		tsize = 8;
	}
	len = body(&h, tsize);
	if (at + len > n)
		return -1;
	if (tsize == 8) {
		foot = p + at + len;
		if (foot >= p + n || *foot != '\n')
			return -1;
		for (foot++; foot + flen < p + n && foot[flen] != '\n'; flen++)
			if (foot[flen] == '\0')
				return -1;
		if (foot + flen >= p + n)
			return -1;
	}
	if ((rc = fill(z, &h, p + at, tsize, flen + 2)) < 0)
		return rc;
	if (flen > 0) {
		/* The names go after the file's: no longer than the rule. */
		char *text = malloc(flen + 1);

		if (text == NULL)
			return -2;
		memcpy(text, foot, flen);
		text[flen] = '\0';
		rc = align_zone_rule_parse(text, &z->rule, z->chars + h.chars + 1);
		free(text);
		if (rc < 0)
			return -1;
		z->has_rule = 1;
	}
	since_of(z);
	return 0;
}

/* The bytes of the file at path into *p (caller frees), *n; -1 when it
 * cannot be read or is too long, -2 out of memory. */
static int
slurp(const char *path, unsigned char **p, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 4096;
	int rc = 0;

	*p = NULL;
	*n = 0;
	if (fp == NULL)
		return -1;
	for (;;) {
		unsigned char *q = realloc(*p, cap);
		size_t got;

		if (q == NULL) {
			rc = -2;
			break;
		}
		*p = q;
		got = fread(*p + *n, 1, cap - *n, fp);
		*n += got;
		if (*n < cap)
			break;
		if (cap >= TZIF_MAX) {
			rc = -1;
			break;
		}
		cap *= 2;
	}
	if (rc == 0 && ferror(fp))
		rc = -1;
	fclose(fp);
	return rc;
}

int
align_zone_name_ok(const char *name)
{
	const char *p;
	size_t part = 0;

	if (name == NULL || *name == '\0' || *name == '/' || *name == '-' ||
	    strlen(name) > 255)
		return 0;
	for (p = name; ; p++) {
		if (*p == '/' || *p == '\0') {
			if (part == 0 || (part == 1 && p[-1] == '.') ||
			    (part == 2 && p[-1] == '.' && p[-2] == '.'))
				return 0;
			if (*p == '\0')
				return 1;
			part = 0;
			continue;
		}
		if (!isalnum((unsigned char)*p) && !strchr("_-+.", *p))
			return 0;
		part++;
	}
}

int
align_zone_parse(struct align_zone **zp, const char *name, const void *data,
    size_t n, struct align_err *e)
{
	struct align_zone *z;
	int rc = -2;

	*zp = NULL;
	if ((z = calloc(1, sizeof(*z))) != NULL &&
	    (z->name = strdup(name)) != NULL)
		rc = parse(z, data, n);
	if (rc < 0) {
		align_zone_free(z);
		return rc == -2 ? align_err_nomem(e) : align_err_set(e,
		    EX_DATAERR, NULL, 0, 0, "'%s' is not a time zone (not a "
		    "zoneinfo file)", name);
	}
	*zp = z;
	return 0;
}

int
align_zone_load(struct align_zone **zp, const char *name,
    struct align_err *e)
{
	const char *dir = getenv("TZDIR");
	struct align_buf path = ALIGN_BUF_INIT;
	unsigned char *data = NULL;
	size_t n = 0;
	int rc;

	*zp = NULL;
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	if (!align_zone_name_ok(name))
		return align_err_set(e, EX_DATAERR, NULL, 0, 0, "'%s' is not "
		    "the name of a time zone (such as America/New_York)",
		    name ? name : "");
	align_buf_printf(&path, "%s/%s", dir, name);
	rc = path.failed ? -2 : slurp(path.p, &data, &n);
	if (rc == 0)
		rc = align_zone_parse(zp, name, data, n, e);
	else if (rc == -1)
		align_err_set(e, EX_DATAERR, NULL, 0, 0, "'%s' is not a time "
		    "zone (no zoneinfo file %s)", name, path.p);
	else
		align_err_nomem(e);
	free(data);
	align_buf_release(&path);
	return rc < 0 ? -1 : 0;
}

int
align_zone_local(struct align_zone **z, struct align_err *e)
{
	const char *tz = getenv("TZ"), *name = NULL, *p;
	char link[4096];
	struct align_err why = ALIGN_ERR_INIT;
	ssize_t n;

	*z = NULL;
	if (tz) {
		tz += *tz == ':';
		p = strstr(tz, "/zoneinfo/");
		name = *tz != '/' ? tz : p ? p + 10 : NULL;
	} else if ((n = readlink("/etc/localtime", link, sizeof(link) - 1)) >
	    0) {
		link[n] = '\0';
		if ((p = strstr(link, "zoneinfo/")) != NULL)
			name = p + 9;
	}
	if (!align_zone_name_ok(name))
		return 0;
	if (align_zone_load(z, name, &why) < 0) {
		*z = NULL;
		if (why.status == ALIGN_EX_NOMEM)
			return align_err_nomem(e);
	}
	return 0;
}

int
align_zone_agrees(const struct align_zone *z, const char *date)
{
	struct align_time t;

	if (date == NULL || align_time_parse(date, &t, NULL) < 0 ||
	    t.date_only)
		return 1;
	return align_zone_offset(z, t.t) == t.off;
}

int
align_zone_session(struct align_zone **z, const char *name,
    const char *date, struct align_err *e)
{
	*z = NULL;
	if (name)
		return align_zone_load(z, name, e);
	if (align_zone_local(z, e) < 0)
		return -1;
	if (*z && (align_zone_is_utc(*z) || !align_zone_agrees(*z, date))) {
		align_zone_free(*z);
		*z = NULL;
	}
	return 0;
}

void
align_zone_free(struct align_zone *z)
{
	if (z == NULL)
		return;
	free(z->name);
	free(z->at);
	free(z->type_of);
	free(z->type);
	free(z->chars);
	free(z);
}

const char *
align_zone_name(const struct align_zone *z)
{
	return z ? z->name : NULL;
}

int
align_zone_is_utc(const struct align_zone *z)
{
	size_t i;

	if (z == NULL)
		return 1;
	for (i = 0; i < z->ntype; i++)
		if (z->type[i].off != 0)
			return 0;
	return !z->has_rule || (z->rule.std.off == 0 && !z->rule.has_dst);
}

/* The index of the last change at or before t, or -1. */
static long
listed(const struct align_zone *z, int64_t t)
{
	size_t lo = 0, hi = z->nat;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (z->at[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

struct align_zone_type
align_zone_type_at(const struct align_zone *z, int64_t t)
{
	long i;

	if (z->has_rule && (z->nat == 0 || t > z->at[z->nat - 1]))
		return align_zone_rule_type(&z->rule, t);
	i = listed(z, t);
	return z->type[i < 0 ? 0 : z->type_of[i]];
}

int32_t
align_zone_offset(const struct align_zone *z, int64_t t)
{
	return z ? align_zone_type_at(z, t).off : 0;
}

int64_t
align_zone_utc(const struct align_zone *z, int64_t wall)
{
	int32_t before, after;
	int64_t a, b;
	int ok_a, ok_b;

	if (z == NULL)
		return wall;
	/* The offsets a day either side: a change lies between them. */
	before = align_zone_offset(z, wall - DAY);
	after = align_zone_offset(z, wall + DAY);
	a = wall - before;
	b = wall - after;
	ok_a = align_zone_offset(z, a) == before;
	ok_b = align_zone_offset(z, b) == after;
	if (ok_a && ok_b)
		return a < b ? a : b;
	if (ok_b)
		return b;
	return a;	/* in the hour skipped: the offset before it */
}

int
align_zone_next(const struct align_zone *z, int64_t after,
    struct align_zone_change *c)
{
	long i;

	if (z == NULL)
		return 0;
	i = listed(z, after) + 1;
	if ((size_t)i < z->nat) {
		c->at = z->at[i];
		c->from = z->type[i ? z->type_of[i - 1] : 0];
		c->to = z->type[z->type_of[i]];
		return 1;
	}
	if (z->has_rule && z->rule.has_dst)
		return align_zone_rule_near(&z->rule, after, 1, c);
	return 0;
}

int
align_zone_prev(const struct align_zone *z, int64_t at,
    struct align_zone_change *c)
{
	long i;

	if (z == NULL)
		return 0;
	if (z->has_rule && z->rule.has_dst &&
	    (z->nat == 0 || at > z->at[z->nat - 1]) &&
	    align_zone_rule_near(&z->rule, at, 0, c) &&
	    (z->nat == 0 || c->at > z->at[z->nat - 1]))
		return 1;
	if ((i = listed(z, at)) < 0)
		return 0;
	c->at = z->at[i];
	c->from = z->type[i ? z->type_of[i - 1] : 0];
	c->to = z->type[z->type_of[i]];
	return 1;
}

/* Times in a zone. */

struct align_time
align_time_in(const struct align_zone *z, int64_t t)
{
	struct align_time x;

	x.t = t;
	x.off = align_zone_offset(z, t);
	x.date_only = 0;
	return x;
}

struct align_time
align_time_add_days(const struct align_zone *z, struct align_time t,
    long days)
{
	int64_t wall;

	if (t.date_only || z == NULL) {
		t.t += (int64_t)days * DAY;
		return t;
	}
	wall = t.t + align_zone_offset(z, t.t) + (int64_t)days * DAY;
	return align_time_in(z, align_zone_utc(z, wall));
}

/* 1 when s, a date and a time, gives an offset. */
static int
has_offset(const char *s)
{
	return strlen(s) <= 10 || strpbrk(s + 10, "Zz+-") != NULL;
}

int
align_time_parse_in(const struct align_zone *z, const char *s,
    struct align_time *out, struct align_err *e)
{
	if (align_time_parse(s, out, e) < 0)
		return -1;
	if (z && !out->date_only && !has_offset(s))
		*out = align_time_in(z, align_zone_utc(z, out->t + out->off));
	return 0;
}

void
align_time_day(const struct align_zone *z, const struct align_time *t,
    char *out)
{
	struct align_time d = *t;

	if (!d.date_only && z)
		d.off = align_zone_offset(z, d.t);
	d.date_only = 1;
	align_time_format(&d, out);
}
