/*
 * record.h - the record kinds of a session stream: their keys, the shape
 * of each key's value, and a typed view of a record.
 *
 * One table (record.c) says, for every kind, its keys in canonical order
 * and what each holds: text, a whole number, a list of text, a list of
 * lists (pairs), counts by participant (votes), names for names
 * (aliases), or a list of small mappings (objections, commitments).  The writer orders keys by it, the
 * reader keeps text as text by it, align-session(5) documents it (a test
 * holds the two together), and align_view() reads a record through it.
 *
 * A view is filled once, under one policy for odd shapes, so that no step
 * checks a shape again:
 *   text       a scalar; anything else counts as absent (NULL)
 *   number     a scalar that is a whole number; else absent (set = 0)
 *   texts      a list's scalar items; one scalar is a list of it; other
 *              items (lists, mappings) are left out
 *   groups     a list's lists, each as texts; a scalar item is a group
 *              of one; mappings are left out
 *   counts     a mapping's entries whose value is a whole number
 *   names      a mapping's entries whose value is a scalar (text)
 *   items      a list's mappings (a mapping alone is a list of it), each
 *              as a view of the item's own keys; a scalar item is an
 *              item of its text key alone, the key named as the list in
 *              the singular (a goal "Margin up" of goals), when the item
 *              has one
 * The record itself is never changed: a tool passes it through as it came
 * unless it owns it and writes it anew (from its view, so in shape).
 *
 *	struct align_view v;
 *	if (align_view(&v, rec, &e) < 0)
 *		return -1;			(out of memory only)
 *	if (v.kind == ALIGN_KIND_PRINCIPLE)
 *		for (i = 0; i < v.u.principle.agreed.n; i++)
 *			use(v.u.principle.agreed.v[i]);
 *	align_view_release(&v);
 *
 * Strings in a view are borrowed from the record: a view lives no longer
 * than it.
 */
#ifndef ALIGN_RECORD_H
#define ALIGN_RECORD_H

#include <stddef.h>

#include "err.h"
#include "node.h"

enum align_shape {
	ALIGN_SHAPE_TEXT,
	ALIGN_SHAPE_NUMBER,
	ALIGN_SHAPE_TEXTS,
	ALIGN_SHAPE_GROUPS,
	ALIGN_SHAPE_COUNTS,
	ALIGN_SHAPE_ITEMS,
	ALIGN_SHAPE_NAMES
};

enum align_kind {
	ALIGN_KIND_OTHER,	/* a kind this version does not know */
	ALIGN_KIND_SESSION,
	ALIGN_KIND_RESPONSE,
	ALIGN_KIND_THEME,
	ALIGN_KIND_PRINCIPLE,
	ALIGN_KIND_FOLLOWUP,
	ALIGN_KIND_CHECKIN,
	ALIGN_KIND_REMINDER,
	ALIGN_KIND_REVIEW
};

struct align_texts {
	const char **v;
	size_t n;
};

struct align_number {
	long long v;
	int set;
};

struct align_count_entry {
	const char *key;
	long long n;
};

struct align_counts {
	struct align_count_entry *v;
	size_t n;
};

struct align_name_entry {
	const char *key, *value;
};

/* A mapping of text to text, such as aliases of participants. */
struct align_names {
	struct align_name_entry *v;
	size_t n;
};

struct align_groups {
	struct align_texts *v;
	size_t n;
};

/* The items of a list of mappings; each one's view is of the item kind
 * named in the table (objection, commitment). */
struct align_items {
	void *v;		/* an array of the item views */
	size_t n;
};

struct align_session_view {
	const char *id, *title, *purpose, *question, *date, *tz, *duration;
	const char *place, *facilitator;
	struct align_texts participants;	/* the entries, as written:
						 * "Ana Lima <ana@x>" */
	struct align_texts names;	/* the same without the addresses:
					 * "Ana Lima" (person.h); made, not
					 * a key of its own */
	struct align_names aliases;
	const char *practice, *with, *private_;	/* a one-to-one's */
	const char *uid;
	struct align_number sequence;
};

struct align_response_view {
	const char *id, *participant, *at, *question, *text;
};

struct align_theme_view {
	const char *id;
	struct align_number rank;
	const char *label;
	struct align_number purity;	/* % holding its concept, if one */
	struct align_texts keywords, responses;
	struct align_number support;
	const char *typical, *source;
};

struct align_objection_view {
	const char *participant, *reason;
};

struct align_principle_view {
	const char *id, *statement;
	struct align_texts themes;
	struct align_counts votes;
	struct align_texts agreed;
	struct align_items objections;	/* of align_objection_view */
	const char *status, *rule, *source;
};

struct align_commitment_view {
	const char *id, *participant, *commitment;
	const char *due, *done;		/* dates, or NULL */
};

/* A one-to-one's shared goal; a goal written as text alone is one with
 * no id and no measure. */
struct align_goal_view {
	const char *id, *goal, *measure, *target, *unit;
};

struct align_followup_view {
	const char *id, *date, *duration, *every;
	struct align_texts principles;
	struct align_groups pairs;
	const char *pair_time, *with, *uid;
	struct align_number sequence, count;
	const char *until, *root_cause;
	const char *their_view, *role, *acknowledgement, *acknowledged;
	struct align_texts support;
	struct align_items goals;	/* of align_goal_view */
	struct align_items commitments;	/* of align_commitment_view */
};

struct align_checkin_view {
	const char *id, *followup, *participant, *principle, *outcome;
	const char *note, *at, *recognition;
};

struct align_reminder_view {
	const char *id, *followup, *date, *what, *at;
};

/* A one-to-one's weekly review: a value per measured goal, an outcome
 * per commitment (goal and commitment ids to text). */
struct align_review_view {
	const char *id, *followup, *date;
	struct align_names values, outcomes;
	const char *note, *recognition, *at;
};

struct align_view {
	enum align_kind kind;
	const struct align_node *rec;
	const char *id;		/* any kind's id, or NULL */
	union {
		struct align_session_view session;
		struct align_response_view response;
		struct align_theme_view theme;
		struct align_principle_view principle;
		struct align_followup_view followup;
		struct align_checkin_view checkin;
		struct align_reminder_view reminder;
		struct align_review_view review;
	} u;
};

/* Fill v from rec (a record of any kind; its kind decides the view).
 * 0, or -1 and e (71); v needs align_view_release() either way. */
int align_view(struct align_view *v, const struct align_node *rec,
    struct align_err *e);
void align_view_release(struct align_view *v);
/* The session view v's participants are the n entries p (which outlive
 * v: a step that kept the list apart from the record), in place of the
 * record's; its names made again from them.  0, or -1 and e (71). */
int align_view_set_participants(struct align_view *v,
    const char *const *p, size_t n, struct align_err *e);

/* The kind called name (NULL: ALIGN_KIND_OTHER), and back. */
enum align_kind align_kind_of(const char *name);
const char *align_kind_name(enum align_kind k);

/* A key of a kind: its name, the shape of its value, where a view keeps
 * it, and for a list of mappings the keys of an item. */
struct align_key {
	const char *name;
	enum align_shape shape;
	size_t off;			/* in the view; ALIGN_NO_FIELD: none */
	const struct align_key *item;	/* ALIGN_SHAPE_ITEMS: the item's */
	size_t item_size;		/* and the size of its view */
};
#define ALIGN_NO_FIELD ((size_t)-1)

/* The kind's keys in canonical order, ended by one with a NULL name
 * ("kind" and "id" first; for a kind this version does not know, those
 * two), and one key of it (NULL when the kind has no such key). */
const struct align_key *align_kind_keys(const char *kind);
const struct align_key *align_kind_key(const char *kind, const char *key);

/* 1 when the value of key in a record of kind is text (or made of text)
 * whatever it looks like: a participant called "no" stays a string. */
int align_key_is_text(const char *kind, const char *key);

#endif
