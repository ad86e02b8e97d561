/* The agenda as a page: the invitation's facts (when, how long, where,
 * who), then the parts of the meeting in its time, each a slide in
 * present mode, the purpose and the opening question in type to read
 * across the room; what to do before.  The session's words are of no
 * known language (lang=""). */
#include <string.h>

#include "agenda.h"
#include "html.h"

/* "2 hours", "1 hour 30 minutes", "45 minutes". */
static void
length(struct align_buf *b, long minutes)
{
	long h = minutes / 60, m = minutes % 60;

	if (h > 0)
		align_buf_printf(b, "%ld %s", h, align_plural((size_t)h,
		    "hour", "hours"));
	if (h > 0 && m > 0)
		align_buf_putc(b, ' ');
	if (m > 0 || h == 0)
		align_buf_printf(b, "%ld %s", m, align_plural((size_t)m,
		    "minute", "minutes"));
}

/* One fact of the invitation: <div><dt>name</dt><dd>...</dd></div>, the
 * value user text when text is set. */
static void
fact(const struct align_show *s, const char *name, const char *text)
{
	align_buf_printf(s->b, "<div><dt>%s</dt><dd lang=\"\">", name);
	align_show_text(s, text);
	align_buf_puts(s->b, "</dd></div>\n");
}

static void
who(const struct align_agenda *v, const struct align_show *s)
{
	size_t i;

	align_buf_puts(s->b, "<div class=\"people\"><dt>Who</dt><dd>");
	if (v->nparticipants == 0) {
		align_buf_puts(s->b, "No participants yet.</dd></div>\n");
		return;
	}
	align_show_count(s->b, v->nparticipants, "participant",
	    "participants");
	align_buf_puts(s->b, ": <ul class=\"names\" lang=\"\">");
	for (i = 0; i < v->nparticipants; i++) {
		align_buf_puts(s->b, "<li>");
		align_show_text(s, v->participants[i]);
		align_buf_puts(s->b, "</li>");
	}
	align_buf_puts(s->b, "</ul></dd></div>\n");
}

/* The day, and on a line of its own the time ("Wednesday 2 December
 * 2026, 12:00-14:00 (UTC-05:00)": the view's words, split at the comma
 * after the year). */
static void
when(const struct align_agenda *v, const struct align_show *s)
{
	const char *comma = strchr(v->when, ',');
	size_t day = comma ? (size_t)(comma - v->when) : strlen(v->when);

	if (v->date_text) {
		align_buf_puts(s->b, "<time");
		align_html_attr(s->b, "datetime", v->date_text);
		align_buf_putc(s->b, '>');
	}
	align_show_textn(s, v->when, day);
	if (comma) {
		align_buf_puts(s->b, "<br><span class=\"hours\">");
		align_show_text(s, comma + 1 + strspn(comma + 1, " "));
		align_buf_puts(s->b, "</span>");
	}
	if (v->date_text)
		align_buf_puts(s->b, "</time>");
}

/* When, how long, where, facilitated by, who. */
static void
facts(const struct align_agenda *v, const struct align_show *s)
{
	struct align_buf *b = s->b;

	align_buf_puts(b, "<section class=\"invite\" aria-label=\"The "
	    "invitation\">\n<dl class=\"facts\">\n<div class=\"when\">"
	    "<dt>When</dt><dd>");
	when(v, s);
	align_buf_puts(b, "</dd></div>\n<div><dt>Length</dt><dd>");
	length(b, v->minutes);
	align_buf_puts(b, "</dd></div>\n");
	if (v->place)
		fact(s, "Where", v->place);
	if (v->facilitator)
		fact(s, "Facilitator", v->facilitator);
	who(v, s);
	align_buf_puts(b, "</dl>\n</section>\n");
}

/* The words a part shows large: the purpose, the opening question. */
static void
words(const struct align_show *s, size_t part,
    const struct align_agenda *v)
{
	struct align_buf *b = s->b;

	if (part == 0) {
		align_buf_puts(b, "<div class=\"lead\"><h4>Purpose</h4>\n"
		    "<p class=\"statement\" lang=\"\" dir=\"auto\">");
		align_show_text(s, v->purpose);
		align_buf_puts(b, "</p></div>\n");
	} else if (part == 1) {
		align_buf_puts(b, "<div class=\"lead\"><h4>Opening question"
		    "</h4>\n<blockquote class=\"statement\" lang=\"\" "
		    "dir=\"auto\"><p>");
		align_show_text(s, v->question);
		align_buf_puts(b, "</p></blockquote></div>\n");
	}
}

static void
part(const struct align_agenda *v, size_t i, const struct align_show *s)
{
	const struct align_agenda_part *x = &v->part[i];
	struct align_buf *b = s->b;

	align_buf_printf(b, "<li class=\"slide part\" id=\"part%zu\" "
	    "aria-labelledby=\"part%zu-h\">\n<div class=\"slide-head\">"
	    "<h3 id=\"part%zu-h\"><span class=\"clock\">", i + 1, i + 1,
	    i + 1);
	align_show_text(s, x->clock);
	align_buf_puts(b, "</span> ");
	align_show_text(s, x->name);
	align_buf_puts(b, "</h3>\n<p class=\"count\">");
	align_show_count(b, (size_t)x->minutes, "minute", "minutes");
	align_buf_puts(b, "</p></div>\n<p class=\"what\">");
	align_show_text(s, x->what);
	align_buf_puts(b, "</p>\n");
	words(s, i, v);
	align_buf_puts(b, "</li>\n");
}

void
align_agenda_html(const struct align_agenda *v, const struct align_show *s)
{
	/* When and where are the invitation's first facts, not the
	 * header's. */
	struct align_html_page page = { .family = "agenda", .what = "Agenda",
	    .title = v->title };
	struct align_buf *b = s->b;
	size_t i;

	align_html_begin(s, &page);
	facts(v, s);
	align_buf_puts(b, "<section class=\"slides\" aria-labelledby="
	    "\"agenda-h\">\n<h2 id=\"agenda-h\">The meeting, "
	    "part by part</h2>\n<ol class=\"parts slides\">\n");
	for (i = 0; i < v->nparts; i++)
		part(v, i, s);
	align_buf_puts(b, "</ol>\n</section>\n<section class=\"before\" "
	    "aria-labelledby=\"before-h\">\n<h2 id=\"before-h\">Before the "
	    "meeting</h2>\n<ul>\n");
	for (i = 0; i < v->nbefore; i++)
		align_buf_printf(b, "<li>%s</li>\n", v->before[i]);
	align_buf_puts(b, "</ul>\n</section>\n");
	align_html_end(s, &page);
}
