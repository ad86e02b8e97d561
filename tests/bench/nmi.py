#!/usr/bin/python3
"""NMI and ARI of align-theme's themes on generated responses.

    nmi.py THEMES.csv LABELS
    nmi.py --labels PRED LABELS

THEMES.csv is `align-theme -f csv` of a stream made by `gen N SEED yaml`
(or its response and theme columns), whose response ids are r-<line
number in hexadecimal>; LABELS holds the gold theme of each line.  A
response in no theme counts as a group of its own kind.  With --labels,
PRED holds a group a line, as `kmeans.py --time` writes them.
"""
import csv
import sys

from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

if sys.argv[1] == "--labels":
    pred = open(sys.argv[2]).read().split()
    gold = open(sys.argv[3]).read().split()
else:
    gold = open(sys.argv[2]).read().split()
    pred = ["none"] * len(gold)
    for row in csv.DictReader(open(sys.argv[1], newline="")):
        pred[int(row["response"][2:], 16)] = row["theme"]
print("NMI %.3f ARI %.3f" % (normalized_mutual_info_score(gold, pred),
                             adjusted_rand_score(gold, pred)))
