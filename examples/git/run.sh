#!/bin/sh
# Sessions in git: facilitators work on branches, and merging them keeps
# everyone's work.  Git's line-wise merge would interleave two documents
# that share lines ("kind: response") and cannot tell a key from a line,
# so align-merge merges: three-way, by record and by key.  Two rooms
# capture responses, one of them also takes the votes; then both move the
# meeting, which is a conflict that a person resolves.
#   sh examples/git/run.sh [DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/align-git.XXXXXX")}
mkdir -p "$out"
cd "$out"
ALIGN_NOW=2026-12-02T12:30:00-05:00
export ALIGN_NOW
git init -q sessions
cd sessions
git config user.name Facilitator
git config user.email facilitator@example.org
# The merge driver, once a repository (or in ~/.gitconfig), and the
# attribute that names it, committed.
git config merge.align.name "align: three-way, by record and by key"
git config merge.align.driver 'align-merge %O %A %B'
echo '*.align.yaml merge=align' >.gitattributes
align-plan --new -f yaml --title "Leadership alignment" \
    --date 2026-12-02T12:00-05:00 --place "Room 4" \
    --participants-file "$here/leadership/participants.txt" >s.align.yaml
git add . && git commit -qm "Plan the session"
# Room A takes down responses 1 to 9, room B 7 to 18: three in both.
git checkout -qb room-a
head -9 "$here/leadership/responses.txt" |
    align-capture --now 2026-12-02T12:20:00-05:00 -a s.align.yaml
git commit -qam "Room A"
git checkout -q -
git checkout -qb room-b
tail -n +7 "$here/leadership/responses.txt" |
    align-capture --now 2026-12-02T12:25:00-05:00 -a s.align.yaml
git commit -qam "Room B"
git checkout -q room-a
git merge -q --no-edit room-b
echo "merged: $(align-capture -f csv s.align.yaml | tail -n +2 | wc -l) responses"

# Both rooms move the meeting: the same key changed on both sides.
git checkout -qb move-a
align-plan -i s.align.yaml --place "Room 7"
git commit -qam "Room 7"
git checkout -q room-a
git checkout -qb move-b
align-plan -i s.align.yaml --place "Room 9"
git commit -qam "Room 9"
git checkout -q move-a
if git merge -q --no-edit move-b 2>/dev/null; then
	echo "no conflict?" >&2
	exit 1
fi
echo "conflict:"
sed -n '/^<<<<<<< /,/^>>>>>>> /p' s.align.yaml
# Until it is resolved, the tools refuse the file...
align-plan -f text s.align.yaml 2>&1 >/dev/null | sed 's/^/refused: /' || true
# ...and a person keeps Room 9 (theirs), removing the markers.
sed '/^<<<<<<< /,/^=======$/d; /^>>>>>>> /d' s.align.yaml >s.resolved
mv s.resolved s.align.yaml
git add s.align.yaml
git commit -qm "Merge move-b: Room 9"
echo "resolved: $(sed -n 's/^place: //p' s.align.yaml)," \
    "$(align-capture -f csv s.align.yaml | tail -n +2 | wc -l) responses"
