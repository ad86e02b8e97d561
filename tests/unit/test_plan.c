/* The session record: defaults, updates, ids, the calendar sequence, and
 * what a session read from a file must hold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sysexits.h>

#include "../../lib/plan.h"
#include "../../lib/reader.h"
#include "helpers.h"

static void
test_new_session_has_the_methods_defaults(void **state)
{
	struct align_plan p = { 0 };
	struct align_node *s = NULL;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	p.date = "2026-12-02T12:00-05:00";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "title"), ALIGN_TITLE);
	assert_string_equal(align_map_str(s, "purpose"), ALIGN_PURPOSE);
	assert_string_equal(align_map_str(s, "question"), ALIGN_QUESTION);
	assert_string_equal(align_map_str(s, "duration"), "2h");
	assert_string_equal(align_map_str(s, "date"),
	    "2026-12-02T12:00:00-05:00");
	assert_string_equal(align_map_str(s, "id"),
	    "leadership-alignment-2026-12-02");
	assert_string_equal(align_map_str(s, "sequence"), "0");
	assert_non_null(align_map_str(s, "uid"));
	align_node_free(s);
}

/* A one-to-one: its own defaults, its two, the marks; a title given
 * wins, and a later plan keeps what it has. */
static void
test_a_one_to_one_session(void **state)
{
	struct align_plan p = { 0 };
	struct align_node *s = NULL, *l;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	p.one_to_one = 1;
	p.with = "Vic";
	p.facilitator = "Cleo";
	p.private_ = 1;
	p.tz = "America/New_York";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "title"), "One-to-one with Vic");
	assert_string_equal(align_map_str(s, "purpose"), ALIGN_ONE_PURPOSE);
	assert_string_equal(align_map_str(s, "question"), ALIGN_ONE_QUESTION);
	assert_string_equal(align_map_str(s, "duration"), "45m");
	assert_string_equal(align_map_str(s, "practice"), "one-to-one");
	assert_string_equal(align_map_str(s, "with"), "Vic");
	assert_string_equal(align_map_str(s, "private"), "yes");
	assert_string_equal(align_map_str(s, "tz"), "America/New_York");
	l = align_map_get(s, "participants");
	assert_non_null(l);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->item[0]->str, "Cleo");
	assert_string_equal(l->item[1]->str, "Vic");
	memset(&p, 0, sizeof(p));
	p.one_to_one = 1;
	p.title = "Vic and me";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "title"), "Vic and me");
	assert_string_equal(align_map_str(s, "with"), "Vic");
	assert_string_equal(align_map_str(s, "private"), "yes");
	align_node_free(s);
}

static void
test_update_keeps_what_is_not_given(void **state)
{
	struct align_plan p = { 0 };
	struct align_node *s = NULL;
	struct align_err e = ALIGN_ERR_INIT;
	char *uid;
	char *names[] = { "Ana", "Ben", "Ana" };

	(void)state;
	p.title = "Alineación de líderes";
	p.place = "Sala 1";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "id"), "alineacion-de-lideres");
	uid = strdup(align_map_str(s, "uid"));
	memset(&p, 0, sizeof(p));
	p.participants = names;
	p.nparticipants = 3;
	p.set_participants = 1;
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "place"), "Sala 1");
	assert_int_equal(align_map_get(s, "participants")->n, 2);
	assert_string_equal(align_map_str(s, "sequence"), "0");
	p.set_participants = 0;
	p.place = "Sala 2";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "sequence"), "1");
	assert_string_equal(align_map_str(s, "uid"), uid);
	assert_string_equal(align_map_str(s, "id"), "alineacion-de-lideres");
	p.place = "Sala 2";	/* the same again: no change */
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "sequence"), "1");
	free(uid);
	align_node_free(s);
}

static void
test_bad_values_are_usage_errors(void **state)
{
	struct align_plan p = { 0 };
	struct align_node *s = NULL;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	p.date = "next tuesday";
	assert_int_equal(align_plan_apply(&s, &p, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_null(s);
	p.date = NULL;
	p.duration = "forever";
	assert_int_equal(align_plan_apply(&s, &p, &e), -1);
	assert_non_null(strstr(e.msg, "--duration"));
}

/* The facilitator by the roster's soft rule: as the participants write
 * them (their address too), a near miss refused as --facilitator's, a
 * name near nobody as given. */
static void
test_the_facilitator_by_the_roster(void **state)
{
	char *who[] = { "Eric Stone <eric@example.org>", "Ana Lima" };
	struct align_plan p = { .participants = who, .nparticipants = 2,
	    .set_participants = 1, .facilitator = "eric" };
	struct align_node *s = NULL;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "facilitator"),
	    "Eric Stone <eric@example.org>");
	p.set_participants = 0;		/* the session's roster now */
	p.facilitator = "ana lima <ana@example.org>";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "facilitator"),
	    "Ana Lima <ana@example.org>");
	p.facilitator = "Ana Lina";
	assert_int_equal(align_plan_apply(&s, &p, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_string_equal(e.msg, "--facilitator: no participant 'Ana Lina' "
	    "(did you mean 'Ana Lima'?)");
	p.facilitator = "Zoe Quist";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "facilitator"), "Zoe Quist");
	align_node_free(s);
}

/* Participants that fold to one name (case, accents, spaces) are one:
 * written as the session writes them, else as first given, with the
 * first address given, in the order given. */
static void
test_participants_fold_to_one(void **state)
{
	char *first[] = { "Ana Lima", "ana  lima", "\xc3\x81na Lima <ana@x.org>",
	    "Ben" };
	char *again[] = { "ben <ben@x.org>", "ANA LIMA", "Cy" };
	struct align_plan p = { .participants = first, .nparticipants = 4,
	    .set_participants = 1, .facilitator = "ana lima" };
	struct align_node *s = NULL;
	const struct align_node *l;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	l = align_map_get(s, "participants");
	assert_int_equal(l->n, 2);
	assert_string_equal(l->item[0]->str, "Ana Lima <ana@x.org>");
	assert_string_equal(l->item[1]->str, "Ben");
	assert_string_equal(align_map_str(s, "facilitator"),
	    "Ana Lima <ana@x.org>");
	p.participants = again;
	p.nparticipants = 3;
	p.facilitator = NULL;
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	l = align_map_get(s, "participants");
	assert_int_equal(l->n, 3);
	assert_string_equal(l->item[0]->str, "Ben <ben@x.org>");
	assert_string_equal(l->item[1]->str, "Ana Lima <ana@x.org>");
	assert_string_equal(l->item[2]->str, "Cy");
	align_node_free(s);
}

/* Updating a session: a new id from the title; a change of date bumps
 * the sequence, a change of purpose does not. */
static void
test_plan_updates(void **state)
{
	struct align_node *s = NULL;
	struct align_plan p = { 0 };
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	p.title = "\xc3\x89quipe: Q1 review!";
	p.date = "2026-12-02T12:00Z";
	p.facilitator = "Ana";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	/* The id: the title's slug and the day. */
	assert_string_equal(align_record_id(s), "equipe-q1-review-2026-12-02");
	assert_string_equal(align_map_str(s, "sequence"), "0");
	memset(&p, 0, sizeof(p));
	p.purpose = "Something else";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "sequence"), "0");
	p.date = "2026-12-03T12:00Z";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "sequence"), "1");
	p.date = "tomorrow";
	assert_int_equal(align_plan_apply(&s, &p, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	p.date = NULL;
	p.duration = "forever";
	assert_int_equal(align_plan_apply(&s, &p, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	align_node_free(s);
}

/* A session read from a file whose keys are not what they should be is
 * refused, at the place of the bad value. */
static void
test_odd_sessions_are_refused(void **state)
{
	static const struct { const char *rec, *msg; unsigned long line; }
	    bad[] = {
		{ "---\nkind: session\nid: s\nparticipants: Ana\n",
		    "session participants: expected a list of names", 4 },
		{ "---\nkind: session\nid: s\nparticipants: [Ana, [Ben]]\n",
		    "session participants: expected a name", 4 },
		{ "---\nkind: session\nid: s\ntitle: [a, b]\n",
		    "session title: expected text, not a list", 4 },
		{ "---\nkind: session\nid: s\nsequence: x\n",
		    "session sequence: expected a whole number", 4 },
	};
	struct align_plan p = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;

	(void)state;
	p.title = "x";
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct align_node *all = stream(bad[i].rec);
		struct align_node *one = align_node_copy(all->item[0]);

		assert_int_equal(align_plan_apply(&one, &p, &e), -1);
		assert_int_equal(e.status, EX_DATAERR);
		assert_int_equal(e.line, bad[i].line);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("'%s' lacks '%s'", e.msg, bad[i].msg);
		align_node_free(one);
		align_node_free(all);
	}
}

/* A session's date and duration that cannot be read are named. */
static void
test_session_fields_are_checked(void **state)
{
	static const struct { const char *rec, *msg; } bad[] = {
		{ "---\nkind: session\ndate: [2026]\n", "session date" },
		{ "---\nkind: session\ndate: soon\n", "session date" },
		{ "---\nkind: session\n", "the session has no date" },
		{ "---\nkind: session\ndate: 2026-12-02T12:00Z\n"
		    "duration: [2h]\n", "session duration" },
		{ "---\nkind: session\ndate: 2026-12-02T12:00Z\n"
		    "duration: long\n", "session duration" },
	};
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	long minutes;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct align_node *all = stream(bad[i].rec);
		const struct align_node *s = all->item[0];

		e.status = 0;
		assert_int_equal(align_session_date(s, &t, &e) < 0 ||
		    align_session_minutes(s, &minutes, &e) < 0, 1);
		assert_int_equal(e.status, EX_DATAERR);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("'%s' lacks '%s'", e.msg, bad[i].msg);
		align_node_free(all);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_session_has_the_methods_defaults),
		cmocka_unit_test(test_a_one_to_one_session),
		cmocka_unit_test(test_update_keeps_what_is_not_given),
		cmocka_unit_test(test_bad_values_are_usage_errors),
		cmocka_unit_test(test_plan_updates),
		cmocka_unit_test(test_the_facilitator_by_the_roster),
		cmocka_unit_test(test_odd_sessions_are_refused),
		cmocka_unit_test(test_session_fields_are_checked),
		cmocka_unit_test(test_participants_fold_to_one),
	};

	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
