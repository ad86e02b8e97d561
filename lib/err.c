#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

/* s was cut to fit n bytes (NUL included) by snprintf: end it at a whole
 * UTF-8 character, with "..." to show that something is missing. */
static void
whole(char *s, size_t n, int wanted)
{
	size_t len;

	if (wanted < 0 || (size_t)wanted < n || n < 4)
		return;
	len = n - 4;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	memcpy(s + len, "...", 4);
}

int
align_err_set(struct align_err *e, int status, const char *file,
    unsigned long line, unsigned long col, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (e == NULL)
		return -1;
	e->status = status;
	n = snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
	whole(e->file, sizeof(e->file), n);
	e->line = line;
	e->col = col;
	va_start(ap, fmt);
	n = vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	whole(e->msg, sizeof(e->msg), n);
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
	int k;

	if (e->file[0] && e->line && e->col)
		k = snprintf(buf, n, "%s:%lu:%lu: %s", e->file, e->line, e->col,
		    e->msg);
	else if (e->file[0] && e->line)
		k = snprintf(buf, n, "%s:%lu: %s", e->file, e->line, e->msg);
	else if (e->file[0])
		k = snprintf(buf, n, "%s: %s", e->file, e->msg);
	else
		k = snprintf(buf, n, "%s", e->msg);
	whole(buf, n, k);
	return buf;
}
