/*
 * invite.h - the invitation to the meeting (step 2), as an iCalendar
 * VEVENT (RFC 5545) that calendars import: made from the agenda's view of
 * the session, stamped with the time it was made.
 *
 *	if (align_invite_ics(&agenda, &now, &b, &e) < 0)
 *		fail(&e);		(65: the session has no date)
 *
 * Its UID is the session's, kept from the first plan, and its SEQUENCE
 * the session's, so that a calendar updates the event it has.
 */
#ifndef ALIGN_INVITE_H
#define ALIGN_INVITE_H

#include "agenda.h"
#include "buf.h"
#include "err.h"
#include "when.h"

/* The invitation, appended to b.  0, or -1 and e (65 the session has no
 * date, 71). */
int align_invite_ics(const struct align_agenda *v,
    const struct align_time *now, struct align_buf *b, struct align_err *e);

/* The invitation to a one-to-one (the agenda's one_to_one): a weekly
 * event, count times, for the two, in the session's zone (tz) with its
 * VTIMEZONE, the practice's agenda in its description, CLASS:PRIVATE
 * (invite_one.c).  0, or -1 and e (65 no date, a tz that is no zone;
 * 71). */
int align_invite_one_to_one_ics(const struct align_agenda *v,
    const struct align_time *now, long count, struct align_buf *b,
    struct align_err *e);

#endif
