#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "grow.h"
#include "handle.h"
#include "hash.h"
#include "plan.h"
#include "record.h"
#include "response.h"
#include "roster.h"
#include "text.h"
#include "when.h"

static const ALIGN_RENDERER(struct align_board) renderers[] = {
	{ ALIGN_FMT_TEXT, align_board_text },
	{ ALIGN_FMT_MARKDOWN, align_board_markdown },
	{ ALIGN_FMT_CSV, align_board_csv },
	{ ALIGN_FMT_HTML, align_board_html },
};

/* Text or a default. */
static const char *
text_or(const char *v, const char *dflt)
{
	return v ? v : dflt;
}

/* Add name, folded, to set (has: only look): as align_set_add() and
 * align_set_has() answer, or -1 out of memory. */
static int
folded(struct align_set *set, const char *name, int has)
{
	struct align_buf f = ALIGN_BUF_INIT;
	int rc;

	/* The roster's one fold: "Ana", "ána" and " ANA " are one. */
	if (align_name_fold(&f, name, strlen(name)) < 0)
		rc = -1;
	else
		rc = has ? align_set_has(set, f.p, f.len) :
		    align_set_add(set, f.p, f.len);
	align_buf_release(&f);
	return rc;
}

/* The time at says, in seconds; LLONG_MIN when it is none. */
static long long
time_of(const char *at)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t;

	if (at == NULL || align_time_parse(at, &t, &e) < 0)
		return LLONG_MIN;
	return (long long)t.t;
}

/* Every response as it came, and who answered (names folded: "Ana" and
 * "ana" are one person). */
static int
entries(struct align_board *v, const struct align_node *rs,
    struct align_set *people)
{
	size_t i, n = rs ? rs->n : 0, named = 0, pseudonyms = 0;
	struct align_err e = ALIGN_ERR_INIT;

	for (i = 0; i < n; i++) {
		struct align_board_entry *x = &v->input[i];
		struct align_view r;
		size_t w;
		int has;

		if (align_view(&r, rs->item[i], &e) < 0)
			return -1;
		x->id = text_or(r.id, "");
		if (r.kind == ALIGN_KIND_RESPONSE) {
			const struct align_response_view *rv = &r.u.response;

			x->participant = text_or(rv->participant, "");
			x->at = text_or(rv->at, "");
			x->when = time_of(rv->at);
			x->question = text_or(rv->question, v->question);
			x->text = text_or(rv->text, "");
		} else {
			x->participant = x->at = x->text = "";
			x->question = v->question;
			x->when = LLONG_MIN;
		}
		has = r.kind == ALIGN_KIND_RESPONSE &&
		    r.u.response.participant != NULL;
		align_view_release(&r);
		w = align_text_width(x->participant, strlen(x->participant));
		if (w > v->namew)
			v->namew = w > 16 ? 16 : w;
		named += has;
		pseudonyms += has && align_is_pseudonym(x->participant);
		if (has && folded(people, x->participant, 0) < 0)
			return -1;
	}
	v->nentry = n;
	v->people = people->n;
	v->anonymous = named > 0 && pseudonyms == named;
	return 0;
}

/* Canonical order: by time (a response without one first), then id, then
 * text; never by where a record stood. */
static int
cmp_entry(const void *a, const void *b)
{
	const struct align_board_entry *x = a, *y = b;
	int c;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	if ((c = strcmp(x->at, y->at)) != 0 || (c = strcmp(x->id, y->id)) != 0)
		return c;
	return strcmp(x->text, y->text);
}

/* The entries in canonical order, each with its handle. */
static int
handles(struct align_board *v)
{
	const char **ids = malloc((v->nentry + 1) * sizeof(*ids));
	size_t *len = malloc((v->nentry + 1) * sizeof(*len)), i, at = 0, k;
	int rc = -1;

	if (v->nentry > 1)
		qsort(v->input, v->nentry, sizeof(*v->input), cmp_entry);
	if (ids == NULL || len == NULL)
		goto out;
	for (i = 0; i < v->nentry; i++)
		ids[i] = v->input[i].id;
	if (align_handle_lengths(ids, v->nentry, 6, len) < 0)
		goto out;
	for (i = 0; i < v->nentry; i++)
		at += len[i] + 1;
	if ((v->handles = malloc(at + 1)) == NULL)
		goto out;
	for (i = at = 0; i < v->nentry; i++) {
		struct align_board_entry *x = &v->input[i];
		const char *h = align_handle_shown(x->id, len[i], &k);

		memcpy(v->handles + at, h, k);
		v->handles[at + k] = '\0';
		x->handle = v->handles + at;
		at += k + 1;
		k = align_text_width(x->handle, k);
		if (k > v->handlew)
			v->handlew = k;
	}
	rc = 0;
out:
	free(ids);
	free(len);
	return rc;
}

/* One group a question, in the order the questions first come; the
 * entries numbered in that order. */
static int
groups(struct align_board *v)
{
	size_t i, j, gcap = 0, num = 0, n = v->nentry;

	for (i = 0; i < n; i++) {
		struct align_board_group *g;
		struct align_set people = ALIGN_SET_INIT;

		for (j = 0; j < v->ngroup; j++)
			if (strcmp(v->group[j].question,
			    v->input[i].question) == 0)
				break;
		if (j < v->ngroup)
			continue;
		if (ALIGN_GROW(v->group, v->ngroup + 1, gcap) < 0)
			return -1;
		g = &v->group[v->ngroup++];
		memset(g, 0, sizeof(*g));
		g->question = v->input[i].question;
		g->first = num;
		for (j = i; j < n; j++) {
			if (strcmp(v->input[j].question, g->question) != 0)
				continue;
			v->input[j].number = ++num;
			v->entry[num - 1] = v->input[j];
			g->n++;
			if (*v->input[j].participant && folded(&people,
			    v->input[j].participant, 0) < 0) {
				align_set_release(&people);
				return -1;
			}
		}
		g->people = people.n;
		align_set_release(&people);
	}
	if (n == 0) {
		/* No responses: the session's question, alone. */
		if (ALIGN_GROW(v->group, 1, gcap) < 0)
			return -1;
		memset(v->group, 0, sizeof(*v->group));
		v->group[0].question = v->question;
		v->ngroup = 1;
	}
	return 0;
}

/* The session's participants list: its size, and who on it has not
 * answered, known only when all who answered are on it. */
static int
roster(struct align_board *v, const struct align_texts *list,
    struct align_set *answered)
{
	struct align_set names = ALIGN_SET_INIT;
	size_t i, on = 0;
	int rc;

	v->unanswered = calloc(list->n + 1, sizeof(*v->unanswered));
	if (v->unanswered == NULL)
		return -1;
	for (i = 0; i < list->n; i++) {
		if ((rc = folded(&names, list->v[i], 0)) < 0)
			goto fail;
		if (rc == 0)
			continue;	/* twice on the list */
		if ((rc = folded(answered, list->v[i], 1)) < 0)
			goto fail;
		if (rc)
			on++;
		else if ((v->unanswered[v->nunanswered++] =
		    strdup(list->v[i])) == NULL)
			goto fail;	/* a copy: the view's names go */
	}
	v->roster = names.n;
	v->unanswered_known = v->roster > 0 && on == answered->n;
	while (!v->unanswered_known && v->nunanswered > 0)
		free((char *)v->unanswered[--v->nunanswered]);
	align_set_release(&names);
	return 0;
fail:
	align_set_release(&names);
	return -1;
}

int
align_board_make(struct align_board *v, const struct align_node *session,
    const struct align_node *rs, struct align_err *e)
{
	struct align_set people = ALIGN_SET_INIT;
	static const struct align_session_view none;
	struct align_view sv;
	const struct align_session_view *sn;
	size_t n = rs ? rs->n : 0;

	memset(v, 0, sizeof(*v));
	memset(&sv, 0, sizeof(sv));
	if (session && align_view(&sv, session, e) < 0)
		return -1;
	sn = sv.kind == ALIGN_KIND_SESSION ? &sv.u.session : &none;
	v->question = text_or(sn->question, ALIGN_QUESTION);
	v->title = session ? text_or(sn->title, ALIGN_TITLE) : "Responses";
	v->date = sn->date;
	v->place = sn->place;
	v->entry = calloc(n + 1, sizeof(*v->entry));
	v->input = calloc(n + 1, sizeof(*v->input));
	if (v->entry == NULL || v->input == NULL ||
	    entries(v, rs, &people) < 0 || handles(v) < 0 || groups(v) < 0 ||
	    roster(v, &sn->names, &people) < 0)
		goto nomem;
	align_set_release(&people);
	align_view_release(&sv);
	return 0;
nomem:
	align_set_release(&people);
	align_view_release(&sv);
	align_board_release(v);
	return align_err_nomem(e);
}

void
align_board_release(struct align_board *v)
{
	free(v->entry);
	free(v->input);
	free(v->group);
	while (v->nunanswered > 0)
		free((char *)v->unanswered[--v->nunanswered]);
	free(v->unanswered);
	free(v->handles);
	memset(v, 0, sizeof(*v));
}

void
align_board_tally(const struct align_board *v, const struct align_show *s)
{
	struct align_buf *b = s->b;

	align_buf_puts(b, "\n");
	align_show_count(b, v->nentry, "response", "responses");
	if (v->people) {
		align_buf_puts(b, " from ");
		align_show_people(b, v->people, align_show_min_group(s,
		    v->anonymous), "participant", "participants");
	}
	align_buf_puts(b, "\n");
}

int
align_board_formats(void)
{
	return ALIGN_RENDERERS_FORMATS(renderers);
}

void
align_board_show(const struct align_board *v, const struct align_show *s)
{
	ALIGN_RENDERERS_SHOW(renderers, v, s);
}
