/*
 * buf.h - a growing byte buffer with a sticky failure flag.
 *
 * Appends never fail loudly: when memory runs out the buffer remembers it
 * and ignores later appends, so a writer can append a whole record and
 * check once at the end:
 *
 *	struct align_buf b = ALIGN_BUF_INIT;
 *	align_buf_puts(&b, "---\n");
 *	...
 *	if (b.failed)
 *		return align_err_nomem(e);
 *	align_buf_release(&b);
 *
 * p is always NUL-terminated once anything was appended.
 */
#ifndef ALIGN_BUF_H
#define ALIGN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct align_buf {
	char *p;
	size_t len, cap;
	int failed;
};

#define ALIGN_BUF_INIT { NULL, 0, 0, 0 }

void align_buf_add(struct align_buf *b, const char *s, size_t n);
void align_buf_puts(struct align_buf *b, const char *s);
void align_buf_putc(struct align_buf *b, char c);
void align_buf_printf(struct align_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void align_buf_vprintf(struct align_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Forget the contents, keep the memory and clear the failure flag. */
void align_buf_reset(struct align_buf *b);
/* Free the memory; the buffer may be used again. */
void align_buf_release(struct align_buf *b);
/* Hand over the contents (NUL-terminated, caller frees), leaving b empty;
 * NULL when an append failed. */
char *align_buf_detach(struct align_buf *b);

#endif
