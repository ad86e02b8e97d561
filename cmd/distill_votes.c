/*
 * distill_votes.c - align-distill --votes: dots one person a line, checked
 * as they come at a terminal, standing or falling together from a file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sysexits.h>

#include "../lib/text.h"
#include "distill.h"

/* One line of dots: 0, or -1 with the error said. */
static int
ballot(struct align_distiller *d, char *line, size_t len, const char *name,
    unsigned long lno, int cast, struct align_strs *good)
{
	struct align_err e = ALIGN_ERR_INIT;
	char *s = line;

	/* The line without its end, LF or CRLF: text (text.h). */
	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (align_text_check(line, len, EX_DATAERR, name, lno, &e) < 0) {
		tool_warn(&e);
		return -1;
	}
	line[len] = '\0';
	s += strspn(s, " \t");
	if (*s == '\0' || *s == '#')
		return 0;
	if (align_distiller_ballot(d, s, name, lno, cast, &e) < 0) {
		if (e.status == ALIGN_EX_NOMEM)
			tool_die(&e);
		tool_warn(&e);
		return -1;
	}
	if (good && align_strs_add(good, s) < 0)
		tool_die((align_err_nomem(&e), &e));
	return 0;
}

/*
 * --votes: dots one person a line, "Ana=p1,p1,p3" or "Ana: p1 p1 p3".
 * Typed at a terminal, each line is checked as it comes: an error is said
 * at once, the person types the line again, the good lines stand.  From a
 * file or a pipe the lines stand or fall together: every error is said,
 * each with its line, and then no dot is cast (65).
 */
void
distill_votes(struct align_distiller *d, FILE *fp, const char *name, int tty,
    struct align_buf *record)
{
	struct align_strs good = { NULL, 0, 0 };
	struct align_err e = ALIGN_ERR_INIT;
	char *line = NULL;
	size_t cap = 0, bad = 0, i;
	unsigned long lno = 0;
	ssize_t len;

	if (tty)
		fprintf(stderr, "Each person's dots, one person a line "
		    "(Ana=p1,p1,p3). Ctrl-D ends.\n> ");
	while ((len = getline(&line, &cap, fp)) >= 0) {
		int rc = ballot(d, line, (size_t)len, name, ++lno, tty,
		    tty ? NULL : &good);

		bad += rc < 0;
		/* What a person typed and the list took, to cast again on
		 * the file as it is once it is locked. */
		if (rc == 0 && record && line[strspn(line, " \t")] != '\0')
			align_buf_printf(record, "%s\n", line);
		if (tty)
			fputs("> ", stderr);
	}
	free(line);
	if (ferror(fp))
		align_err_set(&e, EX_IOERR, name, 0, 0, "cannot read");
	else if (bad && !tty)
		align_err_set(&e, EX_DATAERR, name, 0, 0, "%zu %s: no dots "
		    "were recorded", bad, align_plural(bad, "line is wrong",
		    "lines are wrong"));
	if (e.status) {
		align_strs_release(&good);
		tool_die(&e);
	}
	for (i = 0; i < good.n; i++)
		if (align_distiller_ballot(d, good.v[i], name, 0, 1, &e) < 0)
			tool_die(&e);
	align_strs_release(&good);
}
