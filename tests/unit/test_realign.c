/* A one-to-one realignment as a view: its weeks, each goal's trend and
 * target, each commitment's state, the flags; and its renderers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/reader.h"
#include "../../lib/realign.h"
#include "helpers.h"

static const char one[] = "---\nkind: session\nid: s\n"
    "---\nkind: followup\nid: f1\ndate: \"2027-02-08T10:00:00Z\"\n"
    "every: 1w\ncount: 6\nwith: Vic\npairs: [[Cleo, Vic]]\n"
    "root_cause: <b>pay</b>\nsupport: [A desk]\n"
    "goals:\n- id: g1\n  goal: Margin\n  target: \"38\"\n  unit: \"%\"\n"
    "- id: g2\n  goal: Discount rate\n  measure: average discount\n"
    "  target: \"15\"\n- A story\n"
    "commitments:\n- id: c1\n  participant: Vic\n  commitment: Desk\n"
    "- id: c2\n  participant: Vic\n  commitment: Dashboard\n"
    "  due: \"2027-02-20\"\n"
    "- id: c3\n  participant: Cleo\n  commitment: Plan\n"
    "  due: \"2027-02-20\"\n  done: \"2027-02-19\"\n"
    "---\nkind: review\nid: f1-w1\nfollowup: f1\ndate: \"2027-02-08\"\n"
    "values: {g1: \"33\", g2: \"22\"}\noutcomes: {c1: failure}\n"
    "---\nkind: review\nid: f1-w2\nfollowup: f1\ndate: \"2027-02-15\"\n"
    "values: {g1: \"36.25\", g2: \"14\"}\noutcomes: {c1: failure}\n"
    "note: \"<script>x</script>\"\n"
    "---\nkind: review\nid: f1-w4\nfollowup: f1\ndate: \"2027-03-01\"\n"
    "values: {g1: \"39\"}\noutcomes: {c1: failure}\n"
    "recognition: Thanks\n"
    "---\nkind: checkin\nid: k1\nfollowup: f1\nparticipant: Vic\n"
    "principle: c1\noutcome: success\nrecognition: Thanks\n"
    "at: \"2027-03-01T12:00:00Z\"\n";

/* The view of one seen at day (noon UTC) into *p, with the records. */
static struct align_node *
make(const char *day, struct align_realign **p, struct align_rounds *rs)
{
	struct align_node *all = stream(one);
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;
	char at[40];

	snprintf(at, sizeof(at), "%sT12:00:00Z", day);
	assert_int_equal(align_time_parse(at, &now, NULL), 0);
	assert_int_equal(align_rounds_read(rs, all, &e), 0);
	assert_int_equal(align_realign_make(p, rs, &rs->round[0].v, &now,
	    &e), 0);
	return all;
}

static void
test_the_weeks_and_the_missed(void **state)
{
	struct align_realign *p;
	struct align_rounds rs;
	struct align_node *all = make("2027-03-08", &p, &rs);

	(void)state;
	assert_int_equal(p->nweek, 5);		/* the 8th: today's */
	assert_int_equal(p->nreviewed, 3);
	assert_int_equal(p->nmissed, 1);	/* the 22nd */
	assert_true(p->week[2].missed);
	assert_false(p->week[4].missed);	/* today: not yet */
	assert_int_equal(p->nflag, 2);
	assert_int_equal(p->flag[0].kind, ALIGN_REALIGN_FAILED_TWICE);
	assert_string_equal(p->flag[0].id, "c1");
	assert_string_equal(p->flag[0].day, "2027-02-08");
	assert_string_equal(p->flag[0].day2, "2027-02-15");
	assert_int_equal(p->flag[1].kind, ALIGN_REALIGN_MISSED);
	assert_string_equal(p->flag[1].day, "2027-02-22");
	/* The same recognition in a review and a check-in: once. */
	assert_int_equal(p->nrecognition, 1);
	assert_string_equal(p->recognition[0].day, "2027-03-01");
	align_realign_free(p);
	align_rounds_release(&rs);
	align_node_free(all);
}

static void
test_goals_and_commitments(void **state)
{
	struct align_realign *p;
	struct align_rounds rs;
	struct align_node *all = make("2027-03-08", &p, &rs);

	(void)state;
	assert_int_equal(p->ngoal, 3);
	assert_int_equal(p->goal[0].nvalue, 3);
	assert_true(isnan(p->goal[0].value[2]));
	assert_true(p->goal[0].last == 39);
	assert_string_equal(p->goal[0].reached, "2027-03-01");
	/* Starting above its target, a goal aims down. */
	assert_string_equal(p->goal[1].reached, "2027-02-15");
	assert_false(p->goal[2].measured);	/* text alone */
	assert_null(p->goal[2].id);
	assert_int_equal(p->commitment[0].state, ALIGN_REALIGN_ON_TRACK);
	assert_int_equal(p->commitment[1].state, ALIGN_REALIGN_OVERDUE);
	assert_int_equal(p->commitment[2].state, ALIGN_REALIGN_DONE);
	assert_true(p->commitment[0].checked);
	assert_int_equal(p->commitment[0].checkins[0], 1);
	align_realign_free(p);
	align_rounds_release(&rs);
	align_node_free(all);
	/* On its due day a commitment is not overdue yet. */
	all = make("2027-02-20", &p, &rs);
	assert_int_equal(p->commitment[1].state, ALIGN_REALIGN_ON_TRACK);
	align_realign_free(p);
	align_rounds_release(&rs);
	align_node_free(all);
}

static void
test_numbers_and_levels(void **state)
{
	char n[32];

	(void)state;
	align_realign_number(38, n);
	assert_string_equal(n, "38");
	align_realign_number(36.5, n);
	assert_string_equal(n, "36.5");
	align_realign_number(39.254, n);
	assert_string_equal(n, "39.25");
	align_realign_number(-0.001, n);
	assert_string_equal(n, "0");
	assert_int_equal(align_realign_level(33, 33, 39), 0);
	assert_int_equal(align_realign_level(39, 33, 39), 7);
	assert_int_equal(align_realign_level(36, 33, 39), 4);
	assert_int_equal(align_realign_level(5, 5, 5), 3);	/* flat */
}

/* The rendering of one in format f at day. */
static char *
shown(enum align_format f, const char *day)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = f, .width = 80 };
	struct align_realign *p;
	struct align_rounds rs;
	struct align_node *all = make(day, &p, &rs);

	if (f == ALIGN_FMT_TEXT)
		align_realign_text(p, &s);
	else if (f == ALIGN_FMT_MARKDOWN)
		align_realign_markdown(p, &s);
	else
		align_realign_html(p, &s);
	assert_false(b.failed);
	align_realign_free(p);
	align_rounds_release(&rs);
	align_node_free(all);
	return align_buf_detach(&b);
}

static void
test_the_renderers(void **state)
{
	char *t = shown(ALIGN_FMT_TEXT, "2027-03-08");
	char *m = shown(ALIGN_FMT_MARKDOWN, "2027-03-08");
	char *h = shown(ALIGN_FMT_HTML, "2027-03-08");

	(void)state;
	assert_non_null(strstr(t, "\nf1: one-to-one with Vic (3 reviews, 1 "
	    "missed)\n"));
	assert_non_null(strstr(t, "\n     \xe2\x96\x81\xe2\x96\x85 \xe2\x96\x88 "
	    "  33 \xe2\x86\x92 39 %, target 38: reached 2027-03-01\n"));
	assert_non_null(strstr(t, "\n     on track  \xe2\x9c\x97\xe2\x9c\x97"
	    "\xc2\xb7\xe2\x9c\x97\xc2\xb7\n"));
	assert_non_null(strstr(t, "\n     overdue since 2027-02-20  "));
	assert_non_null(strstr(t, "\n  2027-02-22 missed: no review\n"));
	assert_non_null(strstr(t, "\n  ! c1 failed two reviews in a row "
	    "(2027-02-08, 2027-02-15)\n"));
	assert_non_null(strstr(t, "\n  ! no review of the meeting on "
	    "2027-02-22\n"));
	assert_non_null(strstr(m, "| 2027-02-22 |  |  |  |  |  | **missed** |"));
	assert_non_null(strstr(m, "<b\\>pay</b\\>") || strstr(m,
	    "\\<b\\>pay\\</b\\>"));
	assert_null(strstr(h, "<script>x"));	/* user text escaped */
	assert_non_null(strstr(h, "&lt;script&gt;x"));
	assert_null(strstr(h, "<b>pay"));
	assert_non_null(strstr(h, "aria-label=\"2027-02-08 33, 2027-02-15 "
	    "36.25, 2027-03-01 39; target 38\""));
	free(t);
	free(m);
	free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_weeks_and_the_missed),
		cmocka_unit_test(test_goals_and_commitments),
		cmocka_unit_test(test_numbers_and_levels),
		cmocka_unit_test(test_the_renderers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
