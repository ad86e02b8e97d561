/*
 * idindex.h - the ids a session file holds, without reading it all.
 *
 * An append (align-capture -a) must not add a record whose id the file
 * holds.  Reading the whole file for its ids costs as much as a parse of
 * it; this keeps them in an index, a cache that is never trusted beyond
 * what it can prove, and is rebuilt by that parse whenever it cannot:
 *
 *	(the file's lock held, align_lock_append_begin() done: file.h)
 *	struct align_idindex x;
 *
 *	if (align_idindex_load(&x, name, lk.path, lk.fd, lk.before, &e) < 0)
 *		fail(&e);		(the parse's errors, as without it)
 *	switch (align_idindex_add(&x, id)) {	for each record to append:
 *	case 1: append it;	case 0: the file holds it;	case -1: 71
 *	}
 *	... align_lock_append_commit() ...
 *	align_idindex_save(&x, lk.path, lk.fd);	(never fails: a cache)
 *	align_idindex_release(&x);
 *
 * Where.  $XDG_CACHE_HOME/align/ids/ (else ~/.cache/align/ids/), one file
 * a session file, named by a hash of its resolved path: not beside the
 * session file, where git would see it, a merge would carry it to another
 * copy and a read-only directory would refuse it; each user keeps their
 * own.  Without either variable there is no index (every append parses).
 *
 * What it holds (ALIGN_IDINDEX_VERSION; host byte order, so another
 * machine's index is foreign and rebuilt): fifteen 64-bit words, a magic
 * number, the version, the file's device, inode, the size described
 * (end), its modification time (seconds, nanoseconds), a hash of its
 * first 4 KiB and of the 4 KiB before end, the count of the sorted ids,
 * a check of them (align_check64()), the count of runs after them, the
 * count of ids in the runs, a check chained through the runs and a hash
 * of the words before; then the ids as the fingerprints that hash.h's
 * sets keep (two 64-bit words each), sorted; then the runs, each the ids
 * one append added (its count, its check, its ids as they came).
 *
 * How it is written.  An append adds a run at the end of the index and
 * writes the words again, in place: it costs what it appends.  When the
 * runs would hold more than an eighth of the ids of the sorted part (or
 * four; each load sorts the runs' ids), or after a parse, the index is
 * written whole,
 * every id sorted, to a temporary file beside it renamed over, so that it
 * is whole or the one before.  An index whose size is not the one its
 * words describe (an append cut short) is not believed.
 *
 * When it is believed.  Under the lock, the index's device and inode are
 * the file's, end is at most the file's size, and the two hashes are those
 * of the file's bytes now.  Then, when end is the size and the time is the
 * same to the nanosecond, the ids are the index's; when the file is longer
 * (another tool appended), the ids are the index's and those of the
 * records from end on, which must begin there ("---"), read alone.
 * Anything else (no index, a damaged or foreign one, a file replaced by a
 * rewrite, shorter, or touched at the same size, a tail that does not
 * read) and the whole file is parsed, as it is without an index.  What it
 * cannot see: an edit in place, in the middle of the file, that keeps the
 * first and the last 4 KiB before end and either keeps the size and the
 * time to the nanosecond or makes the file longer.
 */
#ifndef ALIGN_IDINDEX_H
#define ALIGN_IDINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "hash.h"

#define ALIGN_IDINDEX_VERSION 3

struct align_fp {
	uint64_t a, b;
};

enum align_idindex_how {
	ALIGN_IDX_NONE,		/* an empty or missing file */
	ALIGN_IDX_FIT,		/* the index, as it was */
	ALIGN_IDX_TAIL,		/* the index and the records after it */
	ALIGN_IDX_PARSED	/* a parse of the whole file */
};

struct align_idindex {
	enum align_idindex_how how;
	/* The rest is the index's own. */
	void *mem;		/* what base lives in */
	const struct align_fp *base;	/* sorted, distinct */
	size_t nbase;
	struct align_fp *run;	/* the ids of the index's runs, sorted */
	size_t nrun;
	uint64_t sum;		/* the check of base, as read */
	uint64_t runs, chain;	/* the runs' count and chained check */
	long long size;		/* the index file's bytes, when it fits */
	struct align_fp *add;	/* added since, none in base or run */
	size_t nadd, cap;
	struct align_set extra;	/* those align_idindex_add() added */
};

/* What the caller read of the file's first record: its span (roster.h's
 * fingerprint of its bytes) and its id.  When the index does not fit and
 * the file still begins with those bytes, they are not parsed again. */
struct align_idindex_first {
	long long len;		/* 0: nothing known */
	uint64_t a, b;		/* align_roster_span_hash() */
	const char *id;		/* or NULL: none */
};

/* The ids of the first size bytes of the file open as fd (path resolved,
 * name as the user gave it, for messages), under its lock: from its
 * index if that proves it fits, else by a parse.  0, or -1 and e: the
 * reader's errors (65, 66, 71, 74), and 65 when it is plain text. */
int align_idindex_load(struct align_idindex *x, const char *name,
    const char *path, int fd, long long size, struct align_err *e);
/* The same, first (or NULL) what the caller read of the first record. */
int align_idindex_load_first(struct align_idindex *x, const char *name,
    const char *path, int fd, long long size,
    const struct align_idindex_first *first, struct align_err *e);

/* Add id: 1 when the file does not hold it (and it was not added since),
 * 0 when it does, -1 when out of memory.  Add only the ids of records
 * appended: align_idindex_save() writes them as the file's. */
int align_idindex_add(struct align_idindex *x, const char *id);
/* The same for an id the caller knows was not added before (the records
 * of one reader, which keeps the first of the same id): no set of the
 * ids added is kept, only their fingerprints, 16 bytes an id. */
int align_idindex_add_new(struct align_idindex *x, const char *id);
/* Room for n more ids added: 0, or -1 when out of memory. */
int align_idindex_reserve(struct align_idindex *x, size_t n);
/* 1 when the file holds id or it was added, else 0: a look, no more. */
int align_idindex_has(const struct align_idindex *x, const char *id);

/* After the append was committed, still under the lock: write the index
 * of the file as fd is now.  Errors are ignored: the next append parses. */
void align_idindex_save(struct align_idindex *x, const char *path, int fd);

void align_idindex_release(struct align_idindex *x);

/* Where the index of path (resolved) lives, malloc'd; NULL when there is
 * no cache directory (or out of memory). */
char *align_idindex_file(const char *path);

/* One part of a cache file, and the file written whole from n of them:
 * to a temporary file beside it, renamed over it, its directories made
 * when they are missing.  0, or -1 (nothing is changed).  For the index
 * and for the roster beside it (roster_cache.c). */
struct align_cache_part {
	const void *p;
	size_t len;
};
int align_cache_write(const char *file, const struct align_cache_part *part,
    size_t n);

#endif
