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

/* The columns of the terminal on fd, or $COLUMNS, or 80. */
size_t align_terminal_width(int fd);

#endif
