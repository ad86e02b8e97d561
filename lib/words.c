#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <utf8proc.h>

#include "tables.h"
#include "words.h"

const char *const align_lang_names[ALIGN_LANGS] = { "en", "es", "de",
	"fr" };
static const char *const stemmer_names[ALIGN_LANGS] = { "english",
	"spanish", "german", "french" };

#define MAXTOK 512		/* words in one text that are looked at */
#define WORDS_AHEAD 8		/* words whose entries are asked for
				 * before the one at hand is looked up */
#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

struct span {
	size_t at, n;
};

static int
grow32(uint32_t **v, size_t *cap, size_t need)
{
	size_t c = *cap ? *cap : 16;
	uint32_t *p;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if ((p = realloc(*v, c * sizeof(*p))) == NULL)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

/* grow32, the new part zeroed. */
static int
grow32z(uint32_t **v, size_t *cap, size_t need)
{
	size_t old = *cap;

	if (grow32(v, cap, need) < 0)
		return -1;
	memset(*v + old, 0, (*cap - old) * sizeof(**v));
	return 0;
}

static int
grow8(uint8_t **v, size_t *cap, size_t need)
{
	size_t c = *cap ? *cap : 256;
	uint8_t *p;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if ((p = realloc(*v, c)) == NULL)
		return -1;
	memset(p + *cap, 0, c - *cap);
	*v = p;
	*cap = c;
	return 0;
}

/* The case fold of a character of Latin-1 that NFKC leaves as it is (the
 * letters of the four languages, ¡ ¿ « » × ÷), written in two bytes
 * (0xc2 or 0xc3, then c): its bytes into out and how many, or 0 for any
 * other (utf8proc then folds the text). */
static size_t
fold_latin1(unsigned char lead, unsigned char c, char *out)
{
	unsigned cp = (unsigned)(lead & 0x1f) << 6 | (c & 0x3f);

	if ((c & 0xc0) != 0x80)
		return 0;
	if (cp == 0xdf) {		/* ß */
		out[0] = out[1] = 's';
		return 2;
	}
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		cp += 0x20;		/* À .. Þ */
	else if (!(cp >= 0xd7 || cp == 0xa1 || cp == 0xab || cp == 0xbb ||
	    cp == 0xbf))
		return 0;
	out[0] = (char)(0xc0 | cp >> 6);
	out[1] = (char)(0x80 | (cp & 0x3f));
	return 2;
}

/* Text of ASCII and the characters fold_latin1() knows, folded as
 * utf8proc would (no character in it composes with another), into p (len
 * + 1 bytes: no character grows): 0, or -1 when there is another. */
static int
fold_simple(const char *s, size_t len, char *p)
{
	size_t i = 0, o = 0, k;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			p[o++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : (char)c;
			i++;
		} else if ((c == 0xc2 || c == 0xc3) && i + 1 < len &&
		    (k = fold_latin1(c, (unsigned char)s[i + 1], p + o)) > 0) {
			o += k;
			i += 2;
		} else {
			return -1;
		}
	}
	p[o] = '\0';
	return 0;
}

/* Case-fold and compose s of length len: into p (len + 1 bytes) when a
 * table does (plain ASCII, the common case, and most of the rest, the
 * letters of Latin-1 among it), *out NULL; else (a combining mark, oe, a
 * ligature) by utf8proc, into a new string at *out.  0, or -1 when out
 * of memory or (cannot happen for checked input) invalid. */
static int
fold_into(const char *s, size_t len, char *p, char **out)
{
	utf8proc_uint8_t *u = NULL;

	*out = NULL;
	if (fold_simple(s, len, p) == 0)
		return 0;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &u,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT) < 0)
		return -1;
	*out = (char *)u;
	return 0;
}

/* Case-fold and compose s; the caller frees.  NULL when out of memory or
 * (cannot happen for checked input) invalid. */
static char *
fold(const char *s)
{
	size_t len = strlen(s);
	char *p = malloc(len + 1), *other;

	if (p == NULL || fold_into(s, len, p, &other) < 0) {
		free(p);
		return NULL;
	}
	if (other) {
		free(p);
		return other;
	}
	return p;
}

/* Whether c, not ASCII, is part of a word: a letter, a mark or a
 * digit. */
static int
word_char(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);

	return cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LU ||
	    cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
	    cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_MN ||
	    cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ND;
}

/* What c, not ASCII, says of the language: a point or two to hint[]. */
static void
hint_language(utf8proc_int32_t c, int hint[ALIGN_LANGS])
{
	if (c == 0xf1 || c == 0xbf || c == 0xa1)
		hint[ALIGN_ES] += 2;	/* ñ ¿ ¡ */
	else if (c == 0xe1 || c == 0xed || c == 0xf3 || c == 0xfa)
		hint[ALIGN_ES]++;	/* á í ó ú */
	else if (c == 0xdf)
		hint[ALIGN_DE] += 2;	/* ß */
	else if (c == 0xe4 || c == 0xf6 || c == 0xfc)
		hint[ALIGN_DE]++;	/* ä ö ü */
	else if (c == 0xe7 || c == 0x153 || c == 0xe8 || c == 0xea ||
	    c == 0xe0 || c == 0xf9 || c == 0xe2 || c == 0xee || c == 0xf4 ||
	    c == 0xfb || c == 0xeb || c == 0xef)
		hint[ALIGN_FR]++;
}

/* What a text's function words say of its language.  Each brings two
 * points to every language it is a function word of; a language other
 * than English is told by two different function words of its own, by
 * its letters, or by one function word that is a third of the text's
 * words at least ("Los presupuestos"): one "man", "al" or "los" among
 * an English headline's names ("al jazeera", "los angeles") is not
 * German or Spanish. */
struct cue {
	unsigned long first[ALIGN_LANGS];	/* its first function word */
	unsigned char words[ALIGN_LANGS];	/* different ones seen, to 2 */
	int letters[ALIGN_LANGS];		/* points from letters */
	size_t n;				/* the text's words */
};

static void
cue_start(struct cue *c, const int hint[ALIGN_LANGS], size_t n)
{
	int l;

	c->n = n;
	for (l = 0; l < ALIGN_LANGS; l++) {
		c->words[l] = 0;
		c->letters[l] = hint[l];
	}
}

/* Function word id, a function word of the languages in mask. */
static void
hint_stop(struct cue *c, unsigned long id, unsigned mask,
    int hint[ALIGN_LANGS])
{
	int l;

	for (l = 0; l < ALIGN_LANGS; l++)
		if (mask & (1u << l)) {
			hint[l] += 2;
			if (c->words[l] == 0) {
				c->first[l] = id;
				c->words[l] = 1;
			} else if (c->words[l] == 1 && c->first[l] != id)
				c->words[l] = 2;
		}
}

static int
cue_best(const struct cue *c, const int hint[ALIGN_LANGS])
{
	int l, best = ALIGN_EN;

	for (l = 1; l < ALIGN_LANGS; l++)
		if (hint[l] > hint[best] && (c->words[l] >= 2 ||
		    c->letters[l] > 0 ||
		    3 * (size_t)(hint[l] - c->letters[l]) / 2 >= c->n))
			best = l;
	return best;
}

/* What the letters of s that are not ASCII say of its language, into
 * hint[] (as far as s is valid UTF-8). */
static void
letter_hints(const char *s, int hint[ALIGN_LANGS])
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;

	for (;;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k;

		while (p[i] && p[i] < 0x80)
			i++;
		if (p[i] == 0 || (k = utf8proc_iterate(p + i, -1, &c)) <= 0)
			return;
		hint_language(c, hint);
		i += (size_t)k;
	}
}

/* Whether ASCII c is part of a word: a letter or a digit. */
static inline int
ascii_word(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10;
}

/* The words of s: runs of letters, marks and digits.  The loop a
 * character stays here; the two steps above, called once each, are
 * inlined. */
static size_t
split(const char *s, struct span *w, size_t max, int hint[ALIGN_LANGS])
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0, n = 0, start = 0;
	int in = 0;

	for (;;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = 1;
		int word;

		/* ASCII that does not change in or out of a word, most of
		 * any text, skipped a tight loop at a time. */
		if (in)
			while (p[i] && p[i] < 0x80 && ascii_word(p[i]))
				i++;
		else
			while (p[i] && p[i] < 0x80 && !ascii_word(p[i]))
				i++;
		c = p[i];
		/* ASCII needs no decoding. */
		if (c >= 0x80)
			k = utf8proc_iterate(p + i, -1, &c);
		if (k <= 0 || c == 0) {
			if (in && n < max) {
				w[n].at = start;
				w[n++].n = i - start;
			}
			return n;
		}
		if (c < 0x80) {
			word = ascii_word((unsigned char)c);
		} else {
			word = word_char(c);
			if (hint)
				hint_language(c, hint);
		}
		if (word && !in) {
			in = 1;
			start = i;
		} else if (!word && in) {
			in = 0;
			if (n < max) {
				w[n].at = start;
				w[n++].n = i - start;
			}
		}
		i += (size_t)k;
	}
}

int
align_words_init(struct align_words *w, struct align_err *e)
{
	size_t cap = 0;
	int l;

	memset(w, 0, sizeof(*w));
	w->known = align_lexicon_stem_text;
	w->known_at = align_lexicon_stem_at;
	w->nknown = align_nlexicon_stems;
	for (l = 0; l < ALIGN_LANGS; l++) {
		const char *p = align_stopwords[l];

		w->stemmer[l] = sb_stemmer_new(stemmer_names[l], "UTF_8");
		if (w->stemmer[l] == NULL)
			goto nomem;
		while (*p) {
			size_t n = strcspn(p, " ");
			char *f, tmp[64];
			long id;

			if (n > 0 && n < sizeof(tmp)) {
				memcpy(tmp, p, n);
				tmp[n] = '\0';
				if ((f = fold(tmp)) == NULL)
					goto nomem;
				id = align_dict_id(&w->stops, f, strlen(f), 1);
				free(f);
				if (id < 0 || grow8(&w->stopmask, &cap,
				    (size_t)id + 1) < 0)
					goto nomem;
				w->stopmask[id] |= (uint8_t)(1 << l);
			}
			p += n + (p[n] == ' ');
		}
	}
	return 0;
nomem:
	align_words_release(w);
	return align_err_nomem(e);
}

void
align_words_release(struct align_words *w)
{
	size_t i;
	int l;

	for (l = 0; l < ALIGN_LANGS; l++)
		if (w->stemmer[l])
			sb_stemmer_delete(w->stemmer[l]);
	for (i = 0; w->label && i < w->vocab.n && i < w->vcap; i++)
		free(w->label[i]);
	free(w->label);
	align_dict_release(&w->stops);
	align_dict_release(&w->tokens);
	align_dict_release(&w->vocab);
	align_dict_release(&w->phrases);
	free(w->stopmask);
	free(w->tok);
	free(w->concept);
	free(w->maxlen);
	free(w->later);
	free(w->phrase_term);
	align_dict_release(&w->words);
	free(w->word);
	memset(w, 0, sizeof(*w));
}

void
align_words_idle(struct align_words *w)
{
	/* A word's entry holds no more than its dictionaries give again. */
	align_dict_release(&w->words);
	free(w->word);
	w->word = NULL;
	w->wcap = 0;
	align_dict_unindex(&w->stops);
	align_dict_unindex(&w->tokens);
	align_dict_unindex(&w->vocab);
	align_dict_unindex(&w->phrases);
}

/* The term of a stem or (concept set) a concept; -1 when out of memory. */
static long
term(struct align_words *w, const char *s, size_t n, int concept)
{
	char buf[256];
	long id;

	if (concept) {
		/* Concepts live apart from stems: "~presence". */
		if (n + 2 > sizeof(buf))
			n = sizeof(buf) - 2;
		buf[0] = '~';
		memcpy(buf + 1, s, n);
		s = buf;
		n++;
	}
	id = align_dict_id(&w->vocab, s, n, 1);
	if (id >= 0 && (size_t)id >= w->vcap) {
		size_t old = w->vcap, cap = old;
		char **l;

		if (grow8(&w->concept, &cap, (size_t)id + 1) < 0)
			return -1;
		cap = old;
		if (grow8(&w->maxlen, &cap, (size_t)id + 1) < 0)
			return -1;
		cap = old;
		if (grow8(&w->later, &cap, (size_t)id + 1) < 0)
			return -1;
		if ((l = realloc(w->label, cap * sizeof(*l))) == NULL)
			return -1;
		memset(l + old, 0, (cap - old) * sizeof(*l));
		w->label = l;
		w->vcap = cap;
	}
	if (id >= 0 && concept)
		w->concept[id] = 1;
	return id;
}

/* With the tables: the term of token id, word (s, n) of language l whose
 * stem is (st, sn), and its concepts.  English words are looked up as
 * written, the others by stem (the tables' keys); a word of another
 * language becomes the term of its English pivot.  -1 when out of
 * memory. */
static long
looked_up(struct align_words *w, size_t id, int l, const char *s, size_t n,
    const char *st, size_t sn)
{
	struct align_entry x;
	char own[256];
	int found;

	if (sn >= sizeof(own))
		sn = sizeof(own) - 1;
	memcpy(own, st, sn);	/* the stemmer's buffer is used again */
	found = l == ALIGN_EN ? align_tables_find(w->tables, l, s, n, &x) :
	    align_tables_find(w->tables, l, own, sn, &x);
	if (!found)
		return term(w, own, sn, 0);
	if (w->ntconcept && ((x.flags & ALIGN_TABLE_EXACT) ||
	    x.strength >= w->min_strength)) {
		w->tok[id].mask = x.concepts &
		    (uint32_t)((1ull << w->ntconcept) - 1);
		w->tok[id].grade = (x.flags & ALIGN_TABLE_EXACT) ? 255 :
		    (uint8_t)(255 * (x.strength - w->min_strength + 1) /
		    (256 - w->min_strength));
	}
	if (l != ALIGN_EN && x.pivot && x.npivot > 0) {
		const sb_symbol *p = sb_stemmer_stem(w->stemmer[ALIGN_EN],
		    (const sb_symbol *)x.pivot, (int)x.npivot);

		if (p == NULL)
			return -1;
		return term(w, (const char *)p, (size_t)sb_stemmer_length(
		    w->stemmer[ALIGN_EN]), 0);
	}
	return term(w, own, sn, 0);
}

int
align_words_tables(struct align_words *w, const struct align_tables *tb,
    int concepts, unsigned min_strength, struct align_err *e)
{
	const char *p;

	w->tables = tb;
	w->min_strength = min_strength;
	if (!concepts || tb->names == NULL)
		return 0;
	/* The concepts' names and labels, as a lexicon of no words. */
	for (p = tb->names; *p && w->ntconcept < 32; ) {
		size_t n = strcspn(p, "\n"), k;
		char line[512];
		long c;

		if (n + 2 < sizeof(line)) {
			memcpy(line, p, n);
			line[n] = ':';
			line[n + 1] = '\0';
			if (align_words_lexicon(w, line, "<tables>", e) < 0)
				return -1;
			k = strcspn(line, " (:");
			if ((c = term(w, line, k, 1)) < 0)
				return align_err_nomem(e);
			w->tconcept[w->ntconcept++] = (uint32_t)c;
		}
		p += n + (p[n] == '\n');
	}
	return 0;
}

/* The stem of new token id, whose key (language digit and word s, n) is
 * (key, kn): the one known before the run when the note for id has that
 * key, else the stemmer's (in its buffer, used again by the next call).
 * NULL when out of memory. */
static const char *
stem_of(struct align_words *w, size_t id, const char *key, size_t kn,
    int l, const char *s, size_t n, size_t *sn)
{
	const char *k = id < w->nknown ? w->known + w->known_at[id] : NULL;
	const sb_symbol *st;

	if (k && strncmp(k, key, kn) == 0 && k[kn] == '\0') {
		w->nfed++;
		*sn = strlen(k + kn + 1);
		return k + kn + 1;
	}
	st = sb_stemmer_stem(w->stemmer[l], (const sb_symbol *)s, (int)n);
	if (st == NULL)
		return NULL;
	*sn = (size_t)sb_stemmer_length(w->stemmer[l]);
	return (const char *)st;
}

/* Room in the token array for token id: 0, or -1 when out of memory. */
static int
token_room(struct align_words *w, long id)
{
	size_t cap = w->tokcap ? w->tokcap * 2 : 1024;
	struct align_token *t;

	if ((size_t)id < w->tokcap)
		return 0;
	if ((t = realloc(w->tok, cap * sizeof(*t))) == NULL)
		return -1;
	w->tok = t;
	w->tokcap = cap;
	return 0;
}

/* The token of word (s, n) in language l; -1 when out of memory. */
static long
token(struct align_words *w, int l, const char *s, size_t n)
{
	char key[256];
	long id, sid, st;
	const char *stem;
	size_t sn, known;

	if (n + 1 > sizeof(key))
		n = sizeof(key) - 1;
	key[0] = (char)('0' + l);
	memcpy(key + 1, s, n);
	known = w->tokens.n;	/* a word seen before has an id below */
	id = align_dict_id(&w->tokens, key, n + 1, 1);
	if (id >= 0 && (size_t)id < known)
		return id;
	if (id < 0 || token_room(w, id) < 0)
		return -1;
	if ((stem = stem_of(w, (size_t)id, key, n + 1, l, s, n, &sn)) == NULL)
		return -1;
	w->tok[id].mask = 0;
	w->tok[id].grade = 0;
	if (w->tables)
		sid = looked_up(w, (size_t)id, l, s, n, stem, sn);
	else
		sid = term(w, stem, sn, 0);
	if (sid < 0)
		return -1;
	st = align_dict_id(&w->stops, s, n, 0);
	w->tok[id].stem = (uint32_t)sid;
	w->tok[id].count = 0;
	w->tok[id].lang = (uint8_t)l;
	w->tok[id].stop = st >= 0 && (w->stopmask[st] & (1 << l));
	return id;
}

/* Add a phrase's next stem st to its key (key, *k), after a space when
 * space is set; -1, and *k the key's size, when it does not fit with a
 * byte to spare. */
static int
key_add(char *key, size_t *k, size_t size, int space, const char *st)
{
	size_t n = strlen(st) + (space != 0);

	if (*k + n >= size) {
		*k = size;
		return -1;
	}
	if (space)
		key[(*k)++] = ' ';
	memcpy(key + *k, st, n - (space != 0));
	*k += n - (space != 0);
	return 0;
}

/* The concept that starts a lexicon line, "name" or "name (label)", in
 * p (cut in place): its term, with the label the first line to give one
 * gave; -1 when out of memory. */
static long
lexicon_concept(struct align_words *w, char *p)
{
	char *open = strchr(p, '('), *close = strrchr(p, ')'), *end;
	long cterm;

	if (open && close > open) {
		*close = '\0';
		for (end = open; end > p && end[-1] == ' '; end--)
			;
		*end = '\0';
		open++;
	} else {
		open = NULL;
	}
	if ((cterm = term(w, p, strlen(p), 1)) < 0 || (open &&
	    w->label[cterm] == NULL && (w->label[cterm] = strdup(open)) ==
	    NULL))
		return -1;
	return cterm;
}

/* The phrase of the words sp[0..ns-1] of f in language l, its stems
 * joined by spaces, for concept cterm (the first concept to name a
 * phrase keeps it); line lno of the lexicon name.  0, or -1 and e. */
static int
lexicon_phrase(struct align_words *w, const char *f, const struct span *sp,
    size_t ns, int l, long cterm, const char *name, unsigned long lno,
    struct align_err *e)
{
	char key[512];
	size_t k = 0, i;
	long pid, first = -1;

	for (i = 0; i < ns; i++) {
		long t = token(w, l, f + sp[i].at, sp[i].n);

		if (t < 0)
			return align_err_nomem(e);
		if (i == 0)
			first = w->tok[t].stem;
		else
			w->later[w->tok[t].stem] |= (uint8_t)(1 << (i - 1));
		if (key_add(key, &k, sizeof(key), i > 0,
		    align_words_term(w, w->tok[t].stem)) < 0)
			return align_err_set(e, EX_DATAERR, name, lno, 1,
			    "a phrase longer than %zu bytes", sizeof(key) - 1);
	}
	pid = align_dict_id(&w->phrases, key, k, 1);
	if (pid < 0 || grow32z(&w->phrase_term, &w->pcap, (size_t)pid + 1) <
	    0)
		return align_err_nomem(e);
	if (w->phrase_term[pid] == 0)
		w->phrase_term[pid] = (uint32_t)cterm + 1;
	if (ns > w->maxlen[first])
		w->maxlen[first] = (uint8_t)ns;
	return 0;
}

/* The words and phrases after a concept's colon, p, separated by commas:
 * each folded, split, and entered in every language.  0, or -1 and e. */
static int
lexicon_phrases(struct align_words *w, char *p, long cterm,
    const char *name, unsigned long lno, struct align_err *e)
{
	while (*p) {
		size_t n = strcspn(p, ","), ns;
		char save = p[n], *f;
		struct span sp[8];
		int l, rc = 0;

		p[n] = '\0';
		f = fold(p);
		p[n] = save;
		p += n + (save == ',');
		if (f == NULL)
			return align_err_nomem(e);
		ns = split(f, sp, 8, NULL);
		for (l = 0; ns > 0 && l < ALIGN_LANGS && rc == 0; l++)
			rc = lexicon_phrase(w, f, sp, ns, l, cterm, name, lno, e);
		free(f);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Line lno of the lexicon name, in copy (changed): nothing when it is
 * blank or a comment, else "concept: word, phrase, ..." (its words only
 * when words is set).  0, or -1 and e naming the line. */
/* The column of byte p of line: its characters before it, + 1. */
static unsigned long
column(const char *line, const char *p)
{
	unsigned long col = 1;

	for (; line < p; line++)
		col += ((unsigned char)*line & 0xc0) != 0x80;
	return col;
}

/* A concept's optional label (concept, trimmed, of line) is closed and
 * ends it: "presence (present when things are difficult)".  0, or -1 and
 * e (65, the column of the parenthesis). */
static int
label_parens(const char *line, const char *concept, const char *name,
    unsigned long lno, struct align_err *e)
{
	const char *open = strchr(concept, '('), *close = strrchr(concept, ')');

	if (open && close == NULL)
		return align_err_set(e, EX_DATAERR, name, lno,
		    column(line, open), "'(' is not closed: expected "
		    "'concept (label): word, phrase, ...'");
	if (close && (open == NULL || close < open))
		return align_err_set(e, EX_DATAERR, name, lno,
		    column(line, close), "')' with no '(' before it: expected "
		    "'concept (label): word, phrase, ...'");
	if (close && close[1] != '\0')
		return align_err_set(e, EX_DATAERR, name, lno,
		    column(line, close + 1 + strspn(close + 1, " \t")),
		    "expected ':' after the label's ')'");
	return 0;
}

static int
lexicon_line(struct align_words *w, char *copy, int words, const char *name,
    unsigned long lno, struct align_err *e)
{
	char *colon, *end, *p;
	long cterm;

	if ((p = strchr(copy, '#')))
		*p = '\0';
	for (p = copy; *p == ' ' || *p == '\t'; p++)
		;
	if (*p == '\0')
		return 0;
	colon = strchr(p, ':');
	if (colon == NULL || colon == p)
		return align_err_set(e, EX_DATAERR, name, lno, 1,
		    "expected 'concept: word, phrase, ...'");
	*colon = '\0';
	for (end = colon; end > p && (end[-1] == ' ' || end[-1] == '\t'); )
		*--end = '\0';
	if (label_parens(copy, p, name, lno, e) < 0)
		return -1;
	if ((cterm = lexicon_concept(w, p)) < 0)
		return align_err_nomem(e);
	return words ? lexicon_phrases(w, colon + 1, cterm, name, lno, e) : 0;
}

/* A lexicon's text, line by line; words unset: the concepts alone. */
static int
lexicon(struct align_words *w, const char *text, const char *name,
    int words, struct align_err *e)
{
	const char *line = text;
	unsigned long lno = 0;
	int rc;

	while (*line) {
		size_t len = strcspn(line, "\n");
		char *copy = malloc(len + 1);

		lno++;
		if (copy == NULL)
			return align_err_nomem(e);
		memcpy(copy, line, len);
		copy[len] = '\0';
		line += len + (line[len] == '\n');
		rc = lexicon_line(w, copy, words, name, lno, e);
		free(copy);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int
align_words_lexicon(struct align_words *w, const char *text,
    const char *name, struct align_err *e)
{
	return lexicon(w, text, name, 1, e);
}

static int
default_lexicon(struct align_words *w, int words, struct align_err *e)
{
	size_t i;

	for (i = 0; align_default_lexicon[i]; i++)
		if (lexicon(w, align_default_lexicon[i], "<default lexicon>",
		    words, e) < 0)
			return -1;
	return 0;
}

int
align_words_default_lexicon(struct align_words *w, struct align_err *e)
{
	return default_lexicon(w, 1, e);
}

int
align_words_default_concepts(struct align_words *w, struct align_err *e)
{
	return default_lexicon(w, 0, e);
}

static int
push_term(struct align_analysis *a, uint32_t t)
{
	if (grow32(&a->term, &a->termcap, a->nterm + 1) < 0)
		return -1;
	a->term[a->nterm++] = t;
	return 0;
}

int
align_words_lang(struct align_words *w, const char *text,
    struct align_err *e)
{
	struct span sp[MAXTOK];
	int hint[ALIGN_LANGS] = { 0 };
	struct cue cue;
	char *f;
	size_t n, i;

	/* As align_words_analyse() tells it, without making the words. */
	letter_hints(text, hint);
	if ((f = fold(text)) == NULL)
		return align_err_nomem(e);
	n = split(f, sp, MAXTOK, NULL);
	cue_start(&cue, hint, n);
	for (i = 0; i < n; i++) {
		long st = align_dict_id(&w->stops, f + sp[i].at, sp[i].n, 0);

		if (st >= 0)
			hint_stop(&cue, (unsigned long)st, w->stopmask[st], hint);
	}
	free(f);
	return cue_best(&cue, hint);
}

/* The terms of the tables' concepts in mask, and one more hit. */
static int
table_concepts(const struct align_words *w, struct align_analysis *a,
    uint32_t mask)
{
	int c;

	if (mask == 0)
		return 0;
	a->hits++;
	for (c = 0; c < w->ntconcept; c++)
		if ((mask & (1u << c)) && push_term(a, w->tconcept[c]) < 0)
			return -1;
	return 0;
}

/* The entry of a word as written: its stop-word languages, and its token
 * in each language once asked for.  -1 when out of memory. */
static long
word(struct align_words *w, const char *s, size_t n, uint64_t h)
{
	long id = align_dict_id_hashed(&w->words, s, n, h, 0), st;

	if (id >= 0)
		return id;
	if ((id = align_dict_id_hashed(&w->words, s, n, h, 1)) < 0)
		return -1;
	if ((size_t)id >= w->wcap) {
		size_t cap = w->wcap ? w->wcap * 2 : 1024;
		struct align_word *t = realloc(w->word, cap * sizeof(*t));

		if (t == NULL)
			return -1;
		w->word = t;
		w->wcap = cap;
	}
	memset(w->word[id].tok, 0xff, sizeof(w->word[id].tok));
	st = align_dict_id(&w->stops, s, n, 0);
	w->word[id].stop = st >= 0 ? w->stopmask[st] : 0;
	return id;
}

/* The language whose letters and function words the text has most of,
 * English when nothing tells; a->tok[0..n-1] gets the words sp of the
 * folded text f.  -1 when out of memory.  The steps of the analysis
 * below are called once each and inlined: no call a word. */
static int
analyse_language(struct align_words *w, const char *text, const char *f,
    const struct span *sp, size_t n, struct align_analysis *a)
{
	int hint[ALIGN_LANGS] = { 0 };
	struct cue cue;
	uint64_t h[MAXTOK];
	size_t i;

	/* Letters that tell a language, before case folding turns ß
	 * into ss; plain ASCII has none. */
	letter_hints(text, hint);
	/* The words' entries asked for ahead of their lookups: in a large
	 * dictionary most of the time of a lookup is waiting for memory. */
	for (i = 0; i < n; i++)
		h[i] = align_dict_hash(f + sp[i].at, sp[i].n);
	for (i = 0; i < n && i < WORDS_AHEAD; i++)
		align_dict_prefetch_slot(&w->words, h[i]);
	cue_start(&cue, hint, n);
	for (i = 0; i < n; i++) {
		long wd;

		if (i + WORDS_AHEAD < n)
			align_dict_prefetch_slot(&w->words, h[i + WORDS_AHEAD]);
		if (i + WORDS_AHEAD / 2 < n)
			align_dict_prefetch_entry(&w->words,
			    h[i + WORDS_AHEAD / 2]);
		if ((wd = word(w, f + sp[i].at, sp[i].n, h[i])) < 0)
			return -1;
		a->tok[i] = (uint32_t)wd;
		if (w->word[wd].stop)
			hint_stop(&cue, (unsigned long)wd, w->word[wd].stop,
			    hint);
	}
	a->lang = cue_best(&cue, hint);
	return 0;
}

/* The words a->tok[0..n-1] as tokens of the language a->lang, counted:
 * 0, or -1 when out of memory. */
static int
analyse_tokens(struct align_words *w, const char *f, const struct span *sp,
    size_t n, struct align_analysis *a)
{
	int l = a->lang;
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t *slot = &w->word[a->tok[i]].tok[l];

		/* The tokens too are all over memory. */
		if (i + WORDS_AHEAD < n &&
		    w->word[a->tok[i + WORDS_AHEAD]].tok[l] != UINT32_MAX)
			PREFETCH(&w->tok[w->word[a->tok[i + WORDS_AHEAD]].tok[l]]);
		if (*slot == UINT32_MAX) {
			long t = token(w, l, f + sp[i].at, sp[i].n);

			if (t < 0)
				return -1;
			slot = &w->word[a->tok[i]].tok[l];
			*slot = (uint32_t)t;
		}
		a->tok[i] = *slot;
		w->tok[*slot].count++;
	}
	a->ntok = n;
	return 0;
}

/* The concept of the longest phrase of the lexicon that starts at token
 * i of n, counted twice: it is what the words mean, and it is shared
 * across wordings.  0, or -1 when out of memory. */
static int
analyse_phrase(struct align_words *w, struct align_analysis *a, size_t i,
    size_t n)
{
	const struct align_token *t = &w->tok[a->tok[i]];
	size_t len = w->maxlen ? w->maxlen[t->stem] : 0;

	for (; len > 0; len--) {
		char key[512];
		size_t k = 0, j;
		long pid;

		if (i + len > n)
			continue;
		/* Not a phrase when a word is nowhere such a word of one. */
		for (j = 1; j < len; j++)
			if (!(w->later[w->tok[a->tok[i + j]].stem] &
			    (1 << (j - 1))))
				break;
		if (j < len)
			continue;
		for (j = 0; j < len; j++) {
			uint32_t st = w->tok[a->tok[i + j]].stem;
			size_t sl = w->vocab.len[st];

			if (k + sl + 1 >= sizeof(key))
				break;
			if (j)
				key[k++] = ' ';
			memcpy(key + k, w->vocab.str[st], sl);
			k += sl;
		}
		if (j < len)
			continue;
		pid = align_dict_id(&w->phrases, key, k, 0);
		if (pid < 0 || w->phrase_term[pid] == 0)
			continue;
		if (push_term(a, w->phrase_term[pid] - 1) < 0 ||
		    push_term(a, w->phrase_term[pid] - 1) < 0)
			return -1;
		a->hits++;
		return 0;
	}
	return 0;
}

/* The terms of the tokens: phrases' concepts, the stems of words that
 * are not stop words, numbers or a letter alone, and the concepts of
 * their tables.  0, or -1 when out of memory. */
static int
analyse_terms(struct align_words *w, const char *f, const struct span *sp,
    size_t n, struct align_analysis *a)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct align_token *t = &w->tok[a->tok[i]];

		if (analyse_phrase(w, a, i, n) < 0)
			return -1;
		if (t->stop || sp[i].n < 2 ||
		    strspn(f + sp[i].at, "0123456789") >= sp[i].n)
			continue;
		if (push_term(a, t->stem) < 0 ||
		    table_concepts(w, a, t->mask) < 0)
			return -1;
	}
	return 0;
}

/* The one pass over a response's words that every theming run makes:
 * fold, split, the language, tokens, terms. */
int
align_words_analyse(struct align_words *w, const char *text,
    struct align_analysis *a, struct align_err *e)
{
	struct span sp[MAXTOK];
	size_t n, len = strlen(text);
	char *f, *other;
	int rc;

	a->nterm = a->ntok = a->hits = 0;
	/* Folded into the buffer of a, used again from text to text. */
	if (len + 1 > a->foldcap) {
		size_t cap = len + 1 > 2 * a->foldcap ? len + 1 : 2 * a->foldcap;

		if ((f = realloc(a->fold, cap)) == NULL)
			return align_err_nomem(e);
		a->fold = f;
		a->foldcap = cap;
	}
	if (fold_into(text, len, a->fold, &other) < 0)
		return align_err_nomem(e);
	f = other ? other : a->fold;
	n = split(f, sp, MAXTOK, NULL);
	rc = grow32(&a->tok, &a->tokcap, n) < 0 ||
	    analyse_language(w, text, f, sp, n, a) < 0 ||
	    analyse_tokens(w, f, sp, n, a) < 0 ||
	    analyse_terms(w, f, sp, n, a) < 0 ? -1 : 0;
	free(other);
	return rc < 0 ? align_err_nomem(e) : 0;
}

void
align_analysis_release(struct align_analysis *a)
{
	free(a->term);
	free(a->tok);
	free(a->fold);
	memset(a, 0, sizeof(*a));
}

const char *
align_words_term(const struct align_words *w, uint32_t t)
{
	return t < w->vocab.n ? w->vocab.str[t] : "";
}

int
align_words_is_concept(const struct align_words *w, uint32_t t)
{
	return t < w->vocab.n && w->concept[t];
}

const char *
align_words_label(const struct align_words *w, uint32_t t)
{
	return t < w->vocab.n && w->label ? w->label[t] : NULL;
}

size_t
align_words_nterms(const struct align_words *w)
{
	return w->vocab.n;
}
