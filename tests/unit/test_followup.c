/* Pairs, cadence dates, and what is due. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/followup.h"

static char *people[] = { "Ana", "Ben", "Carla", "Dev", "Elif", "Femi",
	"Greta" };

static void
test_pairs_cover_everyone_once(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *pairs, *again;
	size_t i, j, count = 0, trios = 0;

	(void)state;
	assert_int_equal(align_pairs(people, 7, NULL, 1, &pairs, &e), 0);
	for (i = 0; i < pairs->n; i++) {
		count += pairs->item[i]->n;
		trios += pairs->item[i]->n == 3;
		for (j = 1; j < pairs->item[i]->n; j++)
			assert_true(strcmp(pairs->item[i]->item[j - 1]->str,
			    pairs->item[i]->item[j]->str) < 0);
	}
	assert_int_equal(count, 7);
	assert_int_equal(trios, 1);
	/* The same seed, the same pairs. */
	assert_int_equal(align_pairs(people, 7, NULL, 1, &again, &e), 0);
	assert_true(align_node_equal(pairs, again));
	align_node_free(again);
	align_node_free(pairs);
	assert_int_equal(align_pairs(people, 1, NULL, 1, &pairs, &e), -1);
}

static void
test_no_repeat_while_unused_pairs_exist(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *used = align_seq(), *pairs;
	int round;

	(void)state;
	/* Six people have 15 pairs: five rounds of three without a repeat. */
	for (round = 0; round < 5; round++) {
		size_t i;

		assert_int_equal(align_pairs(people, 6, used, 3, &pairs, &e),
		    0);
		assert_int_equal(align_pairs_repeats(pairs, used), 0);
		for (i = 0; i < pairs->n; i++)
			align_seq_push(used, align_node_copy(pairs->item[i]));
		align_node_free(pairs);
	}
	/* A sixth round must repeat. */
	assert_int_equal(align_pairs(people, 6, used, 3, &pairs, &e), 0);
	assert_true(align_pairs_repeats(pairs, used) > 0);
	align_node_free(pairs);
	align_node_free(used);
}

static struct align_node *
round_rec(const char *date, const char *every, const char *count)
{
	struct align_node *f = align_record_new("followup");

	align_map_put_str(f, "id", "f1");
	align_map_put_str(f, "date", date);
	if (every)
		align_map_put_str(f, "every", every);
	if (count)
		align_map_put_str(f, "count", count);
	return f;
}

static void
test_cadence_dates(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *f = round_rec("2027-01-13T12:00:00-05:00", "2w",
	    "3");
	struct align_round r;
	struct align_time t;
	char out[40];

	(void)state;
	assert_int_equal(align_round_of(f, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 2, &t), 0);
	align_time_format(&t, out);
	assert_string_equal(out, "2027-02-10T12:00:00-05:00");
	assert_int_equal(align_round_at(&r, 3, &t), -1);
	align_node_free(f);
	f = round_rec("2027-01-13", NULL, NULL);
	assert_int_equal(align_round_of(f, &r, &e), 0);
	assert_int_equal(align_round_at(&r, 0, &t), 0);
	assert_int_equal(align_round_at(&r, 1, &t), -1);
	align_node_free(f);
	f = round_rec("soon", NULL, NULL);
	assert_int_equal(align_round_of(f, &r, &e), -1);
	align_node_free(f);
}

static void
test_due_once(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *recs = align_seq(), *s = align_record_new("session");
	struct align_node *l = align_seq(), *m;
	struct align_due *items;
	struct align_time now;
	size_t n;

	(void)state;
	align_map_put_str(s, "id", "s");
	align_seq_push_str(l, "Ana");
	align_seq_push_str(l, "Ben");
	align_map_put(s, "participants", l);
	align_seq_push(recs, s);
	align_seq_push(recs, round_rec("2027-01-13T12:00:00Z", "1w", NULL));
	align_time_parse("2027-01-12T08:00:00Z", &now, &e);
	assert_int_equal(align_due_items(recs, &now, 0, &items, &n, &e), 0);
	assert_int_equal(n, 0);
	free(items);
	/* Three weekly meetings later, cron runs: one reminder, the
	 * latest, and the two people. */
	align_time_parse("2027-01-28T08:00:00Z", &now, &e);
	assert_int_equal(align_due_items(recs, &now, 0, &items, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(items[0].date, "2027-01-27");
	assert_non_null(strstr(items[0].what, "(missed)"));
	/* Marked: not again. */
	m = align_record_new("reminder");
	align_map_put_str(m, "id", items[0].id);
	align_seq_push(recs, m);
	free(items);
	assert_int_equal(align_due_items(recs, &now, 0, &items, &n, &e), 0);
	assert_int_equal(n, 2);
	free(items);
	align_node_free(recs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs_cover_everyone_once),
		cmocka_unit_test(test_no_repeat_while_unused_pairs_exist),
		cmocka_unit_test(test_cadence_dates),
		cmocka_unit_test(test_due_once),
	};

	return cmocka_run_group_tests_name("followup", tests, NULL, NULL);
}
