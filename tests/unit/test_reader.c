/* The stream reader: records, plain text, and every kind of bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sysexits.h>

#include "../../lib/buf.h"
#include "../../lib/reader.h"
#include "../../lib/writer.h"
#include "helpers.h"

/* Read all of text; on failure return NULL with e filled. */
static struct align_node *
read_text(const char *text, size_t n, const struct align_read_opts *o,
    struct align_err *e)
{
	char path[32];
	char *paths[1];
	struct align_node *all;

	tmpfile_with(path, text, n);
	paths[0] = path;
	all = align_read_all(paths, 1, o, e);
	unlink(path);
	return all;
}

#define READ(s) read_text((s), strlen(s), NULL, &e)

static void
expect_error(const char *text, size_t n, unsigned long line,
    unsigned long col, const char *msg)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all = read_text(text, n, NULL, &e);

	if (all)
		fail_msg("read '%s' without an error", text);
	if (e.status != EX_DATAERR || e.line != line || e.col != col ||
	    strstr(e.msg, msg) == NULL)
		fail_msg("got %d %lu:%lu: %s; expected 65 %lu:%lu: %s",
		    e.status, e.line, e.col, e.msg, line, col, msg);
	assert_non_null(strstr(e.file, "/tmp/align-test-"));
}
#define ERR(s, l, c, m) expect_error((s), sizeof(s) - 1, (l), (c), (m))

static void
test_records_in_order(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all = READ("---\nkind: session\nid: s\n"
	    "---\nkind: response\nid: r-1\ntext: hi\n---\n"
	    "kind: someday\nid: x\nnew: [1, 2]\n");

	(void)state;
	assert_non_null(all);
	assert_int_equal(all->n, 3);
	assert_string_equal(align_record_kind(all->item[0]), "session");
	assert_string_equal(align_record_kind(all->item[2]), "someday");
	assert_int_equal(align_map_get(all->item[2], "new")->n, 2);
	align_node_free(all);
}

static void
test_first_of_two_ids_is_kept(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all = READ("---\nkind: response\nid: r-1\n"
	    "text: first\n---\nkind: response\nid: r-2\ntext: other\n"
	    "---\nkind: response\nid: r-1\ntext: second\n---\n");

	(void)state;
	assert_int_equal(all->n, 2);
	assert_string_equal(align_map_str(all->item[0], "text"), "first");
	align_node_free(all);
}

static void
test_malformed(void **state)
{
	(void)state;
	ERR("---\nkind: session\ntitle: [open\n", 4, 1, "flow sequence");
	ERR("---\nkind: a\n  b: c\n", 3, 4, "mapping values are not allowed");
	ERR("---\n- a\n- b\n", 2, 1, "expected a mapping");
	ERR("---\ntitle: x\n", 2, 1, "record has no 'kind'");
	ERR("---\nkind: [a]\n", 2, 7, "'kind' must be a word");
	ERR("---\nkind: a\nid: [x]\n", 3, 5, "'id' must be text");
	ERR("---\nkind: a\nk: 1\nk: 2\n", 4, 1, "duplicate key 'k'");
	ERR("---\nkind: a\n[x]: 1\n", 3, 1, "a key must be a word");
}

/* A mapping of 100,000 keys is read in linear time, and a key repeated
 * at its end, or at its start as another mapping begins, is found. */
static void
test_large_mapping_keys(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_node *all;
	size_t i, n = 100000;

	(void)state;
	align_buf_puts(&b, "---\nkind: a\nmap:\n");
	for (i = 0; i < n; i++)
		align_buf_printf(&b, "  k%zu: %zu\n", i, i);
	align_buf_puts(&b, "other:\n");
	for (i = 0; i < 40; i++)
		align_buf_printf(&b, "  k%zu: x\n", i);
	all = read_text(b.p, b.len, NULL, &e);
	assert_non_null(all);
	assert_int_equal(align_map_get(all->item[0], "map")->n, n);
	assert_string_equal(align_map_get(all->item[0], "map")->key[n - 1],
	    "k99999");
	align_node_free(all);
	/* The same key again, after the 100,000th: line 3 + n + 1. */
	align_buf_reset(&b);
	align_buf_puts(&b, "---\nkind: a\nmap:\n");
	for (i = 0; i < n; i++)
		align_buf_printf(&b, "  k%zu: %zu\n", i, i);
	align_buf_puts(&b, "  k4242: again\n");
	all = read_text(b.p, b.len, NULL, &e);
	assert_null(all);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 3 + n + 1);
	assert_non_null(strstr(e.msg, "duplicate key 'k4242'"));
	align_buf_release(&b);
}

static void
test_unsafe_yaml_refused(void **state)
{
	(void)state;
	ERR("---\nkind: a\nx: &a 1\n", 3, 4, "anchors are not allowed");
	ERR("---\nkind: a\nx: *a\n", 3, 4, "aliases are not allowed");
	ERR("---\nkind: a\nx: !!python/object 1\n", 3, 4,
	    "tag 'tag:yaml.org,2002:python/object' is not allowed");
	ERR("---\nkind: a\nx: \"a\\0b\"\n", 3, 4, "NUL character");
	/* A tag must fit its text: written plain, it must read back so. */
	ERR("---\nkind: a\nx: !!int \"a: b\"\n", 3, 4, "which is not one");
	ERR("---\nkind: a\nx: !!float 1\n", 3, 4, "which is not one");
	ERR("---\nkind: a\nx: !!bool y\n", 3, 4, "which is not one");
	ERR("---\nkind: a\n!!null x: 1\n", 3, 1, "which is not one");
	ERR("---\nkind: a\nx: !!str [a]\n", 3, 4, "not allowed on a list");
	ERR("---\nkind: a\nx: !!seq {}\n", 3, 4, "not allowed on a mapping");
	ERR("---\nkind: a\nx: !!map y\n", 3, 4, "which is not one");
	/* The same text as a key twice, once a number: refused, said. */
	ERR("---\nkind: a\n\"1\": a\n1: b\n", 4, 1, "once as text");
}

static void
test_depth_is_bounded(void **state)
{
	char deep[ALIGN_DEPTH_MAX * 2 + 64];
	int i, n = snprintf(deep, sizeof(deep), "---\nkind: a\nx: ");

	(void)state;
	for (i = 0; i < ALIGN_DEPTH_MAX; i++)
		deep[n++] = '[';
	deep[n] = '\0';
	expect_error(deep, (size_t)n, 3, 4 + ALIGN_DEPTH_MAX - 1,
	    "nested deeper than 32 levels");
}

static void
test_bad_bytes_have_positions(void **state)
{
	(void)state;
	ERR("---\nkind: a\nx: caf\xe9\n", 3, 7, "invalid UTF-8");
	ERR("---\nkind: a\nx: \xc0\xaf\n", 3, 4, "invalid UTF-8");	/* overlong */
	ERR("---\nkind: a\nx: \xed\xa0\x80\n", 3, 4, "invalid UTF-8");	/* surrogate */
	ERR("---\nkind: a\nx: ab\xe2\x82", 3, 6, "truncated UTF-8");
	ERR("---\nkind: a\nxy: a\0b\n", 3, 6, "NUL byte");
	ERR("Ana: caf\xe9\n", 1, 9, "invalid UTF-8");
}

static void
test_records_and_lines_are_bounded(void **state)
{
	size_t n = ALIGN_RECORD_MAX + 100, i;
	char *big = malloc(n + 1);
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	memcpy(big, "---\nkind: a\nx: |\n", 17);
	for (i = 17; i < n; i++)
		big[i] = (i - 17) % 70 == 69 ? '\n' :
		    (i - 17) % 70 < 2 ? ' ' : 'a';
	assert_null(read_text(big, n, NULL, &e));
	if (strstr(e.msg, "record longer than 64 MiB") == NULL)
		fail_msg("%lu:%lu: %s", e.line, e.col, e.msg);
	for (i = 0; i < ALIGN_LINE_MAX + 100; i++)
		big[i] = 'a';
	assert_null(read_text(big, ALIGN_LINE_MAX + 100, NULL, &e));
	assert_non_null(strstr(e.msg, "line longer than 1 MiB"));
	assert_int_equal(e.line, 1);
	free(big);
}

static void
test_plain_text_is_responses(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_read_opts o = { 0 };
	struct align_node *all;
	const char *text = "\xef\xbb\xbf" "Ana: She stayed late.\r\n\n"
	    "  Ben O'Neil:   he listened  \nNo name here, just words\n"
	    "Note the time: 5pm is late\nAna: She stayed late.\n"
	    "http://example.org: a link\n";

	(void)state;
	o.at = "2026-12-02T12:00:00Z";
	all = read_text(text, strlen(text), &o, &e);
	assert_non_null(all);
	assert_int_equal(all->n, 6);
	assert_string_equal(align_map_str(all->item[0], "participant"), "Ana");
	assert_string_equal(align_map_str(all->item[0], "text"),
	    "She stayed late.");
	assert_string_equal(align_map_str(all->item[0], "at"),
	    "2026-12-02T12:00:00Z");
	assert_string_equal(align_map_str(all->item[1], "participant"),
	    "Ben O'Neil");
	assert_string_equal(align_map_str(all->item[1], "text"),
	    "he listened");
	assert_null(align_map_get(all->item[2], "participant"));
	assert_string_equal(align_map_str(all->item[3], "participant"),
	    "Note the time");
	/* The same words twice are two responses, with two ids. */
	assert_string_not_equal(align_record_id(all->item[0]),
	    align_record_id(all->item[4]));
	assert_null(align_map_get(all->item[5], "participant"));
	align_node_free(all);
}

static void
test_plain_ids_are_stable(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *a = READ("Ana: one\nAna: one\nBen: two\n");
	struct align_node *b = READ("Ben: two\nAna: one\nAna: one\n");
	size_t i;

	(void)state;
	/* Order does not change an id: each is its content and its
	 * occurrence. */
	assert_string_equal(align_record_id(a->item[2]),
	    align_record_id(b->item[0]));
	for (i = 0; i < 2; i++)
		assert_string_equal(align_record_id(a->item[i]),
		    align_record_id(b->item[i + 1]));
	align_node_free(a);
	align_node_free(b);
}

static void
test_plain_text_options(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_read_opts o = { 0 };
	struct align_node *all;
	const char *text = "Ana: first line\nsecond line\n\n\nthird: para\n";

	(void)state;
	o.paragraphs = 1;
	all = read_text(text, strlen(text), &o, &e);
	assert_int_equal(all->n, 2);
	assert_string_equal(align_map_str(all->item[0], "text"),
	    "first line\nsecond line");
	align_node_free(all);
	o.paragraphs = 0;
	o.participant = "Eric";
	all = read_text(text, strlen(text), &o, &e);
	assert_int_equal(all->n, 3);
	assert_string_equal(align_map_str(all->item[0], "participant"),
	    "Eric");
	assert_string_equal(align_map_str(all->item[0], "text"),
	    "Ana: first line");
	align_node_free(all);
	ERR("Ana: fine\nBen:\n", 2, 1, "empty response");
	o.participant = NULL;
	o.yaml_only = 1;
	assert_null(read_text("hello\n", 6, &o, &e));
	assert_non_null(strstr(e.msg, "not plain text"));
}

static void
test_missing_file_is_no_input(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	char *paths[] = { "/nonexistent/align.yaml" };

	(void)state;
	assert_null(align_read_all(paths, 1, NULL, &e));
	assert_int_equal(e.status, EX_NOINPUT);
	assert_string_equal(e.file, "/nonexistent/align.yaml");
}

static void
test_empty_documents_and_comments(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all = READ("# a session\n\n---\n---\nkind: a\n"
	    "---\n# nothing\n");

	(void)state;
	assert_int_equal(all->n, 1);
	align_node_free(all);
	all = READ("");
	assert_int_equal(all->n, 0);
	align_node_free(all);
}

/* What makes a file YAML, and the edges of a stream. */
/* The records of text, which must read. */
static struct align_node *
must(const char *text)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all = read_text(text, strlen(text), NULL, &e);

	if (all == NULL)
		fail_msg("%lu:%lu: %s", e.line, e.col, e.msg);
	return all;
}

static void
test_detection_and_edges(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	char *dir[] = { "/tmp" };

	(void)state;
	/* Blank lines, comments and spaces before the start. */
	all = must("\n  \r\n# notes\n   # more\n---\nkind: a\n");
	assert_int_equal(all->n, 1);
	align_node_free(all);
	all = must("%YAML 1.1\n---\nkind: a\n");
	assert_int_equal(all->n, 1);
	align_node_free(all);
	all = must("kind: a\nid: x\n");
	assert_int_equal(all->n, 1);
	align_node_free(all);
	/* Documents that are empty, or null, are no records. */
	all = must("--- ~\n--- null\n---\nkind: a\n---\n");
	assert_int_equal(all->n, 1);
	align_node_free(all);
	/* But an empty string is a string, not a record. */
	ERR("--- \"\"\n", 1, 5, "expected a mapping");
	/* Standard tags are allowed and decide plainness. */
	all = must("---\nkind: a\nn: !!int 3\ns: !!str 3\nz: !!null ~\n"
	    "l: !!seq [a]\nm: !!map {a: b}\nf: !!float 1.5\nb: !!bool yes\n");
	assert_int_equal(align_map_get(all->item[0], "n")->raw, 1);
	assert_int_equal(align_map_get(all->item[0], "s")->raw, 0);
	assert_int_equal(align_map_get(all->item[0], "b")->raw, 1);
	align_node_free(all);
	ERR("---\nkind: a\nid: ''\n", 3, 5, "'id' must be text");
	ERR("---\nkind: a\n&x k: v\n", 3, 1, "anchors are not allowed");
	ERR("---\nkind: a\n!!python/name k: v\n", 3, 1, "is not allowed");
	/* UTF-8 at its edges: the longest and the last characters pass,
	 * what lies beyond them does not. */
	all = must("---\nkind: a\nt: \"\xe0\xa0\x80 \xed\x9f\xbf "
	    "\xf0\x90\x80\x80 \xf4\x8f\xbf\xbf\"\n");
	assert_int_equal(all->n, 1);
	align_node_free(all);
	ERR("---\nkind: a\nt: \xe0\x80\x80\n", 3, 4, "invalid UTF-8");
	ERR("---\nkind: a\nt: \xed\xa0\x80\n", 3, 4, "invalid UTF-8");
	ERR("---\nkind: a\nt: \xf0\x80\x80\x80\n", 3, 4, "invalid UTF-8");
	ERR("---\nkind: a\nt: \xf4\x90\x80\x80\n", 3, 4, "invalid UTF-8");
	ERR("---\nkind: a\nt: \xf5\x80\x80\x80\n", 3, 4, "invalid UTF-8");
	ERR("---\nkind: a\nt: x\xe2\x82", 3, 5, "truncated UTF-8");
	/* A directory is no input. */
	assert_null(align_read_all(dir, 1, NULL, &e));
	assert_int_equal(e.status, EX_NOINPUT);
	assert_non_null(strstr(e.msg, "directory"));
}

/* What counts as a "Name:" in front of a line. */
static void
test_name_prefixes(void **state)
{
	(void)state;
	assert_int_equal(align_name_prefix("Ana: hi"), 3);
	assert_int_equal(align_name_prefix("\xc3\x89lise: oui"), 6);
	assert_int_equal(align_name_prefix("Ana:"), 3);
	assert_int_equal(align_name_prefix("Ana:\tx"), 3);
	assert_int_equal(align_name_prefix("Ana B C D: four words"), 9);
	assert_int_equal(align_name_prefix("Ana B C D E: five words"), 0);
	assert_int_equal(align_name_prefix("1st: a number"), 0);
	assert_int_equal(align_name_prefix(" Ana: space first"), 0);
	assert_int_equal(align_name_prefix("Ana:b no space"), 0);
	assert_int_equal(align_name_prefix("A name much longer than forty "
	    "bytes: x"), 0);
	assert_int_equal(align_name_prefix("no colon at all"), 0);
}

/* "Ana : text", as French writes it (a space, or a no-break space, before
 * the colon), names Ana and gives the text after the colon. */
static void
test_name_before_a_spaced_colon(void **state)
{
	static const struct { const char *line, *who, *text; } t[] = {
		{ "Ana: text", "Ana", "text" },
		{ "Ana : text", "Ana", "text" },
		{ "Ana\t:\ttext", "Ana", "text" },
		{ "\xc3\x89lise\xc2\xa0: texte", "\xc3\x89lise", "texte" },
		{ "Ana B\xe2\x80\xaf: texte", "Ana B", "texte" },
		{ "Ana  :  two spaces", "Ana", "two spaces" },
	};
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_node *all;
	size_t i, n = 0;

	(void)state;
	assert_int_equal(align_name_text("Ana : text", &n), 6);
	assert_int_equal(n, 3);
	assert_int_equal(align_name_text(" : text", &n), 0);
	assert_int_equal(align_name_text("no name here", &n), 0);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		align_buf_puts(&b, t[i].line);
		align_buf_putc(&b, '\n');
	}
	all = read_text(b.p, b.len, NULL, &e);
	assert_non_null(all);
	assert_int_equal(all->n, sizeof(t) / sizeof(t[0]));
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const char *who = align_map_str(all->item[i], "participant");
		const char *text = align_map_str(all->item[i], "text");

		if (who == NULL || strcmp(who, t[i].who) != 0 ||
		    strcmp(text, t[i].text) != 0)
			fail_msg("'%s': participant '%s', text '%s'", t[i].line,
			    who ? who : "(none)", text);
	}
	align_node_free(all);
	align_buf_release(&b);
}

/* A UTF-8 byte-order mark is skipped before a stream as before plain
 * text; UTF-16 is refused, saying how to convert it. */
static void
test_byte_order_marks(void **state)
{
	static const char yaml[] = "\xef\xbb\xbf---\nkind: session\nid: s\n";
	static const char bare[] = "\xef\xbb\xbfkind: session\nid: s\n";
	static const char commented[] = "\xef\xbb\xbf# a comment\n---\n"
	    "kind: session\nid: s\n";
	static const char text[] = "\xef\xbb\xbf" "Ana: hi\n";
	const char *const ok[] = { yaml, bare, commented };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		all = read_text(ok[i], strlen(ok[i]), NULL, &e);
		if (all == NULL)
			fail_msg("case %zu: %lu:%lu: %s", i, e.line, e.col,
			    e.msg);
		assert_int_equal(all->n, 1);
		assert_string_equal(align_record_kind(all->item[0]),
		    "session");
		align_node_free(all);
	}
	all = READ(text);
	assert_non_null(all);
	assert_string_equal(align_map_str(all->item[0], "participant"), "Ana");
	align_node_free(all);
	ERR("\xff\xfe-\0-\0-\0", 1, 1, "the file is UTF-16, not UTF-8");
	ERR("\xfe\xff\0A", 1, 1, "iconv -f UTF-16 -t UTF-8");
	ERR("Ana: caf\xe9\n", 1, 9, "iconv -f WINDOWS-1252 -t UTF-8");
}

/* Plain text without a final newline, paragraphs with trailing blanks,
 * a control character in YAML, and every call after an error. */
static void
test_more_edges(void **state)
{
	char a[32], b[32];
	char *paths[2] = { a, b };
	struct align_read_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_reader *r;
	struct align_node *all, *rec;
	const char *para = "First line  \n  second  \n \t \nThird\n";

	(void)state;
	tmpfile_with(a, "Ana: one\nBen: two", 17);
	tmpfile_with(b, "---\nkind: response\nid: r-x\ntext: three\n", 38);
	all = align_read_all(paths, 2, NULL, &e);
	assert_non_null(all);
	assert_int_equal(all->n, 3);
	assert_string_equal(align_map_str(all->item[1], "text"), "two");
	align_node_free(all);
	unlink(b);
	unlink(a);
	o.paragraphs = 1;
	all = read_text(para, strlen(para), &o, &e);
	assert_non_null(all);
	assert_int_equal(all->n, 2);
	/* Blanks at the ends of lines go; an indent inside is kept. */
	assert_string_equal(align_map_str(all->item[0], "text"),
	    "First line\n  second");
	align_node_free(all);
	/* A control character: where it is, not at which byte. */
	ERR("---\nkind: a\nt: x\x01y\n", 3, 5, "U+0001 is not allowed");
	ERR("---\nkind: a\nt: \"abcdefghijkl\x7fz\"\n", 3, 17,
	    "U+007F is not allowed");
	ERR("---\nkind: a\nt: \"x\xc2\x81y\"\n", 3, 6,
	    "U+0081 is not allowed");
	ERR("---\nkind: a\nt: \"x\xef\xbf\xbfy\"\n", 3, 6,
	    "U+FFFF is not allowed");
	/* After an error, every call says it again. */
	tmpfile_with(a, "---\nkind: [a]\n", 14);
	paths[0] = a;
	r = align_reader_open(paths, 1, NULL, &e);
	assert_int_equal(align_reader_next(r, &rec, &e), -1);
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(align_reader_next(r, &rec, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 2);
	align_reader_free(r);
	unlink(a);
}

/* n response records, as a YAML stream, into a temporary file. */
static void
stream_file(char *path, size_t n, const char *tail)
{
	size_t cap = n * 64 + strlen(tail) + 1, len = 0, i;
	char *s = malloc(cap);

	assert_non_null(s);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len,
		    "---\nkind: response\nid: r-%zu\ntext: said %zu\n", i, i);
	len += (size_t)snprintf(s + len, cap - len, "%s", tail);
	tmpfile_with(path, s, len);
	free(s);
}

/* Reading ahead in a thread gives the same records, in the same order,
 * from the same files and lines, as reading when asked. */
static void
test_ahead_reads_the_same(void **state)
{
	char a[32], b[32];
	char *paths[2] = { a, b };
	struct align_read_opts o = { 0 };
	struct align_reader *r[2];
	struct align_err e = ALIGN_ERR_INIT;
	const char *text = "Ana: one\nBen: two\n";
	size_t k, n[2] = { 0, 0 };
	int rc[2];

	(void)state;
	/* After the responses: a record larger than a block of the pool,
	 * one of many keys, long and nested lists, an id said twice. */
	{
		size_t cap = 200000, len, i;
		char *tail = malloc(cap);

		assert_non_null(tail);
		len = (size_t)snprintf(tail, cap, "---\nkind: x\nid: big\n"
		    "text: ");
		for (i = 0; i < 100000; i++)
			tail[len++] = (char)('a' + i % 26);
		len += (size_t)snprintf(tail + len, cap - len, "\n---\n"
		    "kind: x\nid: keys\n");
		/* Keys of other types than text, raw, as the pool grows. */
		for (i = 0; i < 20; i++)
			len += (size_t)snprintf(tail + len, cap - len,
			    i % 2 ? "%zu: %zu\n" : "k%zu: %zu\n", i, i);
		len += (size_t)snprintf(tail + len, cap - len, "list: [");
		for (i = 0; i < 40; i++)
			len += (size_t)snprintf(tail + len, cap - len,
			    "%si%zu", i ? ", " : "", i);
		snprintf(tail + len, cap - len, "]\nnested: [[a, b], [c, [d, "
		    "e]], {f: g}, {}, []]\n---\nkind: x\nid: keys\n");
		stream_file(a, 5000, tail);
		free(tail);
	}
	tmpfile_with(b, text, strlen(text));
	r[0] = align_reader_open(paths, 2, NULL, &e);
	o.ahead = ALIGN_AHEAD_ALWAYS;
	r[1] = align_reader_open(paths, 2, &o, &e);
	assert_non_null(r[0]);
	assert_non_null(r[1]);
	for (;;) {
		struct align_node *rec[2];

		for (k = 0; k < 2; k++)
			if ((rc[k] = align_reader_next(r[k], &rec[k], &e)) > 0)
				n[k]++;
		assert_int_equal(rc[0], rc[1]);
		if (rc[0] <= 0)
			break;
		assert_string_equal(align_record_id(rec[0]),
		    align_record_id(rec[1]));
		assert_true(align_node_equal(rec[0], rec[1]));
		assert_int_equal(rec[0]->line, rec[1]->line);
		assert_string_equal(align_reader_file(r[0]),
		    align_reader_file(r[1]));
		assert_int_equal(align_reader_line(r[0]),
		    align_reader_line(r[1]));
		assert_int_equal(align_reader_plain(r[0]),
		    align_reader_plain(r[1]));
		assert_int_equal(align_reader_index(r[0]),
		    align_reader_index(r[1]));
		align_node_free(rec[0]);
		align_reader_release(r[1], rec[1]);
	}
	assert_int_equal(rc[0], 0);
	assert_int_equal(n[0], 5004);
	assert_int_equal(n[1], 5004);
	assert_string_equal(align_reader_file(r[1]), b);
	assert_int_equal(align_reader_line(r[1]), 2);
	for (k = 0; k < 2; k++)
		align_reader_free(r[k]);
	unlink(a);
	unlink(b);
}

/* Reading ahead when asked only pays past a little: a file of 3,000
 * records (135 KB) is read in the caller's thread (its records are the
 * caller's, in no pool), one of 8,000 (370 KB) ahead, in the thread's
 * pools; with ALIGN_AHEAD_ALWAYS the small one too. */
static int
read_in_pools(const char *path, int ahead)
{
	char *paths[1] = { (char *)path };
	struct align_read_opts o = { 0 };
	struct align_reader *r;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *rec;
	struct align_pool *pool = NULL;
	int rc, pooled = 0;

	o.ahead = ahead;
	r = align_reader_open(paths, 1, &o, &e);
	assert_non_null(r);
	while ((rc = align_reader_next(r, &rec, &e)) > 0) {
		assert_int_equal(align_reader_keep(r, rec, &pool), 0);
		if (pool) {
			pooled = 1;
			align_reader_free(r);
			align_node_free(rec);
			align_pool_release(pool);
			free(pool);
			return pooled;
		}
		align_node_free(rec);
	}
	assert_int_equal(rc, 0);
	align_reader_free(r);
	return pooled;
}

static void
test_ahead_only_when_it_pays(void **state)
{
	char small[32], large[32];

	(void)state;
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		skip();
	stream_file(small, 3000, "");
	stream_file(large, 8000, "");
	assert_false(read_in_pools(small, 1));
	assert_true(read_in_pools(large, 1));
	assert_true(read_in_pools(small, ALIGN_AHEAD_ALWAYS));
	assert_false(read_in_pools(large, 0));
	unlink(small);
	unlink(large);
}

/* Records kept (align_reader_keep()) outlast the reader and the records
 * read after them, YAML in the pools given, plain text the caller's; a
 * copy of a kept record's top may be changed, the record not. */
static void
test_ahead_keep(void **state)
{
	char a[32], b[32];
	char *paths[2] = { a, b };
	struct align_read_opts o = { 0 };
	struct align_reader *r;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *rec, *kept[64], *top;
	struct align_pool *pool, *pools[64];
	size_t n = 0, nkept = 0, npools = 0, i;
	char want[32];
	int rc;

	(void)state;
	stream_file(a, 3000, "");
	tmpfile_with(b, "Ana: one\nBen: two\n", 18);
	o.ahead = ALIGN_AHEAD_ALWAYS;
	r = align_reader_open(paths, 2, &o, &e);
	assert_non_null(r);
	while ((rc = align_reader_next(r, &rec, &e)) > 0) {
		if (n++ % 100 == 0 || align_reader_plain(r)) {
			assert_int_equal(align_reader_keep(r, rec, &pool), 0);
			if (pool)
				pools[npools++] = pool;
			kept[nkept++] = rec;
		} else
			align_reader_release(r, rec);
	}
	if (rc < 0)
		fail_msg("%s:%lu: %s", e.file, e.line, e.msg);
	align_reader_free(r);
	assert_int_equal(nkept, 32);
	for (i = 0; i < 30; i++) {
		snprintf(want, sizeof(want), "r-%zu", i * 100);
		assert_string_equal(align_record_id(kept[i]), want);
		assert_string_equal(align_map_str(kept[i], "kind"),
		    "response");
	}
	assert_string_equal(align_map_str(kept[30], "participant"), "Ana");
	assert_string_equal(align_map_str(kept[31], "text"), "two");
	top = align_node_copy_top(kept[5]);
	assert_non_null(top);
	assert_int_equal(align_map_put_str(top, "text", "changed"), 0);
	assert_int_equal(align_map_put_str(top, "at", "now"), 0);
	assert_string_equal(align_map_str(top, "text"), "changed");
	assert_string_equal(align_map_str(kept[5], "text"), "said 500");
	assert_null(align_map_get(kept[5], "at"));
	align_node_free(top);
	for (i = 0; i < nkept; i++)
		align_node_free(kept[i]);
	for (i = 0; i < npools; i++) {
		align_pool_release(pools[i]);
		free(pools[i]);
	}
	unlink(a);
	unlink(b);
}

/* An error after thousands of records comes after them, with its place,
 * and again on every later call. */
static void
test_ahead_error_after_records(void **state)
{
	char a[32];
	char *paths[1] = { a };
	struct align_read_opts o = { 0 };
	struct align_reader *r;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *rec;
	size_t n = 0;
	int rc;

	(void)state;
	stream_file(a, 3000, "---\nkind: response\nid: [x]\n");
	o.ahead = ALIGN_AHEAD_ALWAYS;
	r = align_reader_open(paths, 1, &o, &e);
	assert_non_null(r);
	while ((rc = align_reader_next(r, &rec, &e)) > 0) {
		align_node_free(rec);
		n++;
	}
	assert_int_equal(rc, -1);
	assert_int_equal(n, 3000);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 3000 * 4 + 3);
	assert_int_equal(e.col, 5);
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(align_reader_next(r, &rec, &e), -1);
	assert_null(rec);
	assert_int_equal(e.status, EX_DATAERR);
	align_reader_free(r);
	unlink(a);
}

/* A caller that stops early frees what was read ahead (the leak checker
 * of the sanitizer build would tell), even while the thread waits for
 * input that has not come. */
static void
test_ahead_stopped_early(void **state)
{
	char a[32], pipe_path[32];
	char *paths[1] = { a };
	struct align_read_opts o = { 0 };
	struct align_reader *r;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *rec;
	char one[64];
	int fd[2], i;

	(void)state;
	stream_file(a, 5000, "");
	o.ahead = ALIGN_AHEAD_ALWAYS;
	r = align_reader_open(paths, 1, &o, &e);
	assert_non_null(r);
	for (i = 0; i < 3; i++) {
		assert_int_equal(align_reader_next(r, &rec, &e), 1);
		align_node_free(rec);
	}
	align_reader_free(r);
	unlink(a);

	/* A writer that has said 300 records and keeps the pipe open. */
	assert_int_equal(pipe(fd), 0);
	for (i = 0; i < 300; i++) {
		int n = snprintf(one, sizeof(one),
		    "---\nkind: response\nid: r-%d\ntext: hi\n", i + 1);

		assert_int_equal(write(fd[1], one, (size_t)n), n);
	}
	snprintf(pipe_path, sizeof(pipe_path), "/dev/fd/%d", fd[0]);
	paths[0] = pipe_path;
	r = align_reader_open(paths, 1, &o, &e);
	assert_non_null(r);
	assert_int_equal(align_reader_next(r, &rec, &e), 1);
	assert_string_equal(align_record_id(rec), "r-1");
	align_node_free(rec);
	align_reader_free(r);	/* returns: the thread is stopped */
	close(fd[0]);
	close(fd[1]);
}

/* Every record of the file path, read with the options o, into all (a
 * sequence of copies), its bytes as the writer makes them into b. */
static void
read_as(char *path, const struct align_read_opts *o, struct align_node **all,
    struct align_buf *b, struct align_node *packed)
{
	struct align_reader *r = align_reader_open(&path, 1, o, NULL);
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *rec;
	size_t i;
	int rc;

	assert_non_null(r);
	*all = align_seq();
	while ((rc = align_reader_next(r, &rec, &e)) > 0) {
		align_emit_record(b, rec);
		for (i = 0; i < rec->n; i++)
			if (rec->item[i]->type == ALIGN_TEXTS)
				break;
		/* Whether it held a packed list, and what of it. */
		assert_int_equal(align_seq_push(packed, align_scalar_str(i <
		    rec->n ? rec->key[i] : "-")), 0);
		assert_int_equal(align_seq_push(*all, align_node_copy(rec)), 0);
		align_reader_release(r, rec);
	}
	if (rc < 0)
		fail_msg("%lu:%lu: %s", e.line, e.col, e.msg);
	align_reader_free(r);
}

/* Lists read packed (reader.h's pack) are the lists read as nodes: the
 * same records once copied, the same bytes written, reading ahead or
 * not; what a packed list cannot hold met on the way (a mapping, an
 * empty or a long list, a tag, a text where lists are, a raw text where
 * text is not kept) reads as nodes, from its start; other kinds' lists,
 * and lists deeper down, are never packed. */
static void
test_packed_lists(void **state)
{
	static const struct align_pack pack[] = {
		{ "session", "participants", 0 },
		{ "followup", "pairs", 1 },
		{ "x", "n", 0 },
	};
	/* The key of each record whose list was packed, or "-". */
	static const char *const want[] = {
		"participants", "pairs", "-", "-", "-", "-", "-", "-", "n",
		"-", "-", "-", "-", "participants",
	};
	struct align_buf text = ALIGN_BUF_INIT;
	struct align_read_opts o[4];
	struct align_node *all[4], *which[4];
	struct align_buf b[4];
	char path[32];
	size_t i, k;

	(void)state;
	align_buf_puts(&text, "---\nkind: session\nid: s\nparticipants:\n");
	for (i = 0; i < 3000; i++)
		align_buf_printf(&text, i % 7 ? "- Person %zu\n" :
		    "- \"Zoë: \\\"q\\\" %zu\"\n", i);
	align_buf_puts(&text, "- no\n- \"2026-01-01\"\n- ''\ntitle: T\n"
	    "---\nkind: followup\nid: f1\npairs:\n");
	for (i = 0; i < 2000; i++)
		align_buf_printf(&text, i % 5 ? "- [A%zu, B%zu]\n" :
		    "- [A%zu, B%zu, C]\n", i, i);
	align_buf_puts(&text, "uid: u\n"
	    /* What cannot be packed: from its start, as nodes. */
	    "---\nkind: followup\nid: f2\npairs:\n- [a, b]\n- {x: y}\n"
	    "---\nkind: followup\nid: f3\npairs:\n- [a, b]\n- []\n- [c]\n"
	    "---\nkind: followup\nid: f4\npairs:\n- [a, b]\n- c\n"
	    "---\nkind: followup\nid: f5\npairs:\n- [a, !!str b]\n"
	    "---\nkind: session\nid: s2\nparticipants: [a, [b, c], d]\n"
	    "---\nkind: x\nid: x1\nn: [a, 1, b]\n"
	    "---\nkind: x\nid: x2\nn: [a, b]\nm: [a, b]\n"
	    "---\nkind: x\nid: x3\nn: []\n"
	    "---\nkind: response\nid: r-1\nparticipants: [a, b]\n");
	align_buf_puts(&text, "---\nkind: followup\nid: f6\npairs:\n- [");
	for (i = 0; i < 256; i++)
		align_buf_printf(&text, "%sp%zu", i ? ", " : "", i);
	align_buf_puts(&text, "]\n---\nid: y\nkind: session\n"
	    "participants: [a]\n---\nkind: session\nid: s3\n"
	    "participants: [a, b]\nmore: {participants: [c, d]}\n");
	assert_false(text.failed);
	tmpfile_with(path, text.p, text.len);
	for (k = 0; k < 4; k++) {
		memset(&o[k], 0, sizeof(o[k]));
		o[k].ahead = k % 2 ? ALIGN_AHEAD_ALWAYS : 0;
		o[k].bytes = 1;
		if (k >= 2) {
			o[k].pack = pack;
			o[k].npack = sizeof(pack) / sizeof(pack[0]);
		}
		b[k] = (struct align_buf)ALIGN_BUF_INIT;
		which[k] = align_seq();
		read_as(path, &o[k], &all[k], &b[k], which[k]);
	}
	for (k = 1; k < 4; k++) {
		assert_true(align_node_equal(all[0], all[k]));
		assert_int_equal(b[0].len, b[k].len);
		assert_memory_equal(b[0].p, b[k].p, b[0].len);
	}
	assert_int_equal(which[3]->n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_string_equal(which[2]->item[i]->str, want[i]);
		assert_string_equal(which[3]->item[i]->str, want[i]);
		assert_string_equal(which[0]->item[i]->str, "-");
	}
	for (k = 0; k < 4; k++) {
		align_node_free(all[k]);
		align_node_free(which[k]);
		align_buf_release(&b[k]);
	}
	align_buf_release(&text);
	unlink(path);
}

/* An error inside a list read packed is the error read as nodes, at the
 * same place. */
static void
test_packed_errors(void **state)
{
	static const struct align_pack pack[] = {
		{ "session", "participants", 0 },
		{ "followup", "pairs", 1 },
	};
	static const char *const bad[] = {
		"---\nkind: session\nid: s\nparticipants:\n- a\n- &x b\n",
		"---\nkind: session\nid: s\nparticipants:\n- a\n- *x\n",
		"---\nkind: session\nid: s\nparticipants:\n- a\n- !!map b\n",
		"---\nkind: followup\nid: f\npairs:\n- [a, b]\n"
		    "- [c, {d: e, d: f}]\n",
		"---\nkind: followup\nid: f\npairs:\n- [a, b]\n- [c, d\n",
		"---\nkind: followup\nid: f\npairs:\n- [a, b]\n- &y [c, d]\n",
		"---\nkind: session\nid: s\nparticipants: [a, \"b\\0\"]\n",
	};
	struct align_read_opts o = { 0 };
	size_t i, k;

	(void)state;
	o.pack = pack;
	o.npack = 2;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		for (k = 0; k < 2; k++) {
			struct align_err e0 = ALIGN_ERR_INIT, e1 = e0;
			struct align_node *a, *b;

			o.ahead = k ? ALIGN_AHEAD_ALWAYS : 0;
			a = read_text(bad[i], strlen(bad[i]), NULL, &e0);
			b = read_text(bad[i], strlen(bad[i]), &o, &e1);
			if (a || b)
				fail_msg("read '%s'", bad[i]);
			assert_int_equal(e0.status, EX_DATAERR);
			assert_int_equal(e1.status, e0.status);
			assert_int_equal(e1.line, e0.line);
			assert_int_equal(e1.col, e0.col);
			assert_string_equal(e1.msg, e0.msg);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_in_order),
		cmocka_unit_test(test_first_of_two_ids_is_kept),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_large_mapping_keys),
		cmocka_unit_test(test_unsafe_yaml_refused),
		cmocka_unit_test(test_depth_is_bounded),
		cmocka_unit_test(test_bad_bytes_have_positions),
		cmocka_unit_test(test_records_and_lines_are_bounded),
		cmocka_unit_test(test_plain_text_is_responses),
		cmocka_unit_test(test_plain_ids_are_stable),
		cmocka_unit_test(test_plain_text_options),
		cmocka_unit_test(test_missing_file_is_no_input),
		cmocka_unit_test(test_empty_documents_and_comments),
		cmocka_unit_test(test_detection_and_edges),
		cmocka_unit_test(test_name_prefixes),
		cmocka_unit_test(test_name_before_a_spaced_colon),
		cmocka_unit_test(test_byte_order_marks),
		cmocka_unit_test(test_more_edges),
		cmocka_unit_test(test_ahead_reads_the_same),
		cmocka_unit_test(test_ahead_keep),
		cmocka_unit_test(test_ahead_only_when_it_pays),
		cmocka_unit_test(test_ahead_error_after_records),
		cmocka_unit_test(test_ahead_stopped_early),
		cmocka_unit_test(test_packed_lists),
		cmocka_unit_test(test_packed_errors),
	};

	return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
