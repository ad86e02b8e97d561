/*
 * file.h - writing session files so that nothing is ever half-written.
 *
 * Rewriting in place (-i FILE): the new contents go to a temporary file
 * beside FILE, which is flushed, synced and renamed over FILE, and then the
 * directory is synced.  Until align_rewrite_commit() returns 0 the original
 * is untouched; on any failure, or a signal, the temporary file is removed.
 *
 *	struct align_rewrite w;
 *	if (align_rewrite_begin(&w, path, &e) < 0)
 *		fail(&e);
 *	fputs(text, w.fp);
 *	if (align_rewrite_commit(&w, &e) < 0)	   (aborts by itself)
 *		fail(&e);
 *
 * Appending (-a FILE): align_append_lock() opens FILE (creating it),
 * takes an flock(2) lock on it, waiting up to a timeout, and notes FILE's
 * size in a journal beside it (".FILE.align-append").  The records are
 * written, synced, and the journal removed by align_append_close().  A
 * writer killed in between (write(2) itself can stop short on SIGKILL)
 * leaves the journal: readers stop at the size it holds, and the next
 * writer cuts the file back to it, so an append is all or nothing.  Locks
 * die with their process, so a killed writer never blocks the next.
 */
#ifndef ALIGN_FILE_H
#define ALIGN_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct align_rewrite {
	char *path;	/* the file to replace */
	char *tmp;	/* the temporary file beside it */
	char *dir;	/* its directory, synced after the rename */
	FILE *fp;	/* write the new contents here */
	int fd;
};

/* 0, or -1 and e (73 the temporary file cannot be created). */
int align_rewrite_begin(struct align_rewrite *w, const char *path,
    struct align_err *e);
/* 0, or -1 and e (74 an I/O error): the original is then unchanged. */
int align_rewrite_commit(struct align_rewrite *w, struct align_err *e);
/* Remove the temporary file; w may be one that never began. */
void align_rewrite_abort(struct align_rewrite *w);

/* Remove every temporary file still registered and restore the default
 * action of the signal, then raise it again: install with
 * align_cleanup_signals() at the start of main. */
void align_cleanup_signals(void);

/* Open path for appending and lock it, waiting at most timeout seconds:
 * the descriptor, or -1 and e (73 cannot open, 75 the lock stayed busy). */
int align_append_lock(const char *path, double timeout, struct align_err *e);
/* Write n bytes whole at the end of fd, after a newline if the file does
 * not end with one; 0, or -1 and e (74). */
int align_append(int fd, const char *path, const char *s, size_t n,
    struct align_err *e);
/* Sync, end the journal, close (releasing the lock): 0, or -1 and e (74). */
int align_append_close(int fd, const char *path, struct align_err *e);
/* Take back what this append wrote, and close. */
void align_append_abort(int fd, const char *path);
/* The size path had before an unfinished append, or -1 when there is
 * none: a reader reads no further. */
long long align_append_limit(const char *path);

/* Write all of s to fd, retrying short writes: 0 or -1 (errno set). */
int align_write_all(int fd, const char *s, size_t n);

#endif
