#!/bin/sh
# An organisation-wide survey: a Google Forms export of 300 comments,
# captured without names, themed and distilled.
#   sh examples/survey/run.sh [DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/align-survey.XXXXXX")}
mkdir -p "$out"
cd "$out"
ALIGN_NOW=2026-12-04T09:00:00-05:00 ALIGN_KEY=5f1e0c6b9a8d7e2f3a4b5c6d7e8f9a0b
TZ=America/New_York
export ALIGN_NOW ALIGN_KEY TZ
align-plan --new -f yaml --title "Manager survey, December" >survey.align.yaml
align-capture --anonymous -a survey.align.yaml --csv "$here/survey.csv"
align-theme -i survey.align.yaml
align-theme -f text survey.align.yaml
align-distill -i survey.align.yaml --max 6
align-distill -f markdown --max 6 survey.align.yaml
