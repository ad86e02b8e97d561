/*
 * Allocation failure inside the library, in the manner of SQLite's malloc
 * tests: each scenario runs again and again, the Nth allocation failing,
 * N = 1, 2, ... until it runs through.  Every run must either fail with
 * "out of memory" (71), or succeed with the very output of a run in which
 * nothing failed; the sanitizer build adds that nothing leaks or is used
 * after it is freed.  Linked with tests/fault/fault.c and --wrap=malloc.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "../../lib/agenda.h"
#include "../../lib/board.h"
#include "../../lib/capture.h"
#include "../../lib/buf.h"
#include "../../lib/csv.h"
#include "../../lib/distill.h"
#include "../../lib/followup.h"
#include "../../lib/invite.h"
#include "../../lib/plan.h"
#include "../../lib/principles.h"
#include "../../lib/reader.h"
#include "../../lib/serve.h"
#include "../../lib/serve_capture.h"
#include "../../lib/serve_distill.h"
#include "../../lib/review.h"
#include "../../lib/survey.h"
#include "../../lib/theme.h"
#include "../../lib/when.h"
#include "../../lib/words.h"
#include "../../lib/writer.h"

void fault_reset(long n);
int fault_hit(void);
void fault_pause(int on);

#define SESSION "examples/leadership/session.align.yaml"
#define MEETING "tests/data/meeting.txt"
#define ALIKE "tests/data/alike.yaml"
#define ONEONE "tests/data/oneone.yaml"

typedef int scenario(struct align_buf *out, struct align_err *e);

/* Run s with allocation 1, 2, ... failing, until none does. */
static void
each_failure(const char *name, scenario *s)
{
	struct align_buf want = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	long n, failed = 0;

	fault_reset(-1);
	if (s(&want, &e) < 0 || want.failed)
		fail_msg("%s: %s:%lu: %s", name, e.file, e.line, e.msg);
	for (n = 1;; n++) {
		struct align_buf got = ALIGN_BUF_INIT;
		int rc, hit;

		e = (struct align_err)ALIGN_ERR_INIT;
		fault_reset(n);
		rc = s(&got, &e);
		if (rc == 0 && got.failed)
			rc = align_err_nomem(&e);
		hit = fault_hit();
		fault_reset(-1);
		if (!hit) {
			if (rc != 0)
				fail_msg("%s: no allocation failed (%ld), yet "
				    "%s:%lu: %s", name, n, e.file, e.line,
				    e.msg);
			align_buf_release(&got);
			break;
		}
		if (rc < 0) {
			if (e.status != EX_OSERR)
				fail_msg("%s: allocation %ld failed: exit %d, "
				    "%s", name, n, e.status, e.msg);
			failed++;
		} else if (got.len != want.len ||
		    memcmp(got.p, want.p, got.len) != 0) {
			fail_msg("%s: allocation %ld failed, and the output "
			    "changed", name, n);
		}
		align_buf_release(&got);
	}
	print_message("%s: %ld allocations failed in turn, %ld of them "
	    "reported\n", name, n - 1, failed);
	assert_true(n > 1);
	align_buf_release(&want);
}

/* The records of a file, or NULL and e. */
static struct align_node *
records(const char *path, const struct align_read_opts *o,
    struct align_err *e)
{
	char *paths[1];

	paths[0] = (char *)path;
	return align_read_all(paths, 1, o, e);
}

static void
emit_all(struct align_buf *b, const struct align_node *all)
{
	size_t i;

	for (i = 0; i < all->n; i++)
		align_emit_record(b, all->item[i]);
}

static int
read_and_write(struct align_buf *out, struct align_err *e)
{
	static const unsigned char key[16] = "a key of sixteen";
	struct align_read_opts o = { 0 };
	struct align_node *all = records(SESSION, NULL, e);

	if (all == NULL)
		return -1;
	emit_all(out, all);
	align_node_free(all);
	o.key = key;
	o.at = "2026-12-02T12:00:00Z";
	o.question = "What did they do?";
	if ((all = records(MEETING, &o, e)) == NULL)
		return -1;
	emit_all(out, all);
	align_node_free(all);
	return 0;
}

static void
test_reader_and_writer(void **state)
{
	(void)state;
	each_failure("read and write", read_and_write);
}

/* Themes of the meeting, by each method, with edits on the example's. */
/* The themes in every format, as people see them. */
static int
show_themes(struct align_themer *t, struct align_buf *out,
    struct align_err *e)
{
	static const enum align_format f[] = { ALIGN_FMT_TEXT,
	    ALIGN_FMT_MARKDOWN, ALIGN_FMT_CSV, ALIGN_FMT_HTML };
	struct align_show s = { .b = out, .format = ALIGN_FMT_TEXT,
	    .width = 72, .color = 1 };
	struct align_themes v;
	size_t i;

	if (align_themes_make(&v, t, e) < 0) {
		align_themes_release(&v);
		return -1;
	}
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		s.format = f[i];
		align_themes_show(&v, &s);
	}
	align_themes_release(&v);
	return 0;
}

static int
themes_of(const char *path, const struct align_theme_opts *o,
    struct align_buf *out, struct align_err *e)
{
	struct align_node *all = records(path, NULL, e);
	struct align_themer *t;
	size_t i;
	int rc = -1;

	if (all == NULL)
		return -1;
	if ((t = align_themer_new(o, e)) == NULL)
		goto out;
	for (i = 0; i < all->n; i++)
		if (align_themer_add(t, all->item[i], e) < 0)
			goto out;
	if (align_themer_run(t, e) < 0)
		goto out;
	for (i = 0; i < align_themer_count(t); i++) {
		struct align_node *rec = align_themer_record(t, i, e);

		if (rec == NULL)
			goto out;
		align_emit_record(out, rec);
		align_node_free(rec);
	}
	if (show_themes(t, out, e) < 0)
		goto out;
	rc = 0;
out:
	align_themer_free(t);
	align_node_free(all);
	return rc;
}

static int
themes(struct align_buf *out, struct align_err *e)
{
	static const char *const rename[] = { "t1=Teaching" };
	static const char *const merge[] = { "t2,t3" };
	struct align_theme_opts o = { 0 };

	o.keep_text = 1;
	o.method = "auto";
	if (themes_of(MEETING, &o, out, e) < 0)
		return -1;
	o.method = "gsdmm";
	o.seed = 3;
	if (themes_of(MEETING, &o, out, e) < 0)
		return -1;
	o.method = "auto";
	o.rename = rename;
	o.nrename = 1;
	o.merge = merge;
	o.nmerge = 1;
	if (themes_of(SESSION, &o, out, e) < 0)
		return -1;
	/* Groups merged for their one label, one kept between them. */
	o = (struct align_theme_opts){ 0 };
	o.keep_text = 1;
	o.method = "linkage";
	o.threshold = 0.99;
	o.min_support = 1;
	return themes_of(ALIKE, &o, out, e);
}

static void
test_themes(void **state)
{
	(void)state;
	each_failure("themes", themes);
}

/* The records of d's principles into out. */
static int
emit_principles(const struct align_distiller *d, struct align_buf *out,
    struct align_err *e)
{
	size_t i;

	for (i = 0; i < align_distiller_count(d); i++) {
		struct align_node *rec = align_distiller_record(d, i, e);

		if (rec == NULL)
			return -1;
		align_emit_record(out, rec);
		align_node_free(rec);
	}
	return 0;
}

/* The whiteboard (in colour) or the charter of d into out; html: the
 * whiteboard's page, and with charter set the charter's. */
static int
show_principles(const struct align_distiller *d, struct align_buf *out,
    enum align_format f, int charter, struct align_err *e)
{
	struct align_show s = { .b = NULL, .format = ALIGN_FMT_TEXT,
	    .width = 72, .color = 1 };
	struct align_principles v;

	s.b = out;
	s.format = f;
	if (align_principles_make(&v, d, e) < 0)
		return -1;
	v.charter = charter;
	align_principles_show(&v, &s);
	align_principles_release(&v);
	return 0;
}

static int
principles(struct align_buf *out, struct align_err *e)
{
	static const char *const vote[] = { "Ana=p1,p2", "Ben=p1" };
	static const char *const agree[] = { "Ana", "Ben" };
	static const char *const object[] = { "Carla:p2" };
	static const char *const reason[] = { "Too vague" };
	struct align_distill_opts o = { 0 };
	struct align_node *all = records(SESSION, NULL, e);
	struct align_distiller *d;
	size_t i;
	int rc = -1;

	if (all == NULL)
		return -1;
	o.budget = 3;
	o.per = 2;
	o.vote = vote;
	o.nvote = 2;
	o.agree = agree;
	o.nagree = 2;
	o.object = object;
	o.reason = reason;
	o.nobject = 1;
	if ((d = align_distiller_new(&o, e)) == NULL)
		goto out;
	for (i = 0; i < all->n; i++)
		if (align_distiller_add(d, all->item[i], e) < 0)
			goto out;
	if (align_distiller_run(d, e) < 0)
		goto out;
	if (emit_principles(d, out, e) < 0)
		goto out;
	align_distiller_list(d, out);
	if (show_principles(d, out, ALIGN_FMT_TEXT, 0, e) < 0 ||
	    show_principles(d, out, ALIGN_FMT_MARKDOWN, 0, e) < 0 ||
	    show_principles(d, out, ALIGN_FMT_HTML, 0, e) < 0 ||
	    show_principles(d, out, ALIGN_FMT_HTML, 1, e) < 0)
		goto out;
	rc = 0;
out:
	align_distiller_free(d);
	align_node_free(all);
	return rc;
}

static void
test_principles(void **state)
{
	(void)state;
	each_failure("principles", principles);
}

static int
followups(struct align_buf *out, struct align_err *e)
{
	static const struct align_commit_opt commit[] = {
		{ "Dev:asks before deciding", "2027-02-01" } };
	static const struct align_goal_opt goal[] = {
		{ "Margin up", "gross margin", "38", "%" } };
	struct align_followup_opts o = { 0 };
	struct align_node *all = records(SESSION, NULL, e), *rec = NULL;
	struct align_rounds rs = { 0 };
	struct align_planned p = { 0 };
	struct align_due_list due = { 0 };
	struct align_report v = { 0 };
	struct align_checkin_view c = { 0 };
	struct align_show text = { .b = out, .format = ALIGN_FMT_TEXT,
	    .width = 80, .color = 1 };
	struct align_show md = { .b = out, .format = ALIGN_FMT_MARKDOWN,
	    .width = 80, .color = 0 };
	struct align_show html = { .b = out, .format = ALIGN_FMT_HTML };
	struct align_time now;
	size_t i;
	int rc = -1;

	if (all == NULL)
		return -1;
	/* In the session's zone (New York), which it keeps. */
	if (align_time_parse("2027-01-14T09:00:00Z", &now, NULL) < 0 ||
	    align_rounds_read(&rs, all, e) < 0 ||
	    align_rounds_zone(&rs, NULL, e) < 0)
		goto out;
	o.now = &now;
	o.every = "2w";
	o.count = 3;
	o.seed = 1;
	o.pair_time = "16:00";
	if (align_followup_plan(&rs, &o, &p, e) < 0)
		goto out;
	align_emit_record(out, p.rec);
	align_planned_release(&p);
	text.format = ALIGN_FMT_ICS;
	if (align_rounds_show(&rs, &text, 1, &now, e) < 0)
		goto out;
	text.format = ALIGN_FMT_TEXT;
	if (align_rounds_show(&rs, &text, 1, &now, e) < 0)
		goto out;
	memset(&o, 0, sizeof(o));
	o.now = &now;
	o.with = "Dev";
	o.leader = "Ana";
	o.root_cause = "decides alone";
	o.goal = goal;
	o.ngoal = 1;
	o.commit = commit;
	o.ncommit = 1;
	o.every = "1w";
	if (align_followup_plan(&rs, &o, &p, e) < 0 ||
	    align_planned_show(&p, &rs, &text, 0, &now, e) < 0 ||
	    align_planned_show(&p, &rs, &html, 0, &now, e) < 0)
		goto out;
	align_emit_record(out, p.rec);
	if (align_due_items(&rs, &now, 7 * 24 * 60, ALIGN_DUE_AGAIN, &due,
	    e) < 0)
		goto out;
	for (i = 0; i < due.n; i++)
		align_buf_printf(out, "%s %s %s\n", due.v[i].date,
		    due.v[i].what, due.v[i].id);
	c.participant = "Ana";
	c.principle = "p1";
	c.outcome = "success";
	c.note = "stayed late";
	c.at = "2027-01-14T09:00:00Z";
	if (align_checkin_new(&rs, &c, &rec, e) < 0)
		goto out;
	align_emit_record(out, rec);
	if (align_report_make(&v, &rs, e) < 0 ||
	    align_report_practice(&v, &rs, &now, e) < 0)
		goto out;
	align_report_show(&v, &text);
	align_report_show(&v, &md);
	align_report_show(&v, &html);
	rc = 0;
out:
	align_report_release(&v);
	align_due_release(&due);
	align_planned_release(&p);
	align_rounds_release(&rs);
	align_node_free(rec);
	align_node_free(all);
	return rc;
}

/* A one-to-one realignment: a review, a commitment done, the report in
 * every format, what is due. */
static int
realignment(struct align_buf *out, struct align_err *e)
{
	static const char *const values[] = { "g1=40" };
	static const char *const outcomes[] = { "c1=success" };
	static const char *const done[] = { "c2" };
	struct align_node *all = records(ONEONE, NULL, e), *rec = NULL;
	struct align_rounds rs = { 0 };
	struct align_report v = { 0 };
	struct align_due_list due = { 0 };
	struct align_time now;
	struct align_review_input in = { .values = values, .nvalues = 1,
	    .outcomes = outcomes, .noutcomes = 1, .done = done, .ndone = 1,
	    .note = "a note", .now = &now };
	struct align_show text = { .b = out, .format = ALIGN_FMT_TEXT,
	    .width = 80 };
	struct align_show md = { .b = out, .format = ALIGN_FMT_MARKDOWN,
	    .width = 80 };
	struct align_show html = { .b = out, .format = ALIGN_FMT_HTML,
	    .width = 80 };
	size_t at, i;
	int rc = -1;

	align_time_parse("2027-03-22T12:00:00-04:00", &now, NULL);
	if (all == NULL || align_rounds_read(&rs, all, e) < 0)
		goto out;
	if (align_review_new(&rs, &in, &rec, e) == 0)
		goto out;	/* reviewed already: refused */
	in.week = "2027-03-15";
	in.nvalues = in.noutcomes = 0;
	if (align_review_done(&rs, &in, &rec, &at, e) < 0)
		goto out;
	align_emit_record(out, rec);
	if (align_report_make(&v, &rs, e) < 0 ||
	    align_report_practice(&v, &rs, &now, e) < 0)
		goto out;
	align_report_show(&v, &text);
	align_report_show(&v, &md);
	align_report_show(&v, &html);
	if (align_due_items(&rs, &now, 0, ALIGN_DUE_AGAIN, &due, e) < 0)
		goto out;
	for (i = 0; i < due.n; i++)
		align_buf_printf(out, "%s %s\n", due.v[i].date, due.v[i].what);
	rc = 0;
out:
	align_due_release(&due);
	align_report_release(&v);
	align_rounds_release(&rs);
	align_node_free(rec);
	align_node_free(all);
	return rc;
}

static void
test_realignment(void **state)
{
	(void)state;
	each_failure("realignment", realignment);
}

static void
test_followups(void **state)
{
	(void)state;
	each_failure("follow-ups", followups);
}

/* The calendar of every round of all, an event a pair too. */
static int
rounds_calendar(struct align_buf *out, const struct align_node *all,
    const struct align_time *now, struct align_err *e)
{
	struct align_show ics = { .b = out, .format = ALIGN_FMT_ICS,
	    .width = 80, .color = 0 };
	struct align_rounds rs;
	struct align_calendar cal = { 0 };
	const struct align_view **v = NULL;
	size_t i;
	int rc = -1;

	if (align_rounds_read(&rs, all, e) < 0 ||
	    align_rounds_zone(&rs, "Australia/Sydney", e) < 0)
		goto out;
	if ((v = calloc(rs.nround + 1, sizeof(*v))) == NULL) {
		align_err_nomem(e);
		goto out;
	}
	for (i = 0; i < rs.nround; i++)
		v[i] = &rs.round[i].v;
	if (align_calendar_make(&cal, &rs, v, rs.nround, 1, now,
	    e) < 0)
		goto out;
	align_calendar_show(&cal, &ics);
	rc = 0;
out:
	align_calendar_release(&cal);
	free(v);
	align_rounds_release(&rs);
	return rc;
}

/* The agenda of session s, as text, markdown and a page, and its
 * invitation. */
static int
agenda(const struct align_node *s, const struct align_time *now,
    struct align_buf *out, struct align_err *e)
{
	struct align_show sh = { .format = ALIGN_FMT_TEXT, .width = 72 };
	struct align_agenda v;
	int rc;

	sh.b = out;
	if (align_agenda_make(&v, s, e) < 0)
		return -1;
	align_agenda_show(&v, &sh);
	sh.format = ALIGN_FMT_MARKDOWN;
	align_agenda_show(&v, &sh);
	sh.format = ALIGN_FMT_HTML;
	align_agenda_show(&v, &sh);
	rc = align_invite_ics(&v, now, out, e);
	align_agenda_release(&v);
	return rc;
}

static int
calendar(struct align_buf *out, struct align_err *e)
{
	static char *people[] = { "Ana", "Ben", "Carla" };
	struct align_node *all = records(SESSION, NULL, e), *s = NULL;
	struct align_plan p = { 0 };
	struct align_time now;
	int rc = -1;

	if (all == NULL)
		return -1;
	if (align_time_parse("2026-11-20T10:00:00Z", &now, NULL) < 0)
		goto out;
	if (rounds_calendar(out, all, &now, e) < 0)
		goto out;
	rc = -1;
	p.title = "Leadership alignment";
	p.purpose = "Agree on how we lead";
	p.date = "2026-12-02T12:00-05:00";
	p.duration = "90m";
	p.place = "Room 4";
	p.participants = people;
	p.nparticipants = 3;
	p.set_participants = 1;
	if (align_plan_apply(&s, &p, e) < 0 ||
	    agenda(s, &now, out, e) < 0)
		goto out;
	rc = 0;
out:
	align_node_free(s);
	align_node_free(all);
	return rc;
}

static void
test_calendar(void **state)
{
	(void)state;
	each_failure("calendar", calendar);
}

static int
survey_of(const char *path, struct align_buf *out, struct align_err *e)
{
	struct align_survey_opts o = { 0 };
	struct align_survey s;
	struct align_csv *c = align_csv_open(path, e);
	struct align_node *rec;
	int rc;

	if (c == NULL)
		return -1;
	o.now = "2026-12-02T12:00:00Z";
	if ((rc = align_survey_begin(&s, c, &o, e)) == 0)
		while ((rc = align_survey_next(&s, c, &rec, e)) > 0) {
			align_emit_record(out, rec);
			align_node_free(rec);
		}
	align_survey_release(&s);	/* after a failed begin too */
	align_csv_close(c);
	return rc < 0 ? -1 : 0;
}

static int
surveys(struct align_buf *out, struct align_err *e)
{
	static const char *const file[] = { "tests/cli/data/google-forms.csv",
	    "tests/cli/data/typeform.csv", "tests/cli/data/surveymonkey.csv" };
	struct align_node *all, *responses;
	struct align_show show = { .format = ALIGN_FMT_TEXT, .width = 60,
	    .color = 1 };
	struct align_board v;
	size_t i;
	int rc = 0;

	for (i = 0; i < 3; i++)
		if (survey_of(file[i], out, e) < 0)
			return -1;
	if ((all = records(SESSION, NULL, e)) == NULL)
		return -1;
	if ((responses = align_seq()) == NULL) {
		align_node_free(all);
		return align_err_nomem(e);
	}
	for (i = 0; rc == 0 && i < all->n; i++)
		if (strcmp(align_record_kind(all->item[i]), "response") == 0)
			rc = align_seq_push(responses,
			    align_node_copy(all->item[i]));
	show.b = out;
	for (i = 0; rc == 0 && i < 4; i++) {
		static const enum align_format f[] = { ALIGN_FMT_TEXT,
		    ALIGN_FMT_MARKDOWN, ALIGN_FMT_CSV, ALIGN_FMT_HTML };

		show.format = f[i];
		if (align_board_make(&v, align_session_of(all), responses,
		    e) < 0) {
			rc = -1;
			break;
		}
		align_board_show(&v, &show);
		align_board_release(&v);
	}
	align_node_free(responses);
	align_node_free(all);
	return rc < 0 ? (e->status ? -1 : align_err_nomem(e)) : 0;
}

static void
test_surveys_and_boards(void **state)
{
	(void)state;
	each_failure("surveys and boards", surveys);
}

/* Capture into a session file, in a batch and at the prompt: on a
 * failure the file is as it was. */
static int
capture(struct align_buf *out, struct align_err *e)
{
	static const char session[] = "---\nkind: session\nid: s\n"
	    "title: T\nquestion: What did they do?\n"
	    "participants: [Ana, Ben Okafor]\n";
	static const char *typed[] = { "Ana: She stayed.", "he listened",
	    "ben  okafor: He listened.", "a \x1b[2J refused line", NULL };
	char path[64], *csv[] = { "tests/cli/data/typeform.csv" },
	    *paths[] = { MEETING };
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_node *all;
	FILE *fp;
	size_t i;
	int rc;

	/* One file a process: other checkouts may run this test at once. */
	snprintf(path, sizeof(path), "/tmp/align-alloc-capture-%ld.yaml",
	    (long)getpid());
	fp = fopen(path, "w");
	fputs(session, fp);
	fclose(fp);
	o.append = path;
	o.wait = 1;
	o.now = "2026-12-02T12:00:00Z";
	o.csv = csv;
	o.ncsv = 1;
	o.collect = 1;
	o.add_people = 1;	/* the CSV's people are new to the session */
	align_capture_init(&c, &o);
	rc = align_capture_batch(&c, paths, 1, e);
	align_capture_release(&c);
	if (rc == 0) {
		o.csv = NULL;
		o.ncsv = 0;
		align_capture_init(&c, &o);
		rc = align_capture_start(&c, e);
		for (i = 0; rc >= 0 && typed[i]; i++)
			rc = align_capture_line(&c, typed[i], e);
		if (rc >= 0)
			rc = align_capture_finish(&c, e);
		align_capture_release(&c);
	}
	{
		struct align_err e2 = ALIGN_ERR_INIT;

		fault_pause(1);		/* to read back what is there */
		all = records(path, NULL, &e2);
		fault_pause(0);
	}
	assert_non_null(all);
	if (rc < 0) {
		/* The batch added all or nothing; each typed line is its
		 * own append. */
		assert_true(all->n == 1 || all->n >= 60);
	} else {
		emit_all(out, all);
	}
	align_node_free(all);
	unlink(path);
	return rc;
}

static void
test_capture(void **state)
{
	(void)state;
	each_failure("capture", capture);
}

/* Capture under --anonymous into a session file: named responses read
 * from a stream given pseudonyms and new ids, a long name of the list
 * taken off a line of plain text; on a failure the file is as it was. */
static int
anonymous(struct align_buf *out, struct align_err *e)
{
	static const unsigned char key[16] = "0123456789abcdef";
	static const char session[] = "---\nkind: session\nid: s\n"
	    "participants: [Ana, Maria del Carmen Fernandez Lopez]\n";
	static const char named[] = "---\nkind: response\nid: r-1\n"
	    "participant: Ana\ntext: She stayed.\n---\nkind: response\n"
	    "id: r-2\ntext: \"Maria del Carmen Fernandez Lopez: hola\"\n";
	static const char plain[] = "Maria del Carmen Fernandez Lopez: si\n"
	    "Ben: He listened.\n";
	char path[64], in[2][64], *paths[2];
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_node *all;
	struct align_err e2 = ALIGN_ERR_INIT;
	FILE *fp;
	int rc, i;

	snprintf(path, sizeof(path), "/tmp/align-alloc-anon-%ld.yaml",
	    (long)getpid());
	for (i = 0; i < 2; i++) {
		snprintf(in[i], sizeof(in[i]), "/tmp/align-alloc-anon-%ld.%d",
		    (long)getpid(), i);
		paths[i] = in[i];
	}
	fault_pause(1);
	fp = fopen(path, "w");
	fputs(session, fp);
	fclose(fp);
	fp = fopen(in[0], "w");
	fputs(named, fp);
	fclose(fp);
	fp = fopen(in[1], "w");
	fputs(plain, fp);
	fclose(fp);
	fault_pause(0);
	o.append = path;
	o.wait = 1;
	o.now = "2026-12-02T12:00:00Z";
	o.read.key = key;
	align_capture_init(&c, &o);
	rc = align_capture_batch(&c, paths, 2, e);
	align_capture_release(&c);
	fault_pause(1);		/* to read back what is there */
	all = records(path, NULL, &e2);
	fault_pause(0);
	assert_non_null(all);
	if (rc < 0)
		assert_int_equal(all->n, 1);	/* all or nothing */
	else
		emit_all(out, all);
	align_node_free(all);
	unlink(path);
	unlink(in[0]);
	unlink(in[1]);
	return rc;
}

static void
test_anonymous(void **state)
{
	(void)state;
	each_failure("anonymous capture", anonymous);
}

/* What a served step answers, into out. */
static int
answered(const struct align_serve_reply *r, struct align_buf *out,
    struct align_err *e)
{
	if (r->body.failed || r->location.failed || r->policy.failed)
		return align_err_nomem(e);
	align_buf_printf(out, "%d %s\n", r->status, r->location.p ?
	    r->location.p : "");
	if (r->body.p)
		align_buf_puts(out, r->body.p);
	return 0;
}

static void
reply_free(struct align_serve_reply *r)
{
	align_buf_release(&r->body);
	align_buf_release(&r->location);
	align_buf_release(&r->policy);
	memset(r, 0, sizeof(*r));
}

/* The file at path read back, paused, into out; its records counted. */
static size_t
read_back(const char *path, struct align_buf *out)
{
	struct align_err e2 = ALIGN_ERR_INIT;
	struct align_node *all;
	size_t n;

	fault_pause(1);
	all = records(path, NULL, &e2);
	fault_pause(0);
	assert_non_null(all);
	n = all->n;
	if (out)
		emit_all(out, all);
	align_node_free(all);
	return n;
}

/* from copied to to, paused. */
static void
copy(const char *from, const char *to)
{
	char buf[4096];
	FILE *in, *o;
	size_t n;

	fault_pause(1);
	in = fopen(from, "r");
	o = fopen(to, "w");
	assert_non_null(in);
	assert_non_null(o);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, o), n);
	fclose(in);
	fclose(o);
	fault_pause(0);
}

/* A served step as the server calls it: read the file, answer a post
 * (which writes the file), read it again (when again), show the board. */
static int
serve_step(const struct align_serve_step *st, struct align_serve_field *f,
    size_t n, int again, struct align_buf *out, struct align_err *e)
{
	struct align_serve_request rq = { f, n, "http://h/C/", "<svg/>", 1 };
	struct align_serve_reply r;
	struct align_buf live = ALIGN_BUF_INIT;
	int rc;

	memset(&r, 0, sizeof(r));
	rc = st->reload(st->ctx, &live, e);
	align_buf_release(&live);
	if (rc == 0)
		rc = st->post(st->ctx, &rq, &r, e);
	if (rc == 0)
		rc = answered(&r, out, e);
	reply_free(&r);
	if (rc == 0 && again)
		rc = st->reload(st->ctx, &live, e);
	if (rc == 0 && live.failed)
		rc = align_err_nomem(e);
	align_buf_add(out, live.p ? live.p : "", live.len);
	align_buf_release(&live);
	if (rc == 0)
		rc = st->board(st->ctx, &rq, &r, e);
	if (rc == 0)
		rc = answered(&r, out, e);
	reply_free(&r);
	return rc;
}

/* Served: a response posted (align-capture --serve), dots posted
 * (align-distill --serve).  On a failure each file is as it was or has
 * the whole change. */
static int
served(struct align_buf *out, struct align_err *e)
{
	static const char session[] = "---\nkind: session\nid: s\n"
	    "title: T\nquestion: What did they do?\nparticipants: [Ana, "
	    "Ben]\n";
	struct align_serve_field post[] = { { "participant", "ben", 3 },
	    { "text", "He listened.\r\n", 14 } };
	struct align_serve_field vote[] = { { "participant", "Ana", 3 },
	    { "action", "vote", 4 }, { "dots-p1", "3", 1 },
	    { "dots-p4", "2", 1 } };
	struct align_serve_capture_opts co = { 0 };
	struct align_serve_distill_opts dopt = { 0 };
	struct align_serve_capture *c = NULL;
	struct align_serve_distill *d = NULL;
	char cpath[64], dpath[64];
	size_t before;
	FILE *fp;
	int rc = -1;

	snprintf(cpath, sizeof(cpath), "/tmp/align-alloc-served-%ld.yaml",
	    (long)getpid());
	snprintf(dpath, sizeof(dpath), "/tmp/align-alloc-distill-%ld.yaml",
	    (long)getpid());
	fp = fopen(cpath, "w");
	fputs(session, fp);
	fclose(fp);
	copy(SESSION, dpath);
	before = read_back(dpath, NULL);
	co.path = cpath;
	co.now = "2026-12-02T12:00:00Z";
	co.wait = 1;
	dopt.path = dpath;
	dopt.distill.max = 7;
	dopt.distill.budget = 5;
	dopt.distill.per = 3;
	dopt.wait = 1;
	if ((c = align_serve_capture_new(&co, e)) != NULL)
		rc = serve_step(align_serve_capture_step(c), post, 2, 1, out,
		    e);
	if (rc == 0 && (d = align_serve_distill_new(&dopt, e)) == NULL)
		rc = -1;
	if (rc == 0)
		rc = serve_step(align_serve_distill_step(d), vote, 4, 0, out,
		    e);
	if (rc < 0) {
		size_t n = read_back(cpath, NULL);

		assert_true(n == 1 || n == 2);
		assert_int_equal(read_back(dpath, NULL), before);
	} else {
		read_back(cpath, out);
		read_back(dpath, out);
	}
	align_serve_capture_free(c);
	align_serve_distill_free(d);
	unlink(cpath);
	unlink(dpath);
	return rc;
}

static void
test_served(void **state)
{
	(void)state;
	each_failure("served posts", served);
}

/* Distilling with an edited list; themes with a move and a merge into
 * themes people made. */
static char list_path[64];

static int
edited(struct align_buf *out, struct align_err *e)
{
	static const char *const move[] = { "r-7ce8aba47d7c9735=t3" };
	static const char *const merge[] = { "t5,t6" };
	struct align_distill_opts o = { 0 };
	struct align_theme_opts to = { 0 };
	struct align_node *all = records(SESSION, NULL, e);
	struct align_distiller *d = NULL;
	size_t i;
	int rc = -1;

	if (all == NULL)
		return -1;
	o.budget = 3;
	o.per = 2;
	o.list = list_path;
	if ((d = align_distiller_new(&o, e)) == NULL)
		goto out;
	for (i = 0; i < all->n; i++)
		if (align_distiller_add(d, all->item[i], e) < 0)
			goto out;
	if (align_distiller_run(d, e) < 0)
		goto out;
	if (emit_principles(d, out, e) < 0)
		goto out;
	to.keep_text = 1;
	to.method = "auto";
	to.move = move;
	to.nmove = 1;
	to.merge = merge;
	to.nmerge = 1;
	rc = themes_of(SESSION, &to, out, e);
out:
	align_distiller_free(d);
	align_node_free(all);
	return rc;
}

static void
test_edited(void **state)
{
	FILE *fp;

	(void)state;
	snprintf(list_path, sizeof(list_path), "/tmp/align-alloc-list-%ld.txt",
	    (long)getpid());
	fp = fopen(list_path, "w");
	fputs("# ours\np1 p2 We stay, and we teach.\np3 We listen.\n"
	    "We say thank you.\n", fp);
	fclose(fp);
	each_failure("edited lists and themes", edited);
	unlink(list_path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_and_writer),
		cmocka_unit_test(test_themes),
		cmocka_unit_test(test_principles),
		cmocka_unit_test(test_followups),
		cmocka_unit_test(test_realignment),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_surveys_and_boards),
		cmocka_unit_test(test_capture),
		cmocka_unit_test(test_anonymous),
		cmocka_unit_test(test_edited),
		cmocka_unit_test(test_served),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
