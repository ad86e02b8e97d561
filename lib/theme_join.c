/*
 * Responses captured after people edited the themes join a person's
 * theme when they fit it best.  A response in no theme of the input that
 * the grouping put in an automatic theme moves to the person's theme
 * whose words are nearest its own (the cosine of its term counts and the
 * theme's summed counts), when that is at least JOIN_MIN (or the
 * threshold given, --threshold) and nearer than the rest of the automatic
 * theme it landed in.  The person's theme keeps its label and all they
 * placed; the automatic themes are described again.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "theme_int.h"

/* The least cosine at which a response joins a person's theme when no
 * threshold is given: one word shared with a theme of many (0.02 to 0.05)
 * is not enough; a response that tells of the same thing is well above
 * (0.65: a response on expectations and the bundled example's theme of
 * them).  A response that joins nothing stays where the grouping put it,
 * or in no theme with its nearest suggested. */
#define JOIN_MIN 0.1

/* Summed term counts of a theme, as a sorted sparse vector. */
struct bag {
	uint32_t *term;
	double *w;
	size_t n;
	double norm2;
};

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* The bag of the members m[0 .. n) (but member skip, UINT32_MAX none). */
static int
bag_of(const struct align_themer *t, const uint32_t *m, size_t n,
    struct bag *g)
{
	size_t i, k, all = 0;
	uint32_t *v;

	memset(g, 0, sizeof(*g));
	for (i = 0; i < n; i++)
		all += t->resp[m[i]].nterm;
	if ((v = malloc((all + 1) * sizeof(*v))) == NULL)
		return -1;
	for (i = k = 0; i < n; i++) {
		const struct resp *r = &t->resp[m[i]];

		align_themer_terms_into(t, r, v + k);
		k += r->nterm;
	}
	qsort(v, all, sizeof(*v), cmp_u32);
	g->term = v;
	if ((g->w = malloc((all + 1) * sizeof(*g->w))) == NULL)
		return -1;
	for (i = 0; i < all; i++) {
		if (g->n > 0 && g->term[g->n - 1] == v[i]) {
			g->w[g->n - 1] += 1;
			continue;
		}
		g->term[g->n] = v[i];
		g->w[g->n++] = 1;
	}
	for (i = 0; i < g->n; i++)
		g->norm2 += g->w[i] * g->w[i];
	return 0;
}

static void
bag_release(struct bag *g)
{
	free(g->term);
	free(g->w);
}

/* The weight of term in g. */
static double
weight(const struct bag *g, uint32_t term)
{
	const uint32_t *p = bsearch(&term, g->term, g->n, sizeof(term),
	    cmp_u32);

	return p ? g->w[p - g->term] : 0;
}

/* The cosine of response r and bag g, less r itself when it is in g. */
static double
fit(const struct align_themer *t, uint32_t r, const struct bag *g, int in)
{
	const struct resp *x = &t->resp[r];
	const uint32_t *v = align_themer_terms(t, x);
	double dot = 0, self = 0, norm2;
	size_t i, j;

	for (i = 0; i < x->nterm; i++) {
		double c = 0;

		for (j = 0; j < x->nterm; j++)
			c += v[j] == v[i];
		dot += weight(g, v[i]);
		self += c;
	}
	norm2 = g->norm2;
	if (in) {	/* |g - r|^2 = |g|^2 - 2 g.r + |r|^2 */
		norm2 += self - 2 * dot;
		dot -= self;
	}
	return dot > 0 && norm2 > 0 && self > 0 ?
	    dot / sqrt(norm2 * self) : 0;
}

/* Response r, in automatic theme own, to the person's theme that fits it
 * best, if it should go: its index, or -1. */
static long
best_home(const struct align_themer *t, uint32_t r, const struct bag *bags,
    size_t nmanual, size_t own)
{
	double here = fit(t, r, &bags[own], 1);
	double most = t->o.threshold > 0 ? t->o.threshold : JOIN_MIN;
	long at = -1;
	size_t m;

	for (m = 0; m < nmanual; m++) {
		double f = fit(t, r, &bags[m], 0);

		if (f >= most && f > here) {
			most = f;
			at = (long)m;
		}
	}
	return at;
}

/* Move the responses chosen (home[i] >= 0 for response i). */
static int
move_home(struct align_themer *t, const long *home, size_t nmanual)
{
	size_t i, j, k;

	for (i = nmanual; i < t->ntheme; i++) {
		struct theme *th = &t->theme[i];

		for (j = k = 0; j < th->n; j++) {
			uint32_t r = th->member[j];
			struct theme *to;
			uint32_t *m;

			if (home[r] < 0) {
				th->member[k++] = r;
				continue;
			}
			to = &t->theme[home[r]];
			if ((m = realloc(to->member, (to->n + 1) *
			    sizeof(*m))) == NULL)
				return -1;
			to->member = m;
			to->member[to->n++] = r;
		}
		th->n = k;
	}
	for (i = 0; i < nmanual; i++)
		if (align_themer_sort(t, t->theme[i].member,
		    t->theme[i].n) < 0)
			return -1;
	return 0;
}

/* The automatic themes left empty dropped, the others' descriptions
 * forgotten, to be made again. */
static void
forget(struct align_themer *t, size_t first)
{
	size_t i, kept = first;

	for (i = first; i < t->ntheme; i++) {
		struct theme *th = &t->theme[i];

		if (th->n == 0) {
			align_theme_release(th);
			continue;
		}
		align_node_free(th->rec);
		free(th->label);
		th->rec = NULL;
		th->label = NULL;
		t->theme[kept++] = *th;
	}
	t->ntheme = kept;
}

/* Where each new response should go: how many move, or -1. */
static long
choose(struct align_themer *t, const struct bag *bags, size_t nmanual,
    long *home)
{
	size_t i, j;
	long moved = 0;

	for (i = 0; i < t->nresp; i++)
		home[i] = -1;
	for (i = nmanual; i < t->ntheme; i++)
		for (j = 0; j < t->theme[i].n; j++) {
			uint32_t r = t->theme[i].member[j];

			if (t->resp[r].known)
				continue;
			home[r] = best_home(t, r, bags, nmanual, i);
			moved += home[r] >= 0;
		}
	return moved;
}

int
align_themer_join(struct align_themer *t, size_t nmanual,
    struct align_err *e)
{
	struct bag *bags;
	long *home, moved = 0;
	size_t i, made = 0;
	int rc = 0;

	if (nmanual == 0 || nmanual == t->ntheme)
		return 0;
	bags = calloc(t->ntheme, sizeof(*bags));
	home = malloc((t->nresp + 1) * sizeof(*home));
	if (bags == NULL || home == NULL)
		rc = -1;
	for (; rc == 0 && made < t->ntheme; made++)
		rc = bag_of(t, t->theme[made].member, t->theme[made].n,
		    &bags[made]);
	if (rc == 0 && (moved = choose(t, bags, nmanual, home)) > 0)
		rc = move_home(t, home, nmanual);
	for (i = 0; bags && i < t->ntheme; i++)
		bag_release(&bags[i]);
	free(bags);
	free(home);
	if (rc < 0)
		return align_err_nomem(e);
	if (moved == 0)
		return 0;
	forget(t, nmanual);
	return align_themer_describe(t, nmanual, e);
}
