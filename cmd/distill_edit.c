/*
 * distill_edit.c - align-distill's edited list: --edit in $VISUAL or
 * $EDITOR (offered again at a terminal when it has errors), --list from a
 * file, and an edited list applied again to the file as it is now.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "../lib/editor.h"
#include "../lib/out.h"
#include "../lib/principle_list.h"
#include "distill.h"

/*
 * The edited list, kept until the new stream is written: a run that
 * fails after the edit says where the group's words are.
 */
static char *kept;

static void
say_kept(void)
{
	if (kept)
		tool_say("your list is kept in %s", kept);
}

void
distill_forget_kept(void)
{
	if (kept) {
		unlink(kept);
		free(kept);
		kept = NULL;
	}
}

/* "errors in the list: line 3: no principle 'p99'; line 5: ...", then
 * end (a newline, or a question). */
static void
say_errors(const struct align_list_errors *errs, const char *end)
{
	struct align_buf b = ALIGN_BUF_INIT, safe = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < errs->n; i++)
		align_buf_printf(&b, "%sline %lu: %s", i ? "; " : "",
		    errs->v[i].line, errs->v[i].msg);
	if (!b.failed && b.p)
		align_escape_term(&safe, b.p, b.len);
	fprintf(stderr, "%s: errors in the list: %s%s", tool_name,
	    safe.p && !safe.failed ? safe.p : "out of memory", end);
	align_buf_release(&b);
	align_buf_release(&safe);
}

/* Apply the list in fp: 0, or -1 when it has errors, in errs.  A list
 * with no principle changes nothing and ends the run. */
static int
apply(struct align_distiller *d, FILE *fp, const char *name, int edited,
    struct align_list_errors *errs)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (align_distiller_apply_list(d, fp, name, errs, &e) == 0)
		return 0;
	if (e.status == EX_DATAERR)
		return -1;
	if (edited && e.status == 1) {
		distill_forget_kept();		/* emptied on purpose */
		e.file[0] = '\0';
	}
	tool_die(&e);
}

/* At a terminal: edit the list again? */
static int
again(const struct align_list_errors *errs)
{
	char *line = NULL;
	size_t cap = 0;
	int yes;

	say_errors(errs, ". Edit again? (y/n) ");
	yes = getline(&line, &cap, stdin) > 0 && (line[0] == 'y' ||
	    line[0] == 'Y');
	free(line);
	return yes;
}

/* The list in the editor, then back, as crontab -e does: a list with
 * errors is offered again at a terminal, and otherwise kept. */
const char *
distill_edit(struct align_distiller *d)
{
	struct align_list_errors errs = ALIGN_LIST_ERRORS_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	int sig, rc, round;
	int tty = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
	FILE *fp;

	align_distiller_list(d, &b);
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	if ((kept = align_edit_tmpfile("align-principles", b.p, b.len,
	    &e)) == NULL)
		tool_die(&e);
	align_buf_release(&b);
	atexit(say_kept);
	for (round = 0;; round++) {
		if (align_edit_file(kept, &sig, &e) < 0) {
			/* The editor said no to the list as it was made;
			 * once edited, the list is the group's, and kept. */
			if (sig == 0 && round == 0)
				distill_forget_kept();
			tool_die(&e);
		}
		if ((fp = fopen(kept, "r")) == NULL) {
			align_err_set(&e, EX_NOINPUT, kept, 0, 0,
			    "cannot open");
			tool_die(&e);
		}
		rc = apply(d, fp, kept, 1, &errs);
		fclose(fp);
		if (rc == 0)
			break;
		if (!tty || !again(&errs)) {
			if (!tty)
				say_errors(&errs, "\n");
			align_list_errors_release(&errs);
			exit(EX_DATAERR);
		}
		align_list_errors_release(&errs);
	}
	align_list_errors_release(&errs);
	return kept;
}

/* --list: every error said, and nothing changed. */
void
distill_list(struct align_distiller *d, FILE *fp, const char *name)
{
	struct align_list_errors errs = ALIGN_LIST_ERRORS_INIT;
	size_t i;
	int rc;

	rc = apply(d, fp, name, 0, &errs);
	for (i = 0; rc < 0 && i < errs.n; i++)
		tool_warn(&errs.v[i]);
	align_list_errors_release(&errs);
	if (rc < 0)
		exit(EX_DATAERR);
}

/* The edited list, applied three-way to d as the file is now: what
 * another writer changed while the editor was open stands, and a
 * principle both changed stops the run, the list kept. */
void
distill_reapply(struct align_distiller *d, const struct align_buf *list,
    const struct align_plist *base, const char *file)
{
	struct align_list_errors errs = ALIGN_LIST_ERRORS_INIT;
	struct align_list_errors conflicts = ALIGN_LIST_ERRORS_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;
	FILE *fp;
	int rc;

	fp = distill_memstream(list);
	rc = align_distiller_apply_list3(d, base, fp, kept ? kept : "<stdin>",
	    file, &errs, &conflicts, &e);
	fclose(fp);
	if (rc == 0) {
		align_list_errors_release(&errs);
		align_list_errors_release(&conflicts);
		return;
	}
	if (conflicts.n == 0 && e.status == EX_DATAERR) {
		say_errors(&errs, "\n");
		exit(EX_DATAERR);
	}
	if (conflicts.n == 0)
		tool_die(&e);
	for (i = 0; i < conflicts.n; i++)
		tool_warn(&conflicts.v[i]);
	if (kept == NULL) {		/* typed: written down, to keep */
		if ((kept = align_edit_tmpfile("align-principles", list->p ?
		    list->p : "", list->len, &e)) == NULL)
			tool_die(&e);
		atexit(say_kept);
	}
	fprintf(stderr, "%s: %s: %zu conflict%s with another writer: the edit "
	    "was not applied, and the file is as that writer left it\n",
	    tool_name, file, conflicts.n, conflicts.n == 1 ? "" : "s");
	align_list_errors_release(&errs);
	align_list_errors_release(&conflicts);
	exit(EX_DATAERR);
}
