/*
 * writer.h - the canonical writer of session streams.
 *
 * The same record always gives the same bytes: "---", then the keys of
 * its kind in the order of record.h, then keys this version does not know
 * in their input order; block style; a list of short scalars on one line
 * ("[Ana, Ben]"), a longer one an item a line; no anchors; UTF-8.
 *
 * A text scalar is written plain only when every YAML reader (1.1 and 1.2)
 * takes it back as the same string; otherwise it is double-quoted with
 * escapes.  So "no", "on", "~", "1e3", "2026-01-01" and "1:30" are quoted.
 */
#ifndef ALIGN_WRITER_H
#define ALIGN_WRITER_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "node.h"

/* Append rec, a mapping, as one document ("---\n" ...) to b.  Failure
 * (out of memory) shows in b->failed. */
void align_emit_record(struct align_buf *b, const struct align_node *rec);
/* The same, b handed to flush(arg, b) whenever it holds limit bytes or
 * more between two items of a list written an item a line, for flush to
 * write and empty it: a round of 166,667 pairs is not held whole (8 MB).
 * flush returns 0, or -1 to stop: the rest of rec is then left out (the
 * caller knows why it failed). */
void align_emit_record_flushed(struct align_buf *b,
    const struct align_node *rec, size_t limit,
    int (*flush)(void *arg, struct align_buf *b), void *arg);

/* The length of what align_emit_record() appends for rec when s[0..n)
 * begins with exactly that (found without writing it, so that the bytes
 * a record was read from may be copied in its place); 0 when it does not.
 * hint, or NULL: nhint bytes, one for each key and scalar value of rec in
 * the order written, as the reader read it from s: 1 plain, on one line
 * and untagged, in a file with no tab or byte-order mark so far, and text
 * (not align_implicit_type()); 2 the same but of another type; 0 other.
 * Its ends then tell whether such a scalar may stay plain (writer.c). */
size_t align_emit_same(const struct align_node *rec, const char *s,
    size_t n, const unsigned char *hint, size_t nhint);

/* Append s as a scalar: plain when that is safe, double-quoted otherwise.
 * flow: it stands inside [ ] (commas and brackets need quotes there). */
void align_emit_scalar(struct align_buf *b, const char *s, size_t n,
    int flow);

/* 1 when s, written plain, reads back as the same string in YAML 1.1 and
 * 1.2 (block context unless flow). */
int align_plain_ok(const char *s, size_t n, int flow);

/* 1 when a plain scalar s would be read by a YAML 1.1 reader as something
 * other than a string: null, boolean, number, date or time. */
int align_implicit_type(const char *s, size_t n);

#endif
