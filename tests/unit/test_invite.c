/* The invitation: an event of a day, one with a time and a length, and
 * none without a date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/invite.h"
#include "../../lib/reader.h"
#include "helpers.h"

static int
invite(struct align_buf *b, const char *yaml, struct align_err *e)
{
	struct align_node *all = stream(yaml);
	struct align_agenda v;
	struct align_time now;
	int rc;

	align_time_parse("2026-11-20T10:00:00Z", &now, NULL);
	if ((rc = align_agenda_make(&v, all->item[0], e)) == 0) {
		rc = align_invite_ics(&v, &now, b, e);
		align_agenda_release(&v);
	}
	align_node_free(all);
	return rc;
}

static void
test_an_invitation_of_a_day(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	assert_int_equal(invite(&b, "---\nkind: session\nid: s\n"
	    "title: Offsite\ndate: 2026-12-02\nplace: Room 4\n"
	    "participants: [Ana, Carla]\n", &e), 0);
	assert_non_null(strstr(b.p, "DTSTART;VALUE=DATE:20261202"));
	assert_non_null(strstr(b.p, "LOCATION:Room 4"));
	assert_non_null(strstr(b.p, "UID:s\r\n"));
	assert_non_null(strstr(b.p, "SEQUENCE:0\r\n"));
	assert_null(strstr(b.p, "DURATION"));
	align_buf_release(&b);
}

static void
test_an_invitation_in_time(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	assert_int_equal(invite(&b, "---\nkind: session\nid: s\nuid: s-1@x\n"
	    "date: \"2026-12-02T12:00:00-05:00\"\nduration: 90m\n"
	    "sequence: 3\nfacilitator: Eric\n", &e), 0);
	assert_non_null(strstr(b.p, "UID:s-1@x\r\n"));
	assert_non_null(strstr(b.p, "DTSTAMP:20261120T100000Z\r\n"));
	assert_non_null(strstr(b.p, "DTSTART:20261202T170000Z\r\n"));
	assert_non_null(strstr(b.p, "DURATION:PT1H30M\r\n"));
	assert_non_null(strstr(b.p, "SEQUENCE:3\r\n"));
	assert_non_null(strstr(b.p, "SUMMARY:Leadership alignment\r\n"));
	assert_non_null(strstr(b.p, "Facilitator: Eric"));
	assert_null(strstr(b.p, "Participants"));
	align_buf_release(&b);
}

/* In the session's zone: local time, its TZID and VTIMEZONE, as the
 * follow-up calendars; the system's zone too, when it gives the session's
 * offset. */
static void
test_an_invitation_in_its_zone(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	const char *s = "---\nkind: session\nid: s\n"
	    "date: \"2027-01-05T12:00:00-05:00\"\nduration: 90m\n";

	(void)state;
	assert_int_equal(invite(&b, "---\nkind: session\nid: s\n"
	    "date: \"2027-01-05T12:00:00-05:00\"\ntz: America/New_York\n"
	    "duration: 90m\n", &e), 0);
	assert_non_null(strstr(b.p, "METHOD:PUBLISH\r\nBEGIN:VTIMEZONE\r\n"
	    "TZID:America/New_York\r\n"));
	assert_non_null(strstr(b.p, "END:VTIMEZONE\r\nBEGIN:VEVENT\r\n"));
	assert_non_null(strstr(b.p, "DTSTART;TZID=America/New_York:"
	    "20270105T120000\r\nDURATION:PT1H30M\r\n"));
	align_buf_reset(&b);
	setenv("TZ", "America/New_York", 1);
	assert_int_equal(invite(&b, s, &e), 0);
	assert_non_null(strstr(b.p, "DTSTART;TZID=America/New_York:"
	    "20270105T120000\r\n"));
	align_buf_reset(&b);
	setenv("TZ", "Europe/Paris", 1);	/* not the session's offset */
	assert_int_equal(invite(&b, s, &e), 0);
	assert_non_null(strstr(b.p, "DTSTART:20270105T170000Z\r\n"));
	assert_null(strstr(b.p, "VTIMEZONE"));
	align_buf_reset(&b);
	assert_int_equal(invite(&b, "---\nkind: session\nid: s\n"
	    "date: \"2027-01-05T12:00:00-05:00\"\ntz: Mars/Olympus\n", &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	setenv("TZ", "UTC", 1);
	align_buf_release(&b);
}

/* A one-to-one's: weekly, for the two, at its local time, the
 * practice's agenda in it, private. */
static void
test_a_one_to_one_invitation(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "title: One-to-one with Vic\ndate: \"2027-02-08T10:00:00-05:00\"\n"
	    "tz: America/New_York\nduration: 45m\n"
	    "participants: [Cleo, Vic]\npractice: one-to-one\nwith: Vic\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_agenda v;
	struct align_time now;

	(void)state;
	align_time_parse("2027-02-01T10:00:00Z", &now, NULL);
	assert_int_equal(align_agenda_make(&v, all->item[0], &e), 0);
	assert_true(v.one_to_one);
	assert_int_equal(v.nparts, 5);
	assert_string_equal(v.part[0].name, "Listen");
	assert_string_equal(v.part[3].name, "Commit");
	assert_int_equal(align_invite_one_to_one_ics(&v, &now, 6, &b, &e), 0);
	assert_non_null(strstr(b.p, "BEGIN:VTIMEZONE\r\nTZID:America/New_York"));
	assert_non_null(strstr(b.p, "DTSTART;TZID=America/New_York:"
	    "20270208T100000\r\nDURATION:PT45M\r\n"
	    "RRULE:FREQ=WEEKLY;COUNT=6\r\n"));
	assert_non_null(strstr(b.p, "CLASS:PRIVATE\r\n"));
	assert_non_null(strstr(b.p, "- Listen ("));
	assert_non_null(strstr(b.p, "Between the two of you: Cleo and Vic."));
	align_agenda_release(&v);
	align_buf_release(&b);
	align_node_free(all);
}

static void
test_no_invitation_without_a_date(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	assert_int_equal(invite(&b, "---\nkind: session\nid: s\n", &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_non_null(strstr(e.msg, "no date"));
	align_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_invitation_of_a_day),
		cmocka_unit_test(test_an_invitation_in_time),
		cmocka_unit_test(test_an_invitation_in_its_zone),
		cmocka_unit_test(test_no_invitation_without_a_date),
		cmocka_unit_test(test_a_one_to_one_invitation),
	};

	setenv("TZ", "UTC", 1);	/* a session without tz: in UTC */
	return cmocka_run_group_tests_name("invite", tests, NULL, NULL);
}
