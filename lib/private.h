/*
 * private.h - a session file that holds a private conversation (a
 * one-to-one's: its root cause, the manager's view, weekly notes).
 *
 * A session whose record says "private: yes" is kept readable by its
 * owner alone: every tool that writes the file gives it mode 0600 after
 * the write (the atomic rewrite keeps a file's mode, so the file stays
 * so between writes too).  Such a file inside a git work tree is
 * probably on its way into a shared repository: the tools warn, unless
 * told it is meant (--git-ok).
 *
 *	if (align_private_session(session) &&
 *	    align_private_protect(path, &e) < 0)
 *		fail(&e);
 *	if (align_private_session(session) &&
 *	    align_private_git(path, &top) == 1)
 *		warn(...top...);
 */
#ifndef ALIGN_PRIVATE_H
#define ALIGN_PRIVATE_H

#include "buf.h"
#include "err.h"
#include "record.h"

/* 1 when session (a view, or NULL) is marked private ("yes"). */
int align_private_session(const struct align_session_view *session);

/* Give path mode 0600.  0, or -1 and e (74, naming path). */
int align_private_protect(const char *path, struct align_err *e);

/* 1 when path is inside a git work tree (a directory above it, or its
 * own, holds .git), its top into top; 0 when not; -1 out of memory. */
int align_private_git(const char *path, struct align_buf *top);

#endif
