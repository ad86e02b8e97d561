#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "file.h"

/* Temporary files to remove when a signal ends the process. */
#define MAX_TEMPS 8
static char *volatile temps[MAX_TEMPS];

static void
register_temp(char *path)
{
	int i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (temps[i] == NULL) {
			temps[i] = path;
			return;
		}
}

static void
unregister_temp(const char *path)
{
	int i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (temps[i] == path)
			temps[i] = NULL;
}

static void
on_signal(int sig)
{
	int i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (temps[i])
			unlink(temps[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
align_cleanup_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		/* Keep a signal ignored when the caller ignored it. */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

int
align_write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

int
align_rewrite_begin(struct align_rewrite *w, const char *path,
    struct align_err *e)
{
	const char *base = strrchr(path, '/');
	size_t dirlen = base ? (size_t)(base - path) + 1 : 0;
	struct stat st;

	memset(w, 0, sizeof(*w));
	w->fd = -1;
	base = base ? base + 1 : path;
	w->path = strdup(path);
	w->tmp = malloc(strlen(path) + 16);
	/* Everything the commit needs is allocated now: after the rename
	 * nothing may fail for want of memory. */
	w->dir = malloc(dirlen + 2);
	if (w->path == NULL || w->tmp == NULL || w->dir == NULL) {
		align_rewrite_abort(w);
		return align_err_nomem(e);
	}
	/* ".NAME.XXXXXX" beside NAME: same file system, so rename is atomic;
	 * a unique name, so a stale one from a killed run never blocks. */
	if (dirlen == 0)
		strcpy(w->dir, ".");
	else if (dirlen == 1)
		strcpy(w->dir, "/");
	else
		snprintf(w->dir, dirlen, "%s", path);	/* without the '/' */
	memcpy(w->tmp, path, dirlen);
	snprintf(w->tmp + dirlen, strlen(path) + 16 - dirlen, ".%s.XXXXXX",
	    base);
	w->fd = mkstemp(w->tmp);
	if (w->fd < 0) {
		int err = errno;

		free(w->tmp);
		w->tmp = NULL;
		align_rewrite_abort(w);
		return align_err_set(e, EX_CANTCREAT, path, 0, 0,
		    "cannot create a temporary file beside it: %s",
		    strerror(err));
	}
	register_temp(w->tmp);
	/* The new file keeps the old one's permissions; a new one gets the
	 * user's umask. */
	if (stat(path, &st) == 0) {
		(void)fchmod(w->fd, st.st_mode & 07777);
	} else {
		mode_t um = umask(0);

		umask(um);
		(void)fchmod(w->fd, 0666 & ~um);
	}
	w->fp = fdopen(w->fd, "w");
	if (w->fp == NULL) {
		align_rewrite_abort(w);
		return align_err_nomem(e);
	}
	return 0;
}

static int
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = 0;

	if (fd >= 0) {
		/* Some file systems cannot sync a directory: not an error. */
		if (fsync(fd) < 0 && errno != EINVAL && errno != EROFS)
			rc = -1;
		close(fd);
	}
	return rc;
}

int
align_rewrite_commit(struct align_rewrite *w, struct align_err *e)
{
	const char *what = "write";

	if (fflush(w->fp) != 0 || ferror(w->fp))
		goto fail;
	what = "sync";
	if (fsync(w->fd) < 0)
		goto fail;
	what = "close";
	w->fd = -1;
	if (fclose(w->fp) != 0) {
		w->fp = NULL;
		goto fail;
	}
	w->fp = NULL;
	what = "rename";
	if (rename(w->tmp, w->path) < 0)
		goto fail;
	unregister_temp(w->tmp);
	free(w->tmp);
	w->tmp = NULL;
	what = "sync the directory of";
	if (sync_dir(w->dir) < 0)
		goto fail;
	align_rewrite_abort(w);
	return 0;
fail:
	align_err_set(e, EX_IOERR, w->path, 0, 0, "cannot %s: %s", what,
	    strerror(errno));
	align_rewrite_abort(w);
	return -1;
}

void
align_rewrite_abort(struct align_rewrite *w)
{
	if (w->fp)
		fclose(w->fp);
	else if (w->fd >= 0)
		close(w->fd);
	if (w->tmp) {
		unlink(w->tmp);
		unregister_temp(w->tmp);
	}
	free(w->tmp);
	free(w->path);
	free(w->dir);
	memset(w, 0, sizeof(*w));
	w->fd = -1;
}

/* The journal of an append: ".NAME.align-append" beside NAME, holding the
 * size NAME had before the append began.  While it exists the bytes past
 * that size are an append that has not finished, or never will: readers
 * stop there, and the next writer cuts them off. */
static int
journal_path(const char *path, char *out, size_t n)
{
	const char *base = strrchr(path, '/');
	size_t dirlen = base ? (size_t)(base - path) + 1 : 0;

	base = base ? base + 1 : path;
	return snprintf(out, n, "%.*s.%s.align-append", (int)dirlen, path,
	    base) < (int)n ? 0 : -1;
}

long long
align_append_limit(const char *path)
{
	char jp[4096], text[32];
	ssize_t n;
	int fd;

	if (journal_path(path, jp, sizeof(jp)) < 0 ||
	    (fd = open(jp, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	text[n] = '\0';
	return strtoll(text, NULL, 10);
}

int
align_append_lock(const char *path, double timeout, struct align_err *e)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	double waited = 0;
	char jp[4096], text[32];
	long long lim;
	off_t size;
	int fd, jfd, n;

	if (journal_path(path, jp, sizeof(jp)) < 0)
		return align_err_set(e, EX_CANTCREAT, path, 0, 0,
		    "file name too long");
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0)
		return align_err_set(e, EX_CANTCREAT, path, 0, 0,
		    "cannot open for appending: %s", strerror(errno));
	/* flock(2), not fcntl(2): a POSIX lock is dropped when the process
	 * closes any descriptor of the file, as reading it again would. */
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			int err = errno;

			close(fd);
			return align_err_set(e, EX_IOERR, path, 0, 0,
			    "cannot lock: %s", strerror(err));
		}
		if (waited >= timeout) {
			close(fd);
			return align_err_set(e, EX_TEMPFAIL, path, 0, 0,
			    "locked by another writer for %.0f seconds; "
			    "try again", timeout);
		}
		nanosleep(&pause, NULL);
		waited += 0.01;
	}
	/* An append that was killed: take back what it wrote. */
	if ((lim = align_append_limit(path)) >= 0) {
		if (lseek(fd, 0, SEEK_END) > (off_t)lim &&
		    ftruncate(fd, (off_t)lim) < 0)
			goto fail;
		unlink(jp);
	}
	size = lseek(fd, 0, SEEK_END);
	n = snprintf(text, sizeof(text), "%lld\n", (long long)size);
	jfd = open(jp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (jfd < 0 || align_write_all(jfd, text, (size_t)n) < 0 ||
	    fsync(jfd) < 0) {
		if (jfd >= 0)
			close(jfd);
		unlink(jp);
		goto fail;
	}
	close(jfd);
	return fd;
fail:
	{
		int err = errno;

		close(fd);
		return align_err_set(e, EX_IOERR, path, 0, 0,
		    "cannot prepare the append: %s", strerror(err));
	}
}

int
align_append(int fd, const char *path, const char *s, size_t n,
    struct align_err *e)
{
	off_t end = lseek(fd, 0, SEEK_END);
	char last;

	if (end > 0 && pread(fd, &last, 1, end - 1) == 1 && last != '\n' &&
	    align_write_all(fd, "\n", 1) < 0)
		goto fail;
	if (align_write_all(fd, s, n) < 0)
		goto fail;
	return 0;
fail:
	return align_err_set(e, EX_IOERR, path, 0, 0, "cannot append: %s",
	    strerror(errno));
}

int
align_append_close(int fd, const char *path, struct align_err *e)
{
	char jp[4096];
	int rc = 0;

	if (fsync(fd) < 0 && errno != EINVAL)
		rc = align_err_set(e, EX_IOERR, path, 0, 0, "cannot sync: %s",
		    strerror(errno));
	/* Synced: the append is whole.  Without the sync, it is taken
	 * back by the next writer. */
	if (rc == 0 && journal_path(path, jp, sizeof(jp)) == 0)
		unlink(jp);
	if (close(fd) < 0 && rc == 0)
		rc = align_err_set(e, EX_IOERR, path, 0, 0, "cannot close: %s",
		    strerror(errno));
	return rc;
}

void
align_append_abort(int fd, const char *path)
{
	long long lim = align_append_limit(path);
	char jp[4096];

	if (lim >= 0 && ftruncate(fd, (off_t)lim) == 0 &&
	    journal_path(path, jp, sizeof(jp)) == 0)
		unlink(jp);
	close(fd);
}
