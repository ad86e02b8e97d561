/* The themer: themes of a meeting whatever the order, lexicon files, odd
 * themes of the input; and the themes as people see them. */
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

#include "../../lib/reader.h"
#include "../../lib/theme.h"
#include "../../lib/words.h"
#include "../../lib/writer.h"
#include "helpers.h"
#include "theme_helpers.h"

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

/* The view: each theme with what people see of it, and the counts of
 * the whole. */
static void
test_the_view_of_the_themes(void **state)
{
	static const char text[] =
	    "---\nkind: session\nid: s\nparticipants: [Ana, Ben, Carla, Dev,"
	    " Eve]\n"
	    RESPONSE("r1", "Ana", "She listened to every one of us.")
	    RESPONSE("r2", "Ben", "He heard us out before deciding.")
	    RESPONSE("r3", "Carla", "He taught me to read a budget.")
	    "---\nkind: theme\nid: t1\nlabel: ours\nkeywords: [a, [b], c]\n"
	    "responses: [r3]\ntypical: r3\nsource: manual\n";
	struct align_theme_opts o = theme_defaults();
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t;
	struct align_themes v;
	const struct align_themes_entry *x;

	(void)state;
	assert_non_null(t = themer_of(text, &o, &e));
	assert_int_equal(align_themes_make(&v, t, &e), 0);
	assert_int_equal(v.ntheme, 2);
	assert_int_equal(v.responses, 3);
	assert_int_equal(v.participants, 5);	/* the roster */
	assert_int_equal(v.unplaced, 0);
	x = &v.theme[0];
	assert_string_equal(x->id, "t2");	/* new: t1 is the person's */
	assert_string_equal(x->label, "listening to every voice (100%)");
	assert_int_equal(x->count, 2);
	assert_string_equal(x->response[0], "r1");
	assert_string_equal(x->response[1], "r2");
	assert_int_equal(x->support, 2);
	assert_false(x->edited);
	assert_non_null(x->typical);
	assert_non_null(x->who);
	x = &v.theme[1];
	assert_string_equal(x->label, "ours");
	assert_true(x->edited);
	/* Only the keywords that are words. */
	assert_int_equal(x->nkeyword, 2);
	assert_string_equal(x->keyword[1], "c");
	assert_string_equal(x->typical, "He taught me to read a budget.");
	assert_string_equal(x->who, "Carla");
	align_themes_release(&v);
	align_themer_free(t);
}

/* More people answered than the roster names, one unnamed; a response
 * left in no theme is told. */
static void
test_the_counts_of_the_whole(void **state)
{
	static const char text[] =
	    "---\nkind: session\nid: s\nparticipants: [Ana]\n"
	    RESPONSE("r1", "Ana", "She listened to every one of us.")
	    RESPONSE("r2", "Ben", "He heard us out before deciding.")
	    "---\nkind: response\nid: r3\ntext: He taught me a budget.\n";
	struct align_theme_opts o = theme_defaults();
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t;
	char *s;

	(void)state;
	assert_non_null(t = themer_of(text, &o, &e));
	s = themes_shown(t, ALIGN_FMT_TEXT);
	assert_non_null(strstr(s, "1 theme from 3 responses by 3 "
	    "participants\n"));
	assert_non_null(strstr(s, "\n1 response in no theme\n"));
	free(s);
	s = themes_shown(t, ALIGN_FMT_MARKDOWN);
	assert_non_null(strstr(s, "\n1 response in no theme.\n"));
	free(s);
	align_themer_free(t);
}

/* User text reaches a terminal without its control characters, a page
 * without markup, a spreadsheet quoted. */
static void
test_user_text_is_shown_safely(void **state)
{
	static const char text[] =
	    RESPONSE("r1", "Ana", "\"She *listened* \\e[31m to us.\"")
	    RESPONSE("\"=r2\"", "Ben", "He heard us out before deciding.")
	    "---\nkind: theme\nid: t1\nlabel: \"a, \\e[2J_b_\"\n"
	    "responses: [r1, \"=r2\"]\ntypical: r1\nsource: manual\n";
	struct align_theme_opts o = theme_defaults();
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t;
	char *s;

	(void)state;
	assert_non_null(t = themer_of(text, &o, &e));
	s = themes_shown(t, ALIGN_FMT_TEXT);
	assert_null(strchr(s, '\033'));
	assert_non_null(strstr(s, "t1  a, ^[[2J_b_ "));
	assert_non_null(strstr(s, "^[[31m"));
	free(s);
	s = themes_shown(t, ALIGN_FMT_MARKDOWN);
	assert_null(strchr(s, '\033'));
	assert_non_null(strstr(s, "## t1: a, ^[\\[2J\\_b\\_\n"));
	assert_non_null(strstr(s, "> She \\*listened\\*"));
	free(s);
	s = themes_shown(t, ALIGN_FMT_CSV);
	assert_non_null(strstr(s, "r1,t1,\"a, \033[2J_b_\",,"));
	assert_non_null(strstr(s, "\"'=r2\",t1,"));
	free(s);
	s = themes_shown(t, ALIGN_FMT_HTML);
	assert_null(strchr(s, '\033'));
	assert_non_null(strstr(s, "<span lang=\"\" dir=\"auto\">a, ^[[2J_b_"
	    "</span>"));
	assert_non_null(strstr(s, ">She *listened* ^[[31m to us.</p>"));
	free(s);
	align_themer_free(t);
}

/* The page: the session's title, each theme with its support, keywords
 * and responses (the typical one first, marked), each response in the
 * language it was read in; pseudonyms' small support not counted. */
static void
test_the_page(void **state)
{
	static const char text[] =
	    "---\nkind: session\nid: s\ntitle: Team\n"
	    "participants: [Ana, Ben, Carla, Dev]\n"
	    RESPONSE("r1", "Ana", "She listened to every one of us.")
	    RESPONSE("r2", "Ben", "Sie hat uns zugehört, bevor sie entschied.")
	    RESPONSE("r3", "Carla", "\"<Budgets> & \\\"quotas\\\".\"")
	    "---\nkind: theme\nid: t1\nlabel: listening\n"
	    "responses: [r1, r2]\ntypical: r2\nsource: manual\n";
	static const char anon[] =
	    "---\nkind: session\nid: s\nparticipants: [Ana, Ben, Carla]\n"
	    RESPONSE("r1", "p-0123456789", "She listened to every one of us.")
	    RESPONSE("r2", "p-abcdef0123", "He heard us out before deciding.")
	    "---\nkind: theme\nid: t1\nlabel: listening\n"
	    "responses: [r1, r2]\nsource: manual\n";
	struct align_theme_opts o = theme_defaults();
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t;
	char *s;

	(void)state;
	assert_non_null(t = themer_of(text, &o, &e));
	s = themes_shown(t, ALIGN_FMT_HTML);
	assert_non_null(strstr(s, "<title>Team \xe2\x80\x94 Themes</title>"));
	assert_non_null(strstr(s, "<strong>1 theme</strong> from 3 responses "
	    "by 4 participants; 1 response in no theme"));
	assert_non_null(strstr(s, "<span class=\"mark\">edited</span> "
	    "2 responses"));
	assert_non_null(strstr(s, "<strong>2 of 4</strong> participants"));
	/* The typical response first, in German. */
	assert_non_null(strstr(s, "<li class=\"card item typical\" "
	    "id=\"theme1-r1\"><div class=\"card-head\"><span class=\"who\" "
	    "lang=\"\">Ben</span> <span class=\"mark\">typical</span></div>\n"
	    "<p lang=\"de\" dir=\"auto\">Sie hat uns"));
	assert_non_null(strstr(s, "id=\"theme1-r2\"><div class=\"card-head\">"
	    "<span class=\"who\" lang=\"\">Ana</span></div>\n<p lang=\"en\""));
	/* How alike; the response in no theme, escaped, nothing suggested. */
	assert_non_null(strstr(s, "2 responses, "));
	assert_non_null(strstr(s, "% alike</p>"));
	assert_non_null(strstr(s, "<span class=\"handle\">r3</span> "
	    "<span class=\"who\" lang=\"\">Carla</span> <span "
	    "class=\"suggestion\">near no theme</span>"));
	assert_non_null(strstr(s, ">&lt;Budgets&gt; &amp; &quot;quotas&quot;."
	    "</p>"));
	free(s);
	align_themer_free(t);
	assert_non_null(t = themer_of(anon, &o, &e));
	s = themes_shown(t, ALIGN_FMT_HTML);
	assert_non_null(strstr(s, "<strong>fewer than 3 of 3</strong> "
	    "participants"));
	assert_null(strstr(s, "<svg class=\"bar\""));
	free(s);
	align_themer_free(t);
}

static void
test_the_formats(void **state)
{
	(void)state;
	assert_int_equal(align_themes_formats(), ALIGN_FMT_TEXT |
	    ALIGN_FMT_MARKDOWN | ALIGN_FMT_CSV | ALIGN_FMT_HTML);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_themes_of_a_meeting),
		cmocka_unit_test(test_people_edits_win),
		cmocka_unit_test(test_synonym_files),
		cmocka_unit_test(test_odd_themes_of_the_input),
		cmocka_unit_test(test_the_view_of_the_themes),
		cmocka_unit_test(test_the_counts_of_the_whole),
		cmocka_unit_test(test_user_text_is_shown_safely),
		cmocka_unit_test(test_the_page),
		cmocka_unit_test(test_the_formats),
	};

	return cmocka_run_group_tests_name("themes", tests, NULL, NULL);
}
