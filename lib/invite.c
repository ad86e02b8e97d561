#include <stdint.h>

#include "ics.h"
#include "invite.h"
#include "plan.h"
#include "record.h"
#include "zone.h"

/* What the meeting is for, who runs it and who comes: the event's
 * DESCRIPTION. */
static void
description(const struct align_agenda *v, struct align_buf *b)
{
	struct align_buf d = ALIGN_BUF_INIT;
	size_t i;

	align_buf_printf(&d, "Purpose: %s\n\nOpening question: %s\n",
	    v->purpose, v->question);
	if (v->facilitator)
		align_buf_printf(&d, "\nFacilitator: %s\n", v->facilitator);
	if (v->nparticipants) {
		align_buf_puts(&d, "\nParticipants: ");
		for (i = 0; i < v->nparticipants; i++)
			align_buf_printf(&d, "%s%s", i ? ", " : "",
			    v->participants[i]);
		align_buf_puts(&d, "\n");
	}
	align_buf_puts(&d, "\nThis meeting is for alignment alone.");
	if (d.failed)
		b->failed = 1;
	else
		align_ics_text(b, "DESCRIPTION", d.p);
	align_buf_release(&d);
}

/* Whether the participants are invited to answer (METHOD:REQUEST). */
static int
invites(const struct align_agenda *v)
{
	return align_ics_invites(v->facilitator,
	    (const char *const *)v->participants, v->nparticipants);
}

int
align_invite_no_organizer(const struct align_agenda *v)
{
	return align_ics_addressed((const char *const *)v->participants,
	    v->nparticipants) && !invites(v);
}

/* Who invites (the facilitator) and who is invited (each participant
 * with an address), when anyone is. */
static void
people(const struct align_agenda *v, struct align_buf *b)
{
	align_ics_organizer(b, v->facilitator);
	if (invites(v))
		align_ics_attendees(b, v->facilitator,
		    (const char *const *)v->participants, v->nparticipants);
}

void
align_invite_begin(const struct align_agenda *v, const struct align_time *now,
    const struct align_time *t, const struct align_zone *z,
    const char *method, int64_t span, struct align_buf *b)
{
	char dur[32], stamp[24];

	align_buf_puts(b, "BEGIN:VCALENDAR\r\n");
	align_ics_prop(b, "VERSION", "2.0");
	align_ics_prop(b, "PRODID", "-//align//align-plan//EN");
	align_ics_prop(b, "CALSCALE", "GREGORIAN");
	align_ics_prop(b, "METHOD", method);
	if (z && !t->date_only && !align_zone_is_utc(z))
		align_zone_ics(b, z, t->t, t->t + span);
	align_buf_puts(b, "BEGIN:VEVENT\r\n");
	align_ics_text(b, "UID", v->uid ? v->uid : v->id ? v->id : "");
	align_time_ics(now, stamp);
	align_ics_prop(b, "DTSTAMP", stamp);
	align_zone_ics_time(b, "DTSTART", t, z);
	if (!t->date_only) {
		align_ics_duration(v->minutes, dur);
		align_ics_prop(b, "DURATION", dur);
	}
}

int
align_invite_zone(const struct align_agenda *v, struct align_zone **z,
    struct align_err *e)
{
	struct align_err why = ALIGN_ERR_INIT;
	struct align_view w;
	int rc;

	*z = NULL;
	if (align_view(&w, v->session, e) < 0)
		return -1;
	rc = align_zone_session(z, w.u.session.tz, w.u.session.date, &why);
	if (rc < 0 && w.u.session.tz)
		align_session_tz_error(v->session, &why, e);
	else if (rc < 0)
		*e = why;
	align_view_release(&w);
	return rc;
}

int
align_invite_ics(const struct align_agenda *v, const struct align_time *now,
    struct align_buf *b, struct align_err *e)
{
	struct align_zone *z;
	struct align_time t;

	if (align_session_date(v->session, &t, e) < 0 ||
	    align_invite_zone(v, &z, e) < 0)
		return -1;
	align_invite_begin(v, now, &t, z, invites(v) ? "REQUEST" : "PUBLISH",
	    (int64_t)v->minutes * 60, b);
	align_buf_printf(b, "SEQUENCE:%lld\r\n", v->sequence);
	align_ics_text(b, "SUMMARY", v->title ? v->title : ALIGN_TITLE);
	if (v->place)
		align_ics_text(b, "LOCATION", v->place);
	description(v, b);
	people(v, b);
	align_buf_puts(b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	align_zone_free(z);
	return b->failed ? align_err_nomem(e) : 0;
}
