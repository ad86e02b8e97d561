/*
 * roster.h - the session's participants, and every name typed or
 * imported checked against them.
 *
 * The roster is the session record's "participants" (each entry a name,
 * or a name and an e-mail address: "Ana Lima <ana@example.org>") and its
 * "aliases" (a mapping of another name, a nickname or an address, to a
 * participant's name: "Marc: Marcus Lee").  A name resolves to one
 * participant by the first of these rules that gives exactly one:
 *
 *   exact    the name as the roster writes it ("Marcus Lee")
 *   alias    an alias or an e-mail address, as written
 *   folded   the same with case, accents and compatibility forms folded
 *            (NFKC, case folding, marks stripped, spaces collapsed):
 *            "Tomas", "tomás", "TOMÁS" are "Tomás"; aliases and
 *            addresses folded too
 *   first    the first word or words of one name ("Marcus" for "Marcus
 *            Lee", folded)
 *   prefix   the start, of two characters or more, of one folded name
 *            ("Marc" for "Marcus Lee")
 *
 * "Ana Lima <ana@example.org>" typed resolves by its address, then by
 * its name.  A name that two or more participants share at the first
 * rule that matches is ambiguous and refused, naming them; a name that
 * matches none is refused with up to three near names suggested (the
 * Damerau-Levenshtein distance of folded forms, to the whole name, its
 * first word or its start; nearest first, then in roster order).
 *
 * An empty roster (no session, or no participants) accepts every name as
 * it is typed, as align did before names were checked.  With
 * ALIGN_ROSTER_ADD a name that matches nobody is added to the roster
 * (the user said to add the person; an ambiguous name is still refused).
 *
 *	struct align_roster *ro;
 *	struct align_resolved who;
 *
 *	if (align_roster_from_session(&ro, session, &e) < 0)
 *		fail(&e);			(65 a bad alias, 71)
 *	if (align_roster_resolve(ro, "Marcos", 0, &who, &e) < 0)
 *		fail(&e);	(65 "no participant 'Marcos' (did you mean
 *				 'Marcus Lee'?)", or 71)
 *	use(who.name);				("Marcus Lee")
 *	align_roster_free(ro);
 *
 * A refusal's e has status 65 and no position: a tool sets the file,
 * line and column of what it read, or, for an option, says it as a usage
 * error: tool_usage_error("--vote: %s", e.msg) gives "align-distill:
 * --vote: no participant 'Marcos' (did you mean 'Marcus Lee'?)" and 64.
 *
 * Folded forms are made once, when a name is added; a lookup folds the
 * typed name (ASCII without a call to utf8proc) and searches sorted
 * arrays, so it costs O(log n) for the exact and folded rules and the
 * size of the prefix's range for the others.  Without ALIGN_ROSTER_ADD a
 * roster is only read, and may be shared by threads.
 */
#ifndef ALIGN_ROSTER_H
#define ALIGN_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "hash.h"
#include "node.h"

/* How a name was resolved, or why it was not. */
enum align_match {
	ALIGN_MATCH_NONE,	/* refused: nobody of that name */
	ALIGN_MATCH_AMBIGUOUS,	/* refused: more than one */
	ALIGN_MATCH_EXACT,
	ALIGN_MATCH_ALIAS,	/* an alias or an e-mail address */
	ALIGN_MATCH_FOLDED,
	ALIGN_MATCH_FIRST,
	ALIGN_MATCH_PREFIX,
	ALIGN_MATCH_ANY,	/* an empty roster: taken as typed */
	ALIGN_MATCH_ADDED	/* ALIGN_ROSTER_ADD: a new participant */
};

#define ALIGN_ROSTER_ADD 1	/* flag: add a name that matches nobody */
#define ALIGN_ROSTER_SUGGEST 3	/* suggestions or candidates at most */

struct align_resolved {
	enum align_match how;
	const char *name;	/* the participant's name (without the
				 * address), borrowed from the roster; with
				 * ALIGN_MATCH_ANY the typed name as given
				 * (borrowed from the caller) */
	size_t index;		/* the participant's, or (size_t)-1 */
	/* Refused: the candidates of an ambiguous name or the suggestions
	 * for an unknown one, best first; ncand counts them all, cand[]
	 * holds the first ALIGN_ROSTER_SUGGEST. */
	const char *cand[ALIGN_ROSTER_SUGGEST];
	size_t ncand;
};

struct align_roster;

/* A new empty roster: NULL when out of memory. */
struct align_roster *align_roster_new(void);

/* The roster of a session record: its participants and aliases (NULL
 * session: an empty roster).  0, or -1 and e: 65 an alias that names no
 * participant, or an alias that is a participant's own name (at the
 * session's line), 71. */
int align_roster_from_session(struct align_roster **r,
    const struct align_node *session, struct align_err *e);

/* Add a participant: entry is "Name" or "Name <address>" (an address
 * alone is its own name).  0, 1 when the roster already holds that name
 * (nothing added), or -1 and e (65 an empty entry, 71).  After 71 the
 * roster is fit only to be freed; so after any call here that fails for
 * want of memory. */
int align_roster_add(struct align_roster *r, const char *entry,
    struct align_err *e);

/* Add the entries v[0..n-1], each as align_roster_add() would, in
 * turn, but at once: the keys sorted once at the end, not each in its
 * place (n log n for a list of a few hundred thousand, not n squared).
 * Blank entries and entries without a name are left out.  0, or -1 and e
 * (71; the roster is then fit only to be freed). */
int align_roster_add_all(struct align_roster *r, const char *const *v,
    size_t n, struct align_err *e);

/* Add alias (a nickname or an address) of the participant that name
 * resolves to exactly or folded.  0, or -1 and e (65 no such
 * participant, or alias is a participant's own name; 71). */
int align_roster_alias(struct align_roster *r, const char *alias,
    const char *name, struct align_err *e);

/* Resolve typed against the roster into *res, by the rules above;
 * flags: 0 or ALIGN_ROSTER_ADD.  0, or -1 and e: 65 refused (res->how
 * says why, res->cand the names), 71 out of memory. */
int align_roster_resolve(struct align_roster *r, const char *typed,
    int flags, struct align_resolved *res, struct align_err *e);

/* The soft rule, for a name that may be of someone the roster does not
 * list (plain text's and the prompt's "Name:", a facilitator, the leader
 * of a one-to-one): resolved as align_roster_resolve() does, the roster's
 * spelling in res->name; refused the same when it is ambiguous or near a
 * participant without being one (a typo: res->cand says who it may be);
 * a name near nobody is taken as typed (res->how ALIGN_MATCH_ANY,
 * res->name typed).  0, or -1 and e (65 refused, 71). */
int align_roster_soft(struct align_roster *r, const char *typed, int flags,
    struct align_resolved *res, struct align_err *e);

/* For plain text's "Name: text" rule: 1 when the n bytes of prefix name
 * a participant (resolve without flags would succeed), or when the
 * roster is empty; 0 when they do not, and the line is text ("Note: ...",
 * "To be clear: ..."). */
int align_roster_is_name(const struct align_roster *r, const char *prefix,
    size_t n);

/* The number of participants; the name (without the address), the
 * address (or NULL) and the entry as given of participant i. */
size_t align_roster_size(const struct align_roster *r);
const char *align_roster_name(const struct align_roster *r, size_t i);
const char *align_roster_email(const struct align_roster *r, size_t i);
const char *align_roster_entry(const struct align_roster *r, size_t i);

/* The refusal of res ("no participant 'X' (did you mean 'Y'?)", "'X' is
 * ambiguous: 'Y' or 'Z'") into e with status, file, line and column (0
 * and NULL where not known); typed is the name that was refused.
 * Returns -1.  align_roster_resolve() calls it with 65 and no place. */
int align_roster_refuse(const struct align_resolved *res, const char *typed,
    struct align_err *e, int status, const char *file, unsigned long line,
    unsigned long col);

/* NULL is accepted. */
void align_roster_free(struct align_roster *r);

/* The one fold of people's names, the roster's (the folded rule above):
 * the n bytes of name with NFKC, case folding, marks stripped and runs
 * of spaces made one, none at the ends, into out (reset first; bytes
 * that are not UTF-8 folded as ASCII).  Every tool compares names
 * through it ("Ana Lima", "ana  lima" and "Ána Lima" are one person).
 * 0, or -1 when out of memory. */
int align_name_fold(struct align_buf *out, const char *name, size_t n);

/*
 * The names a run takes as typed (those of an empty roster, and the soft
 * rule's names near nobody), kept by their folded forms, so that the
 * first spelling of a person is the one each later spelling of the same
 * name gets: "Zoe", then "zoé" and "ZOE", are all "Zoe".  Whole names
 * only, folded as align_name_fold() folds (no first word, no prefix:
 * "Zoe" and "Zoe Park" stay two).
 *
 *	struct align_strangers s = ALIGN_STRANGERS_INIT;
 *	if (align_strangers_name(&s, typed, &name) < 0)
 *		fail();				(out of memory)
 *	use(name);			(s's, or typed: while both last)
 *	align_strangers_release(&s);
 */
struct align_strangers {
	uint64_t *slot;		/* by the fold's hash: its high half, then
				 * the place of the first spelling + 1
				 * (chunk << 16 | offset); 0: empty */
	size_t cap, n;
	char **chunk;		/* the first spellings, one after another,
				 * in chunks of 64 KiB */
	size_t nchunk, chunkcap, used;	/* the newest chunk's bytes used */
};
#define ALIGN_STRANGERS_INIT { NULL, 0, 0, NULL, 0, 0, 0 }

/* typed's first spelling in s into *name: typed itself (now held) when
 * no name held folds as it does.  A name is folded and its hash looked
 * up; a first spelling there with the same bytes is the one, and only
 * one that differs is folded to compare.  A name takes its bytes and a
 * NUL, and an entry of 8 bytes in a table three eighths to three
 * quarters full (two entries when it is not ASCII); 4 GiB of names at
 * the most.  0, or -1
 * when out of memory (or past that). */
int align_strangers_name(struct align_strangers *s, const char *typed,
    const char **name);
void align_strangers_release(struct align_strangers *s);

/*
 * A cache of rosters (roster_cache.c), for a tool that reads the same
 * large session again and again (align-capture -a, once an append): the
 * roster as it was made, in a file named after the session file, and
 * believed only for the same source (the participants, those of odd
 * shape, the aliases, as the session lists them now, and the version of
 * the folding): the file holds their fingerprint (hash.h, 128 bits) and
 * hashes of its own contents.  A roster read from it is the roster
 * align_roster_from_session() makes, and answers every lookup the same;
 * anything that does not check (no file, another session's, damaged, of
 * another version) is a miss, and the roster is made and the file
 * written again.  Deleting the file loses nothing.
 *
 * Where: the session file's index of ids (idindex.h), ".roster" added:
 * $XDG_CACHE_HOME/align/ids/HASH.roster.  Only for a session of
 * ALIGN_ROSTER_CACHE_MIN participants or more; a smaller roster is made
 * faster than the file is read.
 */
#define ALIGN_ROSTER_CACHE_MIN 1000

enum align_roster_how {
	ALIGN_ROSTER_MADE,	/* from the session (small, or no cache) */
	ALIGN_ROSTER_CACHED,	/* read from the cache */
	ALIGN_ROSTER_SAVED	/* made, and the cache written */
};

/* The bytes a session record was read from: the first len of its file,
 * from its "---" to the next record's (0: not known), and their
 * fingerprint with the version of the rules. */
struct align_roster_span {
	long long len;
	uint64_t a, b;
};

/* As align_roster_from_session(), through the cache file (NULL: none);
 * *how says which way.  The same errors; the cache's own are misses.
 * span (or NULL), when session is the first record of its file: what
 * the cache holds of its bytes, for align_roster_cache_by_bytes(). */
int align_roster_from_session_cached(struct align_roster **r,
    const struct align_node *session, const char *file,
    const struct align_roster_span *span, enum align_roster_how *how,
    struct align_err *e);

/* The same, *session freed (and NULL) once the roster is made, before
 * the cache is written: for a caller that needs no more of it. */
int align_roster_from_session_taken(struct align_roster **r,
    struct align_node **session, const char *file,
    const struct align_roster_span *span, enum align_roster_how *how,
    struct align_err *e);

/* Without reading the session at all: the roster of the cache file when
 * the session file open as fd begins with the very bytes the session was
 * read from when the cache was written (their length, their fingerprint,
 * and a record's "---" after them or the end), else NULL.  Bytes the same
 * are a session the same, and the same roster. */
struct align_roster *align_roster_cache_by_bytes(const char *file, int fd);

/* The span of the first record of the file open as fd (it must begin
 * with "---"): 0, or -1 when there is none to speak of (then s->len is
 * 0).  align_roster_span_hash() is its fingerprint of n bytes at b. */
int align_roster_span_of(int fd, struct align_roster_span *s);
void align_roster_span_hash(const char *b, size_t n,
    struct align_roster_span *s);

/* The cache file of the session file path (resolved here), malloc'd;
 * NULL when it does not exist, there is no cache directory, or out of
 * memory. */
char *align_roster_cache_file(const char *path);

/* The lower level, for tests: write r to file under the fingerprint
 * (fpa, fpb) of its source (0, or -1: nothing written), and read it back
 * (NULL: a miss). */
int align_roster_cache_save(const struct align_roster *r, const char *file,
    uint64_t fpa, uint64_t fpb, const struct align_roster_span *span);
struct align_roster *align_roster_cache_load(const char *file,
    uint64_t fpa, uint64_t fpb);

#endif
