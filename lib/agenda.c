#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "plan.h"
#include "record.h"
#include "when.h"

static const ALIGN_RENDERER(struct align_agenda) renderers[] = {
	{ ALIGN_FMT_TEXT, align_agenda_text },
	{ ALIGN_FMT_MARKDOWN, align_agenda_markdown },
	{ ALIGN_FMT_HTML, align_agenda_html },
};

static const char *const wdays[] = { "Thursday", "Friday", "Saturday",
	"Sunday", "Monday", "Tuesday", "Wednesday" };
static const char *const months[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

/* The parts of the meeting and their share of two hours, in minutes. */
static const struct {
	const char *name;
	int minutes;
	const char *what;
} parts[ALIGN_AGENDA_PARTS] = {
	{ "Open", 10, "State the purpose. This meeting is for alignment "
	    "alone." },
	{ "Stories", 40, "Ask the opening question. Everyone shares; write "
	    "every response where all can see it (align-capture)." },
	{ "Themes", 20, "Let the group name the themes it notices "
	    "(align-theme)." },
	{ "Principles", 30, "Distill, together, a short list everyone "
	    "agrees to embody (align-distill)." },
	{ "Pairs", 10, "Pair up to talk about how each of you will live by "
	    "them (align-followup plan)." },
	{ "Follow-up", 10, "Plan the follow-up, about six weeks out, to "
	    "reflect on successes and failures." },
};

/* A one-to-one realignment's parts, and their share of two hours. */
#define ONE_PARTS 5
static const struct {
	const char *name;
	int minutes;
	const char *what;
} one_parts[ONE_PARTS] = {
	{ "Listen", 35, "Hear their view of the strategic goals; find the "
	    "root cause of the misalignment together (align-followup plan "
	    "--view, --root-cause)." },
	{ "Goals", 25, "Set clear strategic goals, how each is measured, "
	    "their role in them, and why they matter (--goal, --measure, "
	    "--target, --role)." },
	{ "Support", 15, "Agree the support, tools and resources they need "
	    "(--support)." },
	{ "Commit", 30, "Acknowledge the misalignment, commit to the shared "
	    "goals, agree actions with an owner and a due day (--acknowledge, "
	    "--commit, --due)." },
	{ "Review", 15, "Set the weekly review: each goal's progress, each "
	    "commitment, and the recognition earned (align-followup review)." },
};

static const char *const before[] = {
	"Gather for this purpose alone: nothing else on the agenda.",
	"Order food.",
};
static const char *const one_before[] = {
	"Meet in private, the two of you: this conversation is not for the "
	    "team.",
	"Come to listen first: bring the facts, not a verdict.",
};

/* "Wednesday 2 December 2026, 12:00-14:00 (UTC-05:00)" */
static void
when(struct align_agenda *v)
{
	int y, mo, d, h, mi, sec, y2, mo2, d2, h2, mi2;
	struct align_time end = align_time_add(v->date, v->minutes);
	int off = v->date.off < 0 ? -v->date.off : v->date.off;
	int64_t days;
	size_t n;

	if (!v->dated) {
		snprintf(v->when, sizeof(v->when), "Date to be set");
		return;
	}
	align_time_fields(&v->date, &y, &mo, &d, &h, &mi, &sec);
	days = align_days_from_civil(y, mo, d);
	n = (size_t)snprintf(v->when, sizeof(v->when), "%s %d %s %d",
	    wdays[((days % 7) + 7) % 7], d, months[mo - 1], y);
	if (v->date.date_only || n >= sizeof(v->when))
		return;
	align_time_fields(&end, &y2, &mo2, &d2, &h2, &mi2, &sec);
	snprintf(v->when + n, sizeof(v->when) - n,
	    ", %02d:%02d-%02d:%02d (UTC%c%02d:%02d)", h, mi, h2, mi2,
	    v->date.off < 0 ? '-' : '+', off / 3600, off / 60 % 60);
}

/* The parts in the meeting's time: each its share, the last what is
 * left; a clock when the meeting has a time, else from the start. */
static void
schedule(struct align_agenda *v)
{
	long at = 0;
	size_t i;

	v->nparts = v->one_to_one ? ONE_PARTS : ALIGN_AGENDA_PARTS;
	for (i = 0; i < v->nparts; i++) {
		struct align_agenda_part *x = &v->part[i];
		int share = v->one_to_one ? one_parts[i].minutes :
		    parts[i].minutes;
		int y, mo, d, h, mi, sec;

		x->name = v->one_to_one ? one_parts[i].name : parts[i].name;
		x->what = v->one_to_one ? one_parts[i].what : parts[i].what;
		x->minutes = i + 1 < v->nparts ? (share * v->minutes + 60) /
		    120 : v->minutes - at;
		if (v->dated && !v->date.date_only) {
			struct align_time c = align_time_add(v->date, at);

			align_time_fields(&c, &y, &mo, &d, &h, &mi, &sec);
			snprintf(x->clock, sizeof(x->clock), "%02d:%02d", h,
			    mi);
		} else {
			snprintf(x->clock, sizeof(x->clock), "+%ld:%02ld",
			    at / 60, at % 60);
		}
		at += x->minutes;
	}
}

int
align_agenda_make(struct align_agenda *v, const struct align_node *session,
    struct align_err *e)
{
	struct align_view w;
	const struct align_session_view *u = &w.u.session;
	size_t i;

	memset(v, 0, sizeof(*v));
	v->session = session;
	v->dated = align_session_dated(session);
	if ((v->dated && align_session_date(session, &v->date, e) < 0) ||
	    align_session_minutes(session, &v->minutes, e) < 0 ||
	    align_session_sequence(session, &v->sequence, e) < 0 ||
	    align_view(&w, session, e) < 0)
		return -1;
	v->participants = calloc(u->participants.n + 1,
	    sizeof(*v->participants));
	if (v->participants == NULL) {
		align_view_release(&w);
		return align_err_nomem(e);
	}
	for (i = 0; i < u->participants.n; i++)
		v->participants[i] = u->participants.v[i];
	v->nparticipants = u->participants.n;
	v->id = u->id;
	v->uid = u->uid;
	v->title = u->title;
	v->purpose = u->purpose ? u->purpose : ALIGN_PURPOSE;
	v->question = u->question ? u->question : ALIGN_QUESTION;
	v->place = u->place;
	v->facilitator = u->facilitator;
	v->date_text = v->dated ? u->date : NULL;
	v->one_to_one = u->practice && strcmp(u->practice, "one-to-one") == 0;
	v->with = u->with;
	v->before = v->one_to_one ? one_before : before;
	v->nbefore = 2;
	align_view_release(&w);
	when(v);
	schedule(v);
	return 0;
}

void
align_agenda_release(struct align_agenda *v)
{
	free(v->participants);
	memset(v, 0, sizeof(*v));
}

void
align_agenda_when(const struct align_agenda *v, const struct align_show *s)
{
	align_buf_puts(s->b, v->when);
	if (v->place) {
		align_buf_puts(s->b, ", ");
		align_show_text(s, v->place);
	}
	if (v->facilitator) {
		align_buf_puts(s->b, "; facilitated by ");
		align_show_text(s, v->facilitator);
	}
	align_buf_putc(s->b, '\n');
}

int
align_agenda_formats(void)
{
	return ALIGN_RENDERERS_FORMATS(renderers);
}

void
align_agenda_show(const struct align_agenda *v, const struct align_show *s)
{
	ALIGN_RENDERERS_SHOW(renderers, v, s);
}
