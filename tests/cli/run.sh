#!/bin/sh
# Command-line tests: run every tests/cli/*.test file against the tools in
# the directory given ($1).  Each test file is a shell script that calls
# the helpers below; golden outputs live in tests/cli/golden/.
#
#   sh tests/cli/run.sh build/bin            run them
#   UPDATE=1 sh tests/cli/run.sh build/bin   rewrite the golden files
#   sh tests/cli/run.sh build/bin plan       only plan.test
set -u
BIN=$(cd "$1" && pwd)
shift
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
GOLDEN=$HERE/golden
PY=${PYTHON:-/usr/bin/python3}
PATH=$BIN:$PATH
COLUMNS=80
export PATH LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 COLUMNS
unset ALIGN_NOW ALIGN_TODAY
# align-theme's data tables (make data), when made: only the tests that
# ask for them (ALIGN_DATA=$TABLES) see them.
TABLES=$BIN/../share/align
ALIGN_DATA=
export ALIGN_DATA
T=$(mktemp -d "${TMPDIR:-/tmp}/align-cli.XXXXXX")
# Indexes of ids (align-capture -a) in the run's own cache, not the user's.
XDG_CACHE_HOME=$T/cache
export XDG_CACHE_HOME
trap 'rm -rf "$T"' EXIT INT TERM
passed=0 failed=0 skipped=0

# Each test file runs in a subshell and reports a line a check.
pass() { echo PASS; }
fail() { printf 'FAIL %s: %s\n' "$CASE" "$*"; }
# skip WHY: checks that cannot run here, said, never silently passed.
skip() { printf 'SKIP %s: %s\n' "$CASE" "$*"; }

# run CMD...: run it with stdin from /dev/null unless redirected by the
# caller; stdout to $T/out, stderr to $T/err, status to $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# status N DESC: the last run exited N.
status() {
	if [ "$rc" -eq "$1" ]; then pass; else
		fail "$2: exit $rc, expected $1; stderr: $(head -c 300 "$T/err")"
	fi
}

# golden NAME: the last run's stdout is tests/cli/golden/NAME.  A page
# (NAME.html) is compared without its shared stylesheet and script
# (unstyle.py), which are compared, once a page, with
# golden/html-style.golden and golden/html-script.golden.
golden() {
	case $1 in
	*.html)
		"$PY" "$HERE/unstyle.py" "$T/out" "$T/out.page" "$T/out.css" \
		    "$T/out.js" || fail "unstyle.py $1: status $?"
		compare "$T/out.css" html-style.golden "$1's stylesheet"
		compare "$T/out.js" html-script.golden "$1's script"
		compare "$T/out.page" "$1" "the page"
		;;
	*) compare "$T/out" "$1" output ;;
	esac
}

# compare FILE NAME WHAT: FILE is tests/cli/golden/NAME (UPDATE=1: made so).
compare() {
	if [ "${UPDATE:-}" = 1 ]; then
		mkdir -p "$GOLDEN"
		cp "$1" "$GOLDEN/$2"
	fi
	if [ ! -f "$GOLDEN/$2" ]; then
		fail "no golden file $2"
	elif cmp -s "$1" "$GOLDEN/$2"; then pass; else
		fail "$3 differs from golden/$2:
$(diff -u "$GOLDEN/$2" "$1" | head -20)"
	fi
}

# has FILE PATTERN DESC: FILE matches the grep pattern.
has() {
	if grep -q -e "$2" "$1"; then pass; else
		fail "$3: no '$2' in $(basename "$1"): $(head -c 300 "$1")"
	fi
}
hasnt() {
	if grep -q -e "$2" "$1"; then
		fail "$3: '$2' in $(basename "$1")"
	else pass; fi
}

# same A B DESC: the files are byte-identical.
same() {
	if cmp -s "$1" "$2"; then pass; else
		fail "$3: $(diff -u "$1" "$2" | head -20)"
	fi
}

# ok DESC CMD...: CMD succeeds.
ok() {
	desc=$1
	shift
	if "$@" >"$T/ok.out" 2>&1; then pass; else
		fail "$desc: $(head -c 400 "$T/ok.out")"
	fi
}

for f in "$HERE"/*.test; do
	name=$(basename "$f" .test)
	if [ $# -gt 0 ]; then
		case " $* " in *" $name "*) ;; *) continue ;; esac
	fi
	CASE=$name
	mkdir -p "$T/$name"
	( cd "$T/$name" && . "$f" && echo END ) >"$T/$name.log" 2>&1
	grep -q '^END$' "$T/$name.log" ||
		echo "FAIL $name: the test file stopped before its end" \
		    >>"$T/$name.log"
	# A test file's counts come back through its log.
	p=$(grep -c '^PASS$' "$T/$name.log")
	q=$(grep -c '^FAIL ' "$T/$name.log")
	k=$(grep -c '^SKIP' "$T/$name.log")
	grep -v -e '^PASS$' -e '^END$' "$T/$name.log"
	passed=$((passed + p))
	failed=$((failed + q))
	skipped=$((skipped + k))
done
printf 'cli: %d passed, %d failed, %d skipped\n' "$passed" "$failed" \
    "$skipped"
[ "$failed" -eq 0 ]
