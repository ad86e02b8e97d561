/*
 * lexstems - lib/lexicon_stems.c: the stems of the default lexicon's
 * words, in the order loading the lexicon makes their tokens, so that a
 * run finds them instead of stemming about 1,500 words (a third of the
 * work of theming a meeting).  It loads the lexicon as align-theme does,
 * stemming every word (no stem known), and writes each token's key and
 * stem as C string literals, one text, and where each entry starts:
 *
 *	lexstems >lib/lexicon_stems.c
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../lib/words.h"

/* Linked in place of lib/lexicon_stems.c, which this program writes. */
const char align_lexicon_stem_text[] = "";
const uint32_t align_lexicon_stem_at[] = { 0 };
const size_t align_nlexicon_stems = 0;

/* s as a C string literal; every byte outside printable ASCII as an
 * octal escape (three digits, so that a digit after it is not read as
 * part of it). */
static void
literal(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '?')
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

int
main(void)
{
	struct align_words w;
	struct align_err e;
	size_t i, at;

	if (align_words_init(&w, &e) < 0)
		goto fail;
	w.nknown = 0;
	if (align_words_default_lexicon(&w, &e) < 0)
		goto fail;
	printf("/* Made by data/lexstems.c from lib/lexicon.c (make "
	    "lib/lexicon_stems.c);\n * do not edit.  See "
	    "align_lexicon_stem_text in words.h. */\n#include \"words.h\"\n\n"
	    "/* One text, longer than ISO C asks a compiler to take (GCC and "
	    "Clang do). */\n"
	    "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n\n"
	    "const char align_lexicon_stem_text[] =\n");
	for (i = 0; i < w.tokens.n; i++) {
		printf("\t");
		literal(w.tokens.str[i]);
		printf(" \"\\0\" ");
		literal(align_words_term(&w, w.tok[i].stem));
		printf(" \"\\0\"\n");
	}
	printf("\t\"\";\nconst uint32_t align_lexicon_stem_at[] = {");
	for (i = 0, at = 0; i < w.tokens.n; i++) {
		printf("%s%zu,", i % 10 ? " " : "\n\t", at);
		at += strlen(w.tokens.str[i]) + 1 +
		    strlen(align_words_term(&w, w.tok[i].stem)) + 1;
	}
	printf("\n\t0\n};\nconst size_t align_nlexicon_stems = %zu;\n",
	    w.tokens.n);
	align_words_release(&w);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 74;
fail:
	fprintf(stderr, "lexstems: %s\n", e.msg);
	return e.status ? e.status : 70;
}
