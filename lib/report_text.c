/* The report for a terminal: a bar a round under each principle, one
 * cell a check-in (success, mixed, failure), so that a trend shows, and
 * under it who wrote what. */
#include <string.h>

#include "report.h"
#include "text.h"

/* The bytes of the longest start of s no wider than cols columns, cut
 * between characters. */
static size_t
fits(const char *s, size_t cols)
{
	size_t n = 0, len = strlen(s);

	while (n < len) {
		unsigned char c = (unsigned char)s[n];
		size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

		if (n + k > len || align_text_width(s, n + k) > cols)
			break;
		n += k;
	}
	return n;
}

/* User text in a column of cols: cut to it, padded to it. */
static void
column(const struct align_show *s, const char *t, size_t cols, int cut)
{
	size_t n = cut ? fits(t, cols) : strlen(t), w = align_text_width(t, n);

	align_show_textn(s, t, n);
	for (; w < cols; w++)
		align_buf_putc(s->b, ' ');
}

static void
tally(const struct align_show *s, const struct align_report_tally *t)
{
	align_buf_printf(s->b, "%zu %s, %zu mixed, %zu %s", t->success,
	    align_plural(t->success, "success", "successes"), t->mixed,
	    t->failure, align_plural(t->failure, "failure", "failures"));
}

/* A cell a check-in: successes in green, failures in red. */
static void
bar(const struct align_show *s, const struct align_report_tally *t)
{
	size_t i;

	for (i = 0; i < t->success; i++)
		align_buf_printf(s->b, "%s\xe2\x96\x88%s", align_style_on(s,
		    ALIGN_STYLE_GOOD), align_style_off(s));
	for (i = 0; i < t->mixed; i++)
		align_buf_puts(s->b, "\xe2\x96\x93");
	for (i = 0; i < t->failure; i++)
		align_buf_printf(s->b, "%s\xe2\x96\x91%s", align_style_on(s,
		    ALIGN_STYLE_BAD), align_style_off(s));
}

/* "Ana (success): what happened", a line each, wrapped under indent. */
static void
notes(const struct align_show *s, const struct align_report_notes *n,
    size_t indent)
{
	struct align_buf line = ALIGN_BUF_INIT;
	size_t i, j;

	for (i = 0; i < n->n; i++) {
		align_buf_reset(&line);
		align_buf_printf(&line, "%s%s%s%s: %s", n->v[i].participant,
		    *n->v[i].outcome ? " (" : "", n->v[i].outcome,
		    *n->v[i].outcome ? ")" : "", n->v[i].note);
		if (line.failed) {
			s->b->failed = 1;
			break;
		}
		for (j = 0; j < indent; j++)
			align_buf_putc(s->b, ' ');
		align_show_wrap(s, line.p, indent + 2, indent);
	}
	align_buf_release(&line);
}

static void
principles(const struct align_report *v, const struct align_show *s)
{
	size_t i, j;

	for (i = 0; i < v->nprinciple; i++) {
		const struct align_report_principle *p = &v->principle[i];

		align_buf_printf(s->b, "\n%s", align_style_on(s,
		    ALIGN_STYLE_BOLD));
		align_show_text(s, p->id);
		align_buf_puts(s->b, "  ");
		align_show_text(s, p->statement);
		align_buf_printf(s->b, "%s\n", align_style_off(s));
		for (j = 0; j < v->ngroup; j++) {
			const struct align_report_round *r =
			    &v->round[v->group[j]];

			align_buf_puts(s->b, "  ");
			column(s, r->id, 4, 0);
			align_buf_putc(s->b, ' ');
			column(s, r->date, 10, 1);
			align_buf_puts(s->b, "  ");
			bar(s, &p->tally[j]);
			align_buf_putc(s->b, ' ');
			tally(s, &p->tally[j]);
			align_buf_putc(s->b, '\n');
			notes(s, &p->notes[j], 7);
		}
	}
}

static void
one_to_one(const struct align_report_round *r, const struct align_show *s)
{
	size_t i;

	align_buf_printf(s->b, "\n%s", align_style_on(s, ALIGN_STYLE_BOLD));
	align_show_text(s, r->id);
	align_buf_puts(s->b, ": one-to-one with ");
	align_show_text(s, r->with ? r->with : "");
	align_buf_printf(s->b, "%s\n", align_style_off(s));
	for (i = 0; i < r->ncommitment; i++) {
		const struct align_report_commitment *c = &r->commitment[i];

		align_buf_puts(s->b, "  ");
		align_show_text(s, c->id);
		align_buf_putc(s->b, ' ');
		align_show_text(s, c->participant);
		align_buf_puts(s->b, ": ");
		align_show_text(s, c->commitment);
		align_buf_puts(s->b, " (");
		tally(s, &c->tally);
		align_buf_puts(s->b, ")\n");
		notes(s, &c->notes, 5);
	}
}

/* A one-to-one reviewed week by week: its reviews, not check-ins. */
static int
reviewed(const struct align_report_round *r)
{
	return r->realign && r->realign->nreviewed > 0;
}

static void
people(const struct align_report_round *r, const struct align_show *s)
{
	size_t i;

	for (i = 0; !reviewed(r) && i < r->missing.n; i++) {
		if (i == 0) {
			align_buf_puts(s->b, "\nNot checked in for ");
			align_show_text(s, r->id);
			align_buf_puts(s->b, ": ");
		} else {
			align_buf_puts(s->b, ", ");
		}
		align_show_text(s, r->missing.v[i]);
	}
	if (r->missing.n && !reviewed(r))
		align_buf_putc(s->b, '\n');
	for (i = 0; !r->realign && i < r->nrecognition; i++) {
		align_buf_puts(s->b, "Recognised (");
		align_show_text(s, r->id);
		align_buf_puts(s->b, ", ");
		align_show_text(s, r->recognition[i].participant);
		align_buf_puts(s->b, "): ");
		align_show_text(s, r->recognition[i].text);
		align_buf_putc(s->b, '\n');
	}
}

void
align_report_text(const struct align_report *v, const struct align_show *s)
{
	size_t i;

	align_buf_printf(s->b, "%sFollow-up report%s\n", align_style_on(s,
	    ALIGN_STYLE_BOLD), align_style_off(s));
	principles(v, s);
	for (i = 0; i < v->nround; i++)
		if (v->round[i].realign)
			align_realign_text(v->round[i].realign, s);
		else if (v->round[i].one_to_one)
			one_to_one(&v->round[i], s);
	for (i = 0; i < v->nround; i++)
		people(&v->round[i], s);
}
