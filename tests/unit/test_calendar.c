/* The calendar of the rounds: cadences as RRULEs, a pair an event,
 * a one-to-one's length, long titles folded whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/calendar.h"
#include "../../lib/reader.h"
#include "helpers.h"

/* The calendar of every round of text in zone (NULL: none), into b.  0,
 * or -1 and e. */
static int
calendar_in(const char *text, const char *zone, int per_pair,
    struct align_buf *b, struct align_err *e)
{
	struct align_node *all = stream(text);
	struct align_show s = { .b = b, .format = ALIGN_FMT_ICS,
	    .width = 80, .color = 0 };
	struct align_rounds rs;
	struct align_calendar cal;
	const struct align_view *v[16];
	struct align_time now;
	size_t i;
	int rc;

	assert_int_equal(align_rounds_read(&rs, all, e), 0);
	assert_int_equal(align_rounds_zone(&rs, zone, e), 0);
	assert_true(rs.nround <= 16);
	for (i = 0; i < rs.nround; i++)
		v[i] = &rs.round[i].v;
	align_time_parse("2026-12-01T00:00:00Z", &now, NULL);
	rc = align_calendar_make(&cal, &rs, v, rs.nround, per_pair,
	    &now, e);
	if (rc == 0)
		align_calendar_show(&cal, &s);
	align_calendar_release(&cal);
	align_rounds_release(&rs);
	align_node_free(all);
	assert_false(b->failed);
	return rc;
}

static int
calendar_of(const char *text, int per_pair, struct align_buf *b,
    struct align_err *e)
{
	return calendar_in(text, NULL, per_pair, b, e);
}

/* b's content lines unfolded (RFC 5545 3.1), into a new string. */
static char *
unfold(const struct align_buf *b)
{
	struct align_buf u = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < b->len; i++) {
		if (b->p[i] == '\r' && i + 2 < b->len && b->p[i + 2] == ' ') {
			i += 2;
			continue;
		}
		align_buf_putc(&u, b->p[i]);
	}
	return align_buf_detach(&u);
}

/* Cadences other than weeks, ends by count or day, a day without a time,
 * a one-to-one, pairs by event: each as iCalendar says it. */
static void
test_ics_cadences(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	char *text;

	(void)state;
	assert_int_equal(calendar_of("---\nkind: session\nid: s\n"
	    "title: Alignment\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n"
	    "every: 2d\ncount: 3\npairs: [[Ana, Ben], Carla, [Dev, Elif]]\n"
	    "principles: [p1]\n"
	    "---\nkind: followup\nid: f2\ndate: 2027-02-01T09:00:00Z\n"
	    "every: 90m\nuntil: 2027-02-02\n"
	    "---\nkind: followup\nid: f3\ndate: 2027-03-01\n"
	    "---\nkind: followup\nid: f4\ndate: 2027-04-01T09:00:00Z\n"
	    "with: Dev\nevery: 1w\nuid: f4-uid\nsequence: 2\n", 1, &b, &e),
	    0);
	assert_non_null(strstr(b.p, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(b.p, "RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3"));
	assert_non_null(strstr(b.p, "RRULE:FREQ=MINUTELY;INTERVAL=90;UNTIL="
	    "20270202T235959Z"));
	assert_non_null(strstr(b.p, "DTSTART;VALUE=DATE:20270301"));
	assert_non_null(strstr(b.p, "RRULE:FREQ=WEEKLY;INTERVAL=1"));
	assert_non_null(strstr(b.p, "DURATION:PT45M"));	/* one-to-one */
	assert_non_null(strstr(b.p, "UID:f4-uid\r\n"));
	assert_non_null(strstr(b.p, "SEQUENCE:2\r\n"));
	assert_non_null(strstr(b.p, "SUMMARY:Follow-up: Alignment\r\n"));
	assert_non_null(strstr(b.p, "SUMMARY:Pair: Dev and Elif\r\n"));
	/* One event a pair, numbered from one; a name alone is a group. */
	assert_non_null(strstr(b.p, "UID:f1-pair1"));
	assert_non_null(strstr(b.p, "UID:f1-pair3"));
	assert_null(strstr(b.p, "UID:f1-pair4"));
	text = unfold(&b);
	assert_non_null(strstr(text, "DESCRIPTION:Reflect on successes and "
	    "failures in living by the principles:\\n- p1\\nPairs:\\n- Ana "
	    "and Ben\\n- Carla\\n- Dev and Elif\r\n"));
	free(text);
	align_buf_release(&b);
}

/* In a zone: local times with TZID and the zone's VTIMEZONE before the
 * events; UNTIL in UTC, or a DATE for a day; the principles' statements,
 * escaped; each pair at its own time. */
static void
test_ics_in_a_zone(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	char *text;

	(void)state;
	assert_int_equal(calendar_in("---\nkind: session\nid: s\n"
	    "title: Alignment\n"
	    "---\nkind: principle\nid: p1\nstatement: \"Stay, listen; "
	    "teach\\\\ learn\"\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-03-03T12:00:00-05:00\n"
	    "every: 1w\nuntil: 2027-04-07\nprinciples: [p1, p9]\n"
	    "pairs: [[Ana, Ben], [Carla, Dev]]\npair_time: \"16:00\"\n"
	    "---\nkind: followup\nid: f2\ndate: 2027-05-05\nevery: 1w\n"
	    "until: 2027-05-26\n", "America/New_York", 1, &b, &e), 0);
	text = unfold(&b);
	assert_non_null(strstr(text, "METHOD:PUBLISH\r\nBEGIN:VTIMEZONE\r\n"
	    "TZID:America/New_York\r\n"));
	assert_true(strstr(text, "END:VTIMEZONE") < strstr(text,
	    "BEGIN:VEVENT"));
	assert_non_null(strstr(text, "DTSTART;TZID=America/New_York:"
	    "20270303T120000\r\n"));
	assert_non_null(strstr(text, "RRULE:FREQ=WEEKLY;INTERVAL=1;"
	    "UNTIL=20270408T035959Z\r\n"));
	assert_non_null(strstr(text, "DTSTART;VALUE=DATE:20270505\r\n"));
	assert_non_null(strstr(text, "UNTIL=20270526\r\n"));
	assert_non_null(strstr(text, "DESCRIPTION:Reflect on successes and "
	    "failures in living by the principles:\\n- Stay\\, listen\\; "
	    "teach\\\\ learn (p1)\\n- p9\\nPairs:\\n- Ana and Ben\\n- "
	    "Carla and Dev\r\n"));
	/* Thursday and Monday before, at the pairs' time. */
	assert_non_null(strstr(text, "UID:f1-pair1\r\nDTSTAMP:20261201T000000Z"
	    "\r\nDTSTART;TZID=America/New_York:20270225T160000\r\n"));
	assert_non_null(strstr(text, "UID:f1-pair2\r\nDTSTAMP:20261201T000000Z"
	    "\r\nDTSTART;TZID=America/New_York:20270301T160000\r\n"));
	free(text);
	align_buf_reset(&b);
	/* With no zone, or UTC: in UTC, no VTIMEZONE. */
	assert_int_equal(calendar_in("---\nkind: followup\nid: f1\n"
	    "date: 2027-03-03T12:00:00-05:00\nevery: 1w\n", "Etc/UTC", 0, &b,
	    &e), 0);
	assert_non_null(strstr(b.p, "DTSTART:20270303T170000Z\r\n"));
	assert_null(strstr(b.p, "VTIMEZONE"));
	assert_null(strstr(b.p, "TZID"));
	align_buf_release(&b);
}

static void
test_bad_round_is_an_error(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	assert_int_equal(calendar_of("---\nkind: followup\nid: f1\n"
	    "date: 2027-01-01\n---\nkind: followup\nid: f2\ndate: soon\n", 0,
	    &b, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_non_null(strstr(e.msg, "f2"));
	align_buf_release(&b);
}

/* A title and a UID of a kilobyte, in many-byte characters: every line
 * at most 75 octets, none cut inside a character, and whole again once
 * unfolded. */
static void
test_long_text_folds_whole(void **state)
{
	struct align_buf in = ALIGN_BUF_INIT, b = ALIGN_BUF_INIT;
	struct align_buf want = ALIGN_BUF_INIT, got = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	size_t i, col = 0;

	(void)state;
	for (i = 0; i < 400; i++)
		align_buf_puts(&want, "\xc3\xa9");	/* é */
	align_buf_printf(&in, "---\nkind: session\nid: s\ntitle: %s\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01\nuid: %s\n",
	    want.p, want.p);
	assert_int_equal(calendar_of(in.p, 0, &b, &e), 0);
	for (i = 0; i < b.len; i++) {
		if (b.p[i] == '\r') {
			assert_true(col <= 75);
			i++;
			col = 0;
			if (i + 1 < b.len && b.p[i + 1] == ' ') {
				i++;	/* a folded line goes on */
				col = 1;
				assert_false(((unsigned char)b.p[i + 1] &
				    0xc0) == 0x80);
			}
			continue;
		}
		align_buf_putc(&got, b.p[i]);
		col++;
	}
	assert_non_null(strstr(got.p, "SUMMARY:Follow-up: "));
	assert_non_null(strstr(got.p, want.p));
	assert_non_null(strstr(strstr(got.p, "UID:"), want.p));
	align_buf_release(&in);
	align_buf_release(&b);
	align_buf_release(&want);
	align_buf_release(&got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ics_cadences),
		cmocka_unit_test(test_ics_in_a_zone),
		cmocka_unit_test(test_bad_round_is_an_error),
		cmocka_unit_test(test_long_text_folds_whole),
	};

	return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
