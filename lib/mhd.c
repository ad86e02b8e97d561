/* libmicrohttpd opened when a tool first serves (see mhd.h). */
#include <dlfcn.h>
#include <microhttpd.h>
#include <stddef.h>
#include <string.h>
#include <sysexits.h>

#include "mhd.h"

/* The library's name as the package installs it, then the development
 * link. */
static const char *const names[] = { "libmicrohttpd.so.12",
	"libmicrohttpd.so" };

struct align_mhd align_mhd;

/* Where each function goes, by its name in the library. */
#define FN(f) { "MHD_" #f, offsetof(struct align_mhd, f) }
static const struct {
	const char *name;
	size_t at;
} fns[] = {
	FN(start_daemon), FN(stop_daemon), FN(quiesce_daemon),
	FN(add_response_header), FN(create_response_from_buffer),
	FN(create_response_from_callback), FN(destroy_response),
	FN(queue_response), FN(get_connection_values),
	FN(lookup_connection_value), FN(create_post_processor),
	FN(post_process), FN(destroy_post_processor),
};

int
align_mhd_open(struct align_err *e)
{
	return align_mhd_open_named(names, sizeof(names) / sizeof(names[0]),
	    e);
}

int
align_mhd_open_named(const char *const *name, size_t n,
    struct align_err *e)
{
	static void *lib;
	size_t i;

	if (lib)
		return 0;
	for (i = 0; lib == NULL && i < n; i++)
		lib = dlopen(name[i], RTLD_NOW | RTLD_LOCAL);
	if (lib == NULL)
		return align_err_set(e, EX_UNAVAILABLE, NULL, 0, 0,
		    "serving needs libmicrohttpd (%s): %s", n ? name[0] : "",
		    dlerror());
	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		void *f = dlsym(lib, fns[i].name);

		if (f == NULL) {
			dlclose(lib);
			lib = NULL;
			return align_err_set(e, EX_UNAVAILABLE, NULL, 0, 0,
			    "libmicrohttpd has no %s", fns[i].name);
		}
		/* POSIX: a function's address from dlsym() is stored as an
		 * object pointer's bytes. */
		memcpy((char *)&align_mhd + fns[i].at, &f, sizeof(f));
	}
	return 0;
}
