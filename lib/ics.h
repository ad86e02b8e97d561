/*
 * ics.h - iCalendar (RFC 5545) content lines.
 *
 * Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * character; TEXT values are escaped (backslash, semicolon, comma,
 * newline).
 */
#ifndef ALIGN_ICS_H
#define ALIGN_ICS_H

#include "buf.h"
#include "when.h"

/* "NAME:value" with value as it is (already a valid property value),
 * but for control characters, made spaces: never more than one line. */
void align_ics_prop(struct align_buf *b, const char *name, const char *value);
/* "NAME:value" with value escaped as TEXT. */
void align_ics_text(struct align_buf *b, const char *name, const char *text);
/* A DATE-TIME in UTC, or a DATE ("DTSTART;VALUE=DATE:20261202"). */
void align_ics_time(struct align_buf *b, const char *name,
    const struct align_time *t);
/* A DURATION value for minutes: "PT2H", "PT1H30M", "P6W", "P2D". */
void align_ics_duration(long minutes, char *out);

/*
 * The people of an event (ics_people.c), from entries as the session
 * writes them ("Ana Lima <ana@example.org>", person.h); an entry without
 * an address is nobody a calendar can invite, and writes nothing.  The
 * name is the CN parameter, always quoted, a double quote, a caret and a
 * newline in it written as RFC 6868 says (^' ^^ ^n) and other control
 * characters as spaces; the address is a mailto: URI, every byte outside
 * letters, digits and -._~!$'*+=@ percent-encoded: no name or address
 * can end the parameter or the line, or add one.
 */
/* ORGANIZER;CN="Eric":mailto:eric@example.org */
void align_ics_organizer(struct align_buf *b, const char *entry);
/* The ATTENDEEs: the organizer first, ROLE=CHAIR and PARTSTAT=ACCEPTED,
 * then each of entries[0..n-1] with another address, once, asked to
 * answer: ROLE=REQ-PARTICIPANT, PARTSTAT=NEEDS-ACTION and RSVP=TRUE.  Nothing when organizer (an entry,
 * or NULL) has no address: an invitation needs someone to answer to. */
void align_ics_attendees(struct align_buf *b, const char *organizer,
    const char *const *entries, size_t n);
/* 1 when organizer has an address and one of entries[0..n-1] another:
 * METHOD:REQUEST, an invitation to answer; else 0, METHOD:PUBLISH. */
int align_ics_invites(const char *organizer, const char *const *entries,
    size_t n);
/* 1 when one of entries[0..n-1] has an address. */
int align_ics_addressed(const char *const *entries, size_t n);

#endif
