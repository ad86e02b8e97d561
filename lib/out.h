/*
 * out.h - where a tool's session stream goes: standard output, or a file
 * rewritten in place (-i FILE) under its lock, taken before the file was
 * read (file.h), so that it is never left half-written and no append made
 * meanwhile is lost.
 *
 *	struct align_lock lk;
 *	struct align_out o;
 *	align_lock_acquire(&lk, path, NULL, &e) ... read path ...
 *	if (align_out_open(&o, &lk, &e) < 0)	   (NULL: standard output)
 *		fail(&e);
 *	for each record: if (align_out_record(&o, rec, &e) < 0) goto fail;
 *	if (align_out_close(&o, &e) < 0)	   (nothing is replaced then)
 *		fail(&e);			   the lock is released
 *	...
 *	fail: align_out_abort(&o);		   the file as it was, released
 */
#ifndef ALIGN_OUT_H
#define ALIGN_OUT_H

#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "file.h"
#include "node.h"

struct align_out {
	FILE *fp;
	const char *name;	/* for messages: the file or "<stdout>" */
	struct align_lock *lk;	/* in place: the lock of the file */
	struct align_buf buf;
};

/* lk: the held lock of the file to replace, or NULL for standard output.
 * 0, or -1 and e (73 no temporary file: the lock is then released). */
int align_out_open(struct align_out *o, struct align_lock *lk,
    struct align_err *e);
int align_out_record(struct align_out *o, const struct align_node *rec,
    struct align_err *e);
/* The same, given the bytes rec was read from when they are what
 * align_emit_record() would write (align_reader_bytes()), which are then
 * copied as they are; bytes NULL: rec written. */
int align_out_copy(struct align_out *o, const struct align_node *rec,
    const char *bytes, size_t n, struct align_err *e);
int align_out_write(struct align_out *o, const char *s, size_t n,
    struct align_err *e);
/* Flush and, in place, replace the file and release its lock: 0, or -1
 * and e (74). */
int align_out_close(struct align_out *o, struct align_err *e);
/* Give up: the file in place stays as it was, its lock released. */
void align_out_abort(struct align_out *o);


/*
 * A stream held in a temporary file (in $TMPDIR, without a name, so that
 * nothing is left behind) while a tool works out the records it owns;
 * the file made only once the stream outgrows 64 KiB (a meeting's never
 * is: making and removing it was a tenth of the run).
 * The spill remembers where each of those stood; the writer then puts the
 * new ones in their place (align_spill_write()):
 *
 *	align_spill_open(&s, &e);
 *	for each record: align_spill_record(&s, rec, owned, keep, &e);
 *	... make the new records ...
 *	align_spill_write(&s, &out, which, lead, n, get, ctx, &e);
 *	align_spill_close(&s);
 */
struct align_spill_part {
	long from, to;		/* an owned record's bytes; none if kept 0 */
};

struct align_spill {
	FILE *fp;		/* or NULL: all of it in buf */
	long off;		/* bytes in fp */
	struct align_buf buf;
	struct align_spill_part *owned;	/* in the order read */
	size_t nowned, cap;
	long end;		/* the bytes written, once flushed; or -1 */
	struct align_out *head;	/* or NULL: see align_spill_head() */
};

/* Which owned records the new ones replace. */
#define ALIGN_SPILL_ALL (-1)	/* every one: the new at the first's place */
#define ALIGN_SPILL_NONE (-2)	/* none: the new ones added */

int align_spill_open(struct align_spill *s, struct align_err *e);
/* Before the first record: the records read before the first owned one
 * go straight to out (the file rewritten in place), as they are read, and
 * only the rest is held in the spill, so that the stream is written once
 * where the owned records stand at its end.  The new records then may not
 * lead the stream (align_spill_write() refuses it, 70), and out is the
 * one given to align_spill_write() or align_spill_edit(). */
void align_spill_head(struct align_spill *s, struct align_out *out);
/* Keep rec; owned: it is of the kind the step writes, and its place is
 * remembered (its bytes too when keep: it may be written back). */
int align_spill_record(struct align_spill *s, const struct align_node *rec,
    int owned, int keep, struct align_err *e);
/* The same, given rec's bytes as align_out_copy() is. */
int align_spill_copy(struct align_spill *s, const struct align_node *rec,
    const char *bytes, size_t n, int owned, int keep, struct align_err *e);
/* The stream to out with the n records of get(ctx, i, e) (each freed
 * after; NULL on an error): in place of the owned record which (0, 1, ...),
 * or of them all (ALIGN_SPILL_ALL: the others dropped), or of none
 * (ALIGN_SPILL_NONE).  Where no owned record stood, the new ones lead
 * the stream when lead, else end it.  0, or -1 and e. */
int align_spill_write(struct align_spill *s, struct align_out *out,
    long which, int lead, size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx, struct align_err *e);
/* The stream to out with each owned record k (0, 1, ...; kept with its
 * bytes) written as it was, or as edit(ctx, k) gives it when that is not
 * NULL (the caller's, not freed), then the n records of get(ctx, i, e)
 * at the end.  0, or -1 and e. */
int align_spill_edit(struct align_spill *s, struct align_out *out,
    const struct align_node *(*edit)(void *, size_t), size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx, struct align_err *e);
void align_spill_close(struct align_spill *s);
#endif
