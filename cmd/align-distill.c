/*
 * align-distill - step 7: distill, together, a short list of principles
 * everyone agrees to embody.  Proposes one principle per leading theme,
 * takes the group's edits, dot votes and agreement, and prints the list.
 * The options, the edited list, the dots and the stream read with what
 * people typed are in cmd/distill_*.c (distill.h); here, the run.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/principles.h"
#include "../lib/reader.h"
#include "../lib/text.h"
#include "distill.h"
#include "serve.h"

/* The distiller, given back at exit whichever way the run ends. */
static struct align_distiller *distiller;

static void
release(void)
{
	align_distiller_free(distiller);
	distiller = NULL;
}

static size_t nthemes;		/* in the input */

/* The lists of a survey read packed (node.h), the texts one after
 * another, not a node a name: the session's participants (the distiller
 * copies them) and a round's pairs (it never looks at them).  As nodes, a
 * round of everyone (166,667 pairs) and its 333,333 participants are
 * held in batches of the reader (41 and 33 MB) until they are written. */
static const struct align_pack packed[] = {
	{ "session", "participants", 0 },
	{ "followup", "pairs", 1 },
};

static int
take(void *d, const struct align_node *rec, struct align_err *e)
{
	const char *kind = align_record_kind(rec);

	nthemes += kind && strcmp(kind, "theme") == 0;
	return align_distiller_add(d, rec, e);
}

static struct align_node *
get(void *d, size_t i, struct align_err *e)
{
	return align_distiller_record(d, i, e);
}

/* The whiteboard or the charter. */
static void
show(const struct align_distiller *d, enum align_format f,
    const struct distill_cli *c)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = f,
	    .width = align_terminal_width(STDOUT_FILENO),
	    .color = f == ALIGN_FMT_TEXT && tool_color(), .tool = tool_name,
	    .min_group = c->min_group };
	struct align_principles v;
	struct align_err e = ALIGN_ERR_INIT;

	if (align_principles_make(&v, d, &e) < 0)
		tool_die(&e);
	v.charter = c->charter;
	align_principles_show(&v, &s);
	align_principles_release(&v);
	tool_print(&b);
}

int
main(int argc, char *argv[])
{
	struct align_distill_opts o = { 0 };
	struct distill_cli c = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct tool_stream st = { .owned = "principle", .take = take };
	enum align_format f;
	int n, rc;

	tool_init("align-distill", distill_usage);
	n = distill_options(argc, argv, &o, &c);
	argc -= n;
	argv += n;
	if (c.serve)
		tool_serve_distill(c.serve, &o, c.inplace, argc > 0 || c.fmt ||
		    c.edit || c.list || c.votes || c.check || o.keep);
	f = c.fmt ? tool_format(c.fmt, align_principles_formats() |
	    ALIGN_FMT_YAML) : c.inplace || c.check ? ALIGN_FMT_NONE :
	    tool_default_format();
	if ((distiller = align_distiller_new(&o, &e)) == NULL)
		tool_die(&e);
	atexit(release);
	st.paths = argv;
	st.npaths = (size_t)argc;
	st.inplace = c.inplace;
	st.out = f == ALIGN_FMT_YAML || c.inplace;
	st.ctx = distiller;
	st.pack = packed;
	st.npack = sizeof(packed) / sizeof(packed[0]);
	distill_read(&o, &c, &st, &distiller);
	if (align_distiller_run(distiller, &e) < 0)
		tool_die(&e);
	/* Nothing to distill, nor any principle to vote or agree on; --check
	 * answers no. */
	if (nthemes == 0 && align_distiller_count(distiller) == 0 && !c.check)
		tool_too_early("no themes", "align-theme");
	tool_stream_write(&st, ALIGN_SPILL_ALL, 0,
	    align_distiller_count(distiller), get, distiller);
	distill_forget_kept();	/* the group's words are in the stream now */
	if (f != ALIGN_FMT_YAML && f != ALIGN_FMT_NONE)
		show(distiller, f, &c);
	rc = c.check && !align_distiller_final(distiller);
	release();
	free(c.vote);
	free(c.agree);
	free(c.object);
	free(c.reason);
	tool_finish();
	return rc;
}
