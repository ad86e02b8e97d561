#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "file.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/*
 * What an exit or a signal takes back: a list that only grows at its head
 * and whose entries are reused, never freed, so that a signal handler can
 * walk it at any moment (git's tempfile.c).  An entry removes path, and,
 * with journal, first cuts fd back to before and removes the journal.
 * A pointer is cleared before what it points to is freed or handed on.
 */
struct align_cleanup {
	struct align_cleanup *next;
	volatile sig_atomic_t used;
	volatile pid_t owner;		/* a child after fork(2) leaves it */
	char *volatile path;
	char *volatile journal;
	volatile int fd;
	volatile off_t before;
};

static struct align_cleanup *volatile cleanups;
static int cleanup_at_exit;

static void
cleanup_run(void)
{
	struct align_cleanup *c;
	pid_t me = getpid();

	for (c = cleanups; c; c = c->next) {
		char *p;

		if (!c->used || c->owner != me)
			continue;
		if ((p = c->journal) != NULL && c->fd >= 0 &&
		    ftruncate(c->fd, c->before) == 0)
			unlink(p);
		if ((p = c->path) != NULL)
			unlink(p);
	}
}

static struct align_cleanup *
cleanup_get(void)
{
	struct align_cleanup *c;

	if (!cleanup_at_exit) {
		if (atexit(cleanup_run) != 0)
			return NULL;
		cleanup_at_exit = 1;
	}
	for (c = cleanups; c; c = c->next)
		if (!c->used)
			break;
	if (c == NULL) {
		if ((c = calloc(1, sizeof(*c))) == NULL)
			return NULL;
		c->next = cleanups;
		cleanups = c;
	}
	c->path = NULL;
	c->journal = NULL;
	c->fd = -1;
	c->owner = getpid();
	c->used = 1;
	return c;
}

static void
cleanup_put(struct align_cleanup *c)
{
	if (c == NULL)
		return;
	c->journal = NULL;
	c->path = NULL;
	c->fd = -1;
	c->used = 0;
}

static void
on_signal(int sig)
{
	cleanup_run();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
align_cleanup_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGPIPE, SIGQUIT,
	    SIGTERM };
	struct sigaction sa;
	size_t i;

	if (!cleanup_at_exit && atexit(cleanup_run) == 0)
		cleanup_at_exit = 1;
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

/* mkstemp(3), the descriptor closed on exec (an editor never holds it). */
static int
make_temp(char *template)
{
	int fd = mkstemp(template);

	if (fd >= 0)
		(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	return fd;
}

static const char *
tmpdir(void)
{
	const char *d = getenv("TMPDIR");

	return d && *d ? d : "/tmp";
}

FILE *
align_temp_create(char **path, struct align_err *e)
{
	const char *d = tmpdir();
	size_t n = strlen(d) + sizeof("/align.XXXXXX");
	struct align_cleanup *c;
	char *p = malloc(n);
	FILE *fp;
	int fd;

	*path = NULL;
	if (p == NULL || (c = cleanup_get()) == NULL) {
		free(p);
		align_err_nomem(e);
		return NULL;
	}
	snprintf(p, n, "%s/align.XXXXXX", d);
	if ((fd = make_temp(p)) < 0) {
		align_err_set(e, EX_CANTCREAT, NULL, 0, 0, "cannot create a "
		    "temporary file in %s: %s", d, strerror(errno));
		cleanup_put(c);
		free(p);
		return NULL;
	}
	c->path = p;
	if ((fp = fdopen(fd, "w+")) == NULL) {
		close(fd);
		align_temp_remove(p);
		align_err_nomem(e);
		return NULL;
	}
	*path = p;
	return fp;
}

void
align_temp_remove(char *path)
{
	struct align_cleanup *c;

	if (path == NULL)
		return;
	for (c = cleanups; c; c = c->next)
		if (c->used && c->path == path)
			break;
	cleanup_put(c);
	unlink(path);
	free(path);
}

FILE *
align_temp_stream(struct align_err *e)
{
	char *path;
	FILE *fp = align_temp_create(&path, e);

	align_temp_remove(path);	/* open, it lasts as long as fp */
	return fp;
}

/* "is a FIFO" and the like, for a file that is not regular. */
static const char *
what_it_is(mode_t m)
{
	return S_ISDIR(m) ? "is a directory" : S_ISFIFO(m) ? "is a FIFO" :
	    S_ISCHR(m) || S_ISBLK(m) ? "is a device" : S_ISSOCK(m) ?
	    "is a socket" : "is not a regular file";
}

static int
not_regular(struct align_err *e, const char *name, mode_t m)
{
	return align_err_set(e, EX_NOINPUT, name, 0, 0, "%s, not a regular "
	    "file", what_it_is(m));
}

int
align_file_check(const char *path, struct align_err *e)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return 0;
	if (!S_ISREG(st.st_mode))
		return not_regular(e, path, st.st_mode);
	return 1;
}

/* DIR/.NAME.suffix, or NULL. */
static char *
beside(const char *dir, const char *base, const char *suffix)
{
	size_t n = strlen(dir) + strlen(base) + strlen(suffix) + 4;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s/.%s.%s", strcmp(dir, "/") ? dir : "",
		    base, suffix);
	return s;
}

/* What a link points to, relative to the link's directory; NULL with
 * errno (EINVAL: not a link). */
static char *
follow(const char *link)
{
	char to[PATH_MAX];
	const char *slash = strrchr(link, '/');
	ssize_t k = readlink(link, to, sizeof(to) - 1);
	size_t n;
	char *s;

	if (k < 0)
		return NULL;
	to[k] = '\0';
	if (to[0] == '/' || slash == NULL)
		return strdup(to);
	n = (size_t)(slash - link) + 2 + (size_t)k;
	if ((s = malloc(n)) != NULL)
		snprintf(s, n, "%.*s/%s", (int)(slash - link), link, to);
	return s;
}

/* What path names once the file is made: path, or, through dangling
 * symbolic links, what the last one holds.  NULL and errno. */
static char *
to_be_made(const char *path)
{
	char *name = strdup(path), *next;
	int hops, err;

	if (name == NULL)
		return NULL;
	for (hops = 0; hops < 40; hops++) {
		if ((next = follow(name)) == NULL) {
			if (errno == EINVAL || errno == ENOENT)
				return name;	/* not a link: this one */
			err = errno;
			free(name);
			errno = err;
			return NULL;
		}
		free(name);
		name = next;
	}
	free(name);
	errno = ELOOP;
	return NULL;
}

/* The absolute name of a file that is not there yet, its directory
 * resolved (it must exist): NULL and e. */
static char *
absolute_new(const char *path, struct align_err *e)
{
	char *name = to_be_made(path), *slash, *dir, *full;
	const char *in;
	size_t n;

	if (name == NULL) {
		if (errno == ENOMEM)
			align_err_nomem(e);
		else
			align_err_set(e, EX_NOINPUT, path, 0, 0,
			    "cannot open: %s", strerror(errno));
		return NULL;
	}
	if ((slash = strrchr(name, '/')) != NULL && slash[1] == '\0') {
		free(name);
		align_err_set(e, EX_CANTCREAT, path, 0, 0, "cannot create: %s",
		    strerror(EISDIR));
		return NULL;
	}
	if (slash)
		*slash = '\0';
	in = slash == NULL ? "." : slash == name ? "/" : name;
	if ((dir = realpath(in, NULL)) == NULL) {
		align_err_set(e, errno == ENOMEM ? ALIGN_EX_NOMEM :
		    EX_CANTCREAT, path, 0, 0, "cannot create the lock file in "
		    "%s: %s", in, strerror(errno));
		free(name);
		return NULL;
	}
	n = strlen(dir) + strlen(slash ? slash + 1 : name) + 2;
	if ((full = malloc(n)) != NULL)
		snprintf(full, n, "%s/%s", strcmp(dir, "/") ? dir : "",
		    slash ? slash + 1 : name);
	else
		align_err_nomem(e);
	free(dir);
	free(name);
	return full;
}

/* The directory (resolved) and the name of the file path names, which
 * need not exist (nor the file a dangling link names): 0, or -1 and e. */
static int
resolve(const char *path, char **dir, char **base, struct align_err *e)
{
	char *full = realpath(path, NULL), *slash;

	*dir = *base = NULL;
	if (full == NULL && errno == ENOENT) {
		if ((full = absolute_new(path, e)) == NULL)
			return -1;
	} else if (full == NULL) {
		return errno == ENOMEM ? align_err_nomem(e) :
		    align_err_set(e, EX_NOINPUT, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	}
	slash = strrchr(full, '/');	/* absolute: there is one */
	*base = strdup(slash + 1);
	*dir = slash == full ? strdup("/") : strndup(full,
	    (size_t)(slash - full));
	free(full);
	if (*dir == NULL || *base == NULL) {
		free(*dir);
		free(*base);
		*dir = *base = NULL;
		return align_err_nomem(e);
	}
	return 0;
}

/* A journal: the identity and size of the file before an append. */
struct journal {
	unsigned long long dev, ino;
	long long size;
};

/* 1 and j, 0 when there is none, -1 when it cannot be read or is not one
 * of this format (stale). */
static int
journal_read(const char *path, struct journal *j)
{
	char text[128];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	text[n] = '\0';
	if (sscanf(text, "%llu %llu %lld", &j->dev, &j->ino, &j->size) != 3 ||
	    j->size < 0)
		return -1;
	return 1;
}

static int
journal_describes(const struct journal *j, const struct stat *st)
{
	return j->dev == (unsigned long long)st->st_dev &&
	    j->ino == (unsigned long long)st->st_ino;
}

/* The journal of an existing file, named into out; -1 when it cannot
 * be named.  No allocation: readers call it, in any thread. */
static int
journal_name(const char *path, char *out, size_t n)
{
	char real[PATH_MAX], *slash;

	if (realpath(path, real) == NULL || (slash = strrchr(real, '/')) ==
	    NULL)
		return -1;
	*slash = '\0';
	return snprintf(out, n, "%s/.%s.align-append", real, slash + 1) <
	    (int)n ? 0 : -1;
}

long long
align_append_limit_fd(int fd, const char *path)
{
	char jp[PATH_MAX + 32];
	struct journal j;
	struct stat st;
	long long lim;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return -1;
	lim = (long long)st.st_size;
	if (journal_name(path, jp, sizeof(jp)) == 0 &&
	    journal_read(jp, &j) > 0 && journal_describes(&j, &st) &&
	    j.size < lim)
		lim = j.size;
	return lim;
}

long long
align_append_limit(const char *path)
{
	char jp[PATH_MAX + 32];
	struct journal j;
	struct stat st;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
	    journal_name(path, jp, sizeof(jp)) < 0 ||
	    journal_read(jp, &j) <= 0 || !journal_describes(&j, &st))
		return -1;
	return j.size;
}

/* Process-wide defaults. */
static struct align_lock_opts lock_defaults = { ALIGN_LOCK_WAIT, "align",
    NULL, NULL };

void
align_lock_set_defaults(const struct align_lock_opts *o)
{
	lock_defaults = *o;
	if (lock_defaults.wait < 0)
		lock_defaults.wait = ALIGN_LOCK_WAIT;
	if (lock_defaults.tool == NULL)
		lock_defaults.tool = "align";
}

void
align_lock_defaults(struct align_lock_opts *o)
{
	*o = lock_defaults;
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Who holds the lock fd is open on, for people: "align-theme (pid 1234)
 * since 12:01:03", with the host when it is another, the day when it is
 * another; "another writer" when the lock file does not say. */
static void
holder(int fd, char *out, size_t n)
{
	char text[256], tool[64], host[128], here[128] = "", when[32];
	long long t;
	long pid;
	ssize_t k = pread(fd, text, sizeof(text) - 1, 0);
	struct tm tm, today;
	time_t at, now = time(NULL);

	snprintf(out, n, "another writer");
	if (k <= 0)
		return;
	text[k] = '\0';
	if (sscanf(text, "%63s %ld %127s %lld", tool, &pid, host, &t) != 4)
		return;
	at = (time_t)t;
	if (localtime_r(&at, &tm) == NULL || localtime_r(&now, &today) ==
	    NULL)
		return;
	strftime(when, sizeof(when), tm.tm_yday == today.tm_yday &&
	    tm.tm_year == today.tm_year ? "%H:%M:%S" : "%Y-%m-%d %H:%M:%S",
	    &tm);
	(void)gethostname(here, sizeof(here) - 1);
	snprintf(out, n, "%s (pid %ld%s%s) since %s", tool, pid,
	    strcmp(host, here) ? " on " : "", strcmp(host, here) ? host : "",
	    when);
}

/* Write who holds the lock into it, padded to a fixed width so that a
 * longer text of an earlier holder never shows through.  Advisory: a
 * lock file that cannot be written (another user's) is no error. */
static void
write_holder(struct align_lock *lk, const struct align_lock_opts *o)
{
	char host[128] = "?", text[256];
	int n;

	(void)gethostname(host, sizeof(host) - 1);
	host[strcspn(host, " \t\n")] = '\0';
	n = snprintf(text, sizeof(text), "%-.63s %ld %s %lld", o->tool,
	    (long)getpid(), host[0] ? host : "?",
	    (long long)lk->since.tv_sec);
	if (n < 0 || n >= (int)sizeof(text) - 1)
		return;
	memset(text + n, ' ', sizeof(text) - 1 - (size_t)n);
	text[sizeof(text) - 1] = '\n';
	(void)!pwrite(lk->lockfd, text, sizeof(text), 0);
}

/* Open the lock file, another user's read only (a lock all the same),
 * and check it is a regular file: the descriptor, or -1 and e. */
static int
open_lock(struct align_lock *lk, struct stat *st, struct align_err *e)
{
	int fd;

	fd = open(lk->lockfile, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC, 0666);
	if (fd < 0 && errno == EACCES)
		fd = open(lk->lockfile, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
	if (fd < 0)
		return align_err_set(e, EX_CANTCREAT, lk->name, 0, 0,
		    "cannot create the lock file in %s: %s", lk->dir,
		    strerror(errno));
	if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		return align_err_set(e, EX_CANTCREAT, lk->name, 0, 0,
		    "the lock file %s is not a regular file", lk->lockfile);
	}
	return fd;
}

/* Whether the lock file is still the one opened as st: its holder may
 * have removed it as we opened it, and then the lock is the file there
 * now. */
static int
still_there(const struct align_lock *lk, const struct stat *st)
{
	struct stat now;

	return stat(lk->lockfile, &now) == 0 && st->st_dev == now.st_dev &&
	    st->st_ino == now.st_ino;
}

/* Sleep before the next try: 1 ms, doubling to 8 ms, with jitter so that
 * waiters do not wake together (a lock let go is soon taken again), and
 * never much past the left seconds of the wait. */
static void
back_off(unsigned long *pause, unsigned long *seed, double left)
{
	struct timespec ts;
	unsigned long us;

	*seed = *seed * 1103515245UL + 12345UL;
	us = *pause + (*seed >> 8) % *pause;
	if ((double)us / 1e6 > left)
		us = (unsigned long)(left * 1e6) + 1;
	ts.tv_sec = (time_t)(us / 1000000);
	ts.tv_nsec = (long)(us % 1000000) * 1000;
	nanosleep(&ts, NULL);
	if (*pause < 8000)
		*pause *= 2;
}

/* Wait for the lock: 0 with lk->lockfd held, or -1 and e. */
static int
take(struct align_lock *lk, const struct align_lock_opts *o,
    struct align_err *e)
{
	struct timespec t0;
	unsigned long pause = 1000, seed = (unsigned long)getpid();
	int told = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct stat st;
		char who[256];
		double waited;
		int fd;

		if ((fd = open_lock(lk, &st, e)) < 0)
			return -1;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			if (still_there(lk, &st)) {
				lk->lockfd = fd;
				return 0;
			}
			close(fd);
			continue;
		}
		if (errno != EWOULDBLOCK && errno != EINTR) {
			int err = errno;

			close(fd);
			return align_err_set(e, EX_IOERR, lk->name, 0, 0,
			    "cannot lock %s: %s", lk->lockfile,
			    strerror(err));
		}
		waited = seconds_since(&t0);
		if (waited >= o->wait) {
			holder(fd, who, sizeof(who));
			close(fd);
			return align_err_set(e, EX_TEMPFAIL, lk->name, 0, 0,
			    "locked by %s; gave up after %g second%s", who,
			    o->wait, o->wait == 1 ? "" : "s");
		}
		if (!told && waited >= 1 && o->waiting) {
			holder(fd, who, sizeof(who));
			o->waiting(lk->name, who, o->ctx);
			told = 1;
		}
		close(fd);
		back_off(&pause, &seed, o->wait - waited);
	}
}

/* Under the lock: cut back an append that never finished; remove a
 * journal that describes another file. */
static int
repair(struct align_lock *lk, struct align_err *e)
{
	struct journal j;
	struct stat st;
	int rc = journal_read(lk->journal, &j), fd;

	if (rc == 0)
		return 0;
	if (rc > 0 && stat(lk->path, &st) == 0 && S_ISREG(st.st_mode) &&
	    journal_describes(&j, &st) && (long long)st.st_size > j.size) {
		fd = open(lk->path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0 || ftruncate(fd, (off_t)j.size) < 0 ||
		    fsync(fd) < 0) {
			int err = errno;

			if (fd >= 0)
				close(fd);
			return align_err_set(e, EX_IOERR, lk->name, 0, 0,
			    "cannot take back an unfinished append: %s",
			    strerror(err));
		}
		close(fd);
	}
	if (unlink(lk->journal) < 0 && errno != ENOENT)
		return align_err_set(e, EX_IOERR, lk->name, 0, 0,
		    "cannot remove the journal %s: %s", lk->journal,
		    strerror(errno));
	return 0;
}

/* Under the lock: remove what killed rewrites left, DIR/.NAME.XXXXXX,
 * regular, ours, from before the lock was taken.  Best effort. */
static void
remove_stale(struct align_lock *lk)
{
	size_t bl = strlen(lk->base), i;
	DIR *d = opendir(lk->dir);
	struct dirent *de;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		const char *n = de->d_name, *x = n + 2 + bl;
		struct stat st;

		if (n[0] != '.' || strncmp(n + 1, lk->base, bl) != 0 ||
		    n[1 + bl] != '.' || strlen(x) != 6)
			continue;
		for (i = 0; i < 6; i++)
			if (!((x[i] >= 'a' && x[i] <= 'z') ||
			    (x[i] >= 'A' && x[i] <= 'Z') ||
			    (x[i] >= '0' && x[i] <= '9')))
				break;
		if (i < 6 || fstatat(dirfd(d), n, &st, AT_SYMLINK_NOFOLLOW) <
		    0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid())
			continue;
		if (st.st_mtim.tv_sec < lk->since.tv_sec ||
		    (st.st_mtim.tv_sec == lk->since.tv_sec &&
		    st.st_mtim.tv_nsec < lk->since.tv_nsec))
			(void)unlinkat(dirfd(d), n, 0);
	}
	closedir(d);
}

/* The options of one lock: the process-wide defaults, and what opts
 * (may be NULL) sets over them. */
static void
lock_opts(struct align_lock_opts *o, const struct align_lock_opts *opts)
{
	align_lock_defaults(o);
	if (opts == NULL)
		return;
	o->wait = opts->wait < 0 ? o->wait : opts->wait;
	o->tool = opts->tool ? opts->tool : o->tool;
	o->waiting = opts->waiting ? opts->waiting : o->waiting;
	o->ctx = opts->waiting ? opts->ctx : o->ctx;
}

/* The names a lock keeps: the one it was given, the file's directory,
 * base and full path, the lock file and the journal beside it; and its
 * cleanup slot.  0, or -1 and e (lk is released by the caller). */
static int
lock_names(struct align_lock *lk, const char *path, struct align_err *e)
{
	size_t n;

	if ((lk->name = strdup(path)) == NULL)
		return align_err_nomem(e);
	if (resolve(path, &lk->dir, &lk->base, e) < 0)
		return -1;
	n = strlen(lk->dir) + strlen(lk->base) + 2;
	if ((lk->path = malloc(n)) == NULL ||
	    (lk->lockfile = beside(lk->dir, lk->base, "align-lock")) == NULL ||
	    (lk->journal = beside(lk->dir, lk->base, "align-append")) ==
	    NULL || (lk->clean_lock = cleanup_get()) == NULL)
		return align_err_nomem(e);
	snprintf(lk->path, n, "%s/%s", strcmp(lk->dir, "/") ? lk->dir : "",
	    lk->base);
	return 0;
}

int
align_lock_acquire(struct align_lock *lk, const char *path,
    const struct align_lock_opts *opts, struct align_err *e)
{
	struct align_lock_opts o;
	struct stat st;

	memset(lk, 0, sizeof(*lk));
	lk->lockfd = lk->fd = -1;
	lk->live = 1;
	lock_opts(&o, opts);
	if (lock_names(lk, path, e) < 0)
		goto fail;
	/* stat(2) never blocks, where opening a FIFO would. */
	if (stat(lk->path, &st) == 0 && !S_ISREG(st.st_mode)) {
		not_regular(e, lk->name, st.st_mode);
		goto fail;
	}
	if (take(lk, &o, e) < 0)
		goto fail;
	lk->held = 1;
	lk->clean_lock->path = lk->lockfile;
	clock_gettime(CLOCK_REALTIME, &lk->since);
	write_holder(lk, &o);
	if (repair(lk, e) < 0)
		goto fail;
	remove_stale(lk);
	return 0;
fail:
	align_lock_release(lk);
	return -1;
}

int
align_lock_rewrite(struct align_lock *lk, struct align_err *e)
{
	struct stat st;
	int fd;

	assert(lk->held && lk->fp == NULL && lk->tmp == NULL);
	if ((lk->tmp = beside(lk->dir, lk->base, "XXXXXX")) == NULL ||
	    (lk->clean_tmp = cleanup_get()) == NULL) {
		free(lk->tmp);
		lk->tmp = NULL;
		return align_err_nomem(e);
	}
	/* ".NAME.XXXXXX" beside NAME: the same file system, so that the
	 * rename is atomic. */
	if ((fd = make_temp(lk->tmp)) < 0) {
		int err = errno;

		free(lk->tmp);
		lk->tmp = NULL;
		return align_err_set(e, EX_CANTCREAT, lk->name, 0, 0,
		    "cannot create a temporary file in %s: %s", lk->dir,
		    strerror(err));
	}
	lk->clean_tmp->path = lk->tmp;
	/* The new file keeps the old one's permissions; a new one gets the
	 * user's umask. */
	if (stat(lk->path, &st) == 0) {
		(void)fchmod(fd, st.st_mode & 07777);
	} else {
		mode_t um = umask(0);

		umask(um);
		(void)fchmod(fd, 0666 & ~um);
	}
	if ((lk->fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		return align_err_nomem(e);	/* released by the caller */
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
align_lock_commit(struct align_lock *lk, struct align_err *e)
{
	const char *what = "write";
	FILE *fp = lk->fp;

	assert(lk->held && fp);
	if (fflush(fp) != 0 || ferror(fp))
		goto fail;
	what = "sync";
	if (fsync(fileno(fp)) < 0)
		goto fail;
	what = "close";
	lk->fp = NULL;
	if (fclose(fp) != 0)
		goto fail;
	what = "rename";
	if (rename(lk->tmp, lk->path) < 0)
		goto fail;
	lk->clean_tmp->path = NULL;	/* it is the file now */
	free(lk->tmp);
	lk->tmp = NULL;
	what = "sync the directory of";
	if (sync_dir(lk->dir) < 0)
		goto fail;
	align_lock_release(lk);
	return 0;
fail:
	align_err_set(e, EX_IOERR, lk->name, 0, 0, "cannot %s: %s", what,
	    strerror(errno));
	align_lock_release(lk);
	return -1;
}

/* Write the journal of an append to the file st describes, synced: until
 * it goes, the bytes past the size it holds are not part of the file.
 * 0, or -1 and e with no journal left. */
static int
journal_write(struct align_lock *lk, const struct stat *st,
    struct align_err *e)
{
	char text[96];
	int jfd, n, err;

	n = snprintf(text, sizeof(text), "%llu %llu %lld\n",
	    (unsigned long long)st->st_dev, (unsigned long long)st->st_ino,
	    (long long)st->st_size);
	jfd = open(lk->journal, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0666);
	if (jfd >= 0 && align_write_all(jfd, text, (size_t)n) == 0 &&
	    fsync(jfd) == 0) {
		if (close(jfd) == 0)
			return 0;
		jfd = -1;
	}
	err = errno;
	if (jfd >= 0)
		close(jfd);
	unlink(lk->journal);
	return align_err_set(e, EX_IOERR, lk->name, 0, 0,
	    "cannot write the journal of the append: %s", strerror(err));
}

int
align_lock_append_begin(struct align_lock *lk, struct align_err *e)
{
	struct stat st;
	char last;

	assert(lk->held && !lk->appending);
	if (lk->fd < 0 && (lk->fd = open(lk->path, O_RDWR | O_APPEND |
	    O_CREAT | O_NONBLOCK | O_CLOEXEC, 0666)) < 0)
		return align_err_set(e, errno == ENOMEM ? ALIGN_EX_NOMEM :
		    EX_CANTCREAT, lk->name, 0, 0, "cannot open for "
		    "appending: %s", strerror(errno));
	if (fstat(lk->fd, &st) < 0)
		return align_err_set(e, EX_IOERR, lk->name, 0, 0,
		    "cannot append: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return not_regular(e, lk->name, st.st_mode);
	if (journal_write(lk, &st, e) < 0)
		return -1;
	lk->before = st.st_size;
	lk->appending = 1;
	lk->clean_lock->before = st.st_size;
	lk->clean_lock->fd = lk->fd;
	lk->clean_lock->journal = lk->journal;
	/* A file that does not end a line: the records start on their own. */
	if (st.st_size > 0 && pread(lk->fd, &last, 1, st.st_size - 1) == 1 &&
	    last != '\n' && align_lock_append_write(lk, "\n", 1, e) < 0) {
		align_lock_append_abort(lk);
		return -1;
	}
	return 0;
}

int
align_lock_append_write(struct align_lock *lk, const char *s, size_t n,
    struct align_err *e)
{
	assert(lk->appending);
	if (align_write_all(lk->fd, s, n) < 0)
		return align_err_set(e, EX_IOERR, lk->name, 0, 0,
		    "cannot append: %s", strerror(errno));
	return 0;
}

int
align_lock_append_commit(struct align_lock *lk, struct align_err *e)
{
	int err;

	assert(lk->appending);
	if (fsync(lk->fd) < 0 && errno != EINVAL) {
		err = errno;
		align_lock_append_abort(lk);
		return align_err_set(e, EX_IOERR, lk->name, 0, 0,
		    "cannot sync: %s", strerror(err));
	}
	/* Synced: whole.  Once the journal is gone, it is part of the file. */
	if (unlink(lk->journal) < 0 && errno != ENOENT) {
		err = errno;
		align_lock_append_abort(lk);
		return align_err_set(e, EX_IOERR, lk->name, 0, 0,
		    "cannot remove the journal %s: %s", lk->journal,
		    strerror(err));
	}
	lk->clean_lock->journal = NULL;
	lk->clean_lock->fd = -1;
	lk->appending = 0;
	return 0;
}

void
align_lock_append_abort(struct align_lock *lk)
{
	if (!lk->appending)
		return;
	/* Cut back; if that fails, the journal stays: readers stop there,
	 * and the next holder cuts it back. */
	if (ftruncate(lk->fd, lk->before) == 0 && fsync(lk->fd) == 0)
		unlink(lk->journal);
	lk->clean_lock->journal = NULL;
	lk->clean_lock->fd = -1;
	lk->appending = 0;
}

int
align_lock_append(struct align_lock *lk, const char *s, size_t n,
    struct align_err *e)
{
	if (align_lock_append_begin(lk, e) < 0)
		return -1;
	if (align_lock_append_write(lk, s, n, e) < 0) {
		align_lock_append_abort(lk);
		return -1;
	}
	return align_lock_append_commit(lk, e);
}

void
align_lock_release(struct align_lock *lk)
{
	if (!lk->live)
		return;
	align_lock_append_abort(lk);
	if (lk->fp)
		fclose(lk->fp);
	if (lk->tmp) {
		lk->clean_tmp->path = NULL;
		unlink(lk->tmp);
	}
	cleanup_put(lk->clean_tmp);
	if (lk->fd >= 0)
		close(lk->fd);
	/* Removed while it is still held: a writer that then gets the lock
	 * of the removed file sees it is gone, and tries again. */
	if (lk->held) {
		lk->clean_lock->path = NULL;
		unlink(lk->lockfile);
	}
	cleanup_put(lk->clean_lock);
	if (lk->lockfd >= 0)
		close(lk->lockfd);
	free(lk->name);
	free(lk->path);
	free(lk->dir);
	free(lk->base);
	free(lk->lockfile);
	free(lk->journal);
	free(lk->tmp);
	memset(lk, 0, sizeof(*lk));
	lk->lockfd = lk->fd = -1;
}

int
align_append_file(const char *path, const char *s, size_t n,
    const struct align_lock_opts *o, struct align_err *e)
{
	struct align_lock lk;
	int rc;

	if (align_lock_acquire(&lk, path, o, e) < 0)
		return -1;
	rc = align_lock_append(&lk, s, n, e);
	align_lock_release(&lk);
	return rc;
}
