/* The report: tallies per principle and round, one-to-ones'
 * commitments, who has not checked in, recognition; text, markdown and
 * the page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/reader.h"
#include "../../lib/report.h"
#include "helpers.h"

/* The report of text in format f, as a new string. */
static char *
report_min(const char *text, enum align_format f, int color, size_t min)
{
	struct align_node *all = stream(text);
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = f,
	    .width = 80, .color = color, .min_group = min };
	struct align_rounds rs;
	struct align_report v;

	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_report_make(&v, &rs, &e), 0);
	align_report_show(&v, &s);
	assert_false(b.failed);
	align_report_release(&v);
	align_rounds_release(&rs);
	align_node_free(all);
	return align_buf_detach(&b);
}

static char *
report_of(const char *text, enum align_format f, int color)
{
	return report_min(text, f, color, 0);
}

static const char rounds[] = "---\nkind: session\nid: s\n"
    "participants: [Ana, Ben, Cy]\n"
    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n"
    "---\nkind: followup\nid: f2\ndate: 2027-02-01T09:00:00Z\n"
    "pairs: [[Ana, Ben]]\n"
    "---\nkind: checkin\nid: k1\nfollowup: f1\nparticipant: Ana\n"
    "principle: p1\noutcome: success\n"
    "---\nkind: checkin\nid: k2\nfollowup: f1\nparticipant: Ben\n"
    "principle: p1\noutcome: failure\n"
    "---\nkind: checkin\nid: k3\nfollowup: f2\nparticipant: Ben\n"
    "principle: p1\noutcome: mixed\nrecognition: Thanks\n";

static void
test_report_text(void **state)
{
	char *t;

	(void)state;
	t = report_of(rounds, ALIGN_FMT_TEXT, 0);
	assert_string_equal(t, "Follow-up report\n\n"
	    "p1  We listen.\n"
	    "  f1   2027-01-01  \xe2\x96\x88\xe2\x96\x91 1 success, 0 mixed, "
	    "1 failure\n"
	    "  f2   2027-02-01  \xe2\x96\x93 0 successes, 1 mixed, "
	    "0 failures\n"
	    "\nNot checked in for f1: Cy\n"
	    "\nNot checked in for f2: Ana\n"
	    "Recognised (f2, Ben): Thanks\n");
	free(t);
	/* In colour: successes green, failures red, headings bold. */
	t = report_of(rounds, ALIGN_FMT_TEXT, 1);
	assert_non_null(strstr(t, "\033[1mFollow-up report\033[0m\n"));
	assert_non_null(strstr(t, "\033[32m\xe2\x96\x88\033[0m\033[31m"
	    "\xe2\x96\x91\033[0m 1 success"));
	free(t);
}

static void
test_report_markdown(void **state)
{
	char *t;

	(void)state;
	t = report_of(rounds, ALIGN_FMT_MARKDOWN, 1);
	assert_string_equal(t, "# Follow-up report\n\n"
	    "## p1: We listen.\n\n"
	    "| round | success | mixed | failure |\n|---|---|---|---|\n"
	    "| f1 2027-01-01T09:00:00Z | 1 | 0 | 1 |\n"
	    "| f2 2027-02-01T09:00:00Z | 0 | 1 | 0 |\n"
	    "\nNot checked in for f1: Cy.\n"
	    "\nNot checked in for f2: Ana.\n"
	    "\n- Recognised (f2, Ben): Thanks\n");
	free(t);
}

/* User text cannot reach a terminal as control sequences, nor a page as
 * markup; a long date is cut to its column between characters. */
static void
test_report_escapes_user_text(void **state)
{
	static const char odd[] = "---\nkind: principle\nid: p1\n"
	    "statement: \"We *never* \\e[2J | lie\"\n"
	    "---\nkind: followup\nid: f1\n"
	    "date: \"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\"\n";
	char *t;

	(void)state;
	t = report_of(odd, ALIGN_FMT_TEXT, 0);
	assert_non_null(strstr(t, "p1  We *never* ^[[2J | lie\n"));
	assert_non_null(strstr(t, "  f1   \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9   0 successes"));
	free(t);
	t = report_of(odd, ALIGN_FMT_MARKDOWN, 0);
	assert_non_null(strstr(t, "## p1: We \\*never\\* ^[\\[2J \\| lie\n"));
	free(t);
}

/* The notes of the check-ins, under their principle and round and their
 * commitment, who wrote what, in the order written; escaped, wrapped. */
static void
test_report_notes(void **state)
{
	static const char notes[] = "---\nkind: session\nid: s\n"
	    "participants: [Ana, Ben]\n"
	    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "---\nkind: principle\nid: p2\nstatement: We teach.\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n"
	    "---\nkind: followup\nid: f2\ndate: 2027-02-01\nwith: Ben\n"
	    "pairs: [[Ana, Ben]]\ncommitments: [{id: c1, participant: Ben, "
	    "commitment: Ask first}]\n"
	    "---\nkind: checkin\nid: k1\nfollowup: f1\nparticipant: Ana\n"
	    "principle: p1\noutcome: success\nnote: \"Heard *everyone* "
	    "\\e[2J out\"\n"
	    "---\nkind: checkin\nid: k2\nfollowup: f1\nparticipant: Ben\n"
	    "principle: p1\noutcome: failure\nnote: Talked over Carla, twice, "
	    "in the planning meeting on Monday and again in the retro on "
	    "Friday afternoon\n"
	    "---\nkind: checkin\nid: k3\nfollowup: f1\nparticipant: Ben\n"
	    "principle: p2\noutcome: mixed\n"
	    "---\nkind: checkin\nid: k4\nfollowup: f2\nparticipant: Ben\n"
	    "principle: c1\noutcome: success\nnote: Asked before the "
	    "release\n";
	char *t;

	(void)state;
	t = report_of(notes, ALIGN_FMT_TEXT, 0);
	assert_non_null(strstr(t, "p1  We listen.\n"
	    "  f1   2027-01-01  \xe2\x96\x88\xe2\x96\x91 1 success, 0 mixed, "
	    "1 failure\n"
	    "       Ana (success): Heard *everyone* ^[[2J out\n"
	    "       Ben (failure): Talked over Carla, twice, in the planning "
	    "meeting on\n"
	    "         Monday and again in the retro on Friday afternoon\n"
	    "\np2  We teach.\n"
	    "  f1   2027-01-01  \xe2\x96\x93 0 successes, 1 mixed, "
	    "0 failures\n\n"));
	assert_non_null(strstr(t, "  c1 Ben: Ask first (1 success, 0 mixed, "
	    "0 failures)\n     Ben (success): Asked before the release\n"));
	free(t);
	t = report_of(notes, ALIGN_FMT_MARKDOWN, 0);
	assert_non_null(strstr(t, "| f1 2027-01-01T09:00:00Z | 1 | 0 | 1 |\n"
	    "\n- f1, Ana (success): Heard \\*everyone\\* ^[\\[2J out\n"
	    "- f1, Ben (failure): Talked over Carla"));
	assert_non_null(strstr(t, "- c1 Ben: Ask first (1 success, 0 mixed, "
	    "0 failures)\n  - Ben (success): Asked before the release\n"));
	/* A principle without notes has no list. */
	assert_non_null(strstr(t, "| f1 2027-01-01T09:00:00Z | 0 | 1 | 0 |\n"
	    "\n## f2"));
	free(t);
}

/* Records that are not what they should be are passed over, not
 * trusted: the report still comes, and says what it can. */
static void
test_report_passes_over_odd_records(void **state)
{
	static const char odd[] = "---\nkind: session\nid: s\n"
	    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "---\nkind: principle\nid: p2\nstatement: [odd]\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n"
	    "pairs: [Ana, [Ben]]\nprinciples: {a: b}\n"
	    "---\nkind: followup\nid: f2\ndate: 2027-02-01T09:00:00Z\n"
	    "with: Dev\ncommitments: x\n"
	    "---\nkind: checkin\nid: c-1\nfollowup: f1\nparticipant: Ana\n"
	    "---\nkind: checkin\nid: c-2\nfollowup: f1\nparticipant: Ben\n"
	    "principle: p1\noutcome: success\nrecognition: Thanks\n"
	    "---\nkind: followup\nid: f3\n";
	char *t;

	(void)state;
	t = report_of(odd, ALIGN_FMT_TEXT, 0);
	assert_non_null(strstr(t, "We listen."));
	assert_non_null(strstr(t, "Recognised (f1, Ben): Thanks"));
	assert_non_null(strstr(t, "\np2  \n"));
	assert_null(strstr(t, "one-to-one"));
	assert_null(strstr(t, "(null)"));
	free(t);
	t = report_of(odd, ALIGN_FMT_MARKDOWN, 0);
	assert_non_null(strstr(t, "We listen."));
	assert_null(strstr(t, "(null)"));
	free(t);
}

/* A one-to-one: its commitments, their check-ins and recognition. */
static void
test_one_to_one_report(void **state)
{
	static const char one[] = "---\nkind: session\nid: s\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-06T09:00:00Z\n"
	    "with: Dev\nevery: 1w\npairs: [[Ana, Dev]]\n"
	    "commitments:\n  - id: c1\n    participant: Dev\n"
	    "    commitment: asks before deciding\n  - id: c2\n"
	    "    commitment: reviews weekly\n  - odd\n"
	    "---\nkind: checkin\nid: k1\nfollowup: f1\nparticipant: Dev\n"
	    "principle: c1\noutcome: success\nat: 2027-01-06T10:00:00Z\n"
	    "---\nkind: checkin\nid: k2\nfollowup: f1\nparticipant: Dev\n"
	    "principle: c1\noutcome: failure\nat: 2027-01-13T10:00:00Z\n"
	    "recognition: Asked the team first\n";
	char *t;

	(void)state;
	t = report_of(one, ALIGN_FMT_TEXT, 0);
	assert_non_null(strstr(t, "\nf1: one-to-one with Dev\n"));
	assert_non_null(strstr(t, "  c1 Dev: asks before deciding (1 success, "
	    "0 mixed, 1 failure)\n"));
	/* No participant shows as such; what is not a commitment, not. */
	assert_non_null(strstr(t, "c2 ?: reviews weekly (0 successes"));
	assert_null(strstr(t, "(null)"));
	assert_non_null(strstr(t, "Not checked in for f1: Ana\n"));
	assert_non_null(strstr(t, "Asked the team first"));
	free(t);
	t = report_of(one, ALIGN_FMT_MARKDOWN, 0);
	assert_non_null(strstr(t, "## f1: one-to-one with Dev\n\n- c1 Dev: "));
	free(t);
}

/* The page: a column a round on one scale, its parts from the bottom
 * (successes, mixed, failures), the same numbers in a table, the notes,
 * who has not checked in; the same records, the same bytes. */
static void
test_report_html(void **state)
{
	static const char noted[] = "---\nkind: checkin\nid: k4\n"
	    "followup: f2\nparticipant: Ana\nprinciple: p1\n"
	    "outcome: success\nnote: \"<b>Heard</b> everyone\"\n";
	char *t, *u, *text = malloc(sizeof(rounds) + sizeof(noted));

	(void)state;
	assert_non_null(text);
	strcpy(text, rounds);
	strcat(text, noted);
	t = report_of(text, ALIGN_FMT_HTML, 0);
	/* f1: a success and a failure, of two, the most of any round. */
	assert_non_null(strstr(t, "<rect class=\"success\" x=\"16\" y=\"68\" "
	    "width=\"40\" height=\"50\"/><rect class=\"failure\" x=\"16\" "
	    "y=\"18\" width=\"40\" height=\"50\"/><text class=\"num\" "
	    "x=\"36\" y=\"13\">2</text>"));
	/* f2: a success and a mixed. */
	assert_non_null(strstr(t, "<rect class=\"success\" x=\"88\" y=\"68\" "
	    "width=\"40\" height=\"50\"/><rect class=\"mixed\" x=\"88\" "
	    "y=\"18\" width=\"40\" height=\"50\"/>"));
	assert_non_null(strstr(t, "<th scope=\"row\">f1</th><td><time "
	    "datetime=\"2027-01-01T09:00:00Z\">Friday 1 January 2027, 09:00 "
	    "<span class=\"nowrap\">(UTC+00:00)</span></time></td><td>1</td>"
	    "<td>0</td><td>1</td></tr>"));
	assert_non_null(strstr(t, "<span class=\"outcome success\">Success"
	    "</span> <span class=\"who\" lang=\"\">Ana</span> <span "
	    "class=\"in-round\">f2</span></div>\n<p lang=\"\" dir=\"auto\">"
	    "&lt;b&gt;Heard&lt;/b&gt; everyone</p>"));
	assert_null(strstr(t, "<b>"));
	assert_non_null(strstr(t, "2 of 3 checked in"));
	assert_non_null(strstr(t, "Not checked in: <ul class=\"names\" "
	    "lang=\"\"><li>Cy</li></ul>"));
	assert_non_null(strstr(t, "Recognised</span> <span class=\"who\" "
	    "lang=\"\">Ben</span></div>\n<p lang=\"\" dir=\"auto\">Thanks"));
	u = report_of(text, ALIGN_FMT_HTML, 0);
	assert_string_equal(t, u);
	free(t);
	free(u);
	free(text);
}

/* Check-ins by pseudonyms: the outcomes of fewer people than the
 * minimum are not told, a person who checked in twice counted once, and
 * nobody is named as not checked in. */
static void
test_report_html_anonymous(void **state)
{
	static const char anon[] = "---\nkind: session\nid: s\n"
	    "participants: [Ana, Ben, Cy]\n"
	    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n"
	    "---\nkind: checkin\nid: k1\nfollowup: f1\n"
	    "participant: p-0123456789\nprinciple: p1\noutcome: failure\n"
	    "note: Late again\n"
	    "---\nkind: checkin\nid: k2\nfollowup: f1\n"
	    "participant: p-0123456789\nprinciple: p1\noutcome: failure\n";
	char *t;

	(void)state;
	t = report_of(anon, ALIGN_FMT_HTML, 0);
	assert_non_null(strstr(t, "<td colspan=\"3\">fewer than 3 people "
	    "checked in</td>"));
	assert_non_null(strstr(t, "<rect class=\"hidden\""));
	assert_null(strstr(t, "<rect class=\"failure\""));
	assert_null(strstr(t, "class=\"outcome failure\""));
	assert_non_null(strstr(t, "Late again"));
	assert_null(strstr(t, "<li>Ana</li>"));
	free(t);
	/* One person twice is one person: still fewer than two. */
	t = report_min(anon, ALIGN_FMT_HTML, 0, 2);
	assert_non_null(strstr(t, "fewer than 2 people checked in"));
	free(t);
	t = report_min(anon, ALIGN_FMT_HTML, 0, 1);
	assert_non_null(strstr(t, "<td>0</td><td>0</td><td>2</td>"));
	free(t);
}

/* A tally's people: each participant once however often they checked
 * in, all the check-ins with no name as one, a check-in with no outcome
 * none (its note is still shown); the same over many people. */
static void
test_report_tally_people(void **state)
{
	static const char some[] = "---\nkind: session\nid: s\n"
	    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "---\nkind: principle\nid: p2\nstatement: We teach.\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n"
	    "---\nkind: checkin\nid: k1\nfollowup: f1\nparticipant: Ana\n"
	    "principle: p1\noutcome: success\n"
	    "---\nkind: checkin\nid: k2\nfollowup: f1\nparticipant: Ana\n"
	    "principle: p1\noutcome: failure\n"
	    "---\nkind: checkin\nid: k3\nfollowup: f1\nparticipant: Ben\n"
	    "principle: p1\nnote: Not sure yet\n"
	    "---\nkind: checkin\nid: k4\nfollowup: f1\nprinciple: p1\n"
	    "outcome: mixed\n"
	    "---\nkind: checkin\nid: k5\nfollowup: f1\nprinciple: p1\n"
	    "outcome: success\n"
	    "---\nkind: checkin\nid: k6\nfollowup: f1\nparticipant: Cy\n"
	    "principle: p1\noutcome: success\n"
	    "---\nkind: checkin\nid: k7\nfollowup: f1\nparticipant: Ben\n"
	    "principle: p2\noutcome: success\n";
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all = stream(some);
	struct align_rounds rs;
	struct align_report v;
	const struct align_report_tally *t;
	size_t i;

	(void)state;
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_report_make(&v, &rs, &e), 0);
	assert_int_equal(v.nprinciple, 2);
	assert_int_equal(v.ngroup, 1);
	t = &v.principle[0].tally[0];
	assert_int_equal(t->success, 3);
	assert_int_equal(t->mixed, 1);
	assert_int_equal(t->failure, 1);
	assert_int_equal(t->people, 3);		/* Ana, no name, Cy */
	assert_int_equal(v.principle[0].notes[0].n, 1);
	assert_string_equal(v.principle[0].notes[0].v[0].participant, "Ben");
	assert_string_equal(v.principle[0].notes[0].v[0].outcome, "");
	assert_int_equal(v.principle[1].tally[0].people, 1);
	align_report_release(&v);
	align_rounds_release(&rs);
	align_node_free(all);
	/* 3,000 people, each twice, one in nine of them on p2. */
	align_buf_puts(&b, "---\nkind: session\nid: s\n"
	    "---\nkind: principle\nid: p1\n---\nkind: principle\nid: p2\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-01-01T09:00:00Z\n");
	for (i = 0; i < 6000; i++)
		align_buf_printf(&b, "---\nkind: checkin\nid: k%zu\n"
		    "followup: f1\nparticipant: P%zu\nprinciple: p%d\n"
		    "outcome: %s\n", i, i % 3000, i % 3000 % 9 == 0 ? 2 : 1,
		    i % 2 ? "success" : "mixed");
	all = stream(b.p);
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_report_make(&v, &rs, &e), 0);
	assert_string_equal(v.principle[0].id, "p1");
	assert_int_equal(v.principle[0].tally[0].success +
	    v.principle[0].tally[0].mixed, 6000 - 668);
	assert_int_equal(v.principle[0].tally[0].people, 3000 - 334);
	assert_int_equal(v.principle[1].tally[0].success, 334);
	assert_int_equal(v.principle[1].tally[0].people, 334);
	align_report_release(&v);
	align_rounds_release(&rs);
	align_node_free(all);
	align_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_text),
		cmocka_unit_test(test_report_markdown),
		cmocka_unit_test(test_report_escapes_user_text),
		cmocka_unit_test(test_report_notes),
		cmocka_unit_test(test_report_passes_over_odd_records),
		cmocka_unit_test(test_one_to_one_report),
		cmocka_unit_test(test_report_html),
		cmocka_unit_test(test_report_html_anonymous),
		cmocka_unit_test(test_report_tally_people),
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
