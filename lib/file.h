/*
 * file.h - session files that are never half-written, and writers that
 * never lose each other's records.
 *
 * Every writer of a session file, whether it rewrites it (-i FILE) or
 * appends to it (-a FILE), holds the file's lock from before it reads the
 * file to after it has written it, so that a rewrite sees every append
 * that finished before it and no append lands in a file being replaced:
 *
 *	struct align_lock lk;
 *
 *	if (align_lock_acquire(&lk, path, NULL, &e) < 0)
 *		fail(&e);			(nothing is held)
 *	... read path ...
 *
 * then rewrites it:
 *
 *	if (align_lock_rewrite(&lk, &e) < 0)	a temporary file beside it
 *		goto fail;
 *	fputs(text, lk.fp);
 *	if (align_lock_commit(&lk, &e) < 0)	flush, sync, rename over the
 *		fail(&e);			file, sync the directory; the
 *						lock is released either way
 *
 * or appends to it, all or nothing:
 *
 *	if (align_lock_append(&lk, bytes, n, &e) < 0)
 *		goto fail;			(the file is as it was)
 *	align_lock_release(&lk);
 *	...
 * fail:
 *	align_lock_release(&lk);		the file as it was, released
 *
 * align_append_file() does the whole of an append that reads nothing.
 * align_lock_release() takes back whatever was not committed (removes the
 * temporary file, cuts an append back), and may be called on a lock that
 * failed, was released or was only zeroed.
 *
 * What is locked.  The path is resolved once (realpath(3)): a symbolic
 * link is followed, and the lock, the journal and the temporary file all
 * belong to the file it names, which is the file replaced (the link is
 * kept).  A rename replaces the file's inode, so the lock is an flock(2)
 * on a separate file beside it, DIR/.NAME.align-lock, which holds the
 * holder's name, pid, host and the time it took the lock ("align-theme
 * 1234 host 1767000000"), for the message of a writer that gives up.  The
 * holder removes it before it lets go; a writer that finds it locked a
 * file that is no longer there tries again, so the lock stays one.  A
 * writer waits for the lock at most the options' wait, and is told (the
 * waiting callback) once it has waited a second.  A lock dies with its
 * process: a killed writer never blocks the next.
 *
 * What the next holder repairs.  An append notes the file's identity and
 * size in a journal, DIR/.NAME.align-append ("DEV INO SIZE"), before it
 * writes, and removes it once the bytes are synced.  A writer killed in
 * between leaves it: readers read no further than that size, and the next
 * holder cuts the file back to it.  A journal that describes another file
 * (another inode: the file was replaced since) is stale and is removed,
 * never applied.  Temporary files of a killed rewrite, DIR/.NAME.XXXXXX
 * (six letters or digits), regular, the holder's, and older than the
 * holder's lock, are removed by the next holder.
 *
 * Files that are not regular (a FIFO, a directory, a device) are refused
 * before anything is opened that could block.
 *
 * Temporary files (the rewrite's, and align_temp_create()'s in TMPDIR)
 * are registered in a list, without limit, and removed by an atexit(3)
 * handler and by the handlers align_cleanup_signals() installs, which
 * also cut back an append in progress and remove a lock file held.
 */
#ifndef ALIGN_FILE_H
#define ALIGN_FILE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "err.h"

/* Seconds a writer waits for the lock unless told otherwise. */
#define ALIGN_LOCK_WAIT 30

struct align_lock_opts {
	double wait;		/* seconds to wait; < 0: the default */
	const char *tool;	/* the holder's name, written in the lock */
	/* Called once when the wait passes a second: the file as named,
	 * and who holds it ("align-theme (pid 1234) since 12:01:03"). */
	void (*waiting)(const char *name, const char *holder, void *ctx);
	void *ctx;
};

/* The defaults used where no options are given (a tool sets them once at
 * the start): the wait, the tool's name, the waiting callback. */
void align_lock_set_defaults(const struct align_lock_opts *o);
/* Fill o with the defaults. */
void align_lock_defaults(struct align_lock_opts *o);

struct align_cleanup;

struct align_lock {
	char *name;		/* the file as the caller named it */
	char *path;		/* the file itself, symbolic links resolved */
	char *dir;		/* its directory */
	char *base;		/* its name in dir */
	char *lockfile;		/* DIR/.NAME.align-lock */
	char *journal;		/* DIR/.NAME.align-append */
	char *tmp;		/* a rewrite: DIR/.NAME.XXXXXX */
	FILE *fp;		/* a rewrite: the new contents go here */
	struct timespec since;	/* when the lock was taken */
	/* The rest is the lock's own. */
	int live, held, appending;
	int lockfd;
	int fd;			/* an append: the file, or -1 */
	off_t before;		/* an append: the file's size before it */
	struct align_cleanup *clean_lock, *clean_tmp;
};

/* Resolve path, take its lock (waiting at most o->wait seconds; o NULL:
 * the defaults), then repair what a killed writer left.  The file need
 * not exist; its directory must.  0, or -1 and e: 66 not a regular file
 * or cannot be resolved, 71, 73 the lock file cannot be created, 74 an
 * I/O error (locking, cutting back), 75 the lock stayed busy (the message
 * names the holder). */
int align_lock_acquire(struct align_lock *lk, const char *path,
    const struct align_lock_opts *o, struct align_err *e);

/* Begin a rewrite: lk->fp writes to a new temporary file beside the file,
 * with its permissions (or the umask's, for a new file).  0, or -1 and e
 * (73 cannot create it: the message names the directory; 71). */
int align_lock_rewrite(struct align_lock *lk, struct align_err *e);
/* Flush, sync and close the temporary file, rename it over the file, sync
 * the directory; then release the lock.  0, or -1 and e (74, saying which
 * step): up to the rename the file is unchanged and no temporary file is
 * left; the lock is released in every case. */
int align_lock_commit(struct align_lock *lk, struct align_err *e);

/* Append the n bytes of s to the file (created if missing), whole: after
 * a newline if the file does not end with one, journaled, synced.  0, or
 * -1 and e (66 not a regular file, 73 cannot open, 74): the file is then
 * cut back to where it was, or, if even that fails, its journal stays so
 * that readers stop there and the next holder cuts it back.  The lock is
 * still held. */
int align_lock_append(struct align_lock *lk, const char *s, size_t n,
    struct align_err *e);
/* The same in steps, for an append too large to hold: begin (open the
 * file, write the journal), write as often as needed, commit (sync,
 * remove the journal).  A failed write or commit is taken back by
 * align_lock_append_abort() or align_lock_release(); a failed commit takes
 * it back itself. */
int align_lock_append_begin(struct align_lock *lk, struct align_err *e);
int align_lock_append_write(struct align_lock *lk, const char *s, size_t n,
    struct align_err *e);
int align_lock_append_commit(struct align_lock *lk, struct align_err *e);
void align_lock_append_abort(struct align_lock *lk);

/* Take back what was not committed, remove the lock file and let go. */
void align_lock_release(struct align_lock *lk);

/* The whole of an append that reads nothing first: acquire, append,
 * release.  0, or -1 and e (the statuses above), the file as it was. */
int align_append_file(const char *path, const char *s, size_t n,
    const struct align_lock_opts *o, struct align_err *e);

/* Where a reader of fd (opened from path) must stop: the size of the
 * file now, or less when an unfinished append of this very file began
 * at a smaller size; -1 when fd is not a regular file (read to the end).
 * Taken before the journal is looked at, so that an append that begins
 * meanwhile is not read half. */
long long align_append_limit_fd(int fd, const char *path);
/* The size path had before an unfinished append of it, or -1 when there
 * is none (no journal, or one that describes another file). */
long long align_append_limit(const char *path);

/* 1 when path is a regular file, 0 when there is none (a dangling link
 * counts as none), -1 and e (66) when it is something else: a FIFO, a
 * directory, a device.  Never blocks. */
int align_file_check(const char *path, struct align_err *e);

/* A new temporary file in $TMPDIR (else /tmp), open for reading and
 * writing, removed at exit or on a signal if align_temp_remove() has
 * not removed it before: the stream and its name in *path (the caller
 * hands it back to align_temp_remove()); NULL and e (73, 71). */
FILE *align_temp_create(char **path, struct align_err *e);
/* Remove a file of align_temp_create() and free its name; NULL is
 * accepted.  The stream is the caller's to close. */
void align_temp_remove(char *path);
/* A temporary stream in $TMPDIR with no name: nothing to remove. */
FILE *align_temp_stream(struct align_err *e);

/* Install the handlers of SIGHUP, SIGINT, SIGPIPE, SIGQUIT and SIGTERM
 * (those not ignored) that take back what is registered, restore the
 * default action and raise the signal again.  Call once at the start of
 * main. */
void align_cleanup_signals(void);

/* Write all of s to fd, retrying short writes: 0 or -1 (errno set). */
int align_write_all(int fd, const char *s, size_t n);

#endif
