/*
 * followup_stream.c - the stream align-followup keeps: the records step 8
 * looks at, read (and locked) once, and given back to the stream pipeline
 * as they were, as a command changed them, or new at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/grow.h"
#include "../lib/file.h"
#include "../lib/round.h"
#include "../lib/writer.h"
#include "followup.h"

/* The records step 8 looks at; the others pass through. */
static int
wanted(const struct align_node *rec)
{
	switch (align_kind_of(align_record_kind(rec))) {
	case ALIGN_KIND_SESSION: case ALIGN_KIND_PRINCIPLE:
	case ALIGN_KIND_FOLLOWUP: case ALIGN_KIND_CHECKIN:
	case ALIGN_KIND_REMINDER: case ALIGN_KIND_REVIEW:
		return 1;
	default:
		return 0;
	}
}

/* The records plan may rewrite: a round it revises, the session that
 * keeps its zone. */
int
followup_owns(void *ctx, const struct align_node *rec)
{
	enum align_kind k = align_kind_of(align_record_kind(rec));

	(void)ctx;
	return k == ALIGN_KIND_SESSION || k == ALIGN_KIND_FOLLOWUP;
}

/* A survey's session lists everyone: its participants kept apart in k as
 * one block of text, the rest of it copied, and the reader's pool let go
 * (the list as nodes was a quarter of a plan's memory at a million).
 * Only when every entry is text, so that the list put back is the list
 * read.  1 with *out, 0 when not so, -1 when out of memory. */
static int
apart(struct kept *k, const struct align_node *rec, struct align_node **out)
{
	const struct align_node *p = align_map_get(rec, "participants");
	struct align_node *c;
	size_t i, len = 0;
	char *at;

	if (p == NULL || p->type != ALIGN_SEQ)
		return 0;
	for (i = 0; i < p->n; i++) {
		if (p->item[i]->type != ALIGN_SCALAR || p->item[i]->raw ||
		    strlen(p->item[i]->str) != p->item[i]->len)
			return 0;
		len += p->item[i]->len + 1;
	}
	if ((c = align_node_copy_top(rec)) == NULL)
		return -1;
	/* What is not yet replaced is the pool's: align_node_free()
	 * leaves it. */
	for (i = 0; i < c->n; i++)
		if ((c->item[i] = c->item[i] == p ? align_seq() :
		    align_node_copy(c->item[i])) == NULL) {
			align_node_free(c);
			return -1;
		}
	if ((k->names = malloc(len + 1)) == NULL || (k->name =
	    malloc((p->n + 1) * sizeof(*k->name))) == NULL) {
		align_node_free(c);
		return -1;
	}
	for (at = k->names, i = 0; i < p->n; i++) {
		memcpy(at, p->item[i]->str, p->item[i]->len + 1);
		k->name[k->nname++] = at;
		at += p->item[i]->len + 1;
	}
	*out = c;
	return 1;
}

/* A record step 8 looks at kept, not copied (tool.h): a survey's session
 * and its rounds list everyone.  The session's top is made anew (sharing
 * the rest), for plan writes its zone into it. */
static int
take(void *ctx, const struct align_node *rec, struct align_err *e)
{
	struct kept *k = ctx;
	struct align_node *copy;
	int session, first, kept;

	if (!wanted(rec))
		return 0;
	session = align_kind_of(align_record_kind(rec)) == ALIGN_KIND_SESSION;
	if (followup_owns(k, rec)) {
		if (ALIGN_GROW(k->owned, k->nowned + 1, k->cap) < 0)
			return align_err_nomem(e);
		k->owned[k->nowned++] = k->recs->n;
	}
	first = k->session < 0 && session;
	if (first)
		k->session = (long)k->recs->n;
	/* A pooled record is kept with its pool (2), else copied (the
	 * reader frees it).  align_seq_push() frees copy when it fails, and
	 * leaves what is pooled to its pool. */
	if (first && rec->pooled && k->apart && (kept = apart(k, rec,
	    &copy)) != 0) {
		if (kept < 0 || align_seq_push(k->recs, copy) < 0)
			return align_err_nomem(e);
		return 0;
	}
	copy = !rec->pooled ? align_node_copy(rec) : session ?
	    align_node_copy_top(rec) : (struct align_node *)rec;
	if (copy == NULL || align_seq_push(k->recs, copy) < 0)
		return align_err_nomem(e);
	return rec->pooled ? 2 : 0;
}

/* The stream: -i FILE (locked first, until written), -a FILE, or the
 * operands (standard input when none), into k; kept aside to be written
 * again when out. */
void
followup_input(struct cli *c, struct tool_stream *st, struct kept *k,
    int argc, char **argv, int out)
{
	struct align_err e = ALIGN_ERR_INIT;
	int rc = 1;

	if ((c->inplace || c->append) && argc > 0)
		tool_usage_error("-i and -a take no file operands");
	memset(k, 0, sizeof(*k));
	k->session = -1;
	k->apart = c->apart;
	if ((k->recs = align_seq()) == NULL)
		tool_die((align_err_nomem(&e), &e));
	c->path = c->append ? c->append : c->inplace ? c->inplace :
	    argc == 0 ? "-" : argc == 1 ? argv[0] : NULL;
	st->paths = c->append ? (char **)&c->append : argv;
	st->npaths = c->append ? 1 : (size_t)argc;
	st->inplace = c->inplace;
	st->out = out;
	st->take = take;
	st->ctx = k;
	/* A FIFO or a directory is refused, never waited on; -a may make
	 * its file. */
	if (c->append && (rc = align_file_check(c->append, &e)) < 0)
		tool_die(&e);
	if (c->append && rc == 0)
		st->fresh = 1;
	tool_stream_read(st);
	k->st = st;
	k->private = tool_private(align_session_of(k->recs));
}

void
followup_kept_release(struct kept *k)
{
	align_node_free(k->recs);
	free(k->owned);
	free(k->names);
	free(k->name);
	if (k->st)
		tool_stream_release(k->st);
}

/* The record that replaces the k-th owned one, or NULL: as it was. */
const struct align_node *
followup_edit(void *ctx, size_t i)
{
	const struct kept *k = ctx;
	long at = (long)k->owned[i];

	if (k->p && k->p->rec && at == k->p->at)
		return k->p->rec;
	if (k->round && at == k->round_at)
		return k->round;
	if (k->p && k->p->tz && at == k->session)
		return k->recs->item[at];
	return NULL;
}

/* The new records at the end: a new round, or the check-ins. */
struct align_node *
followup_added(void *ctx, size_t i, struct align_err *e)
{
	const struct kept *k = ctx;
	struct align_node *rec = align_node_copy(k->p ? k->p->rec :
	    k->fresh[i]);

	if (rec == NULL)
		align_err_nomem(e);
	return rec;
}

/* The records read, as the views of step 8; with zoned, in the step's
 * zone (--tz, the session's, the system's). */
void
followup_rounds(struct align_rounds *rs, const struct kept *k,
    const struct cli *c, int zoned)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (align_rounds_read(rs, k->recs, &e) < 0 || (k->names &&
	    rs->session && align_view_set_participants(&rs->session_view,
	    k->name, k->nname, &e) < 0) ||
	    (zoned && align_rounds_zone(rs, c->tz, &e) < 0))
		tool_die_in(&e, c->path);
	rs->add_people = c->add_people;
}

int
followup_session_whole(struct kept *k, struct align_err *e)
{
	struct align_node *s;

	if (k->names == NULL || k->session < 0)
		return 0;
	s = k->recs->item[k->session];
	if (align_map_put(s, "participants", align_seq_strs(k->name,
	    k->nname)) < 0)
		return align_err_nomem(e);
	return 0;
}

/* A private session's file: mode 0600 after every write (tool.h). */
void
followup_private_file(const struct cli *c, const struct kept *k,
    const char *path)
{
	tool_private_file(k->private, path, c->git_ok, "say --git-ok");
}

void
followup_append(const struct cli *c, const struct kept *k,
    struct align_node *const *v, size_t n)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		align_emit_record(&b, v[i]);
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	if (align_append_file(c->append, b.p, b.len, NULL, &e) < 0)
		tool_die(&e);
	align_buf_release(&b);
	followup_private_file(c, k, c->append);
}
