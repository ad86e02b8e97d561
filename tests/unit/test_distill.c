/* Drafting principles, the tally, and the decision rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
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
response(const char *id, const char *text)
{
	struct align_node *r = align_record_new("response");

	align_map_put_str(r, "id", id);
	align_map_put_str(r, "text", text);
	return r;
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

static struct align_distiller *
make(struct align_distill_opts *o)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	struct align_node *recs[] = {
		session(),
		response("r-1", "Se quedó con nosotros cuando todo era difícil."),
		response("r-2", "She taught me everything."),
		response("r-3", "Sie hat uns zugehört."),
		theme("t1", "present when things are difficult", "r-1"),
		theme("t2", "teaching and mentoring", "r-2"),
		theme("t3", "listening to every voice", "r-3"),
		theme("t4", "budget reviews", "r-2"),
		theme("t5", "We keep our promises", "r-2"),
	};
	size_t i;

	if (o->max == 0)
		o->max = 7;
	if (o->budget == 0)
		o->budget = 5;
	if (o->per == 0)
		o->per = 3;
	d = align_distiller_new(o, &e);
	assert_non_null(d);
	for (i = 0; i < sizeof(recs) / sizeof(recs[0]); i++) {
		assert_int_equal(align_distiller_add(d, recs[i], &e), 0);
		align_node_free(recs[i]);
	}
	if (align_distiller_run(d, &e) < 0)
		fail_msg("%s", e.msg);
	return d;
}

static const char *
statement(const struct align_distiller *d, size_t i)
{
	return align_map_str(align_distiller_record(d, i), "statement");
}

static void
test_drafts_in_the_responses_language(void **state)
{
	struct align_distill_opts o = { 0 };
	struct align_distiller *d = make(&o);

	(void)state;
	assert_int_equal(align_distiller_count(d), 5);
	assert_string_equal(statement(d, 0), "Estamos presentes y nos "
	    "quedamos cuando las cosas se ponen difíciles.");
	assert_string_equal(statement(d, 1), "We teach and mentor.");
	assert_string_equal(statement(d, 2),
	    "Wir hören zu und geben jeder Stimme Raum.");
	assert_string_equal(statement(d, 3), "We value budget reviews.");
	/* A label the group wrote as a principle is used as it is. */
	assert_string_equal(statement(d, 4), "We keep our promises.");
	assert_false(align_distiller_final(d));
	align_distiller_free(d);
}

static void
test_tally_and_keep(void **state)
{
	const char *votes[] = { "Ana=p3,p3,p2", "Ben=p2,p4" };
	struct align_distill_opts o = { 0 };
	struct align_distiller *d;

	(void)state;
	o.vote = votes;
	o.nvote = 2;
	o.keep = 3;
	d = make(&o);
	assert_int_equal(align_distiller_count(d), 3);
	/* p2 and p3 have two votes each: the tie keeps their order. */
	assert_string_equal(align_record_id(align_distiller_record(d, 0)),
	    "p2");
	assert_string_equal(align_record_id(align_distiller_record(d, 1)),
	    "p3");
	assert_string_equal(align_record_id(align_distiller_record(d, 2)),
	    "p4");
	align_distiller_free(d);
}

static void
test_rules(void **state)
{
	const char *all[] = { "Ana", "Ben", "Carla" }, *two[] = { "Ana",
	    "Ben" };
	const char *obj[] = { "Carla:p1" }, *why[] = { "not yet" };
	struct align_distill_opts o = { 0 };
	struct align_distiller *d;

	(void)state;
	o.agree = all;
	o.nagree = 3;
	d = make(&o);
	assert_true(align_distiller_final(d));
	align_distiller_free(d);

	memset(&o, 0, sizeof(o));
	o.agree = two;
	o.nagree = 2;
	d = make(&o);
	assert_false(align_distiller_final(d));		/* consensus */
	align_distiller_free(d);
	o.rule = ALIGN_MAJORITY;
	d = make(&o);
	assert_true(align_distiller_final(d));		/* 2 of 3 */
	align_distiller_free(d);
	o.rule = ALIGN_CONSENT;
	o.object = obj;
	o.reason = why;
	o.nobject = 1;
	d = make(&o);
	assert_false(align_distiller_final(d));		/* an objection */
	align_distiller_free(d);
}

static void
test_over_budget(void **state)
{
	const char *votes[] = { "Ana=p1,p2,p3,p4,p5,p1" };
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;

	(void)state;
	o.vote = votes;
	o.nvote = 1;
	o.max = 7;
	o.budget = 5;
	o.per = 3;
	d = align_distiller_new(&o, &e);
	{
		struct align_node *t = theme("t1", "x", "r-1");
		int i;

		for (i = 0; i < 5; i++) {
			char id[16];

			snprintf(id, sizeof(id), "t%d", i + 1);
			align_map_put_str(t, "id", id);
			align_map_put_str(t, "label", id);
			align_distiller_add(d, t, &e);
		}
		align_node_free(t);
	}
	assert_int_equal(align_distiller_run(d, &e), -1);
	assert_int_equal(e.status, 64);
	assert_non_null(strstr(e.msg, "budget"));
	align_distiller_free(d);
}

/* The distiller of make(), with a list edited as text. */
static struct align_distiller *
with_list_n(const char *text, size_t n, struct align_err *e)
{
	static char path[64];
	struct align_distill_opts o = { 0 };
	struct align_distiller *d;
	struct align_node *recs[] = {
		session(), response("r-2", "She taught me everything."),
		theme("t1", "present when things are difficult", "r-2"),
		theme("t2", "teaching and mentoring", "r-2"),
		theme("t3", "listening to every voice", "r-2"),
	};
	FILE *fp;
	size_t i;

	snprintf(path, sizeof(path), "/tmp/align-test-list-%ld",
	    (long)getpid());
	fp = fopen(path, "w");
	fwrite(text, 1, n, fp);
	fclose(fp);
	o.max = 7;
	o.budget = 5;
	o.per = 3;
	o.list = path;
	d = align_distiller_new(&o, e);
	for (i = 0; i < sizeof(recs) / sizeof(recs[0]); i++) {
		assert_int_equal(align_distiller_add(d, recs[i], e), 0);
		align_node_free(recs[i]);
	}
	if (align_distiller_run(d, e) < 0) {
		align_distiller_free(d);
		d = NULL;
	}
	unlink(path);
	return d;
}

static struct align_distiller *
with_list(const char *text, struct align_err *e)
{
	return with_list_n(text, strlen(text), e);
}

static void
test_edited_lists(void **state)
{
	static const struct {
		const char *text, *msg;
		unsigned long line, col;
		int status;
	} bad[] = {
		{ "p1 Fine.\np9 Nothing.\n", "no principle 'p9'", 2, 1, 65 },
		{ "p1 p2\n", "expected the words", 1, 6, 65 },
	};
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	const struct align_node *p;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_null(with_list(bad[i].text, &e));
		assert_int_equal(e.status, bad[i].status);
		assert_int_equal(e.line, bad[i].line);
		assert_int_equal(e.col, bad[i].col);
		assert_non_null(strstr(e.msg, bad[i].msg));
	}
	assert_null(with_list_n("p1 x\nab\0c\n", 10, &e));
	assert_int_equal(e.status, 65);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 3);
	/* Merged by spaces or plus signs, reworded, added, deleted. */
	d = with_list("# the group's list\n\n  p1 p2 We stay, and teach.\n"
	    "p3\tWe listen to all.\np1x is only words\n", &e);
	assert_non_null(d);
	assert_int_equal(align_distiller_count(d), 3);
	for (i = 0; i < 3; i++) {
		p = align_distiller_record(d, i);
		assert_string_equal(align_map_str(p, "source"), "manual");
	}
	for (i = 0; i < 3; i++) {
		const char *st;

		p = align_distiller_record(d, i);
		st = align_map_str(p, "statement");
		if (strcmp(align_record_id(p), "p1") == 0) {
			assert_string_equal(st, "We stay, and teach.");
			assert_int_equal(align_map_get(p, "themes")->n, 2);
		} else if (strcmp(align_record_id(p), "p3") == 0) {
			assert_string_equal(st, "We listen to all.");
		} else {
			assert_string_equal(align_record_id(p), "p4");
			assert_string_equal(st, "p1x is only words");
		}
	}
	align_distiller_free(d);
	d = with_list("p3+p1 Together.\n", &e);
	assert_non_null(d);
	assert_int_equal(align_distiller_count(d), 1);
	assert_string_equal(align_record_id(align_distiller_record(d, 0)),
	    "p3");
	align_distiller_free(d);
}

static void
test_votes_and_objections_are_checked(void **state)
{
	static const struct { const char *vote, *object, *msg; } bad[] = {
		{ "=p1", NULL, "expected NAME=p1,p1,p3" },
		{ "Ana", NULL, "expected NAME=p1,p1,p3" },
		{ "Ana=p9", NULL, "p9" },
		{ NULL, "Ana", "expected NAME:ID REASON" },
		{ NULL, "Ana:p9", "p9" },
	};
	static const char *const reason[] = { "why" };
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct align_distill_opts o = { 0 };
		struct align_distiller *d;
		struct align_node *t = theme("t1", "teaching", "r-1");

		o.max = 7;
		o.budget = 5;
		o.per = 3;
		o.vote = &bad[i].vote;
		o.nvote = bad[i].vote != NULL;
		o.object = &bad[i].object;
		o.reason = reason;
		o.nobject = bad[i].object != NULL;
		d = align_distiller_new(&o, &e);
		assert_int_equal(align_distiller_add(d, t, &e), 0);
		align_node_free(t);
		e.status = 0;
		assert_int_equal(align_distiller_run(d, &e), -1);
		assert_int_equal(e.status, 64);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("'%s' lacks '%s'", e.msg, bad[i].msg);
		align_distiller_free(d);
	}
}

/* Principles of an earlier run, with their votes, merged in a list: the
 * votes add up, the themes join; drafts from odd labels. */
static void
test_merged_votes_and_odd_labels(void **state)
{
	static const char list[] = "p1 p2 We stay and teach.\n";
	static char path[64];
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	const struct align_node *p;
	struct align_node *recs[4];
	size_t i;
	FILE *fp;

	snprintf(path, sizeof(path), "/tmp/align-test-list-%ld",
	    (long)getpid());
	fp = fopen(path, "w");
	(void)state;
	fputs(list, fp);
	fclose(fp);
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
	recs[2] = theme("t1", "", "r-1");
	recs[3] = theme("t2", "we keep our word!", "r-1");
	o.max = 7;
	o.budget = 5;
	o.per = 3;
	o.list = path;
	d = align_distiller_new(&o, &e);
	for (i = 0; i < 4; i++) {
		assert_int_equal(align_distiller_add(d, recs[i], &e), 0);
		align_node_free(recs[i]);
	}
	assert_int_equal(align_distiller_propose(d, &e), 0);
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(align_distiller_count(d), 1);
	p = align_distiller_record(d, 0);
	assert_string_equal(align_map_str(p, "statement"), "We stay and teach.");
	assert_int_equal(align_map_get(p, "themes")->n, 2);
	assert_string_equal(align_map_str(align_map_get(p, "votes"), "Ana"),
	    "4");
	assert_string_equal(align_map_str(align_map_get(p, "votes"), "Ben"),
	    "1");
	align_distiller_free(d);
	unlink(path);
	/* Drafts: a label already a principle keeps its words and its
	 * mark; a theme without a label is named by its id. */
	o.list = NULL;
	d = align_distiller_new(&o, &e);
	recs[0] = theme("t1", "", "r-1");
	recs[1] = theme("t2", "we keep our word!", "r-1");
	for (i = 0; i < 2; i++) {
		assert_int_equal(align_distiller_add(d, recs[i], &e), 0);
		align_node_free(recs[i]);
	}
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(align_distiller_count(d), 2);
	{
		int kept = 0, named = 0;

		for (i = 0; i < 2; i++) {
			const char *st = statement(d, i);

			kept += strcmp(st, "We keep our word!") == 0;
			named += strstr(st, "t1") != NULL;
		}
		assert_int_equal(kept, 1);
		assert_int_equal(named, 1);
	}
	align_distiller_free(d);
	/* A list that is not there. */
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
		cmocka_unit_test(test_drafts_in_the_responses_language),
		cmocka_unit_test(test_tally_and_keep),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_over_budget),
		cmocka_unit_test(test_edited_lists),
		cmocka_unit_test(test_votes_and_objections_are_checked),
		cmocka_unit_test(test_merged_votes_and_odd_labels),
	};

	return cmocka_run_group_tests_name("distill", tests, NULL, NULL);
}
