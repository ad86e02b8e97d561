#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "csv.h"
#include "hash.h"
#include "plan.h"
#include "text.h"

#define BOLD "\033[1m"
#define NAME "\033[1;36m"
#define DIM "\033[2m"
#define OFF "\033[0m"

static const char *
question_of(const struct align_node *r, const char *dflt)
{
	const char *q = align_map_str(r, "question");

	return q ? q : dflt;
}

static const char *
str(const struct align_node *r, const char *key, const char *dflt)
{
	const char *v = align_map_str(r, key);

	return v ? v : dflt;
}

static void
board_csv(struct align_buf *b, const struct align_node *rs, const char *sq)
{
	size_t i;

	align_buf_puts(b, "id,participant,at,question,text\r\n");
	for (i = 0; i < rs->n; i++) {
		const struct align_node *r = rs->item[i];

		align_csv_field(b, str(r, "id", ""));
		align_buf_putc(b, ',');
		align_csv_field(b, str(r, "participant", ""));
		align_buf_putc(b, ',');
		align_csv_field(b, str(r, "at", ""));
		align_buf_putc(b, ',');
		align_csv_field(b, question_of(r, sq));
		align_buf_putc(b, ',');
		align_csv_field(b, str(r, "text", ""));
		align_buf_puts(b, "\r\n");
	}
}

/* Markdown text on one list item: line breaks kept, indented. */
static void
md_text(struct align_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			align_buf_puts(b, "  \n   ");
		else
			align_buf_putc(b, *s);
	}
	align_buf_putc(b, '\n');
}

void
align_board(struct align_buf *b, const struct align_node *session,
    const struct align_node *rs, const struct align_board_opts *o)
{
	const char *sq = session ? str(session, "question", ALIGN_QUESTION) :
	    ALIGN_QUESTION;
	const char *title = session ? str(session, "title", ALIGN_TITLE) :
	    "Responses";
	size_t i, j, namew = 0, people = 0, num = 0;
	const char **done = NULL;
	size_t ndone = 0;
	struct align_set seen = ALIGN_SET_INIT;

	if (o->format == ALIGN_BOARD_CSV) {
		board_csv(b, rs, sq);
		return;
	}
	for (i = 0; i < rs->n; i++) {
		const char *who = align_map_str(rs->item[i], "participant");
		size_t w = who ? align_text_width(who, strlen(who)) : 0;

		if (w > namew)
			namew = w;
		if (who && align_set_add(&seen, who, strlen(who)) < 0)
			b->failed = 1;
	}
	people = seen.n;
	align_set_release(&seen);
	if (namew > 16)
		namew = 16;
	if (o->format == ALIGN_BOARD_MARKDOWN)
		align_buf_printf(b, "# %s\n", title);
	else
		align_buf_printf(b, "%s%s%s\n", o->color ? BOLD : "", title,
		    o->color ? OFF : "");
	/* One section a question, in the order the questions first come. */
	done = calloc(rs->n + 1, sizeof(*done));
	if (done == NULL && rs->n) {
		b->failed = 1;
		return;
	}
	for (i = 0; i <= rs->n; i++) {
		const char *q = i < rs->n ? question_of(rs->item[i], sq) : NULL;

		if (i == rs->n && rs->n > 0)
			break;
		if (q == NULL)
			q = sq;	/* no responses: the session's question */
		for (j = 0; j < ndone; j++)
			if (strcmp(done[j], q) == 0)
				break;
		if (j < ndone)
			continue;
		done[ndone++] = q;
		if (o->format == ALIGN_BOARD_MARKDOWN) {
			align_buf_puts(b, "\n> ");
			align_buf_puts(b, q);
			align_buf_puts(b, "\n\n");
		} else {
			align_buf_puts(b, "\n");
			if (o->color)
				align_buf_puts(b, DIM);
			align_text_wrap(b, q, 0, 0, o->width);
			if (o->color)
				align_buf_puts(b, OFF);
			align_buf_puts(b, "\n");
		}
		for (j = i; j < rs->n; j++) {
			const struct align_node *r = rs->item[j];
			const char *who = str(r, "participant", "");
			size_t w = align_text_width(who, strlen(who)), k;

			if (strcmp(question_of(r, sq), q) != 0)
				continue;
			num++;
			if (o->format == ALIGN_BOARD_MARKDOWN) {
				align_buf_printf(b, "%zu. ", num);
				if (*who)
					align_buf_printf(b, "**%s**: ", who);
				md_text(b, str(r, "text", ""));
				continue;
			}
			align_buf_printf(b, "%4zu  %s%s%s", num,
			    o->color ? NAME : "", who, o->color ? OFF : "");
			for (k = w; k < namew; k++)
				align_buf_putc(b, ' ');
			align_buf_puts(b, namew ? "  " : "");
			align_text_wrap(b, str(r, "text", ""),
			    6 + namew + (namew ? 2 : 0),
			    6 + (w > namew ? w : namew) + (namew ? 2 : 0),
			    o->width);
		}
	}
	free(done);
	if (o->format == ALIGN_BOARD_MARKDOWN)
		align_buf_puts(b, "\n");
	else
		align_buf_puts(b, "\n");
	align_buf_printf(b, "%zu response%s", rs->n, rs->n == 1 ? "" : "s");
	if (people)
		align_buf_printf(b, " from %zu participant%s", people,
		    people == 1 ? "" : "s");
	align_buf_puts(b, "\n");
}
