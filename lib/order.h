/*
 * order.h - the canonical order of facts, so that the same records in
 * any order, or split over files in any order, give the same output:
 * by time, then by id, then by text; never by where a record stood.
 *
 *	qsort(v, n, sizeof(*v), cmp);	 where cmp uses the functions below
 */
#ifndef ALIGN_ORDER_H
#define ALIGN_ORDER_H

/* Two times (ISO 8601, any offset): the earlier first; NULL or one that
 * is not a time before every time; equal instants then as text. */
int align_order_time(const char *a, const char *b);

/* Two ids: by the letters they begin with, then by the number after
 * them (p2 before p10), then as text; NULL first. */
int align_order_id(const char *a, const char *b);

/* Two texts as bytes; NULL first. */
int align_order_text(const char *a, const char *b);

#endif
