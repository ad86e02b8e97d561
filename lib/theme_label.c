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

#define LABEL_SAMPLE 2000	/* responses of a theme read for its label */
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

/* A phrase of one to three words: its stems as a key. */
struct gram {
	uint32_t stem[3];
	int n;
	uint32_t pos;		/* its place in the response */
};

/* The phrases of the themes from first on, counted once a response. */
struct phrases {
	size_t first, nt;
	struct align_dict grams;	/* a phrase's stems -> its id */
	uint32_t *all;		/* by phrase: in how many responses */
	size_t acap;
	uint32_t *seen;		/* by phrase: the last response it was in
				 * (stamp) */
	size_t scap;
	uint32_t stamp;		/* the response at hand, from 1 */
	uint32_t **per;		/* by theme, by phrase: the same */
	size_t *pcap;		/* by theme: how far its counts go */
	size_t total;		/* phrases counted */
	struct gram *gv;	/* the phrases of the response at hand */
	size_t ng, gcap;
	double *weight;		/* by stem: its score in the theme at hand */
	uint32_t *count, *held;	/* concepts: see concept_of() */
	size_t nheld;
};

/* What a theme is given. */
struct description {
	double *score;		/* by phrase */
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

/* The first stem of phrase g (the dictionary does not align its keys). */
static uint32_t
gram_stem(const struct align_dict *grams, size_t g)
{
	uint32_t st;

	memcpy(&st, grams->str[g], sizeof(st));
	return st;
}

/* A phrase may name a theme: it neither begins nor ends with a stop word
 * or a single letter, nor begins with a number. */
static int
gram_ok(const struct align_themer *t, const uint32_t *tok, int n)
{
	const struct align_token *a = &t->w.tok[tok[0]];
	const struct align_token *b = &t->w.tok[tok[n - 1]];

	return !a->stop && !b->stop && strlen(token_text(t, tok[0])) > 1 &&
	    strlen(token_text(t, tok[n - 1])) > 1 &&
	    strspn(token_text(t, tok[0]), "0123456789") !=
	    strlen(token_text(t, tok[0]));
}

/* The phrases of response r into ph->gv, in the order of the response
 * (count_phrases() counts each once). */
static int
response_phrases(const struct align_themer *t, struct phrases *ph,
    const struct resp *r)
{
	const uint32_t *tok = t->toks + r->tok;
	size_t p;
	int n, q;

	ph->ng = 0;
	for (p = 0; p < r->ntok; p++)
		for (n = 1; n <= 3 && p + (size_t)n <= r->ntok; n++) {
			struct gram *g;

			if (!gram_ok(t, tok + p, n))
				continue;
			if (ALIGN_GROW(ph->gv, ph->ng + 1, ph->gcap) < 0)
				return -1;
			g = &ph->gv[ph->ng];
			memset(g, 0, sizeof(*g));
			for (q = 0; q < n; q++)
				g->stem[q] = t->w.tok[tok[p + q]].stem;
			g->pos = (uint32_t)ph->ng++;
			g->n = n;
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

/* Count each phrase once a response (where it is first): in theme i,
 * and in all. */
static int
count_phrases(const struct align_themer *t, struct phrases *ph, size_t i)
{
	const struct theme *th = &t->theme[ph->first + i];
	size_t j, p, step = label_step(th);

	for (j = 0; j < th->n; j += step) {
		if (response_phrases(t, ph, &t->resp[th->member[j]]) < 0)
			return -1;
		ph->stamp++;
		for (p = 0; p < ph->ng; p++) {
			const struct gram *gr = &ph->gv[p];
			long id = align_dict_id(&ph->grams,
			    (const char *)gr->stem, (size_t)gr->n * 4, 1);

			if (id < 0 || grow_zeroed(&ph->all, &ph->acap,
			    (size_t)id + 1) < 0 || grow_zeroed(&ph->per[i],
			    &ph->pcap[i], (size_t)id + 1) < 0 ||
			    grow_zeroed(&ph->seen, &ph->scap, (size_t)id + 1) < 0)
				return -1;
			if (ph->seen[id] == ph->stamp)
				continue;	/* again in this response */
			ph->seen[id] = ph->stamp;
			ph->all[id]++;
			ph->per[i][id]++;
			ph->total++;
		}
	}
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
	const struct align_dict *grams = &ph->grams;
	size_t pcap = ph->pcap[i], g, sample = th->n > LABEL_SAMPLE ?
	    (th->n + label_step(th) - 1) / label_step(th) : th->n;
	double bs = -1;

	if ((d->score = calloc(pcap ? pcap : 1, sizeof(*d->score))) == NULL)
		return -1;
	for (g = 0; g < pcap && g < grams->n; g++) {
		double tf = ph->per[i][g], s;
		int n = (int)(grams->len[g] / 4);

		if (tf == 0)
			continue;
		s = tf / (double)sample * log(1 + avg / ph->all[g]);
		d->score[g] = s;
		if (n > 1 && tf < 2 && th->n > 1)
			continue;
		s *= 1 + 0.25 * (n - 1);
		if (s > bs + 1e-12 || (fabs(s - bs) <= 1e-12 &&
		    d->best != SIZE_MAX && memcmp(grams->str[g],
		    grams->str[d->best], 4) < 0)) {
			bs = s;
			d->best = g;
		}
		/* A keyword stands for several of the theme's responses: in
		 * two at least, and a quarter of them. */
		if (n == 1 && (th->n == 1 || (tf >= 2 && 4 * tf >=
		    (double)sample)))
			add_keyword(d, g, d->score[g]);
	}
	return 0;
}

/* Where phrase stem[0 .. n) stands in response r, its words as written
 * go into key: 1, else 0. */
static int
form_at(const struct align_themer *t, const struct resp *r, size_t p,
    const uint32_t *stem, int n, struct align_buf *key)
{
	const uint32_t *tok = t->toks + r->tok;
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
	n = (int)(ph->grams.len[d->best] / 4);
	memcpy(stem, ph->grams.str[d->best], ph->grams.len[d->best]);
	for (j = 0; rc == 0 && j < th->n; j += step) {
		const struct resp *r = &t->resp[th->member[j]];

		for (p = 0; rc == 0 && p + (size_t)n <= r->ntok; p++) {
			long id;

			if (!form_at(t, r, p, stem, n, &key))
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
	const uint32_t *tok = t->toks + r->tok;
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
	const uint32_t *term = t->terms + r->term;
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
prefetch(const struct align_themer *t, const struct theme *th, size_t j)
{
	const size_t ahead = ALIGN_THEME_AHEAD;

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
	size_t g;

	for (g = 0; g < ph->pcap[i] && g < ph->grams.n; g++)
		if (ph->grams.len[g] == 4)
			weight[gram_stem(&ph->grams, g)] = score ? score[g] : 0;
}

/* One pass over every response of theme i: the most typical, and the
 * concepts they hold. */
static void
typical_and_concepts(const struct align_themer *t, struct phrases *ph,
    size_t i, struct description *d)
{
	const struct theme *th = &t->theme[ph->first + i];
	double top = -1;
	size_t j;

	weigh_stems(ph, i, d->score, ph->weight);
	ph->nheld = 0;
	for (j = 0; j < th->n; j++) {
		const struct resp *r = &t->resp[th->member[j]];
		double s;

		prefetch(t, th, j);
		s = typical_score(t, r, ph->weight);
		if (s > top + 1e-12) {
			top = s;
			d->typical = th->member[j];
		}
		hold_concepts(t, r, ph);
	}
	weigh_stems(ph, i, NULL, ph->weight);
}

/* The labelled concept that at least half of a theme's responses hold,
 * the most held of them (the first term among equals); UINT32_MAX when
 * there is none.  The counts are cleared for the next theme. */
static uint32_t
concept_of(const struct theme *th, struct phrases *ph, size_t *held)
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
	return most * 2 >= th->n && most > 0 ? best : UINT32_MAX;
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

/* The share of th's responses that hold its concept, in percent, as the
 * key purity beside the concept's label: the views show "clear
 * expectations (80%)", the label stays the concept's for the next step
 * to read. */
static int
with_purity(struct theme *th, size_t held)
{
	long pct = (long)(100.0 * (double)held / (double)(th->n ? th->n : 1) +
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
	size_t held = 0;
	int rc = -1;

	memset(&d, 0, sizeof(d));
	d.best = SIZE_MAX;
	d.typical = th->member[0];
	if (score_phrases(t, ph, i, avg, &d) < 0 ||
	    written_form(t, ph, th, &d) < 0 || d.label.failed)
		goto out;
	typical_and_concepts(t, ph, i, &d);
	/* A concept's label only for text of its domain, and with the share
	 * of the theme's responses that hold it. */
	concept = concept_of(th, ph, &held);
	if (t->concepts && concept != UINT32_MAX) {
		align_buf_reset(&d.label);
		align_buf_puts(&d.label, align_words_label(&t->w, concept));
	} else {
		concept = UINT32_MAX;
	}
	if (d.label.len == 0)
		align_buf_puts(&d.label, "other");
	if ((rc = theme_record(t, ph, &d, th)) == 0 && concept != UINT32_MAX)
		rc = with_purity(th, held);
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
	free(ph->pcap);
	free(ph->all);
	free(ph->seen);
	free(ph->weight);
	free(ph->count);
	free(ph->held);
	align_dict_release(&ph->grams);
	free(ph->gv);
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
	ph.pcap = calloc(ph.nt, sizeof(*ph.pcap));
	ph.weight = calloc(nterms + 1, sizeof(*ph.weight));
	ph.count = calloc(nterms + 1, sizeof(*ph.count));
	ph.held = malloc((nterms + 1) * sizeof(*ph.held));
	if (ph.per == NULL || ph.pcap == NULL || ph.weight == NULL ||
	    ph.count == NULL || ph.held == NULL)
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
