#include <string.h>
#include <utf8proc.h>

#include "show.h"
#include "text.h"

static const struct {
	const char *name;
	enum align_format f;
} formats[] = {
	{ "text", ALIGN_FMT_TEXT }, { "yaml", ALIGN_FMT_YAML },
	{ "markdown", ALIGN_FMT_MARKDOWN }, { "md", ALIGN_FMT_MARKDOWN },
	{ "csv", ALIGN_FMT_CSV }, { "ics", ALIGN_FMT_ICS },
	{ "html", ALIGN_FMT_HTML },
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

enum align_format
align_format_parse(const char *name)
{
	size_t i;

	for (i = 0; name && i < NFORMATS; i++)
		if (strcmp(name, formats[i].name) == 0)
			return formats[i].f;
	return ALIGN_FMT_NONE;
}

const char *
align_format_name(enum align_format f)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (formats[i].f == f)
			return formats[i].name;
	return "";
}

void
align_format_list(struct align_buf *b, int mask)
{
	size_t i, n = 0, k = 0;

	for (i = 0; i < NFORMATS; i++)
		if ((mask & formats[i].f) && strcmp(formats[i].name, "md"))
			n++;
	for (i = 0; i < NFORMATS; i++) {
		if (!(mask & formats[i].f) || strcmp(formats[i].name, "md") == 0)
			continue;
		if (k > 0)
			align_buf_puts(b, k + 1 == n ? " or " : ", ");
		align_buf_puts(b, formats[i].name);
		k++;
	}
}

/* The format of row i of t: a row starts with it, so a pointer to the
 * row is one to it. */
static enum align_format
row_format(const void *t, size_t size, size_t i)
{
	const enum align_format *f = (const void *)((const char *)t +
	    i * size);

	return *f;
}

int
align_renderers_formats(const void *t, size_t size, size_t n)
{
	size_t i;
	int mask = 0;

	for (i = 0; i < n; i++)
		mask |= row_format(t, size, i);
	return mask;
}

size_t
align_renderers_row(const void *t, size_t size, size_t n,
    enum align_format f)
{
	size_t i;

	for (i = 0; i < n && row_format(t, size, i) != f; i++)
		;
	return i;
}

const char *
align_style_on(const struct align_show *s, enum align_style st)
{
	static const char *const ansi[] = {
		[ALIGN_STYLE_BOLD] = "\033[1m",
		[ALIGN_STYLE_DIM] = "\033[2m",
		[ALIGN_STYLE_NAME] = "\033[1;36m",
		[ALIGN_STYLE_KEYWORD] = "\033[36m",
		[ALIGN_STYLE_GOOD] = "\033[32m",
		[ALIGN_STYLE_BAD] = "\033[31m",
	};

	return s->format == ALIGN_FMT_TEXT && s->color ? ansi[st] : "";
}

const char *
align_style_off(const struct align_show *s)
{
	return s->format == ALIGN_FMT_TEXT && s->color ? "\033[0m" : "";
}

/* A code point that must not reach a terminal as it is: C0 controls but
 * newline and tab, DEL, C1 controls, and the bidirectional embeddings,
 * overrides and isolates, which make a line read other than it is. */
static int
unsafe(utf8proc_int32_t c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f &&
	    c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 &&
	    c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
}

static void
visible(struct align_buf *b, utf8proc_int32_t c)
{
	if (c < 0x20) {
		align_buf_putc(b, '^');
		align_buf_putc(b, (char)(c + '@'));
	} else if (c == 0x7f) {
		align_buf_puts(b, "^?");
	} else {
		align_buf_printf(b, "<U+%04X>", (unsigned)c);
	}
}

/* Append s with every unsafe code point made visible; an invalid byte
 * (which the reader never lets through) shows as <0xNN>.  markdown also
 * escapes the ASCII punctuation that would be markup. */
static void
escape(struct align_buf *b, const char *s, size_t n, int markdown)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t run = 0;		/* safe bytes waiting to be copied */

	while (n > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k;

		if (*p >= 0x20 && *p < 0x7f) {
			if (markdown && strchr("\\`*_[]<>|", *p)) {
				align_buf_add(b, (const char *)p - run, run);
				run = 0;
				align_buf_putc(b, '\\');
				align_buf_putc(b, (char)*p);
			} else {
				run++;
			}
			p++;
			n--;
			continue;
		}
		k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c);
		if (k > 0 && !unsafe(c) && c != '\t') {
			run += (size_t)k;
			p += k;
			n -= (size_t)k;
			continue;
		}
		align_buf_add(b, (const char *)p - run, run);
		run = 0;
		if (k <= 0) {
			align_buf_printf(b, "<0x%02X>", (unsigned)*p);
			k = 1;
		} else if (c == '\t') {
			align_buf_putc(b, ' ');
		} else {
			visible(b, c);
		}
		p += k;
		n -= (size_t)k;
	}
	align_buf_add(b, (const char *)p - run, run);
}

void
align_escape_term(struct align_buf *b, const char *s, size_t n)
{
	escape(b, s, n, 0);
}

void
align_escape_markdown(struct align_buf *b, const char *s, size_t n)
{
	escape(b, s, n, 1);
}

void
align_escape_html(struct align_buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		const char *ent = NULL;

		switch (s[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default:
			/* Controls are not allowed in HTML: shown. */
			if ((unsigned char)s[i] < 0x20 && s[i] != '\n' &&
			    s[i] != '\t') {
				align_buf_add(b, s + i - run, run);
				run = 0;
				visible(b, (unsigned char)s[i]);
				continue;
			}
			run++;
			continue;
		}
		align_buf_add(b, s + i - run, run);
		run = 0;
		align_buf_puts(b, ent);
	}
	align_buf_add(b, s + n - run, run);
}

void
align_show_textn(const struct align_show *s, const char *text, size_t n)
{
	switch (s->format) {
	case ALIGN_FMT_TEXT:
		escape(s->b, text, n, 0);
		break;
	case ALIGN_FMT_MARKDOWN:
		escape(s->b, text, n, 1);
		break;
	case ALIGN_FMT_HTML:
		align_escape_html(s->b, text, n);
		break;
	default:
		align_buf_add(s->b, text, n);
		break;
	}
}

void
align_show_text(const struct align_show *s, const char *text)
{
	align_show_textn(s, text, strlen(text));
}

void
align_show_wrap(const struct align_show *s, const char *text, size_t indent,
    size_t first_indent)
{
	struct align_buf safe = ALIGN_BUF_INIT;

	escape(&safe, text, strlen(text), 0);
	if (safe.failed) {
		s->b->failed = 1;
		return;
	}
	align_text_wrap(s->b, safe.p ? safe.p : "", indent, first_indent,
	    s->width);
	align_buf_release(&safe);
}

const char *
align_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void
align_show_count(struct align_buf *b, size_t n, const char *one,
    const char *many)
{
	align_buf_printf(b, "%zu %s", n, align_plural(n, one, many));
}

size_t
align_show_min_group(const struct align_show *s, int anonymous)
{
	if (s->min_group > 0)
		return s->min_group;
	return anonymous ? ALIGN_MIN_GROUP : 1;
}

void
align_show_people(struct align_buf *b, size_t n, size_t min,
    const char *one, const char *many)
{
	if (n > 0 && n < min)
		align_buf_printf(b, "fewer than %zu %s", min, many);
	else
		align_show_count(b, n, one, many);
}

void
align_show_bar(struct align_buf *b, size_t full, size_t cells)
{
	size_t k;

	if (full > cells)
		full = cells;
	for (k = 0; k < cells; k++)
		align_buf_puts(b, k < full ? "\xe2\x96\x88" : "\xe2\x96\x91");
}
