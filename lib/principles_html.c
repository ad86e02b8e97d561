/* The list of principles as a page: the whiteboard (each principle a
 * slide with its dots, who agreed and the objections that stand, under
 * the state of the list) or, with v->charter, the charter (the list and
 * who agreed to it, to print on one page).  The group's words are of no
 * known language: lang="". */
#include "html.h"
#include "principles.h"

#define MAX_DOTS 40

/* A dot a vote, up to MAX_DOTS, as inline SVG; the count beside it says
 * it in words. */
static void
dots(struct align_buf *b, long long votes)
{
	long long i, n = votes < MAX_DOTS ? votes : MAX_DOTS;

	if (n <= 0)
		return;
	align_buf_printf(b, "<svg class=\"dots\" viewBox=\"0 0 %lld 12\" "
	    "aria-hidden=\"true\">", n * 16 - 4);
	for (i = 0; i < n; i++)
		align_buf_printf(b, "<circle cx=\"%lld\" cy=\"6\" r=\"6\"/>",
		    i * 16 + 6);
	align_buf_puts(b, "</svg>");
}

/* "6 of 7 people"; fewer than min: "fewer than 3 of 7 people". */
static void
of(struct align_buf *b, size_t n, size_t total, size_t min, const char *many)
{
	if (n > 0 && n < min)
		align_buf_printf(b, "fewer than %zu", min);
	else
		align_buf_printf(b, "%zu", n);
	align_buf_printf(b, " of %zu%s%s", total, *many ? " " : "", many);
}

/* <ul class="names">, each name user text. */
static void
names(const struct align_show *s, const char *const *who, size_t n)
{
	size_t i;

	align_buf_puts(s->b, "<ul class=\"names\" lang=\"\">");
	for (i = 0; i < n; i++) {
		align_buf_puts(s->b, "<li>");
		align_show_text(s, who[i]);
		align_buf_puts(s->b, "</li>");
	}
	align_buf_puts(s->b, "</ul>");
}

/* The people who agree to every principle: the participants not among
 * those who have not. */
static void
agreeing(const struct align_principles *v, const struct align_show *s)
{
	size_t i, j;

	align_buf_puts(s->b, "<ul class=\"names\" lang=\"\">");
	for (i = 0; i < v->npeople; i++) {
		for (j = 0; j < v->nnot_agreed; j++)
			if (v->not_agreed[j] == v->people[i])
				break;
		if (j < v->nnot_agreed)
			continue;
		align_buf_puts(s->b, "<li>");
		align_show_text(s, v->people[i]);
		align_buf_puts(s->b, "</li>");
	}
	align_buf_puts(s->b, "</ul>");
}

/* The principles that do not meet the rule yet, by number. */
static void
open_ones(const struct align_principles *v, const struct align_show *s)
{
	size_t i, k = 0;

	for (i = 0; i < v->n; i++) {
		if (v->entry[i].met)
			continue;
		align_buf_printf(s->b, "%s<li>%zu</li>", k++ ? "" :
		    "<div>Still open: <ul class=\"names\">",
		    v->entry[i].number);
	}
	if (k)
		align_buf_puts(s->b, "</ul></div>\n");
}

/* Where the list stands: final or not, who agrees to all, who has not
 * voted or agreed. */
static void
state(const struct align_principles *v, const struct align_show *s,
    size_t min)
{
	struct align_buf *b = s->b;

	align_buf_printf(b, "<div class=\"tally\">\n<p class=\"verdict %s\">"
	    "%s</p>\n", v->final ? "met" : "open", v->final ? "Final" :
	    "Not final yet");
	if (v->npeople)
		align_html_bar(b, v->agree_all, v->npeople);
	align_buf_puts(b, "\n<p><strong>");
	of(b, v->agree_all, v->npeople, min, align_plural(v->npeople,
	    "person", "people"));
	align_buf_printf(b, "</strong> %s to ", align_plural(v->agree_all,
	    "agrees", "agree"));
	if (v->n == 1)
		align_buf_puts(b, "it");
	else
		align_buf_printf(b, "all %zu", v->n);
	align_buf_printf(b, " (%s)</p>\n", v->rule);
	if (v->nnot_voted) {
		align_buf_puts(b, "<div>Not voted: ");
		names(s, v->not_voted, v->nnot_voted);
		align_buf_puts(b, "</div>\n");
	}
	if (v->nnot_agreed) {
		align_buf_puts(b, "<div>Not agreed to all: ");
		names(s, v->not_agreed, v->nnot_agreed);
		align_buf_puts(b, "</div>\n");
	}
	open_ones(v, s);
	align_buf_puts(b, "</div>\n");
}

static void
objections(const struct align_principles_entry *x,
    const struct align_show *s)
{
	size_t j;

	if (x->nobjection == 0)
		return;
	align_buf_puts(s->b, "<ul class=\"objections\">\n");
	for (j = 0; j < x->nobjection; j++) {
		align_buf_printf(s->b, "<li class=\"item objection\" "
		    "id=\"principle%zu-o%zu\"><span class=\"who\" lang=\"\">",
		    x->number, j + 1);
		align_show_text(s, x->objection[j].participant);
		align_buf_puts(s->b, "</span> objects: <q lang=\"\" "
		    "dir=\"auto\">");
		align_show_text(s, x->objection[j].reason);
		align_buf_puts(s->b, "</q></li>\n");
	}
	align_buf_puts(s->b, "</ul>\n");
}

/* Its dots, how many agree, whether it meets the rule. */
static void
standing(const struct align_principles *v,
    const struct align_principles_entry *x, const struct align_show *s,
    size_t min)
{
	struct align_buf *b = s->b;

	align_buf_puts(b, "<div class=\"standing\">\n<p class=\"votes\">");
	dots(b, x->votes);
	align_buf_printf(b, " <strong>%lld %s</strong></p>\n"
	    "<p class=\"agree\">", x->votes, x->votes == 1 ? "vote" : "votes");
	if (v->npeople)
		align_html_bar(b, x->nagreed, v->npeople);
	align_buf_puts(b, " agreed by <strong>");
	of(b, x->nagreed, v->npeople, min, "");
	align_buf_puts(b, "</strong></p>\n");
	if (x->met)
		align_buf_printf(b, "<p class=\"verdict met\">\xe2\x9c\x93 "
		    "Meets %s</p>\n", v->rule);
	else
		align_buf_printf(b, "<p class=\"verdict open\">Not yet: "
		    "%s</p>\n", v->rule);
	align_buf_puts(b, "</div>\n");
}

static void
principle(const struct align_principles *v,
    const struct align_principles_entry *x, const struct align_show *s,
    size_t min)
{
	struct align_buf *b = s->b;

	align_buf_printf(b, "<section class=\"slide principle\" "
	    "id=\"principle%zu\" aria-labelledby=\"principle%zu-h\">\n"
	    "<div class=\"slide-head\"><h2 id=\"principle%zu-h\">"
	    "<span class=\"n\">%zu</span> <span lang=\"\" dir=\"auto\">",
	    x->number, x->number, x->number, x->number);
	align_show_text(s, x->statement);
	align_buf_puts(b, "</span></h2>\n<p class=\"count\">id <span "
	    "class=\"handle\">");
	align_show_text(s, x->handle);
	align_buf_puts(b, "</span></p></div>\n");
	standing(v, x, s, min);
	if (x->nagreed) {
		align_buf_puts(b, "<div class=\"agreed\">Agreed: ");
		names(s, x->agreed, x->nagreed);
		align_buf_puts(b, "</div>\n");
	}
	objections(x, s);
	align_buf_puts(b, "</section>\n");
}

void
align_principles_html_main(const struct align_principles *v,
    const struct align_show *s)
{
	size_t i, min = align_show_min_group(s, v->anonymous);

	if (v->n == 0)
		align_buf_puts(s->b, "<p class=\"empty\">No principles yet: "
		    "they are proposed from the themes.</p>\n");
	else
		state(v, s, min);
	for (i = 0; i < v->n; i++)
		principle(v, &v->entry[i], s, min);
}

static void
whiteboard(const struct align_principles *v, const struct align_show *s)
{
	struct align_html_page page = { .family = "principles",
	    .what = "Principles", .title = v->title, .date = v->date,
	    .place = v->place };

	align_html_begin(s, &page);
	align_principles_html_main(v, s);
	align_html_end(s, &page);
}

static void
charter(const struct align_principles *v, const struct align_show *s)
{
	struct align_html_page page = { .family = "charter", .what = "Charter",
	    .title = v->title, .date = v->date, .place = v->place };
	struct align_buf *b = s->b;
	size_t i;

	align_html_begin(s, &page);
	align_buf_puts(b, "<section class=\"slides sheet\" aria-labelledby="
	    "\"charter-h\">\n<h2 id=\"charter-h\">Our principles</h2>\n");
	if (!v->final)
		align_buf_printf(b, "<p class=\"draft\">Draft: not yet agreed "
		    "by %s.</p>\n", v->rule);
	align_buf_puts(b, "<ol class=\"charter-list slides\" lang=\"\">\n");
	for (i = 0; i < v->n; i++) {
		align_buf_printf(b, "<li class=\"slide\" id=\"principle%zu\">"
		    "<span class=\"n\" aria-hidden=\"true\">%zu</span> "
		    "<p dir=\"auto\">", v->entry[i].number,
		    v->entry[i].number);
		align_show_text(s, v->entry[i].statement);
		align_buf_puts(b, "</p></li>\n");
	}
	align_buf_puts(b, "</ol>\n");
	if (v->final && v->agree_all) {
		align_buf_printf(b, "<div class=\"signed\"><p>Agreed by %s "
		    "of</p>", v->rule);
		agreeing(v, s);
		align_buf_puts(b, "</div>\n");
	}
	align_buf_puts(b, "</section>\n");
	align_html_end(s, &page);
}

void
align_principles_html(const struct align_principles *v,
    const struct align_show *s)
{
	if (v->charter)
		charter(v, s);
	else
		whiteboard(v, s);
}
