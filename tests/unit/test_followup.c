/* Pairs, cadence dates, and what is due. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/followup.h"
#include "../../lib/reader.h"
#include "../../lib/writer.h"
#include "helpers.h"
#include <sysexits.h>

static char *people[] = { "Ana", "Ben", "Carla", "Dev", "Elif", "Femi",
	"Greta" };

static void
test_pairs_cover_everyone_once(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *pairs, *again;
	size_t i, j, count = 0, trios = 0;

	(void)state;
	assert_int_equal(align_pairs(people, 7, NULL, 1, &pairs, &e), 0);
	for (i = 0; i < pairs->n; i++) {
		count += pairs->item[i]->n;
		trios += pairs->item[i]->n == 3;
		for (j = 1; j < pairs->item[i]->n; j++)
			assert_true(strcmp(pairs->item[i]->item[j - 1]->str,
			    pairs->item[i]->item[j]->str) < 0);
	}
	assert_int_equal(count, 7);
	assert_int_equal(trios, 1);
	/* The same seed, the same pairs. */
	assert_int_equal(align_pairs(people, 7, NULL, 1, &again, &e), 0);
	assert_true(align_node_equal(pairs, again));
	align_node_free(again);
	align_node_free(pairs);
	assert_int_equal(align_pairs(people, 1, NULL, 1, &pairs, &e), -1);
}

static void
test_no_repeat_while_unused_pairs_exist(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *used = align_seq(), *pairs;
	int round;

	(void)state;
	/* Six people have 15 pairs: five rounds of three without a repeat. */
	for (round = 0; round < 5; round++) {
		size_t i;

		assert_int_equal(align_pairs(people, 6, used, 3, &pairs, &e),
		    0);
		assert_int_equal(align_pairs_repeats(pairs, used), 0);
		for (i = 0; i < pairs->n; i++)
			align_seq_push(used, align_node_copy(pairs->item[i]));
		align_node_free(pairs);
	}
	/* A sixth round must repeat. */
	assert_int_equal(align_pairs(people, 6, used, 3, &pairs, &e), 0);
	assert_true(align_pairs_repeats(pairs, used) > 0);
	align_node_free(pairs);
	align_node_free(used);
}

static struct align_node *
round_rec(const char *date, const char *every, const char *count)
{
	struct align_node *f = align_record_new("followup");

	align_map_put_str(f, "id", "f1");
	align_map_put_str(f, "date", date);
	if (every)
		align_map_put_str(f, "every", every);
	if (count)
		align_map_put_str(f, "count", count);
	return f;
}

static void
test_cadence_dates(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *f = round_rec("2027-01-13T12:00:00-05:00", "2w",
	    "3");
	struct align_round r;
	struct align_time t;
	char out[40];

	(void)state;
	assert_int_equal(align_round_of(f, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 2, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-02-10T12:00:00-05:00");
	assert_int_equal(align_round_at(&r, 3, &t), -1);
	align_node_free(f);
	f = round_rec("2027-01-13", NULL, NULL);
	assert_int_equal(align_round_of(f, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 0, &t), 0);
	assert_int_equal(align_round_at(&r, 1, &t), -1);
	align_node_free(f);
	f = round_rec("soon", NULL, NULL);
	assert_int_equal(align_round_of(f, &r, &e), -1);
	align_node_free(f);
}

static void
test_due_once(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *recs = align_seq(), *s = align_record_new("session");
	struct align_node *l = align_seq(), *m;
	struct align_due *items;
	struct align_time now;
	size_t n;

	(void)state;
	align_map_put_str(s, "id", "s");
	align_seq_push_str(l, "Ana");
	align_seq_push_str(l, "Ben");
	align_map_put(s, "participants", l);
	align_seq_push(recs, s);
	align_seq_push(recs, round_rec("2027-01-13T12:00:00Z", "1w", NULL));
	align_time_parse("2027-01-12T08:00:00Z", &now, &e);
	assert_int_equal(align_due_items(recs, &now, 0, &items, &n, &e), 0);
	assert_int_equal(n, 0);
	free(items);
	/* Three weekly meetings later, cron runs: one reminder, the
	 * latest, and the two people. */
	align_time_parse("2027-01-28T08:00:00Z", &now, &e);
	assert_int_equal(align_due_items(recs, &now, 0, &items, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(items[0].date, "2027-01-27");
	assert_non_null(strstr(items[0].what, "(missed)"));
	/* Marked: not again. */
	m = align_record_new("reminder");
	align_map_put_str(m, "id", items[0].id);
	align_seq_push(recs, m);
	free(items);
	assert_int_equal(align_due_items(recs, &now, 0, &items, &n, &e), 0);
	assert_int_equal(n, 2);
	free(items);
	align_node_free(recs);
}


static const char session[] = "---\nkind: session\nid: s\n"
    "title: Alignment\ndate: 2027-01-06T12:00:00Z\nfacilitator: Ana\n"
    "participants: [Ana, Ben, Carla, Dev]\n"
    "---\nkind: principle\nid: p1\nstatement: We listen.\nagreed: yes\n"
    "---\nkind: principle\nid: p2\nstatement: We teach.\n";

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
	};
	struct align_node *all, *f;
	struct align_round r;
	struct align_time t;
	struct align_err e = ALIGN_ERR_INIT;
	char out[40];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		all = stream(bad[i].rec);
		assert_int_equal(align_round_of(all->item[0], &r, &e), -1);
		assert_int_equal(e.status, EX_DATAERR);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("'%s' lacks '%s'", e.msg, bad[i].msg);
		align_node_free(all);
	}
	/* A day as the end: all of that day. */
	all = stream("---\nkind: followup\nid: f1\n"
	    "date: 2027-01-01T09:00:00Z\nevery: 1w\nuntil: 2027-01-29\n");
	f = all->item[0];
	assert_int_equal(align_round_of(f, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 4, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-01-29T09:00:00Z");
	assert_int_equal(align_round_at(&r, 5, &t), -1);
	assert_int_equal(align_round_at(&r, -1, &t), -1);
	align_node_free(all);
}

/* Cadences other than weeks, ends by count or day, a day without a time,
 * a one-to-one, pairs by event: each as iCalendar says it. */
static void
test_ics_cadences(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "title: Alignment\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n"
	    "every: 2d\ncount: 3\npairs: [[Ana, Ben], Carla, [Dev, Elif]]\n"
	    "principles: [p1]\n"
	    "---\nkind: followup\nid: f2\ndate: 2027-02-01T09:00:00Z\n"
	    "every: 90m\nuntil: 2027-02-02\n"
	    "---\nkind: followup\nid: f3\ndate: 2027-03-01\n"
	    "---\nkind: followup\nid: f4\ndate: 2027-04-01T09:00:00Z\n"
	    "with: Dev\nevery: 1w\n");
	struct align_node *f = align_seq();
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;
	size_t i;

	(void)state;
	for (i = 1; i < all->n; i++)
		align_seq_push(f, align_node_copy(all->item[i]));
	align_time_parse("2026-12-01T00:00:00Z", &now, NULL);
	assert_int_equal(align_followup_ics(&b, all->item[0], f, 1, &now, &e),
	    0);
	assert_non_null(strstr(b.p, "RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3"));
	assert_non_null(strstr(b.p, "RRULE:FREQ=MINUTELY;INTERVAL=90;UNTIL="
	    "20270202T235959Z"));
	assert_non_null(strstr(b.p, "DTSTART;VALUE=DATE:20270301"));
	assert_non_null(strstr(b.p, "RRULE:FREQ=WEEKLY;INTERVAL=1"));
	assert_non_null(strstr(b.p, "DURATION:PT30M"));	/* one-to-one */
	/* One event a pair, numbered from one. */
	assert_non_null(strstr(b.p, "UID:f1-pair1"));
	assert_non_null(strstr(b.p, "UID:f1-pair3"));
	assert_null(strstr(b.p, "UID:f1-pair4"));
	align_buf_release(&b);
	align_node_free(f);
	align_node_free(all);
}

static void
test_plan_refuses_bad_options(void **state)
{
	static const char *const bad_commit[] = { "no colon here" };
	struct align_node *all = stream(session), *out = NULL;
	struct align_followup_opts o;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;
	long at;
	int i;

	(void)state;
	align_time_parse("2027-01-07T00:00:00Z", &now, NULL);
	for (i = 0; i < 6; i++) {
		memset(&o, 0, sizeof(o));
		o.now = &now;
		switch (i) {
		case 0: o.date = "someday"; break;
		case 1: o.every = "often"; break;
		case 2: o.until = "later"; o.every = "1w"; break;
		case 3: o.count = -1; break;
		case 4: o.count = 2; o.until = "2027-06-01"; o.every = "1w";
			break;
		case 5: o.with = "Dev"; o.commit = bad_commit; o.ncommit = 1;
			break;
		}
		e.status = 0;
		assert_int_equal(align_followup_plan(all, &o, &out, &at, &e),
		    -1);
		assert_int_equal(e.status, EX_USAGE);
		assert_null(out);
	}
	/* Without a date: six weeks after the session. */
	memset(&o, 0, sizeof(o));
	o.now = &now;
	assert_int_equal(align_followup_plan(all, &o, &out, &at, &e), 0);
	assert_string_equal(align_map_str(out, "date"),
	    "2027-02-17T12:00:00Z");
	align_node_free(out);
	/* A one-to-one: a week from now, with the facilitator. */
	o.with = "Dev";
	assert_int_equal(align_followup_plan(all, &o, &out, &at, &e), 0);
	assert_string_equal(align_map_str(out, "date"),
	    "2027-01-14T00:00:00Z");
	{
		char *text = NULL;
		struct align_buf b = ALIGN_BUF_INIT;

		align_emit_record(&b, out);
		text = align_buf_detach(&b);
		assert_non_null(strstr(text, "Ana"));
		assert_non_null(strstr(text, "with: Dev"));
		free(text);
	}
	align_node_free(out);
	align_node_free(all);
}

static void
test_checkin_needs_a_round(void **state)
{
	struct align_node *all = stream(session), *out = NULL;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	assert_int_equal(align_checkin_new(all, "Ana", "p1", "success", NULL,
	    NULL, NULL, "2027-03-01T00:00:00Z", &out, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_int_equal(align_checkin_new(all, NULL, "p1", "success", NULL,
	    NULL, NULL, "2027-03-01T00:00:00Z", &out, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_int_equal(align_checkin_new(all, "Ana", "p1", "success", NULL,
	    "f9", NULL, "2027-03-01T00:00:00Z", &out, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_int_equal(align_checkin_new(all, "Ana", "p1", "success", NULL,
	    NULL, NULL, "whenever", &out, &e), -1);
	assert_null(out);
	align_node_free(all);
}

/* Records that are not what they should be are passed over, not
 * trusted: the report still comes, and says what it can. */
static void
test_report_passes_over_odd_records(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n"
	    "pairs: [Ana, [Ben]]\nprinciples: {a: b}\n"
	    "---\nkind: followup\nid: f2\ndate: 2027-02-01T09:00:00Z\n"
	    "with: Dev\ncommitments: x\n"
	    "---\nkind: checkin\nid: c-1\nfollowup: f1\nparticipant: Ana\n"
	    "---\nkind: checkin\nid: c-2\nfollowup: f1\nparticipant: Ben\n"
	    "principle: p1\noutcome: success\nrecognition: Thanks\n"
	    "---\nkind: followup\nid: f3\n");
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	align_followup_report(&b, all, 0, 0);
	assert_false(b.failed);
	assert_non_null(strstr(b.p, "We listen."));
	assert_non_null(strstr(b.p, "Thanks"));
	align_buf_reset(&b);
	align_followup_report(&b, all, 1, 0);
	assert_non_null(strstr(b.p, "We listen."));
	align_buf_release(&b);
	align_node_free(all);
}

/* A one-to-one: its commitments, their check-ins and recognition in the
 * report; its calendar without a session title. */
static void
test_one_to_one_report(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-06T09:00:00Z\n"
	    "with: Dev\nevery: 1w\npairs: [[Ana, Dev]]\n"
	    "commitments:\n  - id: c1\n    participant: Dev\n"
	    "    commitment: asks before deciding\n  - id: c2\n"
	    "    commitment: reviews weekly\n  - odd\n"
	    "---\nkind: checkin\nid: k1\nfollowup: f1\nparticipant: Dev\n"
	    "principle: c1\noutcome: success\nat: 2027-01-06T10:00:00Z\n"
	    "---\nkind: checkin\nid: k2\nfollowup: f1\nparticipant: Dev\n"
	    "principle: c1\noutcome: failure\nat: 2027-01-13T10:00:00Z\n"
	    "recognition: Asked the team first\n");
	struct align_node *f = align_seq();
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;

	(void)state;
	align_followup_report(&b, all, 0, 0);
	assert_non_null(strstr(b.p, "one-to-one with Dev"));
	assert_non_null(strstr(b.p, "c1 Dev: asks before deciding (1 success, "
	    "0 mixed, 1 failure)"));
	/* No participant shows as such; what is not a commitment, not. */
	assert_non_null(strstr(b.p, "c2 ?: reviews weekly (0 successes"));
	assert_null(strstr(b.p, "(null)"));
	assert_non_null(strstr(b.p, "Asked the team first"));
	align_buf_reset(&b);
	align_followup_report(&b, all, 1, 0);
	assert_non_null(strstr(b.p, "## f1: one-to-one with Dev"));
	align_buf_reset(&b);
	align_seq_push(f, align_node_copy(all->item[1]));
	align_time_parse("2026-12-01T00:00:00Z", &now, NULL);
	assert_int_equal(align_followup_ics(&b, all->item[0], f, 0, &now, &e),
	    0);
	assert_non_null(strstr(b.p, "DURATION:PT30M"));
	align_buf_release(&b);
	align_node_free(f);
	align_node_free(all);
}

/* Earlier rounds that are not lists of names count for nothing. */
static void
test_pairs_past_odd_rounds(void **state)
{
	struct align_node *all = stream("---\nkind: x\nused: [[Ana, [Ben]], "
	    "Carla, [Dev, Elif], {a: b}]\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *pairs;

	(void)state;
	assert_int_equal(align_pairs(people, 4, align_map_get(all->item[0],
	    "used"), 1, &pairs, &e), 0);
	assert_int_equal(pairs->n, 2);
	assert_int_equal(align_pairs_repeats(pairs, align_map_get(all->item[0],
	    "used")), 0);
	align_node_free(pairs);
	align_node_free(all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs_cover_everyone_once),
		cmocka_unit_test(test_no_repeat_while_unused_pairs_exist),
		cmocka_unit_test(test_cadence_dates),
		cmocka_unit_test(test_due_once),
		cmocka_unit_test(test_bad_rounds_are_named),
		cmocka_unit_test(test_ics_cadences),
		cmocka_unit_test(test_plan_refuses_bad_options),
		cmocka_unit_test(test_checkin_needs_a_round),
		cmocka_unit_test(test_report_passes_over_odd_records),
		cmocka_unit_test(test_one_to_one_report),
		cmocka_unit_test(test_pairs_past_odd_rounds),
	};

	return cmocka_run_group_tests_name("followup", tests, NULL, NULL);
}
