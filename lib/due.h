/*
 * due.h - what is due on a day, for cron.
 *
 * A meeting of a round (or an occurrence of its cadence) within the
 * window, and, once a round's day has come, each of its people who has
 * not checked in.  A reminder given before (a reminder record of the
 * stream, with the item's id) is not given again, and of the occurrences
 * a missed run left behind only the latest is given, marked "(missed)".
 *
 *	struct align_due_list due;
 *	if (align_due_items(&rs, &now, within, &due, &e) < 0)
 *		fail(&e);
 *	align_due_show(&due, &show);
 *	align_due_release(&due);
 *
 * An item's text holds names and titles whole, whatever their length.
 */
#ifndef ALIGN_DUE_H
#define ALIGN_DUE_H

#include <stddef.h>

#include "err.h"
#include "round.h"
#include "show.h"
#include "when.h"

struct align_due {
	char date[40];		/* the day it is due, "2027-01-13" */
	const char *followup;	/* the round's id, borrowed */
	char *what;		/* for people */
	char id[24];		/* of the reminder record that marks it */
};

struct align_due_list {
	struct align_due *v;
	size_t n, cap;
};

/* The items due at now, looking within minutes ahead, into *l (borrowing
 * from the records of rs).  0, or -1 and e: 65 when a round's dates are
 * not readable, 71; l needs align_due_release() either way. */
int align_due_items(const struct align_rounds *rs,
    const struct align_time *now, long within, struct align_due_list *l,
    struct align_err *e);
void align_due_release(struct align_due_list *l);

/* The id of the reminder of what ("meeting", "checkin:NAME") for round
 * fid on day: "m-" and 16 hex digits, into out. */
int align_due_id(const char *fid, const char *day, const char *what,
    char out[24]);

/* The formats the items can be shown in, as a mask. */
int align_due_formats(void);
/* Show l in s->format.  Failure shows in s->b->failed. */
void align_due_show(const struct align_due_list *l,
    const struct align_show *s);

/* The renderers: "2027-01-13 f1 follow-up meeting: Leadership alignment",
 * one a line. */
void align_due_text(const struct align_due_list *l,
    const struct align_show *s);

#endif
