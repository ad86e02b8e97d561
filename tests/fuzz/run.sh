#!/bin/sh
# Run each fuzz harness for a while on a corpus seeded from the tests, and
# say how many executions it survived.
#   sh tests/fuzz/run.sh DIR SECONDS NAME...
set -u
dir=$1 secs=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
status=0
for f in "$@"; do
	c=$dir/corpus-$f
	mkdir -p "$c"
	case $f in
	reader) cp "$top"/tests/cli/golden/*.yaml "$top"/examples/leadership/*.txt "$c"/ ;;
	csv) cp "$top"/tests/cli/data/*.csv "$c"/ ;;
	time) printf '2026-12-02T12:00:00-05:00' >"$c/iso"
	      printf '12/2/2026 9:05:00 PM' >"$c/us"
	      printf '1h30m' >"$c/span"
	      printf '2026/12/02 12:14:03 PM GMT-5' >"$c/gmt" ;;
	list) cp "$top"/examples/leadership/principles.txt "$c"/ ;;
	zone) for z in America/New_York Australia/Sydney Asia/Kolkata \
	          America/Nuuk Asia/Gaza; do
	          cp "/usr/share/zoneinfo/$z" "$c/$(echo $z | tr / -)"
	      done
	      printf 'EST5EDT,M3.2.0,M11.1.0' >"$c/rule" ;;
	words) cp "$top"/examples/leadership/responses.txt "$c"/
	       printf 'rituals (team rituals): stand-up, retro\n' >"$c/syn" ;;
	esac
	"$dir/fuzz_$f" -max_total_time="$secs" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -dict="$top/tests/fuzz/yaml.dict" \
	    -print_final_stats=1 "$c" >"$dir/$f.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/$f.log")
	if [ $rc -ne 0 ]; then
		status=1
		echo "fuzz_$f: FAILED after ${runs:-?} executions (see $dir/$f.log)"
		grep -m5 -e 'ERROR' -e 'SUMMARY' "$dir/$f.log"
	else
		echo "fuzz_$f: ${runs:-?} executions in $secs s, no failure"
	fi
done
exit $status
