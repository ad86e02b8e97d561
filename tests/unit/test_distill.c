/* The distiller: drafting principles, dots, agreement, the decision rules
 * and the rule kept in the stream. */
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
#include "../../lib/reader.h"
#include "../../lib/record.h"
#include "../../lib/writer.h"
#include "helpers.h"

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
	return align_distiller_principle(d, i)->statement;
}

static const char *
id(const struct align_distiller *d, size_t i)
{
	return align_distiller_principle(d, i)->id;
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

/* Past 20,000 responses only some are looked at for their language, and
 * a theme still drafts in the language most of its responses are in;
 * a theme read before its responses counts them when they come. */
static void
test_language_of_a_large_survey(void **state)
{
	struct align_distill_opts o = { .max = 7, .budget = 5, .per = 3 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d = align_distiller_new(&o, &e);
	struct align_node *es = align_record_new("theme"), *de, *rec;
	struct align_node *les = align_seq(), *lde = align_seq();
	char rid[32];
	size_t i, n = 30000;

	(void)state;
	assert_non_null(d);
	/* The German theme comes first, before any of its responses. */
	de = align_record_new("theme");
	align_map_put_str(de, "id", "t2");
	align_map_put_str(de, "label", "listening to every voice");
	for (i = 0; i < n; i++) {
		snprintf(rid, sizeof(rid), "r-%zu", i);
		align_seq_push_str(i % 2 ? lde : les, rid);
	}
	align_map_put(de, "responses", lde);
	assert_int_equal(align_distiller_add(d, de, &e), 0);
	for (i = 0; i < n; i++) {
		snprintf(rid, sizeof(rid), "r-%zu", i);
		/* One in ten of each theme's in English. */
		rec = response(rid, i % 20 < 2 ? "She listened to us." :
		    i % 2 ? "Sie hat uns immer zugeh\xc3\xb6rt und war da." :
		    "Se qued\xc3\xb3 con nosotros cuando todo era dif\xc3\xad" "cil.");
		assert_int_equal(align_distiller_add(d, rec, &e), 0);
		align_node_free(rec);
	}
	align_map_put_str(es, "id", "t1");
	align_map_put_str(es, "label", "present when things are difficult");
	align_map_put(es, "responses", les);
	assert_int_equal(align_distiller_add(d, es, &e), 0);
	assert_int_equal(align_distiller_run(d, &e), 0);
	/* Themes without a rank in the order of their ids, whatever the
	 * order of the stream. */
	assert_string_equal(statement(d, 0), "Estamos presentes y nos "
	    "quedamos cuando las cosas se ponen dif\xc3\xad" "ciles.");
	assert_string_equal(statement(d, 1), "Wir h\xc3\xb6ren zu und geben "
	    "jeder Stimme Raum.");
	align_node_free(de);
	align_node_free(es);
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
	assert_string_equal(id(d, 0), "p2");
	assert_string_equal(id(d, 1), "p3");
	assert_string_equal(id(d, 2), "p4");
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

/* A voter, an agreement and an objection name people of the roster,
 * folded or by a unique start, recorded as the roster writes them; a
 * principle by a unique start of its id; others refused, saying why. */
static void
test_names_and_handles(void **state)
{
	static const char *const votes[] = { "ana=p1,p1", "CARL=p2" };
	static const char *const agree[] = { "Bén" };
	static const char *const object[] = { "an:p3" };
	static const char *const reason[] = { "too vague" };
	static const char *const typo[] = { "Anna=p1" };
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	const struct align_principle *p;

	(void)state;
	o.vote = votes;
	o.nvote = 2;
	o.agree = agree;
	o.nagree = 1;
	o.object = object;
	o.reason = reason;
	o.nobject = 1;
	d = make(&o);
	p = align_distiller_principle(d, 0);
	assert_string_equal(p->id, "p1");
	assert_int_equal(align_principle_dots(p, "Ana"), 2);
	assert_int_equal(align_principle_dots(p, "ana"), 0);
	assert_true(align_principle_agreed_by(p, "Ben"));
	assert_int_equal(align_principle_dots(align_distiller_principle(d, 1),
	    "Carla"), 1);
	assert_true(align_principle_objected_by(align_distiller_principle(d,
	    2), "Ana"));
	align_distiller_free(d);
	memset(&o, 0, sizeof(o));
	o.vote = typo;
	o.nvote = 1;
	o.max = 7;
	o.budget = 5;
	o.per = 3;
	d = align_distiller_new(&o, &e);
	{
		struct align_node *s = session(), *t = theme("t1", "teaching",
		    "r-1");

		assert_int_equal(align_distiller_add(d, s, &e), 0);
		assert_int_equal(align_distiller_add(d, t, &e), 0);
		align_node_free(s);
		align_node_free(t);
	}
	assert_int_equal(align_distiller_run(d, &e), -1);
	assert_int_equal(e.status, 64);
	assert_string_equal(e.msg, "--vote: no participant 'Anna' (did you "
	    "mean 'Ana'?)");
	align_distiller_free(d);
}

/* The roster is made when a name is first resolved, and a session that
 * making it refuses (an alias of nobody) is refused on reading all the
 * same, with its place; a name is resolved against the participants
 * whether they were read as names or as "Name <address>". */
static void
test_roster_made_late(void **state)
{
	static const char *const votes[] = { "bern=p1", "ana=p1" };
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	struct align_node *s = session(), *a = align_map(), *t, *l;
	const char *const *people;
	size_t n;

	(void)state;
	o.max = 7;
	o.budget = 5;
	o.per = 3;
	align_map_put_str(a, "Bo", "Dev");
	align_map_put(s, "aliases", a);
	s->line = 4;
	d = align_distiller_new(&o, &e);
	assert_int_equal(align_distiller_add(d, s, &e), -1);
	assert_int_equal(e.status, 65);
	assert_int_equal(e.line, 4);
	align_distiller_free(d);
	align_node_free(s);

	o.vote = votes;
	o.nvote = 2;
	s = align_record_new("session");
	l = align_seq();
	align_seq_push_str(l, "Ana Lima <ana@example.org>");
	align_seq_push_str(l, "Bernd");
	align_map_put(s, "participants", l);
	t = theme("t1", "teaching", "r-1");
	e = (struct align_err)ALIGN_ERR_INIT;
	d = align_distiller_new(&o, &e);
	assert_int_equal(align_distiller_add(d, s, &e), 0);
	assert_int_equal(align_distiller_add(d, t, &e), 0);
	people = align_distiller_people(d, &n);
	assert_int_equal(n, 2);
	assert_string_equal(people[0], "Ana Lima");
	assert_string_equal(people[1], "Bernd");
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(align_principle_dots(align_distiller_principle(d, 0),
	    "Bernd"), 1);
	assert_int_equal(align_principle_dots(align_distiller_principle(d, 0),
	    "Ana Lima"), 1);
	align_distiller_free(d);
	align_node_free(s);
	align_node_free(t);
}

/* Drafts: a label already a principle keeps its words and its mark; a
 * theme without a label is named by its id. */
static void
test_odd_labels(void **state)
{
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	struct align_node *recs[2];
	int kept = 0, named = 0;
	size_t i;

	(void)state;
	o.max = 7;
	d = align_distiller_new(&o, &e);
	recs[0] = theme("t1", "", "r-1");
	recs[1] = theme("t2", "we keep our word!", "r-1");
	for (i = 0; i < 2; i++) {
		assert_int_equal(align_distiller_add(d, recs[i], &e), 0);
		align_node_free(recs[i]);
	}
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(align_distiller_count(d), 2);
	for (i = 0; i < 2; i++) {
		const char *st = statement(d, i);

		kept += strcmp(st, "We keep our word!") == 0;
		named += strstr(st, "t1") != NULL;
	}
	assert_int_equal(kept, 1);
	assert_int_equal(named, 1);
	align_distiller_free(d);
}

/* A distiller over the records of a YAML text. */
static struct align_distiller *
of_text(const char *yaml, struct align_distill_opts *o, struct align_err *e)
{
	struct align_node *all = stream(yaml);
	struct align_distiller *d;
	size_t i;

	if (o->max == 0)
		o->max = 7;
	if (o->budget == 0)
		o->budget = 5;
	if (o->per == 0)
		o->per = 3;
	d = align_distiller_new(o, e);
	assert_non_null(d);
	for (i = 0; i < all->n; i++)
		if (align_distiller_add(d, all->item[i], e) < 0) {
			align_distiller_free(d);
			d = NULL;
			break;
		}
	align_node_free(all);
	return d;
}

#define TWO_AGREE "---\nkind: session\nid: s\nparticipants: [Ana, Ben, " \
	"Carla]\n---\nkind: principle\nid: p1\nstatement: We listen.\n" \
	"agreed: [Ana, Ben]\n"

/* The rule given once is kept in the principles' records, and decides
 * the next run too. */
static void
test_the_rule_is_kept(void **state)
{
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	struct align_node *rec;
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	d = of_text(TWO_AGREE, &o, &e);
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_false(align_distiller_final(d));		/* consensus */
	rec = align_distiller_record(d, 0, &e);
	assert_null(align_map_get(rec, "rule"));	/* none given */
	align_node_free(rec);
	align_distiller_free(d);
	o.rule = ALIGN_MAJORITY;
	d = of_text(TWO_AGREE, &o, &e);
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_true(align_distiller_final(d));
	rec = align_distiller_record(d, 0, &e);
	assert_string_equal(align_map_str(rec, "rule"), "majority");
	assert_string_equal(align_map_str(rec, "status"), "agreed");
	align_emit_record(&b, rec);
	align_node_free(rec);
	align_distiller_free(d);
	/* The next run, given no rule, takes the stream's. */
	memset(&o, 0, sizeof(o));
	{
		char *text = malloc(strlen(TWO_AGREE) + b.len + 1);

		strcpy(text, "---\nkind: session\nid: s\n"
		    "participants: [Ana, Ben, Carla]\n");
		strcat(text, b.p);
		d = of_text(text, &o, &e);
		free(text);
	}
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(align_distiller_rule(d), ALIGN_MAJORITY);
	assert_true(align_distiller_final(d));
	align_distiller_free(d);
	align_buf_release(&b);
	/* A rule this version does not know is refused, with its place. */
	d = of_text("---\nkind: principle\nid: p1\nstatement: x\n"
	    "rule: unanimity\n", &o, &e);
	assert_null(d);
	assert_int_equal(e.status, 65);
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "unanimity"));
}

/* Dots from a line of a file name the file and the line, and are bad
 * data; from --vote they are a usage error. */
static void
test_ballots_name_their_line(void **state)
{
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;

	(void)state;
	d = of_text(TWO_AGREE, &o, &e);
	assert_int_equal(align_distiller_ballot(d, "Ana: p1 p1", "v.txt", 2,
	    1, &e), 0);
	assert_int_equal(align_principle_dots(align_distiller_principle(d,
	    0), "Ana"), 2);
	assert_int_equal(align_distiller_ballot(d, "Ben: p9", "v.txt", 3, 1,
	    &e), -1);
	assert_int_equal(e.status, 65);
	assert_string_equal(e.file, "v.txt");
	assert_int_equal(e.line, 3);
	assert_string_equal(e.msg, "no principle 'p9'");
	assert_int_equal(align_distiller_ballot(d, "Ben p1", "v.txt", 4, 1,
	    &e), -1);
	assert_int_equal(e.status, 65);
	/* Checked, not cast. */
	assert_int_equal(align_distiller_ballot(d, "Ben = p1", NULL, 0, 0,
	    &e), 0);
	assert_int_equal(align_principle_dots(align_distiller_principle(d,
	    0), "Ben"), 0);
	assert_int_equal(align_distiller_ballot(d, "Ben=p1,p1,p1,p1", NULL, 0,
	    1, &e), -1);
	assert_int_equal(e.status, 64);
	assert_non_null(strstr(e.msg, "--vote: Ben gives 4 votes to p1"));
	align_distiller_free(d);
}

/* The dots read are checked: a person's in all against the budget, a
 * count below 0, a voter not on the roster; each at its line and
 * column. */
static void
test_votes_read_are_checked(void **state)
{
	static const char head[] = "---\nkind: session\nid: s\n"
	    "participants: [Ana, Ben]\n---\nkind: principle\nid: p1\n"
	    "statement: We listen.\nvotes:\n  Ana: 3\n---\n"
	    "kind: principle\nid: p2\nstatement: We stay.\nvotes:\n";
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	char text[512];

	(void)state;
	snprintf(text, sizeof(text), "%s  Ana: 2\n  Ben: 5\n", head);
	d = of_text(text, &o, &e);
	assert_non_null(d);			/* 5 each: within */
	align_distiller_free(d);
	snprintf(text, sizeof(text), "%s  Ben: 1\n  Ana: 3\n", head);
	assert_null(of_text(text, &o, &e));
	assert_int_equal(e.status, 65);
	assert_int_equal(e.line, 17);
	assert_int_equal(e.col, 8);
	assert_string_equal(e.msg, "principle p2: votes: Ana has 6 dots in "
	    "all, more than the budget of 5 (--budget)");
	o.budget = 6;
	d = of_text(text, &o, &e);
	assert_non_null(d);
	align_distiller_free(d);
	memset(&o, 0, sizeof(o));
	snprintf(text, sizeof(text), "%s  Ben: -1\n", head);
	assert_null(of_text(text, &o, &e));
	assert_int_equal(e.line, 16);
	assert_non_null(strstr(e.msg, "Ben has -1 dots"));
	snprintf(text, sizeof(text), "%s  Zed: 1\n", head);
	assert_null(of_text(text, &o, &e));
	assert_int_equal(e.line, 16);
	assert_non_null(strstr(e.msg, "no participant 'Zed'"));
	o.add_people = 1;
	d = of_text(text, &o, &e);
	assert_non_null(d);
	align_distiller_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_drafts_in_the_responses_language),
		cmocka_unit_test(test_language_of_a_large_survey),
		cmocka_unit_test(test_tally_and_keep),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_over_budget),
		cmocka_unit_test(test_votes_and_objections_are_checked),
		cmocka_unit_test(test_names_and_handles),
		cmocka_unit_test(test_roster_made_late),
		cmocka_unit_test(test_odd_labels),
		cmocka_unit_test(test_the_rule_is_kept),
		cmocka_unit_test(test_ballots_name_their_line),
		cmocka_unit_test(test_votes_read_are_checked),
	};

	return cmocka_run_group_tests_name("distill", tests, NULL, NULL);
}
