/*
 * text.h - UTF-8 text for people: display width, wrapping, slugs.
 *
 * Widths come from utf8proc, so a line of Spanish, German or CJK wraps
 * where a terminal would wrap it.
 */
#ifndef ALIGN_TEXT_H
#define ALIGN_TEXT_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

/* Columns that s takes on a terminal (invalid bytes count one each). */
size_t align_text_width(const char *s, size_t n);

/* Append s wrapped at width columns: the first line after first_indent
 * columns have already been written, the other lines indented by indent
 * spaces.  Newlines in s are kept.  Ends with a newline. */
void align_text_wrap(struct align_buf *b, const char *s, size_t indent,
    size_t first_indent, size_t width);

/* A short lowercase ASCII name for s: accents dropped, runs of anything
 * but letters and digits made one '-', at most max bytes (>= 1), into out
 * (max + 1 bytes).  "" when nothing is left. */
void align_slug(const char *s, char *out, size_t max);

/*
 * The one check of text a person gives (an option's text, a line read, a
 * form's field, an edited statement) before any tool records it: UTF-8,
 * no NUL, and no control character but tab and line feed (C0, DEL, C1),
 * which would move a terminal's cursor or start an escape sequence when
 * shown as it is and which no person types as words.
 */
struct align_text_fault {
	size_t at;		/* byte offset of the fault */
	unsigned long col;	/* its column: characters before it + 1 */
	unsigned cp;		/* the control character (or NUL) */
	int utf8;		/* 1: the byte at is not UTF-8 (cp unset) */
};

/* 0 when the n bytes of s are text as above; else 1 and *f. */
int align_text_fault(const char *s, size_t n, struct align_text_fault *f);

/* 0 when they are; else -1 and e: status, file and line as given, the
 * fault's column, and what it is ("invalid UTF-8 (byte 0xE9)", "a NUL
 * byte", "an escape (U+001B): text may hold no control character ...").  file may be NULL and line 0 (an option's text:
 * the caller names the option and the column). */
int align_text_check(const char *s, size_t n, int status, const char *file,
    unsigned long line, struct align_err *e);

/* What a control character is, for people: "an escape", "a backspace",
 * "a delete", "a carriage return", "a NUL", else "a control character". */
const char *align_control_name(unsigned cp);

/* The columns of the terminal on fd, or $COLUMNS, or 80. */
size_t align_terminal_width(int fd);

#endif
