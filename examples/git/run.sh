#!/bin/sh
# Sessions in git: facilitators capture on branches, and merging them
# loses nothing and duplicates nothing.  Records are whole documents with
# unique ids; git's line-wise union merge would interleave two documents
# that share lines ("kind: response"), so the merge is done by align
# itself: the union of the two streams, the first of two records with the
# same id kept.
#   sh examples/git/run.sh [DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/align-git.XXXXXX")}
mkdir -p "$out"
cd "$out"
git init -q sessions
cd sessions
git config user.name Facilitator
git config user.email facilitator@example.org
# The merge driver, once a repository (or in ~/.gitconfig), and the
# attribute that names it, committed.
git config merge.align.name "align: the union of two streams, by id"
git config merge.align.driver \
    'align-capture -f yaml %A %B >%A.align && mv %A.align %A'
echo '*.align.yaml merge=align' >.gitattributes
align-plan --new -f yaml --title "Leadership alignment" \
    --date 2026-12-02T12:00-05:00 \
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
