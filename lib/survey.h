/*
 * survey.h - responses from the CSV exports of survey forms.
 *
 * The columns are chosen by their header names, or recognised:
 *   Google Forms  a "Timestamp" column (local time, M/D/YYYY H:MM:SS)
 *   Typeform      "#" first and a "Submit Date (UTC)" column
 *   SurveyMonkey  "Respondent ID" first and a second header row
 *                 ("Response", "Open-Ended Response"); times with AM/PM
 *   other         a column named text, response, answer or comment (in
 *                 English, Spanish, German or French), or the only column
 *                 of free text that is not a name, an e-mail or a time
 * A question's column holds responses when its answers are free text; a
 * column whose answers repeat is a choice (a dropdown, a rating) and is
 * left out.  Told from the first rows (up to 5,000, or 8 MiB), read ahead
 * and then again: under two answers, free text; a choice when every
 * answer is a number, or all are the same, or, the most common answer
 * left aside (a "N/A" of many does not decide), the others give at most
 * half as many distinct values as they are; or when, of at most ten
 * distinct values, one is given twice and none is longer than three
 * words.  So a 7-person meeting's "Department" (Ops, Ops, Sales...) and a
 * 1,000-row survey's are choices, and their stories are not.
 * "Open-Ended Response" columns, a column named as responses are and the
 * columns named by the caller are taken as they are.
 *
 * Each text column is a question: its header is the response's question
 * (left out when it is the session's).  An empty answer adds nothing.
 * What was chosen is said in a note (s->note, and o->note when set).
 */
#ifndef ALIGN_SURVEY_H
#define ALIGN_SURVEY_H

#include <stddef.h>

#include "buf.h"
#include "csv.h"
#include "err.h"
#include "hash.h"
#include "node.h"

#define ALIGN_SURVEY_COLUMNS 64

struct align_survey_opts {
	const char *text_column[ALIGN_SURVEY_COLUMNS]; /* by header name */
	size_t ntext;
	int delimiter;			/* 0: found (see align_csv_set()) */
	enum align_csv_encoding encoding;
	const char *name_column;
	const char *time_column;
	const char *participant;	/* everyone, when no name column */
	const char *session_question;	/* left out of the records */
	const char *now;		/* "at" when a row has no time */
	const unsigned char *key;	/* pseudonyms, or NULL */
	/* Told what was chosen, when the columns were not named: the file
	 * and "responses from column "Q"; left out: "Department" (5
	 * choices)", with "fields separated by ';'; " before when the
	 * delimiter found is not a comma.  NULL: not told. */
	void (*note)(void *arg, const char *file, const char *msg);
	void *note_arg;
	/* The name of a row's name column resolved (against the session's
	 * roster): *name the participant's (borrowed), or -1 and e (65
	 * refused, 71); the row's place is then added.  NULL: as written. */
	int (*resolve)(void *arg, const char *typed, const char **name,
	    struct align_err *e);
	void *resolve_arg;
};

struct align_survey {
	const char *form;		/* "google", "typeform", ... */
	size_t text[ALIGN_SURVEY_COLUMNS];
	char *question[ALIGN_SURVEY_COLUMNS];
	size_t ntext;
	long name, last_name, time;	/* column, or -1 */
	int time_utc;
	size_t width;			/* columns in the header */
	struct align_count seen;
	char *note;			/* what was chosen (see above), or
					 * NULL when the columns were named */
	struct align_node *pending;	/* responses of the row being read */
	size_t next;
	struct align_buf who;		/* the row's name, of any length */
	const struct align_survey_opts *o;
};

/* Read the header row(s) of c and choose the columns, reading the first
 * rows when their answers must tell (they are read again after).  0, or
 * -1 and e (64 a named column is not there, or no column, or more than
 * one of a plain CSV, holds free text; 65; 71).  align_survey_release()
 * is due even after a failure. */
int align_survey_begin(struct align_survey *s, struct align_csv *c,
    const struct align_survey_opts *o, struct align_err *e);
/* The next response: 1, 0 at the end, -1 and e. */
int align_survey_next(struct align_survey *s, struct align_csv *c,
    struct align_node **rec, struct align_err *e);
void align_survey_release(struct align_survey *s);

/* A survey time as ISO 8601 into out (40 bytes): ISO 8601 itself,
 * "2026-12-02 12:14:03", or "12/2/2026 12:14:03" with an optional AM/PM;
 * in local time (TZ) unless utc.  0, or -1 and e (65). */
int align_survey_time(const char *s, int utc, char *out, struct align_err *e);

#endif
