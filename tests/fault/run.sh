#!/bin/sh
# Allocation failure: run each tool's main path again and again, the Nth
# allocation failing, N = 1, 2, ... to the last (every STRIDE-th when a
# path makes more than MAX allocations).  Each run must end with a
# non-zero status and a message, no crash, no leak (LeakSanitizer), and
# the session file unchanged; or, where a tool can do without what it
# could not have (a thread to read ahead), with exactly what a run without
# failures gives.
#   sh tests/fault/run.sh BINDIR
#   FAULT_ONLY='followup-*' sh tests/fault/run.sh BINDIR   (some paths)
set -u
BIN=$(cd "$1" && pwd)
MAX=${FAULT_MAX:-400}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/align-fault.XXXXXX")
trap 'rm -rf "$T"' EXIT
export PATH="$BIN:$PATH" ALIGN_NOW=2026-12-03T09:00:00Z LC_ALL=C.UTF-8 TZ=UTC
export ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=98
cd "$T"
EX=$TOP/examples/leadership
align-plan --new -f yaml --title "Leadership alignment" \
    --date 2026-12-02T12:00-05:00 --participants-file "$EX/participants.txt" \
    >s.yaml
align-capture -a s.yaml "$EX/responses.txt"
cp s.yaml captured.yaml
align-theme -i s.yaml
cp s.yaml themed.yaml
align-distill -i s.yaml
for w in Ana Ben Carla Dev Elif Femi Greta; do align-distill -i s.yaml --agree $w; done
cp s.yaml agreed.yaml
align-followup plan -i s.yaml
cp s.yaml planned.yaml
# Two branches of the agreed session for the merge driver: one moves the
# meeting and votes, the other captures more and makes it longer.  (No
# conflict: the exit status of one, 1, would read as a failure here; the
# unit test of lib/merge fails allocations in a merge with conflicts.)
cp agreed.yaml m-ours.yaml
align-plan -i m-ours.yaml --place "Room 7"
align-distill -i m-ours.yaml --vote Ana=p1,p2
cp agreed.yaml m-theirs.yaml
align-plan -i m-theirs.yaml --duration 3h
align-distill -i m-theirs.yaml --vote Ben=p2,p3
align-capture -a m-theirs.yaml "$EX/responses.txt" --participant Zoe

injected=0 failed=0 paths=0
path() {	# NAME FILE CMD...: the path through CMD on a copy of FILE
	name=$1 file=$2
	shift 2
	# FAULT_ONLY='followup-*': only the paths whose names match.
	case $name in ${FAULT_ONLY:-*}) ;; *) return 0 ;; esac
	paths=$((paths + 1))
	cp "$file" work.yaml
	total=$(ALIGN_COUNT_ALLOC=1 "$@" 2>&1 >clean.txt </dev/null |
	    sed -n 's/^allocations: //p')
	cp work.yaml clean.yaml
	stride=$(( ${total:-1} / MAX + 1 ))
	n=1
	while [ "$n" -le "${total:-0}" ]; do
		cp "$file" work.yaml
		ALIGN_FAIL_ALLOC=$n "$@" >out.txt 2>err.txt </dev/null
		rc=$?
		if grep -q 'injected allocation failure' err.txt; then
			injected=$((injected + 1))
			bad=
			grep -q -e AddressSanitizer -e LeakSanitizer \
			    -e 'runtime error' err.txt && bad="sanitizer: $(grep -m1 -e ERROR -e 'runtime error' err.txt)"
			[ $rc -ge 98 ] && bad="crash ($rc)"
			[ $rc -eq 0 ] && ! { cmp -s clean.yaml work.yaml &&
			    cmp -s clean.txt out.txt; } &&
			    bad="exit 0 after a failed allocation, and not the output of a clean run"
			[ -z "$bad" ] && [ $rc -ne 0 ] && [ "$(grep -v 'injected allocation' err.txt | wc -c)" -eq 0 ] && bad="no message"
			case $name in *append*) ;; *)
				[ $rc -ne 0 ] && ! cmp -s "$file" work.yaml &&
				    bad="file changed on failure" ;;
			esac
			case $name in *append*)
				[ $rc -ne 0 ] && ! cmp -s "$file" work.yaml &&
				    bad="file changed on failure" ;;
			esac
			if [ -n "$bad" ]; then
				failed=$((failed + 1))
				echo "FAIL fault $name, allocation $n: $bad"
			fi
		fi
		n=$((n + stride))
	done
	case $stride in
	1) which="each" ;;
	*1[123]) which="every ${stride}th" ;;
	*1) which="every ${stride}st" ;;
	*2) which="every ${stride}nd" ;;
	*3) which="every ${stride}rd" ;;
	*) which="every ${stride}th" ;;
	esac
	echo "fault $name: ${total:-?} allocations, $which failed in turn"
}
path plan-inplace s.yaml align-plan -i work.yaml --title Changed
path capture-append captured.yaml align-capture -a work.yaml "$EX/responses.txt" --participant Zoe
path capture-csv s.yaml align-capture -f yaml --csv "$TOP/tests/cli/data/google-forms.csv"
path capture-anonymous captured.yaml env ALIGN_KEY=00112233445566778899aabbccddeeff \
    align-capture --anonymous -f yaml work.yaml
path theme-inplace captured.yaml align-theme -i work.yaml
path distill-inplace themed.yaml align-distill -i work.yaml --vote Ana=p1,p2
path followup-plan agreed.yaml align-followup plan -i work.yaml
path followup-replan planned.yaml align-followup plan -i work.yaml
path followup-revise planned.yaml align-followup plan -i work.yaml \
    --date 2027-01-20T12:00Z
path followup-report planned.yaml align-followup report work.yaml
path followup-ics planned.yaml align-followup plan -f ics work.yaml
path followup-plan-zone agreed.yaml align-followup plan -i work.yaml \
    --tz America/New_York --pair-time 16:00
path followup-show-ics planned.yaml align-followup show -f ics --per-pair \
    --tz Australia/Sydney work.yaml
path followup-show planned.yaml align-followup show --tz Europe/Berlin work.yaml
path capture-html captured.yaml align-capture -f html work.yaml
path followup-checkin planned.yaml sh -c 'printf "Ana: p1 success: stayed\nBen: p2 mixed\n" |
    align-followup checkin -f yaml --now 2027-01-14T13:00Z work.yaml'
path followup-due-append planned.yaml align-followup due --mark \
    --now 2027-01-16T08:00Z work.yaml
path merge m-ours.yaml align-merge agreed.yaml work.yaml m-theirs.yaml
path followup-due-zone planned.yaml align-followup due --within 2d \
    --tz America/New_York --now 2027-01-19T08:00Z work.yaml
printf 'fault: %d paths, %d allocation failures injected, %d failed, %d passed\n' \
    "$paths" "$injected" "$failed" $((injected - failed))
printf '%d passed, %d failed\n' $((injected - failed)) "$failed"
[ "$failed" -eq 0 ]
