/* Check-ins: the record, its id, and the line people type,
 * "[Name:] p2 success: what happened". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/buf.h"
#include "../../lib/checkin.h"
#include "../../lib/reader.h"
#include "helpers.h"

static const char session[] = "---\nkind: session\nid: s\n"
    "participants: [Ana, Ben]\n"
    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
    "---\nkind: followup\nid: f1\ndate: 2027-01-13T12:00:00-05:00\n"
    "---\nkind: followup\nid: f2\ndate: 2027-03-01T12:00:00Z\n";

struct parsed {
	const char *who, *principle, *outcome, *note;
};

static void
parses(const char *line, const struct parsed *want)
{
	char *s = strdup(line);
	struct align_checkin_view c;

	memset(&c, 0, sizeof(c));
	if (align_checkin_parse(s, &c) < 0)
		fail_msg("'%s' did not parse", line);
#define SAME(a, b) do { \
	if ((a) == NULL || (b) == NULL) \
		assert_ptr_equal((a), (b)); \
	else \
		assert_string_equal((a), (b)); \
} while (0)
	SAME(c.participant, want->who);
	SAME(c.principle, want->principle);
	SAME(c.outcome, want->outcome);
	SAME(c.note, want->note);
#undef SAME
	free(s);
}

static void
test_line_grammar(void **state)
{
	static const struct {
		const char *line;
		struct parsed want;
	} ok[] = {
		{ "Ana: p2 success: I stayed with the team",
		    { "Ana", "p2", "success", "I stayed with the team" } },
		{ "p2 success", { NULL, "p2", "success", NULL } },
		{ "  p4   mixed ::: listened, then: decided",
		    { NULL, "p4", "mixed", "listened, then: decided" } },
		{ "Ana:\tp1\tfailure\tleft early",
		    { "Ana", "p1", "failure", "left early" } },
		{ "Ana María: c2 success:", { "Ana María", "c2", "success",
		    NULL } },
		/* A name needs ": " after it; "p..." is a principle. */
		{ "Dev:p1 mixed", { NULL, "Dev:p1", "mixed", NULL } },
		{ "p3: success", { NULL, "p3:", "success", NULL } },
	};
	static const char *const bad[] = { "", "p1", "Ana: p1", "Ana: p1 ",
	    "p1 :" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		parses(ok[i].line, &ok[i].want);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *s = strdup(bad[i]);
		struct align_checkin_view c;

		memset(&c, 0, sizeof(c));
		if (align_checkin_parse(s, &c) == 0)
			fail_msg("'%s' parsed", bad[i]);
		free(s);
	}
}

/* The check-in of c over session, or -1 and e. */
static int
checkin(const struct align_checkin_view *c, struct align_node **out,
    struct align_err *e)
{
	struct align_node *all = stream(session);
	struct align_rounds rs;
	int rc;

	assert_int_equal(align_rounds_read(&rs, all, e), 0);
	rc = align_checkin_new(&rs, c, out, e);
	align_rounds_release(&rs);
	align_node_free(all);
	return rc;
}

static void
test_checkin_record(void **state)
{
	struct align_checkin_view c = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *r;

	(void)state;
	c.participant = "Ana";
	c.principle = "p1";
	c.outcome = "success";
	c.note = "Taught Dev the budget review";
	c.at = "2027-01-14T13:00:00-05:00";
	assert_int_equal(checkin(&c, &r, &e), 0);
	/* The id of an earlier version: the same check-in is one record. */
	assert_string_equal(align_record_id(r), "c-b78d5def0fd380e5");
	/* The latest round whose day has come. */
	assert_string_equal(align_map_str(r, "followup"), "f1");
	assert_string_equal(align_map_str(r, "note"), c.note);
	assert_null(align_map_get(r, "recognition"));
	align_node_free(r);
	c.at = "2027-03-02T00:00:00Z";
	c.recognition = "Thanks";
	assert_int_equal(checkin(&c, &r, &e), 0);
	assert_string_equal(align_map_str(r, "followup"), "f2");
	assert_string_equal(align_map_str(r, "recognition"), "Thanks");
	align_node_free(r);
	/* Before any round's day: the first. */
	c.at = "2026-01-01T00:00:00Z";
	assert_int_equal(checkin(&c, &r, &e), 0);
	assert_string_equal(align_map_str(r, "followup"), "f1");
	align_node_free(r);
}

static void
test_checkin_needs_a_round(void **state)
{
	struct align_node *none = stream("---\nkind: session\nid: s\n"), *out;
	struct align_checkin_view c = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rounds rs;

	(void)state;
	c.participant = "Ana";
	c.principle = "p1";
	c.outcome = "success";
	c.at = "2027-03-01T00:00:00Z";
	assert_int_equal(align_rounds_read(&rs, none, &e), 0);
	assert_int_equal(align_checkin_new(&rs, &c, &out, &e), -1);
	assert_int_equal(e.status, EX_NOINPUT);
	assert_string_equal(e.msg,
	    "no follow-up planned yet: run align-followup plan first");
	align_rounds_release(&rs);
	align_node_free(none);
	c.followup = "f9";
	assert_int_equal(checkin(&c, &out, &e), -1);
	assert_string_equal(e.msg, "no follow-up 'f9' in the input");
	c.followup = NULL;
	c.outcome = "great";
	assert_int_equal(checkin(&c, &out, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	c.outcome = "success";
	c.at = "whenever";
	assert_int_equal(checkin(&c, &out, &e), -1);
	c.at = "2027-03-01T00:00:00Z";
	c.participant = NULL;
	assert_int_equal(checkin(&c, &out, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_null(out);
}

/* The same without principles: any principle is taken as written. */
static const char open_session[] = "---\nkind: session\nid: s\n"
    "participants: [Ana, Ben]\n"
    "---\nkind: followup\nid: f1\ndate: 2027-01-13T12:00:00-05:00\n";

/* The check-ins of the lines of text over the records of recs, into a
 * new sequence. */
static int
lines_over(const char *recs, const char *text, struct align_node **into,
    struct align_err *e)
{
	struct align_node *all = stream(recs);
	struct align_checkin_view c = { 0 };
	struct align_rounds rs;
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(in);
	c.participant = "Ben";
	c.at = "2027-01-14T13:05:00-05:00";
	*into = align_seq();
	assert_int_equal(align_rounds_read(&rs, all, e), 0);
	rc = align_checkins_read(&rs, in, "<stdin>", &c, *into, e);
	fclose(in);
	align_rounds_release(&rs);
	align_node_free(all);
	return rc;
}

static int
lines(const char *text, struct align_node **into, struct align_err *e)
{
	return lines_over(session, text, into, e);
}

static void
test_lines(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *got;

	(void)state;
	assert_int_equal(lines("Ana: p1 success: stayed\n\n  \t\n"
	    "p1 failure\r\n", &got, &e), 0);
	assert_int_equal(got->n, 2);
	assert_string_equal(align_map_str(got->item[0], "participant"),
	    "Ana");
	assert_string_equal(align_map_str(got->item[1], "participant"),
	    "Ben");
	assert_null(align_map_get(got->item[1], "note"));
	align_node_free(got);
	/* A bad line is bad data, named by its line, and the part at fault
	 * by its column: "Ana p1" reads as principle Ana, outcome p1. */
	assert_int_equal(lines("p1 success\n\nAna p1\n", &got, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_string_equal(e.file, "<stdin>");
	assert_int_equal(e.line, 3);
	assert_int_equal(e.col, 5);
	align_node_free(got);
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(lines("Ana: p1 great\n", &got, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_non_null(strstr(e.msg, "outcome 'great'"));
	assert_int_equal(e.col, 9);
	align_node_free(got);
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(lines("Ana: p1\n", &got, &e), -1);
	assert_string_equal(e.msg, "expected '[Name:] p2 success: note'");
	align_node_free(got);
}

/* The id of the check-in of a line, as a new string. */
static char *
id_of_line(const char *line)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *got;
	char *id;

	assert_int_equal(lines_over(open_session, line, &got, &e), 0);
	assert_int_equal(got->n, 1);
	id = strdup(align_record_id(got->item[0]));
	align_node_free(got);
	return id;
}

/* Lines of 200 KB, a note or a principle: whole.  One of 3 KB, twice:
 * the same id each time, and another for a line that differs at its
 * end (every byte counts), so that a check-in sent twice is one record. */
static void
test_long_lines(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_node *got;
	char *one, *two, *other, *long_text;
	size_t i, at;

	(void)state;
	align_buf_puts(&b, "Ana: p");
	at = b.len;
	for (i = 0; i < 200 * 1024; i++)
		align_buf_puts(&b, i % 2 ? "\xc3\xa9" : "x");
	long_text = strdup(b.p + at);
	align_buf_puts(&b, " success: ");
	align_buf_puts(&b, long_text);
	align_buf_putc(&b, '\n');
	free(long_text);
	assert_int_equal(lines_over(open_session, b.p, &got, &e), 0);
	assert_int_equal(got->n, 1);
	assert_int_equal(strlen(align_map_str(got->item[0], "principle")),
	    1 + 300 * 1024);
	assert_int_equal(strlen(align_map_str(got->item[0], "note")),
	    300 * 1024);
	align_node_free(got);
	align_buf_reset(&b);
	align_buf_puts(&b, "Ana: p");
	for (i = 0; i < 3 * 1024; i++)
		align_buf_putc(&b, (char)('a' + i % 26));
	align_buf_puts(&b, "1 mixed: the same\n");
	one = id_of_line(b.p);
	two = id_of_line(b.p);
	assert_string_equal(one, two);
	b.p[b.len - 18] = '2';
	other = id_of_line(b.p);
	assert_string_not_equal(one, other);
	free(one);
	free(two);
	free(other);
	align_buf_release(&b);
}

/* A check-in names a principle of the input and a person of the roster,
 * by a handle and a name as the roster resolves it; others are refused
 * at their line. */
static void
test_names_and_handles(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *got;

	(void)state;
	assert_int_equal(lines("ana: p1 success\n", &got, &e), 0);
	assert_string_equal(align_map_str(got->item[0], "participant"), "Ana");
	align_node_free(got);
	assert_int_equal(lines("Ana: p9 success\n", &got, &e), -1);
	assert_int_equal(e.status, 65);
	assert_int_equal(e.line, 1);
	assert_string_equal(e.msg, "no principle 'p9'");
	align_node_free(got);
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(lines("Anna: p1 success\n", &got, &e), -1);
	assert_string_equal(e.msg, "no participant 'Anna' (did you mean "
	    "'Ana'?)");
	align_node_free(got);
}

/* A check-in made again (the same round, person, principle and time:
 * its id) is the one held, by the stream or an earlier line: left out
 * when it says the same, refused at the line of the one held when it
 * says otherwise; ids stay unique in a session. */
static void
test_made_again(void **state)
{
	static const char held[] = "---\nkind: session\nid: s\n"
	    "participants: [Ana, Ben]\n"
	    "---\nkind: followup\nid: f1\n"
	    "date: 2027-01-13T12:00:00-05:00\n"
	    "---\nkind: checkin\nid: c-b78d5def0fd380e5\nfollowup: f1\n"
	    "participant: Ana\nprinciple: p1\noutcome: success\n"
	    "note: Taught Dev the budget review\n"
	    "at: \"2027-01-14T13:00:00-05:00\"\n";
	struct align_node *all = stream(held), *into = align_seq(), *r;
	struct align_checkin_view c = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rounds rs;

	(void)state;
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	c.participant = "ana";
	c.principle = "p1";
	c.outcome = "success";
	c.note = "Taught Dev the budget review";
	c.at = "2027-01-14T13:00:00-05:00";
	assert_int_equal(align_checkin_new(&rs, &c, &r, &e), 0);
	assert_string_equal(align_record_id(r), "c-b78d5def0fd380e5");
	assert_int_equal(align_checkin_add(&rs, into, r, &e), 0);
	assert_int_equal(into->n, 0);
	c.note = "Another note";
	assert_int_equal(align_checkin_new(&rs, &c, &r, &e), 0);
	assert_int_equal(align_checkin_add(&rs, into, r, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 10);
	assert_non_null(strstr(e.msg, "recorded already (c-b78d5def0fd380e5)"));
	assert_int_equal(into->n, 0);
	/* A second later, it is a check-in of its own. */
	c.at = "2027-01-14T13:00:01-05:00";
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(align_checkin_new(&rs, &c, &r, &e), 0);
	assert_int_equal(align_checkin_add(&rs, into, r, &e), 0);
	assert_int_equal(into->n, 1);
	assert_string_not_equal(align_record_id(into->item[0]),
	    "c-b78d5def0fd380e5");
	align_rounds_release(&rs);
	align_node_free(into);
	align_node_free(all);
	/* Lines: the same twice is one; then otherwise, refused at its line. */
	assert_int_equal(lines("Ana: p1 success: x\nana: p1 success: x\n",
	    &into, &e), 0);
	assert_int_equal(into->n, 1);
	align_node_free(into);
	assert_int_equal(lines("Ana: p1 success: x\nBen: p1 mixed\n"
	    "ANA: p1 failure: x\n", &into, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_string_equal(e.file, "<stdin>");
	assert_int_equal(e.line, 3);
	assert_non_null(strstr(e.msg, "made on line 1 already"));
	align_node_free(into);
}

/* The lines' names resolve against one roster: a person added on one
 * line (--add-participant) is that person on the next, spelt as first
 * given; without a roster, a name is its first spelling in the lines. */
static void
test_one_roster_for_the_lines(void **state)
{
	static const char two[] = "---\nkind: session\nid: s\n"
	    "participants: [Ana, Ben]\n"
	    "---\nkind: followup\nid: f1\n"
	    "date: 2027-01-13T12:00:00-05:00\n";
	static const char plain[] = "---\nkind: session\nid: s\n"
	    "---\nkind: followup\nid: f1\n"
	    "date: 2027-01-13T12:00:00-05:00\n";
	static const char text[] = "Zoë Park: p1 success\n"
	    "zoe park: p2 mixed\nZOË  PARK: p3 failure\nZoe: p4 mixed\n";
	struct align_node *all = stream(two), *into = align_seq();
	struct align_checkin_view c = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rounds rs;
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	size_t i;

	(void)state;
	c.at = "2027-01-14T13:05:00-05:00";
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	rs.add_people = 1;
	if (align_checkins_read(&rs, in, "<stdin>", &c, into, &e) < 0)
		fail_msg("%lu: %s", e.line, e.msg);
	fclose(in);
	/* "Zoe" is Zoë Park by her first name, now she is on the roster. */
	assert_int_equal(into->n, 4);
	for (i = 0; i < 4; i++)
		assert_string_equal(align_map_str(into->item[i],
		    "participant"), "Zoë Park");
	align_rounds_release(&rs);
	align_node_free(into);
	align_node_free(all);
	assert_int_equal(lines_over(plain, text, &into, &e), 0);
	assert_int_equal(into->n, 4);
	for (i = 0; i < 3; i++)
		assert_string_equal(align_map_str(into->item[i],
		    "participant"), "Zoë Park");
	/* Whole names only: Zoe is someone else. */
	assert_string_equal(align_map_str(into->item[3], "participant"),
	    "Zoe");
	align_node_free(into);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_and_handles),
		cmocka_unit_test(test_line_grammar),
		cmocka_unit_test(test_checkin_record),
		cmocka_unit_test(test_checkin_needs_a_round),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_made_again),
		cmocka_unit_test(test_one_roster_for_the_lines),
	};

	return cmocka_run_group_tests_name("checkin", tests, NULL, NULL);
}
