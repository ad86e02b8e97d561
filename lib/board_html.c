/* The board as a page for the room's screen: a tally of who has answered,
 * then each question (a slide in present mode) with its responses as
 * numbered cards.  The board knows no response's language: the session's
 * words are marked lang="" (not known) rather than guessed. */
#include "board.h"
#include "html.h"

/* "18 responses from 7 participants", the people hidden below min. */
static void
count(const struct align_show *s, size_t responses, size_t people,
    size_t min)
{
	align_show_count(s->b, responses, "response", "responses");
	if (people) {
		align_buf_puts(s->b, " from ");
		align_show_people(s->b, people, min, "participant",
		    "participants");
	}
}

/* Who has answered, against the participants list when there is one;
 * the totals when there are several questions (each has its own). */
static void
tally(const struct align_board *v, const struct align_show *s, size_t min)
{
	struct align_buf *b = s->b;
	size_t i, answered = v->roster - v->nunanswered;

	if (v->roster == 0 && v->ngroup < 2)
		return;
	align_buf_puts(b, "<div class=\"tally\">\n");
	if (v->ngroup > 1) {
		align_buf_puts(b, "<p><strong>");
		count(s, v->nentry, v->people, min);
		align_buf_puts(b, "</strong></p>\n");
	}
	if (v->roster && v->unanswered_known && answered >= min) {
		align_html_bar(b, answered, v->roster);
		align_buf_printf(b, "\n<p><strong>%zu of %zu</strong> on the "
		    "list %s answered</p>\n", answered, v->roster,
		    align_plural(answered, "has", "have"));
	} else if (v->roster) {
		align_buf_puts(b, "<p>");
		align_show_people(b, v->people, min, "participant",
		    "participants");
		align_buf_printf(b, " answered; %zu on the list</p>\n",
		    v->roster);
	}
	if (v->nunanswered) {
		align_buf_puts(b, "<div>Still to answer: "
		    "<ul class=\"names\" lang=\"\">");
		for (i = 0; i < v->nunanswered; i++) {
			align_buf_puts(b, "<li>");
			align_show_text(s, v->unanswered[i]);
			align_buf_puts(b, "</li>");
		}
		align_buf_puts(b, "</ul></div>\n");
	}
	align_buf_puts(b, "</div>\n");
}

static void
card(const struct align_board_entry *x, const struct align_show *s)
{
	struct align_buf *b = s->b;

	align_buf_printf(b, "<li class=\"card item\" id=\"r%zu\">"
	    "<div class=\"card-head\"><span class=\"n\">%zu</span>",
	    x->number, x->number);
	if (*x->participant) {
		align_buf_puts(b, " <span class=\"who\">");
		align_show_text(s, x->participant);
		align_buf_puts(b, "</span>");
	}
	align_buf_puts(b, "</div>\n<p dir=\"auto\">");
	align_show_text(s, x->text);
	align_buf_puts(b, "</p></li>\n");
}

static void
question(const struct align_board *v, size_t g, const struct align_show *s,
    size_t min)
{
	const struct align_board_group *gr = &v->group[g];
	struct align_buf *b = s->b;
	size_t i;

	align_buf_printf(b, "<section class=\"slide\" id=\"q%zu\" "
	    "aria-labelledby=\"q%zu-h\">\n<div class=\"slide-head\">"
	    "<h2 id=\"q%zu-h\" lang=\"\" dir=\"auto\">", g + 1, g + 1, g + 1);
	align_show_text(s, gr->question);
	align_buf_puts(b, "</h2>\n<p class=\"count\">");
	count(s, gr->n, gr->people, min);
	align_buf_puts(b, "</p></div>\n");
	if (gr->n == 0) {
		align_buf_puts(b, "<p class=\"empty\">No responses yet."
		    "</p>\n");
	} else {
		align_buf_printf(b, "<ol class=\"cards\" start=\"%zu\" "
		    "lang=\"\">\n", gr->first + 1);
		for (i = gr->first; i < gr->first + gr->n; i++)
			card(&v->entry[i], s);
		align_buf_puts(b, "</ol>\n");
	}
	align_buf_puts(b, "</section>\n");
}

void
align_board_html_main(const struct align_board *v,
    const struct align_show *s)
{
	size_t g, min = align_show_min_group(s, v->anonymous);

	tally(v, s, min);
	for (g = 0; g < v->ngroup; g++)
		question(v, g, s, min);
}

void
align_board_html(const struct align_board *v, const struct align_show *s)
{
	struct align_html_page page = { .family = "board", .what = "Responses",
	    .title = v->title, .date = v->date, .place = v->place };

	align_html_begin(s, &page);
	align_board_html_main(v, s);
	align_html_end(s, &page);
}
