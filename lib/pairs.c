/* Pairs: seeded orders, in each of which everyone takes the first
 * partner after them they have not met; the order with the fewest
 * repeats wins, the first of equals. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "hash.h"
#include "pairs.h"
#include "rand.h"

#define ATTEMPTS 64	/* seeded orders tried for the fewest repeats */

/* The people of a pairing, by their place in name order, and who has
 * met whom. */
struct pairing {
	const char **name;	/* sorted */
	size_t n;
	size_t *canon;		/* the first place of each one's name */
	struct align_set met;	/* pairs of canon places */
	size_t *order, *cur, *best;
	char *taken;
};

/* A pair of places, the smaller first: a key of the set. */
struct pair_key {
	size_t a, b;
};

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
cmp_group(const void *a, const void *b)
{
	const struct align_node *x = *(struct align_node *const *)a;
	const struct align_node *y = *(struct align_node *const *)b;

	return strcmp(x->item[0]->str, y->item[0]->str);
}

/* The first place of s among the n sorted names, or n. */
static size_t
find(const char *const *name, size_t n, const char *s)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(name[mid], s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(name[lo], s) == 0 ? lo : n;
}

static struct pair_key
key_of(size_t a, size_t b)
{
	struct pair_key k;

	k.a = a < b ? a : b;
	k.b = a < b ? b : a;
	return k;
}

/* Every pair within a group of met, among the names, into set. */
static int
met_set(const char *const *name, size_t n, const struct align_groups *met,
    struct align_set *set)
{
	size_t i, j, k;

	for (i = 0; met && i < met->n; i++) {
		const struct align_texts *g = &met->v[i];

		for (j = 0; j < g->n; j++)
			for (k = j + 1; k < g->n; k++) {
				size_t a = find(name, n, g->v[j]);
				size_t b = find(name, n, g->v[k]);
				struct pair_key key = key_of(a, b);

				if (a < n && b < n && align_set_add(set,
				    (const char *)&key, sizeof(key)) < 0)
					return -1;
			}
	}
	return 0;
}

/* 1 when the people at places i and j have met. */
static int
met(const struct pairing *p, size_t i, size_t j)
{
	struct pair_key key = key_of(p->canon[i], p->canon[j]);

	return align_set_has(&p->met, (const char *)&key, sizeof(key));
}

static void
shuffle(size_t *order, size_t n, uint64_t seed)
{
	struct align_rand s = ALIGN_RAND_INIT(seed);
	size_t i;

	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = n; i > 1; i--) {
		size_t k = (size_t)align_rand_below(&s, i), t = order[i - 1];

		order[i - 1] = order[k];
		order[k] = t;
	}
}

/* One seeded order: p->cur gets the places two by two, the odd one last
 * (joining the last pair); returns the pairs that have met before. */
static size_t
attempt(struct pairing *p, uint64_t seed)
{
	size_t i, j, m = 0, rep = 0, n = p->n, *o = p->order;

	shuffle(o, n, seed);
	memset(p->taken, 0, n);
	for (i = 0; i < n; i++) {
		size_t pick = n;

		if (p->taken[o[i]])
			continue;
		for (j = i + 1; j < n; j++) {
			if (p->taken[o[j]])
				continue;
			if (pick == n)
				pick = j;
			if (!met(p, o[i], o[j])) {
				pick = j;
				break;
			}
		}
		if (pick == n)
			break;	/* the odd one: joins the last pair */
		p->taken[o[i]] = p->taken[o[pick]] = 1;
		p->cur[m++] = o[i];
		p->cur[m++] = o[pick];
		rep += (size_t)met(p, o[i], o[pick]);
	}
	for (i = 0; i < n; i++)
		if (!p->taken[i]) {
			/* The trio: count the new pairs it makes. */
			rep += (size_t)met(p, i, p->cur[m - 1]);
			rep += (size_t)met(p, i, p->cur[m - 2]);
			p->cur[m++] = i;
		}
	return rep;
}

/* A node of m's arrays, pooled: align_node_free() leaves it. */
static struct align_node *
made_node(struct align_pairs_made *m, size_t *used, enum align_type type)
{
	struct align_node *x = &m->node[(*used)++];

	memset(x, 0, sizeof(*x));
	x->type = (unsigned char)type;
	x->pooled = 1;
	return x;
}

/* The best order as a sequence of groups into m: each group's names
 * sorted, the groups by their first name.  -1 when out of memory. */
static int
groups(const struct pairing *p, struct align_pairs_made *m)
{
	size_t i, n = p->n, g = n / 2, used = 0, at = 0;
	struct align_node *top;

	m->node = malloc((1 + g + n) * sizeof(*m->node));
	m->item = malloc((g + n) * sizeof(*m->item));
	if (m->node == NULL || m->item == NULL)
		return -1;
	top = made_node(m, &used, ALIGN_SEQ);
	top->item = m->item;
	at = g;
	for (i = 0; i + 1 < n; i += 2) {
		struct align_node *x = made_node(m, &used, ALIGN_SEQ);
		const char *v[3];
		size_t k = 0, q;

		v[k++] = p->name[p->best[i]];
		v[k++] = p->name[p->best[i + 1]];
		if (n % 2 && i + 3 == n) {
			v[k++] = p->name[p->best[i + 2]];
			i++;
		}
		qsort(v, k, sizeof(*v), cmp_name);
		x->item = &m->item[at];
		for (q = 0; q < k; q++) {
			struct align_node *y = made_node(m, &used,
			    ALIGN_SCALAR);

			y->str = (char *)v[q];
			y->len = (uint32_t)strlen(v[q]);
			m->item[at++] = y;
		}
		x->n = x->cap = (uint32_t)k;
		top->item[top->n++] = x;
	}
	top->cap = top->n;
	qsort(top->item, top->n, sizeof(*top->item), cmp_group);
	m->pairs = top;
	return 0;
}

void
align_pairs_made_release(struct align_pairs_made *m)
{
	free(m->node);
	free(m->item);
	memset(m, 0, sizeof(*m));
}

static void
pairing_release(struct pairing *p)
{
	free(p->name);
	free(p->canon);
	free(p->order);
	free(p->cur);
	free(p->best);
	free(p->taken);
	align_set_release(&p->met);
}

/* The people sorted, their places, and who has met whom. */
static int
pairing_init(struct pairing *p, const char *const *people, size_t n,
    const struct align_groups *met_in)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	p->n = n;
	p->name = malloc(n * sizeof(*p->name));
	p->canon = malloc(n * sizeof(*p->canon));
	p->order = malloc(n * sizeof(*p->order));
	p->cur = malloc(n * sizeof(*p->cur));
	p->best = malloc(n * sizeof(*p->best));
	p->taken = malloc(n);
	if (!p->name || !p->canon || !p->order || !p->cur || !p->best ||
	    !p->taken)
		return -1;
	memcpy(p->name, people, n * sizeof(*p->name));
	qsort(p->name, n, sizeof(*p->name), cmp_name);
	for (i = 0; i < n; i++)
		p->canon[i] = find(p->name, n, p->name[i]);
	return met_set(p->name, n, met_in, &p->met);
}

int
align_pairs_borrowed(const char *const *people, size_t n,
    const struct align_groups *met_in, uint64_t seed,
    struct align_pairs_made *m, struct align_err *e)
{
	struct pairing p;
	size_t a, rep, best = (size_t)-1;
	int rc;

	memset(m, 0, sizeof(*m));
	if (n < 2)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0,
		    "pairs need two participants or more");
	if (pairing_init(&p, people, n, met_in) < 0) {
		pairing_release(&p);
		return align_err_nomem(e);
	}
	for (a = 0; a < ATTEMPTS && best > 0; a++)
		if ((rep = attempt(&p, seed * 1000003 + a)) < best) {
			best = rep;
			memcpy(p.best, p.cur, n * sizeof(*p.best));
		}
	/* What the attempts needed goes before the nodes are made. */
	free(p.canon);
	free(p.order);
	free(p.cur);
	free(p.taken);
	p.canon = p.order = p.cur = NULL;
	p.taken = NULL;
	align_set_release(&p.met);
	rc = groups(&p, m);
	pairing_release(&p);
	if (rc < 0) {
		align_pairs_made_release(m);
		return align_err_nomem(e);
	}
	return 0;
}

int
align_pairs(const char *const *people, size_t n,
    const struct align_groups *met_in, uint64_t seed,
    struct align_node **out, struct align_err *e)
{
	struct align_pairs_made m;

	*out = NULL;
	if (align_pairs_borrowed(people, n, met_in, seed, &m, e) < 0)
		return -1;
	*out = align_node_copy(m.pairs);
	align_pairs_made_release(&m);
	return *out ? 0 : align_err_nomem(e);
}

size_t
align_pairs_repeats(const struct align_groups *pairs,
    const struct align_groups *met_in)
{
	struct align_set set = ALIGN_SET_INIT;
	const char **name;
	size_t i, j, k, n = 0, r = 0;

	for (i = 0; i < pairs->n; i++)
		n += pairs->v[i].n;
	if ((name = malloc((n + 1) * sizeof(*name))) == NULL)
		return (size_t)-1;
	for (i = 0, n = 0; i < pairs->n; i++)
		for (j = 0; j < pairs->v[i].n; j++)
			name[n++] = pairs->v[i].v[j];
	qsort(name, n, sizeof(*name), cmp_name);
	if (met_set(name, n, met_in, &set) < 0)
		r = (size_t)-1;
	for (i = 0; r != (size_t)-1 && i < pairs->n; i++) {
		const struct align_texts *g = &pairs->v[i];

		for (j = 0; j < g->n; j++)
			for (k = j + 1; k < g->n; k++) {
				struct pair_key key = key_of(find(name, n,
				    g->v[j]), find(name, n, g->v[k]));

				r += (size_t)align_set_has(&set,
				    (const char *)&key, sizeof(key));
			}
	}
	free(name);
	align_set_release(&set);
	return r;
}
