/* The reader's set of ids: exact for content ids, by fingerprint for the
 * others, through growth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../lib/idset.h"

/* A million content ids: each new once, seen after, and ids that differ
 * from them by one digit, or by case, or by length, never taken for
 * them. */
static void
test_content_ids(void **state)
{
	struct align_idset s = ALIGN_IDSET_INIT;
	char id[32];
	unsigned long i;

	(void)state;
	for (i = 2; i <= 1000000; i += 2) {
		snprintf(id, sizeof(id), "r-%016lx", i * 0x9e3779b1UL);
		assert_int_equal(align_idset_add(&s, id, 18), 1);
	}
	for (i = 2; i <= 1000000; i += 2) {
		snprintf(id, sizeof(id), "r-%016lx", i * 0x9e3779b1UL);
		assert_int_equal(align_idset_add(&s, id, 18), 0);
		assert_true(align_idset_has(&s, id, 18));
		snprintf(id, sizeof(id), "r-%016lx", (i + 1) * 0x9e3779b1UL);
		assert_false(align_idset_has(&s, id, 18));
	}
	assert_int_equal(align_idset_count(&s), 500000);
	/* "r-0000000000000000" is an id like any other. */
	assert_false(align_idset_has(&s, "r-0000000000000000", 18));
	assert_int_equal(align_idset_add(&s, "r-0000000000000000", 18), 1);
	assert_int_equal(align_idset_add(&s, "r-0000000000000000", 18), 0);
	assert_true(align_idset_has(&s, "r-0000000000000000", 18));
	assert_int_equal(align_idset_add(&s, "r-0000000000000001", 18), 1);
	/* Not content ids: upper case, a short one, a longer one. */
	assert_int_equal(align_idset_add(&s, "r-00000000000000A2", 18), 1);
	assert_int_equal(align_idset_add(&s, "r-00000000000000a2", 18), 1);
	assert_int_equal(align_idset_add(&s, "r-00000000000000A2", 18), 0);
	assert_int_equal(align_idset_add(&s, "r-12", 4), 1);
	assert_int_equal(align_idset_add(&s, "r-00000000000000a2x", 19), 1);
	assert_int_equal(align_idset_add(&s, "t1", 2), 1);
	assert_int_equal(align_idset_add(&s, "t1", 2), 0);
	assert_true(align_idset_has(&s, "t1", 2));
	assert_false(align_idset_has(&s, "t2", 2));
	assert_int_equal(align_idset_count(&s), 500007);
	align_idset_release(&s);
	assert_false(align_idset_has(&s, "t1", 2));
	assert_false(align_idset_has(&s, "r-00000000000000a2", 18));
}

/* Content ids that differ only in their top bits, or only in their low
 * ones, or are small numbers, told apart exactly: the number kept is
 * split between a list and its entries, and none of it is lost. */
static void
test_close_ids(void **state)
{
	struct align_idset s = ALIGN_IDSET_INIT;
	char id[32];
	unsigned long i, k;

	(void)state;
	for (k = 0; k < 3; k++)
		for (i = 1; i <= 65535; i++) {
			uint64_t v = k == 0 ? (uint64_t)i << 48 : k == 1 ?
			    0xabcdef0000000000ULL | i : (uint64_t)i;

			snprintf(id, sizeof(id), "r-%016llx",
			    (unsigned long long)v);
			assert_int_equal(align_idset_add(&s, id, 18), 1);
		}
	assert_int_equal(align_idset_count(&s), 3 * 65535);
	assert_true(align_idset_has(&s, "r-0001000000000000", 18));
	assert_false(align_idset_has(&s, "r-0001000000000001", 18));
	assert_true(align_idset_has(&s, "r-abcdef0000000001", 18));
	assert_false(align_idset_has(&s, "r-abcdef0000000000", 18));
	assert_false(align_idset_has(&s, "r-0000000000000000", 18));
	assert_false(align_idset_has(&s, "r-0000000000010000", 18));
	assert_true(align_idset_has(&s, "r-000000000000ffff", 18));
	assert_true(align_idset_has(&s, "r-ffff000000000000", 18));
	align_idset_release(&s);
}

/* Ids with a value: put, replaced, told apart from those not there,
 * content ids and others alike, through growth. */
static void
test_map(void **state)
{
	struct align_idmap m = ALIGN_IDMAP_INIT;
	char id[32];
	unsigned long i;

	(void)state;
	assert_int_equal(align_idmap_get(&m, "r-0000000000000001", 18), -1);
	assert_int_equal(align_idmap_get(&m, "t1", 2), -1);
	for (i = 0; i < 100000; i++) {
		snprintf(id, sizeof(id), "r-%016lx", i);
		assert_int_equal(align_idmap_put(&m, id, 18,
		    (uint8_t)(i % 7)), 0);
		snprintf(id, sizeof(id), "id %lu", i);
		assert_int_equal(align_idmap_put(&m, id, strlen(id),
		    (uint8_t)(i % 5)), 0);
	}
	for (i = 0; i < 100000; i++) {
		snprintf(id, sizeof(id), "r-%016lx", i);
		assert_int_equal(align_idmap_get(&m, id, 18), (int)(i % 7));
		snprintf(id, sizeof(id), "id %lu", i);
		assert_int_equal(align_idmap_get(&m, id, strlen(id)),
		    (int)(i % 5));
	}
	assert_int_equal(align_idmap_get(&m, "r-00000000000186a0", 18), -1);
	assert_int_equal(align_idmap_get(&m, "R-0000000000000001", 18), -1);
	assert_int_equal(align_idmap_put(&m, "r-0000000000000003", 18, 200),
	    0);
	assert_int_equal(align_idmap_get(&m, "r-0000000000000003", 18), 200);
	assert_int_equal(align_idmap_put(&m, "r-0000000000000000", 18, 9), 0);
	assert_int_equal(align_idmap_get(&m, "r-0000000000000000", 18), 9);
	align_idmap_release(&m);
	assert_int_equal(align_idmap_get(&m, "r-0000000000000003", 18), -1);
	assert_int_equal(align_idmap_get(&m, "id 3", 4), -1);
}

/* A meeting's ids in the small table, none of the lists' 65,536 heads
 * made (a new process would touch and free 1 MiB for fifty ids); the
 * 4,097th id moves them all into the lists, each still there once. */
static void
test_small_then_lists(void **state)
{
	struct align_idset s = ALIGN_IDSET_INIT;
	char id[32];
	unsigned long i, k;

	(void)state;
	for (i = 1; i <= 5000; i++) {
		snprintf(id, sizeof(id), "r-%016lx", i * 0x9e3779b97f4aUL);
		assert_int_equal(align_idset_add(&s, id, 18), 1);
		assert_int_equal(align_idset_add(&s, id, 18), 0);
		if (i <= 4096)
			assert_null(s.list);
		else
			assert_non_null(s.list);
		if (i == 50 || i == 4096 || i == 4097 || i == 5000)
			for (k = 1; k <= i + 1; k++) {
				snprintf(id, sizeof(id), "r-%016lx",
				    k * 0x9e3779b97f4aUL);
				assert_int_equal(align_idset_has(&s, id, 18),
				    k <= i);
			}
		assert_int_equal(align_idset_count(&s), i);
	}
	align_idset_release(&s);
	assert_int_equal(align_idset_count(&s), 0);
	assert_int_equal(align_idset_add(&s, "r-0000000000000005", 18), 1);
	assert_true(align_idset_has(&s, "r-0000000000000005", 18));
	assert_false(align_idset_has(&s, "r-0000000000000006", 18));
	align_idset_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_ids),
		cmocka_unit_test(test_close_ids),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_small_then_lists),
	};

	return cmocka_run_group_tests_name("idset", tests, NULL, NULL);
}
