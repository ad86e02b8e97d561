#!/bin/sh
# make screenshots: the pages of the bundled session (examples/leadership),
# shot in headless Chromium into a folder the README links.
#	sh tests/browser/screenshots.sh build/bin doc/screenshots
set -eu
BIN=$(cd "$1" && pwd)
OUT=$2
TOP=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/align-shots.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
S=$TOP/examples/leadership/session.align.yaml
export LC_ALL=C.UTF-8 TZ=UTC
"$BIN/align-capture" -f html "$S" >"$T/board.html"
# As the other families gain a page, they join here: name=page.
python3 "$TOP/tests/browser/shoot.py" "$OUT" board="$T/board.html"
