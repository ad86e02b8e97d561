/* Grouping: the method that fits the number of responses, a theme a
 * group, alike themes merged, and only what nobody placed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/buf.h"
#include "../../lib/reader.h"
#include "../../lib/theme.h"
#include "../../lib/writer.h"
#include "helpers.h"
#include "theme_helpers.h"

static size_t
count_themes(const char *text, const struct align_theme_opts *o)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t = themer_of(text, o, &e);
	size_t n;

	if (t == NULL)
		fail_msg("%s", e.msg);
	n = align_themer_count(t);
	align_themer_free(t);
	return n;
}

/* n responses, two topics in turn, three words of each (seeded). */
static char *
survey(size_t n)
{
	static const char *const topic[2][6] = {
		{ "retro", "sprint", "standup", "demo", "backlog", "review" },
		{ "budget", "forecast", "invoice", "spending", "cost",
		    "revenue" },
	};
	struct align_buf b = ALIGN_BUF_INIT;
	uint64_t r = 42;
	size_t i, k;

	for (i = 0; i < n; i++) {
		align_buf_printf(&b, "---\nkind: response\nid: r%zu\n"
		    "participant: P%zu\ntext:", i, i);
		for (k = 0; k < 3; k++) {
			r = r * 6364136223846793005ULL + 1442695040888963407ULL;
			align_buf_printf(&b, " %s", topic[i % 2][(r >> 33) % 6]);
		}
		align_buf_putc(&b, '\n');
	}
	assert_false(b.failed);
	return align_buf_detach(&b);
}

/* Up to 400 responses, average linkage, which --threshold steers; above,
 * GSDMM, which finds about the two topics whatever the threshold. */
static void
test_the_method_fits_the_number(void **state)
{
	struct align_theme_opts o = theme_defaults();
	char *meeting = survey(400), *big = survey(401);
	static const char two[] = RESPONSE("r1", "Ana", "Retros helped.")
	    RESPONSE("r2", "Ben", "Retros mattered.");

	(void)state;
	o.no_lexicon = 1;
	o.min_support = 1;
	o.threshold = 0.99;
	assert_true(count_themes(meeting, &o) > 10);
	assert_true(count_themes(big, &o) <= 3);
	assert_int_equal(count_themes(two, &o), 2);
	o.method = "gsdmm";
	assert_int_equal(count_themes(two, &o), 1);
	o.method = "linkage";
	o.threshold = 0.15;
	assert_int_equal(count_themes(two, &o), 1);
	free(meeting);
	free(big);
}

/* Groups told in other words that mean the same are one theme, in id
 * order; the one between them stays its own. */
static void
test_alike_themes_merge(void **state)
{
	static const char text[] =
	    RESPONSE("r1", "Ana", "She listened to every one of us.")
	    RESPONSE("r2", "Ben", "He heard us out before deciding.")
	    RESPONSE("r3", "Carla", "He taught me to read a budget.")
	    RESPONSE("r4", "Dev", "My boss made space for the quiet ones.");
	struct align_theme_opts o = theme_defaults();
	char *x;

	(void)state;
	o.threshold = 0.99;
	o.min_support = 1;
	x = themes_of(text, &o);
	assert_non_null(strstr(x, "label: listening to every voice\n"
	    "purity: 100\n"));
	assert_non_null(strstr(x, "responses: [r1, r2, r4]\nsupport: 3\n"));
	assert_non_null(strstr(x, "responses: [r3]\nsupport: 1\n"));
	free(x);
}

/* The same themes whatever the order of the input. */
static void
test_the_order_of_the_input_does_not_matter(void **state)
{
	struct align_theme_opts o = theme_defaults();
	char *forth = survey(60), *back, *x, *y;
	const char *p;
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	/* The same documents, last first. */
	for (p = forth + strlen(forth); p > forth; ) {
		const char *q = p;

		while (--p > forth && strncmp(p, "---\n", 4) != 0)
			;
		align_buf_add(&b, p, (size_t)(q - p));
	}
	back = align_buf_detach(&b);
	o.method = "gsdmm";
	x = themes_of(forth, &o);
	y = themes_of(back, &o);
	assert_string_equal(x, y);
	free(x);
	free(y);
	o.method = "linkage";
	x = themes_of(forth, &o);
	y = themes_of(back, &o);
	assert_string_equal(x, y);
	free(x);
	free(y);
	free(forth);
	free(back);
}

/* The responses a person placed are not grouped again; those without a
 * word to group by still make a theme. */
static void
test_only_what_nobody_placed(void **state)
{
	static const char text[] =
	    RESPONSE("r1", "Ana", "She listened to every one of us.")
	    RESPONSE("r2", "Ben", "He heard us out before deciding.")
	    RESPONSE("r3", "Carla", "the of and")
	    "---\nkind: theme\nid: t1\nlabel: ours\nresponses: [r1]\n"
	    "source: manual\n"
	    "---\nkind: theme\nid: t2\nlabel: before\n"
	    "responses: [r2, r3]\nsource: auto\n";
	struct align_theme_opts o = theme_defaults();
	char *x;

	(void)state;
	o.min_support = 1;
	x = themes_of(text, &o);
	assert_non_null(strstr(x, "label: ours\nresponses: [r1]\n"));
	assert_non_null(strstr(x, "responses: [r2]\n"));
	assert_non_null(strstr(x, "label: other\nkeywords: []\n"
	    "responses: [r3]\n"));
	free(x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_method_fits_the_number),
		cmocka_unit_test(test_alike_themes_merge),
		cmocka_unit_test(test_the_order_of_the_input_does_not_matter),
		cmocka_unit_test(test_only_what_nobody_placed),
	};

	return cmocka_run_group_tests_name("theme grouping", tests, NULL,
	    NULL);
}
