/* A private session's file: the mark, mode 0600, and the git work tree
 * it is in. */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/private.h"

static void
test_the_mark(void **state)
{
	struct align_session_view s;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_false(align_private_session(NULL));
	assert_false(align_private_session(&s));
	s.private_ = "no";
	assert_false(align_private_session(&s));
	s.private_ = "yes";
	assert_true(align_private_session(&s));
}

static void
test_mode_and_git(void **state)
{
	char dir[] = "/tmp/align-private.XXXXXX", path[128], git[128];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf top = ALIGN_BUF_INIT;
	struct stat st;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/one.yaml", dir);
	snprintf(git, sizeof(git), "%s/.git", dir);
	assert_non_null(fp = fopen(path, "w"));
	fclose(fp);
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(align_private_protect(path, &e), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* Outside a work tree (unless /tmp is in one, which it is not
	 * meant to be), then inside one. */
	if (align_private_git(path, &top) == 0) {
		assert_int_equal(mkdir(git, 0700), 0);
		assert_int_equal(align_private_git(path, &top), 1);
		assert_string_equal(top.p, dir);
		rmdir(git);
	}
	assert_int_equal(align_private_git("/nonexistent/x.yaml", &top), 0);
	unlink(path);
	assert_int_equal(align_private_protect(path, &e), -1);
	assert_int_equal(e.status, 74);
	rmdir(dir);
	align_buf_release(&top);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_mark),
		cmocka_unit_test(test_mode_and_git),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
