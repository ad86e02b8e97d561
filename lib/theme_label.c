/*
 * What an automatic theme is called, by class-based TF-IDF over phrases
 * of one to three words: how often a phrase is in a theme's responses,
 * against how often in all.  Step by step: count the phrases of each
 * theme, score them, pick the label and its written form, the keywords,
 * the typical response, and the concept of the lexicon most responses
 * share, which names a theme better than any of their words.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "theme_int.h"

#define LABEL_SAMPLE 500	/* responses of a theme read for its label */
#define KEYWORDS 5

int
align_themer_surfaces(struct align_themer *t, struct align_err *e)
{
	size_t n = align_words_nterms(&t->w), i;

	free(t->surface);
	t->surface = malloc((n ? n : 1) * sizeof(*t->surface));
	if (t->surface == NULL)
		return align_err_nomem(e);
	memset(t->surface, 0xff, n * sizeof(*t->surface));
	for (i = 0; i < t->w.tokens.n; i++) {
		const struct align_token *k = &t->w.tok[i];
		uint32_t *s = &t->surface[k->stem];

		if (*s == UINT32_MAX || k->count > t->w.tok[*s].count ||
		    (k->count == t->w.tok[*s].count &&
		    strcmp(t->w.tokens.str[i], t->w.tokens.str[*s]) < 0))
			*s = (uint32_t)i;
	}
	return 0;
}

static const char *
token_text(const struct align_themer *t, uint32_t tok)
{
	return t->w.tokens.str[tok] + 1;	/* after the language byte */
}

/* The phrases of one to three words met, each by its stems: an id
 * each, in the order they were first met.  A slot holds the key, so that
 * a look-up reads one place. */
struct gslot {
	uint32_t stem[3];	/* the stems, 0 past the phrase's words */
	uint32_t id;		/* id + 1, 0 for an empty slot; bits 30-31:
				 * its words less one */
};

struct grams {
	struct gslot *slot;
	size_t cap;		/* a power of two */
	uint32_t (*stem)[3];	/* by id */
	uint8_t *len;		/* by id: its words */
	size_t n, ncap;
};

/* A phrase counted in a theme: its id, in how many of the responses read
 * for the theme's label. */
struct tf {
	uint32_t id, tf;
};

/* The phrases of the themes from first on, counted once a response. */
struct phrases {
	size_t first, nt;
	struct grams grams;
	uint32_t *all;		/* by phrase: in how many responses */
	uint32_t *seen;		/* by phrase: the last response it was in
				 * (stamp) */
	uint32_t *cnt;		/* by phrase: in the theme at hand */
	size_t acap;		/* of all, seen and cnt */
	uint32_t stamp;		/* the response at hand, from 1 */
	struct tf **per;	/* by theme: its phrases, by id */
	size_t *nper;
	uint32_t *touched;	/* the phrases of the theme at hand */
	size_t ntouched, tcap;
	uint8_t *edge;		/* by token: EDGE_END, EDGE_START */
	size_t total;		/* phrases counted */
	double *weight;		/* by stem: its score in the theme at hand */
	uint32_t *count, *held;	/* concepts: see concept_of() */
	size_t nheld;
};

#define EDGE_END 1	/* a token that may end a phrase of a label */
#define EDGE_START 2	/* that may begin one */

/* What a theme is given. */
struct description {
	double *score;		/* by phrase of the theme (per[i]) */
	size_t best;		/* the phrase that names it, or SIZE_MAX */
	size_t kw[KEYWORDS];	/* its best single words, best first */
	double ks[KEYWORDS];
	size_t nkw;
	struct align_buf label;
	uint32_t typical;
};

/* Room for need counts in *v, the new ones zero. */
static int
grow_zeroed(uint32_t **v, size_t *cap, size_t need)
{
	size_t was = *cap;

	if (need <= was)
		return 0;
	if (ALIGN_GROW(*v, need, *cap) < 0)
		return -1;
	memset(*v + was, 0, (*cap - was) * sizeof(**v));
	return 0;
}

/* The first stem of phrase g. */
static uint32_t
gram_stem(const struct grams *grams, size_t g)
{
	return grams->stem[g][0];
}

static uint64_t
gram_hash(const uint32_t *stem, int n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL * (uint64_t)(n + 1);
	int q;

	for (q = 0; q < 3; q++) {
		h = (h ^ stem[q]) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	return h;
}

static int
grams_grow(struct grams *g)
{
	size_t cap = g->cap ? g->cap * 2 : 4096, i, j;
	struct gslot *slot = calloc(cap, sizeof(*slot));

	if (slot == NULL)
		return -1;
	for (i = 0; i < g->cap; i++) {
		const struct gslot *o = &g->slot[i];

		if (o->id == 0)
			continue;
		for (j = (size_t)gram_hash(o->stem, (int)(o->id >> 30) + 1) &
		    (cap - 1); slot[j].id; j = (j + 1) & (cap - 1))
			;
		slot[j] = *o;
	}
	free(g->slot);
	g->slot = slot;
	g->cap = cap;
	return 0;
}

/* The id of the phrase stem[0 .. n) (the rest 0), a new one the next;
 * -1 when out of memory. */
static long
gram_id(struct grams *g, const uint32_t *stem, int n)
{
	uint32_t tag = (uint32_t)(n - 1) << 30;
	size_t i;

	if ((g->n + 1) * 4 > g->cap * 3 && grams_grow(g) < 0)
		return -1;
	for (i = (size_t)gram_hash(stem, n) & (g->cap - 1); g->slot[i].id;
	    i = (i + 1) & (g->cap - 1)) {
		const struct gslot *o = &g->slot[i];

		if ((o->id & (3u << 30)) == tag && o->stem[0] == stem[0] &&
		    o->stem[1] == stem[1] && o->stem[2] == stem[2])
			return (long)(o->id & ~(3u << 30)) - 1;
	}
	if (g->n == g->ncap) {
		size_t nc = g->ncap ? g->ncap * 2 : 4096;
		uint32_t (*st)[3] = realloc(g->stem, nc * sizeof(*st));
		uint8_t *len;

		if (st == NULL)
			return -1;
		g->stem = st;
		if ((len = realloc(g->len, nc)) == NULL)
			return -1;
		g->len = len;
		g->ncap = nc;
	}
	memcpy(g->slot[i].stem, stem, sizeof(g->slot[i].stem));
	g->slot[i].id = ((uint32_t)g->n + 1) | tag;
	memcpy(g->stem[g->n], stem, sizeof(g->stem[g->n]));
	g->len[g->n] = (uint8_t)n;
	return (long)g->n++;
}

static void
grams_release(struct grams *g)
{
	free(g->slot);
	free(g->stem);
	free(g->len);
}

/* Whether each token may end (EDGE_END) or begin (EDGE_START) a phrase
 * that names a theme: it is no stop word nor a single letter, and one
 * that begins is no number.  0, or -1 when out of memory. */
static int
edges(const struct align_themer *t, struct phrases *ph)
{
	size_t i, n = t->w.tokens.n;

	if ((ph->edge = malloc(n ? n : 1)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const char *s = token_text(t, (uint32_t)i);
		size_t len = strlen(s);
		uint8_t e = 0;

		if (!t->w.tok[i].stop && len > 1) {
			e = EDGE_END;
			if (strspn(s, "0123456789") != len)
				e |= EDGE_START;
		}
		ph->edge[i] = e;
	}
	return 0;
}

/* A phrase of n tokens at tok may name a theme: it neither begins nor
 * ends with a stop word or a single letter, nor begins with a number. */
static int
gram_ok(const struct phrases *ph, const uint32_t *tok, int n)
{
	return (ph->edge[tok[0]] & EDGE_START) &&
	    (ph->edge[tok[n - 1]] & EDGE_END);
}

/* Room for the counts of phrase id: 0, or -1 when out of memory. */
static int
counts_room(struct phrases *ph, size_t id)
{
	size_t was = ph->acap, cap = was ? was : 4096;
	uint32_t *all, *seen, *cnt;

	if (id < was)
		return 0;
	while (cap <= id)
		cap *= 2;
	if ((all = realloc(ph->all, cap * sizeof(*all))) == NULL)
		return -1;
	ph->all = all;
	if ((seen = realloc(ph->seen, cap * sizeof(*seen))) == NULL)
		return -1;
	ph->seen = seen;
	if ((cnt = realloc(ph->cnt, cap * sizeof(*cnt))) == NULL)
		return -1;
	ph->cnt = cnt;
	memset(all + was, 0, (cap - was) * sizeof(*all));
	memset(seen + was, 0, (cap - was) * sizeof(*seen));
	memset(cnt + was, 0, (cap - was) * sizeof(*cnt));
	ph->acap = cap;
	return 0;
}

/* Phrase stem[0 .. n), met in the response at hand of theme i, counted
 * once for the response, in the theme and in all. */
static int
count_gram(struct phrases *ph, const uint32_t *stem, int n)
{
	long id = gram_id(&ph->grams, stem, n);

	if (id < 0 || counts_room(ph, (size_t)id) < 0)
		return -1;
	if (ph->seen[id] == ph->stamp)
		return 0;	/* again in this response */
	ph->seen[id] = ph->stamp;
	ph->all[id]++;
	if (ph->cnt[id]++ == 0) {
		if (ALIGN_GROW(ph->touched, ph->ntouched + 1, ph->tcap) < 0)
			return -1;
		ph->touched[ph->ntouched++] = (uint32_t)id;
	}
	ph->total++;
	return 0;
}

/* The phrases of response r, in its order, counted. */
static int
response_phrases(const struct align_themer *t, struct phrases *ph,
    const struct resp *r)
{
	const uint32_t *tok = align_themer_toks(t, r);
	size_t p;
	int n, q;

	for (p = 0; p < r->ntok; p++)
		for (n = 1; n <= 3 && p + (size_t)n <= r->ntok; n++) {
			uint32_t stem[3] = { 0, 0, 0 };

			if (!gram_ok(ph, tok + p, n))
				continue;
			for (q = 0; q < n; q++)
				stem[q] = t->w.tok[tok[p + q]].stem;
			if (count_gram(ph, stem, n) < 0)
				return -1;
		}
	return 0;
}

/* How many responses of theme th are read for its label, one every
 * label_step(th). */
static size_t
label_step(const struct theme *th)
{
	return th->n > LABEL_SAMPLE ? th->n / LABEL_SAMPLE : 1;
}

static int
cmp_tf(const void *a, const void *b)
{
	const struct tf *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Count each phrase once a response (where it is first): in theme i,
 * and in all; theme i's counts kept by phrase. */
static int
count_phrases(const struct align_themer *t, struct phrases *ph, size_t i)
{
	const struct theme *th = &t->theme[ph->first + i];
	size_t j, step = label_step(th);
	struct tf *v;

	ph->ntouched = 0;
	for (j = 0; j < th->n; j += step) {
		ph->stamp++;
		if (response_phrases(t, ph, &t->resp[th->member[j]]) < 0)
			return -1;
	}
	if ((v = malloc((ph->ntouched + 1) * sizeof(*v))) == NULL)
		return -1;
	for (j = 0; j < ph->ntouched; j++) {
		v[j].id = ph->touched[j];
		v[j].tf = ph->cnt[v[j].id];
		ph->cnt[v[j].id] = 0;
	}
	if (ph->ntouched > 1)
		qsort(v, ph->ntouched, sizeof(*v), cmp_tf);
	ph->per[i] = v;
	ph->nper[i] = ph->ntouched;
	return 0;
}

/* Keep single word g among the best KEYWORDS, by score s. */
static void
add_keyword(struct description *d, size_t g, double s)
{
	size_t k;

	for (k = d->nkw; k > 0 && (d->ks[k - 1] < s); k--)
		if (k < KEYWORDS) {
			d->ks[k] = d->ks[k - 1];
			d->kw[k] = d->kw[k - 1];
		}
	if (k < KEYWORDS) {
		d->ks[k] = s;
		d->kw[k] = g;
		if (d->nkw < KEYWORDS)
			d->nkw++;
	}
}

/* Score the phrases of theme i (avg: phrases counted a theme), pick the
 * best to name it (a phrase of more words weighs more, and must be
 * shared) and the best single words shared by enough of its responses as
 * keywords. */
static int
score_phrases(const struct align_themer *t, const struct phrases *ph,
    size_t i, double avg, struct description *d)
{
	const struct theme *th = &t->theme[ph->first + i];
	const struct grams *grams = &ph->grams;
	size_t j, sample = th->n > LABEL_SAMPLE ?
	    (th->n + label_step(th) - 1) / label_step(th) : th->n;
	double bs = -1;

	if ((d->score = calloc(ph->nper[i] + 1, sizeof(*d->score))) == NULL)
		return -1;
	for (j = 0; j < ph->nper[i]; j++) {
		size_t g = ph->per[i][j].id;
		double tf = ph->per[i][j].tf, s;
		int n = grams->len[g];

		s = tf / (double)sample * log(1 + avg / ph->all[g]);
		d->score[j] = s;
		if (n > 1 && tf < 2 && th->n > 1)
			continue;
		s *= 1 + 0.25 * (n - 1);
		if (s > bs + 1e-12 || (fabs(s - bs) <= 1e-12 &&
		    d->best != SIZE_MAX && memcmp(&grams->stem[g][0],
		    &grams->stem[d->best][0], 4) < 0)) {
			bs = s;
			d->best = g;
		}
		/* A keyword stands for several of the theme's responses: in
		 * two at least, and a quarter of them. */
		if (n == 1 && (th->n == 1 || (tf >= 2 && 4 * tf >=
		    (double)sample)))
			add_keyword(d, g, d->score[j]);
	}
	return 0;
}

/* Where phrase stem[0 .. n) stands at tok[p] (a response's tokens), its
 * words as written go into key: 1, else 0. */
static int
form_at(const struct align_themer *t, const uint32_t *tok, size_t p,
    const uint32_t *stem, int n, struct align_buf *key)
{
	int q;

	for (q = 0; q < n; q++)
		if (t->w.tok[tok[p + q]].stem != stem[q])
			return 0;
	align_buf_reset(key);
	for (q = 0; q < n; q++) {
		if (q)
			align_buf_putc(key, ' ');
		align_buf_puts(key, token_text(t, tok[p + q]));
	}
	return 1;
}

/* The most frequent of forms (the first in byte order among equals). */
static const char *
most_frequent(const struct align_dict *forms, const uint32_t *fc)
{
	size_t f, bf = SIZE_MAX;

	for (f = 0; f < forms->n; f++)
		if (bf == SIZE_MAX || fc[f] > fc[bf] || (fc[f] == fc[bf] &&
		    strcmp(forms->str[f], forms->str[bf]) < 0))
			bf = f;
	return bf == SIZE_MAX ? NULL : forms->str[bf];
}

/* The label: the best phrase in its most frequent written form, in the
 * responses its counts were taken from. */
static int
written_form(const struct align_themer *t, const struct phrases *ph,
    const struct theme *th, struct description *d)
{
	struct align_dict forms = ALIGN_DICT_INIT;
	struct align_buf key = ALIGN_BUF_INIT;
	const char *form;
	uint32_t stem[3], *fc = NULL;
	size_t fcap = 0, j, p, step = label_step(th);
	int n, rc = 0;

	if (d->best == SIZE_MAX)
		return 0;
	n = ph->grams.len[d->best];
	memcpy(stem, ph->grams.stem[d->best], sizeof(stem));
	for (j = 0; rc == 0 && j < th->n; j += step) {
		const struct resp *r = &t->resp[th->member[j]];
		const uint32_t *tok = align_themer_toks(t, r);

		for (p = 0; rc == 0 && p + (size_t)n <= r->ntok; p++) {
			long id;

			if (!form_at(t, tok, p, stem, n, &key))
				continue;
			if (key.failed || (id = align_dict_id(&forms, key.p,
			    key.len, 1)) < 0 ||
			    grow_zeroed(&fc, &fcap, (size_t)id + 1) < 0)
				rc = -1;
			else
				fc[id]++;
		}
	}
	if (rc == 0 && (form = most_frequent(&forms, fc)) != NULL)
		align_buf_puts(&d->label, form);
	align_dict_release(&forms);
	align_buf_release(&key);
	free(fc);
	return rc;
}

/* How typical response r is of a theme whose stems weigh weight[]: the
 * weight of its words for their number. */
static double
typical_score(const struct align_themer *t, const struct resp *r,
    const double *weight)
{
	const uint32_t *tok = align_themer_toks(t, r);
	double s = 0;
	size_t p, uniq = 0;

	for (p = 0; p < r->ntok; p++) {
		if (t->w.tok[tok[p]].stop)
			continue;
		uniq++;
		s += weight[t->w.tok[tok[p]].stem];
	}
	return uniq ? s / sqrt((double)uniq) : 0;
}

/* The labelled concept response r holds most (the first among equals),
 * counted once for the response: a theme is named by a concept only when
 * it is the strongest of enough of its responses. */
static void
hold_concepts(const struct align_themer *t, const struct resp *r,
    struct phrases *ph)
{
	const uint32_t *term = align_themer_terms(t, r);
	uint32_t best = UINT32_MAX;
	size_t p, q, most = 0;

	for (p = 0; p < r->nterm; p++) {
		size_t c = 0;

		if (!align_words_is_concept(&t->w, term[p]) ||
		    align_words_label(&t->w, term[p]) == NULL)
			continue;
		for (q = 0; q < r->nterm; q++)
			c += term[q] == term[p];
		if (c > most) {
			most = c;
			best = term[p];
		}
	}
	if (best != UINT32_MAX && ph->count[best]++ == 0)
		ph->held[ph->nheld++] = best;
}

/* The responses of a theme are all over memory: each is asked for a few
 * turns before it is read. */
static void
prefetch(const struct align_themer *t, const struct theme *th, size_t j,
    size_t step)
{
	const size_t ahead = ALIGN_THEME_AHEAD * step;

	if (j + 2 * ahead < th->n)
		ALIGN_PREFETCH(&t->resp[th->member[j + 2 * ahead]]);
	if (j + ahead < th->n) {
		const struct resp *a = &t->resp[th->member[j + ahead]];

		ALIGN_PREFETCH(t->toks + a->tok);
		ALIGN_PREFETCH(t->terms + a->term);
	}
}

/* The weights of theme i's single words on its stems (or off again). */
static void
weigh_stems(const struct phrases *ph, size_t i, const double *score,
    double *weight)
{
	size_t j;

	for (j = 0; j < ph->nper[i]; j++) {
		uint32_t g = ph->per[i][j].id;

		if (ph->grams.len[g] == 1)
			weight[gram_stem(&ph->grams, g)] = score ? score[j] : 0;
	}
}

/* One pass over the responses of theme i its label was read from: the
 * most typical, and the concepts they hold.  How many were read. */
static size_t
typical_and_concepts(const struct align_themer *t, struct phrases *ph,
    size_t i, struct description *d)
{
	const struct theme *th = &t->theme[ph->first + i];
	double top = -1;
	size_t j, step = label_step(th), read = 0;

	weigh_stems(ph, i, d->score, ph->weight);
	ph->nheld = 0;
	for (j = 0; j < th->n; j += step, read++) {
		const struct resp *r = &t->resp[th->member[j]];
		double s;

		prefetch(t, th, j, step);
		s = typical_score(t, r, ph->weight);
		if (s > top + 1e-12) {
			top = s;
			d->typical = th->member[j];
		}
		hold_concepts(t, r, ph);
	}
	weigh_stems(ph, i, NULL, ph->weight);
	return read;
}

/* The labelled concept that at least half of the read responses of a
 * theme hold, the most held of them (the first term among equals);
 * UINT32_MAX when there is none.  The counts are cleared for the next
 * theme. */
static uint32_t
concept_of(size_t read, struct phrases *ph, size_t *held)
{
	uint32_t best = UINT32_MAX;
	size_t k, most = 0;

	for (k = 0; k < ph->nheld; k++) {
		uint32_t c = ph->held[k];

		if (ph->count[c] > most || (ph->count[c] == most && most > 0 &&
		    c < best)) {
			most = ph->count[c];
			best = c;
		}
		ph->count[c] = 0;
	}
	*held = most;
	return most * 2 >= read && most > 0 ? best : UINT32_MAX;
}

/* The keywords in their most frequent written forms. */
static struct align_node *
keywords(const struct align_themer *t, const struct phrases *ph,
    const struct description *d)
{
	struct align_node *keys = align_seq();
	size_t k;

	for (k = 0; keys && k < d->nkw; k++) {
		uint32_t st = gram_stem(&ph->grams, d->kw[k]);
		uint32_t tok = t->surface[st];

		if (align_seq_push_str(keys, tok == UINT32_MAX ?
		    align_words_term(&t->w, st) : token_text(t, tok)) < 0) {
			align_node_free(keys);
			keys = NULL;
		}
	}
	return keys;
}

/* The record of theme th as described: label, keywords, typical. */
static int
theme_record(const struct align_themer *t, const struct phrases *ph,
    struct description *d, struct theme *th)
{
	struct align_node *keys = keywords(t, ph, d);
	struct align_node *rec = align_record_new("theme");

	if (keys == NULL || d->label.failed || rec == NULL ||
	    align_map_put_str(rec, "label", d->label.p) < 0) {
		align_node_free(keys);
		align_node_free(rec);
		return -1;
	}
	if (align_map_put(rec, "keywords", keys) < 0 ||
	    align_map_put_str(rec, "typical", align_themer_resp_id(t,
	    d->typical)) < 0) {
		align_node_free(rec);
		return -1;
	}
	th->label = align_buf_detach(&d->label);
	th->rec = rec;
	return 0;
}

/* The share of th's responses that hold its concept (of the read ones),
 * in percent, as the key purity beside the concept's label: the views
 * show "clear expectations (80%)", the label stays the concept's for the
 * next step to read. */
static int
with_purity(struct theme *th, size_t held, size_t read)
{
	long pct = (long)(100.0 * (double)held / (double)(read ? read : 1) +
	    0.5);
	struct align_node *v = align_scalar_int(pct);

	return v == NULL || align_map_put(th->rec, "purity", v) < 0 ? -1 : 0;
}

/* Theme i described (avg: phrases counted a theme). */
static int
describe_one(struct align_themer *t, struct phrases *ph, size_t i,
    double avg)
{
	struct theme *th = &t->theme[ph->first + i];
	struct description d;
	uint32_t concept;
	size_t held = 0, read;
	int rc = -1;

	memset(&d, 0, sizeof(d));
	d.best = SIZE_MAX;
	d.typical = th->member[0];
	if (score_phrases(t, ph, i, avg, &d) < 0 ||
	    written_form(t, ph, th, &d) < 0 || d.label.failed)
		goto out;
	read = typical_and_concepts(t, ph, i, &d);
	/* A concept's label only for text of its domain, and with the share
	 * of the theme's responses that hold it. */
	concept = concept_of(read, ph, &held);
	if (t->concepts && concept != UINT32_MAX) {
		align_buf_reset(&d.label);
		align_buf_puts(&d.label, align_words_label(&t->w, concept));
	} else {
		concept = UINT32_MAX;
	}
	if (d.label.len == 0)
		align_buf_puts(&d.label, "other");
	if ((rc = theme_record(t, ph, &d, th)) == 0 && concept != UINT32_MAX)
		rc = with_purity(th, held, read);
out:
	free(d.score);
	align_buf_release(&d.label);
	return rc;
}

static void
phrases_release(struct phrases *ph)
{
	size_t i;

	for (i = 0; ph->per && i < ph->nt; i++)
		free(ph->per[i]);
	free(ph->per);
	free(ph->nper);
	free(ph->all);
	free(ph->seen);
	free(ph->cnt);
	free(ph->touched);
	free(ph->edge);
	free(ph->weight);
	free(ph->count);
	free(ph->held);
	grams_release(&ph->grams);
}

int
align_themer_describe(struct align_themer *t, size_t first,
    struct align_err *e)
{
	struct phrases ph;
	size_t i, nterms = align_words_nterms(&t->w);
	int rc = -1;

	memset(&ph, 0, sizeof(ph));
	ph.first = first;
	if ((ph.nt = t->ntheme - first) == 0)
		return 0;
	ph.per = calloc(ph.nt, sizeof(*ph.per));
	ph.nper = calloc(ph.nt, sizeof(*ph.nper));
	ph.weight = calloc(nterms + 1, sizeof(*ph.weight));
	ph.count = calloc(nterms + 1, sizeof(*ph.count));
	ph.held = malloc((nterms + 1) * sizeof(*ph.held));
	if (ph.per == NULL || ph.nper == NULL || ph.weight == NULL ||
	    ph.count == NULL || ph.held == NULL || edges(t, &ph) < 0)
		goto out;
	for (i = 0; i < ph.nt; i++)
		if (count_phrases(t, &ph, i) < 0)
			goto out;
	for (i = 0; i < ph.nt; i++)
		if (describe_one(t, &ph, i, (double)ph.total /
		    (double)ph.nt) < 0)
			goto out;
	rc = 0;
out:
	phrases_release(&ph);
	return rc < 0 ? align_err_nomem(e) : 0;
}
