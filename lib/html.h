/*
 * html.h - the page every tool writes with -f html: one self-contained
 * file for the room's screen, a browser on a USB stick, or print.
 *
 * A family's renderer (board_html.c, and the like) writes its items
 * between align_html_begin() and align_html_end(), which give the frame:
 * the doctype, <html lang="en"> (the words of the page are English), the
 * meta charset and viewport, a Content-Security-Policy that lets the
 * page load nothing at all, its one stylesheet and its one script (both
 * allowed by their SHA-256, computed here), the header (what the page
 * shows, the session's title, date and place) and the footer (the tool).
 *
 *	struct align_html_page p = { .family = "board",
 *	    .what = "Responses", .title = title, .date = date,
 *	    .place = place };
 *	align_html_begin(s, &p);
 *	  <section class="slide">...<li class="item">...</li>...</section>
 *	align_html_end(s, &p);
 *
 * Present mode (the script; with scripting off the page is the whole
 * page): every element of class "slide" is one item of the method, shown
 * one a screen in type as large as fits; the elements of class "item" in
 * a slide are what may go over several screens when they do not fit.
 * The stylesheet's classes for a slide: "slide-head" (its h2 and a
 * "count"), "cards" (an ol or ul) of "card" items with a "card-head"
 * holding "n" (a number) and "who" (a participant); "tally" (a count, a
 * bar, "names"); "empty".  See lib/html/page.css.
 *
 * Safety: user text goes into the page only through align_show_text()
 * (element content) or align_html_attr() (a quoted attribute value), both
 * escaped; never into a URL, an event handler, a style, or the script.
 * Nothing here allocates but through s->b, nor fails but as it does
 * (s->b->failed).
 */
#ifndef ALIGN_HTML_H
#define ALIGN_HTML_H

#include <stddef.h>

#include "buf.h"
#include "show.h"

/* What a page served to the room (serve.h) has besides a file's: its
 * own stylesheet and script (allowed by their hashes too), the sources
 * it may connect to and post forms to, and, with scripting off, a
 * reload every so many seconds.  Every member may be NULL or 0. */
struct align_html_extra {
	const char *style;	/* a second stylesheet */
	const char *script;	/* a second script, after the first */
	const char *connect;	/* connect-src: "'self'" */
	const char *form;	/* form-action: "'self'" (else 'none') */
	unsigned refresh;	/* seconds; 0: none */
	const char *footer;	/* the footer's last sentence, or NULL */
};

struct align_html_page {
	const char *family;	/* the body's class: "board", "themes" */
	const char *what;	/* what it shows: "Responses" */
	const char *title;	/* the session's title (user text) or NULL */
	const char *date;	/* the session's date as written, or NULL */
	const char *place;	/* the session's place, or NULL */
	const struct align_html_extra *extra;	/* NULL: a file */
};

/* The page up to and with <main>.  s->tool names the tool (NULL:
 * "align"). */
void align_html_begin(const struct align_show *s,
    const struct align_html_page *p);
/* From </main> to the end: the footer and the script. */
void align_html_end(const struct align_show *s,
    const struct align_html_page *p);

/* The policy of the page's Content-Security-Policy meta element:
 * default-src 'none' and the hashes of the style and the script. */
void align_html_csp(struct align_buf *b);
/* The policy of page p: align_html_csp()'s, with what p->extra adds (its
 * style's and script's hashes, connect-src, form-action).  A server
 * sends the same in its header (with frame-ancestors, which a meta
 * element cannot carry). */
void align_html_policy(struct align_buf *b, const struct align_html_page *p);
/* "sha256-" and the base64 digest of text, as a CSP source. */
void align_html_hash(struct align_buf *b, const char *text);

/* ` name="value"`: value (user text or not) escaped for a quoted
 * attribute.  name is the caller's, a plain attribute name; not for an
 * attribute that holds a URL, a style or a script. */
void align_html_attr(struct align_buf *b, const char *name,
    const char *value);
/* ` lang="code"` when code is a language tag ("en", "es-MX"), else
 * ` lang=""`: the language is not known (rather than inherit English). */
void align_html_lang(struct align_buf *b, const char *code);
/* A bar of the given cells, full of them on, as inline SVG: one cell a
 * person up to 30 cells, else one bar in thousandths.  aria-hidden: the
 * count beside it says it in words.  The same numbers, the same bytes. */
void align_html_bar(struct align_buf *b, size_t full, size_t cells);
/* A time of a record ("2026-12-02T12:00:00-05:00") for people, in a
 * <time> element: "Wednesday 2 December 2026, 12:00 (UTC-05:00)"; text
 * that is not a time is shown as it is. */
void align_html_time(const struct align_show *s, const char *when);
/* The same, short and without the time of day: "Wed 19 May 2027". */
void align_html_day(const struct align_show *s, const char *when);

/* The stylesheet and the script (lib/html_assets.c, generated by
 * lib/html/embed.sh from lib/html/page.css and lib/html/present.js). */
extern const char align_html_style[];
extern const char align_html_script[];

#endif
