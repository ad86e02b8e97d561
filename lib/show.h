/*
 * show.h - what a tool shows people: the output formats, and the small
 * pieces every renderer is made of.
 *
 * A step hands a view of its records (board.h, and the like) to one
 * renderer per format, chosen from a table; the renderer writes into an
 * align_show, which says where (a buffer), in which format, how wide and
 * whether in colour.  Every piece of user text goes through
 * align_show_text() or an escaper below, so that a response can never
 * reach a terminal as a control sequence, nor a page as markup:
 *
 *	struct align_buf b = ALIGN_BUF_INIT;
 *	struct align_show s = { .b = &b, .format = ALIGN_FMT_TEXT,
 *	    .width = 80 };
 *	align_show_text(&s, response_text);
 *	if (b.failed) ...out of memory...
 */
#ifndef ALIGN_SHOW_H
#define ALIGN_SHOW_H

#include <stddef.h>

#include "buf.h"

/* Formats are bits, so that a tool can say which it offers as a mask. */
enum align_format {
	ALIGN_FMT_NONE = 0,	/* nothing for people */
	ALIGN_FMT_TEXT = 1 << 0,	/* a terminal, or a plain file */
	ALIGN_FMT_YAML = 1 << 1,	/* the session stream */
	ALIGN_FMT_MARKDOWN = 1 << 2,
	ALIGN_FMT_CSV = 1 << 3,
	ALIGN_FMT_ICS = 1 << 4,	/* iCalendar */
	ALIGN_FMT_HTML = 1 << 5	/* one self-contained page */
};

/* The format called name ("text", "yaml", "markdown" or "md", "csv",
 * "ics", "html"), or ALIGN_FMT_NONE. */
enum align_format align_format_parse(const char *name);
/* Its name, "" for none. */
const char *align_format_name(enum align_format f);
/* The names of the formats in mask, "a, b or c", into b. */
void align_format_list(struct align_buf *b, int mask);

/*
 * A family's renderers: a table with a row a format it offers, of the
 * row type ALIGN_RENDERER(the view's type).  The family's formats (the
 * tool's -f mask) and its show (the row of s->format, called) are then
 * a line each, and adding a format is adding a row:
 *
 *	static const ALIGN_RENDERER(struct align_board) renderers[] = {
 *		{ ALIGN_FMT_TEXT, align_board_text },
 *		{ ALIGN_FMT_HTML, align_board_html },
 *	};
 *	int align_board_formats(void)
 *	{ return ALIGN_RENDERERS_FORMATS(renderers); }
 *	void align_board_show(const struct align_board *v,
 *	    const struct align_show *s)
 *	{ ALIGN_RENDERERS_SHOW(renderers, v, s); }
 *
 * A format with no row shows nothing.  The row keeps the view's type, so
 * the compiler checks each renderer and the call (no cast through a
 * function of void *, which C leaves undefined).
 */
#define ALIGN_RENDERER(view) struct { \
	enum align_format f; \
	void (*show)(const view *, const struct align_show *); \
}
#define ALIGN_RENDERERS_N(t) (sizeof(t) / sizeof((t)[0]))
#define ALIGN_RENDERERS_FORMATS(t) \
	align_renderers_formats((t), sizeof((t)[0]), ALIGN_RENDERERS_N(t))
#define ALIGN_RENDERERS_SHOW(t, v, s) do { \
	size_t row_ = align_renderers_row((t), sizeof((t)[0]), \
	    ALIGN_RENDERERS_N(t), (s)->format); \
	if (row_ < ALIGN_RENDERERS_N(t)) \
		(t)[row_].show((v), (s)); \
} while (0)
/* What the macros call: of a table t of n rows of size bytes, each
 * starting with its enum align_format, the formats as a mask; the index
 * of the row of format f, or n when there is none. */
int align_renderers_formats(const void *t, size_t size, size_t n);
size_t align_renderers_row(const void *t, size_t size, size_t n,
    enum align_format f);

struct align_show {
	struct align_buf *b;
	enum align_format format;
	size_t width;		/* text: columns to wrap at */
	int color;		/* text: ANSI colours allowed */
	const char *tool;	/* html: the tool making the page, or NULL */
	size_t min_group;	/* fewest participants a group or a count may
				 * show; 0: the default, see below */
};

/* Anonymity: a group of participants (a theme's, a question's) smaller
 * than the minimum is not shown as it is, lest its few people be told
 * apart.  s->min_group when set, else ALIGN_MIN_GROUP for an anonymous
 * session (pseudonyms in the records) and 1 for a named one. */
#define ALIGN_MIN_GROUP 3
size_t align_show_min_group(const struct align_show *s, int anonymous);
/* "7 participants"; a count from 1 to below min: "fewer than 3
 * participants". */
void align_show_people(struct align_buf *b, size_t n, size_t min,
    const char *one, const char *many);

/* The tool's own emphasis.  Text in colour: ANSI sequences; otherwise
 * nothing (a renderer of another format marks emphasis its own way). */
enum align_style { ALIGN_STYLE_BOLD, ALIGN_STYLE_DIM, ALIGN_STYLE_NAME,
	ALIGN_STYLE_KEYWORD, ALIGN_STYLE_GOOD, ALIGN_STYLE_BAD };
const char *align_style_on(const struct align_show *s, enum align_style st);
const char *align_style_off(const struct align_show *s);

/* User text, escaped for s->format: for text and markdown, control
 * characters (C0 but newline, DEL, C1) and the marks that reorder text
 * (bidirectional overrides and isolates) are shown as ^[, ^? or
 * <U+202E>, a tab as a space; markdown also escapes the characters it
 * would take for markup; html escapes &, <, >, " and '; csv and the
 * others take the text as it is (a CSV field goes through
 * align_csv_field()). */
void align_show_text(const struct align_show *s, const char *text);
void align_show_textn(const struct align_show *s, const char *text,
    size_t n);
/* Text format: user text made safe, then wrapped at s->width (see
 * align_text_wrap()). */
void align_show_wrap(const struct align_show *s, const char *text,
    size_t indent, size_t first_indent);

/* The escapers themselves, appending to b. */
void align_escape_term(struct align_buf *b, const char *s, size_t n);
void align_escape_markdown(struct align_buf *b, const char *s, size_t n);
void align_escape_html(struct align_buf *b, const char *s, size_t n);

/* one when n is 1, else many. */
const char *align_plural(size_t n, const char *one, const char *many);
/* "1 theme", "6 themes". */
void align_show_count(struct align_buf *b, size_t n, const char *one,
    const char *many);
/* A bar of cells characters, the first full of them on ('█'), the rest
 * off ('░'); full is capped at cells. */
void align_show_bar(struct align_buf *b, size_t full, size_t cells);

#endif
