/* Serving a step: the listening address, the join code, the capture step
 * (its form, its posts and their refusals, its board) called as the
 * server calls it, and the server itself on loopback: the code checked,
 * a post recorded, a signal that stops it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sysexits.h>
#include <unistd.h>

#include "../../lib/html.h"
#include "../../lib/serve.h"
#include "../../lib/serve_capture.h"
#include "../../lib/serve_distill.h"
#include "../../lib/serve_html.h"
#include "../../lib/serve_name.h"
#include "../../lib/roster.h"
#include "helpers.h"

static const char session[] = "---\nkind: session\nid: s1\ntitle: "
    "Leadership alignment\nquestion: What did they do?\nparticipants: "
    "[Ana, José, Ben]\n";

static void
test_serve_listen(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	char *addr;
	unsigned port;

	(void)state;
	assert_int_equal(align_serve_parse_listen("8080", &addr, &port, &e),
	    0);
	assert_string_equal(addr, "127.0.0.1");
	assert_int_equal(port, 8080);
	free(addr);
	assert_int_equal(align_serve_parse_listen("0.0.0.0:0", &addr, &port,
	    &e), 0);
	assert_string_equal(addr, "0.0.0.0");
	assert_int_equal(port, 0);
	free(addr);
	assert_int_equal(align_serve_parse_listen("[::1]:9", &addr, &port,
	    &e), 0);
	assert_string_equal(addr, "::1");
	free(addr);
	assert_int_equal(align_serve_parse_listen("::1:80", &addr, &port, &e),
	    -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_non_null(strstr(e.msg, "brackets"));
	assert_int_equal(align_serve_parse_listen("70000", &addr, &port, &e),
	    -1);
	assert_non_null(strstr(e.msg, "too large"));
	assert_int_equal(align_serve_parse_listen(":80", &addr, &port, &e),
	    -1);
	assert_int_equal(align_serve_parse_listen("web", &addr, &port, &e),
	    -1);
	assert_null(addr);
}

static void
test_serve_code(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	char a[32], b[32];

	(void)state;
	assert_int_equal(align_serve_random_code(a, 16, &e), 0);
	assert_int_equal(align_serve_random_code(b, 16, &e), 0);
	assert_int_equal(strlen(a), 22);
	assert_int_equal(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl"
	    "mnopqrstuvwxyz0123456789-_"), 22);
	assert_string_not_equal(a, b);
}

/* A capture step over a new session file at path. */
static struct align_serve_capture *
capture(const char *path, const unsigned char *key)
{
	struct align_serve_capture_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(session, fp);
	fclose(fp);
	o.path = path;
	o.key = key;
	o.now = "2026-12-02T12:30:00-05:00";
	o.wait = 5;
	o.tool = "align-capture";
	return align_serve_capture_new(&o, &e);
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *s = calloc(1, 1 << 16);

	assert_non_null(fp);
	assert_true(fread(s, 1, (1 << 16) - 1, fp) > 0);
	fclose(fp);
	return s;
}

/* The step's post of participant and text: its reply. */
static int
post(const struct align_serve_step *st, const char *who, const char *text,
    struct align_serve_reply *r)
{
	struct align_serve_field f[2] = { { "participant", (char *)who,
	    strlen(who) }, { "text", (char *)text, strlen(text) } };
	struct align_serve_request rq = { f, 2, "http://x/C/", "<svg/>", 0 };
	struct align_err e = ALIGN_ERR_INIT;

	memset(r, 0, sizeof(*r));
	return st->post(st->ctx, &rq, r, &e);
}

static void
reply_release(struct align_serve_reply *r)
{
	align_buf_release(&r->body);
	align_buf_release(&r->location);
	align_buf_release(&r->policy);
}

static void
test_serve_capture_post(void **state)
{
	char path[256], *s;
	struct align_serve_capture *c;
	FILE *fp;
	const struct align_serve_step *st;
	struct align_serve_reply r;
	struct align_buf live = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	strcpy(path, test_path("serve.yaml"));
	c = capture(path, NULL);
	st = align_serve_capture_step(c);
	assert_true(st->accepts(st->ctx, "participant"));
	assert_true(st->accepts(st->ctx, "text"));
	assert_false(st->accepts(st->ctx, "as"));
	assert_int_equal(st->reload(st->ctx, &live, &e), 0);
	assert_non_null(strstr(live.p, "No responses yet."));
	align_buf_release(&live);

	/* Resolved against the list, as it spells the name; words cleaned. */
	assert_int_equal(post(st, " jose ", "\r\n Words\r\nmore  ", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location.p, "?recorded=r-"));
	assert_non_null(strstr(r.location.p, "&as=Jos%C3%A9"));
	reply_release(&r);
	s = slurp(path);
	assert_non_null(strstr(s, "participant: José\n"));
	assert_non_null(strstr(s, "text: \"Words\\nmore\"\n"));
	free(s);
	/* Pressed twice: written once. */
	assert_int_equal(post(st, "José", "Words\nmore", &r), 0);
	assert_int_equal(r.status, 303);
	reply_release(&r);
	assert_int_equal(align_serve_capture_added(c), 1);
	assert_int_equal(st->reload(st->ctx, &live, &e), 0);
	assert_non_null(strstr(live.p, "<span class=\"who\">José</span>"));
	align_buf_release(&live);

	/* Refused: the form again, why on top, the words kept. */
	assert_int_equal(post(st, "Zed", "<b>Hi</b>", &r), 0);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(r.body.p, "Zed is not on the list"));
	assert_non_null(strstr(r.body.p, "&lt;b&gt;Hi&lt;/b&gt;</textarea>"));
	assert_non_null(strstr(r.policy.p, "form-action 'self'"));
	reply_release(&r);
	assert_int_equal(post(st, "", "Hi", &r), 0);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(r.body.p, "Choose your name first."));
	reply_release(&r);
	assert_int_equal(post(st, "Ana", " \n\t", &r), 0);
	assert_int_equal(r.status, 400);
	reply_release(&r);
	s = malloc(ALIGN_SERVE_TEXT_MAX + 2);
	memset(s, 'a', ALIGN_SERVE_TEXT_MAX + 1);
	s[ALIGN_SERVE_TEXT_MAX + 1] = '\0';
	assert_int_equal(post(st, "Ana", s, &r), 0);
	assert_int_equal(r.status, 413);
	reply_release(&r);
	free(s);
	assert_int_equal(align_serve_capture_added(c), 1);

	/* The file changed: its list is read again, and so is its roster. */
	s = slurp(path);
	fp = fopen(path, "w");
	assert_non_null(fp);
	assert_non_null(strstr(s, "[Ana, José, Ben]"));
	fwrite(s, 1, (size_t)(strstr(s, "Ben]") - s), fp);
	fputs("Ben, Zed Okoro]", fp);
	fputs(strstr(s, "Ben]") + 4, fp);
	fclose(fp);
	free(s);
	assert_int_equal(st->reload(st->ctx, &live, &e), 0);
	align_buf_release(&live);
	assert_int_equal(post(st, "zed", "Hi", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location.p, "&as=Zed%20Okoro"));
	reply_release(&r);
	align_serve_capture_free(c);
	unlink(path);
}

/* A name posted, by the roster's rules, the list's spelling kept. */
static void
test_serve_resolve(void **state)
{
	const char *list[] = { "Ana Lima <ana@example.org>", "Marcus Lee",
	    "Marta Ruiz" };
	struct align_roster *r = align_serve_roster(list, 3);

	(void)state;
	assert_non_null(r);
	assert_int_equal(align_serve_resolve(r, list, 3, "ana@example.org"),
	    0);
	assert_int_equal(align_serve_resolve(r, list, 3, "ANA lima"), 0);
	assert_int_equal(align_serve_resolve(r, list, 3, "Marc"), 1);
	assert_int_equal(align_serve_resolve(r, list, 3, "Mar"), -1);
	assert_int_equal(align_serve_resolve(r, list, 3, "Zed"), -1);
	/* The same roster answers again: a resolve only reads it. */
	assert_int_equal(align_serve_resolve(r, list, 3, " marta "), 2);
	assert_int_equal(align_serve_resolve(r, list, 3, "Marcus Lee"), 1);
	align_roster_free(r);
	/* No list: nobody to resolve to. */
	assert_int_equal(align_serve_resolve(NULL, list, 0, "Ana"), -1);
}

static void
test_serve_capture_pages(void **state)
{
	static const unsigned char key[16] = { 1, 2, 3 };
	char path[256], *s;
	struct align_serve_capture *c;
	const struct align_serve_step *st;
	struct align_serve_reply r;
	struct align_buf live = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_serve_field f[2] = { { "recorded", "r-12ab", 6 },
	    { "as", "Ben", 3 } };
	struct align_serve_request rq = { f, 2, "http://x/C/", "<svg class="
	    "\"qr\"/>", 7 };

	(void)state;
	strcpy(path, test_path("serve-anon.yaml"));
	c = capture(path, key);
	st = align_serve_capture_step(c);
	assert_int_equal(st->reload(st->ctx, &live, &e), 0);
	align_buf_release(&live);
	memset(&r, 0, sizeof(r));
	assert_int_equal(st->form(st->ctx, &rq, &r, &e), 0);
	assert_non_null(strstr(r.body.p, "Recorded as r-12ab."));
	assert_non_null(strstr(r.body.p, "<label for=\"text\" class=\"question"
	    "\" lang=\"\" dir=\"auto\">What did they do?</label>"));
	/* Pseudonyms: the person is not chosen again from the address. */
	assert_null(strstr(r.body.p, " selected"));
	assert_non_null(strstr(r.body.p, "replaced by a pseudonym"));
	reply_release(&r);
	f[0].value = "<script>";
	memset(&r, 0, sizeof(r));
	assert_int_equal(st->form(st->ctx, &rq, &r, &e), 0);
	assert_null(strstr(r.body.p, "Recorded as"));
	reply_release(&r);

	assert_int_equal(post(st, "Ana", "Anonymous words.", &r), 0);
	assert_int_equal(r.status, 303);
	assert_null(strstr(r.location.p, "as="));
	reply_release(&r);
	s = slurp(path);
	assert_non_null(strstr(s, "participant: p-"));
	assert_null(strstr(s, "participant: Ana"));
	free(s);
	assert_int_equal(st->reload(st->ctx, &live, &e), 0);
	align_buf_release(&live);
	memset(&r, 0, sizeof(r));
	assert_int_equal(st->board(st->ctx, &rq, &r, &e), 0);
	assert_non_null(strstr(r.body.p, "<svg class=\"qr\"/>"));
	assert_non_null(strstr(r.body.p, "<div class=\"live\" "
	    "data-generation=\"7\">"));
	assert_non_null(strstr(r.body.p, "Anonymous words."));
	assert_null(strstr(r.body.p, "Still to answer"));
	assert_non_null(strstr(r.body.p, "<noscript><meta http-equiv=\"refresh\""));
	assert_non_null(strstr(r.policy.p, "connect-src 'self'"));
	reply_release(&r);
	align_serve_capture_free(c);
	unlink(path);
}

static void
test_serve_policy(void **state)
{
	struct align_html_page file = { .family = "board",
	    .what = "Responses" };
	struct align_html_page live = { .family = "board", .what = "Responses",
	    .extra = &align_serve_board_extra };
	struct align_buf a = ALIGN_BUF_INIT, b = ALIGN_BUF_INIT;
	struct align_buf h = ALIGN_BUF_INIT;

	(void)state;
	align_html_csp(&a);
	align_html_policy(&b, &file);
	assert_string_equal(a.p, b.p);
	align_buf_release(&b);
	align_html_policy(&b, &live);
	align_html_hash(&h, align_serve_style);
	assert_non_null(strstr(b.p, h.p));
	align_buf_reset(&h);
	align_html_hash(&h, align_serve_script);
	assert_non_null(strstr(b.p, h.p));
	assert_non_null(strstr(b.p, "connect-src 'self'"));
	assert_non_null(strstr(b.p, "form-action 'none'"));
	assert_null(strstr(b.p, "unsafe"));
	align_buf_release(&a);
	align_buf_release(&b);
	align_buf_release(&h);
}

/* A connection to port on loopback, reads bounded to 10 seconds, text
 * sent. */
static int
open_to(unsigned port, const char *text)
{
	struct sockaddr_in sa;
	struct timeval tv = { 10, 0 };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	return fd;
}

/* Read from fd until what it sent holds want: 1, or 0 at its end. */
static int
read_until(int fd, const char *want)
{
	static char buf[1 << 16];
	size_t len = 0;
	ssize_t n;

	while (len < sizeof(buf) - 1 &&
	    (n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0) {
		len += (size_t)n;
		buf[len] = '\0';
		if (strstr(buf, want))
			return 1;
	}
	return 0;
}

/* One request on a new connection: the status of the answer. */
static int
request(unsigned port, const char *text)
{
	char buf[256];
	int fd = open_to(port, text), status = 0;
	ssize_t n;

	n = read(fd, buf, sizeof(buf) - 1);
	if (n > 0) {
		buf[n] = '\0';
		sscanf(buf, "HTTP/1.1 %d", &status);
	}
	close(fd);
	return status;
}

static void
test_serve_server(void **state)
{
	struct align_serve_opts so = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_serve_capture *c;
	struct align_serve *srv;
	char path[256], req[512], *s;
	const char *body = "participant=Ben&text=Listened";
	const char *again = "participant=Ana&text=Taught+%3Cme%3E";
	unsigned port;
	int events;
	const char *code;

	(void)state;
	strcpy(path, test_path("served.yaml"));
	c = capture(path, NULL);
	so.listen = "127.0.0.1:0";
	so.path = path;
	srv = align_serve_new(&so, align_serve_capture_step(c), &e);
	assert_non_null(srv);
	code = align_serve_code(srv);
	assert_int_equal(sscanf(align_serve_join(srv), "http://127.0.0.1:%u/",
	    &port), 1);
	assert_non_null(strstr(align_serve_qr(srv), "<svg class=\"qr\""));
	snprintf(req, sizeof(req), "GET /%s/ HTTP/1.1\r\nHost: x\r\n\r\n",
	    code);
	assert_int_equal(request(port, req), 200);
	assert_int_equal(request(port, "GET /nope/ HTTP/1.1\r\nHost: x\r\n\r\n"),
	    403);
	snprintf(req, sizeof(req), "POST /%s/ HTTP/1.1\r\nHost: x\r\n"
	    "Content-Type: application/x-www-form-urlencoded\r\n"
	    "Content-Length: %zu\r\n\r\n%s", code, strlen(body), body);
	assert_int_equal(request(port, req), 303);
	/* The stream: the board as it is, then each change. */
	snprintf(req, sizeof(req), "GET /%s/events HTTP/1.1\r\nHost: x\r\n"
	    "\r\n", code);
	events = open_to(port, req);
	assert_true(read_until(events, "data: <p dir=\"auto\">Listened</p>"));
	snprintf(req, sizeof(req), "POST /%s/ HTTP/1.1\r\nHost: x\r\n"
	    "Content-Type: application/x-www-form-urlencoded\r\n"
	    "Content-Length: %zu\r\n\r\n%s", code, strlen(again), again);
	assert_int_equal(request(port, req), 303);
	assert_true(read_until(events, "Taught &lt;me&gt;"));
	raise(SIGTERM);		/* blocked: taken by align_serve_run() */
	assert_int_equal(align_serve_run(srv, &e), SIGTERM);
	assert_false(read_until(events, "never"));	/* the stream ended */
	close(events);
	align_serve_free(srv);
	s = slurp(path);
	assert_non_null(strstr(s, "text: Listened\n"));
	free(s);
	align_serve_capture_free(c);
	unlink(path);
}

/* A distill step over a copy of the example session at path. */
static struct align_serve_distill *
distiller(const char *path)
{
	struct align_serve_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	char *s = slurp("examples/leadership/session.align.yaml");
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(s, fp);
	fclose(fp);
	free(s);
	o.path = path;
	o.distill.max = 7;
	o.distill.budget = 5;
	o.distill.per = 3;
	o.wait = 5;
	o.tool = "align-distill";
	return align_serve_distill_new(&o, &e);
}

/* A post of the distill step: its status. */
static int
dpost(const struct align_serve_step *st, struct align_serve_field *f,
    size_t n, struct align_serve_reply *r)
{
	struct align_serve_request rq = { f, n, "http://x/C/", "<svg/>", 0 };
	struct align_err e = ALIGN_ERR_INIT;

	memset(r, 0, sizeof(*r));
	assert_int_equal(st->post(st->ctx, &rq, r, &e), 0);
	return r->status;
}

static void
test_serve_distill(void **state)
{
	char path[256], *s;
	struct align_serve_distill *c;
	const struct align_serve_step *st;
	struct align_serve_reply r;
	struct align_buf live = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_serve_field as = { "as", "ana", 3 };
	struct align_serve_request rq = { &as, 1, "http://x/C/", "<svg/>", 3 };
	struct align_serve_field vote[] = { { "participant", "ana", 3 },
	    { "action", "vote", 4 }, { "dots-p1", "3", 1 },
	    { "dots-p4", "2", 1 } };
	struct align_serve_field over[] = { { "participant", "Ana", 3 },
	    { "action", "vote", 4 }, { "dots-p1", "3", 1 },
	    { "dots-p4", "3", 1 } };
	struct align_serve_field object[] = { { "participant", "Ben", 3 },
	    { "action", "object", 6 }, { "principle", "p5", 2 },
	    { "reason", " Not <b>measurable</b>\r\n", 24 } };
	struct align_serve_field bare[] = { { "participant", "Ben", 3 },
	    { "action", "object", 6 }, { "principle", "p5", 2 } };

	(void)state;
	strcpy(path, test_path("distill.yaml"));
	c = distiller(path);
	st = align_serve_distill_step(c);
	assert_true(st->accepts(st->ctx, "dots-p12"));
	assert_false(st->accepts(st->ctx, "dots-"));
	assert_false(st->accepts(st->ctx, "dots-a/b"));
	assert_false(st->accepts(st->ctx, "text"));
	assert_int_equal(st->reload(st->ctx, &live, &e), 0);
	assert_non_null(strstr(live.p, "<p class=\"verdict met\">Final</p>"));
	assert_non_null(strstr(live.p, "<strong>7 of 7 people</strong> agree "
	    "to all 6 (consensus)"));
	align_buf_release(&live);
	memset(&r, 0, sizeof(r));
	assert_int_equal(st->form(st->ctx, &rq, &r, &e), 0);
	assert_non_null(strstr(r.body.p, "For <strong lang=\"\">Ana</strong>"));
	assert_non_null(strstr(r.body.p, "<select id=\"dots-p2\" name=\"dots-"
	    "p2\"><option>0</option><option selected>1</option>"));
	reply_release(&r);

	assert_int_equal(dpost(st, vote, 4, &r), 303);
	assert_string_equal(r.location.p, "?as=Ana&done=vote");
	reply_release(&r);
	assert_int_equal(dpost(st, over, 4, &r), 400);
	assert_non_null(strstr(r.body.p, "That is 6 dots: you have 5."));
	reply_release(&r);
	assert_int_equal(dpost(st, bare, 3, &r), 400);
	assert_non_null(strstr(r.body.p, "Say why you object."));
	reply_release(&r);
	assert_int_equal(dpost(st, object, 4, &r), 303);
	reply_release(&r);
	assert_int_equal(align_serve_distill_changes(c), 2);
	s = slurp(path);
	assert_non_null(strstr(s, "  Ana: 3\n"));
	assert_non_null(strstr(s, "- participant: Ben\n  reason: Not "
	    "<b>measurable</b>\n"));
	free(s);
	assert_int_equal(st->reload(st->ctx, &live, &e), 0);
	assert_non_null(strstr(live.p, "Ben</span> objects: <q lang=\"\" "
	    "dir=\"auto\">Not &lt;b&gt;measurable&lt;/b&gt;"));
	assert_non_null(strstr(live.p, "Not agreed to all: <ul class=\"names"
	    "\" lang=\"\"><li>Ben</li></ul>"));
	align_buf_release(&live);
	memset(&r, 0, sizeof(r));
	assert_int_equal(st->board(st->ctx, &rq, &r, &e), 0);
	assert_non_null(strstr(r.body.p, "data-generation=\"3\""));
	reply_release(&r);
	align_serve_distill_free(c);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_serve_listen),
		cmocka_unit_test(test_serve_code),
		cmocka_unit_test(test_serve_capture_post),
		cmocka_unit_test(test_serve_resolve),
		cmocka_unit_test(test_serve_capture_pages),
		cmocka_unit_test(test_serve_policy),
		cmocka_unit_test(test_serve_distill),
		cmocka_unit_test(test_serve_server),
	};

	return cmocka_run_group_tests_name("serve", tests, NULL, NULL);
}
