/*
 * err.h - the error value every library call fills in.
 *
 * The library never prints and never exits.  A call that fails returns -1
 * (or NULL) and fills a struct align_err: the exit status the tool should
 * use (from sysexits.h), where the problem is (file, line and column, each
 * 0 when not known) and a lowercase message without a full stop.  cmd/
 * decides what to print:
 *
 *	struct align_err e = ALIGN_ERR_INIT;
 *	struct align_reader *r = align_reader_open(paths, n, NULL, &e);
 *	if (r == NULL)
 *		tool_die(&e);		(cmd/tool.h: prints it, exits)
 */
#ifndef ALIGN_ERR_H
#define ALIGN_ERR_H

#include <stddef.h>

/* Out of memory: sysexits' EX_OSERR. */
#define ALIGN_EX_NOMEM 71

struct align_err {
	int status;		/* sysexits.h status, 0 while no error */
	char file[1024];	/* file name, "<stdin>", or "" */
	unsigned long line;	/* 1-based, 0 when not known */
	unsigned long col;	/* 1-based, 0 when not known */
	char msg[1024];		/* cut, at a whole character and with
				 * "...", when longer */
};

#define ALIGN_ERR_INIT { 0, "", 0, 0, "" }

/* Fill e.  file may be NULL.  Always returns -1, so that a caller can write
 * "return align_err_set(...)". */
int align_err_set(struct align_err *e, int status, const char *file,
    unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Fill e for a failed allocation; returns -1. */
int align_err_nomem(struct align_err *e);

/* Format e as "file:line:col: msg" (parts that are not known left out)
 * into buf of size n.  Returns buf. */
char *align_err_format(const struct align_err *e, char *buf, size_t n);

#endif
