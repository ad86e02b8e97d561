/*
 * handle.h - the short handles people say for ids, as git takes an
 * abbreviated hash.
 *
 * Wherever an id is taken (a theme, a response, a principle, a round, a
 * check-in), what is typed names the id of the candidates ids[0 .. n)
 * by the first of these rules that gives any:
 *
 *   exact    the id itself ("t1" is t1, even with a t10 there)
 *   prefix   the start of one id ("r-4f0" for r-4f00c96eeb0c0a3c)
 *   tail     the start of what follows the dash of ids written HEAD-TAIL
 *            ("4f00" for r-4f00c96eeb0c0a3c, "9ab" for c-9ab1...)
 *
 * A typed handle that two or more ids share at that rule is ambiguous and
 * refused, naming them (sorted, the first five); one that names none is
 * refused too.  An empty one names nothing.
 *
 * What people see shows the handle that commands accept: the shortest
 * start of each id that names it alone, at least min bytes long (or the
 * whole id), from align_handle_lengths(); for a HEAD-TAIL id, its tail
 * from align_handle_shown().
 *
 *	long at = align_handle_resolve(ids, n, typed, "theme", EX_USAGE, &e);
 *	if (at < 0)
 *		fail(&e);	("no theme 't9'", "theme 't1' is ambiguous:
 *				 t10, t11 or t12")
 *
 * The ids are borrowed; nothing is kept.  A lookup reads every id once.
 */
#ifndef ALIGN_HANDLE_H
#define ALIGN_HANDLE_H

#include <stddef.h>

#include "err.h"

#define ALIGN_HANDLE_NONE (-1)		/* nothing of that handle */
#define ALIGN_HANDLE_AMBIGUOUS (-2)	/* more than one */
#define ALIGN_HANDLE_SHOWN 5		/* candidates named at most */

/* The index in ids[0 .. n) that typed names, or ALIGN_HANDLE_NONE or
 * ALIGN_HANDLE_AMBIGUOUS.  NULL entries are skipped. */
long align_handle_find(const char *const *ids, size_t n, const char *typed);

/* The same; refused, -1 and e with status: "no WHAT 'typed'", or "WHAT
 * 'typed' is ambiguous: ID, ID or ID" (and "(and N more)"); what is
 * "theme", "principle" and the like. */
long align_handle_resolve(const char *const *ids, size_t n,
    const char *typed, const char *what, int status, struct align_err *e);

/* Into len[i], the length of the shortest start of ids[i] that no other
 * of ids[0 .. n) shares, at least min bytes (or the whole id); the same
 * id twice gets its whole length.  0, or -1 when out of memory. */
int align_handle_lengths(const char *const *ids, size_t n, size_t min,
    size_t *len);

/* Where the handle of id with length len (from align_handle_lengths())
 * begins as shown: after the dash of a HEAD-TAIL id when the handle goes
 * past it, else at id.  *shown gets how many bytes to show. */
const char *align_handle_shown(const char *id, size_t len, size_t *shown);

/* The number of an id made of head and a number ("t12" with head "t":
 * 12), or -1 (another form, or too large).  The ids a tool gives are the
 * highest such number it has seen in the file, plus one: never one used
 * before. */
long align_id_number(const char *id, const char *head);

#endif
