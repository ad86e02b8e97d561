/* The canonical order of facts: times as instants, ids by their number,
 * a total order whatever the ids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/order.h"

static void
test_times_as_instants(void **state)
{
	(void)state;
	/* 12:00-05:00 is 17:00Z: after 16:00Z. */
	assert_true(align_order_time("2026-12-02T12:00:00-05:00",
	    "2026-12-02T16:00:00Z") > 0);
	assert_true(align_order_time("2026-12-02T17:00:00Z",
	    "2026-12-02T12:00:00-05:00") != 0);	/* same instant: text */
	assert_true(align_order_time(NULL, "2026-12-02T16:00:00Z") < 0);
	assert_true(align_order_time("soon", "2026-12-02T16:00:00Z") < 0);
	assert_int_equal(align_order_time("2026-12-02", "2026-12-02"), 0);
}

static void
test_ids_by_their_number(void **state)
{
	(void)state;
	assert_true(align_order_id("p2", "p10") < 0);
	assert_true(align_order_id("t9", "t10") < 0);
	assert_true(align_order_id("p10", "t1") < 0);
	assert_true(align_order_id("r-0a", "r-09") > 0);
	assert_int_equal(align_order_id("f1", "f1"), 0);
	assert_true(align_order_id(NULL, "p1") < 0);
}

static int
cmp(const void *a, const void *b)
{
	return align_order_id(*(const char *const *)a,
	    *(const char *const *)b);
}

/* Sorted from any order, the same order: the comparison is total. */
static void
test_the_order_is_total(void **state)
{
	static const char *const ids[] = { "p2", "p10", "p1x", "p", "q1",
		"p02", "p1", "px", "" };
	const char *a[9], *b[9];
	size_t i, n = 9;

	(void)state;
	for (i = 0; i < n; i++) {
		a[i] = ids[i];
		b[i] = ids[n - 1 - i];
	}
	qsort(a, n, sizeof(*a), cmp);
	qsort(b, n, sizeof(*b), cmp);
	for (i = 0; i < n; i++)
		assert_string_equal(a[i], b[i]);
	for (i = 0; i + 1 < n; i++)
		assert_true(cmp(&a[i], &a[i + 1]) <= 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_times_as_instants),
		cmocka_unit_test(test_ids_by_their_number),
		cmocka_unit_test(test_the_order_is_total),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
