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
int align_out_write(struct align_out *o, const char *s, size_t n,
    struct align_err *e);
/* Flush and, in place, replace the file and release its lock: 0, or -1
 * and e (74). */
int align_out_close(struct align_out *o, struct align_err *e);
/* Give up: the file in place stays as it was, its lock released. */
void align_out_abort(struct align_out *o);


/*
 * A stream held in a temporary file (in $TMPDIR, without a name, so that
 * nothing is left behind) while a tool works out the records it
 * owns, which then go where the first of the old ones stood (the mark), or
 * at the end:
 *
 *	align_spill_open(&s, &e);
 *	for each record: owned by the tool ? align_spill_mark(&s) :
 *	    align_spill_record(&s, rec, &e);
 *	align_spill_copy(&s, &out, 0, &e);	   the records before the mark
 *	... write the derived records to out ...
 *	align_spill_copy(&s, &out, 1, &e);	   the records after it
 *	align_spill_close(&s);
 */
struct align_spill {
	FILE *fp;
	struct align_buf buf;
	long at;		/* the mark, or -1 */
	long end;
};

int align_spill_open(struct align_spill *s, struct align_err *e);
int align_spill_record(struct align_spill *s, const struct align_node *rec,
    struct align_err *e);
void align_spill_mark(struct align_spill *s);
/* part 0: the records before the mark; part 1: those after it. */
int align_spill_copy(struct align_spill *s, struct align_out *out, int part,
    struct align_err *e);
void align_spill_close(struct align_spill *s);
#endif
