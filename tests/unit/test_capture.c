/* Capturing at the prompt and in batches, into a session file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sysexits.h>
#include <unistd.h>

#include "../../lib/capture.h"
#include "../../lib/reader.h"
#include "../../lib/response.h"
#include "helpers.h"

static const char session[] = "---\nkind: session\nid: s\n"
    "title: Leadership alignment\npurpose: Agree on how we lead.\n"
    "question: What did they do?\n";

static struct align_node *
read_back(const char *path)
{
	struct align_err e = ALIGN_ERR_INIT;
	char *paths[1];
	struct align_node *all;

	paths[0] = (char *)path;
	all = align_read_all(paths, 1, NULL, &e);
	if (all == NULL)
		fail_msg("%s", e.msg);
	return all;
}

/* Lines one at a time, as the prompt gives them: the outcome of each,
 * in order, into got (a letter a line: r recorded, e empty, n a name
 * alone, x refused);
 * the status of the first failure, or 0. */
static int
lines(struct align_capture *c, const char *typed, char *got,
    struct align_err *e)
{
	char *copy = strdup(typed), *line, *save = NULL;
	int rc = align_capture_start(c, e);

	*got = '\0';
	for (line = strtok_r(copy, "\n", &save); rc >= 0 && line;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((rc = align_capture_line(c, line, e)) >= 0)
			strcat(got, rc == ALIGN_LINE_RECORDED ? "r" :
			    rc == ALIGN_LINE_EMPTY ? "e" :
			    rc == ALIGN_LINE_NAMED ? "n" : "x");
	}
	free(copy);
	if (rc >= 0)
		rc = align_capture_finish(c, e);
	return rc < 0 ? -1 : 0;
}

/* At the prompt: each response appended as it is typed, the name kept
 * for the lines after it, empty lines recorded as nothing. */
static void
test_lines_append_each_response(void **state)
{
	char path[32], got[16];
	const char *typed = "Ana: She stayed late.\n"
	    "and fixed it with us\n   \nBen:\n  Ben:   He listened.\n";
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;

	(void)state;
	tmpfile_with(path, session, sizeof(session) - 1);
	o.append = path;
	o.wait = 1;
	o.now = "2026-12-02T12:00:00Z";
	o.collect = 1;
	align_capture_init(&c, &o);
	if (lines(&c, typed, got, &e) < 0)
		fail_msg("%s", e.msg);
	assert_string_equal(got, "rrenr");
	assert_int_equal(c.added, 3);
	/* The room sees the session's question: the prompt has it. */
	assert_non_null(c.session);
	assert_string_equal(align_map_str(c.last, "participant"), "Ben");
	all = read_back(path);
	assert_int_equal(all->n, 4);
	assert_string_equal(align_map_str(all->item[2], "participant"),
	    "Ana");
	assert_string_equal(align_map_str(all->item[2], "text"),
	    "and fixed it with us");
	assert_string_equal(align_map_str(all->item[3], "text"),
	    "He listened.");
	assert_string_equal(align_map_str(all->item[3], "at"),
	    "2026-12-02T12:00:00Z");
	align_node_free(all);
	align_capture_release(&c);
	unlink(path);
}

/* A new file at the prompt starts with what it is told; a bad time
 * stops before anything is written. */
static void
test_lines_on_a_new_file(void **state)
{
	char path[256], got[16];
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;

	(void)state;
	snprintf(path, sizeof(path), "%s", test_path("new.yaml"));
	unlink(path);
	o.append = path;
	o.now = "2026-12-02T12:00:00Z";
	align_capture_init(&c, &o);
	assert_int_equal(lines(&c, "Dev: He taught me.\n", got, &e), 0);
	all = read_back(path);
	assert_int_equal(all->n, 1);
	assert_string_equal(align_map_str(all->item[0], "participant"),
	    "Dev");
	align_node_free(all);
	align_capture_release(&c);
	o.now = "whenever";
	align_capture_init(&c, &o);
	assert_int_equal(lines(&c, "Dev: He taught me.\n", got, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_non_null(strstr(e.msg, "--now"));
	all = read_back(path);
	assert_int_equal(all->n, 1);
	align_node_free(all);
	align_capture_release(&c);
	unlink(path);
}

/* A typed line never puts a control character in a response: an arrow
 * key's escape sequence, a backspace, C1, a line that is not UTF-8 are
 * refused, said why, and nothing is written; a tab is kept. */
static void
test_lines_refuse_control_characters(void **state)
{
	char path[32], got[16];
	const char *typed = "typo here\x1b[D\x1b[DX\nAna: a\bb\n"
	    "Ana: fine\ncaf\xe9\n\xc2\x85next\nBen: tab\there\n"
	    "Ben: \x7f\n";
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	size_t i;

	(void)state;
	tmpfile_with(path, session, sizeof(session) - 1);
	o.append = path;
	o.now = "2026-12-02T12:00:00Z";
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_start(&c, &e), 0);
	assert_int_equal(align_capture_line(&c, "typo here\x1b[D\x1b[DX",
	    &e), ALIGN_LINE_REFUSED);
	assert_non_null(strstr(c.why.p, "an escape (U+001B)"));
	assert_int_equal(align_capture_line(&c, "Ana: a\bb", &e),
	    ALIGN_LINE_REFUSED);
	assert_non_null(strstr(c.why.p, "a backspace (U+0008)"));
	align_capture_release(&c);
	align_capture_init(&c, &o);
	assert_int_equal(lines(&c, typed, got, &e), 0);
	assert_string_equal(got, "xxrxxrx");
	align_capture_release(&c);
	all = read_back(path);
	assert_int_equal(all->n, 3);
	assert_string_equal(align_map_str(all->item[1], "text"), "fine");
	assert_string_equal(align_map_str(all->item[2], "text"),
	    "tab\there");
	for (i = 1; i < all->n; i++)
		assert_null(strchr(align_map_str(all->item[i], "text"), 0x1b));
	align_node_free(all);
	unlink(path);
}

static const char roster[] = "---\nkind: session\nid: s\n"
    "participants: [Marcus Lee, Maria del Carmen Fernandez Lopez, "
    "Jos\xc3\xa9]\n";

/* A participant's name is recognised at any length, folded, and
 * recorded as the session spells it; other names by the rule of plain
 * text. */
static void
test_lines_resolve_the_roster(void **state)
{
	char path[32], got[16];
	const char *typed = "maria del carmen  FERNANDEZ lopez: hola\n"
	    "jose: hi\nSomeone Not Listed: yes\n"
	    "Five Words Not On List: x\n";
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;

	(void)state;
	tmpfile_with(path, roster, sizeof(roster) - 1);
	o.append = path;
	o.now = "2026-12-02T12:00:00Z";
	align_capture_init(&c, &o);
	assert_int_equal(lines(&c, typed, got, &e), 0);
	assert_string_equal(got, "rrrr");
	assert_int_equal(c.speakers.n, 3);
	align_capture_release(&c);
	all = read_back(path);
	assert_string_equal(align_map_str(all->item[1], "participant"),
	    "Maria del Carmen Fernandez Lopez");
	assert_string_equal(align_map_str(all->item[1], "text"), "hola");
	assert_string_equal(align_map_str(all->item[2], "participant"),
	    "Jos\xc3\xa9");
	assert_string_equal(align_map_str(all->item[3], "participant"),
	    "Someone Not Listed");
	/* Not on the list and too long for the rule: text, and the name
	 * carried over from the line before. */
	assert_string_equal(align_map_str(all->item[4], "text"),
	    "Five Words Not On List: x");
	align_node_free(all);
	unlink(path);
}

/* Anonymous at the prompt: every name its pseudonym, a long name on the
 * list too; a long one not on it refused, not left in the text. */
static void
test_lines_anonymous(void **state)
{
	static const unsigned char key[16] = "0123456789abcdef";
	char path[32], got[16];
	const char *typed = "Maria del Carmen Fernandez Lopez: hola\n"
	    "Ana Sofia de la Cruz Ortega: no\nAna: yes\n";
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	size_t i;

	(void)state;
	tmpfile_with(path, roster, sizeof(roster) - 1);
	o.append = path;
	o.now = "2026-12-02T12:00:00Z";
	o.read.key = key;
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_start(&c, &e), 0);
	assert_int_equal(align_capture_line(&c,
	    "Ana Sofia de la Cruz Ortega: no", &e), ALIGN_LINE_REFUSED);
	assert_non_null(strstr(c.why.p, "'Ana Sofia de la Cruz Ortega' may be "
	    "a name"));
	align_capture_release(&c);
	align_capture_init(&c, &o);
	assert_int_equal(lines(&c, typed, got, &e), 0);
	assert_string_equal(got, "rxr");
	assert_true(align_is_pseudonym(align_map_str(c.last, "participant")));
	align_capture_release(&c);
	all = read_back(path);
	assert_int_equal(all->n, 3);
	for (i = 1; i < all->n; i++) {
		assert_true(align_is_pseudonym(align_map_str(all->item[i],
		    "participant")));
		assert_null(strstr(align_map_str(all->item[i], "text"),
		    "Maria"));
	}
	assert_string_equal(align_map_str(all->item[1], "text"), "hola");
	align_node_free(all);
	unlink(path);
}

/* In a batch: plain text and a survey export together, collected for
 * the board, appended once, and not again on a second run. */
static void
test_batch_appends_once(void **state)
{
	char path[32], text[32];
	char *csv[] = { "tests/cli/data/google-forms.csv" };
	char *paths[1];
	const char *said = "Ana: She stayed.\nBen: He listened.\n";
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	size_t n;

	(void)state;
	tmpfile_with(path, session, sizeof(session) - 1);
	tmpfile_with(text, said, strlen(said));
	paths[0] = text;
	o.append = path;
	o.wait = 1;
	o.now = "2026-12-02T12:00:00Z";
	o.csv = csv;
	o.ncsv = 1;
	o.collect = 1;
	o.quiet = 1;
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_batch(&c, paths, 1, &e), 0);
	assert_true(c.added > 2);
	assert_non_null(c.responses);
	assert_non_null(c.session);
	n = c.added;
	align_capture_release(&c);
	all = read_back(path);
	assert_int_equal(all->n, n + 1);
	align_node_free(all);
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_batch(&c, paths, 1, &e), 0);
	assert_int_equal(c.added, 0);
	align_capture_release(&c);
	/* A missing input adds nothing. */
	paths[0] = "/nonexistent/said.txt";
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_batch(&c, paths, 1, &e), -1);
	assert_int_equal(e.status, EX_NOINPUT);
	align_capture_release(&c);
	all = read_back(path);
	assert_int_equal(all->n, n + 1);
	align_node_free(all);
	unlink(path);
	unlink(text);
}

/* Without a file, each response goes to standard output as it is
 * typed, a whole record at a time. */
static void
test_lines_to_standard_output(void **state)
{
	char out[256], got[16];
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	int saved, fd;

	(void)state;
	snprintf(out, sizeof(out), "%s", test_path("stdout.yaml"));
	o.now = "2026-12-02T12:00:00Z";
	fflush(stdout);
	saved = dup(1);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, 1);
	align_capture_init(&c, &o);
	assert_int_equal(lines(&c, "Ana: She stayed.\nBen: He listened.\n",
	    got, &e), 0);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(fd);
	assert_int_equal(c.added, 2);
	align_capture_release(&c);
	all = read_back(out);
	assert_int_equal(all->n, 2);
	assert_string_equal(align_map_str(all->item[1], "participant"), "Ben");
	align_node_free(all);
	unlink(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_append_each_response),
		cmocka_unit_test(test_lines_on_a_new_file),
		cmocka_unit_test(test_lines_refuse_control_characters),
		cmocka_unit_test(test_lines_resolve_the_roster),
		cmocka_unit_test(test_lines_anonymous),
		cmocka_unit_test(test_batch_appends_once),
		cmocka_unit_test(test_lines_to_standard_output),
	};

	return cmocka_run_group_tests_name("capture", tests, NULL, NULL);
}
