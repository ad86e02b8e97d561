/* --serve: the addresses, the QR code on a terminal, serving until a
 * signal, what was recorded. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/qr.h"
#include "../lib/serve.h"
#include "../lib/serve_capture.h"
#include "../lib/serve_distill.h"
#include "serve.h"
#include "tool.h"

/* What went wrong while serving: said, and serving goes on. */
static void
warn(void *ctx, const struct align_err *e)
{
	struct align_buf b = ALIGN_BUF_INIT;
	char msg[2200];

	(void)ctx;
	align_err_format(e, msg, sizeof(msg));
	align_escape_term(&b, msg, strlen(msg));
	fprintf(stderr, "%s: %s\n", tool_name, b.p && !b.failed ? b.p : msg);
	align_buf_release(&b);
}

/* The addresses; on a terminal, the QR code and what to do. */
static void
say(const struct align_serve *srv, const char *listen, const char *what)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_qr q;
	const char *join = align_serve_join(srv);

	printf("%s\n%s\n", join, align_serve_board(srv));
	if (fflush(stdout) != 0)
		tool_finish();
	if (!isatty(STDERR_FILENO))
		return;
	if (align_qr_make(&q, join, &e) == 0) {
		align_qr_term(&q, &b, getenv("NO_COLOR") == NULL);
		align_qr_release(&q);
	}
	align_buf_printf(&b, "\nScan the code or open %s on a phone %s.\n"
	    "The board, for the room's screen: %s\n", join, what,
	    align_serve_board(srv));
	if (strncmp(join, "http://127.", 11) == 0 ||
	    strncmp(join, "http://[::1]", 12) == 0)
		align_buf_printf(&b, "Only this computer can open them: "
		    "--serve 0.0.0.0:%s serves the room's network.\n",
		    strrchr(listen, ':') ? strrchr(listen, ':') + 1 : listen);
	align_buf_puts(&b, "Ctrl-C ends.\n");
	if (!b.failed)
		fputs(b.p, stderr);
	align_buf_release(&b);
}

/* Serve step on o until a signal. */
static void
serve(const char *listen, const char *path,
    const struct align_serve_step *step, const char *what)
{
	struct align_serve_opts so = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_serve *srv;

	signal(SIGPIPE, SIG_IGN);
	so.listen = listen;
	so.path = path;
	so.log = warn;
	if ((srv = align_serve_new(&so, step, &e)) == NULL)
		tool_die(&e);
	say(srv, listen, what);
	if (align_serve_run(srv, &e) < 0)
		warn(NULL, &e);
	align_serve_free(srv);
}

void
tool_serve_capture(const char *listen, const struct align_capture_opts *o,
    size_t min_group, int argc, const char *fmt)
{
	struct align_serve_capture_opts co = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_serve_capture *c;
	unsigned long n;

	if (o->append == NULL)
		tool_usage_error("--serve: name the session file with -a");
	if (argc > 0 || o->ncsv > 0 || fmt)
		tool_usage_error("--serve takes no file operands, --csv "
		    "or -f: people post their own responses");
	co.path = o->append;
	co.key = o->read.key;
	co.now = o->now;
	co.wait = o->wait;
	co.min_group = min_group;
	co.tool = tool_name;
	if ((c = align_serve_capture_new(&co, &e)) == NULL)
		tool_die(&e);
	serve(listen, o->append, align_serve_capture_step(c),
	    "to add your response");
	n = align_serve_capture_added(c);
	tool_say("%lu %s recorded in %s", n, n == 1 ? "response" :
	    "responses", o->append);
	align_serve_capture_free(c);
	tool_finish();
	exit(0);
}

void
tool_serve_distill(const char *listen, const struct align_distill_opts *o,
    const char *inplace, int other)
{
	struct align_serve_distill_opts so = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_serve_distill *c;
	unsigned long n;

	if (inplace == NULL)
		tool_usage_error("--serve: name the session file with -i");
	if (other || o->nvote || o->nagree || o->nobject)
		tool_usage_error("--serve takes no file operands, -f, --edit, "
		    "--list, --vote, --votes, --agree, --object, --keep or "
		    "--check: people give their own dots and agreement");
	so.path = inplace;
	so.distill = *o;
	so.wait = -1;
	so.tool = tool_name;
	if ((c = align_serve_distill_new(&so, &e)) == NULL)
		tool_die(&e);
	serve(listen, inplace, align_serve_distill_step(c),
	    "to give your dots and agree");
	n = align_serve_distill_changes(c);
	tool_say("%lu %s recorded in %s", n, n == 1 ? "change" : "changes",
	    inplace);
	align_serve_distill_free(c);
	tool_finish();
	exit(0);
}
