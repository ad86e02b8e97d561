/*
 * serve.h - --serve on the command line: serve a step to the room's own
 * devices (lib/serve.h) until a signal.  Standard output gets the address
 * people open (its first line) and the board's (the second); a terminal
 * on standard error gets the address as a QR code and what to do; at the
 * end standard error says what was recorded.  Exits: 0 after SIGINT,
 * SIGTERM or SIGHUP; 64 a bad address or an option --serve does not go
 * with; 69 the port cannot be had; the file's errors (65, 66).
 */
#ifndef ALIGN_TOOL_SERVE_H
#define ALIGN_TOOL_SERVE_H

#include <stddef.h>

#include "../lib/capture.h"
#include "../lib/distill.h"

/* align-capture --serve listen -a FILE: o from its options (o->append the
 * file, o->read.key set with --anonymous); operands (argc) and -f (fmt)
 * do not go with it.  Never returns. */
void tool_serve_capture(const char *listen, const struct align_capture_opts *o,
    size_t min_group, int argc, const char *fmt) __attribute__((noreturn));

/* align-distill --serve listen -i FILE: o from its options (the budget,
 * the cap, the rule, the proposals); other is 1 when an operand or an
 * option that does not go with it was given (-f, --edit, --list, --votes,
 * --check, --keep; o's votes, agreement and objections are checked
 * here).  Never returns. */
void tool_serve_distill(const char *listen, const struct align_distill_opts *o,
    const char *inplace, int other) __attribute__((noreturn));

#endif
