#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "hash.h"
#include "ics.h"
#include "num.h"
#include "plan.h"
#include "text.h"

static const char *const wdays[] = { "Thursday", "Friday", "Saturday",
	"Sunday", "Monday", "Tuesday", "Wednesday" };
static const char *const months[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

/* The part of the meeting, its share of two hours in minutes, what to do
 * and the tool that records it. */
static const struct part {
	const char *name;
	int minutes;
	const char *what;
} parts[] = {
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
#define NPARTS (sizeof(parts) / sizeof(parts[0]))

static int
bad_option(struct align_err *e, const char *what, const struct align_err *why)
{
	return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: %s", what,
	    why->msg);
}

static int
changed(const struct align_node *s, const char *key, const char *v)
{
	const char *old = align_map_str(s, key);

	return v && (old == NULL || strcmp(old, v) != 0);
}

/* The keys of a session read from a file hold what they should. */
static int
check_session(const struct align_node *s, struct align_err *e)
{
	static const char *const text[] = { "id", "title", "purpose",
	    "question", "date", "duration", "place", "facilitator", "uid",
	    "sequence", NULL };
	const struct align_node *v, *p = align_map_get(s, "participants");
	size_t i;

	for (i = 0; text[i]; i++)
		if ((v = align_map_get(s, text[i])) &&
		    v->type != ALIGN_SCALAR)
			return align_err_set(e, EX_DATAERR, NULL, v->line,
			    v->col, "session %s: expected text, not a %s",
			    text[i], v->type == ALIGN_SEQ ? "list" :
			    "mapping");
	if (p && p->type != ALIGN_SEQ)
		return align_err_set(e, EX_DATAERR, NULL, p->line, p->col,
		    "session participants: expected a list of names");
	for (i = 0; p && i < p->n; i++)
		if (p->item[i]->type != ALIGN_SCALAR)
			return align_err_set(e, EX_DATAERR, NULL,
			    p->item[i]->line, p->item[i]->col,
			    "session participants: expected a name");
	return 0;
}

/* The calendar sequence of a session: a whole number, 0 when it has none.
 * 0, or -1 and e (65): it goes into an invitation as it is. */
static int
sequence_of(const struct align_node *s, long long *seq, struct align_err *e)
{
	const struct align_node *v = align_map_get(s, "sequence");
	const char *why = "not text";

	*seq = 0;
	if (v == NULL)
		return 0;
	if (v->type == ALIGN_SCALAR)
		*seq = align_strtonum(v->str, 0, 2147483647, &why);
	if (why)
		return align_err_set(e, EX_DATAERR, NULL, v->line, v->col,
		    "session sequence: expected a whole number from 0");
	return 0;
}

int
align_plan_apply(struct align_node **session, const struct align_plan *p,
    struct align_err *e)
{
	struct align_node *s = *session;
	struct align_err why = ALIGN_ERR_INIT;
	struct align_time t;
	char date[40], dur[32], slug[48], id[160];
	const char *v;
	long minutes;
	long long seq = 0;
	int isnew = s == NULL, bump = 0;
	size_t i;

	if (p->date) {
		if (align_time_parse(p->date, &t, &why) < 0)
			return bad_option(e, "--date", &why);
		align_time_format(&t, date);
	}
	if (p->duration) {
		if (align_duration_parse(p->duration, &minutes, &why) < 0)
			return bad_option(e, "--duration", &why);
		align_duration_format(minutes, dur);
	}
	if (!isnew && check_session(s, e) < 0)
		return -1;
	if (isnew && (s = align_record_new("session")) == NULL)
		return align_err_nomem(e);
	if (!isnew)
		bump = changed(s, "date", p->date ? date : NULL) ||
		    changed(s, "duration", p->duration ? dur : NULL) ||
		    changed(s, "title", p->title) ||
		    changed(s, "place", p->place);

#define SET(key, val, def) do { \
	const char *v_ = (val); \
	if (v_ == NULL) \
		v_ = \
		    align_map_get(s, key) ? NULL : (def); \
	if (v_ && align_map_put_str(s, key, v_) < 0) \
		goto nomem; \
} while (0)
	SET("title", p->title, ALIGN_TITLE);
	SET("purpose", p->purpose, ALIGN_PURPOSE);
	SET("question", p->question, ALIGN_QUESTION);
	SET("date", p->date ? (const char *)date : NULL, NULL);
	SET("duration", p->duration ? (const char *)dur : NULL,
	    ALIGN_DURATION);
	SET("place", p->place, NULL);
	SET("facilitator", p->facilitator, NULL);
#undef SET
	if (p->set_participants) {
		struct align_node *list = align_seq();

		for (i = 0; list && i < p->nparticipants; i++) {
			size_t j;

			for (j = 0; j < i; j++)
				if (strcmp(p->participants[i],
				    p->participants[j]) == 0)
					break;
			if (j == i && align_seq_push_str(list,
			    p->participants[i]) < 0) {
				align_node_free(list);
				list = NULL;
			}
		}
		if (align_map_put(s, "participants", list) < 0)
			goto nomem;
	}
	/* The id: given, kept, or made from the title and the date. */
	if (p->id || align_map_get(s, "id") == NULL) {
		v = p->id;
		if (v == NULL) {
			align_slug(align_map_str(s, "title"), slug, 40);
			v = align_map_str(s, "date");
			snprintf(id, sizeof(id), "%s%s%.10s",
			    slug[0] ? slug : "session", v ? "-" : "",
			    v ? v : "");
			v = id;
		}
		if (align_map_put_str(s, "id", v) < 0)
			goto nomem;
	}
	if (align_map_get(s, "uid") == NULL) {
		/* Made once from what the session was when first planned,
		 * then kept: the calendar knows the event by it. */
		uint64_t h = 0;
		struct align_buf seed = ALIGN_BUF_INIT;

		align_buf_printf(&seed, "%s\x1f%s\x1f%s",
		    align_map_str(s, "id"), align_map_str(s, "title"),
		    align_map_str(s, "date") ? align_map_str(s, "date") : "");
		if (seed.failed)
			goto nomem;
		h = align_siphash((const unsigned char *)"align-session-ui",
		    seed.p, seed.len);
		align_buf_release(&seed);
		align_buf_printf(&seed, "%s-%08llx@align",
		    align_map_str(s, "id"),
		    (unsigned long long)(h & 0xffffffffULL));
		if (seed.failed || align_map_put_str(s, "uid", seed.p) < 0) {
			align_buf_release(&seed);
			goto nomem;
		}
		align_buf_release(&seed);
	}
	if (sequence_of(s, &seq, e) < 0) {
		if (isnew)
			align_node_free(s);
		return -1;
	}
	if (align_map_get(s, "sequence") == NULL || bump)
		if (align_map_put(s, "sequence",
		    align_scalar_int((long)seq + bump)) < 0)
			goto nomem;
	*session = s;
	return 0;
nomem:
	if (isnew)
		align_node_free(s);
	return align_err_nomem(e);
}

int
align_session_date(const struct align_node *s, struct align_time *t,
    struct align_err *e)
{
	const struct align_node *d = align_map_get(s, "date");
	struct align_err why = ALIGN_ERR_INIT;

	if (d == NULL)
		return align_err_set(e, EX_DATAERR, NULL, s->line, s->col,
		    "the session has no date (set one with --date)");
	if (d->type != ALIGN_SCALAR || align_time_parse(d->str, t, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, d->line, d->col,
		    "session date: %s", d->type == ALIGN_SCALAR ? why.msg :
		    "expected a date");
	return 0;
}

int
align_session_minutes(const struct align_node *s, long *minutes,
    struct align_err *e)
{
	const struct align_node *d = align_map_get(s, "duration");
	struct align_err why = ALIGN_ERR_INIT;

	if (d == NULL)
		return align_duration_parse(ALIGN_DURATION, minutes, e);
	if (d->type != ALIGN_SCALAR ||
	    align_duration_parse(d->str, minutes, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, d->line, d->col,
		    "session duration: %s", d->type == ALIGN_SCALAR ?
		    why.msg : "expected a duration");
	return 0;
}

static void
when_line(struct align_buf *b, const struct align_time *t, long minutes)
{
	int y, mo, d, h, mi, sec, y2, mo2, d2, h2, mi2;
	int64_t days;
	struct align_time end = align_time_add(*t, minutes);
	int off = t->off < 0 ? -t->off : t->off;

	align_time_fields(t, &y, &mo, &d, &h, &mi, &sec);
	days = align_days_from_civil(y, mo, d);
	align_buf_printf(b, "%s %d %s %d", wdays[((days % 7) + 7) % 7], d,
	    months[mo - 1], y);
	if (t->date_only)
		return;
	align_time_fields(&end, &y2, &mo2, &d2, &h2, &mi2, &sec);
	align_buf_printf(b, ", %02d:%02d-%02d:%02d (UTC%c%02d:%02d)", h, mi,
	    h2, mi2, t->off < 0 ? '-' : '+', off / 3600, off / 60 % 60);
}

static void
participants_line(struct align_buf *b, const struct align_node *list)
{
	size_t i;

	for (i = 0; list && i < list->n; i++) {
		const struct align_node *v = list->item[i];

		if (i)
			align_buf_puts(b, ", ");
		align_buf_puts(b, v->type == ALIGN_SCALAR ? v->str : "?");
	}
}

int
align_plan_agenda(struct align_buf *b, const struct align_node *s,
    int md, size_t width, struct align_err *e)
{
	const struct align_node *people = align_map_get(s, "participants");
	const char *place = align_map_str(s, "place");
	const char *fac = align_map_str(s, "facilitator");
	struct align_time t;
	long minutes, at = 0;
	int dated = align_map_get(s, "date") != NULL;
	size_t i, n = people && people->type == ALIGN_SEQ ? people->n : 0;

	if ((dated && align_session_date(s, &t, e) < 0) ||
	    align_session_minutes(s, &minutes, e) < 0)
		return -1;
	align_buf_printf(b, md ? "# %s\n\n" : "%s\n",
	    align_map_str(s, "title") ? align_map_str(s, "title") : "Session");
	if (dated)
		when_line(b, &t, minutes);
	else
		align_buf_puts(b, "Date to be set");
	if (place)
		align_buf_printf(b, ", %s", place);
	if (fac)
		align_buf_printf(b, "; facilitated by %s", fac);
	align_buf_puts(b, md ? "\n\n## Purpose\n\n" : "\n\nPurpose\n  ");
	align_text_wrap(b, align_map_str(s, "purpose") ?
	    align_map_str(s, "purpose") : ALIGN_PURPOSE, md ? 0 : 2,
	    md ? 0 : 2, md ? 100000 : width);
	align_buf_puts(b, md ? "\n## Opening question\n\n> " :
	    "\nOpening question\n  ");
	align_text_wrap(b, align_map_str(s, "question") ?
	    align_map_str(s, "question") : ALIGN_QUESTION, md ? 0 : 2,
	    md ? 2 : 2, md ? 100000 : width);
	align_buf_puts(b, md ? "\n## Agenda\n\n| time | minutes | part | "
	    "what to do |\n|---|---|---|---|\n" : "\nAgenda\n");
	for (i = 0; i < NPARTS; i++) {
		long len = i + 1 < NPARTS ? (parts[i].minutes * minutes +
		    60) / 120 : minutes - at;
		char clock[32];

		if (dated && !t.date_only) {
			int y, mo, d, h, mi, sec;
			struct align_time c = align_time_add(t, at);

			align_time_fields(&c, &y, &mo, &d, &h, &mi, &sec);
			snprintf(clock, sizeof(clock), "%02d:%02d", h, mi);
		} else {
			snprintf(clock, sizeof(clock), "+%ld:%02ld", at / 60,
			    at % 60);
		}
		if (md) {
			align_buf_printf(b, "| %s | %ld | %s | %s |\n", clock,
			    len, parts[i].name, parts[i].what);
		} else {
			align_buf_printf(b, "  %-6s %3ldm  %-10s  ", clock, len,
			    parts[i].name);
			align_text_wrap(b, parts[i].what, 27, 27, width);
		}
		at += len;
	}
	if (md) {
		align_buf_printf(b, "\n## Participants (%zu)\n\n", n);
		for (i = 0; i < n; i++)
			align_buf_printf(b, "- %s\n",
			    people->item[i]->type == ALIGN_SCALAR ?
			    people->item[i]->str : "?");
		align_buf_puts(b, "\n## Before the meeting\n\n"
		    "- Gather for this purpose alone: nothing else on the "
		    "agenda.\n- Order food.\n");
	} else {
		align_buf_printf(b, "\nParticipants (%zu)\n  ", n);
		if (n) {
			struct align_buf names = ALIGN_BUF_INIT;

			participants_line(&names, people);
			align_text_wrap(b, names.failed ? "" : names.p, 2, 2,
			    width);
			if (names.failed)
				b->failed = 1;
			align_buf_release(&names);
		} else {
			align_buf_puts(b, "none yet (add them with "
			    "--participant)\n");
		}
		align_buf_puts(b, "\nBefore the meeting\n"
		    "  - Gather for this purpose alone: nothing else on the "
		    "agenda.\n  - Order food.\n");
	}
	if (b->failed)
		return align_err_nomem(e);
	return 0;
}

int
align_plan_ics(struct align_buf *b, const struct align_node *s,
    const struct align_time *now, struct align_err *e)
{
	struct align_buf desc = ALIGN_BUF_INIT;
	struct align_time t;
	long minutes;
	long long seq;
	char dur[32], stamp[24];
	const char *v;

	if (align_session_date(s, &t, e) < 0 ||
	    align_session_minutes(s, &minutes, e) < 0)
		return -1;
	align_buf_puts(b, "BEGIN:VCALENDAR\r\n");
	align_ics_prop(b, "VERSION", "2.0");
	align_ics_prop(b, "PRODID", "-//align//align-plan//EN");
	align_ics_prop(b, "CALSCALE", "GREGORIAN");
	align_ics_prop(b, "METHOD", "PUBLISH");
	align_buf_puts(b, "BEGIN:VEVENT\r\n");
	align_ics_text(b, "UID", align_map_str(s, "uid") ?
	    align_map_str(s, "uid") : align_map_str(s, "id"));
	align_time_ics(now, stamp);
	align_ics_prop(b, "DTSTAMP", stamp);
	align_ics_time(b, "DTSTART", &t);
	if (!t.date_only) {
		align_ics_duration(minutes, dur);
		align_ics_prop(b, "DURATION", dur);
	}
	if (sequence_of(s, &seq, e) < 0)
		return -1;
	align_buf_printf(b, "SEQUENCE:%lld\r\n", seq);
	align_ics_text(b, "SUMMARY", align_map_str(s, "title") ?
	    align_map_str(s, "title") : ALIGN_TITLE);
	if ((v = align_map_str(s, "place")))
		align_ics_text(b, "LOCATION", v);
	align_buf_printf(&desc, "Purpose: %s\n\nOpening question: %s\n",
	    align_map_str(s, "purpose") ? align_map_str(s, "purpose") :
	    ALIGN_PURPOSE, align_map_str(s, "question") ?
	    align_map_str(s, "question") : ALIGN_QUESTION);
	if ((v = align_map_str(s, "facilitator")))
		align_buf_printf(&desc, "\nFacilitator: %s\n", v);
	if (align_map_get(s, "participants")) {
		align_buf_puts(&desc, "\nParticipants: ");
		participants_line(&desc, align_map_get(s, "participants"));
		align_buf_puts(&desc, "\n");
	}
	align_buf_puts(&desc, "\nThis meeting is for alignment alone.");
	if (desc.failed)
		b->failed = 1;
	else
		align_ics_text(b, "DESCRIPTION", desc.p);
	align_buf_release(&desc);
	align_buf_puts(b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	if (b->failed)
		return align_err_nomem(e);
	return 0;
}
