#!/usr/bin/python3
"""How the shipped align-theme groups meetings of a given size: the mean
and spread of its scores over random draws of stories from one split of
tests/data/stories/stories.tsv, each draw one meeting.

  theme_draws.py ALIGN_THEME TSV SPLIT SIZE DRAWS [ARGS...]

Draw d is random.Random(d).sample(stories, SIZE): the same draws for
every build, so that two builds or two sets of tables (ALIGN_DATA)
compare meeting for meeting.  ARGS go to align-theme.  Prints one line:
"size S draws D ARI mean m sd s se e" (ARI as theme_score.py counts it,
each response in no theme a group of its own).  The spread says which
differences the split can tell: on the development half, one meeting of
60 stories has a standard deviation of about 0.05.
"""
import csv, os, random, statistics, sys

from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import theme_score  # noqa: E402


def main():
    tool, tsv, split, size, draws = sys.argv[1:6]
    args = sys.argv[6:]
    rows = [r for r in csv.DictReader(open(tsv, encoding='utf-8'),
                                      delimiter='\t') if r['split'] == split]
    size, draws = min(int(size), len(rows)), int(draws)
    ari = []
    for d in range(draws):
        sub = random.Random(d).sample(rows, size)
        th = theme_score.themes(tool, sub, args)
        ari.append(adjusted_rand_score(
            [r['label'] for r in sub],
            [th.get(r['id'], 'none-' + r['id']) for r in sub]))
    sd = statistics.pstdev(ari)
    print('size %d draws %d ARI mean %.3f sd %.3f se %.3f' % (
        size, draws, statistics.mean(ari), sd, sd / draws ** 0.5))


if __name__ == '__main__':
    main()
