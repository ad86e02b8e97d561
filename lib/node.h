/*
 * node.h - records as trees of scalars, sequences and mappings.
 *
 * Every document of a session stream is a record: a mapping whose "kind"
 * key names what it is.  A record is held as an align_node tree so that
 * keys and kinds a tool does not know survive it unchanged.
 *
 * Ownership: a container owns its children.  align_seq_push() and
 * align_map_put() take ownership of the node they are given, even when
 * they fail (they free it then), so a caller never leaks on an error path:
 *
 *	if (align_map_put(rec, "title", align_scalar_str(title)) < 0)
 *		return align_err_nomem(e);
 *
 * A NULL node given to them counts as an allocation that failed.
 * align_node_free() accepts NULL.
 */
#ifndef ALIGN_NODE_H
#define ALIGN_NODE_H

#include <stddef.h>
#include <stdint.h>

/* ALIGN_TEXTS: a list packed (see "A packed list" below). */
enum align_type { ALIGN_SCALAR, ALIGN_SEQ, ALIGN_MAP, ALIGN_TEXTS };

struct align_node {
	char *str;		/* scalar: NUL-terminated UTF-8 */
	struct align_node **item; /* seq: the items; map: the values */
	char **key;		/* map: the keys, in order */
	unsigned char *kraw;	/* map: per key, 1 when it was a plain null,
				 * boolean, number, date or merge key "<<"
				 * in the input, written back plain as it
				 * was (see align_map_key_raw()); NULL while
				 * no key is */
	/* Sizes of 32 bits, and the fields in this order, so that a node is
	 * 56 bytes, not 88: a survey's session lists 333,000 people, one
	 * node each (a record is at most ALIGN_RECORD_MAX bytes). */
	uint32_t len;		/* scalar: bytes in str */
	uint32_t n, cap;	/* seq and map: entries */
	uint32_t line, col;	/* where it began in its input; 0 if made
				 * (a line past 2^32 is not told apart) */
	unsigned char type;	/* enum align_type */
	unsigned char raw;	/* scalar: a plain number, boolean or null in
				 * the input, written back plain; 0 for text */
	unsigned char pooled;	/* it and all below it live in an align_pool:
				 * read-only, and align_node_free() leaves
				 * them to the pool */
};

/* Constructors return NULL when out of memory. */
struct align_node *align_scalar(const char *s, size_t len);
struct align_node *align_scalar_str(const char *s);	/* NULL s: NULL */
/* A scalar of s (malloc'd, NUL-terminated at len), which it takes. */
struct align_node *align_scalar_take(char *s, size_t len);
struct align_node *align_scalar_raw(const char *s);	/* e.g. "3" */
struct align_node *align_scalar_int(long v);
struct align_node *align_seq(void);
struct align_node *align_map(void);

/* Append to a sequence; 0, or -1 when out of memory. */
int align_seq_push(struct align_node *seq, struct align_node *item);
/* Append a string to a sequence of strings. */
int align_seq_push_str(struct align_node *seq, const char *s);
/* A new sequence of the n strings of v, or NULL when out of memory. */
struct align_node *align_seq_strs(const char *const *v, size_t n);

/* Set key in a mapping: an existing key keeps its place and gets the new
 * value; a new key goes at the end.  0, or -1 when out of memory. */
int align_map_put(struct align_node *map, const char *key,
    struct align_node *val);
int align_map_put_str(struct align_node *map, const char *key,
    const char *s);
/* Append key (malloc'd), known not to be in map, and its value: both are
 * taken, even on failure (-1). */
int align_map_append(struct align_node *map, char *key,
    struct align_node *val);
/* Key i of map is raw: not text but a plain null ("~", "null", or
 * nothing), boolean, number, date, time or merge key "<<", or a scalar
 * tagged as one, to be written back plain, exactly as it was read.  A
 * raw key and a text key of the same bytes are the same key to the
 * lookups below.  align_map_set_key_raw(): 0, or -1 when out of memory. */
int align_map_key_raw(const struct align_node *map, size_t i);
int align_map_set_key_raw(struct align_node *map, size_t i);

/* Remove key; returns 1 if it was there. */
int align_map_del(struct align_node *map, const char *key);

/* The value of key, or NULL. */
struct align_node *align_map_get(const struct align_node *map,
    const char *key);
/* The value of key when it is a scalar, else NULL. */
const char *align_map_str(const struct align_node *map, const char *key);
/* The index of key in map, or -1. */
long align_map_find(const struct align_node *map, const char *key);

/* A deep copy, or NULL when out of memory. */
struct align_node *align_node_copy(const struct align_node *n);
/* A copy of n that shares what of it lives in a pool (align_pool below):
 * its top is made with malloc, so that it may be changed (a key put or
 * deleted), but a pooled entry is the same node, not a copy.  It must not
 * outlive that pool.  A tree not pooled is copied whole (as
 * align_node_copy()).  NULL when out of memory. */
struct align_node *align_node_copy_top(const struct align_node *n);
/* 1 when a and b hold the same data (positions aside). */
int align_node_equal(const struct align_node *a, const struct align_node *b);
void align_node_free(struct align_node *n);

/*
 * A pool: the nodes of many records in a few large blocks, given back all
 * at once.  Trees built in it are read-only.  The constructors below
 * return NULL and the appends -1 when out of memory.
 */
struct align_pool_block;
struct align_pool_mem;
struct align_pool {
	struct align_pool_block *head, *cur;	/* blocks; the one in use */
	size_t used;				/* bytes of cur in use */
	size_t bytes;				/* handed out since reset */
	struct align_pool_mem *adopted;		/* align_pool_adopt()'s */
};
#define ALIGN_POOL_INIT { NULL, NULL, 0, 0, NULL }

/* mem (malloc'd, size bytes) the pool's from now on, freed when it is
 * reset or released: a packed list's texts, made elsewhere, not copied
 * into it.  0, or -1 when out of memory (mem then still the caller's). */
int align_pool_adopt(struct align_pool *p, void *mem, size_t size);

struct align_node *align_pool_scalar(struct align_pool *p, const char *s,
    size_t len);
struct align_node *align_pool_container(struct align_pool *p,
    enum align_type type);
char *align_pool_strdup(struct align_pool *p, const char *s, size_t len);
/* Append to a pooled sequence (key NULL) or mapping: 0 or -1. */
int align_pool_append(struct align_pool *p, struct align_node *to,
    char *key, struct align_node *val);
/* Mark the last key of a pooled mapping raw: 0 or -1. */
int align_pool_key_raw(struct align_pool *p, struct align_node *map);
/* Forget every node: the blocks are kept for what comes next. */
void align_pool_reset(struct align_pool *p);
void align_pool_release(struct align_pool *p);

/*
 * A packed list (ALIGN_TEXTS): a list of texts, or of lists of 1 to 255
 * texts (a round's pairs), held as the texts alone, one after another,
 * not as a node a text: what the reader makes of a long list of names
 * when asked (reader.h's pack).  A survey's session lists 333,333
 * people, its round 166,667 pairs: as nodes 33 and 41 MB, packed 6.
 * Its fields:
 *
 *	str	the texts, each ended by a NUL (none holds one)
 *	len	their bytes, the NULs counted
 *	n	the entries: texts, or lists
 *	kraw	lists: each one's number of texts; NULL: a list of texts
 *	cap	the texts in all
 *
 * It stands for that list, read-only: the writer writes it as the list
 * (align_emit_record()), align_node_equal() compares it as the list,
 * align_node_copy() makes the list (a copy is never packed, so that a
 * copy is what every reader of nodes knows), align_node_free() frees it.
 * Its texts are text (never raw), their positions unknown (0).
 *
 *	struct align_texts_at at = ALIGN_TEXTS_AT_INIT;
 *	struct align_texts_entry u;
 *	const struct align_node *v;
 *	while ((v = align_texts_next(list, &at, &u)) != NULL)
 *		use(v);		(a scalar, or a list of scalars, in u)
 */
struct align_texts_at {
	const char *next;	/* the next entry's first text, or NULL */
	size_t i;		/* that entry's index */
};
#define ALIGN_TEXTS_AT_INIT { NULL, 0 }
struct align_texts_entry {
	struct align_node list;		/* an entry that is a list */
	struct align_node text[255];	/* its texts, or the one text */
	struct align_node *item[255];
};
/* A packed list of the ntext texts of text (len bytes, each ended by a
 * NUL), in nlist lists of size[0..nlist-1] texts each, or a list of the
 * texts when size is NULL; in p (pooled), or with malloc when p is NULL.
 * NULL when out of memory. */
struct align_node *align_texts_new(struct align_pool *p, const char *text,
    size_t len, size_t ntext, const unsigned char *size, size_t nlist);
/* The same, taking text and size (malloc'd) rather than copying them:
 * the pool's then (align_pool_adopt()), or the node's; freed when it
 * fails. */
struct align_node *align_texts_take(struct align_pool *p, char *text,
    size_t len, size_t ntext, unsigned char *size, size_t nlist);
/* The entry at of the packed list list, made in u (until the next call),
 * at moved past it; NULL after the last. */
const struct align_node *align_texts_next(const struct align_node *list,
    struct align_texts_at *at, struct align_texts_entry *u);

/* A record's kind and id, or NULL. */
const char *align_record_kind(const struct align_node *rec);
const char *align_record_id(const struct align_node *rec);
/* A new record {kind: kind}, or NULL. */
struct align_node *align_record_new(const char *kind);

#endif
