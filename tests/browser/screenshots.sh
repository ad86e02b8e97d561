#!/bin/sh
# make screenshots: the pages of the bundled session (examples/leadership),
# shot in headless Chromium into a folder the README links.
#	sh tests/browser/screenshots.sh build/bin doc/screenshots
# The whiteboard is shot as it stood before the last objection was
# answered; the report after two more rounds of check-ins, made here with
# a fixed clock, so that the same tools give the same shots.
set -eu
BIN=$(cd "$1" && pwd)
OUT=$2
TOP=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/align-shots.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
S=$TOP/examples/leadership/session.align.yaml
PATH=$BIN:$PATH
export PATH LC_ALL=C.UTF-8 TZ=UTC
align-capture -f html "$S" >"$T/board.html"
align-plan -f html "$S" >"$T/agenda.html"
align-theme -f html "$S" >"$T/themes.html"
cp "$S" "$T/mid.yaml"
align-distill -i "$T/mid.yaml" --object "Ben:p5" \
    "Clear to whom? Set them with the team, not for it."
align-distill -f html "$T/mid.yaml" >"$T/whiteboard.html"
align-distill -f html --charter "$S" >"$T/charter.html"

# Six weeks on, and twice more: the rounds and what people wrote.
R=$T/rounds.yaml
cp "$S" "$R"
align-followup checkin -a "$R" --now 2027-01-13T15:00:00-05:00 <<'X'
Femi: p6 failure: Checked on the team's hours every day of the launch week
Greta: p2 failure: Missed the team's hard week: I was at the offsite
Ana: p3 mixed: Let the loud voices run the planning meeting
Dev: p5 failure: Changed the sprint goal twice without saying why
Ben: p4 success: Thanked the support team by name in the all-hands
X
align-followup plan -i "$R" --now 2027-01-14T09:00:00-05:00 \
    --date 2027-02-24T12:00-05:00
align-followup checkin -a "$R" --now 2027-02-24T14:00:00-05:00 <<'X'
Ana: p1 success: Dev presented the budget himself this time
Ana: p3 success: Asked the quiet half of the room first
Ben: p2 success: Stayed with the on-call engineer through the outage
Ben: p5 mixed: Set goals for the quarter; not yet for each person
Carla: p3 success: Started the retro with those who had not spoken
Carla: p6 mixed: Let the team pick its tools, then reviewed every choice
Dev: p5 mixed: Wrote the sprint goal down; changed it once, and said why
Elif: p5 success: Every ticket now says what done means
Femi: p6 mixed: Flexible hours, but I still checked in too often
Greta: p2 mixed: Was there for the release; left before the retro
Greta: p1 success: Taught the new hire how on-call works
X
align-followup checkin -a "$R" --now 2027-02-24T14:30:00-05:00 \
    --participant Dev --principle p4 --outcome success \
    --note "Named each person's part in the launch mail" \
    --recognition "Carla ran the retro so that everyone spoke"
align-followup plan -i "$R" --now 2027-02-25T09:00:00-05:00 \
    --date 2027-04-07T12:00-04:00
align-followup checkin -a "$R" --now 2027-04-07T14:00:00-04:00 <<'X'
Ana: p1 success: Paired Dev with a new manager to teach the budget review
Ana: p3 success: The planning meeting now goes round the table
Ben: p2 success: Sat with the support team through the migration weekend
Ben: p5 success: Each person has written goals for the quarter
Carla: p3 success: Kept a list of the voices not yet heard, and asked them
Carla: p6 success: Stopped reviewing the team's choice of tools
Dev: p4 success: Thanked the migration team by name in the all-hands
Dev: p5 success: The sprint goal stayed put all sprint
Femi: p6 success: Stopped the daily check-ins; the team says when it needs me
Greta: p2 success: Stayed late with the team the night the release slipped
Greta: p4 mixed: Thanked the team, but only in private
X
align-followup checkin -a "$R" --now 2027-04-07T14:30:00-04:00 \
    --participant Femi --principle p6 --outcome success \
    --recognition "Elif's definition of done saved the release"
align-followup report -f html "$R" >"$T/report.html"
# The plan as the room leaves the meeting: the six-week round, then every
# six weeks.
align-followup plan -f html --now 2026-12-02T14:00:00-05:00 --every 6w \
    --count 3 "$S" >"$T/plan.html"
# name=page: name.png, name-present.png and name-phone.png (a page#id is
# shot from the element with that id).
python3 "$TOP/tests/browser/shoot.py" "$OUT" board="$T/board.html" \
    agenda="$T/agenda.html" themes="$T/themes.html" \
    whiteboard="$T/whiteboard.html" \
    charter="$T/charter.html" report="$T/report.html" \
    plan="$T/plan.html"
