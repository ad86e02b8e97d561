/*
 * align-plan - steps 1-4: plan the meeting, state its purpose, ask the
 * opening question.  Writes or updates the session record and passes every
 * other record through; prints the agenda or the invitation.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/agenda.h"
#include "../lib/file.h"
#include "../lib/invite.h"
#include "../lib/names.h"
#include "../lib/out.h"
#include "../lib/plan.h"
#include "../lib/reader.h"
#include "../lib/text.h"
#include "tool.h"

static const char usage[] =
"usage: align-plan [-i file] [-f format] [--new] [--id id] [--title text]\n"
"                  [--purpose text] [--question text] [--date time]\n"
"                  [--duration span] [--place text] [--facilitator name]\n"
"                  [--participant name] [--participants-file file]\n"
"                  [--now time] [file ...]\n"
"\n"
"Write or update the session record: title, purpose, opening question,\n"
"date, duration, place, facilitator and participants.\n"
"\n"
"  -f, --format f          text (agenda), yaml (stream), markdown or ics\n"
"                          (invitation); text on a terminal, else yaml\n"
"  -i, --in-place file     update file atomically (created if missing)\n"
"  -n, --new               start a new session; read no input\n"
"      --id id             the session's id (default: title and date)\n"
"      --title text        default: Leadership alignment\n"
"      --purpose text      default: the method's purpose\n"
"      --question text     default: the method's opening question\n"
"      --date time         2026-12-02T12:00-05:00 (local time if no offset)\n"
"      --duration span     90m, 2h, 1h30m (default 2h)\n"
"      --place text\n"
"      --facilitator name\n"
"      --participant name  repeat for each; replaces the list\n"
"      --participants-file file  one name a line\n"
"      --now time          the time to stamp the invitation with\n"
"                          (default $ALIGN_NOW, else the clock)\n"
"  -h, --help, -V, --version\n";

enum { O_ID = 256, O_TITLE, O_PURPOSE, O_QUESTION, O_DATE, O_DURATION,
	O_PLACE, O_FACILITATOR, O_PARTICIPANT, O_PFILE, O_NOW };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "in-place", required_argument, NULL, 'i' },
	{ "new", no_argument, NULL, 'n' },
	{ "version", no_argument, NULL, 'V' },
	{ "id", required_argument, NULL, O_ID },
	{ "title", required_argument, NULL, O_TITLE },
	{ "purpose", required_argument, NULL, O_PURPOSE },
	{ "question", required_argument, NULL, O_QUESTION },
	{ "date", required_argument, NULL, O_DATE },
	{ "duration", required_argument, NULL, O_DURATION },
	{ "place", required_argument, NULL, O_PLACE },
	{ "facilitator", required_argument, NULL, O_FACILITATOR },
	{ "participant", required_argument, NULL, O_PARTICIPANT },
	{ "participants-file", required_argument, NULL, O_PFILE },
	{ "now", required_argument, NULL, O_NOW },
	{ NULL, 0, NULL, 0 }
};

/* What the command line asks beyond the plan. */
struct cmdline {
	const char *inplace, *fmt, *now;
	int fresh;
};

/* --participant: one more name. */
static void
participant(struct align_plan *p, const char *name)
{
	struct align_err e = ALIGN_ERR_INIT;
	char **v = realloc(p->participants, (p->nparticipants + 1) *
	    sizeof(*v));

	if (v == NULL)
		tool_die((align_err_nomem(&e), &e));
	p->participants = v;
	if ((v[p->nparticipants] = strdup(name)) == NULL)
		tool_die((align_err_nomem(&e), &e));
	p->nparticipants++;
	p->set_participants = 1;
}

/* The options into p and c; the index of the first operand. */
static int
options(int argc, char *argv[], struct align_plan *p, struct cmdline *c)
{
	struct align_err e = ALIGN_ERR_INIT;
	int ch;

	while ((ch = getopt_long(argc, argv, "f:hi:nV", longopts, NULL)) != -1)
		switch (ch) {
		case 'f': c->fmt = optarg; break;
		case 'h': tool_usage(0);
		case 'i': c->inplace = optarg; break;
		case 'n': c->fresh = 1; break;
		case 'V': tool_version();
		case O_ID: p->id = optarg; break;
		case O_TITLE: p->title = optarg; break;
		case O_PURPOSE: p->purpose = optarg; break;
		case O_QUESTION: p->question = optarg; break;
		case O_DATE: p->date = optarg; break;
		case O_DURATION: p->duration = optarg; break;
		case O_PLACE: p->place = optarg; break;
		case O_FACILITATOR: p->facilitator = optarg; break;
		case O_PARTICIPANT: participant(p, optarg); break;
		case O_PFILE:
			p->set_participants = 1;
			if (align_names_read(optarg, &p->participants,
			    &p->nparticipants, &e) < 0)
				tool_die(&e);
			break;
		case O_NOW: c->now = optarg; break;
		default: tool_usage(64);
		}
	return optind;
}

/* The format, the clock, and whether there is a session to read. */
static enum align_format
setup(struct cmdline *c, int argc, struct align_time *now,
    struct align_lock *lk)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct stat st;
	enum align_format f;

	if (c->inplace && (argc > 0 || c->fresh))
		tool_usage_error("-i takes no file operands and no --new");
	f = c->fmt ? tool_format(c->fmt, align_agenda_formats() |
	    ALIGN_FMT_ICS | ALIGN_FMT_YAML) : c->inplace ? ALIGN_FMT_NONE :
	    tool_default_format();
	if (align_now(c->now, now, &e) < 0)
		tool_usage_error("--now: %s", e.msg);
	/* Held from before the file is read to after it is replaced. */
	if (c->inplace)
		tool_lock(lk, c->inplace);
	if (c->inplace && stat(c->inplace, &st) < 0)
		c->fresh = 1;	/* -i on a new file creates it */
	if (!c->inplace && argc == 0 && isatty(STDIN_FILENO))
		c->fresh = 1;
	return f;
}

/* The session for people: the agenda, or the invitation. */
static void
show(const struct align_node *session, enum align_format f,
    const struct align_time *now)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_TEXT,
	    .width = 80, .color = 0 };
	struct align_agenda v;

	s.format = f;
	s.width = align_terminal_width(STDOUT_FILENO);
	if (align_agenda_make(&v, session, &e) < 0)
		tool_die(&e);
	if (f == ALIGN_FMT_ICS && align_invite_ics(&v, now, &b, &e) < 0)
		tool_die(&e);
	if (f != ALIGN_FMT_ICS)
		align_agenda_show(&v, &s);
	align_agenda_release(&v);
	tool_print(&b);
}

/*
 * Options, the step, the show.  Longer than a screen by the reading and
 * writing of the stream (the reader's loop, the align_out calls), which
 * stay as they are here: the locked pipeline replaces them.
 */
int
main(int argc, char *argv[])
{
	struct align_plan p = { 0 };
	struct cmdline c = { NULL, NULL, NULL, 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;
	struct align_out out;
	struct align_lock lk = { 0 };
	struct align_reader *r = NULL;
	struct align_node *rec, *session = NULL, *held;
	const char *inplace;
	enum align_format f;
	int made, n, rc = 0;
	size_t i;

	tool_init("align-plan", usage);
	n = options(argc, argv, &p, &c);
	argc -= n;
	argv += n;
	f = setup(&c, argc, &now, &lk);
	inplace = c.inplace;
	if (!c.fresh) {
		r = align_reader_open(inplace ? (char **)&inplace : argv,
		    inplace ? 1 : (size_t)argc, NULL, &e);
		if (r == NULL)
			tool_die(&e);
	}
	/* Hold the records before the first session record (normally none),
	 * so that a new session can lead the stream. */
	if ((held = align_seq()) == NULL)
		tool_die((align_err_nomem(&e), &e));
	while (r && (rc = align_reader_next(r, &rec, &e)) > 0) {
		const char *kind = align_record_kind(rec);

		if (strcmp(kind, "session") == 0) {
			session = rec;
			break;
		}
		if (align_seq_push(held, rec) < 0)
			tool_die((align_err_nomem(&e), &e));
	}
	made = session == NULL;
	if (rc >= 0 && align_plan_apply(&session, &p, &e) < 0 && r &&
	    e.status == 65 && !e.file[0])
		snprintf(e.file, sizeof(e.file), "%s", align_reader_file(r));
	if (rc < 0 || e.status)
		tool_die(&e);

	if (f == ALIGN_FMT_YAML || inplace) {
		if (align_out_open(&out, inplace ? &lk : NULL, &e) < 0)
			tool_die(&e);
		/* A new session leads; one that was read stays in place. */
		rc = made ? align_out_record(&out, session, &e) : 0;
		for (i = 0; rc == 0 && i < held->n; i++)
			rc = align_out_record(&out, held->item[i], &e);
		if (rc == 0 && !made)
			rc = align_out_record(&out, session, &e);
		while (rc == 0 && r && (rc = align_reader_next(r, &rec,
		    &e)) > 0) {
			rc = align_out_record(&out, rec, &e);
			align_node_free(rec);
		}
		if (rc < 0 || align_out_close(&out, &e) < 0) {
			align_out_abort(&out);
			tool_die(&e);
		}
	}
	if (f != ALIGN_FMT_YAML && f != ALIGN_FMT_NONE)
		show(session, f, &now);
	align_reader_free(r);
	align_node_free(session);
	align_node_free(held);
	align_names_free(p.participants, p.nparticipants);
	tool_finish();
	return 0;
}
