/* The agenda: the parts of the meeting in its time, a session of a day,
 * text and markdown, and user text made safe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/agenda.h"
#include "../../lib/plan.h"
#include "../../lib/reader.h"
#include "helpers.h"

/* The agenda of session in format f, into b. */
static void
agenda(struct align_buf *b, const struct align_node *session,
    enum align_format f, size_t width)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_show s = { .b = NULL, .format = ALIGN_FMT_TEXT,
	    .width = 80, .color = 0 };
	struct align_agenda v;

	s.b = b;
	s.format = f;
	s.width = width;
	if (align_agenda_make(&v, session, &e) < 0)
		fail_msg("%s", e.msg);
	align_agenda_show(&v, &s);
	align_agenda_release(&v);
	assert_false(b->failed);
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
	agenda(&b, s, ALIGN_FMT_TEXT, 80);
	assert_non_null(strstr(b.p, "09:00-10:30"));
	assert_non_null(strstr(b.p, "09:00    8m  Open"));
	assert_non_null(strstr(b.p, "10:24    6m  Follow-up"));
	assert_non_null(strstr(b.p, "Order food."));
	align_buf_release(&b);
	align_node_free(s);
}

/* A session on a day without a time, with a place and no purpose,
 * participants that are not all names (what is not a name is left out,
 * as everywhere). */
static void
test_agenda_of_a_day(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "title: Offsite\ndate: 2026-12-02\nplace: Room 4\n"
	    "participants: [Ana, [Ben], Carla]\n");
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	agenda(&b, all->item[0], ALIGN_FMT_TEXT, 60);
	assert_non_null(strstr(b.p, "Offsite\nWednesday 2 December 2026, "
	    "Room 4\n"));
	assert_non_null(strstr(b.p, "Build alignment"));	/* the default */
	assert_non_null(strstr(b.p, "  +0:00   10m  Open"));
	assert_non_null(strstr(b.p, "Participants (2)\n  Ana, Carla\n"));
	align_buf_reset(&b);
	agenda(&b, all->item[0], ALIGN_FMT_MARKDOWN, 60);
	assert_non_null(strstr(b.p, "# Offsite\n"));
	assert_non_null(strstr(b.p, "| +0:10 | 40 | Stories |"));
	assert_non_null(strstr(b.p, "- Carla\n"));
	align_buf_release(&b);
	align_node_free(all);
}

/* No date, no participants: said so. */
static void
test_an_agenda_to_be_set(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n");
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	agenda(&b, all->item[0], ALIGN_FMT_TEXT, 80);
	assert_non_null(strstr(b.p, "Session\nDate to be set\n"));
	assert_non_null(strstr(b.p, "none yet (add them with --participant)"));
	align_buf_release(&b);
	align_node_free(all);
}

/* What a session file holds reaches a terminal with its control
 * characters made visible, and a page with its markup escaped. */
static void
test_user_text_is_made_safe(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "title: \"Evil \\e]0;pwned\\a title\"\n"
	    "purpose: \"Clear \\e[2J the screen\"\n"
	    "question: \"What \\e[6n did they do?\"\n"
	    "place: \"\\e]8;;http://evil.example/\\e\\\\click\\e]8;;\\e\\\\\"\n"
	    "facilitator: \"<img src=x onerror=alert(1)>\"\n"
	    "participants: [\"Ana \\e[2J\", \"<img src=x onerror=alert(1)>\"]\n");
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	agenda(&b, all->item[0], ALIGN_FMT_TEXT, 80);
	assert_null(strchr(b.p, '\033'));
	assert_null(strchr(b.p, '\a'));
	assert_non_null(strstr(b.p, "Evil ^[]0;pwned^G title\n"));
	assert_non_null(strstr(b.p, "Ana ^[[2J"));
	align_buf_reset(&b);
	agenda(&b, all->item[0], ALIGN_FMT_MARKDOWN, 80);
	assert_null(strchr(b.p, '\033'));
	assert_non_null(strstr(b.p, "- \\<img src=x onerror=alert(1)\\>\n"));
	assert_non_null(strstr(b.p, "facilitated by \\<img"));
	align_buf_release(&b);
	align_node_free(all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agenda_fits_the_duration),
		cmocka_unit_test(test_agenda_of_a_day),
		cmocka_unit_test(test_an_agenda_to_be_set),
		cmocka_unit_test(test_user_text_is_made_safe),
	};

	return cmocka_run_group_tests_name("agenda", tests, NULL, NULL);
}
