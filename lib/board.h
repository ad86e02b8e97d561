/*
 * board.h - the responses as the room sees them: the question, then each
 * response, by the handle commands take for it, under the question it
 * answers; earliest first.
 *
 * A board is a view made once from the records; one renderer a format
 * shows it (board_text.c, board_md.c, board_csv.c, board_html.c), chosen
 * by align_board_show():
 *
 *	struct align_board v;
 *	if (align_board_make(&v, session, responses, &e) < 0)
 *		fail(&e);
 *	align_board_show(&v, &show);
 *	align_board_release(&v);
 */
#ifndef ALIGN_BOARD_H
#define ALIGN_BOARD_H

#include <stddef.h>

#include "err.h"
#include "node.h"
#include "show.h"

struct align_board_entry {
	size_t number;		/* 1, 2, ... in the order shown */
	const char *id, *participant, *at, *question, *text;	/* "" if none */
	/* The handle commands take for it (handle.h): the shortest start of
	 * its id's tail, four or more, that no other response shares ("4f00"
	 * for r-4f00c96eeb0c0a3c); "" when it has no id. */
	const char *handle;
	long long when;		/* at, in seconds; LLONG_MIN when not a time */
};

/* The responses to one question: entry[first .. first + n). */
struct align_board_group {
	const char *question;
	size_t first, n;
	size_t people;		/* distinct participants who answered it */
};

struct align_board {
	const char *title;	/* the session's, or "Responses" */
	const char *question;	/* the session's question */
	const char *date, *place;	/* the session's, or NULL */
	struct align_board_entry *entry;	/* grouped by question */
	size_t nentry;
	struct align_board_entry *input;	/* the same in canonical order:
						 * by time, then id, then text
						 * (the order of the input does
						 * not matter) */
	struct align_board_group *group;
	size_t ngroup;
	size_t people;		/* distinct participants who answered */
	/* The session's participants list (names that fold to one, by case
	 * and accents, counted once), and those on it who have not answered,
	 * in its order.  unanswered_known is 0 when someone not on the list
	 * answered, as pseudonyms do: then nobody can say who has not. */
	size_t roster;
	const char **unanswered;
	size_t nunanswered;
	int unanswered_known;
	int anonymous;		/* every participant named is a pseudonym */
	size_t namew;		/* text: the widest name, at most 16 */
	size_t handlew;		/* text: the widest handle */
	char *handles;		/* where the handles are */
};

/* The board of the response records in responses (a sequence) under
 * session (may be NULL).  The view borrows their strings.  0, or -1 and
 * e (71). */
int align_board_make(struct align_board *v, const struct align_node *session,
    const struct align_node *responses, struct align_err *e);
void align_board_release(struct align_board *v);

/* The formats a board can be shown in, as a mask. */
int align_board_formats(void);
/* Show v in s->format.  Failure shows in s->b->failed. */
void align_board_show(const struct align_board *v, const struct align_show *s);

/* The last lines of the text and Markdown boards: a blank line, then "12
 * responses from 5 participants" (the people as few as the group's
 * minimum allows) and a line end. */
void align_board_tally(const struct align_board *v,
    const struct align_show *s);

/* The renderers. */
void align_board_text(const struct align_board *v, const struct align_show *s);
void align_board_markdown(const struct align_board *v,
    const struct align_show *s);
void align_board_csv(const struct align_board *v, const struct align_show *s);
void align_board_html(const struct align_board *v, const struct align_show *s);
/* What the page's <main> holds: the tally (a div of class "tally", when
 * there is one) and a section of class "slide" a question (id "q1",
 * ...), for a page that shows the board live (serve_capture.h). */
void align_board_html_main(const struct align_board *v,
    const struct align_show *s);

#endif
