/* The list as people see it: the whiteboard and the charter as pages,
 * the session's words on them, counts of pseudonyms, user text escaped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/distill.h"
#include "../../lib/principles.h"
#include "../../lib/reader.h"
#include "helpers.h"

/* The list of the records of text, in format f (charter: the charter
 * page), as a new string. */
static char *
shown(const char *text, enum align_format f, int charter, size_t min)
{
	struct align_distill_opts o = { .max = 7, .budget = 5, .per = 3 };
	struct align_node *all = stream(text);
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = f, .width = 80,
	    .tool = "align-distill", .min_group = min };
	struct align_distiller *d = align_distiller_new(&o, &e);
	struct align_principles v;
	size_t i;

	assert_non_null(d);
	for (i = 0; i < all->n; i++)
		assert_int_equal(align_distiller_add(d, all->item[i], &e), 0);
	align_node_free(all);
	assert_int_equal(align_distiller_run(d, &e), 0);
	assert_int_equal(align_principles_make(&v, d, &e), 0);
	v.charter = charter;
	align_principles_show(&v, &s);
	align_principles_release(&v);
	align_distiller_free(d);
	assert_false(b.failed);
	return align_buf_detach(&b);
}

static const char list[] = "---\nkind: session\nid: s\ntitle: Team\n"
    "date: \"2026-12-02T12:00:00-05:00\"\nplace: Room 4\n"
    "participants: [Ana, Ben, Cy]\n"
    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
    "votes: {Ana: 2, Ben: 1}\nagreed: [Ana, Ben, Cy]\nstatus: agreed\n"
    "---\nkind: principle\nid: p2\nstatement: \"We <b>teach</b>.\"\n"
    "votes: {Cy: 1}\nagreed: [Ana, Cy]\n"
    "objections: [{participant: Ben, reason: \"</q><script>x</script>\"}]\n";

static void
test_whiteboard(void **state)
{
	char *t = shown(list, ALIGN_FMT_HTML, 0, 0);

	(void)state;
	assert_non_null(strstr(t, "<title>Team \xe2\x80\x94 Principles"
	    "</title>"));
	assert_non_null(strstr(t, "<p class=\"verdict open\">Not final yet"
	    "</p>"));
	assert_non_null(strstr(t, "<strong>2 of 3 people</strong> agree to "
	    "all 2 (consensus)"));
	assert_non_null(strstr(t, "<div>Not agreed to all: <ul "
	    "class=\"names\" lang=\"\"><li>Ben</li></ul></div>"));
	/* Three dots, one circle each; agreement as a bar and in words. */
	assert_non_null(strstr(t, "<svg class=\"dots\" viewBox=\"0 0 44 12\" "
	    "aria-hidden=\"true\"><circle cx=\"6\" cy=\"6\" r=\"6\"/><circle "
	    "cx=\"22\" cy=\"6\" r=\"6\"/><circle cx=\"38\" cy=\"6\" r=\"6\"/>"
	    "</svg> <strong>3 votes</strong>"));
	assert_non_null(strstr(t, " agreed by <strong>3 of 3</strong>"));
	assert_non_null(strstr(t, "\xe2\x9c\x93 Meets consensus"));
	assert_non_null(strstr(t, "Not yet: consensus"));
	assert_non_null(strstr(t, "<span lang=\"\" dir=\"auto\">We &lt;b&gt;"
	    "teach&lt;/b&gt;.</span>"));
	assert_non_null(strstr(t, "<li class=\"item objection\" "
	    "id=\"principle2-o1\"><span class=\"who\" lang=\"\">Ben</span> "
	    "objects: <q lang=\"\" dir=\"auto\">&lt;/q&gt;&lt;script&gt;x"
	    "&lt;/script&gt;</q></li>"));
	assert_null(strstr(t, "<b>"));
	assert_non_null(strstr(t, "Room 4"));
	free(t);
}

static void
test_charter(void **state)
{
	static const char final[] = "---\nkind: session\nid: s\ntitle: Team\n"
	    "date: \"2026-12-02\"\nparticipants: [Ana, Ben]\n"
	    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "agreed: [Ana, Ben]\n";
	char *t = shown(list, ALIGN_FMT_HTML, 1, 0);

	(void)state;
	assert_non_null(strstr(t, "<body class=\"charter\">"));
	assert_non_null(strstr(t, "<p class=\"draft\">Draft: not yet agreed "
	    "by consensus.</p>"));
	assert_non_null(strstr(t, "<li class=\"slide\" id=\"principle1\">"
	    "<span class=\"n\" aria-hidden=\"true\">1</span> <p dir=\"auto\">"
	    "We listen.</p></li>"));
	assert_null(strstr(t, "class=\"signed\""));
	free(t);
	t = shown(final, ALIGN_FMT_HTML, 1, 0);
	assert_null(strstr(t, "class=\"draft\""));
	assert_non_null(strstr(t, "<div class=\"signed\"><p>Agreed by "
	    "consensus of</p><ul class=\"names\" lang=\"\"><li>Ana</li><li>"
	    "Ben</li></ul></div>"));
	assert_non_null(strstr(t, "<time datetime=\"2026-12-02\">Wednesday 2 "
	    "December 2026</time>"));
	free(t);
}

/* Pseudonyms: fewer than the minimum are not counted as they are. */
static void
test_pseudonyms_counted(void **state)
{
	static const char anon[] = "---\nkind: session\nid: s\n"
	    "participants: [p-0123456789, p-abcdef0123, p-aaaaaaaaaa]\n"
	    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "agreed: [p-0123456789, p-abcdef0123]\n";
	char *t = shown(anon, ALIGN_FMT_HTML, 0, 0);

	(void)state;
	assert_non_null(strstr(t, "<strong>fewer than 3 of 3 people</strong>"
	    " agree to it"));
	assert_non_null(strstr(t, " agreed by <strong>fewer than 3 of 3"
	    "</strong>"));
	free(t);
	t = shown(anon, ALIGN_FMT_HTML, 0, 1);
	assert_non_null(strstr(t, " agreed by <strong>2 of 3</strong>"));
	free(t);
	/* Names: counted as they are. */
	t = shown(list, ALIGN_FMT_HTML, 0, 0);
	assert_non_null(strstr(t, " agreed by <strong>2 of 3</strong>"));
	free(t);
}

static void
test_same_records_same_bytes(void **state)
{
	char *a = shown(list, ALIGN_FMT_HTML, 0, 0);
	char *b = shown(list, ALIGN_FMT_HTML, 0, 0);

	(void)state;
	assert_string_equal(a, b);
	free(a);
	free(b);
	assert_true(align_principles_formats() & ALIGN_FMT_HTML);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whiteboard),
		cmocka_unit_test(test_charter),
		cmocka_unit_test(test_pseudonyms_counted),
		cmocka_unit_test(test_same_records_same_bytes),
	};

	return cmocka_run_group_tests_name("principles", tests, NULL, NULL);
}
