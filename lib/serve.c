/* The server: each request checked (the code, the path, the method, its
 * size, its time), a post's fields gathered by MHD's post processor, the
 * step's page sent with the headers every answer carries. */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "grow.h"
#include "qr.h"
#include "mhd.h"
#include "serve_int.h"
#include "text.h"

enum page { PAGE_FORM, PAGE_BOARD, PAGE_EVENTS };

/* A field as it comes, in pieces. */
struct acc {
	char *name;
	struct align_buf value;
};

struct request {
	struct align_serve *srv;
	enum page page;
	struct MHD_PostProcessor *pp;
	struct acc *acc;
	size_t nacc, cap;
	struct align_serve_field *field;
	int error;		/* the status a post gets instead: 400, 413 */
	struct align_buf say;	/* and what its page says, or empty */
	size_t got;		/* bytes of the body so far */
	struct timespec start;
	int counted;		/* in srv->inflight */
	int get;		/* GET or HEAD */
};

static const char plain_policy[] = "default-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

const char *
align_serve_get(const struct align_serve_request *rq, const char *name)
{
	size_t i;

	for (i = 0; i < rq->nfield; i++)
		if (strcmp(rq->field[i].name, name) == 0)
			return rq->field[i].value;
	return NULL;
}

/* What an answer of the server's own says: never user text. */
static const char *
why(int status)
{
	switch (status) {
	case 403: return "This address needs the join code: open the one "
	    "the facilitator shows (or scan its QR code).";
	case 404: return "Nothing here: the form, the board and its updates "
	    "are all there is.";
	case 405: return "Not with this method.";
	case 413: return "Too long: that is more than a post may hold.";
	case 415: return "A post is a form: "
	    "application/x-www-form-urlencoded.";
	case 500: return "Not recorded: the session file could not be "
	    "written. Tell the facilitator.";
	case 503: return "Not now: the server is stopping or busy. Try again "
	    "in a moment.";
	default: return "The request was not what the form sends.";
	}
}

static const char *
status_name(int status)
{
	switch (status) {
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "OK";
	}
}

/* The headers of every answer. */
static int
headers(struct align_serve *srv, struct MHD_Response *r, const char *type,
    const char *policy)
{
	int ok = MHD_add_response_header(r, "Content-Type", type) &&
	    MHD_add_response_header(r, "Cache-Control", "no-store") &&
	    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff") &&
	    MHD_add_response_header(r, "Referrer-Policy", "no-referrer") &&
	    MHD_add_response_header(r, "X-Frame-Options", "DENY") &&
	    MHD_add_response_header(r, "Cross-Origin-Resource-Policy",
	    "same-origin") &&
	    MHD_add_response_header(r, "Cross-Origin-Opener-Policy",
	    "same-origin");
	int stopping;

	if (ok && policy)
		ok = MHD_add_response_header(r, "Content-Security-Policy",
		    policy);
	pthread_mutex_lock(&srv->mu);
	stopping = srv->stopping;
	pthread_mutex_unlock(&srv->mu);
	if (ok && stopping)
		ok = MHD_add_response_header(r, "Connection", "close");
	return ok;
}

/* Send body (taken: freed whatever happens) with status. */
static enum MHD_Result
send_page(struct align_serve *srv, struct MHD_Connection *c, int status,
    struct align_buf *body, const char *policy, const char *location)
{
	struct MHD_Response *r;
	enum MHD_Result rc;
	size_t len = body->len;
	char *p = align_buf_detach(body);

	if (p == NULL && (p = strdup("")) == NULL)
		return MHD_NO;
	r = MHD_create_response_from_buffer(len, p, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(p);
		return MHD_NO;
	}
	if (!headers(srv, r, "text/html; charset=utf-8", policy) ||
	    (location && !MHD_add_response_header(r, "Location", location)) ||
	    (status == 405 && !MHD_add_response_header(r, "Allow",
	    "GET, HEAD, POST"))) {
		MHD_destroy_response(r);
		return MHD_NO;
	}
	rc = MHD_queue_response(c, (unsigned)status, r);
	MHD_destroy_response(r);
	return rc;
}

/* A page of the server's own: the status and why (say, or what the
 * status means when say is NULL), nothing else. */
static enum MHD_Result
answer_says(struct align_serve *srv, struct MHD_Connection *c, int status,
    const char *say)
{
	struct align_buf b = ALIGN_BUF_INIT;

	align_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\""
	    "width=device-width, initial-scale=1\">\n<meta name=\"referrer\" "
	    "content=\"no-referrer\">\n<title>%d %s</title>\n</head>\n<body>\n"
	    "<h1>%d %s</h1>\n<p>%s</p>\n</body>\n</html>\n", status,
	    status_name(status), status, status_name(status), say ? say :
	    why(status));
	if (b.failed) {
		align_buf_release(&b);
		return MHD_NO;
	}
	return send_page(srv, c, status, &b, plain_policy, NULL);
}

static enum MHD_Result
answer(struct align_serve *srv, struct MHD_Connection *c, int status)
{
	return answer_says(srv, c, status, NULL);
}

/* The step's reply: its page, or its redirection to the form. */
static enum MHD_Result
reply(struct align_serve *srv, struct MHD_Connection *c,
    struct align_serve_reply *r)
{
	struct align_buf where = ALIGN_BUF_INIT, policy = ALIGN_BUF_INIT;
	enum MHD_Result rc;
	int status = r->status ? r->status : 200;

	if (status == 303) {
		align_buf_puts(&where, srv->root);
		if (r->location.p)
			align_buf_puts(&where, r->location.p);
	}
	if (r->policy.p)
		align_buf_printf(&policy, "%s; frame-ancestors 'none'",
		    r->policy.p);
	if (where.failed || policy.failed || r->body.failed ||
	    r->location.failed || r->policy.failed)
		rc = answer(srv, c, 500);
	else
		rc = send_page(srv, c, status, &r->body, policy.p ? policy.p :
		    plain_policy, where.p);
	align_buf_release(&where);
	align_buf_release(&policy);
	align_buf_release(&r->body);
	align_buf_release(&r->location);
	align_buf_release(&r->policy);
	return rc;
}

/* Equal, in a time that does not depend on where they differ. */
static int
same_code(const char *a, const char *b, size_t n)
{
	unsigned char d = 0;
	size_t i;

	for (i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

/* The page url names: 0, or the status to answer (403 wrong code, 404,
 * 303 the form's address without its slash). */
static int
route(const struct align_serve *srv, const char *url, enum page *page)
{
	size_t n = strlen(srv->code), k;
	const char *rest;

	if (url[0] != '/')
		return 403;
	k = strcspn(url + 1, "/");
	if (k != n || !same_code(url + 1, srv->code, n))
		return 403;
	rest = url + 1 + n;
	if (strcmp(rest, "") == 0)
		return 303;
	if (strcmp(rest, "/") == 0)
		*page = PAGE_FORM;
	else if (strcmp(rest, "/board") == 0)
		*page = PAGE_BOARD;
	else if (strcmp(rest, "/events") == 0)
		*page = PAGE_EVENTS;
	else
		return 404;
	return 0;
}

/* Whether the n bytes of s are text (text.h) but for carriage returns,
 * which a form's line breaks are made of (CRLF): else 0 and what is
 * wrong, for the page, into say. */
static int
is_text(const char *s, size_t n, struct align_buf *say)
{
	struct align_text_fault f;
	size_t off = 0;

	while (align_text_fault(s + off, n - off, &f)) {
		if (!f.utf8 && f.cp == '\r') {
			off += f.at + 1;
			continue;
		}
		if (f.utf8 || f.cp == 0)
			align_buf_puts(say, "Not recorded: the post is not UTF-8 "
			    "text (or holds a NUL byte). Send it from the "
			    "form, which sends UTF-8.");
		else
			align_buf_printf(say, "Not recorded: the text holds %s "
			    "(U+%04X), which could reach a terminal as a "
			    "command. Remove it and send the text again.",
			    align_control_name(f.cp), f.cp);
		return 0;
	}
	return 1;
}

/* A new field, or more of the last: refused (400 set, MHD_NO) when the
 * step does not take it, it came before, or there are too many. */
static enum MHD_Result
field_in(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *type, const char *encoding,
    const char *data, uint64_t off, size_t size)
{
	struct request *rq = cls;
	const struct align_serve_step *st = rq->srv->step;
	size_t i;

	(void)kind, (void)filename, (void)type, (void)encoding;
	if (off == 0) {
		for (i = 0; i < rq->nacc; i++)
			if (strcmp(rq->acc[i].name, key) == 0)
				break;
		if (i < rq->nacc || rq->nacc == ALIGN_SERVE_FIELDS ||
		    strlen(key) > 64 || !st->accepts(st->ctx, key)) {
			rq->error = 400;
			return MHD_NO;
		}
		if (ALIGN_GROW(rq->acc, rq->nacc + 1, rq->cap) < 0 ||
		    (rq->acc[rq->nacc].name = strdup(key)) == NULL) {
			rq->error = 500;
			return MHD_NO;
		}
		memset(&rq->acc[rq->nacc].value, 0, sizeof(struct align_buf));
		rq->nacc++;
	}
	if (rq->nacc == 0 || strcmp(rq->acc[rq->nacc - 1].name, key) != 0) {
		rq->error = 400;
		return MHD_NO;
	}
	align_buf_add(&rq->acc[rq->nacc - 1].value, data, size);
	return MHD_YES;
}

static double
elapsed(const struct timespec *since)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - since->tv_sec) +
	    (double)(t.tv_nsec - since->tv_nsec) / 1e9;
}

/* The fields gathered, checked and listed for the step: 0, or 400. */
static int
fields(struct request *rq)
{
	size_t i;

	rq->field = calloc(rq->nacc + 1, sizeof(*rq->field));
	if (rq->field == NULL)
		return 500;
	for (i = 0; i < rq->nacc; i++) {
		struct acc *a = &rq->acc[i];

		align_buf_putc(&a->value, '\0');
		if (a->value.failed)
			return 500;
		a->value.len--;
		if (!is_text(a->name, strlen(a->name), &rq->say) ||
		    !is_text(a->value.p, a->value.len, &rq->say))
			return rq->say.failed ? 500 : 400;
		rq->field[i].name = a->name;
		rq->field[i].value = a->value.p;
		rq->field[i].len = a->value.len;
	}
	return 0;
}

static enum MHD_Result
query_in(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct request *rq = cls;

	(void)kind;
	if (rq->nacc == ALIGN_SERVE_FIELDS) {
		rq->error = 400;
		return MHD_NO;
	}
	if (ALIGN_GROW(rq->acc, rq->nacc + 1, rq->cap) < 0 ||
	    (rq->acc[rq->nacc].name = strdup(key)) == NULL) {
		rq->error = 500;
		return MHD_NO;
	}
	memset(&rq->acc[rq->nacc].value, 0, sizeof(struct align_buf));
	align_buf_puts(&rq->acc[rq->nacc++].value, value ? value : "");
	return MHD_YES;
}

/* Say why a step failed, and answer for it: 503 when the lock stayed
 * busy (try again), else 500. */
static enum MHD_Result
failed(struct align_serve *srv, struct MHD_Connection *c,
    struct align_serve_reply *r, const struct align_err *e)
{
	serve_log(srv, e);
	align_buf_release(&r->body);
	align_buf_release(&r->location);
	align_buf_release(&r->policy);
	return answer(srv, c, e->status == EX_TEMPFAIL ? 503 : 500);
}

/* A GET (or HEAD): the form, the board, or the stream of its updates. */
static enum MHD_Result
get(struct request *rq, struct MHD_Connection *c)
{
	struct align_serve *srv = rq->srv;
	const struct align_serve_step *st = srv->step;
	struct align_serve_request q = { NULL, 0, srv->join, srv->qr, 0 };
	struct align_serve_reply r;
	struct align_err e = ALIGN_ERR_INIT;
	struct MHD_Response *resp;
	int rc, full;

	if (rq->page == PAGE_EVENTS) {
		if ((resp = serve_stream(srv, &full)) == NULL)
			return full ? answer(srv, c, 503) : MHD_NO;
		if (!headers(srv, resp, "text/event-stream", NULL)) {
			MHD_destroy_response(resp);
			return MHD_NO;
		}
		rc = MHD_queue_response(c, 200, resp);
		MHD_destroy_response(resp);
		return (enum MHD_Result)rc;
	}
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, query_in, rq);
	if (!rq->error)
		rq->error = fields(rq);
	if (rq->error)
		return answer_says(srv, c, rq->error, rq->say.p);
	q.field = rq->field;
	q.nfield = rq->nacc;
	q.generation = serve_generation(srv);
	memset(&r, 0, sizeof(r));
	rc = rq->page == PAGE_FORM ? st->form(st->ctx, &q, &r, &e) :
	    st->board(st->ctx, &q, &r, &e);
	return rc < 0 ? failed(srv, c, &r, &e) : reply(srv, c, &r);
}

/* A post received whole: the step takes it (and writes the file), then
 * the watcher is woken to show it. */
static enum MHD_Result
post(struct request *rq, struct MHD_Connection *c)
{
	struct align_serve *srv = rq->srv;
	const struct align_serve_step *st = srv->step;
	struct align_serve_request q = { NULL, 0, srv->join, srv->qr, 0 };
	struct align_serve_reply r;
	struct align_err e = ALIGN_ERR_INIT;
	int rc;

	if (rq->pp) {
		if (MHD_destroy_post_processor(rq->pp) != MHD_YES &&
		    !rq->error)
			rq->error = 400;
		rq->pp = NULL;
	}
	if (!rq->error)
		rq->error = fields(rq);
	if (rq->error)
		return answer_says(srv, c, rq->error, rq->say.p);
	q.field = rq->field;
	q.nfield = rq->nacc;
	memset(&r, 0, sizeof(r));
	rc = st->post(st->ctx, &q, &r, &e);
	serve_kick(srv);
	return rc < 0 ? failed(srv, c, &r, &e) : reply(srv, c, &r);
}

/* A content type of the form's, parameters (a charset) aside. */
static int
is_form(const char *type)
{
	static const char form[] = "application/x-www-form-urlencoded";
	size_t n = sizeof(form) - 1;

	return type && strncasecmp(type, form, n) == 0 &&
	    (type[n] == '\0' || type[n] == ';' || type[n] == ' ');
}

/* The headers of a post: 0 to read its body, or the status. */
static int
post_begin(struct request *rq, struct MHD_Connection *c)
{
	const char *type = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Content-Type");
	const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Content-Length");

	if (!is_form(type))
		return 415;
	if (length && strtoull(length, NULL, 10) > rq->srv->o.body)
		return 413;
	rq->pp = MHD_create_post_processor(c, 1024, field_in, rq);
	if (rq->pp == NULL)
		return 400;
	clock_gettime(CLOCK_MONOTONIC, &rq->start);
	return 0;
}

/* The first call of a request: its headers are in. */
static enum MHD_Result
begin(struct align_serve *srv, struct MHD_Connection *c, const char *url,
    const char *method, void **con_cls)
{
	struct request *rq = calloc(1, sizeof(*rq));
	int getting = strcmp(method, "GET") == 0 ||
	    strcmp(method, "HEAD") == 0, status, stopping;

	if (rq == NULL)
		return MHD_NO;
	*con_cls = rq;
	rq->srv = srv;
	pthread_mutex_lock(&srv->mu);
	stopping = srv->stopping;
	rq->counted = !stopping;
	srv->inflight += !stopping;
	pthread_mutex_unlock(&srv->mu);
	if (stopping)
		return answer(srv, c, 503);
	if ((status = route(srv, url, &rq->page)) == 303) {
		struct align_buf none = ALIGN_BUF_INIT;

		return send_page(srv, c, 303, &none, plain_policy, srv->root);
	}
	if (status)
		return answer(srv, c, status);
	/* A GET is answered on the next call, once MHD knows it has no
	 * body: an answer now would close the connection. */
	if (getting) {
		rq->get = 1;
		return MHD_YES;
	}
	if (strcmp(method, "POST") != 0 || rq->page != PAGE_FORM)
		return answer(srv, c, 405);
	if ((status = post_begin(rq, c)) != 0)
		return answer(srv, c, status);
	return MHD_YES;
}

/* A piece of a post's body: to the post processor, while it is within
 * the limits; a post that goes on far beyond them, or for too long, is
 * cut off (no answer can be given while it comes). */
static enum MHD_Result
upload(struct request *rq, const char *data, size_t *size)
{
	size_t limit = rq->srv->o.body;

	rq->got += *size;
	if (!rq->error && rq->got > limit)
		rq->error = 413;
	if (!rq->error && MHD_post_process(rq->pp, data, *size) != MHD_YES &&
	    !rq->error)
		rq->error = 400;
	*size = 0;
	if (rq->got > 4 * limit || elapsed(&rq->start) >
	    ALIGN_SERVE_REQUEST_TIME)
		return MHD_NO;
	return MHD_YES;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *data,
    size_t *size, void **con_cls)
{
	struct request *rq = *con_cls;

	(void)version;
	if (rq == NULL)
		return begin(cls, c, url, method, con_cls);
	if (rq->get) {
		*size = 0;	/* a GET's body, if any, is not read */
		return get(rq, c);
	}
	if (*size)
		return upload(rq, data, size);
	return post(rq, c);
}

/* A request is over (answered, or its connection gone). */
static void
done(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct align_serve *srv = cls;
	struct request *rq = *con_cls;
	size_t i;

	(void)c, (void)toe;
	if (rq == NULL)
		return;
	*con_cls = NULL;
	if (rq->pp)
		MHD_destroy_post_processor(rq->pp);
	for (i = 0; i < rq->nacc; i++) {
		free(rq->acc[i].name);
		align_buf_release(&rq->acc[i].value);
	}
	free(rq->acc);
	free(rq->field);
	align_buf_release(&rq->say);
	if (rq->counted) {
		pthread_mutex_lock(&srv->mu);
		if (--srv->inflight == 0)
			pthread_cond_broadcast(&srv->idle);
		pthread_mutex_unlock(&srv->mu);
	}
	free(rq);
}

static int
start(struct align_serve *srv, struct align_err *e)
{
	if (align_mhd_open(e) < 0)
		return -1;
	srv->d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_POLL, 0,
	    NULL, NULL, handle, srv,
	    MHD_OPTION_LISTEN_SOCKET, srv->fd,
	    MHD_OPTION_CONNECTION_LIMIT, srv->o.connections,
	    /* On loopback every client has the one address. */
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, srv->loopback ? 0u :
	    srv->o.per_ip,
	    MHD_OPTION_CONNECTION_TIMEOUT, srv->o.timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)ALIGN_SERVE_MEMORY,
	    MHD_OPTION_NOTIFY_COMPLETED, done, srv,
	    MHD_OPTION_STRICT_FOR_CLIENT, 1,
	    MHD_OPTION_END);
	if (srv->d == NULL)
		return align_err_set(e, EX_SOFTWARE, NULL, 0, 0,
		    "the HTTP server did not start");
	return 0;
}

static int
make_qr(struct align_serve *srv, struct align_err *e)
{
	struct align_qr q;
	struct align_buf b = ALIGN_BUF_INIT;

	if (align_qr_make(&q, srv->join, e) < 0)
		return -1;
	align_qr_svg(&q, &b, "QR code of the address to open");
	align_qr_release(&q);
	if ((srv->qr = align_buf_detach(&b)) == NULL)
		return align_err_nomem(e);
	return 0;
}

struct align_serve *
align_serve_new(const struct align_serve_opts *o,
    const struct align_serve_step *step, struct align_err *e)
{
	struct align_serve *srv = calloc(1, sizeof(*srv));

	if (srv == NULL) {
		align_err_nomem(e);
		return NULL;
	}
	srv->o = *o;
	srv->o.connections = o->connections ? o->connections :
	    ALIGN_SERVE_CONNECTIONS;
	srv->o.per_ip = o->per_ip ? o->per_ip : ALIGN_SERVE_PER_IP;
	srv->o.timeout = o->timeout ? o->timeout : ALIGN_SERVE_TIMEOUT;
	srv->o.body = o->body ? o->body : ALIGN_SERVE_BODY;
	srv->o.poll = o->poll > 0 ? o->poll : 0.25;
	srv->step = step;
	srv->fd = -1;
	if (serve_hub_init(srv, e) < 0) {
		free(srv);
		return NULL;
	}
	sigemptyset(&srv->sigs);
	sigaddset(&srv->sigs, SIGINT);
	sigaddset(&srv->sigs, SIGTERM);
	sigaddset(&srv->sigs, SIGHUP);
	srv->masked = pthread_sigmask(SIG_BLOCK, &srv->sigs,
	    &srv->oldmask) == 0;
	if (serve_listen(srv, e) < 0 || make_qr(srv, e) < 0 ||
	    serve_watch_start(srv, e) < 0 || start(srv, e) < 0) {
		align_serve_free(srv);
		return NULL;
	}
	return srv;
}

const char *
align_serve_join(const struct align_serve *srv)
{
	return srv->join;
}

const char *
align_serve_board(const struct align_serve *srv)
{
	return srv->board;
}

const char *
align_serve_code(const struct align_serve *srv)
{
	return srv->code;
}

const char *
align_serve_qr(const struct align_serve *srv)
{
	return srv->qr;
}

/* Stop accepting, end the streams, let what is in flight finish, stop. */
static void
stop(struct align_serve *srv)
{
	struct timespec t;

	if (srv->d == NULL) {
		serve_watch_stop(srv);
		return;
	}
	serve_watch_stop(srv);		/* and the streams end */
	MHD_quiesce_daemon(srv->d);
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ALIGN_SERVE_STOP_WAIT;
	pthread_mutex_lock(&srv->mu);
	while (srv->inflight > 0 &&
	    pthread_cond_timedwait(&srv->idle, &srv->mu, &t) == 0)
		;
	pthread_mutex_unlock(&srv->mu);
	MHD_stop_daemon(srv->d);
	srv->d = NULL;
}

int
align_serve_run(struct align_serve *srv, struct align_err *e)
{
	int sig = 0, rc = sigwait(&srv->sigs, &sig);

	stop(srv);
	if (rc != 0)
		return align_err_set(e, EX_SOFTWARE, NULL, 0, 0,
		    "waiting for a signal: %s", strerror(rc));
	return sig;
}

void
align_serve_free(struct align_serve *srv)
{
	if (srv == NULL)
		return;
	stop(srv);
	if (srv->fd >= 0)
		close(srv->fd);
	free(srv->root);
	free(srv->join);
	free(srv->board);
	free(srv->qr);
	serve_hub_release(srv);
	if (srv->masked)
		pthread_sigmask(SIG_SETMASK, &srv->oldmask, NULL);
	free(srv);
}
