/*
 * round.h - the rounds of step 8, and what hangs on them.
 *
 * A round is a followup record: a date, an optional cadence ("every: 1w"
 * with a count or an end), the principles under review, the pairs.  Step 8
 * reads a stream once into struct align_rounds: the session, the
 * principles, the rounds, the check-ins, the reminders and the
 * one-to-ones' reviews, each as a view
 * (record.h), in the order of the stream.  Every module of the step
 * (pairs, planning, check-ins, what is due, the report, the calendar)
 * reads the records through it, so none looks a key up or checks a shape:
 *
 *	struct align_rounds rs;
 *	if (align_rounds_read(&rs, recs, &e) < 0)
 *		fail(&e);			(out of memory only)
 *	for (i = 0; i < rs.nround; i++)
 *		use(&rs.round[i].v.u.followup);
 *	align_rounds_release(&rs);
 *
 * The views borrow from recs, which must outlive rs.
 *
 * The check-ins are indexed as they are read, by round and by round and
 * principle, so that what a report or cron asks of a round (its
 * check-ins on a principle, whether a person has checked in) costs the
 * same for a round of ten people as for one of a hundred thousand:
 *
 *	at = align_round_checkins(&rs, "f1", "p1", &n);
 *	for (i = 0; i < n; i++)
 *		use(&rs.checkin[at[i]].v.u.checkin);
 */
#ifndef ALIGN_ROUND_H
#define ALIGN_ROUND_H

#include <stddef.h>

#include "err.h"
#include "node.h"
#include "record.h"
#include "when.h"
#include "zone.h"

/* A record of the stream, as a view, and its place in the stream. */
struct align_rounds_entry {
	struct align_view v;
	size_t at;		/* its index in recs */
};

struct align_rounds_index;		/* round.c */

struct align_rounds {
	const struct align_node *recs;
	const struct align_session_view *session;	/* the first, or NULL */
	struct align_rounds_entry *principle, *round, *checkin, *reminder;
	size_t nprinciple, nround, ncheckin, nreminder;
	struct align_view session_view;			/* of the first */
	size_t capprinciple, capround, capcheckin, capreminder;
	struct align_rounds_entry *review;	/* one-to-ones' reviews */
	size_t nreview, capreview;
	struct align_zone *zone;	/* the step's (align_rounds_zone), or
					 * NULL: none */
	int zone_new;			/* the session does not keep it yet */
	int add_people;			/* a check-in's name not on the
					 * roster is a new person, not
					 * refused (checkin.h) */
	struct align_rounds_index *index;	/* of the check-ins; NULL:
						 * there are none */
};

/* Read the records of recs (a sequence) into rs, each kind in the
 * canonical order (order.h), whatever the order of recs: principles by
 * dots, then id; rounds by date, check-ins and reminders by time, then
 * id.  0, or -1 and e (71);
 * rs needs align_rounds_release() either way. */
int align_rounds_read(struct align_rounds *rs, const struct align_node *recs,
    struct align_err *e);
void align_rounds_release(struct align_rounds *rs);

/* The zone the step plans and tells the days in, into rs->zone: name (an
 * option) when not NULL; else the session's tz; else the system's ($TZ,
 * else /etc/localtime) when it is not UTC and agrees with the offset the
 * session's date (or else the first round's) was written with; else none,
 * and every time keeps its own offset.  rs->zone_new says that the
 * session does not keep that zone yet (align_planned_zone() records it).
 * 0, or -1 and e: 64 a name given that is not a zone, 65 a session's tz
 * that is not one (naming its line), 71. */
int align_rounds_zone(struct align_rounds *rs, const char *name,
    struct align_err *e);
/* The statement of the principle called id, or NULL. */
const char *align_rounds_statement(const struct align_rounds *rs,
    const char *id);

/* The people of round f: those of its pairs, in order, else the
 * session's participants.  Into *who (the caller frees who->v; the names
 * are borrowed).  0, or -1 and e (71). */
int align_round_people(const struct align_rounds *rs,
    const struct align_followup_view *f, struct align_texts *who,
    struct align_err *e);
/* 1 when who has checked in on the round with id fid (a check-in naming
 * both, on any principle or none).  In constant time. */
int align_round_checked_in(const struct align_rounds *rs, const char *fid,
    const char *who);
/* The check-ins naming round fid and principle (or commitment) pid, or
 * with pid NULL all those naming round fid: their indexes in rs->checkin,
 * in its order, and in *n how many (NULL and 0: none).  In constant time;
 * the array is rs's. */
const size_t *align_round_checkins(const struct align_rounds *rs,
    const char *fid, const char *pid, size_t *n);

/* A round's dates, in the step's zone.  A cadence of whole days keeps
 * the local time of day across a change of offset (a weekly meeting at
 * noon stays at noon); one of hours or minutes keeps its interval. */
struct align_round {
	struct align_time date;	/* with the zone's offset, if a zone */
	long every;		/* minutes between occurrences, 0: once */
	long count;		/* occurrences, 0: no limit */
	struct align_time until; /* no occurrence after, if has_until */
	int has_until;
	int pair_time;		/* minutes after midnight the pairs meet,
				 * -1: at the round's time of day */
	long minutes;		/* its length (key duration), 0: not set */
	const struct align_zone *zone;	/* NULL: the date's offset */
};

/* The dates of the round f (a view of a followup record) in zone (NULL:
 * none); -1 and e (65, naming the round and the line of its record) when
 * its date, cadence, end, pair time or length is not readable. */
int align_round_of(const struct align_view *f, const struct align_zone *zone,
    struct align_round *r, struct align_err *e);
/* The k-th occurrence (from 0); 0, or -1 when there is none. */
int align_round_at(const struct align_round *r, long k,
    struct align_time *t);

/* The first meeting of the k-th of n pairs of r: the pairs meet in the
 * six days before the round's (before the occurrence before it, with a
 * cadence shorter than a week; on its day, with one of a day), on their
 * working days (every day when there is none), spread over them in
 * order, at r->pair_time, else at the round's time of day (a round on a
 * date alone: on a date alone).  Their meetings repeat as the round's
 * do. */
struct align_time align_round_pair_at(const struct align_round *r, size_t k,
    size_t n);
/* "16:00" as minutes after midnight into *minutes; -1 when it is not a
 * time of day. */
int align_pair_time_parse(const char *s, int *minutes);

/* The first session record of recs (a sequence), or NULL. */
const struct align_node *align_session_of(const struct align_node *recs);

#endif
