/* QR codes: the terminal's half blocks give back the very modules of the
 * code, the SVG draws each dark module once, the same text the same
 * bytes, a text too long for any code refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/qr.h"

static const char url[] = "http://192.168.100.200:54321/Zk3q9Xw2LbP0sT7yVdQe4A/";

/* The module (x, y) as the half blocks show it: light is drawn. */
static int
term_dark(const char *t, long x, long y)
{
	long row = (y + 2) / 2, i, col = x + 2;
	const char *p = t;
	int up, down;

	for (i = 0; i < row; i++)
		p = strchr(p, '\n') + 1;
	for (i = 0; i < col; i++)	/* each cell 1 or 3 bytes */
		p += *p == ' ' ? 1 : 3;
	up = *p != ' ' && (strncmp(p, "\xe2\x96\x80", 3) == 0 ||
	    strncmp(p, "\xe2\x96\x88", 3) == 0);
	down = *p != ' ' && (strncmp(p, "\xe2\x96\x84", 3) == 0 ||
	    strncmp(p, "\xe2\x96\x88", 3) == 0);
	return (y + 2) % 2 == 0 ? !up : !down;
}

static void
test_qr_terminal_round_trip(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_qr q;
	long x, y, bad = 0, dark = 0;

	(void)state;
	assert_int_equal(align_qr_make(&q, url, &e), 0);
	/* Version 4 at level M: 33 modules a side. */
	assert_int_equal(q.width, 33);
	align_qr_term(&q, &b, 0);
	assert_false(b.failed);
	for (y = -2; y < (long)q.width + 2; y++)
		for (x = -2; x < (long)q.width + 2; x++) {
			bad += term_dark(b.p, x, y) != align_qr_at(&q, x, y);
			dark += align_qr_at(&q, x, y);
		}
	assert_int_equal(bad, 0);
	assert_true(dark > 300 && dark < 33 * 33 - 300);
	/* Finder patterns: dark corners, a light ring inside. */
	assert_true(align_qr_at(&q, 0, 0) && align_qr_at(&q, 32, 0) &&
	    align_qr_at(&q, 0, 32) && !align_qr_at(&q, 1, 1));
	align_buf_release(&b);
	align_qr_term(&q, &b, 1);
	assert_non_null(strstr(b.p, "\033[40;97m"));
	assert_non_null(strstr(b.p, "\033[0m\n"));
	align_buf_release(&b);
	align_qr_release(&q);
}

static void
test_qr_svg(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf a = ALIGN_BUF_INIT, b = ALIGN_BUF_INIT;
	struct align_qr q;
	size_t x, y, drawn = 0, dark = 0;
	const char *p;

	(void)state;
	assert_int_equal(align_qr_make(&q, url, &e), 0);
	align_qr_svg(&q, &a, "Scan <me> & \"join\"");
	assert_false(a.failed);
	assert_non_null(strstr(a.p, "<svg class=\"qr\" viewBox=\"0 0 41 41\""));
	assert_non_null(strstr(a.p, "aria-label=\"Scan &lt;me&gt; &amp; "
	    "&quot;join&quot;\""));
	/* Each run "Mx yhNv1h-Nz" covers N dark modules. */
	for (p = strstr(a.p, " d=\""); (p = strchr(p, 'M')) != NULL; p++) {
		unsigned long mx, my, n, n2;

		assert_int_equal(sscanf(p, "M%lu %luh%luv1h-%luz", &mx, &my, &n,
		    &n2), 4);
		assert_int_equal(n, n2);
		for (x = mx - 4; x < mx - 4 + n; x++)
			assert_true(align_qr_at(&q, (long)x, (long)my - 4));
		drawn += n;
	}
	for (y = 0; y < q.width; y++)
		for (x = 0; x < q.width; x++)
			dark += align_qr_at(&q, (long)x, (long)y);
	assert_int_equal(drawn, dark);
	align_qr_svg(&q, &b, "Scan <me> & \"join\"");
	assert_string_equal(a.p, b.p);
	align_buf_release(&a);
	align_buf_release(&b);
	align_qr_release(&q);
}

static void
test_qr_too_long(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_qr q;
	char *big = malloc(4000);

	(void)state;
	memset(big, 'a', 3999);
	big[3999] = '\0';
	assert_int_equal(align_qr_make(&q, big, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_non_null(strstr(e.msg, "too long for a QR code"));
	assert_null(q.dark);
	align_qr_release(&q);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qr_terminal_round_trip),
		cmocka_unit_test(test_qr_svg),
		cmocka_unit_test(test_qr_too_long),
	};

	return cmocka_run_group_tests_name("qr", tests, NULL, NULL);
}
