/*
 * capture.h - step 5: every response written down where all can see it.
 *
 * Responses come from plain text or session streams (files, standard
 * input), from CSV exports of survey forms, or one line at a time (typed
 * at a prompt).  They go to standard output after the stream they came
 * with, or are appended to a session file (-a FILE) under its lock
 * (file.h), each record whole, so that several people can capture into
 * one file at once.  A response whose id the file already holds is not
 * added again.  The lock is never held while input is awaited: a batch
 * reads all its input first (the new records wait in a temporary file in
 * $TMPDIR, each framed with its length and id, so that memory does not
 * grow with them), then locks the file, reads its ids (idindex.h) and
 * appends them a batch at a time, through the file's journal: all or
 * none; a line locks for its own record's append alone.  A batch that
 * needs of the file's session only its roster frees the session once the
 * roster is made, and the roster once the input is read.  With a key
 * (--anonymous), every record written names nobody as anon.h says.
 *
 * A batch:
 *
 *	struct align_capture c;
 *	align_capture_init(&c, &opts);
 *	rc = align_capture_batch(&c, paths, n, &e);
 *	... c.session, c.responses for the board
 *	align_capture_release(&c);
 *
 * Lines, one at a time (the prompt reads and shows them; this makes and
 * writes each response):
 *
 *	align_capture_init(&c, &opts);
 *	if (align_capture_start(&c, &e) < 0)	the file's session: question,
 *		fail(&e);			participants (c.speakers)
 *	for each line:
 *		switch (align_capture_line(&c, line, &e)) {
 *		case ALIGN_LINE_RECORDED:	written: c.last
 *		case ALIGN_LINE_EMPTY:		nothing to record
 *		case ALIGN_LINE_NAMED:		c.who's lines follow
 *		case ALIGN_LINE_REFUSED:	not recorded: c.why.p says why
 *		case -1:			e; stop
 *		}
 *	rc = align_capture_finish(&c, &e);
 *	align_capture_release(&c);
 */
#ifndef ALIGN_CAPTURE_H
#define ALIGN_CAPTURE_H

#include <stdio.h>

#include "anon.h"
#include "buf.h"
#include "err.h"
#include "node.h"
#include "out.h"
#include "reader.h"
#include "roster.h"
#include "speaker.h"
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
	int add_people;			/* CSV: a name not on the roster is
					 * a new person, not refused */
};

struct align_capture {
	const struct align_capture_opts *o;
	struct align_node *session;	/* a copy of the session record */
	struct align_node *responses;	/* with collect: every response */
	unsigned long added, skipped;
	struct align_speakers speakers;	/* the session's participants */
	struct align_roster *roster;	/* the same, for CSV's names (NULL:
					 * none, names as written) */
	struct align_strangers strangers; /* the names taken as typed, by
					 * the first spelling of each */
	/* Lines: */
	struct align_node *last;	/* the response last recorded */
	struct align_buf why;		/* why the last line was refused */
	struct align_buf who;		/* the name last typed */
	struct align_buf line;		/* the line, trimmed */
	struct align_out out;		/* without -a: standard output */
	int out_open;
	struct align_anon anon;		/* with a key: what anon.h hides */
	int batch;			/* align_capture_batch(): speakers
					 * made only for a key */
	int session_bytes;		/* the file's session not read (its
					 * roster from the cache by its
					 * bytes, roster.h) or not kept once
					 * its roster was made: c->session
					 * NULL */
	struct align_roster_span first;	/* the bytes of the file's session,
					 * when read first (roster.h) */
	char *first_id;			/* and its id */
};

enum align_line {
	ALIGN_LINE_EMPTY,		/* nothing to record */
	ALIGN_LINE_NAMED,		/* a name alone: c->who's follow */
	ALIGN_LINE_RECORDED,		/* written: c->last */
	ALIGN_LINE_REFUSED		/* not written: c->why.p says why */
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

/* Remember rec, if a board needs it: the first session (whose
 * participants become c->speakers, but in a batch only with a key, and
 * c->roster) and, with collect, every response.
 * 0, or -1 and e (71). */
int align_capture_keep(struct align_capture *c, const struct align_node *rec,
    struct align_err *e);

/* Before the first line: read o->append (when it exists; it is not
 * locked) for its session and, with collect, its responses; without
 * o->append, open standard output.  0, or -1 and e (65 plain text, 66 not
 * a regular file, 71, 74). */
int align_capture_start(struct align_capture *c, struct align_err *e);

/* One line: "Name: text", or text alone for the name last given (a name
 * alone names the lines to come, and records nothing); a name of the session's
 * participants is recognised at any length and recorded as the session
 * spells it; with o->read.participant, every line is that person's and
 * never split at a colon.  A line that is not UTF-8, or holds a control
 * character (an escape sequence of a key the terminal could not edit
 * with, a backspace: anything but a tab), is refused and not recorded,
 * and so, with a key, is a prefix that may be a name too long for the
 * rule of plain text (anon.h).  The response is written at once: to
 * o->append (its own append: locked, journaled, synced; a failed one is
 * cut back) or to standard output, flushed.  An enum align_line, or -1
 * and e (the statuses of align_append_file(), 71, 74): stop then. */
int align_capture_line(struct align_capture *c, const char *line,
    struct align_err *e);

/* After the last line: standard output flushed.  0, or -1 and e (74). */
int align_capture_finish(struct align_capture *c, struct align_err *e);

/* A name typed at the prompt or in plain text's "Name:", against the
 * session's participants (roster.h): *name as the roster spells it (a
 * first name, a prefix, an alias), or as typed when it is near nobody on
 * it (or there is none); 0, or -1 and e (65: ambiguous, or near a name
 * without being it, the names it may be in the message; 71). */
int align_capture_name(struct align_capture *c, const char *typed,
    const char **name, struct align_err *e);

#endif
