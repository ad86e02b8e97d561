/* The themes in Markdown: for a wiki or a pull request. */
#include "theme.h"

static void
keywords(const struct align_themes_entry *x, const struct align_show *s)
{
	size_t k;

	for (k = 0; k < x->nkeyword; k++) {
		align_buf_puts(s->b, k ? ", " : "- keywords: ");
		align_show_text(s, x->keyword[k]);
	}
	if (x->nkeyword)
		align_buf_putc(s->b, '\n');
}

static void
theme(const struct align_themes *v, const struct align_themes_entry *x,
    const struct align_show *s)
{
	struct align_buf *b = s->b;

	align_buf_printf(b, "\n## %s: ", x->id);
	align_show_text(s, x->label);
	align_buf_printf(b, "\n\n- support: %zu of %zu, ", x->support,
	    v->participants);
	align_show_count(b, x->count, "response", "responses");
	align_buf_printf(b, ", %.0f%% alike", 100 * x->confidence);
	align_buf_printf(b, "%s\n", x->edited ? " (edited)" : "");
	keywords(x, s);
	if (x->typical) {
		align_buf_puts(b, "\n> ");
		align_show_text(s, x->typical);
		if (x->who) {
			align_buf_puts(b, " — ");
			align_show_text(s, x->who);
		}
		align_buf_putc(b, '\n');
	}
}

void
align_themes_markdown(const struct align_themes *v,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t i;

	align_buf_puts(b, "# Themes\n\n");
	align_show_count(b, v->ntheme, "theme", "themes");
	align_buf_puts(b, " from ");
	align_show_count(b, v->responses, "response", "responses");
	align_buf_puts(b, " by ");
	align_show_count(b, v->participants, "participant", "participants");
	align_buf_puts(b, ".\n");
	for (i = 0; i < v->ntheme; i++)
		theme(v, &v->theme[i], s);
	if (v->unplaced > 0) {
		align_buf_putc(b, '\n');
		align_show_count(b, v->unplaced, "response", "responses");
		align_buf_puts(b, " in no theme.\n");
	}
	for (i = 0; i < v->nloose; i++) {
		const struct align_themes_loose *l = &v->loose[i];

		struct align_buf h = ALIGN_BUF_INIT;

		align_buf_add(&h, l->handle, l->handle_len);
		align_buf_puts(b, i ? "- " : "\n- ");
		align_show_text(s, h.p ? h.p : "");
		align_buf_release(&h);
		if (l->near)
			align_buf_printf(b, ", nearest %s (%.0f%% alike)",
			    l->near, 100 * l->similarity);
		else
			align_buf_puts(b, ", near no theme");
		if (l->text) {
			align_buf_puts(b, ": ");
			align_show_text(s, l->text);
		}
		if (l->who) {
			align_buf_puts(b, " — ");
			align_show_text(s, l->who);
		}
		align_buf_putc(b, '\n');
	}
}
