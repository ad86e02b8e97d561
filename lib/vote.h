/*
 * vote.h - dot votes (step 7): each person spreads a budget of dots over
 * the list, at most so many on one principle; the tally ranks it.
 *
 * A ballot is one person's dots, "Ana=p1,p1,p3" or, as typed at a prompt,
 * "Ana: p1 p1 p3": one dot an id.  It replaces that person's earlier dots.
 *
 *	struct align_ballot b;
 *	if (align_ballot_parse(&b, line, file, lno, &e) < 0 ||
 *	    align_ballot_check(&b, &list, budget, per, file, lno, &e) < 0 ||
 *	    align_ballot_cast(&b, &list, &e) < 0)
 *		...;
 *	align_ballot_release(&b);
 *
 * Errors name where the ballot came from: a line of file (65, bad data),
 * or, with file NULL, the --vote option (64, a usage error).
 */
#ifndef ALIGN_VOTE_H
#define ALIGN_VOTE_H

#include "err.h"
#include "principle.h"

struct align_ballot {
	char *who;
	struct align_strs ids;		/* one a dot */
};

/* b from text.  0, or -1 and e (not of the form, 71); b needs
 * align_ballot_release() either way. */
int align_ballot_parse(struct align_ballot *b, const char *text,
    const char *file, unsigned long line, struct align_err *e);
/* The ballot holds: every id on l (a handle made the id it names), no
 * more than per on one, no more than budget in all.  0, or -1 and e. */
int align_ballot_check(struct align_ballot *b,
    const struct align_plist *l, int budget, int per, const char *file,
    unsigned long line, struct align_err *e);
/* The ballot's dots on l, in place of the person's earlier ones (a
 * checked ballot: ids not on l are passed over).  0, or -1 and e (71). */
int align_ballot_cast(const struct align_ballot *b, struct align_plist *l,
    struct align_err *e);
void align_ballot_release(struct align_ballot *b);

#endif
