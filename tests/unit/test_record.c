/* The record model: the table of kinds and keys, align-session(5) beside
 * it, and views of records of odd shapes under the one policy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/reader.h"
#include "../../lib/record.h"
#include "helpers.h"

/* The keys align-session(5) lists for a kind: the ".It Sy key" items of
 * the list under ".It Sy kind", in order, each followed by a space. */
static void
man_keys(const char *kind, char *out, size_t n)
{
	FILE *fp = fopen("man/align-session.5", "r");
	char line[512], want[128];
	int depth = 0, in = 0;

	assert_non_null(fp);
	out[0] = '\0';
	snprintf(want, sizeof(want), ".It Sy %s\n", kind);
	while (fgets(line, sizeof(line), fp)) {
		if (strncmp(line, ".Bl", 3) == 0) {
			depth++;
		} else if (strncmp(line, ".El", 3) == 0) {
			if (in && depth == 2)
				break;
			depth--;
		} else if (depth == 1 && strcmp(line, want) == 0) {
			in = 1;
		} else if (in && depth == 2 &&
		    strncmp(line, ".It Sy ", 7) == 0) {
			line[7 + strcspn(line + 7, " \n")] = '\0';
			assert_true(strlen(out) + strlen(line + 7) + 2 < n);
			strcat(out, line + 7);
			strcat(out, " ");
		}
	}
	fclose(fp);
}

static void
test_the_manual_lists_the_keys_of_the_table(void **state)
{
	static const char *const kinds[] = { "session", "response", "theme",
	    "principle", "followup", "checkin", "reminder", "review" };
	char doc[2048], table[2048];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const struct align_key *k = align_kind_keys(kinds[i]);

		table[0] = '\0';
		assert_string_equal(k->name, "kind");
		for (k++; k->name; k++) {
			strcat(table, k->name);
			strcat(table, " ");
		}
		man_keys(kinds[i], doc, sizeof(doc));
		if (strcmp(doc, table) != 0)
			fail_msg("%s: align-session(5) lists '%s', the table "
			    "'%s'", kinds[i], doc, table);
	}
	assert_int_equal(align_kind_of("poll"), ALIGN_KIND_OTHER);
	assert_string_equal(align_kind_keys("poll")[1].name, "id");
	assert_null(align_kind_keys("poll")[2].name);
}

static void
test_text_keys_stay_text(void **state)
{
	(void)state;
	assert_true(align_key_is_text("response", "participant"));
	assert_true(align_key_is_text("poll", "id"));
	assert_false(align_key_is_text("poll", "title"));
	assert_false(align_key_is_text("session", "sequence"));
	assert_false(align_key_is_text("principle", "votes"));
	assert_true(align_key_is_text("principle", "objections"));
	assert_false(align_key_is_text("followup", "count"));
	assert_null(align_kind_key("theme", "votes"));
}

/* Every shape the policy names, and every odd shape it meets. */
static void
test_views_of_odd_shapes(void **state)
{
	struct align_node *all = stream("---\nkind: principle\nid: p1\n"
	    "statement: [odd]\nthemes: t1\nvotes: {Ana: 2, Ben: [1], "
	    "Carla: x, Dev: '3'}\nagreed: [Ana, [Ben], {c: d}, Carla]\n"
	    "objections: {participant: Ben, reason: vague}\n"
	    "---\nkind: followup\nid: f1\npairs: [[Ana, Ben], Carla, "
	    "{x: y}, [Dev, [Eve]]]\nsequence: two\ncount: 6\n"
	    "commitments: [{id: c1, participant: Ana, commitment: Call}, "
	    "x, {id: [c2]}]\ngoals: [Margin up, {id: g2, goal: Margin, "
	    "measure: gross margin, target: '38', unit: '%'}, [g3]]\n"
	    "---\nkind: poll\nid: q1\ntitle: T\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_view v;
	const struct align_objection_view *ob;
	const struct align_commitment_view *cm;
	const struct align_goal_view *gl;

	(void)state;
	assert_int_equal(align_view(&v, all->item[0], &e), 0);
	assert_int_equal(v.kind, ALIGN_KIND_PRINCIPLE);
	assert_string_equal(v.id, "p1");
	assert_null(v.u.principle.statement);	/* a list is no text */
	assert_int_equal(v.u.principle.themes.n, 1);	/* a word: a list */
	assert_string_equal(v.u.principle.themes.v[0], "t1");
	assert_int_equal(v.u.principle.votes.n, 2);	/* numbers only */
	assert_string_equal(v.u.principle.votes.v[0].key, "Ana");
	assert_int_equal(v.u.principle.votes.v[0].n, 2);
	assert_string_equal(v.u.principle.votes.v[1].key, "Dev");
	assert_int_equal(v.u.principle.agreed.n, 2);
	assert_string_equal(v.u.principle.agreed.v[1], "Carla");
	assert_int_equal(v.u.principle.objections.n, 1);	/* one mapping */
	ob = v.u.principle.objections.v;
	assert_string_equal(ob[0].reason, "vague");
	assert_null(v.u.principle.status);
	align_view_release(&v);

	assert_int_equal(align_view(&v, all->item[1], &e), 0);
	assert_int_equal(v.kind, ALIGN_KIND_FOLLOWUP);
	assert_int_equal(v.u.followup.pairs.n, 3);
	assert_int_equal(v.u.followup.pairs.v[1].n, 1);	/* a group of one */
	assert_string_equal(v.u.followup.pairs.v[1].v[0], "Carla");
	assert_int_equal(v.u.followup.pairs.v[0].n, 2);
	assert_string_equal(v.u.followup.pairs.v[0].v[0], "Ana");
	assert_string_equal(v.u.followup.pairs.v[0].v[1], "Ben");
	assert_int_equal(v.u.followup.pairs.v[2].n, 1);	/* [Eve] left out */
	assert_string_equal(v.u.followup.pairs.v[2].v[0], "Dev");
	assert_false(v.u.followup.sequence.set);
	assert_true(v.u.followup.count.set);
	assert_int_equal(v.u.followup.count.v, 6);
	assert_int_equal(v.u.followup.commitments.n, 3);
	cm = v.u.followup.commitments.v;
	assert_string_equal(cm[0].commitment, "Call");
	assert_null(cm[1].id);		/* a scalar: its text key alone */
	assert_string_equal(cm[1].commitment, "x");
	assert_null(cm[2].id);
	assert_int_equal(v.u.followup.goals.n, 2);	/* [g3] left out */
	gl = v.u.followup.goals.v;
	assert_string_equal(gl[0].goal, "Margin up");
	assert_null(gl[0].measure);
	assert_string_equal(gl[1].target, "38");
	assert_string_equal(gl[1].unit, "%");
	assert_null(v.u.followup.principles.v);
	assert_int_equal(v.u.followup.principles.n, 0);
	align_view_release(&v);

	assert_int_equal(align_view(&v, all->item[2], &e), 0);
	assert_int_equal(v.kind, ALIGN_KIND_OTHER);
	assert_string_equal(v.id, "q1");
	align_view_release(&v);
	align_node_free(all);
}

/* A session's names: an entry without an address is its own name, the
 * others lose the address and the spaces before it (an address alone,
 * its brackets). */
static void
test_session_names(void **state)
{
	struct align_node *all = stream("---\nkind: session\nid: s\n"
	    "participants: [Ana Lima, 'Ben Reis  <ben@x.org>', [Eve], "
	    "<dev@x.org>, Carla]\n---\nkind: session\nid: t\n"
	    "participants: [Ana Lima, Carla]\n---\nkind: session\nid: u\n");
	struct align_err e = ALIGN_ERR_INIT;
	struct align_view v;

	(void)state;
	assert_int_equal(align_view(&v, all->item[0], &e), 0);
	assert_int_equal(v.u.session.names.n, 4);
	assert_string_equal(v.u.session.names.v[0], "Ana Lima");
	assert_string_equal(v.u.session.names.v[1], "Ben Reis");
	assert_string_equal(v.u.session.names.v[2], "dev@x.org");
	assert_string_equal(v.u.session.names.v[3], "Carla");
	assert_string_equal(v.u.session.participants.v[1],
	    "Ben Reis  <ben@x.org>");
	align_view_release(&v);

	/* Only names: each its entry; none, no name. */
	assert_int_equal(align_view(&v, all->item[1], &e), 0);
	assert_int_equal(v.u.session.names.n, 2);
	assert_string_equal(v.u.session.names.v[0], "Ana Lima");
	assert_string_equal(v.u.session.names.v[1], "Carla");
	align_view_release(&v);
	assert_int_equal(align_view(&v, all->item[2], &e), 0);
	assert_int_equal(v.u.session.names.n, 0);
	align_view_release(&v);
	align_node_free(all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_manual_lists_the_keys_of_the_table),
		cmocka_unit_test(test_text_keys_stay_text),
		cmocka_unit_test(test_views_of_odd_shapes),
		cmocka_unit_test(test_session_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
