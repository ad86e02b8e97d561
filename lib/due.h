/*
 * due.h - what is due on a day, for cron.
 *
 * A meeting of a round (or an occurrence of its cadence) within the
 * window, and, once a round's day has come, each of its people who has
 * not checked in.  Days are the session's: in the step's zone
 * (align_rounds_zone), else in the offset the round was written with (a
 * round on a date alone: in the clock's), so that "today", "tomorrow" and
 * "(missed)" are what they are where the group meets, whatever the
 * offset of the machine cron runs on.
 *
 * A reminder given before (a reminder record of the stream, with the
 * item's id) is not given again: a meeting is given once ahead of its day
 * ("due tomorrow", within the window) and once on it ("due today"); of
 * the occurrences a missed run left behind only the latest is given,
 * "(missed)"; a one-to-one's meeting whose review is recorded is
 * "(reviewed)", on its day or after.  A person who has not checked in is reminded on the day,
 * then again every again minutes (whole days; 0: never again), once an
 * interval however often cron runs, while the round is the latest of its
 * series whose day has come, and never once they have checked in.
 *
 *	struct align_due_list due;
 *	if (align_due_items(&rs, &now, within, ALIGN_DUE_AGAIN, &due,
 *	    &e) < 0)
 *		fail(&e);
 *	align_due_show(&due, &show);
 *	align_due_release(&due);
 *
 * Items come in the order of their days, then of the stream.  An item's
 * text holds names and titles whole, whatever their length.
 */
#ifndef ALIGN_DUE_H
#define ALIGN_DUE_H

#include <stddef.h>

#include "err.h"
#include "round.h"
#include "show.h"
#include "when.h"

/* A person not checked in is reminded again after three days. */
#define ALIGN_DUE_AGAIN (3L * 24 * 60)

struct align_due {
	char date[40];		/* the day it is due, "2027-01-13" */
	const char *followup;	/* the round's id, borrowed */
	char *what;		/* for people: "follow-up meeting: Title (due
				 * tomorrow)", "Ana has not checked in" */
	char id[24];		/* of the reminder record that marks it */
	size_t seq;		/* its place among the items of one day */
};

struct align_due_list {
	struct align_due *v;
	size_t n, cap;
};

/* The items due at now, looking within minutes ahead, reminding again
 * after again minutes, into *l (borrowing from the records of rs).  0, or
 * -1 and e: 65 when a round's dates are not readable, 71; l needs
 * align_due_release() either way. */
int align_due_items(const struct align_rounds *rs,
    const struct align_time *now, long within, long again,
    struct align_due_list *l, struct align_err *e);
/* The words of a day seen from today (both "2027-01-13"): "due today",
 * "due tomorrow", "due on Friday 15 January" (and its year when another
 * than today's), into b. */
void align_due_words(struct align_buf *b, const char *day,
    const char *today);
void align_due_release(struct align_due_list *l);

/* The reminder records that mark the items of l as given at at (a time,
 * "2027-01-13T08:00:00Z"), appended to b as a stream, one document each:
 * kind reminder, id, followup, date, what, at.  Failure (out of memory)
 * shows in b->failed. */
void align_due_reminders(const struct align_due_list *l, const char *at,
    struct align_buf *b);

/* The id of the reminder of what ("meeting", "meeting-ahead",
 * "checkin:NAME", "checkin-again2:NAME") for round fid on day: "m-" and
 * 16 hex digits, into out. */
int align_due_id(const char *fid, const char *day, const char *what,
    char out[24]);

/* The formats the items can be shown in, as a mask. */
int align_due_formats(void);
/* Show l in s->format.  Failure shows in s->b->failed. */
void align_due_show(const struct align_due_list *l,
    const struct align_show *s);

/* The renderers: "2027-01-13 f1 follow-up meeting: Leadership alignment
 * (due today)", one a line. */
void align_due_text(const struct align_due_list *l,
    const struct align_show *s);

#endif
