#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static int
reserve(struct align_buf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (b->len + n + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1) {
		if (cap > ((size_t)-1) / 2) {
			b->failed = 1;
			return -1;
		}
		cap *= 2;
	}
	if ((p = realloc(b->p, cap)) == NULL) {
		b->failed = 1;
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void
align_buf_add(struct align_buf *b, const char *s, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
align_buf_puts(struct align_buf *b, const char *s)
{
	align_buf_add(b, s, strlen(s));
}

void
align_buf_putc(struct align_buf *b, char c)
{
	if (b->len + 2 <= b->cap && !b->failed) {
		b->p[b->len++] = c;
		b->p[b->len] = '\0';
		return;
	}
	align_buf_add(b, &c, 1);
}

void
align_buf_printf(struct align_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	align_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
align_buf_vprintf(struct align_buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || reserve(b, (size_t)n) < 0) {
		b->failed = 1;
		return;
	}
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
align_buf_reset(struct align_buf *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->p)
		b->p[0] = '\0';
}

void
align_buf_release(struct align_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

char *
align_buf_detach(struct align_buf *b)
{
	char *p;

	if (b->failed) {
		align_buf_release(b);
		return NULL;
	}
	if (b->p == NULL && reserve(b, 0) == 0)
		b->p[0] = '\0';
	p = b->p;
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}
