/*
 * speaker.h - who said a line: the "Name:" that begins it, resolved
 * against the session's participants (its roster), and the roster's
 * names completed from what has been typed.
 *
 * Names are compared folded, by the roster's one fold
 * (align_name_fold(), roster.h): case, accents, compatibility forms and
 * the spaces around and between words do not count ("marcus  lee" is
 * "Marcus Lee", "Jose" is "José").  A roster name is recognised whatever its length or number of
 * words; a name not on the roster only by the rule of plain text
 * (align_name_prefix(): four words, 40 bytes).
 *
 *	struct align_speakers s;
 *	if (align_speakers_init(&s, session, &e) < 0)	 (session may be NULL)
 *		fail(&e);
 *	align_speakers_find(&s, line, &k, &name);  "Marcus Lee: ..": 10
 *	align_speakers_complete(&s, "mar", 3, &c, &e);	 -> "Marcus Lee: "
 *	align_speakers_release(&s);
 *
 * The names are the participants' without their addresses ("Ana Lima"
 * for "Ana Lima <ana@x>"), copied.  (When the roster module lands, this
 * is its job.)
 */
#ifndef ALIGN_SPEAKER_H
#define ALIGN_SPEAKER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "node.h"

struct align_speaker {
	const char *name;	/* as the session spells it */
	char *fold;		/* folded */
};

struct align_speakers {
	struct align_speaker *v;
	size_t n, cap;
	size_t longest;		/* bytes of the longest name */
	uint32_t *slot;		/* the first of each folded name by its
				 * hash: index + 1, 0 empty */
	size_t mask;		/* slots - 1 */
};

/* The participants of session (a session record, or NULL: none).  0, or
 * -1 and e (71); s needs align_speakers_release() either way. */
int align_speakers_init(struct align_speakers *s,
    const struct align_node *session, struct align_err *e);
void align_speakers_release(struct align_speakers *s);

/* The roster name that begins line, followed by ':' and a space, a tab
 * or the end: 1, the bytes of line before the ':' in *len and the name as
 * the roster spells it in *name; 0 when there is none; -1 when out of
 * memory. */
int align_speakers_find(const struct align_speakers *s, const char *line,
    size_t *len, const char **name);

/* A "Name:" shaped like a name but longer than the rule of plain text
 * allows (more than four words or 40 bytes): it starts with a letter,
 * holds no line break and none of "()[]{}<>/\|#*=?!;," and ends at a ':'
 * followed by a space, a tab or the end.  Its length, else 0. */
size_t align_speaker_long_name(const char *line);

/* Completion of the first n bytes of typed, a name begun: the names of
 * the roster that begin with it (folded) in *v (of *nv; malloc'd, the
 * names borrowed), and in out what should replace it: the one name and
 * ": "; or the longest beginning the names share, as they spell it, when
 * it still begins with what was typed (folded); else typed as it is.
 * 0, or -1 and e (71). */
int align_speakers_complete(const struct align_speakers *s,
    const char *typed, size_t n, struct align_buf *out, const char ***v,
    size_t *nv, struct align_err *e);

#endif
