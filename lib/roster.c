#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <utf8proc.h>

#include "buf.h"
#include "grow.h"
#include "hash.h"
#include "record.h"
#include "person.h"
#include "roster.h"
#include "roster_int.h"

#define NOBODY ((size_t)-1)
#define MANY ((size_t)-2)
#define SHORT 128		/* a folded name fits on the stack */
#define FAR 64			/* no suggestion for a longer name */

/* A folded form in a buffer of SHORT bytes, or in memory of its own. */
struct folded {
	char *s;
	size_t n;
	char buf[SHORT];
};

static void
folded_release(struct folded *f)
{
	if (f->s != f->buf)
		free(f->s);
	f->s = NULL;
}

/* Spaces made one, and none at the ends: in place, s of n bytes; the new
 * length. */
static size_t
collapse(char *s, size_t n)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
		    s[i] == '\n';

		if (sp && (m == 0 || s[m - 1] == ' '))
			continue;
		s[m++] = sp ? ' ' : s[i];
	}
	while (m > 0 && s[m - 1] == ' ')
		m--;
	s[m] = '\0';
	return m;
}

/* Fold s (n bytes): NFKC, case folded, marks stripped, look-alike
 * punctuation lumped, spaces collapsed.  ASCII needs no utf8proc.  0, or
 * -1 when out of memory; bytes that are not UTF-8 are folded as ASCII. */
static int
fold(const char *s, size_t n, struct folded *f)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t len;
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i < n) {
		len = utf8proc_map((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, &out, UTF8PROC_STABLE |
		    UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
		    UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
		if (len == UTF8PROC_ERROR_NOMEM)
			return -1;
		if (len >= 0) {
			f->s = (char *)out;
			f->n = collapse(f->s, (size_t)len);
			return 0;
		}
	}
	f->s = n < SHORT ? f->buf : malloc(n + 1);
	if (f->s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		f->s[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) :
		    s[i];
	f->n = collapse(f->s, n);
	return 0;
}

int
align_name_fold(struct align_buf *out, const char *name, size_t n)
{
	struct folded f;

	align_buf_reset(out);
	if (fold(name, n, &f) < 0)
		return -1;
	align_buf_add(out, f.s, f.n);
	align_buf_add(out, "", 0);	/* NUL-terminated, even when empty */
	folded_release(&f);
	return out->failed ? -1 : 0;
}

/* The strangers' table (roster.h): an entry is the high half of the
 * fold's hash, then the place of the first spelling + 1; its home is
 * that half too, so that the table doubles without reading a name. */
#define STRANGER_TAG 0xffffffff00000000ULL
#define STRANGER_CHUNK 65536	/* bytes of a chunk of first spellings */
#define STRANGER_CHUNKS 65535	/* chunks at the most: 4 GiB */

static size_t
stranger_home(uint64_t v, size_t cap)
{
	return (size_t)(v >> 32) & (cap - 1);
}

static const char *
stranger_at(const struct align_strangers *s, uint64_t v)
{
	uint32_t place = (uint32_t)v - 1;

	return s->chunk[place >> 16] + (place & 0xffff);
}

/* typed (n bytes) after the first spellings, its place into *place (a
 * name longer than a chunk has one of its own): 0, or -1 when out of
 * memory. */
static int
stranger_put(struct align_strangers *s, const char *typed, size_t n,
    uint32_t *place)
{
	char *p;

	if (s->nchunk == 0 || n + 1 > STRANGER_CHUNK - s->used) {
		size_t size = n + 1 > STRANGER_CHUNK ? n + 1 : STRANGER_CHUNK;

		if (s->nchunk == STRANGER_CHUNKS || n == (size_t)-1 ||
		    ALIGN_GROW(s->chunk, s->nchunk + 1, s->chunkcap) < 0 ||
		    (p = malloc(size)) == NULL)
			return -1;
		s->chunk[s->nchunk++] = p;
		s->used = 0;
	}
	p = s->chunk[s->nchunk - 1] + s->used;
	memcpy(p, typed, n);
	p[n] = '\0';
	*place = (uint32_t)(s->nchunk - 1) << 16 | (uint32_t)s->used;
	/* A chunk of its own is full. */
	s->used = n + 1 > STRANGER_CHUNK - s->used ? STRANGER_CHUNK :
	    s->used + n + 1;
	return 0;
}

/* Whether first folds to f: 1, 0, or -1 when out of memory. */
static int
folds_to(const char *first, const struct folded *f)
{
	struct folded g;
	int same;

	if (fold(first, strlen(first), &g) < 0)
		return -1;
	same = g.n == f->n && memcmp(g.s, f->s, f->n) == 0;
	folded_release(&g);
	return same;
}

/* The entry of s for the key of hash h (the table has an empty slot):
 * the first spelling that typed is (same is NULL) or folds as it
 * does (same, typed's fold), into *first; else the empty slot where one
 * would go (*first NULL).  0, or -1 when out of memory. */
static int
stranger_find(const struct align_strangers *s, uint64_t h, const char *typed,
    const struct folded *same, size_t *slot, const char **first)
{
	size_t i;
	uint64_t v;
	int rc;

	*first = NULL;
	for (i = stranger_home(h, s->cap); (v = s->slot[i]) != 0;
	    i = (i + 1) & (s->cap - 1)) {
		const char *p;

		if ((v ^ h) & STRANGER_TAG)
			continue;
		p = stranger_at(s, v);
		rc = strcmp(p, typed) == 0 ? 1 : same ? folds_to(p, same) : 0;
		if (rc < 0)
			return -1;
		if (rc) {
			*first = p;
			break;
		}
	}
	*slot = i;
	return 0;
}

/* Whether the n bytes at s are all ASCII. */
static int
is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	return i == n;
}

/* Room for two entries more, each at most three quarters full: 0, or -1
 * when out of memory. */
static int
strangers_room(struct align_strangers *s)
{
	while ((s->n + 2) * 4 > s->cap * 3)
		if (align_table64_double(&s->slot, &s->cap, 256,
		    stranger_home) < 0)
			return -1;
	return 0;
}

/*
 * The table's keys are of two kinds, and any entry whose first spelling
 * matches is the answer, whichever kind found it: every first spelling
 * by the hash of its fold; one that is not ASCII by the hash of its own
 * bytes too, so that it is found again without utf8proc.  ASCII folds
 * cheaply (fold() needs no utf8proc for it), and is looked up by its
 * fold at once.
 */
int
align_strangers_name(struct align_strangers *s, const char *typed,
    const char **name)
{
	struct folded f;
	const char *first;
	uint64_t h, raw = 0;
	uint32_t place;
	size_t n = strlen(typed), i;
	int ascii = is_ascii(typed, n), rc = 0;

	*name = typed;
	if (strangers_room(s) < 0)
		return -1;
	if (!ascii) {
		raw = align_dict_hash(typed, n);
		if (stranger_find(s, raw, typed, NULL, &i, &first) < 0)
			return -1;
		if (first) {
			*name = first;
			return 0;
		}
	}
	if (fold(typed, n, &f) < 0)
		return -1;
	h = align_dict_hash(f.s, f.n);
	if ((rc = stranger_find(s, h, typed, &f, &i, &first)) == 0 && first)
		*name = first;
	else if (rc == 0 && (rc = stranger_put(s, typed, n, &place)) == 0) {
		s->slot[i] = (h & STRANGER_TAG) | ((uint64_t)place + 1);
		s->n++;
		*name = stranger_at(s, s->slot[i]);
		/* Its own bytes' key, where they are not their fold. */
		if (!ascii && (f.n != n || memcmp(f.s, typed, n) != 0)) {
			uint64_t v = (raw & STRANGER_TAG) |
			    ((uint64_t)place + 1);

			s->slot[align_probe64(s->slot, s->cap,
			    stranger_home(raw, s->cap), v)] = v;
			s->n++;
		}
	}
	folded_release(&f);
	return rc < 0 ? -1 : 0;
}

void
align_strangers_release(struct align_strangers *s)
{
	size_t i;

	for (i = 0; i < s->nchunk; i++)
		free(s->chunk[i]);
	free(s->chunk);
	free(s->slot);
	memset(s, 0, sizeof(*s));
}

/* s folded, in the arena: NULL when out of memory. */
static const char *
arena_fold(struct align_roster *r, const char *s, size_t n)
{
	struct folded f;
	const char *d;

	if (fold(s, n, &f) < 0)
		return NULL;
	d = align_arena_put(&r->arena, f.s, f.n);
	folded_release(&f);
	return d;
}

/* The first key of ks not less than s (n bytes), as bytes compare. */
static size_t
lower(const struct keys *ks, const char *s, size_t n)
{
	size_t lo = 0, hi = ks->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = ks->v[mid].s;
		size_t kn = strlen(k);
		int c = memcmp(k, s, kn < n ? kn : n);

		if (c < 0 || (c == 0 && kn < n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Add key s (in the arena; NULL: out of memory) of person p in its
 * sorted place. */
static int
key_add(struct keys *ks, const char *s, size_t p, enum key_kind kind)
{
	size_t at;

	if (s == NULL || ALIGN_GROW(ks->v, ks->n + 1, ks->cap) < 0)
		return -1;
	at = lower(ks, s, strlen(s));
	memmove(ks->v + at + 1, ks->v + at, (ks->n - at) * sizeof(*ks->v));
	ks->v[at].s = s;
	ks->v[at].person = (uint32_t)p;
	ks->v[at].kind = kind;
	ks->n++;
	return 0;
}

static void
keys_release(struct keys *ks)
{
	free(ks->v);
}

struct align_roster *
align_roster_new(void)
{
	return calloc(1, sizeof(struct align_roster));
}

void
align_roster_free(struct align_roster *r)
{
	if (r == NULL)
		return;
	align_arena_release(&r->arena);
	free(r->block);
	free(r->p);
	keys_release(&r->exact);
	keys_release(&r->folded);
	free(r);
}

size_t
align_roster_size(const struct align_roster *r)
{
	return r ? r->n : 0;
}

const char *
align_roster_name(const struct align_roster *r, size_t i)
{
	return i < r->n ? r->p[i].name : NULL;
}

const char *
align_roster_email(const struct align_roster *r, size_t i)
{
	return i < r->n ? r->p[i].email : NULL;
}

const char *
align_roster_entry(const struct align_roster *r, size_t i)
{
	return i < r->n ? r->p[i].entry : NULL;
}

/* The participant that n bytes of s name in ks (mode EXACT: the whole of
 * a key; FIRST: the first words of a name; PREFIX: the start of a name):
 * the person, NOBODY or MANY; *kind the kind of the key. */
enum mode { EXACT, FIRST, PREFIX };

static size_t
find(const struct keys *ks, const char *s, size_t n, enum mode mode,
    enum key_kind *kind)
{
	size_t i, who = NOBODY;

	for (i = lower(ks, s, n); i < ks->n && strncmp(ks->v[i].s, s, n) == 0;
	    i++) {
		const struct key *k = &ks->v[i];
		char next = k->s[n];

		if (mode == EXACT && next != '\0')
			break;
		if (mode != EXACT && k->kind != K_NAME)
			continue;
		if (mode == FIRST && next != ' ')
			continue;
		if (who == NOBODY) {
			who = k->person;
			*kind = k->kind;
		} else if (who != k->person) {
			return MANY;
		}
	}
	return who;
}

/* The participants find() found MANY of, in roster order, into res. */
static int
candidates(const struct align_roster *r, const struct keys *ks,
    const char *s, size_t n, enum mode mode, struct align_resolved *res)
{
	unsigned char *seen = calloc(r->n, 1);
	size_t i;

	if (seen == NULL)
		return -1;
	for (i = lower(ks, s, n); i < ks->n && strncmp(ks->v[i].s, s, n) == 0;
	    i++) {
		const struct key *k = &ks->v[i];

		if ((mode == EXACT && k->s[n] != '\0') || (mode != EXACT &&
		    k->kind != K_NAME) || (mode == FIRST && k->s[n] != ' '))
			continue;
		seen[k->person] = 1;
	}
	res->how = ALIGN_MATCH_AMBIGUOUS;
	res->ncand = 0;
	for (i = 0; i < r->n; i++)
		if (seen[i] && res->ncand++ < ALIGN_ROSTER_SUGGEST)
			res->cand[res->ncand - 1] = r->p[i].name;
	free(seen);
	return 0;
}

static void
found(const struct align_roster *r, size_t who, enum align_match how,
    struct align_resolved *res)
{
	res->how = how;
	res->index = who;
	res->name = r->p[who].name;
}

/* Code points of s (n bytes), as many as fit in v[max]; the number. */
static size_t
decode(const char *s, size_t n, int32_t *v, size_t max)
{
	size_t i = 0, m = 0;

	while (i < n && m < max) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k;

		if ((unsigned char)s[i] < 0x80) {	/* ASCII, most names */
			v[m++] = (unsigned char)s[i++];
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &c);

		if (k <= 0) {
			c = (unsigned char)s[i];
			k = 1;
		}
		v[m++] = c;
		i += (size_t)k;
	}
	return m;
}

/* The optimal string alignment distance (Damerau-Levenshtein with
 * adjacent transpositions) of a and b (at most FAR long), or limit + 1
 * when it is more than limit: only the band of cells within limit of the
 * diagonal is worked out, and a row whose cells all pass it ends. */
static size_t
distance(const int32_t *a, size_t an, const int32_t *b, size_t bn,
    size_t limit)
{
	size_t row[3][FAR + 2], i, j, big = limit + 1;
	size_t *pp = row[0], *p = row[1], *c = row[2];

	if (an > bn + limit || bn > an + limit)
		return big;
	for (j = 0; j <= bn; j++)
		p[j] = j <= limit ? j : big;
	for (i = 1; i <= an; i++) {
		size_t lo = i > limit ? i - limit : 1;
		size_t hi = i + limit < bn ? i + limit : bn, least = big, *t;

		c[0] = i <= limit ? i : big;
		c[lo - 1] = lo > 1 ? big : c[0];
		for (j = lo; j <= hi; j++) {
			size_t d = p[j - 1] + (a[i - 1] != b[j - 1]);

			if (p[j] + 1 < d)
				d = p[j] + 1;
			if (c[j - 1] + 1 < d)
				d = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < d)
				d = pp[j - 2] + 1;
			c[j] = d < big ? d : big;
			if (c[j] < least)
				least = c[j];
		}
		if (least > limit && c[0] > limit)
			return big;
		if (hi < bn)
			c[hi + 1] = big;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[bn];
}

/* How near typed (t, tn code points) is to a folded name (v, n code
 * points, its first word w long): the least distance to the whole of it,
 * its first word, and its start of the same length (for three letters or
 * more); more than limit: limit + 1. */
static size_t
nearness(const int32_t *t, size_t tn, const int32_t *v, size_t n, size_t w,
    size_t limit)
{
	size_t d = distance(t, tn, v, n, limit), x;

	if (w < n && (x = distance(t, tn, v, w, limit)) < d)
		d = x;
	if (tn >= 3 && tn < n && (x = distance(t, tn, v, tn, limit)) < d)
		d = x;
	return d;
}

static size_t
first_word(const int32_t *v, size_t n)
{
	size_t w;

	for (w = 0; w < n && v[w] != ' '; w++)
		;
	return w;
}

/* Up to ALIGN_ROSTER_SUGGEST names near folded f into res: by distance,
 * then in roster order; none further than a typing slip or two (one for
 * four letters, two for eight, else three).  Addresses are near only to
 * an address. */
static int
suggest(const struct align_roster *r, const char *f, size_t fn,
    struct align_resolved *res)
{
	int32_t t[FAR + 1], v[FAR];
	size_t tn = decode(f, fn, t, FAR + 1), i, d, n, *best, limit;
	int at = memchr(f, '@', fn) != NULL;

	res->how = ALIGN_MATCH_NONE;
	res->ncand = 0;
	if (tn == 0 || tn > FAR)
		return 0;
	limit = tn <= 4 ? 1 : tn <= 8 ? 2 : 3;
	if ((best = malloc(r->n * sizeof(*best))) == NULL)
		return -1;
	for (i = 0; i < r->n; i++) {
		const char *pf = r->p[i].folded;

		n = decode(pf, strlen(pf), v, FAR);
		best[i] = nearness(t, tn, v, n, first_word(v, n), limit);
	}
	for (i = 0; i < r->folded.n; i++) {
		const struct key *k = &r->folded.v[i];

		if (k->kind != K_ALIAS || best[k->person] == 0 ||
		    (strchr(k->s, '@') != NULL) != at)
			continue;
		n = decode(k->s, strlen(k->s), v, FAR);
		d = nearness(t, tn, v, n, first_word(v, n), limit);
		if (d < best[k->person])
			best[k->person] = d;
	}
	for (d = 0; d <= limit; d++)
		for (i = 0; i < r->n; i++)
			if (best[i] == d &&
			    res->ncand++ < ALIGN_ROSTER_SUGGEST)
				res->cand[res->ncand - 1] = r->p[i].name;
	free(best);
	return 0;
}

static size_t
code_points(const char *s, size_t n)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		m += ((unsigned char)s[i] & 0xc0) != 0x80;
	return m;
}

/* The rules after the exact ones, on folded f: 0, or -1 when out of
 * memory. */
static int
folded_rules(const struct align_roster *r, const struct folded *f,
    struct align_resolved *res)
{
	static const enum align_match how[] = { ALIGN_MATCH_FOLDED,
	    ALIGN_MATCH_FIRST, ALIGN_MATCH_PREFIX };
	enum key_kind kind = K_NAME;
	enum mode m;

	for (m = EXACT; m <= PREFIX; m++) {
		size_t who;

		if (m == PREFIX && code_points(f->s, f->n) < 2)
			break;
		who = find(&r->folded, f->s, f->n, m, &kind);
		if (who == MANY)
			return candidates(r, &r->folded, f->s, f->n, m, res);
		if (who != NOBODY) {
			found(r, who, kind == K_ALIAS ? ALIGN_MATCH_ALIAS :
			    how[m], res);
			return 0;
		}
	}
	return suggest(r, f->s, f->n, res);
}

/* Resolve n bytes of s, the roster not empty: res filled (how NONE or
 * AMBIGUOUS when refused); 0, or -1 when out of memory. */
static int
lookup(const struct align_roster *r, const char *s, size_t n,
    struct align_resolved *res)
{
	enum key_kind kind = K_NAME;
	struct align_person who_is;
	struct folded f;
	size_t who;
	int rc;

	align_person_of(s, n, &who_is);
	if (who_is.addr) {
		rc = lookup(r, who_is.addr, who_is.addrlen, res);
		if (rc < 0 || res->how == ALIGN_MATCH_ALIAS ||
		    res->how == ALIGN_MATCH_EXACT || who_is.name == who_is.addr)
			return rc;
		s = who_is.name;
		n = who_is.namelen;
	}
	who = find(&r->exact, s, n, EXACT, &kind);
	if (who != NOBODY && who != MANY) {
		found(r, who, kind == K_ALIAS ? ALIGN_MATCH_ALIAS :
		    ALIGN_MATCH_EXACT, res);
		return 0;
	}
	if (fold(s, n, &f) < 0)
		return -1;
	if (who == MANY)
		rc = candidates(r, &r->exact, s, n, EXACT, res);
	else
		rc = folded_rules(r, &f, res);
	folded_release(&f);
	return rc;
}

/* Put key s (in the arena; NULL: out of memory) of person p at the end
 * of ks, for sort_keys() to put in its place. */
static int
key_push(struct keys *ks, const char *s, size_t p, enum key_kind kind)
{
	if (s == NULL || ALIGN_GROW(ks->v, ks->n + 1, ks->cap) < 0)
		return -1;
	ks->v[ks->n].s = s;
	ks->v[ks->n].person = (uint32_t)p;
	ks->v[ks->n].kind = kind;
	ks->n++;
	return 0;
}

/* The order key_add() gives: by bytes, equal keys the last added first
 * (a person's keys are added name first, then address). */
static int
key_cmp(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = strcmp(a->s, b->s);

	if (c != 0)
		return c;
	if (a->person != b->person)
		return a->person > b->person ? -1 : 1;
	return a->kind > b->kind ? -1 : a->kind < b->kind;
}

static void
sort_keys(struct align_roster *r)
{
	if (r->exact.n)
		qsort(r->exact.v, r->exact.n, sizeof(*r->exact.v), key_cmp);
	if (r->folded.n)
		qsort(r->folded.v, r->folded.n, sizeof(*r->folded.v),
		    key_cmp);
}

/* Add entry, of name and address who, not on the roster, as the next
 * person: its keys through put (key_add or key_push). */
static int
person_add(struct align_roster *r, const char *entry,
    const struct align_person *who,
    int (*put)(struct keys *, const char *, size_t, enum key_kind),
    struct align_err *e)
{
	struct align_arena *a = &r->arena;
	size_t i, n = strlen(entry);
	struct person *p;

	if (r->n >= ROSTER_MAX || ALIGN_GROW(r->p, r->n + 1, r->cap) < 0)
		return align_err_nomem(e);
	i = r->n;
	p = &r->p[i];
	memset(p, 0, sizeof(*p));
	if ((p->entry = align_arena_put(a, entry, n)) == NULL ||
	    (p->name = who->namelen == n && memcmp(who->name, entry, n) == 0 ?
	    p->entry : align_arena_put(a, who->name, who->namelen)) == NULL ||
	    (who->addr && (p->email = align_arena_put(a, who->addr,
	    who->addrlen)) == NULL) ||
	    (p->folded = arena_fold(r, p->name, strlen(p->name))) == NULL)
		return align_err_nomem(e);
	r->n++;
	if (put(&r->exact, p->name, i, K_NAME) < 0 ||
	    put(&r->folded, p->folded, i, K_NAME) < 0 ||
	    (p->email && (put(&r->exact, p->email, i, K_ALIAS) < 0 ||
	    put(&r->folded, arena_fold(r, p->email, strlen(p->email)), i,
	    K_ALIAS) < 0)))
		return align_err_nomem(e);
	return 0;
}

int
align_roster_add(struct align_roster *r, const char *entry,
    struct align_err *e)
{
	struct align_person who;
	enum key_kind kind;

	align_person_of(entry, strlen(entry), &who);
	if (who.namelen == 0)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0,
		    "a participant without a name");
	if (find(&r->exact, who.name, who.namelen, EXACT, &kind) != NOBODY &&
	    kind == K_NAME)
		return 1;
	return person_add(r, entry, &who, key_add, e);
}

/* The kind of the key last added of each string of the exact keys, while
 * a list is added at once (what find() would see first). */
struct latest {
	struct align_dict d;
	unsigned char *kind;	/* by the string's id in d */
	size_t cap;
};

static int
latest_set(struct latest *l, const char *s, enum key_kind kind)
{
	long id = align_dict_id(&l->d, s, strlen(s), 1);

	if (id < 0 || ALIGN_GROW(l->kind, (size_t)id + 1, l->cap) < 0)
		return -1;
	l->kind[id] = (unsigned char)kind;
	return 0;
}

/* The entries v[0..n-1] of a list (blank ones left out), each as
 * align_roster_add() would add it, the keys sorted once at the end, not
 * each in its turn (a survey of a million responses names a third as
 * many people).  0, or -1 and e. */
static int
add_list(struct align_roster *r, const char *const *v, size_t n,
    int lenient, struct align_err *e)
{
	struct latest l = { .d = ALIGN_DICT_INIT };
	struct align_person who;
	size_t i;
	long id;
	int rc = 0;

	for (i = 0; rc == 0 && i < n; i++) {
		if (strspn(v[i], " \t") == strlen(v[i]))
			continue;
		align_person_of(v[i], strlen(v[i]), &who);
		if (who.namelen == 0 && lenient)
			continue;
		if (who.namelen == 0) {
			rc = align_err_set(e, EX_DATAERR, NULL, 0, 0,
			    "a participant without a name");
			break;
		}
		id = align_dict_id(&l.d, who.name, who.namelen, 0);
		if (id >= 0 && l.kind[id] == K_NAME)
			continue;
		rc = person_add(r, v[i], &who, key_push, e);
		if (rc == 0 && (latest_set(&l, r->p[r->n - 1].name, K_NAME) < 0 ||
		    (r->p[r->n - 1].email && latest_set(&l,
		    r->p[r->n - 1].email, K_ALIAS) < 0)))
			rc = align_err_nomem(e);
	}
	sort_keys(r);
	align_dict_release(&l.d);
	free(l.kind);
	return rc;
}

int
align_roster_add_all(struct align_roster *r, const char *const *v,
    size_t n, struct align_err *e)
{
	return add_list(r, v, n, 1, e);
}

/* Quote s for a message: at most 60 bytes, never cut inside a UTF-8
 * character, control characters as '?'. */
static void
quote(struct align_buf *b, const char *s)
{
	size_t n = strlen(s), i;

	if (n > 60) {
		for (n = 60; n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80;
		    n--)
			;
	}
	align_buf_putc(b, '\'');
	for (i = 0; i < n; i++)
		align_buf_putc(b, (unsigned char)s[i] < 0x20 || s[i] == 0x7f ?
		    '?' : s[i]);
	if (n < strlen(s))
		align_buf_puts(b, "...");
	align_buf_putc(b, '\'');
}

/* "'A'", "'A' or 'B'", "'A', 'B' or 'C'", "'A', 'B', 'C' or 4 others". */
static void
names(struct align_buf *b, const struct align_resolved *res)
{
	size_t i, shown = res->ncand < ALIGN_ROSTER_SUGGEST ? res->ncand :
	    ALIGN_ROSTER_SUGGEST;

	for (i = 0; i < shown; i++) {
		if (i > 0)
			align_buf_puts(b, i + 1 == shown &&
			    shown == res->ncand ? " or " : ", ");
		quote(b, res->cand[i]);
	}
	if (res->ncand > shown)
		align_buf_printf(b, " or %zu other%s", res->ncand - shown,
		    res->ncand - shown == 1 ? "" : "s");
}

int
align_roster_refuse(const struct align_resolved *res, const char *typed,
    struct align_err *e, int status, const char *file, unsigned long line,
    unsigned long col)
{
	struct align_buf b = ALIGN_BUF_INIT;
	const char *s = typed;
	size_t n = strlen(typed);

	align_person_trim(&s, &n);
	if (n == 0) {
		align_buf_puts(&b, "a participant's name is empty");
	} else if (res->how == ALIGN_MATCH_AMBIGUOUS) {
		quote(&b, typed);
		align_buf_puts(&b, " is ambiguous: ");
		names(&b, res);
	} else {
		align_buf_puts(&b, "no participant ");
		quote(&b, typed);
		if (res->ncand > 0) {
			align_buf_puts(&b, " (did you mean ");
			names(&b, res);
			align_buf_puts(&b, "?)");
		}
	}
	if (b.failed)
		return align_err_nomem(e);
	align_err_set(e, status, file, line, col, "%s", b.p);
	align_buf_release(&b);
	return -1;
}

int
align_roster_resolve(struct align_roster *r, const char *typed, int flags,
    struct align_resolved *res, struct align_err *e)
{
	const char *s = typed;
	size_t n = strlen(typed);

	memset(res, 0, sizeof(*res));
	res->index = NOBODY;
	align_person_trim(&s, &n);
	if (r == NULL || r->n == 0) {
		res->how = ALIGN_MATCH_ANY;
		res->name = typed;
		return 0;
	}
	if (n > 0 && lookup(r, s, n, res) < 0)
		return align_err_nomem(e);
	if (res->how != ALIGN_MATCH_NONE && res->how != ALIGN_MATCH_AMBIGUOUS)
		return 0;
	if (n > 0 && res->how == ALIGN_MATCH_NONE &&
	    (flags & ALIGN_ROSTER_ADD)) {
		int rc = align_roster_add(r, typed, e);

		if (rc < 0)
			return -1;
		res->ncand = 0;
		found(r, r->n - 1, ALIGN_MATCH_ADDED, res);
		return 0;
	}
	return align_roster_refuse(res, typed, e, EX_DATAERR, NULL, 0, 0);
}

int
align_roster_soft(struct align_roster *r, const char *typed, int flags,
    struct align_resolved *res, struct align_err *e)
{
	if (align_roster_resolve(r, typed, flags, res, e) == 0)
		return 0;
	if (e->status != EX_DATAERR || res->how == ALIGN_MATCH_AMBIGUOUS ||
	    res->ncand > 0)
		return -1;
	*e = (struct align_err)ALIGN_ERR_INIT;
	res->how = ALIGN_MATCH_ANY;	/* near nobody: as typed */
	res->name = typed;
	return 0;
}

int
align_roster_is_name(const struct align_roster *r, const char *prefix,
    size_t n)
{
	struct align_resolved res;

	if (r == NULL || r->n == 0)
		return 1;
	align_person_trim(&prefix, &n);
	memset(&res, 0, sizeof(res));
	if (n == 0)
		return 0;
	if (lookup(r, prefix, n, &res) < 0)
		return -1;
	return res.how != ALIGN_MATCH_NONE && res.how != ALIGN_MATCH_AMBIGUOUS;
}

/* The participant that holds folded key f: with kind K_NAME only as a
 * name, else as anything; NOBODY, MANY, or the index. */
static size_t
holder(const struct align_roster *r, const struct folded *f, int names)
{
	size_t i, who = NOBODY;

	for (i = lower(&r->folded, f->s, f->n); i < r->folded.n &&
	    strcmp(r->folded.v[i].s, f->s) == 0; i++) {
		if (names && r->folded.v[i].kind != K_NAME)
			continue;
		if (who != NOBODY && who != r->folded.v[i].person)
			return MANY;
		who = r->folded.v[i].person;
	}
	return who;
}

/* Add alias s (n bytes) of participant who, unless it is already one of
 * theirs. */
static int
alias_add(struct align_roster *r, const char *s, size_t n, size_t who,
    const char *alias, struct align_err *e)
{
	struct folded f;
	size_t other;
	const char *d;

	if (fold(s, n, &f) < 0)
		return align_err_nomem(e);
	other = holder(r, &f, 0);
	if (other == who) {
		folded_release(&f);
		return 0;
	}
	if (other != NOBODY) {
		folded_release(&f);
		return align_err_set(e, EX_DATAERR, NULL, 0, 0, "alias '%s' is "
		    "the name or alias of another participant", alias);
	}
	d = align_arena_put(&r->arena, f.s, f.n);
	folded_release(&f);
	if (key_add(&r->exact, align_arena_put(&r->arena, s, n), who,
	    K_ALIAS) < 0 ||
	    key_add(&r->folded, d, who, K_ALIAS) < 0)
		return align_err_nomem(e);
	return 0;
}

int
align_roster_alias(struct align_roster *r, const char *alias,
    const char *name, struct align_err *e)
{
	const char *s = alias;
	size_t n = strlen(alias), who;
	enum key_kind kind;

	align_person_trim(&s, &n);
	if (n == 0)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0,
		    "an empty alias of '%s'", name);
	who = find(&r->exact, name, strlen(name), EXACT, &kind);
	if (who == NOBODY || who == MANY || kind != K_NAME) {
		struct folded f;

		if (fold(name, strlen(name), &f) < 0)
			return align_err_nomem(e);
		who = holder(r, &f, 1);
		folded_release(&f);
	}
	if (who == NOBODY || who == MANY)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0, "alias '%s': "
		    "%s participant '%s'", alias, who == MANY ?
		    "more than one" : "no", name);
	return alias_add(r, s, n, who, alias, e);
}

/* The session's participants as the record holds them, for those of odd
 * shape the view leaves out ([Ben] for Ben): the one lookup by name here. */
static const struct align_node *
raw_participants(const struct align_node *session)
{
	return align_map_get(session, "participants");
}

/* The participants of odd shape: each is someone on the roster, by the
 * text it holds (tests/cli/odd.test). */
static int
odd_entries(struct align_roster *r, const struct align_node *session,
    int rc, struct align_err *e)
{
	const struct align_node *p = raw_participants(session);
	size_t i;

	for (i = 0; rc >= 0 && p && p->type == ALIGN_SEQ && i < p->n; i++) {
		const struct align_node *x = p->item[i];

		if (x->type == ALIGN_SEQ && x->n == 1 &&
		    x->item[0]->type == ALIGN_SCALAR &&
		    strspn(x->item[0]->str, " \t") < x->item[0]->len)
			rc = align_roster_add(r, x->item[0]->str, e);
	}
	return rc;
}

/* What a roster of session is made of (the participants' entries, those
 * of odd shape, the aliases), with the version of the folding, as one
 * string whose fingerprint (hash.h) names the roster in a cache
 * (roster_cache.c).  Into *b; the number of entries, or -1 when out of
 * memory.  0 when session is not a session. */
long
align_roster_source(const struct align_node *session, struct align_buf *b)
{
	const struct align_node *p;
	struct align_view v;
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;
	long n;

	if (align_view(&v, session, &e) < 0)
		return -1;
	if (v.kind != ALIGN_KIND_SESSION) {
		align_view_release(&v);
		return 0;
	}
	align_buf_printf(b, "align-roster %d utf8proc %s", ROSTER_FORMAT,
	    utf8proc_version());
	align_buf_putc(b, '\0');
	n = (long)v.u.session.participants.n;
	for (i = 0; i < v.u.session.participants.n; i++)
		align_buf_add(b, v.u.session.participants.v[i],
		    strlen(v.u.session.participants.v[i]) + 1);
	align_buf_add(b, "\1odd", 5);
	p = raw_participants(session);
	for (i = 0; p && p->type == ALIGN_SEQ && i < p->n; i++) {
		const struct align_node *x = p->item[i];

		if (x->type == ALIGN_SEQ && x->n == 1 &&
		    x->item[0]->type == ALIGN_SCALAR)
			align_buf_add(b, x->item[0]->str,
			    strlen(x->item[0]->str) + 1);
	}
	align_buf_add(b, "\1aliases", 9);
	for (i = 0; i < v.u.session.aliases.n; i++) {
		align_buf_add(b, v.u.session.aliases.v[i].key,
		    strlen(v.u.session.aliases.v[i].key) + 1);
		align_buf_add(b, v.u.session.aliases.v[i].value,
		    strlen(v.u.session.aliases.v[i].value) + 1);
	}
	align_view_release(&v);
	return b->failed ? -1 : n;
}

int
align_roster_from_session(struct align_roster **rp,
    const struct align_node *session, struct align_err *e)
{
	struct align_roster *r = align_roster_new();
	struct align_view v;
	size_t i;
	int rc = 0;

	*rp = NULL;
	if (r == NULL)
		return align_err_nomem(e);
	if (session == NULL) {
		*rp = r;
		return 0;
	}
	if (align_view(&v, session, e) < 0) {
		align_roster_free(r);
		return -1;
	}
	if (v.kind == ALIGN_KIND_SESSION) {
		const struct align_session_view *s = &v.u.session;

		rc = add_list(r, s->participants.v, s->participants.n, 0, e);
		rc = odd_entries(r, session, rc, e);
		for (i = 0; rc >= 0 && i < s->aliases.n; i++)
			rc = align_roster_alias(r, s->aliases.v[i].key,
			    s->aliases.v[i].value, e);
	}
	align_view_release(&v);
	if (rc < 0) {
		if (e->status == EX_DATAERR) {
			e->line = session->line;
			e->col = session->col;
		}
		align_roster_free(r);
		return -1;
	}
	*rp = r;
	return 0;
}
