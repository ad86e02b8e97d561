#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "../lib/file.h"
#include "../lib/grow.h"
#include "../lib/num.h"
#include "../lib/out.h"
#include "../lib/private.h"
#include "../lib/reader.h"
#include "../lib/record.h"
#include "../lib/text.h"
#include "tool.h"

const char *tool_name = "align";
static const char *tool_usage_text = "";

/* The file of -i, locked from tool_stream_read() to tool_stream_write(). */
static struct align_lock inplace_lock;

/* Said once a writer has waited a second for a lock. */
static void
waiting(const char *name, const char *holder, void *ctx)
{
	(void)ctx;
	tool_say("%s: waiting for the lock, held by %s", name, holder);
}

/* fmt and ap into b, made safe for a terminal (show.h); returns the
 * text, or "(out of memory)". */
static const char *
safe_text(struct align_buf *b, const char *fmt, va_list ap)
{
	struct align_buf msg = ALIGN_BUF_INIT;
	int failed;

	align_buf_vprintf(&msg, fmt, ap);
	if ((failed = msg.failed) == 0)
		align_escape_term(b, msg.p ? msg.p : "", msg.len);
	align_buf_release(&msg);
	return failed || b->failed ? "(out of memory)" : b->p ? b->p : "";
}

void
tool_say(const char *fmt, ...)
{
	struct align_buf b = ALIGN_BUF_INIT;
	va_list ap;

	tool_progress_done();
	va_start(ap, fmt);
	fprintf(stderr, "%s: %s\n", tool_name, safe_text(&b, fmt, ap));
	va_end(ap);
	align_buf_release(&b);
}

void
tool_init(const char *name, const char *usage)
{
	struct align_lock_opts o = { ALIGN_LOCK_WAIT, NULL, waiting, NULL };
	const char *w = getenv("ALIGN_WAIT");

	tool_name = name;
	tool_usage_text = usage;
	o.tool = name;
	if (w && *w)
		o.wait = tool_real("ALIGN_WAIT", w, 0, 86400);
	align_lock_set_defaults(&o);
	align_cleanup_signals();
}

void
tool_lock(struct align_lock *lk, const char *path)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (align_lock_acquire(lk, path, NULL, &e) < 0)
		tool_die(&e);
}

void
tool_warn(const struct align_err *e)
{
	struct align_buf b = ALIGN_BUF_INIT;
	char msg[2200];

	tool_progress_done();
	fflush(stdout);
	/* A message may quote what a person typed or a file held: made safe
	 * for the terminal like any user text. */
	align_err_format(e, msg, sizeof(msg));
	align_escape_term(&b, msg, strlen(msg));
	fprintf(stderr, "%s: %s\n", tool_name, b.p && !b.failed ? b.p : msg);
	align_buf_release(&b);
}

void
tool_die(const struct align_err *e)
{
	tool_warn(e);
	exit(e->status ? e->status : 1);
}

void
tool_die_in(struct align_err *e, const char *path)
{
	if (path && e->line && !e->file[0])
		snprintf(e->file, sizeof(e->file), "%s", strcmp(path, "-") ?
		    path : "<stdin>");
	tool_die(e);
}

void
tool_too_early(const char *what, const char *first)
{
	fprintf(stderr, "%s: %s yet: run %s first\n", tool_name, what, first);
	exit(EX_NOINPUT);
}

int
tool_private(const struct align_node *session)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_view v;
	int private;

	if (session == NULL)
		return 0;
	if (align_view(&v, session, &e) < 0)
		tool_die(&e);
	private = align_private_session(&v.u.session);
	align_view_release(&v);
	return private;
}

void
tool_private_file(int private, const char *path, int git_ok,
    const char *say_ok)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf top = ALIGN_BUF_INIT;

	if (!private || path == NULL)
		return;
	if (align_private_protect(path, &e) < 0)
		tool_die(&e);
	if (!git_ok && getenv("ALIGN_GIT_OK") == NULL &&
	    align_private_git(path, &top) == 1) {
		align_err_set(&e, 0, path, 0, 0, "warning: a private "
		    "one-to-one inside the git work tree %s: keep it out of "
		    "git (align(7), Privacy), or %s", top.p, say_ok);
		tool_warn(&e);
	}
	align_buf_release(&top);
}

void
tool_usage_error(const char *fmt, ...)
{
	struct align_buf b = ALIGN_BUF_INIT;
	va_list ap;

	/* The message quotes what was typed: made safe for the terminal. */
	va_start(ap, fmt);
	fprintf(stderr, "%s: %s\nTry '%s --help' for more.\n", tool_name,
	    safe_text(&b, fmt, ap), tool_name);
	va_end(ap);
	exit(EX_USAGE);
}

const char *
tool_text(const char *opt, const char *s)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (align_text_check(s, strlen(s), EX_USAGE, NULL, 0, &e) < 0)
		tool_usage_error("%s: character %lu: %s", opt, e.col, e.msg);
	return s;
}

void
tool_usage(int status)
{
	const char *end;

	if (status == 0) {
		fputs(tool_usage_text, stdout);
		tool_finish();
		exit(0);
	}
	/* The synopsis: up to the first blank line. */
	end = strstr(tool_usage_text, "\n\n");
	fprintf(stderr, "%.*s\nTry '%s --help' for more.\n",
	    end ? (int)(end - tool_usage_text) : (int)strlen(tool_usage_text),
	    tool_usage_text, tool_name);
	exit(status);
}

void
tool_version(void)
{
	printf("%s (align) %s\n", tool_name, ALIGN_VERSION);
	tool_finish();
	exit(0);
}

enum align_format
tool_format(const char *s, int allowed)
{
	enum align_format f = align_format_parse(s);
	struct align_buf b = ALIGN_BUF_INIT;

	if (f != ALIGN_FMT_NONE && (allowed & (int)f))
		return f;
	align_format_list(&b, allowed);
	tool_usage_error("unknown format '%s': %s", s, b.p ? b.p : "");
}

enum align_format
tool_default_format(void)
{
	return isatty(STDOUT_FILENO) ? ALIGN_FMT_TEXT : ALIGN_FMT_YAML;
}

long long
tool_number(const char *opt, const char *s, long long min, long long max)
{
	const char *why;
	long long v = align_strtonum(s, min, max, &why);

	if (why)
		tool_usage_error("%s: '%s' is %s (a whole number from %lld "
		    "to %lld)", opt, s, why, min, max);
	return v;
}

double
tool_real(const char *opt, const char *s, double min, double max)
{
	const char *why;
	double v = align_strtod(s, min, max, &why);

	if (why)
		tool_usage_error("%s: '%s' is %s (a number from %g to %g)",
		    opt, s, why, min, max);
	return v;
}

void
tool_print(struct align_buf *b)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (b->failed)
		tool_die((align_err_nomem(&e), &e));
	if (b->len)
		fwrite(b->p, 1, b->len, stdout);
	align_buf_release(b);
}

int
tool_color(void)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	return isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0') &&
	    !(term && strcmp(term, "dumb") == 0);
}

void
tool_finish(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: <stdout>: write error: %s\n", tool_name,
		    strerror(errno));
		exit(EX_IOERR);
	}
}

const char **
tool_list_add(const char **v, size_t *n, const char *s)
{
	if ((v = realloc(v, (*n + 1) * sizeof(*v))) == NULL) {
		struct align_err e = ALIGN_ERR_INIT;

		tool_die((align_err_nomem(&e), &e));
	}
	v[(*n)++] = s;
	return v;
}

static struct {
	int on;			/* -1 not known yet, 0 never, 1 a terminal */
	struct timespec start, last;
	int shown;		/* a line is on the screen */
} progress = { -1, { 0, 0 }, { 0, 0 }, 0 };

static double
since(const struct timespec *t, const struct timespec *now)
{
	return (double)(now->tv_sec - t->tv_sec) +
	    (double)(now->tv_nsec - t->tv_nsec) / 1e9;
}

/* n with a comma between thousands. */
static void
thousands(char *out, size_t size, unsigned long n)
{
	char digits[32];
	size_t len, i, k = 0;

	len = (size_t)snprintf(digits, sizeof(digits), "%lu", n);
	for (i = 0; i < len && k + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = digits[i];
	}
	out[k] = '\0';
}

void
tool_progress(const char *phase, unsigned long n)
{
	struct timespec now;
	char count[40];

	if (progress.on < 0) {
		const char *term = getenv("TERM");

		progress.on = isatty(STDERR_FILENO) &&
		    !(term && strcmp(term, "dumb") == 0);
		clock_gettime(CLOCK_MONOTONIC, &progress.start);
	}
	if (!progress.on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&progress.start, &now) < 1 ||
	    (progress.shown && since(&progress.last, &now) < 0.1))
		return;
	progress.last = now;
	progress.shown = 1;
	thousands(count, sizeof(count), n);
	fprintf(stderr, "\r%s: %s%s%s%s\033[K", tool_name, phase, n ? ": " : "",
	    n ? count : "", n ? " records" : "");
	fflush(stderr);
}

void
tool_progress_done(void)
{
	if (progress.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		progress.shown = 0;
	}
}

/* The step keeps rec (take() said 2): the pool it lives in, if any, to
 * st->pools.  0, or -1 and e. */
static int
stream_keep(struct tool_stream *st, struct align_reader *r,
    struct align_node *rec, struct align_err *e)
{
	struct align_pool *pool;

	if (ALIGN_GROW(st->pools, st->npools + 1, st->cpools) < 0 ||
	    align_reader_keep(r, rec, &pool) < 0)
		return align_err_nomem(e);
	if (pool)
		st->pools[st->npools++] = pool;
	return 0;
}

/* One record of the stream to the step, and to the spill when the tool
 * writes the stream: 0 to go on, else what stops the read (-1 and e);
 * *kept set when the step keeps rec. */
static int
stream_record(struct tool_stream *st, struct align_reader *r,
    struct align_node *rec, int *kept, struct align_err *e)
{
	int owned = st->owned ? strcmp(align_record_kind(rec), st->owned) == 0 :
	    st->owns ? st->owns(st->ctx, rec) : 0;
	int rc;

	st->file = align_reader_file(r);
	if ((rc = st->take(st->ctx, rec, e)) < 0 && !e->file[0]) {
		/* Where the step found the problem. */
		snprintf(e->file, sizeof(e->file), "%s", st->file);
		if (e->line == 0)
			e->line = align_reader_line(r);
	}
	if (rc == 2 && (rc = stream_keep(st, r, rec, e)) == 0)
		*kept = 1;
	if (rc == 0 && st->out) {
		size_t n;
		const char *bytes = align_reader_bytes(r, &n);

		rc = align_spill_copy(&st->spill, rec, bytes, n, owned,
		    st->keep, e);
	}
	return rc;
}

void
tool_stream_release(struct tool_stream *st)
{
	size_t i;

	for (i = 0; i < st->npools; i++) {
		align_pool_release(st->pools[i]);
		free(st->pools[i]);
	}
	free(st->pools);
	st->pools = NULL;
	st->npools = st->cpools = 0;
}

/* A failed read: the file in place as it was, and the message. */
static void
stream_die(struct tool_stream *st, const struct align_err *e)
{
	if (st->direct)
		align_out_abort(&st->dest);
	st->direct = 0;
	tool_die(e);
}

void
tool_stream_read(struct tool_stream *st)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_read_opts o = { 0 };
	struct align_reader *r;
	struct align_node *rec;
	unsigned long count = 0;
	int rc = 0;

	memset(&st->spill, 0, sizeof(st->spill));
	if (st->inplace) {
		struct stat sb;

		tool_lock(&inplace_lock, st->inplace);
		/* Under the lock: nobody makes it meanwhile. */
		if (st->create && stat(st->inplace, &sb) < 0 && errno == ENOENT)
			st->fresh = 1;
	}
	if (st->out && align_spill_open(&st->spill, &e) < 0)
		tool_die(&e);
	/* In place, the stream is written once: what stands before the
	 * first owned record goes to the new file as it is read. */
	if (st->out && st->inplace && !st->lead) {
		if (align_out_open(&st->dest, &inplace_lock, &e) < 0)
			tool_die(&e);
		st->direct = 1;
		align_spill_head(&st->spill, &st->dest);
	}
	if (st->fresh)
		return;
	o.ahead = 1;
	o.bytes = st->out;	/* records read as written are copied */
	o.pack = st->pack;
	o.npack = st->npack;
	r = align_reader_open(st->inplace ? (char **)&st->inplace : st->paths,
	    st->inplace ? 1 : st->npaths, &o, &e);
	if (r == NULL)
		stream_die(st, &e);
	while ((rc = align_reader_next(r, &rec, &e)) > 0) {
		int kept = 0;

		rc = stream_record(st, r, rec, &kept, &e);
		if (!kept)
			align_reader_release(r, rec);
		if (rc != 0)
			break;
		if ((++count & 4095) == 0)
			tool_progress("reading", count);
	}
	st->file = NULL;
	align_reader_free(r);
	tool_progress_done();
	if (rc < 0)
		stream_die(st, &e);
}

/* The output, for tool_stream_write() and tool_stream_edit(): the one
 * opened as the stream was read, or standard output or -i FILE now.  0,
 * or -1 and e. */
static int
stream_out(struct tool_stream *st, struct align_out *out,
    struct align_err *e)
{
	if (st->direct) {
		*out = st->dest;
		st->direct = 0;
		return 0;
	}
	return align_out_open(out, st->inplace ? &inplace_lock : NULL, e);
}

void
tool_stream_write(struct tool_stream *st, long which, int lead, size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_out out;

	if (!st->out) {
		if (st->inplace)
			align_lock_release(&inplace_lock);
		return;
	}
	if (stream_out(st, &out, &e) < 0 || align_spill_write(&st->spill, &out, which, lead, n,
	    get, ctx, &e) < 0 || align_out_close(&out, &e) < 0) {
		align_out_abort(&out);
		tool_die(&e);
	}
	align_spill_close(&st->spill);
}

void
tool_stream_edit(struct tool_stream *st,
    const struct align_node *(*edit)(void *, size_t), size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_out out;

	if (!st->out) {
		tool_stream_write(st, ALIGN_SPILL_NONE, 0, 0, NULL, NULL);
		return;
	}
	if (stream_out(st, &out, &e) < 0 || align_spill_edit(&st->spill, &out, edit, n, get, ctx,
	    &e) < 0 || align_out_close(&out, &e) < 0) {
		align_out_abort(&out);
		tool_die(&e);
	}
	align_spill_close(&st->spill);
}
