/*
 * num.h - numbers from people: command-line options and record values.
 *
 * One parser with a range, as OpenBSD's strtonum(3): the whole string must
 * be the number, in [min, max]; anything else gives a reason that a
 * message can quote ("invalid", "too small", "too large").  No silent
 * zero for "abc", no "0.5x" read as 0.5.
 *
 *	long long n = align_strtonum(optarg, 0, INT_MAX, &why);
 *	if (why)
 *		usage_error("--seed: '%s' is %s", optarg, why);
 */
#ifndef ALIGN_NUM_H
#define ALIGN_NUM_H

/* s as a decimal whole number in [min, max]; *why NULL on success, else
 * a reason (and 0 returned).  Leading and trailing blanks are refused. */
long long align_strtonum(const char *s, long long min, long long max,
    const char **why);

/* s as a finite decimal number in [min, max], the same way. */
double align_strtod(const char *s, double min, double max, const char **why);

#endif
