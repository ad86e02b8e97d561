/*
 * followup_checkin.c - align-followup checkin: the check-ins of the
 * options, or those typed one a line (read whole before any file is
 * locked), appended to the file or written into the stream.
 */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "../lib/checkin.h"
#include "../lib/file.h"
#include "../lib/round.h"
#include "../lib/writer.h"
#include "followup.h"

/* Standard input, read whole before any file is locked: a person may
 * take minutes to type the check-ins. */
static struct align_buf
typed(void)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	char chunk[4096];
	size_t n;

	if (isatty(STDIN_FILENO))
		fprintf(stderr, "One check-in a line: [Name:] p2 "
		    "success|failure|mixed: what happened. Ctrl-D ends.\n");
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		align_buf_add(&b, chunk, n);
	if (ferror(stdin))
		tool_die((align_err_set(&e, EX_IOERR, "<stdin>", 0, 0,
		    "read error"), &e));
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	return b;
}

/* The new check-ins: one by the options, or one a line of what was
 * typed, "[Name:] p2 success: what happened". */
static struct align_node *
checkins(struct cli *c, const struct align_rounds *rs, const char *at,
    const struct align_buf *lines)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_checkin_view k;
	struct align_node *fresh, *rec;
	FILE *in;

	memset(&k, 0, sizeof(k));
	k.participant = c->who;
	k.principle = c->principle;
	k.outcome = c->outcome;
	k.note = c->note;
	k.followup = c->followup;
	k.recognition = c->recog;
	k.at = at;
	if ((fresh = align_seq()) == NULL)
		tool_die((align_err_nomem(&e), &e));
	if (c->principle || c->outcome) {
		/* Made again, it is the one the file holds. */
		if (align_checkin_new(rs, &k, &rec, &e) < 0 ||
		    align_checkin_add(rs, fresh, rec, &e) < 0)
			tool_die_in(&e, c->path);
		return fresh;
	}
	if (lines->len == 0)
		return fresh;
	if ((in = fmemopen(lines->p, lines->len, "r")) == NULL)
		tool_die((align_err_nomem(&e), &e));
	if (align_checkins_read(rs, in, "<stdin>", &k, fresh, &e) < 0)
		tool_die_in(&e, c->path);
	fclose(in);
	return fresh;
}

/* The new check-ins appended to the file of -a, whose lock c holds
 * since before it was read; then let go. */
static void
append_locked(struct cli *c, const struct kept *k,
    const struct align_node *fresh)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < fresh->n; i++)
		align_emit_record(&b, fresh->item[i]);
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	if (b.len > 0 && align_lock_append(&c->lock, b.p, b.len, &e) < 0)
		tool_die_in(&e, c->path);
	align_lock_release(&c->lock);
	align_buf_release(&b);
	followup_private_file(c, k, c->append);
}

int
followup_checkin(struct cli *c, int argc, char **argv,
    const struct align_time *now)
{
	struct tool_stream st = { 0 };
	struct kept k;
	struct align_node *fresh;
	struct align_buf lines = ALIGN_BUF_INIT;
	struct align_rounds rs;
	char at[40];

	if (!c->principle && !c->outcome)
		lines = typed();
	/* -a too: locked from before it is read to after the append, so
	 * that a check-in made twice at once is still written once. */
	if (c->append)
		tool_lock(&c->lock, c->append);
	followup_input(c, &st, &k, argc, argv, c->append == NULL);
	align_time_format(now, at);
	followup_rounds(&rs, &k, c, 0);
	fresh = checkins(c, &rs, at, &lines);
	align_buf_release(&lines);
	if (c->append) {
		/* All the check-ins in one append, whole or not at all. */
		append_locked(c, &k, fresh);
	} else {
		k.fresh = fresh->item;
		tool_stream_write(&st, ALIGN_SPILL_NONE, 0, fresh->n,
		    followup_added, &k);
		if (c->inplace)
			followup_private_file(c, &k, c->inplace);
	}
	align_rounds_release(&rs);
	align_node_free(fresh);
	followup_kept_release(&k);
	return 0;
}
