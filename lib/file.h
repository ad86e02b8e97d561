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
 * Appending (-a FILE): align_append_lock() opens FILE (creating it) and
 * takes an flock(2) lock on it, waiting up to a timeout; each record is
 * then written whole by one write(2).  Locks die with their process, so a
 * killed writer never leaves a stale lock behind.
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
/* Sync and close (releasing the lock): 0, or -1 and e (74). */
int align_append_close(int fd, const char *path, struct align_err *e);

/* Write all of s to fd, retrying short writes: 0 or -1 (errno set). */
int align_write_all(int fd, const char *s, size_t n);

#endif
