/*
 * principle.h - a line of the list the group distills (step 7), as
 * align-distill holds it while it works: its words, the themes it stands
 * for, each person's dots, who agreed, the objections that stand; and the
 * list of them, in rank order.
 *
 * A principle is read from a record's view (record.h) and written back as
 * a record: the keys it holds, in their shapes, over the record as it
 * came, so that keys this version does not know (and a value it could not
 * read as text) pass through.  Every string is the principle's own.
 *
 *	struct align_principle *p;
 *	if (align_principle_read(&view, &p, &e) < 0)
 *		return -1;			(out of memory only)
 *	if (align_principle_agree(p, "Ana") < 0) ...
 *	rec = align_principle_record(p, "agreed", NULL, &e);
 *	align_principle_free(p);
 *
 * Functions that return int give 0, or -1 when out of memory; the
 * principle is then as it was.
 */
#ifndef ALIGN_PRINCIPLE_H
#define ALIGN_PRINCIPLE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "node.h"
#include "record.h"

struct align_strs {
	char **v;
	size_t n, cap;
};

struct align_objection {
	char *participant, *reason;	/* NULL when the record had none */
	struct align_node *rec;		/* the item as it came, or NULL */
};

struct align_dots {
	char *participant;
	long long n;
};

/* Where each name of a list of names is (its votes' voters, who agreed),
 * so that finding one is not a pass over the list: an open-addressed
 * table, of the names from the list's start up to n (the list's later
 * names added on the next look-up), each slot the high half of the
 * name's hash and its place plus one (0: empty).  principle.c's own. */
struct align_names_index {
	uint64_t *slot;
	size_t cap, n;
};

struct align_principle {
	char *id;
	char *statement;		/* NULL when the record had no text */
	struct align_strs themes;	/* theme ids */
	/* Each voter's dots, in the order given, a voter at most once with
	 * dots; an entry of 0 dots is a vote withdrawn, kept in its place
	 * (up to half of them): skip it. */
	struct align_dots *votes;
	size_t nvotes, cvotes, nwithdrawn;
	struct align_names_index voters;	/* of votes */
	struct align_strs agreed;
	struct align_names_index agreeing;	/* of agreed */
	struct align_objection *objections;
	size_t nobjections, cobjections;
	char *source;			/* "auto", "manual", or NULL */
	char *rule;			/* as the record had it, or NULL */
	struct align_node *rec;		/* the record as it came, or NULL */
};

/* A new principle called id (copied), with nothing else; NULL when out
 * of memory. */
struct align_principle *align_principle_new(const char *id);
/* *p from a principle's view: its values copied, its record too.  0, or
 * -1 and e (71). */
int align_principle_read(const struct align_view *v,
    struct align_principle **p, struct align_err *e);
void align_principle_free(struct align_principle *p);
/* A deep copy of p, its record too; NULL when out of memory. */
struct align_principle *align_principle_copy(const struct align_principle *p);

/* The record of p, with status and rule (NULL: left as they were) set:
 * a new tree the caller frees, or NULL and e (71). */
struct align_node *align_principle_record(const struct align_principle *p,
    const char *status, const char *rule, struct align_err *e);

/* The dots on p, all told, and one person's. */
long long align_principle_tally(const struct align_principle *p);
long long align_principle_dots(const struct align_principle *p,
    const char *who);
/* Give who n dots on p (0: none). */
int align_principle_set_dots(struct align_principle *p, const char *who,
    long long n);

/* 1 when who agreed to p, or objects to it. */
int align_principle_agreed_by(const struct align_principle *p,
    const char *who);
int align_principle_objected_by(const struct align_principle *p,
    const char *who);
/* who agrees, which withdraws their objection. */
int align_principle_agree(struct align_principle *p, const char *who);
/* who objects for reason, which withdraws their agreement and their
 * earlier objection. */
int align_principle_object(struct align_principle *p, const char *who,
    const char *reason);

/* New words for p: agreement and objections were to the old ones, and
 * go.  Words that differ from the old only in spacing (a line break shown
 * as a space in the edited list) change nothing. */
int align_principle_reword(struct align_principle *p, const char *words);
int align_principle_set_source(struct align_principle *p, const char *src);
/* from joins into: its themes and its dots (added up). */
int align_principle_merge(struct align_principle *into,
    const struct align_principle *from);
/* 1 when people have touched p: their words, dots, agreement or
 * objections. */
int align_principle_touched(const struct align_principle *p);
/* 1 when p stands for theme id. */
int align_principle_has_theme(const struct align_principle *p,
    const char *id);

/* A list of strings, each its own. */
int align_strs_add(struct align_strs *l, const char *s);
int align_strs_addn(struct align_strs *l, const char *s, size_t n);
int align_strs_has(const struct align_strs *l, const char *s);
/* Remove every s; returns how many went. */
size_t align_strs_del(struct align_strs *l, const char *s);
void align_strs_release(struct align_strs *l);

/* The principles, in rank order. */
struct align_plist {
	struct align_principle **v;
	size_t n, cap;
	long most;	/* the highest pN the file holds, even of principles
			 * gone (check-ins, rounds name them): never given
			 * again */
};
#define ALIGN_PLIST_INIT { NULL, 0, 0, 0 }

/* Append p, which the list takes even when it fails. */
int align_plist_push(struct align_plist *l, struct align_principle *p);
/* The index of the principle called id, or -1. */
long align_plist_find(const struct align_plist *l, const char *id);
/* The place of the principle that handle names (handle.h: the id, or a
 * unique start of it), or -1 and e with status: "no principle 'p9'",
 * "principle 'p1' is ambiguous: ...". */
long align_plist_resolve(const struct align_plist *l, const char *handle,
    int status, struct align_err *e);
/* The number of the next new id: one more than any "p<n>" there was. */
long align_plist_next(const struct align_plist *l);
void align_plist_release(struct align_plist *l);

#endif
