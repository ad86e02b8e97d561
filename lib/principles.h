/*
 * principles.h - the list of principles as the group sees it (step 7):
 * the whiteboard in the room, the charter in a wiki.
 *
 * A view made once from the distiller, then one renderer a format shows
 * it (principles_text.c, principles_md.c, principles_html.c: the
 * whiteboard, or with charter set the charter), chosen by
 * align_principles_show():
 *
 *	struct align_principles v;
 *	if (align_principles_make(&v, d, &e) < 0)
 *		fail(&e);
 *	align_principles_show(&v, &show);
 *	align_principles_release(&v);
 *
 * The view borrows the distiller's strings: it lives no longer than it.
 */
#ifndef ALIGN_PRINCIPLES_H
#define ALIGN_PRINCIPLES_H

#include <stddef.h>

#include "distill.h"
#include "err.h"
#include "show.h"

struct align_principles_objection {
	const char *participant, *reason;	/* "" when none */
};

struct align_principles_entry {
	size_t number;		/* 1, 2, ... in rank order */
	const char *id;
	const char *handle;	/* what people see of the id, and type */
	const char *statement;	/* "" when none */
	long long votes;
	const char *const *agreed;	/* who agreed */
	size_t nagreed;
	const struct align_principles_objection *objection;	/* standing */
	size_t nobjection;
	int met;		/* the rule is met */
};

struct align_principles {
	struct align_principles_entry *entry;	/* in rank order */
	size_t n;
	const char *const *people;	/* the session's participants */
	size_t npeople;
	const char **not_voted;		/* participants without a dot */
	size_t nnot_voted;
	const char **not_agreed;	/* participants who have not agreed
					 * to every principle */
	size_t nnot_agreed;
	size_t agree_all;		/* participants who have */
	const char *rule;		/* its name: "consensus" ... */
	int final;			/* the rule is met for all */
	struct align_principles_objection *objection;	/* all of them */
	const char *title, *date, *place;	/* the session's, or NULL */
	int anonymous;		/* every name of the votes, agreement and
				 * objections is a pseudonym */
	int charter;		/* html: the charter rather than the
				 * whiteboard (the caller's choice) */
};

/* The view of d's principles.  0, or -1 and e (71). */
int align_principles_make(struct align_principles *v,
    const struct align_distiller *d, struct align_err *e);
void align_principles_release(struct align_principles *v);

/* The formats the list can be shown in, as a mask. */
int align_principles_formats(void);
/* Show v in s->format.  Failure shows in s->b->failed. */
void align_principles_show(const struct align_principles *v,
    const struct align_show *s);

/* The renderers. */
void align_principles_text(const struct align_principles *v,
    const struct align_show *s);
void align_principles_markdown(const struct align_principles *v,
    const struct align_show *s);
void align_principles_html(const struct align_principles *v,
    const struct align_show *s);
/* What the whiteboard page's <main> holds (where the list stands, then a
 * section a principle), for a page that shows it live (serve_distill.h). */
void align_principles_html_main(const struct align_principles *v,
    const struct align_show *s);

#endif
