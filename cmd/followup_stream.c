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
#include "../lib/reader.h"
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
 * is to keep its zone (one that keeps a zone already, and no --tz,
 * stays as it is: what follows it is then written as it is read, not
 * kept aside and copied, a survey's stream written once). */
int
followup_owns(void *ctx, const struct align_node *rec)
{
	const struct kept *kp = ctx;
	enum align_kind k = align_kind_of(align_record_kind(rec));

	if (k == ALIGN_KIND_SESSION)
		return kp->tz != NULL || align_map_get(rec, "tz") == NULL;
	return k == ALIGN_KIND_FOLLOWUP;
}

/* The lists step 8 reads packed (node.h) when it keeps them apart: the
 * session's participants, a round's pairs. */
static const struct align_pack packed[] = {
	{ "session", "participants", 0 },
	{ "followup", "pairs", 1 },
};

/* A copy of rec, key by key, the value of entry i what value() gives
 * (the copy's to free; NULL when out of memory). */
static struct align_node *
map_copy(const struct align_node *rec, struct align_node *(*value)(
    const struct align_node *, size_t, const void *), const void *arg)
{
	struct align_node *c = align_map();
	size_t i;

	for (i = 0; c && i < rec->n; i++) {
		int rc = align_map_append(c, strdup(rec->key[i]),
		    value(rec, i, arg));

		if (rc == 0 && align_map_key_raw(rec, i))
			rc = align_map_set_key_raw(c, c->n - 1);
		if (rc < 0) {
			align_node_free(c);
			c = NULL;
		}
	}
	if (c) {
		c->line = rec->line;
		c->col = rec->col;
	}
	return c;
}

static struct align_node *
own_but(const struct align_node *rec, size_t i, const void *key)
{
	return rec->item[i] == key ? align_seq() :
	    align_node_copy(rec->item[i]);
}

/* A copy of rec whose entries are its own (not the pool's), but for key,
 * an empty list in its place. */
static struct align_node *
copy_but(const struct align_node *rec, const struct align_node *key)
{
	return map_copy(rec, own_but, key);
}

/* A survey's session lists everyone: its participants kept apart in k as
 * one block of text, the rest of it copied, and the reader's pool let go
 * (the list as nodes was a quarter of a plan's memory at a million).
 * Only when every entry is text, so that the list put back is the list
 * read.  Read packed, the block is the packed list's, in its pool, which
 * is kept then (2), not copied.  1 or 2 with *out, 0 when not so, -1 when
 * out of memory. */
static int
apart(struct kept *k, const struct align_node *rec, struct align_node **out)
{
	const struct align_node *p = align_map_get(rec, "participants");
	struct align_node *c;
	size_t i, len = 0;
	char *at;

	if (p && p->type == ALIGN_TEXTS && p->kraw == NULL) {
		len = p->len;
	} else if (p == NULL || p->type != ALIGN_SEQ) {
		return 0;
	} else {
		for (i = 0; i < p->n; i++) {
			if (p->item[i]->type != ALIGN_SCALAR ||
			    p->item[i]->raw ||
			    strlen(p->item[i]->str) != p->item[i]->len)
				return 0;
			len += p->item[i]->len + 1;
		}
	}
	if ((c = copy_but(rec, p)) == NULL)
		return -1;
	if (p->type == ALIGN_TEXTS && p->pooled) {
		k->names = p->str;
		k->names_lent = 1;
		k->nname = p->n;
		*out = c;
		return 2;
	}
	if ((k->names = malloc(len + 1)) == NULL) {
		align_node_free(c);
		return -1;
	}
	if (p->type == ALIGN_TEXTS) {
		memcpy(k->names, p->str, len);
		k->nname = p->n;
	}
	for (at = k->names, i = 0; p->type == ALIGN_SEQ && i < p->n; i++) {
		memcpy(at, p->item[i]->str, p->item[i]->len + 1);
		k->nname++;
		at += p->item[i]->len + 1;
	}
	*out = c;
	return 1;
}

/* The groups of a round's pairs, when each is a list of one to 255
 * names, all text (so that the list put back is the list read): the
 * bytes of the names into *len; 0 when not so. */
static int
pairs_text(const struct align_node *p, size_t *len)
{
	size_t i, j;

	*len = 0;
	if (p == NULL || p->type != ALIGN_SEQ || p->n == 0)
		return 0;
	for (i = 0; i < p->n; i++) {
		const struct align_node *g = p->item[i];

		if (g->type != ALIGN_SEQ || g->n == 0 || g->n > 255)
			return 0;
		for (j = 0; j < g->n; j++) {
			const struct align_node *x = g->item[j];

			if (x->type != ALIGN_SCALAR || x->raw ||
			    strlen(x->str) != x->len)
				return 0;
			*len += x->len + 1;
		}
	}
	return 1;
}

/* A round's pairs kept apart in k (struct kept_pairs), the rest of it
 * copied, and the reader's pool let go; read packed, the packed list's
 * texts and counts, in their pool, kept (2).  1 or 2 with *out, 0 when
 * not so, -1 when out of memory. */
static int
pairs_apart(struct kept *k, const struct align_node *rec,
    struct align_node **out)
{
	const struct align_node *p = align_map_get(rec, "pairs");
	struct kept_pairs *kp;
	size_t i, j, len;
	char *at;

	if (p && p->type == ALIGN_TEXTS && p->kraw)
		len = p->len;
	else if (!pairs_text(p, &len))
		return 0;
	if (ALIGN_GROW(k->pairs, k->npairs + 1, k->cappairs) < 0)
		return -1;
	kp = &k->pairs[k->npairs];
	memset(kp, 0, sizeof(*kp));
	kp->at = k->recs->n;
	if (p->type == ALIGN_TEXTS && p->pooled) {
		if ((*out = copy_but(rec, p)) == NULL)
			return -1;
		kp->text = p->str;
		kp->size = p->kraw;
		kp->ngroup = p->n;
		kp->nname = p->cap;
		kp->lent = 1;
		k->npairs++;
		return 2;
	}
	if ((kp->text = malloc(len + 1)) == NULL ||
	    (kp->size = malloc(p->n)) == NULL ||
	    (*out = copy_but(rec, p)) == NULL) {
		free(kp->text);
		free(kp->size);
		return -1;
	}
	k->npairs++;
	if (p->type == ALIGN_TEXTS) {
		memcpy(kp->text, p->str, len);
		memcpy(kp->size, p->kraw, p->n);
		kp->ngroup = p->n;
		kp->nname = p->cap;
		return 1;
	}
	for (at = kp->text, i = 0; i < p->n; i++) {
		const struct align_node *g = p->item[i];

		kp->size[kp->ngroup++] = (unsigned char)g->n;
		for (j = 0; j < g->n; j++) {
			memcpy(at, g->item[j]->str, g->item[j]->len + 1);
			at += g->item[j]->len + 1;
			kp->nname++;
		}
	}
	return 1;
}

/* 1 when an entry of rec is a packed list (node.h). */
static int
has_packed(const struct align_node *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (rec->item[i]->type == ALIGN_TEXTS)
			return 1;
	return 0;
}

/* A record step 8 looks at kept, not copied (tool.h): a survey's session
 * and its rounds list everyone.  The session's top is made anew (sharing
 * the rest), for plan writes its zone into it.  What holds a packed list
 * and is not kept apart is copied, the list made nodes. */
static int
take(void *ctx, const struct align_node *rec, struct align_err *e)
{
	struct kept *k = ctx;
	struct align_node *copy;
	int session, first, kept, pool;

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
	if (((first && k->apart && (kept = apart(k, rec, &copy)) != 0)) ||
	    (k->apart && align_kind_of(align_record_kind(rec)) ==
	    ALIGN_KIND_FOLLOWUP && (kept = pairs_apart(k, rec,
	    &copy)) != 0)) {
		if (kept < 0 || align_seq_push(k->recs, copy) < 0)
			return align_err_nomem(e);
		return kept == 2 ? 2 : 0;	/* 2: its pool kept */
	}
	pool = rec->pooled && !has_packed(rec);
	copy = !pool ? align_node_copy(rec) : session ?
	    align_node_copy_top(rec) : (struct align_node *)rec;
	if (copy == NULL || align_seq_push(k->recs, copy) < 0)
		return align_err_nomem(e);
	return pool ? 2 : 0;
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
	k->same_at = -1;
	k->apart = c->apart;
	k->tz = c->tz;
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
	if (k->apart) {
		st->pack = packed;
		st->npack = sizeof(packed) / sizeof(packed[0]);
	}
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
	if (!k->names_lent)
		free(k->names);
	while (k->npairs > 0) {
		struct kept_pairs *kp = &k->pairs[--k->npairs];

		if (!kp->lent) {
			free(kp->text);
			free(kp->size);
		}
	}
	free(k->pairs);
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
		return at == k->same_at ? NULL : k->p->rec;
	if (k->round && at == k->round_at)
		return k->round;
	if (k->p && k->p->tz && at == k->session)
		return k->recs->item[at];
	return NULL;
}

static struct align_node *
pooled_or_copy(const struct align_node *rec, size_t i, const void *arg)
{
	(void)arg;
	return rec->item[i]->pooled ? rec->item[i] :
	    align_node_copy(rec->item[i]);
}

/* A copy of rec that shares its pooled entries (a new round's pairs,
 * pairs.h), the rest copied: what align_node_free() gives back. */
static struct align_node *
shared(const struct align_node *rec)
{
	return map_copy(rec, pooled_or_copy, NULL);
}

/* The new records at the end: a new round, or the check-ins. */
struct align_node *
followup_added(void *ctx, size_t i, struct align_err *e)
{
	const struct kept *k = ctx;
	struct align_node *rec = k->p ? shared(k->p->rec) :
	    align_node_copy(k->fresh[i]);

	if (rec == NULL)
		align_err_nomem(e);
	return rec;
}

static const struct kept_pairs *
pairs_of(const struct kept *k, size_t at)
{
	size_t i;

	for (i = 0; i < k->npairs; i++)
		if (k->pairs[i].at == at)
			return &k->pairs[i];
	return NULL;
}

int
followup_pairs_apart(const struct kept *k, size_t at)
{
	return pairs_of(k, at) != NULL;
}

/* The view g of the pairs kept apart in kp, as record.c makes one: the
 * groups' texts in one array, whose start the slot after the last group
 * keeps (what align_view_release() frees). */
static int
pairs_view(const struct kept_pairs *kp, struct align_groups *g)
{
	struct align_groups v;
	const char **all, *at = kp->text;
	size_t i, j;

	if ((v.v = calloc(kp->ngroup + 1, sizeof(*v.v))) == NULL ||
	    (all = malloc(kp->nname * sizeof(*all) + 1)) == NULL) {
		free(v.v);
		return -1;
	}
	v.v[kp->ngroup].v = all;
	for (i = 0; i < kp->ngroup; i++) {
		v.v[i].v = all;
		v.v[i].n = kp->size[i];
		for (j = 0; j < kp->size[i]; j++) {
			*all++ = at;
			at += strlen(at) + 1;
		}
	}
	v.n = kp->ngroup;
	if (g->v)
		free(g->v[g->n].v);
	free(g->v);
	*g = v;
	return 0;
}

/* The pairs kept apart back in the views of their rounds. */
static int
pairs_views(struct align_rounds *rs, const struct kept *k)
{
	const struct kept_pairs *kp;
	size_t i;

	for (i = 0; i < rs->nround; i++)
		if ((kp = pairs_of(k, rs->round[i].at)) != NULL &&
		    pairs_view(kp, &rs->round[i].v.u.followup.pairs) < 0)
			return -1;
	return 0;
}

int
followup_pairs_whole(const struct kept *k, size_t at, struct align_node *rec,
    int as_text, struct align_err *e)
{
	const struct kept_pairs *kp = pairs_of(k, at);
	const char *name[255], *s;
	struct align_node *l;
	size_t i, j;

	if (kp == NULL)
		return 0;
	if (as_text) {
		/* A copy of the text, not a node a name: a revised round of
		 * everyone (166,667 pairs) is 7 MB so, 40 as nodes. */
		for (s = kp->text, i = 0; i < kp->nname; i++)
			s += strlen(s) + 1;
		l = align_texts_new(NULL, kp->text, (size_t)(s - kp->text),
		    kp->nname, kp->size, kp->ngroup);
		if (l == NULL)
			return align_err_nomem(e);
		return align_map_put(rec, "pairs", l) < 0 ?
		    align_err_nomem(e) : 0;
	}
	if ((l = align_seq()) == NULL)
		return align_err_nomem(e);
	for (s = kp->text, i = 0; i < kp->ngroup; i++) {
		for (j = 0; j < kp->size[i]; j++) {
			name[j] = s;
			s += strlen(s) + 1;
		}
		if (align_seq_push(l, align_seq_strs(name, kp->size[i])) < 0) {
			align_node_free(l);
			return align_err_nomem(e);
		}
	}
	return align_map_put(rec, "pairs", l) < 0 ? align_err_nomem(e) : 0;
}

/* The session's participants kept apart, each into k->names (the caller
 * frees the list), or NULL when out of memory. */
static const char **
names_of(const struct kept *k)
{
	const char **v = malloc((k->nname + 1) * sizeof(*v)), *at = k->names;
	size_t i;

	for (i = 0; v && i < k->nname; i++) {
		v[i] = at;
		at += strlen(at) + 1;
	}
	return v;
}

/* The session's view with the participants kept apart: 0, or -1 and e. */
static int
participants(struct align_rounds *rs, const struct kept *k,
    struct align_err *e)
{
	const char **v;
	int rc;

	if (k->names == NULL || rs->session == NULL)
		return 0;
	if ((v = names_of(k)) == NULL)
		return align_err_nomem(e);
	rc = align_view_set_participants(&rs->session_view, v, k->nname, e);
	free(v);
	return rc;
}

/* The records read, as the views of step 8; with zoned, in the step's
 * zone (--tz, the session's, the system's). */
void
followup_rounds(struct align_rounds *rs, const struct kept *k,
    const struct cli *c, int zoned)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (align_rounds_read(rs, k->recs, &e) < 0 ||
	    participants(rs, k, &e) < 0 || (pairs_views(rs, k) < 0 &&
	    align_err_nomem(&e) < 0) ||
	    (zoned && align_rounds_zone(rs, c->tz, &e) < 0))
		tool_die_in(&e, c->path);
	rs->add_people = c->add_people;
}

int
followup_session_whole(struct kept *k, struct align_err *e)
{
	struct align_node *s;
	const char **v;
	int rc;

	if (k->names == NULL || k->session < 0)
		return 0;
	s = k->recs->item[k->session];
	if ((v = names_of(k)) == NULL)
		return align_err_nomem(e);
	rc = align_map_put(s, "participants", align_seq_strs(v, k->nname));
	free(v);
	return rc < 0 ? align_err_nomem(e) : 0;
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
