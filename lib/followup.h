/*
 * followup.h - step 8: pair up, follow up, reflect.
 *
 * A follow-up is a round: a date (six weeks after the session unless
 * given), an optional cadence ("every: 1w", with a count or an end), the
 * principles under review, and pairs of participants who talk about how
 * they embody them.  Planning again before the latest round's date
 * revises that round (its calendar sequence goes up); planning after it
 * adds the next round.
 *
 * The one-to-one practice (realigning one manager) is the same machinery
 * with two people and a weekly cadence: its record also holds the root
 * cause, the shared goals and each side's commitments.
 */
#ifndef ALIGN_FOLLOWUP_H
#define ALIGN_FOLLOWUP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "node.h"
#include "when.h"

/* Pair people[0..n-1] for a round: no pair repeated while an unused
 * pairing exists (used: pairs of earlier rounds, a sequence of lists), a
 * trio when n is odd, deterministic for a seed.  The pairs, each sorted,
 * sorted by their first name, into *out (a new sequence).  0, or -1. */
int align_pairs(char *const *people, size_t n, const struct align_node *used,
    uint64_t seed, struct align_node **out, struct align_err *e);

/* How many pairs of rounds are repeats of used ones. */
size_t align_pairs_repeats(const struct align_node *pairs,
    const struct align_node *used);

struct align_round {
	struct align_time date;
	long every;		/* minutes between occurrences, 0: once */
	long count;		/* occurrences, 0: no limit */
	struct align_time until; /* no occurrence after, if has_until */
	int has_until;
};

/* The first session record of recs (a sequence), or NULL. */
const struct align_node *align_session_of(const struct align_node *recs);

/* The round of a followup record; -1 and e (65) when its date or cadence
 * is not readable. */
int align_round_of(const struct align_node *f, struct align_round *r,
    struct align_err *e);
/* The k-th occurrence (from 0); 0, or -1 when there is none. */
int align_round_at(const struct align_round *r, long k,
    struct align_time *t);

/* The calendar of followup records (a sequence): VEVENTs with RRULEs,
 * and with per_pair, one event a pair. */
int align_followup_ics(struct align_buf *b, const struct align_node *session,
    const struct align_node *followups, int per_pair,
    const struct align_time *now, struct align_err *e);


/* What is due on a day, for cron: a meeting of a round (or an occurrence
 * of its cadence) within the window, and, once a round's day has come,
 * each of its people who has not checked in.  A reminder given before
 * (a "reminder" record of the stream) is not given again, and of the
 * occurrences a missed run left behind only the latest is given. */
struct align_due {
	char date[40];		/* the day it is due */
	char followup[64];
	char what[512];		/* for people */
	char id[40];		/* of the reminder record that marks it */
};

/* The due items of the records of a stream (a sequence) at now, looking
 * within minutes ahead, into *items (the caller frees).  0, or -1 and e. */
int align_due_items(const struct align_node *recs,
    const struct align_time *now, long within, struct align_due **items,
    size_t *n, struct align_err *e);

/* Per principle and per round: successes, failures and mixed outcomes
 * and how they move, who has not checked in, what was recognised. */
void align_followup_report(struct align_buf *b, const struct align_node *recs,
    int markdown, int color);

struct align_followup_opts {
	const char *date;		/* when; default: after the last */
	const char *every;		/* cadence, or NULL */
	long count;			/* occurrences, 0: no limit */
	const char *until;		/* or the last day */
	const char *const *principle;	/* under review; default: agreed */
	size_t nprinciple;
	const char *with;		/* a one-to-one with this person */
	const char *leader;		/* the other side of it */
	const char *root_cause;
	const char *const *goal;
	size_t ngoal;
	const char *const *commit;	/* "NAME:what they commit to" */
	size_t ncommit;
	uint64_t seed;
	const struct align_time *now;
};

/* Plan a round from the records of a stream (a sequence).  *at is the
 * index of the round revised (*out replaces it), or -1 for a new round
 * (*out goes at the end).  0, or -1 and e (64 a bad option, 65). */
int align_followup_plan(const struct align_node *recs,
    const struct align_followup_opts *o, struct align_node **out, long *at,
    struct align_err *e);

/* A check-in record: one person, one principle (or commitment), an
 * outcome (success, failure, mixed), a note, the round (default: the
 * latest one whose day has come).  0, or -1 and e (64). */
int align_checkin_new(const struct align_node *recs, const char *who,
    const char *principle, const char *outcome, const char *note,
    const char *followup, const char *recognition, const char *at,
    struct align_node **out, struct align_err *e);
#endif
