/*
 * serve_distill.h - step 7 served to the room (align-distill --serve):
 * each person gives their dots and then agrees or objects on their own
 * device; the whiteboard on the room's screen shows the tally, and who
 * has not voted or agreed, as it changes.
 *
 *	struct align_serve_distill *c = align_serve_distill_new(&o, &e);
 *	srv = align_serve_new(&so, align_serve_distill_step(c), &e);
 *	... align_serve_run(srv, &e); align_serve_free(srv);
 *	printf("%lu changes\n", align_serve_distill_changes(c));
 *	align_serve_distill_free(c);
 *
 * The form (GET): who is it (a choice among the session's participants,
 * sent back as "?as=NAME"); then, for that person, their dots on each
 * principle (a choice of 0 to the cap each, the budget said), a button to
 * agree to every principle, and an objection to one, with a reason.
 *
 * A post has "participant" and "action", and:
 *   action=vote    "dots-ID" for principles ID, each 0 to the cap
 *                  (o.per), in all at most the budget (o.budget); a
 *                  principle left out gets none.  It replaces the
 *                  person's earlier dots (vote.h).
 *   action=agree   nothing more: the person agrees to every principle.
 *   action=object  "principle" (an id of the list) and "reason" (not
 *                  empty, at most ALIGN_SERVE_REASON_MAX bytes).
 * The participant is resolved against the list (case and accents
 * folded).  A post that does not hold is refused (400) with the form
 * again and the reason on top.  One that does is applied as align-distill
 * -i FILE applies --vote, --agree or --object: under the file's lock, from
 * before the file is read to after it is replaced (read, the distiller's
 * run, the rewrite, file.h), one post at a time; then 303 to the form,
 * "?as=NAME&done=ACTION".  A failed rewrite: -1 and its error (75 the
 * lock stayed busy, 74), the file as it was.
 *
 * The whiteboard (GET of the board): the principles' page
 * (principles_html.c) of the file as last read, live (serve_html.h).
 */
#ifndef ALIGN_SERVE_DISTILL_H
#define ALIGN_SERVE_DISTILL_H

#include "distill.h"
#include "err.h"
#include "serve.h"

#define ALIGN_SERVE_REASON_MAX 2000	/* bytes of an objection's reason */

struct align_serve_distill_opts {
	const char *path;		/* the session file (-i FILE) */
	struct align_distill_opts distill;	/* budget, per, rule, max,
						 * keep; no list, votes or
						 * agreement */
	double wait;			/* seconds for the lock; < 0: default */
	const char *tool;		/* for the pages' footers */
};

struct align_serve_distill;

/* NULL and e (71). */
struct align_serve_distill *align_serve_distill_new(
    const struct align_serve_distill_opts *o, struct align_err *e);
void align_serve_distill_free(struct align_serve_distill *c);
/* The step to serve (lives as long as c). */
const struct align_serve_step *align_serve_distill_step(
    struct align_serve_distill *c);
/* Posts applied to the file so far. */
unsigned long align_serve_distill_changes(struct align_serve_distill *c);

#endif
