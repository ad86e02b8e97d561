/*
 * principle_list.h - the list as plain text, for a person's editor (step
 * 7): one principle a line, its id first, then its words, as an
 * interactive rebase shows its commits:
 *
 *	p2 We are present, and we stick around when things are difficult.
 *	p5 p6 We set clear expectations, and we trust people to meet them.
 *	We say thank you.
 *
 * Reorder the lines to rank them, reword a line to change it, delete a
 * line to drop it, put two ids on one line (p5 p6, or p5+p6) to merge
 * them (their themes and dots together), write a line without an id for
 * a new principle.  Lines starting with '#' and blank lines are left out.
 *
 * The list is read whole and checked before anything changes: a list
 * with errors, or with no principle on it, changes nothing, so that a
 * person can edit it again.
 *
 *	struct align_list_errors errs = ALIGN_LIST_ERRORS_INIT;
 *	if (align_list_apply(&list, fp, "list.txt", &errs, &e) < 0)
 *		for (i = 0; i < errs.n; i++)
 *			say(&errs.v[i]);
 *	align_list_errors_release(&errs);
 */
#ifndef ALIGN_PRINCIPLE_LIST_H
#define ALIGN_PRINCIPLE_LIST_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "principle.h"

/* The list l as text to edit, with a comment on how to edit it.  A line
 * break in a statement shows as a space (and reads back as no change). */
void align_list_write(const struct align_plist *l, struct align_buf *b);

/* Every error of a list, each with its line and column. */
struct align_list_errors {
	struct align_err *v;
	size_t n, cap;
};
#define ALIGN_LIST_ERRORS_INIT { NULL, 0, 0 }
void align_list_errors_release(struct align_list_errors *errs);

/* Read the edited list from fp (name for messages) and make l what it
 * says.  0; or -1 and e, l unchanged: 65 a line is wrong (e the first
 * error; errs, when not NULL, gets every one), 1 the list has no
 * principle, 74 it cannot be read, 71 (then l may be half done). */
int align_list_apply(struct align_plist *l, FILE *fp, const char *name,
    struct align_list_errors *errs, struct align_err *e);

#endif
