/*
 * realign.h - a one-to-one realignment as the leader follows it: what was
 * found (the root cause, the manager's own view, their role, what they
 * acknowledged, the support promised), each goal's trend week by week,
 * each commitment's state, the reviews, the recognition given with its
 * day, and the flags that need the leader: a commitment that failed two
 * reviews in a row, a meeting with no review.
 *
 * A view made once from the records of one one-to-one round, seen on a
 * day (now); one renderer a format shows it (realign_text.c,
 * realign_md.c, realign_html.c), inside the follow-up report:
 *
 *	struct align_realign *p;
 *	if (align_realign_make(&p, &rs, &rs.round[i].v, &now, &e) < 0)
 *		fail(&e);
 *	align_realign_text(p, &show);
 *	align_realign_free(p);
 *
 * The weeks are the round's meetings whose day (in the step's zone) has
 * come by now; a meeting before today without a review is missed (on its
 * day it is not yet).  A commitment is done once marked so, overdue once
 * its due day has passed undone, else on track.  A measured goal's
 * target is reached by a value at or past it, in the direction the goal
 * moves (a goal that starts above its target aims down).
 *
 * The view borrows from the records: it lives no longer than they do.
 */
#ifndef ALIGN_REALIGN_H
#define ALIGN_REALIGN_H

#include <stddef.h>

#include "err.h"
#include "record.h"
#include "round.h"
#include "show.h"
#include "when.h"

/* A meeting of the round. */
struct align_realign_week {
	char day[40];				/* "2027-02-08" */
	const struct align_review_view *review;	/* or NULL */
	int missed;				/* past, no review */
};

/* A goal, and its value each week (NAN: none that week). */
struct align_realign_goal {
	const char *id, *goal, *measure, *unit;	/* unit: "" if none */
	const char *target;			/* as written, or NULL */
	double target_v;
	int measured;				/* it has a measure or target */
	double *value;				/* one a week */
	size_t nvalue;				/* weeks with a value */
	double first, last;			/* of those weeks */
	const char *reached;			/* the day the target was
						 * first reached, or NULL */
};

enum align_realign_state {
	ALIGN_REALIGN_ON_TRACK,
	ALIGN_REALIGN_DONE,
	ALIGN_REALIGN_OVERDUE
};

struct align_realign_commitment {
	const char *id, *participant, *commitment;	/* participant: "?" */
	const char *due, *done;			/* days, or NULL */
	enum align_realign_state state;
	const char **outcome;			/* one a week, or NULL */
	size_t checkins[3];			/* check-ins on it: success,
						 * mixed, failure */
	int checked;				/* it has check-ins */
};

struct align_realign_recognition {
	char day[40];				/* "2027-03-08" */
	const char *text;
};

enum align_realign_flag_kind {
	ALIGN_REALIGN_FAILED_TWICE,	/* id, day, day2 */
	ALIGN_REALIGN_MISSED		/* day */
};

struct align_realign_flag {
	enum align_realign_flag_kind kind;
	const char *id;			/* the commitment's, or NULL */
	const char *day, *day2;		/* borrowed from the weeks */
};

struct align_realign {
	const char *id, *with;
	const char *root_cause, *their_view, *role;
	const char *acknowledgement, *acknowledged;
	struct align_texts support;	/* borrowed from the round's view */
	struct align_realign_week *week;
	size_t nweek, nreviewed, nmissed;
	struct align_realign_goal *goal;
	size_t ngoal;
	struct align_realign_commitment *commitment;
	size_t ncommitment;
	struct align_realign_recognition *recognition;
	size_t nrecognition;
	struct align_realign_flag *flag;
	size_t nflag;
	char today[40];
};

/* The view of the one-to-one round f of rs on the day of now.  0, or -1
 * and e (65 the round's dates not readable, 71); *out needs
 * align_realign_free() either way. */
int align_realign_make(struct align_realign **out,
    const struct align_rounds *rs, const struct align_view *f,
    const struct align_time *now, struct align_err *e);
void align_realign_free(struct align_realign *p);

/* The review of the meeting on day ("2027-02-08") of round fid, or NULL
 * (of two, the first, as a reader keeps the first of one id); borrowed
 * from rs. */
const struct align_review_view *align_realign_review(
    const struct align_rounds *rs, const char *fid, const char *day);

/* The lowest and highest value of goal g over the weeks of p (and its
 * target, with target), into *lo and *hi; g has a value. */
void align_realign_range(const struct align_realign *p,
    const struct align_realign_goal *g, int target, double *lo, double *hi);
/* Eight levels of a sparkline: the level 0-7 of x between lo and hi. */
int align_realign_level(double x, double lo, double hi);
/* A number as people write it: 38, 36.5, 39.25 (at most two decimals,
 * no trailing zeros), into out (>= 32 bytes). */
void align_realign_number(double x, char *out);
/* The one-to-one's facts in the order every renderer shows them: root
 * cause, their view, their role, the acknowledgement (with its day), and
 * each support; fact() called with a label, a day or NULL, and the text
 * (NULL when not recorded, for fact() to leave out). */
void align_realign_facts(const struct align_realign *p,
    const struct align_show *s, void (*fact)(const struct align_show *s,
    const char *label, const char *day, const char *text));

/* The renderers. */
void align_realign_text(const struct align_realign *p,
    const struct align_show *s);
void align_realign_markdown(const struct align_realign *p,
    const struct align_show *s);
void align_realign_html(const struct align_realign *p,
    const struct align_show *s);

#endif
