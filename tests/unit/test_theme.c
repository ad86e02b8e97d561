/* Text analysis, grouping, scores, and themes with people's edits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/cluster.h"
#include "../../lib/reader.h"
#include "../../lib/theme.h"
#include "../../lib/words.h"
#include "../../lib/writer.h"
#include "helpers.h"

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

static void
test_scores(void **state)
{
	uint32_t gold[] = { 0, 0, 0, 1, 1, 1 };
	uint32_t same[] = { 5, 5, 5, 2, 2, 2 };
	uint32_t one[] = { 0, 0, 0, 0, 0, 0 };
	uint32_t half[] = { 0, 0, 1, 1, 2, 2 };

	(void)state;
	assert_true(align_nmi(same, gold, 6) > 0.999);
	assert_true(align_ari(same, gold, 6) > 0.999);
	assert_true(align_nmi(one, gold, 6) < 0.001);
	assert_true(fabs(align_ari(one, gold, 6)) < 0.001);
	/* sklearn gives 0.242424... for this pair. */
	assert_true(fabs(align_ari(half, gold, 6) - 0.2424) < 0.001);
}

/* Three obvious groups of documents over terms 0-8. */
static void
test_grouping_finds_groups(void **state)
{
	uint32_t terms_[] = {
		0, 1, 2,  0, 1,  1, 2,  0, 2, 1,
		3, 4, 5,  3, 4,  4, 5,  3, 5, 4,
		6, 7, 8,  6, 7,  7, 8,  6, 8, 7,
	};
	size_t off[] = { 0, 3, 5, 7, 10, 13, 15, 17, 20, 23, 25, 27, 30 };
	uint32_t gold[] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2 }, z[12];
	struct align_gsdmm_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	assert_int_equal(align_linkage(terms_, off, 12, 9, 0.15, z, &e), 3);
	assert_true(align_ari(z, gold, 12) > 0.999);
	o.seed = 7;
	assert_int_equal(align_gsdmm(terms_, off, 12, 9, &o, z, &e), 3);
	assert_true(align_ari(z, gold, 12) > 0.999);
}

static struct align_node *
response(const char *id, const char *who, const char *text)
{
	struct align_node *r = align_record_new("response");

	align_map_put_str(r, "id", id);
	if (who)
		align_map_put_str(r, "participant", who);
	align_map_put_str(r, "text", text);
	return r;
}

static const char *const meeting[][3] = {
	{ "r-01", "Ana", "She stayed late with me the night the launch failed." },
	{ "r-02", "Ben", "He stuck around when things got difficult." },
	{ "r-03", "Carla", "Se quedó con nosotros cuando todo era difícil." },
	{ "r-04", "Dev", "She taught me how to read a budget." },
	{ "r-05", "Elif", "Sie war meine Mentorin und hat mir viel beigebracht." },
	{ "r-06", "Femi", "He mentored me for two years." },
	{ "r-07", "Greta", "My boss listened to every idea in the room." },
	{ "r-08", "Ana", "He really heard us out." },
	{ "r-09", "Ben", "Sie hat uns zugehört." },
};

static struct align_themer *
run(const struct align_theme_opts *o, struct align_node **extra, size_t nx,
    int reverse)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t = align_themer_new(o, &e);
	size_t i, n = sizeof(meeting) / sizeof(meeting[0]);

	assert_non_null(t);
	for (i = 0; i < n; i++) {
		size_t k = reverse ? n - 1 - i : i;
		struct align_node *r = response(meeting[k][0], meeting[k][1],
		    meeting[k][2]);

		assert_int_equal(align_themer_add(t, r, &e), 0);
		align_node_free(r);
	}
	for (i = 0; i < nx; i++)
		assert_int_equal(align_themer_add(t, extra[i], &e), 0);
	if (align_themer_run(t, &e) < 0)
		fail_msg("%s", e.msg);
	return t;
}

static struct align_theme_opts
defaults(void)
{
	struct align_theme_opts o = { 0 };

	o.min_support = 2;
	o.seed = 1;
	o.method = "auto";
	o.threshold = 0.15;
	return o;
}

static char *
all_records(struct align_themer *t)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < align_themer_count(t); i++) {
		struct align_node *rec = align_themer_record(t, i, &e);

		align_emit_record(&b, rec);
		align_node_free(rec);
	}
	return align_buf_detach(&b);
}

static void
test_themes_of_a_meeting(void **state)
{
	struct align_theme_opts o = defaults();
	struct align_themer *t = run(&o, NULL, 0, 0), *u;
	char *x, *y;

	(void)state;
	assert_int_equal(align_themer_count(t), 3);
	x = all_records(t);
	assert_non_null(strstr(x, "label: present when things are difficult"));
	assert_non_null(strstr(x, "label: teaching and mentoring"));
	assert_non_null(strstr(x, "label: listening to every voice"));
	assert_non_null(strstr(x, "support: 3"));
	assert_non_null(strstr(x, "source: auto"));
	/* The same themes whatever the order of the input. */
	u = run(&o, NULL, 0, 1);
	y = all_records(u);
	assert_string_equal(x, y);
	free(x);
	free(y);
	align_themer_free(t);
	align_themer_free(u);
}

static void
test_people_edits_win(void **state)
{
	struct align_theme_opts o = defaults();
	struct align_node *manual = align_record_new("theme"), *list;
	const char *rename[] = { "t9=We stay" };
	struct align_node *ex[1];
	struct align_themer *t;
	char *x;

	(void)state;
	/* A theme a person made: r-07 and r-01 together, whatever the
	 * words say. */
	align_map_put_str(manual, "id", "t9");
	align_map_put_str(manual, "label", "our own");
	list = align_seq();
	align_seq_push_str(list, "r-07");
	align_seq_push_str(list, "r-01");
	align_seq_push_str(list, "r-gone");
	align_map_put(manual, "responses", list);
	align_map_put_str(manual, "source", "manual");
	ex[0] = manual;
	o.rename = rename;
	o.nrename = 1;
	t = run(&o, ex, 1, 0);
	x = all_records(t);
	assert_non_null(strstr(x, "label: We stay\n"));
	assert_non_null(strstr(x, "responses: [r-01, r-07]\nsupport: 2\n"));
	assert_null(strstr(x, "r-gone"));
	/* r-01 and r-07 are in no other theme. */
	assert_ptr_equal(strstr(x, "r-01"), strrchr(x, '\0') - strlen(
	    strstr(x, "r-01")));
	free(x);
	align_themer_free(t);
	align_node_free(manual);
}

static void
test_bad_edits(void **state)
{
	struct align_theme_opts o = defaults();
	const char *rename[] = { "t4=Nope" };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t = align_themer_new(&o, &e);

	(void)state;
	o.rename = rename;
	o.nrename = 1;
	align_themer_free(t);
	t = align_themer_new(&o, &e);
	assert_int_equal(align_themer_run(t, &e), -1);
	assert_int_equal(e.status, 64);
	assert_non_null(strstr(e.msg, "no theme 't4'"));
	align_themer_free(t);
}

/* Every edit that cannot be made is refused with what was expected, and
 * the ones that can are made on the themes of the input. */
static void
test_edits_on_a_session(void **state)
{
	static const struct { const char *rename, *merge, *move, *msg; } bad[] = {
		{ "t1", NULL, NULL, "expected THEME=LABEL" },
		{ "=x", NULL, NULL, "expected THEME=LABEL" },
		{ "t1=", NULL, NULL, "expected THEME=LABEL" },
		{ NULL, "t1", NULL, "expected THEME,THEME" },
		{ NULL, "t1,t99", NULL, "no theme 't99'" },
		{ NULL, NULL, "r-7ce8aba47d7c9735", "expected RESPONSE=THEME" },
		{ NULL, NULL, "=t1", "expected RESPONSE=THEME" },
		{ NULL, NULL, "r-0000000000000000=t1", "no response" },
		{ NULL, NULL, "r-7ce8aba47d7c9735=t99", "no theme 't99'" },
	};
	char *paths[] = { "examples/leadership/session.align.yaml" };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all = align_read_all(paths, 1, NULL, &e);
	struct align_theme_opts o = defaults();
	struct align_themer *t;
	const char *merge[] = { "t1,t1,t2" }, *move[] = {
	    "r-7ce8aba47d7c9735=t3" };
	size_t i, j;
	char *x;

	(void)state;
	assert_non_null(all);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		o = defaults();
		o.rename = &bad[i].rename;
		o.nrename = bad[i].rename != NULL;
		o.merge = &bad[i].merge;
		o.nmerge = bad[i].merge != NULL;
		o.move = &bad[i].move;
		o.nmove = bad[i].move != NULL;
		t = align_themer_new(&o, &e);
		for (j = 0; j < all->n; j++)
			assert_int_equal(align_themer_add(t, all->item[j], &e),
			    0);
		e.status = 0;
		if (align_themer_run(t, &e) != -1)
			fail_msg("edit %zu was made", i);
		assert_int_equal(e.status, 64);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("'%s' lacks '%s'", e.msg, bad[i].msg);
		align_themer_free(t);
	}
	/* A theme merged with itself is no change; a response moved goes
	 * to the theme named, and out of the one it was in. */
	o = defaults();
	o.merge = merge;
	o.nmerge = 1;
	o.move = move;
	o.nmove = 1;
	t = align_themer_new(&o, &e);
	for (j = 0; j < all->n; j++)
		assert_int_equal(align_themer_add(t, all->item[j], &e), 0);
	assert_int_equal(align_themer_run(t, &e), 0);
	assert_int_equal(align_themer_count(t), 5);
	x = all_records(t);
	assert_non_null(strstr(x, "source: manual"));
	assert_int_equal(strstr(x, "r-7ce8aba47d7c9735") != NULL, 1);
	free(x);
	align_themer_free(t);
	align_node_free(all);
}

/* Lexicon files that cannot be read; no lexicon at all. */
static void
test_synonym_files(void **state)
{
	struct align_theme_opts o = defaults();
	struct align_err e = ALIGN_ERR_INIT;
	const char *missing[] = { "/nonexistent/synonyms.txt" };
	const char *nul[] = { "/tmp/align-test-synonyms" };
	struct align_themer *t;
	FILE *fp;

	(void)state;
	o.synonyms = missing;
	o.nsynonyms = 1;
	assert_null(align_themer_new(&o, &e));
	assert_int_equal(e.status, 66);
	fp = fopen(nul[0], "w");
	fwrite("care: kind\0ness\n", 1, 16, fp);
	fclose(fp);
	o.synonyms = nul;
	assert_null(align_themer_new(&o, &e));
	assert_int_equal(e.status, 65);
	unlink(nul[0]);
	o = defaults();
	o.no_lexicon = 1;
	t = run(&o, NULL, 0, 0);
	/* Without it, other words for the same thing stay apart. */
	assert_true(align_themer_count(t) < 3);
	align_themer_free(t);
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

/* Themes of the input that are odd: responses that are not ids, ids that
 * are gone or already placed, no list, a list that is a word, no id. */
static void
test_odd_themes_of_the_input(void **state)
{
	static const char text[] = "---\nkind: session\nid: s\n"
	    "participants: [Ana, Ben, Carla]\n"
	    "---\nkind: response\nid: r-1\nparticipant: Ana\n"
	    "text: She stayed late with us.\n"
	    "---\nkind: response\nid: r-2\nparticipant: Ben\n"
	    "text: He taught me the budget.\n"
	    "---\nkind: response\nid: r-3\nparticipant: Carla\n"
	    "text: She listened to everyone.\n"
	    "---\nkind: response\nid: r-4\nparticipant: Ana\n"
	    "text: He stayed when it was hard.\n"
	    "---\nkind: theme\nid: t1\nlabel: ours\nsource: manual\n"
	    "responses: [r-1, [x], {a: b}, r-9]\n"
	    "---\nkind: theme\nid: t2\nlabel: also\nsource: manual\n"
	    "responses: [r-1, r-2]\n"
	    "---\nkind: theme\nid: t3\nlabel: none yet\nsource: manual\n"
	    "---\nkind: theme\nid: t4\nlabel: odd\nresponses: r-3\n"
	    "---\nkind: theme\nlabel: no id\nresponses: [r-4]\n";
	static const char *const move[] = { "r-4=t3" };
	static const char *const merge[] = { "t4,t2" };
	char path[32];
	char *paths[1];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	struct align_theme_opts o = defaults();
	struct align_themer *t;
	size_t i;
	char *x;

	(void)state;
	tmpfile_with(path, text, sizeof(text) - 1);
	paths[0] = path;
	all = align_read_all(paths, 1, NULL, &e);
	unlink(path);
	assert_non_null(all);
	o.move = move;
	o.nmove = 1;
	o.merge = merge;
	o.nmerge = 1;
	o.keep_text = 1;
	t = align_themer_new(&o, &e);
	for (i = 0; i < all->n; i++)
		assert_int_equal(align_themer_add(t, all->item[i], &e), 0);
	if (align_themer_run(t, &e) < 0)
		fail_msg("%s", e.msg);
	x = all_records(t);
	/* r-1 is "ours" alone; r-2 came with t2 into t4 ("odd"), whose
	 * responses, one id, are a list of it; r-4 went to t3.  (Ids are
	 * given again by rank.) */
	assert_non_null(strstr(x, "label: ours\nresponses: [r-1]\n"));
	assert_non_null(strstr(x, "label: none yet\nresponses: [r-4]\n"));
	assert_non_null(strstr(x, "label: odd\nresponses: [r-2, r-3]\n"));
	assert_null(strstr(x, "r-9"));
	assert_null(strstr(x, "label: also"));
	free(x);
	align_themer_free(t);
	align_node_free(all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_stop_words_go_and_stems_meet),
		cmocka_unit_test(test_letters_and_accents),
		cmocka_unit_test(test_other_words_same_concept),
		cmocka_unit_test(test_user_synonyms),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_grouping_finds_groups),
		cmocka_unit_test(test_themes_of_a_meeting),
		cmocka_unit_test(test_people_edits_win),
		cmocka_unit_test(test_bad_edits),
		cmocka_unit_test(test_edits_on_a_session),
		cmocka_unit_test(test_synonym_files),
		cmocka_unit_test(test_odd_themes_of_the_input),
	};

	return cmocka_run_group_tests_name("theme", tests, setup, teardown);
}
