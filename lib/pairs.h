/*
 * pairs.h - who talks with whom in a round.
 *
 * Everyone is paired, in a trio when their number is odd.  No pair is
 * repeated while a pairing without repeats exists, taking the pairs of
 * earlier rounds into account; the same people, earlier pairs and seed
 * give the same pairs.  There is no limit on the number of people or on
 * the length of a name.
 *
 *	struct align_node *pairs;
 *	if (align_pairs(names, n, &earlier, seed, &pairs, &e) < 0)
 *		fail(&e);
 *	align_map_put(round, "pairs", pairs);
 */
#ifndef ALIGN_PAIRS_H
#define ALIGN_PAIRS_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "node.h"
#include "record.h"

/* Pair people[0..n-1]: met holds the groups of earlier rounds (each pair
 * within a group has met; NULL: none).  The pairs, each sorted, sorted by
 * their first name, into *out (a new sequence of sequences).  0, or -1 and
 * e: 65 for fewer than two people, 71. */
int align_pairs(const char *const *people, size_t n,
    const struct align_groups *met, uint64_t seed, struct align_node **out,
    struct align_err *e);

/* The same pairs, made in less memory for a round of everyone: their
 * nodes in two arrays of m (marked pooled, so that align_node_free()
 * leaves them, and align_node_copy_top() shares them), each name the
 * string of people, not a copy; m->pairs is the sequence, to put in a
 * record that is freed, and people kept, until
 * align_pairs_made_release(m).  0, or -1 and e as align_pairs(). */
struct align_pairs_made {
	struct align_node *pairs;	/* into node */
	struct align_node *node;	/* the sequence, groups and names */
	struct align_node **item;	/* their items */
};
int align_pairs_borrowed(const char *const *people, size_t n,
    const struct align_groups *met, uint64_t seed,
    struct align_pairs_made *m, struct align_err *e);
void align_pairs_made_release(struct align_pairs_made *m);

/* How many pairs within the groups of pairs have met in met; (size_t)-1
 * when out of memory. */
size_t align_pairs_repeats(const struct align_groups *pairs,
    const struct align_groups *met);

#endif
