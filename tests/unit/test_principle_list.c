/* The edited plain-text list of principles: reorder, reword, merge, add,
 * delete; and a list with errors, or with nothing on it, changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/distill.h"

static struct align_node *
theme(const char *id, const char *label, const char *resp)
{
	struct align_node *t = align_record_new("theme"), *l = align_seq();

	align_map_put_str(t, "id", id);
	align_map_put_str(t, "label", label);
	align_seq_push_str(l, resp);
	align_map_put(t, "responses", l);
	return t;
}

static struct align_node *
session(void)
{
	struct align_node *s = align_record_new("session"), *l = align_seq();

	align_map_put_str(s, "id", "s");
	align_seq_push_str(l, "Ana");
	align_seq_push_str(l, "Ben");
	align_seq_push_str(l, "Carla");
	align_map_put(s, "participants", l);
	return s;
}

/* Three proposals, p1 p2 p3, the first agreed by Ana. */
static struct align_distiller *
three(void)
{
	static const char *const agree[] = { "Ana" };
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	struct align_node *recs[] = {
		session(),
		theme("t1", "present when things are difficult", "r-2"),
		theme("t2", "teaching and mentoring", "r-2"),
		theme("t3", "listening to every voice", "r-2"),
	};
	size_t i;

	o.max = 7;
	o.budget = 5;
	o.per = 3;
	o.agree = agree;
	o.nagree = 1;
	d = align_distiller_new(&o, &e);
	assert_non_null(d);
	for (i = 0; i < sizeof(recs) / sizeof(recs[0]); i++) {
		assert_int_equal(align_distiller_add(d, recs[i], &e), 0);
		align_node_free(recs[i]);
	}
	return d;
}

/* Apply n bytes of text as the edited list of d. */
static int
apply_n(struct align_distiller *d, const char *text, size_t n,
    struct align_list_errors *errs, struct align_err *e)
{
	FILE *fp = n ? fmemopen((void *)text, n, "r") :
	    fopen("/dev/null", "r");
	int rc;

	assert_non_null(fp);
	rc = align_distiller_apply_list(d, fp, "list.txt", errs, e);
	fclose(fp);
	return rc;
}

static int
apply(struct align_distiller *d, const char *text, struct align_err *e)
{
	return apply_n(d, text, strlen(text), NULL, e);
}

static const struct align_principle *
nth(const struct align_distiller *d, size_t i)
{
	return align_distiller_principle(d, i);
}

static void
test_bad_lines_are_named(void **state)
{
	static const struct {
		const char *text, *msg;
		unsigned long line, col;
	} bad[] = {
		{ "p1 Fine.\np9 Nothing.\n", "no principle 'p9'", 2, 1 },
		{ "p1 p2\n", "expected the words", 1, 6 },
		{ "p1 One.\n  p1 Again.\n", "'p1' is on line 1 already", 2, 3 },
	};
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct align_distiller *d = three();

		assert_int_equal(apply(d, bad[i].text, &e), -1);
		assert_int_equal(e.status, 65);
		assert_string_equal(e.file, "list.txt");
		assert_int_equal(e.line, bad[i].line);
		assert_int_equal(e.col, bad[i].col);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("'%s' lacks '%s'", e.msg, bad[i].msg);
		align_distiller_free(d);
	}
	{
		struct align_distiller *d = three();

		assert_int_equal(apply_n(d, "p1 x\nab\0c\n", 10, NULL, &e), -1);
		assert_int_equal(e.status, 65);
		assert_int_equal(e.line, 2);
		assert_int_equal(e.col, 3);
		align_distiller_free(d);
	}
}

/* Every error is listed, and the list stays as it was: the group can
 * edit it again. */
static void
test_a_list_with_errors_changes_nothing(void **state)
{
	struct align_list_errors errs = ALIGN_LIST_ERRORS_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d = three();
	const char *text = "p3 p1 Merged.\np99 No.\np2\nNew words.\n";

	(void)state;
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(apply_n(d, text, strlen(text), &errs, &e), -1);
	assert_int_equal(errs.n, 2);
	assert_int_equal(errs.v[0].line, 2);
	assert_non_null(strstr(errs.v[0].msg, "p99"));
	assert_int_equal(errs.v[1].line, 3);
	assert_int_equal(e.line, 2);
	align_list_errors_release(&errs);
	assert_int_equal(align_distiller_count(d), 3);
	assert_string_equal(nth(d, 0)->id, "p1");
	assert_true(align_principle_agreed_by(nth(d, 0), "Ana"));
	/* Fixed, it applies. */
	assert_int_equal(apply(d, "p3 p1 Merged.\np2 Kept.\n", &e), 0);
	assert_int_equal(align_distiller_count(d), 2);
	align_distiller_free(d);
}

/* A list of nothing but comments and blank lines deletes nothing. */
static void
test_an_empty_list_changes_nothing(void **state)
{
	static const char *const empty[] = { "", "\n\n", "# all gone\n  \n" };
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(empty) / sizeof(empty[0]); i++) {
		struct align_distiller *d = three();

		assert_int_equal(apply(d, empty[i], &e), -1);
		assert_int_equal(e.status, 1);
		assert_non_null(strstr(e.msg, "nothing was changed"));
		assert_int_equal(align_distiller_count(d), 3);
		align_distiller_free(d);
	}
}

static void
test_edits(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d = three();
	size_t i;

	(void)state;
	assert_int_equal(align_distiller_run(d, &e), 0);
	/* Merged by spaces or plus signs, reworded, added, deleted. */
	assert_int_equal(apply(d, "# the group's list\n\n  p1 p2 We stay, and "
	    "teach.\np3\tWe listen to all.\np1x is only words\n", &e), 0);
	assert_int_equal(align_distiller_count(d), 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(nth(d, i)->source, "manual");
	assert_string_equal(nth(d, 0)->id, "p1");
	assert_string_equal(nth(d, 0)->statement, "We stay, and teach.");
	assert_int_equal(nth(d, 0)->themes.n, 2);
	/* Reworded: Ana agreed to the old words, not to these. */
	assert_false(align_principle_agreed_by(nth(d, 0), "Ana"));
	assert_string_equal(nth(d, 1)->statement, "We listen to all.");
	assert_string_equal(nth(d, 2)->id, "p4");
	assert_string_equal(nth(d, 2)->statement, "p1x is only words");
	align_distiller_free(d);
	d = three();
	assert_int_equal(apply(d, "p3+p1 Together.\n", &e), 0);
	assert_int_equal(align_distiller_count(d), 1);
	assert_string_equal(nth(d, 0)->id, "p3");
	align_distiller_free(d);
}

/* Words that differ only in spacing are the same words: a statement's
 * line break, shown as a space in the list, changes nothing. */
static void
test_spacing_is_no_rewording(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d = three();
	char *list;

	(void)state;
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(apply(d, "p1 We listen,\tand we  make space\n",
	    &e), 0);
	assert_int_equal(align_principle_agree((struct align_principle *)
	    nth(d, 0), "Ana"), 0);
	free(((struct align_principle *)nth(d, 0))->statement);
	((struct align_principle *)nth(d, 0))->statement =
	    strdup("We listen,\nand we make space");
	align_distiller_list(d, &b);
	assert_non_null(strstr(b.p, "\np1 We listen, and we make space\n"));
	list = strstr(b.p, "\np1 ") + 1;
	assert_int_equal(apply(d, list, &e), 0);
	assert_string_equal(nth(d, 0)->statement,
	    "We listen,\nand we make space");
	assert_true(align_principle_agreed_by(nth(d, 0), "Ana"));
	align_buf_release(&b);
	align_distiller_free(d);
}

/* Principles of an earlier run, with their votes, merged in a list: the
 * votes add up, the themes join. */
static void
test_merged_votes(void **state)
{
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	const struct align_principle *p;
	struct align_node *recs[2];
	size_t i;

	(void)state;
	recs[0] = align_record_new("principle");
	align_map_put_str(recs[0], "id", "p1");
	align_map_put_str(recs[0], "statement", "We stay.");
	align_map_put(recs[0], "themes", align_seq());
	align_seq_push_str(align_map_get(recs[0], "themes"), "t1");
	align_map_put(recs[0], "votes", align_map());
	align_map_put(align_map_get(recs[0], "votes"), "Ana",
	    align_scalar_int(2));
	recs[1] = align_node_copy(recs[0]);
	align_map_put_str(recs[1], "id", "p2");
	align_map_put_str(recs[1], "statement", "We teach.");
	align_seq_push_str(align_map_get(recs[1], "themes"), "t2");
	align_map_put(align_map_get(recs[1], "votes"), "Ben",
	    align_scalar_int(1));
	o.max = 7;
	o.budget = 5;
	o.per = 3;
	d = align_distiller_new(&o, &e);
	for (i = 0; i < 2; i++) {
		assert_int_equal(align_distiller_add(d, recs[i], &e), 0);
		align_node_free(recs[i]);
	}
	assert_int_equal(apply(d, "p1 p2 We stay and teach.\n", &e), 0);
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(align_distiller_count(d), 1);
	p = nth(d, 0);
	assert_string_equal(p->statement, "We stay and teach.");
	assert_int_equal(p->themes.n, 2);
	assert_int_equal(align_principle_dots(p, "Ana"), 4);
	assert_int_equal(align_principle_dots(p, "Ben"), 1);
	align_distiller_free(d);
}

/* run() applies the list of the options: a file that is not there. */
static void
test_a_list_file(void **state)
{
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;

	(void)state;
	o.max = 7;
	o.list = "/nonexistent/list.txt";
	d = align_distiller_new(&o, &e);
	assert_int_equal(align_distiller_run(d, &e), -1);
	assert_int_equal(e.status, 66);
	align_distiller_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_lines_are_named),
		cmocka_unit_test(test_a_list_with_errors_changes_nothing),
		cmocka_unit_test(test_an_empty_list_changes_nothing),
		cmocka_unit_test(test_edits),
		cmocka_unit_test(test_spacing_is_no_rewording),
		cmocka_unit_test(test_merged_votes),
		cmocka_unit_test(test_a_list_file),
	};

	return cmocka_run_group_tests_name("principle_list", tests, NULL,
	    NULL);
}
