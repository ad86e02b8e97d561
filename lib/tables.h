/*
 * tables.h - the data tables of step 6, made at build time (make data,
 * data/build.py) and mapped into memory as they are.
 *
 * One table a language, DIR/en.tab, es.tab, de.tab, fr.tab: each maps a
 * key to the concepts it stands for and, for Spanish, German and French,
 * its English pivot.  English keys are words as written (case-folded);
 * the others are Snowball stems of their language, as libstemmer makes
 * them.  A key stands for a concept only in its own language: a Spanish
 * stem is never looked up as an English word.
 *
 * The file, all numbers little-endian:
 *
 *	0   char magic[8]		"ALIGNTB1"
 *	8   u32 lang			0 en, 1 es, 2 de, 3 fr
 *	12  u32 nconcept		concept bits used (at most 32)
 *	16  u32 n			entries
 *	20  u32 nbucket			a power of two, at least 2n
 *	24  u32 nblob			bytes of the string blob
 *	28  u32 names			offset in the blob of the concepts'
 *					"name (label)\n" lines, NUL-ended
 *	32  u32 bucket[nbucket]		entry + 1, 0 for none: FNV-1a (32
 *					bits) of the key, linear probing
 *	    struct {			16 bytes an entry
 *		u32 key;		offset in the blob, NUL-ended
 *		u32 pivot;		offset of the pivot (an English word,
 *					NUL-ended), or 0xffffffff
 *		u32 concepts;		bit c: concept c (data/concepts.txt)
 *		u16 keylen;
 *		u8 strength;		cosine to the nearest seed x 255; 255
 *					for a seed or its inflection
 *		u8 flags;		1: a seed or an inflection of one
 *	    } entry[n];
 *	    char blob[nblob];
 *
 * Every offset is checked when it is read: a damaged file finds nothing,
 * it never reads outside the mapping.
 *
 *	struct align_tables tb;
 *	align_tables_open(&tb, align_tables_dir(), &e);
 *	if (align_tables_find(&tb, ALIGN_ES, "escuch", 6, &x)) ... x.pivot
 *	align_tables_close(&tb);
 */
#ifndef ALIGN_TABLES_H
#define ALIGN_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "words.h"

#define ALIGN_TABLE_EXACT 1	/* flags: a seed, or an inflection of one */
/* The least strength of a near-synonym that counts for its concept: a
 * cosine of 0.8 to the nearest seed. */
#define ALIGN_NEAR_SYNONYM 204

struct align_table {
	const unsigned char *map;	/* NULL: not there */
	size_t size;
	uint32_t n, nbucket, nblob;
	const unsigned char *bucket, *entry, *blob;
};

struct align_tables {
	struct align_table t[ALIGN_LANGS];
	const char *dir;	/* where they were looked for (borrowed) */
	char *names;		/* the concepts of the first table found,
				 * "name (label)\n" lines; NULL if none */
	int found;		/* bit l: language l's table */
};

struct align_entry {
	uint32_t concepts;
	uint8_t strength, flags;
	const char *pivot;	/* in the mapping, or NULL */
	size_t npivot;
};

/* Where the tables are: $ALIGN_DATA when set (even empty: then nowhere),
 * else the installed ALIGN_DATADIR when it has them, else share/align
 * beside the directory of the running program (bin/../share/align).  A
 * static string, or NULL when there is nowhere to look. */
const char *align_tables_dir(void);

/* Map the tables of dir (NULL: none).  A table that is not there, or is
 * not one (wrong magic, sizes that do not fit the file), is left out:
 * tb->found says which were taken.  0, or -1 and e (71). */
int align_tables_open(struct align_tables *tb, const char *dir,
    struct align_err *e);
/* NULL is fine; so is a tb never opened but zeroed. */
void align_tables_close(struct align_tables *tb);

/* Look key[0 .. n) up in language lang's table: 1 and *x, or 0. */
int align_tables_find(const struct align_tables *tb, int lang,
    const char *key, size_t n, struct align_entry *x);

#endif
