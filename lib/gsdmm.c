/*
 * GSDMM (Yin and Wang, KDD 2014): a collapsed Gibbs sampler over a
 * mixture of unigram models, one topic a document.  Chains run side by
 * side on a sample; the best, refined by k-means (kmeans.c), gives every
 * document its cluster, in two halves side by side.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cluster.h"
#include "cluster_int.h"
#include "kmeans.h"
#include "rand.h"

#define CHAINS 3	/* Gibbs chains from different starts */
#define FEW_CHAINS 5000	/* a sample this large needs two (one loses
			 * 0.02 of NMI on StackOverflow), */
#define FEW_CHAIN_TERMS 50000	/* or one of this many terms */
#define SAMPLE_TERMS 100000	/* terms of the sample at most, by the
				 * documents' average: a long text tells
				 * the sampler as much as a few short ones
				 * (the short-text sets hold under 90,000
				 * in 10,000 documents) */
#define MIN_SWEEPS 10	/* sweeps of a chain at least, */
#define STILL 5		/* then until this many in a row do no better */
#define EARLY 2000	/* on a sample this large: a smaller one is cheap */
#define MINDF 2		/* documents a term must be in to count */
#define CACHED 16	/* terms of a document whose cluster is cached */
#define REFINE 10	/* rounds of k-means after the sampler, at most */
#define FOCUS 2		/* and then, the words weighed by how few
			 * groups they spread over */

struct cached {
	uint64_t h;
	size_t len;
	uint32_t z;
	uint32_t w[CACHED];
};

/* The counts are kept by slot: the clusters that hold documents take the
 * first nact slots, in the order of act, so that the sampler reads a
 * term's counts in one run of memory. */
struct model {
	size_t k, v;
	double alpha, beta;
	uint32_t *m;		/* by slot: documents in the cluster */
	uint32_t *nz;		/* by slot: terms in the cluster */
	uint32_t *nzw;		/* [term * k + slot] */
	double *p;		/* by slot, then the empty one */
	uint32_t *act;		/* by slot: the cluster that holds documents */
	uint32_t *pos;		/* a cluster's slot, or UINT32_MAX */
	size_t nact;
};

/* All empty clusters are alike, so the sampler weighs them once. */
static void
activate(struct model *md, uint32_t z)
{
	md->pos[z] = (uint32_t)md->nact;
	md->act[md->nact++] = z;
}

/* Cluster z has emptied: the last slot's cluster takes its slot, counts
 * and all. */
static void
deactivate(struct model *md, uint32_t z)
{
	uint32_t at = md->pos[z], last = (uint32_t)--md->nact;
	size_t t;

	if (at != last) {
		for (t = 0; t < md->v; t++) {
			uint32_t *row = md->nzw + t * md->k;

			row[at] = row[last];
			row[last] = 0;
		}
		md->m[at] = md->m[last];
		md->nz[at] = md->nz[last];
		md->act[at] = md->act[last];
		md->pos[md->act[at]] = at;
	}
	md->m[last] = 0;
	md->nz[last] = 0;
	md->pos[z] = UINT32_MAX;
}

/* The lowest-numbered empty cluster. */
static uint32_t
first_empty(const struct model *md)
{
	uint32_t z = 0;

	while (md->pos[z] != UINT32_MAX)
		z++;
	return z;
}

static void
update(struct model *md, const uint32_t *w, size_t n, uint32_t z, int sign)
{
	size_t i, s;

	if (sign > 0 && md->pos[z] == UINT32_MAX)
		activate(md, z);
	s = md->pos[z];
	for (i = 0; i < n; i++)
		md->nzw[(size_t)w[i] * md->k + s] += (uint32_t)sign;
	md->m[s] += (uint32_t)sign;
	md->nz[s] += (uint32_t)(sign * (int)n);
	if (md->m[s] == 0)
		deactivate(md, z);
}

#define CHUNK 20	/* terms whose numerators are multiplied before one
			 * division: no overflow in 20 terms of under 1e9 */

/* Slots a .. a + 4 of conditional(): p[] times the numerators over the
 * denominators, each slot's factors in the order of the terms (4
 * accumulators at once, in registers), CHUNK terms a division. */
static void
conditional4(double *restrict p, const uint32_t *restrict nz,
    const uint32_t *const *rows, const double *b, size_t n, double vb,
    size_t a)
{
	double x0 = p[a], x1 = p[a + 1], x2 = p[a + 2], x3 = p[a + 3];
	double n0 = (int32_t)nz[a] + vb, n1 = (int32_t)nz[a + 1] + vb;
	double n2 = (int32_t)nz[a + 2] + vb, n3 = (int32_t)nz[a + 3] + vb;
	size_t i, c, end;

	for (c = 0; c < n; c = end) {
		double d0 = 1, d1 = 1, d2 = 1, d3 = 1;

		end = n - c > CHUNK ? c + CHUNK : n;
		for (i = c; i < end; i++) {
			const uint32_t *row = rows[i] + a;

			x0 *= (int32_t)row[0] + b[i];
			x1 *= (int32_t)row[1] + b[i];
			x2 *= (int32_t)row[2] + b[i];
			x3 *= (int32_t)row[3] + b[i];
		}
		for (i = c; i < end; i++) {
			d0 *= n0 + (double)i;
			d1 *= n1 + (double)i;
			d2 *= n2 + (double)i;
			d3 *= n3 + (double)i;
		}
		x0 /= d0;
		x1 /= d1;
		x2 /= d2;
		x3 /= d3;
	}
	p[a] = x0;
	p[a + 1] = x1;
	p[a + 2] = x2;
	p[a + 3] = x3;
}

/* The same for slot a alone. */
static void
conditional1(double *restrict p, const uint32_t *restrict nz,
    const uint32_t *const *rows, const double *b, size_t n, double vb,
    size_t a)
{
	double x = p[a], base = (int32_t)nz[a] + vb;
	size_t i, c, end;

	for (c = 0; c < n; c = end) {
		double d = 1;

		end = n - c > CHUNK ? c + CHUNK : n;
		for (i = c; i < end; i++)
			x *= (int32_t)rows[i][a] + b[i];
		for (i = c; i < end; i++)
			d *= base + (double)i;
		x /= d;
	}
	p[a] = x;
}

/* p[a] for each active cluster (by slot), and p[nact] for one empty
 * cluster: how likely the document is to belong there.  Returns the
 * total, the empty clusters counted k - nact times.  CHUNK terms at a
 * time, the numerators are multiplied, then divided once by the product
 * of the denominators.  Counts are below 2^31. */
static double
conditional(struct model *md, const uint32_t *w, size_t n)
{
	const uint32_t *rows[ALIGN_DOC_TERMS];
	double b[ALIGN_DOC_TERMS];
	double vb = (double)md->v * md->beta, sum = 0, pe = md->alpha;
	double *p = md->p;
	size_t i, a, rep = 0, na = md->nact;

	for (i = 0; i < n; i++) {
		rep = i > 0 && w[i] == w[i - 1] ? rep + 1 : 0;
		rows[i] = md->nzw + (size_t)w[i] * md->k;
		b[i] = md->beta + (double)rep;
		pe *= b[i] / (vb + (double)i);
	}
	for (a = 0; a < na; a++)
		p[a] = md->m[a] + md->alpha;
	for (a = 0; a + 4 <= na; a += 4)
		conditional4(p, md->nz, rows, b, n, vb, a);
	for (; a < na; a++)
		conditional1(p, md->nz, rows, b, n, vb, a);
	p[na] = na < md->k ? pe : 0;
	for (a = 0; a < na; a++)
		sum += p[a];
	return sum + p[na] * (double)(md->k - na);
}

/* The cluster at u of the total mass; for the empty mass, the first empty
 * cluster. */
static uint32_t
pick_cluster(const struct model *md, double u)
{
	size_t a;

	for (a = 0; a < md->nact; a++)
		if ((u -= md->p[a]) <= 0)
			return md->act[a];
	return md->nact < md->k ? first_empty(md) : md->act[md->nact - 1];
}

/* The most probable cluster, the lowest-numbered among equals. */
static uint32_t
best_cluster(const struct model *md)
{
	size_t a;
	uint32_t best = UINT32_MAX;
	double bp = -1;

	for (a = 0; a < md->nact; a++)
		if (md->p[a] > bp || (md->p[a] == bp && md->act[a] < best)) {
			bp = md->p[a];
			best = md->act[a];
		}
	if (md->nact < md->k && md->p[md->nact] > bp)
		best = first_empty(md);
	return best;
}

/* The log of the collapsed joint probability of the assignment, up to a
 * constant: what a chain is judged by. */
/* lgamma(3) sets the global signgam, so two chains at once must not. */
static double
lg(double x)
{
	int sign;

	return lgamma_r(x, &sign);
}

/* Summed cluster by cluster in their numbers' order, as the counts once
 * lay. */
static double
loglik(const struct model *md)
{
	double ll = 0, vb = (double)md->v * md->beta;
	size_t z, t;

	for (z = 0; z < md->k; z++) {
		uint32_t s = md->pos[z];

		if (s == UINT32_MAX)
			continue;
		ll += lg(md->m[s] + md->alpha) - lg(md->nz[s] + vb);
	}
	for (t = 0; t < md->v; t++)
		for (z = 0; z < md->k; z++) {
			uint32_t s = md->pos[z], c;

			if (s != UINT32_MAX && (c = md->nzw[t * md->k + s]))
				ll += lg(c + md->beta) - lg(md->beta);
		}
	return ll;
}

static void
reset(struct model *md)
{
	memset(md->m, 0, md->k * sizeof(*md->m));
	memset(md->nz, 0, md->k * sizeof(*md->nz));
	memset(md->nzw, 0, md->v * md->k * sizeof(*md->nzw));
	memset(md->pos, 0xff, md->k * sizeof(*md->pos));
	md->nact = 0;
}

/* A chain starts from clusters drawn at random. */
static void
start(struct model *md, const struct align_docs *dc, struct align_rand *rs,
    uint32_t *sz)
{
	uint32_t w[ALIGN_DOC_TERMS];
	size_t i;

	reset(md);
	for (i = 0; i < dc->ns; i++) {
		size_t len;
		const uint32_t *x = align_sample_terms(dc, i, w, &len);

		sz[i] = (uint32_t)align_rand_below(rs, md->k);
		update(md, x, len, sz[i], 1);
	}
}

/* One Gibbs sweep: each document drawn again from its conditional; how
 * many moved. */
static size_t
sweep(struct model *md, const struct align_docs *dc, struct align_rand *rs,
    uint32_t *sz)
{
	uint32_t w[ALIGN_DOC_TERMS];
	size_t i, moved = 0;

	for (i = 0; i < dc->ns; i++) {
		size_t len;
		const uint32_t *x = align_sample_terms(dc, i, w, &len);
		double u, sum;
		uint32_t c;

		update(md, x, len, sz[i], -1);
		sum = conditional(md, x, len);
		u = align_rand_unit(rs) * sum;
		c = pick_cluster(md, u);
		moved += c != sz[i];
		sz[i] = c;
		update(md, x, len, c, 1);
	}
	return moved;
}

/* A sweep that moves each document to its most probable cluster: how
 * many moved. */
static size_t
settle(struct model *md, const struct align_docs *dc, uint32_t *sz)
{
	uint32_t w[ALIGN_DOC_TERMS];
	size_t i, moved = 0;

	for (i = 0; i < dc->ns; i++) {
		size_t len;
		const uint32_t *x = align_sample_terms(dc, i, w, &len);
		uint32_t best;

		update(md, x, len, sz[i], -1);
		conditional(md, x, len);
		best = best_cluster(md);
		moved += best != sz[i];
		sz[i] = best;
		update(md, x, len, best, 1);
	}
	return moved;
}

/* One chain on the sample: sz gets its clusters; md is left holding the
 * counts.  Returns its log likelihood.  After the sweeps, a few that
 * settle each document take out the noise of the last samples. */
static double
chain(struct model *md, const struct align_docs *dc, int iters,
    uint64_t seed, uint32_t *sz)
{
	struct align_rand rs = ALIGN_RAND_INIT(seed);
	size_t least = 0;
	int it, still = 0;

	start(md, dc, &rs, sz);
	for (it = 0; it < iters; it++) {
		size_t moved = sweep(md, dc, &rs, sz);

		/* Converged: STILL sweeps in a row have moved no fewer (by
		 * 2 %) than the fewest before; the moves left are the
		 * sampler's noise, not a better grouping. */
		if (moved * 50 < least * 49 || it == 0) {
			least = moved;
			still = 0;
		} else if (++still == STILL && it + 1 >= MIN_SWEEPS &&
		    dc->ns >= EARLY) {
			break;
		}
	}
	for (it = 0; it < 5; it++)
		if (settle(md, dc, sz) == 0)
			break;
	return loglik(md);
}

static void
model_free(struct model *md)
{
	free(md->m);
	free(md->nz);
	free(md->p);
	free(md->nzw);
	free(md->act);
	free(md->pos);
}

static int
model_alloc(struct model *md, size_t k, size_t v, double alpha, double beta)
{
	memset(md, 0, sizeof(*md));
	md->k = k;
	md->v = v;
	md->alpha = alpha;
	md->beta = beta;
	md->m = calloc(k, sizeof(*md->m));
	md->nz = calloc(k, sizeof(*md->nz));
	md->p = malloc((k + 1) * sizeof(*md->p));
	md->nzw = calloc(v * k, sizeof(*md->nzw));
	md->act = malloc(k * sizeof(*md->act));
	md->pos = malloc(k * sizeof(*md->pos));
	if (md->m == NULL || md->nz == NULL || md->p == NULL ||
	    md->nzw == NULL || md->act == NULL || md->pos == NULL) {
		model_free(md);
		memset(md, 0, sizeof(*md));
		return -1;
	}
	return 0;
}


/* Work shared out to threads: a chain, or a part of the documents. */
struct job {
	const struct align_docs *dc;
	struct model md;
	/* a chain */
	int iters;
	uint64_t seed;
	uint32_t *sz;
	double ll;
	/* documents from, to, into z */
	size_t from, to;
	uint32_t *z;
	struct cached *cache;
	const struct align_centroids *ce;	/* refined: the nearest centroid */
	double *score;
	pthread_t thread;
	int started;
};

static void *
chain_job(void *arg)
{
	struct job *j = arg;

	j->ll = chain(&j->md, j->dc, j->iters, j->seed, j->sz);
	return NULL;
}

/* The cluster of document w[0 .. len): the nearest centroid, or the most
 * probable cluster (ties to the first) but no new one. */
static uint32_t
cluster_of(struct job *j, const uint32_t *w, size_t len)
{
	if (j->ce)
		return align_kmeans_nearest(j->ce, w, len, j->score);
	conditional(&j->md, w, len);
	j->md.p[j->md.nact] = 0;	/* no new clusters now */
	return best_cluster(&j->md);
}

/* Every document from .. to to its cluster.  Documents with the same
 * terms go to the same cluster: a cache of the last answers, by a hash of
 * the terms, saves asking again. */
static void *
assign_job(void *arg)
{
	struct job *j = arg;
	uint32_t w[ALIGN_DOC_TERMS];
	size_t d, i;

	for (d = j->from; d < j->to; d++) {
		size_t len = align_doc_terms(j->dc, d, w), slot;
		uint64_t h = 0x9e3779b97f4a7c15ULL * (len + 1);
		struct cached *c;

		for (i = 0; i < len; i++)
			h = (h ^ w[i]) * 0x100000001b3ULL;
		slot = (size_t)(h >> 52);
		c = &j->cache[slot];
		if (c->h == h && c->len == len &&
		    memcmp(c->w, w, len * sizeof(*w)) == 0) {
			j->z[d] = c->z;
			continue;
		}
		j->z[d] = cluster_of(j, w, len);
		if (len <= CACHED) {
			c->h = h;
			c->len = len;
			c->z = j->z[d];
			memcpy(c->w, w, len * sizeof(*w));
		}
	}
	return NULL;
}

/* Run a job in a thread of its own when there is a processor for it,
 * else now. */
static void
job_start(struct job *j, void *(*fn)(void *), int threads)
{
	j->started = threads && pthread_create(&j->thread, NULL, fn, j) == 0;
	if (!j->started)
		fn(j);
}

static void
job_wait(struct job *j)
{
	if (j->started)
		pthread_join(j->thread, NULL);
	j->started = 0;
}

/* A run of the method: the sample, its chains, the winner. */
struct gsdmm {
	struct align_docs dc;
	size_t *pick;		/* dc.pick, owned */
	uint32_t *map;		/* dc.map, owned */
	uint32_t *st;		/* dc.st, owned */
	size_t *soff;		/* dc.soff, owned */
	const uint8_t *drop;	/* by term: left out, or NULL */
	size_t total;		/* terms of the documents, but those */
	size_t n, k;
	int nchains, best, threads;
	struct job job[CHAINS], part[2];
	struct align_centroids ce;
	double *scratch;
};

/* Learn on up to sample documents spread evenly over the n, and (as the
 * documents go on average) up to SAMPLE_TERMS terms. */
static int
sample_docs(struct gsdmm *g, size_t sample)
{
	double avg = (double)g->total / (double)g->n;
	size_t i;

	if (avg * (double)sample > SAMPLE_TERMS)
		sample = (size_t)(SAMPLE_TERMS / avg);
	if (sample < FEW_CHAINS / 2)
		sample = FEW_CHAINS / 2;
	g->dc.ns = g->n < sample ? g->n : sample;
	if ((g->pick = malloc(g->dc.ns * sizeof(*g->pick))) == NULL)
		return -1;
	for (i = 0; i < g->dc.ns; i++)
		g->pick[i] = (size_t)((double)i * (double)g->n /
		    (double)g->dc.ns);
	g->dc.pick = g->pick;
	return 0;
}

/* Terms of one document alone tell nothing about groups: only those of
 * MINDF documents or more in the sample are counted. */
static int
count_terms(struct gsdmm *g, size_t nterms)
{
	const struct align_docs *dc = &g->dc;
	size_t i, v = 0;

	if ((g->map = malloc((nterms ? nterms : 1) * sizeof(*g->map))) == NULL)
		return -1;
	memset(g->map, 0, nterms * sizeof(*g->map));
	for (i = 0; i < dc->ns; i++) {
		size_t at = 0;
		uint32_t t;

		while (align_doc_next(dc, dc->pick[i], &at, &t))
			if (g->map[t] < 2)
				g->map[t]++;
	}
	for (i = 0; i < nterms; i++)
		g->map[i] = g->map[i] >= MINDF && (g->drop == NULL ||
		    !g->drop[i]) ? (uint32_t)v++ : UINT32_MAX;
	g->dc.map = g->map;
	g->dc.v = v ? v : 1;
	return 0;
}

/* The counted terms of the sample's documents, once for every sweep. */
static int
cache_sample(struct gsdmm *g)
{
	uint32_t w[ALIGN_DOC_TERMS];
	size_t i, at = 0, len, cap = 0;

	if ((g->soff = malloc((g->dc.ns + 1) * sizeof(*g->soff))) == NULL)
		return -1;
	for (i = 0; i < g->dc.ns; i++)
		cap += align_doc_terms(&g->dc, g->dc.pick[i], w);
	if ((g->st = malloc((cap + 1) * sizeof(*g->st))) == NULL)
		return -1;
	for (i = 0; i < g->dc.ns; i++) {
		g->soff[i] = at;
		len = align_doc_terms(&g->dc, g->dc.pick[i], g->st + at);
		at += len;
	}
	g->soff[g->dc.ns] = at;
	g->dc.st = g->st;
	g->dc.soff = g->soff;
	return 0;
}

/* A few chains from other starts, side by side.  A large sample settles
 * well enough in fewer. */
static int
run_chains(struct gsdmm *g, const struct align_gsdmm_opts *o)
{
	double alpha = o->alpha > 0 ? o->alpha : 0.1;
	double beta = o->beta > 0 ? o->beta : 0.2;
	int r;

	g->nchains = g->dc.ns > FEW_CHAINS ||
	    g->total / g->n * g->dc.ns > FEW_CHAIN_TERMS ? 2 : CHAINS;
	for (r = 0; r < g->nchains; r++) {
		struct job *j = &g->job[r];

		j->dc = &g->dc;
		j->iters = o->iters ? o->iters : 40;
		j->seed = o->seed * 0x2545f4914f6cdd1dULL + 7 +
		    (uint64_t)r * 7919;
		if ((j->sz = malloc(g->dc.ns * sizeof(*j->sz))) == NULL ||
		    model_alloc(&j->md, g->k, g->dc.v, alpha, beta) < 0)
			return -1;
	}
	for (r = 1; r < g->nchains; r++)
		job_start(&g->job[r], chain_job, g->threads);
	chain_job(&g->job[0]);
	for (r = 1; r < g->nchains; r++)
		job_wait(&g->job[r]);
	return 0;
}

static int
by_key(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* How far two groupings of the n documents of the sample agree: their
 * adjusted Rand index, 1 when both are one group.  -2 when out of
 * memory. */
static double
agreement(const uint32_t *a, const uint32_t *b, size_t n, size_t k)
{
	uint64_t *pair = malloc((n + 1) * sizeof(*pair));
	double *na = calloc(k, sizeof(*na)), *nb = calloc(k, sizeof(*nb));
	double both = 0, sa = 0, sb = 0, all, chance, most, rc = -2;
	size_t i, j;

	if (pair == NULL || na == NULL || nb == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		pair[i] = (uint64_t)a[i] * k + b[i];
		na[a[i]]++;
		nb[b[i]]++;
	}
	qsort(pair, n, sizeof(*pair), by_key);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && pair[j] == pair[i]; j++)
			;
		both += (double)(j - i) * (double)(j - i - 1) / 2;
	}
	for (i = 0; i < k; i++) {
		sa += na[i] * (na[i] - 1) / 2;
		sb += nb[i] * (nb[i] - 1) / 2;
	}
	all = (double)n * (double)(n > 1 ? n - 1 : 1) / 2;
	chance = sa * sb / all;
	most = (sa + sb) / 2;
	rc = most > chance ? (both - chance) / (most - chance) : 1;
out:
	free(pair);
	free(na);
	free(nb);
	return rc;
}

/* Of three chains or more, refined, the one that agrees most with the
 * others (summed adjusted Rand index), the first among equals: a chain
 * that fell into a poorer grouping agrees with neither.  -1 when out of
 * memory. */
static int
most_agreed(struct gsdmm *g)
{
	double sum[CHAINS] = { 0 }, a;
	int r, q, best = 0;

	for (r = 0; r < g->nchains; r++)
		for (q = r + 1; q < g->nchains; q++) {
			if ((a = agreement(g->job[r].sz, g->job[q].sz,
			    g->dc.ns, g->k)) < -1)
				return -1;
			sum[r] += a;
			sum[q] += a;
		}
	for (r = 1; r < g->nchains; r++)
		if (sum[r] > sum[best] + 1e-12)
			best = r;
	g->best = best;
	return 0;
}

/* Each chain refined.  Of two, the one whose documents lie closest to
 * their centroids wins, as k-means keeps its best start; of more, the
 * one that agrees most with the others, which swings less with the seed
 * (Tweet, seeds 6-25: ARI 0.851 on average, lowest 0.776, by closeness;
 * 0.877, lowest 0.842, by agreement).  Then its words are weighed again
 * by how they spread over its groups, and a few more rounds run; those
 * centroids stay.  Without refinement the most likely chain wins. */
static int
choose_chain(struct gsdmm *g, int rounds)
{
	double fit, most = -1;
	int r;

	g->best = 0;
	if (rounds < 0) {
		for (r = 1; r < g->nchains; r++)
			if (g->job[r].ll > g->job[g->best].ll)
				g->best = r;
		return 0;
	}
	g->ce.v = g->dc.v;
	if (align_kmeans_weigh(&g->ce, &g->dc, g->k) < 0)
		return -1;
	for (r = 0; r < g->nchains; r++) {
		if (align_kmeans_refine(&g->ce, &g->dc, g->k, g->job[r].sz,
		    rounds ? rounds : REFINE, &fit) < 0)
			return -1;
		if (fit > most + 1e-9) {
			most = fit;
			g->best = r;
		}
	}
	if (g->nchains > 2 && most_agreed(g) < 0)
		return -1;
	/* Few rounds: more let a large group split on its lesser words
	 * (Tweet, seed 3: ARI 0.87 to 0.81 with ten). */
	if (align_kmeans_focus(&g->ce, &g->dc, g->k, g->job[g->best].sz) < 0 ||
	    align_kmeans_refine(&g->ce, &g->dc, g->k, g->job[g->best].sz,
	    FOCUS, &fit) < 0)
		return -1;
	return align_kmeans_centroids(&g->ce, &g->dc, g->k,
	    g->job[g->best].sz, &fit);
}

/* The counts of the winner, then every document to its cluster, in two
 * halves side by side: they share the counts, each with its own
 * scratch. */
static int
assign(struct gsdmm *g, int refined, uint32_t *z)
{
	uint32_t w[ALIGN_DOC_TERMS];
	size_t i;
	int r;

	if (!refined) {
		reset(&g->job[0].md);
		for (i = 0; i < g->dc.ns; i++) {
			size_t len;
			const uint32_t *x = align_sample_terms(&g->dc, i, w,
			    &len);

			update(&g->job[0].md, x, len, g->job[g->best].sz[i],
			    1);
		}
	}
	if ((g->scratch = malloc((g->k + 1) * sizeof(*g->scratch))) == NULL)
		return -1;
	for (r = 0; r < 2; r++) {
		struct job *j = &g->part[r];

		j->dc = &g->dc;
		j->md = g->job[0].md;
		j->z = z;
		j->from = r == 0 ? 0 : g->n / 2;
		j->to = r == 0 ? g->n / 2 : g->n;
		if ((j->cache = calloc(4096, sizeof(*j->cache))) == NULL ||
		    (j->score = malloc((g->k + 1) * sizeof(*j->score))) == NULL)
			return -1;
		j->ce = refined ? &g->ce : NULL;
	}
	g->part[1].md.p = g->scratch;
	job_start(&g->part[1], assign_job, g->threads && g->n > 1000);
	assign_job(&g->part[0]);
	job_wait(&g->part[1]);
	return 0;
}

static void
release(struct gsdmm *g)
{
	int r;

	for (r = 0; r < CHAINS; r++) {
		free(g->job[r].sz);
		model_free(&g->job[r].md);
	}
	for (r = 0; r < 2; r++) {
		free(g->part[r].cache);
		free(g->part[r].score);
	}
	align_kmeans_release(&g->ce);
	free(g->scratch);
	free(g->pick);
	free(g->map);
	free(g->st);
	free(g->soff);
}

/* The method on the documents of g->dc, g->drop set. */
static long
run(struct gsdmm *g, size_t n, size_t nterms,
    const struct align_gsdmm_opts *o, uint32_t *z, struct align_err *e)
{
	size_t d;
	long rc;

	if (n == 0)
		return 0;
	for (d = 0; d < n; d++) {
		size_t at = 0;
		uint32_t t;

		while (align_doc_next(&g->dc, d, &at, &t))
			g->total += g->drop == NULL || !g->drop[t];
	}
	g->n = n;
	g->k = o->k ? o->k : n / 8 < 10 ? 10 : n / 8 > 300 ? 300 : n / 8;
	if (g->k > n)
		g->k = n;
	g->threads = sysconf(_SC_NPROCESSORS_ONLN) > 1;
	if (sample_docs(g, o->sample ? o->sample : 10000) < 0 ||
	    count_terms(g, nterms) < 0 || cache_sample(g) < 0 ||
	    run_chains(g, o) < 0 ||
	    choose_chain(g, o->refine) < 0 ||
	    assign(g, o->refine >= 0, z) < 0)
		rc = align_err_nomem(e);
	else
		rc = align_groups_by_size(z, n, g->k, e);
	release(g);
	return rc;
}

long
align_gsdmm(const uint32_t *terms, const size_t *off, size_t n,
    size_t nterms, const struct align_gsdmm_opts *o, uint32_t *z,
    struct align_err *e)
{
	struct gsdmm g;

	memset(&g, 0, sizeof(g));
	g.dc.terms = terms;
	g.dc.off = off;
	g.dc.end = off + 1;
	return run(&g, n, nterms, o, z, e);
}

long
align_gsdmm_docs(const uint8_t *packed, const uint32_t *start,
    const uint32_t *end, size_t n, size_t nterms, const uint8_t *drop,
    const struct align_gsdmm_opts *o, uint32_t *z, struct align_err *e)
{
	struct gsdmm g;

	memset(&g, 0, sizeof(g));
	g.dc.packed = packed;
	g.dc.poff = start;
	g.dc.pend = end;
	g.drop = drop;
	return run(&g, n, nterms, o, z, e);
}
