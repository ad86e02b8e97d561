/*
 * names.h - a list of people's names from a file: one a line, blank lines
 * and lines starting with '#' skipped, spaces around a name trimmed.
 */
#ifndef ALIGN_NAMES_H
#define ALIGN_NAMES_H

#include <stddef.h>

#include "err.h"

/* Append the names in path ("-": standard input) to *names (of *n,
 * realloc'd; each name malloc'd).  0, or -1 and e (66 cannot open, 65
 * a line that is not text (text.h), with its line and column). */
int align_names_read(const char *path, char ***names, size_t *n,
    struct align_err *e);
void align_names_free(char **names, size_t n);

#endif
