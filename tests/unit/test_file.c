/* The lock of a session file, its rewrite and its append, with failures
 * injected into the system calls (-Wl,--wrap) and writers killed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
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
int __real_mkstemp(char *);
int __real_flock(int, int);
/* Each: 0, or fail the Nth call from now (rename: every call while set);
 * fsync fails with fsync_errno, mkstemp with EACCES, flock with ENOLCK. */
static int fail_rename, fail_fsync, fail_close, fail_fclose, fail_flush,
    fail_truncate, fail_write, fail_mkstemp, fail_flock, fsync_errno = EIO;

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

int __wrap_mkstemp(char *template);
int
__wrap_mkstemp(char *template)
{
	if (now(&fail_mkstemp)) {
		errno = EACCES;
		return -1;
	}
	return __real_mkstemp(template);
}

int __wrap_flock(int fd, int op);
int
__wrap_flock(int fd, int op)
{
	if (now(&fail_flock)) {
		errno = ENOLCK;
		return -1;
	}
	return __real_flock(fd, op);
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
	setenv("TMPDIR", dir, 1);
	fail_rename = fail_fsync = fail_close = fail_fclose = 0;
	fail_truncate = fail_write = fail_flush = fail_mkstemp = 0;
	fail_flock = 0;
	fsync_errno = EIO;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	unsetenv("TMPDIR");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

/* A file of the test's directory: its path in a static buffer. */
static const char *
in_dir(const char *name)
{
	static char buf[4][300];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", dir, name);
	return buf[k];
}

static void
put_at(const char *p, const char *s)
{
	FILE *fp = fopen(p, "w");

	assert_non_null(fp);
	fputs(s, fp);
	fclose(fp);
}

static void
put(const char *s)
{
	put_at(path, s);
}

static char *
get_at(const char *p)
{
	static char buf[4096];
	FILE *fp = fopen(p, "r");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static char *
get(void)
{
	return get_at(path);
}

static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	while ((de = readdir(d)))
		n += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
	closedir(d);
	return n;
}

static int
exists(const char *name)
{
	return access(in_dir(name), F_OK) == 0;
}

static struct align_lock_opts quick = { 0, "test", NULL, NULL };

static void
test_rewrite_replaces_whole(void **state)
{
	struct align_lock lk;
	struct align_err e = ALIGN_ERR_INIT;
	struct stat st;

	(void)state;
	put("old\n");
	chmod(path, 0640);
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_true(exists(".session.align.yaml.align-lock"));
	assert_int_equal(align_lock_rewrite(&lk, &e), 0);
	fputs("new\n", lk.fp);
	assert_string_equal(get(), "old\n");
	assert_int_equal(entries(), 3);	/* the file, the lock, the new one */
	assert_int_equal(align_lock_commit(&lk, &e), 0);
	assert_string_equal(get(), "new\n");
	assert_int_equal(entries(), 1);	/* the lock file goes with the lock */
	stat(path, &st);
	assert_int_equal(st.st_mode & 0777, 0640);
	align_lock_release(&lk);	/* again: nothing */
}

/* A rewrite of "new\n" whose step armed by *what = n fails: status 74, a
 * message with msg, the file then holding after, no temporary file, and
 * the lock free. */
static void
commit_fails(int *what, int n, const char *msg, const char *after)
{
	struct align_lock lk;
	struct align_err e = ALIGN_ERR_INIT;

	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_int_equal(align_lock_rewrite(&lk, &e), 0);
	fputs("new\n", lk.fp);
	*what = n;
	assert_int_equal(align_lock_commit(&lk, &e), -1);
	*what = 0;
	assert_int_equal(e.status, EX_IOERR);
	assert_non_null(strstr(e.msg, msg));
	assert_string_equal(get(), after);
	assert_int_equal(entries(), 1);
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	align_lock_release(&lk);
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
test_release_and_unwritable_directory(void **state)
{
	struct align_lock lk;
	struct align_err e = ALIGN_ERR_INIT;
	char bad[300];

	(void)state;
	put("old\n");
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_int_equal(align_lock_rewrite(&lk, &e), 0);
	fputs("half", lk.fp);
	align_lock_release(&lk);
	assert_string_equal(get(), "old\n");
	assert_int_equal(entries(), 1);
	/* No directory: the lock file cannot be made, and it is said. */
	snprintf(bad, sizeof(bad), "%s/no/such/dir/s.yaml", dir);
	assert_int_equal(align_lock_acquire(&lk, bad, &quick, &e), -1);
	assert_int_equal(e.status, EX_CANTCREAT);
	assert_non_null(strstr(e.msg, "cannot create the lock file in "));
	assert_non_null(strstr(e.msg, "No such file or directory"));
	assert_string_equal(e.file, bad);
	/* No temporary file can be made (a read-only directory, which
	 * root does not see): said with the directory, the lock let go. */
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	fail_mkstemp = 1;
	assert_int_equal(align_lock_rewrite(&lk, &e), -1);
	assert_int_equal(e.status, EX_CANTCREAT);
	assert_non_null(strstr(e.msg, "cannot create a temporary file in "));
	assert_non_null(strstr(e.msg, "Permission denied"));
	align_lock_release(&lk);
	assert_int_equal(entries(), 1);
	assert_string_equal(get(), "old\n");
}

static void
test_append_adds_whole_records(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	put("---\nkind: a");	/* no final newline */
	assert_int_equal(align_append_file(path, "---\nkind: b\n", 12,
	    &quick, &e), 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: b\n");
	assert_int_equal(entries(), 1);
	/* A new file is made. */
	assert_int_equal(align_append_file(in_dir("new.yaml"), "---\n", 4,
	    &quick, &e), 0);
	assert_string_equal(get_at(in_dir("new.yaml")), "---\n");
}

/* A child that appends half a record to path and is killed. */
static void
killed_appender(const char *p, const char *half)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk;
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		if (align_lock_acquire(&lk, p, &quick, &e) < 0 ||
		    align_lock_append_begin(&lk, &e) < 0 ||
		    align_lock_append_write(&lk, half, strlen(half), &e) < 0)
			_exit(1);
		raise(SIGKILL);
	}
	waitpid(pid, &status, 0);
	assert_true(WIFSIGNALED(status));
}

static void
test_a_killed_append_is_taken_back(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	put("---\nkind: a\n");
	killed_appender(path, "---\nkind: b\nte");
	assert_int_equal(align_append_limit(path), 12);
	/* The file, its journal, and the lock file of the dead holder. */
	assert_int_equal(entries(), 3);
	/* The next writer cuts it back and appends whole. */
	assert_int_equal(align_append_file(path, "---\nkind: c\n", 12,
	    &quick, &e), 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: c\n");
	assert_int_equal(align_append_limit(path), -1);
	assert_int_equal(entries(), 1);
	/* So does a rewrite, before it is read. */
	killed_appender(path, "---\nkind: d\nte");
	{
		struct align_lock lk;

		assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
		assert_string_equal(get(), "---\nkind: a\n---\nkind: c\n");
		assert_int_equal(align_append_limit(path), -1);
		align_lock_release(&lk);
	}
}

/* The journal belongs to the file it describes: one left from before a
 * rewrite (another inode now), or of the old format, cuts nothing. */
static void
test_a_stale_journal_cuts_nothing(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk;
	const char *journal = in_dir(".session.align.yaml.align-append");

	(void)state;
	put("---\nkind: a\n");
	killed_appender(path, "---\nkind: b\nte");
	/* Replaced meanwhile by a program that takes no lock. */
	put_at(in_dir("other"), "---\nkind: a\n---\nkind: new\n");
	assert_int_equal(rename(in_dir("other"), path), 0);
	assert_int_equal(align_append_limit(path), -1);
	assert_int_equal(align_append_file(path, "---\nkind: c\n", 12,
	    &quick, &e), 0);
	assert_string_equal(get(),
	    "---\nkind: a\n---\nkind: new\n---\nkind: c\n");
	assert_int_equal(access(journal, F_OK), -1);
	/* The old format, a size alone, describes no file. */
	put_at(journal, "3\n");
	assert_int_equal(align_append_limit(path), -1);
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	align_lock_release(&lk);
	assert_string_equal(get(),
	    "---\nkind: a\n---\nkind: new\n---\nkind: c\n");
	assert_int_equal(entries(), 1);
}

static void
waited(const char *name, const char *who, void *ctx)
{
	(void)name;
	(void)who;
	++*(int *)ctx;
}

/* A child that holds the lock, as "holder", for hold seconds. */
static pid_t
holder(double hold)
{
	struct align_lock_opts ho = { 0, "holder", NULL, NULL };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk;
	int p[2];
	pid_t pid;
	char c;

	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct timespec ts;

		if (align_lock_acquire(&lk, path, &ho, &e) < 0)
			_exit(1);
		(void)!write(p[1], "x", 1);
		ts.tv_sec = (time_t)hold;
		ts.tv_nsec = (long)((hold - (double)ts.tv_sec) * 1e9);
		nanosleep(&ts, NULL);
		align_lock_release(&lk);
		_exit(0);
	}
	assert_int_equal(read(p[0], &c, 1), 1);
	close(p[0]);
	close(p[1]);
	return pid;
}

static void
test_busy_lock_is_status_75_and_names_its_holder(void **state)
{
	struct align_lock_opts o = { 0.2, "test", NULL, NULL };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk;
	char want[64];
	int status;
	pid_t pid;

	(void)state;
	put("");
	pid = holder(30);
	assert_int_equal(align_lock_acquire(&lk, path, &o, &e), -1);
	assert_int_equal(e.status, EX_TEMPFAIL);
	snprintf(want, sizeof(want), "locked by holder (pid %ld) since ",
	    (long)pid);
	assert_non_null(strstr(e.msg, want));
	assert_non_null(strstr(e.msg, "gave up after 0.2 seconds"));
	assert_int_equal(align_append_file(path, "x\n", 2, &o, &e), -1);
	assert_string_equal(get(), "");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	/* A killed holder leaves no stale lock. */
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	align_lock_release(&lk);
}

/* A writer waits while another holds the lock, is told once after a
 * second, and gets it when the holder lets go (removing the lock file). */
static void
test_a_waiting_writer_is_told_and_gets_the_lock(void **state)
{
	struct align_lock_opts o = { 10, "test", waited, NULL };
	struct align_err e = ALIGN_ERR_INIT;
	int told = 0, status;
	pid_t pid;

	(void)state;
	o.ctx = &told;
	put("---\nkind: a\n");
	pid = holder(1.4);
	assert_int_equal(align_append_file(path, "---\nkind: b\n", 12, &o,
	    &e), 0);
	assert_int_equal(told, 1);
	waitpid(pid, &status, 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: b\n");
	assert_int_equal(entries(), 1);
}

/* Every failed append is cut back at once. */
static void
test_failed_or_aborted_append_is_taken_back(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk;

	(void)state;
	put("---\nkind: a\n");
	/* The sync of the data: after the journal's. */
	fail_fsync = 2;
	assert_int_equal(align_append_file(path, "---\nkind: b\n", 12,
	    &quick, &e), -1);
	assert_int_equal(e.status, EX_IOERR);
	assert_non_null(strstr(e.msg, "cannot sync"));
	assert_string_equal(get(), "---\nkind: a\n");
	assert_int_equal(align_append_limit(path), -1);
	assert_int_equal(entries(), 1);
	/* Aborted, or released before the commit. */
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_int_equal(align_lock_append_begin(&lk, &e), 0);
	assert_int_equal(align_lock_append_write(&lk, "---\nkind: c\n", 12,
	    &e), 0);
	align_lock_append_abort(&lk);
	assert_string_equal(get(), "---\nkind: a\n");
	assert_int_equal(align_lock_append(&lk, "---\nkind: d\n", 12, &e), 0);
	assert_int_equal(align_lock_append_begin(&lk, &e), 0);
	assert_int_equal(align_lock_append_write(&lk, "---\nkind: e\n", 12,
	    &e), 0);
	align_lock_release(&lk);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: d\n");
	assert_int_equal(entries(), 1);
}

static void
test_bad_places_are_refused(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk;
	char cwd[4096], *longname;
	struct timespec t0, t1;

	(void)state;
	/* A FIFO is refused at once, never opened. */
	assert_int_equal(mkfifo(in_dir("fifo"), 0600), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(align_lock_acquire(&lk, in_dir("fifo"), &quick, &e),
	    -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true(t1.tv_sec - t0.tv_sec < 2);
	assert_int_equal(e.status, EX_NOINPUT);
	assert_string_equal(e.msg, "is a FIFO, not a regular file");
	assert_int_equal(align_file_check(in_dir("fifo"), &e), -1);
	assert_int_equal(align_append_file(in_dir("fifo"), "x", 1, &quick,
	    &e), -1);
	assert_int_equal(e.status, EX_NOINPUT);
	/* A directory, a device. */
	assert_int_equal(align_lock_acquire(&lk, dir, &quick, &e), -1);
	assert_string_equal(e.msg, "is a directory, not a regular file");
	assert_int_equal(align_lock_acquire(&lk, "/dev/null", &quick, &e),
	    -1);
	assert_string_equal(e.msg, "is a device, not a regular file");
	assert_int_equal(align_file_check(in_dir("none"), &e), 0);
	put("x\n");
	assert_int_equal(align_file_check(path, &e), 1);
	assert_int_equal(entries(), 2);		/* nothing made */
	/* A name too long for its lock file beside it. */
	longname = malloc(300);
	memset(longname, 'a', 299);
	longname[299] = '\0';
	assert_int_equal(align_lock_acquire(&lk, longname, &quick, &e), -1);
	assert_true(e.status == EX_CANTCREAT || e.status == EX_NOINPUT);
	assert_int_equal(align_append_limit(longname), -1);
	free(longname);
	/* A name without a directory: the current one. */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(align_lock_acquire(&lk, "here.yaml", &quick, &e), 0);
	assert_int_equal(align_lock_rewrite(&lk, &e), 0);
	fputs("x\n", lk.fp);
	assert_int_equal(align_lock_commit(&lk, &e), 0);
	assert_int_equal(access("here.yaml", F_OK), 0);
	assert_int_equal(chdir(cwd), 0);
	/* Writing to a descriptor that is closed fails. */
	assert_int_equal(align_write_all(-1, "x", 1), -1);
}

/* -i through a symbolic link updates the file it names and keeps the
 * link; the lock, journal and temporary file are beside the file. */
static void
test_a_link_is_followed_and_kept(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk;
	struct stat st;

	(void)state;
	assert_int_equal(mkdir(in_dir("real"), 0755), 0);
	put_at(in_dir("real/s.yaml"), "old\n");
	assert_int_equal(symlink("real/s.yaml", path), 0);
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_string_equal(lk.name, path);
	assert_non_null(strstr(lk.path, "/real/s.yaml"));
	assert_true(exists("real/.s.yaml.align-lock"));
	assert_int_equal(align_lock_rewrite(&lk, &e), 0);
	assert_non_null(strstr(lk.tmp, "/real/.s.yaml."));
	fputs("new\n", lk.fp);
	assert_int_equal(align_lock_commit(&lk, &e), 0);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(get_at(in_dir("real/s.yaml")), "new\n");
	/* An append through the link: journaled beside the file. */
	killed_appender(path, "half");
	assert_true(exists("real/.s.yaml.align-append"));
	assert_int_equal(align_append_limit(path), 4);
	assert_int_equal(align_append_file(path, "more\n", 5, &quick, &e), 0);
	assert_string_equal(get_at(in_dir("real/s.yaml")), "new\nmore\n");
	/* A link to a file still to be made makes that file. */
	assert_int_equal(symlink("real/later.yaml", in_dir("later")), 0);
	assert_int_equal(align_append_file(in_dir("later"), "x\n", 2, &quick,
	    &e), 0);
	assert_int_equal(lstat(in_dir("later"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(get_at(in_dir("real/later.yaml")), "x\n");
}

static void
touch_at(const char *name, time_t when)
{
	struct timespec t[2];

	put_at(in_dir(name), "left\n");
	t[0].tv_sec = t[1].tv_sec = when;
	t[0].tv_nsec = t[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, in_dir(name), t, 0), 0);
}

/* What killed rewrites left is removed by the next holder: only the
 * temporary files of this file, and only those older than its lock. */
static void
test_stale_temporary_files_are_removed(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	time_t t = time(NULL);

	(void)state;
	put("---\nkind: a\n");
	touch_at(".session.align.yaml.Ab3dE9", t - 60);
	touch_at(".session.align.yaml.zzzzzz", t - 3600);
	touch_at(".session.align.yaml.future", t + 3600);	/* not older */
	touch_at(".session.align.yaml.toolong", t - 60);	/* 7 letters */
	touch_at(".session.align.yaml.a-b_cd", t - 60);		/* not ours */
	touch_at(".other.yaml.Ab3dE9", t - 60);			/* another */
	touch_at("session.align.yaml.Ab3dE9", t - 60);		/* no dot */
	assert_int_equal(align_append_file(path, "---\nkind: b\n", 12,
	    &quick, &e), 0);
	assert_false(exists(".session.align.yaml.Ab3dE9"));
	assert_false(exists(".session.align.yaml.zzzzzz"));
	assert_true(exists(".session.align.yaml.future"));
	assert_true(exists(".session.align.yaml.toolong"));
	assert_true(exists(".session.align.yaml.a-b_cd"));
	assert_true(exists(".other.yaml.Ab3dE9"));
	assert_true(exists("session.align.yaml.Ab3dE9"));
	/* A killed rewrite's own: removed by the next writer. */
	{
		pid_t pid = fork();
		int status;

		if (pid == 0) {
			struct align_lock lk;

			if (align_lock_acquire(&lk, path, &quick, &e) < 0 ||
			    align_lock_rewrite(&lk, &e) < 0)
				_exit(1);
			fputs("half", lk.fp);
			fflush(lk.fp);
			raise(SIGKILL);
		}
		waitpid(pid, &status, 0);
		assert_true(WIFSIGNALED(status));
	}
	assert_int_equal(entries(), 8);	/* its temporary file, its lock */
	assert_int_equal(align_append_file(path, "---\nkind: c\n", 12,
	    &quick, &e), 0);
	assert_int_equal(entries(), 6);
	assert_string_equal(get(),
	    "---\nkind: a\n---\nkind: b\n---\nkind: c\n");
}

/* Every step of a rewrite that can fail says which, with status 74; up
 * to the rename the file is as it was, and no temporary file is left. */
static void
test_each_failing_step_of_a_rewrite(void **state)
{
	struct align_lock lk;
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
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_int_equal(align_lock_rewrite(&lk, &e), 0);
	fputs("newer\n", lk.fp);
	fail_fsync = 2;
	fsync_errno = EINVAL;
	assert_int_equal(align_lock_commit(&lk, &e), 0);
	assert_string_equal(get(), "newer\n");
	/* The lock itself fails (not busy: broken). */
	fail_flock = 1;
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), -1);
	assert_int_equal(e.status, EX_IOERR);
	assert_non_null(strstr(e.msg, "cannot lock"));
	/* The lock file it made stays, free: the next holder removes it. */
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	align_lock_release(&lk);
	assert_int_equal(entries(), 1);
}

/* An append whose journal, write, sync or cut back fails: a message and
 * status 74, and the file keeps only whole records. */
static void
test_each_failing_step_of_an_append(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk;

	(void)state;
	put("---\nkind: a\n");
	/* The journal cannot be written, synced or closed: no append. */
	fail_write = 1;
	assert_int_equal(align_append_file(path, "---\nkind: b\n", 12,
	    &quick, &e), -1);
	assert_int_equal(e.status, EX_IOERR);
	assert_non_null(strstr(e.msg, "cannot write the journal"));
	fail_fsync = 1;
	assert_int_equal(align_append_file(path, "---\nkind: b\n", 12,
	    &quick, &e), -1);
	fail_close = 1;
	assert_int_equal(align_append_file(path, "---\nkind: b\n", 12,
	    &quick, &e), -1);
	assert_int_equal(align_append_limit(path), -1);
	assert_string_equal(get(), "---\nkind: a\n");
	/* The record cannot be written (a full disk): cut back. */
	fail_write = 2;
	assert_int_equal(align_append_file(path, "---\nkind: b\n", 12,
	    &quick, &e), -1);
	assert_non_null(strstr(e.msg, "cannot append"));
	assert_string_equal(get(), "---\nkind: a\n");
	assert_int_equal(entries(), 1);
	/* A cut back that fails leaves the journal: readers stop there, and
	 * the next holder cuts it back. */
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_int_equal(align_lock_append_begin(&lk, &e), 0);
	assert_int_equal(align_lock_append_write(&lk, "---\nkind: d\n", 12,
	    &e), 0);
	fail_truncate = 1;
	align_lock_release(&lk);
	assert_int_equal(align_append_limit(path), 12);
	assert_int_equal(align_append_file(path, "---\nkind: c\n", 12,
	    &quick, &e), 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: c\n");
	/* A cut back that fails at the next holder stops it, said. */
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_int_equal(align_lock_append_begin(&lk, &e), 0);
	assert_int_equal(align_lock_append_write(&lk, "---\nkind: e\n", 12,
	    &e), 0);
	fail_truncate = 1;
	align_lock_release(&lk);
	fail_truncate = 1;
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), -1);
	assert_int_equal(e.status, EX_IOERR);
	assert_non_null(strstr(e.msg, "cannot take back an unfinished"));
	assert_int_equal(align_lock_acquire(&lk, path, &quick, &e), 0);
	assert_string_equal(get(), "---\nkind: a\n---\nkind: c\n");
	align_lock_release(&lk);
	assert_int_equal(entries(), 1);
}

/* A reader stops at the size the file had when it was opened, or at the
 * start of an unfinished append of this very file. */
static void
test_readers_stop_where_the_file_is_whole(void **state)
{
	int fd;

	(void)state;
	put("---\nkind: a\n");
	fd = open(path, O_RDONLY);
	assert_int_equal(align_append_limit_fd(fd, path), 12);
	close(fd);
	killed_appender(path, "---\nkind: b");
	fd = open(path, O_RDONLY);
	assert_int_equal(align_append_limit_fd(fd, path), 12);
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	assert_int_equal(align_append_limit_fd(fd, "/dev/null"), -1);
	close(fd);
}

/* Temporary files: a list with no limit, emptied at exit and by a
 * signal, which also takes back an append and lets go of a lock. */
static void
test_temporary_files_go_at_exit_and_on_signals(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	int sig, status;

	(void)state;
	put("---\nkind: a\n");
	for (sig = 0; sig <= SIGTERM; sig += SIGTERM) {
		pid_t pid;

		fflush(NULL);	/* the child's exit flushes its copies */
		pid = fork();

		if (pid == 0) {
			struct align_lock lk;
			char *names[20];
			FILE *fp;
			int i;

			align_cleanup_signals();
			for (i = 0; i < 20; i++)
				if ((fp = align_temp_create(&names[i], &e)) ==
				    NULL)
					_exit(1);
			if (align_lock_acquire(&lk, path, &quick, &e) < 0 ||
			    align_lock_rewrite(&lk, &e) < 0 ||
			    align_lock_append_begin(&lk, &e) < 0 ||
			    align_lock_append_write(&lk, "half", 4, &e) < 0)
				_exit(1);
			/* 20 temporary files, the rewrite's, the lock, the
			 * journal, the file. */
			if (entries() != 24)
				_exit(2);
			if (sig)
				raise(sig);
			exit(0);
		}
		waitpid(pid, &status, 0);
		if (sig)
			assert_true(WIFSIGNALED(status) &&
			    WTERMSIG(status) == sig);
		else
			assert_true(WIFEXITED(status) &&
			    WEXITSTATUS(status) == 0);
		assert_int_equal(entries(), 1);
		assert_string_equal(get(), "---\nkind: a\n");
	}
	/* In the process itself, removed at once. */
	{
		char *name;
		FILE *fp = align_temp_create(&name, &e);

		assert_non_null(fp);
		assert_int_equal(entries(), 2);
		fclose(fp);
		align_temp_remove(name);
		fp = align_temp_stream(&e);
		assert_non_null(fp);
		assert_int_equal(entries(), 1);
		fclose(fp);
		align_temp_remove(NULL);
	}
	/* They follow TMPDIR, and say where they could not be made. */
	setenv("TMPDIR", in_dir("no/such"), 1);
	assert_null(align_temp_stream(&e));
	assert_int_equal(e.status, EX_CANTCREAT);
	assert_non_null(strstr(e.msg, "cannot create a temporary file in "));
	assert_non_null(strstr(e.msg, "/no/such"));
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
		    test_release_and_unwritable_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_append_adds_whole_records,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_killed_append_is_taken_back, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_stale_journal_cuts_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_busy_lock_is_status_75_and_names_its_holder, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_waiting_writer_is_told_and_gets_the_lock, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_failed_or_aborted_append_is_taken_back, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bad_places_are_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_link_is_followed_and_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_stale_temporary_files_are_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_each_failing_step_of_a_rewrite, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_each_failing_step_of_an_append, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_readers_stop_where_the_file_is_whole, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_temporary_files_go_at_exit_and_on_signals, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("file", tests, NULL, NULL);
}
