/* Handles: an id by itself, a unique start of it or of its tail; an
 * ambiguous one refused naming the candidates; the shortest handle shown
 * always names its id again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/handle.h"

static const char *const themes[] = { "t1", "t10", "t11", "t2", "t12",
	"t13", "t14" };
static const char *const resps[] = { "r-4f00c96eeb0c0a3c",
	"r-4f01aa0000000000", "r-9ab1000000000000", "r-09be771" };
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
test_an_exact_id_wins_over_a_longer_one(void **state)
{
	(void)state;
	assert_int_equal(align_handle_find(themes, N(themes), "t1"), 0);
	assert_int_equal(align_handle_find(themes, N(themes), "t2"), 3);
	assert_int_equal(align_handle_find(themes, N(themes), "t9"),
	    ALIGN_HANDLE_NONE);
	assert_int_equal(align_handle_find(themes, N(themes), ""),
	    ALIGN_HANDLE_NONE);
}

static void
test_a_unique_prefix_or_tail_names_the_id(void **state)
{
	(void)state;
	assert_int_equal(align_handle_find(resps, N(resps), "r-4f00"), 0);
	assert_int_equal(align_handle_find(resps, N(resps), "4f01"), 1);
	assert_int_equal(align_handle_find(resps, N(resps), "9"), 2);
	assert_int_equal(align_handle_find(resps, N(resps), "r-0"), 3);
	assert_int_equal(align_handle_find(resps, N(resps), "4f0"),
	    ALIGN_HANDLE_AMBIGUOUS);
	assert_int_equal(align_handle_find(resps, N(resps), "r-4f00c96eeb0c0a3cX"),
	    ALIGN_HANDLE_NONE);
}

static void
test_an_ambiguous_handle_is_refused_naming_the_candidates(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	assert_int_equal(align_handle_resolve(themes, N(themes), "t", "theme",
	    EX_USAGE, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_string_equal(e.msg, "theme 't' is ambiguous: t1, t10, t11, t12 "
	    "or t13 (and more)");
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(align_handle_resolve(resps, N(resps), "4f0",
	    "response", EX_DATAERR, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_string_equal(e.msg, "response '4f0' is ambiguous: "
	    "r-4f00c96eeb0c0a3c or r-4f01aa0000000000");
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(align_handle_resolve(themes, N(themes), "p3",
	    "theme", EX_USAGE, &e), -1);
	assert_string_equal(e.msg, "no theme 'p3'");
}

static void
test_the_same_id_twice_is_not_ambiguous(void **state)
{
	static const char *const twice[] = { "p1", "p2", "p1" };

	(void)state;
	assert_int_equal(align_handle_find(twice, N(twice), "p1"), 0);
}

/* Every shown handle resolves to its own id, and is as short as it can
 * be. */
static void
test_the_shown_handle_names_its_id_again(void **state)
{
	size_t len[N(resps)], tlen[N(themes)], i, k;
	char typed[64];

	(void)state;
	assert_int_equal(align_handle_lengths(resps, N(resps), 6, len), 0);
	assert_int_equal(len[0], 6);	/* r-4f00 */
	assert_int_equal(len[1], 6);	/* r-4f01 */
	assert_int_equal(len[2], 6);
	for (i = 0; i < N(resps); i++) {
		const char *s = align_handle_shown(resps[i], len[i], &k);

		memcpy(typed, s, k);
		typed[k] = '\0';
		assert_int_equal(align_handle_find(resps, N(resps), typed),
		    (long)i);
	}
	assert_string_equal(align_handle_shown(resps[0], len[0], &k),
	    "4f00c96eeb0c0a3c");
	assert_int_equal(k, 4);
	assert_int_equal(align_handle_lengths(themes, N(themes), 1, tlen), 0);
	assert_int_equal(tlen[0], 2);	/* t1: the whole id */
	assert_int_equal(tlen[1], 3);
	assert_string_equal(align_handle_shown("t1", 2, &k), "t1");
	assert_int_equal(k, 2);
}

static void
test_the_number_of_an_id(void **state)
{
	(void)state;
	assert_int_equal(align_id_number("t12", "t"), 12);
	assert_int_equal(align_id_number("p7", "p"), 7);
	assert_int_equal(align_id_number("p7", "t"), -1);
	assert_int_equal(align_id_number("t", "t"), -1);
	assert_int_equal(align_id_number("t1x", "t"), -1);
	assert_int_equal(align_id_number("t99999999999999999999999", "t"), -1);
	assert_int_equal(align_id_number(NULL, "t"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_exact_id_wins_over_a_longer_one),
		cmocka_unit_test(test_a_unique_prefix_or_tail_names_the_id),
		cmocka_unit_test(
		    test_an_ambiguous_handle_is_refused_naming_the_candidates),
		cmocka_unit_test(test_the_same_id_twice_is_not_ambiguous),
		cmocka_unit_test(test_the_shown_handle_names_its_id_again),
		cmocka_unit_test(test_the_number_of_an_id),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
