/* From a response's text to its terms: languages, stop words, stems,
 * concepts of the lexicon, lexicons of one's own; the default lexicon's
 * stems, known before a run (lexicon_stems.c), are the stemmers'. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../../lib/words.h"

static struct align_words w;
static struct align_analysis a = ALIGN_ANALYSIS_INIT;

static int
setup(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	if (align_words_init(&w, &e) < 0 ||
	    align_words_default_lexicon(&w, &e) < 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	align_analysis_release(&a);
	align_words_release(&w);
	return 0;
}

/* The terms of text, as one string. */
static const char *
terms(const char *text)
{
	static char out[1024];
	struct align_err e = ALIGN_ERR_INIT;
	size_t i, k = 0;

	assert_int_equal(align_words_analyse(&w, text, &a, &e), 0);
	out[0] = '\0';
	for (i = 0; i < a.nterm && k < sizeof(out) - 64; i++)
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%s",
		    i ? " " : "", align_words_term(&w, a.term[i]));
	return out;
}

static void
test_languages(void **state)
{
	(void)state;
	terms("She listened to all of us before she decided.");
	assert_int_equal(a.lang, ALIGN_EN);
	terms("Mi jefa nos escuchaba a todos y nunca nos dejó solos.");
	assert_int_equal(a.lang, ALIGN_ES);
	terms("Sie hat uns zugehört und war immer für uns da.");
	assert_int_equal(a.lang, ALIGN_DE);
	terms("Elle nous écoutait et restait avec nous quand tout allait mal.");
	assert_int_equal(a.lang, ALIGN_FR);
	terms("Großartig.");
	assert_int_equal(a.lang, ALIGN_DE);
}

/* One function word of another language, even said twice, does not
 * make an English text that language ("man" German, "al" and "los"
 * Spanish, in names and headlines); two different ones do, and so do
 * its letters with one. */
static void
test_one_function_word_is_not_a_language(void **state)
{
	static const struct {
		const char *text;
		int lang;
	} cases[] = {
		{ "man charged joanna yeates murder", ALIGN_EN },
		{ "al jazeera journalist detained cairo al jazeera", ALIGN_EN },
		{ "celebs hollywood actor los angeles", ALIGN_EN },
		{ "mi jefe me escuchaba", ALIGN_ES },
		{ "er hat zugeh\xc3\xb6rt", ALIGN_DE },
		{ "elle \xc3\xa9" "coutait", ALIGN_FR },
	};
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		terms(cases[i].text);
		assert_int_equal(a.lang, cases[i].lang);
		assert_int_equal(align_words_lang(&w, cases[i].text, &e),
		    cases[i].lang);
	}
}

static void
test_stop_words_go_and_stems_meet(void **state)
{
	(void)state;
	/* "the", "of", "us" go; "budgets" and "budget" meet. */
	assert_string_equal(terms("The budgets of us"), "budget");
	assert_string_equal(terms("THE BUDGET"), "budget");
	assert_string_equal(terms("Los presupuestos"), "presupuest");
}

static void
test_other_words_same_concept(void **state)
{
	(void)state;
	assert_non_null(strstr(terms("She listened."), "~listening"));
	assert_non_null(strstr(terms("He heard us out."), "~listening"));
	assert_non_null(strstr(terms("Er hat uns zugehört."), "~listening"));
	assert_non_null(strstr(terms("Nos escuchaba."), "~listening"));
	assert_non_null(strstr(terms("He stuck around when it was hard."),
	    "~presence"));
	assert_non_null(strstr(terms("Se quedó con nosotros."), "~presence"));
	assert_null(strstr(terms("We shipped the release."), "~"));
}

static void
test_user_synonyms(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	assert_int_equal(align_words_lexicon(&w,
	    "# ours\nrituals (team rituals): stand-up, retro, "
	    "Retrospektive\n", "syn.txt", &e), 0);
	assert_non_null(strstr(terms("Our retro was great."), "~rituals"));
	assert_non_null(strstr(terms("Die Retrospektive war gut."),
	    "~rituals"));
	assert_int_equal(align_words_lexicon(&w, "no colon here\n",
	    "bad.txt", &e), -1);
	assert_int_equal(e.line, 1);
	assert_string_equal(e.file, "bad.txt");
	assert_int_equal(align_words_lexicon(&w, "\n  # only this\n"
	    "  : no concept\n", "bad.txt", &e), -1);
	assert_int_equal(e.line, 3);
	assert_int_equal(e.status, 65);
	{
		char text[1200];

		memset(text, 'a', sizeof(text));
		memcpy(text, "long: ", 6);
		text[sizeof(text) - 1] = '\0';
		for (size_t i = 100; i < sizeof(text) - 1; i += 100)
			text[i] = ' ';
		assert_int_equal(align_words_lexicon(&w, text, "long.txt",
		    &e), -1);
		assert_int_equal(e.status, 65);
		assert_non_null(strstr(e.msg, "phrase longer than"));
	}
	/* Spaces around the concept and its label; commas to spare. */
	assert_int_equal(align_words_lexicon(&w, "  rest   ( time off ) :"
	    " day off,, holiday ,\n", "syn.txt", &e), 0);
	assert_non_null(strstr(terms("I took a holiday."), "~rest"));
}

/* Letters of every kind make words; accents hint at the language. */
static void
test_letters_and_accents(void **state)
{
	char longword[300];

	(void)state;
	terms("\xc2\xbf" "Ma\xc3\xb1" "ana? \xc2\xa1" "S\xc3\xad!");
	assert_int_equal(a.lang, ALIGN_ES);
	terms("Acci\xc3\xb3n r\xc3\xa1pida, t\xc3\xba");
	assert_int_equal(a.lang, ALIGN_ES);
	terms("Gar\xc3\xa7on, \xc5\x93uvre, tr\xc3\xa8s, f\xc3\xaate, o\xc3\xb9,"
	    " ma\xc3\xaetre, h\xc3\xb4tel, s\xc3\xbbr, No\xc3\xabl, na\xc3\xaf" "f");
	assert_int_equal(a.lang, ALIGN_FR);
	/* Han, a titlecase digraph, a modifier letter, combining marks: each
	 * stays in its word. */
	assert_string_equal(terms("\xe6\x97\xa5\xe6\x9c\xac"),
	    "\xe6\x97\xa5\xe6\x9c\xac");
	assert_int_equal(a.nterm, 1);
	terms("\xc7\x85" "ebi k\xca\xb0" "at na\xcc\x88ive");
	assert_int_equal(a.nterm, 3);
	/* A word longer than any stem is kept whole, not cut. */
	memset(longword, 'x', sizeof(longword) - 1);
	longword[sizeof(longword) - 1] = '\0';
	terms(longword);
	assert_int_equal(a.nterm, 1);
	assert_true(strlen(align_words_term(&w, a.term[0])) >= 200);
}

/* Capitals of Latin-1 fold as utf8proc folds them, whether the text
 * holds only such letters (folded by a table) or also a character the
 * table leaves to utf8proc (a combining mark): the same words either
 * way. */
static void
test_latin1_folds_as_utf8proc(void **state)
{
	char table[256], mixed[256];

	(void)state;
	/* Straße and STRASSE meet. */
	snprintf(table, sizeof(table), "%s", terms("Stra\xc3\x9f" "e"));
	assert_string_equal(terms("STRASSE"), table);
	snprintf(table, sizeof(table), "%s", terms("\xc3\x89T\xc3\x89 "
	    "\xc3\x80 \xc3\x91" "ANDU \xc3\x9c" "BER \xc3\x98L \xc3\x9e" "ORN"));
	assert_string_equal(table, terms("\xc3\xa9t\xc3\xa9 \xc3\xa0 "
	    "\xc3\xb1" "andu \xc3\xbc" "ber \xc3\xb8l \xc3\xbe" "orn"));
	/* The same with a combining mark in the text: utf8proc folds it
	 * all, and the words it shares come out the same. */
	snprintf(mixed, sizeof(mixed), "%s", terms("\xc3\x89T\xc3\x89 "
	    "\xc3\x80 \xc3\x91" "ANDU \xc3\x9c" "BER \xc3\x98L \xc3\x9e" "ORN"
	    " e\xcc\x81t\xc3\xa9"));
	assert_int_equal(strncmp(mixed, table, strlen(table)), 0);
	/* NFKC's own: a non-breaking space splits words, ª is an a. */
	snprintf(table, sizeof(table), "%s", terms("uno dos"));
	assert_string_equal(terms("uno\xc2\xa0" "dos"), table);
	snprintf(table, sizeof(table), "%s", terms("abc"));
	assert_string_equal(terms("\xc2\xaa" "bc"), table);
}

/* The language alone (align-distill's) is the one the analysis gives,
 * and keeps no words. */
static void
test_language_alone(void **state)
{
	static const char *const texts[] = {
		"She listened to all of us before she decided.",
		"Mi jefa nos escuchaba a todos y nunca nos dej\xc3\xb3 solos.",
		"Sie hat uns zugeh\xc3\xb6rt und war immer f\xc3\xbcr uns da.",
		"Elle nous \xc3\xa9" "coutait et restait avec nous.",
		"Gro\xc3\x9f" "artig.", "\xc2\xbf" "Ma\xc3\xb1" "ana?", "",
		"Zzyzx qwerty", "el la los and the der die",
	};
	struct align_err e = ALIGN_ERR_INIT;
	size_t i, words;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		terms(texts[i]);
		words = w.words.n;
		assert_int_equal(align_words_lang(&w, texts[i], &e), a.lang);
		assert_int_equal(w.words.n, words);
	}
	words = w.words.n;
	assert_int_equal(align_words_lang(&w, "Unseenword anotherunseen", &e),
	    ALIGN_EN);
	assert_int_equal(w.words.n, words);
}

/* x with the default lexicon, its stems known (known set) or not. */
static void
lexicon(struct align_words *x, int known)
{
	struct align_err e;

	assert_int_equal(align_words_init(x, &e), 0);
	if (!known)
		x->nknown = 0;
	assert_int_equal(align_words_default_lexicon(x, &e), 0);
}

/* Every token of the default lexicon finds its stem: lexicon_stems.c
 * is not stale (make lib/lexicon_stems.c when this fails). */
static void
test_every_lexicon_stem_is_known(void **state)
{
	struct align_words x;

	lexicon(&x, 1);
	assert_true(x.nknown > 1000);
	assert_int_equal(x.nfed, x.tokens.n);
	assert_int_equal(x.nfed, x.nknown);
	align_words_release(&x);
}

static void
same_dict(const struct align_dict *d, const struct align_dict *o)
{
	size_t i;

	assert_int_equal(d->n, o->n);
	for (i = 0; i < d->n; i++)
		assert_string_equal(d->str[i], o->str[i]);
}

/* Known or stemmed, the same tokens, terms and phrases, in the same
 * order, and a text gives the same terms. */
static void
test_known_stems_are_the_stemmers(void **state)
{
	const char *text = "Sie hat uns zugehört, and she always listened "
	    "and stayed late when the launch failed.";
	struct align_analysis ka = ALIGN_ANALYSIS_INIT,
	    sa = ALIGN_ANALYSIS_INIT;
	struct align_words k, s;
	struct align_err e;
	size_t i;

	lexicon(&k, 1);
	lexicon(&s, 0);
	assert_int_equal(s.nfed, 0);
	same_dict(&k.tokens, &s.tokens);
	same_dict(&k.vocab, &s.vocab);
	same_dict(&k.phrases, &s.phrases);
	for (i = 0; i < k.tokens.n; i++)
		assert_int_equal(k.tok[i].stem, s.tok[i].stem);
	for (i = 0; i < k.vocab.n; i++) {
		assert_int_equal(k.maxlen[i], s.maxlen[i]);
		assert_int_equal(k.later[i], s.later[i]);
	}
	assert_int_equal(align_words_analyse(&k, text, &ka, &e), 0);
	assert_int_equal(align_words_analyse(&s, text, &sa, &e), 0);
	assert_true(ka.hits > 0);
	assert_int_equal(ka.hits, sa.hits);
	assert_int_equal(ka.nterm, sa.nterm);
	assert_memory_equal(ka.term, sa.term, ka.nterm * sizeof(*ka.term));
	align_analysis_release(&ka);
	align_analysis_release(&sa);
	align_words_release(&k);
	align_words_release(&s);
}

/* A known stem is taken only for the word its entry names: another word
 * at its place is stemmed. */
static void
test_a_note_for_another_word_is_not_taken(void **state)
{
	static const char text[] = "0listened\0zzz\0" "0stayed\0yyy\0";
	static const uint32_t at[] = { 0, 14 };
	struct align_analysis ta = ALIGN_ANALYSIS_INIT;
	struct align_words x;
	struct align_err e;

	assert_int_equal(align_words_init(&x, &e), 0);
	x.known = text;
	x.known_at = at;
	x.nknown = 2;
	/* Token 0 is "listened" (noted), token 1 "quietly" (not). */
	assert_int_equal(align_words_analyse(&x, "Listened quietly", &ta, &e),
	    0);
	assert_int_equal(x.nfed, 1);
	assert_string_equal(align_words_term(&x, x.tok[0].stem), "zzz");
	assert_string_equal(align_words_term(&x, x.tok[1].stem), "quiet");
	align_analysis_release(&ta);
	align_words_release(&x);
}

/* The concepts alone: the full lexicon's concepts, in the same order,
 * with the same labels, and no word of theirs. */
static void
test_the_concepts_alone(void **state)
{
	struct align_words full, only;
	struct align_err e;
	size_t t, k = 0, labels = 0;

	lexicon(&full, 1);
	assert_int_equal(align_words_init(&only, &e), 0);
	assert_int_equal(align_words_default_concepts(&only, &e), 0);
	assert_int_equal(only.tokens.n, 0);
	for (t = 0; t < align_words_nterms(&full); t++) {
		const char *l = align_words_label(&full, (uint32_t)t);

		if (!align_words_is_concept(&full, (uint32_t)t))
			continue;
		assert_true(k < align_words_nterms(&only));
		assert_true(align_words_is_concept(&only, (uint32_t)k));
		assert_string_equal(align_words_term(&full, (uint32_t)t),
		    align_words_term(&only, (uint32_t)k));
		if (l) {
			labels++;
			assert_string_equal(l,
			    align_words_label(&only, (uint32_t)k));
		} else {
			assert_null(align_words_label(&only, (uint32_t)k));
		}
		k++;
	}
	assert_int_equal(k, align_words_nterms(&only));
	assert_true(labels >= 10);
	align_words_release(&full);
	align_words_release(&only);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_language_alone),
		cmocka_unit_test(test_one_function_word_is_not_a_language),
		cmocka_unit_test(test_stop_words_go_and_stems_meet),
		cmocka_unit_test(test_letters_and_accents),
		cmocka_unit_test(test_latin1_folds_as_utf8proc),
		cmocka_unit_test(test_other_words_same_concept),
		cmocka_unit_test(test_user_synonyms),
		cmocka_unit_test(test_every_lexicon_stem_is_known),
		cmocka_unit_test(test_known_stems_are_the_stemmers),
		cmocka_unit_test(test_a_note_for_another_word_is_not_taken),
		cmocka_unit_test(test_the_concepts_alone),
	};

	return cmocka_run_group_tests_name("words", tests, setup, teardown);
}
