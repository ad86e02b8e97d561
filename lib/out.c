#include <errno.h>
#include <string.h>
#include <sysexits.h>

#include "out.h"
#include "writer.h"

#define FLUSH_AT 65536

int
align_out_open(struct align_out *o, const char *inplace, struct align_err *e)
{
	memset(o, 0, sizeof(*o));
	o->rw.fd = -1;
	if (inplace == NULL) {
		o->fp = stdout;
		o->name = "<stdout>";
		return 0;
	}
	if (align_rewrite_begin(&o->rw, inplace, e) < 0)
		return -1;
	o->fp = o->rw.fp;
	o->name = inplace;
	o->inplace = 1;
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
	if (o->inplace) {
		o->inplace = 0;
		return align_rewrite_commit(&o->rw, e);
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
	if (o->inplace)
		align_rewrite_abort(&o->rw);
	o->inplace = 0;
}
