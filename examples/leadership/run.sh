#!/bin/sh
# The source's own story, end to end: a seven-manager leadership session.
# Rebuilds the session file from the files beside this script with the
# align tools on PATH, into DIR (default: a new temporary directory), and
# shows what the room would see at each step.
#
#   sh examples/leadership/run.sh [DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/align-demo.XXXXXX")}
mkdir -p "$out"
cd "$out"
# A fixed clock, so that every run writes the same bytes.
ALIGN_NOW=2026-12-02T12:00:00-05:00
export ALIGN_NOW

echo "== Steps 1-4: plan the meeting (align-plan)"
align-plan --new -f yaml --title "Leadership alignment" \
    --date 2026-12-02T12:00-05:00 --place "Room 4" --facilitator Eric \
    --participants-file "$here/participants.txt" >session.align.yaml
align-plan -f text session.align.yaml
align-plan -f ics session.align.yaml >invite.ics

echo
echo "== Step 5: every response where all can see it (align-capture)"
align-capture -a session.align.yaml "$here/responses.txt"
align-capture -f text session.align.yaml

echo
echo "== Step 6: the group names the themes (align-theme)"
align-theme -i session.align.yaml
align-theme -f text session.align.yaml

echo
echo "Session file: $out/session.align.yaml"
