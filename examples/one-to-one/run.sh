#!/bin/sh
# Realigning one manager: a CEO and a VP of sales who keeps pushing
# discount-heavy deals against a profitable-growth strategy.  A
# one-to-one to hear the VP's view and find the root cause; shared goals,
# one of them measured; the support promised; acknowledge, commit, act;
# six weekly reviews; recognition.  Every record written is shown.
#   sh examples/one-to-one/run.sh [DIR]
set -eu
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/align-one.XXXXXX")}
mkdir -p "$out"
cd "$out"
export ALIGN_NOW=2027-02-01T09:00:00-05:00 ALIGN_GIT_OK=1
f=victor.align.yaml

# The conversation itself: its own agenda, a weekly invitation for two.
align-plan --new -f yaml --one-to-one --with "Victor Hale" \
    --facilitator "Cleo Park" --private --tz America/New_York \
    --date 2027-02-01T10:00-05:00 >$f
align-plan -f text $f
align-plan -f ics --count 7 $f >invitation.ics

# What the conversation found and agreed: one series of weekly reviews.
align-followup plan -i $f --with Victor --leader Cleo --count 6 \
    --date 2027-02-08T10:00 \
    --view "Discounts are the only way to make the quarter" \
    --root-cause "Sales pay on revenue, not on margin" \
    --role "Owns the margin of every enterprise deal" \
    --acknowledge "My team's discounting works against profitable growth" \
    --support "A deal desk that answers within a day" \
    --goal "Gross margin of new deals at least 38 %" \
    --measure "gross margin" --target 38 --unit % \
    --goal "The sales team can say why margin matters" \
    --commit "Victor:No discount above 15 % without the deal desk" \
    --commit "Victor:Present the margin dashboard each Monday" \
    --due 2027-03-01 \
    --commit "Cleo:Propose a sales plan paid on margin" --due 2027-02-22

# Six weekly reviews: one command a week, or the short prompt (week 3).
review() { ALIGN_NOW=$1T11:00:00-05:00; export ALIGN_NOW; shift
	align-followup review -i $f "$@"; }
review 2027-02-08 --value g1=33 --outcome c1=success --note "A first week"
review 2027-02-15 --value g1=34.5 --outcome c1=failure \
    --note "Two deals at 22 %"
printf '35\nfailure\n\ndone\nStill discounting at quarter end\n\n' |
    review 2027-02-22
# Half-way: a new commitment, c4, in the same series.
ALIGN_NOW=2027-02-23T09:00:00-05:00 align-followup plan -i $f --with Victor \
    --commit "Victor:Coach two reps on value selling" --due 2027-03-12
review 2027-03-01 --value g1=36.5 --outcome c1=success --outcome c4=success
review 2027-03-08 --value g1=38 --outcome c1=success \
    --recognition "Thanked Victor at the all-hands for the Acme deal at 41 %"
review 2027-03-15 --value g1=39.2 --outcome c1=success --done c4

ALIGN_NOW=2027-03-16T09:00:00-04:00
align-followup report $f
align-followup due $f || true
ls -l $f | cut -c1-10
