#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "buf.h"
#include "hash.h"
#include "num.h"
#include "person.h"
#include "plan.h"
#include "record.h"
#include "roster.h"
#include "text.h"
#include "zone.h"

/* The values of a plan, checked and in canonical form. */
struct values {
	char date[40], dur[32];
	const char *datep, *durp;	/* NULL when not given */
	char *facilitator;		/* as the roster writes them, or
					 * NULL when not given */
	char *with;			/* --with, the same way */
};

static int
bad_option(struct align_err *e, const char *what, const struct align_err *why)
{
	return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: %s", what,
	    why->msg);
}

/* The zone a --date without an offset is a wall clock of: --tz, else the
 * session's tz, else the system's (NULL); 0, or -1 and e. */
static int
date_zone(const struct align_node *s, const struct align_plan *p,
    struct align_zone **z, struct align_err *e)
{
	struct align_err why = ALIGN_ERR_INIT;
	struct align_view w;
	const char *name = p->tz;
	int rc;

	*z = NULL;
	if (name == NULL && s != NULL) {
		if (align_view(&w, s, e) < 0)
			return -1;
		rc = w.u.session.tz ? align_zone_load(z, w.u.session.tz,
		    &why) : 0;
		align_view_release(&w);
		return rc < 0 ? align_session_tz_error(s, &why, e) : 0;
	}
	if (name && align_zone_load(z, name, &why) < 0)
		return why.status == ALIGN_EX_NOMEM ? align_err_nomem(e) :
		    bad_option(e, "--tz", &why);
	return 0;
}

static int
values(const struct align_node *s, const struct align_plan *p,
    struct values *v, struct align_err *e)
{
	struct align_err why = ALIGN_ERR_INIT;
	struct align_zone *z;
	struct align_time t;
	long minutes;
	int rc;

	v->datep = v->durp = NULL;
	if (p->date) {
		if (date_zone(s, p, &z, e) < 0)
			return -1;
		rc = align_time_parse_in(z, p->date, &t, &why);
		align_zone_free(z);
		if (rc < 0)
			return bad_option(e, "--date", &why);
		align_time_format(&t, v->date);
		v->datep = v->date;
	}
	if (p->duration) {
		if (align_duration_parse(p->duration, &minutes, &why) < 0)
			return bad_option(e, "--duration", &why);
		align_duration_format(minutes, v->dur);
		v->durp = v->dur;
	}
	return 0;
}

/* The roster --facilitator is resolved against: the participants given,
 * else the session's (with its aliases); empty for a new session without
 * participants. */
static int
roster_of(const struct align_node *s, const struct align_plan *p,
    struct align_roster **ro, struct align_err *e)
{
	if (!p->set_participants)
		return align_roster_from_session(ro, s, e);
	if ((*ro = align_roster_new()) == NULL)
		return align_err_nomem(e);
	/* At once, for a survey's list may hold a few hundred thousand. */
	return align_roster_add_all(*ro, (const char *const *)p->participants,
	    p->nparticipants, e);
}

/* --facilitator by the roster's soft rule (roster.h): a participant as
 * the roster writes them (with the address the roster has, else the one
 * given), a name near nobody as typed (a facilitator may be from outside
 * the group); an ambiguous name or a near miss refused (64). */
static int
facilitator(const struct align_node *s, const struct align_plan *p,
    struct values *v, struct align_err *e)
{
	struct align_roster *ro = NULL;
	struct align_resolved r;
	struct align_person typed, known;
	struct align_buf b = ALIGN_BUF_INIT;
	char why[sizeof(e->msg)];
	const char *entry = p->facilitator;

	v->facilitator = NULL;
	if (p->facilitator == NULL)
		return 0;
	if (roster_of(s, p, &ro, e) < 0) {
		align_roster_free(ro);
		return -1;
	}
	if (align_roster_soft(ro, p->facilitator, 0, &r, e) < 0) {
		align_roster_free(ro);
		if (e->status != EX_DATAERR)
			return -1;
		memcpy(why, e->msg, sizeof(why));
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "--facilitator: %s", why);
	}
	if (r.how != ALIGN_MATCH_ANY)
		entry = align_roster_entry(ro, r.index);
	align_person_of(entry, strlen(entry), &known);
	align_person_of(p->facilitator, strlen(p->facilitator), &typed);
	if (known.addr || !typed.addr)
		align_buf_puts(&b, entry);
	else
		align_buf_printf(&b, "%s <%.*s>", r.name, (int)typed.addrlen,
		    typed.addr);
	align_roster_free(ro);
	if ((v->facilitator = align_buf_detach(&b)) == NULL)
		return align_err_nomem(e);
	return 0;
}

/* --with by the roster's soft rule, as --facilitator: a participant as
 * the roster writes the name, a name near nobody as typed (a one-to-one
 * may be with someone the session does not list), an ambiguous name or a
 * near miss refused (64). */
static int
with_name(const struct align_node *s, const struct align_plan *p,
    struct values *v, struct align_err *e)
{
	struct align_roster *ro = NULL;
	struct align_resolved r;
	char why[sizeof(e->msg)];
	int rc;

	v->with = NULL;
	if (p->with == NULL)
		return 0;
	if (roster_of(s, p, &ro, e) < 0) {
		align_roster_free(ro);
		return -1;
	}
	rc = align_roster_soft(ro, p->with, 0, &r, e);
	if (rc == 0 && (v->with = strdup(r.name)) == NULL)
		rc = align_err_nomem(e);
	align_roster_free(ro);
	if (rc < 0 && e->status == EX_DATAERR) {
		memcpy(why, e->msg, sizeof(why));
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "--with: %s",
		    why);
	}
	return rc;
}

/* The keys of a session read from a file hold what the table says:
 * text, and a list of names. */
static int
check_session(const struct align_node *s, struct align_err *e)
{
	const struct align_key *k;
	size_t i;

	for (k = align_kind_keys("session"); k->name; k++) {
		const struct align_node *v = align_map_get(s, k->name);

		if (v == NULL || k->off == ALIGN_NO_FIELD)
			continue;
		if (k->shape != ALIGN_SHAPE_TEXTS && v->type != ALIGN_SCALAR)
			return align_err_set(e, EX_DATAERR, NULL, v->line,
			    v->col, "session %s: expected text, not a %s",
			    k->name, v->type == ALIGN_SEQ ? "list" :
			    "mapping");
		if (k->shape == ALIGN_SHAPE_TEXTS && v->type != ALIGN_SEQ)
			return align_err_set(e, EX_DATAERR, NULL, v->line,
			    v->col, "session %s: expected a list of names",
			    k->name);
		for (i = 0; k->shape == ALIGN_SHAPE_TEXTS && i < v->n; i++)
			if (v->item[i]->type != ALIGN_SCALAR)
				return align_err_set(e, EX_DATAERR, NULL,
				    v->item[i]->line, v->item[i]->col,
				    "session %s: expected a name", k->name);
	}
	return 0;
}

static int
changed(const char *old, const char *v)
{
	return v && (old == NULL || strcmp(old, v) != 0);
}

/* Whether the plan changes what a calendar shows of session s. */
static int
bumps(const struct align_node *s, const struct align_plan *p,
    const struct values *v, int *bump, struct align_err *e)
{
	struct align_view w;
	const struct align_session_view *u = &w.u.session;

	if (align_view(&w, s, e) < 0)
		return -1;
	*bump = changed(u->date, v->datep) || changed(u->duration, v->durp) ||
	    changed(u->title, p->title) || changed(u->place, p->place);
	align_view_release(&w);
	return 0;
}

/* key set to v, or, when not given and not there, to dflt (NULL: none).
 * Keys of the session, which align-plan owns and edits. */
static int
set(struct align_node *s, const char *key, const char *v, const char *dflt)
{
	if (v == NULL && align_map_get(s, key) == NULL)
		v = dflt;
	return v ? align_map_put_str(s, key, v) : 0;
}

/* A one-to-one's own keys, and its title and its two when not given:
 * before the defaults of the group's meeting (the session is align-plan's
 * own record, edited by key). */
static int
set_one_to_one(struct align_node *s, const struct align_plan *p,
    const struct values *v)
{
	struct align_buf title = ALIGN_BUF_INIT;
	struct align_node *two;
	const struct align_node *with;
	int rc;

	if ((p->private_ && align_map_put_str(s, "private", "yes") < 0) ||
	    set(s, "tz", p->tz, NULL) < 0)
		return -1;
	if (!p->one_to_one)
		return 0;
	if (align_map_put_str(s, "practice", "one-to-one") < 0 ||
	    set(s, "with", v->with, NULL) < 0)
		return -1;
	with = align_map_get(s, "with");
	if (with && with->type == ALIGN_SCALAR)
		align_buf_printf(&title, "One-to-one with %s", with->str);
	else
		align_buf_puts(&title, "One-to-one");
	rc = title.failed ? -1 : set(s, "title", p->title, title.p);
	align_buf_release(&title);
	if (rc < 0 || !(with && with->type == ALIGN_SCALAR) ||
	    p->set_participants || align_map_get(s, "participants"))
		return rc;
	if ((two = align_seq()) == NULL || (v->facilitator &&
	    align_seq_push_str(two, v->facilitator) < 0) ||
	    align_seq_push_str(two, with->str) < 0) {
		align_node_free(two);
		return -1;
	}
	return align_map_put(s, "participants", two);
}

static int
set_keys(struct align_node *s, const struct align_plan *p,
    const struct values *v)
{
	int one = p->one_to_one;

	return set_one_to_one(s, p, v) < 0 ||
	    set(s, "title", p->title, ALIGN_TITLE) < 0 ||
	    set(s, "purpose", p->purpose, one ? ALIGN_ONE_PURPOSE :
	    ALIGN_PURPOSE) < 0 ||
	    set(s, "question", p->question, one ? ALIGN_ONE_QUESTION :
	    ALIGN_QUESTION) < 0 ||
	    set(s, "date", v->datep, NULL) < 0 ||
	    set(s, "duration", v->durp, one ? ALIGN_ONE_DURATION :
	    ALIGN_DURATION) < 0 ||
	    set(s, "place", p->place, NULL) < 0 ||
	    set(s, "facilitator", v->facilitator, NULL) < 0 ? -1 : 0;
}

/* The participants given, each once. */
static int
set_participants(struct align_node *s, const struct align_plan *p)
{
	struct align_set seen = ALIGN_SET_INIT;
	struct align_node *list;
	size_t i;
	int fresh;

	if (!p->set_participants)
		return 0;
	list = align_seq();
	/* Each name once, in the order given: a set, for a survey's roster
	 * may hold a few hundred thousand. */
	for (i = 0; list && i < p->nparticipants; i++) {
		const char *who = p->participants[i];

		if ((fresh = align_set_add(&seen, who, strlen(who))) < 0 ||
		    (fresh && align_seq_push_str(list, who) < 0)) {
			align_node_free(list);
			list = NULL;
		}
	}
	align_set_release(&seen);
	return align_map_put(s, "participants", list);
}

/* The id: given, kept, or made from the title and the day. */
static int
set_id(struct align_node *s, const struct align_plan *p)
{
	struct align_buf id = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_view w;
	char slug[48];
	int rc;

	if (p->id)
		return align_map_put_str(s, "id", p->id);
	if (align_view(&w, s, &e) < 0)
		return -1;
	if (w.u.session.id) {
		align_view_release(&w);
		return 0;
	}
	align_slug(w.u.session.title ? w.u.session.title : "", slug, 40);
	align_buf_printf(&id, "%s%s%.10s", slug[0] ? slug : "session",
	    w.u.session.date ? "-" : "", w.u.session.date ?
	    w.u.session.date : "");
	align_view_release(&w);
	rc = id.failed ? -1 : align_map_put_str(s, "id", id.p);
	align_buf_release(&id);
	return rc;
}

/* The calendar uid: made once from what the session was when first
 * planned, then kept, for the calendar knows the event by it. */
static int
set_uid(struct align_node *s)
{
	struct align_buf seed = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_view w;
	const struct align_session_view *u = &w.u.session;
	uint64_t h;
	int rc;

	if (align_view(&w, s, &e) < 0)
		return -1;
	if (u->uid) {
		align_view_release(&w);
		return 0;
	}
	align_buf_printf(&seed, "%s\x1f%s\x1f%s", u->id ? u->id : "",
	    u->title ? u->title : "", u->date ? u->date : "");
	if (seed.failed) {
		align_view_release(&w);
		align_buf_release(&seed);
		return -1;
	}
	h = align_siphash((const unsigned char *)"align-session-ui", seed.p,
	    seed.len);
	align_buf_reset(&seed);
	align_buf_printf(&seed, "%s-%08llx@align", u->id ? u->id : "",
	    (unsigned long long)(h & 0xffffffffULL));
	align_view_release(&w);
	rc = seed.failed ? -1 : align_map_put_str(s, "uid", seed.p);
	align_buf_release(&seed);
	return rc;
}

int
align_plan_apply(struct align_node **session, const struct align_plan *p,
    struct align_err *e)
{
	struct align_node *s = *session;
	struct values v;
	long long seq = 0;
	int isnew = s == NULL, bump = 0;

	if (values(s, p, &v, e) < 0)
		return -1;
	if (!isnew && (check_session(s, e) < 0 ||
	    align_session_sequence(s, &seq, e) < 0 ||
	    bumps(s, p, &v, &bump, e) < 0))
		return -1;
	if (facilitator(s, p, &v, e) < 0)
		return -1;
	if (with_name(s, p, &v, e) < 0) {
		free(v.facilitator);
		return -1;
	}
	if (isnew && (s = align_record_new("session")) == NULL) {
		free(v.facilitator);
		free(v.with);
		return align_err_nomem(e);
	}
	/* A sequence from the first plan on (the record is align-plan's). */
	if (set_keys(s, p, &v) < 0 || set_participants(s, p) < 0 ||
	    set_id(s, p) < 0 || set_uid(s) < 0 ||
	    ((align_map_get(s, "sequence") == NULL || bump) &&
	    align_map_put(s, "sequence", align_scalar_int((long)seq +
	    bump)) < 0)) {
		if (isnew)
			align_node_free(s);
		free(v.facilitator);
		free(v.with);
		return align_err_nomem(e);
	}
	free(v.facilitator);
	free(v.with);
	*session = s;
	return 0;
}

/* Reading a session for what it means.  The values are looked up in the
 * record itself (align-plan's own), for a message names their place. */

int
align_session_dated(const struct align_node *s)
{
	return align_map_find(s, "date") >= 0;
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

int
align_session_tz_error(const struct align_node *s, const struct align_err *why,
    struct align_err *e)
{
	const struct align_node *v = align_map_get(s, "tz");

	if (why->status == ALIGN_EX_NOMEM)
		return align_err_nomem(e);
	return align_err_set(e, EX_DATAERR, NULL, v ? v->line : s->line,
	    v ? v->col : s->col, "session tz: %s", why->msg);
}

int
align_session_sequence(const struct align_node *s, long long *seq,
    struct align_err *e)
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
