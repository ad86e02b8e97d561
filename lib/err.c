#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

int
align_err_set(struct align_err *e, int status, const char *file,
    unsigned long line, unsigned long col, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->status = status;
	snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
	e->line = line;
	e->col = col;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int
align_err_nomem(struct align_err *e)
{
	return align_err_set(e, ALIGN_EX_NOMEM, NULL, 0, 0, "out of memory");
}

char *
align_err_format(const struct align_err *e, char *buf, size_t n)
{
	if (e->file[0] && e->line && e->col)
		snprintf(buf, n, "%s:%lu:%lu: %s", e->file, e->line, e->col,
		    e->msg);
	else if (e->file[0] && e->line)
		snprintf(buf, n, "%s:%lu: %s", e->file, e->line, e->msg);
	else if (e->file[0])
		snprintf(buf, n, "%s: %s", e->file, e->msg);
	else
		snprintf(buf, n, "%s", e->msg);
	return buf;
}
