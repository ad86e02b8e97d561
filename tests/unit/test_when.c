/* Times, dates and durations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "../../lib/when.h"

static const char *
roundtrip(const char *in)
{
	static char out[40];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;

	if (align_time_parse(in, &t, &e) < 0)
		fail_msg("'%s': %s", in, e.msg);
	align_time_format(&t, out);
	return out;
}

static void
test_iso8601_forms(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	assert_string_equal(roundtrip("2026-12-02T12:00:00-05:00"),
	    "2026-12-02T12:00:00-05:00");
	assert_string_equal(roundtrip("2026-12-02T12:00-05:00"),
	    "2026-12-02T12:00:00-05:00");
	assert_string_equal(roundtrip("2026-12-02t12:00:30.25+0530"),
	    "2026-12-02T12:00:30+05:30");
	assert_string_equal(roundtrip("2026-12-02 12:00Z"),
	    "2026-12-02T12:00:00Z");
	assert_string_equal(roundtrip("2026-12-02"), "2026-12-02");
	assert_string_equal(roundtrip("2028-02-29T23:59:60Z"),
	    "2028-02-29T23:59:59Z");
}

static void
test_local_time_takes_the_zone_offset(void **state)
{
	(void)state;
	setenv("TZ", "America/New_York", 1);
	tzset();
	assert_string_equal(roundtrip("2026-12-02T12:00"),
	    "2026-12-02T12:00:00-05:00");
	assert_string_equal(roundtrip("2026-07-02T12:00"),
	    "2026-07-02T12:00:00-04:00");
	setenv("TZ", "UTC", 1);
	tzset();
}

static void
test_bad_times(void **state)
{
	static const char *const bad[] = { "", "tomorrow", "2026-13-01",
	    "2026-02-30", "2027-02-29", "2026-12-02T24:00", "2026-12-02T12",
	    "2026-12-02T12:00+25:00", "2026-12-02T12:00 junk", "26-12-02",
	    NULL };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	size_t i;

	(void)state;
	for (i = 0; bad[i]; i++) {
		e.status = 0;
		if (align_time_parse(bad[i], &t, &e) == 0)
			fail_msg("'%s' was taken for a time", bad[i]);
		assert_int_equal(e.status, 65);
	}
}

static void
test_instants_compare_across_offsets(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time a, b;
	char ics[24], iso[40];

	(void)state;
	assert_int_equal(align_time_parse("2026-12-02T12:00-05:00", &a, &e), 0);
	assert_int_equal(align_time_parse("2026-12-02T17:00Z", &b, &e), 0);
	assert_true(a.t == b.t);
	align_time_ics(&a, ics);
	assert_string_equal(ics, "20261202T170000Z");
	a = align_time_add(a, 6 * 7 * 24 * 60);
	align_time_format(&a, iso);
	assert_string_equal(iso, "2027-01-13T12:00:00-05:00");
}

static void
test_durations(void **state)
{
	static const struct { const char *in, *out; long m; } ok[] = {
		{ "90m", "1h30m", 90 }, { "2h", "2h", 120 }, { "1h30m", "1h30m", 90 },
		{ "45m", "45m", 45 }, { "1w", "1w", 10080 }, { "6w", "6w", 60480 },
		{ "2d", "2d", 2880 }, { "1d12h", "36h", 2160 }, { "60m", "1h", 60 },
	};
	static const char *const bad[] = { "", "2", "h", "2x", "-1h", "0m",
	    "1.5h", "99999999w", NULL };
	struct align_err e = ALIGN_ERR_INIT;
	char out[32];
	long m;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(align_duration_parse(ok[i].in, &m, &e), 0);
		assert_int_equal(m, ok[i].m);
		align_duration_format(m, out);
		assert_string_equal(out, ok[i].out);
	}
	for (i = 0; bad[i]; i++)
		if (align_duration_parse(bad[i], &m, &e) == 0)
			fail_msg("'%s' was taken for a duration", bad[i]);
}

static void
test_now_can_be_fixed(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	char out[40];

	(void)state;
	setenv("ALIGN_NOW", "2026-01-02T03:04:05Z", 1);
	assert_int_equal(align_now(NULL, &t, &e), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2026-01-02T03:04:05Z");
	assert_int_equal(align_now("2027-01-01", &t, &e), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-01-01");
	/* A "now" that is not a time is a usage error, and says whence. */
	setenv("ALIGN_NOW", "soon", 1);
	assert_int_equal(align_now(NULL, &t, &e), -1);
	assert_int_equal(e.status, 64);
	assert_non_null(strstr(e.msg, "$ALIGN_NOW: 'soon'"));
	assert_int_equal(align_now("later", &t, &e), -1);
	assert_non_null(strstr(e.msg, "--now: 'later'"));
	unsetenv("ALIGN_NOW");
	assert_int_equal(align_now(NULL, &t, &e), 0);
	assert_true(t.t > 1700000000);
}

static void
test_civil_days(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(align_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(align_days_from_civil(2000, 3, 1), 11017);
	align_civil_from_days(align_days_from_civil(2024, 2, 29) + 1, &y, &m,
	    &d);
	assert_int_equal(y * 10000 + m * 100 + d, 20240301);
}

static void
test_calendar_edges(void **state)
{
	static const char *const ok[] = { "2000-02-29", "2026-12-02T12:00+05",
	    "2026-12-02T12:00:00,5Z", "2026-12-02T12:00-0330", NULL };
	static const char *const bad[] = { "1900-02-29", "2026-12-02T12:00Zx",
	    "2026-12-02T12:00+24:00", "2026-12-02T12:00+05:60",
	    "2026-12-02T12:60", "2026-12-02T12:00:61", "2026-12-02T12:00+5",
	    "2026-12-02X12:00", "2026/12/02", NULL };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	long m;
	int y, mo, d, h, mi, sec;
	size_t i;

	(void)state;
	for (i = 0; ok[i]; i++)
		if (align_time_parse(ok[i], &t, &e) < 0)
			fail_msg("'%s': %s", ok[i], e.msg);
	for (i = 0; bad[i]; i++)
		if (align_time_parse(bad[i], &t, &e) == 0)
			fail_msg("'%s' was taken for a time", bad[i]);
	assert_string_equal(roundtrip("2026-12-02T12:00+05"),
	    "2026-12-02T12:00:00+05:00");
	/* Days before the epoch and before year 0 come back the same. */
	for (y = -401; y <= 2401; y += 100) {
		int64_t z = align_days_from_civil(y, 2, 28);

		align_civil_from_days(z, &h, &mi, &sec);
		assert_int_equal(h, y);
		assert_int_equal(mi, 2);
		assert_int_equal(sec, 28);
	}
	assert_int_equal(align_time_parse("1969-12-31T23:59:59Z", &t, &e), 0);
	align_time_fields(&t, &y, &mo, &d, &h, &mi, &sec);
	assert_int_equal(y, 1969);
	assert_int_equal(d, 31);
	assert_int_equal(sec, 59);
	/* Ten years of minutes at most. */
	assert_int_equal(align_duration_parse("520w", &m, &e), 0);
	assert_int_equal(align_duration_parse("521w", &m, &e), -1);
	assert_non_null(strstr(e.msg, "ten years"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso8601_forms),
		cmocka_unit_test(test_local_time_takes_the_zone_offset),
		cmocka_unit_test(test_bad_times),
		cmocka_unit_test(test_instants_compare_across_offsets),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_now_can_be_fixed),
		cmocka_unit_test(test_civil_days),
		cmocka_unit_test(test_calendar_edges),
	};

	return cmocka_run_group_tests_name("when", tests, NULL, NULL);
}
