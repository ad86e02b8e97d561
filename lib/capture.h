/*
 * capture.h - step 5: every response written down where all can see it.
 *
 * Responses come from plain text or session streams (files, standard
 * input), from CSV exports of survey forms, or typed at a prompt.  They go
 * to standard output after the stream they came with, or are appended to
 * a session file (-a FILE) under its lock (file.h), each record whole, so
 * that several people can capture into one file at once.  A response whose
 * id the file already holds is not added again.  The lock is never held
 * while input is awaited: a batch reads all its input first (the new
 * records wait in a temporary file in $TMPDIR), then locks the file, reads
 * its ids and appends; the prompt locks for each record's append alone.
 *
 *	struct align_capture c;
 *	align_capture_init(&c, &opts);
 *	rc = align_capture_batch(&c, paths, n, &e);    or
 *	rc = align_capture_prompt(&c, stdin, stderr, &e);
 *	... c.session, c.responses for the board
 *	align_capture_release(&c);
 */
#ifndef ALIGN_CAPTURE_H
#define ALIGN_CAPTURE_H

#include <stdio.h>

#include "err.h"
#include "node.h"
#include "reader.h"
#include "survey.h"

struct align_capture_opts {
	struct align_read_opts read;	/* plain text: participant, ... */
	struct align_survey_opts survey; /* CSV: columns, ... */
	char **csv;			/* CSV files to read */
	size_t ncsv;
	const char *append;		/* -a FILE, or NULL: standard output */
	double wait;			/* seconds to wait for the lock; < 0:
					 * the default (file.h) */
	const char *now;		/* --now, or NULL for $ALIGN_NOW/clock */
	int collect;			/* keep the responses for a board */
	int quiet;			/* write no stream to standard output */
};

struct align_capture {
	const struct align_capture_opts *o;
	struct align_node *session;	/* a copy of the session record */
	struct align_node *responses;	/* with collect: every response */
	unsigned long added, skipped;
};

void align_capture_init(struct align_capture *c,
    const struct align_capture_opts *o);
void align_capture_release(struct align_capture *c);

/* Read paths[0..n-1] (none: standard input) and the CSV files; write the
 * stream, or append the new responses to o->append.  On an error nothing
 * is added to the file: it is cut back to its size before.  0, or -1 and
 * e (65, 66 also o->append not a regular file, 71, 73, 74, 75). */
int align_capture_batch(struct align_capture *c, char **paths, size_t n,
    struct align_err *e);

/* Ask for responses on prompt, read them from in, one a line ("Name:
 * text", or text alone for the last name), and write each at once: to
 * o->append (each its own append: locked, journaled, synced; a failed one
 * is cut back and ends the prompt with e) or standard output.  Ends at
 * the end of in.  0, or -1 and e. */
int align_capture_prompt(struct align_capture *c, FILE *in, FILE *prompt,
    struct align_err *e);

#endif
