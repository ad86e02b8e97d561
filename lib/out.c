#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "grow.h"
#include "out.h"
#include "writer.h"

#define FLUSH_AT 65536

int
align_out_open(struct align_out *o, struct align_lock *lk,
    struct align_err *e)
{
	memset(o, 0, sizeof(*o));
	if (lk == NULL) {
		o->fp = stdout;
		o->name = "<stdout>";
		return 0;
	}
	if (align_lock_rewrite(lk, e) < 0) {
		align_lock_release(lk);
		return -1;
	}
	o->fp = lk->fp;
	o->name = lk->name;
	o->lk = lk;
	return 0;
}

static int
flush(struct align_out *o, struct align_err *e)
{
	if (o->buf.failed)
		return align_err_nomem(e);
	if (o->buf.len && fwrite(o->buf.p, 1, o->buf.len, o->fp) !=
	    o->buf.len)
		return align_err_set(e, EX_IOERR, o->name, 0, 0,
		    "write error: %s", strerror(errno));
	if (o->buf.cap > 16 * FLUSH_AT)	/* a large record's room */
		align_buf_release(&o->buf);
	else
		align_buf_reset(&o->buf);
	return 0;
}

/* Where a large record goes while it is written (writer.h's
 * align_emit_record_flushed()): the file, a piece at a time. */
struct piece {
	FILE *fp;
	int failed;		/* a write failed (errno says why) */
};

static int
piece(void *arg, struct align_buf *b)
{
	struct piece *p = arg;

	if (fwrite(b->p, 1, b->len, p->fp) != b->len) {
		p->failed = 1;
		return -1;
	}
	align_buf_reset(b);
	return 0;
}

int
align_out_record(struct align_out *o, const struct align_node *rec,
    struct align_err *e)
{
	return align_out_copy(o, rec, NULL, 0, e);
}

int
align_out_copy(struct align_out *o, const struct align_node *rec,
    const char *bytes, size_t n, struct align_err *e)
{
	struct piece pc = { o->fp, 0 };

	if (bytes)
		return align_out_write(o, bytes, n, e);
	align_emit_record_flushed(&o->buf, rec, FLUSH_AT, piece, &pc);
	if (pc.failed)
		return align_err_set(e, EX_IOERR, o->name, 0, 0,
		    "write error: %s", strerror(errno));
	if (o->buf.len >= FLUSH_AT || o->buf.failed)
		return flush(o, e);
	return 0;
}

int
align_out_write(struct align_out *o, const char *s, size_t n,
    struct align_err *e)
{
	/* A large piece goes as it is, not through the buffer. */
	if (n >= FLUSH_AT) {
		if (flush(o, e) < 0)
			return -1;
		if (fwrite(s, 1, n, o->fp) != n)
			return align_err_set(e, EX_IOERR, o->name, 0, 0,
			    "write error: %s", strerror(errno));
		return 0;
	}
	align_buf_add(&o->buf, s, n);
	if (o->buf.len >= FLUSH_AT || o->buf.failed)
		return flush(o, e);
	return 0;
}

int
align_out_close(struct align_out *o, struct align_err *e)
{
	int rc = flush(o, e);

	align_buf_release(&o->buf);
	if (rc < 0) {
		align_out_abort(o);
		return -1;
	}
	if (o->lk) {
		struct align_lock *lk = o->lk;

		o->lk = NULL;
		return align_lock_commit(lk, e);
	}
	if (fflush(o->fp) != 0 || ferror(o->fp))
		return align_err_set(e, EX_IOERR, o->name, 0, 0,
		    "write error: %s", strerror(errno));
	return 0;
}

void
align_out_abort(struct align_out *o)
{
	align_buf_release(&o->buf);
	if (o->lk)
		align_lock_release(o->lk);
	o->lk = NULL;
}

int
align_spill_open(struct align_spill *s, struct align_err *e)
{
	(void)e;
	memset(s, 0, sizeof(*s));
	s->end = -1;
	return 0;
}

void
align_spill_head(struct align_spill *s, struct align_out *out)
{
	s->head = out;
}

/* The temporary file, made when first needed: 0, or -1 and e. */
static int
spill_file(struct align_spill *s, struct align_err *e)
{
	if (s->fp == NULL && (s->fp = align_temp_stream(e)) == NULL)
		return -1;
	return 0;
}

/* Where the next byte of the spill goes. */
static long
spill_at(const struct align_spill *s)
{
	return s->off + (long)s->buf.len;
}

static int
spill_flush(struct align_spill *s, struct align_err *e)
{
	if (s->buf.failed)
		return align_err_nomem(e);
	if (s->buf.len == 0)
		return 0;
	if (spill_file(s, e) < 0)
		return -1;
	if (fwrite(s->buf.p, 1, s->buf.len, s->fp) != s->buf.len)
		return align_err_set(e, EX_IOERR, NULL, 0, 0,
		    "temporary file: write error: %s", strerror(errno));
	s->off += (long)s->buf.len;
	/* The room a large record took (a session of 333,000 people, a
	 * theme of a million responses) given back, not kept for the run. */
	if (s->buf.cap > 16 * FLUSH_AT)
		align_buf_release(&s->buf);
	else
		align_buf_reset(&s->buf);
	return 0;
}

/* A large record's pieces, as they are written, to the spill's file. */
struct spill_piece {
	struct align_spill *s;
	struct align_err *e;
	int failed;		/* 1: a write failed (errno); 2: e says */
};

static int
spill_piece(void *arg, struct align_buf *b)
{
	struct spill_piece *p = arg;

	if (spill_file(p->s, p->e) < 0) {
		p->failed = 2;
		return -1;
	}
	if (fwrite(b->p, 1, b->len, p->s->fp) != b->len) {
		p->failed = 1;
		return -1;
	}
	p->s->off += (long)b->len;
	align_buf_reset(b);
	return 0;
}

int
align_spill_record(struct align_spill *s, const struct align_node *rec,
    int owned, int keep, struct align_err *e)
{
	return align_spill_copy(s, rec, NULL, 0, owned, keep, e);
}

int
align_spill_copy(struct align_spill *s, const struct align_node *rec,
    const char *bytes, size_t n, int owned, int keep, struct align_err *e)
{
	struct align_spill_part *p;
	struct spill_piece pc = { s, e, 0 };

	if (s->head && s->nowned == 0 && !owned)
		return align_out_copy(s->head, rec, bytes, n, e);
	if (owned) {
		if (ALIGN_GROW(s->owned, s->nowned + 1, s->cap) < 0)
			return align_err_nomem(e);
		p = &s->owned[s->nowned++];
		p->from = p->to = spill_at(s);
		if (!keep)
			return 0;
	}
	if (bytes)
		align_buf_add(&s->buf, bytes, n);
	else
		align_emit_record_flushed(&s->buf, rec, FLUSH_AT, spill_piece,
		    &pc);
	if (pc.failed == 2)
		return -1;
	if (pc.failed)
		return align_err_set(e, EX_IOERR, NULL, 0, 0,
		    "temporary file: write error: %s", strerror(errno));
	if (owned)
		s->owned[s->nowned - 1].to = spill_at(s);
	return s->buf.len >= FLUSH_AT || s->buf.failed ? spill_flush(s, e) : 0;
}

/* Bytes [from, to) of the spill to out. */
static int
copy(struct align_spill *s, struct align_out *out, long from, long to,
    struct align_err *e)
{
	char chunk[65536];

	if (from >= to)
		return 0;
	if (s->fp == NULL)	/* all of it still in memory */
		return align_out_write(out, s->buf.p + from,
		    (size_t)(to - from), e);
	if (fseek(s->fp, from, SEEK_SET) != 0)
		return align_err_set(e, EX_IOERR, NULL, 0, 0,
		    "temporary file: cannot seek");
	while (from < to) {
		size_t want = (size_t)(to - from) < sizeof(chunk) ?
		    (size_t)(to - from) : sizeof(chunk);
		size_t n = fread(chunk, 1, want, s->fp);

		if (n == 0)
			return align_err_set(e, EX_IOERR, NULL, 0, 0,
			    "temporary file: read error");
		if (align_out_write(out, chunk, n, e) < 0)
			return -1;
		from += (long)n;
	}
	return 0;
}

static int
put_new(struct align_out *out, size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx, struct align_err *e)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < n; i++) {
		struct align_node *rec = get(ctx, i, e);

		rc = rec ? align_out_record(out, rec, e) : -1;
		align_node_free(rec);
	}
	return rc;
}

/* The spill flushed, its end known. */
static int
spill_end(struct align_spill *s, struct align_err *e)
{
	if (s->end >= 0)
		return 0;
	if (s->buf.failed)
		return align_err_nomem(e);
	if (s->fp == NULL) {
		s->end = (long)s->buf.len;
		return 0;
	}
	if (spill_flush(s, e) < 0)
		return -1;
	if (fflush(s->fp) != 0)
		return align_err_set(e, EX_IOERR, NULL, 0, 0,
		    "temporary file: write error");
	s->end = s->off;
	return 0;
}

int
align_spill_edit(struct align_spill *s, struct align_out *out,
    const struct align_node *(*edit)(void *, size_t), size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx, struct align_err *e)
{
	const struct align_node *rec;
	long at = 0;
	size_t k;

	if (spill_end(s, e) < 0)
		return -1;
	for (k = 0; k < s->nowned; k++) {
		if ((rec = edit(ctx, k)) == NULL)
			continue;	/* its bytes are copied with the rest */
		if (copy(s, out, at, s->owned[k].from, e) < 0 ||
		    align_out_record(out, rec, e) < 0)
			return -1;
		at = s->owned[k].to;
	}
	if (copy(s, out, at, s->end, e) < 0)
		return -1;
	return put_new(out, n, get, ctx, e);
}

int
align_spill_write(struct align_spill *s, struct align_out *out, long which,
    int lead, size_t n,
    struct align_node *(*get)(void *, size_t, struct align_err *),
    void *ctx, struct align_err *e)
{
	long at = 0;
	size_t i;

	if (spill_end(s, e) < 0)
		return -1;
	if (which >= 0 && (size_t)which >= s->nowned)
		which = ALIGN_SPILL_NONE;
	if (which == ALIGN_SPILL_NONE || s->nowned == 0) {
		/* Nothing replaced: the new ones first or last. */
		if (lead && s->head && n > 0)
			return align_err_set(e, EX_SOFTWARE, out->name, 0, 0,
			    "internal error: new records cannot lead a "
			    "stream already written");
		if (lead && put_new(out, n, get, ctx, e) < 0)
			return -1;
		if (copy(s, out, 0, s->end, e) < 0)
			return -1;
		return lead ? 0 : put_new(out, n, get, ctx, e);
	}
	if (which >= 0) {
		const struct align_spill_part *p = &s->owned[which];

		if (copy(s, out, 0, p->from, e) < 0 ||
		    put_new(out, n, get, ctx, e) < 0)
			return -1;
		return copy(s, out, p->to, s->end, e);
	}
	/* All of them: the new where the first stood, the others gone. */
	for (i = 0; i < s->nowned; i++) {
		if (copy(s, out, at, s->owned[i].from, e) < 0)
			return -1;
		if (i == 0 && put_new(out, n, get, ctx, e) < 0)
			return -1;
		at = s->owned[i].to;
	}
	return copy(s, out, at, s->end, e);
}

void
align_spill_close(struct align_spill *s)
{
	if (s->fp)
		fclose(s->fp);
	align_buf_release(&s->buf);
	free(s->owned);
	memset(s, 0, sizeof(*s));
}
