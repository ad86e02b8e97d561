/*
 * words.h - from a response's text to the terms that group it.
 *
 * Each text is normalised and case-folded (utf8proc), cut into words,
 * given a language (English, Spanish, German or French, by its function
 * words and letters), stripped of that language's stop words and stemmed
 * with its Snowball stemmer (libstemmer).  Words and phrases of the
 * lexicon become concepts, so that other words for the same thing meet.
 *
 *	struct align_words w;
 *	struct align_analysis a = ALIGN_ANALYSIS_INIT;
 *	align_words_init(&w, &e);
 *	align_words_default_lexicon(&w, &e);
 *	align_words_analyse(&w, "She listened.", &a, &e);
 *	... a.term[0 .. a.nterm), a.tok[0 .. a.ntok)
 *	align_analysis_release(&a);
 *	align_words_release(&w);
 */
#ifndef ALIGN_WORDS_H
#define ALIGN_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "hash.h"

#define ALIGN_LANGS 4
enum { ALIGN_EN, ALIGN_ES, ALIGN_DE, ALIGN_FR };

extern const char *const align_lang_names[ALIGN_LANGS]; /* "en", ... */
extern const char *const align_stopwords[ALIGN_LANGS];
extern const char *const align_default_lexicon[]; /* lines, NULL-ended */

/* Words' stems known before the run, so that a run does not stem the
 * default lexicon's words in four languages again: entry i, at
 * align_lexicon_stem_text + align_lexicon_stem_at[i], is a key as the
 * tokens dictionary keeps it (its language's digit, then the word
 * folded), a NUL, then the stem that language's stemmer gives and a NUL;
 * entry i is the token that loading the default lexicon makes i-th
 * (lexicon_stems.c, written by data/lexstems.c; make remakes it when the
 * lexicon or the words change).  Offsets, not pointers: a table the
 * loader need not relocate at every start.  A token whose key is not
 * its entry's is stemmed. */
extern const char align_lexicon_stem_text[];
extern const uint32_t align_lexicon_stem_at[];
extern const size_t align_nlexicon_stems;

/* A distinct word as written (case-folded), in one language. */
struct align_token {
	uint32_t stem;		/* its term: the stem's id in vocab */
	uint32_t count;		/* times seen */
	uint32_t mask;		/* with the data tables: its concepts, bit c */
	uint8_t lang;
	uint8_t stop;		/* a stop word of its language */
	uint8_t grade;		/* with the tables: how much it stands for
				 * them (255: a seed; a near-synonym by its
				 * cosine from the least that counts to 1) */
};

/* A word as written, whatever its language (one entry, one cache line,
 * read for each word of each text). */
struct align_word {
	uint32_t tok[ALIGN_LANGS];	/* its token in each language, once
					 * asked for (UINT32_MAX before) */
	uint8_t stop;			/* its stop-word languages, bit l */
};

struct align_words {
	struct sb_stemmer *stemmer[ALIGN_LANGS];
	struct align_dict stops;	/* word -> id, stopmask[id] */
	uint8_t *stopmask;		/* bit l: a stop word of language l */
	struct align_dict tokens;	/* language byte + word -> token */
	struct align_token *tok;
	size_t tokcap;
	struct align_dict vocab;	/* terms: stems, and concepts */
	uint8_t *concept;		/* by term: 1 for a concept */
	char **label;			/* by term: a concept's label */
	size_t vcap;
	struct align_dict phrases;	/* stems joined by ' ' -> concept */
	uint32_t *phrase_term;
	size_t pcap;
	uint8_t *maxlen;		/* by term: longest phrase it starts */
	uint8_t *later;			/* by term: bit j-1 when it is word j
					 * (1 to 7, from 0) of a phrase */
	struct align_dict words;	/* a word as written -> its entry */
	struct align_word *word;	/* by entry */
	size_t wcap;
	/* With the data tables (tables.h, align_words_tables()): */
	const struct align_tables *tables;
	uint32_t tconcept[32];		/* concept c's term */
	int ntconcept;			/* 0: the tables' concepts unused */
	unsigned min_strength;		/* of a near-synonym, x 255 */
	/* Stems known before the run, by token (align_lexicon_stem_text;
	 * set nknown to 0 to stem every word): */
	const char *known;
	const uint32_t *known_at;
	size_t nknown;
	size_t nfed;			/* tokens whose stem was known */
};

/* What one text gives; the arrays are reused from call to call. */
struct align_analysis {
	int lang;
	size_t hits;		/* words that stand for a concept */
	uint32_t *term;		/* terms for grouping; a concept twice */
	size_t nterm, termcap;
	uint32_t *tok;		/* the text's words as tokens, in order */
	size_t ntok, tokcap;
	char *fold;		/* the text folded */
	size_t foldcap;
};
#define ALIGN_ANALYSIS_INIT { 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0 }

int align_words_init(struct align_words *w, struct align_err *e);
void align_words_release(struct align_words *w);

/* Add the concepts of a lexicon (text in the --synonyms format; name for
 * messages).  0, or -1 and e (65 with line and column). */
int align_words_lexicon(struct align_words *w, const char *text,
    const char *name, struct align_err *e);

/* Add the default lexicon of the method's domain. */
int align_words_default_lexicon(struct align_words *w, struct align_err *e);
/* Add its concepts alone, with their labels, in the order and with the
 * labels align_words_default_lexicon() gives them, but none of their
 * words (what drafting a principle from a label needs, at a fraction of
 * the cost).  0, or -1 and e (71). */
int align_words_default_concepts(struct align_words *w,
    struct align_err *e);

/* The language of text (ALIGN_EN ...), as align_words_analyse() gives
 * it, at a fraction of the cost: no words are kept.  -1 and e (71). */
int align_words_lang(struct align_words *w, const char *text,
    struct align_err *e);

/* Read words through the data tables tb (borrowed; before any lexicon
 * or text): a Spanish, German or French word becomes the term of its
 * English pivot, so that the languages meet; with concepts set, a word
 * that stands for one of the tables' concepts in its own language (its
 * entry exact, or strength at least min_strength) brings that concept's
 * term, the tables' concepts added as a lexicon would.  0, or -1 and e
 * (71). */
struct align_tables;
int align_words_tables(struct align_words *w, const struct align_tables *tb,
    int concepts, unsigned min_strength, struct align_err *e);

/* Analyse text into a.  0, or -1 and e (71). */
int align_words_analyse(struct align_words *w, const char *text,
    struct align_analysis *a, struct align_err *e);
void align_analysis_release(struct align_analysis *a);

/* Done analysing (a read that has ended): the cache of words as written
 * and the dictionaries' tables freed, the terms, tokens and concepts
 * kept (a million responses: some 20 MB).  An analysis after it makes
 * them again and gives what it gave before. */
void align_words_idle(struct align_words *w);

/* A term as people read it: the stem, or the concept's name. */
const char *align_words_term(const struct align_words *w, uint32_t term);
int align_words_is_concept(const struct align_words *w, uint32_t term);
/* The label a lexicon gave a concept ("presence (present when things are
 * difficult): ..."), or NULL. */
const char *align_words_label(const struct align_words *w, uint32_t term);
size_t align_words_nterms(const struct align_words *w);

#endif
