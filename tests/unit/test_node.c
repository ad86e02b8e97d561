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

/* A packed list stands for its list: walked entry by entry, equal to it
 * (either way round), copied as it (a copy never packed), pooled or not;
 * a list of lists with each list's count. */
static void
test_packed_lists(void **state)
{
	static const char text[] = "Ana\0Ben\0Zoë\0\0Eve";
	static const unsigned char size[] = { 2, 1, 2 };
	struct align_pool pool = ALIGN_POOL_INIT;
	struct align_texts_at at = ALIGN_TEXTS_AT_INIT;
	struct align_texts_entry u;
	const char *names[] = { "Ana", "Ben", "Zoë", "", "Eve" };
	struct align_node *flat, *lists, *seq, *pairs, *c;
	const struct align_node *v;
	size_t i, k;

	(void)state;
	flat = align_texts_new(NULL, text, sizeof(text), 5, NULL, 0);
	lists = align_texts_new(&pool, text, sizeof(text), 5, size, 3);
	assert_non_null(flat);
	assert_non_null(lists);
	assert_int_equal(flat->type, ALIGN_TEXTS);
	assert_int_equal(flat->n, 5);
	assert_int_equal(lists->n, 3);
	assert_int_equal(lists->cap, 5);
	assert_true(lists->pooled);
	for (i = 0; (v = align_texts_next(flat, &at, &u)) != NULL; i++) {
		assert_int_equal(v->type, ALIGN_SCALAR);
		assert_string_equal(v->str, names[i]);
		assert_int_equal(v->len, strlen(names[i]));
		assert_false(v->raw);
	}
	assert_int_equal(i, 5);
	seq = align_seq_strs(names, 5);
	pairs = align_seq();
	for (i = k = 0; i < 3; k += size[i++])
		assert_int_equal(align_seq_push(pairs, align_seq_strs(names + k,
		    size[i])), 0);
	assert_true(align_node_equal(flat, seq));
	assert_true(align_node_equal(seq, flat));
	assert_true(align_node_equal(lists, pairs));
	assert_true(align_node_equal(pairs, lists));
	assert_false(align_node_equal(flat, lists));
	assert_false(align_node_equal(lists, seq));
	c = align_node_copy(lists);
	assert_non_null(c);
	assert_int_equal(c->type, ALIGN_SEQ);
	assert_false(c->pooled);
	assert_true(align_node_equal(c, pairs));
	assert_string_equal(c->item[2]->item[1]->str, "Eve");
	align_node_free(c);
	c = align_node_copy_top(lists);
	assert_int_equal(c->type, ALIGN_SEQ);
	assert_true(align_node_equal(c, pairs));
	align_node_free(c);
	/* One text changed: not the same. */
	align_node_free(pairs->item[2]->item[1]);
	pairs->item[2]->item[1] = align_scalar_str("Eva");
	assert_false(align_node_equal(lists, pairs));
	/* Taken, not copied: the pool's then, or the node's (a leak the
	 * sanitizer build would tell). */
	c = align_texts_take(&pool, strdup("Ana"), 4, 1, NULL, 0);
	assert_non_null(c);
	assert_true(c->pooled);
	assert_false(align_node_equal(c, seq->item[0]));	/* a list */
	assert_string_equal(c->str, "Ana");
	assert_true(pool.bytes >= 4);
	c = align_texts_take(NULL, strdup("Ana"), 4, 1, NULL, 0);
	assert_non_null(c);
	assert_false(c->pooled);
	align_node_free(c);
	align_node_free(flat);
	align_node_free(lists);	/* the pool's */
	align_node_free(seq);
	align_node_free(pairs);
	align_pool_release(&pool);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trees),
		cmocka_unit_test(test_seq_of_strings),
		cmocka_unit_test(test_packed_lists),
	};

	return cmocka_run_group_tests_name("node", tests, NULL, NULL);
}
