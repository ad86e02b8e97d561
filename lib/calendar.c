/* The calendar of the rounds: an event a round and, when asked, a pair. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "grow.h"
#include "plan.h"

static const struct {
	enum align_format f;
	void (*show)(const struct align_calendar *, const struct align_show *);
} renderers[] = {
	{ ALIGN_FMT_ICS, align_calendar_ics },
};

/* The event of round f, or of its k-th pair (from 0) when pair. */
static int
add(struct align_calendar *c, const struct align_view *f,
    const struct align_round *r, const struct align_texts *pair, size_t k,
    struct align_err *e)
{
	const struct align_followup_view *v = &f->u.followup;
	struct align_calendar_event *ev;

	if (ALIGN_GROW(c->event, c->nevent + 1, c->cap) < 0)
		return align_err_nomem(e);
	ev = &c->event[c->nevent];
	memset(ev, 0, sizeof(*ev));
	ev->round = v;
	ev->pair = pair;
	ev->when = *r;
	ev->uid = v->uid ? v->uid : f->id ? f->id : "";
	ev->sequence = v->sequence.set ? (long)v->sequence.v : 0;
	ev->minutes = v->with ? 30 : 60;
	if (pair) {
		struct align_buf b = ALIGN_BUF_INIT;

		align_buf_printf(&b, "%s-pair%zu", ev->uid, k + 1);
		if ((ev->own = align_buf_detach(&b)) == NULL)
			return align_err_nomem(e);
		ev->uid = ev->own;
	}
	c->nevent++;
	return 0;
}

int
align_calendar_make(struct align_calendar *c,
    const struct align_session_view *s, const struct align_view *const *rounds,
    size_t n, int per_pair, const struct align_time *now,
    struct align_err *e)
{
	size_t i, j;

	memset(c, 0, sizeof(*c));
	c->title = s && s->title ? s->title : ALIGN_TITLE;
	c->stamp = *now;
	for (i = 0; i < n; i++) {
		const struct align_followup_view *f = &rounds[i]->u.followup;
		struct align_round r;

		if (align_round_of(rounds[i], &r, e) < 0 ||
		    add(c, rounds[i], &r, NULL, 0, e) < 0)
			return -1;
		for (j = 0; per_pair && j < f->pairs.n; j++)
			if (add(c, rounds[i], &r, &f->pairs.v[j], j, e) < 0)
				return -1;
	}
	return 0;
}

void
align_calendar_release(struct align_calendar *c)
{
	size_t i;

	for (i = 0; i < c->nevent; i++)
		free(c->event[i].own);
	free(c->event);
	memset(c, 0, sizeof(*c));
}

int
align_calendar_formats(void)
{
	size_t i;
	int mask = 0;

	for (i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		mask |= renderers[i].f;
	return mask;
}

void
align_calendar_show(const struct align_calendar *c,
    const struct align_show *s)
{
	size_t i;

	for (i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		if (renderers[i].f == s->format) {
			renderers[i].show(c, s);
			return;
		}
}
