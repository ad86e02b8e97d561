/*
 * The themer: records in, the steps of a run (theme_edit.c,
 * theme_group.c, theme_label.c), the themes ranked and numbered, records
 * out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "grow.h"
#include "record.h"
#include "text.h"
#include "theme_int.h"
#include "varint.h"

/* Append x[0 .. k) to the pool *v of *n bytes, 7 bits a byte: most
 * tokens and terms are met early and have small ids, so a number takes
 * about 2 bytes instead of 4 (a million responses of 33 words: the
 * tokens 130 MB to 65, the terms 74 to 37).  The pool's room for one
 * response's, decoded, grows in *buf. */
static int
pack_add(uint8_t **v, size_t *n, size_t *cap, const uint32_t *x, size_t k,
    uint32_t **buf, size_t *bufcap)
{
	size_t i;

	if (k == 0)
		return 0;	/* and *v may still be NULL */
	if (ALIGN_GROW(*v, *n + ALIGN_VARINT_MAX * k, *cap) < 0 ||
	    ALIGN_GROW(*buf, k, *bufcap) < 0)
		return -1;
	for (i = 0; i < k; i++)
		*n += align_varint_put(*v + *n, x[i]);
	return 0;
}

/* The k numbers packed in pool from byte at, into out (the pool may be
 * NULL when k is 0). */
static void
unpack(const uint8_t *pool, uint32_t at, size_t k, uint32_t *out)
{
	const uint8_t *p;
	size_t i;

	if (k == 0)
		return;
	for (p = pool + at, i = 0; i < k; i++)
		out[i] = align_varint_get(&p);
}

const uint32_t *
align_themer_toks(const struct align_themer *t, const struct resp *r)
{
	unpack(t->toks, r->tok, r->ntok, t->tokbuf);
	return t->tokbuf;
}

/* Every line of the lexicon file path (s, n bytes) text (text.h), a CR
 * before its LF aside: 0, or -1 and e (65 with line and column). */
static int
synonyms_text(char *s, size_t n, const char *path, struct align_err *e)
{
	unsigned long lno = 0;
	size_t len;

	while (n > 0) {
		char *nl = memchr(s, '\n', n);

		len = nl ? (size_t)(nl - s) : n;
		lno++;
		if (align_text_check(s, len > 0 && s[len - 1] == '\r' ?
		    len - 1 : len, EX_DATAERR, path, lno, e) < 0)
			return -1;
		if (len > 0 && s[len - 1] == '\r')
			s[len - 1] = ' ';	/* read as the line's end */
		len += nl != NULL;
		s += len;
		n -= len;
	}
	return 0;
}

const uint32_t *
align_themer_terms(const struct align_themer *t, const struct resp *r)
{
	unpack(t->terms, r->term, r->nterm, t->termbuf);
	return t->termbuf;
}

void
align_themer_terms_into(const struct align_themer *t, const struct resp *r,
    uint32_t *out)
{
	unpack(t->terms, r->term, r->nterm, out);
}

uint32_t
align_themer_terms_end(const struct align_themer *t, size_t i)
{
	/* The pool holds the responses' terms in the order they came. */
	return i + 1 < t->nresp ? t->resp[i + 1].term : (uint32_t)t->nterms;
}

/* The concepts of a lexicon file, added. */
static int
load_synonyms(struct align_themer *t, const char *path, struct align_err *e)
{
	FILE *fp = fopen(path, "r");
	struct align_buf b = ALIGN_BUF_INIT;
	char chunk[4096];
	size_t n;
	int rc = -1;

	if (fp == NULL)
		return align_err_set(e, EX_NOINPUT, path, 0, 0, "cannot open");
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		align_buf_add(&b, chunk, n);
	fclose(fp);
	align_buf_putc(&b, '\0');
	if (b.failed)
		align_err_nomem(e);
	else if (synonyms_text(b.p, b.len - 1, path, e) == 0)
		rc = align_words_lexicon(&t->w, b.p, path, e);
	align_buf_release(&b);
	return rc;
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
	if (align_tables_open(&t->tables, align_tables_dir(), e) < 0)
		goto fail;
	/* With the tables, their concepts (each word in its own language)
	 * stand for the hand lexicon. */
	if (t->tables.found && align_words_tables(&t->w, &t->tables,
	    !o->no_lexicon, ALIGN_NEAR_SYNONYM, e) < 0)
		goto fail;
	if (!o->no_lexicon && t->w.ntconcept == 0 &&
	    align_words_default_lexicon(&t->w, e) < 0)
		goto fail;
	for (i = 0; i < o->nsynonyms; i++)
		if (load_synonyms(t, o->synonyms[i], e) < 0)
			goto fail;
	return t;
fail:
	align_themer_free(t);
	return NULL;
}

void
align_theme_release(struct theme *th)
{
	align_node_free(th->rec);
	free(th->member);
	free(th->label);
	th->rec = NULL;
	th->member = NULL;
	th->label = NULL;
}

void
align_themer_free(struct align_themer *t)
{
	size_t i;

	if (t == NULL)
		return;
	align_words_release(&t->w);
	align_tables_close(&t->tables);
	align_analysis_release(&t->a);
	align_dict_release(&t->ids);
	align_dict_release(&t->people);
	for (i = 0; i < ALIGN_THEME_WHO_AHEAD; i++)
		free(t->who[i].name);
	free(t->resp);
	free(t->terms);
	free(t->termbuf);
	free(t->toks);
	free(t->tokbuf);
	align_buf_release(&t->texts);
	free(t->text_at);
	align_node_free(t->session);
	align_strs_release(&t->ref_p);
	align_strs_release(&t->ref_t);
	align_strs_release(&t->notes);
	for (i = 0; i < t->nold; i++) {
		align_node_free(t->old[i].rec);
		free(t->old[i].resp);
		free(t->old[i].id);
	}
	free(t->old);
	for (i = 0; i < t->ntheme; i++)
		align_theme_release(&t->theme[i]);
	free(t->theme);
	free(t->surface);
	free(t->seen);
	free(t->confidence);
	free(t->near);
	free(t->near_sim);
	free(t);
}

/* The words of a response, into the pools.  A response longer than the
 * pools' counts hold is grouped by its beginning. */
static int
add_words(struct align_themer *t, struct resp *r, const char *text,
    struct align_err *e)
{
	if (align_words_analyse(&t->w, text, &t->a, e) < 0)
		return -1;
	if (t->a.nterm > UINT16_MAX)
		t->a.nterm = UINT16_MAX;
	if (t->a.ntok > UINT16_MAX)
		t->a.ntok = UINT16_MAX;
	/* 32-bit offsets: a response takes 24 bytes, not 32 (8 MB at a
	 * million); the pools hold some 60 million responses. */
	if (t->nterms + ALIGN_VARINT_MAX * t->a.nterm > UINT32_MAX ||
	    t->ntoks + ALIGN_VARINT_MAX * t->a.ntok > UINT32_MAX)
		return align_err_set(e, ALIGN_EX_NOMEM, NULL, 0, 0,
		    "too many words for one run (%zu responses read)",
		    t->nresp);
	r->term = (uint32_t)t->nterms;
	r->tok = (uint32_t)t->ntoks;
	r->nterm = (uint16_t)t->a.nterm;
	r->ntok = (uint16_t)t->a.ntok;
	r->lang = (uint8_t)t->a.lang;
	r->hits = (uint8_t)(t->a.hits > 255 ? 255 : t->a.hits);
	if (pack_add(&t->terms, &t->nterms, &t->tcap, t->a.term,
	    t->a.nterm, &t->termbuf, &t->termbufcap) < 0 ||
	    pack_add(&t->toks, &t->ntoks, &t->kcap, t->a.tok, t->a.ntok,
	    &t->tokbuf, &t->tokbufcap) < 0)
		return align_err_nomem(e);
	return 0;
}

/* With keep_text: the text, to be shown. */
static int
add_text(struct align_themer *t, const char *text, struct align_err *e)
{
	size_t at = t->texts.len;

	align_buf_add(&t->texts, text, strlen(text) + 1);
	if (t->texts.failed || ALIGN_GROW(t->text_at, t->ntext + 1,
	    t->textcap) < 0)
		return align_err_nomem(e);
	t->text_at[t->ntext++] = at;
	return 0;
}

/* The oldest response waiting for its participant, given it: 0, or -1
 * when out of memory. */
static int
who_resolve(struct align_themer *t)
{
	struct pending_who *p = &t->who[t->whohead];
	long id = align_dict_id_hashed(&t->people, p->name, p->n, p->h, 1);

	if (id < 0)
		return -1;
	t->resp[p->r].who = (int32_t)id;
	t->whohead = (t->whohead + 1) % ALIGN_THEME_WHO_AHEAD;
	t->nwho--;
	return 0;
}

/* Response r's participant name, looked up some responses later, in the
 * order they came (the ids are the same): a dictionary of hundreds of
 * thousands of people is a cache miss a lookup, unless asked for ahead.
 * 0, or -1 when out of memory. */
static int
who_later(struct align_themer *t, uint32_t r, const char *name)
{
	struct pending_who *p;
	size_t n = strlen(name);

	if (t->nwho == ALIGN_THEME_WHO_AHEAD && who_resolve(t) < 0)
		return -1;
	p = &t->who[(t->whohead + t->nwho) % ALIGN_THEME_WHO_AHEAD];
	if (n + 1 > p->cap) {
		char *s = realloc(p->name, n + 1 > 2 * p->cap ? n + 1 :
		    2 * p->cap);

		if (s == NULL)
			return -1;
		p->cap = n + 1 > 2 * p->cap ? n + 1 : 2 * p->cap;
		p->name = s;
	}
	memcpy(p->name, name, n + 1);
	p->n = n;
	p->h = align_dict_hash(name, n);
	p->r = r;
	t->nwho++;
	align_dict_prefetch_slot(&t->people, p->h);
	if (t->nwho > ALIGN_THEME_WHO_AHEAD / 2)
		align_dict_prefetch_entry(&t->people, t->who[(t->whohead +
		    t->nwho - 1 - ALIGN_THEME_WHO_AHEAD / 2) %
		    ALIGN_THEME_WHO_AHEAD].h);
	return 0;
}

/* Every response given its participant: 0, or -1 and e (71). */
static int
who_all(struct align_themer *t, struct align_err *e)
{
	while (t->nwho > 0)
		if (who_resolve(t) < 0)
			return align_err_nomem(e);
	return 0;
}

static int
add_response(struct align_themer *t, const struct align_response_view *v,
    struct align_err *e)
{
	struct resp *r;

	if (v->id == NULL || v->text == NULL)
		return 0;	/* nothing to group */
	/* The reader keeps the first of two records with one id, so the
	 * id is new: no need to look it up (most runs never do). */
	if (align_dict_push(&t->ids, v->id, strlen(v->id)) < 0 ||
	    ALIGN_GROW(t->resp, t->nresp + 1, t->rcap) < 0)
		return align_err_nomem(e);
	r = &t->resp[t->nresp];
	memset(r, 0, sizeof(*r));
	r->theme = -1;
	r->who = -1;
	if (v->participant && who_later(t, (uint32_t)t->nresp,
	    v->participant) < 0)
		return align_err_nomem(e);
	if (add_words(t, r, v->text, e) < 0 ||
	    (t->o.keep_text && add_text(t, v->text, e) < 0))
		return -1;
	t->nresp++;
	return 0;
}

uint64_t
align_themer_set_hash(uint64_t h, const char *id)
{
	static const unsigned char key[16] = "align-theme-set";

	return h + align_siphash(key, id, strlen(id));
}

/* A theme of the input, kept for the edits and for what people changed
 * on it: a copy, for the reader's record does not outlive the call, and
 * the copy's view (one id where a list of responses belongs is a list of
 * it). */
static int
add_earlier(struct align_themer *t, const struct align_node *rec,
    struct align_err *e)
{
	struct earlier *o;
	struct align_view v;
	const struct align_texts *r;
	int rc = 0;
	size_t i;

	if (ALIGN_GROW(t->old, t->nold + 1, t->oldcap) < 0)
		return align_err_nomem(e);
	o = &t->old[t->nold];
	memset(o, 0, sizeof(*o));
	if ((o->rec = align_node_copy(rec)) == NULL)
		return align_err_nomem(e);
	t->nold++;
	if (align_view(&v, o->rec, e) < 0)
		return -1;
	r = &v.u.theme.responses;
	if (v.id && (o->id = strdup(v.id)) == NULL)
		rc = align_err_nomem(e);
	align_themer_seen(t, o->id);
	o->label = v.u.theme.label;
	o->manual = v.u.theme.source && strcmp(v.u.theme.source,
	    "manual") == 0;
	if (rc == 0 && ALIGN_GROW(o->resp, r->n, o->cap) < 0)
		rc = align_err_nomem(e);
	for (i = 0; rc == 0 && i < r->n; i++) {
		o->resp[o->nresp++] = r->v[i];
		o->set = align_themer_set_hash(o->set, r->v[i]);
	}
	align_view_release(&v);
	return rc;
}

/* The size of the roster, from the first session that has one.  Read
 * from the record, not from its view: the view leaves out entries of odd
 * shape ([Ben] for Ben), yet each is someone on the roster
 * (tests/cli/odd.test).  The one lookup by name left in align-theme.
 * With keep_text, a copy of the first session, for the page's title, date
 * and place.  0, or -1 and e (71). */
static int
add_session(struct align_themer *t, const struct align_node *rec,
    struct align_err *e)
{
	const struct align_node *p = align_map_get(rec, "participants");

	if (t->session_people == 0 && p && p->type == ALIGN_SEQ)
		t->session_people = p->n;
	if (t->o.keep_text && t->session == NULL &&
	    (t->session = align_node_copy(rec)) == NULL)
		return align_err_nomem(e);
	return 0;
}

/* The themes a principle names: their ids are used. */
static int
add_principle(struct align_themer *t, const struct align_view *v,
    struct align_err *e)
{
	size_t i;

	for (i = 0; i < v->u.principle.themes.n; i++)
		if (align_themer_refer(t, v->id, v->u.principle.themes.v[i],
		    e) < 0)
			return -1;
	return 0;
}

int
align_themer_add(struct align_themer *t, const struct align_node *rec,
    struct align_err *e)
{
	enum align_kind k = align_kind_of(align_record_kind(rec));
	struct align_view v;
	int rc;

	if (k == ALIGN_KIND_SESSION && add_session(t, rec, e) < 0)
		return -1;
	if (k == ALIGN_KIND_THEME)
		return add_earlier(t, rec, e);
	if (k != ALIGN_KIND_RESPONSE && k != ALIGN_KIND_PRINCIPLE)
		return 0;
	if (align_view(&v, rec, e) < 0)
		return -1;
	rc = k == ALIGN_KIND_PRINCIPLE ? add_principle(t, &v, e) :
	    add_response(t, &v.u.response, e);
	align_view_release(&v);
	return rc;
}

const char *
align_themer_resp_id(const struct align_themer *t, uint32_t r)
{
	return t->ids.str[r];
}

int
align_themer_add_theme(struct align_themer *t, const struct theme *th,
    struct align_err *e)
{
	if (ALIGN_GROW(t->theme, t->ntheme + 1, t->themecap) < 0) {
		struct theme lost = *th;

		align_theme_release(&lost);
		return align_err_nomem(e);
	}
	t->theme[t->ntheme++] = *th;
	return 0;
}

/* Sorting responses by id, in place.  The ids are distinct, so that any
 * sort gives the one order.  Eight bytes of each id from where the ids
 * first differ, as a number that orders as strcmp(3) does, settle
 * nearly every comparison (response ids, "r-" and 16 hex digits: all but
 * one pair in 2^32); strcmp settles the rest.  At a million responses
 * the sort takes 16 MB (its keys), not 48 (qsort's keys of 24 bytes and
 * its merge buffer as large), and none when they are in id order. */
struct keyed {
	uint64_t key;
	uint32_t r;
};

/* Eight bytes of id s of n bytes from byte at, as a number that orders
 * as strcmp does (a shorter id is padded with zeros). */
static uint64_t
prefix(const char *s, size_t n, size_t at)
{
	uint64_t v = 0;
	size_t i;

	for (i = at; i < at + 8; i++)
		v = v << 8 | (i < n ? (unsigned char)s[i] : 0);
	return v;
}

/* x before y. */
static inline int
keyed_less(const struct align_themer *t, const struct keyed *x,
    const struct keyed *y)
{
	if (x->key != y->key)
		return x->key < y->key;
	return strcmp(t->ids.str[x->r], t->ids.str[y->r]) < 0;
}

static inline void
keyed_swap(struct keyed *x, struct keyed *y)
{
	struct keyed z = *x;

	*x = *y;
	*y = z;
}

/* k[i] sifted down the heap k[0 .. n). */
static void
keyed_sift(const struct align_themer *t, struct keyed *k, size_t i, size_t n)
{
	size_t c;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && keyed_less(t, &k[c], &k[c + 1]))
			c++;
		if (!keyed_less(t, &k[i], &k[c]))
			return;
		keyed_swap(&k[i], &k[c]);
		i = c;
	}
}

/* Introsort: quicksort on the median of three, insertion sort for short
 * runs, heapsort below depth levels (no quadratic input). */
static void
keyed_sort(const struct align_themer *t, struct keyed *k, size_t n,
    int depth)
{
	size_t i, j;

	while (n > 16) {
		struct keyed *lo = k, *mid = k + n / 2, *hi = k + n - 1;

		if (depth-- == 0) {
			for (i = n / 2; i-- > 0; )
				keyed_sift(t, k, i, n);
			for (i = n - 1; i > 0; i--) {
				keyed_swap(&k[0], &k[i]);
				keyed_sift(t, k, 0, i);
			}
			return;
		}
		if (keyed_less(t, mid, lo))
			keyed_swap(mid, lo);
		if (keyed_less(t, hi, mid)) {
			keyed_swap(hi, mid);
			if (keyed_less(t, mid, lo))
				keyed_swap(mid, lo);
		}
		/* The pivot to k[n - 2]; k[0] and k[n - 1] bound the scans. */
		keyed_swap(mid, &k[n - 2]);
		i = 0;
		j = n - 2;
		for (;;) {
			while (keyed_less(t, &k[++i], &k[n - 2]))
				;
			while (keyed_less(t, &k[n - 2], &k[--j]))
				;
			if (i >= j)
				break;
			keyed_swap(&k[i], &k[j]);
		}
		keyed_swap(&k[i], &k[n - 2]);
		/* The shorter side by recursion, the longer by the loop. */
		if (i < n - 1 - i) {
			keyed_sort(t, k, i, depth);
			k += i + 1;
			n -= i + 1;
		} else {
			keyed_sort(t, k + i + 1, n - i - 1, depth);
			n = i;
		}
	}
	for (i = 1; i < n; i++) {
		struct keyed x = k[i];

		for (j = i; j > 0 && keyed_less(t, &x, &k[j - 1]); j--)
			k[j] = k[j - 1];
		k[j] = x;
	}
}

int
align_themer_sort(const struct align_themer *t, uint32_t *m, size_t n)
{
	const struct align_dict *ids = &t->ids;
	struct keyed *k;
	size_t i, at, sorted = 1;
	int depth = 0;

	for (i = 1; sorted && i < n; i++)
		sorted = strcmp(ids->str[m[i - 1]], ids->str[m[i]]) < 0;
	if (sorted)
		return 0;
	/* Where the ids first differ: the bytes all of them begin with. */
	at = ids->len[m[0]];
	for (i = 1; i < n && at > 0; i++) {
		const char *a = ids->str[m[0]], *b = ids->str[m[i]];
		size_t j = 0;

		while (j < at && a[j] == b[j])
			j++;
		at = j;
	}
	if ((k = malloc(n * sizeof(*k))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		k[i].key = prefix(ids->str[m[i]], ids->len[m[i]], at);
		k[i].r = m[i];
	}
	for (i = n; i > 1; i >>= 1)
		depth += 2;
	keyed_sort(t, k, n, depth);
	for (i = 0; i < n; i++)
		m[i] = k[i].r;
	free(k);
	return 0;
}

/* Distinct participants among responses m[0 .. n); an unnamed response
 * is someone.  seen[who] holds the stamp of the theme that last counted
 * them. */
static size_t
support(struct align_themer *t, const uint32_t *m, size_t n, uint32_t stamp)
{
	size_t i, s = 0;

	for (i = 0; i < n; i++) {
		int32_t who;

		if (i + ALIGN_THEME_AHEAD < n)
			ALIGN_PREFETCH(&t->resp[m[i + ALIGN_THEME_AHEAD]]);
		who = t->resp[m[i]].who;
		if (who < 0)
			s++;
		else if (t->seen[who] != stamp) {
			t->seen[who] = stamp;
			s++;
		}
	}
	return s;
}

/* The label a theme's record holds (for ranking), "" when none is
 * text. */
static int
label_of(struct theme *th, struct align_err *e)
{
	struct align_view v;

	if (align_view(&v, th->rec, e) < 0)
		return -1;
	th->shown = v.u.theme.label ? v.u.theme.label : "";
	align_view_release(&v);
	return 0;
}

/* Theme i's support and source; an automatic one that came out as a
 * theme of the input gets the label a person gave that one.  The list of
 * responses is made when the record is written: one theme at a time, not
 * all at once. */
static int
settle(struct align_themer *t, size_t i, struct align_err *e)
{
	struct theme *th = &t->theme[i];
	uint64_t set = 0;
	size_t j;

	th->support = support(t, th->member, th->n, (uint32_t)i + 1);
	for (j = 0; t->nold > 0 && j < th->n; j++)
		set = align_themer_set_hash(set, align_themer_resp_id(t,
		    th->member[j]));
	align_map_del(th->rec, "responses");
	if (align_map_put(th->rec, "support",
	    align_scalar_int((long)th->support)) < 0)
		return align_err_nomem(e);
	if (!th->manual) {
		if (align_themer_keep_label(t, th, set, e) < 0)
			return -1;
		if (align_map_put_str(th->rec, "source", th->manual ?
		    "manual" : "auto") < 0)
			return align_err_nomem(e);
	}
	return label_of(th, e);
}

/* Best first: support, then responses, then label. */
static int
cmp_theme(const void *a, const void *b)
{
	const struct theme *x = a, *y = b;

	if (x->support != y->support)
		return x->support > y->support ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->shown, y->shown);
}

/* People's themes stay while they hold a response (an emptied one goes
 * away); automatic ones need support, and room under --max-themes. */
static void
keep_best(struct align_themer *t)
{
	size_t i, kept = 0, autos = 0;

	for (i = 0; i < t->ntheme; i++) {
		struct theme *th = &t->theme[i];
		int keep = th->manual ? th->n > 0 :
		    (!t->o.min_support || th->support >= t->o.min_support) &&
		    (!t->o.max_themes || autos < t->o.max_themes);

		if (keep && !th->manual)
			autos++;
		if (keep)
			t->theme[kept++] = *th;
		else
			align_theme_release(th);
	}
	t->ntheme = kept;
}

/* The responses that some theme of the input holds. */
static void
mark_known(struct align_themer *t)
{
	size_t i, j;

	for (i = 0; i < t->nold; i++)
		for (j = 0; j < t->old[i].nresp; j++) {
			const char *id = t->old[i].resp[j];
			long r = align_dict_id(&t->ids, id, strlen(id), 0);

			if (r >= 0)
				t->resp[r].known = 1;
		}
}

int
align_themer_run(struct align_themer *t, struct align_err *e)
{
	size_t i, nmanual;

	if (who_all(t, e) < 0)
		return -1;
	/* The read is over: no name is looked up again, no text analysed
	 * (a million responses: the tables of 300,000 participants and of
	 * 200,000 words, and the words as written, 25 MB). */
	align_dict_unindex(&t->people);
	align_words_idle(&t->w);
	align_analysis_release(&t->a);
	/* Responses are looked up by id for edits, the themes of the input
	 * and the texts shown: index them now, where running out of memory
	 * can be told from an id that is not there. */
	if ((t->nold > 0 || t->o.nmove > 0 || t->o.keep_text) &&
	    align_dict_index(&t->ids) < 0)
		return align_err_nomem(e);
	mark_known(t);
	if (align_themer_edit(t, e) < 0 ||
	    align_themer_keep_manual(t, e) < 0)
		return -1;
	nmanual = t->ntheme;
	if (align_themer_surfaces(t, e) < 0 || align_themer_group(t, e) < 0 ||
	    align_themer_join(t, nmanual, e) < 0)
		return -1;
	if ((t->seen = calloc(t->people.n + 1, sizeof(*t->seen))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < t->ntheme; i++)
		if (settle(t, i, e) < 0)
			return -1;
	if (t->ntheme > 1)	/* t->theme is NULL when there are none */
		qsort(t->theme, t->ntheme, sizeof(*t->theme), cmp_theme);
	keep_best(t);
	/* Confidence and suggestions are for people: the view finds them
	 * (align_themes_make()), the stream needs neither. */
	return align_themer_number(t, e);
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
		if (align_seq_push_str(list, align_themer_resp_id(t,
		    th->member[j])) < 0) {
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
