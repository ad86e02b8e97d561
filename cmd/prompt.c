/*
 * prompt.c - align-capture's prompt, which is UI: the room sees the
 * purpose and the question, then each response is typed on a line and
 * said back once it is recorded.  The library (capture.h) makes and
 * writes each response; this reads the lines and shows what happened.
 *
 * Lines are edited with libedit, through its readline interface: the
 * arrows move in the line and through the lines typed before (a history
 * in memory, never written to a file: these are people's words), and TAB
 * at the start of a line completes a participant's name, "Mar" to
 * "Marcus Lee: ".  Whatever the editor lets through, a line holding a
 * control character is refused by the library, never recorded.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include "../lib/plan.h"
#include "../lib/record.h"
#include "../lib/show.h"
#include "../lib/text.h"
#include "prompt.h"
#include "tool.h"

/* Lines kept for the arrows. */
#define HISTORY 500

/* The capture whose participants TAB completes: the editor's callbacks
 * take no argument of ours. */
static struct align_capture *completing;

/* No file names: TAB completes names of people only. */
static char *
no_files(const char *text, int state)
{
	(void)text;
	(void)state;
	return NULL;
}

/* TAB in a name at the start of the line (the editor gives the whole
 * line before the cursor: no character breaks a word): the one name and
 * ": ", or the names that begin so, listed, and what they share. */
static char **
complete(const char *text, int start, int end)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf put = ALIGN_BUF_INIT;
	const char **v = NULL;
	char **m = NULL;
	size_t nv = 0, i;

	(void)end;
	rl_attempted_completion_over = 1;
	if (start != 0 || strchr(text, ':') || completing == NULL ||
	    completing->o->read.participant ||
	    align_speakers_complete(&completing->speakers, text,
	    strlen(text), &put, &v, &nv, &e) < 0 || nv == 0 ||
	    (m = calloc(nv + 2, sizeof(*m))) == NULL) {
		free(v);
		align_buf_release(&put);
		return NULL;
	}
	m[0] = align_buf_detach(&put);
	for (i = 0; nv > 1 && i < nv; i++)
		m[i + 1] = strdup(v[i]);
	free(v);
	return m;
}

static void
editor_open(struct align_capture *c)
{
	static char no_breaks[] = "";

	/* The editor reads and completes characters, not bytes, by the
	 * locale's; a session's text is UTF-8 whatever the locale says,
	 * so a "C" locale would have it refuse "Zoë". */
	if (setlocale(LC_CTYPE, "") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		(void)setlocale(LC_CTYPE, "C.UTF-8");
	completing = c;
	rl_readline_name = "align-capture";
	rl_instream = stdin;
	rl_outstream = stderr;		/* standard output may be the stream */
	rl_attempted_completion_function = complete;
	rl_completion_entry_function = no_files;
	rl_completer_word_break_characters = no_breaks;
	rl_completion_append_character = '\0';
	rl_initialize();
	using_history();
	stifle_history(HISTORY);
}

static void
editor_close(void)
{
	clear_history();
	completing = NULL;
}

/* What the room should see first: the title, the purpose, the question
 * (the session's, else the method's), and how to type. */
static void
header(const struct align_capture *c, struct align_buf *b)
{
	struct align_view v = { .kind = ALIGN_KIND_OTHER };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_show s = { .b = b, .format = ALIGN_FMT_TEXT,
	    .width = align_terminal_width(STDERR_FILENO) };
	const struct align_session_view *sv = &v.u.session;
	int session = c->session && align_view(&v, c->session, &e) == 0 &&
	    v.kind == ALIGN_KIND_SESSION;

	align_show_text(&s, session && sv->title ? sv->title : ALIGN_TITLE);
	align_buf_puts(b, "\n\nPurpose: ");
	align_show_wrap(&s, session && sv->purpose ? sv->purpose :
	    ALIGN_PURPOSE, 2, 9);
	align_buf_puts(b, "Question: ");
	align_show_wrap(&s, session && sv->question ? sv->question :
	    ALIGN_QUESTION, 2, 10);
	align_view_release(&v);
	align_buf_puts(b, "\nType each response as \"Name: what they said\" "
	    "(the name is kept for the next line). Ctrl-D ends.\n");
	if (c->speakers.n && !c->o->read.participant)
		align_buf_puts(b, "TAB completes a participant's name.\n");
	if (c->o->read.key)
		align_buf_puts(b, "Anonymous: each name is recorded as its "
		    "pseudonym.\n");
}

/* Say what became of a line: rc of align_capture_line(). */
static void
said(const struct align_capture *c, int rc, struct align_buf *b)
{
	struct align_view v;
	struct align_err e = ALIGN_ERR_INIT;

	align_buf_reset(b);
	if (rc == ALIGN_LINE_EMPTY)
		align_buf_puts(b, "  (nothing to record)");
	if (rc == ALIGN_LINE_NAMED) {
		align_buf_puts(b, "  (the next lines are ");
		align_escape_term(b, c->who.p, c->who.len);
		align_buf_puts(b, "'s)");
	}
	if (rc == ALIGN_LINE_REFUSED) {
		align_buf_puts(b, "  not recorded: ");
		align_escape_term(b, c->why.p ? c->why.p : "",
		    c->why.p ? c->why.len : 0);
	}
	if (rc == ALIGN_LINE_RECORDED && align_view(&v, c->last, &e) == 0) {
		align_buf_printf(b, "  recorded %s", v.id ? v.id : "");
		if (v.u.response.participant) {
			align_buf_puts(b, " from ");
			align_escape_term(b, v.u.response.participant,
			    strlen(v.u.response.participant));
		}
	}
	if (rc == ALIGN_LINE_RECORDED)
		align_view_release(&v);
	align_buf_putc(b, '\n');
	if (!b->failed)
		fputs(b->p, stderr);
}

int
prompt_run(struct align_capture *c, struct align_err *e)
{
	struct align_buf b = ALIGN_BUF_INIT;
	char *line;
	int rc = 0;

	if (align_capture_start(c, e) < 0)
		return -1;
	header(c, &b);
	if (b.failed)
		return align_err_nomem(e);
	fputs(b.p, stderr);
	editor_open(c);
	while (rc >= 0 && (line = readline("> ")) != NULL) {
		if (*line)
			add_history(line);
		if ((rc = align_capture_line(c, line, e)) >= 0)
			said(c, rc, &b);
		free(line);
	}
	editor_close();
	align_buf_release(&b);
	fputs("\n", stderr);
	if (rc < 0)
		return -1;
	return align_capture_finish(c, e);
}
