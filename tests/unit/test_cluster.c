/* Grouping documents: GSDMM (with its k-means refinement) and average
 * linkage find the groups, number them largest first, and give the same
 * groups for the same input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/cluster.h"
#include "../../lib/kmeans.h"
#include "../../lib/varint.h"

/* Three obvious groups over terms 0-8, of 5, 4 and 3 documents. */
static const uint32_t terms[] = {
	6, 7, 8,  6, 7,  7, 8,
	0, 1, 2,  0, 1,  1, 2,  0, 2, 1,  0, 1,
	3, 4, 5,  3, 4,  4, 5,  3, 5, 4,
};
static const size_t off[] = { 0, 3, 5, 7, 10, 12, 14, 17, 19, 22, 24, 26,
    29 };
#define NDOCS 12
static const uint32_t gold[NDOCS] = { 2, 2, 2, 0, 0, 0, 0, 0, 1, 1, 1, 1 };

static void
test_linkage_finds_the_groups(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	uint32_t z[NDOCS];

	(void)state;
	assert_int_equal(align_linkage(terms, off, NDOCS, 9, 0.15, z, &e), 3);
	/* Numbered by size, the largest first. */
	assert_memory_equal(z, gold, sizeof(z));
	/* Nothing is alike enough at 1: every document alone. */
	assert_int_equal(align_linkage(terms, off, NDOCS, 9, 1, z, &e),
	    NDOCS);
}

/* Two groups of five whose members are each only a little alike (as
 * short texts are: 0.05), a little more than with the other group
 * (0.002), and a document alike to none: a threshold of 0.15 leaves all
 * alone, the cut the data choose (threshold 0) finds the two groups. */
static void
test_linkage_cut_follows_the_data(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	double sim[11 * 11];
	uint32_t z[11];
	size_t i, j;

	(void)state;
	for (i = 0; i < 11; i++)
		for (j = 0; j < 11; j++)
			sim[i * 11 + j] = i == 10 || j == 10 ? 0 :
			    i / 5 == j / 5 ? 0.05 : 0.002;
	assert_int_equal(align_linkage_sim(sim, 11, 0.15, z, &e), 11);
	for (i = 0; i < 11; i++)
		for (j = 0; j < 11; j++)
			sim[i * 11 + j] = i == 10 || j == 10 ? 0 :
			    i / 5 == j / 5 ? 0.05 : 0.002;
	assert_int_equal(align_linkage_sim(sim, 11, 0, z, &e), 3);
	for (i = 1; i < 10; i++)
		assert_int_equal(z[i] == z[0], i < 5);
	assert_true(z[10] != z[0] && z[10] != z[5]);
}

/* The three obvious groups, by the cut the data choose too. */
static void
test_linkage_cut_finds_the_obvious_groups(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	uint32_t z[NDOCS];

	(void)state;
	assert_int_equal(align_linkage(terms, off, NDOCS, 9, 0, z, &e), 3);
	assert_memory_equal(z, gold, sizeof(z));
}

static void
test_gsdmm_finds_the_groups(void **state)
{
	struct align_gsdmm_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	uint32_t z[NDOCS], again[NDOCS];

	(void)state;
	o.seed = 7;
	assert_int_equal(align_gsdmm(terms, off, NDOCS, 9, &o, z, &e), 3);
	assert_memory_equal(z, gold, sizeof(z));
	/* The same seed, the same groups. */
	assert_int_equal(align_gsdmm(terms, off, NDOCS, 9, &o, again, &e), 3);
	assert_memory_equal(z, again, sizeof(z));
	/* Without the refinement, or told the number, too. */
	o.refine = -1;
	assert_int_equal(align_gsdmm(terms, off, NDOCS, 9, &o, z, &e), 3);
	assert_memory_equal(z, gold, sizeof(z));
	o.refine = 0;
	o.k = 3;
	assert_int_equal(align_gsdmm(terms, off, NDOCS, 9, &o, z, &e), 3);
	assert_memory_equal(z, gold, sizeof(z));
}

/* Documents anywhere in a pool, 7 bits a byte, in another order, with
 * terms to leave out among them (200, 299): the groups of the same
 * documents one after another without those terms. */
static void
test_gsdmm_documents_in_a_pool(void **state)
{
	struct align_gsdmm_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	uint8_t pool[64 * ALIGN_VARINT_MAX];
	uint32_t z[NDOCS], want[NDOCS], start[NDOCS], end[NDOCS];
	uint8_t drop[300] = { 0 };
	size_t at = 0, d, i;

	(void)state;
	drop[200] = drop[299] = 1;	/* two bytes each */
	/* Last document first, each after a term left out, one inside,
	 * 7 bits a byte. */
	for (d = NDOCS; d-- > 0; ) {
		at += align_varint_put(pool + at, 299);
		start[d] = (uint32_t)at;
		for (i = off[d]; i < off[d + 1]; i++) {
			at += align_varint_put(pool + at, terms[i]);
			if (i == off[d])
				at += align_varint_put(pool + at, 200);
		}
		end[d] = (uint32_t)at;
	}
	o.seed = 7;
	assert_int_equal(align_gsdmm(terms, off, NDOCS, 9, &o, want, &e), 3);
	assert_int_equal(align_gsdmm_docs(pool, start, end, NDOCS, 300, drop,
	    &o, z, &e), 3);
	assert_memory_equal(z, want, sizeof(z));
	assert_memory_equal(z, gold, sizeof(z));
}

/* Learning on a sample, every document still gets the group of those
 * like it. */
static void
test_gsdmm_on_a_sample(void **state)
{
	enum { REP = 40 };
	struct align_gsdmm_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	uint32_t *t = malloc(sizeof(terms) * REP), *z = malloc(NDOCS * REP *
	    sizeof(*z));
	size_t *o2 = malloc((NDOCS * REP + 1) * sizeof(*o2)), i, d, at = 0;
	long k;

	(void)state;
	for (i = 0; i < REP; i++)
		for (d = 0; d < NDOCS; d++) {
			o2[i * NDOCS + d] = at;
			memcpy(t + at, terms + off[d], (off[d + 1] - off[d]) *
			    sizeof(*t));
			at += off[d + 1] - off[d];
		}
	o2[NDOCS * REP] = at;
	o.seed = 3;
	o.sample = 100;
	k = align_gsdmm(t, o2, NDOCS * REP, 9, &o, z, &e);
	assert_int_equal(k, 3);
	for (i = 0; i < REP; i++)
		assert_memory_equal(z + i * NDOCS, gold, sizeof(gold));
	free(t);
	free(z);
	free(o2);
}

/* A word of every group weighs little once the groups are known, a word
 * of one group keeps its idf: term 9, added to every document, is spread
 * over the three groups as they are sized (5, 4, 3); terms 0-8 are each
 * in one group. */
static void
test_kmeans_focus_on_telling_words(void **state)
{
	uint32_t t[sizeof(terms) / sizeof(*terms) + NDOCS];
	size_t o2[NDOCS + 1], pick[NDOCS], d, at = 0;
	struct align_docs dc = { .terms = t, .off = o2, .end = o2 + 1,
	    .pick = pick, .ns = NDOCS, .v = 10 };
	struct align_centroids ce = { 0 };
	double before[10];
	size_t i;

	(void)state;
	for (d = 0; d < NDOCS; d++) {
		o2[d] = at;
		pick[d] = d;
		memcpy(t + at, terms + off[d], (off[d + 1] - off[d]) *
		    sizeof(*t));
		at += off[d + 1] - off[d];
		t[at++] = 9;
	}
	o2[NDOCS] = at;
	ce.v = 10;
	assert_int_equal(align_kmeans_weigh(&ce, &dc, 3), 0);
	memcpy(before, ce.idf, sizeof(before));
	assert_int_equal(align_kmeans_focus(&ce, &dc, 3, gold), 0);
	for (i = 0; i < 9; i++)
		assert_true(ce.idf[i] == before[i]);
	/* 1 - H(5/12, 4/12, 3/12) / log 3: 0.018. */
	assert_true(ce.idf[9] < 0.03 * before[9]);
	assert_true(ce.idf[9] > 0);
	align_kmeans_release(&ce);
}

/* A response is a unit vector however often it repeats a word: alone in
 * its group, its centroid's length before it is made unit (what fit
 * sums) is its own, 1; and fit over the responses is their mean cosine
 * to their groups' centroids, at most 1.  Term 0
 * twice and term 1; term 2 three times; terms 1 and 3; term 3 and term 0
 * twice; term 2 twice. */
static void
test_kmeans_repeated_terms_unit(void **state)
{
	static const uint32_t t[] = { 0, 1, 0,  2, 2, 2,  1, 3,  3, 0, 0,
	    2, 2 };
	static const size_t o2[] = { 0, 3, 6, 8, 11, 13 };
	size_t pick[] = { 0, 1, 2, 3, 4 }, i;
	struct align_docs dc = { .terms = t, .off = o2, .end = o2 + 1,
	    .pick = pick, .ns = 5, .v = 4 };
	struct align_centroids ce = { 0 };
	uint32_t one[] = { 0, 0, 0, 0, 0 }, two[] = { 0, 1, 0, 0, 1 };
	double fit;

	(void)state;
	ce.v = 4;
	assert_int_equal(align_kmeans_weigh(&ce, &dc, 2), 0);
	/* Each response a sample of its own, weighed as among the five. */
	dc.ns = 1;
	for (i = 0; i < 5; i++) {
		dc.pick = pick + i;
		assert_int_equal(align_kmeans_centroids(&ce, &dc, 1, one,
		    &fit), 0);
		if (fabs(fit - 1) > 1e-9)
			fail_msg("response %zu: length %.6f, not 1", i, fit);
	}
	dc.ns = 5;
	dc.pick = pick;
	assert_int_equal(align_kmeans_centroids(&ce, &dc, 2, two, &fit), 0);
	/* Responses 1 and 4 are term 2 alone: both at cosine 1. */
	if (fit / 5 > 1 + 1e-9 || fit / 5 < -1 - 1e-9)
		fail_msg("mean cosine %.6f, outside [-1, 1]", fit / 5);
	assert_int_equal(align_kmeans_centroids(&ce, &dc, 2, one, &fit), 0);
	if (fit / 5 > 1 + 1e-9 || fit / 5 < -1 - 1e-9)
		fail_msg("mean cosine %.6f, outside [-1, 1]", fit / 5);
	align_kmeans_release(&ce);
}

static void
test_no_documents(void **state)
{
	struct align_gsdmm_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	uint32_t z[1];
	size_t none[] = { 0 };

	(void)state;
	assert_int_equal(align_gsdmm(terms, none, 0, 9, &o, z, &e), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linkage_finds_the_groups),
		cmocka_unit_test(test_linkage_cut_follows_the_data),
		cmocka_unit_test(test_linkage_cut_finds_the_obvious_groups),
		cmocka_unit_test(test_gsdmm_finds_the_groups),
		cmocka_unit_test(test_gsdmm_documents_in_a_pool),
		cmocka_unit_test(test_gsdmm_on_a_sample),
		cmocka_unit_test(test_kmeans_focus_on_telling_words),
		cmocka_unit_test(test_kmeans_repeated_terms_unit),
		cmocka_unit_test(test_no_documents),
	};

	return cmocka_run_group_tests_name("grouping documents", tests, NULL,
	    NULL);
}
