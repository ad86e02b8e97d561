/* The editor: $VISUAL before $EDITOR, its words split; one that fails,
 * cannot start or is killed is told apart; the tool waits for it through
 * Ctrl-C; the file to edit is the person's alone, where TMPDIR says. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "../../lib/editor.h"
#include "helpers.h"

/* A script of the test's own that runs body. */
static void
script(char *path, const char *body)
{
	tmpfile_with(path, body, strlen(body));
	assert_int_equal(chmod(path, 0700), 0);
}

static void
test_which_editor(void **state)
{
	char path[32];
	struct align_err e = ALIGN_ERR_INIT;
	FILE *fp;
	char got[64] = "";
	int sig;

	(void)state;
	tmpfile_with(path, "a list\n", 7);
	setenv("EDITOR", "false", 1);
	setenv("VISUAL", "sed -i s/list/line/", 1);
	assert_int_equal(align_edit_file(path, &sig, &e), 0);
	fp = fopen(path, "r");
	assert_non_null(fgets(got, sizeof(got), fp));
	fclose(fp);
	assert_string_equal(got, "a line\n");
	unsetenv("VISUAL");
	assert_int_equal(align_edit_file(path, &sig, &e), -1);
	assert_int_equal(e.status, EX_UNAVAILABLE);
	assert_int_equal(sig, 0);
	assert_null(strstr(e.msg, "to start"));
	setenv("EDITOR", "/nonexistent/editor", 1);
	assert_int_equal(align_edit_file(path, &sig, &e), -1);
	assert_non_null(strstr(e.msg, "failed to start"));
	/* An empty or blank $VISUAL is none. */
	setenv("VISUAL", "  ", 1);
	setenv("EDITOR", "true", 1);
	assert_int_equal(align_edit_file(path, &sig, &e), 0);
	unsetenv("VISUAL");
	unsetenv("EDITOR");
	unlink(path);
}

/* Killed by a signal: said, and the signal given, so that the tool keeps
 * the file (it may hold the person's work). */
static void
test_an_editor_killed(void **state)
{
	char path[32], killer[32];
	struct align_err e = ALIGN_ERR_INIT;
	int sig;

	(void)state;
	tmpfile_with(path, "a list\n", 7);
	script(killer, "#!/bin/sh\nkill -9 $$\n");
	setenv("EDITOR", killer, 1);
	assert_int_equal(align_edit_file(path, &sig, &e), -1);
	assert_int_equal(e.status, EX_UNAVAILABLE);
	assert_int_equal(sig, SIGKILL);
	assert_non_null(strstr(e.msg, "killed by signal 9"));
	assert_non_null(strstr(e.msg, "nothing was changed"));
	unsetenv("EDITOR");
	unlink(killer);
	unlink(path);
}

/* Ctrl-C at the terminal reaches the tool too: while the editor runs,
 * the tool ignores it and waits, and then minds it again. */
static void
test_the_tool_waits_through_an_interrupt(void **state)
{
	char path[32], ed[32];
	struct align_err e = ALIGN_ERR_INIT;
	struct sigaction now;
	int sig;

	(void)state;
	/* As a shell's background job would have them otherwise: ignored.
	 * The tool gives back what it found, here the default. */
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	tmpfile_with(path, "a list\n", 7);
	script(ed, "#!/bin/sh\nkill -INT $PPID\nkill -QUIT $PPID\nsleep 0.2\n"
	    "echo edited >\"$1\"\n");
	setenv("EDITOR", ed, 1);
	assert_int_equal(align_edit_file(path, &sig, &e), 0);
	assert_int_equal(sig, 0);
	assert_int_equal(sigaction(SIGINT, NULL, &now), 0);
	assert_true(now.sa_handler == SIG_DFL);
	assert_int_equal(sigaction(SIGQUIT, NULL, &now), 0);
	assert_true(now.sa_handler == SIG_DFL);
	unsetenv("EDITOR");
	unlink(ed);
	unlink(path);
}

/* The file to edit: in $TMPDIR, however long its name, the person's
 * alone (0600, whatever the umask), holding the text. */
static void
test_the_file_to_edit(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	char dir[600], *path;
	struct stat st;
	mode_t old;
	FILE *fp;
	char got[16] = "";
	int i;

	(void)state;

	/* Longer than any fixed buffer of 256 bytes: three levels of 100. */
	snprintf(dir, sizeof(dir), "/tmp/align-test-%ld", (long)getpid());
	assert_int_equal(mkdir(dir, 0700), 0);
	for (i = 0; i < 3; i++) {
		size_t len = strlen(dir);

		dir[len] = '/';
		memset(dir + len + 1, 'd', 100);
		dir[len + 101] = '\0';
		assert_int_equal(mkdir(dir, 0700), 0);
	}
	setenv("TMPDIR", dir, 1);
	old = umask(0777);
	path = align_edit_tmpfile("align-principles", "p1 We\n", 6, &e);
	umask(old);
	assert_non_null(path);
	assert_int_equal(strncmp(path, dir, strlen(dir)), 0);
	assert_non_null(strstr(path, "/align-principles-"));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	fp = fopen(path, "r");
	assert_non_null(fgets(got, sizeof(got), fp));
	fclose(fp);
	assert_string_equal(got, "p1 We\n");
	unlink(path);
	free(path);
	/* A TMPDIR that is not there: cannot create, said. */
	setenv("TMPDIR", "/nonexistent/dir", 1);
	assert_null(align_edit_tmpfile("align-principles", "x", 1, &e));
	assert_int_equal(e.status, EX_CANTCREAT);
	unsetenv("TMPDIR");
	for (i = 0; i < 4; i++) {
		assert_int_equal(rmdir(dir), 0);
		*strrchr(dir, '/') = '\0';
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_which_editor),
		cmocka_unit_test(test_an_editor_killed),
		cmocka_unit_test(test_the_tool_waits_through_an_interrupt),
		cmocka_unit_test(test_the_file_to_edit),
	};

	return cmocka_run_group_tests_name("editor", tests, NULL, NULL);
}
