/*
 * align-followup - step 8: pair up, follow up, reflect.  Plans follow-up
 * rounds with pairs, prints calendar entries, tells cron what is due,
 * records check-ins and reports progress.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "../lib/file.h"
#include "../lib/followup.h"
#include "../lib/out.h"
#include "../lib/reader.h"
#include "../lib/text.h"
#include "../lib/writer.h"
#include "tool.h"

static const char usage[] =
"usage: align-followup plan [-i file] [-f format] [--date time] [--every span]\n"
"                     [--count n] [--until date] [--principle id] [--with name]\n"
"                     [--leader name] [--root-cause text] [--goal text]\n"
"                     [--commit name:text] [--seed n] [--per-pair]\n"
"                     [--now time] [file ...]\n"
"       align-followup checkin [-a file | -i file] [--participant name]\n"
"                     [--principle id] [--outcome outcome] [--note text]\n"
"                     [--followup id] [--recognition text] [--now time]\n"
"                     [file ...]\n"
"       align-followup due [--within span] [--mark] [--now time] file ...\n"
"       align-followup report [-f format] [file ...]\n"
"\n"
"  -f, --format f      plan: yaml, text or ics; report: text or markdown\n"
"  -i, --in-place file update file atomically\n"
"  -a, --append file   checkin: append to file, locked\n"
"      --date time     the round's date (default: six weeks on)\n"
"      --every span    a cadence: 1w, 2w, 6w\n"
"      --count n, --until date   how long the cadence runs\n"
"      --principle id  a principle under review (repeatable)\n"
"      --with name     a one-to-one with this person (weekly)\n"
"      --leader name   the other side of the one-to-one\n"
"      --root-cause text, --goal text, --commit name:text  one-to-one\n"
"      --seed n        for the pairs (default 1)\n"
"      --per-pair      ics: also an event for each pair\n"
"      --participant name, --outcome success|failure|mixed, --note text,\n"
"      --followup id, --recognition text   checkin\n"
"      --within span   due: look this far ahead (default 0: today)\n"
"      --mark          due: record the reminders given\n"
"      --now time      the clock (default $ALIGN_NOW, else the clock)\n"
"  -h, --help, -V, --version\n";

enum { O_DATE = 256, O_EVERY, O_COUNT, O_UNTIL, O_PRINCIPLE, O_WITH,
	O_LEADER, O_ROOT, O_GOAL, O_COMMIT, O_SEED, O_PERPAIR, O_NOW,
	O_PARTICIPANT, O_OUTCOME, O_NOTE, O_FOLLOWUP, O_RECOGNITION,
	O_WITHIN, O_MARK };

static const struct option longopts[] = {
	{ "append", required_argument, NULL, 'a' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "in-place", required_argument, NULL, 'i' },
	{ "version", no_argument, NULL, 'V' },
	{ "date", required_argument, NULL, O_DATE },
	{ "every", required_argument, NULL, O_EVERY },
	{ "count", required_argument, NULL, O_COUNT },
	{ "until", required_argument, NULL, O_UNTIL },
	{ "principle", required_argument, NULL, O_PRINCIPLE },
	{ "with", required_argument, NULL, O_WITH },
	{ "leader", required_argument, NULL, O_LEADER },
	{ "root-cause", required_argument, NULL, O_ROOT },
	{ "goal", required_argument, NULL, O_GOAL },
	{ "commit", required_argument, NULL, O_COMMIT },
	{ "seed", required_argument, NULL, O_SEED },
	{ "per-pair", no_argument, NULL, O_PERPAIR },
	{ "now", required_argument, NULL, O_NOW },
	{ "participant", required_argument, NULL, O_PARTICIPANT },
	{ "outcome", required_argument, NULL, O_OUTCOME },
	{ "note", required_argument, NULL, O_NOTE },
	{ "followup", required_argument, NULL, O_FOLLOWUP },
	{ "recognition", required_argument, NULL, O_RECOGNITION },
	{ "within", required_argument, NULL, O_WITHIN },
	{ "mark", no_argument, NULL, O_MARK },
	{ NULL, 0, NULL, 0 }
};

struct cli {
	struct align_followup_opts plan;
	const char *inplace, *append, *fmt, *nowopt;
	const char *who, *principle, *outcome, *note, *followup, *recog;
	const char *within;
	int per_pair, mark;
	const char **principles, **goals, **commits;
	struct align_lock lock;	/* -i, due --mark: held while in use */
};


/* The stream: -i FILE (locked first, until output() has replaced it),
 * -a FILE, or the operands (standard input when none).  Unless all of it
 * is written out again, only the records this step looks at are kept: a
 * survey's responses need no memory here. */
static struct align_node *
input(struct cli *c, int argc, char **argv, int all)
{
	static const char *const wanted[] = { "session", "principle",
	    "followup", "checkin", "reminder", NULL };
	struct align_err e = ALIGN_ERR_INIT;
	const char *one = c->inplace ? c->inplace : c->append;
	struct align_reader *r;
	struct align_node *recs, *rec;
	size_t i;
	int rc;

	if (one && argc > 0)
		tool_usage_error("-i and -a take no file operands");
	if ((recs = align_seq()) == NULL)
		tool_die((align_err_nomem(&e), &e));
	if (c->inplace)
		tool_lock(&c->lock, c->inplace);
	/* A FIFO or a directory is refused, never waited on. */
	if (one && (rc = align_file_check(one, &e)) < 0)
		tool_die(&e);
	if (one && rc == 0 && c->append)
		return recs;	/* -a on a new file */
	r = align_reader_open(one ? (char **)&one : argv, one ? 1 :
	    (size_t)argc, NULL, &e);
	if (r == NULL)
		tool_die(&e);
	while ((rc = align_reader_next(r, &rec, &e)) > 0) {
		for (i = 0; !all && wanted[i]; i++)
			if (strcmp(align_record_kind(rec), wanted[i]) == 0)
				break;
		if (!all && wanted[i] == NULL) {
			align_node_free(rec);
			continue;
		}
		if (align_seq_push(recs, rec) < 0) {
			rc = align_err_nomem(&e);
			break;
		}
	}
	align_reader_free(r);
	if (rc < 0)
		tool_die(&e);
	return recs;
}

/* Write recs, with extra at index at (replacing it) or at the end: to
 * standard output, or over -i FILE, then released. */
static void
output(struct cli *c, const struct align_node *recs,
    const struct align_node *extra, long at)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_out out;
	size_t i;
	int rc;

	if (align_out_open(&out, c->inplace ? &c->lock : NULL, &e) < 0)
		tool_die(&e);
	for (i = 0, rc = 0; rc == 0 && i < recs->n; i++)
		rc = align_out_record(&out, (long)i == at && extra ? extra :
		    recs->item[i], &e);
	if (rc == 0 && extra && at < 0)
		rc = align_out_record(&out, extra, &e);
	if (rc < 0 || align_out_close(&out, &e) < 0) {
		align_out_abort(&out);
		tool_die(&e);
	}
}

static int
plan(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *recs, *f, *all;
	struct align_buf b = ALIGN_BUF_INIT;
	enum tool_format fmt = c->fmt ? tool_format(c->fmt, FMT_YAML |
	    FMT_TEXT | FMT_ICS) : c->inplace ? FMT_NONE : tool_default_format();
	long at;
	size_t i, j;

	recs = input(c, argc, argv, fmt == FMT_YAML || c->inplace);
	c->plan.now = now;
	if (align_followup_plan(recs, &c->plan, &f, &at, &e) < 0)
		tool_die(&e);
	if (fmt == FMT_YAML || c->inplace)
		output(c, recs, f, at);
	if (fmt == FMT_ICS) {
		if ((all = align_seq()) == NULL)
			tool_die((align_err_nomem(&e), &e));
		for (i = 0; i < recs->n; i++)
			if (strcmp(align_record_kind(recs->item[i]),
			    "followup") == 0 && (long)i != at &&
			    align_seq_push(all, align_node_copy(
			    recs->item[i])) < 0)
				tool_die((align_err_nomem(&e), &e));
		if (align_seq_push(all, align_node_copy(f)) < 0)
			tool_die((align_err_nomem(&e), &e));
		if (align_followup_ics(&b, align_session_of(recs), all,
		    c->per_pair, now, &e) < 0)
			tool_die(&e);
		align_node_free(all);
	} else if (fmt == FMT_TEXT) {
		const struct align_node *p = align_map_get(f, "pairs");
		const struct align_node *pr = align_map_get(f, "principles");

		align_buf_printf(&b, "%s %s%s%s on %s", align_record_id(f),
		    align_map_get(f, "with") ? "one-to-one with " :
		    "follow-up", align_map_get(f, "with") ?
		    align_map_str(f, "with") : "", at >= 0 ? " (revised)" :
		    "", align_map_str(f, "date"));
		if (align_map_str(f, "every"))
			align_buf_printf(&b, ", every %s", align_map_str(f,
			    "every"));
		align_buf_puts(&b, "\nPrinciples: ");
		for (i = 0; pr && i < pr->n; i++)
			align_buf_printf(&b, "%s%s", i ? ", " : "",
			    pr->item[i]->str);
		align_buf_puts(&b, "\nPairs:\n");
		for (i = 0; p && i < p->n; i++) {
			align_buf_puts(&b, "  ");
			for (j = 0; j < p->item[i]->n; j++)
				align_buf_printf(&b, "%s%s", j ? " and " : "",
				    p->item[i]->item[j]->str);
			align_buf_putc(&b, '\n');
		}
	}
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	if (b.len)
		fwrite(b.p, 1, b.len, stdout);
	align_buf_release(&b);
	align_node_free(f);
	align_node_free(recs);
	return 0;
}

/* "[Name:] p2 success[: note]" into its parts; 0, or -1. */
static int
parse_line(char *s, const char **who, char **principle, char **outcome,
    char **note)
{
	size_t k = align_name_prefix(s);

	*who = NULL;
	if (k > 0 && s[0] != 'p') {
		s[k] = '\0';
		*who = s;
		s += k + 1;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	*principle = s;
	s += strcspn(s, " \t");
	if (*s == '\0')
		return -1;
	*s++ = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	*outcome = s;
	s += strcspn(s, " \t:");
	*note = NULL;
	if (*s) {
		*s++ = '\0';
		while (*s == ' ' || *s == '\t' || *s == ':')
			s++;
		if (*s)
			*note = s;
	}
	return **outcome ? 0 : -1;
}

/* The lines of standard input, read whole before any file is locked:
 * a person may take minutes to type them. */
static char **
read_lines(size_t *n)
{
	struct align_err e = ALIGN_ERR_INIT;
	char **v = NULL, *line = NULL;
	size_t cap = 0;

	*n = 0;
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "One check-in a line: [Name:] p2 "
		    "success|failure|mixed: what happened. Ctrl-D ends.\n");
	while (getline(&line, &cap, stdin) >= 0) {
		char **nv = realloc(v, (*n + 1) * sizeof(*v));

		if (nv == NULL || (nv[*n] = strdup(line)) == NULL) {
			free(line);
			tool_die((align_err_nomem(&e), &e));
		}
		v = nv;
		(*n)++;
	}
	free(line);
	return v;
}

static int
checkin(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *recs, *rec, *fresh;
	struct align_buf b = ALIGN_BUF_INIT;
	char at[40], **lines = NULL, *line;
	size_t i, nlines = 0;
	unsigned long lno = 0;

	if (!c->principle && !c->outcome)
		lines = read_lines(&nlines);
	recs = input(c, argc, argv, c->append == NULL);
	align_time_format(now, at);
	if ((fresh = align_seq()) == NULL)
		tool_die((align_err_nomem(&e), &e));
	if (c->principle || c->outcome) {
		if (align_checkin_new(recs, c->who, c->principle, c->outcome,
		    c->note, c->followup, c->recog, at, &rec, &e) < 0)
			tool_die(&e);
		if (align_seq_push(fresh, rec) < 0)
			tool_die((align_err_nomem(&e), &e));
	} else {
		/* One a line: "[Name:] p2 success: what happened". */
		for (i = 0; i < nlines; i++) {
			const char *who;
			char *p, *o, *n;

			line = lines[i];
			lno++;
			line[strcspn(line, "\r\n")] = '\0';
			if (line[strspn(line, " \t")] == '\0')
				continue;
			if (parse_line(line, &who, &p, &o, &n) < 0 ||
			    align_checkin_new(recs, who ? who : c->who, p, o,
			    n, c->followup, c->recog, at, &rec, &e) < 0) {
				if (e.status == 0)
					align_err_set(&e, EX_DATAERR, NULL, 0,
					    0, "expected '[Name:] p2 success: "
					    "note'");
				e.status = EX_DATAERR;
				snprintf(e.file, sizeof(e.file), "<stdin>");
				e.line = lno;
				e.col = 1;
				tool_die(&e);
			}
			if (align_seq_push(fresh, rec) < 0)
				tool_die((align_err_nomem(&e), &e));
		}
		for (i = 0; i < nlines; i++)
			free(lines[i]);
		free(lines);
	}
	if (c->append) {
		/* All the check-ins in one append, whole or not at all. */
		for (i = 0; i < fresh->n; i++)
			align_emit_record(&b, fresh->item[i]);
		if (b.failed)
			tool_die((align_err_nomem(&e), &e));
		if (align_append_file(c->append, b.p, b.len, NULL, &e) < 0)
			tool_die(&e);
	} else {
		for (i = 0; i < fresh->n; i++)
			if (align_seq_push(recs, align_node_copy(
			    fresh->item[i])) < 0)
				tool_die((align_err_nomem(&e), &e));
		output(c, recs, NULL, -1);
	}
	align_buf_release(&b);
	align_node_free(fresh);
	align_node_free(recs);
	return 0;
}

static int
due(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *recs;
	struct align_due *items;
	struct align_buf b = ALIGN_BUF_INIT;
	long within = 0;
	size_t n, i;
	char at[40];

	if (argc < 1)
		tool_usage_error("due: name the session files");
	if (c->mark && argc != 1)
		tool_usage_error("--mark: name one session file");
	if (c->within && align_duration_parse(c->within, &within, &e) < 0)
		tool_usage_error("--within: %s", e.msg);
	/* Marking writes: the file is locked before it is read, so that
	 * two runs at once give each reminder once. */
	if (c->mark)
		tool_lock(&c->lock, argv[0]);
	recs = input(c, argc, argv, 0);
	if (align_due_items(recs, now, within, &items, &n, &e) < 0)
		tool_die(&e);
	for (i = 0; i < n; i++)
		printf("%s %s %s\n", items[i].date, items[i].followup,
		    items[i].what);
	tool_finish();
	if (c->mark && n > 0) {
		align_time_format(now, at);
		for (i = 0; i < n; i++) {
			struct align_node *m = align_record_new("reminder");

			if (m == NULL || align_map_put_str(m, "id", items[i].id) <
			    0 || align_map_put_str(m, "followup",
			    items[i].followup) < 0 || align_map_put_str(m,
			    "date", items[i].date) < 0 || align_map_put_str(m,
			    "what", items[i].what) < 0 || align_map_put_str(m,
			    "at", at) < 0)
				b.failed = 1;
			else
				align_emit_record(&b, m);
			align_node_free(m);
		}
		if (b.failed)
			tool_die((align_err_nomem(&e), &e));
		if (align_lock_append(&c->lock, b.p, b.len, &e) < 0)
			tool_die(&e);
	}
	align_lock_release(&c->lock);
	align_buf_release(&b);
	free(items);
	align_node_free(recs);
	return n > 0 ? 0 : 1;
}

static int
report(struct cli *c, int argc, char **argv)
{
	struct align_node *recs = input(c, argc, argv, 0);
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	enum tool_format f = c->fmt ? tool_format(c->fmt, FMT_TEXT |
	    FMT_MARKDOWN) : FMT_TEXT;

	align_followup_report(&b, recs, f == FMT_MARKDOWN, tool_color());
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	if (b.len)
		fwrite(b.p, 1, b.len, stdout);
	align_buf_release(&b);
	align_node_free(recs);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct cli c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;
	const char *cmd;
	char *end;
	int ch, rc;

	memset(&c, 0, sizeof(c));
	c.plan.seed = 1;
	tool_init("align-followup");
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0))
		tool_help(usage);
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 ||
	    strcmp(argv[1], "-V") == 0))
		tool_version();
	if (argc < 2)
		tool_usage_error("name what to do: plan, checkin, due or "
		    "report");
	cmd = argv[1];
	argc--;
	argv++;
	while ((ch = getopt_long(argc, argv, "a:f:hi:V", longopts, NULL)) != -1)
		switch (ch) {
		case 'a': c.append = optarg; break;
		case 'f': c.fmt = optarg; break;
		case 'h': tool_help(usage);
		case 'i': c.inplace = optarg; break;
		case 'V': tool_version();
		case O_DATE: c.plan.date = optarg; break;
		case O_EVERY: c.plan.every = optarg; break;
		case O_COUNT:
			c.plan.count = strtol(optarg, &end, 10);
			if (*end || c.plan.count <= 0)
				tool_usage_error("--count: a whole number");
			break;
		case O_UNTIL: c.plan.until = optarg; break;
		case O_PRINCIPLE:
			c.principles = tool_list_add(c.principles, &c.plan.nprinciple,
			    optarg);
			c.principle = optarg;
			break;
		case O_WITH: c.plan.with = optarg; break;
		case O_LEADER: c.plan.leader = optarg; break;
		case O_ROOT: c.plan.root_cause = optarg; break;
		case O_GOAL: c.goals = tool_list_add(c.goals, &c.plan.ngoal, optarg);
			break;
		case O_COMMIT: c.commits = tool_list_add(c.commits, &c.plan.ncommit,
			    optarg);
			break;
		case O_SEED: c.plan.seed = strtoull(optarg, NULL, 10); break;
		case O_PERPAIR: c.per_pair = 1; break;
		case O_NOW: c.nowopt = optarg; break;
		case O_PARTICIPANT: c.who = optarg; break;
		case O_OUTCOME: c.outcome = optarg; break;
		case O_NOTE: c.note = optarg; break;
		case O_FOLLOWUP: c.followup = optarg; break;
		case O_RECOGNITION: c.recog = optarg; break;
		case O_WITHIN: c.within = optarg; break;
		case O_MARK: c.mark = 1; break;
		default:
			fputs(usage, stderr);
			return 64;
		}
	argc -= optind;
	argv += optind;
	c.plan.principle = c.principles;
	c.plan.goal = c.goals;
	c.plan.commit = c.commits;
	if (align_now(c.nowopt, &now, &e) < 0)
		tool_usage_error("--now: %s", e.msg);
	if (strcmp(cmd, "plan") == 0)
		rc = plan(&c, argc, argv, &now);
	else if (strcmp(cmd, "checkin") == 0)
		rc = checkin(&c, argc, argv, &now);
	else if (strcmp(cmd, "due") == 0)
		rc = due(&c, argc, argv, &now);
	else if (strcmp(cmd, "report") == 0)
		rc = report(&c, argc, argv);
	else
		tool_usage_error("unknown command '%s': plan, checkin, due or "
		    "report", cmd);
	free(c.principles);
	free(c.goals);
	free(c.commits);
	tool_finish();
	return rc;
}
