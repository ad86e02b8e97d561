/*
 * csv.h - read CSV exports of survey forms (RFC 4180, and what
 * spreadsheets write in other locales).
 *
 * Quoted fields with delimiters, doubled quotes and newlines inside; CRLF
 * or LF line ends; a missing final newline; a UTF-8 byte-order mark
 * skipped.  The delimiter is a comma, a semicolon (what Excel writes where
 * the decimal separator is a comma: French, German, Spanish...) or a tab,
 * found from the first rows unless given (see align_csv_set()).  Every row
 * has as many fields as the first, the header: a row with more or fewer is
 * an error, never cut.  The text is UTF-8, or Windows-1252 converted when
 * told; anything else is refused saying how to convert it.
 *
 * Errors name the file, line and column: a quote left open (at the quote
 * that opened it), a stray character after a closing quote, a row of
 * another width than the header (at its first extra field's delimiter, or
 * where it ends), a field over ALIGN_CSV_FIELD_MAX bytes, invalid UTF-8,
 * a byte Windows-1252 does not define, UTF-16, a NUL byte.
 *
 *	struct align_csv *c = align_csv_open(path, &e);
 *	align_csv_set(c, 0, ALIGN_CSV_UTF8);		(optional)
 *	while ((rc = align_csv_next(c, &e)) > 0)
 *		for (i = 0; i < c->n; i++) use(c->field[i]);
 *	align_csv_close(c);
 *
 * Rows can be read twice: align_csv_mark() keeps the bytes read from
 * there (up to the caller to bound: rows read until align_csv_rewind()),
 * and align_csv_rewind() reads them again, positions and all.
 */
#ifndef ALIGN_CSV_H
#define ALIGN_CSV_H

#include <stddef.h>

#include "err.h"

#define ALIGN_CSV_FIELD_MAX (1024 * 1024)

enum align_csv_encoding {
	ALIGN_CSV_UTF8,
	ALIGN_CSV_WINDOWS_1252	/* also what is called Latin-1, which
				 * Windows-1252 extends (as browsers read
				 * it, after the WHATWG Encoding Standard) */
};

struct align_csv {
	const char *name;	/* for messages */
	char **field;		/* the fields of the last row, NUL-terminated */
	unsigned long *line, *col; /* where each field began */
	size_t n;		/* fields in the last row */
	unsigned long row_line;	/* the line the last row began on */
	int delimiter;		/* ',', ';', '\t', ...: given, or found when
				 * the first row is read (0 before) */
	int found;		/* 1 when the delimiter was found, not given */
	size_t width;		/* fields in the first row, 0 before */
	size_t bytes;		/* bytes read since the mark */
	struct align_csv_in *in;
};

/* path "-" is standard input.  NULL and e (66, 71) on failure. */
struct align_csv *align_csv_open(const char *path, struct align_err *e);

/* Before the first row: the delimiter (0: find it), and the encoding.
 *
 * The delimiter found: of comma, semicolon and tab, those that stand
 * outside quotes on the header line; of them, the one that stands as
 * often on each of the next rows (up to 20, in the first 64 KiB), and
 * among several, or when none does, the one the header holds most of
 * (comma before semicolon before tab).  A header with none is one
 * column, comma-separated. */
void align_csv_set(struct align_csv *c, int delimiter,
    enum align_csv_encoding encoding);

/* An option's delimiter: "," ";" "|" or any one ASCII punctuation
 * character but a quote, "tab" (or a tab), "comma", "semicolon"; -1 when
 * s is none of them. */
int align_csv_delimiter(const char *s);
/* An option's encoding: "utf-8" (utf8), "windows-1252" (cp1252), "latin1"
 * (latin-1, iso-8859-1), in any case: 0 and *enc, or -1. */
int align_csv_encoding(const char *s, enum align_csv_encoding *enc);

/* The next row: 1, 0 at the end, -1 and e (65, 74, 71).  Blank lines
 * are skipped. */
int align_csv_next(struct align_csv *c, struct align_err *e);

/* Where in the file byte off of field i of the last row was read: its
 * line and column (a column a character, as everywhere in messages). */
void align_csv_where(const struct align_csv *c, size_t i, size_t off,
    unsigned long *line, unsigned long *col);

/* Keep the bytes read from here on (c->bytes counts them), to read them
 * again after align_csv_rewind(): 0, or -1 and e (71) when out of memory
 * then. */
void align_csv_mark(struct align_csv *c);
int align_csv_rewind(struct align_csv *c, struct align_err *e);

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
