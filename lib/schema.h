/*
 * schema.h - the record kinds of a session stream and their keys.
 *
 * The canonical order of a known kind's keys, and which keys hold text.
 * align-session(5) is the prose version of this table; keep them together.
 */
#ifndef ALIGN_SCHEMA_H
#define ALIGN_SCHEMA_H

/* The known keys of kind in canonical order, NULL-terminated; "kind" and
 * "id" first.  For a kind this version does not know: {"kind", "id"}. */
const char *const *align_schema_keys(const char *kind);

/* 1 when kind is one this version knows. */
int align_schema_known(const char *kind);

/* 1 when the value of key in a record of kind is text (or a list of text)
 * whatever it looks like: a participant called "no" stays a string. */
int align_schema_is_text(const char *kind, const char *key);

#endif
