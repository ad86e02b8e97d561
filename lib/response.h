/*
 * response.h - response records and pseudonyms.
 *
 * A response's id derives from its content: the participant (or their
 * pseudonym), the time its input gave, and the text, and for identical
 * untimed responses of one input their occurrence.  Capturing the same
 * input twice adds nothing; two people capturing on two branches never
 * collide.
 *
 * --anonymous replaces each name by a pseudonym, a keyed hash (SipHash)
 * of the name, case-folded: the same person gets the same pseudonym in
 * every session made with the same key, so themes still count distinct
 * people, while the file names nobody.  The key lives outside the session
 * file: $ALIGN_KEY (32 hex digits), else $XDG_CONFIG_HOME/align/key (by
 * default ~/.config/align/key), made on first use with mode 0600.
 */
#ifndef ALIGN_RESPONSE_H
#define ALIGN_RESPONSE_H

#include "err.h"
#include "hash.h"
#include "node.h"

#define ALIGN_PSEUDONYM_MAX 16

/* Load (or make) the key.  0, or -1 and e (73 cannot create it, 65 a bad
 * $ALIGN_KEY, 74). */
int align_key_load(unsigned char key[16], struct align_err *e);

/* The pseudonym of name: "p-" and 10 hex digits. */
int align_pseudonym(const unsigned char key[16], const char *name,
    char out[ALIGN_PSEUDONYM_MAX]);

/* 1 when name is a pseudonym as align_pseudonym() makes one. */
int align_is_pseudonym(const char *name);

/* The error of a new response holding control character cp, at file,
 * line and column (65): "an escape (U+001B) in a response, which could
 * reach a terminal as a command: not recorded".  Returns -1. */
int align_response_control_error(struct align_err *e, const char *file,
    unsigned long line, unsigned long col, unsigned cp);

/* A new response record into *out.
 *   participant  may be NULL; replaced by its pseudonym when key is set
 *   source_at    the time the input gave (part of the id), or NULL
 *   at           the time to record (source_at, or the capture time)
 *   question     when not the session's, else NULL
 *   seen         counts identical untimed responses of this input
 * 0, or -1 and e (71). */
int align_response_new(const char *participant, const char *source_at,
    const char *at, const char *question, const char *text,
    const unsigned char *key, struct align_count *seen,
    struct align_node **out, struct align_err *e);

#endif
