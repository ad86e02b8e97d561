/*
 * mhd.h - libmicrohttpd, opened when a tool first serves, not at every
 * start: the library and the TLS stack it brings (a dozen libraries)
 * cost a tool about 2 ms of CPU a run to load and relocate, more than
 * reading a meeting's fifty responses.  Include it after <microhttpd.h>
 * in the files that call the library: the calls below then go through
 * align_mhd, which align_mhd_open() fills.
 *
 *	if (align_mhd_open(&e) < 0) ... (before the first call)
 *	d = MHD_start_daemon(...);
 */
#ifndef ALIGN_MHD_H
#define ALIGN_MHD_H

#include "err.h"

struct align_mhd {
	__typeof__(MHD_start_daemon) *start_daemon;
	__typeof__(MHD_stop_daemon) *stop_daemon;
	__typeof__(MHD_quiesce_daemon) *quiesce_daemon;
	__typeof__(MHD_add_response_header) *add_response_header;
	__typeof__(MHD_create_response_from_buffer)
	    *create_response_from_buffer;
	__typeof__(MHD_create_response_from_callback)
	    *create_response_from_callback;
	__typeof__(MHD_destroy_response) *destroy_response;
	__typeof__(MHD_queue_response) *queue_response;
	__typeof__(MHD_get_connection_values) *get_connection_values;
	__typeof__(MHD_lookup_connection_value) *lookup_connection_value;
	__typeof__(MHD_create_post_processor) *create_post_processor;
	__typeof__(MHD_post_process) *post_process;
	__typeof__(MHD_destroy_post_processor) *destroy_post_processor;
};
extern struct align_mhd align_mhd;

/* Open the library and find its functions, once (later calls return at
 * once; call it from one thread, before the server's start).  0, or -1
 * and e (69, EX_UNAVAILABLE, naming the library and what is missing). */
int align_mhd_open(struct align_err *e);
/* The same, trying the libraries name[0 .. n) in turn. */
int align_mhd_open_named(const char *const *name, size_t n,
    struct align_err *e);

#define MHD_start_daemon align_mhd.start_daemon
#define MHD_stop_daemon align_mhd.stop_daemon
#define MHD_quiesce_daemon align_mhd.quiesce_daemon
#define MHD_add_response_header align_mhd.add_response_header
#define MHD_create_response_from_buffer align_mhd.create_response_from_buffer
#define MHD_create_response_from_callback \
	align_mhd.create_response_from_callback
#define MHD_destroy_response align_mhd.destroy_response
#define MHD_queue_response align_mhd.queue_response
#define MHD_get_connection_values align_mhd.get_connection_values
#define MHD_lookup_connection_value align_mhd.lookup_connection_value
#define MHD_create_post_processor align_mhd.create_post_processor
#define MHD_post_process align_mhd.post_process
#define MHD_destroy_post_processor align_mhd.destroy_post_processor

#endif
