/* The small pieces every tool shares: numbers from people, growing
 * arrays, the seeded generator, and text made safe for where it goes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/grow.h"
#include "../../lib/num.h"
#include "../../lib/rand.h"
#include "../../lib/show.h"

/* A whole number or nothing: no silent zero, no trailing garbage. */
static void
test_numbers_from_people(void **state)
{
	const char *why;

	(void)state;
	assert_int_equal(align_strtonum("42", 0, 100, &why), 42);
	assert_null(why);
	assert_int_equal(align_strtonum("-3", -5, 5, &why), -3);
	assert_null(why);
	align_strtonum("abc", 0, 100, &why);
	assert_string_equal(why, "invalid");
	align_strtonum("12x", 0, 100, &why);
	assert_string_equal(why, "invalid");
	align_strtonum(" 12", 0, 100, &why);
	assert_string_equal(why, "invalid");
	align_strtonum("", 0, 100, &why);
	assert_string_equal(why, "invalid");
	align_strtonum("101", 0, 100, &why);
	assert_string_equal(why, "too large");
	align_strtonum("-1", 0, 100, &why);
	assert_string_equal(why, "too small");
	align_strtonum("99999999999999999999", 0, LLONG_MAX, &why);
	assert_string_equal(why, "too large");
	assert_true(align_strtod("0.5", 0, 1, &why) == 0.5);
	assert_null(why);
	align_strtod("0.5x", 0, 1, &why);
	assert_string_equal(why, "invalid");
	align_strtod("nan", 0, 1, &why);
	assert_string_equal(why, "invalid");
	align_strtod("inf", 0, 1e9, &why);
	assert_string_equal(why, "invalid");
	align_strtod("1.5", 0, 1, &why);
	assert_string_equal(why, "too large");
}

static void
test_arrays_grow(void **state)
{
	int *v = NULL;
	size_t cap = 0, i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		assert_int_equal(ALIGN_GROW(v, i + 1, cap), 0);
		v[i] = (int)i;
	}
	assert_true(cap >= 1000 && cap < 4000);
	assert_int_equal(v[999], 999);
	/* A size that would overflow is refused, the array untouched. */
	assert_int_equal(align_grow(&v, &cap, SIZE_MAX / 2, sizeof(*v)), -1);
	assert_int_equal(v[999], 999);
	free(v);
}

/* The same seed, the same numbers, on every machine. */
static void
test_the_generator_is_seeded(void **state)
{
	struct align_rand a = ALIGN_RAND_INIT(1), b = ALIGN_RAND_INIT(1);
	size_t i;

	(void)state;
	/* splitmix64's first output for seed 1. */
	assert_true(align_rand_next(&a) == 0x910a2dec89025cc1ULL);
	align_rand_next(&b);
	for (i = 0; i < 100; i++) {
		double u = align_rand_unit(&a);

		assert_true(u >= 0 && u < 1);
		assert_true(align_rand_below(&b, 7) < 7);
	}
}

static void
shown(enum align_format f, const char *in, const char *want)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = f, .width = 80 };

	align_show_text(&s, in);
	assert_false(b.failed);
	assert_string_equal(b.p ? b.p : "", want);
	align_buf_release(&b);
}

/* A response can never reach a terminal as a control sequence, nor a
 * page or a wiki as markup. */
static void
test_user_text_is_escaped(void **state)
{
	(void)state;
	shown(ALIGN_FMT_TEXT, "title\033]0;pwned\007 and \033[2J",
	    "title^[]0;pwned^G and ^[[2J");
	shown(ALIGN_FMT_TEXT, "a\tb\r\nc\x7f", "a b^M\nc^?");
	/* C1 controls and the marks that reorder a line. */
	shown(ALIGN_FMT_TEXT, "x\xc2\x9b" "6n \xe2\x80\xae" "evil",
	    "x<U+009B>6n <U+202E>evil");
	shown(ALIGN_FMT_TEXT, "Mañana, 東京", "Mañana, 東京");
	shown(ALIGN_FMT_MARKDOWN, "<img src=x onerror=alert(1)> *b* [l](u)",
	    "\\<img src=x onerror=alert(1)\\> \\*b\\* \\[l\\](u)");
	shown(ALIGN_FMT_HTML, "<script>\"'&",
	    "&lt;script&gt;&quot;&#39;&amp;");
	shown(ALIGN_FMT_CSV, "as=is", "as=is");
}

static void
test_counts_and_bars(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	align_show_count(&b, 1, "theme", "themes");
	align_buf_putc(&b, ' ');
	align_show_count(&b, 6, "theme", "themes");
	align_buf_putc(&b, ' ');
	align_show_bar(&b, 9, 3);
	assert_string_equal(b.p, "1 theme 6 themes \xe2\x96\x88\xe2\x96\x88"
	    "\xe2\x96\x88");
	align_buf_reset(&b);
	align_format_list(&b, ALIGN_FMT_TEXT | ALIGN_FMT_YAML |
	    ALIGN_FMT_MARKDOWN);
	assert_string_equal(b.p, "text, yaml or markdown");
	align_buf_release(&b);
	assert_int_equal(align_format_parse("md"), ALIGN_FMT_MARKDOWN);
	assert_int_equal(align_format_parse("pdf"), ALIGN_FMT_NONE);
}

/* A family's table: its formats are its rows', and showing calls the
 * row of the format asked for, once, or nothing for a format it lacks. */
struct fake_view {
	const char *name;
};

static void
fake_text(const struct fake_view *v, const struct align_show *s)
{
	align_buf_printf(s->b, "text of %s;", v->name);
}

static void
fake_csv(const struct fake_view *v, const struct align_show *s)
{
	align_buf_printf(s->b, "csv of %s;", v->name);
}

static const ALIGN_RENDERER(struct fake_view) fake[] = {
	{ ALIGN_FMT_TEXT, fake_text },
	{ ALIGN_FMT_CSV, fake_csv },
};

static void
test_renderer_tables(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct fake_view v = { "v" };
	struct align_show s = { .b = &b, .format = ALIGN_FMT_CSV };

	(void)state;
	assert_int_equal(ALIGN_RENDERERS_FORMATS(fake),
	    ALIGN_FMT_TEXT | ALIGN_FMT_CSV);
	ALIGN_RENDERERS_SHOW(fake, &v, &s);
	s.format = ALIGN_FMT_HTML;
	ALIGN_RENDERERS_SHOW(fake, &v, &s);
	s.format = ALIGN_FMT_TEXT;
	ALIGN_RENDERERS_SHOW(fake, &v, &s);
	assert_string_equal(b.p, "csv of v;text of v;");
	align_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_from_people),
		cmocka_unit_test(test_arrays_grow),
		cmocka_unit_test(test_the_generator_is_seeded),
		cmocka_unit_test(test_user_text_is_escaped),
		cmocka_unit_test(test_counts_and_bars),
		cmocka_unit_test(test_renderer_tables),
	};

	return cmocka_run_group_tests_name("show", tests, NULL, NULL);
}
