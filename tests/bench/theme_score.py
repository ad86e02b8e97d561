#!/usr/bin/python3
"""How well the shipped align-theme, with its defaults, finds themes
against gold labels.

  theme_score.py ALIGN_THEME stories TSV SPLIT [ARGS...]
  theme_score.py ALIGN_THEME set TEXTS LABELS [ARGS...]

stories: the stories of one split of tests/data/stories/stories.tsv, as
one meeting (each story a response, its participant named).  set: a text
a line and its label a line (the short-text sets), responses unnamed.
ARGS go to align-theme (--seed 2, --no-lexicon).  Prints one line ending
"NMI x ARI y".  ARI counts each response in no theme as a group of its
own (a theme nobody was given is no grouping); NMI counts them as one
group.  For stories, also the share of translations that land in the
theme of their English original ("cross").
"""
import csv, io, json, subprocess, sys
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def responses(rows):
    out = []
    for r in rows:
        out.append('---\nkind: response\nid: %s\n' % r['id'])
        if r.get('participant'):
            out.append('participant: %s\n' % json.dumps(r['participant'],
                                                        ensure_ascii=False))
        out.append('text: %s\n' % json.dumps(r['text'], ensure_ascii=False))
    return ''.join(out)


def themes(tool, rows, args):
    out = subprocess.run([tool, '-f', 'csv', *args], input=responses(rows),
                         capture_output=True, text=True, check=True).stdout
    th = {}
    for rec in list(csv.reader(io.StringIO(out)))[1:]:
        if len(rec) > 1 and rec[1]:
            th[rec[0]] = rec[1]
    return th


def main():
    tool, kind, a, b = sys.argv[1:5]
    args = sys.argv[5:]
    if kind == 'stories':
        rows = [r for r in csv.DictReader(open(a, encoding='utf-8'),
                                          delimiter='\t') if r['split'] == b]
    else:
        texts = open(a, encoding='utf-8').read().splitlines()
        labels = open(b, encoding='utf-8').read().splitlines()
        rows = [{'id': 'r%05d' % i, 'text': t, 'label': l}
                for i, (t, l) in enumerate(zip(texts, labels))]
    th = themes(tool, rows, args)
    gold = [r['label'] for r in rows]
    strict = [th.get(r['id'], 'none-' + r['id']) for r in rows]
    joined = [th.get(r['id'], '') for r in rows]
    nmi = normalized_mutual_info_score(gold, joined)
    ari = adjusted_rand_score(gold, strict)
    un = sum(1 for r in rows if r['id'] not in th)
    k = len(set(th.values()))
    line = 'n %d themes %d unthemed %d' % (len(rows), k, un)
    if kind == 'stories':
        idx = {r['id']: r for r in rows}
        tr = [r for r in rows if r['translation_of'] in idx]
        cross = sum(1 for r in tr if r['id'] in th and
                    th.get(r['translation_of']) == th[r['id']])
        line += ' cross %.2f' % (cross / len(tr) if tr else 0)
    print('%s NMI %.3f ARI %.3f' % (line, nmi, ari))


if __name__ == '__main__':
    main()
