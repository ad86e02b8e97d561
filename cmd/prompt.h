/*
 * prompt.h - align-capture's prompt: what the room sees while each
 * response is typed, and the line editor it is typed with.
 */
#ifndef ALIGN_PROMPT_H
#define ALIGN_PROMPT_H

#include "../lib/capture.h"

/* Show the session's title, purpose and question on standard error, then
 * read lines from standard input (a terminal: edited with libedit,
 * history of this session's lines in memory only, TAB completing the
 * participants' names) until the end of input, each given to
 * align_capture_line() and what became of it said.  c is started (and
 * finished) here.  0, or -1 and e (a response could not be written). */
int prompt_run(struct align_capture *c, struct align_err *e);

#endif
