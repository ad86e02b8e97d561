/* Step 7 served: what was read of the session file, and the posts that
 * change it, each a read, a run of the distiller and a rewrite under the
 * file's lock.  The pages are in serve_distill_html.c. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "file.h"
#include "out.h"
#include "principles.h"
#include "reader.h"
#include "roster.h"
#include "serve_distill_int.h"
#include "serve_html.h"
#include "serve_name.h"

static void
state_free(struct distill_state *st)
{
	if (st == NULL)
		return;
	align_view_release(&st->sv);
	align_node_free(st->session);
	align_distiller_free(st->d);
	align_roster_free(st->names);
	align_buf_release(&st->live);
	free(st);
}

/* The file's records into d (none when there is no file yet); with a
 * spill, the records that are not principles there, the first principle
 * marking where they go; with session, a copy of the session record. */
static int
read_into(const char *path, struct align_distiller *d,
    struct align_spill *spill, struct align_node **session,
    struct align_err *e)
{
	struct align_reader *r;
	struct align_node *rec;
	char *p[1];
	int rc;

	if ((rc = align_file_check(path, e)) <= 0)
		return rc;
	p[0] = (char *)path;
	if ((r = align_reader_open(p, 1, NULL, e)) == NULL)
		return -1;
	while ((rc = align_reader_next(r, &rec, e)) > 0) {
		enum align_kind k = align_kind_of(align_record_kind(rec));

		if (align_reader_plain(r))
			rc = align_err_set(e, EX_DATAERR, path, 1, 1,
			    "expected a session stream, not plain text");
		else
			rc = align_distiller_add(d, rec, e);
		if (rc == 0 && spill)
			rc = align_spill_record(spill, rec,
			    k == ALIGN_KIND_PRINCIPLE, 0, e);
		if (rc == 0 && session && k == ALIGN_KIND_SESSION && !*session)
			*session = rec, rec = NULL;
		align_node_free(rec);
		if (rc < 0)
			break;
	}
	align_reader_free(r);
	return rc < 0 ? -1 : 0;
}

/* The whiteboard's main as HTML, into st->live. */
static int
render(struct align_serve_distill *c, struct distill_state *st,
    struct align_err *e)
{
	struct align_principles v;
	struct align_show s = { .b = &st->live, .format = ALIGN_FMT_HTML,
	    .tool = c->o.tool };

	if (align_principles_make(&v, st->d, e) < 0)
		return -1;
	align_principles_html_main(&v, &s);
	align_principles_release(&v);
	return st->live.failed ? align_err_nomem(e) : 0;
}

/* The roster of the people of st->d, the posts' names resolved against
 * it. */
static int
people(struct distill_state *st, struct align_err *e)
{
	const char *const *list;
	size_t n;

	list = align_distiller_people(st->d, &n);
	st->names = align_serve_roster(list, n);
	return st->names ? 0 : align_err_nomem(e);
}

/* The watcher's: read the file, run the distiller, make the whiteboard,
 * put it in place. */
static int
reload(void *ctx, struct align_buf *live, struct align_err *e)
{
	struct align_serve_distill *c = ctx;
	struct distill_state *st = calloc(1, sizeof(*st)), *old;
	int rc = st ? 0 : align_err_nomem(e);

	if (rc == 0 && (st->d = align_distiller_new(&c->o.distill, e)) ==
	    NULL)
		rc = -1;
	if (rc == 0)
		rc = read_into(c->o.path, st->d, NULL, &st->session, e);
	if (rc == 0 && st->session)
		rc = align_view(&st->sv, st->session, e);
	if (rc == 0)
		rc = align_distiller_run(st->d, e);
	if (rc == 0)
		rc = people(st, e);
	if (rc == 0)
		rc = render(c, st, e);
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

/* The options of one change: the server's, with this person's agreement
 * or objection (a vote is cast as a ballot). */
static void
change_opts(const struct distill_change *ch, struct align_distill_opts *o,
    const char **one, const char **why, char **spec)
{
	*spec = NULL;
	if (ch->action == DISTILL_AGREE) {
		one[0] = ch->who;
		o->agree = one;
		o->nagree = 1;
	} else if (ch->action == DISTILL_OBJECT &&
	    (*spec = malloc(strlen(ch->who) + strlen(ch->principle) + 2))) {
		strcpy(*spec, ch->who);
		strcat(*spec, ":");
		strcat(*spec, ch->principle);
		one[0] = *spec;
		why[0] = ch->reason;
		o->object = one;
		o->reason = why;
		o->nobject = 1;
	}
}

/* A usage error of the distiller's (a ballot or an objection that does
 * not hold now): said to the person, without the option's name. */
static int
refused(struct align_buf *why, const struct align_err *e)
{
	const char *m = e->msg;

	if (strncmp(m, "--vote: ", 8) == 0)
		m += 8;
	align_buf_puts(why, m);
	return 400;
}

static struct align_node *
principle_at(void *ctx, size_t i, struct align_err *e)
{
	return align_distiller_record(ctx, i, e);
}

/* d's records where the old principles were, the rest as they came. */
static int
rewrite(struct align_lock *lk, struct align_spill *sp,
    struct align_distiller *d, struct align_err *e)
{
	struct align_out out;

	if (align_out_open(&out, lk, e) < 0)
		return -1;
	if (align_spill_write(sp, &out, ALIGN_SPILL_ALL, 0,
	    align_distiller_count(d), principle_at, d, e) < 0 ||
	    align_out_close(&out, e) < 0) {
		align_out_abort(&out);
		return -1;
	}
	return 0;
}

/* Under the lock: read, change, run, rewrite; or refuse. */
static int
locked(struct align_serve_distill *c, const struct distill_change *ch,
    struct align_lock *lk, struct align_buf *why, struct align_err *e)
{
	struct align_distill_opts o = c->o.distill;
	struct align_spill sp;
	struct align_distiller *d;
	const char *one[1], *reason[1];
	char *spec;
	int rc;

	change_opts(ch, &o, one, reason, &spec);
	if (ch->action == DISTILL_OBJECT && spec == NULL)
		return align_err_nomem(e);
	if ((d = align_distiller_new(&o, e)) == NULL) {
		free(spec);
		return -1;
	}
	rc = align_spill_open(&sp, e);
	if (rc == 0)
		rc = read_into(c->o.path, d, &sp, NULL, e);
	if (rc == 0 && ch->action == DISTILL_VOTE)
		rc = align_distiller_ballot(d, ch->ballot, NULL, 0, 1, e);
	if (rc == 0)
		rc = align_distiller_run(d, e);
	if (rc < 0 && e->status == EX_USAGE)
		rc = refused(why, e);
	if (rc == 0 && (rc = rewrite(lk, &sp, d, e)) == 0)
		c->changes++;
	align_spill_close(&sp);
	align_distiller_free(d);
	free(spec);
	return rc;
}

int
distill_apply(struct align_serve_distill *c, const struct distill_change *ch,
    struct align_buf *why, struct align_err *e)
{
	struct align_lock_opts lo;
	struct align_lock lk;
	int rc;

	align_lock_defaults(&lo);
	if (c->o.wait >= 0)
		lo.wait = c->o.wait;
	/* One rewrite of this process at a time: the library's list of what
	 * to clean up is not for threads. */
	pthread_mutex_lock(&c->wmu);
	rc = align_lock_acquire(&lk, c->o.path, &lo, e);
	if (rc == 0)
		rc = locked(c, ch, &lk, why, e);
	align_lock_release(&lk);	/* (released already if committed) */
	pthread_mutex_unlock(&c->wmu);
	return rc;
}

struct align_serve_distill *
align_serve_distill_new(const struct align_serve_distill_opts *o,
    struct align_err *e)
{
	struct align_serve_distill *c = calloc(1, sizeof(*c));

	if (c == NULL || (c->st = calloc(1, sizeof(*c->st))) == NULL) {
		free(c);
		align_err_nomem(e);
		return NULL;
	}
	c->o = *o;
	pthread_rwlock_init(&c->rw, NULL);
	pthread_mutex_init(&c->wmu, NULL);
	c->step.ctx = c;
	c->step.accepts = distill_accepts;
	c->step.reload = reload;
	c->step.form = distill_form;
	c->step.post = distill_post;
	c->step.board = distill_board;
	return c;
}

void
align_serve_distill_free(struct align_serve_distill *c)
{
	if (c == NULL)
		return;
	state_free(c->st);
	pthread_rwlock_destroy(&c->rw);
	pthread_mutex_destroy(&c->wmu);
	free(c);
}

const struct align_serve_step *
align_serve_distill_step(struct align_serve_distill *c)
{
	return &c->step;
}

unsigned long
align_serve_distill_changes(struct align_serve_distill *c)
{
	unsigned long n;

	pthread_mutex_lock(&c->wmu);
	n = c->changes;
	pthread_mutex_unlock(&c->wmu);
	return n;
}
