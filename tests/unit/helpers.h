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

#endif
