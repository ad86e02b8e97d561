#!/bin/sh
# Line and branch coverage of lib/ after a check built with --coverage.
#   sh tests/coverage.sh BUILD
set -eu
B=$1
out=$B/coverage.txt
: >"$out"
for f in lib/*.c; do
	gcov -b -c -o "$B/lib" "$f" 2>/dev/null |
	    awk -v f="$f" '
		/^File/ { keep = index($0, f) > 0 }
		keep && /^Lines executed:/ { split($2, a, ":"); l = a[2]; ln = $NF }
		keep && /^Taken at least once:/ { split($4, a, ":"); t = a[2]; tn = $NF }
		END { sub("%", "", l); sub("%", "", t);
		      printf "%s %d %d %d %d\n", f, l * ln / 100 + 0.5, ln, t * tn / 100 + 0.5, tn }' >>"$out"
done
rm -f ./*.gcov
awk '{ printf "%-20s lines %5.1f%% of %5d   branches %5.1f%% of %5d\n", $1,
	$3 ? 100 * $2 / $3 : 100, $3, $5 ? 100 * $4 / $5 : 100, $5
	lc += $2; ln += $3; bc += $4; bn += $5 }
    END { printf "%-20s lines %5.1f%% of %5d   branches %5.1f%% of %5d\n", "lib/ total",
	100 * lc / ln, ln, 100 * bc / bn, bn }' "$out"
