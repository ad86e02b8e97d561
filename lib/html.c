/* The frame of every page: head, policy, header, footer; and the small
 * pieces a family's page is made of. */
#include <string.h>

#include "err.h"
#include "html.h"
#include "sha256.h"
#include "when.h"

static const char *const wdays[] = { "Thursday", "Friday", "Saturday",
	"Sunday", "Monday", "Tuesday", "Wednesday" };
static const char *const months[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

void
align_html_hash(struct align_buf *b, const char *text)
{
	unsigned char d[ALIGN_SHA256_LEN];

	align_sha256(text, strlen(text), d);
	align_buf_puts(b, "'sha256-");
	align_base64(b, d, sizeof(d));
	align_buf_putc(b, '\'');
}

/* Nothing from anywhere: no image, font, frame, connection or form; the
 * page's own style and script by their hashes; no <base> to redirect. */
void
align_html_csp(struct align_buf *b)
{
	static const struct align_html_page file;

	align_html_policy(b, &file);
}

/* A served page may also run its own script, connect to its server (the
 * event stream) and post its form there; still nothing else. */
void
align_html_policy(struct align_buf *b, const struct align_html_page *p)
{
	const struct align_html_extra *x = p->extra;

	align_buf_puts(b, "default-src 'none'; style-src ");
	align_html_hash(b, align_html_style);
	if (x && x->style) {
		align_buf_putc(b, ' ');
		align_html_hash(b, x->style);
	}
	align_buf_puts(b, "; script-src ");
	align_html_hash(b, align_html_script);
	if (x && x->script) {
		align_buf_putc(b, ' ');
		align_html_hash(b, x->script);
	}
	if (x && x->connect)
		align_buf_printf(b, "; connect-src %s", x->connect);
	align_buf_printf(b, "; base-uri 'none'; form-action %s",
	    x && x->form ? x->form : "'none'");
}

void
align_html_attr(struct align_buf *b, const char *name, const char *value)
{
	align_buf_printf(b, " %s=\"", name);
	align_escape_html(b, value ? value : "", value ? strlen(value) : 0);
	align_buf_putc(b, '"');
}

/* A language tag as BCP 47 spells one: letters, digits and hyphens, a
 * letter first, at most 35 characters. */
static int
is_tag(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	return n > 0 && n <= 35 && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n &&
	    strchr("0123456789-", s[0]) == NULL;
}

void
align_html_lang(struct align_buf *b, const char *code)
{
	align_html_attr(b, "lang", is_tag(code) ? code : "");
}

void
align_html_bar(struct align_buf *b, size_t full, size_t cells)
{
	size_t i;

	if (full > cells)
		full = cells;
	if (cells > 0 && cells <= 30) {
		/* One cell a person, 10 units wide with a gap of 2. */
		align_buf_printf(b, "<svg class=\"bar\" viewBox=\"0 0 %zu "
		    "10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">",
		    cells * 12 - 2);
		for (i = 0; i < cells; i++)
			align_buf_printf(b, "<rect class=\"%s\" x=\"%zu\" "
			    "width=\"10\" height=\"10\" rx=\"2\"/>",
			    i < full ? "on" : "off", i * 12);
		align_buf_puts(b, "</svg>");
		return;
	}
	align_buf_printf(b, "<svg class=\"bar\" viewBox=\"0 0 1000 10\" "
	    "preserveAspectRatio=\"none\" aria-hidden=\"true\">"
	    "<rect class=\"off\" width=\"1000\" height=\"10\" rx=\"5\"/>"
	    "<rect class=\"on\" width=\"%zu\" height=\"10\" rx=\"5\"/></svg>",
	    cells ? full * 1000 / cells : 0);
}

void
align_html_time(const struct align_show *s, const char *when)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	int y, mo, d, h, mi, sec, off;

	if (when == NULL || align_time_parse(when, &t, &e) < 0) {
		align_show_text(s, when ? when : "");
		return;
	}
	align_time_fields(&t, &y, &mo, &d, &h, &mi, &sec);
	align_buf_puts(s->b, "<time");
	align_html_attr(s->b, "datetime", when);
	align_buf_printf(s->b, ">%s %d %s %d",
	    wdays[((align_days_from_civil(y, mo, d) % 7) + 7) % 7], d,
	    months[mo - 1], y);
	if (!t.date_only) {
		off = t.off < 0 ? -t.off : t.off;
		align_buf_printf(s->b, ", %02d:%02d <span class=\"nowrap\">"
		    "(UTC%c%02d:%02d)</span>", h, mi, t.off < 0 ? '-' : '+',
		    off / 3600, off / 60 % 60);
	}
	align_buf_puts(s->b, "</time>");
}

void
align_html_day(const struct align_show *s, const char *when)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	int y, mo, d, h, mi, sec;

	if (when == NULL || align_time_parse(when, &t, &e) < 0) {
		align_show_text(s, when ? when : "");
		return;
	}
	align_time_fields(&t, &y, &mo, &d, &h, &mi, &sec);
	align_buf_puts(s->b, "<time");
	align_html_attr(s->b, "datetime", when);
	align_buf_printf(s->b, ">%.3s %d %.3s %d</time>",
	    wdays[((align_days_from_civil(y, mo, d) % 7) + 7) % 7], d,
	    months[mo - 1], y);
}

static void
head(const struct align_show *s, const struct align_html_page *p)
{
	struct align_buf *b = s->b;

	align_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"");
	align_html_policy(b, p);
	align_buf_puts(b, "\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"referrer\" content=\"no-referrer\">\n");
	/* Scripting off: the page is read again now and then. */
	if (p->extra && p->extra->refresh)
		align_buf_printf(b, "<noscript><meta http-equiv=\"refresh\" "
		    "content=\"%u\"></noscript>\n", p->extra->refresh);
	align_buf_puts(b, "<meta name=\"generator\"");
	align_html_attr(b, "content", s->tool ? s->tool : "align");
	align_buf_puts(b, ">\n<title>");
	if (p->title) {
		align_show_text(s, p->title);
		align_buf_puts(b, " \xe2\x80\x94 ");
	}
	align_show_text(s, p->what);
	align_buf_puts(b, "</title>\n<style>");
	align_buf_puts(b, align_html_style);
	align_buf_puts(b, "</style>\n");
	if (p->extra && p->extra->style) {
		align_buf_puts(b, "<style>");
		align_buf_puts(b, p->extra->style);
		align_buf_puts(b, "</style>\n");
	}
	align_buf_puts(b, "</head>\n");
}

void
align_html_begin(const struct align_show *s, const struct align_html_page *p)
{
	struct align_buf *b = s->b;

	head(s, p);
	align_buf_puts(b, "<body");
	align_html_attr(b, "class", p->family);
	align_buf_puts(b, ">\n<header class=\"page-head\"><div class=\"wrap\">"
	    "\n<div class=\"titles\">\n<p class=\"kicker\">");
	align_show_text(s, p->what);
	/* The session's words: their language is not known. */
	align_buf_puts(b, p->title ? "</p>\n<h1 lang=\"\">" : "</p>\n<h1>");
	align_show_text(s, p->title ? p->title : p->what);
	align_buf_puts(b, "</h1>\n");
	if (p->date || p->place) {
		align_buf_puts(b, "<p class=\"meta\">");
		if (p->date)
			align_html_time(s, p->date);
		if (p->date && p->place)
			align_buf_puts(b, " \xc2\xb7 ");
		if (p->place) {
			align_buf_puts(b, "<span lang=\"\">");
			align_show_text(s, p->place);
			align_buf_puts(b, "</span>");
		}
		align_buf_puts(b, "</p>\n");
	}
	align_buf_puts(b, "</div>\n<button type=\"button\" "
	    "class=\"present-button\" hidden title=\"One item a screen: "
	    "arrows, space or Page Up/Down move, Esc leaves\">Present "
	    "(P)</button>\n</div></header>\n<main class=\"wrap\">\n");
}

void
align_html_end(const struct align_show *s, const struct align_html_page *p)
{
	struct align_buf *b = s->b;

	align_buf_puts(b, "</main>\n<footer class=\"page-foot\"><div "
	    "class=\"wrap\">\n<p>Written by ");
	align_show_text(s, s->tool ? s->tool : "align");
	align_buf_puts(b, " from the session's records");
	if (p->title) {
		align_buf_puts(b, ": <span lang=\"\">");
		align_show_text(s, p->title);
		align_buf_puts(b, "</span>");
	}
	align_buf_puts(b, ". ");
	align_buf_puts(b, p->extra && p->extra->footer ? p->extra->footer :
	    "One file that loads nothing: it works offline.");
	align_buf_puts(b, "</p>\n</div></footer>\n<script>");
	align_buf_puts(b, align_html_script);
	align_buf_puts(b, "</script>\n");
	if (p->extra && p->extra->script) {
		align_buf_puts(b, "<script>");
		align_buf_puts(b, p->extra->script);
		align_buf_puts(b, "</script>\n");
	}
	align_buf_puts(b, "</body>\n</html>\n");
}
