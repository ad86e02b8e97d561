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

	if (align_session_date(v->session, &t, e) < 0 ||
	    align_invite_zone(v, &z, e) < 0)
		return -1;
	align_invite_begin(v, now, &t, z, "PUBLISH",
	    (int64_t)count * 7 * 86400, b);
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
