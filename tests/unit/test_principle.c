/* A principle's dots and agreement, of a round of many voters: each
 * voter's dots found, a vote withdrawn and given again going to the end,
 * the votes written in the order given, as a plain list would keep them
 * (the model here), past the size where they are indexed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/principle.h"

#define VOTERS 1000

/* The votes as a list: names in the order given, their dots. */
struct model {
	char name[VOTERS * 2][16];
	long long n[VOTERS * 2];
	size_t len;
};

static long
model_at(const struct model *m, const char *who)
{
	size_t i;

	for (i = 0; i < m->len; i++)
		if (strcmp(m->name[i], who) == 0)
			return (long)i;
	return -1;
}

/* who's dots n in the model as align_principle_set_dots() gives them. */
static void
model_set(struct model *m, const char *who, long long n)
{
	long i = model_at(m, who);

	if (i >= 0 && n == 0) {
		memmove(m->name + i, m->name + i + 1,
		    (m->len - (size_t)i - 1) * sizeof(m->name[0]));
		memmove(m->n + i, m->n + i + 1,
		    (m->len - (size_t)i - 1) * sizeof(m->n[0]));
		m->len--;
	} else if (i >= 0) {
		m->n[i] = n;
	} else if (n != 0) {
		snprintf(m->name[m->len], sizeof(m->name[0]), "%s", who);
		m->n[m->len++] = n;
	}
}

/* p's votes, as written, are the model's, in its order. */
static void
same_votes(const struct align_principle *p, const struct model *m)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *rec = align_principle_record(p, NULL, NULL, &e);
	const struct align_node *v;
	long long sum = 0;
	size_t i;
	char n[32];

	assert_non_null(rec);
	v = align_map_get(rec, "votes");
	assert_non_null(v);
	assert_int_equal(v->n, m->len);
	for (i = 0; i < m->len; i++) {
		assert_string_equal(v->key[i], m->name[i]);
		snprintf(n, sizeof(n), "%lld", m->n[i]);
		assert_string_equal(v->item[i]->str, n);
		assert_int_equal(align_principle_dots(p, m->name[i]), m->n[i]);
		sum += m->n[i];
	}
	assert_int_equal(align_principle_tally(p), sum);
	assert_int_equal(align_principle_touched(p), m->len > 0);
	align_node_free(rec);
}

static void
test_dots_kept_in_order(void **state)
{
	struct align_principle *p = align_principle_new("p1"), *c;
	static struct model m;
	char who[16];
	size_t i, round;

	(void)state;
	assert_non_null(p);
	m.len = 0;
	for (i = 0; i < VOTERS; i++) {
		snprintf(who, sizeof(who), "V%04zu", i);
		assert_int_equal(align_principle_set_dots(p, who,
		    (long long)(1 + i % 3)), 0);
		model_set(&m, who, (long long)(1 + i % 3));
	}
	same_votes(p, &m);
	/* Ballots cast again and again: every voter's dots withdrawn, and
	 * some given again (at the end), some changed in place. */
	for (round = 0; round < 3; round++) {
		for (i = 0; i < VOTERS; i += 1 + round) {
			snprintf(who, sizeof(who), "V%04zu", (i * 7) % VOTERS);
			assert_int_equal(align_principle_set_dots(p, who, 0),
			    0);
			model_set(&m, who, 0);
			assert_int_equal(align_principle_dots(p, who), 0);
			if (i % 2)
				continue;
			assert_int_equal(align_principle_set_dots(p, who, 2),
			    0);
			model_set(&m, who, 2);
		}
		snprintf(who, sizeof(who), "V%04u", 3);
		assert_int_equal(align_principle_set_dots(p, who, 5), 0);
		model_set(&m, who, 5);
		same_votes(p, &m);
	}
	assert_int_equal(align_principle_dots(p, "nobody"), 0);
	assert_int_equal(align_principle_set_dots(p, "nobody", 0), 0);
	c = align_principle_copy(p);
	assert_non_null(c);
	same_votes(c, &m);
	for (i = 0; i < VOTERS; i++) {
		snprintf(who, sizeof(who), "V%04zu", i);
		assert_int_equal(align_principle_set_dots(c, who, 0), 0);
		model_set(&m, who, 0);
	}
	same_votes(c, &m);
	align_principle_free(c);
	align_principle_free(p);
}

static void
test_agreement_of_many(void **state)
{
	struct align_principle *p = align_principle_new("p1");
	char who[16];
	size_t i;

	(void)state;
	assert_non_null(p);
	p->statement = strdup("We listen.");
	for (i = 0; i < VOTERS; i += 2) {
		snprintf(who, sizeof(who), "V%04zu", i);
		assert_int_equal(align_principle_agree(p, who), 0);
		assert_int_equal(align_principle_agree(p, who), 0);
	}
	assert_int_equal(p->agreed.n, VOTERS / 2);
	for (i = 0; i < VOTERS; i++) {
		snprintf(who, sizeof(who), "V%04zu", i);
		assert_int_equal(align_principle_agreed_by(p, who), i % 2 == 0);
	}
	/* An objection withdraws the agreement; agreeing again gives it. */
	assert_int_equal(align_principle_object(p, "V0010", "why"), 0);
	assert_false(align_principle_agreed_by(p, "V0010"));
	assert_true(align_principle_agreed_by(p, "V0012"));
	assert_true(align_principle_objected_by(p, "V0010"));
	assert_int_equal(align_principle_agree(p, "V0010"), 0);
	assert_true(align_principle_agreed_by(p, "V0010"));
	assert_false(align_principle_objected_by(p, "V0010"));
	assert_int_equal(align_principle_reword(p, "We hear."), 0);
	assert_false(align_principle_agreed_by(p, "V0012"));
	assert_int_equal(align_principle_agree(p, "V0012"), 0);
	assert_true(align_principle_agreed_by(p, "V0012"));
	align_principle_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dots_kept_in_order),
		cmocka_unit_test(test_agreement_of_many),
	};

	return cmocka_run_group_tests_name("principle", tests, NULL, NULL);
}
