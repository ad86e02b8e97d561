#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "grow.h"
#include "hash.h"
#include "plan.h"
#include "text.h"

static const struct {
	enum align_format f;
	void (*show)(const struct align_board *, const struct align_show *);
} renderers[] = {
	{ ALIGN_FMT_TEXT, align_board_text },
	{ ALIGN_FMT_MARKDOWN, align_board_markdown },
	{ ALIGN_FMT_CSV, align_board_csv },
};

static const char *
str(const struct align_node *r, const char *key, const char *dflt)
{
	const char *v = r ? align_map_str(r, key) : NULL;

	return v ? v : dflt;
}

int
align_board_make(struct align_board *v, const struct align_node *session,
    const struct align_node *rs, struct align_err *e)
{
	struct align_set seen = ALIGN_SET_INIT;
	size_t i, j, n = rs ? rs->n : 0, gcap = 0, num = 0;

	memset(v, 0, sizeof(*v));
	v->question = str(session, "question", ALIGN_QUESTION);
	v->title = session ? str(session, "title", ALIGN_TITLE) : "Responses";
	v->entry = calloc(n + 1, sizeof(*v->entry));
	v->input = calloc(n + 1, sizeof(*v->input));
	if (v->entry == NULL || v->input == NULL)
		goto nomem;
	for (i = 0; i < n; i++) {
		const struct align_node *r = rs->item[i];
		struct align_board_entry *x = &v->input[i];
		size_t w;

		x->id = str(r, "id", "");
		x->participant = str(r, "participant", "");
		x->at = str(r, "at", "");
		x->question = str(r, "question", v->question);
		x->text = str(r, "text", "");
		w = align_text_width(x->participant, strlen(x->participant));
		if (w > v->namew)
			v->namew = w > 16 ? 16 : w;
		if (align_map_str(r, "participant") && align_set_add(&seen,
		    x->participant, strlen(x->participant)) < 0)
			goto nomem;
	}
	v->nentry = n;
	v->people = seen.n;
	align_set_release(&seen);
	/* One group a question, in the order the questions first come. */
	for (i = 0; i < n; i++) {
		struct align_board_group *g;

		for (j = 0; j < v->ngroup; j++)
			if (strcmp(v->group[j].question,
			    v->input[i].question) == 0)
				break;
		if (j < v->ngroup)
			continue;
		if (ALIGN_GROW(v->group, v->ngroup + 1, gcap) < 0)
			goto nomem;
		g = &v->group[v->ngroup++];
		g->question = v->input[i].question;
		g->first = num;
		g->n = 0;
		for (j = i; j < n; j++)
			if (strcmp(v->input[j].question, g->question) == 0) {
				v->input[j].number = ++num;
				v->entry[num - 1] = v->input[j];
				g->n++;
			}
	}
	if (n == 0) {
		/* No responses: the session's question, alone. */
		if (ALIGN_GROW(v->group, 1, gcap) < 0)
			goto nomem;
		v->group[0].question = v->question;
		v->ngroup = 1;
	}
	return 0;
nomem:
	align_set_release(&seen);
	align_board_release(v);
	return align_err_nomem(e);
}

void
align_board_release(struct align_board *v)
{
	free(v->entry);
	free(v->input);
	free(v->group);
	memset(v, 0, sizeof(*v));
}

int
align_board_formats(void)
{
	size_t i;
	int mask = 0;

	for (i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		mask |= renderers[i].f;
	return mask;
}

void
align_board_show(const struct align_board *v, const struct align_show *s)
{
	size_t i;

	for (i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		if (renderers[i].f == s->format) {
			renderers[i].show(v, s);
			return;
		}
}
