/* The data tables (tables.h): written here as data/build.py writes them,
 * looked up in their own language only, a damaged one left out; the
 * words read through them (words.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../lib/tables.h"
#include "../../lib/words.h"

struct row {
	const char *key, *pivot;
	uint32_t concepts;
	uint8_t strength, flags;
};

static uint32_t
fnv(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
put32(FILE *f, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
		(unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	fwrite(b, 1, 4, f);
}

/* dir/NAME.tab of language lang with rows r[0 .. n), cut to cut bytes
 * when cut is not 0. */
static void
write_table(const char *dir, const char *name, uint32_t lang,
    const struct row *r, uint32_t n, long cut)
{
	static const char names[] = "listening (listening to every voice)\n"
	    "trust (trust and flexibility)\n";
	char blob[4096], path[512];
	uint32_t off[16], poff[16], bucket[16] = { 0 }, nb = 16, len = 0, i;
	FILE *f;

	memcpy(blob, names, sizeof(names));	/* with its NUL */
	len = sizeof(names);
	for (i = 0; i < n; i++) {
		off[i] = len;
		len += (uint32_t)snprintf(blob + len, sizeof(blob) - len, "%s",
		    r[i].key) + 1;
		poff[i] = 0xffffffffu;
		if (r[i].pivot) {
			poff[i] = len;
			len += (uint32_t)snprintf(blob + len, sizeof(blob) -
			    len, "%s", r[i].pivot) + 1;
		}
		{
			uint32_t h = fnv(r[i].key) & (nb - 1);

			while (bucket[h])
				h = (h + 1) & (nb - 1);
			bucket[h] = i + 1;
		}
	}
	snprintf(path, sizeof(path), "%s/%s.tab", dir, name);
	assert_non_null(f = fopen(path, "wb"));
	fwrite("ALIGNTB1", 1, 8, f);
	put32(f, lang);
	put32(f, 2);
	put32(f, n);
	put32(f, nb);
	put32(f, len);
	put32(f, 0);
	for (i = 0; i < nb; i++)
		put32(f, bucket[i]);
	for (i = 0; i < n; i++) {
		put32(f, off[i]);
		put32(f, poff[i]);
		put32(f, r[i].concepts);
		fputc((int)strlen(r[i].key), f);
		fputc(0, f);
		fputc(r[i].strength, f);
		fputc(r[i].flags, f);
	}
	fwrite(blob, 1, len, f);
	fclose(f);
	if (cut)
		assert_int_equal(truncate(path, cut), 0);
}

static const struct row en[] = {
	{ "listened", NULL, 1, 255, ALIGN_TABLE_EXACT },
	{ "hovered", NULL, 2, 210, 0 },		/* near enough */
	{ "waited", NULL, 2, 190, 0 },		/* not */
};
static const struct row es[] = {
	{ "escuch", "listen", 1, 255, ALIGN_TABLE_EXACT },
	{ "list", "ready", 0, 0, 0 },		/* "listo": no concept */
};

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/align-tables-%ld", (long)getpid());
	mkdir(dir, 0700);
	write_table(dir, "en", ALIGN_EN, en, 3, 0);
	write_table(dir, "es", ALIGN_ES, es, 2, 0);
	write_table(dir, "de", ALIGN_DE, es, 2, 40);	/* damaged */
	return 0;
}

static int
teardown(void **state)
{
	char p[128];
	int l;

	(void)state;
	for (l = 0; l < ALIGN_LANGS; l++) {
		snprintf(p, sizeof(p), "%s/%s.tab", dir, align_lang_names[l]);
		unlink(p);
	}
	rmdir(dir);
	return 0;
}

/* A key is found in its own language's table, never in another's; a
 * damaged table and one not there are left out. */
static void
test_keys_in_their_own_language(void **state)
{
	struct align_tables tb;
	struct align_entry x;
	struct align_err e;

	(void)state;
	assert_int_equal(align_tables_open(&tb, dir, &e), 0);
	assert_int_equal(tb.found, 1 << ALIGN_EN | 1 << ALIGN_ES);
	assert_non_null(tb.names);
	assert_non_null(strstr(tb.names, "trust (trust and flexibility)"));
	assert_int_equal(align_tables_find(&tb, ALIGN_ES, "escuch", 6, &x), 1);
	assert_int_equal(x.concepts, 1);
	assert_int_equal(x.npivot, 6);
	assert_memory_equal(x.pivot, "listen", 6);
	assert_int_equal(align_tables_find(&tb, ALIGN_EN, "escuch", 6, &x), 0);
	assert_int_equal(align_tables_find(&tb, ALIGN_ES, "listened", 8, &x),
	    0);
	assert_int_equal(align_tables_find(&tb, ALIGN_EN, "listene", 7, &x), 0);
	assert_int_equal(align_tables_find(&tb, ALIGN_DE, "escuch", 6, &x), 0);
	assert_int_equal(align_tables_find(&tb, ALIGN_FR, "escuch", 6, &x), 0);
	align_tables_close(&tb);
	assert_int_equal(align_tables_open(&tb, NULL, &e), 0);
	assert_int_equal(tb.found, 0);
	align_tables_close(&tb);
}

/* How many of the tables' concept terms text a gives. */
static size_t
concepts(const struct align_words *w, const struct align_analysis *a)
{
	size_t i, n = 0;

	for (i = 0; i < a->nterm; i++)
		n += align_words_is_concept(w, a->term[i]);
	return n;
}

/* Through the tables, a Spanish word meets its English pivot and brings
 * its concept; English words are never read as Spanish stems; a
 * near-synonym counts from the least strength on. */
static void
test_words_through_the_tables(void **state)
{
	struct align_tables tb;
	struct align_words w;
	struct align_analysis a = ALIGN_ANALYSIS_INIT;
	struct align_err e;
	uint32_t listen;

	(void)state;
	assert_int_equal(align_tables_open(&tb, dir, &e), 0);
	assert_int_equal(align_words_init(&w, &e), 0);
	assert_int_equal(align_words_tables(&w, &tb, 1, ALIGN_NEAR_SYNONYM,
	    &e), 0);
	assert_int_equal(w.ntconcept, 2);
	assert_int_equal(align_words_analyse(&w, "She listened to me", &a, &e),
	    0);
	assert_int_equal(a.hits, 1);
	assert_int_equal(concepts(&w, &a), 1);
	assert_string_equal(align_words_label(&w, w.tconcept[0]),
	    "listening to every voice");
	assert_int_equal(align_words_analyse(&w, "Nadie nos escuchó nunca en la "
	    "empresa", &a, &e), 0);
	assert_int_equal(a.lang, ALIGN_ES);
	assert_int_equal(a.hits, 1);
	listen = a.term[1];	/* nadie, escuchó (nos: a stop word) */
	assert_string_equal(align_words_term(&w, listen), "listen");
	/* "list" is a Spanish stem, not the English word */
	assert_int_equal(align_words_analyse(&w, "The list is long", &a, &e),
	    0);
	assert_int_equal(a.hits, 0);
	assert_int_equal(align_words_analyse(&w, "He hovered and waited", &a,
	    &e), 0);
	assert_int_equal(a.hits, 1);
	align_analysis_release(&a);
	align_words_release(&w);
	align_tables_close(&tb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_in_their_own_language),
		cmocka_unit_test(test_words_through_the_tables),
	};

	return cmocka_run_group_tests_name("tables", tests, setup, teardown);
}
