/*
 * align-merge - git's merge driver for session files: the common ancestor
 * and two branches merged three-way, by record and by key, into ours.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "../lib/file.h"
#include "../lib/merge.h"
#include "../lib/out.h"
#include "tool.h"

static const char usage[] =
"usage: align-merge [-p] base ours theirs\n"
"\n"
"Merge two branches of a session file three-way, by record and by key, as\n"
"git's merge driver (align-merge %O %A %B): the result replaces ours.\n"
"Exit 0 when it merged cleanly, 1 when it marked conflicts in the file.\n"
"\n"
"  -p, --stdout            write the result to standard output instead\n"
"  -h, --help, -V, --version\n";

static const struct option longopts[] = {
	{ "stdout", no_argument, NULL, 'p' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* The result to standard output, or over ours under its lock (lk). */
static void
put(struct align_lock *lk, const struct align_buf *b)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_out out;

	if (align_out_open(&out, lk, &e) < 0)
		tool_die(&e);
	if (align_out_write(&out, b->p ? b->p : "", b->len, &e) < 0 ||
	    align_out_close(&out, &e) < 0) {
		align_out_abort(&out);
		tool_die(&e);
	}
}

int
main(int argc, char *argv[])
{
	struct align_merge m = ALIGN_MERGE_INIT;
	struct align_merge_source src[3];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_lock lk = { 0 };
	int c, to_stdout = 0;
	size_t i, conflicts;

	tool_init("align-merge", usage);
	while ((c = getopt_long(argc, argv, "phV", longopts, NULL)) != -1)
		switch (c) {
		case 'p': to_stdout = 1; break;
		case 'h': tool_usage(0);
		case 'V': tool_version();
		default: tool_usage(64);
		}
	argc -= optind;
	argv += optind;
	if (argc != 3)
		tool_usage(64);

	for (i = 0; i < 3; i++) {
		src[i].path = argv[i];
		src[i].records = NULL;
	}
	if (!to_stdout)
		tool_lock(&lk, argv[1]);	/* ours: held until replaced */
	if (align_merge(&m, src, &e) < 0)
		tool_die(&e);
	put(to_stdout ? NULL : &lk, &m.out);
	for (i = 0; i < m.nnote; i++)
		tool_say("%s%s", m.note[i].conflict ? "conflict: " : "",
		    m.note[i].msg);
	conflicts = m.conflicts;
	if (conflicts)
		fprintf(stderr, "%s: %zu conflict%s marked between <<<<<<< and "
		    ">>>>>>>: keep one side of each and remove the markers\n",
		    tool_name, conflicts, conflicts == 1 ? "" : "s");
	align_merge_release(&m);
	tool_finish();
	return conflicts ? 1 : 0;
}
