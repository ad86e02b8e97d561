/*
 * checkin.h - a check-in: how one person lived by one principle (or a
 * one-to-one's commitment) in a round.
 *
 * A check-in has an outcome (success, failure or mixed), a note, the
 * round (by default the latest whose day has come, else the first), the
 * time, and for a one-to-one the recognition given.  Its id is derived
 * from its round, person, principle and time, so the same check-in made
 * twice is one record: the stream's, which is kept (facts are only
 * added; a reader keeps the first of an id), the second left out when it
 * says the same, refused when it says another outcome, note or
 * recognition (65), for ids are unique in a session.  Names, notes and
 * principles may be of any length.
 *
 * Check-ins typed one a line read "[Name:] p2 success[: what happened]":
 *
 *	struct align_checkin_view c = { 0 };
 *	c.participant = default_name;
 *	c.at = now;
 *	if (align_checkins_read(&rs, stdin, "<stdin>", &c, fresh, &e) < 0)
 *		fail(&e);
 */
#ifndef ALIGN_CHECKIN_H
#define ALIGN_CHECKIN_H

#include <stdio.h>

#include "err.h"
#include "node.h"
#include "record.h"
#include "round.h"

/* The check-in record of c (its participant, principle, outcome, note,
 * followup, recognition and at; not its id), for the rounds of rs, into
 * *out.  0, or -1 and e: 64 for a missing participant, principle or
 * outcome, an outcome not known, a time not readable, a round, principle
 * or person not there (or, as a handle, more than one: handle.h), 71.
 * The person is resolved against the session's roster, the round and
 * the principle as handles (align_rounds_person(), align_rounds_aim()). */
int align_checkin_new(const struct align_rounds *rs,
    const struct align_checkin_view *c, struct align_node **out,
    struct align_err *e);

/* Add rec, a check-in align_checkin_new() made, to into (a sequence of
 * those made in this run) unless it is one that the stream (rs) or into
 * holds: the same id, made again, saying the same; then rec is freed and
 * into is as it was.  Takes rec either way.  0, or -1 and e: 65 when the
 * one held says another outcome, note or recognition (e at its line in
 * the stream), 71. */
int align_checkin_add(const struct align_rounds *rs, struct align_node *into,
    struct align_node *rec, struct align_err *e);

/* Names and ids as typed, resolved (checkins and plans do it for every
 * one they take):
 * align_rounds_person(): the participant name names on the session's
 * roster (roster.h: exact, alias, folded, first words, a prefix), into
 * *who (the caller frees it); as typed without a roster (or with an
 * empty one); a name on none is added with rs->add_people, else refused
 * with the nearest names.
 * align_rounds_aim(): the principle or commitment handle names (handle.h:
 * the id, or a unique start of it), into *id (borrowed from rs); any
 * when the input has none.
 * 0, or -1 and e (64 refused, 71). */
int align_rounds_person(const struct align_rounds *rs, const char *name,
    char **who, struct align_err *e);
int align_rounds_aim(const struct align_rounds *rs, const char *handle,
    const char **id, struct align_err *e);

/* The parts of a line "[Name:] p2 success[: note]", cut in place: c's
 * participant (when the line names one), principle, outcome and note
 * (NULL when none) point into line.  0, or -1 when it is not such a
 * line. */
int align_checkin_parse(char *line, struct align_checkin_view *c);

/* The check-ins of the lines of in (named name in messages), one a line,
 * blank lines skipped, with what c says for what a line does not (the
 * participant, the round, the recognition, the time), appended to into
 * (a sequence), each as align_checkin_add() would: one held already, by
 * the stream or an earlier line, made again is left out, and one saying
 * otherwise refused.  The names resolve against one roster for all the
 * lines, so that a person added (rs->add_people) on one line is that
 * person on the next ("Zoe", then "zoé"); without a roster, a name is
 * the first spelling the lines gave of it, folded (roster.h's
 * align_strangers).  0, or -1 and e (65 with name and the line, 71,
 * 74). */
int align_checkins_read(const struct align_rounds *rs, FILE *in,
    const char *name, const struct align_checkin_view *c,
    struct align_node *into, struct align_err *e);

#endif
