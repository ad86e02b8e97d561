/* The scores of a grouping against gold labels: NMI and the adjusted
 * Rand index, as sklearn computes them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "../../lib/cluster.h"

/* The same grouping under other numbers scores 1. */
static void
test_the_same_grouping_scores_one(void **state)
{
	uint32_t gold[] = { 0, 0, 0, 1, 1, 1 }, same[] = { 5, 5, 5, 2, 2, 2 };
	uint32_t x[] = { 0, 0, 1, 1 }, y[] = { 1, 1, 0, 0 };
	uint32_t one[] = { 0, 0, 0, 0 };

	(void)state;
	assert_true(align_nmi(same, gold, 6) > 0.999);
	assert_true(align_ari(same, gold, 6) > 0.999);
	assert_true(align_nmi(x, y, 4) > 0.999);
	assert_true(align_ari(x, y, 4) > 0.999);
	assert_true(align_ari(one, one, 4) > 0.999);
	assert_true(align_nmi(one, one, 4) > 0.999);
}

/* One group against two, or every item alone against one group, tells
 * nothing: 0. */
static void
test_no_information_scores_zero(void **state)
{
	uint32_t gold[] = { 0, 0, 0, 1, 1, 1 }, one[] = { 0, 0, 0, 0, 0, 0 };
	uint32_t alone[] = { 0, 1, 2, 3 }, four[] = { 0, 0, 0, 0 };

	(void)state;
	assert_true(align_nmi(one, gold, 6) < 0.001);
	assert_true(fabs(align_ari(one, gold, 6)) < 0.001);
	assert_true(align_nmi(alone, four, 4) < 0.001);
	assert_true(align_ari(alone, four, 4) < 0.001);
}

/* Figures sklearn gives for the same pairs. */
static void
test_as_sklearn_scores(void **state)
{
	uint32_t gold[] = { 0, 0, 0, 1, 1, 1 }, half[] = { 0, 0, 1, 1, 2, 2 };
	uint32_t a[] = { 0, 0, 1, 1, 1, 2, 2, 2 };
	uint32_t b[] = { 0, 0, 0, 1, 1, 1, 2, 2 };

	(void)state;
	/* adjusted_rand_score(gold, half) = 0.242424... */
	assert_true(fabs(align_ari(half, gold, 6) - 0.242424) < 1e-5);
	/* normalized_mutual_info_score(gold, half) = 0.515803... */
	assert_true(fabs(align_nmi(half, gold, 6) - 0.515804) < 1e-5);
	/* 0.238095... (5 / 21) and 0.558873... */
	assert_true(fabs(align_ari(a, b, 8) - 5.0 / 21) < 1e-9);
	assert_true(fabs(align_nmi(a, b, 8) - 0.558873) < 1e-5);
}

/* Too few items to score. */
static void
test_edges(void **state)
{
	uint32_t x[] = { 0 }, y[] = { 3 };

	(void)state;
	assert_true(align_nmi(x, y, 0) == 0);
	assert_true(align_ari(x, y, 1) == 0);
	assert_true(align_nmi(x, y, 1) > 0.999);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_same_grouping_scores_one),
		cmocka_unit_test(test_no_information_scores_zero),
		cmocka_unit_test(test_as_sklearn_scores),
		cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests_name("scores", tests, NULL, NULL);
}
