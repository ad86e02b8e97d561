/*
 * editor.h - let a person edit a file in their editor, as git and
 * crontab(1) do.
 *
 * The editor is $VISUAL, else $EDITOR, else vi; its words are split at
 * blanks and it is run directly, never through a shell, with the file as
 * its last argument.  While it runs the tool waits for it and ignores
 * SIGINT and SIGQUIT, as system(3) does: the editor, in the same process
 * group, gets them and decides.
 *
 *	char *path = align_edit_tmpfile("align-principles", text, n, &e);
 *	if (path == NULL)
 *		fail(&e);
 *	if (align_edit_file(path, &sig, &e) < 0)
 *		(sig: the editor was killed, and the file may hold the
 *		person's work: keep it)
 */
#ifndef ALIGN_EDITOR_H
#define ALIGN_EDITOR_H

#include <stddef.h>

#include "err.h"

/* A new file "$TMPDIR/name-XXXXXX" (else in /tmp), mode 0600, holding n
 * bytes of text: its path (the caller frees it, and removes the file), or
 * NULL and e (73, 71). */
char *align_edit_tmpfile(const char *name, const char *text, size_t n,
    struct align_err *e);

/* Edit path and wait for the editor.  0 when it exited 0; else -1 and e
 * (69: it could not start, failed, or was killed by a signal), with *sig
 * the signal that killed it, else 0. */
int align_edit_file(const char *path, int *sig, struct align_err *e);

#endif
