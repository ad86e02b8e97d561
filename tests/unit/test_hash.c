/* SipHash, content ids, the set and the counter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../lib/hash.h"

/* The check of a cache's contents changes with any one bit flipped, with
 * two words swapped, and with the length (trailing zeros). */
static void
test_check64_sees_damage(void **state)
{
	unsigned char buf[200], zeros[64] = { 0 };
	uint64_t base;
	size_t i;
	int bit;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7 + 3);
	base = align_check64(buf, sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		for (bit = 0; bit < 8; bit++) {
			buf[i] ^= (unsigned char)(1 << bit);
			assert_true(align_check64(buf, sizeof(buf)) != base);
			buf[i] ^= (unsigned char)(1 << bit);
		}
	memcpy(zeros, buf, 8);
	memcpy(buf, buf + 8, 8);
	memcpy(buf + 8, zeros, 8);
	assert_true(align_check64(buf, sizeof(buf)) != base);
	memset(zeros, 0, sizeof(zeros));
	assert_true(align_check64(zeros, 32) != align_check64(zeros, 40));
	assert_true(align_check64(zeros, 0) != align_check64(zeros, 1));
}

static void
test_siphash_reference_vector(void **state)
{
	/* The paper's test vector: key 00..0f, message 00..0e. */
	unsigned char key[16], msg[15];
	int i;

	(void)state;
	for (i = 0; i < 16; i++)
		key[i] = (unsigned char)i;
	for (i = 0; i < 15; i++)
		msg[i] = (unsigned char)i;
	assert_true(align_siphash(key, msg, 15) == 0xa129ca6149be45e5ULL);
}

static void
test_response_ids(void **state)
{
	char a[19], b[19], c[19], d[19];

	(void)state;
	assert_int_equal(align_response_id("Ana", NULL, "She listened.", 1,
	    a), 0);
	assert_int_equal(align_response_id("Ana", "", "She listened.", 1,
	    b), 0);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 18);
	assert_memory_equal(a, "r-", 2);
	/* Stable across versions: users keep these in git. */
	assert_string_equal(a, "r-9ce3b752279bf1fe");
	align_response_id("Ana", NULL, "She listened.", 2, c);
	assert_string_not_equal(a, c);
	/* The separator keeps ("ab", "c") apart from ("a", "bc"). */
	align_response_id("ab", NULL, "c", 1, c);
	align_response_id("a", NULL, "bc", 1, d);
	assert_string_not_equal(c, d);
}

static void
test_set_and_count(void **state)
{
	struct align_set set = ALIGN_SET_INIT;
	struct align_count count = ALIGN_COUNT_INIT;
	char key[32];
	int i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "r-%d", i);
		assert_int_equal(align_set_add(&set, key, strlen(key)), 1);
	}
	for (i = 0; i < 5000; i += 7) {
		snprintf(key, sizeof(key), "r-%d", i);
		assert_int_equal(align_set_add(&set, key, strlen(key)), 0);
		assert_true(align_set_has(&set, key, strlen(key)));
	}
	assert_false(align_set_has(&set, "r-x", 3));
	assert_int_equal(set.n, 5000);
	align_set_release(&set);
	for (i = 1; i <= 3000; i++)
		assert_int_equal(align_count_inc(&count, (uint64_t)i * 977), 1);
	for (i = 1; i <= 3000; i++)
		assert_int_equal(align_count_inc(&count, (uint64_t)i * 977), 2);
	assert_int_equal(align_count_inc(&count, 42 * 977), 3);
	assert_int_equal(align_count_inc(&count, 5), 1);
	/* Key 0 is a key like any other (it is kept as 1). */
	assert_int_equal(align_count_inc(&count, 0), 1);
	assert_int_equal(align_count_inc(&count, 0), 2);
	align_count_release(&count);
	/* Empty: nothing is in it. */
	assert_false(align_set_has(&set, "r-1", 3));
}

/* A long text is an id like a short one; the parts stay apart. */
static void
test_long_response_ids(void **state)
{
	char *text = malloc(5001), a[19], b[19];

	(void)state;
	assert_non_null(text);
	memset(text, 'x', 5000);
	text[5000] = '\0';
	assert_int_equal(align_response_id("Ana", "2026-12-02T12:00:00Z", text,
	    1, a), 0);
	text[4999] = 'y';
	assert_int_equal(align_response_id("Ana", "2026-12-02T12:00:00Z", text,
	    1, b), 0);
	assert_string_not_equal(a, b);
	assert_int_equal(align_response_id("Ana", "2026-12-02T12:00:00Z", text,
	    2, a), 0);
	assert_string_not_equal(a, b);
	free(text);
}

/* Dictionaries: ids in order, the same string the same id, many
 * strings and long ones. */
static void
test_dict(void **state)
{
	struct align_dict d = ALIGN_DICT_INIT;
	char key[32], *big = malloc(100000);
	long i;

	(void)state;
	assert_non_null(big);
	assert_int_equal(align_dict_id(&d, "none", 4, 0), -1);
	for (i = 0; i < 20000; i++) {
		snprintf(key, sizeof(key), "w%ld", i);
		assert_int_equal(align_dict_id(&d, key, strlen(key), 1), i);
	}
	for (i = 0; i < 20000; i += 13) {
		snprintf(key, sizeof(key), "w%ld", i);
		assert_int_equal(align_dict_id(&d, key, strlen(key), 0), i);
	}
	memset(big, 'b', 100000);
	assert_int_equal(align_dict_id(&d, big, 100000, 1), 20000);
	assert_int_equal(align_dict_id(&d, big, 100000, 0), 20000);
	assert_int_equal(align_dict_id(&d, big, 99999, 0), -1);
	assert_int_equal(align_dict_id(&d, "", 0, 1), 20001);
	assert_string_equal(d.str[3], "w3");
	align_dict_release(&d);
	free(big);
}

/* Looked up with the hash given, after hints to prefetch, the ids are
 * those of align_dict_id(): keys that differ in one byte, at the short
 * compare's bound (16) and past it, and keys pushed but not yet
 * indexed. */
static void
test_dict_hashed(void **state)
{
	struct align_dict d = ALIGN_DICT_INIT;
	char key[64];
	long i;

	(void)state;
	align_dict_prefetch_slot(&d, 1);	/* empty: nothing to read */
	align_dict_prefetch_entry(&d, 1);
	for (i = 0; i < 3000; i++) {
		size_t n = (size_t)snprintf(key, sizeof(key), "%0*ld",
		    (int)(i % 24) + 1, i);
		uint64_t h = align_dict_hash(key, n);

		align_dict_prefetch_slot(&d, h);
		align_dict_prefetch_entry(&d, h);
		assert_int_equal(align_dict_id_hashed(&d, key, n, h, 0), -1);
		assert_int_equal(align_dict_id_hashed(&d, key, n, h, 1), i);
	}
	assert_int_equal(align_dict_push(&d, "pushed", 6), 3000);
	for (i = 0; i < 3000; i++) {
		size_t n = (size_t)snprintf(key, sizeof(key), "%0*ld",
		    (int)(i % 24) + 1, i);
		uint64_t h = align_dict_hash(key, n);

		align_dict_prefetch_entry(&d, h);
		assert_int_equal(align_dict_id_hashed(&d, key, n, h, 0), i);
		assert_int_equal(align_dict_id(&d, key, n, 0), i);
		key[n - 1] = key[n - 1] == '9' ? '0' : (char)(key[n - 1] + 1);
		if (align_dict_id(&d, key, n, 0) >= 0)	/* another key */
			assert_int_not_equal(align_dict_id(&d, key, n, 0), i);
	}
	assert_int_equal(align_dict_id_hashed(&d, "pushed", 6,
	    align_dict_hash("pushed", 6), 0), 3000);
	align_dict_release(&d);
}

/* Keys kept whole whatever the room left: a first key longer than the
 * first chunk, then short ones that fill chunks, then a long one again. */
static void
test_dict_keys_across_chunks(void **state)
{
	struct align_dict d = ALIGN_DICT_INIT;
	static char big[5000];
	char key[32];
	long i;

	memset(big, 'b', sizeof(big));
	assert_int_equal(align_dict_id(&d, big, sizeof(big), 1), 0);
	for (i = 1; i <= 3000; i++) {
		snprintf(key, sizeof(key), "key %ld", i);
		assert_int_equal(align_dict_id(&d, key, strlen(key), 1), i);
	}
	big[0] = 'c';
	assert_int_equal(align_dict_id(&d, big, sizeof(big), 1), 3001);
	assert_int_equal(d.len[0], sizeof(big));
	assert_int_equal(d.str[0][0], 'b');
	assert_int_equal(d.str[0][sizeof(big) - 1], 'b');
	assert_int_equal(d.str[0][sizeof(big)], '\0');
	assert_string_equal(d.str[1500], "key 1500");
	assert_int_equal(d.str[3001][0], 'c');
	for (i = 1; i <= 3000; i++) {
		snprintf(key, sizeof(key), "key %ld", i);
		assert_int_equal(align_dict_id(&d, key, strlen(key), 0), i);
	}
	align_dict_release(&d);
}

/* The table freed once lookups are done (align_dict_unindex()), then
 * made again by the next lookup: every string keeps its id, lookups of
 * strings not there find nothing, and adding goes on from the last id.
 * The table's growth, which hashes the strings again, keeps every id
 * across several doublings. */
static void
test_dict_unindex(void **state)
{
	struct align_dict d = ALIGN_DICT_INIT;
	char key[40];
	long i;

	(void)state;
	align_dict_unindex(&d);		/* empty: nothing to free */
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "participant %ld", i);
		assert_int_equal(align_dict_id(&d, key, strlen(key), 1), i);
	}
	align_dict_unindex(&d);
	assert_null(d.slot);
	assert_int_equal(d.n, 5000);
	assert_string_equal(d.str[4321], "participant 4321");
	align_dict_prefetch_slot(&d, 1);	/* no table: nothing to read */
	align_dict_prefetch_entry(&d, 1);
	for (i = 4999; i >= 0; i--) {
		snprintf(key, sizeof(key), "participant %ld", i);
		assert_int_equal(align_dict_id(&d, key, strlen(key), 0), i);
	}
	assert_int_equal(align_dict_id(&d, "participant 5000", 16, 0), -1);
	assert_int_equal(align_dict_id(&d, "participant 5000", 16, 1), 5000);
	/* Pushed after the table went: indexed with the rest. */
	align_dict_unindex(&d);
	assert_int_equal(align_dict_push(&d, "pushed", 6), 5001);
	assert_int_equal(align_dict_id(&d, "pushed", 6, 0), 5001);
	assert_int_equal(align_dict_id(&d, "participant 17", 14, 0), 17);
	align_dict_release(&d);
}

/* A home that crowds the entries at the end of the table: most of them
 * wrap to its start, the case the doubling in place must get right. */
static size_t
crowded_home(uint64_t v, size_t cap)
{
	return v % 5 ? cap - 1 - (size_t)(v % 7) : (size_t)(v * 2654435761u);
}

/* Whether v is found probing from its home, past no empty slot. */
static int
found64(const uint64_t *slot, size_t cap, uint64_t v)
{
	size_t i = crowded_home(v, cap) & (cap - 1), k;

	for (k = 0; k < cap && slot[i]; k++, i = (i + 1) & (cap - 1))
		if (slot[i] == v)
			return 1;
	return 0;
}

/* Doubled in place, again and again, each time three quarters full of
 * entries most of which wrapped past the end: every entry is found from
 * its home afterwards, none is lost or made twice. */
static void
test_table64_doubles_in_place(void **state)
{
	uint64_t *slot = NULL, v;
	size_t cap = 0, n = 0, i, k, held;

	(void)state;
	assert_int_equal(align_table64_double(&slot, &cap, 8, crowded_home),
	    0);
	assert_int_equal(cap, 8);
	for (v = 1; cap < 16384; v++) {
		if ((n + 1) * 4 > cap * 3) {
			assert_int_equal(align_table64_double(&slot, &cap, 8,
			    crowded_home), 0);
			for (k = 1; k < v; k++)
				assert_true(found64(slot, cap, k));
		}
		i = crowded_home(v, cap) & (cap - 1);
		while (slot[i])
			i = (i + 1) & (cap - 1);
		slot[i] = v;
		n++;
	}
	for (held = 0, i = 0; i < cap; i++)
		held += slot[i] != 0;
	assert_int_equal(held, n);
	free(slot);
}

/* Counts across the doublings of their table, with keys whose slots
 * crowd its end and wrap. */
static void
test_count_across_doublings(void **state)
{
	struct align_count c = ALIGN_COUNT_INIT;
	uint64_t k;

	(void)state;
	for (k = 0; k < 20000; k++)
		assert_int_equal(align_count_inc(&c, k * 64 + 60 + k % 4), 1);
	for (k = 0; k < 20000; k++)
		assert_int_equal(align_count_inc(&c, k * 64 + 60 + k % 4), 2);
	align_count_release(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_siphash_reference_vector),
		cmocka_unit_test(test_check64_sees_damage),
		cmocka_unit_test(test_response_ids),
		cmocka_unit_test(test_set_and_count),
		cmocka_unit_test(test_table64_doubles_in_place),
		cmocka_unit_test(test_count_across_doublings),
		cmocka_unit_test(test_long_response_ids),
		cmocka_unit_test(test_dict),
		cmocka_unit_test(test_dict_hashed),
		cmocka_unit_test(test_dict_keys_across_chunks),
		cmocka_unit_test(test_dict_unindex),
	};

	return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}
