/* Theme ids that hold across runs: a theme keeps its id while most of its
 * responses are the same, a new one gets an id never used in the file,
 * the rank is its own key, and a theme gone that a principle names is
 * told. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/reader.h"
#include "../../lib/theme.h"
#include "../../lib/writer.h"
#include "helpers.h"
#include "theme_helpers.h"

#define LISTEN \
	RESPONSE("r1", "Ana", "She listened to every one of us.") \
	RESPONSE("r2", "Ben", "He listened before deciding anything.")
#define TEACH \
	RESPONSE("r3", "Carla", "She taught me to read a budget.") \
	RESPONSE("r4", "Dev", "He taught me the budget line by line.")

/* The id of the theme that holds response r in the records x. */
static const char *
theme_of(const char *x, const char *r, char *id, size_t n)
{
	const char *p = strstr(x, r), *k;

	assert_non_null(p);
	for (k = p; k > x && strncmp(k, "\nid: ", 5) != 0; k--)
		;
	assert_true(k > x);
	k += 5;
	assert_true((size_t)(strchr(k, '\n') - k) < n);
	memcpy(id, k, (size_t)(strchr(k, '\n') - k));
	id[strchr(k, '\n') - k] = '\0';
	return id;
}

/* Ranked the other way round than numbered, the themes keep their ids;
 * the rank says the order. */
static void
test_a_theme_keeps_its_id_while_it_is_the_same(void **state)
{
	static const char text[] = LISTEN TEACH
	    RESPONSE("r5", "Eve", "She taught us all how to plan a budget.")
	    "---\nkind: theme\nid: t4\nresponses: [r1, r2]\nsource: auto\n"
	    "---\nkind: theme\nid: t9\nresponses: [r3, r4]\nsource: auto\n";
	struct align_theme_opts o = theme_defaults();
	char *x, id[16];

	(void)state;
	x = themes_of(text, &o);
	assert_string_equal(theme_of(x, "r1", id, sizeof(id)), "t4");
	assert_string_equal(theme_of(x, "r3", id, sizeof(id)), "t9");
	assert_non_null(strstr(x, "id: t9\nrank: 1\n"));	/* 3 people */
	assert_non_null(strstr(x, "id: t4\nrank: 2\n"));
	free(x);
}

/* A new theme's id is past every theme id the file holds, a principle's
 * too: t12 named by a principle is never given again. */
static void
test_a_new_theme_gets_an_id_never_used(void **state)
{
	static const char text[] = LISTEN TEACH
	    "---\nkind: theme\nid: t3\nresponses: [r1, r2]\nsource: auto\n"
	    "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "themes: [t3, t12]\n";
	struct align_theme_opts o = theme_defaults();
	char *x, id[16];

	(void)state;
	x = themes_of(text, &o);
	assert_string_equal(theme_of(x, "r1", id, sizeof(id)), "t3");
	assert_string_equal(theme_of(x, "r3", id, sizeof(id)), "t13");
	free(x);
}

/* Half of a theme's responses is not most of them: a new id. */
static void
test_a_theme_that_is_another_gets_a_new_id(void **state)
{
	static const char text[] = LISTEN TEACH
	    "---\nkind: theme\nid: t1\nresponses: [r1, r3]\nsource: auto\n";
	struct align_theme_opts o = theme_defaults();
	char *x, id[16];

	(void)state;
	x = themes_of(text, &o);
	assert_string_equal(theme_of(x, "r1", id, sizeof(id)), "t2");
	assert_string_equal(theme_of(x, "r3", id, sizeof(id)), "t3");
	free(x);
}

/* A theme emptied by moves goes away, and the principle that names it is
 * told. */
static void
test_a_theme_gone_is_told(void **state)
{
	static const char *const move[] = { "r3=t1", "r4=t1" };
	static const char text[] = LISTEN TEACH
	    "---\nkind: theme\nid: t1\nresponses: [r1, r2]\nsource: auto\n"
	    "---\nkind: theme\nid: t2\nresponses: [r3, r4]\nsource: auto\n"
	    "---\nkind: principle\nid: p4\nstatement: We teach.\n"
	    "themes: [t2]\n";
	struct align_theme_opts o = theme_defaults();
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t;

	(void)state;
	o.move = move;
	o.nmove = 2;
	assert_non_null(t = themer_of(text, &o, &e));
	assert_int_equal(align_themer_count(t), 1);
	assert_int_equal(align_themer_notes(t), 1);
	assert_string_equal(align_themer_note(t, 0),
	    "theme 't2' is gone; principle 'p4' still names it");
	align_themer_free(t);
}

/* A response new since a person's edit joins their theme when it fits
 * it; one that does not is grouped as before. */
static void
test_a_new_response_joins_the_theme_it_fits(void **state)
{
	static const char text[] = LISTEN TEACH
	    RESPONSE("r5", "Eve", "She listened to every quiet voice.")
	    RESPONSE("r6", "Femi", "The office coffee machine broke.")
	    "---\nkind: theme\nid: t1\nlabel: hearing us\n"
	    "responses: [r1, r2]\nsource: manual\n"
	    "---\nkind: theme\nid: t2\nresponses: [r3, r4]\nsource: auto\n";
	struct align_theme_opts o = theme_defaults();
	char *x, id[16];

	(void)state;
	o.min_support = 1;
	x = themes_of(text, &o);
	assert_non_null(strstr(x, "label: hearing us\n"));
	assert_non_null(strstr(x, "responses: [r1, r2, r5]\n"));
	assert_string_equal(theme_of(x, "r3", id, sizeof(id)), "t2");
	assert_string_not_equal(theme_of(x, "r6", id, sizeof(id)), "t1");
	free(x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_theme_keeps_its_id_while_it_is_the_same),
		cmocka_unit_test(test_a_new_theme_gets_an_id_never_used),
		cmocka_unit_test(test_a_theme_that_is_another_gets_a_new_id),
		cmocka_unit_test(test_a_theme_gone_is_told),
		cmocka_unit_test(test_a_new_response_joins_the_theme_it_fits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
