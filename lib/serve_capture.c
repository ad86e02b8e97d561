/* Step 5 served: what was read of the session file, and the posts that
 * add to it.  The pages are in serve_capture_html.c. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "board.h"
#include "file.h"
#include "hash.h"
#include "reader.h"
#include "record.h"
#include "response.h"
#include "roster.h"
#include "serve_capture_int.h"
#include "serve_html.h"
#include "serve_name.h"
#include "when.h"
#include "writer.h"

static int
accepts(void *ctx, const char *name)
{
	(void)ctx;
	return strcmp(name, "participant") == 0 || strcmp(name, "text") == 0;
}

static void
state_free(struct capture_state *st)
{
	size_t i;

	if (st == NULL)
		return;
	align_view_release(&st->sv);
	align_node_free(st->session);
	align_buf_release(&st->live);
	for (i = 0; i < st->nroster; i++)
		free(st->roster[i]);
	free(st->roster);
	align_roster_free(st->names);
	free(st);
}

/* A response as the board shows it: with a key, its participant a
 * pseudonym whatever the file says (rec is the server's own copy). */
static int
keep_response(struct align_serve_capture *c, struct align_node *rs,
    struct align_node *rec, struct align_err *e)
{
	struct align_view v;
	char p[ALIGN_PSEUDONYM_MAX];
	int rc = align_view(&v, rec, e);

	if (rc == 0 && c->o.key && v.u.response.participant &&
	    !align_is_pseudonym(v.u.response.participant)) {
		align_pseudonym(c->o.key, v.u.response.participant, p);
		/* The server's copy, shown and dropped: never written. */
		rc = align_map_put_str(rec, "participant", p) < 0 ?
		    align_err_nomem(e) : 0;
	}
	align_view_release(&v);
	if (rc == 0 && align_seq_push(rs, rec) < 0)
		return align_err_nomem(e);
	if (rc < 0)
		align_node_free(rec);
	return rc;
}

/* The session record and the responses of the file (none when there is
 * no file yet). */
static int
read_file(struct align_serve_capture *c, struct align_node **session,
    struct align_node *rs, struct align_err *e)
{
	struct align_reader *r;
	struct align_node *rec;
	char *p[1];
	int rc;

	if ((rc = align_file_check(c->o.path, e)) <= 0)
		return rc;
	p[0] = (char *)c->o.path;
	if ((r = align_reader_open(p, 1, NULL, e)) == NULL)
		return -1;
	while ((rc = align_reader_next(r, &rec, e)) > 0) {
		enum align_kind k = align_kind_of(align_record_kind(rec));

		if (align_reader_plain(r))
			rc = align_err_set(e, EX_DATAERR, c->o.path, 1, 1,
			    "expected a session stream, not plain text");
		else if (k == ALIGN_KIND_SESSION && *session == NULL)
			*session = rec, rec = NULL;
		else if (k == ALIGN_KIND_RESPONSE)
			rc = keep_response(c, rs, rec, e), rec = NULL;
		align_node_free(rec);
		if (rc < 0)
			break;
	}
	align_reader_free(r);
	return rc < 0 ? -1 : 0;
}

/* The participants list, each name copied, and its roster (the posts'
 * names resolved against it). */
static int
roster(struct capture_state *st, struct align_err *e)
{
	const struct align_texts *t = &st->sv.u.session.participants;
	size_t i;

	if (st->sv.kind != ALIGN_KIND_SESSION || t->n == 0)
		return 0;
	if ((st->roster = calloc(t->n, sizeof(*st->roster))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < t->n; i++)
		if ((st->roster[st->nroster++] = strdup(t->v[i])) == NULL)
			return align_err_nomem(e);
	if ((st->names = align_serve_roster((const char *const *)st->roster,
	    st->nroster)) == NULL)
		return align_err_nomem(e);
	return 0;
}

/* The board's main as HTML, into st->live. */
static int
render(struct align_serve_capture *c, struct capture_state *st,
    const struct align_node *rs, struct align_err *e)
{
	struct align_board v;
	struct align_show s = { .b = &st->live, .format = ALIGN_FMT_HTML,
	    .tool = c->o.tool, .min_group = c->o.min_group };

	if (align_board_make(&v, st->session, rs, e) < 0)
		return -1;
	align_board_html_main(&v, &s);
	align_board_release(&v);
	return st->live.failed ? align_err_nomem(e) : 0;
}

/* The watcher's: read the file, make the board, put it in place. */
static int
reload(void *ctx, struct align_buf *live, struct align_err *e)
{
	struct align_serve_capture *c = ctx;
	struct capture_state *st = calloc(1, sizeof(*st)), *old;
	struct align_node *rs = align_seq();
	int rc = st && rs ? 0 : align_err_nomem(e);

	if (rc == 0)
		rc = read_file(c, &st->session, rs, e);
	if (rc == 0 && st->session)
		rc = align_view(&st->sv, st->session, e);
	if (rc == 0)
		rc = roster(st, e);
	if (rc == 0)
		rc = render(c, st, rs, e);
	align_node_free(rs);
	if (rc < 0) {
		state_free(st);
		return -1;
	}
	align_buf_add(live, st->live.p ? st->live.p : "", st->live.len);
	pthread_rwlock_wrlock(&c->rw);
	old = c->st;
	c->st = st;
	pthread_rwlock_unlock(&c->rw);
	state_free(old);
	return 0;
}

struct align_serve_capture *
align_serve_capture_new(const struct align_serve_capture_opts *o,
    struct align_err *e)
{
	struct align_serve_capture *c = calloc(1, sizeof(*c));

	if (c == NULL || (c->st = calloc(1, sizeof(*c->st))) == NULL) {
		free(c);
		align_err_nomem(e);
		return NULL;
	}
	c->o = *o;
	pthread_rwlock_init(&c->rw, NULL);
	pthread_mutex_init(&c->wmu, NULL);
	pthread_cond_init(&c->wcv, NULL);
	c->tail = &c->queue;
	c->step.ctx = c;
	c->step.accepts = accepts;
	c->step.reload = reload;
	c->step.form = capture_form;
	c->step.post = capture_post;
	c->step.board = capture_board;
	return c;
}

void
align_serve_capture_free(struct align_serve_capture *c)
{
	if (c == NULL)
		return;
	state_free(c->st);
	align_set_release(&c->ids);
	pthread_rwlock_destroy(&c->rw);
	pthread_mutex_destroy(&c->wmu);
	pthread_cond_destroy(&c->wcv);
	free(c);
}

const struct align_serve_step *
align_serve_capture_step(struct align_serve_capture *c)
{
	return &c->step;
}

unsigned long
align_serve_capture_added(struct align_serve_capture *c)
{
	unsigned long n;

	pthread_mutex_lock(&c->wmu);
	n = c->added;
	pthread_mutex_unlock(&c->wmu);
	return n;
}

/* The group g (waiting records, in order) appended in one append under
 * the file's lock: each record once (not one this server wrote before,
 * nor twice in g).  The writer's alone: no other thread is in the
 * library's file code meanwhile (its list of what to clean up is not for
 * threads). */
static int
append_group(struct align_serve_capture *c, struct capture_wait *g,
    unsigned long *n, struct align_err *e)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_set fresh = ALIGN_SET_INIT;
	struct align_lock_opts lo;
	struct capture_wait *w;
	int rc = 0;

	align_lock_defaults(&lo);
	if (c->o.wait >= 0)
		lo.wait = c->o.wait;
	*n = 0;
	for (w = g; w && rc == 0; w = w->next) {
		size_t k = strlen(w->id);
		int add = align_set_has(&c->ids, w->id, k) ? 0 :
		    align_set_add(&fresh, w->id, k);

		if (add < 0)
			rc = align_err_nomem(e);
		else if (add > 0)
			align_buf_add(&b, w->bytes.p, w->bytes.len);
		*n += add > 0;
	}
	if (rc == 0 && b.failed)
		rc = align_err_nomem(e);
	if (rc == 0 && b.len)
		rc = align_append_file(c->o.path, b.p, b.len, &lo, e);
	for (w = g; w && rc == 0; w = w->next)
		if (align_set_add(&c->ids, w->id, strlen(w->id)) < 0)
			rc = align_err_nomem(e);
	align_set_release(&fresh);
	align_buf_release(&b);
	return rc;
}

/* Become the writer while there is none and something waits: append
 * what waits, say how it went to each, again until the queue is empty.
 * Called and returns with wmu held. */
static void
write_queue(struct align_serve_capture *c)
{
	while (!c->writing && c->queue) {
		struct capture_wait *g = c->queue, *w;
		struct align_err e = ALIGN_ERR_INIT;
		unsigned long n;
		int rc;

		c->queue = NULL;
		c->tail = &c->queue;
		c->writing = 1;
		pthread_mutex_unlock(&c->wmu);
		rc = append_group(c, g, &n, &e);
		pthread_mutex_lock(&c->wmu);
		c->writing = 0;
		c->added += rc == 0 ? n : 0;
		for (w = g; w; w = w->next) {
			w->rc = rc;
			w->e = e;
			w->done = 1;
		}
		pthread_cond_broadcast(&c->wcv);
	}
}

/* The record appended, whole, under the file's lock, synced, before
 * this returns: 0, or -1 and e (nothing of its group was written). */
static int
append(struct align_serve_capture *c, const struct align_node *rec,
    struct align_err *e)
{
	struct capture_wait w;

	memset(&w, 0, sizeof(w));
	w.id = align_record_id(rec);
	align_emit_record(&w.bytes, rec);
	if (w.bytes.failed) {
		align_buf_release(&w.bytes);
		return align_err_nomem(e);
	}
	/* w waits in the queue on this stack until a writer has taken the
	 * whole queue (resetting tail) and set w.done. */
	pthread_mutex_lock(&c->wmu);
	*c->tail = &w;
	/* cppcheck-suppress autoVariables */
	c->tail = &w.next;
	while (!w.done) {
		write_queue(c);
		if (!w.done)
			pthread_cond_wait(&c->wcv, &c->wmu);
	}
	pthread_mutex_unlock(&c->wmu);
	align_buf_release(&w.bytes);
	if (w.rc < 0)
		*e = w.e;
	return w.rc;
}

int
capture_record(struct align_serve_capture *c, const char *who,
    const char *text, struct align_node **rec, struct align_err *e)
{
	struct align_time t;
	char now[40];

	if (align_now(c->o.now, &t, e) < 0)
		return -1;
	align_time_format(&t, now);
	if (align_response_new(who, now, now, NULL, text, c->o.key, NULL,
	    rec, e) < 0)
		return -1;
	if (append(c, *rec, e) < 0) {
		align_node_free(*rec);
		*rec = NULL;
		return -1;
	}
	return 0;
}
