/*
 * followup.h - step 8: pair up, follow up, reflect.
 *
 * A follow-up is a round: a date (six weeks after the session unless
 * given), an optional cadence ("every: 1w", with a count or an end), the
 * principles under review, and pairs of participants who talk about how
 * they embody them.  The one-to-one practice (realigning one manager) is
 * the same machinery with two people and a weekly cadence: its record
 * also holds the root cause, the shared goals and each side's
 * commitments.
 *
 * The step, a module a word of the method:
 *	round.h		the records of the step read once; a round's dates
 *	pairs.h		who talks with whom
 *	followup_plan.h	planning a round (one_to_one.c: the one-to-one's part),
 *			and showing it (round_text.c)
 *	calendar.h	the rounds as a calendar (calendar_ics.c)
 *	checkin.h	a check-in, and the line people type
 *	due.h		what is due for cron (due_text.c)
 *	report.h	how it goes (report_text.c, report_md.c)
 */
#ifndef ALIGN_FOLLOWUP_H
#define ALIGN_FOLLOWUP_H

#include "calendar.h"
#include "checkin.h"
#include "due.h"
#include "followup_plan.h"
#include "pairs.h"
#include "report.h"
#include "round.h"

#endif
