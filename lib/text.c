#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include "text.h"

/* Whether the 8 bytes at p are all printable ASCII (0x20 to 0x7e): none
 * below 0x20 (the borrow of subtracting 0x20 from each sets its top bit
 * only there, for no byte above 0x7f has it already), none at 0x7f or
 * above (adding 1 sets it). */
static int
printable8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ULL, tops = ones << 7;
	uint64_t w;

	memcpy(&w, p, 8);
	return (((w - 0x20 * ones) & ~w) | (w + ones) | w) & tops ? 0 : 1;
}

int
align_text_fault(const char *s, size_t n, struct align_text_fault *f)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long col = 1;
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t c = p[i];
		utf8proc_ssize_t k = 1;

		/* Plain ASCII, most text, eight bytes a step. */
		if (n - i >= 8 && printable8(p + i)) {
			i += 8;
			col += 8;
			continue;
		}
		if (c >= 0x80 && (k = utf8proc_iterate(p + i,
		    (utf8proc_ssize_t)(n - i), &c)) <= 0) {
			f->at = i, f->col = col, f->cp = 0, f->utf8 = 1;
			return 1;
		}
		if ((c < 0x20 && c != '\t' && c != '\n') ||
		    (c >= 0x7f && c < 0xa0)) {
			f->at = i, f->col = col, f->cp = (unsigned)c;
			f->utf8 = 0;
			return 1;
		}
		i += (size_t)k;
		col++;
	}
	return 0;
}

int
align_text_check(const char *s, size_t n, int status, const char *file,
    unsigned long line, struct align_err *e)
{
	struct align_text_fault f;

	if (align_text_fault(s, n, &f) == 0)
		return 0;
	if (f.utf8)
		return align_err_set(e, status, file, line, f.col, "invalid "
		    "UTF-8 (byte 0x%02X)", (unsigned char)s[f.at]);
	if (f.cp == 0)
		return align_err_set(e, status, file, line, f.col, "a NUL "
		    "byte");
	return align_err_set(e, status, file, line, f.col, "%s (U+%04X): "
	    "text may hold no control character (it could reach a terminal "
	    "as a command)", align_control_name(f.cp), f.cp);
}

const char *
align_control_name(unsigned cp)
{
	switch (cp) {
	case 0x00: return "a NUL";
	case 0x1b: return "an escape";
	case 0x08: return "a backspace";
	case 0x7f: return "a delete";
	case 0x0d: return "a carriage return";
	default: return "a control character";
	}
}

size_t
align_text_width(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t w = 0;

	while (n > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n,
		    &c);

		if (k <= 0) {
			k = 1;
			w++;
		} else {
			int cw = utf8proc_charwidth(c);

			w += cw > 0 ? (size_t)cw : 0;
		}
		p += k;
		n -= (size_t)k;
	}
	return w;
}

/* The character at s (n bytes left): its length, and in *wide whether
 * it is as wide as two columns (an ideograph, kana, hangul, an emoji). */
static size_t
char_at(const char *s, size_t n, int *wide)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &c);

	*wide = k > 0 && utf8proc_charwidth(c) == 2;
	return k > 0 ? (size_t)k : 1;
}

/* Whether the character at s is punctuation, which a line never begins
 * with when it follows a wide character ("。", "，", "」"). */
static int
punct_at(const char *s, size_t n)
{
	utf8proc_int32_t c;
	utf8proc_category_t cat;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &c) <= 0)
		return 0;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_PO || cat == UTF8PROC_CATEGORY_PE ||
	    cat == UTF8PROC_CATEGORY_PF;
}

/* The unit of s that a line is not broken inside, n > 0 bytes: a word
 * up to a space, a newline or a wide character; or one wide character
 * and the punctuation and marks after it.  Text in Chinese or Japanese,
 * which has no spaces, breaks between its characters (as UAX #14 lets
 * it), never before its closing punctuation. */
static size_t
unit(const char *s, size_t n)
{
	size_t at = 0, k;
	int wide;

	k = char_at(s, n, &wide);
	if (wide) {
		at = k;
		while (at < n && s[at] != ' ' && s[at] != '\n') {
			k = char_at(s + at, n - at, &wide);
			if (!punct_at(s + at, n - at) &&
			    align_text_width(s + at, k) != 0)
				break;
			at += k;
		}
		return at;
	}
	while (at < n && s[at] != ' ' && s[at] != '\n') {
		k = char_at(s + at, n - at, &wide);
		if (wide && at > 0)
			break;
		at += k;
	}
	return at;
}

void
align_text_wrap(struct align_buf *b, const char *s, size_t indent,
    size_t first_indent, size_t width)
{
	size_t col = first_indent, i, len = strlen(s);
	int line_start = 1, space = 0;

	if (width < indent + 20)
		width = indent + 20;
	while (*s) {
		size_t n, w;

		if (*s == '\n') {
			align_buf_putc(b, '\n');
			for (i = 0; i < indent; i++)
				align_buf_putc(b, ' ');
			col = indent;
			line_start = 1;
			space = 0;
			s++;
			len--;
			continue;
		}
		if (*s == ' ') {
			space = 1;
			s++;
			len--;
			continue;
		}
		n = unit(s, len);
		w = align_text_width(s, n);
		if (!line_start && col + (size_t)space + w > width) {
			align_buf_putc(b, '\n');
			for (i = 0; i < indent; i++)
				align_buf_putc(b, ' ');
			col = indent;
			line_start = 1;
		}
		if (!line_start && space) {
			align_buf_putc(b, ' ');
			col++;
		}
		align_buf_add(b, s, n);
		col += w;
		line_start = 0;
		space = 0;
		s += n;
		len -= n;
	}
	align_buf_putc(b, '\n');
}

void
align_slug(const char *s, char *out, size_t max)
{
	utf8proc_uint8_t *folded = NULL;
	const unsigned char *p;
	size_t n = 0;
	int dash = 0;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
	    UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT) < 0)
		folded = NULL;
	p = folded ? folded : (const unsigned char *)s;
	for (; *p && n < max; p++) {
		int c = *p;

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n > 0 && n + 1 < max)
				out[n++] = '-';
			dash = 0;
			out[n++] = (char)c;
		} else {
			dash = 1;
		}
	}
	out[n] = '\0';
	free(folded);
}

size_t
align_terminal_width(int fd)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");

	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env && atoi(env) > 0)
		return (size_t)atoi(env);
	return 80;
}
