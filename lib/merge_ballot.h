/*
 * merge_ballot.h - inside lib/merge: the principles merged with one
 * ballot a voter (merge_ballot.c).  Not for the tools: they call merge.h.
 *
 * A person's dots are one ballot, spread over the principles' "votes";
 * merged principle by principle, a person who voted on both branches
 * would keep the dots of both (10 against a budget of 5).  So a voter's
 * ballot, all their counts on all the principles, is merged whole: the
 * side that changed it wins; changed on both sides, differently, it is a
 * conflict, since a principle record holds no time to tell the later
 * ballot by: every principle where the two ballots differ has its votes
 * marked, and the voter is named.
 *
 * The merge of streams keeps each principle record of ours (and those of
 * theirs alone) as a slot, at its place in the output, and writes them
 * all at the end, once every side's ballots are known.
 */
#ifndef ALIGN_MERGE_BALLOT_H
#define ALIGN_MERGE_BALLOT_H

#include <stddef.h>

#include "merge_record.h"

struct align_merge_slot {
	size_t off;			/* where in to->out it goes */
	const struct align_node *b, *t;	/* base's and theirs' (NULL: none) */
	struct align_node *o;		/* ours' copy (NULL: none), freed by
					 * align_merge_ballots() */
};

/* The slots' principles merged, voter by voter, and each written at its
 * offset in to->out; base and theirs: every principle record of each
 * side (for the ballots), n_base and n_theirs of them.  0, or -1 when
 * out of memory.  The slots' copies are freed either way. */
int align_merge_ballots(struct align_merge_to *to,
    struct align_merge_slot *slots, size_t n,
    const struct align_node *const *base, size_t n_base,
    const struct align_node *const *theirs, size_t n_theirs);

#endif
