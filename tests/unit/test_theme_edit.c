/* People's edits win: rename, merge and move on the themes of the input,
 * their themes kept with the responses they placed, labels they edited
 * kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/reader.h"
#include "../../lib/theme.h"
#include "../../lib/writer.h"
#include "helpers.h"
#include "theme_helpers.h"

/* Four responses, and two themes of an earlier run. */
static const char session[] =
    "---\nkind: session\nid: s\nparticipants: [Ana, Ben, Carla, Dev]\n"
    RESPONSE("r-1", "Ana", "She stayed late with us when the launch failed.")
    RESPONSE("r-2", "Ben", "He stuck around when things got difficult.")
    RESPONSE("r-3", "Carla", "She taught me how to read a budget.")
    RESPONSE("r-4", "Dev", "He mentored me for two years.")
    "---\nkind: theme\nid: t1\nlabel: present when things are difficult\n"
    "responses: [r-1, r-2]\nsource: auto\n"
    "---\nkind: theme\nid: t2\nlabel: teaching and mentoring\n"
    "responses: [r-3, r-4]\nsource: auto\n";

/* The edit fails with status 64 and a message holding msg. */
static void
refused(struct align_theme_opts *o, const char *text, const char *msg)
{
	struct align_err e = ALIGN_ERR_INIT;

	assert_null(themer_of(text, o, &e));
	assert_int_equal(e.status, 64);
	if (strstr(e.msg, msg) == NULL)
		fail_msg("'%s' lacks '%s'", e.msg, msg);
}

static void
test_rename_makes_a_theme_manual(void **state)
{
	struct align_theme_opts o = theme_defaults();
	const char *rename[] = { "t2=We teach" };
	char *x;

	(void)state;
	o.rename = rename;
	o.nrename = 1;
	x = themes_of(session, &o);
	assert_non_null(strstr(x, "label: We teach\nresponses: [r-3, r-4]\n"
	    "support: 2\n"));
	assert_non_null(strstr(x, "source: manual"));
	free(x);
}

static void
test_merge_into_the_first(void **state)
{
	struct align_theme_opts o = theme_defaults();
	const char *merge[] = { "t2,t1" };
	char *x;

	(void)state;
	o.merge = merge;
	o.nmerge = 1;
	x = themes_of(session, &o);
	assert_non_null(strstr(x, "label: teaching and mentoring\n"
	    "responses: [r-1, r-2, r-3, r-4]\nsupport: 4\n"));
	assert_null(strstr(x, "present when"));
	free(x);
}

static void
test_move_takes_a_response_out_of_its_theme(void **state)
{
	struct align_theme_opts o = theme_defaults();
	const char *move[] = { "r-2=t2" };
	char *x;

	(void)state;
	o.move = move;
	o.nmove = 1;
	o.min_support = 1;
	x = themes_of(session, &o);
	/* Both themes were edited: both are people's now. */
	assert_non_null(strstr(x, "label: teaching and mentoring\n"
	    "responses: [r-2, r-3, r-4]\n"));
	assert_non_null(strstr(x, "label: present when things are difficult\n"
	    "responses: [r-1]\n"));
	assert_null(strstr(x, "source: auto"));
	free(x);
}

/* An id of any length, in --move and --rename. */
static void
test_long_ids(void **state)
{
	struct align_theme_opts o = theme_defaults();
	char rid[301], tid[201], *text, *mv, *rn, *x;
	const char *move[1], *rename[1];
	size_t n;

	(void)state;
	memset(rid, 'r', sizeof(rid) - 1);
	rid[sizeof(rid) - 1] = '\0';
	memset(tid, 't', sizeof(tid) - 1);
	tid[sizeof(tid) - 1] = '\0';
	n = strlen(session) + 2 * sizeof(rid) + sizeof(tid) + 200;
	text = malloc(n);
	snprintf(text, n, "%s" RESPONSE("%s", "Ana", "He listened to us.")
	    "---\nkind: theme\nid: %s\nlabel: long\nresponses: [r-1]\n"
	    "source: manual\n", session, rid, tid);
	mv = malloc(strlen(rid) + strlen(tid) + 2);
	sprintf(mv, "%s=%s", rid, tid);
	rn = malloc(strlen(tid) + 16);
	sprintf(rn, "%s=Long indeed", tid);
	move[0] = mv;
	rename[0] = rn;
	o.move = move;
	o.nmove = 1;
	o.rename = rename;
	o.nrename = 1;
	x = themes_of(text, &o);
	assert_non_null(strstr(x, "label: Long indeed\n"));
	assert_non_null(strstr(x, rid));
	assert_ptr_equal(strstr(x, rid), strstr(strstr(x, "Long indeed"),
	    rid));
	free(x);
	free(mv);
	free(rn);
	free(text);
}

static void
test_bad_edits_are_refused(void **state)
{
	static const struct { const char *rename, *merge, *move, *msg; } bad[] = {
		{ "t1", NULL, NULL, "expected THEME=LABEL" },
		{ "=x", NULL, NULL, "expected THEME=LABEL" },
		{ "t1=", NULL, NULL, "expected THEME=LABEL" },
		{ "t9=x", NULL, NULL, "no theme 't9'" },
		{ NULL, "t1", NULL, "expected THEME,THEME" },
		{ NULL, "t1,t9", NULL, "no theme 't9'" },
		{ NULL, NULL, "r-1", "expected RESPONSE=THEME" },
		{ NULL, NULL, "=t1", "expected RESPONSE=THEME" },
		{ NULL, NULL, "r-9=t1", "no response 'r-9'" },
		{ NULL, NULL, "r-1=t9", "no theme 't9'" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct align_theme_opts o = theme_defaults();

		o.rename = &bad[i].rename;
		o.nrename = bad[i].rename != NULL;
		o.merge = &bad[i].merge;
		o.nmerge = bad[i].merge != NULL;
		o.move = &bad[i].move;
		o.nmove = bad[i].move != NULL;
		refused(&o, session, bad[i].msg);
	}
}

/* A theme merged away is no longer there to edit. */
static void
test_a_merged_theme_is_gone(void **state)
{
	struct align_theme_opts o = theme_defaults();
	const char *merge[] = { "t1,t2" }, *move[] = { "r-1=t2" };

	(void)state;
	o.merge = merge;
	o.nmerge = 1;
	o.move = move;
	o.nmove = 1;
	refused(&o, session, "no theme 't2'");
}

/* A person's theme keeps its responses, even ones the words would put
 * elsewhere; a response in two of them goes to the first; one gone from
 * the input is dropped, and a theme left empty goes away.  The others
 * are grouped. */
static void
test_manual_themes_are_kept(void **state)
{
	static const char text[] =
	    RESPONSE("r-1", "Ana", "She stayed late with us when it failed.")
	    RESPONSE("r-2", "Ben", "He stuck around when things got hard.")
	    RESPONSE("r-3", "Carla", "She taught me how to read a budget.")
	    RESPONSE("r-4", "Dev", "He mentored me and taught me a lot.")
	    "---\nkind: theme\nid: t7\nlabel: ours\nkeywords: [mine]\n"
	    "responses: [r-3, r-1, r-gone]\nsource: manual\n"
	    "---\nkind: theme\nid: t8\nlabel: also ours\n"
	    "responses: [r-1]\nsource: manual\n"
	    "---\nkind: theme\nid: t9\nlabel: before\n"
	    "responses: [r-2, r-4]\nsource: auto\n";
	struct align_theme_opts o = theme_defaults();
	char *x;

	(void)state;
	o.min_support = 1;
	x = themes_of(text, &o);
	assert_non_null(strstr(x, "label: ours\nkeywords: [mine]\n"
	    "responses: [r-1, r-3]\nsupport: 2\n"));
	assert_null(strstr(x, "also ours"));	/* emptied: gone */
	assert_null(strstr(x, "r-gone"));
	assert_non_null(strstr(x, "responses: [r-2]\nsupport: 1\n"
	    "typical: r-2\nsource: auto\n"));
	assert_non_null(strstr(x, "responses: [r-4]\nsupport: 1\n"
	    "typical: r-4\nsource: auto\n"));
	free(x);
}

/* A label a person edited on an automatic theme stays while the theme
 * comes out with the same responses; with others, the new label. */
static void
test_an_edited_label_is_kept(void **state)
{
	static const char text[] =
	    RESPONSE("r-1", "Ana", "She taught me how to read a budget.")
	    RESPONSE("r-2", "Ben", "He taught me how to plan a budget.")
	    "---\nkind: theme\nid: t1\nlabel: We teach\n"
	    "responses: [r-2, r-1]\nsource: auto\n";
	static const char other[] =
	    RESPONSE("r-1", "Ana", "She taught me how to read a budget.")
	    RESPONSE("r-2", "Ben", "He taught me how to plan a budget.")
	    "---\nkind: theme\nid: t1\nlabel: We teach\n"
	    "responses: [r-1, r-9]\nsource: auto\n";
	struct align_theme_opts o = theme_defaults();
	char *x;

	(void)state;
	x = themes_of(text, &o);
	assert_non_null(strstr(x, "label: We teach\n"));
	assert_non_null(strstr(x, "source: manual\n"));
	free(x);
	x = themes_of(other, &o);
	assert_null(strstr(x, "We teach"));
	assert_non_null(strstr(x, "source: auto\n"));
	free(x);
}

static void
test_bad_edits(void **state)
{
	struct align_theme_opts o = theme_defaults();
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
	struct align_theme_opts o = theme_defaults();
	struct align_themer *t;
	const char *merge[] = { "t1,t1,t2" }, *move[] = {
	    "r-7ce8aba47d7c9735=t3" };
	size_t i, j;
	char *x;

	(void)state;
	assert_non_null(all);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		o = theme_defaults();
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
	o = theme_defaults();
	o.merge = merge;
	o.nmerge = 1;
	o.move = move;
	o.nmove = 1;
	t = align_themer_new(&o, &e);
	for (j = 0; j < all->n; j++)
		assert_int_equal(align_themer_add(t, all->item[j], &e), 0);
	assert_int_equal(align_themer_run(t, &e), 0);
	assert_int_equal(align_themer_count(t), 5);
	x = theme_records(t);
	assert_non_null(strstr(x, "source: manual"));
	assert_int_equal(strstr(x, "r-7ce8aba47d7c9735") != NULL, 1);
	free(x);
	align_themer_free(t);
	align_node_free(all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rename_makes_a_theme_manual),
		cmocka_unit_test(test_merge_into_the_first),
		cmocka_unit_test(test_move_takes_a_response_out_of_its_theme),
		cmocka_unit_test(test_long_ids),
		cmocka_unit_test(test_bad_edits_are_refused),
		cmocka_unit_test(test_a_merged_theme_is_gone),
		cmocka_unit_test(test_manual_themes_are_kept),
		cmocka_unit_test(test_an_edited_label_is_kept),
		cmocka_unit_test(test_bad_edits),
		cmocka_unit_test(test_edits_on_a_session),
	};

	return cmocka_run_group_tests_name("theme edits", tests, NULL, NULL);
}
