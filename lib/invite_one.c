/*
 * The invitation to a one-to-one realignment: a weekly event for the two
 * of them, in the session's zone (with its VTIMEZONE, so that every week
 * keeps its local time), the practice's agenda in its description.
 */
#include <stdint.h>
#include <string.h>

#include "ics.h"
#include "invite.h"
#include "plan.h"
#include "zone.h"

/* What the conversation is for, its parts, and who: the DESCRIPTION. */
static void
description(const struct align_agenda *v, struct align_buf *b)
{
	struct align_buf d = ALIGN_BUF_INIT;
	size_t i;

	align_buf_printf(&d, "Purpose: %s\n\nOpening question: %s\n\n"
	    "Agenda:\n", v->purpose, v->question);
	for (i = 0; i < v->nparts; i++)
		align_buf_printf(&d, "- %s (%ldm): %s\n", v->part[i].name,
		    v->part[i].minutes, v->part[i].what);
	align_buf_puts(&d, "\nBetween the two of you: ");
	for (i = 0; i < v->nparticipants; i++)
		align_buf_printf(&d, "%s%s", i ? " and " : "",
		    v->participants[i]);
	align_buf_puts(&d, ".");
	if (d.failed)
		b->failed = 1;
	else
		align_ics_text(b, "DESCRIPTION", d.p);
	align_buf_release(&d);
}

int
align_invite_one_to_one_ics(const struct align_agenda *v,
    const struct align_time *now, long count, struct align_buf *b,
    struct align_err *e)
{
	struct align_zone *z;
	struct align_time t;
	char dur[32], stamp[24];

	if (align_session_date(v->session, &t, e) < 0 || align_invite_zone(v, &z, e) < 0)
		return -1;
	align_buf_puts(b, "BEGIN:VCALENDAR\r\n");
	align_ics_prop(b, "VERSION", "2.0");
	align_ics_prop(b, "PRODID", "-//align//align-plan//EN");
	align_ics_prop(b, "CALSCALE", "GREGORIAN");
	align_ics_prop(b, "METHOD", "PUBLISH");
	if (z && !t.date_only && !align_zone_is_utc(z))
		align_zone_ics(b, z, t.t, t.t + (int64_t)count * 7 * 86400);
	align_buf_puts(b, "BEGIN:VEVENT\r\n");
	align_ics_text(b, "UID", v->uid ? v->uid : v->id ? v->id : "");
	align_time_ics(now, stamp);
	align_ics_prop(b, "DTSTAMP", stamp);
	align_zone_ics_time(b, "DTSTART", &t, z);
	if (!t.date_only) {
		align_ics_duration(v->minutes, dur);
		align_ics_prop(b, "DURATION", dur);
	}
	align_buf_printf(b, "RRULE:FREQ=WEEKLY;COUNT=%ld\r\n", count);
	align_buf_printf(b, "SEQUENCE:%lld\r\n", v->sequence);
	align_ics_text(b, "SUMMARY", v->title ? v->title : "One-to-one");
	if (v->place)
		align_ics_text(b, "LOCATION", v->place);
	align_ics_prop(b, "CLASS", "PRIVATE");
	description(v, b);
	align_buf_puts(b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	align_zone_free(z);
	return b->failed ? align_err_nomem(e) : 0;
}
