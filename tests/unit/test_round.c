/* Rounds: the records of step 8 read once, a round's people, and the
 * dates of a cadence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/buf.h"
#include "../../lib/reader.h"
#include "../../lib/round.h"
#include "helpers.h"

/* The dates of the only round of text. */
static int
round_in(const char *text, struct align_round *r, struct align_err *e)
{
	struct align_node *all = stream(text);
	struct align_view v;
	int rc;

	assert_int_equal(align_view(&v, all->item[0], NULL), 0);
	rc = align_round_of(&v, NULL, r, e);
	align_view_release(&v);
	align_node_free(all);
	return rc;
}

static void
test_cadence_dates(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_round r;
	struct align_time t;
	char out[40];

	(void)state;
	assert_int_equal(round_in("---\nkind: followup\nid: f1\ndate: "
	    "2027-01-13T12:00:00-05:00\nevery: 2w\ncount: 3\n", &r, &e), 0);
	assert_int_equal(align_round_at(&r, 2, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-02-10T12:00:00-05:00");
	assert_int_equal(align_round_at(&r, 3, &t), -1);
	assert_int_equal(round_in("---\nkind: followup\nid: f1\n"
	    "date: 2027-01-13\n", &r, &e), 0);
	assert_int_equal(align_round_at(&r, 0, &t), 0);
	assert_int_equal(align_round_at(&r, 1, &t), -1);
}

/* A follow-up record that cannot be read says which and why. */
static void
test_bad_rounds_are_named(void **state)
{
	static const struct { const char *rec, *msg; } bad[] = {
		{ "---\nkind: followup\nid: f1\n", "f1: no date" },
		{ "---\nkind: followup\nid: f1\ndate: soon\n", "f1:" },
		{ "---\nkind: followup\nid: f1\ndate: 2027-01-01\n"
		    "every: often\n", "f1: every:" },
		{ "---\nkind: followup\nid: f1\ndate: 2027-01-01\n"
		    "every: 1w\nuntil: later\n", "f1: until:" },
		{ "---\nkind: followup\ndate: 2027-01-01\nevery: often\n",
		    "follow-up ?: every:" },
	};
	struct align_round r;
	struct align_time t;
	struct align_err e = ALIGN_ERR_INIT;
	char out[40];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(round_in(bad[i].rec, &r, &e), -1);
		assert_int_equal(e.status, EX_DATAERR);
		assert_int_equal(e.line, 2);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("'%s' lacks '%s'", e.msg, bad[i].msg);
	}
	/* A day as the end: all of that day. */
	assert_int_equal(round_in("---\nkind: followup\nid: f1\n"
	    "date: 2027-01-01T09:00:00Z\nevery: 1w\nuntil: 2027-01-29\n", &r,
	    &e), 0);
	assert_int_equal(align_round_at(&r, 4, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-01-29T09:00:00Z");
	assert_int_equal(align_round_at(&r, 5, &t), -1);
	assert_int_equal(align_round_at(&r, -1, &t), -1);
}

/* In a zone, a cadence of days keeps its local time across a change of
 * offset; one of minutes keeps its interval; a last day ends at the
 * zone's midnight. */
static void
test_cadence_in_a_zone(void **state)
{
	struct align_node *all = stream("---\nkind: followup\nid: f1\n"
	    "date: 2027-03-03T12:00:00-05:00\nevery: 1w\ncount: 6\n"
	    "---\nkind: followup\nid: f2\ndate: 2027-03-13T12:00:00-05:00\n"
	    "every: 12h\n---\nkind: followup\nid: f3\n"
	    "date: 2027-03-03T20:00:00-05:00\nevery: 1w\nuntil: 2027-03-17\n"
	    "pair_time: \"25:00\"\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_zone *ny;
	struct align_view v;
	struct align_round r;
	struct align_time t;
	char out[40];

	(void)state;
	assert_int_equal(align_zone_load(&ny, "America/New_York", &e), 0);
	assert_int_equal(align_view(&v, all->item[0], NULL), 0);
	assert_int_equal(align_round_of(&v, ny, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 2, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-17T12:00:00-04:00");
	assert_int_equal(align_round_at(&r, 1, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-10T12:00:00-05:00");
	/* Without the zone: an hour later, locally, after the change. */
	assert_int_equal(align_round_of(&v, NULL, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 2, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-17T12:00:00-05:00");
	align_view_release(&v);
	assert_int_equal(align_view(&v, all->item[1], NULL), 0);
	assert_int_equal(align_round_of(&v, ny, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 2, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-14T13:00:00-04:00");
	align_view_release(&v);
	/* The last day, all of it in New York: 20:00 on the 17th is in. */
	assert_int_equal(align_view(&v, all->item[2], NULL), 0);
	assert_int_equal(align_round_of(&v, ny, &r, &e), -1);
	assert_non_null(strstr(e.msg, "f3: pair_time: '25:00'"));
	align_view_release(&v);
	align_node_free(all);
	all = stream("---\nkind: followup\nid: f3\n"
	    "date: 2027-03-03T20:00:00-05:00\nevery: 1w\nuntil: 2027-03-17\n");
	assert_int_equal(align_view(&v, all->item[0], NULL), 0);
	assert_int_equal(align_round_of(&v, ny, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 2, &t), 0);
	assert_int_equal(align_round_at(&r, 3, &t), -1);
	align_view_release(&v);
	align_node_free(all);
	align_zone_free(ny);
}

/* The pairs meet on the working days of the six before the round's, in
 * order, at the round's time or their own; with a shorter cadence, in
 * the days before the next occurrence. */
static void
test_pair_meetings(void **state)
{
	static const char *const want[] = { "2027-03-11T12:00:00-05:00",
	    "2027-03-11T12:00:00-05:00", "2027-03-12T12:00:00-05:00",
	    "2027-03-15T12:00:00-04:00", "2027-03-16T12:00:00-04:00" };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_zone *ny;
	struct align_round r;
	struct align_time t;
	char out[40];
	size_t k;
	int m;

	(void)state;
	assert_int_equal(align_zone_load(&ny, "America/New_York", &e), 0);
	memset(&r, 0, sizeof(r));
	r.zone = ny;
	r.pair_time = -1;
	/* Wednesday 17 March, at noon: Thursday to Tuesday before, four
	 * working days for five pairs. */
	assert_int_equal(align_time_parse("2027-03-17T16:00:00Z", &t, NULL), 0);
	r.date = align_time_in(ny, t.t);
	align_time_format(&r.date, out);
	assert_string_equal(out, "2027-03-17T12:00:00-04:00");
	for (k = 0; k < 5; k++) {
		t = align_round_pair_at(&r, k, 5);
		align_time_format(&t, out);
		assert_string_equal(out, want[k]);
	}
	t = align_round_pair_at(&r, 1, 2);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-15T12:00:00-04:00");
	assert_int_equal(align_pair_time_parse("16:30", &m), 0);
	assert_int_equal(m, 16 * 60 + 30);
	r.pair_time = m;
	t = align_round_pair_at(&r, 0, 1);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-11T16:30:00-05:00");
	/* Every two days: the day between. */
	r.every = 2 * 24 * 60;
	t = align_round_pair_at(&r, 0, 3);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-16T16:30:00-04:00");
	/* Daily: the day itself. */
	r.every = 24 * 60;
	t = align_round_pair_at(&r, 2, 3);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-17T16:30:00-04:00");
	/* A round on a date alone: its pairs on dates alone. */
	r.every = 0;
	r.pair_time = -1;
	align_time_parse("2027-03-17", &r.date, NULL);
	t = align_round_pair_at(&r, 0, 1);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-03-11");
	assert_int_equal(align_pair_time_parse("24:00", &m), -1);
	assert_int_equal(align_pair_time_parse("9:00", &m), -1);
	assert_int_equal(align_pair_time_parse("09:60", &m), -1);
	align_zone_free(ny);
}

/* The step's zone: an option, else the session's, else the system's
 * when it agrees with the session's date; the session told to keep it. */
static void
test_the_steps_zone(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "date: 2027-02-03T12:00:00-05:00\n");
	struct align_node *kept = stream("---\nkind: session\nid: s\n"
	    "date: 2027-02-03T12:00:00-05:00\ntz: America/New_York\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rounds rs;
	const char *was = getenv("TZ");
	char *keep = was ? strdup(was) : NULL;

	(void)state;
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	setenv("TZ", "UTC", 1);
	assert_int_equal(align_rounds_zone(&rs, NULL, &e), 0);
	assert_null(rs.zone);
	setenv("TZ", "Europe/Berlin", 1);	/* +01:00: not the session's */
	assert_int_equal(align_rounds_zone(&rs, NULL, &e), 0);
	assert_null(rs.zone);
	setenv("TZ", "America/New_York", 1);
	assert_int_equal(align_rounds_zone(&rs, NULL, &e), 0);
	assert_string_equal(align_zone_name(rs.zone), "America/New_York");
	assert_true(rs.zone_new);
	assert_int_equal(align_rounds_zone(&rs, "Europe/Berlin", &e), 0);
	assert_string_equal(align_zone_name(rs.zone), "Europe/Berlin");
	assert_int_equal(align_rounds_zone(&rs, "Nowhere/Atall", &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_non_null(strstr(e.msg, "--tz: 'Nowhere/Atall'"));
	align_rounds_release(&rs);
	assert_int_equal(align_rounds_read(&rs, kept, &e), 0);
	setenv("TZ", "UTC", 1);
	assert_int_equal(align_rounds_zone(&rs, NULL, &e), 0);
	assert_string_equal(align_zone_name(rs.zone), "America/New_York");
	assert_false(rs.zone_new);
	assert_int_equal(align_rounds_zone(&rs, "America/New_York", &e), 0);
	assert_false(rs.zone_new);
	align_rounds_release(&rs);
	if (keep)
		setenv("TZ", keep, 1);
	else
		unsetenv("TZ");
	free(keep);
	align_node_free(all);
	align_node_free(kept);
}

/* The records by kind, in order, the first session only; others left. */
static void
test_rounds_read_by_kind(void **state)
{
	struct align_node *all = stream("---\nkind: response\nid: r1\n"
	    "---\nkind: session\nid: s1\ntitle: One\n"
	    "---\nkind: followup\nid: f1\n---\nkind: session\nid: s2\n"
	    "---\nkind: principle\nid: p1\n---\nkind: checkin\nid: k1\n"
	    "---\nkind: followup\nid: f2\n---\nkind: reminder\nid: m1\n"
	    "---\nkind: unknown\nid: u1\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rounds rs;

	(void)state;
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_non_null(rs.session);
	assert_string_equal(rs.session->id, "s1");
	assert_int_equal(rs.nround, 2);
	assert_string_equal(rs.round[1].v.id, "f2");
	assert_int_equal(rs.round[0].at, 2);
	assert_int_equal(rs.round[1].at, 6);
	assert_int_equal(rs.nprinciple, 1);
	assert_int_equal(rs.ncheckin, 1);
	assert_int_equal(rs.nreminder, 1);
	align_rounds_release(&rs);
	align_node_free(all);
}

/* A round's people: its pairs', else the session's, however many. */
static void
test_round_people(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	struct align_rounds rs;
	struct align_texts who;
	size_t i;

	(void)state;
	align_buf_puts(&b, "---\nkind: session\nid: s\nparticipants: [");
	for (i = 0; i < 600; i++)
		align_buf_printf(&b, "%sP%zu", i ? ", " : "", i);
	align_buf_puts(&b, "]\n---\nkind: followup\nid: f1\n"
	    "---\nkind: followup\nid: f2\npairs: [[Ana, Ben], [Cy, Di, Ed]]\n"
	    "---\nkind: checkin\nid: k\nfollowup: f2\nparticipant: Cy\n");
	all = stream(b.p);
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_round_people(&rs, &rs.round[0].v.u.followup,
	    &who, &e), 0);
	assert_int_equal(who.n, 600);
	assert_string_equal(who.v[599], "P599");
	free(who.v);
	assert_int_equal(align_round_people(&rs, &rs.round[1].v.u.followup,
	    &who, &e), 0);
	assert_int_equal(who.n, 5);
	assert_string_equal(who.v[4], "Ed");
	free(who.v);
	assert_true(align_round_checked_in(&rs, "f2", "Cy"));
	assert_false(align_round_checked_in(&rs, "f1", "Cy"));
	assert_false(align_round_checked_in(&rs, "f2", "Ana"));
	align_rounds_release(&rs);
	align_node_free(all);
	align_buf_release(&b);
}

/* The check-ins of a round, and of a round and principle, in the
 * canonical order (by time, none first, then id), each once; none of a round or a
 * principle no check-in names; a round, a principle and a person of the
 * same name kept apart. */
static void
test_round_checkins(void **state)
{
	struct align_node *all = stream("---\nkind: followup\nid: f1\n"
	    "---\nkind: checkin\nid: k3\nfollowup: f1\nparticipant: Ana\n"
	    "principle: p1\nat: \"2027-01-03T09:00:00Z\"\n"
	    "---\nkind: checkin\nid: k1\nfollowup: f1\nparticipant: Ben\n"
	    "principle: p1\nat: \"2027-01-01T09:00:00Z\"\n"
	    "---\nkind: checkin\nid: k2\nfollowup: f1\nparticipant: Ana\n"
	    "principle: p2\nat: \"2027-01-02T09:00:00Z\"\n"
	    "---\nkind: checkin\nid: k4\nfollowup: f1\nparticipant: f2\n"
	    "---\nkind: checkin\nid: k5\nfollowup: f2\nprinciple: f1\n"
	    "---\nkind: checkin\nid: k6\nparticipant: Cy\nprinciple: p1\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rounds rs;
	const size_t *at;
	size_t n;

	(void)state;
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(rs.ncheckin, 6);
	at = align_round_checkins(&rs, "f1", "p1", &n);
	assert_int_equal(n, 2);
	assert_string_equal(rs.checkin[at[0]].v.id, "k1");
	assert_string_equal(rs.checkin[at[1]].v.id, "k3");
	at = align_round_checkins(&rs, "f1", NULL, &n);
	assert_int_equal(n, 4);
	assert_string_equal(rs.checkin[at[0]].v.id, "k4");	/* no time */
	assert_string_equal(rs.checkin[at[1]].v.id, "k1");
	assert_string_equal(rs.checkin[at[2]].v.id, "k2");
	assert_string_equal(rs.checkin[at[3]].v.id, "k3");
	at = align_round_checkins(&rs, "f2", "f1", &n);
	assert_int_equal(n, 1);
	assert_string_equal(rs.checkin[at[0]].v.id, "k5");
	assert_null(align_round_checkins(&rs, "f1", "p3", &n));
	assert_int_equal(n, 0);
	assert_null(align_round_checkins(&rs, "f3", NULL, &n));
	assert_int_equal(n, 0);
	assert_null(align_round_checkins(&rs, "p1", NULL, &n));
	assert_true(align_round_checked_in(&rs, "f1", "Ana"));
	assert_true(align_round_checked_in(&rs, "f1", "f2"));
	assert_false(align_round_checked_in(&rs, "f2", "f1"));
	assert_false(align_round_checked_in(&rs, "f2", "Ana"));
	assert_false(align_round_checked_in(&rs, "f1", "Cy"));
	assert_false(align_round_checked_in(&rs, "f1", "Dee"));
	align_rounds_release(&rs);
	align_node_free(all);
	/* No check-ins: none anywhere. */
	all = stream("---\nkind: followup\nid: f1\n");
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_null(align_round_checkins(&rs, "f1", NULL, &n));
	assert_int_equal(n, 0);
	assert_false(align_round_checked_in(&rs, "f1", "Ana"));
	align_rounds_release(&rs);
	align_node_free(all);
}

/* Who has checked in on a round of 20,000, each found by the set. */
static void
test_round_checked_in_many(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	struct align_rounds rs;
	const size_t *at;
	char who[32];
	size_t i, n;

	(void)state;
	align_buf_puts(&b, "---\nkind: followup\nid: f1\n");
	for (i = 0; i < 20000; i += 2)
		align_buf_printf(&b, "---\nkind: checkin\nid: k%05zu\n"
		    "followup: f1\nparticipant: P%zu\nprinciple: p%zu\n", i,
		    i, i % 3);
	all = stream(b.p);
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	for (i = 0; i < 20000; i++) {
		snprintf(who, sizeof(who), "P%zu", i);
		if (align_round_checked_in(&rs, "f1", who) != (i % 2 == 0))
			fail_msg("%s: checked in %d", who,
			    align_round_checked_in(&rs, "f1", who));
	}
	at = align_round_checkins(&rs, "f1", "p1", &n);
	assert_int_equal(n, 3333);
	for (i = 1; i < n; i++)
		assert_true(at[i - 1] < at[i]);
	align_rounds_release(&rs);
	align_node_free(all);
	align_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cadence_dates),
		cmocka_unit_test(test_bad_rounds_are_named),
		cmocka_unit_test(test_cadence_in_a_zone),
		cmocka_unit_test(test_pair_meetings),
		cmocka_unit_test(test_the_steps_zone),
		cmocka_unit_test(test_rounds_read_by_kind),
		cmocka_unit_test(test_round_people),
		cmocka_unit_test(test_round_checkins),
		cmocka_unit_test(test_round_checked_in_many),
	};

	return cmocka_run_group_tests_name("round", tests, NULL, NULL);
}
