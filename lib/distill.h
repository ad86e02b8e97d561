/*
 * distill.h - step 7: a short list that everyone agrees to embody.
 *
 * One principle is proposed for each leading theme, in the first person
 * plural and in the language of the theme's responses.  The group edits
 * the list (as plain text, one principle a line), gives dot votes, and
 * each person agrees or objects.  The list is final when the decision
 * rule is met: consensus (every participant agrees to every principle),
 * consent (no objection stands) or majority (more than half agree to
 * each).
 *
 * Facts are kept from run to run: votes, agreement, objections, and every
 * statement a person edited.  Proposals nobody has touched are drafted
 * anew from the themes.
 */
#ifndef ALIGN_DISTILL_H
#define ALIGN_DISTILL_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "node.h"

enum align_rule { ALIGN_CONSENSUS, ALIGN_CONSENT, ALIGN_MAJORITY };

struct align_distill_opts {
	size_t max;		/* principles proposed: the leading themes */
	size_t keep;		/* after the votes, keep the top n (0: all) */
	int budget;		/* votes each person has */
	int per;		/* most votes on one principle */
	enum align_rule rule;
	const char *list;	/* an edited plain-text list, or NULL */
	const char *const *vote;	/* "Ana=p1,p1,p3" */
	size_t nvote;
	const char *const *agree;	/* "Ana" */
	size_t nagree;
	const char *const *object;	/* "Ana:p2" then the reason */
	const char *const *reason;
	size_t nobject;
};

struct align_distiller;

struct align_distiller *align_distiller_new(const struct align_distill_opts *o,
    struct align_err *e);
void align_distiller_free(struct align_distiller *d);

/* Take in a record: the session, themes, principles, responses (for the
 * language).  0, or -1 and e. */
int align_distiller_add(struct align_distiller *d,
    const struct align_node *rec, struct align_err *e);

/* Draft the proposals from the themes (run does it when it was not
 * done): for a list to edit before the rest.  0, or -1 and e. */
int align_distiller_propose(struct align_distiller *d, struct align_err *e);
/* The edited list to apply: a file, or "-" for standard input. */
void align_distiller_use_list(struct align_distiller *d, const char *path);

/* Propose, apply the list, the votes and the agreement, rank, decide.
 * 0, or -1 and e (64 a vote over budget or naming no principle, 65 a bad
 * line in the list, with its number). */
int align_distiller_run(struct align_distiller *d, struct align_err *e);

/* The principles, in rank order (owned by d). */
size_t align_distiller_count(const struct align_distiller *d);
const struct align_node *align_distiller_record(
    const struct align_distiller *d, size_t i);

/* 1 when the rule is met for every principle of a non-empty list. */
int align_distiller_final(const struct align_distiller *d);

/* The list as plain text for an editor: "p1 We teach and mentor.", with a
 * comment on how to edit it. */
void align_distiller_list(const struct align_distiller *d,
    struct align_buf *b);

enum align_principles_format { ALIGN_PRINCIPLES_TEXT,
	ALIGN_PRINCIPLES_MARKDOWN };

/* The whiteboard: the numbered list, votes, agreement, who has not voted
 * or agreed, the objections that stand. */
void align_distiller_show(const struct align_distiller *d,
    struct align_buf *b, enum align_principles_format f, int color);

#endif
