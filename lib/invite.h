/*
 * invite.h - the invitation to the meeting (step 2), as an iCalendar
 * VEVENT (RFC 5545) that calendars import: made from the agenda's view of
 * the session, stamped with the time it was made.
 *
 *	if (align_invite_ics(&agenda, &now, &b, &e) < 0)
 *		fail(&e);		(65: the session has no date)
 *
 * The facilitator is its ORGANIZER, and each participant with an e-mail
 * address ("Ana Lima <ana@example.org>") an ATTENDEE asked to answer
 * (METHOD:REQUEST) when the facilitator has an address too; else it is
 * published (METHOD:PUBLISH), for a calendar to show, with no one asked.
 *
 * Its UID is the session's, kept from the first plan, and its SEQUENCE
 * the session's, so that a calendar updates the event it has.
 *
 * In the session's zone (its key tz, else the system's when it agrees
 * with the session's date: zone.h, align_zone_session) the event is in
 * local time, DTSTART;TZID=, with the zone's VTIMEZONE, as the follow-up
 * calendars are; with no zone, or UTC, in UTC.
 */
#ifndef ALIGN_INVITE_H
#define ALIGN_INVITE_H

#include "agenda.h"
#include "buf.h"
#include "err.h"
#include "when.h"
#include "zone.h"

/* The invitation, appended to b.  0, or -1 and e (65 the session has no
 * date, 71). */
int align_invite_ics(const struct align_agenda *v,
    const struct align_time *now, struct align_buf *b, struct align_err *e);

/* The session's zone (align_zone_session), into *z, NULL when none.  0,
 * or -1 and e (65 its tz is no zone, 71); *z needs align_zone_free(). */
int align_invite_zone(const struct align_agenda *v, struct align_zone **z,
    struct align_err *e);

/* The start every invitation shares, appended to b: the calendar with
 * method (its VTIMEZONE covering span seconds from t, when the zone z is
 * not UTC) and the event's UID, DTSTAMP (now), DTSTART (t) and DURATION.
 * For invite.c and invite_one.c. */
void align_invite_begin(const struct align_agenda *v,
    const struct align_time *now, const struct align_time *t,
    const struct align_zone *z, const char *method, int64_t span,
    struct align_buf *b);

/* 1 when participants have addresses but the facilitator has none, so
 * that nobody is asked to answer: a tool says how to name one. */
int align_invite_no_organizer(const struct align_agenda *v);
/* The invitation to a one-to-one (the agenda's one_to_one): a weekly
 * event, count times, for the two, in the session's zone (tz) with its
 * VTIMEZONE, the practice's agenda in its description, CLASS:PRIVATE
 * (invite_one.c).  0, or -1 and e (65 no date, a tz that is no zone;
 * 71). */
int align_invite_one_to_one_ics(const struct align_agenda *v,
    const struct align_time *now, long count, struct align_buf *b,
    struct align_err *e);

#endif
