/*
 * Theme ids that hold across runs.  A theme of this run keeps the id of a
 * theme of the input while it is recognisably that theme: a person's
 * theme keeps its own; an automatic one takes the id of the earlier
 * automatic theme more than half of whose responses (of those still
 * there) it holds, the one it shares most with when there are several
 * (then the earlier id first in text order).  Every other theme gets an
 * id never used in the file: one past the highest number among the theme
 * ids the file holds (its themes, and those its principles name).  The
 * rank is its own key.  A theme of the input that is gone while a
 * principle still names it is told in a note.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "grow.h"
#include "handle.h"
#include "theme_int.h"

int
align_themer_seen(struct align_themer *t, const char *id)
{
	long v = align_id_number(id, "t");

	if (v > t->most_id)
		t->most_id = v;
	return 0;
}

int
align_themer_refer(struct align_themer *t, const char *principle,
    const char *theme, struct align_err *e)
{
	align_themer_seen(t, theme);
	if (align_strs_add(&t->ref_p, principle ? principle : "?") < 0 ||
	    align_strs_add(&t->ref_t, theme) < 0)
		return align_err_nomem(e);
	return 0;
}

/* The id of theme i's record (a person's theme keeps the one it had), or
 * NULL.  align-theme owns theme records: the one lookup by key here. */
static const char *
id_of(const struct theme *th)
{
	const struct align_node *id = align_map_get(th->rec, "id");

	return id && id->type == ALIGN_SCALAR && !id->raw ? id->str : NULL;
}

struct claim {
	size_t old, theme, shared;
	const char *id;
};

static int
cmp_claim(const void *a, const void *b)
{
	const struct claim *x = a, *y = b;

	if (x->shared != y->shared)
		return x->shared > y->shared ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* The automatic theme of this run that holds more than half of earlier
 * theme o's responses still there, into *c; 0 when none does. */
static int
claim_of(struct align_themer *t, const struct earlier *o, size_t *count,
    struct claim *c)
{
	size_t j, present = 0, best = 0;
	long at = -1;

	for (j = 0; j < o->nresp; j++) {
		long r = align_dict_id(&t->ids, o->resp[j], strlen(o->resp[j]),
		    0);
		int32_t k;

		if (r < 0)
			continue;
		present++;
		if ((k = t->resp[r].theme) >= 0 && !t->theme[k].manual &&
		    ++count[k] > best) {
			best = count[k];
			at = k;
		}
	}
	for (j = 0; j < o->nresp; j++) {	/* the counts again to 0 */
		long r = align_dict_id(&t->ids, o->resp[j], strlen(o->resp[j]),
		    0);

		if (r >= 0 && t->resp[r].theme >= 0)
			count[t->resp[r].theme] = 0;
	}
	if (at < 0 || best * 2 <= present)
		return 0;
	c->theme = (size_t)at;
	c->shared = best;
	c->id = o->id;
	return 1;
}

/* Automatic themes take the ids of the earlier ones they are: given[i]
 * set for those. */
static int
match(struct align_themer *t, const char **given, struct align_err *e)
{
	size_t *count = calloc(t->ntheme + 1, sizeof(*count));
	struct claim *c = calloc(t->nold + 1, sizeof(*c));
	size_t i, n = 0;

	if (count == NULL || c == NULL) {
		free(count);
		free(c);
		return align_err_nomem(e);
	}
	for (i = 0; i < t->nold; i++) {
		const struct earlier *o = &t->old[i];

		if (o->rec != NULL && !o->manual && !o->merged && o->id &&
		    claim_of(t, o, count, &c[n]))
			c[n++].old = i;
	}
	if (n > 1)
		qsort(c, n, sizeof(*c), cmp_claim);
	for (i = 0; i < n; i++)
		if (given[c[i].theme] == NULL)
			given[c[i].theme] = c[i].id;
	free(count);
	free(c);
	return 0;
}

/* A note that the theme of the input called id is gone, for each
 * principle that still names it. */
static int
tell_gone(struct align_themer *t, const char *id, struct align_err *e)
{
	size_t i;

	for (i = 0; i < t->ref_t.n; i++) {
		struct align_buf b = ALIGN_BUF_INIT;

		if (strcmp(t->ref_t.v[i], id) != 0)
			continue;
		align_buf_printf(&b, "theme '%s' is gone; principle '%s' still "
		    "names it", id, t->ref_p.v[i]);
		align_buf_putc(&b, '\0');
		if (b.failed || align_strs_add(&t->notes, b.p) < 0) {
			align_buf_release(&b);
			return align_err_nomem(e);
		}
		align_buf_release(&b);
	}
	return 0;
}

/* Whether some theme of this run is called id. */
static int
kept(const struct align_themer *t, const char *id)
{
	size_t i;

	for (i = 0; i < t->ntheme; i++) {
		const char *now = id_of(&t->theme[i]);

		if (now && strcmp(now, id) == 0)
			return 1;
	}
	return 0;
}

/* Each theme's id, kept or new, and its rank. */
static int
give_ids(struct align_themer *t, const char **given, struct align_err *e)
{
	size_t i;

	for (i = 0; i < t->ntheme; i++) {
		struct theme *th = &t->theme[i];
		struct align_buf id = ALIGN_BUF_INIT;
		const char *own = th->manual ? id_of(th) : given[i];

		if (th->manual && own != NULL)
			continue;	/* a person's theme: its id, as it was */
		if (own == NULL)
			align_buf_printf(&id, "t%ld", ++t->most_id);
		else
			align_buf_puts(&id, own);
		align_buf_putc(&id, '\0');
		if (id.failed || align_map_put_str(th->rec, "id", id.p) < 0) {
			align_buf_release(&id);
			return align_err_nomem(e);
		}
		align_buf_release(&id);
	}
	return 0;
}

int
align_themer_number(struct align_themer *t, struct align_err *e)
{
	const char **given = calloc(t->ntheme + 1, sizeof(*given));
	size_t i, j;
	int rc = 0;

	if (given == NULL)
		return align_err_nomem(e);
	for (i = 0; i < t->ntheme; i++) {
		for (j = 0; j < t->theme[i].n; j++)
			t->resp[t->theme[i].member[j]].theme = (int32_t)i;
		if (align_map_put(t->theme[i].rec, "rank",
		    align_scalar_int((long)i + 1)) < 0)
			rc = align_err_nomem(e);
	}
	if (rc == 0)
		rc = match(t, given, e);
	if (rc == 0)
		rc = give_ids(t, given, e);
	free(given);
	for (i = 0; rc == 0 && i < t->nold; i++)
		if (t->old[i].id && !kept(t, t->old[i].id))
			rc = tell_gone(t, t->old[i].id, e);
	return rc;
}

size_t
align_themer_notes(const struct align_themer *t)
{
	return t->notes.n;
}

const char *
align_themer_note(const struct align_themer *t, size_t i)
{
	return t->notes.v[i];
}
