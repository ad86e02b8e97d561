/* The board: responses under their question, in every format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/board.h"
#include "../../lib/reader.h"
#include "helpers.h"

/* A board of two questions, people with long names and none. */
static void
board(struct align_buf *b, const struct align_node *all, enum align_format f)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_show s = { .format = ALIGN_FMT_TEXT, .width = 60 };
	struct align_board v;

	s.b = b;
	s.format = f;
	assert_int_equal(align_board_make(&v, NULL, all, &e), 0);
	align_board_show(&v, &s);
	align_board_release(&v);
}

static void
test_board_of_several_questions(void **state)
{
	struct align_node *all = stream("---\nkind: response\nid: r-1\n"
	    "participant: Maximiliana Fernández-Oyarzábal\ntext: She stayed.\n"
	    "---\nkind: response\nid: r-2\nquestion: What should we keep?\n"
	    "text: Clear goals.\n---\nkind: response\nid: r-3\n"
	    "participant: Ben\ntext: \"Two\\nlines\"\n");
	struct align_buf b = ALIGN_BUF_INIT;
	const char *first, *second;

	(void)state;
	board(&b, all, ALIGN_FMT_TEXT);
	first = strstr(b.p, "She stayed.");
	second = strstr(b.p, "What should we keep?");
	assert_non_null(first);
	assert_non_null(second);
	assert_true(first < second);
	assert_non_null(strstr(b.p, "3 responses from 2 participants"));
	align_buf_reset(&b);
	board(&b, all, ALIGN_FMT_MARKDOWN);
	/* Each by its handle, which the tools take: the id's tail. */
	assert_non_null(strstr(b.p, "> What should we keep?\n\n3. `2` Clear "
	    "goals."));
	assert_non_null(strstr(b.p, "2. `3` **Ben**: Two  \n   lines"));
	align_buf_reset(&b);
	board(&b, all, ALIGN_FMT_CSV);
	assert_non_null(strstr(b.p, "\"Two\nlines\""));
	align_buf_release(&b);
	align_node_free(all);
}

/* Who answered and who has not, by the roster's one fold: spaces and
 * compatibility forms no more count than case and accents. */
static void
test_people_by_the_one_fold(void **state)
{
	struct align_node *session = stream("---\nkind: session\nid: s\n"
	    "participants: [Ana Lima, \"\xef\xac\x81ona\", Ben]\n");
	struct align_node *all = stream("---\nkind: response\nid: r-1\n"
	    "participant: ana  lima\ntext: One.\n"
	    "---\nkind: response\nid: r-2\nparticipant: \xc3\x81na Lima\n"
	    "text: Two.\n---\nkind: response\nid: r-3\n"
	    "participant: Fiona\ntext: Three.\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_board v;

	(void)state;
	assert_int_equal(align_board_make(&v, session->item[0], all, &e), 0);
	assert_int_equal(v.people, 2);
	assert_int_equal(v.roster, 3);
	assert_true(v.unanswered_known);
	assert_int_equal(v.nunanswered, 1);
	assert_string_equal(v.unanswered[0], "Ben");
	align_board_release(&v);
	align_node_free(all);
	align_node_free(session);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_board_of_several_questions),
		cmocka_unit_test(test_people_by_the_one_fold),
	};

	return cmocka_run_group_tests_name("board", tests, NULL, NULL);
}
