/*
 * anon.h - --anonymous: who said what, hidden in every record
 * align-capture writes.
 *
 * Hidden:
 *   - the participant of every response it writes, new (a line of plain
 *     text, a CSV row, a line typed at the prompt) or read from a stream:
 *     its pseudonym (response.h) takes its place.  A response read with a
 *     name is given a new id too, derived from the pseudonym: its old id
 *     is a hash of the name and the text, which anyone guessing names
 *     could check.
 *   - the "Name:" that begins a line of plain text, or the text of a
 *     response read without a participant, whatever its length: a name
 *     on the session's roster is recognised at any length (speaker.h) and
 *     becomes the participant, pseudonymised; a prefix shaped like a name
 *     but longer than the rule of plain text (four words, 40 bytes), and
 *     not on the roster, is refused (65) rather than left in the text.
 *     (A CSV answer is never split at a colon: its name is its column's.)
 * Not hidden, and why:
 *   - the session record, align-plan's, passes as it is: its list of
 *     participants (who was invited, which the invitation told them) and
 *     its facilitator.  A pseudonymised copy would be a second version of
 *     align-plan's record under its id, the roster that names are
 *     resolved against would be lost, and a list kept in its order would
 *     give each pseudonym its name.
 *   - what a response says: a name someone mentions in their words.
 *   - records of kinds it does not know, passed as they came.
 * Refused (65), for they cannot pass without a name or a broken link:
 *   - a principle, follow-up, check-in or reminder: votes, agreement,
 *     pairs and check-ins name people by design, and belong to other
 *     steps (anonymity is settled at capture, before them);
 *   - a theme, once a response it may list has been given a new id.
 *
 *	struct align_anon a;
 *	align_anon_init(&a, key);
 *	for each record rec of input i:
 *		rc = align_anon_record(&a, &roster, rec, plain, i, file,
 *		    &out, &e);
 *		(0: write rec; 1: write out, then free it; -1: fail)
 *	align_anon_release(&a);
 */
#ifndef ALIGN_ANON_H
#define ALIGN_ANON_H

#include <stddef.h>

#include "err.h"
#include "hash.h"
#include "node.h"
#include "speaker.h"

struct align_anon {
	const unsigned char *key;	/* the pseudonym key */
	struct align_count seen;	/* identical responses made here */
	size_t input;			/* the input seen counts for */
	unsigned long renamed;		/* responses given a new id */
	int themes;			/* a theme has passed */
};

void align_anon_init(struct align_anon *a, const unsigned char *key);
void align_anon_release(struct align_anon *a);

/* rec as --anonymous writes it.  plain: rec was made from a line of plain
 * text of input number input (the reader pseudonymised the names it
 * recognised); roster: the session's participants; file names rec's
 * input in messages.  0: rec goes as it is; 1: *out (the caller's to
 * free) goes in its place; -1 and e (65 at rec's line, 71). */
int align_anon_record(struct align_anon *a,
    const struct align_speakers *roster, const struct align_node *rec, int plain, size_t input, const char *file,
    struct align_node **out, struct align_err *e);

#endif
