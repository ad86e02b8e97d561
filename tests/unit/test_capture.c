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

/* At the prompt: each response appended as it is typed, the name kept
 * for the lines after it, empty lines recorded as nothing. */
static void
test_prompt_appends_each_response(void **state)
{
	char path[32], shown[4096];
	const char *typed = "Ana: She stayed late.\n"
	    "and fixed it with us\n   \nBen:\n  Ben:   He listened.\n";
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	FILE *in = fmemopen((void *)typed, strlen(typed), "r");
	FILE *prompt = fmemopen(shown, sizeof(shown), "w");

	(void)state;
	tmpfile_with(path, session, sizeof(session) - 1);
	o.append = path;
	o.wait = 1;
	o.now = "2026-12-02T12:00:00Z";
	o.collect = 1;
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_prompt(&c, in, prompt, &e), 0);
	fclose(prompt);
	fclose(in);
	assert_int_equal(c.added, 3);
	/* The room sees the title, purpose and question first. */
	assert_non_null(strstr(shown, "Leadership alignment\n"));
	assert_non_null(strstr(shown, "Purpose: Agree on how we lead."));
	assert_non_null(strstr(shown, "Question: What did they do?"));
	assert_non_null(strstr(shown, "(nothing to record)"));
	assert_non_null(strstr(shown, " from Ben\n"));
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
test_prompt_on_a_new_file(void **state)
{
	char path[] = "/tmp/align-test-new.yaml";
	const char *typed = "Dev: He taught me.\n";
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	FILE *in = fmemopen((void *)typed, strlen(typed), "r");
	FILE *prompt = fopen("/dev/null", "w");

	(void)state;
	unlink(path);
	o.append = path;
	o.now = "2026-12-02T12:00:00Z";
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_prompt(&c, in, prompt, &e), 0);
	all = read_back(path);
	assert_int_equal(all->n, 1);
	assert_string_equal(align_map_str(all->item[0], "participant"),
	    "Dev");
	align_node_free(all);
	align_capture_release(&c);
	fclose(in);
	in = fmemopen((void *)typed, strlen(typed), "r");
	o.now = "whenever";
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_prompt(&c, in, prompt, &e), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_non_null(strstr(e.msg, "--now"));
	all = read_back(path);
	assert_int_equal(all->n, 1);
	align_node_free(all);
	align_capture_release(&c);
	fclose(in);
	fclose(prompt);
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
test_prompt_to_standard_output(void **state)
{
	char out[] = "/tmp/align-test-stdout.yaml";
	const char *typed = "Ana: She stayed.\nBen: He listened.\n";
	struct align_capture_opts o = { 0 };
	struct align_capture c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	FILE *in = fmemopen((void *)typed, strlen(typed), "r");
	FILE *prompt = fopen("/dev/null", "w");
	int saved, fd;

	(void)state;
	o.now = "2026-12-02T12:00:00Z";
	fflush(stdout);
	saved = dup(1);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, 1);
	align_capture_init(&c, &o);
	assert_int_equal(align_capture_prompt(&c, in, prompt, &e), 0);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(fd);
	assert_int_equal(c.added, 2);
	align_capture_release(&c);
	fclose(in);
	fclose(prompt);
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
		cmocka_unit_test(test_prompt_appends_each_response),
		cmocka_unit_test(test_prompt_on_a_new_file),
		cmocka_unit_test(test_batch_appends_once),
		cmocka_unit_test(test_prompt_to_standard_output),
	};

	return cmocka_run_group_tests_name("capture", tests, NULL, NULL);
}
