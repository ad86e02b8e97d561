/* Boards of several questions, trees, scores. */
#include <setjmp.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/board.h"
#include "../../lib/cluster.h"
#include "../../lib/reader.h"
#include "../../lib/when.h"
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
	assert_non_null(strstr(b.p, "> What should we keep?\n\n3. Clear goals."));
	assert_non_null(strstr(b.p, "2. **Ben**: Two  \n   lines"));
	align_buf_reset(&b);
	board(&b, all, ALIGN_FMT_CSV);
	assert_non_null(strstr(b.p, "\"Two\nlines\""));
	align_buf_release(&b);
	align_node_free(all);
}

static void
test_trees_and_scores(void **state)
{
	struct align_node *a = align_seq(), *m = align_map();
	uint32_t x[] = { 0, 0, 1, 1 }, y[] = { 1, 1, 0, 0 }, z[] = { 0, 1, 2,
	    3 }, one[] = { 0, 0, 0, 0 };

	(void)state;
	assert_false(align_node_equal(a, m));
	assert_false(align_node_equal(a, NULL));
	assert_int_equal(align_map_find(a, "k"), -1);
	assert_null(align_map_get(NULL, "k"));
	assert_int_equal(align_map_put_str(m, "k", "v"), 0);
	assert_int_equal(align_map_put_str(m, "k", "w"), 0);	/* replaced */
	assert_int_equal(m->n, 1);
	assert_int_equal(align_map_del(m, "k"), 1);
	assert_int_equal(align_map_del(m, "k"), 0);
	assert_int_equal(align_seq_push(a, NULL), -1);
	assert_int_equal(align_map_put(m, "k", NULL), -1);
	assert_null(align_scalar_str(NULL));
	align_node_free(a);
	align_node_free(m);
	/* The same grouping under other names scores 1; every item alone
	 * against one group scores 0. */
	assert_true(align_nmi(x, y, 4) > 0.999);
	assert_true(align_ari(x, y, 4) > 0.999);
	assert_true(align_ari(one, one, 4) > 0.999);
	assert_true(align_nmi(z, one, 4) < 0.001);
	assert_true(align_ari(z, one, 4) < 0.001);
	assert_true(align_ari(x, y, 1) >= 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_board_of_several_questions),
		cmocka_unit_test(test_trees_and_scores),
	};

	return cmocka_run_group_tests_name("misc", tests, NULL, NULL);
}
