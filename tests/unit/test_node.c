/* Records as trees: maps, sequences, ownership on failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/node.h"

/* Keys replaced in place, removed once; a NULL node given to a container
 * counts as an allocation that failed. */
static void
test_trees(void **state)
{
	struct align_node *a = align_seq(), *m = align_map();

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
}

/* A sequence of strings, in their order; none is an empty sequence. */
static void
test_seq_of_strings(void **state)
{
	const char *v[] = { "p1", "two words", "" };
	struct align_node *l = align_seq_strs(v, 3);

	(void)state;
	assert_non_null(l);
	assert_int_equal(l->type, ALIGN_SEQ);
	assert_int_equal(l->n, 3);
	assert_string_equal(l->item[0]->str, "p1");
	assert_string_equal(l->item[1]->str, "two words");
	assert_string_equal(l->item[2]->str, "");
	align_node_free(l);
	l = align_seq_strs(NULL, 0);
	assert_non_null(l);
	assert_int_equal(l->n, 0);
	align_node_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trees),
		cmocka_unit_test(test_seq_of_strings),
	};

	return cmocka_run_group_tests_name("node", tests, NULL, NULL);
}
