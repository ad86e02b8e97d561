/*
 * followup_report.c - align-followup report: the progress of the rounds,
 * their check-ins and one-to-ones, shown, changing nothing.
 */
#include "../lib/report.h"
#include "../lib/round.h"
#include "followup.h"

int
followup_report(struct cli *c, int argc, char **argv,
    const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show show = { .b = &b, .format = c->fmt ?
	    tool_format(c->fmt, align_report_formats()) : ALIGN_FMT_TEXT,
	    .width = 80, .color = tool_color(), .tool = tool_name,
	    .min_group = c->min_group };
	struct tool_stream st = { 0 };
	struct kept k;
	struct align_rounds rs;
	struct align_report v;

	followup_input(c, &st, &k, argc, argv, 0);
	followup_rounds(&rs, &k, c, 1);
	if (rs.nround == 0)
		tool_too_early("no follow-up planned", "align-followup plan");
	if (align_report_make(&v, &rs, &e) < 0 ||
	    align_report_practice(&v, &rs, now, &e) < 0)
		tool_die_in(&e, c->path);
	align_report_show(&v, &show);
	tool_print(&b);
	align_report_release(&v);
	align_rounds_release(&rs);
	followup_kept_release(&k);
	return 0;
}
