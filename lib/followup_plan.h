/*
 * followup_plan.h - planning a round of step 8.
 *
 * A round has a date (six weeks after the session, or after the last
 * round, unless given), an optional cadence with a count or an end, the
 * principles under review (those given, else those agreed, else all) and
 * pairs (pairs.h).  Planning again before the latest round's date revises
 * that round (its calendar sequence goes up when something changed);
 * planning once its date has come adds the next round.  A one-to-one
 * (with) is a round of its own series: the leader and one manager,
 * weekly, with the root cause, the shared goals and each side's
 * commitments.
 *
 * Rounds are planned in the step's zone (align_rounds_zone): six weeks
 * after noon is noon, whatever the offset then.
 *
 *	struct align_planned p;
 *	if (align_followup_plan(&rs, &opts, &p, &e) < 0)
 *		fail(&e);
 *	if (align_planned_zone(&p, recs, &e) < 0)	(the session's tz)
 *		fail(&e);
 *	...write p.rec at p.at, or at the end when p.at is -1...
 *	if (align_planned_show(&p, &rs, &show, per_pair, &now, &e) < 0)
 *		fail(&e);
 *	align_planned_release(&p);
 *
 * Showing the rounds as they are, planning nothing (align-followup show):
 *
 *	if (align_rounds_show(&rs, &show, per_pair, &now, &e) < 0)
 *		fail(&e);
 */
#ifndef ALIGN_FOLLOWUP_PLAN_H
#define ALIGN_FOLLOWUP_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "node.h"
#include "pairs.h"
#include "record.h"
#include "roster.h"
#include "round.h"
#include "show.h"
#include "when.h"

/* A goal of a one-to-one as given: its text, and for a measured one
 * what is measured, the target (a number) and the unit. */
struct align_goal_opt {
	const char *goal, *measure, *target, *unit;
};

/* A commitment as given: "NAME:what", and an optional due day. */
struct align_commit_opt {
	const char *spec, *due;
};

struct align_followup_opts {
	const char *date;		/* when; default: after the last */
	const char *every;		/* cadence, or NULL */
	long count;			/* occurrences, 0: no limit */
	const char *until;		/* or the last day */
	const char *const *principle;	/* under review; default: agreed */
	size_t nprinciple;
	const char *pair_time;		/* "16:00": when the pairs meet */
	const char *duration;		/* the round's length, or NULL */
	const char *with;		/* a one-to-one with this person */
	const char *leader;		/* the other side of it */
	const char *root_cause;
	const char *their_view;		/* the manager's own view */
	const char *role;		/* their role in the goals */
	const char *acknowledgement;	/* what they acknowledged */
	const char *const *support;	/* the support promised */
	size_t nsupport;
	const struct align_goal_opt *goal;
	size_t ngoal;
	const struct align_commit_opt *commit;
	size_t ncommit;
	uint64_t seed;
	int share_names;		/* a new round's pairs name the
					 * session view's strings, not copies
					 * (pairs.h's align_pairs_borrowed()):
					 * the planned round then released
					 * before rs, whose session lasts */
	const struct align_time *now;
};

/* A round planned. */
struct align_planned {
	struct align_node *rec;	/* the followup record, new or revised
				 * (sharing what of the round it revises
				 * lives in a pool: node.h's
				 * align_node_copy_top(); released before
				 * that pool) */
	long at;		/* the index in the stream of the round it
				 * revises (rec replaces it), or -1: a new
				 * round, at the end */
	int revised;		/* an existing round was changed */
	struct align_view view;	/* of rec */
	char *tz;		/* the zone planned in, for the session to
				 * keep, or NULL */
	struct align_pairs_made made; /* a new round's pairs, in rec, with
				 * share_names (pairs.h) */
};

/* Plan a round from the records of rs.  0, or -1 and e: 64 a bad option,
 * 65 a round that cannot be read or too few people to pair, 71; p needs
 * align_planned_release() either way. */
int align_followup_plan(const struct align_rounds *rs,
    const struct align_followup_opts *o, struct align_planned *p,
    struct align_err *e);
void align_planned_release(struct align_planned *p);
/* Keep p's zone in the first session record of recs (its key tz), when
 * the session did not keep it.  0, or -1 and e (71). */
int align_planned_zone(const struct align_planned *p, struct align_node *recs,
    struct align_err *e);

/* The formats a planned round can be shown in, as a mask. */
int align_planned_formats(void);
/* Show p in s->format: text, the round and its pairs (round_text.c);
 * html, a page of every round with p in its place (round_html.c); ics,
 * the calendar of every round with p in its place (calendar.h; per_pair:
 * an event a pair too, now: its stamp).  0, or -1 and e (65, 71). */
int align_planned_show(const struct align_planned *p,
    const struct align_rounds *rs, const struct align_show *s, int per_pair,
    const struct align_time *now, struct align_err *e);

/* The one-to-one practice's part (one_to_one.c).  A one-to-one is one
 * series: planning it again revises its round (a cadence's round, even
 * after its day), adding to what it holds; new goals and commitments get
 * the next ids (g<n>, c<n>: never one used before), a goal or commitment
 * given again as it is written is updated in its place.
 *
 * The names of o (with, leader) resolved against the session's roster
 * (roster.h) into *with and *leader (borrowed from *ro, which the caller
 * frees with align_roster_free(); an empty roster takes them as typed).
 * 0, or -1 and e: 64 a name the roster refuses, 65 a bad alias, 71. */
int align_one_to_one_names(const struct align_rounds *rs,
    const struct align_followup_opts *o, struct align_roster **ro,
    const char **with, const char **leader, struct align_err *e);
/* The leader of a new one-to-one given no --leader: the session's
 * facilitator, by the same soft rule, into *leader as the roster names
 * them (without an address), or left as it is when the roster knows
 * nobody near (the facilitator as written).  0, or -1 and e: 65 an
 * ambiguous facilitator or a near miss, at the session's line; 71. */
int align_one_to_one_leader(const struct align_rounds *rs,
    struct align_roster *ro, const char **leader, struct align_err *e);
/* The pairs of a one-to-one with `with`: the leader (else the session's
 * facilitator) and the manager; a new sequence, or NULL when out of
 * memory. */
struct align_node *align_one_to_one_pair(const char *with, const char *leader,
    const struct align_session_view *s);
/* Its keys into the round f: with, root_cause, view, role,
 * acknowledgement (and acknowledged, the day of o->now), support, goals,
 * commitments (owners resolved by ro).  0, or -1 and e: 64 a commitment
 * without a name or with a bad due day, a target that is no number, a
 * measure without a goal, an owner the roster refuses; 71. */
int align_one_to_one_plan(struct align_node *f,
    const struct align_followup_opts *o, const char *with,
    struct align_roster *ro, const struct align_zone *zone,
    struct align_err *e);

/* What the weekly meeting of the one-to-one f is for, as text for a
 * calendar's description: the review, then (unless private) the goals
 * and their targets and the commitments still open; into d.  The root
 * cause and the notes are never in it. */
void align_one_to_one_agenda(struct align_buf *d,
    const struct align_followup_view *f, int private_);

/* The formats the rounds can be shown in, as a mask. */
int align_rounds_formats(void);
/* Show every round of rs in s->format, as planned, changing nothing:
 * text, each round and its pairs' meetings; ics, the calendar (per_pair:
 * an event a pair too; now: its stamp).  0, or -1 and e (65, 71). */
int align_rounds_show(const struct align_rounds *rs,
    const struct align_show *s, int per_pair, const struct align_time *now,
    struct align_err *e);

/* A round as the text shows it. */
struct align_round_shown {
	const struct align_view *view;	/* of its record */
	int revised;			/* planning changed it */
	const struct align_round *when;	/* its dates */
};
/* The renderer of the text: "f1 follow-up on DATE, every 2w", the
 * principles, each pair and when it first meets. */
void align_round_text(const struct align_round_shown *r,
    const struct align_show *s);
/* The renderer of the page: every round of rs, p in its place (or at
 * the end, a new round) when p is not NULL, each with its dates,
 * principles and pairs. */
void align_round_html(const struct align_planned *p,
    const struct align_rounds *rs, const struct align_show *s);

#endif
