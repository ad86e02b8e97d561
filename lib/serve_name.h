/*
 * serve_name.h - a name posted to a served form, resolved against the
 * session's participants as every name is: case, accents and the blanks
 * around it folded ("ana", " ANA " and "Ána" are Ana), the list's own
 * spelling kept; and words posted, cleaned.
 */
#ifndef ALIGN_SERVE_NAME_H
#define ALIGN_SERVE_NAME_H

#include <stddef.h>

/* name folded: malloc'd, NULL when out of memory (or not UTF-8). */
char *align_serve_fold(const char *name);

/* The index in list[0..n-1] of the name typed, -1 when it is not there,
 * -2 when out of memory. */
long align_serve_resolve(const char *const *list, size_t n,
    const char *typed);

/* s with its line ends made LF (a browser sends CRLF) and the blanks
 * (space, tab, newline) around it trimmed: malloc'd, NULL when out of
 * memory. */
char *align_serve_clean(const char *s);

#endif
