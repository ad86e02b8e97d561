/* The themes for a terminal: ranked, each with a bar of its support, its
 * keywords and its typical response. */
#include <string.h>

#include "text.h"
#include "theme.h"

#define LABEL_COLUMN 44		/* the bars start after it */
#define BAR_MOST 20		/* cells of the longest bar */

/* "6 themes from 18 responses by 7 participants" */
static void
heading(const struct align_themes *v, const struct align_show *s)
{
	struct align_buf *b = s->b;

	align_buf_puts(b, align_style_on(s, ALIGN_STYLE_BOLD));
	align_show_count(b, v->ntheme, "theme", "themes");
	align_buf_puts(b, align_style_off(s));
	align_buf_puts(b, " from ");
	align_show_count(b, v->responses, "response", "responses");
	align_buf_puts(b, " by ");
	align_show_count(b, v->participants, "participant", "participants");
	align_buf_putc(b, '\n');
}

/* "t1  label        ████░░░ 4 of 7" */
static void
label_line(const struct align_themes *v, const struct align_themes_entry *x,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t people = v->participants, bar = people > BAR_MOST ? BAR_MOST :
	    people, full = people ? (x->support * bar + people / 2) / people :
	    0, at, k;

	align_buf_printf(b, "\n%s%-3s ", align_style_on(s, ALIGN_STYLE_BOLD),
	    x->id);
	at = b->len;
	align_show_text(s, x->label);
	k = b->failed ? 0 : align_text_width(b->p + at, b->len - at);
	align_buf_puts(b, align_style_off(s));
	for (k += 4; k < LABEL_COLUMN; k++)
		align_buf_putc(b, ' ');
	align_buf_putc(b, ' ');
	align_show_bar(b, full, bar);
	align_buf_printf(b, " %zu of %zu, %.0f%% alike%s\n", x->support, people,
	    100 * x->confidence, x->edited ? "  (edited)" : "");
}

static void
keywords(const struct align_themes_entry *x, const struct align_show *s)
{
	size_t k;

	for (k = 0; k < x->nkeyword; k++) {
		align_buf_puts(s->b, k ? ", " : "    ");
		align_buf_puts(s->b, align_style_on(s, ALIGN_STYLE_KEYWORD));
		align_show_text(s, x->keyword[k]);
		align_buf_puts(s->b, align_style_off(s));
	}
	if (x->nkeyword)
		align_buf_putc(s->b, '\n');
}

/* "The typical response," — who, wrapped. */
static void
typical(const struct align_themes_entry *x, const struct align_show *s)
{
	struct align_buf q = ALIGN_BUF_INIT;

	if (x->typical == NULL)
		return;
	align_buf_printf(&q, "\"%s\"%s%s", x->typical, x->who ? " — " : "",
	    x->who ? x->who : "");
	align_buf_puts(s->b, "    ");
	if (q.failed)
		s->b->failed = 1;
	else
		align_show_wrap(s, q.p, 5, 4);
	align_buf_release(&q);
}

/* "1f3a, nearest t3 (21% alike): "text" — who" */
static void
loose(const struct align_themes_loose *l, const struct align_show *s)
{
	struct align_buf q = ALIGN_BUF_INIT;

	align_buf_add(&q, l->handle, l->handle_len);
	if (l->near)
		align_buf_printf(&q, ", nearest %s (%.0f%% alike)", l->near,
		    100 * l->similarity);
	else
		align_buf_puts(&q, ", near no theme");
	if (l->text)
		align_buf_printf(&q, ": \"%s\"%s%s", l->text, l->who ? " — " :
		    "", l->who ? l->who : "");
	align_buf_puts(s->b, "    ");
	if (q.failed)
		s->b->failed = 1;
	else
		align_show_wrap(s, q.p, 5, 4);
	align_buf_release(&q);
}

void
align_themes_text(const struct align_themes *v, const struct align_show *s)
{
	size_t i;

	heading(v, s);
	for (i = 0; i < v->ntheme; i++) {
		label_line(v, &v->theme[i], s);
		keywords(&v->theme[i], s);
		typical(&v->theme[i], s);
	}
	if (v->unplaced > 0) {
		align_buf_putc(s->b, '\n');
		align_show_count(s->b, v->unplaced, "response", "responses");
		align_buf_puts(s->b, " in no theme\n");
	}
	for (i = 0; i < v->nloose; i++)
		loose(&v->loose[i], s);
}
