/* Atomic rewrite and locked append, with failures injected into the
 * system calls (-Wl,--wrap). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "../../lib/file.h"
#include "helpers.h"

int __real_rename(const char *, const char *);
int __real_fsync(int);
int __real_close(int);
int __real_fclose(FILE *);
int __real_fflush(FILE *);
int __real_ftruncate(int, off_t);
ssize_t __real_write(int, const void *, size_t);
/* Each: 0, or fail the Nth call from now (rename: every call while set);
 * fsync fails with fsync_errno. */
static int fail_rename, fail_fsync, fail_close, fail_fclose, fail_flush,
    fail_truncate, fail_write, fsync_errno = EIO;

/* Counts down; 1 when this call is the one to fail. */
static int
now(int *n)
{
	return *n > 0 && --*n == 0;
}

int __wrap_rename(const char *a, const char *b);
int
__wrap_rename(const char *a, const char *b)
{
	if (fail_rename) {
		errno = EXDEV;
		return -1;
	}
	return __real_rename(a, b);
}

int __wrap_fsync(int fd);
int
__wrap_fsync(int fd)
{
	if (now(&fail_fsync)) {
		errno = fsync_errno;
		return -1;
	}
	return __real_fsync(fd);
}

int __wrap_close(int fd);
int
__wrap_close(int fd)
{
	if (now(&fail_close)) {
		__real_close(fd);
		errno = EIO;
		return -1;
	}
	return __real_close(fd);
}

int __wrap_fclose(FILE *fp);
int
__wrap_fclose(FILE *fp)
{
	if (now(&fail_fclose)) {
		__real_fclose(fp);
		errno = ENOSPC;
		return EOF;
	}
	return __real_fclose(fp);
}

int __wrap_fflush(FILE *fp);
int
__wrap_fflush(FILE *fp)
{
	if (now(&fail_flush)) {
		errno = ENOSPC;
		return EOF;
	}
	return __real_fflush(fp);
}

int __wrap_ftruncate(int fd, off_t n);
int
__wrap_ftruncate(int fd, off_t n)
{
	if (now(&fail_truncate)) {
		errno = EIO;
		return -1;
	}
	return __real_ftruncate(fd, n);
}

ssize_t __wrap_write(int fd, const void *p, size_t n);
ssize_t
__wrap_write(int fd, const void *p, size_t n)
{
	if (now(&fail_write)) {
		errno = ENOSPC;
		return -1;
	}
	return __real_write(fd, p, n);
}

static char dir[] = "/tmp/align-file-XXXXXX";
static char path[256];

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/align-file-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/session.align.yaml", dir);
	fail_rename = fail_fsync = fail_close = fail_fclose = 0;
	fail_truncate = fail_write = fail_flush = 0;
	fsync_errno = EIO;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static void
put(const char *s)
{
	FILE *fp = fopen(path, "w");

	fputs(s, fp);
	fclose(fp);
}

static char *
get(void)
{
	static char buf[4096];
	FILE *fp = fopen(path, "r");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	while ((de = readdir(d)))
		n += de->d_name[0] != '.' || (strcmp(de->d_name, ".") &&
		    strcmp(de->d_name, ".."));
	closedir(d);
	return n;
}

static void
test_rewrite_replaces_whole(void **state)
{
	struct align_rewrite w;
	struct align_err e = ALIGN_ERR_INIT;
	struct stat st;

	(void)state;
	put("old\n");
	chmod(path, 0640);
	assert_int_equal(align_rewrite_begin(&w, path, &e), 0);
	fputs("new\n", w.fp);
	assert_string_equal(get(), "old\n");
	assert_int_equal(entries(), 2);
	assert_int_equal(align_rewrite_commit(&w, &e), 0);
	assert_string_equal(get(), "new\n");
	assert_int_equal(entries(), 1);
	stat(path, &st);
	assert_int_equal(st.st_mode & 0777, 0640);
}

/* A rewrite of "new\n" whose step armed by *what = n fails: status 74, a
 * message with msg, the file then holding after, and no temporary file. */
static void
commit_fails(int *what, int n, const char *msg, const char *after)
{
	struct align_rewrite w;
	struct align_err e = ALIGN_ERR_INIT;

	assert_int_equal(align_rewrite_begin(&w, path, &e), 0);
	fputs("new\n", w.fp);
	*what = n;
	assert_int_equal(align_rewrite_commit(&w, &e), -1);
	*what = 0;
	assert_int_equal(e.status, EX_IOERR);
	assert_non_null(strstr(e.msg, msg));
	assert_string_equal(get(), after);
	assert_int_equal(entries(), 1);
}

static void
test_failed_rename_or_sync_keeps_original(void **state)
{
	(void)state;
	put("old\n");
	commit_fails(&fail_rename, 1, "cannot rename", "old\n");
	commit_fails(&fail_fsync, 1, "cannot sync", "old\n");
}

static void
test_abort_and_unwritable_directory(void **state)
{
	struct align_rewrite w;
	struct align_err e = ALIGN_ERR_INIT;
	char bad[300];

	(void)state;
	put("old\n");
	assert_int_equal(align_rewrite_begin(&w, path, &e), 0);
	fputs("half", w.fp);
	align_rewrite_abort(&w);
	assert_string_equal(get(), "old\n");
	assert_int_equal(entries(), 1);
	snprintf(bad, sizeof(bad), "%s/no/such/dir/s.yaml", dir);
	assert_int_equal(align_rewrite_begin(&w, bad, &e), -1);
	assert_int_equal(e.status, EX_CANTCREAT);
}

static void
test_append_adds_whole_records(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	int fd;

	(void)state;
	put("---\nkind: a");	/* no final newline */
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_int_equal(align_append(fd, path, "---\nkind: b\n", 12, &e), 0);
	assert_int_equal(align_append_close(fd, path, &e), 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: b\n");
}

static void
test_a_killed_append_is_taken_back(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	int fd;

	(void)state;
	put("---\nkind: a\n");
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	/* Half a record, then the writer dies: no align_append_close. */
	assert_int_equal(align_append(fd, path, "---\nkind: b\nte", 15, &e),
	    0);
	close(fd);
	assert_int_equal(align_append_limit(path), 12);
	assert_int_equal(entries(), 2);		/* the file and its journal */
	/* The next writer cuts it back and appends whole. */
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_int_equal(align_append(fd, path, "---\nkind: c\n", 12, &e), 0);
	assert_int_equal(align_append_close(fd, path, &e), 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: c\n");
	assert_int_equal(align_append_limit(path), -1);
	assert_int_equal(entries(), 1);
}

static void
test_busy_lock_is_status_75(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	int p[2], fd, status;
	pid_t pid;
	char c;

	(void)state;
	put("");
	assert_int_equal(pipe(p), 0);
	pid = fork();
	if (pid == 0) {
		fd = align_append_lock(path, 1, &e);
		(void)!write(p[1], "x", 1);
		sleep(5);
		_exit(fd >= 0 ? 0 : 1);
	}
	assert_int_equal(read(p[0], &c, 1), 1);
	fd = align_append_lock(path, 0.2, &e);
	assert_int_equal(fd, -1);
	assert_int_equal(e.status, EX_TEMPFAIL);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	/* A killed holder leaves no stale lock. */
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	close(fd);
	close(p[0]);
	close(p[1]);
}

/* An append whose sync fails is not whole: it stays behind its journal
 * and the next writer takes it back.  An aborted append goes at once. */
static void
test_failed_or_aborted_append_is_taken_back(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	int fd;

	(void)state;
	put("---\nkind: a\n");
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_int_equal(align_append(fd, path, "---\nkind: b\n", 12, &e), 0);
	fail_fsync = 1;
	assert_int_equal(align_append_close(fd, path, &e), -1);
	fail_fsync = 0;
	assert_int_equal(e.status, EX_IOERR);
	assert_non_null(strstr(e.msg, "cannot sync"));
	assert_int_equal(align_append_limit(path), 12);
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_string_equal(get(), "---\nkind: a\n");
	assert_int_equal(align_append(fd, path, "---\nkind: c\n", 12, &e), 0);
	align_append_abort(fd, path);
	assert_string_equal(get(), "---\nkind: a\n");
	assert_int_equal(align_append_limit(path), -1);
	assert_int_equal(entries(), 1);
}

static void
test_append_and_rewrite_refuse_bad_places(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rewrite w;
	char bad[300], cwd[4096], *longname;

	(void)state;
	snprintf(bad, sizeof(bad), "%s/no/such/s.yaml", dir);
	assert_int_equal(align_append_lock(bad, 1, &e), -1);
	assert_int_equal(e.status, EX_CANTCREAT);
	/* A name too long for its journal beside it. */
	longname = malloc(5000);
	memset(longname, 'a', 4999);
	longname[4999] = '\0';
	assert_int_equal(align_append_lock(longname, 1, &e), -1);
	assert_int_equal(e.status, EX_CANTCREAT);
	assert_int_equal(align_append_limit(longname), -1);
	free(longname);
	/* A name without a directory: the current one. */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(align_rewrite_begin(&w, "here.yaml", &e), 0);
	fputs("x\n", w.fp);
	assert_int_equal(align_rewrite_commit(&w, &e), 0);
	assert_int_equal(access("here.yaml", F_OK), 0);
	assert_int_equal(chdir(cwd), 0);
	/* Writing to a descriptor that is closed fails. */
	assert_int_equal(align_write_all(-1, "x", 1), -1);
}

/* Every step of a rewrite that can fail says which, with status 74; up
 * to the rename the file is as it was, and no temporary file is left. */
static void
test_each_failing_step_of_a_rewrite(void **state)
{
	struct align_rewrite w;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	put("old\n");
	/* The last write, at the flush; the close. */
	commit_fails(&fail_flush, 1, "cannot write", "old\n");
	commit_fails(&fail_fclose, 1, "cannot close", "old\n");
	/* The sync of the directory, after the rename: the new file is in
	 * place, but it is said that it may not last. */
	commit_fails(&fail_fsync, 2, "cannot sync the directory", "new\n");
	/* A file system that cannot sync a directory is no error. */
	assert_int_equal(align_rewrite_begin(&w, path, &e), 0);
	fputs("newer\n", w.fp);
	fail_fsync = 2;
	fsync_errno = EINVAL;
	assert_int_equal(align_rewrite_commit(&w, &e), 0);
	assert_string_equal(get(), "newer\n");
}

/* An append whose journal, write, close or taking back fails: a message
 * and status 74, and the file keeps only whole records. */
static void
test_each_failing_step_of_an_append(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	int fd;

	(void)state;
	put("---\nkind: a\n");
	/* The journal cannot be written: no append begins. */
	fail_write = 1;
	assert_int_equal(align_append_lock(path, 1, &e), -1);
	assert_int_equal(e.status, EX_IOERR);
	assert_int_equal(align_append_limit(path), -1);
	/* The record cannot be written. */
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	fail_write = 1;
	assert_int_equal(align_append(fd, path, "---\nkind: b\n", 12, &e),
	    -1);
	assert_non_null(strstr(e.msg, "cannot append"));
	align_append_abort(fd, path);
	assert_string_equal(get(), "---\nkind: a\n");
	/* Written and synced, but the close fails: said, and kept. */
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_int_equal(align_append(fd, path, "---\nkind: c\n", 12, &e), 0);
	fail_close = 1;
	assert_int_equal(align_append_close(fd, path, &e), -1);
	assert_non_null(strstr(e.msg, "cannot close"));
	assert_string_equal(get(), "---\nkind: a\n---\nkind: c\n");
	/* An abort that cannot cut the file back leaves the journal, and
	 * the next writer cuts it back. */
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_int_equal(align_append(fd, path, "---\nkind: d\n", 12, &e), 0);
	fail_truncate = 1;
	align_append_abort(fd, path);
	assert_int_equal(align_append_limit(path), 24);
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: c\n");
	assert_int_equal(align_append_close(fd, path, &e), 0);
	/* A cut back that fails stops the next writer with a message. */
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_int_equal(align_append(fd, path, "---\nkind: e\n", 12, &e), 0);
	fail_truncate = 1;
	align_append_abort(fd, path);
	fail_truncate = 1;
	assert_int_equal(align_append_lock(path, 1, &e), -1);
	assert_int_equal(e.status, EX_IOERR);
	fd = align_append_lock(path, 1, &e);
	assert_true(fd >= 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: c\n");
	assert_int_equal(align_append_close(fd, path, &e), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rewrite_replaces_whole,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_failed_rename_or_sync_keeps_original, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_abort_and_unwritable_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_append_adds_whole_records,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_killed_append_is_taken_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_lock_is_status_75,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_failed_or_aborted_append_is_taken_back, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_append_and_rewrite_refuse_bad_places, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_each_failing_step_of_a_rewrite, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_each_failing_step_of_an_append, setup, teardown),
	};

	return cmocka_run_group_tests_name("file", tests, NULL, NULL);
}
