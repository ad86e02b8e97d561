/*
 * followup_due.c - align-followup due: what is due in the window asked
 * for, shown for cron; with --mark, the reminders given appended to the
 * file (locked before it is read, so each is given once).
 */
#include <string.h>

#include "../lib/due.h"
#include "../lib/round.h"
#include "followup.h"

/* How far ahead due looks, and after how long it reminds again, in
 * minutes, once its operands are checked. */
static long
window(const struct cli *c, int argc, long *again)
{
	struct align_err e = ALIGN_ERR_INIT;
	long within = 0;

	if (argc < 1)
		tool_usage_error("due: name the session files");
	if (c->mark && argc != 1)
		tool_usage_error("--mark: name one session file");
	if (c->within && align_duration_parse(c->within, &within, &e) < 0)
		tool_usage_error("--within: %s", e.msg);
	*again = ALIGN_DUE_AGAIN;
	if (c->again && strcmp(c->again, "never") == 0)
		*again = 0;
	else if (c->again && (align_duration_parse(c->again, again, &e) < 0 ||
	    *again % (24 * 60) != 0))
		tool_usage_error("--again: %s", e.status ? e.msg :
		    "whole days, such as 3d or 1w");
	return within;
}

int
followup_due(struct cli *c, int argc, char **argv,
    const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT, text = ALIGN_BUF_INIT;
	struct align_show show = { .b = &text, .format = ALIGN_FMT_TEXT,
	    .width = 80, .color = 0 };
	struct tool_stream st = { 0 };
	struct kept k;
	struct align_rounds rs;
	struct align_due_list list;
	long again, within = window(c, argc, &again);
	size_t n;
	char at[40];

	/* Marking writes: the file is locked before it is read, so that
	 * two runs at once give each reminder once. */
	if (c->mark)
		tool_lock(&c->lock, argv[0]);
	followup_input(c, &st, &k, argc, argv, 0);
	followup_rounds(&rs, &k, c, 1);
	if (rs.nround == 0)
		tool_too_early("no follow-up planned", "align-followup plan");
	if (align_due_items(&rs, now, within, again, &list, &e) < 0)
		tool_die_in(&e, c->path);
	n = list.n;
	align_due_show(&list, &show);
	tool_print(&text);
	tool_finish();
	if (c->mark && n > 0) {
		align_time_format(now, at);
		align_due_reminders(&list, at, &b);
		if (b.failed)
			tool_die((align_err_nomem(&e), &e));
		if (align_lock_append(&c->lock, b.p, b.len, &e) < 0)
			tool_die_in(&e, c->path);
		followup_private_file(c, &k, argv[0]);
	}
	align_lock_release(&c->lock);
	align_buf_release(&b);
	align_due_release(&list);
	align_rounds_release(&rs);
	followup_kept_release(&k);
	return n > 0 ? 0 : 1;
}
