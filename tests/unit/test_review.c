/* A one-to-one's weekly review: the round and the meeting it is of, the
 * goals and commitments it names, one review a meeting, done. */
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
#include "../../lib/review.h"
#include "../../lib/writer.h"
#include "helpers.h"

static const char one[] = "---\nkind: session\nid: s\n"
    "participants: [Cleo, Vic]\n"
    "---\nkind: followup\nid: f1\ndate: \"2027-02-08T10:00:00-05:00\"\n"
    "every: 1w\ncount: 3\nwith: Vic\npairs: [[Cleo, Vic]]\n"
    "goals:\n- id: g1\n  goal: Margin\n  target: \"38\"\n"
    "- id: g10\n  goal: Story\n"
    "commitments:\n- id: c1\n  participant: Vic\n  commitment: Desk\n"
    "- id: c2\n  participant: Cleo\n  commitment: Plan\n"
    "---\nkind: review\nid: f1-w1\nfollowup: f1\ndate: \"2027-02-08\"\n";

/* The review of in over the stream one, as YAML, or NULL with *status. */
static char *
review(const struct align_review_input *in, int *status)
{
	struct align_node *all = stream(one), *rec = NULL;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_rounds rs;

	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	*status = 0;
	if (align_review_new(&rs, in, &rec, &e) < 0)
		*status = e.status;
	else
		align_emit_record(&b, rec);
	align_node_free(rec);
	align_rounds_release(&rs);
	align_node_free(all);
	return *status ? NULL : align_buf_detach(&b);
}

static void
test_a_review_of_the_latest_meeting(void **state)
{
	const char *values[] = { "g1=36.5" }, *outcomes[] = { "c2=failure" };
	struct align_time now;
	struct align_review_input in = { .values = values, .nvalues = 1,
	    .outcomes = outcomes, .noutcomes = 1, .note = "late",
	    .now = &now };
	char *got;
	int st;

	(void)state;
	align_time_parse("2027-02-16T09:00:00-05:00", &now, NULL);
	got = review(&in, &st);
	assert_non_null(got);
	assert_string_equal(got, "---\nkind: review\nid: f1-w2\n"
	    "followup: f1\ndate: \"2027-02-15\"\nvalues:\n  g1: \"36.5\"\n"
	    "outcomes:\n  c2: failure\nnote: late\n"
	    "at: \"2027-02-16T09:00:00-05:00\"\n");
	free(got);
}

static void
test_what_a_review_refuses(void **state)
{
	const char *bad[][1] = { { "g2=1" }, { "g1=lots" }, { "g1" },
	    { "g=1" } };
	const char *outcome[] = { "c1=great" }, *ok[] = { "g1=1" };
	struct align_time now;
	struct align_review_input in = { .now = &now };
	size_t i;
	int st;

	(void)state;
	align_time_parse("2027-02-16T09:00:00-05:00", &now, NULL);
	assert_null(review(&in, &st));		/* nothing said */
	assert_int_equal(st, EX_USAGE);
	in.nvalues = 1;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		in.values = bad[i];
		assert_null(review(&in, &st));
		assert_int_equal(st, EX_USAGE);
	}
	in.values = ok;
	in.outcomes = outcome;
	in.noutcomes = 1;
	assert_null(review(&in, &st));
	assert_int_equal(st, EX_USAGE);
	in.noutcomes = 0;
	/* The first meeting has its review: a second is refused. */
	align_time_parse("2027-02-08T12:00:00-05:00", &now, NULL);
	assert_null(review(&in, &st));
	assert_int_equal(st, EX_DATAERR);
	/* Before the first meeting there is nothing to review. */
	align_time_parse("2027-02-07T12:00:00-05:00", &now, NULL);
	assert_null(review(&in, &st));
	assert_int_equal(st, EX_USAGE);
	/* A day given that has no meeting. */
	align_time_parse("2027-02-20T12:00:00-05:00", &now, NULL);
	in.week = "2027-02-16";
	assert_null(review(&in, &st));
	assert_int_equal(st, EX_USAGE);
	in.week = "2027-02-15";
	free(review(&in, &st));
	assert_int_equal(st, 0);
	in.with = "Ana";			/* no one-to-one with her */
	assert_null(review(&in, &st));
	assert_int_equal(st, EX_USAGE);
}

static void
test_ids_by_a_unique_prefix(void **state)
{
	struct align_node *all = stream(one);
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rounds rs;
	const struct align_followup_view *f;

	(void)state;
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	f = &rs.round[0].v.u.followup;
	assert_string_equal(align_review_item(f, "g1", 1), "g1");
	assert_string_equal(align_review_item(f, "g10", 1), "g10");
	assert_null(align_review_item(f, "g", 1));	/* g1 or g10 */
	assert_string_equal(align_review_item(f, "c2", 0), "c2");
	assert_null(align_review_item(f, "g1", 0));	/* not a commitment */
	align_rounds_release(&rs);
	align_node_free(all);
}

static void
test_done_marks_the_commitment(void **state)
{
	struct align_node *all = stream(one), *rec;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_rounds rs;
	struct align_time now;
	const char *done[] = { "c2" }, *none[] = { "c9" };
	struct align_review_input in = { .done = done, .ndone = 1,
	    .now = &now };
	size_t at;

	(void)state;
	align_time_parse("2027-02-16T23:30:00-05:00", &now, NULL);
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_review_done(&rs, &in, &rec, &at, &e), 0);
	assert_int_equal(at, 1);
	align_emit_record(&b, rec);
	assert_non_null(strstr(b.p, "  commitment: Plan\n  done: "
	    "\"2027-02-16\"\n"));
	assert_null(strstr(b.p, "Desk\n  done"));
	align_node_free(rec);
	in.done = none;
	assert_int_equal(align_review_done(&rs, &in, &rec, &at, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	align_buf_release(&b);
	align_rounds_release(&rs);
	align_node_free(all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_review_of_the_latest_meeting),
		cmocka_unit_test(test_what_a_review_refuses),
		cmocka_unit_test(test_ids_by_a_unique_prefix),
		cmocka_unit_test(test_done_marks_the_commitment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
