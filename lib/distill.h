/*
 * distill.h - step 7: a short list that everyone agrees to embody.
 *
 * One principle is proposed for each leading theme (propose.h).  The
 * group edits the list as plain text (principle_list.h), gives dot votes
 * (vote.h), and each person agrees or objects; the list is final when its
 * decision rule is met for every principle (agree.h).  The principles'
 * view shows it (principles.h).
 *
 * Facts are kept from run to run: votes, agreement, objections, every
 * statement a person edited, and the rule once one was given (the "rule"
 * key of the principles).  Proposals nobody has touched are drafted anew
 * from the themes.
 *
 *	d = align_distiller_new(&opts, &e);
 *	align_distiller_add(d, rec, &e);		each record read
 *	align_distiller_propose(d, &e);			the drafts
 *	align_distiller_apply_list(d, fp, name, &errs, &e);	an edited list
 *	align_distiller_ballot(d, line, file, lno, 1, &e);	dots typed
 *	align_distiller_run(d, &e);	the options' dots and agreement, rank
 *	rec = align_distiller_record(d, i, &e);		each principle
 *	align_distiller_free(d);
 */
#ifndef ALIGN_DISTILL_H
#define ALIGN_DISTILL_H

#include <stddef.h>
#include <stdio.h>

#include "agree.h"
#include "buf.h"
#include "err.h"
#include "node.h"
#include "principle.h"
#include "principle_list.h"
#include "principle_merge.h"

struct align_distill_opts {
	size_t max;		/* principles proposed: the leading themes */
	size_t keep;		/* after the votes, keep the top n (0: all) */
	int budget;		/* votes each person has */
	int per;		/* most votes on one principle */
	enum align_rule rule;	/* DEFAULT: the list's own, else consensus */
	const char *list;	/* an edited list run() applies (a file, or
				 * "-"), or NULL */
	const char *const *vote;	/* "Ana=p1,p1,p3" */
	size_t nvote;
	const char *const *agree;	/* "Ana" */
	size_t nagree;
	const char *const *object;	/* "Ana:p2" then the reason */
	const char *const *reason;
	size_t nobject;
	int add_people;		/* a name not on the roster is a new person,
				 * not refused */
};

struct align_distiller;

struct align_distiller *align_distiller_new(const struct align_distill_opts *o,
    struct align_err *e);
void align_distiller_free(struct align_distiller *d);

/* Take in a record: the session (its participants, the roster every name
 * of a vote, an agreement or an objection is resolved against: roster.h),
 * themes, principles, responses (for the language), rounds and check-ins
 * (the principle ids they name are not given again).  0, or -1 and e
 * (65 a principle's rule this version does not know, or its votes: a
 * count that is not 0 or more, a voter not on the roster unless
 * add_people, a voter over the budget in all the principles taken so far
 * (budget 0: not checked); each at its line and column, 71). */
int align_distiller_add(struct align_distiller *d,
    const struct align_node *rec, struct align_err *e);

/* Draft the proposals from the themes, once (the calls below do it when
 * it was not done).  0, or -1 and e (71). */
int align_distiller_propose(struct align_distiller *d, struct align_err *e);

/* The list as plain text to edit (principle_list.h), appended to b. */
void align_distiller_list(struct align_distiller *d, struct align_buf *b);
/* Apply an edited list read from fp: see align_list_apply(); nothing
 * changes on an error. */
int align_distiller_apply_list(struct align_distiller *d, FILE *fp,
    const char *name, struct align_list_errors *errs, struct align_err *e);
/* The list as it is now (proposed), copied into base, for a person to
 * edit while the file is not locked: 0, or -1 and e (71). */
int align_distiller_snapshot(struct align_distiller *d,
    struct align_plist *base, struct align_err *e);
/* Apply a list edited from base, read from fp, to d's list as the file
 * (named file) is now, three-way: see align_list_apply3(); nothing
 * changes on an error or a conflict. */
int align_distiller_apply_list3(struct align_distiller *d,
    const struct align_plist *base, FILE *fp, const char *name,
    const char *file, struct align_list_errors *errs,
    struct align_list_errors *conflicts, struct align_err *e);

/* One person's dots, text as vote.h reads it, from line of file (NULL:
 * the --vote option): checked against the list and the budget, and cast
 * when cast is 1.  0, or -1 and e (65 from a file, 64 from --vote). */
/* *name (allocated: replaced) resolved against the session's roster to
 * the participant's name as the roster writes it; a name not on it is
 * added with add_people, else refused with the nearest names: -1 and e,
 * 65 at file and line, or with file NULL 64 and the message after "opt:
 * ".  No roster: *name as typed.  71. */
int align_distiller_who(struct align_distiller *d, char **name,
    const char *file, unsigned long line, const char *opt,
    struct align_err *e);
int align_distiller_ballot(struct align_distiller *d, const char *text,
    const char *file, unsigned long line, int cast, struct align_err *e);

/* Propose, apply o->list, the votes and the agreement of the options,
 * rank by votes (equal votes keep their order), keep the top.  0, or -1
 * and e (64 a vote or an objection that does not hold, 65 a bad line in
 * the list, 66 it cannot be opened, 1 it is empty, 71). */
int align_distiller_run(struct align_distiller *d, struct align_err *e);

/* The principles, in rank order (owned by d). */
size_t align_distiller_count(const struct align_distiller *d);
const struct align_principle *align_distiller_principle(
    const struct align_distiller *d, size_t i);
/* The record of principle i with its status: a new tree the caller
 * frees, or NULL and e (71). */
struct align_node *align_distiller_record(const struct align_distiller *d,
    size_t i, struct align_err *e);

/* The session's participants. */
const char *const *align_distiller_people(const struct align_distiller *d,
    size_t *n);
/* The session's title, date (as the record has it) and place, each NULL
 * when there is none (owned by d). */
void align_distiller_session(const struct align_distiller *d,
    const char **title, const char **date, const char **place);
/* The rule the list is decided by: the option's, the stream's, or the
 * default. */
enum align_rule align_distiller_rule(const struct align_distiller *d);
/* 1 when principle i meets the rule. */
int align_distiller_met(const struct align_distiller *d, size_t i);
/* 1 when the rule is met for every principle of a non-empty list. */
int align_distiller_final(const struct align_distiller *d);

#endif
