#!/bin/sh
# Realigning one manager: a one-to-one to find the root cause, shared
# goals, weekly reviews, acknowledge / commit / act, and recognition.
#   sh examples/one-to-one/run.sh [DIR]
set -eu
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/align-one.XXXXXX")}
mkdir -p "$out"
cd "$out"
export ALIGN_NOW=2027-02-01T09:00:00-05:00
align-plan --new -f yaml --title "Realigning with Dev" --facilitator Eric \
    --participant Eric --participant Dev --date 2027-02-01T10:00-05:00 \
    --duration 45m >dev.align.yaml
printf 'We set clear expectations, in writing, every week.\nWe raise blockers the day we meet them.\n' |
    align-distill -i dev.align.yaml --list -
align-distill -i dev.align.yaml --agree Eric --agree Dev
align-followup plan -i dev.align.yaml --with Dev --leader Eric --count 6 \
    --root-cause "Priorities changed every week without a word" \
    --goal "Priorities in writing each Monday" \
    --goal "No surprise at the quarterly review" \
    --commit "Eric:Send the week's priorities on Monday morning" \
    --commit "Dev:Raise blockers the same day"
for week in 08 15 22; do
	ALIGN_NOW=2027-02-${week}T11:00:00-05:00 align-followup checkin \
	    -a dev.align.yaml --participant Dev --principle p2 \
	    --outcome success --note "Raised the blocker the day it came" \
	    --recognition "Eric thanked Dev in the team meeting"
done
ALIGN_NOW=2027-02-15T11:05:00-05:00 align-followup checkin -a dev.align.yaml \
    --participant Eric --principle p1 --outcome mixed \
    --note "Priorities went out on Tuesday, not Monday"
align-followup report dev.align.yaml
align-followup due --now 2027-02-22T08:00:00-05:00 dev.align.yaml || true
