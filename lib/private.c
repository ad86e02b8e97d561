/* A private session file: mode 0600, and the git work tree it is in. */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "private.h"

int
align_private_session(const struct align_session_view *s)
{
	return s && s->private_ && strcmp(s->private_, "yes") == 0;
}

int
align_private_protect(const char *path, struct align_err *e)
{
	if (chmod(path, S_IRUSR | S_IWUSR) < 0)
		return align_err_set(e, EX_IOERR, path, 0, 0, "cannot make it "
		    "private (mode 0600): %s", strerror(errno));
	return 0;
}

int
align_private_git(const char *path, struct align_buf *top)
{
	char *dir = realpath(path, NULL), *slash;
	struct stat st;
	int rc = 0;

	if (dir == NULL)
		return 0;	/* not there yet: nothing to say */
	while ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		align_buf_reset(top);
		align_buf_printf(top, "%s/.git", *dir ? dir : "");
		if (top->failed) {
			rc = -1;
			break;
		}
		if (stat(top->p, &st) == 0) {
			align_buf_reset(top);
			align_buf_puts(top, *dir ? dir : "/");
			rc = top->failed ? -1 : 1;
			break;
		}
	}
	free(dir);
	return rc;
}
