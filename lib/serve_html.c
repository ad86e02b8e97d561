/* The pieces of a served page. */
#include <string.h>

#include "serve_html.h"

static const char footer[] = "Served from the session file to this "
    "room's devices: it loads nothing from anywhere else.";

const struct align_html_extra align_serve_form_extra = {
	align_serve_style, NULL, NULL, "'self'", 0, footer
};

const struct align_html_extra align_serve_board_extra = {
	align_serve_style, align_serve_script, "'self'", "'none'",
	ALIGN_SERVE_REFRESH, footer
};

void
align_serve_html_policy(struct align_serve_reply *r,
    const struct align_html_page *p)
{
	align_html_policy(&r->policy, p);
}

void
align_serve_html_join(const struct align_show *s,
    const struct align_serve_request *rq, const char *why)
{
	struct align_buf *b = s->b;

	align_buf_puts(b, "<aside class=\"join\" aria-label=\"How to join\">");
	align_buf_puts(b, rq->qr);
	align_buf_puts(b, "<p>Scan the code, or open <span class=\"url\">");
	align_show_text(s, rq->join);
	align_buf_puts(b, "</span> ");
	align_show_text(s, why);
	align_buf_puts(b, ".</p></aside>\n");
}

void
align_serve_html_live_begin(const struct align_show *s,
    unsigned long generation)
{
	align_buf_printf(s->b, "<p class=\"live-status\" role=\"status\">"
	    "<span class=\"on\">Live: it updates itself.</span>"
	    "<span class=\"off\">Reconnecting\xe2\x80\xa6</span>"
	    "<noscript>It reloads every %d seconds.</noscript> "
	    "<a href=\"board\">Refresh</a></p>\n"
	    "<div class=\"live\" data-generation=\"%lu\">\n",
	    ALIGN_SERVE_REFRESH, generation);
}

void
align_serve_html_live_end(const struct align_show *s)
{
	align_buf_puts(s->b, "</div>\n");
}

void
align_serve_html_board(const struct align_show *s,
    const struct align_html_page *p, const struct align_serve_request *rq,
    const char *why, const struct align_buf *live,
    struct align_serve_reply *r)
{
	align_html_begin(s, p);
	align_serve_html_join(s, rq, why);
	align_serve_html_live_begin(s, rq->generation);
	align_buf_add(s->b, live->p ? live->p : "", live->len);
	align_serve_html_live_end(s);
	align_html_end(s, p);
	align_serve_html_policy(r, p);
}

void
align_serve_html_notice(const struct align_show *s, const char *cls,
    const char *text)
{
	align_buf_puts(s->b, "<p");
	align_html_attr(s->b, "class", cls);
	align_buf_puts(s->b, strcmp(cls, "error") == 0 ? " role=\"alert\">" :
	    " role=\"status\">");
	align_show_text(s, text);
	align_buf_puts(s->b, "</p>\n");
}

void
align_serve_html_query(struct align_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c))
			align_buf_putc(b, (char)c);
		else
			align_buf_printf(b, "%%%c%c", hex[c >> 4],
			    hex[c & 15]);
	}
}
