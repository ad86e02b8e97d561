/* The plan of step 8 as a page: every round (the one planned now in its
 * place), each a slide: when, its dates when it recurs, a one-to-one's
 * root cause, goals and commitments, the pairs as cards, the principles
 * under review. */
#include <string.h>

#include "followup_plan.h"
#include "html.h"

#define MAX_DATES 8	/* the dates of a cadence shown, then "..." */

/* <ul class="names">: user text, "and" between them in print. */
static void
names(const struct align_show *s, const struct align_texts *t)
{
	size_t i;

	align_buf_puts(s->b, "<ul class=\"names\" lang=\"\">");
	for (i = 0; i < t->n; i++) {
		align_buf_puts(s->b, "<li>");
		align_show_text(s, t->v[i]);
		align_buf_puts(s->b, "</li>");
	}
	align_buf_puts(s->b, "</ul>");
}

/* The dates of a round that recurs: the first MAX_DATES of them. */
static void
dates(const struct align_view *f, const struct align_zone *zone,
    const struct align_show *s)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_round r;
	struct align_time t;
	char at[40];
	long k;

	if (f->u.followup.every == NULL || align_round_of(f, zone,
	    &r, &e) < 0)
		return;
	align_buf_puts(s->b, "<div class=\"cadence\"><p>Every ");
	align_show_text(s, f->u.followup.every);
	if (r.count)
		align_buf_printf(s->b, ", %ld times", r.count);
	if (r.has_until) {
		align_buf_puts(s->b, ", until ");
		align_html_time(s, f->u.followup.until);
	}
	align_buf_puts(s->b, ":</p>\n<ol class=\"dates\">");
	for (k = 0; k < MAX_DATES && align_round_at(&r, k, &t) == 0; k++) {
		align_time_format(&t, at);
		align_buf_puts(s->b, "<li>");
		align_html_day(s, at);
		align_buf_puts(s->b, "</li>");
	}
	if (align_round_at(&r, k, &t) == 0)
		align_buf_puts(s->b, "<li>\xe2\x80\xa6</li>");
	align_buf_puts(s->b, "</ol></div>\n");
}

/* The statement of principle id, or NULL. */
static const char *
statement(const struct align_rounds *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->nprinciple; i++)
		if (rs->principle[i].v.id && strcmp(rs->principle[i].v.id,
		    id) == 0)
			return rs->principle[i].v.u.principle.statement;
	return NULL;
}

/* The principles under review of round f, the n-th on the page. */
static void
review(const struct align_followup_view *f, size_t n,
    const struct align_rounds *rs, const struct align_show *s)
{
	size_t i;

	if (f->principles.n == 0)
		return;
	align_buf_puts(s->b, "<div class=\"review\"><h3>Principles under "
	    "review</h3>\n<ul>\n");
	for (i = 0; i < f->principles.n; i++) {
		const char *st = statement(rs, f->principles.v[i]);

		align_buf_printf(s->b, "<li class=\"item\" "
		    "id=\"round%zu-p%zu\"><span class=\"handle\">", n, i + 1);
		align_show_text(s, f->principles.v[i]);
		align_buf_puts(s->b, "</span>");
		if (st) {
			align_buf_puts(s->b, " <span lang=\"\" dir=\"auto\">");
			align_show_text(s, st);
			align_buf_puts(s->b, "</span>");
		}
		align_buf_puts(s->b, "</li>\n");
	}
	align_buf_puts(s->b, "</ul></div>\n");
}

static void
pairs(const struct align_followup_view *f, size_t n,
    const struct align_show *s)
{
	size_t i;

	if (f->pairs.n == 0) {
		align_buf_puts(s->b, "<p class=\"empty\">No pairs.</p>\n");
		return;
	}
	align_buf_puts(s->b, "<h3>Pairs</h3>\n<ul class=\"cards pairs\">\n");
	for (i = 0; i < f->pairs.n; i++) {
		align_buf_printf(s->b, "<li class=\"card item\" "
		    "id=\"round%zu-pair%zu\"><div class=\"card-head\"><span "
		    "class=\"n\">%zu</span> %s</div>", n, i + 1, i + 1,
		    f->pairs.v[i].n > 2 ? "a trio" : "a pair");
		names(s, &f->pairs.v[i]);
		align_buf_puts(s->b, "</li>\n");
	}
	align_buf_puts(s->b, "</ul>\n");
}

/* A one-to-one's own: the root cause, the shared goals, the
 * commitments of each side. */
static void
one_to_one(const struct align_followup_view *f, size_t n,
    const struct align_show *s)
{
	const struct align_commitment_view *c = f->commitments.v;
	size_t i, k = 0;

	align_buf_puts(s->b, "<dl class=\"one-to-one-facts\">\n");
	if (f->root_cause) {
		align_buf_printf(s->b, "<div class=\"item\" "
		    "id=\"round%zu-f%zu\"><dt>Root cause</dt><dd lang=\"\" "
		    "dir=\"auto\">", n, ++k);
		align_show_text(s, f->root_cause);
		align_buf_puts(s->b, "</dd></div>\n");
	}
	for (i = 0; i < f->goals.n; i++) {
		const struct align_goal_view *g = f->goals.v;

		if (g[i].goal == NULL)
			continue;
		align_buf_printf(s->b, "<div class=\"item\" "
		    "id=\"round%zu-f%zu\"><dt>Goal</dt><dd lang=\"\" "
		    "dir=\"auto\">", n, ++k);
		align_show_text(s, g[i].goal);
		align_buf_puts(s->b, "</dd></div>\n");
	}
	for (i = 0; i < f->commitments.n; i++) {
		if (c[i].commitment == NULL)
			continue;
		align_buf_printf(s->b, "<div class=\"item\" "
		    "id=\"round%zu-f%zu\"><dt>Commitment of <span lang=\"\">",
		    n, ++k);
		align_show_text(s, c[i].participant ? c[i].participant : "?");
		align_buf_puts(s->b, "</span></dt><dd lang=\"\" "
		    "dir=\"auto\">");
		align_show_text(s, c[i].commitment);
		align_buf_puts(s->b, "</dd></div>\n");
	}
	align_buf_puts(s->b, "</dl>\n");
}

/* Round f, the n-th on the page; mark: "new", "revised" or NULL. */
static void
round_slide(const struct align_view *f, size_t n, const char *mark,
    const struct align_rounds *rs, const struct align_show *s)
{
	const struct align_followup_view *u = &f->u.followup;
	struct align_buf *b = s->b;

	align_buf_printf(b, "<section class=\"slide round\" id=\"round%zu\" "
	    "aria-labelledby=\"round%zu-h\">\n<div class=\"slide-head\"><h2 "
	    "id=\"round%zu-h\"><span class=\"handle\">", n, n, n);
	align_show_text(s, f->id ? f->id : "");
	align_buf_puts(b, "</span> ");
	if (u->with) {
		align_buf_puts(b, "One-to-one with <span lang=\"\">");
		align_show_text(s, u->with);
		align_buf_puts(b, "</span>");
	} else {
		align_buf_puts(b, "Follow-up");
	}
	align_buf_puts(b, "</h2>\n<p class=\"count\">");
	if (mark)
		align_buf_printf(b, "<span class=\"mark\">%s</span> ", mark);
	align_show_count(b, u->pairs.n, "pair", "pairs");
	align_buf_puts(b, "</p></div>\n<p class=\"on\">");
	align_html_time(s, u->date ? u->date : "");
	align_buf_puts(b, "</p>\n");
	dates(f, rs->zone, s);
	if (u->with)
		one_to_one(u, n, s);
	pairs(u, n, s);
	review(u, n, rs, s);
	align_buf_puts(b, "</section>\n");
}

void
align_round_html(const struct align_planned *p, const struct align_rounds *rs,
    const struct align_show *s)
{
	const struct align_session_view *u = rs->session;
	struct align_html_page page = { .family = "plan",
	    .what = "Follow-up plan", .title = u ? u->title : NULL,
	    .date = u ? u->date : NULL, .place = u ? u->place : NULL };
	const char *mark = p && p->revised ? "revised" : "planned now";
	size_t i, n = 0;

	align_html_begin(s, &page);
	if (p == NULL && rs->nround == 0)
		align_buf_puts(s->b, "<p class=\"empty\">No follow-up planned "
		    "yet: plan one with align-followup plan.</p>\n");
	for (i = 0; i < rs->nround; i++) {
		if (p == NULL)
			round_slide(&rs->round[i].v, ++n, NULL, rs, s);
		else if ((long)rs->round[i].at == p->at)
			round_slide(&p->view, ++n, p->revised ? mark : NULL,
			    rs, s);
		else
			round_slide(&rs->round[i].v, ++n, NULL, rs, s);
	}
	if (p && p->at < 0)
		round_slide(&p->view, ++n, mark, rs, s);
	align_html_end(s, &page);
}
