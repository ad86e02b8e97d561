/* Shared by the fuzz harnesses: the input as a file the tools can open. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A file holding data[0..n), rewritten at each call; its path. */
static const char *
fuzz_file(const uint8_t *data, size_t n)
{
	static char path[64];
	FILE *fp;

	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/align-fuzz-%d",
		    (int)getpid());
	fp = fopen(path, "wb");
	if (fp == NULL || fwrite(data, 1, n, fp) != n || fclose(fp) != 0)
		abort();
	return path;
}

/* data as a NUL-terminated string (the caller frees). */
static char *
fuzz_string(const uint8_t *data, size_t n)
{
	char *s = malloc(n + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

#endif
