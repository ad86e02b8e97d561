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

#endif
