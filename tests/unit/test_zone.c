/* Time zones: a zone read from the system's zoneinfo, its offsets around
 * every change, the wall clock of a change that skips or repeats an hour,
 * its rule, its VTIMEZONE, and times moved by days in it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <sysexits.h>

#include "../../lib/zone.h"
#include "helpers.h"

static struct align_zone *
zone(const char *name)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_zone *z;

	if (align_zone_load(&z, name, &e) < 0)
		fail_msg("%s: %s", name, e.msg);
	return z;
}

static int64_t
at(const char *iso)
{
	struct align_time t;

	assert_int_equal(align_time_parse(iso, &t, NULL), 0);
	return t.t;
}

static const char *
text(const struct align_time *t)
{
	static char out[40];

	align_time_format(t, out);
	return out;
}

/* New York: EST, and EDT from the second Sunday of March to the first of
 * November, both at 02:00 local. */
static void
test_offsets_around_the_changes(void **state)
{
	struct align_zone *ny = zone("America/New_York");
	struct align_zone *syd = zone("Australia/Sydney");
	struct align_zone *kol = zone("Asia/Kolkata");

	(void)state;
	assert_string_equal(align_zone_name(ny), "America/New_York");
	assert_int_equal(align_zone_offset(ny, at("2027-03-14T06:59:59Z")),
	    -5 * 3600);
	assert_int_equal(align_zone_offset(ny, at("2027-03-14T07:00:00Z")),
	    -4 * 3600);
	assert_int_equal(align_zone_offset(ny, at("2027-11-07T05:59:59Z")),
	    -4 * 3600);
	assert_int_equal(align_zone_offset(ny, at("2027-11-07T06:00:00Z")),
	    -5 * 3600);
	/* Past the changes the file lists (2037), by its rule. */
	assert_int_equal(align_zone_offset(ny, at("2100-07-01T12:00:00Z")),
	    -4 * 3600);
	assert_true(align_zone_type_at(ny, at("2100-07-01T12:00:00Z")).dst);
	assert_string_equal(align_zone_type_at(ny,
	    at("2100-01-01T12:00:00Z")).abbr, "EST");
	/* Sydney: daylight time from October to April. */
	assert_int_equal(align_zone_offset(syd, at("2027-01-10T00:00:00Z")),
	    11 * 3600);
	assert_int_equal(align_zone_offset(syd, at("2027-07-10T00:00:00Z")),
	    10 * 3600);
	assert_int_equal(align_zone_offset(kol, at("2027-07-10T00:00:00Z")),
	    5 * 3600 + 1800);
	assert_false(align_zone_is_utc(kol));
	assert_true(align_zone_is_utc(NULL));
	assert_int_equal(align_zone_offset(NULL, 12345), 0);
	align_zone_free(ny);
	align_zone_free(syd);
	align_zone_free(kol);
}

/* The hour skipped is read with the offset before it; the hour repeated
 * is its first (RFC 5545 3.3.5; libical 3.0.16 reads both the other way:
 * doc/zones.md). */
static void
test_wall_clock_in_a_change(void **state)
{
	struct align_zone *ny = zone("America/New_York");
	struct align_zone *cha = zone("Pacific/Chatham");
	int64_t wall = at("2027-03-14T02:30:00Z");

	(void)state;
	assert_int_equal(align_zone_utc(ny, wall), at("2027-03-14T07:30:00Z"));
	wall = at("2027-11-07T01:30:00Z");
	assert_int_equal(align_zone_utc(ny, wall), at("2027-11-07T05:30:00Z"));
	wall = at("2027-07-01T12:00:00Z");
	assert_int_equal(align_zone_utc(ny, wall), at("2027-07-01T16:00:00Z"));
	assert_int_equal(align_zone_utc(NULL, wall), wall);
	/* Chatham: +12:45 and +13:45, changing at 02:45 and 03:45. */
	wall = at("2027-09-26T03:15:00Z");
	assert_int_equal(align_zone_utc(cha, wall), at("2027-09-25T14:30:00Z"));
	wall = at("2027-04-04T03:15:00Z");
	assert_int_equal(align_zone_utc(cha, wall), at("2027-04-03T13:30:00Z"));
	wall = at("2027-04-04T03:45:00Z");	/* once, after the change */
	assert_int_equal(align_zone_utc(cha, wall), at("2027-04-03T15:00:00Z"));
	align_zone_free(ny);
	align_zone_free(cha);
}

/* Six weeks after noon is noon, whatever the offset; a date stays a date;
 * a time without an offset is a wall clock of the zone. */
static void
test_times_in_a_zone(void **state)
{
	struct align_zone *ny = zone("America/New_York");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	char day[40];

	(void)state;
	align_time_parse("2027-02-03T12:00:00-05:00", &t, NULL);
	t = align_time_add_days(ny, t, 42);
	assert_string_equal(text(&t), "2027-03-17T12:00:00-04:00");
	t = align_time_add_days(ny, t, -42);
	assert_string_equal(text(&t), "2027-02-03T12:00:00-05:00");
	/* No zone: the offset kept (an hour later locally). */
	t = align_time_add_days(NULL, t, 42);
	assert_string_equal(text(&t), "2027-03-17T12:00:00-05:00");
	align_time_parse("2027-02-03", &t, NULL);
	t = align_time_add_days(ny, t, 42);
	assert_string_equal(text(&t), "2027-03-17");
	assert_int_equal(align_time_parse_in(ny, "2027-03-17T12:00", &t, &e),
	    0);
	assert_string_equal(text(&t), "2027-03-17T12:00:00-04:00");
	assert_int_equal(align_time_parse_in(ny, "2027-03-17T12:00Z", &t, &e),
	    0);
	assert_string_equal(text(&t), "2027-03-17T12:00:00Z");
	assert_int_equal(align_time_parse_in(ny, "soon", &t, &e), -1);
	/* The day of an instant is the zone's. */
	t = align_time_in(NULL, at("2027-01-13T03:00:00Z"));
	align_time_day(ny, &t, day);
	assert_string_equal(day, "2027-01-12");
	align_time_day(NULL, &t, day);
	assert_string_equal(day, "2027-01-13");
	align_zone_free(ny);
}

static void
test_names_and_files(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_zone *z = NULL;
	char dir[256], path[300];
	FILE *fp;

	(void)state;
	assert_true(align_zone_name_ok("America/Argentina/Buenos_Aires"));
	assert_true(align_zone_name_ok("Etc/GMT+10"));
	assert_false(align_zone_name_ok("../etc/passwd"));
	assert_false(align_zone_name_ok("America/../../etc"));
	assert_false(align_zone_name_ok("/etc/localtime"));
	assert_false(align_zone_name_ok("America//New_York"));
	assert_false(align_zone_name_ok("EST5EDT,M3.2.0,M11.1.0"));
	assert_false(align_zone_name_ok(""));
	assert_false(align_zone_name_ok(NULL));
	assert_int_equal(align_zone_load(&z, "Mars/Olympus_Mons", &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_non_null(strstr(e.msg, "'Mars/Olympus_Mons' is not a time"));
	assert_null(z);
	/* A file that is not TZif, under TZDIR. */
	snprintf(dir, sizeof(dir), "%s", test_path("zoneinfo"));
	mkdir(dir, 0700);
	snprintf(path, sizeof(path), "%s/Bad", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("TZif2 but not really\n", fp);
	fclose(fp);
	setenv("TZDIR", dir, 1);
	assert_int_equal(align_zone_load(&z, "Bad", &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	unsetenv("TZDIR");
	remove(path);
	rmdir(dir);
}

/* The system's zone: TZ, with or without its colon; none for a rule
 * string or an empty TZ. */
static void
test_the_local_zone(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_zone *z;
	const char *was = getenv("TZ");
	char *keep = was ? strdup(was) : NULL;

	(void)state;
	setenv("TZ", ":Europe/Berlin", 1);
	assert_int_equal(align_zone_local(&z, &e), 0);
	assert_non_null(z);
	assert_string_equal(align_zone_name(z), "Europe/Berlin");
	/* A session's zone: the system's only when it gives the offset
	 * the session's date was written with. */
	assert_true(align_zone_agrees(z, "2027-01-05T12:00:00+01:00"));
	assert_false(align_zone_agrees(z, "2027-01-05T12:00:00-05:00"));
	assert_true(align_zone_agrees(z, "2027-01-05"));
	assert_true(align_zone_agrees(z, NULL));
	align_zone_free(z);
	assert_int_equal(align_zone_session(&z, NULL,
	    "2027-07-05T12:00:00+02:00", &e), 0);
	assert_string_equal(align_zone_name(z), "Europe/Berlin");
	align_zone_free(z);
	assert_int_equal(align_zone_session(&z, NULL,
	    "2027-07-05T12:00:00-04:00", &e), 0);
	assert_null(z);
	assert_int_equal(align_zone_session(&z, "America/New_York",
	    "2027-07-05T12:00:00+02:00", &e), 0);
	assert_string_equal(align_zone_name(z), "America/New_York");
	align_zone_free(z);
	setenv("TZ", "/usr/share/zoneinfo/Asia/Kolkata", 1);
	assert_int_equal(align_zone_local(&z, &e), 0);
	assert_string_equal(align_zone_name(z), "Asia/Kolkata");
	align_zone_free(z);
	setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
	assert_int_equal(align_zone_local(&z, &e), 0);
	assert_null(z);
	setenv("TZ", "", 1);
	assert_int_equal(align_zone_local(&z, &e), 0);
	assert_null(z);
	if (keep)
		setenv("TZ", keep, 1);
	else
		unsetenv("TZ");
	free(keep);
}

/* The TZ strings of the rules tzdata uses, odd ones too. */
static void
test_rules(void **state)
{
	struct align_zone_rule r;
	struct align_zone_change c;
	char names[64];

	(void)state;
	assert_int_equal(align_zone_rule_parse("EST5EDT,M3.2.0,M11.1.0", &r,
	    names), 0);
	assert_string_equal(r.std.abbr, "EST");
	assert_string_equal(r.dst.abbr, "EDT");
	assert_int_equal(r.std.off, -5 * 3600);
	assert_int_equal(r.dst.off, -4 * 3600);
	assert_int_equal(r.start.month, 3);
	assert_int_equal(r.start.week, 2);
	assert_int_equal(align_zone_onset(&r.start, 2027, r.std.off),
	    at("2027-03-14T07:00:00Z"));
	assert_int_equal(align_zone_rule_near(&r, at("2027-06-01T00:00:00Z"),
	    1, &c), 1);
	assert_int_equal(c.at, at("2027-11-07T06:00:00Z"));
	assert_int_equal(c.to.off, -5 * 3600);
	assert_int_equal(align_zone_rule_parse("IST-5:30", &r, names), 0);
	assert_false(r.has_dst);
	assert_int_equal(r.std.off, 5 * 3600 + 1800);
	assert_int_equal(align_zone_rule_near(&r, 0, 1, &c), 0);
	/* Nuuk: a day's change at -1:00, the Saturday before. */
	assert_int_equal(align_zone_rule_parse("<-02>2<-01>,M3.5.0/-1,"
	    "M10.5.0/0", &r, names), 0);
	assert_string_equal(r.std.abbr, "-02");
	assert_int_equal(r.start.time, -3600);
	assert_int_equal(align_zone_onset(&r.start, 2027, r.std.off),
	    at("2027-03-28T01:00:00Z"));
	/* Chatham: minutes; the day of the year, both ways. */
	assert_int_equal(align_zone_rule_parse("<+1245>-12:45<+1345>,M9.5.0/"
	    "2:45,M4.1.0/3:45", &r, names), 0);
	assert_int_equal(r.std.off, 12 * 3600 + 45 * 60);
	assert_int_equal(align_zone_rule_parse("XST3XDT,J60/2,300/26", &r,
	    names), 0);
	assert_int_equal(align_zone_onset(&r.start, 2028, 0),
	    at("2028-03-01T02:00:00Z"));
	assert_int_equal(align_zone_onset(&r.end, 2028, 0),
	    at("2028-10-28T02:00:00Z"));
	assert_int_equal(align_zone_rule_parse("EST", &r, names), -1);
	assert_int_equal(align_zone_rule_parse("EST5EDT,M13.1.0,M1.1.0", &r,
	    names), -1);
	assert_int_equal(align_zone_rule_parse("EST5EDT,M3.2.0/168,M11.1.0",
	    &r, names), -1);
	assert_int_equal(align_zone_rule_parse("<+05>-5<", &r, names), -1);
}

/* The VTIMEZONE of a calendar in 2027: the rule as two yearly
 * observances, from the change in force on its first day; before the
 * rule, the changes the file lists. */
static void
test_vtimezone(void **state)
{
	struct align_zone *ny = zone("America/New_York");
	struct align_zone *kol = zone("Asia/Kolkata");
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_time t;

	(void)state;
	align_zone_ics(&b, ny, at("2027-02-10T17:00:00Z"), INT64_MAX);
	assert_string_equal(b.p, "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"
	    "BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZOFFSETFROM:-0500\r\n"
	    "TZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT\r\n"
	    "BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZOFFSETFROM:-0400\r\n"
	    "TZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD\r\n"
	    "END:VTIMEZONE\r\n");
	align_buf_reset(&b);
	align_zone_ics(&b, kol, at("2027-02-10T17:00:00Z"), INT64_MAX);
	assert_string_equal(b.p, "BEGIN:VTIMEZONE\r\nTZID:Asia/Kolkata\r\n"
	    "BEGIN:STANDARD\r\nDTSTART:19451015T000000\r\n"
	    "TZOFFSETFROM:+0630\r\nTZOFFSETTO:+0530\r\nTZNAME:IST\r\n"
	    "END:STANDARD\r\nEND:VTIMEZONE\r\n");
	/* From 2005: 2005 and 2006 by the old rule, listed, then the
	 * rule of 2007. */
	align_buf_reset(&b);
	align_zone_ics(&b, ny, at("2005-06-01T00:00:00Z"), INT64_MAX);
	assert_non_null(strstr(b.p, "DTSTART:20050403T020000\r\n"
	    "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"));
	assert_non_null(strstr(b.p, "DTSTART:20061029T020000\r\n"));
	assert_non_null(strstr(b.p, "DTSTART:20070311T020000\r\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"));
	/* Times in it: local with TZID; a date, or no zone: as before. */
	align_buf_reset(&b);
	t = align_time_in(ny, at("2027-03-17T16:00:00Z"));
	align_zone_ics_time(&b, "DTSTART", &t, ny);
	align_zone_ics_time(&b, "DTSTART", &t, NULL);
	align_time_parse("2027-03-17", &t, NULL);
	align_zone_ics_time(&b, "DTSTART", &t, ny);
	assert_string_equal(b.p, "DTSTART;TZID=America/New_York:"
	    "20270317T120000\r\nDTSTART:20270317T160000Z\r\n"
	    "DTSTART;VALUE=DATE:20270317\r\n");
	assert_false(b.failed);
	align_buf_release(&b);
	align_zone_free(ny);
	align_zone_free(kol);
}

/* The offsets of z every six hours from the instant from to the instant
 * to, against the C library's reading of the zone called name (TZ). */
static void
against_the_c_library(const struct align_zone *z, const char *name,
    int64_t from, int64_t to)
{
	int64_t t;

	for (t = from; t < to; t += 6 * 3600) {
		time_t tt = (time_t)t;
		struct tm tm;

		localtime_r(&tt, &tm);
		if (align_zone_offset(z, t) != tm.tm_gmtoff)
			fail_msg("%s at %lld: %d, the C library %ld", name,
			    (long long)t, (int)align_zone_offset(z, t),
			    (long)tm.tm_gmtoff);
	}
}

/* Every zone a calendar may use, against the C library's own reading of
 * the same files: the offset at every six hours of 2026 to 2030, and of
 * 2038 to 2044, past the changes the files list, where their rule alone
 * says the offset (a cadence without end reaches there; libical 3.0.16
 * has St John's, Cairo, Gaza, the Azores, Nuuk, Norfolk, Chatham and
 * Lord Howe wrong then: doc/zones.md). */
static void
test_against_the_c_library(void **state)
{
	static const char *const zones[] = { "America/New_York",
	    "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata",
	    "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham",
	    "America/Nuuk", "Asia/Gaza", "Africa/Casablanca", "Europe/Dublin",
	    "America/St_Johns", "Pacific/Apia", "Etc/GMT-14", "Africa/Cairo",
	    "Atlantic/Azores", "Pacific/Norfolk" };
	const char *was = getenv("TZ");
	char *keep = was ? strdup(was) : NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		struct align_zone *z = zone(zones[i]);

		setenv("TZ", zones[i], 1);
		tzset();
		against_the_c_library(z, zones[i], at("2026-01-01T00:00:00Z"),
		    at("2031-01-01T00:00:00Z"));
		against_the_c_library(z, zones[i], at("2038-01-01T00:00:00Z"),
		    at("2045-01-01T00:00:00Z"));
		align_zone_free(z);
	}
	if (keep)
		setenv("TZ", keep, 1);
	else
		unsetenv("TZ");
	tzset();
	free(keep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offsets_around_the_changes),
		cmocka_unit_test(test_wall_clock_in_a_change),
		cmocka_unit_test(test_times_in_a_zone),
		cmocka_unit_test(test_names_and_files),
		cmocka_unit_test(test_the_local_zone),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_vtimezone),
		cmocka_unit_test(test_against_the_c_library),
	};

	return cmocka_run_group_tests_name("zone", tests, NULL, NULL);
}
