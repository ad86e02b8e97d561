/*
 * agenda.h - the meeting as the room sees it (steps 2-4): its title,
 * when and where, the purpose, the opening question, the parts of the
 * meeting in its time, who comes, and what to do before.
 *
 * A view made once from the session record, then one renderer a format
 * shows it (agenda_text.c, agenda_md.c, agenda_html.c), chosen by
 * align_agenda_show().  A one-to-one (the session's practice) has the
 * practice's parts: listen and find the root cause; the goals and their
 * role; the support needed; acknowledge, commit, act; the weekly review;
 * the invitation (invite.h) is made from the same view:
 *
 *	struct align_agenda v;
 *	if (align_agenda_make(&v, session, &e) < 0)
 *		fail(&e);			(65: a date that is not one)
 *	align_agenda_show(&v, &show);
 *	align_agenda_release(&v);
 *
 * The view borrows the record's strings: it lives no longer than it.
 */
#ifndef ALIGN_AGENDA_H
#define ALIGN_AGENDA_H

#include <stddef.h>

#include "err.h"
#include "node.h"
#include "show.h"
#include "when.h"

/* A part of the meeting: its share of the time, what to do, the tool
 * that records it. */
struct align_agenda_part {
	char clock[48];		/* "12:10", or "+0:10" from the start */
	long minutes;
	const char *name, *what;
};

#define ALIGN_AGENDA_PARTS 6

struct align_agenda {
	const struct align_node *session;
	const char *id, *uid;		/* NULL when none */
	const char *title;		/* NULL when none */
	const char *purpose, *question;	/* the method's when none */
	const char *place, *facilitator;	/* NULL when none */
	const char *date_text;		/* the date as the record has it, or
					 * NULL */
	const char **participants;	/* the names */
	size_t nparticipants;
	int dated;			/* it has a date */
	struct align_time date;
	long minutes;			/* how long (2h when not said) */
	long long sequence;		/* the calendar's */
	size_t nparts;			/* of part[] */
	const char *const *before;	/* what to do before, nbefore */
	size_t nbefore;
	int one_to_one;			/* the practice of a one-to-one */
	const char *with;		/* its manager, or NULL */
	char when[96];			/* "Wednesday 2 December 2026,
					 * 12:00-14:00 (UTC-05:00)", or
					 * "Date to be set" */
	struct align_agenda_part part[ALIGN_AGENDA_PARTS];
};

/* The agenda of session.  0, or -1 and e (65 a date, duration or
 * sequence that is not one, at its place; 71). */
int align_agenda_make(struct align_agenda *v, const struct align_node *session,
    struct align_err *e);
void align_agenda_release(struct align_agenda *v);

/* The formats an agenda can be shown in, as a mask. */
int align_agenda_formats(void);
/* Show v in s->format.  Failure shows in s->b->failed. */
void align_agenda_show(const struct align_agenda *v,
    const struct align_show *s);

/* The renderers, and the line they share: "Wednesday 2 December 2026,
 * 12:00-14:00 (UTC-05:00), Room 4; facilitated by Eric". */
void align_agenda_when(const struct align_agenda *v,
    const struct align_show *s);
void align_agenda_text(const struct align_agenda *v,
    const struct align_show *s);
void align_agenda_markdown(const struct align_agenda *v,
    const struct align_show *s);
void align_agenda_html(const struct align_agenda *v,
    const struct align_show *s);

#endif
