/*
 * serve_capture_int.h - the inside of serve_capture.h, shared by
 * serve_capture.c (the file: read, appended to) and serve_capture_html.c
 * (the pages, the post).  Not for other modules.
 */
#ifndef ALIGN_SERVE_CAPTURE_INT_H
#define ALIGN_SERVE_CAPTURE_INT_H

#include <pthread.h>

#include "buf.h"
#include "hash.h"
#include "node.h"
#include "record.h"
#include "serve_capture.h"

/* What was read of the file, replaced whole by each reload; read under
 * the read lock. */
struct capture_state {
	struct align_node *session;	/* a copy, or NULL */
	struct align_view sv;		/* of it */
	struct align_buf live;		/* the board's main, as HTML */
	char **roster;			/* the participants list */
	size_t nroster;
	struct align_roster *names;	/* of it (serve_name.h), made once
					 * a load */
};

struct align_serve_capture {
	struct align_serve_step step;
	struct align_serve_capture_opts o;
	pthread_rwlock_t rw;		/* st */
	struct capture_state *st;
	/* The appends, committed in groups: a post waits in the queue
	 * while one thread (the writer of the moment) appends all that
	 * wait, in one locked and synced append, then wakes them. */
	pthread_mutex_t wmu;		/* queue, writing, added */
	pthread_cond_t wcv;		/* a group committed */
	struct capture_wait *queue, **tail;
	int writing;
	struct align_set ids;		/* of the records written (the
					 * writer's alone) */
	unsigned long added;
};

/* A record waiting to be appended. */
struct capture_wait {
	struct capture_wait *next;
	struct align_buf bytes;		/* the record, emitted */
	const char *id;
	int done, rc;
	struct align_err e;
};

/* serve_capture.c: make the response of who (NULL: nobody) and text,
 * append it: 0 and *rec (the caller frees it), or -1 and e. */
int capture_record(struct align_serve_capture *c, const char *who,
    const char *text, struct align_node **rec, struct align_err *e);

/* serve_capture_html.c: the step's pages (serve.h). */
int capture_form(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e);
int capture_post(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e);
int capture_board(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e);

#endif
