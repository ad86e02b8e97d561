/*
 * align-followup - step 8: pair up, follow up, reflect.  Plans follow-up
 * rounds with pairs, prints calendar entries, tells cron what is due,
 * records check-ins and reports progress.  One file a command
 * (followup.h); here, the command named run with the clock.
 */
#include <stdlib.h>
#include <string.h>

#include "followup.h"

static const struct {
	const char *name;
	int (*run)(struct cli *, int, char **, const struct align_time *);
} commands[] = {
	{ "plan", followup_plan }, { "show", followup_show },
	{ "checkin", followup_checkin }, { "due", followup_due },
	{ "report", followup_report }, { "review", followup_review },
};

int
main(int argc, char *argv[])
{
	struct cli c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;
	const char *cmd;
	size_t i;
	int rc;

	memset(&c, 0, sizeof(c));
	c.plan.seed = 1;
	tool_init("align-followup", followup_usage);
	cmd = followup_options(&c, &argc, &argv);
	if (align_now(c.nowopt, &now, &e) < 0)
		tool_usage_error("--now: %s", e.msg);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(cmd, commands[i].name) == 0)
			break;
	if (i == sizeof(commands) / sizeof(commands[0]))
		tool_usage_error("unknown command '%s': plan, show, checkin, "
		    "review, due or report", cmd);
	rc = commands[i].run(&c, argc, argv, &now);
	free(c.principles);
	free(c.goals);
	free(c.commits);
	free(c.supports);
	free(c.review.values);
	free(c.review.outcomes);
	free(c.review.done);
	tool_finish();
	return rc;
}
