/* Pairs: everyone once, a trio when odd, no repeat while avoidable, the
 * same for a seed, however many people and however long their names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/pairs.h"
#include "../../lib/reader.h"
#include "helpers.h"

static const char *people[] = { "Ana", "Ben", "Carla", "Dev", "Elif", "Femi",
	"Greta" };

/* Earlier rounds' pairs as align_pairs reads them: the view of a round
 * whose pairs are those of pairs (a sequence of groups). */
struct earlier {
	struct align_node *rec;
	struct align_view v;
};

static const struct align_groups *
earlier(struct earlier *x, const struct align_node *pairs)
{
	x->rec = align_record_new("followup");
	assert_non_null(x->rec);
	if (pairs)
		assert_int_equal(align_map_put(x->rec, "pairs",
		    align_node_copy(pairs)), 0);
	assert_int_equal(align_view(&x->v, x->rec, NULL), 0);
	return &x->v.u.followup.pairs;
}

static void
earlier_release(struct earlier *x)
{
	align_view_release(&x->v);
	align_node_free(x->rec);
}

/* Each group sorted, everyone once. */
static size_t
check_groups(const struct align_node *pairs, size_t *trios)
{
	size_t i, j, count = 0;

	*trios = 0;
	for (i = 0; i < pairs->n; i++) {
		count += pairs->item[i]->n;
		*trios += pairs->item[i]->n == 3;
		assert_true(pairs->item[i]->n == 2 || pairs->item[i]->n == 3);
		for (j = 1; j < pairs->item[i]->n; j++)
			assert_true(strcmp(pairs->item[i]->item[j - 1]->str,
			    pairs->item[i]->item[j]->str) < 0);
	}
	return count;
}

static void
test_pairs_cover_everyone_once(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *pairs, *again;
	size_t trios;

	(void)state;
	assert_int_equal(align_pairs(people, 7, NULL, 1, &pairs, &e), 0);
	assert_int_equal(check_groups(pairs, &trios), 7);
	assert_int_equal(trios, 1);
	/* The same seed, the same pairs. */
	assert_int_equal(align_pairs(people, 7, NULL, 1, &again, &e), 0);
	assert_true(align_node_equal(pairs, again));
	align_node_free(again);
	align_node_free(pairs);
	assert_int_equal(align_pairs(people, 1, NULL, 1, &pairs, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_null(pairs);
}

/* The pairs made in their own arrays are align_pairs()'s, name for name,
 * naming the strings given (not copies), and freeing the record that
 * holds them leaves them. */
static void
test_pairs_borrowed(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_pairs_made m;
	struct align_node *pairs, *rec = align_map(), *g;
	size_t i, j, k, trios;
	int found;

	(void)state;
	assert_int_equal(align_pairs(people, 7, NULL, 3, &pairs, &e), 0);
	assert_int_equal(align_pairs_borrowed(people, 7, NULL, 3, &m, &e), 0);
	assert_true(align_node_equal(pairs, m.pairs));
	assert_int_equal(check_groups(m.pairs, &trios), 7);
	for (i = 0; i < m.pairs->n; i++) {
		g = m.pairs->item[i];
		for (j = 0; j < g->n; j++) {
			for (found = 0, k = 0; k < 7; k++)
				found |= g->item[j]->str == people[k];
			assert_true(found);
		}
	}
	assert_int_equal(align_map_put(rec, "pairs", m.pairs), 0);
	align_node_free(rec);
	assert_true(align_node_equal(pairs, m.pairs));
	align_pairs_made_release(&m);
	align_node_free(pairs);
	assert_int_equal(align_pairs_borrowed(people, 1, NULL, 1, &m, &e), -1);
	assert_null(m.pairs);
}

static void
test_no_repeat_while_unused_pairs_exist(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *used = align_seq(), *pairs;
	struct earlier x, y;
	int round;

	(void)state;
	/* Six people have 15 pairs: five rounds of three without a repeat. */
	for (round = 0; round < 5; round++) {
		size_t i;

		assert_int_equal(align_pairs(people, 6, earlier(&x, used), 3,
		    &pairs, &e), 0);
		assert_int_equal(align_pairs_repeats(earlier(&y, pairs),
		    &x.v.u.followup.pairs), 0);
		earlier_release(&y);
		earlier_release(&x);
		for (i = 0; i < pairs->n; i++)
			align_seq_push(used, align_node_copy(pairs->item[i]));
		align_node_free(pairs);
	}
	/* A sixth round must repeat. */
	assert_int_equal(align_pairs(people, 6, earlier(&x, used), 3, &pairs,
	    &e), 0);
	assert_true(align_pairs_repeats(earlier(&y, pairs),
	    &x.v.u.followup.pairs) > 0);
	earlier_release(&y);
	earlier_release(&x);
	align_node_free(pairs);
	align_node_free(used);
}

/* Earlier rounds that are not lists of names count for nothing. */
static void
test_pairs_past_odd_rounds(void **state)
{
	struct align_node *all = stream("---\nkind: followup\nid: f1\n"
	    "pairs: [[Ana, [Ben]], Carla, [Dev, Elif], {a: b}]\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *pairs;
	struct align_view v;
	struct earlier y;

	(void)state;
	assert_int_equal(align_view(&v, all->item[0], &e), 0);
	assert_int_equal(align_pairs(people, 4, &v.u.followup.pairs, 1,
	    &pairs, &e), 0);
	assert_int_equal(pairs->n, 2);
	assert_int_equal(align_pairs_repeats(earlier(&y, pairs),
	    &v.u.followup.pairs), 0);
	earlier_release(&y);
	align_node_free(pairs);
	align_view_release(&v);
	align_node_free(all);
}

/* Six hundred people, and names of a kilobyte: all paired, in a trio
 * when odd, and in a second round none of the first round's pairs. */
static void
test_many_people_long_names(void **state)
{
	enum { N = 601, LONG = 1024 };
	const char **who = calloc(N, sizeof(*who));
	char **name = calloc(N, sizeof(*name));
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *first, *second;
	struct earlier x, y;
	size_t i, trios;

	(void)state;
	for (i = 0; i < N; i++) {
		name[i] = malloc(LONG + 16);
		memset(name[i], 'a' + (int)(i % 26), LONG);
		snprintf(name[i] + LONG, 16, "%zu", i);
		who[i] = name[i];
	}
	assert_int_equal(align_pairs(who, N, NULL, 7, &first, &e), 0);
	assert_int_equal(check_groups(first, &trios), N);
	assert_int_equal(trios, 1);
	assert_true(strlen(first->item[0]->item[0]->str) > LONG);
	assert_int_equal(align_pairs(who, N, earlier(&x, first), 7, &second,
	    &e), 0);
	assert_int_equal(check_groups(second, &trios), N);
	assert_int_equal(align_pairs_repeats(earlier(&y, second),
	    &x.v.u.followup.pairs), 0);
	earlier_release(&y);
	earlier_release(&x);
	align_node_free(first);
	align_node_free(second);
	for (i = 0; i < N; i++)
		free(name[i]);
	free(name);
	free(who);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs_cover_everyone_once),
		cmocka_unit_test(test_pairs_borrowed),
		cmocka_unit_test(test_no_repeat_while_unused_pairs_exist),
		cmocka_unit_test(test_pairs_past_odd_rounds),
		cmocka_unit_test(test_many_people_long_names),
	};

	return cmocka_run_group_tests_name("pairs", tests, NULL, NULL);
}
