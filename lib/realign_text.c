/* A one-to-one realignment for a terminal: what was found, each goal's
 * sparkline week by week, each commitment's state and its weeks, the
 * reviews, the recognition with its day, and the flags. */
#include <math.h>
#include <string.h>

#include "realign.h"

static const char *const spark[8] = { "\xe2\x96\x81", "\xe2\x96\x82",
	"\xe2\x96\x83", "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
	"\xe2\x96\x87", "\xe2\x96\x88" };

/* "  Label: text", wrapped, when text is there. */
static void
fact(const struct align_show *s, const char *label, const char *day,
    const char *text)
{
	struct align_buf line = ALIGN_BUF_INIT;

	if (text == NULL)
		return;
	align_buf_printf(&line, "%s%s%s: %s", label, day ? " " : "",
	    day ? day : "", text);
	if (line.failed)
		s->b->failed = 1;
	else {
		align_buf_puts(s->b, "  ");
		align_show_wrap(s, line.p, 4, 2);
	}
	align_buf_release(&line);
}

/* The sparkline of g over the weeks (a space for a week without a
 * value), then "33 -> 39.2 %, target 38: reached 2027-03-08". */
static void
sparkline(const struct align_realign *p, const struct align_realign_goal *g,
    const struct align_show *s)
{
	double lo, hi;
	char a[32], b[32];
	size_t k;

	align_realign_range(p, g, 0, &lo, &hi);
	align_buf_puts(s->b, "     ");
	for (k = 0; k < p->nweek; k++)
		align_buf_puts(s->b, isnan(g->value[k]) ? " " :
		    spark[align_realign_level(g->value[k], lo, hi)]);
	align_realign_number(g->first, a);
	align_realign_number(g->last, b);
	align_buf_printf(s->b, "  %s \xe2\x86\x92 %s", a, b);
	if (*g->unit) {
		align_buf_putc(s->b, ' ');
		align_show_text(s, g->unit);
	}
	if (g->target) {
		align_buf_puts(s->b, ", target ");
		align_show_text(s, g->target);
		align_buf_printf(s->b, ": %s%s", g->reached ? "reached " :
		    "not reached yet", g->reached ? g->reached : "");
	}
	align_buf_putc(s->b, '\n');
}

static void
goals(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	if (p->ngoal)
		align_buf_puts(s->b, "\n  Goals\n");
	for (i = 0; i < p->ngoal; i++) {
		const struct align_realign_goal *g = &p->goal[i];

		align_buf_puts(s->b, "  ");
		align_show_text(s, g->id ? g->id : "-");
		align_buf_putc(s->b, ' ');
		align_show_text(s, g->goal);
		if (g->measure) {
			align_buf_puts(s->b, " (");
			align_show_text(s, g->measure);
			align_buf_putc(s->b, ')');
		}
		align_buf_putc(s->b, '\n');
		if (g->nvalue)
			sparkline(p, g, s);
		else if (g->measured)
			align_buf_puts(s->b, "     no value yet\n");
	}
}

/* The state: "done 2027-02-22", "overdue since 2027-03-01", "on track
 * (due 2027-03-01)". */
static void
state(const struct align_realign_commitment *c, const struct align_show *s)
{
	if (c->state == ALIGN_REALIGN_DONE) {
		align_buf_printf(s->b, "%sdone%s ", align_style_on(s,
		    ALIGN_STYLE_GOOD), align_style_off(s));
		align_show_text(s, c->done);
	} else if (c->state == ALIGN_REALIGN_OVERDUE) {
		align_buf_printf(s->b, "%soverdue%s since ", align_style_on(s,
		    ALIGN_STYLE_BAD), align_style_off(s));
		align_show_text(s, c->due);
	} else {
		align_buf_puts(s->b, "on track");
		if (c->due) {
			align_buf_puts(s->b, " (due ");
			align_show_text(s, c->due);
			align_buf_putc(s->b, ')');
		}
	}
}

/* A mark a week: success, mixed, failure, none. */
static void
marks(const struct align_realign *p, const struct align_realign_commitment *c,
    const struct align_show *s)
{
	size_t k;

	align_buf_puts(s->b, "  ");
	for (k = 0; k < p->nweek; k++) {
		const char *o = c->outcome[k];

		if (o && strcmp(o, "success") == 0)
			align_buf_printf(s->b, "%s\xe2\x9c\x93%s",
			    align_style_on(s, ALIGN_STYLE_GOOD),
			    align_style_off(s));
		else if (o && strcmp(o, "failure") == 0)
			align_buf_printf(s->b, "%s\xe2\x9c\x97%s",
			    align_style_on(s, ALIGN_STYLE_BAD),
			    align_style_off(s));
		else
			align_buf_puts(s->b, o ? "~" : "\xc2\xb7");
	}
}

static void
commitments(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	if (p->ncommitment)
		align_buf_puts(s->b, "\n  Commitments\n");
	for (i = 0; i < p->ncommitment; i++) {
		const struct align_realign_commitment *c = &p->commitment[i];

		align_buf_puts(s->b, "  ");
		align_show_text(s, c->id);
		align_buf_putc(s->b, ' ');
		align_show_text(s, c->participant);
		align_buf_puts(s->b, ": ");
		align_show_text(s, c->commitment);
		if (c->checked)
			align_buf_printf(s->b, " (%zu %s, %zu mixed, %zu %s)",
			    c->checkins[0], align_plural(c->checkins[0],
			    "success", "successes"), c->checkins[1],
			    c->checkins[2], align_plural(c->checkins[2],
			    "failure", "failures"));
		align_buf_puts(s->b, "\n     ");
		state(c, s);
		if (p->nreviewed)
			marks(p, c, s);
		align_buf_putc(s->b, '\n');
	}
}

/* "g1 33, c1 success: note" of review r into line. */
static void
review_line(struct align_buf *line, const struct align_review_view *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->values.n; i++, n++)
		align_buf_printf(line, "%s%s %s", n ? ", " : "",
		    r->values.v[i].key, r->values.v[i].value);
	for (i = 0; i < r->outcomes.n; i++, n++)
		align_buf_printf(line, "%s%s %s", n ? ", " : "",
		    r->outcomes.v[i].key, r->outcomes.v[i].value);
	if (r->note)
		align_buf_printf(line, "%s%s", n ? ": " : "", r->note);
}

static void
reviews(const struct align_realign *p, const struct align_show *s)
{
	struct align_buf line = ALIGN_BUF_INIT;
	size_t k;

	if (p->nweek)
		align_buf_puts(s->b, "\n  Reviews\n");
	for (k = 0; k < p->nweek; k++) {
		const struct align_realign_week *w = &p->week[k];

		align_buf_reset(&line);
		align_buf_printf(&line, "%s ", w->day);
		if (w->review)
			review_line(&line, w->review);
		else
			align_buf_puts(&line, w->missed ? "missed: no review" :
			    "today: not reviewed yet");
		if (line.failed) {
			s->b->failed = 1;
			break;
		}
		align_buf_puts(s->b, "  ");
		align_show_wrap(s, line.p, 14, 2);
	}
	align_buf_release(&line);
}

static void
recognised(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	if (p->nrecognition)
		align_buf_putc(s->b, '\n');
	for (i = 0; i < p->nrecognition; i++)
		fact(s, "Recognised", p->recognition[i].day,
		    p->recognition[i].text);
}

static void
flags(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	if (p->nflag)
		align_buf_printf(s->b, "\n  %sNeeds you%s\n", align_style_on(s,
		    ALIGN_STYLE_BAD), align_style_off(s));
	for (i = 0; i < p->nflag; i++) {
		const struct align_realign_flag *f = &p->flag[i];

		align_buf_puts(s->b, "  ! ");
		if (f->kind == ALIGN_REALIGN_FAILED_TWICE) {
			align_show_text(s, f->id);
			align_buf_printf(s->b, " failed two reviews in a row "
			    "(%s, %s)\n", f->day, f->day2);
		} else
			align_buf_printf(s->b, "no review of the meeting on "
			    "%s\n", f->day);
	}
}

void
align_realign_text(const struct align_realign *p, const struct align_show *s)
{
	align_buf_printf(s->b, "\n%s", align_style_on(s, ALIGN_STYLE_BOLD));
	align_show_text(s, p->id);
	align_buf_puts(s->b, ": one-to-one with ");
	align_show_text(s, p->with ? p->with : "");
	align_buf_printf(s->b, "%s (", align_style_off(s));
	align_show_count(s->b, p->nreviewed, "review", "reviews");
	align_buf_printf(s->b, ", %zu missed)\n", p->nmissed);
	align_realign_facts(p, s, fact);
	goals(p, s);
	commitments(p, s);
	reviews(p, s);
	recognised(p, s);
	flags(p, s);
}
