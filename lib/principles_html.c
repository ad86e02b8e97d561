/* The whiteboard as a page for the room's screen: who has voted and
 * agreed, then the list (one slide in present mode), each principle a
 * card with its dots, who agrees, the objections that stand. */
#include "html.h"
#include "principles.h"

/* "Not voted: Ana, Ben" as a list of names. */
static void
names(const struct align_show *s, const char *what, const char **who,
    size_t n)
{
	size_t i;

	if (n == 0)
		return;
	align_buf_printf(s->b, "<div>%s: <ul class=\"names\" lang=\"\">", what);
	for (i = 0; i < n; i++) {
		align_buf_puts(s->b, "<li>");
		align_show_text(s, who[i]);
		align_buf_puts(s->b, "</li>");
	}
	align_buf_puts(s->b, "</ul></div>\n");
}

/* How far the group is: people who agree to all, under the rule. */
static void
tally(const struct align_principles *v, const struct align_show *s)
{
	struct align_buf *b = s->b;

	align_buf_puts(b, "<div class=\"tally\">\n");
	if (v->npeople)
		align_html_bar(b, v->agree_all, v->npeople);
	align_buf_printf(b, "\n<p><strong>%zu of %zu</strong> %s %s to ",
	    v->agree_all, v->npeople, align_plural(v->npeople, "person",
	    "people"), align_plural(v->agree_all, "agrees", "agree"));
	if (v->n == 1)
		align_buf_puts(b, "it");
	else
		align_buf_printf(b, "all %zu", v->n);
	align_buf_printf(b, " (%s)%s</p>\n", v->rule, v->final ?
	    ": <strong>final</strong>" : "");
	names(s, "Not voted", v->not_voted, v->nnot_voted);
	names(s, "Not agreed to all", v->not_agreed, v->nnot_agreed);
	align_buf_puts(b, "</div>\n");
}

static void
card(const struct align_principles *v, const struct align_principles_entry *x,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	long long k;
	size_t j;

	align_buf_printf(b, "<li class=\"card item\" id=\"principle-%zu\">"
	    "<div class=\"card-head\"><span class=\"n\">%zu</span> "
	    "<span class=\"who\">", x->number, x->number);
	align_show_text(s, x->handle);
	align_buf_printf(b, "</span>%s</div>\n<p dir=\"auto\">", x->met ?
	    " <span class=\"met\">\xe2\x9c\x93 agreed</span>" : "");
	align_show_text(s, x->statement);
	align_buf_puts(b, "</p>\n<p class=\"dots\"><span aria-hidden=\"true\">");
	for (k = 0; k < x->votes && k < 20; k++)
		align_buf_puts(b, "\xe2\x97\x8f");	/* ● */
	align_buf_printf(b, "</span> %lld %s, agreed by %zu of %zu</p>\n",
	    x->votes, x->votes == 1 ? "vote" : "votes", x->nagreed,
	    v->npeople);
	for (j = 0; j < x->nobjection; j++) {
		align_buf_puts(b, "<p class=\"objection\" lang=\"\"><span "
		    "class=\"who\">");
		align_show_text(s, x->objection[j].participant);
		align_buf_puts(b, "</span> objects: ");
		align_show_text(s, x->objection[j].reason);
		align_buf_puts(b, "</p>\n");
	}
	align_buf_puts(b, "</li>\n");
}

void
align_principles_html_main(const struct align_principles *v,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t i;

	tally(v, s);
	align_buf_puts(b, "<section class=\"slide\" id=\"principles\" "
	    "aria-labelledby=\"principles-h\">\n<div class=\"slide-head\">"
	    "<h2 id=\"principles-h\">Principles</h2>\n<p class=\"count\">");
	align_show_count(b, v->n, "principle", "principles");
	align_buf_puts(b, "</p></div>\n");
	if (v->n == 0) {
		align_buf_puts(b, "<p class=\"empty\">None yet: the themes "
		    "come first.</p>\n");
	} else {
		align_buf_puts(b, "<ol class=\"cards\" lang=\"\">\n");
		for (i = 0; i < v->n; i++)
			card(v, &v->entry[i], s);
		align_buf_puts(b, "</ol>\n");
	}
	align_buf_puts(b, "</section>\n");
}

void
align_principles_html(const struct align_principles *v,
    const struct align_show *s)
{
	struct align_html_page page = { "principles", "Principles", NULL,
	    NULL, NULL, NULL };

	align_html_begin(s, &page);
	align_principles_html_main(v, s);
	align_html_end(s, &page);
}
