/*
 * reader.h - read files as one stream of records.
 *
 * Files are read in order as one stream, standard input for "-" or when
 * no file is named.  Each file is YAML (it starts, after blank and comment
 * lines, with "---", "%YAML" or "kind:") or plain text: one response a
 * line, "Name: text" naming the participant.  Plain text comes out as
 * response records, their ids derived from their content.
 *
 * Reading is safe by construction: anchors, aliases and tags other than
 * the standard ones are refused, nesting is at most ALIGN_DEPTH_MAX deep,
 * a record at most ALIGN_RECORD_MAX bytes (a theme of a survey lists
 * hundreds of thousands of responses), a line ALIGN_LINE_MAX, every byte valid
 * UTF-8 and no NUL.  Every error names the file, line and column.  Of two
 * records with the same id the first is kept, so a union merge of two git
 * branches reads as their union.
 *
 *	struct align_reader *r = align_reader_open(paths, n, NULL, &e);
 *	struct align_node *rec;
 *	int rc;
 *
 *	while ((rc = align_reader_next(r, &rec, &e)) > 0) {
 *		use(rec);
 *		align_node_free(rec);
 *	}
 *	align_reader_free(r);
 *	if (rc < 0)
 *		fail(&e);
 */
#ifndef ALIGN_READER_H
#define ALIGN_READER_H

#include <stddef.h>

#include "err.h"
#include "node.h"
#include "when.h"

#define ALIGN_DEPTH_MAX 32
#define ALIGN_RECORD_MAX (64 * 1024 * 1024)
#define ALIGN_LINE_MAX (1024 * 1024)

/* A key of records of a kind whose list is read packed (node.h's
 * ALIGN_TEXTS), not as a node a text: a survey's session's participants,
 * its round's pairs.  Only a list that is one of texts (lists: of lists
 * of 1 to 255 texts), with no anchor or tag, and that is not empty, in a
 * record whose first key is its kind; any other is read as nodes. */
struct align_pack {
	const char *kind, *key;
	int lists;
};

struct align_read_opts {
	const char *participant; /* plain text: all of it is this person's */
	int paragraphs;		/* plain text: blank lines end a response */
	const char *at;		/* plain text: the "at" of responses, or NULL */
	const char *question;	/* plain text: their "question", or NULL */
	int yaml_only;		/* refuse plain text */
	long long from;		/* > 0: the first file is read from this
				 * byte on, where a record begins (line
				 * numbers then count from there) */
	const unsigned char *key; /* plain text: pseudonyms with this key */
	/* Plain text: the name of a line's "Name:" resolved (against the
	 * session's participants, roster.h) into *name, which must last as
	 * long as the reader; 0, or -1 and e without a position (the reader
	 * gives the line's) to refuse the line.  NULL: names as typed. */
	int (*resolve)(void *arg, const char *typed, const char **name,
	    struct align_err *e);
	void *resolve_arg;
	int bytes;		/* keep the bytes a YAML record was read
				 * from when they are what the writer would
				 * make of it (align_reader_bytes()) */
	const struct align_pack *pack;	/* the lists read packed, or NULL */
	size_t npack;
	int ahead;		/* parse ahead in a thread of its own (on a
				 * machine with more than one processor),
				 * unless the inputs are regular files of
				 * less than 256 KiB in all; with
				 * ALIGN_AHEAD_ALWAYS whatever their size.
				 * Then align_reader_claim() may not be used,
				 * and a record is read-only and lasts until
				 * the next call of align_reader_next() */
};
#define ALIGN_AHEAD_ALWAYS 2

struct align_reader;

/* A reader over paths[0..n-1] (standard input when n is 0).  Files are
 * opened as they are reached.  NULL and e when out of memory. */
struct align_reader *align_reader_open(char *const *paths, size_t n,
    const struct align_read_opts *o, struct align_err *e);

/* The next record into *rec (the caller frees it): 1, or 0 at the end of
 * the last file, or -1 and e (65 bad data, 66 a file cannot be opened,
 * 74 read error, 71 out of memory).  After -1 every call returns -1. */
int align_reader_next(struct align_reader *r, struct align_node **rec,
    struct align_err *e);

/* Done with rec, the record last returned: freed (reading ahead, records
 * of YAML live in the pool of their batch, and plain text records are
 * freed by the thread that made them; align_node_free() would do). */
void align_reader_release(struct align_reader *r, struct align_node *rec);

/* Keep rec, the record last returned, past the next call instead of
 * giving it to align_reader_release(): 0 and *pool NULL when rec is the
 * caller's (or lives in a pool given before), or 0 and *pool the pool it
 * lives in (reading ahead), now the caller's, with other records (those
 * after rec in its batch, which align_reader_release() leaves to it).
 * Either way align_node_free(rec) once done with it, then
 * align_pool_release() and free() each pool given, after every record
 * kept.  -1 when out of memory (rec then still the reader's). */
int align_reader_keep(struct align_reader *r, struct align_node *rec,
    struct align_pool **pool);

/* Where the record last returned began. */
const char *align_reader_file(const struct align_reader *r);
unsigned long align_reader_line(const struct align_reader *r);
/* 1 when the record last returned came from plain text. */
int align_reader_plain(const struct align_reader *r);

/* The bytes the record last returned was read from, into *n, when they
 * are exactly what align_emit_record() makes of it (so copying them
 * writes it); NULL when they are not, it came from plain text, or the
 * options did not ask for them.  They last until the next
 * align_reader_next(), even when the record is kept longer. */
const char *align_reader_bytes(const struct align_reader *r, size_t *n);

/* The index in paths of the file the record last returned came from. */
size_t align_reader_index(const struct align_reader *r);

/* Claim an id for a record made outside the reader (a CSV response, one
 * typed at a prompt): 1 when it is new, 0 when a record with it was read
 * or claimed before, -1 when out of memory. */
int align_reader_claim(struct align_reader *r, const char *id);

/* A "Name:" prefix of a line of plain text: the offset of its colon, or 0
 * (at most four words and 40 bytes, starting with a letter, the colon
 * followed by a blank or the end).  The bytes before the colon may end
 * with blanks ("Ana : text", as French writes it): align_name_text()
 * leaves them out. */
size_t align_name_prefix(const char *s);

/* The same prefix split: the offset of the text after it (the colon and
 * the spaces and tabs after it skipped), and in *name the length of the
 * name without the blanks before the colon (spaces, tabs, U+00A0 and
 * U+202F); 0 when s has no such prefix.  "Ana : text" gives 6, *name 3. */
size_t align_name_text(const char *s, size_t *name);

void align_reader_free(struct align_reader *r);

/* Read a whole stream into an array (ALIGN_SEQ node of records). */
struct align_node *align_read_all(char *const *paths, size_t n,
    const struct align_read_opts *o, struct align_err *e);

#endif
