/*
 * serve_name.h - a name posted to a served form, resolved against the
 * session's participants as every name is, by the roster's rules
 * (roster.h: the name, an alias or address, folded, the first words, a
 * prefix), the list's own spelling kept; and words posted, cleaned.
 */
#ifndef ALIGN_SERVE_NAME_H
#define ALIGN_SERVE_NAME_H

#include <stddef.h>

struct align_roster;

/* The roster of list[0..n-1] (each entry a name, or "Name <address>"),
 * for align_serve_resolve(): made once, when the list is read (the
 * session loaded, or read again when the file changes), and freed with
 * align_roster_free() when the list is.  A resolve only reads it, so the
 * server's threads share it under the lock that guards the list.  NULL
 * when out of memory. */
struct align_roster *align_serve_roster(const char *const *list, size_t n);

/* The index in list[0..n-1] of the one entry the name typed resolves
 * to by r, list's roster (NULL: an empty list), -1 when it resolves to
 * none (or to several), -2 when out of memory. */
long align_serve_resolve(struct align_roster *r, const char *const *list,
    size_t n, const char *typed);

/* s with its line ends made LF (a browser sends CRLF) and the blanks
 * (space, tab, newline) around it trimmed: malloc'd, NULL when out of
 * memory. */
char *align_serve_clean(const char *s);

#endif
