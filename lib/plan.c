#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "buf.h"
#include "grow.h"
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
roster_of(const struct align_node *s, const struct align_node *list,
    struct align_roster **ro, struct align_err *e)
{
	const char **v;
	size_t i;
	int rc;

	if (list == NULL)
		return align_roster_from_session(ro, s, e);
	if ((*ro = align_roster_new()) == NULL ||
	    (v = malloc((list->n + 1) * sizeof(*v))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < list->n; i++)
		v[i] = list->item[i]->str;
	/* At once, for a survey's list may hold a few hundred thousand. */
	rc = align_roster_add_all(*ro, v, list->n, e);
	free(v);
	return rc;
}

/* --facilitator by the roster's soft rule (roster.h): a participant as
 * the roster writes them (with the address the roster has, else the one
 * given), a name near nobody as typed (a facilitator may be from outside
 * the group); an ambiguous name or a near miss refused (64). */
static int
facilitator(const struct align_node *s, const struct align_plan *p,
    const struct align_node *list, struct values *v, struct align_err *e)
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
	if (roster_of(s, list, &ro, e) < 0) {
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
    const struct align_node *list, struct values *v, struct align_err *e)
{
	struct align_roster *ro = NULL;
	struct align_resolved r;
	char why[sizeof(e->msg)];
	int rc;

	v->with = NULL;
	if (p->with == NULL)
		return 0;
	if (roster_of(s, list, &ro, e) < 0) {
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

/* The participants given, each person once: the entries of p that fold
 * (align_name_fold(): case, accents, spaces) to one name are one person,
 * written with the name as the session already writes it, else as first
 * given, and the first address given, else the session's ("ána lima
 * <ana@x>" on a session of "Ana Lima" is "Ana Lima <ana@x>").  Into
 * *list (a new sequence; NULL when participants are not set).  0, or -1
 * when out of memory. */
static int
participants_of(const struct align_node *s, const struct align_plan *p,
    struct align_node **list)
{
	struct align_dict seen = ALIGN_DICT_INIT;	/* folded names */
	struct align_buf f = ALIGN_BUF_INIT, b = ALIGN_BUF_INIT;
	const struct align_node *had = s ? align_map_get(s, "participants") :
	    NULL;
	struct who {
		const char *first;	/* its first entry: the name */
		const char *addr;	/* into an entry, or NULL */
		uint32_t addrlen;
		unsigned char given;	/* on the list given */
		unsigned char whole;	/* first, as written, is it */
	} *w = NULL;
	uint32_t *order = NULL;	/* the people in the order first given */
	size_t i, n = 0, cap = 0, ocap = 0, norder = 0, nhad;
	int rc = -1;

	*list = NULL;
	if (!p->set_participants)
		return 0;
	nhad = had && had->type == ALIGN_SEQ ? had->n : 0;
	for (i = 0; i < nhad + p->nparticipants; i++) {
		const char *entry = i < nhad ? had->item[i]->str :
		    p->participants[i - nhad];
		struct align_person who;
		long id;

		if (i < nhad && had->item[i]->type != ALIGN_SCALAR)
			continue;
		align_person_of(entry, strlen(entry), &who);
		if (align_name_fold(&f, who.name, who.namelen) < 0)
			goto done;
		/* Room first, so that one lookup adds a name. */
		if (ALIGN_GROW(w, n + 1, cap) < 0 ||
		    (id = align_dict_id(&seen, f.p, f.len, 1)) < 0)
			goto done;
		if ((size_t)id == n) {
			w[id].first = entry;
			w[id].addr = who.addr;
			w[id].addrlen = (uint32_t)who.addrlen;
			w[id].given = 0;
			w[id].whole = 1;
			n++;
		} else if (who.addr && (w[id].addr == NULL || (i >= nhad &&
		    !w[id].given))) {
			/* The first address given wins, else the
			 * session's. */
			w[id].whole = 0;
			w[id].addr = who.addr;
			w[id].addrlen = (uint32_t)who.addrlen;
		}
		if (i >= nhad && !w[id].given) {
			if (ALIGN_GROW(order, norder + 1, ocap) < 0)
				goto done;
			order[norder++] = (uint32_t)id;
			w[id].given = 1;
		}
	}
	if ((*list = align_seq()) == NULL)
		goto done;
	/* The list given replaces the session's, in its order. */
	for (i = 0; i < norder; i++) {
		const struct who *x = &w[order[i]];
		struct align_person name;

		if (x->whole) {
			if (align_seq_push_str(*list, x->first) < 0)
				goto done;
			continue;
		}
		align_person_of(x->first, strlen(x->first), &name);
		align_buf_reset(&b);
		if (name.name != name.addr)
			align_buf_printf(&b, "%.*s <%.*s>", (int)name.namelen,
			    name.name, (int)x->addrlen, x->addr);
		else
			align_buf_printf(&b, "<%.*s>", (int)x->addrlen,
			    x->addr);
		align_buf_add(&b, "", 0);
		if (b.failed || align_seq_push_str(*list, b.p) < 0)
			goto done;
	}
	rc = 0;
done:
	if (rc < 0) {
		align_node_free(*list);
		*list = NULL;
	}
	align_dict_release(&seen);
	align_buf_release(&f);
	align_buf_release(&b);
	free(order);
	free(w);
	return rc;
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

/* What align-plan writes into s: the keys, the participants (list,
 * taken even on a failure; NULL: as they are), the id, the uid, and the
 * sequence, seq and one more when bump (a sequence from the first plan
 * on: the record is align-plan's).  0, or -1 when out of memory. */
static int
set_all(struct align_node *s, const struct align_plan *p,
    const struct values *v, struct align_node *list, long long seq,
    int bump)
{
	if (set_keys(s, p, v) < 0) {
		align_node_free(list);
		return -1;
	}
	if (list && align_map_put(s, "participants", list) < 0)
		return -1;
	return set_id(s, p) < 0 || set_uid(s) < 0 ||
	    ((align_map_get(s, "sequence") == NULL || bump) &&
	    align_map_put(s, "sequence", align_scalar_int((long)seq +
	    bump)) < 0) ? -1 : 0;
}

int
align_plan_apply(struct align_node **session, const struct align_plan *p,
    struct align_err *e)
{
	struct align_node *s = *session, *list = NULL;
	struct values v;
	long long seq = 0;
	int isnew = s == NULL, bump = 0, rc = -1;

	v.facilitator = v.with = NULL;
	if (values(s, p, &v, e) < 0)
		return -1;
	if (!isnew && (check_session(s, e) < 0 ||
	    align_session_sequence(s, &seq, e) < 0 ||
	    bumps(s, p, &v, &bump, e) < 0))
		return -1;
	if (participants_of(s, p, &list) < 0)
		return align_err_nomem(e);
	if (facilitator(s, p, list, &v, e) < 0 ||
	    with_name(s, p, list, &v, e) < 0)
		goto done;
	if (isnew && (s = align_record_new("session")) == NULL) {
		align_err_nomem(e);
		goto done;
	}
	rc = set_all(s, p, &v, list, seq, bump);
	list = NULL;
	if (rc < 0) {
		if (isnew)
			align_node_free(s);
		align_err_nomem(e);
		goto done;
	}
	*session = s;
done:
	align_node_free(list);
	free(v.facilitator);
	free(v.with);
	return rc;
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
