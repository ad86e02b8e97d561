/* The whiteboard: the numbered list with each principle's dots and how
 * many agree, the objections that stand, who has not voted or agreed. */
#include "principles.h"

/* "Principles (consensus: 5 of 7 people agree to all 6; final)": people
 * counted, as on the lines below. */
static void
header(const struct align_principles *v, const struct align_show *s)
{
	struct align_buf *b = s->b;

	align_buf_printf(b, "%sPrinciples%s (%s: ",
	    align_style_on(s, ALIGN_STYLE_BOLD), align_style_off(s), v->rule);
	if (v->n == 0) {
		align_buf_puts(b, "none yet)\n\n");
		return;
	}
	align_buf_printf(b, "%zu of %zu %s %s to ", v->agree_all, v->npeople,
	    align_plural(v->npeople, "person", "people"),
	    align_plural(v->agree_all, "agrees", "agree"));
	if (v->n == 1)
		align_buf_puts(b, "it");
	else
		align_buf_printf(b, "all %zu", v->n);
	align_buf_printf(b, "%s)\n\n", v->final ? "; final" : "");
}

static void
entry(const struct align_principles *v, const struct align_principles_entry *x,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	long long k;
	size_t j;

	align_buf_printf(b, "%2zu. %s", x->number,
	    align_style_on(s, ALIGN_STYLE_BOLD));
	align_show_text(s, x->statement);
	align_buf_printf(b, "%s  (", align_style_off(s));
	align_show_text(s, x->handle);
	align_buf_puts(b, ")\n    ");
	for (k = 0; k < x->votes && k < 20; k++)
		align_buf_puts(b, "\xe2\x97\x8f");	/* ● */
	align_buf_printf(b, "%s%lld %s, agreed by %zu of %zu",
	    x->votes > 0 ? " " : "", x->votes,
	    x->votes == 1 ? "vote" : "votes", x->nagreed, v->npeople);
	if (x->nobjection)
		align_buf_printf(b, ", %zu %s", x->nobjection,
		    align_plural(x->nobjection, "objection", "objections"));
	align_buf_puts(b, x->met ? "  \xe2\x9c\x93\n" : "\n");	/* ✓ */
	for (j = 0; j < x->nobjection; j++) {
		align_buf_puts(b, "      ");
		align_show_text(s, x->objection[j].participant);
		align_buf_puts(b, " objects: ");
		align_show_text(s, x->objection[j].reason);
		align_buf_putc(b, '\n');
	}
}

/* "Not voted: Ana, Ben" */
static void
names(const struct align_show *s, const char *what, const char **who,
    size_t n)
{
	size_t i;

	if (n == 0)
		return;
	align_buf_puts(s->b, what);
	for (i = 0; i < n; i++) {
		align_buf_puts(s->b, i ? ", " : "");
		align_show_text(s, who[i]);
	}
	align_buf_putc(s->b, '\n');
}

void
align_principles_text(const struct align_principles *v,
    const struct align_show *s)
{
	size_t i;

	header(v, s);
	for (i = 0; i < v->n; i++)
		entry(v, &v->entry[i], s);
	names(s, "\nNot voted: ", v->not_voted, v->nnot_voted);
	names(s, "Not agreed to all: ", v->not_agreed, v->nnot_agreed);
}
