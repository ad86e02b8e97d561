#!/usr/bin/python3
"""The peer: TF-IDF and k-means from Debian's python3-sklearn, given the
true number of clusters.

    kmeans.py [--mini] [--seed N] TEXTS LABELS
                                        print NMI and ARI; N (default
                                        0) is k-means' random_state, so
                                        that the peer can be run seed
                                        for seed beside align-theme
    kmeans.py --time K TEXTS [PRED]     only cluster (for timing), as
                                        --mini does; write the cluster of
                                        each text, one a line, to PRED
                                        (nmi.py --labels scores it)
"""
import sys

from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def main(argv):
    mini = "--mini" in argv
    argv = [a for a in argv if a != "--mini"]
    seed = 0
    if argv[0] == "--seed":
        seed, argv = int(argv[1]), argv[2:]
    if argv[0] == "--time":
        k, texts = int(argv[1]), open(argv[2], encoding="utf-8").read().splitlines()
        x = TfidfVectorizer().fit_transform(texts)
        pred = MiniBatchKMeans(n_clusters=k, random_state=0,
                               n_init=3).fit_predict(x)
        if len(argv) > 3:
            with open(argv[3], "w") as out:
                out.write("".join("%d\n" % p for p in pred))
        return
    texts = open(argv[0], encoding="utf-8").read().splitlines()
    labels = open(argv[1], encoding="utf-8").read().splitlines()
    k = len(set(labels))
    x = TfidfVectorizer().fit_transform(texts)
    if mini:
        model = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3)
    else:
        model = KMeans(n_clusters=k, random_state=seed, n_init=10)
    pred = model.fit_predict(x)
    print("%s k=%d NMI %.3f ARI %.3f" % (
        "minibatch-kmeans" if mini else "kmeans", k,
        normalized_mutual_info_score(labels, pred),
        adjusted_rand_score(labels, pred)))


main(sys.argv[1:])
