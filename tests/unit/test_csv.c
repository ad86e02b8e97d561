/* The CSV reader, survey forms, survey times and pseudonyms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "../../lib/buf.h"
#include "../../lib/csv.h"
#include "../../lib/response.h"
#include "../../lib/survey.h"
#include "helpers.h"

static struct align_csv *
open_bytes(const char *s, size_t n, char *path)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c;

	tmpfile_with(path, s, n);
	c = align_csv_open(path, &e);
	unlink(path);	/* still open */
	assert_non_null(c);
	return c;
}

static struct align_csv *
open_text(const char *s, char *path)
{
	return open_bytes(s, strlen(s), path);
}

static void
test_rfc4180(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c = open_text("\xef\xbb\xbf" "a,b,c\r\n"
	    "\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\n"
	    "plain,,last", path);

	(void)state;
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_int_equal(c->n, 3);
	assert_string_equal(c->field[0], "a");
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[0], "x, y");
	assert_string_equal(c->field[1], "say \"hi\"");
	assert_string_equal(c->field[2], "two\nlines");
	assert_int_equal(c->line[2], 2);
	assert_int_equal(c->col[2], 21);
	/* The blank line is skipped; the last row has no final newline. */
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_int_equal(c->n, 3);
	assert_string_equal(c->field[1], "");
	assert_string_equal(c->field[2], "last");
	assert_int_equal(c->row_line, 5);
	assert_int_equal(align_csv_next(c, &e), 0);
	align_csv_close(c);
}

static void
expect_csv_error_n(const char *text, size_t n, unsigned long line,
    unsigned long col, const char *msg)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c = open_bytes(text, n, path);
	int rc;

	while ((rc = align_csv_next(c, &e)) > 0)
		;
	align_csv_close(c);
	if (rc != -1 || e.status != EX_DATAERR || e.line != line ||
	    e.col != col || strstr(e.msg, msg) == NULL)
		fail_msg("got %d %lu:%lu %s; expected %lu:%lu %s", rc, e.line,
		    e.col, e.msg, line, col, msg);
}

#define expect_csv_error(s, l, c, m) \
	expect_csv_error_n((s), sizeof(s) - 1, (l), (c), (m))

static void
test_errors_have_positions(void **state)
{
	(void)state;
	expect_csv_error("a,b\nx,\"open\n", 2, 3, "quoted field not closed");
	expect_csv_error("a,b\n\"x\"y,z\n", 2, 4, "expected ','");
	expect_csv_error("a,b\nok,caf\xe9\n", 2, 7, "invalid UTF-8");
	expect_csv_error("a,b\nok,\"two\nl\xc3\"\n", 3, 2, "invalid UTF-8");
	expect_csv_error("a,b\nok,a\0b\n", 2, 5, "NUL byte");
	/* Inside quotes: the opening quote and a doubled one are columns
	 * of the file. */
	expect_csv_error("a,b\nok,\"caf\xe9\"\n", 2, 8, "invalid UTF-8");
	expect_csv_error("a,b\nok,\"\"\"x\xe9\"\n", 2, 8, "invalid UTF-8");
	expect_csv_error("a,b\nok,\"\xc3\xa9\"\"\n\"\"z\xe9\"\n", 3, 4,
	    "invalid UTF-8");
	/* UTF-8 at its edges: overlong forms, surrogates, beyond U+10FFFF,
	 * a sequence cut short. */
	expect_csv_error("a\nx\xe0\x80\x80\n", 2, 2, "invalid UTF-8");
	expect_csv_error("a\nx\xed\xa0\x80\n", 2, 2, "invalid UTF-8");
	expect_csv_error("a\nx\xf0\x80\x80\x80\n", 2, 2, "invalid UTF-8");
	expect_csv_error("a\nx\xf4\x90\x80\x80\n", 2, 2, "invalid UTF-8");
	expect_csv_error("a\nx\xf5\x80\x80\x80\n", 2, 2, "invalid UTF-8");
	expect_csv_error("a\nx\xe2\x82", 2, 2, "invalid UTF-8");
	expect_csv_error("a\nx\xc0\xaf\n", 2, 2, "invalid UTF-8");
}

/* Where a byte of a field was read: quotes, doubled quotes, line breaks
 * inside quotes, CRLF and characters of several bytes, as columns of the
 * file. */
static void
test_where(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c = open_text("h1,h2\r\n"
	    "x\xc3\xa9y,\"a\"\"b\r\nc\xc3\xa9" "d\"\r\n", path);
	unsigned long line, col;

	(void)state;
	assert_int_equal(align_csv_next(c, &e), 1);	/* the header */
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[1], "a\"b\nc\xc3\xa9" "d");
	align_csv_where(c, 0, 0, &line, &col);		/* x */
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	align_csv_where(c, 0, 3, &line, &col);		/* y, after é */
	assert_int_equal(col, 3);
	align_csv_where(c, 1, 0, &line, &col);		/* a, after the quote */
	assert_int_equal(line, 2);
	assert_int_equal(col, 6);
	align_csv_where(c, 1, 2, &line, &col);		/* b, after "" */
	assert_int_equal(col, 9);
	align_csv_where(c, 1, 4, &line, &col);		/* c, the next line */
	assert_int_equal(line, 3);
	assert_int_equal(col, 1);
	align_csv_where(c, 1, 7, &line, &col);		/* d, after é */
	assert_int_equal(line, 3);
	assert_int_equal(col, 3);
	align_csv_close(c);
}

/* The longest and the last characters of each length pass. */
static void
test_utf8_edges_pass(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c = open_text("a,b\n\xc2\x80\xdf\xbf,\xe0\xa0\x80"
	    "\xed\x9f\xbf\xef\xbf\xbd\n\xf0\x90\x80\x80,\xf4\x8f\xbf\xbf\n",
	    path);

	(void)state;
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[0], "\xc2\x80\xdf\xbf");
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[1], "\xf4\x8f\xbf\xbf");
	assert_int_equal(align_csv_next(c, &e), 0);
	align_csv_close(c);
	unlink(path);
}

static void
test_field_writer(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	align_csv_field(&b, "plain");
	align_buf_putc(&b, ',');
	align_csv_field(&b, "a, \"b\"\nc");
	assert_string_equal(b.p, "plain,\"a, \"\"b\"\"\nc\"");
	align_buf_release(&b);
}

static void
test_survey_times(void **state)
{
	static const struct { const char *in; int utc; const char *out; } t[] =
	{
		{ "2026/12/02 12:14:03 PM GMT-5", 0,
		    "2026-12-02T12:14:03-05:00" },
		{ "2026/12/02 12:14:03 AM GMT+5:30", 0,
		    "2026-12-02T00:14:03+05:30" },
		{ "12/2/2026 9:05:00", 0, "2026-12-02T09:05:00Z" },
		{ "12/02/2026 12:03:45 PM", 0, "2026-12-02T12:03:45Z" },
		{ "2026-12-02 17:12:30", 1, "2026-12-02T17:12:30Z" },
		{ "2026-12-02T12:00:00-05:00", 0, "2026-12-02T12:00:00-05:00" },
	};
	struct align_err e = ALIGN_ERR_INIT;
	char out[40];
	size_t i;

	(void)state;
	setenv("TZ", "UTC", 1);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (align_survey_time(t[i].in, t[i].utc, out, &e) < 0)
			fail_msg("'%s': %s", t[i].in, e.msg);
		assert_string_equal(out, t[i].out);
	}
	{
		static const struct { const char *in, *out; } more[] = {
			{ "12/2/26 1:05 pm", "2026-12-02T13:05:00Z" },
			{ "12/2/2026 12:00 AM", "2026-12-02T00:00:00Z" },
			{ "12/2/2026", "2026-12-02T00:00:00Z" },
			{ "2026/12/02 12:14:03 GMT", "2026-12-02T12:14:03Z" },
			{ "2026-12-02 17:12:30", "2026-12-02T17:12:30Z" },
		};

		for (i = 0; i < sizeof(more) / sizeof(more[0]); i++) {
			if (align_survey_time(more[i].in, 0, out, &e) < 0)
				fail_msg("'%s': %s", more[i].in, e.msg);
			assert_string_equal(out, more[i].out);
		}
	}
	assert_int_equal(align_survey_time("2026/12/02 12:00 GMT+15", 0, out,
	    &e), -1);
	assert_int_equal(align_survey_time("2026/12/02 12:00 GMTx", 0, out,
	    &e), -1);
	assert_int_equal(align_survey_time("12/2/2026 x", 0, out, &e), -1);
	assert_int_equal(align_survey_time("1/2", 0, out, &e), -1);
	assert_int_equal(align_survey_time("12/2/2026 0:30 AM", 0, out, &e),
	    -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(align_survey_time("13/45/2026", 0, out, &e), -1);
	assert_int_equal(align_survey_time("noon", 0, out, &e), -1);
	assert_int_equal(align_survey_time("12/2/2026 13:00 PM", 0, out, &e),
	    -1);
	/* Offsets out of range, parts out of range, lowercase am/pm. */
	assert_int_equal(align_survey_time("2026/12/02 12:00 GMT+5:60", 0,
	    out, &e), -1);
	assert_int_equal(align_survey_time("2026/12/02 12:00 GMT+x", 0, out,
	    &e), -1);
	assert_int_equal(align_survey_time("-1/2/2026", 0, out, &e), -1);
	assert_int_equal(align_survey_time("1/-2/2026", 0, out, &e), -1);
	assert_int_equal(align_survey_time("1/2/-2026", 0, out, &e), -1);
	assert_int_equal(align_survey_time("1/2/2026 -1:00", 0, out, &e), -1);
	assert_int_equal(align_survey_time("1/2/2026 1:-5", 0, out, &e), -1);
	assert_int_equal(align_survey_time("1/2/2026 1:05:-5", 0, out, &e),
	    -1);
	assert_int_equal(align_survey_time("1/200/2026", 0, out, &e), -1);
	assert_int_equal(align_survey_time("12/2/2026 1:30 pm", 0, out, &e), 0);
	assert_int_equal(strncmp(out, "2026-12-02T13:30:00", 19), 0);
	assert_int_equal(align_survey_time("12/2/2026 12:30 am", 1, out, &e),
	    0);
	assert_string_equal(out, "2026-12-02T00:30:00Z");
}

static void
test_forms_are_recognised(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_survey_opts o = { 0 };
	struct align_survey s;
	struct align_node *r;
	struct align_csv *c = open_text("Timestamp,Name,Q1,Q2,Email Address\n"
	    "2026-12-02 12:00:00,Ana,one,,a@x\n", path);

	(void)state;
	o.now = "2026-12-02T13:00:00Z";
	assert_int_equal(align_survey_begin(&s, c, &o, &e), 0);
	assert_string_equal(s.form, "google");
	assert_int_equal(s.ntext, 2);
	assert_int_equal(s.name, 1);
	assert_int_equal(align_survey_next(&s, c, &r, &e), 1);
	assert_string_equal(align_map_str(r, "question"), "Q1");
	assert_string_equal(align_map_str(r, "participant"), "Ana");
	align_node_free(r);
	/* The empty answer to Q2 adds nothing. */
	assert_int_equal(align_survey_next(&s, c, &r, &e), 0);
	align_survey_release(&s);
	align_csv_close(c);

	c = open_text("a,b,c\n1,2,3\n", path);
	assert_int_equal(align_survey_begin(&s, c, &o, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_non_null(strstr(e.msg, "--column"));
	align_survey_release(&s);
	align_csv_close(c);
}

static void
test_pseudonyms(void **state)
{
	unsigned char k1[16] = "0123456789abcdef", k2[16] = "fedcba9876543210";
	char a[ALIGN_PSEUDONYM_MAX], b[ALIGN_PSEUDONYM_MAX];
	char c[ALIGN_PSEUDONYM_MAX];

	(void)state;
	align_pseudonym(k1, "Ana", a);
	align_pseudonym(k1, "  ANA ", b);
	align_pseudonym(k2, "Ana", c);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strlen(a), 12);
	assert_memory_equal(a, "p-", 2);
	align_pseudonym(k1, "José", a);
	align_pseudonym(k1, "JOSÉ", b);
	assert_string_equal(a, b);
}

static void
test_key_file_is_private(void **state)
{
	char dir[] = "/tmp/align-key-XXXXXX", path[300];
	unsigned char k1[16], k2[16];
	struct align_err e = ALIGN_ERR_INIT;
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	unsetenv("ALIGN_KEY");
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(align_key_load(k1, &e), 0);
	assert_int_equal(align_key_load(k2, &e), 0);
	assert_memory_equal(k1, k2, 16);
	snprintf(path, sizeof(path), "%s/align/key", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	setenv("ALIGN_KEY", "not hex", 1);
	assert_int_equal(align_key_load(k1, &e), -1);
	unsetenv("ALIGN_KEY");
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

/* Columns named on the command line: each must be there. */
static void
test_columns_by_name(void **state)
{
	static const char *const text[] = { "Q2", "Q1" };
	static const char *const nope[] = { "Q9" };
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_survey_opts o = { 0 };
	struct align_survey s;
	struct align_node *r;
	struct align_csv *c;
	const char *csv = "When,Who,Q1,Q2\n"
	    "12/2/2026 9:00:00,Ana,  one  ,two\n,Ben,three,\n";

	(void)state;
	setenv("TZ", "UTC", 1);
	o.now = "2026-12-02T13:00:00Z";
	o.text_column[0] = text[0];
	o.text_column[1] = text[1];
	o.ntext = 2;
	o.name_column = "Who";
	o.time_column = "When";
	o.session_question = "Q2";
	c = open_text(csv, path);
	assert_int_equal(align_survey_begin(&s, c, &o, &e), 0);
	/* Q2 is the session's own question: no "question" key. */
	assert_int_equal(align_survey_next(&s, c, &r, &e), 1);
	assert_string_equal(align_map_str(r, "text"), "two");
	assert_null(align_map_get(r, "question"));
	assert_string_equal(align_map_str(r, "at"), "2026-12-02T09:00:00Z");
	align_node_free(r);
	assert_int_equal(align_survey_next(&s, c, &r, &e), 1);
	assert_string_equal(align_map_str(r, "text"), "one");
	assert_string_equal(align_map_str(r, "question"), "Q1");
	align_node_free(r);
	/* No time: the time of the capture. */
	assert_int_equal(align_survey_next(&s, c, &r, &e), 1);
	assert_string_equal(align_map_str(r, "participant"), "Ben");
	assert_string_equal(align_map_str(r, "at"), "2026-12-02T13:00:00Z");
	align_node_free(r);
	assert_int_equal(align_survey_next(&s, c, &r, &e), 0);
	align_survey_release(&s);
	align_csv_close(c);
	/* A column that is not there, of each kind. */
	o.text_column[0] = nope[0];
	o.ntext = 1;
	c = open_text(csv, path);
	assert_int_equal(align_survey_begin(&s, c, &o, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	if (strstr(e.msg, "no column 'Q9'") == NULL || strstr(e.msg, "Who") == NULL)
		fail_msg("%s", e.msg);
	align_survey_release(&s);
	align_csv_close(c);
	o.ntext = 0;
	o.name_column = "Name";
	c = open_text(csv, path);
	assert_int_equal(align_survey_begin(&s, c, &o, &e), -1);
	assert_non_null(strstr(e.msg, "no column 'Name'"));
	align_survey_release(&s);
	align_csv_close(c);
	o.name_column = NULL;
	o.time_column = "Date";
	c = open_text(csv, path);
	assert_int_equal(align_survey_begin(&s, c, &o, &e), -1);
	assert_non_null(strstr(e.msg, "no column 'Date'"));
	align_survey_release(&s);
	align_csv_close(c);
	/* An empty file has no header. */
	c = open_text("", path);
	o.time_column = NULL;
	assert_int_equal(align_survey_begin(&s, c, &o, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	align_survey_release(&s);
	align_csv_close(c);
	/* A bad time in a row names it. */
	o.time_column = "When";
	o.text_column[0] = text[1];
	o.ntext = 1;
	c = open_text("When,Q1\nsoon,one\n", path);
	assert_int_equal(align_survey_begin(&s, c, &o, &e), 0);
	assert_int_equal(align_survey_next(&s, c, &r, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 2);
	align_survey_release(&s);
	align_csv_close(c);
}

/* Line ends of both kinds, and a file that is not there. */
static void
test_line_ends(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c = open_text("a,b\r\nc,d\n\"e\r\nf\",g", path);

	(void)state;
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[0], "c");
	assert_int_equal(align_csv_next(c, &e), 1);
	if (strcmp(c->field[0], "e\nf") != 0)
		fail_msg("[%s] %zu", c->field[0], c->n);
	assert_int_equal(align_csv_next(c, &e), 0);
	align_csv_close(c);
	assert_null(align_csv_open("/nonexistent/x.csv", &e));
	assert_int_equal(e.status, EX_NOINPUT);
	align_csv_close(NULL);
}

/* The delimiter: found from the header and the rows after it, outside
 * quotes, or given; commas in the text of a semicolon or tab file stay
 * text. */
static void
test_delimiters_are_found(void **state)
{
	static const struct { const char *text; int delim; size_t n; } t[] = {
		{ "a,b\nx,y\n", ',', 2 },
		{ "Nom;Commentaire\nAna;Elle est rest\xc3\xa9" "e, et puis\n", ';',
		    2 },
		{ "Name\tComment\nAna\tShe stayed, late; and fixed it.\n", '\t',
		    2 },
		/* A header that holds both: the rows tell. */
		{ "Name,What went well; what not?\nAna,It worked\n", ',', 2 },
		{ "Name;Comment, short\nAna;one\nBen;two\n", ';', 2 },
		/* Inside quotes, no delimiter counts. */
		{ "\"a,b,c\";d\n\"x,y\";z\n", ';', 2 },
		{ "one column\nAna\n", ',', 1 },
		{ "only\nx\n", ',', 1 },
		/* No row tells (the file is ragged): the most on the
		 * header. */
		{ "a;b;c\nx;y\n", ';', 3 },
	};
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct align_csv *c = open_text(t[i].text, path);

		assert_int_equal(align_csv_next(c, &e), 1);
		if (c->delimiter != t[i].delim || c->n != t[i].n ||
		    !c->found)
			fail_msg("'%s': delimiter '%c', %zu fields", t[i].text,
			    c->delimiter, c->n);
		align_csv_close(c);
	}
	/* Given, it is not looked for. */
	{
		struct align_csv *c = open_text("a;b,c\nx;y,z\n", path);

		align_csv_set(c, ',', ALIGN_CSV_UTF8);
		assert_int_equal(align_csv_next(c, &e), 1);
		assert_int_equal(c->n, 2);
		assert_string_equal(c->field[0], "a;b");
		assert_false(c->found);
		align_csv_close(c);
	}
	assert_int_equal(align_csv_delimiter("tab"), '\t');
	assert_int_equal(align_csv_delimiter("TAB"), '\t');
	assert_int_equal(align_csv_delimiter("\t"), '\t');
	assert_int_equal(align_csv_delimiter(";"), ';');
	assert_int_equal(align_csv_delimiter("semicolon"), ';');
	assert_int_equal(align_csv_delimiter(","), ',');
	assert_int_equal(align_csv_delimiter("|"), '|');
	assert_int_equal(align_csv_delimiter("\""), -1);
	assert_int_equal(align_csv_delimiter("a"), -1);
	assert_int_equal(align_csv_delimiter(";;"), -1);
	assert_int_equal(align_csv_delimiter(""), -1);
}

/* A row of another width than the header is an error at its place, never
 * a silent cut. */
static void
test_ragged_rows_are_errors(void **state)
{
	(void)state;
	expect_csv_error("Name,Comment\nAna,She stayed late, and we fixed "
	    "it together.\n", 2, 20, "3 fields where the header has 2");
	expect_csv_error("Name,Comment\nAna,ok\nBen,a,b\n", 3, 6,
	    "quote a field that holds ','");
	expect_csv_error("a;b\nx;y;z\n", 2, 4, "holds ';'");
	expect_csv_error("a\tb\nx\ty\tz\n", 2, 4, "holds a tab");
	expect_csv_error("Name,Comment\nAna,fine\nBen\n", 3, 4,
	    "1 field where the header has 2");
	expect_csv_error("a,b,c\nx,y", 2, 4, "2 fields where the header "
	    "has 3");
	expect_csv_error("a,b\n\"multi\nline\",x,y\n", 3, 8, "3 fields");
}

/* UTF-8 with or without a byte-order mark; Windows-1252 (Latin-1) when
 * told, converted; anything else refused, saying where and how to convert
 * it. */
static void
test_encodings(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c;
	enum align_csv_encoding enc;

	(void)state;
	expect_csv_error("a,b\nAna,caf\xe9 cr\xe8me\n", 2, 8,
	    "invalid UTF-8 (byte 0xE9): the file is not UTF-8; if it is "
	    "Windows-1252 or Latin-1, read it with --encoding windows-1252, "
	    "or convert it: iconv -f WINDOWS-1252 -t UTF-8 /tmp/");
	expect_csv_error("\xff\xfe" "a\0,\0b\0", 1, 1, "the file is UTF-16");
	expect_csv_error("\xfe\xff\0a", 1, 1, "iconv -f UTF-16 -t UTF-8");
	c = open_text("Nom;Texte\n\"Ana\";caf\xe9 \x80 \x93oui\x94 \x96 "
	    "\xff\n", path);
	align_csv_set(c, 0, ALIGN_CSV_WINDOWS_1252);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[0], "Ana");
	assert_string_equal(c->field[1], "caf\xc3\xa9 \xe2\x82\xac "
	    "\xe2\x80\x9coui\xe2\x80\x9d \xe2\x80\x93 \xc3\xbf");
	align_csv_close(c);
	/* A byte Windows-1252 leaves undefined, at its column. */
	c = open_text("a,b\nxy,\xe9\x81\n", path);
	align_csv_set(c, 0, ALIGN_CSV_WINDOWS_1252);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_int_equal(align_csv_next(c, &e), -1);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 5);
	assert_non_null(strstr(e.msg, "byte 0x81 is no character"));
	align_csv_close(c);
	/* Told Windows-1252 of a file that says it is UTF-8: refused. */
	c = open_text("\xef\xbb\xbf" "a\nb\n", path);
	align_csv_set(c, 0, ALIGN_CSV_WINDOWS_1252);
	assert_int_equal(align_csv_next(c, &e), -1);
	assert_non_null(strstr(e.msg, "it is UTF-8"));
	align_csv_close(c);
	assert_int_equal(align_csv_encoding("Windows-1252", &enc), 0);
	assert_int_equal(enc, ALIGN_CSV_WINDOWS_1252);
	assert_int_equal(align_csv_encoding("latin1", &enc), 0);
	assert_int_equal(enc, ALIGN_CSV_WINDOWS_1252);
	assert_int_equal(align_csv_encoding("UTF-8", &enc), 0);
	assert_int_equal(enc, ALIGN_CSV_UTF8);
	assert_int_equal(align_csv_encoding("koi8-r", &enc), -1);
}

/* Rows read after a mark are read again after a rewind, the same, at
 * the same places; then the rest. */
static void
test_rows_read_twice(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c = open_text("h1,h2\na,\"b\nc\"\nd,e\nf,g\n", path);

	(void)state;
	assert_int_equal(align_csv_next(c, &e), 1);
	align_csv_mark(c);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[0], "d");
	assert_int_equal(c->bytes, 12);
	assert_int_equal(align_csv_rewind(c, &e), 0);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[1], "b\nc");
	assert_int_equal(c->line[1], 2);
	assert_int_equal(c->col[1], 3);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[1], "e");
	assert_int_equal(c->row_line, 4);
	assert_int_equal(align_csv_next(c, &e), 1);
	assert_string_equal(c->field[0], "f");
	assert_int_equal(c->row_line, 5);
	assert_int_equal(align_csv_next(c, &e), 0);
	align_csv_close(c);
}

/* Every response of a survey, its columns chosen; the note said. */
struct noted {
	char file[64], msg[512];
	int calls;
};

static void
take_note(void *arg, const char *file, const char *msg)
{
	struct noted *n = arg;

	snprintf(n->file, sizeof(n->file), "%s", file);
	snprintf(n->msg, sizeof(n->msg), "%s", msg);
	n->calls++;
}

static size_t
survey_count(const char *text, size_t len, struct align_survey_opts *o,
    struct align_survey *s, const char *question, struct align_err *e)
{
	char path[32];
	struct align_csv *c = open_bytes(text, len, path);
	struct align_node *r;
	size_t n = 0;
	int rc;

	if ((rc = align_survey_begin(s, c, o, e)) == 0)
		while ((rc = align_survey_next(s, c, &r, e)) > 0) {
			const char *q = align_map_str(r, "question");

			if (question && (q ? strcmp(q, question) != 0 :
			    strcmp(question, "") != 0))
				fail_msg("a response to '%s'", q ? q : "");
			n++;
			align_node_free(r);
		}
	align_csv_close(c);
	return rc < 0 ? (size_t)-1 : n;
}

/* A meeting's "Department" is a choice, not an answer; its stories are
 * responses.  Said in a note. */
static void
test_choices_are_left_out(void **state)
{
	static const char meeting[] = "Timestamp,Name,Department,"
	    "What did they do?\n"
	    "2026-12-02 12:00:00,Ana,Ops,She stayed late with me.\n"
	    "2026-12-02 12:00:01,Ben,Ops,He listened to us.\n"
	    "2026-12-02 12:00:02,Carla,Sales,Nos explicaba todo.\n"
	    "2026-12-02 12:00:03,Dev,Engineering,He taught me budgets.\n"
	    "2026-12-02 12:00:04,Elif,Engineering,Sie hat mich gef\xc3\xb6rdert.\n"
	    "2026-12-02 12:00:05,Femi,HR,She trusted me.\n"
	    "2026-12-02 12:00:06,Greta,Legal,Sie war da.\n";
	struct align_err e = ALIGN_ERR_INIT;
	struct align_survey_opts o = { 0 };
	struct align_survey s;
	struct noted n = { "", "", 0 };

	(void)state;
	setenv("TZ", "UTC", 1);
	o.now = "2026-12-02T13:00:00Z";
	o.note = take_note;
	o.note_arg = &n;
	assert_int_equal(survey_count(meeting, sizeof(meeting) - 1, &o, &s,
	    "What did they do?", &e), 7);
	assert_int_equal(s.ntext, 1);
	assert_int_equal(n.calls, 1);
	assert_non_null(strstr(n.file, "/tmp/align-test-"));
	assert_string_equal(n.msg, "responses from column \"What did they "
	    "do?\"; left out: \"Department\" (5 choices)");
	assert_string_equal(s.note, n.msg);
	align_survey_release(&s);
	/* Named, a column is taken as it is, and nothing is said. */
	o.text_column[0] = "Department";
	o.ntext = 1;
	n.calls = 0;
	assert_int_equal(survey_count(meeting, sizeof(meeting) - 1, &o, &s,
	    "Department", &e), 7);
	assert_int_equal(n.calls, 0);
	assert_null(s.note);
	align_survey_release(&s);
}

/* A survey of 6,000 rows (more than are looked at): a dropdown, a rating
 * and a yes-or-no are choices; free text with many "N/A" is free text;
 * every row is read, those looked at first too. */
static void
test_large_survey_columns(void **state)
{
	static const char *const dept[] = { "Ops", "Sales", "Engineering",
	    "HR", "Legal" };
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_survey_opts o = { 0 };
	struct align_survey s;
	size_t i;

	(void)state;
	o.now = "2026-12-02T13:00:00Z";
	align_buf_puts(&b, "Timestamp,Department,Rating,Again?,"
	    "What did they do?,Anything else?\n");
	for (i = 0; i < 6000; i++)
		align_buf_printf(&b, "2026-12-02 12:00:00,%s,%zu,%s,"
		    "Story %zu of a manager who listened,%s\n", dept[i % 5],
		    i % 5 + 1, i % 3 ? "Yes" : "No", i, i % 5 < 3 ? "N/A" :
		    "a note");
	/* "Anything else?": mostly N/A, the rest one note: a choice.  Made
	 * free text below, every other answer its own. */
	assert_int_equal(survey_count(b.p, b.len, &o, &s, NULL, &e), 6000);
	assert_string_equal(s.note, "responses from column \"What did they "
	    "do?\"; left out: \"Department\" (5 choices), \"Rating\" "
	    "(numbers), \"Again?\" (2 choices), \"Anything else?\" "
	    "(2 choices)");
	align_survey_release(&s);
	align_buf_reset(&b);
	align_buf_puts(&b, "Timestamp,Department,Anything else?\n");
	for (i = 0; i < 1000; i++)
		if (i % 5 < 3)
			align_buf_printf(&b, "2026-12-02 12:00:00,%s,N/A\n",
			    dept[i % 5]);
		else
			align_buf_printf(&b, "2026-12-02 12:00:00,%s,Note %zu"
			    "\n", dept[i % 5], i);
	assert_int_equal(survey_count(b.p, b.len, &o, &s, NULL, &e), 1000);
	assert_string_equal(s.note, "responses from column \"Anything "
	    "else?\"; left out: \"Department\" (5 choices)");
	align_survey_release(&s);
	align_buf_release(&b);
}

/* A plain CSV: the one column of free text, or a question asked back;
 * a semicolon export in Windows-1252, converted. */
static void
test_plain_csv_columns(void **state)
{
	static const char three[] = "Name,Team,Comment about them,Score\n"
	    "Ana,Ops,She stayed late.,4\nBen,Ops,He listened.,5\n"
	    "Carla,Ops,She explained.,4\n";
	static const char two[] = "Name,Team,Q1,Q2\nAna,Ops,a b c,d e f\n"
	    "Ben,Ops,g h i,j k l\nCarla,Ops,m n o,p q r\n";
	static const char none[] = "Name,Team\nAna,Ops\nBen,Ops\n";
	static const char latin[] = "Nom;\xc9quipe;Ce qu'ils ont fait\n"
	    "Ana;Ops;Elle est rest\xe9" "e tard.\nBen;Ops;Il a \xe9" "cout\xe9.\n"
	    "Carla;Ops;\x93Merci\x94, dit-elle.\n";
	struct align_err e = ALIGN_ERR_INIT;
	struct align_survey_opts o = { 0 };
	struct align_survey s;

	(void)state;
	o.now = "2026-12-02T13:00:00Z";
	assert_int_equal(survey_count(three, sizeof(three) - 1, &o, &s, "",
	    &e), 3);
	assert_int_equal(s.text[0], 2);
	align_survey_release(&s);
	assert_int_equal(survey_count(two, sizeof(two) - 1, &o, &s, NULL, &e),
	    (size_t)-1);
	assert_int_equal(e.status, EX_USAGE);
	if (strstr(e.msg, "left out as choices: 'Team'") == NULL ||
	    strstr(e.msg, "--column") == NULL)
		fail_msg("%s", e.msg);
	align_survey_release(&s);
	assert_int_equal(survey_count(none, sizeof(none) - 1, &o, &s, NULL,
	    &e), (size_t)-1);
	assert_int_equal(e.status, EX_USAGE);
	align_survey_release(&s);
	o.encoding = ALIGN_CSV_WINDOWS_1252;
	assert_int_equal(survey_count(latin, sizeof(latin) - 1, &o, &s, "",
	    &e), 3);
	assert_string_equal(s.note, "fields separated by ';'; responses "
	    "from column \"Ce qu'ils ont fait\"; left out: "
	    "\"\xc3\x89quipe\" (1 choice)");
	align_survey_release(&s);
	/* SurveyMonkey: a closed question's "Response" column is a choice
	 * by its answers; "Open-Ended Response" is free text. */
	{
		static const char sm[] = "Respondent ID,Collector ID,"
		    "Would you recommend them?,What did they do?\n"
		    ",,Response,Open-Ended Response\n"
		    "1,9,Yes,Ok\n2,9,Yes,Ok\n3,9,No,Fine\n";

		o.encoding = ALIGN_CSV_UTF8;
		assert_int_equal(survey_count(sm, sizeof(sm) - 1, &o, &s,
		    "What did they do?", &e), 3);
		assert_string_equal(s.note, "responses from column \"What "
		    "did they do?\"; left out: \"Would you recommend them?\" "
		    "(2 choices)");
		align_survey_release(&s);
		o.encoding = ALIGN_CSV_WINDOWS_1252;
	}
	/* Told the delimiter, nothing is said of it. */
	o.delimiter = ';';
	assert_int_equal(survey_count(latin, sizeof(latin) - 1, &o, &s, "",
	    &e), 3);
	assert_memory_equal(s.note, "responses from", 14);
	align_survey_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4180),
		cmocka_unit_test(test_errors_have_positions),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_utf8_edges_pass),
		cmocka_unit_test(test_field_writer),
		cmocka_unit_test(test_survey_times),
		cmocka_unit_test(test_columns_by_name),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_delimiters_are_found),
		cmocka_unit_test(test_ragged_rows_are_errors),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_rows_read_twice),
		cmocka_unit_test(test_choices_are_left_out),
		cmocka_unit_test(test_large_survey_columns),
		cmocka_unit_test(test_plain_csv_columns),
		cmocka_unit_test(test_forms_are_recognised),
		cmocka_unit_test(test_pseudonyms),
		cmocka_unit_test(test_key_file_is_private),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
