/*
 * merge_record.h - inside lib/merge: one record of base, ours and theirs
 * merged (merge_record.c) for the merge of streams (merge.c).  Not for
 * the tools: they call merge.h.
 *
 * Each call writes what it decides to to->out and keeps what it tells
 * (conflicts and notes) in to->merge; each returns 0, or -1 when out of
 * memory (to->out may then hold part of a record).
 */
#ifndef ALIGN_MERGE_RECORD_H
#define ALIGN_MERGE_RECORD_H

#include "buf.h"
#include "merge.h"
#include "node.h"

/* Derived records changed on both sides: a note each, at the end. */
#define ALIGN_MERGE_THEMES 1u
#define ALIGN_MERGE_PRINCIPLES 2u

struct align_merge_to {
	struct align_merge *merge;	/* conflicts and notes */
	struct align_buf *out;		/* the records written */
	unsigned derived;		/* ALIGN_MERGE_THEMES, _PRINCIPLES */
};

/* rec as it is. */
int align_merge_emit(struct align_merge_to *to, const struct align_node *rec);
/* o and t changed differently (b their ancestor, NULL when both added
 * it): merged key by key, conflicts marked. */
int align_merge_both(struct align_merge_to *to, const struct align_node *b,
    const struct align_node *o, const struct align_node *t);
/* Deleted on one side (o or t NULL), changed on the other. */
int align_merge_deleted(struct align_merge_to *to,
    const struct align_node *o, const struct align_node *t);
/* Tell the message in msg (released): a conflict or a note; a conflict
 * told so is not counted, the records it marks are. */
int align_merge_tell(struct align_merge_to *to, int conflict,
    struct align_buf *msg);
/* A record merged as the calls above merge it, o and t each NULL when
 * that side has none (deleted, or never there), b NULL when base had
 * none: kept, dropped, merged or marked. */
int align_merge_one(struct align_merge_to *to, const struct align_node *b,
    const struct align_node *o, const struct align_node *t);

/* The notes of to->derived. */
int align_merge_notes(struct align_merge_to *to);

/* The content of n as text that no other content gives (lengths before
 * bytes): what identities and fingerprints are made of. */
void align_merge_serialise(struct align_buf *b, const struct align_node *n);

#endif
