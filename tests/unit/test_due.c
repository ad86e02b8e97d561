/* What is due for cron: a meeting once, a missed one caught up once,
 * who has not checked in; names and titles of any length whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/due.h"
#include "../../lib/reader.h"
#include "helpers.h"

/* The items due at now of the records of text, into *l. */
static int
due_in(const char *text, const char *now, long within,
    struct align_due_list *l, struct align_node **all)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rounds rs;
	struct align_time t;
	int rc;

	*all = stream(text);
	assert_int_equal(align_time_parse(now, &t, NULL), 0);
	assert_int_equal(align_rounds_read(&rs, *all, &e), 0);
	rc = align_due_items(&rs, &t, within, ALIGN_DUE_AGAIN, l, &e);
	align_rounds_release(&rs);
	return rc;
}

static const char weekly[] = "---\nkind: session\nid: s\n"
    "participants: [Ana, Ben]\n"
    "---\nkind: followup\nid: f1\ndate: 2027-01-13T12:00:00Z\nevery: 1w\n";

static void
test_due_once(void **state)
{
	struct align_due_list l;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_node *all;

	(void)state;
	assert_int_equal(due_in(weekly, "2027-01-12T08:00:00Z", 0, &l, &all),
	    0);
	assert_int_equal(l.n, 0);
	align_due_release(&l);
	align_node_free(all);
	/* Within two days: the meeting, not yet the check-ins. */
	assert_int_equal(due_in(weekly, "2027-01-12T08:00:00Z", 2 * 24 * 60,
	    &l, &all), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].what, "follow-up meeting: Leadership "
	    "alignment (due tomorrow)");
	align_due_release(&l);
	align_node_free(all);
	/* Three weekly meetings later, cron runs: one reminder, the
	 * latest, and the two people. */
	assert_int_equal(due_in(weekly, "2027-01-28T08:00:00Z", 0, &l, &all),
	    0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].date, "2027-01-27");
	assert_string_equal(l.v[0].followup, "f1");
	assert_string_equal(l.v[0].what, "follow-up meeting: Leadership "
	    "alignment (missed)");
	assert_string_equal(l.v[2].what, "Ben has not checked in");
	/* Marked: not again. */
	align_buf_printf(&b, "%s---\nkind: reminder\nid: %s\n", weekly,
	    l.v[0].id);
	align_due_release(&l);
	align_node_free(all);
	assert_int_equal(due_in(b.p, "2027-01-28T08:00:00Z", 0, &l, &all), 0);
	assert_int_equal(l.n, 2);
	/* And Ana's check-in reminded: Ben's alone. */
	align_buf_printf(&b, "---\nkind: reminder\nid: %s\n", l.v[0].id);
	align_due_release(&l);
	align_node_free(all);
	assert_int_equal(due_in(b.p, "2027-01-28T08:00:00Z", 0, &l, &all), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].what, "Ben has not checked in");
	align_due_release(&l);
	align_node_free(all);
	align_buf_release(&b);
}

/* The ids of reminders are what they were, so that a file marked by an
 * earlier version is not reminded again. */
static void
test_reminder_ids_are_stable(void **state)
{
	char id[24];

	(void)state;
	assert_int_equal(align_due_id("f1", "2027-01-14", "meeting", id), 0);
	assert_string_equal(id, "m-535103da09496579");
	assert_int_equal(align_due_id("f1", "2027-01-14", "checkin:Dev", id),
	    0);
	assert_string_equal(id, "m-8797b828a01063d6");
}

/* A title of a kilobyte of many-byte characters, and names longer than
 * any buffer: each item whole, each person's reminder its own. */
static void
test_long_titles_and_names_whole(void **state)
{
	struct align_buf title = ALIGN_BUF_INIT, a = ALIGN_BUF_INIT;
	struct align_buf text = ALIGN_BUF_INIT, want = ALIGN_BUF_INIT;
	struct align_due_list l;
	struct align_node *all;
	size_t i;

	(void)state;
	for (i = 0; i < 512; i++)
		align_buf_puts(&title, "\xc3\xa9");
	for (i = 0; i < 400; i++)
		align_buf_putc(&a, 'a');
	align_buf_printf(&text, "---\nkind: session\nid: s\ntitle: %s\n"
	    "participants: [%sx, %sy]\n---\nkind: followup\nid: f1\n"
	    "date: 2027-01-13\n", title.p, a.p, a.p);
	assert_int_equal(due_in(text.p, "2027-01-13T08:00:00Z", 0, &l, &all),
	    0);
	assert_int_equal(l.n, 3);
	align_buf_printf(&want, "follow-up meeting: %s (due today)", title.p);
	assert_string_equal(l.v[0].what, want.p);
	align_buf_reset(&want);
	align_buf_printf(&want, "%sy has not checked in", a.p);
	assert_string_equal(l.v[2].what, want.p);
	assert_string_not_equal(l.v[1].id, l.v[2].id);
	align_due_release(&l);
	align_node_free(all);
	align_buf_release(&title);
	align_buf_release(&a);
	align_buf_release(&text);
	align_buf_release(&want);
}

/* For cron's mail: a line an item, user text made safe. */
static void
test_due_text(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_TEXT,
	    .width = 80, .color = 0 };
	struct align_due_list l;
	struct align_node *all;

	(void)state;
	assert_int_equal(due_in("---\nkind: session\nid: s\n"
	    "title: \"Bad\\e[2J\"\n---\nkind: followup\nid: f1\n"
	    "date: 2027-01-13\npairs: [[Ana, Ben]]\n", "2027-01-13T08:00:00Z",
	    0, &l, &all), 0);
	align_due_show(&l, &s);
	assert_string_equal(b.p, "2027-01-13 f1 follow-up meeting: Bad^[[2J "
	    "(due today)\n"
	    "2027-01-13 f1 Ana has not checked in\n"
	    "2027-01-13 f1 Ben has not checked in\n");
	assert_int_equal(align_due_formats(), ALIGN_FMT_TEXT);
	align_due_release(&l);
	align_node_free(all);
	align_buf_release(&b);
}

/* The items due at now in the records of text, read in zone (NULL:
 * none), reminding again after again; as lines "date followup what". */
static char *
due_lines(const char *text, const char *zone, const char *now, long within,
    long again)
{
	struct align_node *all = stream(text);
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_rounds rs;
	struct align_due_list l;
	struct align_time t;
	size_t i;

	assert_int_equal(align_time_parse(now, &t, NULL), 0);
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_rounds_zone(&rs, zone, &e), 0);
	assert_int_equal(align_due_items(&rs, &t, within, again, &l, &e), 0);
	for (i = 0; i < l.n; i++)
		align_buf_printf(&b, "%s %s %s\n", l.v[i].date, l.v[i].followup,
		    l.v[i].what);
	align_buf_puts(&b, "");
	align_due_release(&l);
	align_rounds_release(&rs);
	align_node_free(all);
	return align_buf_detach(&b);
}

/* At every offset from -10 to +14, for a round at noon and a round on a
 * date alone, read on a machine in UTC: the session's today. */
static void
test_days_at_every_offset(void **state)
{
	static const struct { int minutes; const char *words; } when[] = {
		{ -4 * 60, "(due tomorrow)" }, { 30, "(due today)" },
		{ 23 * 60 + 30, "(due today)" }, { 24 * 60 + 30, "(missed)" },
	};
	struct align_buf text = ALIGN_BUF_INIT, want = ALIGN_BUF_INIT;
	int o;
	size_t i;

	(void)state;
	for (o = -10; o <= 14; o++) {
		char zone[16], now[40];

		snprintf(zone, sizeof(zone), o ? "Etc/GMT%+d" : "Etc/GMT", -o);
		align_buf_reset(&text);
		align_buf_printf(&text, "---\nkind: session\nid: s\n"
		    "participants: [Ana]\n---\nkind: followup\nid: f1\n"
		    "date: \"2027-01-13T12:00:00%+03d:00\"\n"
		    "---\nkind: followup\nid: f2\ndate: 2027-01-13\n"
		    "with: Dev\npairs: [[Eric, Dev]]\n", o);
		for (i = 0; i < sizeof(when) / sizeof(when[0]); i++) {
			struct align_time t;
			char *got;

			/* Local midnight of the 13th, in UTC. */
			align_time_parse("2027-01-13T00:00:00Z", &t, NULL);
			t = align_time_add(t, when[i].minutes - o * 60);
			t.off = 0;
			align_time_format(&t, now);
			got = due_lines(text.p, zone, now, 24 * 60, 0);
			align_buf_reset(&want);
			align_buf_printf(&want, "2027-01-13 f1 follow-up "
			    "meeting: Leadership alignment %s\n", when[i].words);
			if (strstr(got, want.p) == NULL)
				fail_msg("%s at %s: '%s', not '%s'", zone, now,
				    got, want.p);
			align_buf_reset(&want);
			align_buf_printf(&want, "2027-01-13 f2 one-to-one: with "
			    "Dev %s\n", when[i].words);
			if (strstr(got, want.p) == NULL)
				fail_msg("%s at %s: '%s', not '%s'", zone, now,
				    got, want.p);
			free(got);
		}
	}
	align_buf_release(&text);
	align_buf_release(&want);
}

/* A meeting is given once ahead and once on its day; the words say
 * which day. */
static void
test_ahead_and_on_the_day(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	char *got;

	(void)state;
	got = due_lines(weekly, NULL, "2027-01-08T08:00:00Z", 5 * 24 * 60, 0);
	assert_string_equal(got, "2027-01-13 f1 follow-up meeting: "
	    "Leadership alignment (due on Wednesday 13 January)\n");
	free(got);
	got = due_lines(weekly, NULL, "2026-12-30T08:00:00Z", 14 * 24 * 60,
	    0);
	assert_non_null(strstr(got, "(due on Wednesday 13 January 2027)"));
	free(got);
	align_due_words(&b, "2027-01-13", "2027-01-12");
	align_buf_puts(&b, ", ");
	align_due_words(&b, "2027-01-15", "2027-01-12");
	assert_string_equal(b.p, "due tomorrow, due on Friday 15 January");
	align_buf_release(&b);
	/* Reminded ahead: still given on the day. */
	{
		struct align_due_list l;
		struct align_node *all;
		struct align_buf m = ALIGN_BUF_INIT;

		assert_int_equal(due_in(weekly, "2027-01-12T08:00:00Z",
		    24 * 60, &l, &all), 0);
		assert_int_equal(l.n, 1);
		align_buf_printf(&m, "%s---\nkind: reminder\nid: %s\n", weekly,
		    l.v[0].id);
		align_due_release(&l);
		align_node_free(all);
		assert_int_equal(due_in(m.p, "2027-01-12T20:00:00Z", 24 * 60,
		    &l, &all), 0);
		assert_int_equal(l.n, 0);
		align_due_release(&l);
		align_node_free(all);
		assert_int_equal(due_in(m.p, "2027-01-13T08:00:00Z", 24 * 60,
		    &l, &all), 0);
		assert_string_equal(l.v[0].what, "follow-up meeting: "
		    "Leadership alignment (due today)");
		align_due_release(&l);
		align_node_free(all);
		align_buf_release(&m);
	}
}

/* Who has not checked in: on the day, then every three days, once an
 * interval; not once checked in; not again once the next round's day has
 * come. */
static void
test_reminded_again(void **state)
{
	static const char base[] = "---\nkind: session\nid: s\n"
	    "participants: [Ana, Ben]\n---\nkind: followup\nid: f1\n"
	    "date: 2027-01-13T12:00:00Z\npairs: [[Ana, Ben]]\n";
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_due_list l;
	struct align_node *all;
	struct align_rounds rs;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	char id0[24], id1[24];
	char *got;

	(void)state;
	got = due_lines(base, NULL, "2027-01-15T08:00:00Z", 0, ALIGN_DUE_AGAIN);
	assert_non_null(strstr(got, "2027-01-13 f1 Ana has not checked in\n"));
	free(got);
	got = due_lines(base, NULL, "2027-01-16T08:00:00Z", 0, ALIGN_DUE_AGAIN);
	assert_non_null(strstr(got, "2027-01-13 f1 Ana has still not "
	    "checked in\n"));
	free(got);
	/* The ids: the first is the one of old; one an interval. */
	all = stream(base);
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	align_time_parse("2027-01-14T08:00:00Z", &t, NULL);
	assert_int_equal(align_due_items(&rs, &t, 0, ALIGN_DUE_AGAIN, &l, &e),
	    0);
	assert_string_equal(l.v[1].what, "Ana has not checked in");
	memcpy(id0, l.v[1].id, sizeof(id0));
	align_due_release(&l);
	align_time_parse("2027-01-18T23:00:00Z", &t, NULL);
	assert_int_equal(align_due_items(&rs, &t, 0, ALIGN_DUE_AGAIN, &l, &e),
	    0);
	memcpy(id1, l.v[1].id, sizeof(id1));
	align_due_release(&l);
	align_time_parse("2027-01-16T01:00:00Z", &t, NULL);
	assert_int_equal(align_due_items(&rs, &t, 0, ALIGN_DUE_AGAIN, &l, &e),
	    0);
	assert_string_equal(l.v[1].id, id1);	/* the same interval */
	assert_string_not_equal(id0, id1);
	align_due_release(&l);
	align_rounds_release(&rs);
	align_node_free(all);
	/* Marked: once in the interval; never again: once. */
	align_buf_printf(&b, "%s---\nkind: reminder\nid: %s\n", base, id1);
	got = due_lines(b.p, NULL, "2027-01-17T08:00:00Z", 0, ALIGN_DUE_AGAIN);
	assert_null(strstr(got, "Ana"));
	assert_non_null(strstr(got, "Ben has still"));
	free(got);
	got = due_lines(b.p, NULL, "2027-01-19T08:00:00Z", 0, ALIGN_DUE_AGAIN);
	assert_non_null(strstr(got, "Ana has still"));
	free(got);
	got = due_lines(base, NULL, "2027-01-25T08:00:00Z", 0, 0);
	assert_non_null(strstr(got, "Ana has not checked in"));
	free(got);
	/* Checked in: never. */
	align_buf_reset(&b);
	align_buf_printf(&b, "%s---\nkind: checkin\nid: c1\nfollowup: f1\n"
	    "participant: Ana\nprinciple: p1\noutcome: success\n", base);
	got = due_lines(b.p, NULL, "2027-01-19T08:00:00Z", 0, ALIGN_DUE_AGAIN);
	assert_null(strstr(got, "Ana"));
	free(got);
	/* The next round's day has come: f1's people not again. */
	align_buf_reset(&b);
	align_buf_printf(&b, "%s---\nkind: followup\nid: f2\n"
	    "date: 2027-01-17T12:00:00Z\npairs: [[Ana, Ben]]\n", base);
	got = due_lines(b.p, NULL, "2027-01-19T08:00:00Z", 0, ALIGN_DUE_AGAIN);
	assert_null(strstr(got, "f1 Ana has still"));
	assert_non_null(strstr(got, "f2 Ana has not checked in"));
	free(got);
	align_buf_release(&b);
}

static void
test_bad_round_is_an_error(void **state)
{
	struct align_due_list l;
	struct align_node *all;

	(void)state;
	assert_int_equal(due_in("---\nkind: followup\nid: f1\ndate: soon\n",
	    "2027-01-13T08:00:00Z", 0, &l, &all), -1);
	align_due_release(&l);
	align_node_free(all);
}

/* The reminders --mark records: one record each, saying what was given
 * and when, which due then knows as given (nothing due again). */
static void
test_reminders_mark_the_items(void **state)
{
	struct align_due_list l;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_node *all, *marks;
	const struct align_node *m;

	(void)state;
	assert_int_equal(due_in(weekly, "2027-01-28T08:00:00Z", 0, &l, &all),
	    0);
	assert_int_equal(l.n, 3);
	align_buf_puts(&b, weekly);
	align_due_reminders(&l, "2027-01-28T08:00:00Z", &b);
	assert_false(b.failed);
	marks = stream(b.p + strlen(weekly));
	assert_int_equal(marks->n, 3);
	m = marks->item[0];
	assert_string_equal(align_record_kind(m), "reminder");
	assert_string_equal(align_map_str(m, "id"), l.v[0].id);
	assert_string_equal(align_map_str(m, "followup"), "f1");
	assert_string_equal(align_map_str(m, "date"), "2027-01-27");
	assert_string_equal(align_map_str(m, "what"), "follow-up meeting: "
	    "Leadership alignment (missed)");
	assert_string_equal(align_map_str(m, "at"), "2027-01-28T08:00:00Z");
	assert_string_equal(align_map_str(marks->item[2], "what"),
	    "Ben has not checked in");
	align_node_free(marks);
	align_due_release(&l);
	align_node_free(all);
	assert_int_equal(due_in(b.p, "2027-01-28T08:00:00Z", 0, &l, &all), 0);
	assert_int_equal(l.n, 0);
	align_due_release(&l);
	align_node_free(all);
	align_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_once),
		cmocka_unit_test(test_reminder_ids_are_stable),
		cmocka_unit_test(test_long_titles_and_names_whole),
		cmocka_unit_test(test_due_text),
		cmocka_unit_test(test_days_at_every_offset),
		cmocka_unit_test(test_ahead_and_on_the_day),
		cmocka_unit_test(test_reminded_again),
		cmocka_unit_test(test_bad_round_is_an_error),
		cmocka_unit_test(test_reminders_mark_the_items),
	};

	return cmocka_run_group_tests_name("due", tests, NULL, NULL);
}
