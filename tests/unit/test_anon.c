/* --anonymous: no name in any record align-capture writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/anon.h"
#include "../../lib/reader.h"
#include "../../lib/response.h"
#include "helpers.h"

static const unsigned char key[16] = "0123456789abcdef";

static const char text[] = "---\nkind: session\nid: s\n"
    "participants: [Ana, Maria del Carmen Fernandez Lopez]\n"
    "facilitator: Ana\n"
    "---\nkind: response\nid: r-1\nparticipant: Ana\n"
    "at: \"2026-12-02T12:00:00Z\"\ntext: She stayed.\nextra: kept\n"
    "---\nkind: response\nid: r-2\nparticipant: Ana\n"
    "at: \"2026-12-02T12:00:00Z\"\ntext: She stayed.\n"
    "---\nkind: response\nid: r-3\nparticipant: p-0123456789\n"
    "text: Already hidden.\n"
    "---\nkind: response\nid: r-4\nat: \"2026-12-02T12:01:00Z\"\n"
    "text: \"Maria del Carmen Fernandez Lopez: hola\"\n"
    "---\nkind: response\nid: r-5\ntext: \"Ana Sofia de la Cruz Ortega: no\"\n"
    "---\nkind: response\nid: r-6\ntext: No name here.\n"
    "---\nkind: response\nid: r-7\nparticipant: {name: Ana}\ntext: odd\n"
    "---\nkind: theme\nid: t1\nresponses: [r-3]\n"
    "---\nkind: principle\nid: p1\nvotes: {Ana: 2}\n"
    "---\nkind: followup\nid: f1\npairs: [[Ana, Ben]]\n"
    "---\nkind: checkin\nid: c1\nparticipant: Ana\n"
    "---\nkind: reminder\nid: m1\nwhat: Ana has not checked in\n"
    "---\nkind: hologram\nid: h1\nwho: Ana\n";

struct fixture {
	struct align_node *all;
	struct align_speakers roster;
	struct align_anon a;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct align_err e = ALIGN_ERR_INIT;

	f->all = stream(text);
	assert_int_equal(align_speakers_init(&f->roster, f->all->item[0], &e),
	    0);
	align_anon_init(&f->a, key);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	align_anon_release(&f->a);
	align_speakers_release(&f->roster);
	align_node_free(f->all);
	free(f);
	return 0;
}

/* As --anonymous writes record i of the stream (not plain text): its
 * status, the record in *out. */
static int
anon(struct fixture *f, size_t i, struct align_node **out,
    struct align_err *e)
{
	return align_anon_record(&f->a, &f->roster, f->all->item[i], 0, 0,
	    "s.yaml", out, e);
}

/* A response read with a name: its pseudonym, a new id (the old one is a
 * hash of the name), every other key kept in its place; two identical
 * ones stay two. */
static void
test_named_responses(void **state)
{
	struct fixture *f = *state;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *a, *b;
	char alias[ALIGN_PSEUDONYM_MAX];

	assert_int_equal(anon(f, 1, &a, &e), 1);
	assert_int_equal(align_pseudonym(key, "Ana", alias), 0);
	assert_string_equal(align_map_str(a, "participant"), alias);
	assert_string_not_equal(align_record_id(a), "r-1");
	assert_string_equal(a->key[5], "extra");
	assert_string_equal(align_map_str(a, "text"), "She stayed.");
	assert_int_equal(a->line, f->all->item[1]->line);
	assert_int_equal(anon(f, 2, &b, &e), 1);
	assert_string_not_equal(align_record_id(a), align_record_id(b));
	align_node_free(a);
	align_node_free(b);
	/* A pseudonym stays as it is; so does a response naming nobody. */
	assert_int_equal(anon(f, 3, &a, &e), 0);
	assert_null(a);
	assert_int_equal(anon(f, 6, &a, &e), 0);
	/* A participant that is not text could hide a name. */
	assert_int_equal(anon(f, 7, &a, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, f->all->item[7]->line);
}

/* A name at the start of a text: the roster's, at any length, becomes
 * the participant; a long one not on it is refused, not left there. */
static void
test_names_in_the_text(void **state)
{
	struct fixture *f = *state;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *a;
	char alias[ALIGN_PSEUDONYM_MAX];

	assert_int_equal(anon(f, 4, &a, &e), 1);
	assert_int_equal(align_pseudonym(key,
	    "Maria del Carmen Fernandez Lopez", alias), 0);
	assert_string_equal(align_map_str(a, "participant"), alias);
	assert_string_equal(align_map_str(a, "text"), "hola");
	assert_string_equal(align_map_str(a, "at"), "2026-12-02T12:01:00Z");
	align_node_free(a);
	assert_int_equal(anon(f, 5, &a, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_string_equal(e.file, "s.yaml");
	assert_non_null(strstr(e.msg, "'Ana Sofia de la Cruz Ortega' may be "
	    "a name"));
	assert_null(strstr(e.msg, "--participant"));
	/* A line of plain text: the same, and --participant is a way out. */
	assert_int_equal(align_anon_record(&f->a, &f->roster, f->all->item[5],
	    1, 0, "in.txt", &a, &e), -1);
	assert_non_null(strstr(e.msg, "--participant"));
	/* A new line's id is what the reader would give it. */
	assert_int_equal(align_anon_record(&f->a, &f->roster, f->all->item[4],
	    1, 1, "in.txt", &a, &e), 1);
	{
		char id[19];

		assert_int_equal(align_response_id(alias, NULL, "hola", 1, id),
		    0);
		assert_string_equal(align_record_id(a), id);
	}
	align_node_free(a);
}

/* The session is align-plan's and passes as it is (who was invited);
 * records of later steps name people and are refused; a record of a
 * kind it does not know passes as it came. */
static void
test_other_records(void **state)
{
	struct fixture *f = *state;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *a;
	size_t i;

	assert_int_equal(anon(f, 0, &a, &e), 0);
	/* A theme, no id changed. */
	assert_int_equal(anon(f, 8, &a, &e), 0);
	for (i = 9; i <= 12; i++) {
		assert_int_equal(anon(f, i, &a, &e), -1);
		assert_int_equal(e.status, EX_DATAERR);
		assert_int_equal(e.line, f->all->item[i]->line);
		assert_non_null(strstr(e.msg, "later step"));
	}
	assert_int_equal(anon(f, 13, &a, &e), 0);
}

/* A theme lists responses by id: none may change after it, nor before. */
static void
test_themes_and_new_ids(void **state)
{
	struct fixture *f = *state;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *a;

	assert_int_equal(anon(f, 8, &a, &e), 0);
	assert_int_equal(anon(f, 3, &a, &e), 0);	/* a pseudonym */
	assert_int_equal(anon(f, 1, &a, &e), -1);
	assert_null(a);
	assert_non_null(strstr(e.msg, "after a theme"));
	align_anon_release(&f->a);
	align_anon_init(&f->a, key);
	assert_int_equal(anon(f, 1, &a, &e), 1);
	align_node_free(a);
	assert_int_equal(anon(f, 8, &a, &e), -1);
	assert_non_null(strstr(e.msg, "a theme lists responses by id"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_named_responses, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_names_in_the_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_other_records, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_themes_and_new_ids, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("anon", tests, NULL, NULL);
}
