/*
 * plan.h - the session record: steps 1-4 of the method.
 *
 * Recognise that alignment is made on purpose, plan a meeting for that
 * alone, open it by stating the purpose, and ask the opening question.
 * align_plan_apply() writes what was asked into a session record; the
 * agenda (agenda.h) and the invitation (invite.h) show it for the room, a
 * wiki or a calendar.
 *
 *	struct align_node *s = NULL;		(or the session read)
 *	if (align_plan_apply(&s, &plan, &e) < 0)
 *		fail(&e);
 */
#ifndef ALIGN_PLAN_H
#define ALIGN_PLAN_H

#include <stddef.h>

#include "err.h"
#include "node.h"
#include "when.h"

#define ALIGN_PURPOSE "Build alignment so that people experience their " \
	"managers consistently."
#define ALIGN_QUESTION "Think about a time a supervisor impacted you in a " \
	"positive (or maybe not-so-positive) way. What did they do?"
#define ALIGN_TITLE "Leadership alignment"
#define ALIGN_DURATION "2h"

/* A one-to-one realignment's defaults (align-plan --one-to-one). */
#define ALIGN_ONE_PURPOSE "Realign on the strategic goals: understand " \
	"your view and the root cause, agree the goals and your role in " \
	"them, the support you need and what we each commit to, then " \
	"review progress weekly."
#define ALIGN_ONE_QUESTION "How do you see our strategic goals, and " \
	"what gets in the way of them for you?"
#define ALIGN_ONE_DURATION "45m"

/* A group's follow-up round (align-followup plan --duration). */
#define ALIGN_FOLLOWUP_DURATION "1h"

/* What to set; NULL leaves a key as it is (or, for a new session, gives
 * it its default). */
struct align_plan {
	const char *id, *title, *purpose, *question, *date, *duration;
	const char *place, *facilitator;
	char **participants;	/* replaces the list when set_participants */
	size_t nparticipants;
	int set_participants;
	int one_to_one;		/* a one-to-one realignment: practice */
	const char *with;	/* the manager it is with */
	int private_;		/* the file is private */
	const char *tz;		/* the session's time zone, or NULL */
};

/* Update *session (a new one is made when *session is NULL) from p.
 * Values are checked and written in canonical form; the calendar uid is
 * made once and kept; "sequence" goes up when the date, duration, title
 * or place of an existing session changes.  A one-to-one (one_to_one,
 * with) is marked so (practice: one-to-one, with), takes its own
 * defaults (the title "One-to-one with NAME", ALIGN_ONE_PURPOSE,
 * ALIGN_ONE_QUESTION, ALIGN_ONE_DURATION) and, when no participants are
 * given, the facilitator and the manager as its two.  private_ marks
 * the session private (private.h).  0, or -1 and e (64 for a
 * bad value in p, 65 for a bad value in the record, 71). */
int align_plan_apply(struct align_node **session, const struct align_plan *p,
    struct align_err *e);

/* What a session record holds, read as what it means, each error at its
 * place in the record (65):
 * whether it has a date (of whatever shape), and the date ("the session
 * has no date" when it has none); */
int align_session_dated(const struct align_node *session);
int align_session_date(const struct align_node *session,
    struct align_time *t, struct align_err *e);
/* its duration in minutes (2h when it has none); */
int align_session_minutes(const struct align_node *session, long *minutes,
    struct align_err *e);
/* the error why, a problem with its tz (a zone that does not load), as
 * one of the record, at the place of the tz value (65; 71 stays 71); */
int align_session_tz_error(const struct align_node *session,
    const struct align_err *why, struct align_err *e);
/* its calendar sequence, a whole number (0 when it has none). */
int align_session_sequence(const struct align_node *session,
    long long *seq, struct align_err *e);

#endif
