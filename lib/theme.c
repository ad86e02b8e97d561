#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cluster.h"
#include "csv.h"
#include "hash.h"
#include "plan.h"
#include "text.h"
#include "theme.h"
#include "words.h"

#define LINKAGE_MAX 400		/* more responses than this: GSDMM */
#define LABEL_SAMPLE 2000	/* responses of a theme read for its label */
#define AHEAD 8			/* responses asked for before they are read */

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif
#define KEYWORDS 5

struct resp {
	int32_t who;		/* participant, or -1 */
	int32_t theme;		/* the theme it is in, or -1 */
	size_t term, tok;	/* offsets into the term and token pools */
	uint16_t nterm, ntok;
	uint8_t placed;		/* by a person */
};

struct theme {
	struct align_node *rec;	/* the record written */
	uint32_t *member;	/* responses, in id order */
	size_t n;
	size_t support;
	int manual;
	char *label;
};

struct old {
	struct align_node *rec;
	int manual;
	uint64_t set;		/* hash of its sorted response ids */
};

struct align_themer {
	struct align_theme_opts o;
	struct align_words w;
	struct align_analysis a;
	struct align_dict ids;		/* response ids -> index */
	struct align_dict people;
	struct resp *resp;
	size_t nresp, rcap;
	uint32_t *terms, *toks;
	size_t nterms, ntoks, tcap, kcap;
	struct align_buf texts;		/* with keep_text: the texts */
	size_t *text_at, ntext, textcap; /* where each response's begins */
	struct old *old;
	size_t nold;
	struct theme *theme;
	size_t ntheme;
	size_t session_people;		/* participants of the session */
	uint32_t *surface;		/* by stem: its most frequent token */
	uint32_t *seen;			/* by participant: for support() */
};

static int
push(uint32_t **v, size_t *n, size_t *cap, const uint32_t *x, size_t k)
{
	if (*n + k > *cap) {
		size_t c = *cap ? *cap : 1024;
		uint32_t *p;

		while (c < *n + k)
			c *= 2;
		if ((p = realloc(*v, c * sizeof(*p))) == NULL)
			return -1;
		*v = p;
		*cap = c;
	}
	memcpy(*v + *n, x, k * sizeof(*x));
	*n += k;
	return 0;
}

static int
push_size(size_t **v, size_t *n, size_t *cap, size_t x)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 1024;
		size_t *p = realloc(*v, c * sizeof(*p));

		if (p == NULL)
			return -1;
		*v = p;
		*cap = c;
	}
	(*v)[(*n)++] = x;
	return 0;
}

struct align_themer *
align_themer_new(const struct align_theme_opts *o, struct align_err *e)
{
	struct align_themer *t = calloc(1, sizeof(*t));
	size_t i;

	if (t == NULL) {
		align_err_nomem(e);
		return NULL;
	}
	t->o = *o;
	if (align_words_init(&t->w, e) < 0) {
		free(t);
		return NULL;
	}
	if (!o->no_lexicon && align_words_default_lexicon(&t->w, e) < 0)
		goto fail;
	for (i = 0; i < o->nsynonyms; i++) {
		FILE *fp = fopen(o->synonyms[i], "r");
		struct align_buf b = ALIGN_BUF_INIT;
		char chunk[4096];
		size_t n;

		if (fp == NULL) {
			align_err_set(e, EX_NOINPUT, o->synonyms[i], 0, 0,
			    "cannot open");
			goto fail;
		}
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			align_buf_add(&b, chunk, n);
		fclose(fp);
		align_buf_putc(&b, '\0');
		if (b.failed) {
			align_buf_release(&b);
			align_err_nomem(e);
			goto fail;
		}
		if (memchr(b.p, '\0', b.len - 1)) {
			align_buf_release(&b);
			align_err_set(e, EX_DATAERR, o->synonyms[i], 0, 0,
			    "NUL byte in text");
			goto fail;
		}
		if (align_words_lexicon(&t->w, b.p, o->synonyms[i], e) < 0) {
			align_buf_release(&b);
			goto fail;
		}
		align_buf_release(&b);
	}
	return t;
fail:
	align_themer_free(t);
	return NULL;
}

void
align_themer_free(struct align_themer *t)
{
	size_t i;

	if (t == NULL)
		return;
	align_words_release(&t->w);
	align_analysis_release(&t->a);
	align_dict_release(&t->ids);
	align_dict_release(&t->people);
	free(t->resp);
	free(t->terms);
	free(t->toks);
	align_buf_release(&t->texts);
	free(t->text_at);
	for (i = 0; i < t->nold; i++)
		align_node_free(t->old[i].rec);
	free(t->old);
	for (i = 0; i < t->ntheme; i++) {
		align_node_free(t->theme[i].rec);
		free(t->theme[i].member);
		free(t->theme[i].label);
	}
	free(t->theme);
	free(t->surface);
	free(t->seen);
	free(t);
}

static int
add_response(struct align_themer *t, const struct align_node *rec,
    struct align_err *e)
{
	const char *id = align_record_id(rec);
	const char *who = align_map_str(rec, "participant");
	const char *text = align_map_str(rec, "text");
	struct resp *r;
	long k;

	if (id == NULL || text == NULL)
		return 0;	/* nothing to group */
	/* The reader keeps the first of two records with one id, so the
	 * id is new: no need to look it up (most runs never do). */
	k = align_dict_push(&t->ids, id, strlen(id));
	if (k < 0)
		return align_err_nomem(e);
	if (t->nresp == t->rcap) {
		size_t cap = t->rcap ? t->rcap * 2 : 1024;
		struct resp *p = realloc(t->resp, cap * sizeof(*p));

		if (p == NULL)
			return align_err_nomem(e);
		t->resp = p;
		t->rcap = cap;
	}
	r = &t->resp[t->nresp];
	memset(r, 0, sizeof(*r));
	r->theme = -1;
	r->who = -1;
	if (who && (r->who = (int32_t)align_dict_id(&t->people, who,
	    strlen(who), 1)) < 0)
		return align_err_nomem(e);
	if (align_words_analyse(&t->w, text, &t->a, e) < 0)
		return -1;
	r->term = t->nterms;
	r->tok = t->ntoks;
	/* A response longer than this is grouped by its beginning. */
	if (t->a.nterm > UINT16_MAX)
		t->a.nterm = UINT16_MAX;
	if (t->a.ntok > UINT16_MAX)
		t->a.ntok = UINT16_MAX;
	r->nterm = (uint16_t)t->a.nterm;
	r->ntok = (uint16_t)t->a.ntok;
	if (push(&t->terms, &t->nterms, &t->tcap, t->a.term, t->a.nterm) < 0 ||
	    push(&t->toks, &t->ntoks, &t->kcap, t->a.tok, t->a.ntok) < 0)
		return align_err_nomem(e);
	if (t->o.keep_text) {
		size_t at = t->texts.len;

		align_buf_add(&t->texts, text, strlen(text) + 1);
		if (t->texts.failed || push_size(&t->text_at, &t->ntext,
		    &t->textcap, at) < 0)
			return align_err_nomem(e);
	}
	t->nresp++;
	return 0;
}

int
align_themer_add(struct align_themer *t, const struct align_node *rec,
    struct align_err *e)
{
	const char *kind = align_record_kind(rec);

	if (strcmp(kind, "response") == 0)
		return add_response(t, rec, e);
	if (strcmp(kind, "session") == 0 && t->session_people == 0) {
		const struct align_node *p = align_map_get(rec,
		    "participants");

		if (p && p->type == ALIGN_SEQ)
			t->session_people = p->n;
		return 0;
	}
	if (strcmp(kind, "theme") == 0) {
		struct old *o = realloc(t->old, (t->nold + 1) * sizeof(*o));
		const char *src = align_map_str(rec, "source");

		if (o == NULL)
			return align_err_nomem(e);
		t->old = o;
		o = &t->old[t->nold];
		if ((o->rec = align_node_copy(rec)) == NULL)
			return align_err_nomem(e);
		/* A list edited into one id is a list of that id. */
		{
			struct align_node *l = align_map_get(o->rec,
			    "responses"), *seq = NULL;
			int rc = 0;

			if (l && l->type == ALIGN_SCALAR && !l->raw) {
				seq = align_seq();
				rc = seq == NULL ||
				    align_seq_push(seq, align_node_copy(l)) < 0;
				if (rc)
					align_node_free(seq);
				else
					rc = align_map_put(o->rec, "responses",
					    seq) < 0;
			}
			if (rc) {
				align_node_free(o->rec);
				return align_err_nomem(e);
			}
		}
		o->manual = src && strcmp(src, "manual") == 0;
		o->set = 0;
		t->nold++;
	}
	return 0;
}

static const char *
resp_id(const struct align_themer *t, uint32_t r)
{
	return t->ids.str[r];
}

/* A hash of a set of response ids, whatever their order. */
static uint64_t
set_hash(const struct align_node *list)
{
	static const unsigned char key[16] = "align-theme-set";
	uint64_t h = 0;
	size_t i;

	for (i = 0; list && list->type == ALIGN_SEQ && i < list->n; i++)
		if (list->item[i]->type == ALIGN_SCALAR)
			h += align_siphash(key, list->item[i]->str,
			    list->item[i]->len);
	return h;
}

static struct old *
find_old(struct align_themer *t, const char *id)
{
	size_t i;

	for (i = 0; i < t->nold; i++)
		if (t->old[i].rec && align_record_id(t->old[i].rec) &&
		    strcmp(align_record_id(t->old[i].rec), id) == 0)
			return &t->old[i];
	return NULL;
}

static int
no_theme(struct align_err *e, const char *id)
{
	return align_err_set(e, EX_USAGE, NULL, 0, 0,
	    "no theme '%s' in the input", id);
}

/* Remove response id from every old theme's list. */
static int
take_out(struct align_themer *t, const char *id)
{
	size_t i, j;
	int found = 0;

	for (i = 0; i < t->nold; i++) {
		struct align_node *l = t->old[i].rec ?
		    align_map_get(t->old[i].rec, "responses") : NULL;

		for (j = 0; l && l->type == ALIGN_SEQ && j < l->n; j++) {
			if (l->item[j]->type != ALIGN_SCALAR ||
			    strcmp(l->item[j]->str, id) != 0)
				continue;
			align_node_free(l->item[j]);
			memmove(l->item + j, l->item + j + 1,
			    (l->n - j - 1) * sizeof(*l->item));
			l->n--;
			j--;
			t->old[i].manual = 1;
			found = 1;
		}
	}
	return found;
}

/* The edits of the command line, on the themes of the input. */
static int
edit(struct align_themer *t, struct align_err *e)
{
	size_t i, j;

	for (i = 0; i < t->o.nrename; i++) {
		const char *eq = strchr(t->o.rename[i], '=');
		char id[64];
		struct old *o;

		if (eq == NULL || eq == t->o.rename[i] || eq[1] == '\0' ||
		    (size_t)(eq - t->o.rename[i]) >= sizeof(id))
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "--rename: expected THEME=LABEL, not '%s'",
			    t->o.rename[i]);
		snprintf(id, sizeof(id), "%.*s", (int)(eq - t->o.rename[i]),
		    t->o.rename[i]);
		if ((o = find_old(t, id)) == NULL)
			return no_theme(e, id);
		if (align_map_put_str(o->rec, "label", eq + 1) < 0)
			return align_err_nomem(e);
		o->manual = 1;
	}
	for (i = 0; i < t->o.nmerge; i++) {
		char *list = strdup(t->o.merge[i]), *p, *save = NULL;
		struct old *into = NULL;
		size_t named = 0;

		if (list == NULL)
			return align_err_nomem(e);
		for (p = strtok_r(list, ",", &save); p;
		    p = strtok_r(NULL, ",", &save)) {
			struct old *o = find_old(t, p);
			struct align_node *from, *to;

			named++;
			if (o == NULL) {
				no_theme(e, p);
				free(list);
				return -1;
			}
			if (into == NULL) {
				into = o;
				into->manual = 1;
				continue;
			}
			if (o == into)
				continue;
			from = align_map_get(o->rec, "responses");
			to = align_map_get(into->rec, "responses");
			if (to == NULL || to->type != ALIGN_SEQ) {
				if (align_map_put(into->rec, "responses",
				    align_seq()) < 0) {
					free(list);
					return align_err_nomem(e);
				}
				to = align_map_get(into->rec, "responses");
			}
			for (j = 0; from && from->type == ALIGN_SEQ &&
			    j < from->n; j++)
				if (align_seq_push(to, align_node_copy(
				    from->item[j])) < 0) {
					free(list);
					return align_err_nomem(e);
				}
			align_node_free(o->rec);
			o->rec = NULL;
		}
		free(list);
		if (named < 2)
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "--merge: expected THEME,THEME, not '%s'",
			    t->o.merge[i]);
	}
	for (i = 0; i < t->o.nmove; i++) {
		const char *eq = strchr(t->o.move[i], '=');
		char id[128];
		struct old *o;
		struct align_node *to;

		if (eq == NULL || eq == t->o.move[i] ||
		    (size_t)(eq - t->o.move[i]) >= sizeof(id))
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "--move: expected RESPONSE=THEME, not '%s'",
			    t->o.move[i]);
		snprintf(id, sizeof(id), "%.*s", (int)(eq - t->o.move[i]),
		    t->o.move[i]);
		if (align_dict_id(&t->ids, id, strlen(id), 0) < 0)
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "no response '%s' in the input", id);
		if ((o = find_old(t, eq + 1)) == NULL)
			return no_theme(e, eq + 1);
		take_out(t, id);
		to = align_map_get(o->rec, "responses");
		if (to == NULL || to->type != ALIGN_SEQ) {
			if (align_map_put(o->rec, "responses", align_seq()) < 0)
				return align_err_nomem(e);
			to = align_map_get(o->rec, "responses");
		}
		if (align_seq_push_str(to, id) < 0)
			return align_err_nomem(e);
		o->manual = 1;
	}
	return 0;
}

static int
add_theme(struct align_themer *t, struct theme *th, struct align_err *e)
{
	struct theme *p = realloc(t->theme, (t->ntheme + 1) * sizeof(*p));

	if (p == NULL)
		return align_err_nomem(e);
	t->theme = p;
	t->theme[t->ntheme++] = *th;
	return 0;
}

static size_t
support(struct align_themer *t, const uint32_t *m, size_t n, uint32_t stamp)
{
	size_t i, s = 0;

	/* seen[who] holds the theme that last counted them. */
	for (i = 0; i < n; i++) {
		int32_t who;

		if (i + AHEAD < n)
			PREFETCH(&t->resp[m[i + AHEAD]]);
		who = t->resp[m[i]].who;

		if (who < 0)
			s++;	/* an unnamed response: someone */
		else if (t->seen[who] != stamp) {
			t->seen[who] = stamp;
			s++;
		}
	}
	return s;
}

/* Sort members by response id (qsort has no context: this is it).  The
 * first eight bytes, big-endian, order as strcmp does, and settle most
 * comparisons without it. */
static const struct align_themer *sort_ctx;

/* Sixteen bytes of an id from byte "at", as a number that orders as
 * strcmp(3) does (a shorter id is padded with zeros). */
static uint64_t
prefix(const char *s, size_t at)
{
	uint64_t v = 0;
	size_t i, n = strlen(s);

	for (i = at; i < at + 8; i++)
		v = v << 8 | (i < n ? (unsigned char)s[i] : 0);
	return v;
}

struct keyed {
	uint64_t key[2];
	uint32_t r;
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key[0] != y->key[0])
		return x->key[0] < y->key[0] ? -1 : 1;
	if (x->key[1] != y->key[1])
		return x->key[1] < y->key[1] ? -1 : 1;
	return strcmp(sort_ctx->ids.str[x->r], sort_ctx->ids.str[y->r]);
}

static int
sort_members(const struct align_themer *t, uint32_t *m, size_t n)
{
	struct keyed *k = malloc((n ? n : 1) * sizeof(*k));
	size_t i;

	sort_ctx = t;
	if (k == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const char *id = t->ids.str[m[i]];

		k[i].key[0] = prefix(id, 0);
		k[i].key[1] = prefix(id, 8);
		k[i].r = m[i];
	}
	qsort(k, n, sizeof(*k), cmp_keyed);
	for (i = 0; i < n; i++)
		m[i] = k[i].r;
	free(k);
	return 0;
}

/* The themes people made: kept, with the responses still there. */
static int
keep_manual(struct align_themer *t, struct align_err *e)
{
	size_t i, j;

	for (i = 0; i < t->nold; i++) {
		struct old *o = &t->old[i];
		struct align_node *l;
		struct theme th;

		if (o->rec == NULL)
			continue;
		l = align_map_get(o->rec, "responses");
		o->set = set_hash(l);
		if (!o->manual)
			continue;
		memset(&th, 0, sizeof(th));
		th.manual = 1;
		th.member = malloc(((l && l->type == ALIGN_SEQ ? l->n : 0) + 1) *
		    sizeof(*th.member));
		if (th.member == NULL)
			return align_err_nomem(e);
		for (j = 0; l && l->type == ALIGN_SEQ && j < l->n; j++) {
			long r;

			if (l->item[j]->type != ALIGN_SCALAR)
				continue;
			r = align_dict_id(&t->ids, l->item[j]->str,
			    l->item[j]->len, 0);
			if (r < 0 || t->resp[r].placed)
				continue;	/* gone, or placed already */
			t->resp[r].placed = 1;
			th.member[th.n++] = (uint32_t)r;
		}
		if (sort_members(t, th.member, th.n) < 0) {
			free(th.member);
			return align_err_nomem(e);
		}
		th.rec = o->rec;
		o->rec = NULL;
		if (align_map_put_str(th.rec, "source", "manual") < 0 ||
		    add_theme(t, &th, e) < 0) {
			align_node_free(th.rec);
			free(th.member);
			return align_err_nomem(e);
		}
	}
	return 0;
}

/* The most frequent way each stem is written. */
static int
surfaces(struct align_themer *t, struct align_err *e)
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

/* Phrases of one to three words for labels: their stems as a key. */
struct gram {
	uint32_t stem[3];
	int n;
	uint32_t pos;		/* its place in the response */
};

static int
same_gram(const struct gram *x, const struct gram *y)
{
	return x->n == y->n && memcmp(x->stem, y->stem, sizeof(x->stem)) == 0;
}

/* By phrase, then by place. */
static int
cmp_gram(const void *a, const void *b)
{
	const struct gram *x = a, *y = b;
	int q;

	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	for (q = 0; q < x->n; q++)
		if (x->stem[q] != y->stem[q])
			return x->stem[q] < y->stem[q] ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int
cmp_gram_pos(const void *a, const void *b)
{
	const struct gram *x = a, *y = b;

	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Keep the first of each phrase, in the order of the response. */
static size_t
unique_grams(struct gram *g, size_t n)
{
	size_t i, k = 0;

	if (n < 2)
		return n;	/* and g may be NULL, which qsort may not see */
	qsort(g, n, sizeof(*g), cmp_gram);
	for (i = 0; i < n; i++)
		if (k == 0 || !same_gram(&g[i], &g[k - 1]))
			g[k++] = g[i];
	qsort(g, k, sizeof(*g), cmp_gram_pos);
	return k;
}

/* The first stem of phrase g (the dictionary does not align its keys). */
static uint32_t
gram_stem(const struct align_dict *grams, size_t g)
{
	uint32_t st;

	memcpy(&st, grams->str[g], sizeof(st));
	return st;
}

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

/* The labelled concept that at least half of a theme's responses hold,
 * the most held of them (the first term among equals); UINT32_MAX when
 * there is none.  count[] holds, for the nheld concepts in held[], how
 * many responses hold each; it is cleared for the next theme. */
static uint32_t
concept_of(const struct theme *th, uint32_t *count, const uint32_t *held,
    size_t nheld)
{
	uint32_t best = UINT32_MAX;
	size_t k, most = 0;

	for (k = 0; k < nheld; k++) {
		uint32_t c = held[k];

		if (count[c] > most || (count[c] == most && most > 0 &&
		    c < best)) {
			most = count[c];
			best = c;
		}
		count[c] = 0;
	}
	return most * 2 >= th->n && most > 0 ? best : UINT32_MAX;
}

/* Label, keywords and typical response of every automatic theme, by
 * class-based TF-IDF: how often a phrase is in a theme's responses,
 * against how often in all. */
static int
describe(struct align_themer *t, size_t first, struct align_err *e)
{
	struct align_dict grams = ALIGN_DICT_INIT;
	struct gram *gv = NULL;
	size_t ng, gcap = 0;
	size_t nt = t->ntheme - first, i, j, g, total = 0;
	uint32_t *all = NULL, **per = NULL;
	size_t acap = 0;
	double avg, *weight = NULL;	/* by stem: its score in a theme */
	uint32_t *count = NULL, *held = NULL;	/* concepts: see concept_of() */
	size_t nheld;
	int rc = -1;

	if (nt == 0)
		return 0;
	per = calloc(nt, sizeof(*per));
	weight = calloc(align_words_nterms(&t->w) + 1, sizeof(*weight));
	count = calloc(align_words_nterms(&t->w) + 1, sizeof(*count));
	held = malloc((align_words_nterms(&t->w) + 1) * sizeof(*held));
	if (per == NULL || weight == NULL || count == NULL || held == NULL)
		goto nomem;
	/* Count each phrase once a response: in each theme, and in all. */
	for (i = 0; i < nt; i++) {
		struct theme *th = &t->theme[first + i];
		size_t step = th->n > LABEL_SAMPLE ? th->n / LABEL_SAMPLE : 1;
		size_t pcap = 0;

		for (j = 0; j < th->n; j += step) {
			const struct resp *r = &t->resp[th->member[j]];
			const uint32_t *tok = t->toks + r->tok;
			size_t p;
			int n;

			/* The response's phrases, each once. */
			ng = 0;
			for (p = 0; p < r->ntok; p++)
				for (n = 1; n <= 3 && p + (size_t)n <= r->ntok;
				    n++) {
					int q;

					if (!gram_ok(t, tok + p, n))
						continue;
					if (ng == gcap) {
						size_t c = gcap ? gcap * 2 : 64;
						struct gram *a = realloc(gv,
						    c * sizeof(*a));

						if (a == NULL)
							goto nomem;
						gv = a;
						gcap = c;
					}
					memset(&gv[ng], 0, sizeof(*gv));
					for (q = 0; q < n; q++)
						gv[ng].stem[q] =
						    t->w.tok[tok[p + q]].stem;
					gv[ng].pos = (uint32_t)ng;
					gv[ng++].n = n;
				}
			ng = unique_grams(gv, ng);
			for (p = 0; p < ng; p++) {
				const struct gram *gr = &gv[p];

				{
					long id;

					id = align_dict_id(&grams,
					    (const char *)gr->stem, gr->n * 4,
					    1);
					if (id < 0)
						goto nomem;
					while ((size_t)id >= acap) {
						size_t c = acap ? acap * 2 :
						    1024, z;
						uint32_t *a = realloc(all,
						    c * sizeof(*a));

						if (a == NULL)
							goto nomem;
						for (z = acap; z < c; z++)
							a[z] = 0;
						all = a;
						acap = c;
					}
					all[id]++;
					if ((size_t)id >= pcap) {
						size_t c = pcap ? pcap : 64, z;
						uint32_t *a;

						while (c <= (size_t)id)
							c *= 2;
						a = realloc(per[i],
						    c * sizeof(*a));
						if (a == NULL)
							goto nomem;
						for (z = pcap; z < c; z++)
							a[z] = 0;
						per[i] = a;
						pcap = c;
					}
					per[i][id]++;
					total++;
				}
			}
		}
		/* Remember how far this theme's counts go. */
		if (per[i] == NULL && (per[i] = calloc(1, sizeof(**per))) ==
		    NULL)
			goto nomem;
		th->support = pcap;	/* borrowed until support() below */
	}
	avg = (double)total / (double)nt;
	for (i = 0; i < nt; i++) {
		struct theme *th = &t->theme[first + i];
		size_t pcap = th->support, sample, best = SIZE_MAX, kw[KEYWORDS];
		double bs = -1, ks[KEYWORDS], *score;
		size_t nkw = 0, k;
		struct align_node *keys, *rec;
		struct align_buf label = ALIGN_BUF_INIT;
		double top = -1;
		uint32_t typical = th->member[0];

		sample = th->n > LABEL_SAMPLE ? (th->n + (th->n / LABEL_SAMPLE) -
		    1) / (th->n / LABEL_SAMPLE) : th->n;
		score = calloc(pcap ? pcap : 1, sizeof(*score));
		if (score == NULL)
			goto nomem;
		for (g = 0; g < pcap && g < grams.n; g++) {
			double tf = per[i][g], s;
			int n = (int)(grams.len[g] / 4);

			if (tf == 0)
				continue;
			s = tf / (double)sample * log(1 + avg / all[g]);
			score[g] = s;
			/* A phrase must be shared to name a theme. */
			if (n > 1 && tf < 2 && th->n > 1)
				continue;
			s *= 1 + 0.25 * (n - 1);
			if (s > bs + 1e-12 || (fabs(s - bs) <= 1e-12 &&
			    best != SIZE_MAX && memcmp(grams.str[g],
			    grams.str[best], 4) < 0)) {
				bs = s;
				best = g;
			}
			if (n != 1)
				continue;
			/* Keywords: the best single words. */
			for (k = nkw; k > 0 && (ks[k - 1] < score[g]); k--)
				if (k < KEYWORDS) {
					ks[k] = ks[k - 1];
					kw[k] = kw[k - 1];
				}
			if (k < KEYWORDS) {
				ks[k] = score[g];
				kw[k] = g;
				if (nkw < KEYWORDS)
					nkw++;
			}
		}
		/* The label in its most frequent written form. */
		if (best != SIZE_MAX) {
			uint32_t stem[3];
			int n = (int)(grams.len[best] / 4), q;
			struct align_dict forms = ALIGN_DICT_INIT;
			uint32_t *fc = NULL;
			size_t fcap = 0, f, bf = SIZE_MAX;

			memcpy(stem, grams.str[best], grams.len[best]);
			/* In the responses its counts were taken from. */
			for (j = 0; j < th->n; j += th->n > LABEL_SAMPLE ?
			    th->n / LABEL_SAMPLE : 1) {
				const struct resp *r = &t->resp[th->member[j]];
				const uint32_t *tok = t->toks + r->tok;
				size_t p;

				for (p = 0; p + (size_t)n <= r->ntok; p++) {
					char key[512];
					size_t kl = 0;
					long id;

					for (q = 0; q < n; q++)
						if (t->w.tok[tok[p + q]].stem !=
						    stem[q])
							break;
					if (q < n)
						continue;
					for (q = 0; q < n && kl < sizeof(key);
					    q++)
						kl += (size_t)snprintf(key + kl,
						    sizeof(key) - kl, "%s%s",
						    q ? " " : "",
						    token_text(t, tok[p + q]));
					if (kl >= sizeof(key))
						continue;
					id = align_dict_id(&forms, key, kl, 1);
					if (id < 0) {
						label.failed = 1;
						break;
					}
					if ((size_t)id >= fcap) {
						uint32_t *a = realloc(fc,
						    (fcap + 16) * sizeof(*a));

						if (a == NULL) {
							label.failed = 1;
							break;
						}
						memset(a + fcap, 0,
						    16 * sizeof(*a));
						fc = a;
						fcap += 16;
					}
					fc[id]++;
				}
			}
			for (f = 0; f < forms.n; f++)
				if (bf == SIZE_MAX || fc[f] > fc[bf] ||
				    (fc[f] == fc[bf] && strcmp(forms.str[f],
				    forms.str[bf]) < 0))
					bf = f;
			if (bf != SIZE_MAX)
				align_buf_puts(&label, forms.str[bf]);
			align_dict_release(&forms);
			free(fc);
		}
		if (label.failed) {
			align_buf_release(&label);
			free(score);
			goto nomem;
		}
		/* One pass over every response of the theme: the most
		 * typical, the one whose words weigh most in the theme for
		 * their number; and the concepts of the lexicon they hold.
		 * The responses are all over memory: each is asked for a
		 * few turns before it is read. */
		for (g = 0; g < pcap && g < grams.n; g++)
			if (grams.len[g] == 4)
				weight[gram_stem(&grams, g)] = score[g];
		nheld = 0;
		for (j = 0; j < th->n; j++) {
			const struct resp *r = &t->resp[th->member[j]];
			const uint32_t *tok = t->toks + r->tok;
			const uint32_t *term = t->terms + r->term;
			double s = 0;
			size_t p, q, uniq = 0;

			if (j + 2 * AHEAD < th->n)
				PREFETCH(&t->resp[th->member[j + 2 * AHEAD]]);
			if (j + AHEAD < th->n) {
				const struct resp *a =
				    &t->resp[th->member[j + AHEAD]];

				PREFETCH(t->toks + a->tok);
				PREFETCH(t->terms + a->term);
			}
			for (p = 0; p < r->ntok; p++) {
				if (t->w.tok[tok[p]].stop)
					continue;
				uniq++;
				s += weight[t->w.tok[tok[p]].stem];
			}
			s = uniq ? s / sqrt((double)uniq) : 0;
			if (s > top + 1e-12) {
				top = s;
				typical = th->member[j];
			}
			for (p = 0; p < r->nterm; p++) {
				if (!align_words_is_concept(&t->w, term[p]) ||
				    align_words_label(&t->w, term[p]) == NULL)
					continue;
				for (q = 0; q < p && term[q] != term[p]; q++)
					;
				if (q < p)
					continue;	/* once a response */
				if (count[term[p]]++ == 0)
					held[nheld++] = term[p];
			}
		}
		for (g = 0; g < pcap && g < grams.n; g++)
			if (grams.len[g] == 4)
				weight[gram_stem(&grams, g)] = 0;
		/* A concept of the lexicon most responses share names the
		 * theme better than any of their words. */
		{
			uint32_t concept = concept_of(th, count, held, nheld);

			if (concept != UINT32_MAX) {
				align_buf_reset(&label);
				align_buf_puts(&label, align_words_label(&t->w,
				    concept));
			}
		}
		if (label.len == 0)
			align_buf_puts(&label, "other");
		keys = align_seq();
		for (k = 0; keys && k < nkw; k++) {
			uint32_t st = gram_stem(&grams, kw[k]);
			uint32_t tok = t->surface[st];

			if (align_seq_push_str(keys, tok == UINT32_MAX ?
			    align_words_term(&t->w, st) :
			    token_text(t, tok)) < 0) {
				align_node_free(keys);
				keys = NULL;
			}
		}
		free(score);
		rec = align_record_new("theme");
		if (keys == NULL || label.failed || rec == NULL ||
		    align_map_put_str(rec, "label", label.p) < 0) {
			align_node_free(keys);
			align_node_free(rec);
			align_buf_release(&label);
			goto nomem;
		}
		if (align_map_put(rec, "keywords", keys) < 0 ||
		    align_map_put_str(rec, "typical",
		    resp_id(t, typical)) < 0) {
			align_node_free(rec);
			align_buf_release(&label);
			goto nomem;
		}
		th->label = align_buf_detach(&label);
		th->rec = rec;
		th->support = 0;
	}
	rc = 0;
	goto out;
nomem:
	rc = align_err_nomem(e);
out:
	for (i = 0; per && i < nt; i++)
		free(per[i]);
	free(per);
	free(all);
	free(weight);
	free(count);
	free(held);
	align_dict_release(&grams);
	free(gv);
	return rc;
}

/* Automatic themes that came out with the same label are one theme told
 * in other words (GSDMM splits by wording; the lexicon joins by meaning):
 * merge them into the first, and forget the descriptions.  Returns how
 * many merged, or -1.  rank gives each response's place in id order. */
static int
merge_alike(struct align_themer *t, size_t first, const uint32_t *rank,
    struct align_err *e)
{
	size_t i, j, kept = first;
	int merged = 0;

	for (i = first; i < t->ntheme; i++) {
		struct theme *th = &t->theme[i];

		for (j = first; j < kept; j++)
			if (strcmp(t->theme[j].label, th->label) == 0)
				break;
		if (j == kept) {
			t->theme[kept++] = *th;
			continue;
		}
		{
			struct theme *to = &t->theme[j];
			uint32_t *m = malloc((to->n + th->n) * sizeof(*m));
			size_t a = 0, b = 0, o = 0;

			if (m == NULL)
				return align_err_nomem(e);
			/* Both in id order: merged, still in id order. */
			while (a < to->n || b < th->n)
				m[o++] = b == th->n || (a < to->n &&
				    rank[to->member[a]] < rank[th->member[b]]) ?
				    to->member[a++] : th->member[b++];
			free(to->member);
			to->member = m;
			to->n += th->n;
		}
		align_node_free(th->rec);
		free(th->member);
		free(th->label);
		merged++;
	}
	t->ntheme = kept;
	for (i = first; merged && i < t->ntheme; i++) {
		align_node_free(t->theme[i].rec);
		free(t->theme[i].label);
		t->theme[i].rec = NULL;
		t->theme[i].label = NULL;
	}
	return merged;
}

/* Group the responses nobody placed into automatic themes. */
static int
group(struct align_themer *t, struct align_err *e)
{
	uint32_t *order = NULL, *z = NULL, *terms = NULL, *rank = NULL;
	size_t *off = NULL, *size = NULL, n = 0, i, nt = 0, first = t->ntheme;
	long k, c;
	int rc = -1;

	order = malloc((t->nresp + 1) * sizeof(*order));
	if (order == NULL)
		goto nomem;
	for (i = 0; i < t->nresp; i++)
		if (!t->resp[i].placed)
			order[n++] = (uint32_t)i;
	if (n == 0) {
		free(order);
		return 0;
	}
	/* In id order: the same themes whatever the order of the input. */
	if (sort_members(t, order, n) < 0)
		goto nomem;
	off = malloc((n + 1) * sizeof(*off));
	z = malloc(n * sizeof(*z));
	terms = malloc((t->nterms + 1) * sizeof(*terms));
	rank = malloc((t->nresp + 1) * sizeof(*rank));
	if (off == NULL || z == NULL || terms == NULL || rank == NULL)
		goto nomem;
	for (i = 0; i < n; i++) {
		const struct resp *r = &t->resp[order[i]];

		rank[order[i]] = (uint32_t)i;
		off[i] = nt;
		memcpy(terms + nt, t->terms + r->term, r->nterm *
		    sizeof(*terms));
		nt += r->nterm;
	}
	off[n] = nt;
	if (strcmp(t->o.method, "linkage") == 0 ||
	    (strcmp(t->o.method, "auto") == 0 && n <= LINKAGE_MAX)) {
		k = align_linkage(terms, off, n, align_words_nterms(&t->w),
		    t->o.threshold, z, e);
	} else {
		struct align_gsdmm_opts go = { 0 };

		go.seed = t->o.seed;
		k = align_gsdmm(terms, off, n, align_words_nterms(&t->w), &go,
		    z, e);
	}
	if (k < 0)
		goto out;
	if ((size = calloc((size_t)k + 1, sizeof(*size))) == NULL)
		goto nomem;
	for (i = 0; i < n; i++)
		size[z[i]]++;
	for (c = 0; c < k; c++) {
		struct theme th;

		memset(&th, 0, sizeof(th));
		th.member = malloc((size[c] + 1) * sizeof(*th.member));
		if (th.member == NULL)
			goto nomem;
		if (add_theme(t, &th, e) < 0) {
			free(th.member);
			goto out;
		}
	}
	for (i = 0; i < n; i++) {	/* in id order */
		struct theme *th = &t->theme[first + z[i]];

		th->member[th->n++] = order[i];
	}
	if ((rc = describe(t, first, e)) == 0 &&
	    (rc = merge_alike(t, first, rank, e)) > 0)
		rc = describe(t, first, e);
	goto out;
nomem:
	rc = align_err_nomem(e);
out:
	free(rank);
	free(size);
	free(order);
	free(off);
	free(z);
	free(terms);
	return rc;
}

static int
cmp_theme(const void *a, const void *b)
{
	const struct theme *x = a, *y = b;
	const char *lx = align_map_str(x->rec, "label");
	const char *ly = align_map_str(y->rec, "label");

	if (x->support != y->support)
		return x->support > y->support ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(lx ? lx : "", ly ? ly : "");
}

int
align_themer_run(struct align_themer *t, struct align_err *e)
{
	size_t i, j, kept = 0, autos = 0;

	/* Responses are looked up by id for edits, the themes of the input
	 * and the texts shown: index them now, where running out of memory
	 * can be told from an id that is not there. */
	if ((t->nold > 0 || t->o.nmove > 0 || t->o.keep_text) &&
	    align_dict_index(&t->ids) < 0)
		return align_err_nomem(e);
	if (edit(t, e) < 0 || keep_manual(t, e) < 0 || surfaces(t, e) < 0 ||
	    group(t, e) < 0)
		return -1;
	if ((t->seen = calloc(t->people.n + 1, sizeof(*t->seen))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < t->ntheme; i++) {
		struct theme *th = &t->theme[i];
		static const unsigned char key[16] = "align-theme-set";
		uint64_t set = 0;

		th->support = support(t, th->member, th->n, (uint32_t)i + 1);
		/* Which theme of the input this one is, if there were any. */
		for (j = 0; t->nold > 0 && j < th->n; j++)
			set += align_siphash(key, resp_id(t, th->member[j]),
			    strlen(resp_id(t, th->member[j])));
		/* The list of responses is made when the record is written:
		 * one theme at a time, not all at once. */
		align_map_del(th->rec, "responses");
		if (align_map_put(th->rec, "support",
		    align_scalar_int((long)th->support)) < 0)
			return align_err_nomem(e);
		if (th->manual)
			continue;
		/* A label a person edited on a theme that comes out the
		 * same: theirs. */
		for (j = 0; j < t->nold; j++) {
			const char *old;

			if (t->old[j].rec == NULL || t->old[j].manual ||
			    t->old[j].set != set)
				continue;
			old = align_map_str(t->old[j].rec, "label");
			if (old && strcmp(old, th->label) != 0) {
				if (align_map_put_str(th->rec, "label", old) <
				    0)
					return align_err_nomem(e);
				th->manual = 1;
			}
			break;
		}
		if (align_map_put_str(th->rec, "source", th->manual ?
		    "manual" : "auto") < 0)
			return align_err_nomem(e);
	}
	if (t->ntheme > 1)
		qsort(t->theme, t->ntheme, sizeof(*t->theme), cmp_theme);
	/* People's themes always stay; automatic ones need support, and
	 * room under --max-themes. */
	for (i = 0; i < t->ntheme; i++) {
		struct theme *th = &t->theme[i];
		int keep = th->manual || ((!t->o.min_support ||
		    th->support >= t->o.min_support) &&
		    (!t->o.max_themes || autos < t->o.max_themes));

		if (keep && !th->manual)
			autos++;
		if (!keep) {
			align_node_free(th->rec);
			free(th->member);
			free(th->label);
			continue;
		}
		t->theme[kept++] = *th;
	}
	t->ntheme = kept;
	for (i = 0; i < t->ntheme; i++) {
		char id[32];

		snprintf(id, sizeof(id), "t%zu", i + 1);
		if (align_map_put_str(t->theme[i].rec, "id", id) < 0)
			return align_err_nomem(e);
		for (j = 0; j < t->theme[i].n; j++)
			t->resp[t->theme[i].member[j]].theme = (int32_t)i;
	}
	return 0;
}

size_t
align_themer_count(const struct align_themer *t)
{
	return t->ntheme;
}

struct align_node *
align_themer_record(const struct align_themer *t, size_t i,
    struct align_err *e)
{
	const struct theme *th = &t->theme[i];
	struct align_node *rec = align_node_copy(th->rec), *list = align_seq();
	size_t j;

	for (j = 0; list && j < th->n; j++)
		if (align_seq_push_str(list, resp_id(t, th->member[j])) < 0) {
			align_node_free(list);
			list = NULL;
		}
	if (rec == NULL || list == NULL) {
		align_node_free(rec);
		align_node_free(list);
		align_err_nomem(e);
		return NULL;
	}
	if (align_map_put(rec, "responses", list) < 0) {
		align_node_free(rec);
		align_err_nomem(e);
		return NULL;
	}
	return rec;
}

static const char *
text_of(const struct align_themer *t, const char *id)
{
	long r = id ? align_dict_id((struct align_dict *)&t->ids, id,
	    strlen(id), 0) : -1;

	return r < 0 || (size_t)r >= t->ntext ? NULL :
	    t->texts.p + t->text_at[r];
}

static const char *
who_of(const struct align_themer *t, const char *id)
{
	long r = id ? align_dict_id((struct align_dict *)&t->ids, id,
	    strlen(id), 0) : -1;

	return r < 0 || t->resp[r].who < 0 ? NULL :
	    t->people.str[t->resp[r].who];
}

/* A theme's keywords on a line, when it has any (a list edited by hand
 * may hold other things: only words are shown). */
static void
keywords(struct align_buf *b, const struct align_node *kw, const char *lead,
    int color)
{
	size_t k, shown = 0;

	for (k = 0; kw && kw->type == ALIGN_SEQ && k < kw->n; k++) {
		if (kw->item[k]->type != ALIGN_SCALAR)
			continue;
		align_buf_printf(b, "%s%s%s%s", shown++ ? ", " : lead,
		    color ? "\033[36m" : "", kw->item[k]->str,
		    color ? "\033[0m" : "");
	}
	if (shown)
		align_buf_putc(b, '\n');
}

void
align_themer_show(const struct align_themer *t, struct align_buf *b,
    enum align_themes_format f, size_t width, int color)
{
	size_t people = t->session_people, i, j;
	size_t unnamed = 0, placed = 0;

	for (i = 0; i < t->nresp; i++) {
		unnamed += t->resp[i].who < 0;
		placed += t->resp[i].theme >= 0;
	}
	if (people < t->people.n + unnamed)
		people = t->people.n + unnamed;
	if (f == ALIGN_THEMES_CSV) {
		align_buf_puts(b, "response,theme,label\r\n");
		for (i = 0; i < t->ntheme; i++) {
			const char *label = align_map_str(t->theme[i].rec,
			    "label");

			for (j = 0; j < t->theme[i].n; j++) {
				align_buf_printf(b, "%s,%s,", resp_id(t,
				    t->theme[i].member[j]),
				    align_record_id(t->theme[i].rec));
				align_csv_field(b, label ? label : "");
				align_buf_puts(b, "\r\n");
			}
		}
		return;
	}
	if (f == ALIGN_THEMES_MARKDOWN)
		align_buf_printf(b, "# Themes\n\n%zu theme%s from %zu "
		    "response%s by %zu participant%s.\n", t->ntheme,
		    t->ntheme == 1 ? "" : "s", t->nresp, t->nresp == 1 ? "" :
		    "s", people, people == 1 ? "" : "s");
	else
		align_buf_printf(b, "%s%zu theme%s%s from %zu response%s by %zu "
		    "participant%s\n", color ? "\033[1m" : "", t->ntheme,
		    t->ntheme == 1 ? "" : "s", color ? "\033[0m" : "",
		    t->nresp, t->nresp == 1 ? "" : "s", people,
		    people == 1 ? "" : "s");
	for (i = 0; i < t->ntheme; i++) {
		const struct align_node *rec = t->theme[i].rec;
		const struct align_node *kw = align_map_get(rec, "keywords");
		const char *label = align_map_str(rec, "label") ?
		    align_map_str(rec, "label") : "";
		const char *typ = align_map_str(rec, "typical");
		const char *text = text_of(t, typ), *who = who_of(t, typ);
		size_t sup = t->theme[i].support, bar = people > 20 ? 20 :
		    people, full = people ? (sup * bar + people / 2) / people :
		    0, k;

		if (f == ALIGN_THEMES_MARKDOWN) {
			align_buf_printf(b, "\n## %s: %s\n\n- support: %zu "
			    "of %zu, %zu response%s%s\n",
			    align_record_id(rec), label, sup, people,
			    t->theme[i].n, t->theme[i].n == 1 ? "" : "s",
			    t->theme[i].manual ? " (edited)" : "");
			keywords(b, kw, "- keywords: ", 0);
			if (text)
				align_buf_printf(b, "\n> %s%s%s\n", text,
				    who ? " — " : "", who ? who : "");
			continue;
		}
		align_buf_printf(b, "\n%s%-3s %s%s", color ? "\033[1m" : "",
		    align_record_id(rec), label, color ? "\033[0m" : "");
		k = align_text_width(label, strlen(label)) + 4;
		for (; k < 44; k++)
			align_buf_putc(b, ' ');
		align_buf_putc(b, ' ');
		if (full > bar)
			full = bar;
		for (k = 0; k < bar; k++)
			align_buf_puts(b, k < full ? "\xe2\x96\x88" :
			    "\xe2\x96\x91");
		align_buf_printf(b, " %zu of %zu%s\n", sup, people,
		    t->theme[i].manual ? "  (edited)" : "");
		keywords(b, kw, "    ", color);
		if (text) {
			struct align_buf q = ALIGN_BUF_INIT;

			align_buf_printf(&q, "\"%s\"%s%s", text, who ? " — " :
			    "", who ? who : "");
			align_buf_puts(b, "    ");
			if (q.failed)
				b->failed = 1;
			else
				align_text_wrap(b, q.p, 5, 4, width);
			align_buf_release(&q);
		}
	}
	if (f == ALIGN_THEMES_TEXT && placed < t->nresp)
		align_buf_printf(b, "\n%zu response%s in no theme\n",
		    t->nresp - placed, t->nresp - placed == 1 ? "" : "s");
	else if (f == ALIGN_THEMES_MARKDOWN && placed < t->nresp)
		align_buf_printf(b, "\n%zu response%s in no theme.\n",
		    t->nresp - placed, t->nresp - placed == 1 ? "" : "s");
}
