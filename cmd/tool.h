/*
 * tool.h - what every align command does the same way: messages, exit
 * statuses, --help and --version, output formats.  Command-line concerns
 * only; the work of each step is in lib/.
 */
#ifndef ALIGN_TOOL_H
#define ALIGN_TOOL_H


#include <stddef.h>

#include "../lib/buf.h"
#include "../lib/err.h"
#include "../lib/node.h"
#include "../lib/out.h"
#include "../lib/show.h"

#define ALIGN_VERSION "0.1.0"

extern const char *tool_name;

/* Name the tool for messages and in the locks it holds; keep its usage
 * text for tool_usage(); take the wait for a lock from ALIGN_WAIT
 * (seconds; else 30; exits 64 when it is not a number); say on standard
 * error when a wait passes a second; remove temporary files at exit and
 * on signals. */
void tool_init(const char *name, const char *usage);
struct align_lock;
/* Take the lock of the session file path (file.h), to read it, then
 * rewrite or append to it; exits with the message on a failure (66, 71,
 * 73, 74, 75). */
void tool_lock(struct align_lock *lk, const char *path);
/* "name: file:line:col: msg" on standard error (made safe for a
 * terminal); tool_die() then exits with e's status. */
void tool_warn(const struct align_err *e);
void tool_die(const struct align_err *e) __attribute__((noreturn));
/* tool_die(), e's file made path ("-": "<stdin>") when e has a line but
 * no file: a problem a step found in the records of one input. */
void tool_die_in(struct align_err *e, const char *path)
    __attribute__((noreturn));
/* A step run before the one it follows: "name: what yet: run first
 * first" on standard error ("align-theme: no responses yet: run
 * align-capture first"), exit 66 (EX_NOINPUT: the input holds nothing
 * the step works on); the input is not changed. */
void tool_too_early(const char *what, const char *first)
    __attribute__((noreturn));
/* A private session (private.h): tool_private() tells, from the session
 * record (NULL: none), before anything is written, dying out of memory;
 * after each write tool_private_file() gives path mode 0600 and warns
 * when it is inside a git work tree, unless git_ok or $ALIGN_GIT_OK (the
 * warning left out when there is no memory to look: the file is written
 * by then). */
int tool_private(const struct align_node *session);
void tool_private_file(int private, const char *path, int git_ok,
    const char *say_ok);
/* "name: msg" on standard error, made safe for a terminal (show.h):
 * what a tool tells that quotes a file or what was typed. */
void tool_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "name: msg" (made safe for a terminal), a pointer to --help, exit 64. */
void tool_usage_error(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));
/* The one usage path (jq's): status 0, the whole usage text to standard
 * output; otherwise its synopsis and a pointer to --help on standard
 * error.  Exits with status. */
void tool_usage(int status) __attribute__((noreturn));
void tool_version(void) __attribute__((noreturn));
/* s, the text of option opt ("--place") that a tool records; exit 64
 * when it is not text (text.h): "--place: character 4: invalid UTF-8 (byte
 * 0xE9)". */
const char *tool_text(const char *opt, const char *s);
/* The format named s, if it is among allowed (a mask); else exit 64
 * naming the formats there are. */
enum align_format tool_format(const char *s, int allowed);
/* Text on a terminal, YAML into a pipe or a file. */
enum align_format tool_default_format(void);
/* An option's number in [min, max]; else exit 64 saying why:
 * "--seed: 'abc' is invalid (a whole number from 0 to ...)". */
long long tool_number(const char *opt, const char *s, long long min,
    long long max);
double tool_real(const char *opt, const char *s, double min, double max);
/* What a renderer wrote, to standard output; exit 71 when it ran out of
 * memory.  b is released. */
void tool_print(struct align_buf *b);
/* 1 when colour may be used on standard output. */
int tool_color(void);
/* Append s to the list v of *n (realloc'd); exits 71 when out of memory. */
const char **tool_list_add(const char **v, size_t *n, const char *s);

/*
 * The one stream pipeline of the tools: read the stream (the operands,
 * standard input, or -i FILE under its lock), give every record to the
 * step, keep the stream aside when it is to be written, then write it
 * with the step's new records in their place:
 *
 *	struct tool_stream st = { .paths = argv, .npaths = argc,
 *	    .inplace = inplace, .owned = "theme", .out = f == YAML || inplace,
 *	    .take = take, .ctx = t };
 *	tool_stream_read(&st);
 *	... the step ...
 *	tool_stream_write(&st, ALIGN_SPILL_ALL, 0, n, get, t);
 *
 * take() returns 0, -1 and e (the message then names the file and the
 * record's line unless e does), 1 to stop reading (not when .out: the
 * whole stream is kept then), or 2 when it keeps rec (its pointer, the
 * const cast away) rather than a copy: rec is the step's then, to free
 * with align_node_free(), and the pools it and other kept records live
 * in are st's, given back by tool_stream_release() after those records
 * are freed.  Where the new records go is which and lead
 * of align_spill_write() (out.h): every owned record replaced (themes,
 * principles), one (the session, a revised round), or none (a new round,
 * check-ins).  Either call exits with the message on a failure.
 */
struct align_pack;
struct tool_stream {
	char **paths;		/* the operands (none: standard input) */
	size_t npaths;
	const char *inplace;	/* -i FILE, or NULL */
	int fresh;		/* read nothing: a new stream */
	int create;		/* -i FILE that is not there: a new stream */
	const char *owned;	/* the kind the step writes, or NULL */
	int (*owns)(void *ctx, const struct align_node *rec);
				/* or: 1 for a record the step may rewrite */
	int keep;		/* owned records may be written back as they
				 * were (one is revised) */
	int out;		/* the stream is written: keep it aside */
	int lead;		/* the new records may lead the stream (see
				 * tool_stream_write()); without it, -i FILE
				 * gets the records before the first owned
				 * one as they are read */
	int (*take)(void *ctx, const struct align_node *rec,
	    struct align_err *e);
	void *ctx;
	const struct align_pack *pack;	/* the lists read packed (reader.h):
				 * take() and the step meet packed nodes */
	size_t npack;
	const char *file;	/* during take(): the record's file */
	struct align_spill spill;
	struct align_out dest;	/* -i FILE, opened as it is read */
	int direct;		/* dest is open, the spill's head */
	struct align_pool **pools; /* where the records kept live */
	size_t npools, cpools;
};

void tool_stream_read(struct tool_stream *st);
/* The pools of the records take() kept (st's fields zeroed). */
void tool_stream_release(struct tool_stream *st);
/* Write the stream (standard output, or -i FILE replaced, its lock then
 * released) with the n records of get(ctx, i, e): see align_spill_write().
 * Without .out only the lock is released. */
void tool_stream_write(struct tool_stream *st, long which, int lead,
    size_t n, struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx);
/* Write the stream likewise, each owned record (of .owned or .owns, read
 * with .keep) as it was or as edit(ctx, k) gives the k-th (the caller's;
 * NULL: as it was), then the n records of get() at the end. */
void tool_stream_edit(struct tool_stream *st,
    const struct align_node *(*edit)(void *, size_t), size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx);

/* Progress for people: when standard error is a terminal and the run has
 * taken more than a second, one line "align-theme: reading: 412,000
 * records", rewritten in place at most ten times a second; never into a
 * pipe or a file, never on standard output.  tool_progress() gives the
 * phase and a count (0: none); tool_progress_done() erases the line.
 * tool_stream_read() calls both for the records it reads. */
void tool_progress(const char *phase, unsigned long n);
void tool_progress_done(void);

/* Flush standard output; exit 74 with a message if that fails. */
void tool_finish(void);

#endif
