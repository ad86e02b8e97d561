/*
 * agree.h - agreement, objections, and the rule that decides (step 7).
 *
 * Each person agrees to the whole list (--agree) or objects to one
 * principle for a reason (--object); one withdraws the other.  A
 * principle is agreed when its rule is met:
 *   consensus  every participant of the session agrees, no objection
 *              stands (the default);
 *   consent    no objection stands;
 *   majority   more than half of the participants agree.
 */
#ifndef ALIGN_AGREE_H
#define ALIGN_AGREE_H

#include <stddef.h>

#include "err.h"
#include "principle.h"

/* ALIGN_RULE_DEFAULT: none was given; the list is decided by consensus. */
enum align_rule { ALIGN_RULE_DEFAULT, ALIGN_CONSENSUS, ALIGN_CONSENT,
	ALIGN_MAJORITY };

/* The rule called name, or ALIGN_RULE_DEFAULT for a name there is none
 * of; and a rule's name ("consensus" for the default). */
enum align_rule align_rule_parse(const char *name);
const char *align_rule_name(enum align_rule r);

/* 1 when principle p meets rule r among the people of the session. */
int align_rule_met(enum align_rule r, const struct align_principle *p,
    const char *const *people, size_t npeople);

/* who agrees to every principle of l.  0, or -1 and e (71). */
int align_agree_all(struct align_plist *l, const char *who,
    struct align_err *e);
/* An objection "NAME:ID" for reason, to the principle ID of l.  0, or -1
 * and e (64 not of that form or no such principle, 71). */
int align_object(struct align_plist *l, const char *spec, const char *reason,
    struct align_err *e);

#endif
