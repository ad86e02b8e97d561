#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "followup.h"
#include "hash.h"
#include "ics.h"
#include "plan.h"
#include "rand.h"

#define ATTEMPTS 64	/* seeded orders tried for the fewest repeats */


/* The pairs of earlier rounds as a set of "a\x1fb" keys, a < b. */
static int
pair_key(const char *a, const char *b, char *out, size_t n)
{
	if (strcmp(a, b) > 0) {
		const char *t = a;

		a = b;
		b = t;
	}
	return snprintf(out, n, "%s\x1f%s", a, b);
}

static int
used_set(const struct align_node *used, struct align_set *set)
{
	size_t i, j, k;
	char key[1024];

	for (i = 0; used && used->type == ALIGN_SEQ && i < used->n; i++) {
		const struct align_node *g = used->item[i];

		for (j = 0; g->type == ALIGN_SEQ && j < g->n; j++)
			for (k = j + 1; k < g->n; k++) {
				int n;

				if (g->item[j]->type != ALIGN_SCALAR ||
				    g->item[k]->type != ALIGN_SCALAR)
					continue;
				n = pair_key(g->item[j]->str, g->item[k]->str,
				    key, sizeof(key));
				if (align_set_add(set, key, (size_t)n) < 0)
					return -1;
			}
	}
	return 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_group(const void *a, const void *b)
{
	const struct align_node *x = *(struct align_node *const *)a;
	const struct align_node *y = *(struct align_node *const *)b;

	return strcmp(x->item[0]->str, y->item[0]->str);
}

size_t
align_pairs_repeats(const struct align_node *pairs,
    const struct align_node *used)
{
	struct align_set set = ALIGN_SET_INIT;
	size_t i, j, k, r = 0;
	char key[1024];

	if (used_set(used, &set) < 0)
		return (size_t)-1;
	for (i = 0; pairs && i < pairs->n; i++)
		for (j = 0; j < pairs->item[i]->n; j++)
			for (k = j + 1; k < pairs->item[i]->n; k++) {
				int n = pair_key(pairs->item[i]->item[j]->str,
				    pairs->item[i]->item[k]->str, key,
				    sizeof(key));

				r += align_set_has(&set, key, (size_t)n);
			}
	align_set_release(&set);
	return r;
}

int
align_pairs(char *const *people, size_t n, const struct align_node *used,
    uint64_t seed, struct align_node **out, struct align_err *e)
{
	struct align_set set = ALIGN_SET_INIT;
	size_t *order = NULL, *best = NULL, *cur = NULL, i, j, a, bestrep =
	    (size_t)-1;
	char **sorted = NULL, key[1024];
	struct align_node *pairs = NULL;
	int rc = -1;

	*out = NULL;
	if (n < 2)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0,
		    "pairs need two participants or more");
	sorted = malloc(n * sizeof(*sorted));
	order = malloc(n * sizeof(*order));
	best = malloc(n * sizeof(*best));
	cur = malloc(n * sizeof(*cur));
	if (sorted == NULL || order == NULL || best == NULL || cur == NULL ||
	    used_set(used, &set) < 0)
		goto nomem;
	memcpy(sorted, people, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_name);
	/* Seeded orders; in each, everyone takes the first partner after
	 * them they have not met.  The order with the fewest repeats wins,
	 * the first of equals. */
	for (a = 0; a < ATTEMPTS && bestrep > 0; a++) {
		struct align_rand s = ALIGN_RAND_INIT(seed * 1000003 + a);
		size_t rep = 0, m = 0;
		char *taken = calloc(n, 1);

		if (taken == NULL)
			goto nomem;
		for (i = 0; i < n; i++)
			order[i] = i;
		for (i = n; i > 1; i--) {
			size_t k = (size_t)align_rand_below(&s, i), t = order[i - 1];

			order[i - 1] = order[k];
			order[k] = t;
		}
		for (i = 0; i < n; i++) {
			size_t pick = (size_t)-1;

			if (taken[order[i]])
				continue;
			for (j = i + 1; j < n; j++) {
				int len;

				if (taken[order[j]])
					continue;
				if (pick == (size_t)-1)
					pick = j;
				len = pair_key(sorted[order[i]],
				    sorted[order[j]], key, sizeof(key));
				if (!align_set_has(&set, key, (size_t)len)) {
					pick = j;
					break;
				}
			}
			if (pick == (size_t)-1)
				break;	/* the odd one: joins the last pair */
			taken[order[i]] = taken[order[pick]] = 1;
			cur[m++] = order[i];
			cur[m++] = order[pick];
			rep += align_set_has(&set, key, (size_t)pair_key(
			    sorted[order[i]], sorted[order[pick]], key,
			    sizeof(key)));
		}
		for (i = 0; i < n; i++)
			if (!taken[i]) {
				/* The trio: count the new pairs it makes. */
				rep += align_set_has(&set, key, (size_t)pair_key(
				    sorted[i], sorted[cur[m - 1]], key,
				    sizeof(key)));
				rep += align_set_has(&set, key, (size_t)pair_key(
				    sorted[i], sorted[cur[m - 2]], key,
				    sizeof(key)));
				cur[m++] = i;
			}
		free(taken);
		if (rep < bestrep) {
			bestrep = rep;
			memcpy(best, cur, n * sizeof(*best));
		}
	}
	if ((pairs = align_seq()) == NULL)
		goto nomem;
	for (i = 0; i + 1 < n; i += 2) {
		struct align_node *g = align_seq();
		char *m[3];
		size_t k = 0, q;

		m[k++] = sorted[best[i]];
		m[k++] = sorted[best[i + 1]];
		if (n % 2 && i + 3 == n) {
			m[k++] = sorted[best[i + 2]];
			i++;
		}
		qsort(m, k, sizeof(*m), cmp_name);
		for (q = 0; g && q < k; q++)
			if (align_seq_push_str(g, m[q]) < 0) {
				align_node_free(g);
				g = NULL;
			}
		if (align_seq_push(pairs, g) < 0)
			goto nomem;
	}
	qsort(pairs->item, pairs->n, sizeof(*pairs->item), cmp_group);
	*out = pairs;
	pairs = NULL;
	rc = 0;
	goto out;
nomem:
	rc = align_err_nomem(e);
out:
	align_node_free(pairs);
	align_set_release(&set);
	free(sorted);
	free(order);
	free(best);
	free(cur);
	return rc;
}

int
align_round_of(const struct align_node *f, struct align_round *r,
    struct align_err *e)
{
	const char *date = align_map_str(f, "date");
	const char *every = align_map_str(f, "every");
	const char *count = align_map_str(f, "count");
	const char *until = align_map_str(f, "until");
	struct align_err why = ALIGN_ERR_INIT;

	memset(r, 0, sizeof(*r));
	if (date == NULL || align_time_parse(date, &r->date, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, f->line, 1,
		    "follow-up %s: %s", align_record_id(f) ?
		    align_record_id(f) : "?", date ? why.msg : "no date");
	if (every && align_duration_parse(every, &r->every, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, f->line, 1,
		    "follow-up %s: every: %s", align_record_id(f), why.msg);
	if (count)
		r->count = strtol(count, NULL, 10);
	if (until) {
		if (align_time_parse(until, &r->until, &why) < 0)
			return align_err_set(e, EX_DATAERR, NULL, f->line, 1,
			    "follow-up %s: until: %s", align_record_id(f),
			    why.msg);
		if (r->until.date_only)
			r->until.t += 86399;	/* all of that day */
		r->has_until = 1;
	}
	return 0;
}

int
align_round_at(const struct align_round *r, long k, struct align_time *t)
{
	if (k < 0 || (k > 0 && r->every == 0) || (r->count && k >= r->count))
		return -1;
	*t = align_time_add(r->date, r->every * k);
	if (r->has_until && t->t > r->until.t)
		return -1;
	return 0;
}

static void
rrule(struct align_buf *b, const struct align_round *r)
{
	char until[24];
	long days = r->every / (60 * 24);

	if (r->every == 0)
		return;
	if (r->every % (60 * 24 * 7) == 0)
		align_buf_printf(b, "RRULE:FREQ=WEEKLY;INTERVAL=%ld",
		    r->every / (60 * 24 * 7));
	else if (r->every % (60 * 24) == 0)
		align_buf_printf(b, "RRULE:FREQ=DAILY;INTERVAL=%ld", days);
	else
		align_buf_printf(b, "RRULE:FREQ=MINUTELY;INTERVAL=%ld",
		    r->every);
	if (r->count)
		align_buf_printf(b, ";COUNT=%ld", r->count);
	else if (r->has_until) {
		struct align_time u = r->until;

		u.date_only = 0;
		align_time_ics(&u, until);
		align_buf_printf(b, ";UNTIL=%s", until);
	}
	align_buf_puts(b, "\r\n");
}

static void
list_text(struct align_buf *b, const struct align_node *l, const char *sep)
{
	size_t i;

	for (i = 0; l && l->type == ALIGN_SEQ && i < l->n; i++)
		if (l->item[i]->type == ALIGN_SCALAR)
			align_buf_printf(b, "%s%s", i ? sep : "",
			    l->item[i]->str);
}

static void
event(struct align_buf *b, const struct align_node *session,
    const struct align_node *f, const struct align_round *r,
    const struct align_node *pair, const char *uid, long seq,
    const struct align_time *now)
{
	struct align_buf d = ALIGN_BUF_INIT;
	char stamp[24], dur[32];
	const char *title = session ? align_map_str(session, "title") : NULL;
	const struct align_node *pairs = align_map_get(f, "pairs");
	size_t i;

	align_buf_puts(b, "BEGIN:VEVENT\r\n");
	align_ics_text(b, "UID", uid);
	align_time_ics(now, stamp);
	align_ics_prop(b, "DTSTAMP", stamp);
	align_ics_time(b, "DTSTART", &r->date);
	if (!r->date.date_only) {
		align_ics_duration(align_map_get(f, "with") ? 30 : 60, dur);
		align_ics_prop(b, "DURATION", dur);
	}
	{
		struct align_buf rr = ALIGN_BUF_INIT;

		rrule(&rr, r);
		if (rr.failed)
			b->failed = 1;
		else if (rr.len)
			align_buf_add(b, rr.p, rr.len);
		align_buf_release(&rr);
	}
	align_buf_printf(b, "SEQUENCE:%ld\r\n", seq);
	align_buf_printf(&d, "%s%s%s", pair ? "Pair: " : "Follow-up",
	    pair ? "" : ": ", pair ? "" : title ? title : ALIGN_TITLE);
	if (pair)
		list_text(&d, pair, " and ");
	if (!d.failed)
		align_ics_text(b, "SUMMARY", d.p);
	if (d.failed)
		b->failed = 1;
	align_buf_reset(&d);
	align_buf_puts(&d, "Reflect on successes and failures in living by "
	    "the principles");
	if (align_map_get(f, "principles") && align_map_get(f,
	    "principles")->n) {
		align_buf_puts(&d, ": ");
		list_text(&d, align_map_get(f, "principles"), ", ");
	}
	align_buf_puts(&d, ".");
	if (!pair && pairs && pairs->type == ALIGN_SEQ && pairs->n) {
		align_buf_puts(&d, "\nPairs:");
		for (i = 0; i < pairs->n; i++) {
			align_buf_puts(&d, "\n- ");
			list_text(&d, pairs->item[i], " and ");
		}
	}
	if (!d.failed)
		align_ics_text(b, "DESCRIPTION", d.p);
	if (d.failed)
		b->failed = 1;
	align_buf_release(&d);
	align_buf_puts(b, "END:VEVENT\r\n");
}

int
align_followup_ics(struct align_buf *b, const struct align_node *session,
    const struct align_node *fs, int per_pair, const struct align_time *now,
    struct align_err *e)
{
	size_t i, j;

	align_buf_puts(b, "BEGIN:VCALENDAR\r\n");
	align_ics_prop(b, "VERSION", "2.0");
	align_ics_prop(b, "PRODID", "-//align//align-followup//EN");
	align_ics_prop(b, "CALSCALE", "GREGORIAN");
	align_ics_prop(b, "METHOD", "PUBLISH");
	for (i = 0; i < fs->n; i++) {
		const struct align_node *f = fs->item[i];
		const struct align_node *pairs = align_map_get(f, "pairs");
		const char *uid = align_map_str(f, "uid");
		const char *seq = align_map_str(f, "sequence");
		struct align_round r;
		char puid[512];

		if (align_round_of(f, &r, e) < 0)
			return -1;
		event(b, session, f, &r, NULL, uid ? uid :
		    align_record_id(f), seq ? strtol(seq, NULL, 10) : 0, now);
		for (j = 0; per_pair && pairs && pairs->type == ALIGN_SEQ &&
		    j < pairs->n; j++) {
			snprintf(puid, sizeof(puid), "%s-pair%zu", uid ? uid :
			    align_record_id(f), j + 1);
			event(b, session, f, &r, pairs->item[j], puid,
			    seq ? strtol(seq, NULL, 10) : 0, now);
		}
	}
	align_buf_puts(b, "END:VCALENDAR\r\n");
	return b->failed ? align_err_nomem(e) : 0;
}

/* The people of round f: its pairs, or the session's participants. */
static void
people_of(const struct align_node *recs, const struct align_node *f,
    const char **who, size_t *n, size_t max)
{
	const struct align_node *pairs = align_map_get(f, "pairs");
	size_t i, j;

	*n = 0;
	for (i = 0; pairs && pairs->type == ALIGN_SEQ && i < pairs->n; i++)
		for (j = 0; pairs->item[i]->type == ALIGN_SEQ &&
		    j < pairs->item[i]->n && *n < max; j++)
			if (pairs->item[i]->item[j]->type == ALIGN_SCALAR)
				who[(*n)++] = pairs->item[i]->item[j]->str;
	if (*n)
		return;
	for (i = 0; i < recs->n; i++) {
		const struct align_node *p;

		if (strcmp(align_record_kind(recs->item[i]), "session") != 0)
			continue;
		p = align_map_get(recs->item[i], "participants");
		for (j = 0; p && p->type == ALIGN_SEQ && j < p->n && *n < max;
		    j++)
			if (p->item[j]->type == ALIGN_SCALAR)
				who[(*n)++] = p->item[j]->str;
		return;
	}
}

static int
checked_in(const struct align_node *recs, const char *f, const char *who)
{
	size_t i;

	for (i = 0; i < recs->n; i++) {
		const struct align_node *c = recs->item[i];
		const char *cf = align_map_str(c, "followup");
		const char *cp = align_map_str(c, "participant");

		if (strcmp(align_record_kind(c), "checkin") == 0 && cf && cp &&
		    strcmp(cf, f) == 0 && strcmp(cp, who) == 0)
			return 1;
	}
	return 0;
}

static int
reminded(const struct align_node *recs, const char *id)
{
	size_t i;

	for (i = 0; i < recs->n; i++)
		if (strcmp(align_record_kind(recs->item[i]), "reminder") == 0 &&
		    align_record_id(recs->item[i]) &&
		    strcmp(align_record_id(recs->item[i]), id) == 0)
			return 1;
	return 0;
}

static int
push_due(struct align_due **v, size_t *n, const struct align_due *d)
{
	struct align_due *p = realloc(*v, (*n + 1) * sizeof(*p));

	if (p == NULL)
		return -1;
	*v = p;
	p[(*n)++] = *d;
	return 0;
}

static void
day_of(const struct align_time *t, char *out)
{
	struct align_time d = *t;

	d.date_only = 1;
	align_time_format(&d, out);
}

static void
reminder_id(const char *f, const char *day, const char *what, char *out)
{
	static const unsigned char key[16] = "align-reminder!";
	char buf[1024];
	int n = snprintf(buf, sizeof(buf), "%s\x1f%s\x1f%s", f, day, what);

	snprintf(out, 40, "m-%016llx", (unsigned long long)align_siphash(key,
	    buf, n > 0 ? (size_t)n : 0));
}

int
align_due_items(const struct align_node *recs, const struct align_time *now,
    long within, struct align_due **items, size_t *n, struct align_err *e)
{
	struct align_time horizon = align_time_add(*now, within);
	const char *title = align_session_of(recs) ?
	    align_map_str(align_session_of(recs), "title") : NULL;
	size_t i, j;

	*items = NULL;
	*n = 0;
	/* Days are compared in the clock's own offset. */
	horizon.off = now->off;
	for (i = 0; i < recs->n; i++) {
		const struct align_node *f = recs->item[i];
		const char *fid = align_record_id(f), *with;
		struct align_round r;
		struct align_time t, last;
		struct align_due d;
		char today[40], day[40];
		const char *who[256];
		size_t np;
		long k;
		int have = 0;

		if (strcmp(align_record_kind(f), "followup") != 0 || !fid)
			continue;
		if (align_round_of(f, &r, e) < 0)
			return -1;
		with = align_map_str(f, "with");
		/* The latest occurrence due by the horizon's day. */
		day_of(&horizon, today);
		for (k = 0; align_round_at(&r, k, &t) == 0 && k < 100000;
		    k++) {
			t.off = now->off;
			day_of(&t, day);
			if (strcmp(day, today) > 0)
				break;
			last = t;
			have = 1;
		}
		if (!have)
			continue;
		day_of(&last, day);
		memset(&d, 0, sizeof(d));
		snprintf(d.date, sizeof(d.date), "%s", day);
		snprintf(d.followup, sizeof(d.followup), "%s", fid);
		reminder_id(fid, day, "meeting", d.id);
		{
			struct align_time td = *now;
			char nowday[40];

			day_of(&td, nowday);
			/* A meeting long past is no reminder; one missed by
			 * a run of cron is, once. */
			if (!reminded(recs, d.id) && (strcmp(day, nowday) >= 0 ||
			    k > 0 || r.every == 0)) {
				snprintf(d.what, sizeof(d.what),
				    "%s: %s%s%s", with ? "one-to-one" :
				    "follow-up meeting", with ? "with " : "",
				    with ? with : title ? title : ALIGN_TITLE,
				    strcmp(day, nowday) < 0 ? " (missed)" : "");
				if (push_due(items, n, &d) < 0)
					return align_err_nomem(e);
			}
			/* Check-ins: once the day has come. */
			if (strcmp(day, nowday) > 0)
				continue;
		}
		people_of(recs, f, who, &np, 256);
		for (j = 0; j < np; j++) {
			char what[300];

			if (checked_in(recs, fid, who[j]))
				continue;
			snprintf(what, sizeof(what), "checkin:%s", who[j]);
			reminder_id(fid, day, what, d.id);
			if (reminded(recs, d.id))
				continue;
			snprintf(d.what, sizeof(d.what), "%s has not checked in",
			    who[j]);
			if (push_due(items, n, &d) < 0)
				return align_err_nomem(e);
		}
	}
	return 0;
}

static const char *const outcomes[] = { "success", "mixed", "failure" };

/* How the check-ins of round fid on principle (or commitment) pid came
 * out: c[0] successes, c[1] mixed, c[2] failures. */
static void
outcomes_of(const struct align_node *recs, const char *fid, const char *pid,
    size_t c[3])
{
	size_t k, q;

	for (k = 0; k < recs->n; k++) {
		const struct align_node *x = recs->item[k];
		const char *xf = align_map_str(x, "followup");
		const char *xp = align_map_str(x, "principle");
		const char *xo = align_map_str(x, "outcome");

		if (strcmp(align_record_kind(x), "checkin") || !xf || !xp ||
		    !xo || strcmp(xf, fid) || strcmp(xp, pid))
			continue;
		for (q = 0; q < 3; q++)
			c[q] += strcmp(xo, outcomes[q]) == 0;
	}
}

void
align_followup_report(struct align_buf *b, const struct align_node *recs,
    int md, int color)
{
	size_t i, j, k, q;
	const char *bold = color ? "\033[1m" : "", *off = color ? "\033[0m" :
	    "";

	align_buf_printf(b, md ? "# Follow-up report\n" : "%sFollow-up report%s\n",
	    bold, off);
	for (i = 0; i < recs->n; i++) {
		const struct align_node *p = recs->item[i];
		const char *pid = align_record_id(p);

		if (strcmp(align_record_kind(p), "principle") != 0 || !pid)
			continue;
		align_buf_printf(b, md ? "\n## %s: %s\n\n" : "\n%s%s  %s%s\n",
		    md ? pid : bold, md ? align_map_str(p, "statement") : pid,
		    md ? "" : align_map_str(p, "statement"), md ? "" : off);
		if (md)
			align_buf_puts(b, "| round | success | mixed | failure "
			    "|\n|---|---|---|---|\n");
		for (j = 0; j < recs->n; j++) {
			const struct align_node *f = recs->item[j];
			const char *fid = align_record_id(f);
			size_t c[3] = { 0, 0, 0 };

			if (strcmp(align_record_kind(f), "followup") != 0 ||
			    !fid || align_map_get(f, "with"))
				continue;
			outcomes_of(recs, fid, pid, c);
			if (md) {
				align_buf_printf(b, "| %s %s | %zu | %zu | %zu "
				    "|\n", fid, align_map_str(f, "date"),
				    c[0], c[1], c[2]);
				continue;
			}
			align_buf_printf(b, "  %-4s %-10.10s  ", fid,
			    align_map_str(f, "date") ? align_map_str(f,
			    "date") : "");
			for (q = 0; q < c[0]; q++)
				align_buf_puts(b, color ? "\033[32m\xe2\x96\x88"
				    "\033[0m" : "\xe2\x96\x88");
			for (q = 0; q < c[1]; q++)
				align_buf_puts(b, "\xe2\x96\x93");
			for (q = 0; q < c[2]; q++)
				align_buf_puts(b, color ? "\033[31m\xe2\x96\x91"
				    "\033[0m" : "\xe2\x96\x91");
			align_buf_printf(b, " %zu success%s, %zu mixed, %zu "
			    "failure%s\n", c[0], c[0] == 1 ? "" : "es", c[1],
			    c[2], c[2] == 1 ? "" : "s");
		}
	}
	/* One-to-ones: progress on each commitment. */
	for (j = 0; j < recs->n; j++) {
		const struct align_node *f = recs->item[j];
		const struct align_node *cs = align_map_get(f, "commitments");
		const char *fid = align_record_id(f);

		if (strcmp(align_record_kind(f), "followup") != 0 || !fid ||
		    !cs || cs->type != ALIGN_SEQ)
			continue;
		align_buf_printf(b, md ? "\n## %s: one-to-one with %s\n\n" :
		    "\n%s%s: one-to-one with %s%s\n", md ? fid : bold,
		    md ? align_map_str(f, "with") : fid,
		    md ? "" : align_map_str(f, "with"), md ? "" : off);
		for (i = 0; i < cs->n; i++) {
			const char *cid = align_map_str(cs->item[i], "id");
			const char *who = align_map_str(cs->item[i],
			    "participant");
			const char *what = align_map_str(cs->item[i],
			    "commitment");
			size_t c[3] = { 0, 0, 0 };

			if (cid == NULL || what == NULL)
				continue;	/* not a commitment */
			outcomes_of(recs, fid, cid, c);
			align_buf_printf(b, "%s%s %s: %s (%zu success%s, %zu "
			    "mixed, %zu failure%s)\n", md ? "- " : "  ", cid,
			    who ? who : "?", what, c[0], c[0] == 1 ? "" : "es",
			    c[1], c[2], c[2] == 1 ? "" : "s");
		}
	}
	/* Who has not checked in, and what was recognised, a round at a
	 * time. */
	for (j = 0; j < recs->n; j++) {
		const struct align_node *f = recs->item[j];
		const char *fid = align_record_id(f), *who[256];
		size_t np, shown = 0;

		if (strcmp(align_record_kind(f), "followup") != 0 || !fid)
			continue;
		people_of(recs, f, who, &np, 256);
		for (i = 0; i < np; i++) {
			if (checked_in(recs, fid, who[i]))
				continue;
			if (shown++ == 0)
				align_buf_printf(b, "\nNot checked in for %s: ",
				    fid);
			else
				align_buf_puts(b, ", ");
			align_buf_puts(b, who[i]);
		}
		if (shown)
			align_buf_puts(b, md ? ".\n" : "\n");
		for (k = 0; k < recs->n; k++) {
			const struct align_node *x = recs->item[k];
			const char *rec = align_map_str(x, "recognition");
			const char *xf = align_map_str(x, "followup");

			if (rec && xf && strcmp(xf, fid) == 0)
				align_buf_printf(b, "%sRecognised (%s, %s): %s\n",
				    md ? "\n- " : "", fid, align_map_str(x,
				    "participant") ? align_map_str(x,
				    "participant") : "?", rec);
		}
	}
}

const struct align_node *
align_session_of(const struct align_node *recs)
{
	size_t i;

	for (i = 0; i < recs->n; i++)
		if (strcmp(align_record_kind(recs->item[i]), "session") == 0)
			return recs->item[i];
	return NULL;
}

static int
bad(struct align_err *e, const char *opt, const struct align_err *why)
{
	return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: %s", opt,
	    why->msg);
}

static int
put_list(struct align_node *rec, const char *key, const char *const *v,
    size_t n)
{
	struct align_node *l = align_seq();
	size_t i;

	for (i = 0; l && i < n; i++)
		if (align_seq_push_str(l, v[i]) < 0) {
			align_node_free(l);
			l = NULL;
		}
	return align_map_put(rec, key, l);
}

int
align_followup_plan(const struct align_node *recs,
    const struct align_followup_opts *o, struct align_node **out, long *at,
    struct align_err *e)
{
	const struct align_node *s = align_session_of(recs), *last = NULL;
	struct align_err why = ALIGN_ERR_INIT;
	struct align_time date, t;
	struct align_node *f = NULL, *used = NULL, *pairs = NULL;
	long every = 0, nf = 0, step;
	size_t i, j;
	char buf[64], id[32], uid[256];
	const char *people[512];
	size_t np = 0;
	int changed = 0;

	*out = NULL;
	*at = -1;
	if (o->date && align_time_parse(o->date, &date, &why) < 0)
		return bad(e, "--date", &why);
	if (o->every && align_duration_parse(o->every, &every, &why) < 0)
		return bad(e, "--every", &why);
	if (o->until && align_time_parse(o->until, &t, &why) < 0)
		return bad(e, "--until", &why);
	if (o->count < 0 || (o->count && o->until))
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "--count and --until: one or the other");
	if ((used = align_seq()) == NULL)
		return align_err_nomem(e);
	/* The latest round of the same series (the group's, or the
	 * one-to-ones with the same person), and the pairs used so far. */
	for (i = 0; i < recs->n; i++) {
		const struct align_node *x = recs->item[i];
		const char *w = align_map_str(x, "with");

		if (strcmp(align_record_kind(x), "followup") != 0)
			continue;
		nf++;
		if ((w == NULL) != (o->with == NULL) ||
		    (w && strcmp(w, o->with) != 0))
			continue;
		last = x;
		*at = (long)i;
	}
	if (last) {
		struct align_round r;

		if (align_round_of(last, &r, e) < 0)
			goto fail;
		if (o->now->t >= r.date.t) {
			*at = -1;	/* its day has come: a new round */
		}
	}
	/* Pairs of all earlier rounds of the series, to avoid repeats. */
	for (i = 0; i < recs->n; i++) {
		const struct align_node *x = recs->item[i];
		const struct align_node *p = align_map_get(x, "pairs");

		if (strcmp(align_record_kind(x), "followup") != 0 ||
		    (*at >= 0 && (long)i == *at))
			continue;
		for (j = 0; p && p->type == ALIGN_SEQ && j < p->n; j++)
			if (align_seq_push(used, align_node_copy(p->item[j])) <
			    0)
				goto nomem;
	}
	if (*at >= 0) {
		/* Revise the round whose day has not come. */
		if ((f = align_node_copy(recs->item[*at])) == NULL)
			goto nomem;
	} else {
		if ((f = align_record_new("followup")) == NULL)
			goto nomem;
		snprintf(id, sizeof(id), "f%ld", nf + 1);
		if (align_map_put_str(f, "id", id) < 0)
			goto nomem;
		changed = 1;
		/* Six weeks after the session, or after the last round;
		 * a one-to-one, a week from now. */
		step = every ? every : o->with ? 60L * 24 * 7 :
		    60L * 24 * 7 * 6;
		if (!o->date) {
			struct align_round r;

			if (last && align_round_of(last, &r, e) == 0)
				date = align_time_add(r.date, r.every ?
				    r.every : step);
			else if (!o->with && s && align_map_str(s, "date") &&
			    align_time_parse(align_map_str(s, "date"), &date,
			    &why) == 0)
				date = align_time_add(date, step);
			else
				date = align_time_add(*o->now, step);
			while (date.t <= o->now->t)
				date = align_time_add(date, step);
		}
	}
	if (o->date || *at < 0) {
		align_time_format(&date, buf);
		changed |= !align_map_str(f, "date") ||
		    strcmp(align_map_str(f, "date"), buf) != 0;
		if (align_map_put_str(f, "date", buf) < 0)
			goto nomem;
	}
	if (o->every || (*at < 0 && o->with)) {
		align_duration_format(every ? every : 60L * 24 * 7, buf);
		changed |= !align_map_str(f, "every") ||
		    strcmp(align_map_str(f, "every"), buf) != 0;
		if (align_map_put_str(f, "every", buf) < 0)
			goto nomem;
	}
	if (o->count) {
		align_map_del(f, "until");
		if (align_map_put(f, "count", align_scalar_int(o->count)) < 0)
			goto nomem;
		changed = 1;
	}
	if (o->until) {
		align_map_del(f, "count");
		if (align_map_put_str(f, "until", o->until) < 0)
			goto nomem;
		changed = 1;
	}
	/* The principles under review: those given, else those agreed,
	 * else all. */
	if (o->nprinciple) {
		if (put_list(f, "principles", o->principle, o->nprinciple) < 0)
			goto nomem;
	} else if (*at < 0) {
		const char *ids[256];
		size_t n = 0, pass;

		for (pass = 0; pass < 2 && n == 0; pass++)
			for (i = 0; i < recs->n && n < 256; i++) {
				const struct align_node *p = recs->item[i];
				const char *st = align_map_str(p, "status");

				if (strcmp(align_record_kind(p), "principle") ==
				    0 && align_record_id(p) && (pass == 1 ||
				    (st && strcmp(st, "agreed") == 0)))
					ids[n++] = align_record_id(p);
			}
		if (put_list(f, "principles", ids, n) < 0)
			goto nomem;
	}
	/* Pairs: made once for a round; a one-to-one is its two people. */
	if (*at < 0) {
		if (o->with) {
			const char *two[2];

			two[0] = o->leader ? o->leader : s &&
			    align_map_str(s, "facilitator") ?
			    align_map_str(s, "facilitator") : "leader";
			two[1] = o->with;
			if ((pairs = align_seq()) == NULL ||
			    align_seq_push(pairs, align_seq()) < 0)
				goto nomem;
			for (i = 0; i < 2; i++)
				if (align_seq_push_str(pairs->item[0],
				    two[i]) < 0)
					goto nomem;
		} else {
			const struct align_node *p = s ?
			    align_map_get(s, "participants") : NULL;

			for (i = 0; p && p->type == ALIGN_SEQ && i < p->n &&
			    np < 512; i++)
				if (p->item[i]->type == ALIGN_SCALAR)
					people[np++] = p->item[i]->str;
			if (np < 2) {
				align_err_set(e, EX_DATAERR, NULL, 0, 0,
				    "the session has fewer than two "
				    "participants to pair (align-plan "
				    "--participant)");
				goto fail;
			}
			if (align_pairs((char *const *)people, np, used,
			    o->seed, &pairs, e) < 0)
				goto fail;
		}
		if (align_map_put(f, "pairs", pairs) < 0) {
			pairs = NULL;
			goto nomem;
		}
		pairs = NULL;
	}
	if (o->with && align_map_put_str(f, "with", o->with) < 0)
		goto nomem;
	if (o->root_cause && align_map_put_str(f, "root_cause",
	    o->root_cause) < 0)
		goto nomem;
	if (o->ngoal && put_list(f, "goals", o->goal, o->ngoal) < 0)
		goto nomem;
	if (o->ncommit) {
		struct align_node *l = align_seq();

		for (i = 0; l && i < o->ncommit; i++) {
			const char *c = strchr(o->commit[i], ':');
			struct align_node *m = align_map();
			char who[256], cid[32];

			if (c == NULL || c == o->commit[i] ||
			    (size_t)(c - o->commit[i]) >= sizeof(who)) {
				align_node_free(l);
				align_node_free(m);
				align_err_set(e, EX_USAGE, NULL, 0, 0,
				    "--commit: expected NAME:TEXT, not '%s'",
				    o->commit[i]);
				goto fail;
			}
			snprintf(who, sizeof(who), "%.*s",
			    (int)(c - o->commit[i]), o->commit[i]);
			/* c1, c2, ...: what check-ins name as their
			 * principle. */
			snprintf(cid, sizeof(cid), "c%zu", i + 1);
			if (m == NULL || align_map_put_str(m, "id", cid) < 0 ||
			    align_map_put_str(m, "participant", who) < 0 ||
			    align_map_put_str(m, "commitment", c + 1) < 0) {
				align_node_free(m);
				align_node_free(l);
				l = NULL;
			} else if (align_seq_push(l, m) < 0) {
				align_node_free(l);
				l = NULL;
			}
		}
		if (align_map_put(f, "commitments", l) < 0)
			goto nomem;
	}
	if (o->root_cause || o->ngoal || o->ncommit || o->nprinciple)
		changed = 1;
	if (align_map_get(f, "uid") == NULL) {
		snprintf(uid, sizeof(uid), "%s-%s@align", s &&
		    align_record_id(s) ? align_record_id(s) : "session",
		    align_record_id(f));
		if (align_map_put_str(f, "uid", uid) < 0 ||
		    align_map_put(f, "sequence", align_scalar_int(0)) < 0)
			goto nomem;
	} else if (changed) {
		const char *sq = align_map_str(f, "sequence");

		if (align_map_put(f, "sequence", align_scalar_int(
		    (sq ? strtol(sq, NULL, 10) : 0) + 1)) < 0)
			goto nomem;
	}
	align_node_free(used);
	*out = f;
	return 0;
nomem:
	align_err_nomem(e);
fail:
	align_node_free(used);
	align_node_free(pairs);
	align_node_free(f);
	return -1;
}

int
align_checkin_new(const struct align_node *recs, const char *who,
    const char *principle, const char *outcome, const char *note,
    const char *followup, const char *recognition, const char *at,
    struct align_node **out, struct align_err *e)
{
	static const unsigned char key[16] = "align-checkin-k";
	struct align_time now, t;
	struct align_err why = ALIGN_ERR_INIT;
	const char *fid = followup, *found = NULL;
	struct align_node *c;
	char id[40], buf[2048];
	size_t i;
	int n, ok = 0;

	*out = NULL;
	if (who == NULL || principle == NULL || outcome == NULL)
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "a check-in needs a participant, a principle and an "
		    "outcome");
	for (i = 0; i < 3; i++)
		ok |= strcmp(outcome, outcomes[i]) == 0;
	if (!ok)
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "outcome '%s': expected success, failure or mixed",
		    outcome);
	if (align_time_parse(at, &now, &why) < 0)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s", why.msg);
	/* The round: given, or the latest whose day has come, else the
	 * first. */
	for (i = 0; i < recs->n; i++) {
		const struct align_node *f = recs->item[i];
		const char *d = align_map_str(f, "date");

		if (strcmp(align_record_kind(f), "followup") != 0 ||
		    !align_record_id(f))
			continue;
		if (followup && strcmp(followup, align_record_id(f)) == 0)
			found = followup;
		if (!followup && (fid == NULL || (d && align_time_parse(d, &t,
		    &why) == 0 && t.t <= now.t)))
			fid = align_record_id(f);
	}
	if (fid == NULL || (followup && found == NULL))
		return align_err_set(e, EX_USAGE, NULL, 0, 0, followup ?
		    "no follow-up '%s' in the input" : "no follow-up in the "
		    "input: plan one with align-followup plan%s",
		    followup ? followup : "");
	n = snprintf(buf, sizeof(buf), "%s\x1f%s\x1f%s\x1f%s", fid, who,
	    principle, at);
	snprintf(id, sizeof(id), "c-%016llx", (unsigned long long)
	    align_siphash(key, buf, n > 0 ? (size_t)n : 0));
	c = align_record_new("checkin");
	if (c == NULL || align_map_put_str(c, "id", id) < 0 ||
	    align_map_put_str(c, "followup", fid) < 0 ||
	    align_map_put_str(c, "participant", who) < 0 ||
	    align_map_put_str(c, "principle", principle) < 0 ||
	    align_map_put_str(c, "outcome", outcome) < 0 ||
	    (note && align_map_put_str(c, "note", note) < 0) ||
	    align_map_put_str(c, "at", at) < 0 ||
	    (recognition && align_map_put_str(c, "recognition",
	    recognition) < 0)) {
		align_node_free(c);
		return align_err_nomem(e);
	}
	*out = c;
	return 0;
}
