#include <errno.h>
#include <string.h>
#include <sysexits.h>

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
	align_buf_reset(&o->buf);
	return 0;
}

int
align_out_record(struct align_out *o, const struct align_node *rec,
    struct align_err *e)
{
	align_emit_record(&o->buf, rec);
	if (o->buf.len >= FLUSH_AT || o->buf.failed)
		return flush(o, e);
	return 0;
}

int
align_out_write(struct align_out *o, const char *s, size_t n,
    struct align_err *e)
{
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
	memset(s, 0, sizeof(*s));
	s->at = -1;
	s->end = -1;
	if ((s->fp = align_temp_stream(e)) == NULL)
		return -1;
	return 0;
}

static int
spill_flush(struct align_spill *s, struct align_err *e)
{
	if (s->buf.failed)
		return align_err_nomem(e);
	if (s->buf.len && fwrite(s->buf.p, 1, s->buf.len, s->fp) !=
	    s->buf.len)
		return align_err_set(e, EX_IOERR, NULL, 0, 0,
		    "temporary file: write error: %s", strerror(errno));
	align_buf_reset(&s->buf);
	return 0;
}

int
align_spill_record(struct align_spill *s, const struct align_node *rec,
    struct align_err *e)
{
	align_emit_record(&s->buf, rec);
	return s->buf.len >= FLUSH_AT || s->buf.failed ? spill_flush(s, e) : 0;
}

void
align_spill_mark(struct align_spill *s)
{
	if (s->at < 0)
		s->at = ftell(s->fp) + (long)s->buf.len;
}

int
align_spill_copy(struct align_spill *s, struct align_out *out, int part,
    struct align_err *e)
{
	char chunk[65536];
	long from, to;

	if (s->end < 0) {
		if (spill_flush(s, e) < 0 || fflush(s->fp) != 0)
			return align_err_set(e, EX_IOERR, NULL, 0, 0,
			    "temporary file: write error");
		s->end = ftell(s->fp);
		if (s->at < 0)
			s->at = s->end;
	}
	from = part ? s->at : 0;
	to = part ? s->end : s->at;
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

void
align_spill_close(struct align_spill *s)
{
	if (s->fp)
		fclose(s->fp);
	align_buf_release(&s->buf);
	memset(s, 0, sizeof(*s));
}
