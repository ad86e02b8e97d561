#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cluster.h"
#include "rand.h"

#define MAXLEN 64	/* terms of one document the sampler looks at */
#define CHAINS 3	/* Gibbs chains from different starts */
#define MINDF 2		/* documents a term must be in to count */
#define CACHED 16	/* terms of a document whose cluster is cached */
#define REFINE 10	/* rounds of k-means after the sampler, at most */

struct cached {
	uint64_t h;
	size_t len;
	uint32_t z;
	uint32_t w[CACHED];
};

struct model {
	size_t k, v;
	double alpha, beta;
	uint32_t *m;		/* documents in each cluster */
	uint32_t *nz;		/* terms in each cluster */
	uint32_t *nzw;		/* [term * k + cluster] */
	double *p;		/* by position in act, then the empty one */
	uint32_t *act;		/* the clusters that hold documents */
	uint32_t *pos;		/* a cluster's place in act, or UINT32_MAX */
	size_t nact;
};

/* All empty clusters are alike, so the sampler weighs them once. */
static void
activate(struct model *md, uint32_t z)
{
	md->pos[z] = (uint32_t)md->nact;
	md->act[md->nact++] = z;
}

static void
deactivate(struct model *md, uint32_t z)
{
	uint32_t at = md->pos[z], last = md->act[--md->nact];

	md->act[at] = last;
	md->pos[last] = at;
	md->pos[z] = UINT32_MAX;
}

/* The lowest-numbered empty cluster. */
static uint32_t
first_empty(const struct model *md)
{
	uint32_t z = 0;

	while (md->m[z])
		z++;
	return z;
}

/* A document's terms, sorted so that repeats stand together. */
static size_t
doc_terms(const uint32_t *terms, const size_t *off, size_t d,
    const uint32_t *map, uint32_t *out)
{
	size_t n = 0, i, j;

	for (i = off[d]; i < off[d + 1] && n < MAXLEN; i++) {
		uint32_t t = map ? map[terms[i]] : terms[i];

		if (t == UINT32_MAX)
			continue;
		for (j = n; j > 0 && out[j - 1] > t; j--)
			out[j] = out[j - 1];
		out[j] = t;
		n++;
	}
	return n;
}

static void
update(struct model *md, const uint32_t *w, size_t n, uint32_t z, int sign)
{
	size_t i;

	if (sign > 0 && md->m[z] == 0)
		activate(md, z);
	md->m[z] += (uint32_t)sign;
	md->nz[z] += (uint32_t)(sign * (int)n);
	if (md->m[z] == 0)
		deactivate(md, z);
	for (i = 0; i < n; i++)
		md->nzw[(size_t)w[i] * md->k + z] += (uint32_t)sign;
}

/* p[i] for each active cluster act[i], and p[nact] for one empty cluster:
 * how likely the document is to belong there.  Returns the total, the
 * empty clusters counted k - nact times. */
static double
conditional(struct model *md, const uint32_t *w, size_t n)
{
	double vb = (double)md->v * md->beta, sum = 0, pe = md->alpha;
	size_t i, a, rep = 0, na = md->nact;

	for (a = 0; a < na; a++)
		md->p[a] = md->m[md->act[a]] + md->alpha;
	if (n <= 20) {
		/* Numerators, then one division by the product of the
		 * denominators: no overflow in 20 terms of under 1e9. */
		for (i = 0; i < n; i++) {
			const uint32_t *row = md->nzw + (size_t)w[i] * md->k;
			double b = md->beta + (double)(rep = i > 0 &&
			    w[i] == w[i - 1] ? rep + 1 : 0);

			for (a = 0; a < na; a++)
				md->p[a] *= row[md->act[a]] + b;
			pe *= b / (vb + (double)i);
		}
		for (a = 0; a < na; a++) {
			double den = 1, base = md->nz[md->act[a]] + vb;

			for (i = 0; i < n; i++)
				den *= base + (double)i;
			md->p[a] /= den;
		}
	} else {
		for (i = 0; i < n; i++) {
			const uint32_t *row = md->nzw + (size_t)w[i] * md->k;

			rep = i > 0 && w[i] == w[i - 1] ? rep + 1 : 0;
			for (a = 0; a < na; a++) {
				uint32_t z = md->act[a];

				md->p[a] *= (row[z] + md->beta + (double)rep) /
				    (md->nz[z] + vb + (double)i);
			}
			pe *= (md->beta + (double)rep) / (vb + (double)i);
		}
	}
	md->p[na] = na < md->k ? pe : 0;
	for (a = 0; a < na; a++)
		sum += md->p[a];
	return sum + md->p[na] * (double)(md->k - na);
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

/* Number the clusters of z by size, largest first, ties by their first
 * document; returns how many there are. */
static long
renumber(uint32_t *z, size_t n, size_t k, struct align_err *e)
{
	size_t *size = calloc(k, sizeof(*size)), *first = malloc(k *
	    sizeof(*first)), i, j, used = 0;
	uint32_t *order = malloc(k * sizeof(*order)), *rank = malloc(k *
	    sizeof(*rank));

	if (size == NULL || first == NULL || order == NULL || rank == NULL) {
		free(size);
		free(first);
		free(order);
		free(rank);
		return align_err_nomem(e);
	}
	for (i = 0; i < k; i++)
		first[i] = n;
	for (i = 0; i < n; i++) {
		if (size[z[i]]++ == 0)
			first[z[i]] = i;
	}
	for (i = 0; i < k; i++)
		if (size[i])
			order[used++] = (uint32_t)i;
	for (i = 1; i < used; i++) {
		uint32_t c = order[i];

		for (j = i; j > 0 && (size[order[j - 1]] < size[c] ||
		    (size[order[j - 1]] == size[c] &&
		    first[order[j - 1]] > first[c])); j--)
			order[j] = order[j - 1];
		order[j] = c;
	}
	for (i = 0; i < used; i++)
		rank[order[i]] = (uint32_t)i;
	for (i = 0; i < n; i++)
		z[i] = rank[z[i]];
	free(size);
	free(first);
	free(order);
	free(rank);
	return (long)used;
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

static double
loglik(const struct model *md)
{
	double ll = 0, vb = (double)md->v * md->beta;
	size_t z, t;

	for (z = 0; z < md->k; z++) {
		if (md->m[z] == 0)
			continue;
		ll += lg(md->m[z] + md->alpha) - lg(md->nz[z] + vb);
	}
	for (t = 0; t < md->v * md->k; t++)
		if (md->nzw[t])
			ll += lg(md->nzw[t] + md->beta) - lg(md->beta);
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

/* One chain on the sample: sz gets its clusters; md is left holding the
 * counts.  Returns its log likelihood. */
static double
chain(struct model *md, const uint32_t *terms, const size_t *off,
    const size_t *pick, size_t ns, const uint32_t *map, int iters,
    uint64_t seed, uint32_t *sz)
{
	struct align_rand rs = ALIGN_RAND_INIT(seed);
	uint32_t w[MAXLEN];
	size_t i;
	int it;

	reset(md);
	for (i = 0; i < ns; i++) {
		size_t len = doc_terms(terms, off, pick[i], map, w);

		sz[i] = (uint32_t)align_rand_below(&rs, md->k);
		update(md, w, len, sz[i], 1);
	}
	for (it = 0; it < iters; it++) {
		for (i = 0; i < ns; i++) {
			size_t len = doc_terms(terms, off, pick[i], map, w);
			double u, sum;
			uint32_t c;

			update(md, w, len, sz[i], -1);
			sum = conditional(md, w, len);
			u = align_rand_unit(&rs) * sum;
			c = pick_cluster(md, u);
			sz[i] = c;
			update(md, w, len, c, 1);
		}
	}
	/* Then sweeps that move each document to its most probable cluster,
	 * taking out the noise of the last samples. */
	for (it = 0; it < 5; it++) {
		size_t moved = 0;

		for (i = 0; i < ns; i++) {
			size_t len = doc_terms(terms, off, pick[i], map, w);
			uint32_t best;

			update(md, w, len, sz[i], -1);
			conditional(md, w, len);
			best = best_cluster(md);
			moved += best != sz[i];
			sz[i] = best;
			update(md, w, len, best, 1);
		}
		if (moved == 0)
			break;
	}
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

/*
 * Refinement.  The sampler groups by shared words, but a word it has seen
 * in many groups weighs as much as a rare one; a few rounds of spherical
 * k-means over TF-IDF vectors, started from its groups, let the telling
 * words decide at the edges.  Then every document goes to the nearest
 * centroid.
 */
struct centroids {
	size_t na;		/* clusters that hold documents */
	size_t v;		/* terms */
	double *idf;		/* by term */
	double *c;		/* [term * na + cluster], unit rows by cluster */
	uint32_t *id;		/* a centroid's cluster */
	uint32_t fallback;	/* for documents with no term: the largest */
};

/* The nearest centroid to document w[0..len) (ties to the first);
 * score is scratch of na. */
static uint32_t
nearest(const struct centroids *ce, const uint32_t *w, size_t len,
    double *score)
{
	size_t i, a, best = 0;

	if (len == 0)
		return ce->fallback;
	memset(score, 0, ce->na * sizeof(*score));
	for (i = 0; i < len; i++) {
		const double *row = ce->c + (size_t)w[i] * ce->na;
		double x = ce->idf[w[i]];

		for (a = 0; a < ce->na; a++)
			score[a] += x * row[a];
	}
	for (a = 1; a < ce->na; a++)
		if (score[a] > score[best] + 1e-12)
			best = a;
	return ce->id[best];
}

/* Centroids of the sample's clusters sz (of k), and in *fit how close
 * the documents are to theirs (the sum of their cosines): -1 when out of
 * memory. */
static int
centroids(struct centroids *ce, const uint32_t *terms, const size_t *off,
    const size_t *pick, size_t ns, const uint32_t *map, size_t k,
    const uint32_t *sz, double *fit)
{
	uint32_t w[MAXLEN], *slot = malloc(k * sizeof(*slot));
	size_t *count = calloc(k, sizeof(*count)), i, j, a, t;
	double *norm = NULL;

	if (slot == NULL || count == NULL)
		goto nomem;
	for (i = 0; i < ns; i++)
		count[sz[i]]++;
	ce->na = 0;
	ce->fallback = 0;
	for (i = 0; i < k; i++) {
		slot[i] = count[i] ? (uint32_t)ce->na : UINT32_MAX;
		if (count[i] > count[ce->fallback])
			ce->fallback = (uint32_t)i;
		if (count[i])
			ce->id[ce->na++] = (uint32_t)i;
	}
	free(ce->c);
	if ((ce->c = calloc(ce->v * ce->na + 1, sizeof(*ce->c))) == NULL ||
	    (norm = calloc(ce->na + 1, sizeof(*norm))) == NULL)
		goto nomem;
	for (i = 0; i < ns; i++) {
		size_t len = doc_terms(terms, off, pick[i], map, w);
		double d = 0;

		for (j = 0; j < len; j++)
			d += ce->idf[w[j]] * ce->idf[w[j]];
		d = d > 0 ? 1 / sqrt(d) : 0;
		for (j = 0; j < len; j++)
			ce->c[(size_t)w[j] * ce->na + slot[sz[i]]] +=
			    ce->idf[w[j]] * d;
	}
	for (t = 0; t < ce->v; t++)
		for (a = 0; a < ce->na; a++)
			norm[a] += ce->c[t * ce->na + a] * ce->c[t * ce->na + a];
	*fit = 0;
	for (a = 0; a < ce->na; a++) {
		*fit += sqrt(norm[a]);
		norm[a] = norm[a] > 0 ? 1 / sqrt(norm[a]) : 0;
	}
	for (t = 0; t < ce->v; t++)
		for (a = 0; a < ce->na; a++)
			ce->c[t * ce->na + a] *= norm[a];
	free(norm);
	free(slot);
	free(count);
	return 0;
nomem:
	free(norm);
	free(slot);
	free(count);
	return -1;
}

/* Weights of the terms: idf = log((1 + n) / (1 + df)) + 1, df in the
 * sample.  -1 when out of memory. */
static int
weigh(struct centroids *ce, const uint32_t *terms, const size_t *off,
    const size_t *pick, size_t ns, const uint32_t *map, size_t k)
{
	uint32_t w[MAXLEN];
	size_t i, t;

	ce->idf = calloc(ce->v, sizeof(*ce->idf));
	ce->id = malloc((k + 1) * sizeof(*ce->id));
	if (ce->idf == NULL || ce->id == NULL)
		return -1;
	for (i = 0; i < ns; i++) {
		size_t len = doc_terms(terms, off, pick[i], map, w);

		for (t = 0; t < len; t++)
			if (t == 0 || w[t] != w[t - 1])
				ce->idf[w[t]] += 1;
	}
	for (t = 0; t < ce->v; t++)
		ce->idf[t] = log((1.0 + (double)ns) / (1.0 + ce->idf[t])) + 1;
	return 0;
}

/* Rounds of k-means on the sample from the clusters sz, which it
 * changes; ce is left with their centroids, fit with how well they fit.
 * -1 when out of memory. */
static int
refine(struct centroids *ce, const uint32_t *terms, const size_t *off,
    const size_t *pick, size_t ns, const uint32_t *map, size_t k,
    uint32_t *sz, int rounds, double *fit)
{
	uint32_t w[MAXLEN];
	double *score = malloc((k + 1) * sizeof(*score));
	size_t i;
	int r;

	if (score == NULL)
		return -1;
	for (r = 0; ; r++) {
		size_t moved = 0;

		if (centroids(ce, terms, off, pick, ns, map, k, sz, fit) < 0) {
			free(score);
			return -1;
		}
		if (r == rounds)
			break;
		for (i = 0; i < ns; i++) {
			size_t len = doc_terms(terms, off, pick[i], map, w);
			uint32_t c = len ? nearest(ce, w, len, score) : sz[i];

			moved += c != sz[i];
			sz[i] = c;
		}
		if (moved == 0)
			break;
	}
	free(score);
	return 0;
}

static void
centroids_free(struct centroids *ce)
{
	free(ce->idf);
	free(ce->c);
	free(ce->id);
}

/* Work shared out to threads: a chain, or a part of the documents. */
struct job {
	const uint32_t *terms;
	const size_t *off;
	const uint32_t *map;
	struct model md;
	/* a chain */
	const size_t *pick;
	size_t ns;
	int iters;
	uint64_t seed;
	uint32_t *sz;
	double ll;
	/* documents from, to, into z */
	size_t from, to;
	uint32_t *z;
	struct cached *cache;
	const struct centroids *ce;	/* refined: the nearest centroid */
	double *score;
	pthread_t thread;
	int started;
};

static void *
chain_job(void *arg)
{
	struct job *j = arg;

	j->ll = chain(&j->md, j->terms, j->off, j->pick, j->ns, j->map,
	    j->iters, j->seed, j->sz);
	return NULL;
}

/* Every document from .. to to its most probable cluster (ties to the
 * first).  Documents with the same terms go to the same cluster: a cache
 * of the last answers, by a hash of the terms, saves asking again. */
static void *
assign_job(void *arg)
{
	struct job *j = arg;
	struct model *md = &j->md;
	uint32_t w[MAXLEN];
	size_t d, i;

	for (d = j->from; d < j->to; d++) {
		size_t len = doc_terms(j->terms, j->off, d, j->map, w), slot;
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
		if (j->ce) {
			j->z[d] = nearest(j->ce, w, len, j->score);
		} else {
			conditional(md, w, len);
			md->p[md->nact] = 0;	/* no new clusters now */
			j->z[d] = best_cluster(md);
		}
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

long
align_gsdmm(const uint32_t *terms, const size_t *off, size_t n,
    size_t nterms, const struct align_gsdmm_opts *o, uint32_t *z,
    struct align_err *e)
{
	struct job job[CHAINS], part[2];
	struct centroids ce;
	double *scratch = NULL;
	size_t sample = o->sample ? o->sample : 10000, ns, i, d, v = 0, k;
	uint32_t *map = NULL, w[MAXLEN];
	size_t *pick = NULL;
	int iters = o->iters ? o->iters : 40, r, nchains, best = 0;
	int threads = sysconf(_SC_NPROCESSORS_ONLN) > 1;
	double alpha, beta;
	long rc = -1;

	memset(job, 0, sizeof(job));
	memset(part, 0, sizeof(part));
	memset(&ce, 0, sizeof(ce));
	if (n == 0)
		return 0;
	alpha = o->alpha > 0 ? o->alpha : 0.1;
	beta = o->beta > 0 ? o->beta : 0.2;
	k = o->k ? o->k : n / 8 < 10 ? 10 : n / 8 > 300 ? 300 : n / 8;
	if (k > n)
		k = n;
	/* Learn on documents spread evenly over the input. */
	ns = n < sample ? n : sample;
	pick = malloc(ns * sizeof(*pick));
	map = malloc((nterms ? nterms : 1) * sizeof(*map));
	if (pick == NULL || map == NULL)
		goto nomem;
	for (i = 0; i < ns; i++)
		pick[i] = (size_t)((double)i * (double)n / (double)ns);
	/* Terms of one document alone tell nothing about groups: only those
	 * of two documents or more are looked at. */
	memset(map, 0, nterms * sizeof(*map));
	for (i = 0; i < ns; i++)
		for (d = off[pick[i]]; d < off[pick[i] + 1]; d++)
			if (map[terms[d]] < 2)
				map[terms[d]]++;
	for (i = 0; i < nterms; i++)
		map[i] = map[i] >= MINDF ? (uint32_t)v++ : UINT32_MAX;
	/* A few chains from other starts, side by side; the most likely
	 * one wins.  A large sample settles well enough in fewer. */
	nchains = ns > 5000 ? 2 : CHAINS;
	for (r = 0; r < nchains; r++) {
		struct job *j = &job[r];

		j->terms = terms;
		j->off = off;
		j->map = map;
		j->pick = pick;
		j->ns = ns;
		j->iters = iters;
		j->seed = o->seed * 0x2545f4914f6cdd1dULL + 7 +
		    (uint64_t)r * 7919;
		if ((j->sz = malloc(ns * sizeof(*j->sz))) == NULL ||
		    model_alloc(&j->md, k, v ? v : 1, alpha, beta) < 0)
			goto nomem;
	}
	for (r = 1; r < nchains; r++)
		job_start(&job[r], chain_job, threads);
	chain_job(&job[0]);
	for (r = 1; r < nchains; r++)
		job_wait(&job[r]);
	if (o->refine >= 0) {
		/* Each chain refined; the one whose documents lie closest
		 * to their centroids wins, as k-means keeps its best start. */
		double fit, most = -1;

		ce.v = v ? v : 1;
		if (weigh(&ce, terms, off, pick, ns, map, k) < 0)
			goto nomem;
		for (r = 0; r < nchains; r++) {
			if (refine(&ce, terms, off, pick, ns, map, k,
			    job[r].sz, o->refine ? o->refine : REFINE,
			    &fit) < 0)
				goto nomem;
			if (fit > most + 1e-9) {
				most = fit;
				best = r;
			}
		}
		if (centroids(&ce, terms, off, pick, ns, map, k, job[best].sz,
		    &fit) < 0)
			goto nomem;
	} else {
		for (r = 1; r < nchains; r++)
			if (job[r].ll > job[best].ll)
				best = r;
	}
	/* The counts of the winner, then every document to its most
	 * probable cluster, in two halves side by side: they share the
	 * counts, each with its own scratch. */
	reset(&job[0].md);
	for (i = 0; i < ns; i++) {
		size_t len = doc_terms(terms, off, pick[i], map, w);

		update(&job[0].md, w, len, job[best].sz[i], 1);
	}
	if ((scratch = malloc((k + 1) * sizeof(*scratch))) == NULL)
		goto nomem;
	for (r = 0; r < 2; r++) {
		struct job *j = &part[r];

		j->terms = terms;
		j->off = off;
		j->map = map;
		j->md = job[0].md;
		j->z = z;
		j->from = r == 0 ? 0 : n / 2;
		j->to = r == 0 ? n / 2 : n;
		if ((j->cache = calloc(4096, sizeof(*j->cache))) == NULL ||
		    (j->score = malloc((k + 1) * sizeof(*j->score))) == NULL)
			goto nomem;
		j->ce = o->refine >= 0 ? &ce : NULL;
	}
	part[1].md.p = scratch;
	job_start(&part[1], assign_job, threads && n > 1000);
	assign_job(&part[0]);
	job_wait(&part[1]);
	rc = renumber(z, n, k, e);
	goto out;
nomem:
	rc = align_err_nomem(e);
out:
	for (r = 0; r < CHAINS; r++) {
		free(job[r].sz);
		model_free(&job[r].md);
	}
	free(part[0].cache);
	free(part[1].cache);
	free(part[0].score);
	free(part[1].score);
	centroids_free(&ce);
	free(scratch);
	free(pick);
	free(map);
	return rc;
}

long
align_linkage(const uint32_t *terms, const size_t *off, size_t n,
    size_t nterms, double threshold, uint32_t *z, struct align_err *e)
{
	double *idf = calloc(nterms ? nterms : 1, sizeof(*idf));
	double *sim = malloc(n * n * sizeof(*sim)), *norm = calloc(n,
	    sizeof(*norm));
	size_t *size = malloc(n * sizeof(*size)), i, j, k, t;
	char *alive = malloc(n);
	uint32_t *root = malloc(n * sizeof(*root));
	long rc;

	if (idf == NULL || sim == NULL || norm == NULL || size == NULL ||
	    alive == NULL || root == NULL) {
		rc = align_err_nomem(e);
		goto out;
	}
	/* Document frequencies, then idf = log(n / df) + 1. */
	for (i = 0; i < n; i++)
		for (t = off[i]; t < off[i + 1]; t++) {
			for (k = off[i]; k < t && terms[k] != terms[t]; k++)
				;
			if (k == t)
				idf[terms[t]] += 1;
		}
	for (t = 0; t < nterms; t++)
		if (idf[t] > 0)
			idf[t] = log((double)n / idf[t]) + 1;
	for (i = 0; i < n; i++) {
		for (t = off[i]; t < off[i + 1]; t++) {
			double c = 0;

			for (k = off[i]; k < off[i + 1]; k++)
				c += terms[k] == terms[t];
			norm[i] += idf[terms[t]] * idf[terms[t]] * c;
		}
		norm[i] = sqrt(norm[i]);
	}
	/* Cosine similarity of term-count vectors weighted by idf. */
	for (i = 0; i < n; i++) {
		sim[i * n + i] = 0;
		for (j = i + 1; j < n; j++) {
			double dot = 0;

			for (t = off[i]; t < off[i + 1]; t++)
				for (k = off[j]; k < off[j + 1]; k++)
					if (terms[t] == terms[k])
						dot += idf[terms[t]] *
						    idf[terms[t]];
			dot = norm[i] > 0 && norm[j] > 0 ?
			    dot / (norm[i] * norm[j]) : 0;
			sim[i * n + j] = sim[j * n + i] = dot;
		}
		size[i] = 1;
		alive[i] = 1;
		root[i] = (uint32_t)i;
	}
	/* sim holds sums of pairwise similarities between groups; merge the
	 * pair with the highest average while it reaches the threshold. */
	for (;;) {
		double best = -1;
		size_t a = 0, b = 0;

		for (i = 0; i < n; i++) {
			if (!alive[i])
				continue;
			for (j = i + 1; j < n; j++) {
				double avg;

				if (!alive[j])
					continue;
				avg = sim[i * n + j] / (double)(size[i] *
				    size[j]);
				if (avg > best + 1e-12) {
					best = avg;
					a = i;
					b = j;
				}
			}
		}
		if (best < threshold)
			break;
		for (k = 0; k < n; k++) {
			if (!alive[k] || k == a || k == b)
				continue;
			sim[a * n + k] += sim[b * n + k];
			sim[k * n + a] = sim[a * n + k];
		}
		size[a] += size[b];
		alive[b] = 0;
		for (k = 0; k < n; k++)
			if (root[k] == b)
				root[k] = (uint32_t)a;
	}
	for (i = 0; i < n; i++)
		z[i] = root[i];
	rc = renumber(z, n, n, e);
out:
	free(idf);
	free(sim);
	free(norm);
	free(size);
	free(alive);
	free(root);
	return rc;
}

/* Contingency counts of a against b, as a sparse table sorted by pair. */
static int
cmp_pair(const void *x, const void *y)
{
	const uint64_t *a = x, *b = y;

	return *a < *b ? -1 : *a > *b;
}

struct counts {
	double *pair;	/* counts of each (a, b) pair present */
	size_t npair;
	double *ra, *rb;	/* marginals */
	size_t na, nb;
};

static void
counts_release(struct counts *c)
{
	free(c->pair);
	free(c->ra);
	free(c->rb);
}

static int
contingency(const uint32_t *a, const uint32_t *b, size_t n, struct counts *c)
{
	uint64_t *key = malloc((n ? n : 1) * sizeof(*key));
	size_t i;

	memset(c, 0, sizeof(*c));
	if (key == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		key[i] = (uint64_t)a[i] << 32 | b[i];
		if (a[i] + 1 > c->na)
			c->na = a[i] + 1;
		if (b[i] + 1 > c->nb)
			c->nb = b[i] + 1;
	}
	qsort(key, n, sizeof(*key), cmp_pair);
	c->pair = calloc(n ? n : 1, sizeof(*c->pair));
	c->ra = calloc(c->na + 1, sizeof(*c->ra));
	c->rb = calloc(c->nb + 1, sizeof(*c->rb));
	if (c->pair == NULL || c->ra == NULL || c->rb == NULL) {
		free(key);
		counts_release(c);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (i == 0 || key[i] != key[i - 1])
			c->npair++;
		c->pair[c->npair - 1]++;
		c->ra[key[i] >> 32]++;
		c->rb[key[i] & 0xffffffffu]++;
	}
	free(key);
	return 0;
}

double
align_nmi(const uint32_t *a, const uint32_t *b, size_t n)
{
	struct counts c;
	double ha = 0, hb = 0, mi = 0, N = (double)n;
	size_t i;
	uint64_t *key;

	if (n == 0 || contingency(a, b, n, &c) < 0)
		return 0;
	for (i = 0; i < c.na; i++)
		if (c.ra[i] > 0)
			ha -= c.ra[i] / N * log(c.ra[i] / N);
	for (i = 0; i < c.nb; i++)
		if (c.rb[i] > 0)
			hb -= c.rb[i] / N * log(c.rb[i] / N);
	/* The pairs again, to know each one's marginals. */
	key = malloc(n * sizeof(*key));
	if (key) {
		size_t p = 0;

		for (i = 0; i < n; i++)
			key[i] = (uint64_t)a[i] << 32 | b[i];
		qsort(key, n, sizeof(*key), cmp_pair);
		for (i = 0; i < n; i++) {
			if (i > 0 && key[i] == key[i - 1])
				continue;
			{
				double nij = c.pair[p++];
				double ai = c.ra[key[i] >> 32];
				double bj = c.rb[key[i] & 0xffffffffu];

				mi += nij / N * log(N * nij / (ai * bj));
			}
		}
		free(key);
	}
	counts_release(&c);
	if (ha + hb <= 0)
		return 1;
	return 2 * mi / (ha + hb);
}

double
align_ari(const uint32_t *a, const uint32_t *b, size_t n)
{
	struct counts c;
	double index = 0, sa = 0, sb = 0, expected, max, total;
	size_t i;

	if (n < 2 || contingency(a, b, n, &c) < 0)
		return 0;
	for (i = 0; i < c.npair; i++)
		index += c.pair[i] * (c.pair[i] - 1) / 2;
	for (i = 0; i < c.na; i++)
		sa += c.ra[i] * (c.ra[i] - 1) / 2;
	for (i = 0; i < c.nb; i++)
		sb += c.rb[i] * (c.rb[i] - 1) / 2;
	counts_release(&c);
	total = (double)n * (double)(n - 1) / 2;
	expected = sa * sb / total;
	max = (sa + sb) / 2;
	if (max == expected)
		return 1;
	return (index - expected) / (max - expected);
}
