/* The board as it changes: a watcher thread that reads the session file
 * again whenever it changed (whoever wrote it: a post, align-capture -a,
 * align-theme -i), and the event streams that send each update. */
#include <errno.h>
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "file.h"
#include "mhd.h"
#include "serve_int.h"

#define KEEPALIVE 10		/* seconds: below the idle timeout */

static const char hello[] = "retry: 2000\n\n";
static const char keepalive[] = ": still here\n\n";

/* now + s seconds, for a timed wait. */
static struct timespec
deadline(double s)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += (time_t)s;
	t.tv_nsec += (long)((s - (double)(time_t)s) * 1e9);
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

int
serve_hub_init(struct align_serve *srv, struct align_err *e)
{
	if (pthread_mutex_init(&srv->mu, NULL) != 0)
		return align_err_nomem(e);
	if (pthread_cond_init(&srv->changed, NULL) != 0 ||
	    pthread_cond_init(&srv->kick, NULL) != 0 ||
	    pthread_cond_init(&srv->idle, NULL) != 0)
		return align_err_nomem(e);	/* (never on Linux) */
	return 0;
}

static void
snap_put(struct serve_snap *s)
{
	if (s && --s->refs == 0)
		free(s);
}

void
serve_hub_release(struct align_serve *srv)
{
	snap_put(srv->snap);
	srv->snap = NULL;
	free(srv->said);
	srv->said = NULL;
	pthread_cond_destroy(&srv->changed);
	pthread_cond_destroy(&srv->kick);
	pthread_cond_destroy(&srv->idle);
	pthread_mutex_destroy(&srv->mu);
}

void
serve_log(struct align_serve *srv, const struct align_err *e)
{
	char msg[2200];
	int again;

	align_err_format(e, msg, sizeof(msg));
	pthread_mutex_lock(&srv->mu);
	again = srv->said && strcmp(srv->said, msg) == 0;
	if (!again) {
		free(srv->said);
		srv->said = strdup(msg);
	}
	pthread_mutex_unlock(&srv->mu);
	if (!again && srv->o.log)
		srv->o.log(srv->o.log_ctx, e);
}

/* The update as an event: "id: N", then each line of live as a data
 * line (a CR, a CRLF or an LF ends one: what a reader of the page's HTML
 * sees is the same). */
static struct serve_snap *
snap_make(const struct align_buf *live, unsigned long gen)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct serve_snap *s;
	const char *p = live->p ? live->p : "", *end = p + live->len;

	align_buf_printf(&b, "event: board\nid: %lu\n", gen);
	do {
		size_t k = strcspn(p, "\r\n");

		if (p + k > end)
			k = (size_t)(end - p);
		align_buf_puts(&b, "data: ");
		align_buf_add(&b, p, k);
		align_buf_putc(&b, '\n');
		p += k;
		if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
			p++;
		if (p < end)
			p++;
	} while (p < end);
	align_buf_putc(&b, '\n');
	if (b.failed || (s = malloc(sizeof(*s) + b.len + 1)) == NULL) {
		align_buf_release(&b);
		return NULL;
	}
	s->refs = 1;
	s->gen = gen;
	s->len = b.len;
	memcpy(s->text, b.p, b.len + 1);
	align_buf_release(&b);
	return s;
}

int
serve_reload(struct align_serve *srv, struct align_err *e)
{
	struct align_buf live = ALIGN_BUF_INIT;
	struct serve_snap *s, *old;
	int rc = srv->step->reload(srv->step->ctx, &live, e);

	if (rc == 0 && live.failed)
		rc = align_err_nomem(e);
	pthread_mutex_lock(&srv->mu);
	if (rc == 0 && (s = snap_make(&live, srv->gen + 1)) == NULL)
		rc = align_err_nomem(e);
	if (rc == 0) {
		old = srv->snap;
		srv->snap = s;
		srv->gen++;
		snap_put(old);
		pthread_cond_broadcast(&srv->changed);
	}
	pthread_mutex_unlock(&srv->mu);
	align_buf_release(&live);
	return rc;
}

unsigned long
serve_generation(struct align_serve *srv)
{
	unsigned long g;

	pthread_mutex_lock(&srv->mu);
	g = srv->gen;
	pthread_mutex_unlock(&srv->mu);
	return g;
}

/* What the file is now; an append in progress (its journal there) is not
 * settled, so that the watcher looks again once it is. */
static struct serve_seen
look(const char *path, int *settled)
{
	struct serve_seen s;
	struct stat st;

	memset(&s, 0, sizeof(s));
	*settled = align_append_limit(path) < 0;
	if (stat(path, &st) < 0)
		return s;
	s.there = 1;
	s.dev = st.st_dev;
	s.ino = st.st_ino;
	s.size = st.st_size;
	s.mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
	    st.st_mtim.tv_nsec;
	return s;
}

static int
same(const struct serve_seen *a, const struct serve_seen *b)
{
	return a->there == b->there && a->dev == b->dev && a->ino == b->ino &&
	    a->size == b->size && a->mtime_ns == b->mtime_ns;
}

/* The watcher: looks at the file every o.poll seconds, or at once when
 * kicked (a post was written), and reads it again when it changed. */
static void *
watch(void *arg)
{
	struct align_serve *srv = arg;
	struct align_err e = ALIGN_ERR_INIT;

	pthread_mutex_lock(&srv->mu);
	while (!srv->stopping) {
		struct timespec t = deadline(srv->o.poll);
		struct serve_seen now;
		int settled, kicked;

		while (!srv->kicked && !srv->stopping &&
		    pthread_cond_timedwait(&srv->kick, &srv->mu, &t) == 0)
			;
		kicked = srv->kicked;
		srv->kicked = 0;
		if (srv->stopping)
			break;
		pthread_mutex_unlock(&srv->mu);
		now = look(srv->o.path, &settled);
		if (kicked || !same(&now, &srv->seen)) {
			if (serve_reload(srv, &e) < 0)
				serve_log(srv, &e);
			else if (settled)
				srv->seen = now;
		}
		pthread_mutex_lock(&srv->mu);
	}
	pthread_mutex_unlock(&srv->mu);
	return NULL;
}

int
serve_watch_start(struct align_serve *srv, struct align_err *e)
{
	int settled;

	srv->seen = look(srv->o.path, &settled);
	if (serve_reload(srv, e) < 0)
		return -1;
	if (!settled)
		memset(&srv->seen, 0, sizeof(srv->seen));
	if (pthread_create(&srv->watcher, NULL, watch, srv) != 0)
		return align_err_set(e, 70, NULL, 0, 0, "cannot start the "
		    "thread that watches %s", srv->o.path);
	srv->watching = 1;
	return 0;
}

void
serve_watch_stop(struct align_serve *srv)
{
	pthread_mutex_lock(&srv->mu);
	srv->stopping = 1;
	pthread_cond_broadcast(&srv->kick);
	pthread_cond_broadcast(&srv->changed);
	pthread_mutex_unlock(&srv->mu);
	if (srv->watching)
		pthread_join(srv->watcher, NULL);
	srv->watching = 0;
}

void
serve_kick(struct align_serve *srv)
{
	pthread_mutex_lock(&srv->mu);
	srv->kicked = 1;
	pthread_cond_signal(&srv->kick);
	pthread_mutex_unlock(&srv->mu);
}

/* One event stream: what it is sending, and the update it has. */
struct stream {
	struct align_serve *srv;
	struct serve_snap *held;	/* being sent, or NULL */
	const char *p;			/* what is being sent */
	size_t len, off;
	unsigned long gen;		/* the last update taken */
};

/* Called by the connection's own thread (a thread a connection): waits
 * here for the next update, a keep-alive comment every KEEPALIVE seconds,
 * the end when the server stops. */
static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *st = cls;
	struct align_serve *srv = st->srv;
	ssize_t k;

	(void)pos;
	pthread_mutex_lock(&srv->mu);
	while (st->off == st->len) {
		struct timespec t = deadline(KEEPALIVE);

		snap_put(st->held);
		st->held = NULL;
		st->p = NULL;
		st->len = st->off = 0;
		if (srv->stopping) {
			pthread_mutex_unlock(&srv->mu);
			return MHD_CONTENT_READER_END_OF_STREAM;
		}
		if (srv->snap && srv->snap->gen != st->gen) {
			st->held = srv->snap;
			st->held->refs++;
			st->gen = st->held->gen;
			st->p = st->held->text;
			st->len = st->held->len;
		} else if (pthread_cond_timedwait(&srv->changed, &srv->mu,
		    &t) == ETIMEDOUT) {
			st->p = keepalive;
			st->len = sizeof(keepalive) - 1;
		}
	}
	k = (ssize_t)(st->len - st->off < max ? st->len - st->off : max);
	memcpy(buf, st->p + st->off, (size_t)k);
	st->off += (size_t)k;
	pthread_mutex_unlock(&srv->mu);
	return k;
}

static void
stream_free(void *cls)
{
	struct stream *st = cls;
	struct align_serve *srv = st->srv;

	pthread_mutex_lock(&srv->mu);
	snap_put(st->held);
	srv->streams--;
	pthread_mutex_unlock(&srv->mu);
	free(st);
}

struct MHD_Response *
serve_stream(struct align_serve *srv, int *full)
{
	struct MHD_Response *r;
	struct stream *st;

	pthread_mutex_lock(&srv->mu);
	*full = srv->streams >= ALIGN_SERVE_STREAMS;
	srv->streams += !*full;
	pthread_mutex_unlock(&srv->mu);
	if (*full)
		return NULL;
	if ((st = calloc(1, sizeof(*st))) != NULL) {
		st->srv = srv;
		st->p = hello;
		st->len = sizeof(hello) - 1;
	}
	r = st ? MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096,
	    stream_read, st, stream_free) : NULL;
	if (r == NULL) {
		free(st);
		pthread_mutex_lock(&srv->mu);
		srv->streams--;
		pthread_mutex_unlock(&srv->mu);
	}
	return r;
}
