#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "editor.h"
#include "file.h"
#include "grow.h"

char *
align_edit_tmpfile(const char *name, const char *text, size_t n,
    struct align_err *e)
{
	const char *dir = getenv("TMPDIR");
	struct align_buf b = ALIGN_BUF_INIT;
	int fd, saved, bad;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	align_buf_printf(&b, "%s/%s-XXXXXX", dir, name);
	if (b.failed) {
		align_buf_release(&b);
		align_err_nomem(e);
		return NULL;
	}
	if ((fd = mkstemp(b.p)) < 0) {
		align_err_set(e, EX_CANTCREAT, b.p, 0, 0, "cannot create: %s",
		    strerror(errno));
		align_buf_release(&b);
		return NULL;
	}
	/* mkstemp(3) makes it 0600 less the umask: the person must be able
	 * to write it, and no one else to read it. */
	bad = fchmod(fd, 0600) < 0 || align_write_all(fd, text, n) < 0;
	saved = errno;
	if (close(fd) < 0 && !bad) {
		bad = 1;
		saved = errno;
	}
	if (bad) {
		unlink(b.p);
		align_err_set(e, EX_CANTCREAT, b.p, 0, 0, "cannot write: %s",
		    strerror(saved));
		align_buf_release(&b);
		return NULL;
	}
	return align_buf_detach(&b);
}

/* The editor's words, then path: a NULL-ended list into *argv (the words
 * in *copy).  0, or -1 when out of memory. */
static int
words(const char *ed, const char *path, char ***argv, char **copy)
{
	char *tok, *save = NULL;
	size_t n = 0, cap = 0;

	*argv = NULL;
	if ((*copy = strdup(ed)) == NULL)
		return -1;
	for (tok = strtok_r(*copy, " \t", &save); ;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (ALIGN_GROW(*argv, n + 2, cap) < 0)
			return -1;
		if (tok == NULL)
			break;
		(*argv)[n++] = tok;
	}
	(*argv)[n++] = (char *)path;
	(*argv)[n] = NULL;
	return 0;
}

/* Run argv with SIGINT and SIGQUIT ignored here while it runs: its
 * status, or -1 with errno when it cannot start. */
static int
run(char **argv, int *status)
{
	struct sigaction ign, oint, oquit;
	pid_t pid;
	int rc = 0;

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	if ((pid = fork()) == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0)
		rc = -1;
	while (pid > 0 && waitpid(pid, status, 0) < 0)
		if (errno != EINTR) {
			rc = -1;
			break;
		}
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	return rc;
}

int
align_edit_file(const char *path, int *sig, struct align_err *e)
{
	const char *ed = getenv("VISUAL");
	char **argv = NULL, *copy = NULL;
	int status = 0, rc = 0;

	*sig = 0;
	if (ed == NULL || ed[strspn(ed, " \t")] == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || ed[strspn(ed, " \t")] == '\0')
		ed = "vi";
	if (words(ed, path, &argv, &copy) < 0)
		rc = align_err_nomem(e);
	else if (run(argv, &status) < 0)
		rc = align_err_set(e, EX_OSERR, NULL, 0, 0,
		    "cannot start the editor: %s", strerror(errno));
	else if (WIFSIGNALED(status)) {
		*sig = WTERMSIG(status);
		rc = align_err_set(e, EX_UNAVAILABLE, NULL, 0, 0,
		    "the editor '%s' was killed by signal %d (%s); nothing "
		    "was changed", argv[0], *sig, strsignal(*sig));
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		rc = align_err_set(e, EX_UNAVAILABLE, NULL, 0, 0,
		    "the editor '%s' failed%s; nothing was changed", argv[0],
		    WIFEXITED(status) && WEXITSTATUS(status) == 127 ?
		    " to start" : "");
	free(argv);
	free(copy);
	return rc;
}
