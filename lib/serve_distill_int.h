/*
 * serve_distill_int.h - the inside of serve_distill.h, shared by
 * serve_distill.c (the file: read, rewritten under its lock) and
 * serve_distill_html.c (the pages, the posts).  Not for other modules.
 */
#ifndef ALIGN_SERVE_DISTILL_INT_H
#define ALIGN_SERVE_DISTILL_INT_H

#include <pthread.h>

#include "buf.h"
#include "distill.h"
#include "node.h"
#include "record.h"
#include "serve_distill.h"

/* What was read of the file, replaced whole by each reload; read under
 * the read lock. */
struct distill_state {
	struct align_node *session;	/* a copy, or NULL */
	struct align_view sv;		/* of it */
	struct align_distiller *d;	/* the file's, run */
	struct align_roster *names;	/* of d's people (serve_name.h),
					 * made once a load */
	struct align_buf live;		/* the whiteboard's main, as HTML */
};

struct align_serve_distill {
	struct align_serve_step step;
	struct align_serve_distill_opts o;
	pthread_rwlock_t rw;		/* st */
	struct distill_state *st;
	pthread_mutex_t wmu;		/* one rewrite at a time; changes */
	unsigned long changes;
};

/* What a post asks of the file. */
enum distill_action { DISTILL_VOTE, DISTILL_AGREE, DISTILL_OBJECT };

struct distill_change {
	enum distill_action action;
	const char *who;		/* as the list spells it */
	const char *ballot;		/* DISTILL_VOTE: "Ana=p1,p1,p3" */
	const char *principle;		/* DISTILL_OBJECT: its id */
	const char *reason;
};

/* serve_distill.c: apply ch to the file, read, run and rewritten under
 * its lock: 0; 400 with why (the change does not hold against the file
 * as it is now); or -1 and e. */
int distill_apply(struct align_serve_distill *c,
    const struct distill_change *ch, struct align_buf *why,
    struct align_err *e);

/* serve_distill_html.c: the step's pages (serve.h). */
int distill_form(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e);
int distill_post(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e);
int distill_board(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e);
int distill_accepts(void *ctx, const char *name);

#endif
