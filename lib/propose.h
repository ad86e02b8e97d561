/*
 * propose.h - the first draft of step 7: one principle for each leading
 * theme, short, in the first person plural, and in the language most of
 * the theme's responses are in.
 *
 * For a theme named after a concept of the lexicon, the principle that
 * concept suggests ("We listen, and we make space for every voice."); for
 * a label that already reads as a principle ("we ...", "nous ..."), that
 * label; otherwise "We value" and the label.  A draft is a starting point
 * for the group: what people touched is never drafted again.
 */
#ifndef ALIGN_PROPOSE_H
#define ALIGN_PROPOSE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "principle.h"
#include "words.h"

/* A leading theme, in rank order. */
struct align_lead {
	const char *id, *label;		/* NULL when it has none */
	int lang;			/* ALIGN_EN ... */
};

/* The words drafted for a theme, appended to b. */
void align_propose_draft(const struct align_words *w,
    const struct align_lead *t, struct align_buf *b);

/* Bring l up to the leading themes lead[0 .. n): keep the principles
 * people touched; give an untouched proposal whose theme still leads
 * the words drafted now, and drop one whose theme no longer does; then
 * draft a principle for each leading theme no principle stands for
 * (nor says the same, case aside).  0, or -1 and e (71). */
int align_propose(struct align_plist *l, const struct align_words *w,
    const struct align_lead *lead, size_t n, struct align_err *e);

#endif
