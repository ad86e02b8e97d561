#!/bin/sh
# make bench: speed and memory of each tool as a ratio to a floor program
# that does only the unavoidable part of its work with libyaml, measured
# side by side in the same run (best of several runs), at 10 thousand, 100
# thousand and a million responses.  Ratios, not seconds, because these
# machines are shared and noisy.
#
#   sh tests/bench/run.sh BUILD [SIZES]
set -eu
B=$(cd "$1" && pwd)
SIZES=${2:-${BENCH_SIZES:-10000 100000 1000000}}
HERE=$(cd "$(dirname "$0")" && pwd)
W=$B/bench
mkdir -p "$W"
CC=${CC:-cc}
YAML_FLAGS=$(pkg-config --cflags --libs yaml-0.1)
for p in gen floor-emit floor-parse; do
	$CC -O2 -o "$W/$p" "$HERE/$p.c" $YAML_FLAGS
done
export ALIGN_NOW=2026-12-02T12:00:00Z LC_ALL=C.UTF-8

# best CMD...: the lowest wall time (s) and peak memory (MB) of a few runs.
best() {
	runs=$1
	shift
	bt=999999 bm=0
	i=0
	while [ $i -lt "$runs" ]; do
		/usr/bin/time -f '%e %M' -o "$W/time" "$@" >/dev/null
		read -r t m <"$W/time"
		bt=$(awk -v a="$t" -v b="$bt" 'BEGIN { print (a < b) ? a : b }')
		bm=$m
		i=$((i + 1))
	done
	echo "$bt $(awk -v m="$bm" 'BEGIN { printf "%.1f", m / 1024 }')"
}

printf '%-36s %9s %8s %8s %7s %9s %9s\n' "row" "responses" "tool s" \
    "floor s" "ratio" "tool MB" "floor MB"
row() {
	name=$1 n=$2 tool=$3 floor=$4
	set -- $tool
	ts=$1 tm=$2
	set -- $floor
	fs=$1 fm=$2
	printf '%-36s %9s %8s %8s %7s %9s %9s\n' "$name" "$n" "$ts" "$fs" \
	    "$(awk -v a="$ts" -v b="$fs" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" \
	    "$tm" "$fm"
}
for n in $SIZES; do
	runs=3
	[ "$n" -ge 1000000 ] && runs=2
	"$W/gen" "$n" 42 text "$W/labels-$n" >"$W/text-$n"
	"$W/gen" "$n" 42 yaml >"$W/stream-$n.yaml"
	row "align-capture text -> yaml" "$n" \
	    "$(best $runs "$B/bin/align-capture" -f yaml "$W/text-$n")" \
	    "$(best $runs "$W/floor-emit" "$W/text-$n")"
	row "align-plan pass-through (vs parse)" "$n" \
	    "$(best $runs "$B/bin/align-plan" -f yaml "$W/stream-$n.yaml")" \
	    "$(best $runs "$W/floor-parse" "$W/stream-$n.yaml")"
	row "align-theme (vs parse)" "$n" \
	    "$(best $runs "$B/bin/align-theme" -f yaml "$W/stream-$n.yaml")" \
	    "$(best $runs "$W/floor-parse" "$W/stream-$n.yaml")"
	# The peer: TF-IDF and MiniBatchKMeans told the true number of
	# themes, against align-theme, which finds it; time and quality.
	if /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
		cut -d: -f2- "$W/text-$n" >"$W/plain-$n"
		row "align-theme (vs sklearn k-means)" "$n" \
		    "$(best $runs "$B/bin/align-theme" -f yaml "$W/stream-$n.yaml")" \
		    "$(best $runs /usr/bin/python3 "$HERE/kmeans.py" --time 6 "$W/plain-$n")"
		"$B/bin/align-theme" -f csv "$W/stream-$n.yaml" >"$W/themes-$n.csv"
		q=$(/usr/bin/python3 "$HERE/nmi.py" "$W/themes-$n.csv" "$W/labels-$n")
		k=$(/usr/bin/python3 "$HERE/kmeans.py" --mini "$W/plain-$n" "$W/labels-$n")
		echo "  quality at $n: align-theme $q; sklearn $k"
	fi
done

# A meeting: fifty responses, from plan to themes, must feel instant.
# time(1) counts hundredths of a second: a hundred runs, then divided.
"$W/gen" 50 7 yaml >"$W/meeting.yaml"
printf 'i=0\nwhile [ $i -lt 100 ]; do "%s" -f yaml "%s"; i=$((i + 1)); done\n' \
    "$B/bin/align-theme" "$W/meeting.yaml" >"$W/meeting.sh"
ms=$(best 3 sh "$W/meeting.sh" | awk '{ printf "%.1f", $1 * 10 }')
echo "align-theme on a fifty-response meeting: ${ms} ms a run (best of 3 times 100 runs; the bar is 20 ms)"
