/* Planning a round: its date, the principles under review, pairs,
 * revisions and their sequence, one-to-ones; and the round as text, as a
 * calendar and as a page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/buf.h"
#include "../../lib/followup_plan.h"
#include "../../lib/reader.h"
#include "../../lib/writer.h"
#include "helpers.h"

static const char session[] = "---\nkind: session\nid: s\n"
    "title: Alignment\ndate: 2027-01-06T12:00:00Z\nfacilitator: Ana\n"
    "participants: [Ana, Ben, Carla, Dev]\n"
    "---\nkind: principle\nid: p1\nstatement: We listen.\nstatus: agreed\n"
    "---\nkind: principle\nid: p2\nstatement: We teach.\n";

/* Plan over the records of text at now; 0, or -1 and e. */
static int
plan(const char *text, struct align_followup_opts *o, const char *now,
    struct align_planned *p, struct align_err *e)
{
	struct align_node *all = stream(text);
	struct align_rounds rs;
	struct align_time t;
	int rc;

	assert_int_equal(align_time_parse(now, &t, NULL), 0);
	o->now = &t;
	assert_int_equal(align_rounds_read(&rs, all, e), 0);
	rc = align_followup_plan(&rs, o, p, e);
	/* The planned round outlives the stream it was planned from. */
	align_rounds_release(&rs);
	align_node_free(all);
	return rc;
}

/* The planned round as text. */
static char *
text_of(const struct align_planned *p)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_TEXT,
	    .width = 80, .color = 0 };
	struct align_round when;
	struct align_round_shown r = { &p->view, p->revised, &when };

	assert_int_equal(align_round_of(&p->view, NULL, &when, NULL), 0);
	align_round_text(&r, &s);
	return align_buf_detach(&b);
}

/* The stream text with rec after it. */
static char *
with_record(const char *text, const struct align_node *rec)
{
	struct align_buf b = ALIGN_BUF_INIT;

	align_buf_puts(&b, text);
	align_emit_record(&b, rec);
	return align_buf_detach(&b);
}

static void
test_plan_refuses_bad_options(void **state)
{
	static const struct align_commit_opt bad_commit[] = {
		{ "no colon here", NULL } };
	static const struct align_commit_opt no_name[] = {
		{ ":a commitment", NULL } };
	struct align_followup_opts o;
	struct align_planned p;
	struct align_err e = ALIGN_ERR_INIT;
	int i;

	(void)state;
	for (i = 0; i < 7; i++) {
		memset(&o, 0, sizeof(o));
		switch (i) {
		case 0: o.date = "someday"; break;
		case 1: o.every = "often"; break;
		case 2: o.until = "later"; o.every = "1w"; break;
		case 3: o.count = -1; break;
		case 4: o.count = 2; o.until = "2027-06-01"; o.every = "1w";
			break;
		case 5: o.with = "Dev"; o.commit = bad_commit; o.ncommit = 1;
			break;
		case 6: o.with = "Dev"; o.commit = no_name; o.ncommit = 1;
			break;
		}
		e.status = 0;
		assert_int_equal(plan(session, &o, "2027-01-07T00:00:00Z", &p,
		    &e), -1);
		assert_int_equal(e.status, EX_USAGE);
		assert_null(p.rec);
		align_planned_release(&p);
	}
	/* Too few to pair. */
	memset(&o, 0, sizeof(o));
	assert_int_equal(plan("---\nkind: session\nid: s\nparticipants: Ana\n",
	    &o, "2027-01-07T00:00:00Z", &p, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	align_planned_release(&p);
}

static void
test_new_rounds(void **state)
{
	struct align_followup_opts o;
	struct align_planned p;
	struct align_err e = ALIGN_ERR_INIT;
	const struct align_followup_view *f = &p.view.u.followup;
	char *t;

	(void)state;
	/* Without a date: six weeks after the session, the agreed
	 * principles, everyone paired, a calendar UID. */
	memset(&o, 0, sizeof(o));
	assert_int_equal(plan(session, &o, "2027-01-07T00:00:00Z", &p, &e), 0);
	assert_int_equal(p.at, -1);
	assert_false(p.revised);
	assert_string_equal(p.view.id, "f1");
	assert_string_equal(f->date, "2027-02-17T12:00:00Z");
	assert_int_equal(f->principles.n, 1);
	assert_string_equal(f->principles.v[0], "p1");
	assert_int_equal(f->pairs.n, 2);
	assert_string_equal(f->uid, "s-f1@align");
	assert_int_equal(f->sequence.v, 0);
	t = text_of(&p);
	assert_string_equal(t, "f1 follow-up on 2027-02-17T12:00:00Z\n"
	    "Principles: p1\nPairs:\n  2027-02-11T12:00:00Z  Ana and Dev\n"
	    "  2027-02-15T12:00:00Z  Ben and Carla\n");
	free(t);
	align_planned_release(&p);
	/* A one-to-one: a week from now, weekly, with the facilitator. */
	o.with = "Dev";
	assert_int_equal(plan(session, &o, "2027-01-07T00:00:00Z", &p, &e), 0);
	assert_string_equal(f->date, "2027-01-14T00:00:00Z");
	assert_string_equal(f->every, "1w");
	assert_string_equal(f->with, "Dev");
	assert_int_equal(f->pairs.n, 1);
	assert_string_equal(f->pairs.v[0].v[0], "Ana");
	t = text_of(&p);
	assert_string_equal(t, "f1 one-to-one with Dev on "
	    "2027-01-14T00:00:00Z, every 1w\nPrinciples: p1\nPairs:\n"
	    "  Ana and Dev\n");
	free(t);
	align_planned_release(&p);
}

/* Planning again before the round's day revises it, and says so only
 * when something changed; once its day has come, the next round. */
static void
test_revisions(void **state)
{
	static const char *const two[] = { "p1", "p2" };
	struct align_followup_opts o;
	struct align_planned p, q;
	struct align_err e = ALIGN_ERR_INIT;
	const struct align_followup_view *f = &q.view.u.followup;
	char *text, *t;

	(void)state;
	memset(&o, 0, sizeof(o));
	assert_int_equal(plan(session, &o, "2027-01-07T00:00:00Z", &p, &e), 0);
	text = with_record(session, p.rec);
	/* Nothing changed: the same record, not "revised". */
	assert_int_equal(plan(text, &o, "2027-01-08T00:00:00Z", &q, &e), 0);
	assert_int_equal(q.at, 3);
	assert_false(q.revised);
	assert_true(align_node_equal(p.rec, q.rec));
	t = text_of(&q);
	assert_string_equal(t, "f1 follow-up on 2027-02-17T12:00:00Z\n"
	    "Principles: p1\nPairs:\n  2027-02-11T12:00:00Z  Ana and Dev\n"
	    "  2027-02-15T12:00:00Z  Ben and Carla\n");
	free(t);
	align_planned_release(&q);
	/* The same date given again is no change either. */
	o.date = "2027-02-17T12:00:00Z";
	assert_int_equal(plan(text, &o, "2027-01-08T00:00:00Z", &q, &e), 0);
	assert_false(q.revised);
	assert_int_equal(f->sequence.v, 0);
	align_planned_release(&q);
	/* Another date, principles: revised, the sequence up, the pairs
	 * kept. */
	o.date = "2027-02-18T12:00:00Z";
	o.principle = two;
	o.nprinciple = 2;
	assert_int_equal(plan(text, &o, "2027-01-08T00:00:00Z", &q, &e), 0);
	assert_true(q.revised);
	assert_int_equal(f->sequence.v, 1);
	assert_int_equal(f->principles.n, 2);
	assert_true(align_node_equal(align_map_get(p.rec, "pairs"),
	    align_map_get(q.rec, "pairs")));
	t = text_of(&q);
	assert_non_null(strstr(t, "f1 follow-up (revised) on "
	    "2027-02-18T12:00:00Z\nPrinciples: p1, p2\n"));
	free(t);
	align_planned_release(&q);
	/* Its day has come: f2, six weeks on, other pairs. */
	memset(&o, 0, sizeof(o));
	assert_int_equal(plan(text, &o, "2027-02-17T12:00:00Z", &q, &e), 0);
	assert_int_equal(q.at, -1);
	assert_string_equal(q.view.id, "f2");
	assert_string_equal(f->date, "2027-03-31T12:00:00Z");
	assert_false(align_node_equal(align_map_get(p.rec, "pairs"),
	    align_map_get(q.rec, "pairs")));
	align_planned_release(&q);
	align_planned_release(&p);
	free(text);
}

/* Names of any length in a commitment; c1, c2, ... as their ids. */
static void
test_one_to_one_commitments(void **state)
{
	struct align_buf name = ALIGN_BUF_INIT, commit = ALIGN_BUF_INIT;
	struct align_commit_opt commits[2] = { { NULL, NULL }, { NULL, NULL } };
	struct align_followup_opts o;
	struct align_planned p;
	struct align_err e = ALIGN_ERR_INIT;
	const struct align_commitment_view *c;
	size_t i;

	(void)state;
	for (i = 0; i < 300; i++)
		align_buf_puts(&name, "\xc3\xa9");
	align_buf_printf(&commit, "%s:asks before deciding", name.p);
	commits[0].spec = commit.p;
	commits[1].spec = "Ana:reviews: weekly";
	memset(&o, 0, sizeof(o));
	o.with = name.p;
	o.leader = "Ana";
	o.root_cause = "decides alone";
	o.commit = commits;
	o.ncommit = 2;
	assert_int_equal(plan(session, &o, "2027-01-07T00:00:00Z", &p, &e), 0);
	assert_string_equal(p.view.u.followup.with, name.p);
	assert_string_equal(p.view.u.followup.root_cause, "decides alone");
	assert_int_equal(p.view.u.followup.commitments.n, 2);
	c = p.view.u.followup.commitments.v;
	assert_string_equal(c[0].id, "c1");
	assert_string_equal(c[0].participant, name.p);
	assert_string_equal(c[0].commitment, "asks before deciding");
	assert_string_equal(c[1].id, "c2");
	assert_string_equal(c[1].commitment, "reviews: weekly");
	align_planned_release(&p);
	align_buf_release(&name);
	align_buf_release(&commit);
}

/* A session of six hundred: everyone in the round's pairs. */
/* A one-to-one is one series: planned again after its day, it is the
 * same round, its goals and commitments kept, new ones with new ids,
 * the same one given again not added twice; names by the roster. */
static void
test_one_to_one_series(void **state)
{
	struct align_goal_opt goals[] = {
		{ "Margin at least 38 %", "gross margin", "38", "%" } };
	struct align_commit_opt first[] = {
		{ "dev:Ask before deciding", "2027-02-01" },
		{ "Ana:Weekly priorities", NULL } };
	struct align_commit_opt more[] = {
		{ "Dev:Ask before deciding", NULL },
		{ "Dev:Coach two people", NULL } };
	struct align_followup_opts o;
	struct align_planned p;
	struct align_err e = ALIGN_ERR_INIT;
	const struct align_commitment_view *c;
	const struct align_goal_view *g;
	char *text;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.with = "dev";
	o.leader = "ana";
	o.goal = goals;
	o.ngoal = 1;
	o.commit = first;
	o.ncommit = 2;
	o.support = (const char *[]){ "A coach" };
	o.nsupport = 1;
	o.acknowledgement = "I decided alone";
	assert_int_equal(plan(session, &o, "2027-01-07T00:00:00Z", &p, &e), 0);
	assert_string_equal(p.view.u.followup.with, "Dev");
	assert_string_equal(p.view.u.followup.acknowledged, "2027-01-07");
	assert_string_equal(p.view.u.followup.every, "1w");
	text = with_record(session, p.rec);
	align_planned_release(&p);
	/* A month on: the same round, at its place. */
	memset(&o, 0, sizeof(o));
	o.with = "Dev";
	o.commit = more;
	o.ncommit = 2;
	o.goal = goals;
	o.ngoal = 1;
	assert_int_equal(plan(text, &o, "2027-02-07T00:00:00Z", &p, &e), 0);
	assert_int_equal(p.at, 3);
	assert_true(p.revised);
	c = p.view.u.followup.commitments.v;
	assert_int_equal(p.view.u.followup.commitments.n, 3);
	assert_string_equal(c[0].id, "c1");
	assert_string_equal(c[0].participant, "Dev");
	assert_string_equal(c[0].due, "2027-02-01");	/* kept */
	assert_string_equal(c[2].id, "c3");
	assert_string_equal(c[2].commitment, "Coach two people");
	g = p.view.u.followup.goals.v;
	assert_int_equal(p.view.u.followup.goals.n, 1);
	assert_string_equal(g[0].id, "g1");
	assert_string_equal(g[0].target, "38");
	assert_string_equal(p.view.u.followup.support.v[0], "A coach");
	align_planned_release(&p);
	/* A due day that is no day is refused. */
	memset(&o, 0, sizeof(o));
	o.with = "Dev";
	o.commit = (const struct align_commit_opt[]){ { "x:y", "soon" } };
	o.ncommit = 1;
	assert_int_equal(plan(text, &o, "2027-02-07T00:00:00Z", &p, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	align_planned_release(&p);
	free(text);
}

static void
test_many_participants(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_followup_opts o;
	struct align_planned p;
	struct align_err e = ALIGN_ERR_INIT;
	size_t i, n = 0;

	(void)state;
	align_buf_puts(&b, "---\nkind: session\nid: s\nparticipants: [");
	for (i = 0; i < 600; i++)
		align_buf_printf(&b, "%sPerson %zu", i ? ", " : "", i);
	align_buf_puts(&b, "]\n");
	memset(&o, 0, sizeof(o));
	assert_int_equal(plan(b.p, &o, "2027-01-07T00:00:00Z", &p, &e), 0);
	assert_int_equal(p.view.u.followup.pairs.n, 300);
	for (i = 0; i < p.view.u.followup.pairs.n; i++)
		n += p.view.u.followup.pairs.v[i].n;
	assert_int_equal(n, 600);
	align_planned_release(&p);
	align_buf_release(&b);
}

/* The calendar of a plan: the other rounds, then this one. */
static void
test_planned_calendar(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_ICS,
	    .width = 80, .color = 0 };
	struct align_followup_opts o;
	struct align_planned p;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	struct align_rounds rs;
	struct align_time now;
	char *text;

	(void)state;
	memset(&o, 0, sizeof(o));
	assert_int_equal(plan(session, &o, "2027-01-07T00:00:00Z", &p, &e), 0);
	text = with_record(session, p.rec);
	align_planned_release(&p);
	all = stream(text);
	align_time_parse("2027-03-01T00:00:00Z", &now, NULL);
	o.now = &now;
	o.every = "2w";
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_followup_plan(&rs, &o, &p, &e), 0);
	assert_int_equal(align_planned_formats(), ALIGN_FMT_TEXT |
	    ALIGN_FMT_HTML | ALIGN_FMT_ICS);
	assert_int_equal(align_planned_show(&p, &rs, &s, 1, &now, &e), 0);
	assert_non_null(strstr(b.p, "UID:s-f1@align\r\n"));
	assert_non_null(strstr(strstr(b.p, "UID:s-f1@align\r\n"),
	    "UID:s-f2@align\r\n"));
	assert_non_null(strstr(b.p, "UID:s-f2@align-pair2\r\n"));
	assert_non_null(strstr(b.p, "RRULE:FREQ=WEEKLY;INTERVAL=2\r\n"));
	align_planned_release(&p);
	align_rounds_release(&rs);
	align_node_free(all);
	align_buf_release(&b);
	free(text);
}

/* The page: every round, the one planned in its place and marked, the
 * dates of a cadence, the pairs, the principles under review with their
 * words; a one-to-one's own, user text escaped. */
static void
test_planned_page(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_HTML,
	    .tool = "align-followup" };
	struct align_followup_opts o;
	struct align_planned p;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	struct align_rounds rs;
	struct align_time now;
	const struct align_commit_opt commit[] = {
		{ "Ben:<img src=x onerror=alert(1)>", NULL } };
	char *text;

	(void)state;
	memset(&o, 0, sizeof(o));
	assert_int_equal(plan(session, &o, "2027-01-07T00:00:00Z", &p, &e), 0);
	text = with_record(session, p.rec);
	align_planned_release(&p);
	all = stream(text);
	align_time_parse("2027-03-01T00:00:00Z", &now, NULL);
	o.now = &now;
	o.every = "1w";
	o.count = 10;
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_followup_plan(&rs, &o, &p, &e), 0);
	assert_int_equal(align_planned_show(&p, &rs, &s, 0, &now, &e), 0);
	assert_non_null(strstr(b.p, "<title>Alignment \xe2\x80\x94 Follow-up "
	    "plan</title>"));
	assert_non_null(strstr(b.p, "<h2 id=\"round1-h\"><span "
	    "class=\"handle\">f1</span> Follow-up</h2>\n<p class=\"count\">"
	    "2 pairs</p>"));
	assert_non_null(strstr(b.p, "<span class=\"mark\">planned now</span> "
	    "2 pairs"));
	assert_non_null(strstr(b.p, "Every 1w, 10 times:"));
	/* Eight dates of ten, then more to come. */
	assert_non_null(strstr(b.p, "</time></li><li>\xe2\x80\xa6</li></ol>"));
	assert_non_null(strstr(b.p, "<span class=\"handle\">p1</span> <span "
	    "lang=\"\" dir=\"auto\">We listen.</span>"));
	assert_non_null(strstr(b.p, "id=\"round2-pair2\""));
	align_planned_release(&p);
	align_buf_reset(&b);
	memset(&o, 0, sizeof(o));
	o.now = &now;
	o.with = "Ben";
	o.root_cause = "\"><script>alert(1)</script>";
	o.commit = commit;
	o.ncommit = 1;
	assert_int_equal(align_followup_plan(&rs, &o, &p, &e), 0);
	assert_int_equal(align_planned_show(&p, &rs, &s, 0, &now, &e), 0);
	assert_non_null(strstr(b.p, "One-to-one with <span lang=\"\">Ben"
	    "</span>"));
	assert_non_null(strstr(b.p, "<dt>Root cause</dt><dd lang=\"\" "
	    "dir=\"auto\">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
	    "</dd>"));
	assert_null(strstr(b.p, "<img"));
	align_planned_release(&p);
	align_rounds_release(&rs);
	align_node_free(all);
	align_buf_release(&b);
	free(text);
}

/* In New York: six weeks after noon in February is noon in March; a
 * --date without an offset is New York's; the pairs' time is kept; the
 * session is told to keep the zone; show shows every round as it is. */
static void
test_planned_in_a_zone(void **state)
{
	static const char ny[] = "---\nkind: session\nid: s\n"
	    "date: 2027-02-03T12:00:00-05:00\nparticipants: [Ana, Ben]\n";
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_TEXT,
	    .width = 80, .color = 0 };
	struct align_followup_opts o;
	struct align_planned p;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all = stream(ny);
	struct align_rounds rs;
	struct align_time now;

	(void)state;
	memset(&o, 0, sizeof(o));
	align_time_parse("2027-02-03T14:00:00-05:00", &now, NULL);
	o.now = &now;
	o.pair_time = "16:00";
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_rounds_zone(&rs, "America/New_York", &e), 0);
	assert_int_equal(align_followup_plan(&rs, &o, &p, &e), 0);
	assert_string_equal(p.view.u.followup.date, "2027-03-17T12:00:00-04:00");
	assert_string_equal(p.view.u.followup.pair_time, "16:00");
	assert_string_equal(p.tz, "America/New_York");
	assert_int_equal(align_planned_show(&p, &rs, &s, 0, &now, &e), 0);
	assert_string_equal(b.p, "f1 follow-up on 2027-03-17T12:00:00-04:00 "
	    "(America/New_York)\nPrinciples: \nPairs:\n"
	    "  2027-03-11T16:00:00-05:00  Ana and Ben\n");
	assert_int_equal(align_planned_zone(&p, all, &e), 0);
	assert_string_equal(align_map_str(all->item[0], "tz"),
	    "America/New_York");
	align_planned_release(&p);
	/* A date without an offset is a time of the zone. */
	o.date = "2027-03-17T09:30";
	o.pair_time = "9:00";
	assert_int_equal(align_followup_plan(&rs, &o, &p, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	o.pair_time = NULL;
	assert_int_equal(align_followup_plan(&rs, &o, &p, &e), 0);
	assert_string_equal(p.view.u.followup.date, "2027-03-17T09:30:00-04:00");
	align_planned_release(&p);
	align_rounds_release(&rs);
	align_node_free(all);
	/* Nothing planned: show shows what is there, changing nothing. */
	all = stream("---\nkind: session\nid: s\ntz: Europe/Berlin\n"
	    "---\nkind: followup\nid: f1\ndate: 2027-03-24T10:00:00+01:00\n"
	    "every: 1w\npairs: [[Ana, Ben]]\n"
	    "---\nkind: followup\nid: f2\ndate: 2027-05-05\n");
	assert_int_equal(align_rounds_read(&rs, all, &e), 0);
	assert_int_equal(align_rounds_zone(&rs, NULL, &e), 0);
	align_buf_reset(&b);
	assert_int_equal(align_rounds_show(&rs, &s, 0, &now, &e), 0);
	assert_string_equal(b.p, "f1 follow-up on 2027-03-24T10:00:00+01:00 "
	    "(Europe/Berlin), every 1w\nPrinciples: \nPairs:\n"
	    "  2027-03-18T10:00:00+01:00  Ana and Ben\n"
	    "\nf2 follow-up on 2027-05-05\nPrinciples: \nPairs:\n");
	s.format = ALIGN_FMT_ICS;
	align_buf_reset(&b);
	assert_int_equal(align_rounds_show(&rs, &s, 1, &now, &e), 0);
	assert_non_null(strstr(b.p, "DTSTART;TZID=Europe/Berlin:"
	    "20270324T100000\r\n"));
	assert_non_null(strstr(b.p, "UID:f1-pair1\r\n"));
	assert_int_equal(align_rounds_formats(), ALIGN_FMT_TEXT |
	    ALIGN_FMT_HTML | ALIGN_FMT_ICS);
	align_rounds_release(&rs);
	align_node_free(all);
	align_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_refuses_bad_options),
		cmocka_unit_test(test_new_rounds),
		cmocka_unit_test(test_revisions),
		cmocka_unit_test(test_one_to_one_commitments),
		cmocka_unit_test(test_one_to_one_series),
		cmocka_unit_test(test_many_participants),
		cmocka_unit_test(test_planned_calendar),
		cmocka_unit_test(test_planned_page),
		cmocka_unit_test(test_planned_in_a_zone),
	};

	return cmocka_run_group_tests_name("followup_plan", tests, NULL, NULL);
}
