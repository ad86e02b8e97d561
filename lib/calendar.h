/*
 * calendar.h - the rounds as a calendar: one event a round, repeating by
 * its cadence, its UID and SEQUENCE kept in its record (so that a revised
 * round replaces itself in a calendar), its description the principles'
 * statements under review, and with per_pair one event for each pair too,
 * at the pair's own time (round.h, align_round_pair_at).  In the step's
 * zone, every event is written in local time with its TZID and the zone's
 * VTIMEZONE, so that a weekly meeting stays at noon across a change of
 * offset; with no zone (or UTC), in UTC.  The session's facilitator is
 * the ORGANIZER, and the people who meet (the round's pairs, or a pair)
 * are its ATTENDEEs, by the addresses the session gives them (ics.h).  lib/ics.c writes the content
 * lines.
 *
 * A calendar is a view made once from the rounds; a renderer a format
 * shows it (calendar_ics.c):
 *
 *	struct align_calendar cal;
 *	if (align_calendar_make(&cal, &rs, rounds, n, per_pair, &now,
 *	    &e) < 0)
 *		fail(&e);
 *	align_calendar_show(&cal, &show);
 *	align_calendar_release(&cal);
 */
#ifndef ALIGN_CALENDAR_H
#define ALIGN_CALENDAR_H

#include <stddef.h>

#include "err.h"
#include "record.h"
#include "roster.h"
#include "round.h"
#include "show.h"
#include "when.h"

struct align_calendar_event {
	const struct align_followup_view *round;
	const struct align_texts *pair;	/* an event of one pair, or NULL */
	struct align_round when;	/* a pair's: from its first meeting */
	const char *uid;		/* the record's, or its id */
	char *own;			/* a pair's UID, made here */
	long sequence;
	long minutes;			/* its length (not for a day) */
	const char **statement;		/* of each of round->principles, or
					 * NULL when not known */
	const char **people;		/* who meets, as the session's
					 * entries ("Ana <ana@x>"): a pair's,
					 * or every pair's of the round */
	size_t npeople;
};

struct align_calendar {
	const char *title;		/* the session's, or ALIGN_TITLE */
	int private_;			/* a private session: a one-to-one's
					 * events carry no goals or
					 * commitments */
	struct align_time stamp;	/* when the calendar was made */
	const struct align_zone *zone;	/* the step's, or NULL */
	const char *organizer;		/* the session's facilitator, or
					 * NULL */
	struct align_roster *roster;	/* the session's: people's entries */
	int invites;			/* an event has someone to ask:
					 * METHOD:REQUEST */
	int timed;			/* an event has a time of day */
	int64_t from, to;		/* the first start and the last (to
					 * INT64_MAX: a cadence without end) */
	struct align_calendar_event *event;
	size_t nevent, cap;
};

/* The calendar of rounds[0..n-1] (views of followup records of rs, in
 * its zone), made at now.  The view borrows from them.  0, or -1 and e:
 * 65 when a round's dates are not readable (align_round_of), 71; c needs
 * align_calendar_release() either way. */
int align_calendar_make(struct align_calendar *c,
    const struct align_rounds *rs, const struct align_view *const *rounds,
    size_t n, int per_pair, const struct align_time *now,
    struct align_err *e);
void align_calendar_release(struct align_calendar *c);

/* The formats a calendar can be shown in, as a mask. */
int align_calendar_formats(void);
/* Show c in s->format.  Failure shows in s->b->failed. */
void align_calendar_show(const struct align_calendar *c,
    const struct align_show *s);

/* The renderers. */
void align_calendar_ics(const struct align_calendar *c,
    const struct align_show *s);

#endif
