#!/bin/sh
# loop.sh REPS CMD...: run CMD REPS times, its output to /dev/null, for
# make bench to time as one (a run of a tool on 10,000 responses is too
# short for time(1)'s hundredths of a second).  With LOOP_RESTORE=FILE and
# LOOP_SIZE=BYTES, FILE is cut back to BYTES before each run, so that each
# append of the same lines adds them to the same file (a millisecond a
# run, timed with it).
reps=$1
shift
i=0
while [ "$i" -lt "$reps" ]; do
	if [ -n "${LOOP_RESTORE:-}" ]; then
		truncate -s "$LOOP_SIZE" "$LOOP_RESTORE"
	fi
	"$@" >/dev/null
	i=$((i + 1))
done
