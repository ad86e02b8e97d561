/* Shared by the unit tests: write text to a temporary file. */
#ifndef TEST_HELPERS_H
#define TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A temporary file holding n bytes of s; its path in path (>= 32). */
static inline void
tmpfile_with(char *path, const char *s, size_t n)
{
	int fd;

	strcpy(path, "/tmp/align-test-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0 || write(fd, s, n) != (ssize_t)n) {
		perror("tmpfile_with");
		abort();
	}
	close(fd);
}

/* A path of this process's own in /tmp for name: tests run side by side
 * (several checkouts on one machine) never share a file.  Static: copy it
 * before the next call. */
static inline const char *
test_path(const char *name)
{
	static char path[256];

	snprintf(path, sizeof(path), "/tmp/align-test-%ld-%s", (long)getpid(),
	    name);
	return path;
}

#ifdef ALIGN_READER_H
/* The records of a YAML text, which must read (cmocka included first). */
static inline struct align_node *
stream(const char *text)
{
	char path[32];
	char *paths[1];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;

	tmpfile_with(path, text, strlen(text));
	paths[0] = path;
	all = align_read_all(paths, 1, NULL, &e);
	unlink(path);
	if (all == NULL)
		fail_msg("%lu:%lu: %s", e.line, e.col, e.msg);
	return all;
}
#endif

#endif
