#!/bin/sh
# make bench: the speed and memory of each tool beside a floor program that
# does only the unavoidable part of its work with libyaml (parse the
# stream, or emit the same records), or beside a peer (TF-IDF and k-means
# in sklearn), on generated survey answers (gen.c; its statistics are
# printed for each size), at 10 thousand, 100 thousand and a million.
#
#   sh tests/bench/run.sh BUILD [SIZES]      (BENCH_SIZES, make bench)
#
# How it measures, for these machines are shared (2 cores, other jobs):
# - Pairs.  A row runs the tool and its floor in turn, round after round
#   (tool, floor; then floor, tool; ...), so that both see the same load,
#   and every run is timed by GNU time (%U %S %e %M).
# - Medians.  A row shows the median over its rounds of the tool's CPU
#   seconds (user + sys) and wall seconds, the floor's likewise, and the
#   median of the rounds' ratios (tool / floor in the same round): the
#   middle, not the best.  Peak memory is the largest of the rounds.
# - CPU beside wall.  On a loaded machine the CPU ratio is the steadier
#   one; align-theme and align-distill use two threads, so their wall ratio
#   is lower than their CPU ratio when the second core is free and higher
#   when it is not.
# - Below 100,000 responses a timed run is several runs of the command
#   (loop.sh; 10 at 10,000), for time(1) counts hundredths; the figures
#   are a run's.  Not for align-theme, whose one run takes seconds at any
#   size, nor for the peer.
# - Rounds: 3 (BENCH_ROUNDS); the sklearn peer takes part in every round,
#   but only in the first at a million and more (BENCH_PEER_ROUNDS), for
#   one run of it there takes minutes; its row pairs it with the tool's
#   run of the same round.
#
# Then the room posting at once to align-capture --serve (below;
# BENCH_SERVE_ONLY=1 make bench for it alone), the
# fifty-response meeting (each tool, median of 3 rounds of 100 runs;
# BENCH_MEETING_ONLY=1 make bench for it alone), and the whole
# pipeline at the largest size, one run of each step: plan the
# session with everyone asked, capture the answers into its file, theme,
# distill, follow-up (BENCH_PIPELINE=0 leaves it out).
#
# How long it takes.  Measured with the load average at 10 to 13 on these
# 2 cores (other jobs): 10,000 took 2 minutes, 100,000 4 1/2, 1,000,000
# 22, the pipeline at 1,000,000 10 more (8 of them align-plan reading 333,333
# participants, then quadratic, now under a second); 40 minutes in
# all, 12 1/2 minutes of CPU (before that fix).  With 10,000 and 100,000 only, 7 1/2 minutes.
# On a quiet machine a run takes about its CPU time.
set -eu
B=$(cd "$1" && pwd)
SIZES=${2:-${BENCH_SIZES:-10000 100000 1000000}}
[ -n "$SIZES" ] || SIZES="10000 100000 1000000"
HERE=$(cd "$(dirname "$0")" && pwd)
W=$B/bench
mkdir -p "$W"
CC=${CC:-cc}
YAML_FLAGS=$(pkg-config --cflags --libs yaml-0.1)
$CC -O2 -o "$W/gen" "$HERE/gen.c" -lm
for p in floor-emit floor-parse; do
	$CC -O2 -o "$W/$p" "$HERE/$p.c" $YAML_FLAGS
done
export ALIGN_NOW=2026-12-02T12:00:00Z LC_ALL=C.UTF-8
# The indexes of ids of align-capture -a in the bench's own cache.
XDG_CACHE_HOME=$W/cache
export XDG_CACHE_HOME
PY=/usr/bin/python3
if $PY -c 'import sklearn' 2>/dev/null; then peer=1; else peer=0; fi
LOOP="sh $HERE/loop.sh"
restore=

# timed LOG REPS CMD...: one timed run of CMD, REPS times over (loop.sh),
# appending "cpu wall MB" of one run to LOG.
timed() {
	t_log=$1 t_reps=$2
	shift 2
	/usr/bin/time -f '%U %S %e %M' -o "$W/time" $LOOP "$t_reps" "$@"
	awk -v r="$t_reps" '{ printf "%.3f %.3f %.1f\n", ($1 + $2) / r, $3 / r,
	    $4 / 1024 }' "$W/time" >>"$t_log"
}

# rounds R TOOL FLOOR [PEER]: R rounds of the command lines TOOL and FLOOR
# (and PEER, in the first $peer_rounds rounds), in turn, the first of the
# pair alternating; times in $W/t.tool, $W/t.floor and $W/t.peer.  $reps
# runs make a timed run of TOOL or FLOOR; $restore is FILE:SIZE to cut
# FILE back to before each run of TOOL, or empty.
tool_run() {
	if [ -n "$restore" ]; then
		LOOP_RESTORE=${restore%:*} LOOP_SIZE=${restore##*:}
		export LOOP_RESTORE LOOP_SIZE
	fi
	eval "timed $W/t.tool $reps $1"
	unset LOOP_RESTORE LOOP_SIZE
}
rounds() {
	: >"$W/t.tool"
	: >"$W/t.floor"
	: >"$W/t.peer"
	i=0
	while [ $i -lt "$1" ]; do
		if [ $((i % 2)) -eq 0 ]; then
			tool_run "$2"
			eval "timed $W/t.floor $reps $3"
		else
			eval "timed $W/t.floor $reps $3"
			tool_run "$2"
		fi
		if [ -n "${4:-}" ] && [ $i -lt "$peer_rounds" ]; then
			eval "timed $W/t.peer 1 $4"
		fi
		i=$((i + 1))
	done
}

printf '%-38s %9s %8s %8s %8s %8s %6s %6s %7s %7s\n' "" "" "tool" "tool" \
    "floor" "floor" "CPU" "wall" "tool" "floor"
printf '%-38s %9s %8s %8s %8s %8s %6s %6s %7s %7s\n' "row" "responses" \
    "CPU s" "wall s" "CPU s" "wall s" "ratio" "ratio" "MB" "MB"
# row NAME N TOOLLOG FLOORLOG: the medians of a row and its ratios.
row() {
	paste -d ' ' "$3" "$4" | awk -v name="$1" -v n="$2" '
	function med(a, k,   i, j, t) {
		for (i = 2; i <= k; i++)
			for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
		return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
	}
	NF == 6 {
		k++
		tc[k] = $1; tw[k] = $2; fc[k] = $4; fw[k] = $5
		rc[k] = $4 > 0 ? $1 / $4 : 0
		rw[k] = $5 > 0 ? $2 / $5 : 0
		if ($3 > tm) tm = $3
		if ($6 > fm) fm = $6
	}
	END {
		printf "%-38s %9s %8.3f %8.3f %8.3f %8.3f %6.2f %6.2f " \
		    "%7.1f %7.1f\n", name, n, med(tc, k), med(tw, k),
		    med(fc, k), med(fw, k), med(rc, k), med(rw, k), tm, fm
	}'
}

# themes STREAM: "response,theme" of the theme records in STREAM, the
# way `align-theme -f csv` gives them, for nmi.py.
themes() {
	awk 'BEGIN { print "response,theme" }
	/^---/ { th = 0; list = 0; next }
	/^kind: theme$/ { th = 1; next }
	!th { next }
	/^id: / { id = $2; next }
	/^responses: \[/ {
		s = $0; sub(/^responses: \[/, "", s); sub(/\]$/, "", s)
		k = split(s, v, /, /)
		for (j = 1; j <= k; j++) print v[j] "," id
		next
	}
	/^responses:$/ { list = 1; next }
	list && /^- / { print $2 "," id; next }
	{ list = 0 }' "$1"
}

# The room at once (align-capture --serve, loopback): SERVE_CLIENTS clients
# (50) post SERVE_POSTS responses each (20), as fast as they are answered,
# while align-capture -a and align-theme -i run in loops on the same file
# and one more client listens to the board's event stream.  Every post
# acknowledged (303) must be in the file, and every append of the loop
# that exited 0; then the latency of a post (p50, p99) and the board's
# update delay: from a post's acknowledgement to the first event that
# shows it (0 when the event came first).  BENCH_SERVE=0 leaves it out;
# BENCH_SERVE_ONLY=1 runs it alone.
serve_bench() {
	S=$W/serve
	rm -rf "$S"
	mkdir -p "$S"
	i=1
	while [ $i -le 50 ]; do echo "Person $i"; i=$((i + 1)); done \
	    >"$S/names"
	"$B/bin/align-plan" --new -f yaml --title "The room at once" \
	    --date 2026-12-02T12:00Z --participants-file "$S/names" \
	    >"$S/s.yaml"
	"$W/gen" 200 11 text | sed 's/^[^:]*:/Person 1:/' >"$S/first"
	"$B/bin/align-capture" -a "$S/s.yaml" "$S/first"
	"$B/bin/align-theme" -i "$S/s.yaml"
	# The file is there before the server opens it, for the wait below
	# to read even when the server's shell has not yet made it.
	: >"$S/url"
	"$B/bin/align-capture" --serve 127.0.0.1:0 -a "$S/s.yaml" \
	    >"$S/url" 2>"$S/err" &
	spid=$!
	k=0
	while [ "$(wc -l <"$S/url")" -lt 2 ] && [ $k -lt 100 ]; do
		sleep 0.1
		k=$((k + 1))
	done
	( n=0
	  while [ ! -e "$S/stop" ]; do
		n=$((n + 1))
		echo "Person 2: typed at the prompt meanwhile, $n" |
		    "$B/bin/align-capture" -a "$S/s.yaml" 2>>"$S/err.cli" &&
		    echo "typed at the prompt meanwhile, $n" >>"$S/typed"
	  done ) &
	cpid=$!
	( n=0
	  while [ ! -e "$S/stop" ]; do
		"$B/bin/align-theme" -i "$S/s.yaml" && n=$((n + 1))
	  done
	  echo $n >"$S/themed" ) &
	tpid=$!
	echo
	echo "== the room at once: ${SERVE_CLIENTS:-50} clients posting" \
	    "${SERVE_POSTS:-20} responses each to align-capture --serve" \
	    "(loopback), align-capture -a and align-theme -i in loops on the" \
	    "same file; load average $(cut -d' ' -f1-3 /proc/loadavg)"
	$PY "$HERE/../serve/client.py" load "$(sed -n 1p "$S/url")" \
	    "${SERVE_CLIENTS:-50}" "${SERVE_POSTS:-20}" "$S/names" \
	    "$S/result.json" | sed 's/^/   /'
	touch "$S/stop"
	wait $cpid $tpid
	kill -TERM $spid
	wait $spid
	echo "   align-capture --serve exit $?: $(tail -n 1 "$S/err")"
	echo "   meanwhile: $(wc -l <"$S/typed") appends by align-capture -a," \
	    "$(cat "$S/themed") rewrites by align-theme -i"
	printf '   '
	$PY "$HERE/../serve/client.py" check "$S/result.json" "$S/s.yaml" ||
	    echo "   FAIL: an acknowledged post is not in the file"
	missing=$(while read -r t; do
		grep -qxF "text: $t" "$S/s.yaml" || echo "$t"; done <"$S/typed")
	[ -z "$missing" ] && echo "   every append of align-capture -a in" \
	    "the file" || echo "   FAIL: appends lost: $missing"
}
# A meeting: fifty responses, every tool under 5 ms of CPU a run, process
# start included (each run is a new process, as in a meeting): the median
# of 3 rounds of 100 runs of each step, on the files the steps before it
# made.  A run's figure includes the shell's fork and exec (loop.sh); the
# first row, /bin/true, is that cost alone.
meeting() {
	m_name=$1
	shift
	: >"$W/t.meeting"
	for i in 1 2 3; do
		/usr/bin/time -f '%U %S %e' -o "$W/time" $LOOP 100 "$@"
		awk '{ printf "%.1f %.1f\n", ($1 + $2) * 10, $3 * 10 }' \
		    "$W/time" >>"$W/t.meeting"
	done
	sort -n "$W/t.meeting" | sed -n 2p | awk -v name="$m_name" '{
	    printf "%-36s %8.1f %8.1f%s\n", name, $1, $2,
		$1 < 5 ? "" : "   over 5 ms" }'
}
meeting_bench() {
	echo
	echo "== a fifty-response meeting: ms a run, the median of 3 times 100" \
	    "runs; the bar is 5 ms CPU"
	printf '%-36s %8s %8s\n' "step" "CPU ms" "wall ms"
	"$W/gen" 50 7 text >"$W/meeting.txt"
	"$W/gen" 50 7 yaml >"$W/meeting.yaml"
	"$B/bin/align-theme" -f yaml "$W/meeting.yaml" >"$W/meeting-work.yaml"
	"$B/bin/align-distill" -i "$W/meeting-work.yaml"
	"$B/bin/align-followup" plan -i "$W/meeting-work.yaml" 2>/dev/null
	meeting "/bin/true (the loop's own cost)" /bin/true
	meeting "align-capture text -> stream" "$B/bin/align-capture" -f yaml \
	    "$W/meeting.txt"
	meeting "align-plan pass-through" "$B/bin/align-plan" -f yaml \
	    "$W/meeting.yaml"
	meeting "align-theme" "$B/bin/align-theme" -f yaml "$W/meeting.yaml"
	meeting "align-distill -i" "$B/bin/align-distill" -i \
	    "$W/meeting-work.yaml"
	meeting "align-followup plan -i" "$B/bin/align-followup" plan -i \
	    "$W/meeting-work.yaml"
	meeting "align-merge (theirs unchanged)" "$B/bin/align-merge" \
	    "$W/meeting.yaml" "$W/meeting-work.yaml" "$W/meeting.yaml"
	rm -f "$W/meeting-work.yaml"
}
if [ "${BENCH_SERVE_ONLY:-0}" = 1 ]; then
	serve_bench
	exit 0
fi
if [ "${BENCH_MEETING_ONLY:-0}" = 1 ]; then
	meeting_bench
	exit 0
fi

last=
for n in $SIZES; do
	t0=$(date +%s)
	rounds=${BENCH_ROUNDS:-3}
	peer_rounds=${BENCH_PEER_ROUNDS:-$rounds}
	[ "$n" -ge 1000000 ] && peer_rounds=${BENCH_PEER_ROUNDS:-1}
	reps=$((100000 / n))
	[ $reps -ge 1 ] || reps=1
	echo
	echo "== $n responses: load average $(cut -d' ' -f1-3 /proc/loadavg)" \
	    "on $(getconf _NPROCESSORS_ONLN) processors; $rounds round(s)" \
	    "of $reps run(s) (peer: $peer_rounds)"
	"$W/gen" --roster "$W/roster-$n" "$n" 42 text "$W/labels-$n" \
	    >"$W/text-$n"
	"$W/gen" "$n" 42 yaml >"$W/stream-$n.yaml"
	"$W/gen" --stats "$n" 42 yaml | awk '{ gsub(/[,()]/, "") }
	    /^words a/ { w = $5 } /^bytes a response/ { b = $5 }
	    /^bytes a record/ { r = $5 } /^distinct texts/ { d = $4 }
	    /^distinct words/ { v = $3 }
	    END { printf "   answers: %s words and %s bytes a text (%s a " \
		"record), %s of texts distinct, %s distinct words\n", w, b,
		r, d, v }'
	k=$(sort -u "$W/labels-$n" | wc -l)

	rounds $rounds "$B/bin/align-capture -f yaml $W/text-$n" \
	    "$W/floor-emit $W/text-$n"
	row "align-capture text -> stream (emit)" "$n" "$W/t.tool" "$W/t.floor"

	rounds $rounds "$B/bin/align-plan -f yaml $W/stream-$n.yaml" \
	    "$W/floor-parse $W/stream-$n.yaml"
	row "align-plan pass-through (parse)" "$n" "$W/t.tool" "$W/t.floor"

	# align-theme against the parse floor, and against the peer in the
	# same rounds: TF-IDF and MiniBatchKMeans told the true number of
	# themes, where align-theme finds it.
	cut -d: -f2- "$W/text-$n" >"$W/plain-$n"
	p=
	[ $peer = 1 ] &&
		p="$PY $HERE/kmeans.py --time $k $W/plain-$n $W/kmeans-$n"
	# (a run of align-theme is long enough to time alone at any size)
	r=$reps
	reps=1
	rounds $rounds "$B/bin/align-theme -f yaml $W/stream-$n.yaml" \
	    "$W/floor-parse $W/stream-$n.yaml" "$p"
	reps=$r
	row "align-theme (parse)" "$n" "$W/t.tool" "$W/t.floor"
	if [ $peer = 1 ]; then
		head -n "$peer_rounds" "$W/t.tool" >"$W/t.tool1"
		row "align-theme (sklearn k-means)" "$n" "$W/t.tool1" \
		    "$W/t.peer"
	fi

	# The themed stream: what distill, follow-up and quality read.
	"$B/bin/align-theme" -f yaml "$W/stream-$n.yaml" >"$W/themed-$n.yaml"
	cp "$W/themed-$n.yaml" "$W/work-$n.yaml"
	# A first run puts the file in the state later runs keep (principles
	# proposed, a round planned), so that every timed run does the same.
	"$B/bin/align-distill" -i "$W/work-$n.yaml"
	rounds $rounds "$B/bin/align-distill -i $W/work-$n.yaml" \
	    "$W/floor-parse $W/work-$n.yaml"
	row "align-distill -i (parse)" "$n" "$W/t.tool" "$W/t.floor"
	# Its warning (no principle is agreed in the bench) said once, here.
	"$B/bin/align-followup" plan -i "$W/work-$n.yaml" 2>"$W/plan.err"
	sed 's/^/   said: /' "$W/plan.err"
	rounds $rounds "$B/bin/align-followup plan -i $W/work-$n.yaml" \
	    "$W/floor-parse $W/work-$n.yaml"
	row "align-followup plan -i (parse)" "$n" "$W/t.tool" "$W/t.floor"

	# 1,000 new lines appended to the file of n records, against a parse
	# of that file: capture reads it all to add no response twice.  The
	# file is cut back before each run, so each run adds the same 1,000.
	"$W/gen" 1000 7 text >"$W/add-1000"
	cp "$W/stream-$n.yaml" "$W/append-$n.yaml"
	sync "$W/append-$n.yaml"
	restore=$W/append-$n.yaml:$(wc -c <"$W/stream-$n.yaml")
	rounds $rounds \
	    "$B/bin/align-capture -a $W/append-$n.yaml $W/add-1000" \
	    "$W/floor-parse $W/stream-$n.yaml"
	restore=
	row "align-capture -a 1,000 lines (parse)" "$n" "$W/t.tool" \
	    "$W/t.floor"
	# The same with the index of the file's ids (idindex.h) that the
	# append before left: each run adds 1,000 lines never added before
	# (the same people, other words) to the file that grows, as the room
	# does (the cut back above made
	# the index stale, so a first append, not timed, makes it again).
	rm -f "$W"/add-next-*
	k=0
	while [ $k -lt $((rounds * reps + 1)) ]; do
		sed "s/\$/ (again, $k)/" "$W/add-1000" >"$W/add-next-$k"
		k=$((k + 1))
	done
	echo 0 >"$W/add-seq"
	cat >"$W/add-next" <<-EOF
	k=\$(cat "$W/add-seq"); echo \$((k + 1)) >"$W/add-seq"
	exec "$B/bin/align-capture" -a "$W/append-$n.yaml" "$W/add-next-\$k"
	EOF
	sh "$W/add-next"
	rounds $rounds "sh $W/add-next" "$W/floor-parse $W/stream-$n.yaml"
	row "align-capture -a 1,000 lines (index)" "$n" "$W/t.tool" \
	    "$W/t.floor"

	themes "$W/themed-$n.yaml" >"$W/themes-$n.csv"
	q=$($PY "$HERE/nmi.py" "$W/themes-$n.csv" "$W/labels-$n")
	if [ $peer = 1 ]; then
		s=$($PY "$HERE/nmi.py" --labels "$W/kmeans-$n" "$W/labels-$n")
		t=$(grep -c '^kind: theme$' "$W/themed-$n.yaml")
		echo "   quality at $n: align-theme $q ($t themes);" \
		    "sklearn MiniBatchKMeans k=$k $s"
	else
		echo "   quality at $n: align-theme $q"
	fi
	rm -f "$W/work-$n.yaml" "$W/append-$n.yaml"
	t1=$(date +%s)
	echo "   $n took $(( (t1 - t0) / 60 ))m$(( (t1 - t0) % 60 ))s"
	if [ "$n" -gt "${last:-0}" ]; then last=$n; fi
done

[ "${BENCH_SERVE:-1}" = 0 ] || serve_bench

meeting_bench

# The whole pipeline at the largest size, as a session is run: plan the
# session with everyone asked, capture the answers into its file, then
# theme, distill and plan the follow-up in place.  One run of each step.
[ "${BENCH_PIPELINE:-1}" != 0 ] || exit 0
n=$last
P=$W/pipeline-$n.yaml
rm -f "$P"
echo
echo "== the pipeline at $n responses: load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg); one run of each step"
printf '%-58s %8s %8s %8s %8s\n' "step" "CPU s" "wall s" "peak MB" \
    "file MB"
step() {
	name=$1
	shift
	: >"$W/t.step"
	timed "$W/t.step" 1 "$@" 2>"$W/step.err"
	awk -v name="$name" -v mb="$(($(wc -c <"$P") / 1048576))" '{
	    printf "%-58s %8.2f %8.2f %8.1f %8s\n", name, $1, $2, $3, mb }' \
	    "$W/t.step"
	# What the step said goes under its row, not into the table.
	sed 's/^/    said: /' "$W/step.err"
}
step "align-plan -i, a new session of $(wc -l <"$W/roster-$n") people" \
    "$B/bin/align-plan" -i "$P" --title Survey \
    --date 2026-11-16T08:00Z --participants-file "$W/roster-$n"
step "align-capture -a (text, $n lines)" "$B/bin/align-capture" -a "$P" \
    "$W/text-$n"
step "align-theme -i" "$B/bin/align-theme" -i "$P"
step "align-distill -i" "$B/bin/align-distill" -i "$P"
step "align-followup plan -i" "$B/bin/align-followup" plan -i "$P"
rm -f "$P"
