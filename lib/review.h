/*
 * review.h - a one-to-one's weekly review: how the manager's measured
 * goals stand, how each commitment went, a note and the recognition
 * given; and a commitment marked done.
 *
 * A review is of one meeting of a one-to-one's round (a followup record
 * with "with"): by default the latest whose day has come, in the step's
 * zone; or the one on a day given.  One review a meeting: its id is the
 * round's and the meeting's number, "f1-w3", and a second review of the
 * same meeting is refused.
 *
 *	struct align_review_input in = { .with = "Vic", .now = &now };
 *	in.values = (const char *[]){ "g1=36.5" };
 *	in.nvalues = 1;
 *	if (align_review_new(&rs, &in, &rec, &e) < 0)
 *		fail(&e);
 *	...append rec...
 *
 * Marking done writes the day into the round's commitments, a change of
 * align-followup's own record:
 *
 *	if (align_review_done(&rs, &in, &round, &at, &e) < 0)
 *		fail(&e);
 *	...write round in place of the record at index at...
 */
#ifndef ALIGN_REVIEW_H
#define ALIGN_REVIEW_H

#include <stddef.h>

#include "err.h"
#include "node.h"
#include "round.h"
#include "when.h"

/* What a review says, as typed. */
struct align_review_input {
	const char *with;	/* the one-to-one's person (roster-resolved),
				 * or NULL: the only one-to-one */
	const char *followup;	/* or its round's id */
	const char *week;	/* the day of the meeting, or NULL */
	const char *const *values;	/* "g1=36.5": a goal's value */
	size_t nvalues;
	const char *const *outcomes;	/* "c1=success|failure|mixed" */
	size_t noutcomes;
	const char *const *done;	/* commitment ids done */
	size_t ndone;
	const char *note, *recognition;
	const struct align_time *now;
};

/* The one-to-one round in->with (or in->followup, or the only one) of
 * rs, as its index in rs->round.  0, or -1 and e: 64 none, or more than
 * one and none named. */
int align_review_round(const struct align_rounds *rs,
    const struct align_review_input *in, size_t *at, struct align_err *e);

/* The meeting of round f reviewed: in->week's, else the latest whose day
 * (in rs->zone) has come by in->now; its number from 0 into *k and its
 * day into day.  0, or -1 and e: 64 no meeting on that day, or none has
 * come yet; 65 the round's dates not readable. */
int align_review_week(const struct align_rounds *rs,
    const struct align_view *f, const struct align_review_input *in,
    long *k, char day[40], struct align_err *e);

/* The id of the goal or commitment of f that s names (its id, or a
 * unique prefix of one), or NULL.  goals: 1 for a goal, 0 for a
 * commitment. */
const char *align_review_item(const struct align_followup_view *f,
    const char *s, int goals);

/* The review record of in into *out.  0, or -1 and e: 64 a value that
 * is not "goal=number" of a goal of the round, an outcome not
 * "commitment=success|failure|mixed", nothing to record; 65 the meeting
 * already reviewed; 71. */
int align_review_new(const struct align_rounds *rs,
    const struct align_review_input *in, struct align_node **out,
    struct align_err *e);

/* The round of in with the commitments in->done marked done on the day
 * of in->now: a new record into *out, to replace the one at index *at of
 * the stream.  0, or -1 and e: 64 a commitment not of the round; 71. */
int align_review_done(const struct align_rounds *rs,
    const struct align_review_input *in, struct align_node **out,
    size_t *at, struct align_err *e);

#endif
