/*
 * distill.h - align-distill's command layer: its options, the edited
 * list, the dots, and the stream read with what people typed, each in a
 * file named after it.  The distiller is lib/distill.h's; these take what
 * the command line and the people at the keyboard give it.  Every
 * function here exits with a message on a failure (tool.h): 64 usage, 65
 * a list or dots with errors (each said, with its line), 66 a file that
 * cannot be opened, 71, 74.
 */
#ifndef ALIGN_CMD_DISTILL_H
#define ALIGN_CMD_DISTILL_H

#include <stdio.h>

#include "../lib/buf.h"
#include "../lib/distill.h"
#include "../lib/hash.h"
#include "tool.h"

/* What the command line asks beyond the distiller's options. */
struct distill_cli {
	const char *inplace, *fmt, *list, *votes, *serve;
	int edit, check, charter;
	size_t min_group;
	const char **vote, **agree, **object, **reason;
	size_t nreason;
};

/* distill_options.c: the usage text, for tool_init(). */
extern const char distill_usage[];
/* distill_options.c: the options into o (its defaults set first) and c
 * (zeroed by the caller), the operands and options that cannot go
 * together refused (64); the index of the first operand.  The lists of c
 * (o borrows them) are the caller's to free. */
int distill_options(int argc, char *argv[], struct align_distill_opts *o,
    struct distill_cli *c);

/* distill_edit.c: the list in $VISUAL or $EDITOR, then applied to d, as
 * crontab -e does: a list with errors offered again at a terminal, else
 * said (65).  The edited file is kept until distill_forget_kept(): a run
 * that fails after the edit says, at exit, where the group's words are.
 * Its path, the module's. */
const char *distill_edit(struct align_distiller *d);
/* The group's words are in the stream now: the edited file removed. */
void distill_forget_kept(void);
/* --list: the list in fp (name for messages) applied to d; every error
 * said and nothing changed (65).  A list with no principle ends the run
 * (1). */
void distill_list(struct align_distiller *d, FILE *fp, const char *name);
/* The list edited (or typed) in a first pass over the file as it was
 * (base), applied three-way to d as the file (named file) is now
 * (principle_merge.h): a principle the edit and another writer both
 * changed meanwhile is a conflict, each said with its line in file, the
 * list kept (a typed one written to a file of $TMPDIR) and its path
 * said, nothing changed (65). */
void distill_reapply(struct align_distiller *d, const struct align_buf *list,
    const struct align_plist *base, const char *file);

/* distill_votes.c: dots one person a line from fp (name for messages),
 * "Ana=p1,p1,p3" or "Ana: p1 p1 p3".  At a terminal (tty) each line is
 * checked as it comes and a wrong one typed again; otherwise the lines
 * stand or fall together (65, no dot cast).  With record, the lines taken
 * are appended to it, to be cast again on the file once it is locked. */
void distill_votes(struct align_distiller *d, FILE *fp, const char *name,
    int tty, struct align_buf *record);

/* distill_read.c: b's bytes to read from (b not changed while it is
 * open). */
FILE *distill_memstream(const struct align_buf *b);
/* distill_read.c: read the stream of st into *d and take what people
 * typed (--edit, --list, --votes): with -i, never while the file is
 * locked; a person at the keyboard is given a first pass over the file as
 * it was, and *d is then made again from o for the file as it is (the
 * one *d freed). */
void distill_read(const struct align_distill_opts *o,
    const struct distill_cli *c, struct tool_stream *st,
    struct align_distiller **d);

#endif
