/* The themes as a page: how many, from how many responses and people,
 * then each theme a slide, best first: its label, how alike its
 * responses are, its support as a bar, its keywords, and its responses
 * as cards (the typical one first and marked), each in the language it
 * was read in.  Then the responses in no theme, a slide of cards, each
 * with the theme it is nearest as a suggestion (a link to it).  Support
 * from fewer people than the minimum is "fewer than 3". */
#include <string.h>

#include "html.h"
#include "theme.h"

static void
keywords(const struct align_themes_entry *x, const struct align_show *s)
{
	size_t k;

	if (x->nkeyword == 0)
		return;
	align_buf_puts(s->b, "<ul class=\"keywords\" lang=\"\" "
	    "aria-label=\"Keywords\">");
	for (k = 0; k < x->nkeyword; k++) {
		align_buf_puts(s->b, "<li>");
		align_show_text(s, x->keyword[k]);
		align_buf_puts(s->b, "</li>");
	}
	align_buf_puts(s->b, "</ul>\n");
}

/* Response j of theme n (from 1) as its k-th card (from 1). */
static void
card(const struct align_themes_entry *x, size_t n, size_t j, size_t k,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	int typical = x->text[j] == x->typical;

	align_buf_printf(b, "<li class=\"card item%s\" id=\"theme%zu-r%zu\">"
	    "<div class=\"card-head\">", typical ? " typical" : "", n, k);
	if (x->author[j]) {
		align_buf_puts(b, "<span class=\"who\" lang=\"\">");
		align_show_text(s, x->author[j]);
		align_buf_puts(b, "</span>");
	}
	if (typical)
		align_buf_puts(b, " <span class=\"mark\">typical</span>");
	align_buf_puts(b, "</div>\n<p");
	align_html_lang(b, x->lang[j]);
	align_buf_puts(b, " dir=\"auto\">");
	align_show_text(s, x->text[j]);
	align_buf_puts(b, "</p></li>\n");
}

/* Its responses, the typical one first. */
static void
responses(const struct align_themes_entry *x, size_t n,
    const struct align_show *s)
{
	size_t j, first = x->count, k = 0;

	if (x->text == NULL || x->count == 0)
		return;
	for (j = 0; x->typical && j < x->count; j++)
		if (x->text[j] == x->typical) {
			first = j;
			break;
		}
	align_buf_puts(s->b, "<ul class=\"cards\">\n");
	if (first < x->count)
		card(x, n, first, ++k, s);
	for (j = 0; j < x->count; j++)
		if (j != first)
			card(x, n, j, ++k, s);
	align_buf_puts(s->b, "</ul>\n");
}

static void
theme(const struct align_themes *v, size_t i, const struct align_show *s,
    size_t min)
{
	const struct align_themes_entry *x = &v->theme[i];
	struct align_buf *b = s->b;
	int told = x->support == 0 || x->support >= min;

	align_buf_printf(b, "<section class=\"slide theme\" id=\"theme%zu\" "
	    "aria-labelledby=\"theme%zu-h\">\n<div class=\"slide-head\"><h2 "
	    "id=\"theme%zu-h\"><span class=\"handle\">", i + 1, i + 1, i + 1);
	align_show_text(s, x->id);
	align_buf_puts(b, "</span> <span lang=\"\" dir=\"auto\">");
	align_show_text(s, x->label);
	align_buf_puts(b, "</span></h2>\n<p class=\"count\">");
	if (x->edited)
		align_buf_puts(b, "<span class=\"mark\">edited</span> ");
	align_show_count(b, x->count, "response", "responses");
	align_buf_printf(b, ", %.0f%% alike", 100 * x->confidence);
	align_buf_puts(b, "</p></div>\n<p class=\"support\">");
	if (told && v->participants)
		align_html_bar(b, x->support, v->participants);
	align_buf_puts(b, " <span><strong>");
	if (told)
		align_buf_printf(b, "%zu", x->support);
	else
		align_buf_printf(b, "fewer than %zu", min);
	align_buf_printf(b, " of %zu</strong> %s</span></p>\n",
	    v->participants, align_plural(v->participants, "participant",
	    "participants"));
	keywords(x, s);
	responses(x, i + 1, s);
	align_buf_puts(b, "</section>\n");
}

/* Where theme id is on the page (from 1), or 0. */
static size_t
slide_of(const struct align_themes *v, const char *id)
{
	size_t i;

	for (i = 0; id && i < v->ntheme; i++)
		if (strcmp(v->theme[i].id, id) == 0)
			return i + 1;
	return 0;
}

/* Response i in no theme as a card: its handle, who, the suggestion
 * ("nearest t3, 21% alike"), its text. */
static void
loose_card(const struct align_themes *v, size_t i,
    const struct align_show *s)
{
	const struct align_themes_loose *l = &v->loose[i];
	struct align_buf *b = s->b, h = ALIGN_BUF_INIT;
	size_t at = slide_of(v, l->near);

	align_buf_printf(b, "<li class=\"card item\" id=\"loose-r%zu\">"
	    "<div class=\"card-head\"><span class=\"handle\">", i + 1);
	align_buf_add(&h, l->handle, l->handle_len);
	if (h.failed)
		b->failed = 1;
	align_show_text(s, h.p ? h.p : "");
	align_buf_release(&h);
	align_buf_puts(b, "</span>");
	if (l->who) {
		align_buf_puts(b, " <span class=\"who\" lang=\"\">");
		align_show_text(s, l->who);
		align_buf_puts(b, "</span>");
	}
	align_buf_puts(b, " <span class=\"suggestion\">");
	if (at) {
		align_buf_printf(b, "nearest <a href=\"#theme%zu\">", at);
		align_show_text(s, l->near);
		align_buf_printf(b, "</a>, %.0f%% alike", 100 * l->similarity);
	} else {
		align_buf_puts(b, "near no theme");
	}
	align_buf_puts(b, "</span></div>\n");
	if (l->text) {
		align_buf_puts(b, "<p");
		align_html_lang(b, l->lang);
		align_buf_puts(b, " dir=\"auto\">");
		align_show_text(s, l->text);
		align_buf_puts(b, "</p>");
	}
	align_buf_puts(b, "</li>\n");
}

/* The responses in no theme, each with its suggestion: nothing moves
 * them but a person (align-theme --move). */
static void
loose(const struct align_themes *v, const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t i;

	if (v->nloose == 0)
		return;
	align_buf_puts(b, "<section class=\"slide loose\" id=\"loose\" "
	    "aria-labelledby=\"loose-h\">\n<div class=\"slide-head\"><h2 "
	    "id=\"loose-h\">In no theme</h2>\n<p class=\"count\">");
	align_show_count(b, v->nloose, "response", "responses");
	align_buf_puts(b, "</p></div>\n<p class=\"what\">Each with the "
	    "theme it is nearest, as a suggestion: only a person moves it "
	    "into a theme.</p>\n<ul class=\"cards\">\n");
	for (i = 0; i < v->nloose; i++)
		loose_card(v, i, s);
	align_buf_puts(b, "</ul>\n</section>\n");
}

void
align_themes_html(const struct align_themes *v, const struct align_show *s)
{
	struct align_html_page page = { .family = "themes", .what = "Themes",
	    .title = v->title, .date = v->date, .place = v->place };
	struct align_buf *b = s->b;
	size_t i, min = align_show_min_group(s, v->anonymous);

	align_html_begin(s, &page);
	align_buf_puts(b, "<div class=\"tally\">\n<p><strong>");
	align_show_count(b, v->ntheme, "theme", "themes");
	align_buf_puts(b, "</strong> from ");
	align_show_count(b, v->responses, "response", "responses");
	align_buf_puts(b, " by ");
	align_show_people(b, v->participants, min, "participant",
	    "participants");
	if (v->unplaced) {
		align_buf_puts(b, "; ");
		align_show_count(b, v->unplaced, "response", "responses");
		align_buf_puts(b, " in no theme");
	}
	align_buf_puts(b, "</p>\n</div>\n");
	if (v->ntheme == 0)
		align_buf_puts(b, "<p class=\"empty\">No themes yet: they are "
		    "found in the responses.</p>\n");
	for (i = 0; i < v->ntheme; i++)
		theme(v, i, s, min);
	loose(v, s);
	align_html_end(s, &page);
}
