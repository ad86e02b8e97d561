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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trees),
	};

	return cmocka_run_group_tests_name("node", tests, NULL, NULL);
}
