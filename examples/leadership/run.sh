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
# The themes of the method's lexicon alone, so that every machine writes
# the same bytes and the whiteboard below (principles.txt) names the six
# drafts it rewords: the data tables of `make data` group these fourteen
# responses into five themes, not six.
ALIGN_DATA=
export ALIGN_NOW ALIGN_DATA

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
echo "== Step 7: distill the principles everyone agrees to embody (align-distill)"
align-distill -i session.align.yaml
# The group rewords the list on the whiteboard, merging two lines...
align-distill -i session.align.yaml --list "$here/principles.txt"
# ...gives its dots...
align-distill -i session.align.yaml --vote Ana=p1,p2,p3 --vote Ben=p2,p2,p4 \
    --vote Carla=p1,p3,p5 --vote Dev=p4,p4,p1 --vote Elif=p2,p6,p3 \
    --vote Femi=p6,p5,p1 --vote Greta=p3,p3,p2
# ...and everyone agrees.
for who in $(grep -v '^#' "$here/participants.txt"); do
	align-distill -i session.align.yaml --agree "$who"
done
align-distill --check session.align.yaml && echo "The list is final."
align-distill -f text session.align.yaml

echo
echo "== Step 8: pair up and plan the follow-up six weeks out (align-followup)"
# In the group's zone, which the session keeps: noon stays noon.
align-followup plan -i session.align.yaml --tz America/New_York
align-followup show session.align.yaml
align-followup show -f ics --per-pair session.align.yaml >followup.ics
echo
echo "Six weeks later, each person reflects:"
align-followup checkin -a session.align.yaml --now 2027-01-13T13:30:00-05:00 <<'CHECKIN'
Ana: p1 success: Taught Dev the budget review, line by line
Ben: p2 failure: Left early the night of the outage
Carla: p3 mixed: Listened in the retro, then decided alone
Dev: p4 success: Thanked the migration team in the all-hands
CHECKIN
align-followup report session.align.yaml
echo
echo "What cron would send that morning:"
align-followup due --now 2027-01-14T08:00:00-05:00 session.align.yaml || true

echo
echo "Session file: $out/session.align.yaml"
