/* How well a grouping finds gold labels: NMI and the adjusted Rand
 * index, over a sparse contingency table. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"

/* Contingency counts of a against b: the (a, b) pairs present, sorted,
 * with their counts, and the marginals. */
struct counts {
	uint64_t *key;		/* a << 32 | b of every item, sorted */
	size_t n;
	double *pair;		/* count of each distinct pair, in order */
	size_t npair;
	double *ra, *rb;	/* marginals */
	size_t na, nb;
};

static int
cmp_pair(const void *x, const void *y)
{
	const uint64_t *a = x, *b = y;

	return *a < *b ? -1 : *a > *b;
}

static void
counts_release(struct counts *c)
{
	free(c->key);
	free(c->pair);
	free(c->ra);
	free(c->rb);
}

/* 0, or -1 when out of memory (c released). */
static int
contingency(const uint32_t *a, const uint32_t *b, size_t n, struct counts *c)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	if ((c->key = malloc((n ? n : 1) * sizeof(*c->key))) == NULL)
		return -1;
	c->n = n;
	for (i = 0; i < n; i++) {
		c->key[i] = (uint64_t)a[i] << 32 | b[i];
		if (a[i] + 1 > c->na)
			c->na = a[i] + 1;
		if (b[i] + 1 > c->nb)
			c->nb = b[i] + 1;
	}
	qsort(c->key, n, sizeof(*c->key), cmp_pair);
	c->pair = calloc(n ? n : 1, sizeof(*c->pair));
	c->ra = calloc(c->na + 1, sizeof(*c->ra));
	c->rb = calloc(c->nb + 1, sizeof(*c->rb));
	if (c->pair == NULL || c->ra == NULL || c->rb == NULL) {
		counts_release(c);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (i == 0 || c->key[i] != c->key[i - 1])
			c->npair++;
		c->pair[c->npair - 1]++;
		c->ra[c->key[i] >> 32]++;
		c->rb[c->key[i] & 0xffffffffu]++;
	}
	return 0;
}

/* The entropy of marginals r[0 .. m) of N items. */
static double
entropy(const double *r, size_t m, double N)
{
	double h = 0;
	size_t i;

	for (i = 0; i < m; i++)
		if (r[i] > 0)
			h -= r[i] / N * log(r[i] / N);
	return h;
}

/* The mutual information of the table, pair by pair. */
static double
mutual_information(const struct counts *c, double N)
{
	double mi = 0;
	size_t i, p = 0;

	for (i = 0; i < c->n; i++) {
		double nij, ai, bj;

		if (i > 0 && c->key[i] == c->key[i - 1])
			continue;
		nij = c->pair[p++];
		ai = c->ra[c->key[i] >> 32];
		bj = c->rb[c->key[i] & 0xffffffffu];
		mi += nij / N * log(N * nij / (ai * bj));
	}
	return mi;
}

double
align_nmi(const uint32_t *a, const uint32_t *b, size_t n)
{
	struct counts c;
	double ha, hb, mi, N = (double)n;

	if (n == 0 || contingency(a, b, n, &c) < 0)
		return 0;
	ha = entropy(c.ra, c.na, N);
	hb = entropy(c.rb, c.nb, N);
	mi = mutual_information(&c, N);
	counts_release(&c);
	if (ha + hb <= 0)
		return 1;
	return 2 * mi / (ha + hb);
}

/* Pairs among counts r[0 .. m). */
static double
pairs(const double *r, size_t m)
{
	double s = 0;
	size_t i;

	for (i = 0; i < m; i++)
		s += r[i] * (r[i] - 1) / 2;
	return s;
}

double
align_ari(const uint32_t *a, const uint32_t *b, size_t n)
{
	struct counts c;
	double index, sa, sb, expected, max, total;

	if (n < 2 || contingency(a, b, n, &c) < 0)
		return 0;
	index = pairs(c.pair, c.npair);
	sa = pairs(c.ra, c.na);
	sb = pairs(c.rb, c.nb);
	counts_release(&c);
	total = (double)n * (double)(n - 1) / 2;
	expected = sa * sb / total;
	max = (sa + sb) / 2;
	if (max == expected)
		return 1;
	return (index - expected) / (max - expected);
}
