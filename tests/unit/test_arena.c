/* The store of strings a dictionary and a roster share: copies that stay
 * where they were put, in little more room than they take. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../lib/arena.h"

#define NAMES 333333

/* A third of a million names, each copied and NUL-terminated, every one
 * still as it was after all are in (chunks never move), in at most one
 * chunk more than they take. */
static void
test_many(void **state)
{
	struct align_arena a = ALIGN_ARENA_INIT;
	char **at = malloc(NAMES * sizeof(*at)), name[32];
	size_t i, bytes = 0;
	int n;

	(void)state;
	assert_non_null(at);
	assert_int_equal(align_arena_size(&a), 0);
	for (i = 0; i < NAMES; i++) {
		n = snprintf(name, sizeof(name), "Person %zu", i);
		at[i] = align_arena_put(&a, name, (size_t)n);
		assert_non_null(at[i]);
		bytes += (size_t)n + 1;
	}
	for (i = 0; i < NAMES; i++) {
		snprintf(name, sizeof(name), "Person %zu", i);
		assert_string_equal(at[i], name);
	}
	assert_true(align_arena_size(&a) >= bytes);
	assert_true(align_arena_size(&a) < bytes + bytes / 100 + 65536);
	align_arena_release(&a);
	assert_int_equal(align_arena_size(&a), 0);
	free(at);
}

/* A small store takes a small chunk; a string longer than a chunk gets
 * one of its own, and the strings beside it stay; bytes are copied as
 * they are, NUL bytes too, and an empty string is "". */
static void
test_sizes(void **state)
{
	struct align_arena a = ALIGN_ARENA_INIT;
	size_t big = 200000, i;
	char *s = malloc(big), *p, *q, *r;

	(void)state;
	assert_non_null(s);
	for (i = 0; i < big; i++)
		s[i] = (char)('a' + i % 26);
	p = align_arena_put(&a, "Ana", 3);
	assert_string_equal(p, "Ana");
	assert_true(align_arena_size(&a) <= 1024 + 64);
	q = align_arena_put(&a, s, big);
	assert_non_null(q);
	assert_memory_equal(q, s, big);
	assert_int_equal(q[big], '\0');
	r = align_arena_put(&a, "a\0b", 3);
	assert_memory_equal(r, "a\0b", 4);
	assert_string_equal(align_arena_put(&a, "", 0), "");
	assert_string_equal(p, "Ana");
	assert_true(align_arena_size(&a) >= 1024 + big + 1);
	assert_null(align_arena_put(&a, s, (size_t)-1));
	align_arena_release(&a);
	align_arena_release(&a);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_sizes),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
