#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "editor.h"

int
align_edit_file(const char *path, struct align_err *e)
{
	const char *ed = getenv("VISUAL");
	char *copy, *argv[16], *tok, *save = NULL;
	int argc = 0, status;
	pid_t pid;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	if ((copy = strdup(ed)) == NULL)
		return align_err_nomem(e);
	for (tok = strtok_r(copy, " \t", &save); tok && argc < 14;
	    tok = strtok_r(NULL, " \t", &save))
		argv[argc++] = tok;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	pid = fork();
	if (pid < 0) {
		free(copy);
		return align_err_set(e, EX_OSERR, NULL, 0, 0,
		    "cannot start the editor: %s", strerror(errno));
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		align_err_set(e, EX_UNAVAILABLE, NULL, 0, 0,
		    "the editor '%s' failed%s; nothing was changed", argv[0],
		    WIFEXITED(status) && WEXITSTATUS(status) == 127 ?
		    " to start" : "");
		free(copy);
		return -1;
	}
	free(copy);
	return 0;
}
