/*
 * serve_int.h - the inside of serve.h, shared by serve.c (requests),
 * serve_net.c (the address, the code) and serve_events.c (the watcher and
 * the event streams).  Not for steps.
 */
#ifndef ALIGN_SERVE_INT_H
#define ALIGN_SERVE_INT_H

#include <pthread.h>
#include <signal.h>
#include <sys/types.h>

#include "serve.h"

struct MHD_Daemon;
struct MHD_Response;

/* One update of the board as an event, shared by the streams that send
 * it: freed by the last to let it go (under the hub's mutex). */
struct serve_snap {
	unsigned refs;
	unsigned long gen;
	size_t len;
	char text[];
};

/* What the watcher last read: the file's identity and state. */
struct serve_seen {
	dev_t dev;
	ino_t ino;
	off_t size;
	long long mtime_ns;
	int there;
};

struct align_serve {
	struct align_serve_opts o;
	const struct align_serve_step *step;
	struct MHD_Daemon *d;
	int fd;			/* the listening socket */
	int loopback;		/* on a loopback address */
	char code[32];		/* the join code */
	char *root;		/* "/CODE/" */
	char *join, *board;	/* the addresses to open */
	char *qr;		/* the join address as SVG */
	sigset_t sigs, oldmask;
	int masked;

	/* The hub: under mu. */
	pthread_mutex_t mu;
	pthread_cond_t changed;	/* a new snapshot, or stopping */
	pthread_cond_t kick;	/* the watcher: look now, or stop */
	pthread_cond_t idle;	/* no request in flight */
	struct serve_snap *snap;	/* the latest, or NULL */
	unsigned long gen;
	int kicked, stopping;
	unsigned inflight, streams;
	pthread_t watcher;
	int watching;
	struct serve_seen seen;
	char *said;		/* the last failure logged, to say it once */
};

/* serve_net.c: listen on o->listen: srv->fd, srv->root, join and board
 * addresses.  0, or -1 and e. */
int serve_listen(struct align_serve *srv, struct align_err *e);

/* serve_events.c */
int serve_hub_init(struct align_serve *srv, struct align_err *e);
void serve_hub_release(struct align_serve *srv);
/* Read the file now (the step's reload), publish the update. */
int serve_reload(struct align_serve *srv, struct align_err *e);
int serve_watch_start(struct align_serve *srv, struct align_err *e);
void serve_watch_stop(struct align_serve *srv);
/* Wake the watcher: something was written. */
void serve_kick(struct align_serve *srv);
/* The latest update's number. */
unsigned long serve_generation(struct align_serve *srv);
/* A response that streams the updates; NULL when out of memory, or with
 * *full set when ALIGN_SERVE_STREAMS are open. */
struct MHD_Response *serve_stream(struct align_serve *srv, int *full);
/* Say e through o->log, unless it was the last thing said. */
void serve_log(struct align_serve *srv, const struct align_err *e);

#endif
