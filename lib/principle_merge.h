/*
 * principle_merge.h - an edited list applied three-way (step 7): the list
 * a person edited (principle_list.h) was made from the principles as the
 * file was then (base); while the editor was open another writer may have
 * changed the file (now).  The edit is read against base, so that its
 * ids mean what the person saw, and then applied to now principle by
 * principle:
 *
 *   - a principle the edit left as it was (its line unchanged) is now's:
 *     the other writer's votes, agreement, words or deletion stand (left
 *     by both, it is marked the group's, source manual, as an edit marks
 *     every line on it);
 *   - a principle the edit changed (reworded, dropped, merged with
 *     another) that the other writer did not change is the edit's;
 *   - changed by both, differently, it is a conflict, and nothing is
 *     applied; a proposal nobody touched that was drafted again (new
 *     themes) is derived, not the other writer's work, and gives way to
 *     the edit;
 *   - a principle the other writer added is kept; one the edit added is
 *     numbered after every id there is now.
 *
 * The order is the edited list's where the edit reordered the lines, else
 * now's, each side's new principles after the one they followed; the
 * votes then rank the list as always.
 *
 *	struct align_list_errors errs = ..., conflicts = ...;
 *	if (align_list_apply3(&now, &base, fp, "list.txt", "s.yaml",
 *	    &errs, &conflicts, &e) < 0)
 *		say each of errs (a bad line) or conflicts;
 */
#ifndef ALIGN_PRINCIPLE_MERGE_H
#define ALIGN_PRINCIPLE_MERGE_H

#include <stdio.h>

#include "err.h"
#include "principle.h"
#include "principle_list.h"

/* Apply the list edited from base, read from fp (name for messages), to
 * now.  0 and now the merge; or -1 and e, now unchanged: 65 a line is
 * wrong against base (errs gets every one, as align_list_apply() says),
 * or the edit and another writer changed the same principles (conflicts
 * gets one a principle, each naming file and the line of its record in
 * now, 0 when now has none; e the first); 1 the list has no principle,
 * 74, 71.  errs and conflicts may be NULL. */
int align_list_apply3(struct align_plist *now, const struct align_plist *base,
    FILE *fp, const char *name, const char *file,
    struct align_list_errors *errs, struct align_list_errors *conflicts,
    struct align_err *e);

/* A copy of l, every principle its own; 0, or -1 when out of memory (to
 * then empty). */
int align_plist_copy(struct align_plist *to, const struct align_plist *l);

#endif
