#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "grow.h"
#include "names.h"
#include "text.h"

int
align_names_read(const char *path, char ***names, size_t *n,
    struct align_err *e)
{
	int std = strcmp(path, "-") == 0;
	FILE *fp = std ? stdin : fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, cap_names = *n;
	ssize_t len;
	unsigned long lno = 0;
	int rc = 0;

	if (fp == NULL)
		return align_err_set(e, EX_NOINPUT, path, 0, 0,
		    "cannot open: %s", strerror(errno));
	if (std)
		path = "<stdin>";
	while ((len = getline(&line, &cap, fp)) >= 0) {
		char *s = line, *end = line + len;

		lno++;
		/* A line ends in a line feed, in CRLF from Windows. */
		if (end > s && end[-1] == '\n')
			end--;
		if (end > s && end[-1] == '\r')
			end--;
		if ((rc = align_text_check(s, (size_t)(end - s), EX_DATAERR,
		    path, lno, e)) < 0)
			break;
		while (s < end && strchr(" \t\r\n", *s))
			s++;
		while (end > s && strchr(" \t\r\n", end[-1]))
			end--;
		if (s == end || *s == '#')
			continue;
		*end = '\0';
		if (ALIGN_GROW(*names, *n + 1, cap_names) < 0 ||
		    ((*names)[*n] = strdup(s)) == NULL) {
			rc = align_err_nomem(e);
			break;
		}
		(*n)++;
	}
	if (rc == 0 && ferror(fp))
		rc = align_err_set(e, EX_IOERR, path, 0, 0, "read error: %s",
		    strerror(errno));
	free(line);
	if (!std)
		fclose(fp);
	return rc;
}

void
align_names_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
