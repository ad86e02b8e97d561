/* The check of text a person gives; wrapping, slugs, iCalendar text and
 * name lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <utf8proc.h>

#include "../../lib/ics.h"
#include "../../lib/names.h"
#include "../../lib/text.h"
#include "../../lib/when.h"
#include "helpers.h"

/* Text a person gives: C0 but tab and line feed, DEL, C1, a NUL and
 * bytes that are not UTF-8 refused, where they are and said by what they
 * are; UTF-8 of any kind passes. */
static void
test_text_check(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_text_fault f;

	(void)state;
#define FAULT(s) align_text_fault(s, sizeof(s) - 1, &f)
	assert_int_equal(FAULT("typo here\x1b[D"), 1);
	assert_int_equal(f.at, 9);
	assert_int_equal(f.col, 10);
	assert_int_equal(f.cp, 0x1b);
	assert_string_equal(align_control_name(f.cp), "an escape");
	assert_int_equal(FAULT("a\bb"), 1);
	assert_string_equal(align_control_name(f.cp), "a backspace");
	assert_int_equal(FAULT("x\x7f"), 1);
	assert_string_equal(align_control_name(f.cp), "a delete");
	assert_int_equal(FAULT("\r"), 1);
	assert_string_equal(align_control_name(f.cp), "a carriage return");
	assert_int_equal(FAULT("\xc3\xa9\xc2\x9b[2J"), 1);
	assert_int_equal(f.at, 2);
	assert_int_equal(f.col, 2);	/* é is one character */
	assert_int_equal(f.cp, 0x9b);	/* C1: CSI */
	assert_string_equal(align_control_name(f.cp), "a control character");
	assert_int_equal(FAULT("a\0b"), 1);
	assert_int_equal(f.cp, 0);
	assert_int_equal(f.utf8, 0);
	assert_int_equal(FAULT("caf\xe9"), 1);
	assert_int_equal(f.utf8, 1);
	assert_int_equal(f.col, 4);
	assert_int_equal(FAULT("\xc0\xaf"), 1);	/* overlong */
	assert_int_equal(FAULT("\xed\xa0\x80"), 1);	/* a surrogate */
	assert_int_equal(FAULT("\xe2\x82"), 1);	/* cut short */
	assert_int_equal(FAULT("tab\tand\nline"), 0);
	assert_int_equal(FAULT("Jos\xc3\xa9 \xe2\x80\x94 \xe6\x97\xa5"
	    "\xf0\x9f\x98\x80 \xc2\xa0"), 0);
	assert_int_equal(FAULT(""), 0);
#undef FAULT
	assert_int_equal(align_text_check("ab\xe9", 3, EX_DATAERR, "f.txt", 3,
	    &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_string_equal(e.file, "f.txt");
	assert_int_equal(e.line, 3);
	assert_int_equal(e.col, 3);
	assert_string_equal(e.msg, "invalid UTF-8 (byte 0xE9)");
	assert_int_equal(align_text_check("\x1b", 1, EX_USAGE, NULL, 0, &e),
	    -1);
	assert_string_equal(e.msg, "an escape (U+001B): text may hold no "
	    "control character (it could reach a terminal as a command)");
	assert_int_equal(align_text_check("ok", 2, EX_USAGE, NULL, 0, &e), 0);
}

static void
test_wrap_keeps_words_and_indents(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	/* A narrow width still gives twenty columns after the indent; the
	 * first line starts where the caller left off. */
	align_text_wrap(&b, "one two three four five six seven eight nine",
	    4, 2, 10);
	assert_string_equal(b.p, "one two three four\n"
	    "    five six seven eight\n    nine\n");
	align_buf_reset(&b);
	/* A newline in the text starts a line at the indent. */
	align_text_wrap(&b, "first\nsecond", 3, 0, 40);
	assert_string_equal(b.p, "first\n   second\n");
	align_buf_reset(&b);
	/* Wide characters count two columns, accents none. */
	assert_int_equal(align_text_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4);
	assert_int_equal(align_text_width("e\xcc\x81t\xc3\xa9", 6), 3);
	align_buf_release(&b);
}

static void
test_wrap_breaks_text_without_spaces(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	/* Twenty columns: ten ideographs a line, broken between them, with
	 * no space put in. */
	align_text_wrap(&b, "\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89"
	    "\xe5\x9b\x9b\xe4\xba\x94\xe5\x85\xad\xe4\xb8\x83\xe5\x85\xab"
	    "\xe4\xb9\x9d\xe5\x8d\x81\xe7\x99\xbe\xe5\x8d\x83", 0, 0, 20);
	assert_string_equal(b.p, "\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89"
	    "\xe5\x9b\x9b\xe4\xba\x94\xe5\x85\xad\xe4\xb8\x83\xe5\x85\xab"
	    "\xe4\xb9\x9d\xe5\x8d\x81\n\xe7\x99\xbe\xe5\x8d\x83\n");
	align_buf_reset(&b);
	/* A full stop (。) stays with the character before it. */
	align_text_wrap(&b, "\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89"
	    "\xe5\x9b\x9b\xe4\xba\x94\xe5\x85\xad\xe4\xb8\x83\xe5\x85\xab"
	    "\xe4\xb9\x9d\xe5\x8d\x81\xe3\x80\x82\xe7\x99\xbe", 0, 0, 20);
	assert_string_equal(b.p, "\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89"
	    "\xe5\x9b\x9b\xe4\xba\x94\xe5\x85\xad\xe4\xb8\x83\xe5\x85\xab"
	    "\xe4\xb9\x9d\n\xe5\x8d\x81\xe3\x80\x82\xe7\x99\xbe\n");
	align_buf_reset(&b);
	/* Words and spaces beside them as before. */
	align_text_wrap(&b, "Ana said \xe8\xb0\xa2\xe8\xb0\xa2 twice", 0, 0,
	    40);
	assert_string_equal(b.p, "Ana said \xe8\xb0\xa2\xe8\xb0\xa2 twice\n");
	align_buf_release(&b);
}

static void
test_slugs(void **state)
{
	char out[16];

	(void)state;
	align_slug("We Teach / Mentor!", out, sizeof(out));
	assert_string_equal(out, "we-teach-mentor");
	align_slug("\xc3\x89" "COUTE Active", out, sizeof(out));
	assert_string_equal(out, "ecoute-active");
	align_slug("a very long label that goes on", out, 8);
	assert_string_equal(out, "a-very-l");
	align_slug("!!!", out, sizeof(out));
	assert_string_equal(out, "");
}

static void
test_terminal_width_from_columns(void **state)
{
	(void)state;
	setenv("COLUMNS", "123", 1);
	assert_int_equal(align_terminal_width(-1), 123);
	setenv("COLUMNS", "junk", 1);
	assert_int_equal(align_terminal_width(-1), 80);
	unsetenv("COLUMNS");
	assert_int_equal(align_terminal_width(-1), 80);
}

static void
test_ics_escapes_and_folds(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_time t;
	char d[32];
	size_t i, col = 0;

	(void)state;
	align_ics_text(&b, "SUMMARY", "a; b, c\\d\nnext\ttab\x01");
	/* Control characters become spaces. */
	assert_string_equal(b.p,
	    "SUMMARY:a\\; b\\, c\\\\d\\nnext\ttab \r\n");
	align_buf_reset(&b);
	/* Lines fold at 75 octets, never inside a character. */
	align_ics_text(&b, "DESCRIPTION", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xf0\x9f\x98\x80\xf0\x9f\x98\x80");
	for (i = 0; i < b.len; i++) {
		if (b.p[i] == '\r') {
			assert_true(col <= 75);
			assert_int_equal(b.p[i + 1], '\n');
			col = 0;
			i++;
			continue;
		}
		if (col == 0 && i > 0)
			assert_true(b.p[i] == ' ' || b.p[i] == 'D');
		/* Not a continuation byte at the start of a line. */
		if (col == 1 && i > 1 && b.p[i - 1] == ' ')
			assert_false(((unsigned char)b.p[i] & 0xc0) == 0x80);
		col++;
	}
	align_buf_reset(&b);
	assert_int_equal(align_time_parse("2026-12-02", &t, NULL), 0);
	align_ics_time(&b, "DTSTART", &t);
	assert_string_equal(b.p, "DTSTART;VALUE=DATE:20261202\r\n");
	align_buf_release(&b);
	align_ics_duration(90, d);
	assert_string_equal(d, "PT1H30M");
	align_ics_duration(60 * 24 * 14, d);
	assert_string_equal(d, "P2W");
	align_ics_duration(60 * 24 * 3, d);
	assert_string_equal(d, "P3D");
	align_ics_duration(60 * 24 + 30, d);
	assert_string_equal(d, "P1DT0H30M");
	align_ics_duration(45, d);
	assert_string_equal(d, "PT45M");
}

static void
test_names_files(void **state)
{
	char path[32];
	char **v = NULL;
	size_t n = 0;
	struct align_err e = ALIGN_ERR_INIT;
	static const char ok[] = "# the team\nAna\n\n  Ben  \nCarla\n";
	static const char nul[] = "Ana\nB\0en\n";
	static const char bad[] = "Ana\nB\xffn\n";

	(void)state;
	tmpfile_with(path, ok, sizeof(ok) - 1);
	assert_int_equal(align_names_read(path, &v, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[1], "Ben");
	align_names_free(v, n);
	unlink(path);
	v = NULL;
	n = 0;
	tmpfile_with(path, nul, sizeof(nul) - 1);
	assert_int_equal(align_names_read(path, &v, &n, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 2);
	unlink(path);
	tmpfile_with(path, bad, sizeof(bad) - 1);
	assert_int_equal(align_names_read(path, &v, &n, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 2);
	align_names_free(v, n);		/* "Ana" of each, read before */
	unlink(path);
	assert_int_equal(align_names_read("/nonexistent/names", &v, &n, &e),
	    -1);
	assert_int_equal(e.status, EX_NOINPUT);
}

/* The check one character at a time, as it was before its ASCII path:
 * what align_text_fault() must say of any text. */
static int
fault_slowly(const char *s, size_t n, struct align_text_fault *f)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long col = 1;
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t c = p[i];
		utf8proc_ssize_t k = 1;

		if (c >= 0x80 && (k = utf8proc_iterate(p + i,
		    (utf8proc_ssize_t)(n - i), &c)) <= 0) {
			f->at = i, f->col = col, f->cp = 0, f->utf8 = 1;
			return 1;
		}
		if ((c < 0x20 && c != '\t' && c != '\n') ||
		    (c >= 0x7f && c < 0xa0)) {
			f->at = i, f->col = col, f->cp = (unsigned)c;
			f->utf8 = 0;
			return 1;
		}
		i += (size_t)k;
		col++;
	}
	return 0;
}

/* Eight bytes of plain ASCII at a time, or one character: the same
 * answer, place and column as one character at a time, for texts of
 * ASCII, accents, spaces, tabs, line feeds and every kind of fault, at
 * every offset from the eight-byte steps. */
static void
test_text_fault_ascii_path(void **state)
{
	static const char *piece[] = { "a", "Z", " ", "~", "0", "Ana Lima ",
	    "\t", "\n", "\x1f", "\x1b", "\x7f", "\x01", "\r",
	    "\xc3\xa9", "\xc3\x89", "e\xcc\x81", "\xc2\x85", "\xc2\x9f",
	    "\xc2\xa0", "\xe2\x80\xaf", "\xf0\x9f\x98\x80", "\xff", "\xc3",
	    "\x80", "\xe2\x80" };
	const size_t npiece = sizeof(piece) / sizeof(piece[0]);
	char text[256];
	uint32_t seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 40000; round++) {
		struct align_text_fault fast = { 0, 0, 0, 0 }, slow = fast;
		size_t n = 0, want = (size_t)(round % 60);
		int a, b;

		/* Mostly plain ASCII, so that the runs are long. */
		while (n < want) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = (seed >> 16) % 8 ? piece[(seed >> 8) % 6] :
			    piece[(seed >> 20) % npiece];
			if (n + strlen(p) >= sizeof(text))
				break;
			memcpy(text + n, p, strlen(p));
			n += strlen(p);
		}
		a = align_text_fault(text, n, &fast);
		b = fault_slowly(text, n, &slow);
		assert_int_equal(a, b);
		if (a) {
			assert_int_equal(fast.at, slow.at);
			assert_int_equal(fast.col, slow.col);
			assert_int_equal(fast.utf8, slow.utf8);
			if (!fast.utf8)
				assert_int_equal(fast.cp, slow.cp);
		}
	}
	/* A fault in the last byte of a run of eight, and just after one. */
	{
		struct align_text_fault f;

		assert_int_equal(align_text_fault("abcdefg\x1b", 8, &f), 1);
		assert_int_equal(f.at, 7);
		assert_int_equal(f.col, 8);
		assert_int_equal(align_text_fault("abcdefgh\x7f", 9, &f), 1);
		assert_int_equal(f.at, 8);
		assert_int_equal(f.col, 9);
		assert_int_equal(align_text_fault("abcdefghijklmno~", 16, &f),
		    0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_check),
		cmocka_unit_test(test_text_fault_ascii_path),
		cmocka_unit_test(test_wrap_keeps_words_and_indents),
		cmocka_unit_test(test_wrap_breaks_text_without_spaces),
		cmocka_unit_test(test_slugs),
		cmocka_unit_test(test_terminal_width_from_columns),
		cmocka_unit_test(test_ics_escapes_and_folds),
		cmocka_unit_test(test_names_files),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
