/*
 * gen - a seeded generator of survey answers with gold theme labels, for
 * the benchmark and for measuring theme quality at scale.
 *
 *   gen [--stats] [--easy] [--words MEAN] [--roster FILE] N SEED
 *       text|yaml [LABELS]
 *
 * Writes N answers to "a time a supervisor impacted you" to standard
 * output, as plain text ("Name: text" a line) or as a session stream (a
 * session record whose participants are everyone asked, then one response
 * record an answer, ids r-<answer number in hexadecimal>), and the gold
 * theme of each answer, a number from 0, one a line, to LABELS.  The same
 * N, SEED and format give the same bytes on every machine.
 *
 * The answers are made to look like real ones, from templates of clauses
 * (phrases.h): 70% English, 10% each Spanish, German and French; ten
 * behaviours, a few more common than the rest, each with its own words and
 * phrasings, over a shared background of work, places, teams, people and
 * numbers, so that themes overlap.  An answer's gold theme is the
 * behaviour of its first clause; of the clauses after it, about half are
 * about the same behaviour, a quarter background, one in eight about
 * another behaviour, the rest a closing remark.  Lengths are spread as
 * answers are (log-normal: a median of 28 words, 5% under 15, 5% over 68,
 * 1% over 100; 33 words and about 190 bytes a text on average, or about
 * 300 bytes a response record of the stream); nearly every text is
 * distinct (99.4% at 100,000); the vocabulary keeps growing with N, as
 * Heaps' law has it, for names of products and clients and rare words
 * are Zipf draws from an unbounded list of made-up words, and about 3% of
 * words carry a typing slip (two letters swapped, one dropped, doubled or
 * the key beside).  Each participant answers about three times (a
 * twentieth of them a fifth of all answers), over two weeks, in the time
 * zone of where they are.
 *
 *   --stats        print the statistics of the answers instead of them:
 *                  words and bytes an answer, distinct texts and words
 *                  (with the growth of the vocabulary), typing slips,
 *                  languages, themes, participants
 *   --words MEAN   the mean number of words an answer (default 33); the
 *                  spread scales with it
 *   --roster FILE  write the names of everyone asked, one a line, to FILE
 *                  (for align-plan --participants-file)
 *   --easy         the generator before this one: one clause an answer,
 *                  six themes, 1,464 distinct texts and about 400 words;
 *                  the same bytes as it gave, to reproduce earlier figures
 *
 * 1,000,000 answers take about 4 seconds of CPU.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phrases.h"

/* ---- randomness ------------------------------------------------- */

static uint64_t state;

static uint32_t
next(void)
{
	/* xorshift64*: small, fast, the same everywhere. */
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)((state * 2685821657736338717ULL) >> 32);
}

/* A number in [0, n). */
static uint32_t
below(uint32_t n)
{
	return (uint32_t)(((uint64_t)next() * n) >> 32);
}

/* True with probability pct/100. */
static int
chance(int pct)
{
	return (int)below(100) < pct;
}

/* A number in (0, 1]. */
static double
unit(void)
{
	return ((double)next() + 1.0) / 4294967296.0;
}

/* The natural logarithm and the exponential, with + - * / only, which
 * IEEE 754 rounds the same everywhere, so that the same seed gives the
 * same bytes whatever the C library (libm's may differ in the last bit). */
static double
ln(double x)
{
	double y, y2, term, sum = 0;
	int e = 0, k;

	while (x >= 1.0) {
		x /= 2;
		e++;
	}
	while (x < 0.5) {
		x *= 2;
		e--;
	}
	/* ln x = 2 atanh((x - 1) / (x + 1)), |y| <= 1/3 */
	y = (x - 1) / (x + 1);
	y2 = y * y;
	term = y;
	for (k = 1; k < 60; k += 2) {
		sum += term / k;
		term *= y2;
	}
	return 2 * sum + e * 0.69314718055994530942;
}

static double
expo(double x)
{
	double r, term = 1, sum = 1;
	long k = (long)(x / 0.69314718055994530942 + (x < 0 ? -0.5 : 0.5));
	int i;

	r = x - (double)k * 0.69314718055994530942;
	for (i = 1; i < 30; i++) {
		term *= r / i;
		sum += term;
	}
	for (; k > 0; k--)
		sum *= 2;
	for (; k < 0; k++)
		sum /= 2;
	return sum;
}

static uint64_t
mix(uint64_t x)
{
	/* splitmix64's finaliser. */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static size_t
count(const char *const *v)
{
	size_t n = 0;

	while (v[n])
		n++;
	return n;
}

static const char *
pick(const char *const *v)
{
	return v[below((uint32_t)count(v))];
}

/* ---- a growing buffer ------------------------------------------- */

struct buf {
	char *p;
	size_t n, cap;
};

static void
grow(struct buf *b, size_t more)
{
	if (b->n + more + 1 <= b->cap)
		return;
	while (b->n + more + 1 > b->cap)
		b->cap = b->cap ? b->cap * 2 : 1024;
	if ((b->p = realloc(b->p, b->cap)) == NULL) {
		perror("gen");
		exit(71);
	}
}

static void
putn(struct buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
puts0(struct buf *b, const char *s)
{
	putn(b, s, strlen(s));
}

static void
putc0(struct buf *b, char c)
{
	putn(b, &c, 1);
}

/* ---- templates -------------------------------------------------- */

struct answer {
	int lang, theme, fem;	/* fem: the supervisor is a woman */
	struct buf b;
};

static void expand(struct answer *, const char *, const char *);

static void
expand0(struct answer *a, const char *s)
{
	expand(a, s, s + strlen(s));
}

/* A made-up word for rank r of an unbounded list: two to four
 * syllables, the same word for the same rank and salt. */
static void
madeup(struct buf *b, uint64_t r, uint64_t salt, int capital)
{
	uint64_t h = mix(r * 0x9e3779b97f4a7c15ULL + salt);
	int k, n = 2 + (int)(h % 3);
	size_t at = b->n;

	h /= 3;
	for (k = 0; k < n; k++) {
		puts0(b, syl[h & 63]);
		h >>= 6;
	}
	if (capital && b->p[at] >= 'a' && b->p[at] <= 'z')
		b->p[at] -= 'a' - 'A';
}

/* A Zipf draw: rank r with probability about r^-s. */
static uint64_t
zipf(double s)
{
	double r = expo(-ln(unit()) / (s - 1.0));

	return r > 1e15 ? (uint64_t)1e15 : (uint64_t)r;
}

static void
number(struct buf *b, const char *fmt, long v)
{
	char tmp[64];

	snprintf(tmp, sizeof(tmp), fmt, v);
	puts0(b, tmp);
}

static void
slot(struct answer *a, char c)
{
	const struct lang *l = &langs[a->lang];
	const struct theme *t = &themes[a->theme];
	struct buf *b = &a->b;
	int w = !a->fem;

	switch (c) {
	case 'S': expand0(a, pick(l->subj[w])); break;
	case 'H': puts0(b, l->pron[w]); break;
	case 'h': puts0(b, l->obj[w]); break;
	case 'G': puts0(b, l->poss[w]); break;
	case 'Z': puts0(b, l->self[w]); break;
	case 'e': if (a->fem) putc0(b, 'e'); break;
	case 'a': if (a->fem) putc0(b, 'a'); break;
	case 'o': putc0(b, a->fem ? 'a' : 'o'); break;
	case 'n': if (a->fem) puts0(b, "in"); break;
	case 'f': puts0(b, pick(l->first[w])); break;
	case 'F': puts0(b, pick(l->first[below(2)])); break;
	case 'L': puts0(b, pick(l->last)); break;
	case 'D': puts0(b, pick(l->dept)); break;
	case 'T': expand0(a, pick(l->team)); break;
	case 'P': puts0(b, pick(places)); break;
	case 'C':
		madeup(b, zipf(1.35), 0x1234, 1);
		puts0(b, pick(product_tail));
		break;
	case 'R':
		madeup(b, zipf(1.25), 0x5678 + (uint64_t)a->lang, 0);
		puts0(b, rare_tail[a->lang][below(6)]);
		break;
	case 'X': puts0(b, pick(l->work)); break;
	case 'Y': number(b, "%ld", 1995 + (long)below(32)); break;
	case 'N': number(b, "%ld", 2 + (long)below(11)); break;
	case 'M':
		number(b, l->money[below(3)], 2 + (long)below(98));
		break;
	case 'K': number(b, "%ld", 100 + (long)below(99900)); break;
	case 'Q':
		number(b, "Q%ld", 1 + (long)below(4));
		if (chance(40))
			number(b, " %ld", 2015 + (long)below(12));
		break;
	case 'A': puts0(b, pick(l->adv)); break;
	case 'W': puts0(b, pick(t->kw[a->lang])); break;
	case 'B': expand0(a, pick(t->brief[a->lang])); break;
	case 'E': expand0(a, pick(l->tail)); break;
	default: putc0(b, c); break;
	}
}

/* Expand [s, e): (a|b) is one alternative, {x} a slot. */
static void
expand(struct answer *a, const char *s, const char *e)
{
	while (s < e) {
		if (*s == '(') {
			const char *alt[32], *p;
			int na = 0, depth = 0, k;

			alt[na++] = s + 1;
			for (p = s + 1; p < e; p++) {
				if (*p == '(')
					depth++;
				else if (*p == ')') {
					if (depth == 0)
						break;
					depth--;
				} else if (*p == '|' && depth == 0 && na < 32)
					alt[na++] = p + 1;
			}
			k = (int)below((uint32_t)na);
			expand(a, alt[k], k + 1 < na ? alt[k + 1] - 1 : p);
			s = p + 1;
		} else if (*s == '{' && s + 2 < e && s[2] == '}') {
			slot(a, s[1]);
			s += 3;
		} else {
			const char *p = s;

			while (p < e && *p != '(' && *p != '{')
				p++;
			if (p == s)
				p++;
			putn(&a->b, s, (size_t)(p - s));
			s = p;
		}
	}
}

/* Upper-case the letter at b->p[at] (ASCII and Latin-1 in UTF-8). */
static void
capital(struct buf *b, size_t at)
{
	unsigned char *p = (unsigned char *)b->p + at;

	while (*p == ' ')
		p++;
	if (*p >= 'a' && *p <= 'z')
		*p -= 'a' - 'A';
	else if (p[0] == 0xc3 && p[1] >= 0xa0 && p[1] <= 0xbe && p[1] != 0xb7)
		p[1] -= 0x20;
}

/* Start a sentence or a clause: capitalised after a full stop. */
static void
clause(struct answer *a, const char *first, const char *rest)
{
	size_t at = a->b.n, i = at;

	while (i > 0 && a->b.p[i - 1] == ' ')
		i--;
	if (first)
		expand0(a, first);
	if (rest)
		expand0(a, rest);
	if (i == 0 || a->b.p[i - 1] == '.' || a->b.p[i - 1] == '!')
		capital(&a->b, at);
}

static int
words(const struct buf *b)
{
	int n = 0, in = 0;
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (b->p[i] == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* The mean number of words an answer (--words). */
static double mean_words = 33;

/* How long this answer wants to be, in words: log-normal, as answers are;
 * the last clause overshoots it by half a clause on average.  (The normal
 * deviate is the sum of twelve uniform ones, less six.) */
static int
target_words(void)
{
	double z = -6, w;
	int i;

	for (i = 0; i < 12; i++)
		z += (double)next() / 4294967296.0;
	w = mean_words * (24.5 / 33.0) * expo(0.62 * z);

	if (w < 3)
		w = 3;
	if (w > 180)
		w = 180;
	return (int)w;
}

static void
compose(struct answer *a)
{
	const struct lang *l = &langs[a->lang];
	const struct theme *t = &themes[a->theme];
	const char *const *pred = t->pred[a->lang];
	int target = target_words(), closed = 0, r, other;

	a->b.n = 0;
	if (target <= 6) {
		clause(a, pick(l->brief), NULL);
		return;
	}
	if (chance(30)) {
		if (l->open_alone) {
			clause(a, pick(l->open), ". ");
			clause(a, "{S} ", pick(pred));
		} else {
			clause(a, pick(l->open), ", ");
			expand0(a, "{S} ");
			expand0(a, pick(pred));
		}
	} else
		clause(a, "{S} ", pick(pred));
	expand0(a, "{E}");
	while (!closed && words(&a->b) < target) {
		expand0(a, pick(l->conn));
		r = (int)below(100);
		if (r < 28) {
			/* (an adverb before the verb: English only) */
			clause(a, a->lang == 0 ? "{H} {A}" : "{H} ",
			    pick(pred));
			if (chance(40))
				expand0(a, "{E}");
		} else if (r < 52)
			clause(a, pick(t->more[a->lang]), NULL);
		else if (r < 76)
			clause(a, pick(l->bg), NULL);
		else if (r < 88) {
			/* Another behaviour, as answers wander. */
			other = (a->theme + 1 + (int)below(NTHEME - 1)) %
			    NTHEME;
			if (chance(50))
				clause(a, "{H} ",
				    pick(themes[other].pred[a->lang]));
			else
				clause(a, pick(themes[other].more[a->lang]),
				    NULL);
		} else {
			clause(a, pick(l->close), NULL);
			closed = words(&a->b) * 10 >= target * 6;
		}
	}
}

/* ---- typing slips and tidying ----------------------------------- */

static const char *const near_key[26] = {
	"qws", "vgn", "xdv", "sfe", "wrd", "dgr", "fht", "gjy", "uok", "hku",
	"jlo", "kop", "nj", "bmh", "ipl", "ol", "wa", "etf", "adw", "ryg",
	"yij", "cbf", "qes", "zcs", "tuh", "xa",
};

static int
lower_ascii(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* A slip in this many words of four letters or more, in a thousand. */
static const uint32_t slip_rate = 55;

/* Append word w[0..n) to out, perhaps with a slip; returns 1 if slipped. */
static int
slip(struct buf *out, const char *w, size_t n)
{
	char tmp[256];
	size_t lo = 0, hi = n, i;
	int op;

	/* The letters of the word, without punctuation around it. */
	while (lo < n && !lower_ascii((unsigned char)w[lo]) &&
	    !(w[lo] >= 'A' && w[lo] <= 'Z'))
		lo++;
	while (hi > lo && !lower_ascii((unsigned char)w[hi - 1]))
		hi--;
	if (hi - lo < 4 || n >= sizeof(tmp) - 2 || below(1000) >= slip_rate) {
		putn(out, w, n);
		return 0;
	}
	/* A position inside the word whose letter and next are ASCII. */
	i = lo + 1 + below((uint32_t)(hi - lo - 2));
	if (!lower_ascii((unsigned char)w[i]) ||
	    !lower_ascii((unsigned char)w[i + 1])) {
		putn(out, w, n);
		return 0;
	}
	memcpy(tmp, w, n);
	op = (int)below(4);
	if (op == 0) {			/* two letters swapped */
		tmp[i] = w[i + 1];
		tmp[i + 1] = w[i];
		putn(out, tmp, n);
	} else if (op == 1) {		/* one dropped */
		putn(out, w, i);
		putn(out, w + i + 1, n - i - 1);
	} else if (op == 2) {		/* one doubled */
		putn(out, w, i + 1);
		putn(out, w + i, n - i);
	} else {			/* the key beside */
		const char *k = near_key[w[i] - 'a'];

		tmp[i] = k[below((uint32_t)strlen(k))];
		putn(out, tmp, n);
	}
	return 1;
}

/* Copy in to out: single spaces, no space before punctuation, slips. */
static int
tidy(const struct buf *in, struct buf *out)
{
	size_t i = 0, j;
	int slips = 0;

	out->n = 0;
	while (i < in->n) {
		while (i < in->n && in->p[i] == ' ')
			i++;
		if (i == in->n)
			break;
		j = i;
		while (j < in->n && in->p[j] != ' ')
			j++;
		if (out->n > 0 && !strchr(",.;:!?", in->p[i]))
			putc0(out, ' ');
		slips += slip(out, in->p + i, j - i);
		i = j;
	}
	if (out->p == NULL)
		grow(out, 1);
	return slips;
}

/* ---- people and times ------------------------------------------- */

/* Person p's language: seven in ten English. */
static int
person_lang(long p, long *k)
{
	int s = (int)(p % 10);

	if (s < 7) {
		*k = p / 10 * 7 + s;
		return 0;
	}
	*k = p / 10;
	return s - 6;
}

/* Person p's name, distinct for distinct p. */
static void
person_name(struct buf *b, long p)
{
	long k, q, r;
	int lang = person_lang(p, &k);
	const struct lang *l = &langs[lang];
	size_t nf = count(l->first[0]), nm = count(l->first[1]);
	size_t nfirst = nf + nm, nlast = count(l->last);
	size_t f = (size_t)(k % (long)nfirst);

	q = k / (long)nfirst;
	r = q / (long)nlast;
	b->n = 0;
	puts0(b, f < nf ? l->first[0][f] : l->first[1][f - nf]);
	putc0(b, ' ');
	if (r > 0) {
		putc0(b, (char)('A' + (r - 1) % 26));
		puts0(b, ". ");
	}
	puts0(b, l->last[(size_t)(q % (long)nlast + (long)f * 7) % nlast]);
	if (r > 26) {
		putc0(b, '-');
		puts0(b, l->last[(size_t)((r - 1) / 26 - 1) % nlast]);
	}
}

/* Minutes east of UTC where person p answers from. */
static int
person_offset(long p)
{
	long k;
	int lang = person_lang(p, &k);
	uint64_t h = mix((uint64_t)p) % 10;

	if (lang == 0)
		return h < 5 ? -300 : h < 7 ? -480 : h < 9 ? 0 : 330;
	if (lang == 1)
		return h < 7 ? 60 : -360;
	return 60;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long
days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* ISO 8601 of UTC second t as seen at offset minutes east. */
static void
iso_time(char *out, size_t n, long long t, int offset)
{
	long long local = t + offset * 60LL;
	long days = (long)(local / 86400), y, m, d;
	long sec = (long)(local % 86400);

	int k;

	civil_from_days(days, &y, &m, &d);
	k = snprintf(out, n, "%04ld-%02ld-%02ldT%02ld:%02ld:%02ld", y, m, d,
	    sec / 3600, sec / 60 % 60, sec % 60);
	if (offset == 0)
		snprintf(out + k, n - (size_t)k, "Z");
	else
		snprintf(out + k, n - (size_t)k, "%c%02d:%02d",
		    offset < 0 ? '-' : '+', abs(offset) / 60,
		    abs(offset) % 60);
}

/* ---- YAML ------------------------------------------------------- */

/* Write s as a YAML scalar: plain where a reader takes it for the same
 * text, else double-quoted. */
static void
scalar(struct buf *b, const char *s, size_t n)
{
	int plain = n > 0 && strchr("-?:,[]{}#&*!|>'\"%@` ", s[0]) == NULL &&
	    s[n - 1] != ':' && s[n - 1] != ' ' && memchr(s, ' ', n) != NULL;
	size_t i;

	for (i = 0; plain && i + 1 < n; i++)
		if ((s[i] == ':' && s[i + 1] == ' ') ||
		    (s[i] == ' ' && s[i + 1] == '#'))
			plain = 0;
	if (plain) {
		putn(b, s, n);
		return;
	}
	putc0(b, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			putc0(b, '\\');
		putc0(b, s[i]);
	}
	putc0(b, '"');
}

/* ---- statistics ------------------------------------------------- */

struct set {
	uint64_t *v;
	size_t n, cap;
};

/* Add hash h (never 0); returns 1 if it was new. */
static int
set_add(struct set *s, uint64_t h)
{
	size_t i;

	h |= 1;
	if (2 * (s->n + 1) > s->cap) {
		struct set t = { NULL, 0, s->cap ? s->cap * 2 : 1 << 16 };

		if ((t.v = calloc(t.cap, sizeof(*t.v))) == NULL) {
			perror("gen");
			exit(71);
		}
		for (i = 0; i < s->cap; i++)
			if (s->v[i])
				set_add(&t, s->v[i]);
		free(s->v);
		*s = t;
	}
	for (i = h & (s->cap - 1); s->v[i]; i = (i + 1) & (s->cap - 1))
		if (s->v[i] == h)
			return 0;
	s->v[i] = h;
	s->n++;
	return 1;
}

static uint64_t
fnv(const unsigned char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ *p++) * 1099511628211ULL;
	return mix(h);
}

#define HIST 4096
struct stats {
	long n, words, bytes, records, slips, tokens, byhist[HIST];
	long whist[HIST];
	long lang[NLANG], theme[NTHEME];
	struct set texts, vocab, people;
	long at_n[8], at_tokens[8], at_vocab[8];
	int nat;
};

/* Count the words of text s: a word is what lies between spaces, folded
 * to lower case without the punctuation around it. */
static void
stats_add(struct stats *st, const char *s, size_t n, int lang, int theme,
    long who)
{
	unsigned char w[256];
	size_t i = 0, j, k, lo, hi;
	int nw = 0;

	st->n++;
	st->bytes += (long)n;
	st->byhist[n < HIST ? n : HIST - 1]++;
	st->lang[lang]++;
	st->theme[theme]++;
	set_add(&st->texts, fnv((const unsigned char *)s, n));
	set_add(&st->people, mix((uint64_t)who + 1));
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		lo = i;
		hi = j;
		while (lo < hi && strchr(".,;:!?\"'()", s[lo]))
			lo++;
		while (hi > lo && strchr(".,;:!?\"'()", s[hi - 1]))
			hi--;
		nw++;
		if (hi > lo && hi - lo < sizeof(w)) {
			for (k = 0; lo + k < hi; k++) {
				unsigned char c = (unsigned char)s[lo + k];

				if (c >= 'A' && c <= 'Z')
					c += 'a' - 'A';
				else if (k > 0 && w[k - 1] == 0xc3 &&
				    c >= 0x80 && c <= 0x9e && c != 0x97)
					c += 0x20;
				w[k] = c;
			}
			set_add(&st->vocab, fnv(w, k));
		}
		i = j;
	}
	st->words += nw;
	st->tokens += nw;
	st->whist[nw < HIST ? nw : HIST - 1]++;
	if ((st->n == 1000 || st->n == 10000 || st->n == 100000 ||
	    st->n == 1000000 || st->n == 10000000) && st->nat < 8) {
		st->at_n[st->nat] = st->n;
		st->at_tokens[st->nat] = st->tokens;
		st->at_vocab[st->nat++] = (long)st->vocab.n;
	}
}

static long
quantile(const long *hist, long n, double q)
{
	long seen = 0, i;

	for (i = 0; i < HIST; i++) {
		seen += hist[i];
		if (seen > 0 && (double)seen >= q * (double)n)
			return i;
	}
	return HIST - 1;
}

static void
stats_print(struct stats *st, long pop, int old)
{
	long lo = 0, hi = HIST - 1;
	int k;

	if (st->n == 0)
		return;
	while (lo < HIST && st->whist[lo] == 0)
		lo++;
	while (hi > 0 && st->whist[hi] == 0)
		hi--;
	printf("responses          %ld\n", st->n);
	printf("words a response   mean %.1f, min %ld, 5%% %ld, median %ld, "
	    "95%% %ld, 99%% %ld, max %ld\n", (double)st->words / st->n, lo,
	    quantile(st->whist, st->n, 0.05), quantile(st->whist, st->n, 0.5),
	    quantile(st->whist, st->n, 0.95), quantile(st->whist, st->n, 0.99),
	    hi);
	for (lo = 0; lo < HIST && st->byhist[lo] == 0; lo++)
		;
	for (hi = HIST - 1; hi > 0 && st->byhist[hi] == 0; hi--)
		;
	printf("bytes a response   mean %.1f, min %ld, median %ld, 95%% %ld, "
	    "max %ld\n", (double)st->bytes / st->n, lo,
	    quantile(st->byhist, st->n, 0.5),
	    quantile(st->byhist, st->n, 0.95), hi);
	printf("bytes a record     mean %.1f (a line of text, or a response "
	    "record of the stream, as asked)\n",
	    (double)st->records / st->n);
	printf("distinct texts     %zu (%.2f%%)\n", st->texts.n,
	    100.0 * (double)st->texts.n / (double)st->n);
	printf("distinct words     %zu (folded to lower case, punctuation "
	    "stripped)\n", st->vocab.n);
	printf("vocabulary growth ");
	for (k = 0; k < st->nat; k++)
		printf(" %ld: %ld;", st->at_n[k], st->at_vocab[k]);
	if (st->nat == 0 || st->at_n[st->nat - 1] != st->n)
		printf(" %ld: %zu", st->n, st->vocab.n);
	printf("\n");
	if (st->nat >= 1 && st->at_n[st->nat - 1] < st->n) {
		k = st->nat - 1;
		printf("Heaps' beta        %.2f (from %ld to %ld responses)\n",
		    ln((double)st->vocab.n / (double)st->at_vocab[k]) /
		    ln((double)st->tokens / (double)st->at_tokens[k]),
		    st->at_n[k], st->n);
	} else if (st->nat >= 2) {
		k = st->nat - 2;
		printf("Heaps' beta        %.2f (from %ld to %ld responses)\n",
		    ln((double)st->at_vocab[k + 1] /
		    (double)st->at_vocab[k]) /
		    ln((double)st->at_tokens[k + 1] /
		    (double)st->at_tokens[k]), st->at_n[k], st->at_n[k + 1]);
	}
	printf("typing slips       %.2f%% of words\n",
	    100.0 * (double)st->slips / (double)st->words);
	printf("languages         ");
	for (k = 0; k < NLANG; k++)
		printf(" %s %.1f%%", langs[k].code,
		    100.0 * (double)st->lang[k] / (double)st->n);
	printf("\nthemes             %d:", old ? 6 : NTHEME);
	for (k = 0; k < (old ? 6 : NTHEME); k++)
		printf(" %.1f%%",
		    100.0 * (double)st->theme[k] / (double)st->n);
	printf("\nparticipants       %ld asked, %zu answered\n", pop,
	    st->people.n);
}

/* ---- the generator before this one (--easy) -------------------- */

static const char *const easy_opening[4][4] = {
	{ "My manager", "My first boss", "Our supervisor", "My team lead" },
	{ "Mi jefa", "Mi jefe", "Mi supervisora", "Mi primer jefe" },
	{ "Meine Chefin", "Mein Chef", "Meine Teamleiterin",
	  "Mein erster Chef" },
	{ "Ma responsable", "Mon chef", "Ma première cheffe", "Mon manager" },
};
static const char *const easy_langs[] = { "en", "es", "de", "fr" };
static const char *const easy_filler[] = {
	"", "", "", " last year", " in my first job", " during the reorg",
	" when I was new", " back then", " every time", " without fail",
};
static const char *const easy_themes[6][14] = {
	{ "en|stayed late with me the night the launch failed",
	  "en|stuck around when things got difficult",
	  "en|was there for us during the layoffs",
	  "en|never disappeared when the pressure was on",
	  "en|showed up at the hospital when my father was ill",
	  "en|stood by the team through the worst outage",
	  "en|was present when the project fell apart",
	  "es|se quedó con nosotros cuando las cosas se pusieron difíciles",
	  "es|nunca nos dejó solos en los momentos duros",
	  "de|blieb bei uns, als es schwierig wurde",
	  "de|war da, als das Projekt scheiterte",
	  "fr|est resté avec nous quand tout allait mal", NULL },
	{ "en|taught me how to read a budget line by line",
	  "en|mentored me for two years",
	  "en|coached me before my first presentation",
	  "en|showed me how to run a meeting",
	  "en|sat with me every Friday to teach me the craft",
	  "en|explained the why behind every decision so I could learn",
	  "en|helped me grow into a lead",
	  "es|me enseñó todo lo que sé del oficio",
	  "es|fue mi mentora y me ayudó a crecer",
	  "de|hat mir alles beigebracht",
	  "de|war meine Mentorin und hat mich gefördert",
	  "fr|m'a appris le métier pas à pas", NULL },
	{ "en|listened to every idea in the room",
	  "en|really heard us out before deciding",
	  "en|made space for the quiet people to speak",
	  "en|asked what I needed and listened without interrupting",
	  "en|paid attention to what we said in one to ones",
	  "en|let everyone finish before giving an opinion",
	  "en|heard my concerns and acted on them",
	  "es|escuchaba a todos antes de decidir",
	  "es|siempre nos escuchó con atención",
	  "de|hat uns zugehört und ausreden lassen",
	  "de|hörte auch den Leisen im Team zu",
	  "fr|écoutait chacun avant de décider", NULL },
	{ "en|told us exactly what success looked like",
	  "en|set clear goals for every quarter",
	  "en|made the expectations plain from day one",
	  "en|never changed the targets without explaining why",
	  "en|wrote down what was expected of each of us",
	  "en|gave us a clear definition of done",
	  "en|explained the priorities so nobody had to guess",
	  "es|nos explicaba con claridad qué esperaba de cada uno",
	  "es|las metas siempre eran claras",
	  "de|hat klare Ziele gesetzt",
	  "de|sagte deutlich, was sie von uns erwartete",
	  "fr|fixait des objectifs clairs pour chacun", NULL },
	{ "en|thanked me in front of the whole team",
	  "en|celebrated small wins with us",
	  "en|recognised the people who did the work",
	  "en|gave credit to the team instead of taking it",
	  "en|wrote me a note of appreciation after the release",
	  "en|praised good work in public",
	  "en|made sure leadership knew who had done the job",
	  "es|reconoció mi trabajo delante de todos",
	  "es|siempre agradecía el esfuerzo del equipo",
	  "de|hat meine Arbeit vor allen gelobt",
	  "de|bedankte sich für jeden Erfolg",
	  "fr|remerciait l'équipe pour chaque réussite", NULL },
	{ "en|trusted me to choose my own hours",
	  "en|gave me the flexibility to work from home "
	  "when my kids were small",
	  "en|never micromanaged and let us do the work our way",
	  "en|trusted the team to make decisions",
	  "en|let me adjust my schedule when I needed it",
	  "en|gave us autonomy over how we worked",
	  "en|believed in me enough to let me lead the project",
	  "es|confiaba en nosotros y nos daba libertad",
	  "es|me dejó organizar mi horario",
	  "de|hat uns vertraut und freie Hand gelassen",
	  "de|gab mir Flexibilität bei der Arbeitszeit",
	  "fr|nous faisait confiance sans tout contrôler", NULL },
};

/* One answer of the generator before this one, drawing the numbers in
 * the order it did, so that the same seed gives the same bytes. */
static void
easy(struct buf *text, struct buf *name, long people, int *theme,
    int *lang)
{
	int t = (int)(next() % 6), l = 0;
	const char *what = easy_themes[t][next() % count(easy_themes[t])];
	const char *open, *fill;

	while (strncmp(easy_langs[l], what, 2) != 0)
		l++;
	open = easy_opening[l][next() % 4];
	fill = l == 0 ? easy_filler[next() % 10] : "";
	text->n = 0;
	puts0(text, open);
	putc0(text, ' ');
	puts0(text, what + 3);
	puts0(text, fill);
	putc0(text, '.');
	name->n = 0;
	number(name, "Person %ld", (long)(next() % (uint32_t)people));
	*theme = t;
	*lang = l;
}

/* ---- main ------------------------------------------------------- */

static void
usage(void)
{
	fprintf(stderr, "usage: gen [--stats] [--easy] [--words mean] "
	    "[--roster file] N SEED text|yaml [labels]\n");
	exit(64);
}

int
main(int argc, char *argv[])
{
	struct answer a = { 0 };
	struct buf text = { 0 }, name = { 0 }, rec = { 0 };
	struct stats *st = NULL;
	const char *roster = NULL;
	char when[80] = "2026-12-02T12:00:00Z";
	long n, i, pop, who = 0, k;
	long long start, window, step;
	int yaml, old = 0, slips = 0, cum, t;
	FILE *labels = NULL;

	for (argv++, argc--; argc > 0 && strncmp(argv[0], "--", 2) == 0;
	    argv++, argc--) {
		if (strcmp(argv[0], "--stats") == 0) {
			if (st == NULL &&
			    (st = calloc(1, sizeof(*st))) == NULL)
				return 71;
		} else if (strcmp(argv[0], "--easy") == 0)
			old = 1;
		else if (strcmp(argv[0], "--words") == 0 && argc > 1) {
			mean_words = atof(argv[1]);
			if (mean_words < 5 || mean_words > 500)
				usage();
			argv++, argc--;
		} else if (strcmp(argv[0], "--roster") == 0 && argc > 1) {
			roster = argv[1];
			argv++, argc--;
		} else
			usage();
	}
	if (argc < 3 || (strcmp(argv[2], "text") != 0 &&
	    strcmp(argv[2], "yaml") != 0))
		usage();
	n = atol(argv[0]);
	state = strtoull(argv[1], NULL, 10) * 0x9e3779b97f4a7c15ULL + 1;
	yaml = strcmp(argv[2], "yaml") == 0;
	if (argc > 3 && (labels = fopen(argv[3], "w")) == NULL) {
		perror(argv[3]);
		return 73;
	}
	pop = old ? (n / 7 > 7 ? n / 7 : 7) : (n / 3 > 7 ? n / 3 : 7);
	if (roster) {
		FILE *fp = fopen(roster, "w");

		if (fp == NULL) {
			perror(roster);
			return 73;
		}
		for (i = 0; i < pop; i++) {
			if (old) {
				name.n = 0;
				number(&name, "Person %ld", i);
			} else
				person_name(&name, i);
			fprintf(fp, "%s\n", name.p);
		}
		if (fclose(fp) != 0)
			return 74;
	}
	if (yaml && st == NULL) {
		printf("---\nkind: session\nid: survey\ntitle: Survey\n");
		if (!old) {
			printf("date: \"2026-11-16T08:00:00Z\"\n"
			    "participants:\n");
			for (i = 0; i < pop; i++) {
				person_name(&name, i);
				printf("- %s\n", name.p);
			}
		}
	}
	/* Answers come in over two weeks from 2026-11-16 08:00 UTC. */
	start = days_from_civil(2026, 11, 16) * 86400LL + 8 * 3600;
	window = 14 * 86400LL;
	step = n > 0 && window / n > 0 ? window / n : 1;
	for (i = 0; i < n; i++) {
		if (old)
			easy(&text, &name, pop, &a.theme, &a.lang);
		else {
			/* A fifth of the answers from a twentieth of the
			 * people. */
			if (chance(20))
				who = (long)below((uint32_t)(pop / 20 > 1 ?
				    pop / 20 : 1));
			else
				who = (long)below((uint32_t)pop);
			a.lang = person_lang(who, &k);
			t = (int)below(100);
			for (a.theme = 0, cum = 0; a.theme < NTHEME - 1;
			    a.theme++)
				if ((cum += theme_weight[a.theme]) > t)
					break;
			a.fem = (int)below(2);
			compose(&a);
			/* Most answers end with a full stop; a few are
			 * typed in a hurry, no capital and no stop. */
			if (chance(4)) {
				if (a.b.p[0] >= 'A' && a.b.p[0] <= 'Z')
					a.b.p[0] += 'a' - 'A';
			} else
				putc0(&a.b, chance(5) ? '!' : '.');
			slips = tidy(&a.b, &text);
			person_name(&name, who);
			iso_time(when, sizeof(when), start + i * step +
			    below((uint32_t)step), person_offset(who));
		}
		rec.n = 0;
		if (yaml) {
			number(&rec, "---\nkind: response\nid: r-%016lx\n", i);
			puts0(&rec, "participant: ");
			puts0(&rec, name.p);
			puts0(&rec, "\nat: \"");
			puts0(&rec, when);
			puts0(&rec, "\"\ntext: ");
			scalar(&rec, text.p, text.n);
		} else {
			puts0(&rec, name.p);
			puts0(&rec, ": ");
			putn(&rec, text.p, text.n);
		}
		putc0(&rec, '\n');
		if (st) {
			st->slips += slips;
			st->records += (long)rec.n;
			stats_add(st, text.p, text.n, a.lang, a.theme,
			    old ? (long)fnv((unsigned char *)name.p, name.n) :
			    who);
		} else
			fwrite(rec.p, 1, rec.n, stdout);
		if (labels)
			fprintf(labels, "%d\n", a.theme);
	}
	if (st)
		stats_print(st, pop, old);
	if (labels && fclose(labels) != 0)
		return 74;
	return fflush(stdout) != 0 || ferror(stdout) ? 74 : 0;
}
