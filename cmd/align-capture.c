/*
 * align-capture - step 5: write every response where all can see it.
 * Turns responses typed at a prompt, plain text lines and CSV exports of
 * survey forms into response records, and shows them as a board.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/board.h"
#include "../lib/capture.h"
#include "../lib/response.h"
#include "../lib/text.h"
#include "prompt.h"
#include "serve.h"
#include "tool.h"

static const char usage[] =
"usage: align-capture [-a file] [-f format] [--csv file] [--participant name]\n"
"                     [--paragraphs] [--column name] [--name-column name]\n"
"                     [--time-column name] [--delimiter char]\n"
"                     [--encoding name] [--anonymous] [--min-group n]\n"
"                     [--wait seconds] [--now time] [--add-participant]\n"
"                     [file ...]\n"
"       align-capture --serve [addr:]port -a file [--anonymous] [--now time]\n"
"\n"
"Turn responses into response records: plain text (\"Name: text\" a line),\n"
"session streams, CSV exports of survey forms, or lines typed at a prompt.\n"
"\n"
"  -a, --append file       append the new responses to file, locked\n"
"  -f, --format f          yaml (stream), or the board: text, markdown, csv,\n"
"                          html (one page for the room's screen);\n"
"                          text on a terminal, else yaml (none with -a)\n"
"      --csv file          read a CSV export (Google Forms, Typeform,\n"
"                          SurveyMonkey recognised); repeatable\n"
"      --participant name  plain text: all of it is this person's\n"
"      --paragraphs        plain text: blank lines separate responses\n"
"      --column name       CSV: a column of responses; repeat for more\n"
"                          questions (default: the columns of free text,\n"
"                          not of choices; said on standard error);\n"
"                          also --text-column\n"
"      --name-column name  CSV: the column of names\n"
"      --add-participant   CSV: a name not on the session's participants is\n"
"                          a new person (else refused, near names suggested)\n"
"      --time-column name  CSV: the column of times\n"
"      --delimiter char    CSV: ',', ';', tab or another (default: found\n"
"                          from the first rows)\n"
"      --encoding name     CSV: utf-8 (default), or windows-1252 (latin1)\n"
"                          converted\n"
"      --anonymous         replace each name by a stable pseudonym\n"
"      --min-group n       count no fewer than n people (default 3 for\n"
"                          pseudonyms, else 1)\n"
"      --wait seconds      how long to wait for the lock of -a (default\n"
"                          $ALIGN_WAIT, else 30)\n"
"      --now time          the capture time (default $ALIGN_NOW, else clock)\n"
"      --serve [addr:]port people post their own responses from their\n"
"                          phones, into the file of -a; the address to open\n"
"                          is the first line of output (addr 127.0.0.1\n"
"                          unless given, 0.0.0.0 the room's network)\n"
"  -h, --help, -V, --version\n";

enum { O_CSV = 256, O_PARTICIPANT, O_PARAGRAPHS, O_TEXT, O_NAME, O_TIME,
	O_ANON, O_MIN_GROUP, O_WAIT, O_NOW, O_DELIM, O_ENC, O_SERVE, O_ADD };

static const struct option longopts[] = {
	{ "append", required_argument, NULL, 'a' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "csv", required_argument, NULL, O_CSV },
	{ "participant", required_argument, NULL, O_PARTICIPANT },
	{ "paragraphs", no_argument, NULL, O_PARAGRAPHS },
	{ "column", required_argument, NULL, O_TEXT },
	{ "text-column", required_argument, NULL, O_TEXT },
	{ "delimiter", required_argument, NULL, O_DELIM },
	{ "encoding", required_argument, NULL, O_ENC },
	{ "name-column", required_argument, NULL, O_NAME },
	{ "add-participant", no_argument, NULL, O_ADD },
	{ "time-column", required_argument, NULL, O_TIME },
	{ "anonymous", no_argument, NULL, O_ANON },
	{ "min-group", required_argument, NULL, O_MIN_GROUP },
	{ "wait", required_argument, NULL, O_WAIT },
	{ "now", required_argument, NULL, O_NOW },
	{ "serve", required_argument, NULL, O_SERVE },
	{ NULL, 0, NULL, 0 }
};

/* The survey's columns, as chosen: said on standard error. */
static void
note(void *arg, const char *file, const char *msg)
{
	(void)arg;
	tool_say("%s: %s", file, msg);
}

/* The options into o, and those of the board; the operands' index.
 * Longer than a screen: one case a line for each of the tool's options,
 * read as the table of them; a case that needs more calls a helper. */
static int
options(int argc, char *argv[], struct align_capture_opts *o,
    const char **fmt, int *anonymous, size_t *min_group, const char **serve)
{
	struct align_err e = ALIGN_ERR_INIT;
	int c;

	o->wait = -1;	/* $ALIGN_WAIT, else 30 seconds */
	while ((c = getopt_long(argc, argv, "a:f:hV", longopts, NULL)) != -1)
		switch (c) {
		case 'a': o->append = optarg; break;
		case 'f': *fmt = optarg; break;
		case 'h': tool_usage(0);
		case 'V': tool_version();
		case O_CSV:
			o->csv = realloc(o->csv, (o->ncsv + 1) *
			    sizeof(char *));
			if (o->csv == NULL)
				tool_die((align_err_nomem(&e), &e));
			o->csv[o->ncsv++] = optarg;
			break;
		case O_PARTICIPANT:
			o->read.participant = tool_text("--participant",
			    optarg);
			break;
		case O_PARAGRAPHS: o->read.paragraphs = 1; break;
		case O_TEXT:
			if (o->survey.ntext == ALIGN_SURVEY_COLUMNS)
				tool_usage_error("too many --column");
			o->survey.text_column[o->survey.ntext++] = optarg;
			break;
		case O_DELIM:
			if ((o->survey.delimiter = align_csv_delimiter(optarg))
			    < 0)
				tool_usage_error("--delimiter: '%s' is not one "
				    "(',', ';', tab, or a mark such as '|')",
				    optarg);
			break;
		case O_ENC:
			if (align_csv_encoding(optarg, &o->survey.encoding) < 0)
				tool_usage_error("--encoding: '%s' is not one "
				    "(utf-8, windows-1252, latin1)", optarg);
			break;
		case O_NAME: o->survey.name_column = optarg; break;
		case O_ADD: o->add_people = 1; break;
		case O_TIME: o->survey.time_column = optarg; break;
		case O_ANON: *anonymous = 1; break;
		case O_MIN_GROUP:
			*min_group = (size_t)tool_number("--min-group",
			    optarg, 1, 1000000);
			break;
		case O_WAIT: o->wait = tool_real("--wait", optarg, 0, 86400);
			break;
		case O_NOW: o->now = optarg; break;
		case O_SERVE: *serve = optarg; break;
		default: tool_usage(64);
		}
	if (o->now) {
		struct align_time t;

		if (align_now(o->now, &t, &e) < 0)
			tool_usage_error("--now: %s", e.msg);
	}
	o->survey.participant = o->read.participant;
	o->survey.note = note;
	return optind;
}

/* The board of what was captured, in format f. */
static void
show_board(const struct align_capture *cap, enum align_format f,
    size_t min_group)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_board board;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show show = { .b = &b, .format = f,
	    .width = align_terminal_width(STDOUT_FILENO),
	    .color = tool_color(), .tool = tool_name,
	    .min_group = min_group };

	if (align_board_make(&board, cap->session, cap->responses, &e) < 0)
		tool_die(&e);
	align_board_show(&board, &show);
	align_board_release(&board);
	tool_print(&b);
}

int
main(int argc, char *argv[])
{
	struct align_capture_opts o = { 0 };
	struct align_capture cap;
	struct align_err e = ALIGN_ERR_INIT;
	unsigned char key[16];
	const char *fmt = NULL, *serve = NULL;
	size_t min_group = 0;
	enum align_format f;
	int anonymous = 0, rc, n;

	tool_init("align-capture", usage);
	n = options(argc, argv, &o, &fmt, &anonymous, &min_group,
	    &serve);
	argc -= n;
	argv += n;
	f = fmt ? tool_format(fmt, ALIGN_FMT_YAML | align_board_formats()) :
	    o.append ? ALIGN_FMT_NONE : tool_default_format();
	if (anonymous) {
		if (align_key_load(key, &e) < 0)
			tool_die(&e);
		o.read.key = key;
	}
	if (serve)
		tool_serve_capture(serve, &o, min_group, argc, fmt);
	o.collect = o.quiet = f != ALIGN_FMT_YAML && f != ALIGN_FMT_NONE;

	/* The step: lines typed at a terminal, else a batch. */
	align_capture_init(&cap, &o);
	if (argc == 0 && o.ncsv == 0 && isatty(STDIN_FILENO))
		rc = prompt_run(&cap, &e);
	else
		rc = align_capture_batch(&cap, argv, (size_t)argc, &e);
	if (rc < 0)
		tool_die(&e);

	if (o.collect)
		show_board(&cap, f, min_group);
	align_capture_release(&cap);
	free(o.csv);
	tool_finish();
	return 0;
}
