/* The report as a page: a slide a principle with a chart of its rounds
 * (successes, mixed, failures stacked, one scale for every chart, so that
 * a trend and a difference read at a glance), the same numbers in a table
 * for screen readers, and the notes people wrote; a slide a one-to-one;
 * then each round: who has checked in, what was recognised, who has not.
 * Check-ins by pseudonyms from fewer people than the minimum are counted
 * as "fewer than 3", their outcomes not told. */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "html.h"
#include "report.h"
#include "when.h"

/* The chart's geometry, in the units of its viewBox. */
#define PLOT 100	/* the height of the tallest column */
#define TOP 18		/* room above it for its count */
#define COL 40		/* a column's width */
#define GAP 32		/* between columns */
#define LABELS 46	/* below: the round, the day, the year */

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static size_t
total(const struct align_report_tally *t)
{
	return t->success + t->mixed + t->failure;
}

/* 1 when a tally's outcomes may be told: enough people, or names. */
static int
told(const struct align_report_tally *t, size_t min)
{
	return t->people == 0 || t->people >= min;
}

/* The most check-ins of any principle in any round, at least 1. */
static size_t
scale(const struct align_report *v)
{
	size_t i, j, max = 1;

	for (i = 0; i < v->nprinciple; i++)
		for (j = 0; j < v->ngroup; j++)
			if (total(&v->principle[i].tally[j]) > max)
				max = total(&v->principle[i].tally[j]);
	return max;
}

/* A round's day under its column: "13 Jan", and the year under the
 * first column and wherever it changes. */
static void
day(struct align_buf *b, const char *date, size_t x, int *year)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;
	int y, mo, d, h, mi, sec;

	if (align_time_parse(date, &t, &e) < 0)
		return;
	align_time_fields(&t, &y, &mo, &d, &h, &mi, &sec);
	align_buf_printf(b, "<text class=\"lbl\" x=\"%zu\" y=\"%d\">%d %s"
	    "</text>", x, TOP + PLOT + 30, d, months[mo - 1]);
	if (y != *year)
		align_buf_printf(b, "<text class=\"lbl\" x=\"%zu\" y=\"%d\">"
		    "%d</text>", x, TOP + PLOT + 43, y);
	*year = y;
}

/* One column: its parts from the bottom, each from the cumulative count
 * (so that the parts add up to the whole), and its count above. */
static void
column(struct align_buf *b, const struct align_report_tally *t, size_t x,
    size_t max, size_t min)
{
	static const char *const cls[] = { "success", "mixed", "failure" };
	size_t part[3] = { t->success, t->mixed, t->failure };
	size_t k, sum = 0, y0 = 0, y1, n = total(t);

	if (!told(t, min)) {
		align_buf_printf(b, "<rect class=\"hidden\" x=\"%zu\" "
		    "y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\"/><text "
		    "class=\"num\" "
		    "x=\"%zu\" y=\"%d\">&lt;%zu</text>", x, TOP + PLOT - 12,
		    COL, 12, x + COL / 2, TOP + PLOT - 16, min);
		return;
	}
	for (k = 0; k < 3; k++) {
		sum += part[k];
		y1 = (sum * PLOT + max / 2) / max;
		if (y1 > y0)
			align_buf_printf(b, "<rect class=\"%s\" x=\"%zu\" "
			    "y=\"%zu\" width=\"%d\" height=\"%zu\"/>", cls[k],
			    x, TOP + PLOT - y1, COL, y1 - y0);
		y0 = y1;
	}
	align_buf_printf(b, "<text class=\"num\" x=\"%zu\" y=\"%zu\">%zu"
	    "</text>", x + COL / 2, TOP + PLOT - y0 - 5, n);
}

/* The chart of principle p: a column a group round, on the scale max.
 * Hidden from screen readers: the table after it says the same. */
static void
chart(const struct align_report *v, const struct align_report_principle *p,
    const struct align_show *s, size_t max, size_t min)
{
	struct align_buf *b = s->b;
	size_t j, x, w = v->ngroup * (COL + GAP);
	int year = 0;

	align_buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %zu %d\" "
	    "aria-hidden=\"true\"><line class=\"axis\" x1=\"0\" y1=\"%d\" "
	    "x2=\"%zu\" y2=\"%d\"/>", w, TOP + PLOT + LABELS, TOP + PLOT, w,
	    TOP + PLOT);
	for (j = 0; j < v->ngroup; j++) {
		const struct align_report_round *r = &v->round[v->group[j]];

		x = GAP / 2 + j * (COL + GAP);
		column(b, &p->tally[j], x, max, min);
		align_buf_printf(b, "<text class=\"lbl id\" x=\"%zu\" "
		    "y=\"%d\">", x + COL / 2, TOP + PLOT + 16);
		align_show_text(s, r->id);
		align_buf_puts(b, "</text>");
		day(b, r->date, x + COL / 2, &year);
	}
	align_buf_puts(b, "</svg>\n");
}

/* The chart's numbers, a row a round. */
static void
table(const struct align_report *v, const struct align_report_principle *p,
    const struct align_show *s, size_t min)
{
	struct align_buf *b = s->b;
	size_t j;

	/* A table is as wide as it needs: its box, not it, is hidden. */
	align_buf_puts(b, "<div class=\"sr-only\"><table><caption>Check-ins "
	    "on ");
	align_show_text(s, p->id);
	align_buf_puts(b, ", round by round</caption>\n<thead><tr><th scope="
	    "\"col\">Round</th><th scope=\"col\">Date</th><th scope=\"col\">"
	    "Successes</th><th scope=\"col\">Mixed</th><th scope=\"col\">"
	    "Failures</th></tr></thead>\n<tbody>\n");
	for (j = 0; j < v->ngroup; j++) {
		const struct align_report_round *r = &v->round[v->group[j]];
		const struct align_report_tally *t = &p->tally[j];

		align_buf_puts(b, "<tr><th scope=\"row\">");
		align_show_text(s, r->id);
		align_buf_puts(b, "</th><td>");
		align_html_time(s, r->date);
		if (told(t, min))
			align_buf_printf(b, "</td><td>%zu</td><td>%zu</td><td>"
			    "%zu</td></tr>\n", t->success, t->mixed,
			    t->failure);
		else
			align_buf_printf(b, "</td><td colspan=\"3\">fewer "
			    "than %zu people checked in</td></tr>\n", min);
	}
	align_buf_puts(b, "</tbody></table></div>\n");
}

/* 1 when n is of a group round. */
static int
group_note(const struct align_report *v, const struct align_report_remark *n)
{
	size_t j;

	for (j = 0; j < v->ngroup; j++)
		if (strcmp(v->round[v->group[j]].id, n->round) == 0)
			return 1;
	return 0;
}

static const char *
outcome(const char *o)
{
	return strcmp(o, "success") == 0 ? "Success" : strcmp(o, "mixed") ==
	    0 ? "Mixed" : strcmp(o, "failure") == 0 ? "Failure" : "";
}

/* Whether the outcome of note n on principle p may be told: the tally
 * of its round does (a commitment's, p NULL, always does). */
static int
note_told(const struct align_report *v, const struct align_report_remark *n,
    const struct align_report_principle *p, size_t min)
{
	size_t j;

	for (j = 0; p && j < v->ngroup; j++)
		if (strcmp(v->round[v->group[j]].id, n->round) == 0)
			return told(&p->tally[j], min);
	return 1;
}

/* The notes on pid in round rid (NULL: in any group round, pid being
 * p's), in the order they were written, as cards whose ids begin with
 * prefix. */
static void
notes(const struct align_report *v, const char *rid, const char *pid,
    const struct align_report_principle *p, const struct align_show *s,
    const char *prefix, size_t min)
{
	struct align_buf *b = s->b;
	size_t i, k = 0;

	for (i = 0; i < v->nremark; i++) {
		const struct align_report_remark *n = &v->remark[i];
		const char *o = note_told(v, n, p, min) ?
		    outcome(n->outcome) : "";

		if (strcmp(n->principle, pid) || (rid ? strcmp(n->round,
		    rid) != 0 : !group_note(v, n)))
			continue;
		align_buf_printf(b, "%s<li class=\"card item note\" "
		    "id=\"%s-n%zu\"><div class=\"card-head\">", k ? "" :
		    "<ul class=\"cards notes\">\n", prefix, k + 1);
		if (*o)
			align_buf_printf(b, "<span class=\"outcome %s\">%s"
			    "</span> ", n->outcome, o);
		align_buf_puts(b, "<span class=\"who\" lang=\"\">");
		align_show_text(s, n->participant);
		align_buf_puts(b, "</span> <span class=\"in-round\">");
		align_show_text(s, n->round);
		align_buf_puts(b, "</span></div>\n<p lang=\"\" dir=\"auto\">");
		align_show_text(s, n->text);
		align_buf_puts(b, "</p></li>\n");
		k++;
	}
	if (k)
		align_buf_puts(b, "</ul>\n");
}

static void
legend(struct align_buf *b)
{
	align_buf_puts(b, "<ul class=\"legend\" aria-hidden=\"true\">"
	    "<li class=\"success\">Success</li><li class=\"mixed\">Mixed</li>"
	    "<li class=\"failure\">Failure</li></ul>\n");
}

static void
principle(const struct align_report *v, size_t i, const struct align_show *s,
    size_t max, size_t min)
{
	const struct align_report_principle *p = &v->principle[i];
	struct align_buf *b = s->b;
	size_t j, n = 0, k;
	char prefix[32];

	for (j = 0; j < v->ngroup; j++)
		n += total(&p->tally[j]);
	for (j = 0, k = 0; j < v->nremark; j++)
		k += strcmp(v->remark[j].principle, p->id) == 0 &&
		    group_note(v, &v->remark[j]);
	snprintf(prefix, sizeof(prefix), "principle%zu", i + 1);
	align_buf_printf(b, "<section class=\"slide trend\" id=\"%s\" "
	    "aria-labelledby=\"%s-h\">\n<div class=\"slide-head\"><h2 "
	    "id=\"%s-h\"><span class=\"handle\">", prefix, prefix, prefix);
	align_show_text(s, p->id);
	align_buf_puts(b, "</span> <span lang=\"\" dir=\"auto\">");
	align_show_text(s, p->statement);
	align_buf_puts(b, "</span></h2>\n<p class=\"count\">");
	align_show_count(b, n, "check-in", "check-ins");
	align_buf_puts(b, ", ");
	align_show_count(b, k, "note", "notes");
	align_buf_puts(b, "</p></div>\n<div class=\"trend-body\">\n"
	    "<div class=\"chart-box\">\n");
	if (v->ngroup)
		chart(v, p, s, max, min);
	legend(b);
	align_buf_puts(b, "</div>\n");
	if (v->ngroup)
		table(v, p, s, min);
	notes(v, NULL, p->id, p, s, prefix, min);
	align_buf_puts(b, "</div>\n</section>\n");
}

/* A tally in words: "2 successes, 1 mixed, 0 failures". */
static void
words(struct align_buf *b, const struct align_report_tally *t, size_t min)
{
	if (!told(t, min)) {
		align_buf_printf(b, "fewer than %zu people", min);
		return;
	}
	align_buf_printf(b, "%zu %s, %zu mixed, %zu %s", t->success,
	    align_plural(t->success, "success", "successes"), t->mixed,
	    t->failure, align_plural(t->failure, "failure", "failures"));
}

/* A one-to-one: each commitment, how it went, the notes on it. */
static void
one_to_one(const struct align_report *v, size_t i,
    const struct align_show *s, size_t min)
{
	const struct align_report_round *r = &v->round[i];
	struct align_buf *b = s->b;
	size_t j;
	char prefix[48];

	align_buf_printf(b, "<section class=\"slide one-to-one\" "
	    "id=\"round%zu\" aria-labelledby=\"round%zu-h\">\n<div "
	    "class=\"slide-head\"><h2 id=\"round%zu-h\"><span "
	    "class=\"handle\">", i + 1, i + 1, i + 1);
	align_show_text(s, r->id);
	align_buf_puts(b, "</span> One-to-one with <span lang=\"\">");
	align_show_text(s, r->with ? r->with : "");
	align_buf_puts(b, "</span></h2>\n<p class=\"count\">");
	align_show_count(b, r->ncommitment, "commitment", "commitments");
	align_buf_puts(b, "</p></div>\n<ol class=\"commitments\">\n");
	for (j = 0; j < r->ncommitment; j++) {
		const struct align_report_commitment *c = &r->commitment[j];

		snprintf(prefix, sizeof(prefix), "round%zu-c%zu", i + 1,
		    j + 1);
		align_buf_printf(b, "<li id=\"%s\"><p><span class=\"who\" "
		    "lang=\"\">", prefix);
		align_show_text(s, c->participant);
		align_buf_puts(b, "</span>: <span lang=\"\" dir=\"auto\">");
		align_show_text(s, c->commitment);
		align_buf_puts(b, "</span> <span class=\"tally-words\">(");
		words(b, &c->tally, min);
		align_buf_puts(b, ")</span></p>\n");
		notes(v, r->id, c->id, NULL, s, prefix, min);
		align_buf_puts(b, "</li>\n");
	}
	align_buf_puts(b, "</ol>\n</section>\n");
}

/* What was recognised in round r, as cards. */
static void
recognitions(const struct align_report_round *r, size_t i,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t j;

	if (r->nrecognition == 0)
		return;
	align_buf_puts(b, "<ul class=\"cards recognitions\">\n");
	for (j = 0; j < r->nrecognition; j++) {
		align_buf_printf(b, "<li class=\"card item\" "
		    "id=\"checkins%zu-r%zu\"><div class=\"card-head\"><span "
		    "class=\"outcome recognised\">Recognised</span> <span "
		    "class=\"who\" lang=\"\">", i + 1, j + 1);
		align_show_text(s, r->recognition[j].participant);
		align_buf_puts(b, "</span></div>\n<p lang=\"\" dir=\"auto\">");
		align_show_text(s, r->recognition[j].text);
		align_buf_puts(b, "</p></li>\n");
	}
	align_buf_puts(b, "</ul>\n");
}

/* Round i: who has checked in, what was recognised, who has not. */
static void
checkins(const struct align_report *v, size_t i, const struct align_show *s)
{
	const struct align_report_round *r = &v->round[i];
	struct align_buf *b = s->b;
	size_t j, in = r->people - r->missing.n;

	align_buf_printf(b, "<section class=\"slide checkins\" "
	    "id=\"checkins%zu\" aria-labelledby=\"checkins%zu-h\">\n<div "
	    "class=\"slide-head\"><h2 id=\"checkins%zu-h\"><span "
	    "class=\"handle\">", i + 1, i + 1, i + 1);
	align_show_text(s, r->id);
	align_buf_puts(b, "</span> ");
	align_html_time(s, r->date);
	align_buf_puts(b, "</h2>\n<p class=\"count\">");
	if (v->anonymous)
		align_buf_puts(b, "check-ins by pseudonyms");
	else
		align_buf_printf(b, "%zu of %zu checked in", in, r->people);
	align_buf_puts(b, "</p></div>\n");
	if (!v->anonymous && r->people)
		align_html_bar(b, in, r->people);
	recognitions(r, i, s);
	if (v->anonymous) {
		align_buf_puts(b, "<p class=\"empty\">Who has not checked in "
		    "is not known: the check-ins are by pseudonyms.</p>\n");
	} else if (r->missing.n) {
		align_buf_printf(b, "<div class=\"item waiting\" "
		    "id=\"checkins%zu-w\">Not checked in: <ul class=\"names\" "
		    "lang=\"\">", i + 1);
		for (j = 0; j < r->missing.n; j++) {
			align_buf_puts(b, "<li>");
			align_show_text(s, r->missing.v[j]);
			align_buf_puts(b, "</li>");
		}
		align_buf_puts(b, "</ul></div>\n");
	}
	align_buf_puts(b, "</section>\n");
}

/* The rounds and the check-ins, all told. */
static void
summary(const struct align_report *v, const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t i, j, n = 0;

	for (i = 0; i < v->nprinciple; i++)
		for (j = 0; j < v->ngroup; j++)
			n += total(&v->principle[i].tally[j]);
	align_buf_puts(b, "<div class=\"tally\">\n<p><strong>");
	align_show_count(b, v->ngroup, "round", "rounds");
	align_buf_puts(b, "</strong> of the group, ");
	align_show_count(b, v->nprinciple, "principle", "principles");
	align_buf_puts(b, " under review, ");
	align_show_count(b, n, "check-in", "check-ins");
	align_buf_puts(b, "</p>\n");
	legend(b);
	align_buf_puts(b, "</div>\n");
}

void
align_report_html(const struct align_report *v, const struct align_show *s)
{
	struct align_html_page page = { .family = "report",
	    .what = "Follow-up report", .title = v->title, .date = v->date,
	    .place = v->place };
	size_t i, max = scale(v), min = align_show_min_group(s, v->anonymous);

	align_html_begin(s, &page);
	if (v->nround == 0 && v->nprinciple == 0) {
		align_buf_puts(s->b, "<p class=\"empty\">No follow-up yet: "
		    "plan one with align-followup plan.</p>\n");
		align_html_end(s, &page);
		return;
	}
	summary(v, s);
	for (i = 0; i < v->nprinciple; i++)
		principle(v, i, s, max, min);
	for (i = 0; i < v->nround; i++)
		if (v->round[i].realign)
			align_realign_html(v->round[i].realign, s);
		else if (v->round[i].one_to_one)
			one_to_one(v, i, s, min);
	if (v->nround)
		align_buf_puts(s->b, "<h2 class=\"part-title\">Check-ins, "
		    "round by round</h2>\n");
	for (i = 0; i < v->nround; i++)
		if (!v->round[i].realign || !v->round[i].realign->nreviewed)
			checkins(v, i, s);
	align_html_end(s, &page);
}
