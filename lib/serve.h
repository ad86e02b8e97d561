/*
 * serve.h - a step of the session served to the room's own devices: each
 * person answers (or gives their dots) on their own phone, the room's
 * screen shows the board as it grows, and the session file stays the one
 * truth, written through the same lock as every other writer (file.h).
 *
 * One HTTP server (libmicrohttpd, a thread a connection), on loopback
 * unless the address says otherwise, under a random join code (128 bits
 * from getrandom(2), base64url) that every address carries:
 *
 *	http://HOST:PORT/CODE/		the form (GET) and a post (POST)
 *	http://HOST:PORT/CODE/board	the board, live
 *	http://HOST:PORT/CODE/events	the board's updates (Server-Sent Events)
 *
 * Nothing else is served, and no request names a file.  A step
 * (serve_capture.h, serve_distill.h) makes the pages and takes the posts;
 * this module listens, checks the code, bounds each request, parses forms
 * (MHD's post processor), sends the headers, watches the session file and
 * streams the board whenever it changes, whoever changed it:
 *
 *	struct align_serve *srv = align_serve_new(&opts, step, &e);
 *	if (srv == NULL)
 *		fail(&e);			(nothing is listening)
 *	puts(align_serve_join(srv));		the address people open
 *	if (align_serve_run(srv, &e) < 0)	until SIGINT, SIGTERM, SIGHUP
 *		...				(it still stopped)
 *	align_serve_free(srv);
 *
 * What a request gets:
 *   403  the code is wrong or missing (nothing else is said, nothing
 *        recorded); 404 a path under the code that is not one of the three;
 *        405 a method other than GET, HEAD (GET only) or POST (the form);
 *   413  a post larger than opts.body (said by its Content-Length before
 *        it is read, or as it comes); 415 a post that is not
 *        application/x-www-form-urlencoded; 400 a field the step does not
 *        take, a field twice, too many fields, a name or value that is
 *        not text (text.h: not UTF-8, a NUL, a control character but
 *        tab, line feed and a form's carriage return; the page says
 *        which), a post the step finds wrong (its page says why);
 *   (no answer) a post still coming after ALIGN_SERVE_REQUEST_TIME
 *        seconds, or going on far beyond opts.body: its connection is
 *        closed, for nothing can be answered while a body comes;
 *   503  while stopping, beyond ALIGN_SERVE_STREAMS event streams, or when
 *        the step could not write (the file's lock stayed busy);
 *   500  the step failed otherwise (an I/O error: nothing acknowledged).
 * Every answer says Cache-Control: no-store, X-Content-Type-Options:
 * nosniff, Referrer-Policy: no-referrer (the code is in the address),
 * X-Frame-Options: DENY; a page also its Content-Security-Policy (the
 * page's own, html.h, and frame-ancestors 'none').
 *
 * Limits, against a slow or a greedy client: connections at once
 * (opts.connections) and from one address (opts.per_ip; not on loopback,
 * where every client has the one address), refused beyond them; a connection idle for opts.timeout seconds is closed; headers
 * within MHD's memory of ALIGN_SERVE_MEMORY bytes a connection; a post
 * within opts.body bytes, ALIGN_SERVE_FIELDS fields and
 * ALIGN_SERVE_REQUEST_TIME seconds.
 *
 * Threads: the step's functions are called from the server's threads at
 * once (pages, posts) and from one watcher thread (reload); the step
 * keeps itself safe.  Signals: align_serve_new() blocks SIGINT, SIGTERM
 * and SIGHUP in the calling thread, and so in every thread it starts;
 * align_serve_run() takes them.  SIGPIPE must be ignored (the caller).
 */
#ifndef ALIGN_SERVE_H
#define ALIGN_SERVE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

#define ALIGN_SERVE_CONNECTIONS 128	/* connections at once */
#define ALIGN_SERVE_PER_IP 16		/* from one address at once */
#define ALIGN_SERVE_TIMEOUT 15		/* seconds a connection may idle */
#define ALIGN_SERVE_BODY 65536		/* bytes of a post */
#define ALIGN_SERVE_FIELDS 64		/* fields of a post or a query */
#define ALIGN_SERVE_REQUEST_TIME 30	/* seconds to receive a post */
#define ALIGN_SERVE_MEMORY 16384	/* bytes of MHD's a connection */
#define ALIGN_SERVE_STREAMS 32		/* event streams at once */
#define ALIGN_SERVE_STOP_WAIT 10	/* seconds to finish in-flight posts */

/* A field of a post or of a query: both NUL-terminated, valid UTF-8,
 * with no control character but tab, line feed and carriage return. */
struct align_serve_field {
	char *name, *value;
	size_t len;		/* of value */
};

struct align_serve_request {
	const struct align_serve_field *field;	/* a post's, or the query's */
	size_t nfield;
	const char *join;	/* the address people open */
	const char *qr;		/* it, as a QR code in inline SVG */
	unsigned long generation;	/* of the latest update (the board:
					 * its page names it, so that the
					 * script skips what it has) */
};

/* The value of the field called name, or NULL. */
const char *align_serve_get(const struct align_serve_request *rq,
    const char *name);

/* What a step answers: a page, with a status; or a redirection (303) to
 * the form, location being what follows the join address ("?recorded=").
 * The step fills body and location; the server frees them. */
struct align_serve_reply {
	int status;		/* 0: 200 */
	struct align_buf body;	/* text/html */
	struct align_buf location;
	struct align_buf policy;	/* the page's Content-Security-Policy
					 * (align_html_policy()), or empty:
					 * nothing may load */
};

struct align_serve_step {
	void *ctx;
	/* 1 when a post may hold a field called name. */
	int (*accepts)(void *ctx, const char *name);
	/* Read the session file again (once before serving, then each time
	 * it changes) and put into live what a board's update is: the
	 * part of the board page that changes, as HTML.  0, or -1 and e (the
	 * pages keep showing what was read before). */
	int (*reload)(void *ctx, struct align_buf *live, struct align_err *e);
	/* GET of the form, POST of it, GET of the board: 0, or -1 and e
	 * (75: 503; anything else: 500). */
	int (*form)(void *ctx, const struct align_serve_request *rq,
	    struct align_serve_reply *r, struct align_err *e);
	int (*post)(void *ctx, const struct align_serve_request *rq,
	    struct align_serve_reply *r, struct align_err *e);
	int (*board)(void *ctx, const struct align_serve_request *rq,
	    struct align_serve_reply *r, struct align_err *e);
};

struct align_serve_opts {
	const char *listen;	/* "[ADDR:]PORT": "8080", "0.0.0.0:8080",
				 * "[::1]:0"; ADDR 127.0.0.1 by default,
				 * PORT 0 a free one */
	const char *path;	/* the session file, watched */
	unsigned connections;	/* 0: ALIGN_SERVE_CONNECTIONS */
	unsigned per_ip;	/* 0: ALIGN_SERVE_PER_IP */
	unsigned timeout;	/* 0: ALIGN_SERVE_TIMEOUT */
	size_t body;		/* 0: ALIGN_SERVE_BODY */
	double poll;		/* seconds between looks at the file; 0: 1/4 */
	/* What went wrong while serving (a step's failure, a file that
	 * could not be read), said once each time it changes; may be NULL.
	 * Called from any thread. */
	void (*log)(void *ctx, const struct align_err *e);
	void *log_ctx;
};

struct align_serve;

/* Parse the address, take the port, make the join code, read the file
 * (the step's reload), start serving.  NULL and e: 64 a bad address, 69
 * the address or the port cannot be had (in use, not this machine's),
 * 71, the step's reload's error (65, 66), 70 the server did not start. */
struct align_serve *align_serve_new(const struct align_serve_opts *o,
    const struct align_serve_step *step, struct align_err *e);

/* The address people open ("http://192.168.1.20:8080/CODE/"), that of the
 * board, the code itself, and the join address as a QR code (SVG). */
const char *align_serve_join(const struct align_serve *srv);
const char *align_serve_board(const struct align_serve *srv);
const char *align_serve_code(const struct align_serve *srv);
const char *align_serve_qr(const struct align_serve *srv);

/* Serve until SIGINT, SIGTERM or SIGHUP; then stop accepting, let the
 * posts in flight finish (at most ALIGN_SERVE_STOP_WAIT seconds), end the
 * event streams and stop: every post that was answered 303 is in the
 * file.  The signal taken, or -1 and e (70: a wait failed; stopped). */
int align_serve_run(struct align_serve *srv, struct align_err *e);

/* Stop if still serving, free everything, give back the signal mask. */
void align_serve_free(struct align_serve *srv);

/* A join code: n random bytes from getrandom(2), in base64url without
 * padding, into out (4 * n / 3 + 2 bytes).  0, or -1 and e (74). */
int align_serve_random_code(char *out, size_t n, struct align_err *e);

/* Split "[ADDR:]PORT" into addr (malloc'd; "127.0.0.1" when none) and
 * port.  0, or -1 and e (64, saying why). */
int align_serve_parse_listen(const char *s, char **addr, unsigned *port,
    struct align_err *e);

#endif
