/* A one-to-one realignment in Markdown: the facts as a list, a table of
 * the weeks (a column a measured goal and a commitment), the
 * commitments' states, the recognition with its day, the flags. */
#include <math.h>
#include <string.h>

#include "realign.h"

static void
fact(const struct align_show *s, const char *label, const char *day,
    const char *text)
{
	if (text == NULL)
		return;
	align_buf_printf(s->b, "- **%s%s%s:** ", label, day ? " " : "",
	    day ? day : "");
	align_show_text(s, text);
	align_buf_putc(s->b, '\n');
}

/* One cell of text, escaped: " text |". */
static void
cell(const struct align_show *s, const char *text)
{
	align_buf_putc(s->b, ' ');
	if (text)
		align_show_text(s, text);
	align_buf_puts(s->b, " |");
}

/* The table's head and its rule, the measured goals aligned right. */
static void
table_head(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	align_buf_puts(s->b, "\n| week |");
	for (i = 0; i < p->ngoal; i++)
		if (p->goal[i].id && p->goal[i].measured)
			cell(s, p->goal[i].id);
	for (i = 0; i < p->ncommitment; i++)
		cell(s, p->commitment[i].id);
	align_buf_puts(s->b, " note |\n|---|");
	for (i = 0; i < p->ngoal; i++)
		if (p->goal[i].id && p->goal[i].measured)
			align_buf_puts(s->b, "--:|");
	for (i = 0; i < p->ncommitment; i++)
		align_buf_puts(s->b, "---|");
	align_buf_puts(s->b, "---|\n");
}

/* Week k's row: each measured goal's value, each commitment's outcome,
 * the review's note (or that there is none). */
static void
table_row(const struct align_realign *p, const struct align_show *s,
    size_t k)
{
	const struct align_review_view *r = p->week[k].review;
	size_t i;
	char n[32];

	align_buf_printf(s->b, "| %s |", p->week[k].day);
	for (i = 0; i < p->ngoal; i++) {
		if (!p->goal[i].id || !p->goal[i].measured)
			continue;
		align_buf_putc(s->b, ' ');
		if (!isnan(p->goal[i].value[k])) {
			align_realign_number(p->goal[i].value[k], n);
			align_buf_puts(s->b, n);
		}
		align_buf_puts(s->b, " |");
	}
	for (i = 0; i < p->ncommitment; i++)
		cell(s, p->commitment[i].outcome[k]);
	align_buf_putc(s->b, ' ');
	if (r && r->note)
		align_show_text(s, r->note);
	else if (!r)
		align_buf_puts(s->b, p->week[k].missed ? "**missed**" :
		    "not reviewed yet");
	align_buf_puts(s->b, " |\n");
}

/* The weeks: | week | g1 | c1 | ... | note |. */
static void
table(const struct align_realign *p, const struct align_show *s)
{
	size_t k;

	table_head(p, s);
	for (k = 0; k < p->nweek; k++)
		table_row(p, s, k);
}

static void
goals(const struct align_realign *p, const struct align_show *s)
{
	char a[32], b[32];
	size_t i;

	for (i = 0; i < p->ngoal; i++) {
		const struct align_realign_goal *g = &p->goal[i];

		align_buf_puts(s->b, "- ");
		align_show_text(s, g->id ? g->id : "-");
		align_buf_putc(s->b, ' ');
		align_show_text(s, g->goal);
		if (g->nvalue) {
			align_realign_number(g->first, a);
			align_realign_number(g->last, b);
			align_buf_printf(s->b, ": %s \xe2\x86\x92 %s", a, b);
			if (*g->unit) {
				align_buf_putc(s->b, ' ');
				align_show_text(s, g->unit);
			}
		}
		if (g->nvalue && g->target) {
			align_buf_puts(s->b, ", target ");
			align_show_text(s, g->target);
			align_buf_printf(s->b, ": %s%s", g->reached ?
			    "reached " : "not reached yet", g->reached ?
			    g->reached : "");
		}
		align_buf_putc(s->b, '\n');
	}
}

static void
commitments(const struct align_realign *p, const struct align_show *s)
{
	static const char *const st[] = { "on track", "done", "overdue" };
	size_t i;

	for (i = 0; i < p->ncommitment; i++) {
		const struct align_realign_commitment *c = &p->commitment[i];

		align_buf_puts(s->b, "- ");
		align_show_text(s, c->id);
		align_buf_putc(s->b, ' ');
		align_show_text(s, c->participant);
		align_buf_puts(s->b, ": ");
		align_show_text(s, c->commitment);
		align_buf_printf(s->b, " — **%s**", st[c->state]);
		if (c->state == ALIGN_REALIGN_DONE) {
			align_buf_putc(s->b, ' ');
			align_show_text(s, c->done);
		}
		else if (c->due) {
			align_buf_puts(s->b, c->state ==
			    ALIGN_REALIGN_OVERDUE ? " since " : " (due ");
			align_show_text(s, c->due);
			if (c->state != ALIGN_REALIGN_OVERDUE)
				align_buf_putc(s->b, ')');
		}
		align_buf_putc(s->b, '\n');
	}
}

static void
flags(const struct align_realign *p, const struct align_show *s)
{
	size_t i;

	if (p->nflag)
		align_buf_puts(s->b, "\n**Needs you**\n\n");
	for (i = 0; i < p->nflag; i++) {
		const struct align_realign_flag *f = &p->flag[i];

		align_buf_puts(s->b, "- ");
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
align_realign_markdown(const struct align_realign *p,
    const struct align_show *s)
{
	size_t i;

	align_buf_puts(s->b, "\n## ");
	align_show_text(s, p->id);
	align_buf_puts(s->b, ": one-to-one with ");
	align_show_text(s, p->with ? p->with : "");
	align_buf_puts(s->b, "\n\n");
	align_realign_facts(p, s, fact);
	if (p->ngoal)
		align_buf_puts(s->b, "\n### Goals\n\n");
	goals(p, s);
	if (p->ncommitment)
		align_buf_puts(s->b, "\n### Commitments\n\n");
	commitments(p, s);
	if (p->nweek)
		table(p, s);
	for (i = 0; i < p->nrecognition; i++) {
		align_buf_puts(s->b, i ? "" : "\n");
		fact(s, "Recognised", p->recognition[i].day,
		    p->recognition[i].text);
	}
	flags(p, s);
}
