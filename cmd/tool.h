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
/* "name: msg", a pointer to --help, exit 64. */
void tool_usage_error(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));
/* The one usage path (jq's): status 0, the whole usage text to standard
 * output; otherwise its synopsis and a pointer to --help on standard
 * error.  Exits with status. */
void tool_usage(int status) __attribute__((noreturn));
void tool_version(void) __attribute__((noreturn));
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

struct align_spill;
/* Read the stream of paths[0..n-1] (or of inplace, locked first with
 * tool_lock() and held until tool_write() has replaced it), giving each
 * record to take(ctx, rec, e); with spill open, the records not of kind
 * owned go into it and the first of kind owned marks where the new ones
 * will go.  Exits with the error on a failure. */
void tool_read(char **paths, size_t n, const char *inplace,
    struct align_spill *spill, const char *owned,
    int (*take)(void *, const struct align_node *, struct align_err *),
    void *ctx);
/* Write the spilled stream to standard output or inplace (then released),
 * with the n new records of get(ctx, i, e) (NULL on an error; freed
 * after) in their place.  Exits with the error on a failure. */
void tool_write(struct align_spill *spill, const char *inplace, size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx);

/* Progress for people: when standard error is a terminal and the run has
 * taken more than a second, one line "align-theme: reading: 412,000
 * records", rewritten in place at most ten times a second; never into a
 * pipe or a file, never on standard output.  tool_progress() gives the
 * phase and a count (0: none); tool_progress_done() erases the line.
 * tool_read() calls both for the records it reads. */
void tool_progress(const char *phase, unsigned long n);
void tool_progress_done(void);

/* Flush standard output; exit 74 with a message if that fails. */
void tool_finish(void);

#endif
