/* Three-way merges of session streams: each rule, the conflicts as a
 * person sees them, and the reader refusing them until resolved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "../../lib/merge.h"
#include "../../lib/reader.h"
#include "../../lib/writer.h"
#include "helpers.h"

#define SESSION "---\nkind: session\nid: s\ntitle: Alignment\n"
#define RESP(id, who, text) "---\nkind: response\nid: " id \
	"\nparticipant: " who "\ntext: " text "\n"

/* The merged text of three streams (an empty string: no records);
 * conflicts counts the conflicts.  The caller frees it. */
static char *
merge3(const char *base, const char *ours, const char *theirs,
    size_t *conflicts, struct align_merge *keep)
{
	struct align_node *b = stream(base), *o = stream(ours),
	    *t = stream(theirs);
	struct align_merge m = ALIGN_MERGE_INIT;
	struct align_merge_source src[3] = { { NULL, b }, { NULL, o },
	    { NULL, t } };
	struct align_err e = ALIGN_ERR_INIT;
	char *out;

	assert_int_equal(align_merge(&m, src, &e), 0);
	*conflicts = m.conflicts;
	out = strdup(m.out.p ? m.out.p : "");
	if (keep) {
		*keep = m;
	} else {
		align_merge_release(&m);
	}
	align_node_free(b);
	align_node_free(o);
	align_node_free(t);
	return out;
}

/* A clean merge that gives want (as the writer writes it). */
static void
clean(const char *base, const char *ours, const char *theirs,
    const char *want)
{
	size_t conflicts;
	char *out = merge3(base, ours, theirs, &conflicts, NULL);
	struct align_node *w = stream(want);
	struct align_buf b = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < w->n; i++)
		align_emit_record(&b, w->item[i]);
	assert_int_equal(conflicts, 0);
	assert_string_equal(out, b.p ? b.p : "");
	align_buf_release(&b);
	align_node_free(w);
	free(out);
}

/* The reader's verdict on text: 0 read, or the status of its error with
 * the line in *line. */
static int
readable(const char *text, unsigned long *line)
{
	char path[32];
	char *paths[1];
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;

	tmpfile_with(path, text, strlen(text));
	paths[0] = path;
	all = align_read_all(paths, 1, NULL, &e);
	unlink(path);
	align_node_free(all);
	*line = e.line;
	return all ? 0 : e.status;
}

/* text with the lines of one side of every conflict kept (0 ours, 1
 * theirs) and the markers removed, as a person would. */
static char *
resolve(const char *text, int side)
{
	char *out = malloc(strlen(text) + 1), *o = out;
	const char *p = text;
	int in = -1;	/* -1 outside, 0 ours, 1 theirs */

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);

		if (strncmp(p, "<<<<<<< ", 8) == 0)
			in = 0;
		else if (strncmp(p, "=======\n", 8) == 0)
			in = 1;
		else if (strncmp(p, ">>>>>>> ", 8) == 0)
			in = -1;
		else if (in < 0 || in == side) {
			memcpy(o, p, n);
			o += n;
		}
		p += n;
	}
	*o = '\0';
	return out;
}

static void
test_a_change_on_one_side_wins(void **state)
{
	(void)state;
	clean(SESSION "place: Room 4\n", SESSION "place: Room 4\n",
	    SESSION "place: Room 7\n", SESSION "place: Room 7\n");
	clean(SESSION "place: Room 4\n", SESSION "place: Room 7\n",
	    SESSION "place: Room 4\n", SESSION "place: Room 7\n");
	/* A key removed on one side, unchanged on the other. */
	clean(SESSION "place: Room 4\n", SESSION, SESSION "place: Room 4\n",
	    SESSION);
	/* Different keys of one record changed on each side. */
	clean(SESSION "place: Room 4\nduration: 2h\n",
	    SESSION "place: Room 7\nduration: 2h\n",
	    SESSION "place: Room 4\nduration: 90m\n",
	    SESSION "duration: 90m\nplace: Room 7\n");
}

static void
test_additions_on_both_sides_are_kept(void **state)
{
	(void)state;
	clean(SESSION, SESSION RESP("r-1", "Ana", "She stayed."),
	    SESSION RESP("r-2", "Ben", "He listened."),
	    SESSION RESP("r-1", "Ana", "She stayed.")
	    RESP("r-2", "Ben", "He listened."));
	/* The same record added on both sides: once. */
	clean(SESSION, SESSION RESP("r-1", "Ana", "She stayed."),
	    SESSION RESP("r-1", "Ana", "She stayed."),
	    SESSION RESP("r-1", "Ana", "She stayed."));
}

static void
test_a_deletion_on_one_side(void **state)
{
	size_t conflicts;
	unsigned long line;
	char *out, *kept;

	(void)state;
	/* Unchanged on the other: deleted. */
	clean(SESSION RESP("r-1", "Ana", "x") RESP("r-2", "Ben", "y"),
	    SESSION RESP("r-2", "Ben", "y"),
	    SESSION RESP("r-1", "Ana", "x") RESP("r-2", "Ben", "y"),
	    SESSION RESP("r-2", "Ben", "y"));
	/* Changed on the other: a conflict, the record whole between the
	 * markers, the deleting side empty. */
	out = merge3(SESSION RESP("r-1", "Ana", "x"), SESSION,
	    SESSION RESP("r-1", "Ana", "x, fixed"), &conflicts, NULL);
	assert_int_equal(conflicts, 1);
	assert_string_equal(out, SESSION "<<<<<<< ours (response 'r-1' "
	    "deleted)\n=======\n" RESP("r-1", "Ana", "x, fixed")
	    ">>>>>>> theirs (response 'r-1' changed)\n");
	assert_int_equal(readable(out, &line), EX_DATAERR);
	assert_int_equal(line, 5);
	kept = resolve(out, 0);
	assert_string_equal(kept, SESSION);
	free(kept);
	kept = resolve(out, 1);
	assert_string_equal(kept, SESSION RESP("r-1", "Ana", "x, fixed"));
	free(kept);
	free(out);
}

/* The same key changed differently on both sides: both lines between
 * markers inside the record, which the reader refuses; either side kept
 * reads back. */
static void
test_the_same_key_changed_differently_conflicts(void **state)
{
	struct align_merge m;
	size_t conflicts;
	unsigned long line;
	char *out, *kept;

	(void)state;
	out = merge3(SESSION "place: Room 4\nfacilitator: Eric\n",
	    SESSION "place: Room 7\nfacilitator: Eric\n",
	    SESSION "place: Room 9\nfacilitator: Ana\n", &conflicts, &m);
	assert_int_equal(conflicts, 1);
	assert_string_equal(out, SESSION "<<<<<<< ours (place)\n"
	    "place: Room 7\n=======\nplace: Room 9\n>>>>>>> theirs (place)\n"
	    "facilitator: Ana\n");
	assert_int_equal(m.nnote, 1);
	assert_true(m.note[0].conflict);
	assert_string_equal(m.note[0].msg, "session 's': place changed on "
	    "both sides");
	align_merge_release(&m);
	assert_int_equal(readable(out, &line), EX_DATAERR);
	assert_int_equal(line, 5);
	kept = resolve(out, 1);
	assert_int_equal(readable(kept, &line), 0);
	assert_non_null(strstr(kept, "place: Room 9\nfacilitator: Ana\n"));
	free(kept);
	free(out);
}

/* Votes by participant: each side's dots kept; one person's dots changed
 * differently on both sides conflict, the others merged on both sides. */
static void
test_votes_merge_by_participant(void **state)
{
	static const char base[] = SESSION "---\nkind: principle\nid: p1\n"
	    "statement: We listen.\nvotes:\n  Ana: 1\n";
	size_t conflicts;
	char *out;

	(void)state;
	clean(base, SESSION "---\nkind: principle\nid: p1\n"
	    "statement: We listen.\nvotes:\n  Ana: 2\n",
	    SESSION "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "votes:\n  Ana: 1\n  Ben: 3\n",
	    SESSION "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "votes:\n  Ana: 2\n  Ben: 3\n");
	out = merge3(base, SESSION "---\nkind: principle\nid: p1\n"
	    "statement: We listen.\nvotes:\n  Ana: 2\n  Carla: 1\n",
	    SESSION "---\nkind: principle\nid: p1\nstatement: We listen.\n"
	    "votes:\n  Ana: 3\n  Ben: 1\n", &conflicts, NULL);
	assert_int_equal(conflicts, 1);
	assert_non_null(strstr(out, "<<<<<<< ours (votes)\nvotes:\n  Ana: 2\n"
	    "  Carla: 1\n  Ben: 1\n=======\nvotes:\n  Ana: 3\n  Carla: 1\n"
	    "  Ben: 1\n>>>>>>> theirs (votes)\n"));
	free(out);
}

/* A voter's dots are one ballot: changed on one side, that side's whole;
 * on both, differently, a conflict in every principle where they differ,
 * never the two added up. */
#define P(id, votes) "---\nkind: principle\nid: " id "\nstatement: We " \
	id ".\nvotes:" votes "\n"

static void
test_one_ballot_a_voter(void **state)
{
	static const char base[] = SESSION P("p1", " {}") P("p2", " {}");
	size_t conflicts;
	char *out, *ours;

	(void)state;
	clean(base, SESSION P("p1", "\n  Ana: 2") P("p2", " {}"),
	    SESSION P("p1", " {}") P("p2", "\n  Ben: 1"),
	    SESSION P("p1", "\n  Ana: 2") P("p2", "\n  Ben: 1"));
	/* Ana moved her dot on ours; theirs kept her old ballot. */
	clean(SESSION P("p1", "\n  Ana: 1") P("p2", " {}"),
	    SESSION P("p1", " {}") P("p2", "\n  Ana: 1"),
	    SESSION P("p1", "\n  Ana: 1\n  Ben: 1") P("p2", " {}"),
	    SESSION P("p1", "\n  Ben: 1") P("p2", "\n  Ana: 1"));
	out = merge3(base, SESSION P("p1", "\n  Ana: 5") P("p2", " {}"),
	    SESSION P("p1", " {}") P("p2", "\n  Ana: 5"), &conflicts, NULL);
	assert_int_equal(conflicts, 2);
	assert_non_null(strstr(out, "<<<<<<< ours (votes)\nvotes:\n  Ana: 5\n"
	    "=======\nvotes: {}\n>>>>>>> theirs (votes)\n"));
	assert_non_null(strstr(out, "<<<<<<< ours (votes)\nvotes: {}\n"
	    "=======\nvotes:\n  Ana: 5\n>>>>>>> theirs (votes)\n"));
	ours = resolve(out, 0);
	assert_non_null(strstr(ours, P("p1", "\n  Ana: 5") P("p2", " {}")));
	free(ours);
	free(out);
}

/* A round of many voters, each ballot changed on one side: ours moves a
 * quarter's dot from p1 to p2, theirs gives a quarter two dots and takes
 * back another quarter's; each side adds a voter.  Every count where it
 * was, those taken back gone, the new voters last (ours' then theirs'),
 * in the time of a sort: a voter's count looked up by reading every
 * voter's took minutes for 50,000. */
#define VOTERS 50000

/* Side 0 base, 1 ours, 2 theirs, 3 the merge: the round's text. */
static char *
round_of(int side)
{
	struct align_buf b = ALIGN_BUF_INIT, v = ALIGN_BUF_INIT;
	int ours = side == 1 || side == 3, theirs = side == 2 || side == 3;
	int i, p;

	align_buf_puts(&b, SESSION);
	for (p = 1; p <= 2; p++) {
		align_buf_reset(&v);
		for (i = 0; i < VOTERS; i++) {
			int moved = ours && i % 4 == 1;
			int back = theirs && i % 4 == 3;

			if (p == 1 ? !moved && !back : moved)
				align_buf_printf(&v, "  v%05d: %d\n", i,
				    p == 1 && theirs && i % 4 == 2 ? 2 : 1);
		}
		if (p == 1 && ours)
			align_buf_puts(&v, "  w0: 1\n");
		if (p == 1 && theirs)
			align_buf_puts(&v, "  u0: 1\n");
		align_buf_printf(&b, "---\nkind: principle\nid: p%d\n"
		    "statement: We p%d.\nvotes:%s", p, p, v.len ? "\n" : " {}\n");
		if (v.len)
			align_buf_add(&b, v.p, v.len);
	}
	align_buf_release(&v);
	assert_false(b.failed);
	return align_buf_detach(&b);
}

static void
test_a_round_of_many_voters(void **state)
{
	char *text[4];
	clock_t t0;
	double cpu;
	int i;

	(void)state;
	for (i = 0; i < 4; i++)
		text[i] = round_of(i);
	t0 = clock();
	clean(text[0], text[1], text[2], text[3]);
	cpu = (double)(clock() - t0) / CLOCKS_PER_SEC;
	print_message("%d voters: %.2f s of CPU, reading included\n", VOTERS,
	    cpu);
	if (cpu > 10)
		fail_msg("%d voters took %.1f s of CPU (a sort's time is well "
		    "under one)", VOTERS, cpu);
	for (i = 0; i < 4; i++)
		free(text[i]);
}

/* A calendar event changed on both sides into one neither had: its
 * SEQUENCE past both; one side's event: the higher. */
#define F(date, every, seq) "---\nkind: followup\nid: f1\ndate: \"" date \
	"\"\nevery: " every "\nuid: u\nsequence: " seq "\n"

static void
test_sequence_of_a_merged_event(void **state)
{
	(void)state;
	clean(SESSION F("2027-01-06", "1w", "1"),
	    SESSION F("2027-01-07", "1w", "2"),
	    SESSION F("2027-01-06", "2w", "2"),
	    SESSION F("2027-01-07", "2w", "3"));
	clean(SESSION F("2027-01-06", "1w", "1"),
	    SESSION F("2027-01-07", "1w", "2"),
	    SESSION F("2027-01-06", "2w", "5"),
	    SESSION F("2027-01-07", "2w", "6"));
	/* Both made the same event, one raising it twice: the higher. */
	clean(SESSION F("2027-01-06", "1w", "1"),
	    SESSION F("2027-01-07", "1w", "2"),
	    SESSION F("2027-01-07", "1w", "3"),
	    SESSION F("2027-01-07", "1w", "3"));
}

/* Lists of text as sets: each side's additions and removals, in ours'
 * order and then theirs' additions. */
static void
test_lists_merge_as_sets(void **state)
{
	(void)state;
	clean(SESSION "participants: [Ana, Ben, Carla]\n",
	    SESSION "participants: [Ana, Ben, Carla, Dev]\n",
	    SESSION "participants: [Ben, Carla, Elif]\n",
	    SESSION "participants: [Ben, Carla, Dev, Elif]\n");
	clean(SESSION "---\nkind: principle\nid: p1\nagreed: [Ana]\n",
	    SESSION "---\nkind: principle\nid: p1\nagreed: [Ana, Ben]\n",
	    SESSION "---\nkind: principle\nid: p1\nagreed: [Ana, Carla]\n",
	    SESSION "---\nkind: principle\nid: p1\n"
	    "agreed: [Ana, Ben, Carla]\n");
	/* Added on both sides with no ancestor: the union. */
	clean("", "---\nkind: theme\nid: t1\nsource: manual\nlabel: L\n"
	    "responses: [r-1, r-2]\n",
	    "---\nkind: theme\nid: t1\nsource: manual\nlabel: L\n"
	    "responses: [r-2, r-3]\n",
	    "---\nkind: theme\nid: t1\nlabel: L\nresponses: [r-1, r-2, r-3]\n"
	    "source: manual\n");
	/* Everything removed on one side, nothing added: an empty list. */
	clean(SESSION "participants: [Ana]\n", SESSION "participants: []\n",
	    SESSION "participants: [Ana]\nplace: P\n",
	    SESSION "participants: []\nplace: P\n");
}

/* Objections: known by participant. */
static void
test_objections_merge_by_participant(void **state)
{
	static const char base[] = "---\nkind: principle\nid: p1\n"
	    "objections: []\n";
	size_t conflicts;
	char *out;

	(void)state;
	clean(base, "---\nkind: principle\nid: p1\nobjections:\n"
	    "  - participant: Ana\n    reason: Too vague.\n",
	    "---\nkind: principle\nid: p1\nobjections:\n"
	    "  - participant: Ben\n    reason: Too long.\n",
	    "---\nkind: principle\nid: p1\nobjections:\n"
	    "  - participant: Ana\n    reason: Too vague.\n"
	    "  - participant: Ben\n    reason: Too long.\n");
	out = merge3(base, "---\nkind: principle\nid: p1\nobjections:\n"
	    "  - participant: Ana\n    reason: Too vague.\n",
	    "---\nkind: principle\nid: p1\nobjections:\n"
	    "  - participant: Ana\n    reason: Too long.\n", &conflicts, NULL);
	assert_int_equal(conflicts, 1);
	assert_non_null(strstr(out, "<<<<<<< ours (objections)\n"));
	free(out);
}

/* Kinds and keys this version does not know: by key, each a whole. */
static void
test_unknown_kinds_and_keys(void **state)
{
	size_t conflicts;
	char *out;

	(void)state;
	clean(SESSION "---\nkind: poll\nid: x1\nquestion: Lunch?\n"
	    "options: [soup, salad]\n",
	    SESSION "---\nkind: poll\nid: x1\nquestion: Dinner?\n"
	    "options: [soup, salad]\n",
	    SESSION "---\nkind: poll\nid: x1\nquestion: Lunch?\n"
	    "options: [soup, salad, pie]\nclosed: true\n",
	    SESSION "---\nkind: poll\nid: x1\nquestion: Dinner?\n"
	    "options: [soup, salad, pie]\nclosed: true\n");
	out = merge3(SESSION "---\nkind: poll\nid: x1\noptions: [soup]\n",
	    SESSION "---\nkind: poll\nid: x1\noptions: [soup, pie]\n",
	    SESSION "---\nkind: poll\nid: x1\noptions: [soup, tea]\n",
	    &conflicts, NULL);
	assert_int_equal(conflicts, 1);
	free(out);
	/* An unknown key of a known kind, added by theirs. */
	clean(SESSION, SESSION "place: Room 4\n", SESSION "room_code: \"042\"\n",
	    SESSION "place: Room 4\nroom_code: \"042\"\n");
}

/* Themes grouped again on both sides: ours, and a note. */
static void
test_automatic_themes_are_recomputed(void **state)
{
	static const char base[] = "---\nkind: theme\nid: t1\nlabel: A\n"
	    "responses: [r-1]\nsource: auto\n";
	struct align_merge m;
	size_t conflicts;
	char *out;

	(void)state;
	out = merge3(base, "---\nkind: theme\nid: t1\nlabel: B\n"
	    "responses: [r-1, r-2]\nsource: auto\n",
	    "---\nkind: theme\nid: t1\nlabel: C\nresponses: [r-1, r-3]\n"
	    "source: auto\n", &conflicts, &m);
	assert_int_equal(conflicts, 0);
	assert_string_equal(out, "---\nkind: theme\nid: t1\nlabel: B\n"
	    "responses: [r-1, r-2]\nsource: auto\n");
	assert_int_equal(m.nnote, 1);
	assert_false(m.note[0].conflict);
	assert_non_null(strstr(m.note[0].msg, "align-theme -i"));
	align_merge_release(&m);
	free(out);
	/* Deleted by ours' run, changed by theirs': ours. */
	clean(base, "", "---\nkind: theme\nid: t1\nlabel: C\n"
	    "responses: [r-1, r-3]\nsource: auto\n", "");
}

/* A theme a person renamed wins over one grouped again: its label, the
 * other side's responses. */
static void
test_an_edited_theme_wins(void **state)
{
	static const char base[] = "---\nkind: theme\nid: t1\nlabel: A\n"
	    "responses: [r-1]\nsource: auto\n";

	(void)state;
	clean(base, "---\nkind: theme\nid: t1\nlabel: B\n"
	    "responses: [r-1, r-2]\nsource: auto\n",
	    "---\nkind: theme\nid: t1\nlabel: Being there\n"
	    "responses: [r-1]\nsource: manual\n",
	    "---\nkind: theme\nid: t1\nlabel: Being there\n"
	    "responses: [r-1, r-2]\nsource: manual\n");
	/* Renamed on one side, dropped by a run on the other: kept. */
	clean(base, "---\nkind: theme\nid: t1\nlabel: Being there\n"
	    "responses: [r-1]\nsource: manual\n", "",
	    "---\nkind: theme\nid: t1\nlabel: Being there\n"
	    "responses: [r-1]\nsource: manual\n");
}

/* A principle's proposal is derived, its votes are facts. */
static void
test_proposed_principles(void **state)
{
	static const char base[] = "---\nkind: principle\nid: p1\n"
	    "statement: We listen.\nthemes: [t1]\nstatus: proposed\n"
	    "source: auto\n";
	struct align_merge m;
	size_t conflicts;
	char *out;

	(void)state;
	out = merge3(base, "---\nkind: principle\nid: p1\nstatement: We hear."
	    "\nthemes: [t1]\nstatus: proposed\nsource: auto\n",
	    "---\nkind: principle\nid: p1\nstatement: We listen well.\n"
	    "themes: [t1]\nvotes:\n  Ana: 2\nstatus: proposed\nsource: auto\n",
	    &conflicts, &m);
	assert_int_equal(conflicts, 0);
	assert_string_equal(out, "---\nkind: principle\nid: p1\n"
	    "statement: We hear.\nthemes: [t1]\nvotes:\n  Ana: 2\n"
	    "status: proposed\nsource: auto\n");
	assert_int_equal(m.nnote, 1);
	assert_non_null(strstr(m.note[0].msg, "align-distill -i"));
	align_merge_release(&m);
	free(out);
	/* The group's words win over a proposal. */
	clean(base, "---\nkind: principle\nid: p1\nstatement: We hear.\n"
	    "themes: [t1]\nstatus: proposed\nsource: auto\n",
	    "---\nkind: principle\nid: p1\nstatement: We make space.\n"
	    "themes: [t1]\nstatus: proposed\nsource: manual\n",
	    "---\nkind: principle\nid: p1\nstatement: We make space.\n"
	    "themes: [t1]\nstatus: proposed\nsource: manual\n");
	/* Two groups' words: a conflict. */
	out = merge3(base, "---\nkind: principle\nid: p1\nstatement: We hear."
	    "\nsource: manual\n", "---\nkind: principle\nid: p1\n"
	    "statement: We see.\nsource: manual\n", &conflicts, NULL);
	assert_int_equal(conflicts, 1);
	free(out);
}

/* The session first, then ours' order, then theirs' new records in
 * theirs'. */
static void
test_the_order_of_records(void **state)
{
	(void)state;
	clean("", RESP("r-1", "Ana", "a") SESSION RESP("r-2", "Ben", "b"),
	    RESP("r-4", "Dev", "d") RESP("r-2", "Ben", "b")
	    RESP("r-3", "Carla", "c"),
	    SESSION RESP("r-1", "Ana", "a") RESP("r-2", "Ben", "b")
	    RESP("r-4", "Dev", "d") RESP("r-3", "Carla", "c"));
}

/* A record without an id is known by its content. */
static void
test_records_without_ids(void **state)
{
	(void)state;
	clean("---\nkind: note\ntext: a\n",
	    "---\nkind: note\ntext: a\n---\nkind: note\ntext: b\n",
	    "---\nkind: note\ntext: c\n",
	    "---\nkind: note\ntext: b\n---\nkind: note\ntext: c\n");
}

/* Records of another kind under one id: a conflict, both whole. */
static void
test_one_id_two_kinds(void **state)
{
	size_t conflicts;
	char *out;

	(void)state;
	out = merge3("---\nkind: theme\nid: x\nlabel: L\n",
	    "---\nkind: theme\nid: x\nlabel: M\n",
	    "---\nkind: principle\nid: x\nstatement: S\n", &conflicts, NULL);
	assert_int_equal(conflicts, 1);
	assert_non_null(strstr(out, "<<<<<<< ours (theme 'x' changed)\n---\n"
	    "kind: theme\n"));
	free(out);
}

/* One response captured on both branches (one id, so one content):
 * once, at the earlier time, whichever way the merge goes. */
static void
test_a_response_captured_twice(void **state)
{
#define AT(t) "---\nkind: response\nid: r-1\nparticipant: Ana\nat: \"" t \
	"\"\ntext: x\n"
	(void)state;
	clean(SESSION, SESSION AT("2026-12-02T12:25:00-05:00"),
	    SESSION AT("2026-12-02T17:20:00Z"),
	    SESSION AT("2026-12-02T17:20:00Z"));
	clean(SESSION, SESSION AT("2026-12-02T17:20:00Z"),
	    SESSION AT("2026-12-02T12:25:00-05:00"),
	    SESSION AT("2026-12-02T17:20:00Z"));
#undef AT
}

/* The same inputs give the same bytes; a stream merged with itself is
 * itself. */
static void
test_deterministic(void **state)
{
	static const char s[] = SESSION "participants: [Ana, Ben]\n"
	    RESP("r-1", "Ana", "x") "---\nkind: principle\nid: p1\n"
	    "votes:\n  Ana: 1\n";
	size_t c1, c2;
	char *a = merge3(s, s, s, &c1, NULL), *b = merge3(s, s, s, &c2, NULL);

	(void)state;
	assert_string_equal(a, b);
	clean(s, s, s, s);
	free(a);
	free(b);
}

/* From files: a response (a fact, which base keeps only as fingerprints)
 * changed on both sides is merged key by key, base read again for it; a
 * file that holds a conflict is refused, where it is. */
static void
test_from_files(void **state)
{
	char pb[32], po[32], pt[32];
	static const char b[] = SESSION RESP("r-1", "Ana", "x");
	static const char o[] = SESSION RESP("r-1", "Ana Lima", "x");
	static const char t[] = SESSION RESP("r-1", "Ana", "x, fixed")
	    RESP("r-2", "Ben", "why");
	static const char bad[] = SESSION "<<<<<<< ours (place)\n";
	struct align_merge m = ALIGN_MERGE_INIT;
	struct align_merge_source src[3] = { { pb, NULL }, { po, NULL },
	    { pt, NULL } };
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	tmpfile_with(pb, b, strlen(b));
	tmpfile_with(po, o, strlen(o));
	tmpfile_with(pt, t, strlen(t));
	assert_int_equal(align_merge(&m, src, &e), 0);
	assert_int_equal(m.conflicts, 0);
	assert_string_equal(m.out.p, SESSION RESP("r-1", "Ana Lima",
	    "x, fixed") RESP("r-2", "Ben", "why"));
	align_merge_release(&m);
	unlink(pt);
	tmpfile_with(pt, bad, strlen(bad));
	assert_int_equal(align_merge(&m, src, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 5);
	assert_string_equal(e.file, pt);
	align_merge_release(&m);
	unlink(pb);
	unlink(po);
	unlink(pt);
}

/*
 * Allocation failures (tests/fault/fault.c): a merge that takes every
 * rule, with allocation 1, 2, ... failing in turn, must fail with 71 or
 * give the very output of a run without failures.
 */
void fault_reset(long n);
int fault_hit(void);

#define BASE SESSION "participants: [Ana, Ben]\nplace: Room 4\n" \
	RESP("r-1", "Ana", "x") \
	"---\nkind: theme\nid: t1\nlabel: A\nresponses: [r-1]\n" \
	"source: auto\n---\nkind: theme\nid: t2\nlabel: B\n" \
	"responses: [r-1]\nsource: auto\n" \
	"---\nkind: principle\nid: p1\nstatement: S\nvotes:\n  Ana: 1\n" \
	"objections: []\nstatus: proposed\nsource: auto\n"
#define OURS SESSION "participants: [Ana, Ben, Carla]\nplace: Room 7\n" \
	RESP("r-2", "Carla", "y") \
	"---\nkind: theme\nid: t1\nlabel: A2\nresponses: [r-1, r-2]\n" \
	"source: auto\n---\nkind: theme\nid: t2\nlabel: B2\n" \
	"responses: [r-1, r-2]\nsource: auto\n" \
	"---\nkind: principle\nid: p1\nstatement: S2\nvotes:\n  Ana: 2\n" \
	"objections:\n  - participant: Ana\n    reason: R\n" \
	"status: proposed\nsource: auto\n---\nkind: note\ntext: n\n"
#define THEIRS SESSION "participants: [Ben, Dev]\nplace: Room 9\n" \
	RESP("r-1", "Ana", "x, fixed") RESP("r-3", "Dev", "z") \
	"---\nkind: theme\nid: t1\nlabel: A3\nresponses: [r-1, r-3]\n" \
	"source: auto\n---\nkind: theme\nid: t2\nlabel: Being there\n" \
	"responses: [r-1]\nsource: manual\n" \
	"---\nkind: principle\nid: p1\nstatement: S3\nvotes:\n  Ana: 1\n" \
	"  Dev: 2\nobjections:\n  - participant: Dev\n    reason: Q\n" \
	"status: proposed\nsource: auto\n"

static int
merge_all(const struct align_merge_source in[3], struct align_buf *out,
    struct align_err *e)
{
	struct align_merge m = ALIGN_MERGE_INIT;
	size_t i;
	int rc = align_merge(&m, in, e);

	if (rc == 0) {
		align_buf_add(out, m.out.p, m.out.len);
		for (i = 0; i < m.nnote; i++)
			align_buf_printf(out, "%d %s\n", m.note[i].conflict,
			    m.note[i].msg);
	}
	align_merge_release(&m);
	return rc;
}

static void
test_allocation_failures(void **state)
{
	struct align_merge_source in[3];
	struct align_node *b = stream(BASE), *o = stream(OURS),
	    *t = stream(THEIRS);
	struct align_buf want = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	long n;

	(void)state;
	in[0].path = in[1].path = in[2].path = NULL;
	in[0].records = b;
	in[1].records = o;
	in[2].records = t;
	assert_int_equal(merge_all(in, &want, &e), 0);
	assert_non_null(strstr(want.p, "1 response 'r-1': deleted on ours, "
	    "changed on theirs"));
	for (n = 1;; n++) {
		struct align_buf got = ALIGN_BUF_INIT;
		int rc, hit;

		fault_reset(n);
		rc = merge_all(in, &got, &e);
		if (rc == 0 && got.failed)	/* the test's own buffer */
			rc = align_err_nomem(&e);
		hit = fault_hit();
		fault_reset(-1);
		if (!hit) {
			assert_int_equal(rc, 0);
			align_buf_release(&got);
			break;
		}
		if (rc < 0)
			assert_int_equal(e.status, 71);
		else if (strcmp(got.p, want.p) != 0)
			fail_msg("allocation %ld failed, and the output differs:"
			    "\n%s", n, got.p ? got.p : "(failed)");
		align_buf_release(&got);
	}
	assert_true(n > 100);
	print_message("%ld allocation failures, each in turn\n", n - 1);
	align_buf_release(&want);
	align_node_free(b);
	align_node_free(o);
	align_node_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_change_on_one_side_wins),
		cmocka_unit_test(test_additions_on_both_sides_are_kept),
		cmocka_unit_test(test_a_deletion_on_one_side),
		cmocka_unit_test(test_the_same_key_changed_differently_conflicts),
		cmocka_unit_test(test_votes_merge_by_participant),
		cmocka_unit_test(test_one_ballot_a_voter),
		cmocka_unit_test(test_a_round_of_many_voters),
		cmocka_unit_test(test_sequence_of_a_merged_event),
		cmocka_unit_test(test_lists_merge_as_sets),
		cmocka_unit_test(test_objections_merge_by_participant),
		cmocka_unit_test(test_unknown_kinds_and_keys),
		cmocka_unit_test(test_automatic_themes_are_recomputed),
		cmocka_unit_test(test_an_edited_theme_wins),
		cmocka_unit_test(test_proposed_principles),
		cmocka_unit_test(test_the_order_of_records),
		cmocka_unit_test(test_records_without_ids),
		cmocka_unit_test(test_one_id_two_kinds),
		cmocka_unit_test(test_a_response_captured_twice),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_from_files),
		cmocka_unit_test(test_allocation_failures),
	};

	return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
