/* A one-to-one realignment as a slide of the report's page: what was
 * found, a chart a measured goal (inline SVG: its value week by week and
 * its target), each commitment's state, the reviews, the recognition
 * with its day, and the flags. */
#include <math.h>
#include <string.h>

#include "html.h"
#include "realign.h"

#define W 320	/* the chart's width and height, in its own units */
#define H 90
#define PAD 8

/* "<div class=item><dt>Label</dt><dd>text</dd></div>" when text is. */
static void
fact(const struct align_show *s, const char *label, const char *day,
    const char *text)
{
	if (text == NULL)
		return;
	align_buf_printf(s->b, "<div class=\"item\"><dt>%s", label);
	if (day) {
		align_buf_putc(s->b, ' ');
		align_html_day(s, day);
	}
	align_buf_puts(s->b, "</dt><dd lang=\"\" dir=\"auto\">");
	align_show_text(s, text);
	align_buf_puts(s->b, "</dd></div>\n");
}

static void
facts(const struct align_realign *p, const struct align_show *s)
{
	align_buf_puts(s->b, "<dl class=\"one-to-one-facts\">\n");
	align_realign_facts(p, s, fact);
	align_buf_puts(s->b, "</dl>\n");
}

/* The y of value x between lo and hi. */
static double
y_of(double x, double lo, double hi)
{
	return hi > lo ? H - PAD - (x - lo) / (hi - lo) * (H - 2 * PAD) :
	    H / 2.0;
}

/* The chart of g: a line through the weeks' values, a dot a value, the
 * target dashed; its words in aria-label. */
static void
chart(const struct align_realign *p, const struct align_realign_goal *g,
    const struct align_show *s)
{
	struct align_buf label = ALIGN_BUF_INIT;
	double lo, hi, step;
	char n[32];
	size_t k;

	align_realign_range(p, g, 1, &lo, &hi);
	for (k = 0; k < p->nweek; k++)
		if (!isnan(g->value[k])) {
			align_realign_number(g->value[k], n);
			align_buf_printf(&label, "%s%s %s", label.len ? ", " :
			    "", p->week[k].day, n);
		}
	if (g->target)
		align_buf_printf(&label, "; target %s", g->target);
	if (label.failed)
		s->b->failed = 1;
	step = p->nweek > 1 ? (W - 2.0 * PAD) / (double)(p->nweek - 1) : 0;
	align_buf_printf(s->b, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
	    "width=\"%d\" height=\"%d\" role=\"img\"", W, H, W, H);
	align_html_attr(s->b, "aria-label", label.p ? label.p : "");
	align_buf_puts(s->b, ">\n");
	if (g->target)
		align_buf_printf(s->b, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"currentColor\" stroke-dasharray=\"4 "
		    "3\" opacity=\".5\"/>\n", PAD, W - PAD, y_of(g->target_v,
		    lo, hi), y_of(g->target_v, lo, hi));
	align_buf_puts(s->b, "<polyline fill=\"none\" stroke=\"currentColor\" "
	    "stroke-width=\"2\" points=\"");
	for (k = 0; k < p->nweek; k++)
		if (!isnan(g->value[k]))
			align_buf_printf(s->b, "%.1f,%.1f ", PAD + step *
			    (double)k, y_of(g->value[k], lo, hi));
	align_buf_puts(s->b, "\"/>\n");
	for (k = 0; k < p->nweek; k++)
		if (!isnan(g->value[k]))
			align_buf_printf(s->b, "<circle cx=\"%.1f\" cy=\"%.1f\" "
			    "r=\"3\" fill=\"currentColor\"/>\n", PAD + step *
			    (double)k, y_of(g->value[k], lo, hi));
	align_buf_puts(s->b, "</svg>\n");
	align_buf_release(&label);
}

/* "33 → 39.2 %, target 38: reached on ..." */
static void
trend_words(const struct align_realign_goal *g, const struct align_show *s)
{
	char a[32], b[32];

	align_realign_number(g->first, a);
	align_realign_number(g->last, b);
	align_buf_printf(s->b, "<p class=\"count\">%s \xe2\x86\x92 %s", a, b);
	if (*g->unit) {
		align_buf_putc(s->b, ' ');
		align_show_text(s, g->unit);
	}
	if (g->target) {
		align_buf_puts(s->b, ", target ");
		align_show_text(s, g->target);
		align_buf_puts(s->b, g->reached ? ": reached " :
		    ": not reached yet");
		if (g->reached)
			align_html_day(s, g->reached);
	}
	align_buf_puts(s->b, "</p>\n");
}

static void
goals(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	if (p->ngoal)
		align_buf_puts(s->b, "<h3>Goals</h3>\n<ol class=\"commitments\">"
		    "\n");
	for (i = 0; i < p->ngoal; i++) {
		const struct align_realign_goal *g = &p->goal[i];

		align_buf_puts(s->b, "<li><p><span class=\"handle\">");
		align_show_text(s, g->id ? g->id : "");
		align_buf_puts(s->b, "</span> <span lang=\"\" dir=\"auto\">");
		align_show_text(s, g->goal);
		align_buf_puts(s->b, "</span></p>\n");
		if (g->nvalue) {
			chart(p, g, s);
			trend_words(g, s);
		}
		align_buf_puts(s->b, "</li>\n");
	}
	if (p->ngoal)
		align_buf_puts(s->b, "</ol>\n");
}

static void
state(const struct align_realign_commitment *c, const struct align_show *s)
{
	if (c->state == ALIGN_REALIGN_DONE) {
		align_buf_puts(s->b, "<span class=\"outcome success\">done"
		    "</span> ");
		align_html_day(s, c->done);
	} else if (c->state == ALIGN_REALIGN_OVERDUE) {
		align_buf_puts(s->b, "<span class=\"outcome failure\">overdue"
		    "</span> since ");
		align_html_day(s, c->due);
	} else {
		align_buf_puts(s->b, "<span class=\"outcome mixed\">on track"
		    "</span>");
		if (c->due) {
			align_buf_puts(s->b, " due ");
			align_html_day(s, c->due);
		}
	}
}

static void
commitments(const struct align_realign *p, const struct align_show *s)
{
	size_t i, k;

	if (p->ncommitment)
		align_buf_puts(s->b, "<h3>Commitments</h3>\n<ol "
		    "class=\"commitments\">\n");
	for (i = 0; i < p->ncommitment; i++) {
		const struct align_realign_commitment *c = &p->commitment[i];

		align_buf_puts(s->b, "<li><p><span class=\"handle\">");
		align_show_text(s, c->id);
		align_buf_puts(s->b, "</span> <span class=\"who\" lang=\"\">");
		align_show_text(s, c->participant);
		align_buf_puts(s->b, "</span>: <span lang=\"\" dir=\"auto\">");
		align_show_text(s, c->commitment);
		align_buf_puts(s->b, "</span></p>\n<p>");
		state(c, s);
		for (k = 0; k < p->nweek; k++)
			if (c->outcome[k]) {
				align_buf_puts(s->b, k ? ", " : "; ");
				align_buf_puts(s->b, p->week[k].day);
				align_buf_putc(s->b, ' ');
				align_show_text(s, c->outcome[k]);
			}
		align_buf_puts(s->b, "</p></li>\n");
	}
	if (p->ncommitment)
		align_buf_puts(s->b, "</ol>\n");
}

static void
reviews(const struct align_realign *p, const struct align_show *s)
{
	size_t k;

	if (p->nweek)
		align_buf_puts(s->b, "<h3>Reviews</h3>\n<ul "
		    "class=\"commitments\">\n");
	for (k = 0; k < p->nweek; k++) {
		const struct align_realign_week *w = &p->week[k];

		align_buf_puts(s->b, "<li>");
		align_html_day(s, w->day);
		align_buf_puts(s->b, ": ");
		if (w->review == NULL)
			align_buf_puts(s->b, w->missed ? "<strong>missed: no "
			    "review</strong>" : "not reviewed yet");
		else if (w->review->note) {
			align_buf_puts(s->b, "<span lang=\"\" dir=\"auto\">");
			align_show_text(s, w->review->note);
			align_buf_puts(s->b, "</span>");
		} else
			align_buf_puts(s->b, "reviewed");
		align_buf_puts(s->b, "</li>\n");
	}
	if (p->nweek)
		align_buf_puts(s->b, "</ul>\n");
}

static void
recognised(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	if (p->nrecognition == 0)
		return;
	align_buf_puts(s->b, "<ul class=\"cards recognitions\">\n");
	for (i = 0; i < p->nrecognition; i++) {
		align_buf_puts(s->b, "<li class=\"card item\"><div "
		    "class=\"card-head\"><span class=\"outcome recognised\">"
		    "Recognised</span> ");
		align_html_day(s, p->recognition[i].day);
		align_buf_puts(s->b, "</div>\n<p lang=\"\" dir=\"auto\">");
		align_show_text(s, p->recognition[i].text);
		align_buf_puts(s->b, "</p></li>\n");
	}
	align_buf_puts(s->b, "</ul>\n");
}

static void
flags(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	if (p->nflag == 0)
		return;
	align_buf_puts(s->b, "<div class=\"item waiting\"><strong>Needs you"
	    "</strong><ul>\n");
	for (i = 0; i < p->nflag; i++) {
		const struct align_realign_flag *f = &p->flag[i];

		align_buf_puts(s->b, "<li>");
		if (f->kind == ALIGN_REALIGN_FAILED_TWICE) {
			align_show_text(s, f->id);
			align_buf_puts(s->b, " failed two reviews in a row: ");
			align_html_day(s, f->day);
			align_buf_puts(s->b, ", ");
			align_html_day(s, f->day2);
		} else {
			align_buf_puts(s->b, "no review of the meeting on ");
			align_html_day(s, f->day);
		}
		align_buf_puts(s->b, "</li>\n");
	}
	align_buf_puts(s->b, "</ul></div>\n");
}

void
align_realign_html(const struct align_realign *p, const struct align_show *s)
{
	align_buf_puts(s->b, "<section class=\"slide one-to-one\"><div "
	    "class=\"slide-head\"><h2><span class=\"handle\">");
	align_show_text(s, p->id);
	align_buf_puts(s->b, "</span> One-to-one with <span lang=\"\">");
	align_show_text(s, p->with ? p->with : "");
	align_buf_puts(s->b, "</span></h2>\n<p class=\"count\">");
	align_show_count(s->b, p->nreviewed, "review", "reviews");
	align_buf_printf(s->b, ", %zu missed</p></div>\n", p->nmissed);
	facts(p, s);
	flags(p, s);
	goals(p, s);
	commitments(p, s);
	reviews(p, s);
	recognised(p, s);
	align_buf_puts(s->b, "</section>\n");
}
