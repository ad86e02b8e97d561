/*
 * csv.h - read CSV exports of survey forms (RFC 4180).
 *
 * Quoted fields with commas, doubled quotes and newlines inside; CRLF or
 * LF line ends; a missing final newline; a UTF-8 byte-order mark skipped.
 * Errors name the file, line and column: a quote left open (at the quote
 * that opened it), a stray character after a closing quote, a field over
 * ALIGN_CSV_FIELD_MAX bytes, invalid UTF-8, a NUL byte.
 *
 *	struct align_csv *c = align_csv_open(path, &e);
 *	while ((rc = align_csv_next(c, &e)) > 0)
 *		for (i = 0; i < c->n; i++) use(c->field[i]);
 *	align_csv_close(c);
 */
#ifndef ALIGN_CSV_H
#define ALIGN_CSV_H

#include <stddef.h>

#include "err.h"

#define ALIGN_CSV_FIELD_MAX (1024 * 1024)

struct align_csv {
	const char *name;	/* for messages */
	char **field;		/* the fields of the last row, NUL-terminated */
	unsigned long *line, *col; /* where each field began */
	size_t n;		/* fields in the last row */
	unsigned long row_line;	/* the line the last row began on */
	struct align_csv_in *in;
};

/* path "-" is standard input.  NULL and e (66, 71) on failure. */
struct align_csv *align_csv_open(const char *path, struct align_err *e);
/* The next row: 1, 0 at the end, -1 and e (65, 74, 71).  Blank lines
 * are skipped. */
int align_csv_next(struct align_csv *c, struct align_err *e);
void align_csv_close(struct align_csv *c);

/* Append s as one CSV field, quoted when it needs to be; a field that
 * starts with =, +, -, @, a tab or a carriage return gets a quote
 * character before it, so that a spreadsheet shows it as text and never
 * runs it as a formula. */
struct align_buf;
void align_csv_field(struct align_buf *b, const char *s);
/* Append a row of n fields and CRLF. */
void align_csv_row(struct align_buf *b, const char *const *field, size_t n);

#endif
