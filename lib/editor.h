/*
 * editor.h - let a person edit a file in their editor.
 *
 * The editor is $VISUAL, else $EDITOR, else vi; its words are split at
 * blanks and it is run directly, never through a shell, with the file as
 * its last argument.
 */
#ifndef ALIGN_EDITOR_H
#define ALIGN_EDITOR_H

#include "err.h"

/* 0 when the editor exited 0; -1 and e (69 it could not run or failed). */
int align_edit_file(const char *path, struct align_err *e);

#endif
