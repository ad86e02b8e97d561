/*
 * distill_read.c - align-distill's stream read with what people typed:
 * standard input read before the file is locked; with -i and a person at
 * the keyboard, a first pass over the file as it was, and what they typed
 * given again to the file as it is.
 */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "distill.h"

/* A file, or "-" for standard input: open, and its name for messages. */
static FILE *
open_input(const char *path, const char **name)
{
	struct align_err e = ALIGN_ERR_INIT;
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");

	*name = fp == stdin ? "<stdin>" : path;
	if (fp == NULL)
		tool_die((align_err_set(&e, EX_NOINPUT, path, 0, 0,
		    "cannot open"), &e));
	return fp;
}

/* What a person types or pipes in: read before the file is locked, or in
 * a first pass over the file as it was (typed at a terminal, checked as
 * it comes), then given again, three-way, to the file as it is. */
struct typed {
	struct align_buf list, votes;
	int have_list, have_votes;
	struct align_plist base;	/* the principles the list was made of */
};

FILE *
distill_memstream(const struct align_buf *b)
{
	struct align_err e = ALIGN_ERR_INIT;
	FILE *fp = fmemopen(b->p ? b->p : (char *)"", b->len, "r");

	if (fp == NULL)
		tool_die((align_err_nomem(&e), &e));
	return fp;
}

static void
slurp(FILE *fp, const char *name, struct align_buf *b)
{
	struct align_err e = ALIGN_ERR_INIT;
	char chunk[4096];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		align_buf_add(b, chunk, n);
	if (ferror(fp))
		tool_die((align_err_set(&e, EX_IOERR, name, 0, 0,
		    "cannot read"), &e));
	if (b->failed)
		tool_die((align_err_nomem(&e), &e));
}

/* The first pass, with -i and a person at the keyboard (--edit, or a list
 * or dots typed at a terminal): the file as it was, into d, not held while
 * they type; the list and the dots kept in t to be given again. */
static void
first_pass(const struct distill_cli *c, struct tool_stream *st,
    struct align_distiller *d, struct typed *t)
{
	struct tool_stream first = *st;
	struct align_err e = ALIGN_ERR_INIT;
	const char *name;
	FILE *fp;

	first.out = 0;
	tool_stream_read(&first);
	tool_stream_write(&first, ALIGN_SPILL_NONE, 0, 0, NULL, NULL);
	if (align_distiller_snapshot(d, &t->base, &e) < 0)
		tool_die(&e);
	if (c->edit) {
		fp = open_input(distill_edit(d), &name);
		slurp(fp, name, &t->list);
		fclose(fp);
		t->have_list = 1;
	} else if (c->list) {
		/* Typed at the terminal: read whole, then checked. */
		slurp(stdin, "<stdin>", &t->list);
		fp = distill_memstream(&t->list);
		distill_list(d, fp, "<stdin>");
		fclose(fp);
		t->have_list = 1;
	}
	if (c->votes) {
		fp = open_input(c->votes, &name);
		distill_votes(d, fp, name, fp == stdin && isatty(STDIN_FILENO),
		    &t->votes);
		if (fp != stdin)
			fclose(fp);
		t->have_votes = 1;
	}
}

/* Without a first pass: a list or dots on standard input (not at a
 * terminal) read whole into t before the file is locked. */
static void
read_stdin(const struct distill_cli *c, int tty, struct typed *t)
{
	if (c->list && strcmp(c->list, "-") == 0) {
		slurp(stdin, "<stdin>", &t->list);
		t->have_list = 1;
	}
	if (c->votes && strcmp(c->votes, "-") == 0 && !tty) {
		slurp(stdin, "<stdin>", &t->votes);
		t->have_votes = 1;
	}
}

/* The list to d, once the stream is read: the one typed (again, after a
 * first pass), edited now, or from --list's file. */
static void
take_list(struct align_distiller *d, const struct distill_cli *c,
    struct typed *t, int twice, const char *file)
{
	const char *name;
	FILE *fp;

	if (twice && t->have_list)
		distill_reapply(d, &t->list, &t->base, file);
	else if (t->have_list) {
		fp = distill_memstream(&t->list);
		distill_list(d, fp, "<stdin>");
		fclose(fp);
	} else if (c->edit) {
		distill_edit(d);
	} else if (c->list) {
		fp = open_input(c->list, &name);
		distill_list(d, fp, name);
		fclose(fp);
	}
}

/* The dots to d, once the stream is read: those typed, or --votes'. */
static void
take_votes(struct align_distiller *d, const struct distill_cli *c,
    const struct typed *t, int tty)
{
	const char *name;
	FILE *fp;

	if (t->have_votes) {
		fp = distill_memstream(&t->votes);
		distill_votes(d, fp, "<stdin>", 0, NULL);
		fclose(fp);
	} else if (c->votes) {
		fp = open_input(c->votes, &name);
		distill_votes(d, fp, name, fp == stdin && tty, NULL);
		if (fp != stdin)
			fclose(fp);
	}
}

void
distill_read(const struct align_distill_opts *o,
    const struct distill_cli *c, struct tool_stream *st,
    struct align_distiller **d)
{
	struct typed t = { ALIGN_BUF_INIT, ALIGN_BUF_INIT, 0, 0,
	    ALIGN_PLIST_INIT };
	struct align_err e = ALIGN_ERR_INIT;
	int tty = isatty(STDIN_FILENO), twice = 0;

	if (c->inplace && (c->edit || (c->list && !strcmp(c->list, "-") &&
	    tty) || (c->votes && !strcmp(c->votes, "-") && tty))) {
		first_pass(c, st, *d, &t);
		twice = 1;
		align_distiller_free(*d);
		*d = NULL;
		if ((*d = align_distiller_new(o, &e)) == NULL)
			tool_die(&e);
		st->ctx = *d;
	} else
		read_stdin(c, tty, &t);
	tool_stream_read(st);
	take_list(*d, c, &t, twice, st->inplace);
	take_votes(*d, c, &t, tty);
	align_buf_release(&t.list);
	align_buf_release(&t.votes);
	align_plist_release(&t.base);
}
