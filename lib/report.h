/*
 * report.h - how the follow-up goes: per principle and round the
 * successes, mixed outcomes and failures (so that a trend over the rounds
 * shows) and the notes people wrote in their check-ins, which are what
 * the group reflects on; each one-to-one's commitments, how they went and
 * their notes; and per round who has not checked in and what was
 * recognised.
 *
 * A report is a view made once from the records; a renderer a format
 * shows it (report_text.c, report_md.c, report_html.c):
 *
 *	struct align_report v;
 *	if (align_report_make(&v, &rs, &e) < 0)
 *		fail(&e);
 *	align_report_show(&v, &show);
 *	align_report_release(&v);
 */
#ifndef ALIGN_REPORT_H
#define ALIGN_REPORT_H

#include <stddef.h>

#include "err.h"
#include "record.h"
#include "round.h"
#include "realign.h"
#include "show.h"

/* How the check-ins on one principle (or commitment) in one round came
 * out. */
struct align_report_tally {
	size_t success, mixed, failure;
	size_t people;			/* distinct participants of them */
};

/* What one person wrote in a check-in. */
struct align_report_note {
	const char *participant;	/* "?" if none */
	const char *outcome;		/* "" if none */
	const char *note;
};

/* The notes on one principle (or commitment) in one round, in the order
 * of the stream. */
struct align_report_notes {
	struct align_report_note *v;
	size_t n;
};

struct align_report_recognition {
	const char *participant;	/* "?" if none */
	const char *text;
};

struct align_report_commitment {
	const char *id, *participant, *commitment;	/* participant: "?" */
	struct align_report_tally tally;
	struct align_report_notes notes;
};

struct align_report_round {
	const char *id;
	const char *date;		/* "" if none */
	const char *with;		/* a one-to-one's other person, or NULL */
	int one_to_one;			/* it has commitments to report */
	struct align_report_commitment *commitment;
	size_t ncommitment;
	size_t people;			/* its people: of its pairs, else the
					 * session's */
	struct align_texts missing;	/* its people not checked in */
	struct align_report_recognition *recognition;
	size_t nrecognition;
	struct align_realign *realign;	/* a one-to-one's practice, once
					 * align_report_practice() made it */
};

/* A check-in that has a note: what a person wrote, with where. */
struct align_report_remark {
	const char *round;		/* the round's id */
	const char *participant;	/* "?" if none */
	const char *principle;		/* a principle's or commitment's id */
	const char *outcome;		/* success, mixed, failure, or "" */
	const char *text;
};

struct align_report_principle {
	const char *id;
	const char *statement;		/* "" if none */
	struct align_report_tally *tally;	/* one a group round */
	struct align_report_notes *notes;	/* one a group round */
};

struct align_report {
	struct align_report_principle *principle;
	size_t nprinciple;
	struct align_report_round *round;	/* every round with an id */
	size_t nround;
	size_t *group;		/* the group's rounds (not one-to-ones) */
	size_t ngroup;		/* as indexes in round[] */
	struct align_report_remark *remark;	/* in the order of the stream */
	size_t nremark;
	const char *title, *date, *place;	/* the session's, or NULL */
	int anonymous;		/* every check-in is by a pseudonym */
};

/* The report of the records of rs; it borrows from them.  0, or -1 and e
 * (71); v needs align_report_release() either way. */
int align_report_make(struct align_report *v, const struct align_rounds *rs,
    struct align_err *e);
void align_report_release(struct align_report *v);
/* The practice of each one-to-one round of v (realign.h), seen on the
 * day of now: its round's realign.  0, or -1 and e (65, 71). */
int align_report_practice(struct align_report *v,
    const struct align_rounds *rs, const struct align_time *now,
    struct align_err *e);

/* The formats a report can be shown in, as a mask. */
int align_report_formats(void);
/* Show v in s->format.  Failure shows in s->b->failed. */
void align_report_show(const struct align_report *v,
    const struct align_show *s);

/* The renderers. */
void align_report_text(const struct align_report *v,
    const struct align_show *s);
void align_report_markdown(const struct align_report *v,
    const struct align_show *s);
void align_report_html(const struct align_report *v,
    const struct align_show *s);

#endif
