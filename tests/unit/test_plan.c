/* The session record: defaults, updates, ids, the calendar sequence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sysexits.h>

#include "../../lib/plan.h"

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

static void
test_agenda_fits_the_duration(void **state)
{
	struct align_plan p = { 0 };
	struct align_node *s = NULL;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	p.date = "2026-12-02T09:00Z";
	p.duration = "90m";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_int_equal(align_plan_agenda(&b, s, 0, 80, &e), 0);
	assert_non_null(strstr(b.p, "09:00-10:30"));
	assert_non_null(strstr(b.p, "09:00    8m  Open"));
	assert_non_null(strstr(b.p, "10:24    6m  Follow-up"));
	assert_non_null(strstr(b.p, "Order food."));
	align_buf_release(&b);
	align_node_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_session_has_the_methods_defaults),
		cmocka_unit_test(test_update_keeps_what_is_not_given),
		cmocka_unit_test(test_bad_values_are_usage_errors),
		cmocka_unit_test(test_agenda_fits_the_duration),
	};

	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
