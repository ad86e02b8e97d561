/*
 * merge.h - three session streams merged: the common ancestor (base) and
 * two branches (ours and theirs), by record and by key; what git's merge
 * driver runs (align-merge %O %A %B).
 *
 * Records are matched by id (a record without an id by its content).
 *   - A record changed on one side only is that side's; added on one side,
 *     it is kept; added on both, the same, it is kept once.
 *   - Deleted on one side and unchanged on the other, it is deleted;
 *     deleted on one side and changed on the other, it conflicts.
 *   - Changed on both sides, it is merged key by key, each key as a record
 *     is: a key changed on one side is that side's, the same key changed
 *     differently on both sides conflicts.  Inside a value, where the
 *     shape of the key (record.h) allows:
 *       texts (participants, agreed, keywords, a theme's responses):
 *           a set, each side's additions and removals applied, in ours'
 *           order and then theirs' additions in theirs';
 *       items (objections, commitments): the same, an item known by its
 *           first key (participant, id), an item changed on both sides a
 *           conflict;
 *       counts (votes) and names (aliases): by sub-key, each a whole;
 *       anything else, and every key of a kind this version does not
 *       know: a whole.
 *     A response, check-in or reminder captured on both branches (one id,
 *     so one content) at two times keeps the earlier "at".
 *   - A voter's dots on all the principles are one ballot, merged whole
 *     (merge_ballot.h): one side's change is that side's; changed on
 *     both, differently, the votes conflict in every principle where the
 *     ballots differ (a principle has no time to tell the later by), the
 *     voter named in a conflict's message, never the two added up.
 *   - A session's or a follow-up's "sequence" (its calendar entry's
 *     SEQUENCE) never conflicts: of a record changed on both sides, the
 *     higher of the two, plus one when the merged event is neither side's.
 *   - What is derived is not merged as facts are.  A theme of source
 *     "auto" on both sides, changed on both: ours' is kept whole (or its
 *     deletion), and a note says to group again (align-theme -i).  A
 *     theme a person edited ("manual") wins over an "auto" one: kept when
 *     the other side deleted it, and its keys win where both changed.  A
 *     principle's proposal (statement, themes, status) the same way: a
 *     "manual" side wins, of two "auto" sides ours (and a note to run
 *     align-distill -i); its votes, agreement and objections are facts,
 *     merged as above.
 *
 * The output is the project's canonical stream: the session records first,
 * then the records in ours' order, then those only theirs has, in theirs'
 * order.  A conflict is written where its record stands, as git writes
 * one, so that a person keeps one side in an editor and the reader
 * refuses the file until then (reader.h):
 *
 *	---
 *	kind: session
 *	id: s
 *	<<<<<<< ours (place)
 *	place: Room 4
 *	=======
 *	place: Room 7
 *	>>>>>>> theirs (place)
 *
 * Each side of a conflict holds the merged value with that side's choice
 * where they disagree, so keeping either side loses nothing else.  A
 * record deleted on one side and changed on the other is written whole
 * between the markers, the deleting side empty.
 *
 * The records come from files, read as streams (reading ahead in a
 * thread), or from records in memory.  A file is read no more than twice
 * (base, when theirs changed a response, a check-in or a reminder) and
 * never held whole: of base and theirs only fingerprints are kept, and
 * the records a merge may need (what theirs changed or added; of base,
 * all but those facts in bulk); ours is merged as it is read.
 *
 *	struct align_merge m = ALIGN_MERGE_INIT;
 *	struct align_merge_source src[3] = { { "base", NULL },
 *	    { "ours", NULL }, { "theirs", NULL } };
 *	if (align_merge(&m, src, &e) < 0)
 *		fail(&e);			(65, 66, 74 reading; 71)
 *	write(m.out.p, m.out.len); for each m.note[i]: tell(m.note[i].msg);
 *	status = m.conflicts ? 1 : 0;
 *	align_merge_release(&m);
 */
#ifndef ALIGN_MERGE_H
#define ALIGN_MERGE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "node.h"

/* Something to tell the user: a conflict ("session 's': place changed on
 * both sides") or a note ("themes changed on both sides: ours kept; run
 * align-theme -i to group the merged responses again"). */
struct align_merge_note {
	int conflict;
	char *msg;
};

struct align_merge {
	struct align_buf out;		/* the merged stream */
	size_t conflicts;		/* records that conflict */
	struct align_merge_note *note;	/* conflicts, then notes */
	size_t nnote, notecap;
};

#define ALIGN_MERGE_INIT { ALIGN_BUF_INIT, 0, NULL, 0, 0 }

/* Where a side's records come from: a file (a session stream; plain text
 * is refused), or else records (an ALIGN_SEQ, as align_read_all() gives),
 * or else none (an empty base: both sides added the file). */
struct align_merge_source {
	const char *path;
	const struct align_node *records;
};

/* Merge src[0] (base), src[1] (ours) and src[2] (theirs) into m.  0, or
 * -1 and e (65 a file is not a stream or holds a conflict, 66 cannot be
 * opened, 74 read error, 71 out of memory); m needs align_merge_release()
 * either way. */
int align_merge(struct align_merge *m, const struct align_merge_source src[3],
    struct align_err *e);

void align_merge_release(struct align_merge *m);

#endif
