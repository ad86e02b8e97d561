/* Sessions with odd fields, boards of several questions, trees, scores. */
#include <setjmp.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/board.h"
#include "../../lib/cluster.h"
#include "../../lib/editor.h"
#include "../../lib/plan.h"
#include "../../lib/reader.h"
#include "../../lib/when.h"
#include "helpers.h"


/* A session's date and duration that cannot be read are named. */
static void
test_session_fields_are_checked(void **state)
{
	static const struct { const char *rec, *msg; } bad[] = {
		{ "---\nkind: session\ndate: [2026]\n", "session date" },
		{ "---\nkind: session\ndate: soon\n", "session date" },
		{ "---\nkind: session\ndate: 2026-12-02T12:00Z\n"
		    "duration: [2h]\n", "session duration" },
		{ "---\nkind: session\ndate: 2026-12-02T12:00Z\n"
		    "duration: long\n", "session duration" },
	};
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_time now;
	size_t i;

	(void)state;
	align_time_parse("2026-11-20T10:00:00Z", &now, NULL);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct align_node *all = stream(bad[i].rec);

		e.status = 0;
		assert_int_equal(align_plan_ics(&b, all->item[0], &now, &e),
		    -1);
		assert_int_equal(e.status, EX_DATAERR);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("'%s' lacks '%s'", e.msg, bad[i].msg);
		align_node_free(all);
	}
	align_buf_release(&b);
}

/* A session on a day without a time, with a place and no purpose,
 * participants that are not all names: agenda and invitation still. */
static void
test_agenda_and_invitation_of_a_day(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "title: Offsite\ndate: 2026-12-02\nplace: Room 4\n"
	    "participants: [Ana, [Ben], Carla]\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_time now;

	(void)state;
	align_time_parse("2026-11-20T10:00:00Z", &now, NULL);
	assert_int_equal(align_plan_agenda(&b, all->item[0], 0, 60, &e), 0);
	assert_non_null(strstr(b.p, "Offsite"));
	assert_non_null(strstr(b.p, "Room 4"));
	assert_non_null(strstr(b.p, "Wednesday 2 December 2026, Room 4"));
	assert_non_null(strstr(b.p, "Build alignment"));	/* the default */
	/* What is not a name shows as such. */
	assert_non_null(strstr(b.p, "Participants (3)\n  Ana, ?, Carla\n"));
	align_buf_reset(&b);
	assert_int_equal(align_plan_agenda(&b, all->item[0], 1, 60, &e), 0);
	assert_non_null(strstr(b.p, "# Offsite"));
	align_buf_reset(&b);
	assert_int_equal(align_plan_ics(&b, all->item[0], &now, &e), 0);
	assert_non_null(strstr(b.p, "DTSTART;VALUE=DATE:20261202"));
	assert_non_null(strstr(b.p, "LOCATION:Room 4"));
	assert_null(strstr(b.p, "DURATION"));
	align_buf_release(&b);
	align_node_free(all);
}

/* Updating a session: a new id from the title; a change of date bumps
 * the sequence, a change of purpose does not. */
static void
test_plan_updates(void **state)
{
	struct align_node *s = NULL;
	struct align_plan p = { 0 };
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	p.title = "\xc3\x89quipe: Q1 review!";
	p.date = "2026-12-02T12:00Z";
	p.facilitator = "Ana";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	/* The id: the title's slug and the day. */
	assert_string_equal(align_record_id(s), "equipe-q1-review-2026-12-02");
	assert_string_equal(align_map_str(s, "sequence"), "0");
	memset(&p, 0, sizeof(p));
	p.purpose = "Something else";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "sequence"), "0");
	p.date = "2026-12-03T12:00Z";
	assert_int_equal(align_plan_apply(&s, &p, &e), 0);
	assert_string_equal(align_map_str(s, "sequence"), "1");
	p.date = "tomorrow";
	assert_int_equal(align_plan_apply(&s, &p, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	p.date = NULL;
	p.duration = "forever";
	assert_int_equal(align_plan_apply(&s, &p, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	align_node_free(s);
	/* Participants that are not a list are refused. */
	{
		struct align_node *all = stream("---\nkind: session\nid: s\n"
		    "participants: Ana\n");
		struct align_node *one = align_node_copy(all->item[0]);

		memset(&p, 0, sizeof(p));
		p.title = "x";
		assert_int_equal(align_plan_apply(&one, &p, &e), -1);
		assert_int_equal(e.status, EX_DATAERR);
		align_node_free(one);
		align_node_free(all);
	}
}

/* A board of two questions, people with long names and none. */
static void
board(struct align_buf *b, const struct align_node *all, enum align_format f)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_show s = { .format = ALIGN_FMT_TEXT, .width = 60 };
	struct align_board v;

	s.b = b;
	s.format = f;
	assert_int_equal(align_board_make(&v, NULL, all, &e), 0);
	align_board_show(&v, &s);
	align_board_release(&v);
}

static void
test_board_of_several_questions(void **state)
{
	struct align_node *all = stream("---\nkind: response\nid: r-1\n"
	    "participant: Maximiliana Fernández-Oyarzábal\ntext: She stayed.\n"
	    "---\nkind: response\nid: r-2\nquestion: What should we keep?\n"
	    "text: Clear goals.\n---\nkind: response\nid: r-3\n"
	    "participant: Ben\ntext: \"Two\\nlines\"\n");
	struct align_buf b = ALIGN_BUF_INIT;
	const char *first, *second;

	(void)state;
	board(&b, all, ALIGN_FMT_TEXT);
	first = strstr(b.p, "She stayed.");
	second = strstr(b.p, "What should we keep?");
	assert_non_null(first);
	assert_non_null(second);
	assert_true(first < second);
	assert_non_null(strstr(b.p, "3 responses from 2 participants"));
	align_buf_reset(&b);
	board(&b, all, ALIGN_FMT_MARKDOWN);
	assert_non_null(strstr(b.p, "> What should we keep?\n\n3. Clear goals."));
	assert_non_null(strstr(b.p, "2. **Ben**: Two  \n   lines"));
	align_buf_reset(&b);
	board(&b, all, ALIGN_FMT_CSV);
	assert_non_null(strstr(b.p, "\"Two\nlines\""));
	align_buf_release(&b);
	align_node_free(all);
}

static void
test_trees_and_scores(void **state)
{
	struct align_node *a = align_seq(), *m = align_map();
	uint32_t x[] = { 0, 0, 1, 1 }, y[] = { 1, 1, 0, 0 }, z[] = { 0, 1, 2,
	    3 }, one[] = { 0, 0, 0, 0 };

	(void)state;
	assert_false(align_node_equal(a, m));
	assert_false(align_node_equal(a, NULL));
	assert_int_equal(align_map_find(a, "k"), -1);
	assert_null(align_map_get(NULL, "k"));
	assert_int_equal(align_map_put_str(m, "k", "v"), 0);
	assert_int_equal(align_map_put_str(m, "k", "w"), 0);	/* replaced */
	assert_int_equal(m->n, 1);
	assert_int_equal(align_map_del(m, "k"), 1);
	assert_int_equal(align_map_del(m, "k"), 0);
	assert_int_equal(align_seq_push(a, NULL), -1);
	assert_int_equal(align_map_put(m, "k", NULL), -1);
	assert_null(align_scalar_str(NULL));
	align_node_free(a);
	align_node_free(m);
	/* The same grouping under other names scores 1; every item alone
	 * against one group scores 0. */
	assert_true(align_nmi(x, y, 4) > 0.999);
	assert_true(align_ari(x, y, 4) > 0.999);
	assert_true(align_ari(one, one, 4) > 0.999);
	assert_true(align_nmi(z, one, 4) < 0.001);
	assert_true(align_ari(z, one, 4) < 0.001);
	assert_true(align_ari(x, y, 1) >= 0);
}

/* The editor: $VISUAL before $EDITOR, its words split; one
 * that fails or cannot start is told apart. */
static void
test_editor(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	FILE *fp;
	char got[64] = "";

	(void)state;
	tmpfile_with(path, "a list\n", 7);
	setenv("EDITOR", "false", 1);
	setenv("VISUAL", "sed -i s/list/line/", 1);
	assert_int_equal(align_edit_file(path, &e), 0);
	fp = fopen(path, "r");
	assert_non_null(fgets(got, sizeof(got), fp));
	fclose(fp);
	assert_string_equal(got, "a line\n");
	unsetenv("VISUAL");
	assert_int_equal(align_edit_file(path, &e), -1);
	assert_int_equal(e.status, EX_UNAVAILABLE);
	assert_null(strstr(e.msg, "to start"));
	setenv("EDITOR", "/nonexistent/editor", 1);
	assert_int_equal(align_edit_file(path, &e), -1);
	assert_non_null(strstr(e.msg, "failed to start"));
	/* An empty $VISUAL is none; an editor killed by a signal failed. */
	setenv("VISUAL", "", 1);
	setenv("EDITOR", "true", 1);
	assert_int_equal(align_edit_file(path, &e), 0);
	{
		char killer[32];
		const char *script = "#!/bin/sh\nkill -9 $$\n";

		tmpfile_with(killer, script, strlen(script));
		assert_int_equal(chmod(killer, 0700), 0);
		setenv("EDITOR", killer, 1);
		assert_int_equal(align_edit_file(path, &e), -1);
		assert_int_equal(e.status, EX_UNAVAILABLE);
		assert_non_null(strstr(e.msg, "nothing was changed"));
		unlink(killer);
	}
	unsetenv("VISUAL");
	unsetenv("EDITOR");
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_fields_are_checked),
		cmocka_unit_test(test_agenda_and_invitation_of_a_day),
		cmocka_unit_test(test_plan_updates),
		cmocka_unit_test(test_board_of_several_questions),
		cmocka_unit_test(test_trees_and_scores),
		cmocka_unit_test(test_editor),
	};

	return cmocka_run_group_tests_name("misc", tests, NULL, NULL);
}
