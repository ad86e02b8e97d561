/*
 * align-plan - steps 1-4: plan the meeting, state its purpose, ask the
 * opening question.  Writes or updates the session record and passes every
 * other record through; prints the agenda or the invitation.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/agenda.h"
#include "../lib/invite.h"
#include "../lib/names.h"
#include "../lib/plan.h"
#include "../lib/record.h"
#include "../lib/text.h"
#include "../lib/zone.h"
#include "tool.h"

static const char usage[] =
"usage: align-plan [-i file] [-f format] [--new] [--id id] [--title text]\n"
"                  [--purpose text] [--question text] [--date time]\n"
"                  [--duration span] [--place text] [--facilitator name]\n"
"                  [--participant name] [--participants-file file]\n"
"                  [--one-to-one --with name] [--private] [--count n]\n"
"                  [--tz zone] [--now time] [file ...]\n"
"\n"
"Write or update the session record: title, purpose, opening question,\n"
"date, duration, place, facilitator and participants.\n"
"\n"
"  -f, --format f          text (agenda), markdown, html (the agenda as a\n"
"                          page), ics (invitation) or yaml (stream); text\n"
"                          on a terminal, else yaml\n"
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
"      --one-to-one        a one-to-one realignment: its own agenda, and an\n"
"                          invitation every week for the two of you\n"
"      --with name         the manager it is with (with --one-to-one)\n"
"      --private           keep the file private: mode 0600 on every write\n"
"      --count n           ics of a one-to-one: how many weeks (default 6)\n"
"      --tz zone           the session's time zone (America/New_York)\n"
"      --now time          the time to stamp the invitation with\n"
"                          (default $ALIGN_NOW, else the clock)\n"
"  -h, --help, -V, --version\n";

enum { O_ID = 256, O_TITLE, O_PURPOSE, O_QUESTION, O_DATE, O_DURATION,
	O_PLACE, O_FACILITATOR, O_PARTICIPANT, O_PFILE, O_NOW, O_ONE, O_WITH,
	O_PRIVATE, O_COUNT, O_TZ };

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
	{ "one-to-one", no_argument, NULL, O_ONE },
	{ "with", required_argument, NULL, O_WITH },
	{ "private", no_argument, NULL, O_PRIVATE },
	{ "count", required_argument, NULL, O_COUNT },
	{ "tz", required_argument, NULL, O_TZ },
	{ NULL, 0, NULL, 0 }
};

/* What the command line asks beyond the plan. */
struct cmdline {
	const char *inplace, *fmt, *now;
	int fresh;
	long count;		/* weeks of a one-to-one's invitation */
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

/* The options of a one-to-one, and of a private session. */
static void
one_to_one_option(struct align_plan *p, struct cmdline *c, int ch,
    const char *arg)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_zone *z;

	switch (ch) {
	case O_ONE: p->one_to_one = 1; break;
	case O_WITH: p->with = tool_text("--with", arg); break;
	case O_PRIVATE: p->private_ = 1; break;
	case O_COUNT:
		c->count = (long)tool_number("--count", arg, 1, 520);
		break;
	case O_TZ:
		if (align_zone_load(&z, arg, &e) < 0)
			tool_usage_error("--tz: %s", e.msg);
		align_zone_free(z);
		p->tz = arg;
		break;
	default: tool_usage(64);
	}
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
		case O_ID: p->id = tool_text("--id", optarg); break;
		case O_TITLE: p->title = tool_text("--title", optarg); break;
		case O_PURPOSE:
			p->purpose = tool_text("--purpose", optarg);
			break;
		case O_QUESTION:
			p->question = tool_text("--question", optarg);
			break;
		case O_DATE: p->date = optarg; break;
		case O_DURATION: p->duration = optarg; break;
		case O_PLACE: p->place = tool_text("--place", optarg); break;
		case O_FACILITATOR:
			p->facilitator = tool_text("--facilitator", optarg);
			break;
		case O_PARTICIPANT:
			participant(p, tool_text("--participant", optarg));
			break;
		case O_PFILE:
			p->set_participants = 1;
			if (align_names_read(optarg, &p->participants,
			    &p->nparticipants, &e) < 0)
				tool_die(&e);
			break;
		case O_NOW: c->now = optarg; break;
		default: one_to_one_option(p, c, ch, optarg);
		}
	return optind;
}

/* The format, the clock, and whether there is a session to read. */
static enum align_format
setup(const struct align_plan *p, struct cmdline *c, int argc,
    struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	enum align_format f;

	if (c->inplace && (argc > 0 || c->fresh))
		tool_usage_error("-i takes no file operands and no --new");
	if (p->with && !p->one_to_one)
		tool_usage_error("--with: of a --one-to-one");
	if (p->one_to_one && !p->with && c->fresh)
		tool_usage_error("--one-to-one: say --with whom");
	f = c->fmt ? tool_format(c->fmt, align_agenda_formats() |
	    ALIGN_FMT_ICS | ALIGN_FMT_YAML) : c->inplace ? ALIGN_FMT_NONE :
	    tool_default_format();
	if (align_now(c->now, now, &e) < 0)
		tool_usage_error("--now: %s", e.msg);
	if (!c->inplace && argc == 0 && isatty(STDIN_FILENO))
		c->fresh = 1;
	return f;
}

/* The session for people: the agenda, or the invitation. */
static void
show(const struct align_node *session, const char *file, enum align_format f,
    const struct align_time *now, long count)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_show s = { .b = &b, .format = f,
	    .width = align_terminal_width(STDOUT_FILENO), .tool = tool_name };
	struct align_agenda v;

	if (align_agenda_make(&v, session, &e) < 0)
		tool_die_in(&e, file);
	if (f == ALIGN_FMT_ICS && (v.one_to_one ?
	    align_invite_one_to_one_ics(&v, now, count, &b, &e) :
	    align_invite_ics(&v, now, &b, &e)) < 0)
		tool_die_in(&e, file);
	if (f == ALIGN_FMT_ICS && align_invite_no_organizer(&v))
		fprintf(stderr, "%s: nobody is asked to answer: the facilitator "
		    "has no e-mail address (set one with --facilitator "
		    "'Name <address>')\n", tool_name);
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
/* The first session record of the stream, and where it came from. */
struct found {
	struct tool_stream *st;
	struct align_node *session;
	char *file;
	int give;	/* get() gives the session away: not shown after */
};

static int
take(void *ctx, const struct align_node *rec, struct align_err *e)
{
	struct found *f = ctx;

	if (f->session || strcmp(align_record_kind(rec), "session") != 0)
		return 0;
	if ((f->session = align_node_copy(rec)) == NULL ||
	    (f->file = strdup(f->st->file)) == NULL)
		return align_err_nomem(e);
	return f->st->out ? 0 : 1;	/* to show it, no more is needed */
}

/* The session to write: itself when it is not shown after (a session
 * of a few hundred thousand participants is tens of megabytes as nodes),
 * else a copy. */
static struct align_node *
get(void *ctx, size_t i, struct align_err *e)
{
	struct found *f = ctx;
	struct align_node *s = f->session;

	(void)i;
	if (f->give)
		f->session = NULL;
	else if ((s = align_node_copy(s)) == NULL)
		align_err_nomem(e);
	return s;
}

int
main(int argc, char *argv[])
{
	struct align_plan p = { 0 };
	struct cmdline c = { NULL, NULL, NULL, 0, 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;
	struct tool_stream st = { .owned = "session", .keep = 1,
	    .create = 1, .take = take };
	struct found found = { &st, NULL, NULL, 0 };
	enum align_format f;
	int made, n, private;

	tool_init("align-plan", usage);
	n = options(argc, argv, &p, &c);
	argc -= n;
	argv += n;
	f = setup(&p, &c, argc, &now);
	st.paths = argv;
	st.npaths = (size_t)argc;
	st.inplace = c.inplace;
	st.fresh = c.fresh;
	st.out = f == ALIGN_FMT_YAML || c.inplace;
	st.ctx = &found;
	st.lead = 1;	/* a new session leads the stream */
	tool_stream_read(&st);
	made = found.session == NULL;
	if (align_plan_apply(&found.session, &p, &e) < 0) {
		if (e.status == 65 && !e.file[0] && found.file)
			snprintf(e.file, sizeof(e.file), "%s", found.file);
		tool_die(&e);
	}
	/* The names given are in the session now. */
	align_names_free(p.participants, p.nparticipants);
	p.participants = NULL;
	p.nparticipants = 0;
	private = tool_private(found.session);
	found.give = f == ALIGN_FMT_YAML || f == ALIGN_FMT_NONE;
	/* One that was read stays in its place; a new one leads. */
	tool_stream_write(&st, made ? ALIGN_SPILL_NONE : 0, 1, 1, get,
	    &found);
	tool_private_file(private, c.inplace, 0, "set ALIGN_GIT_OK");
	if (f != ALIGN_FMT_YAML && f != ALIGN_FMT_NONE)
		show(found.session, found.file, f, &now,
		    c.count ? c.count : 6);
	align_node_free(found.session);
	free(found.file);
	align_names_free(p.participants, p.nparticipants);
	tool_finish();
	return 0;
}
