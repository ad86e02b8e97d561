#!/usr/bin/env python3
"""Sanity checks for stories.tsv (the held-out story set); prints a counts table."""
import collections, os, re, sys, unicodedata

PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "stories.tsv")
HEADER = ["id", "split", "label", "lang", "translation_of", "participant", "text"]
LABELS = ["present", "mentor", "listen", "expectations", "recognition", "trust", "safety"]
LANGS = ["en", "es", "de", "fr"]
errors = []
def err(msg): errors.append(msg)

raw = open(PATH, "rb").read()
text = raw.decode("utf-8")                      # must be valid UTF-8
if "\r" in text: err("CR characters present")
lines = text.split("\n")
if lines[-1] == "": lines = lines[:-1]
if lines[0].split("\t") != HEADER: err("bad header: %r" % lines[0])
rows = []
for n, line in enumerate(lines[1:], 2):
    cols = line.split("\t")
    if len(cols) != 7: err("line %d: %d columns" % (n, len(cols))); continue
    rows.append(dict(zip(HEADER, cols)))
if len(rows) != 287: err("expected 287 data lines, got %d" % len(rows))

byid = {}
for i, r in enumerate(rows, 1):
    if r["id"] != "s%03d" % i: err("id out of sequence: %s" % r["id"])
    byid[r["id"]] = r
    if r["split"] not in ("dev", "test"): err("%s bad split" % r["id"])
    if r["label"] not in LABELS: err("%s bad label" % r["id"])
    if r["lang"] not in LANGS: err("%s bad lang" % r["id"])
    if not r["text"].strip(): err("%s empty text" % r["id"])
    if not r["participant"].strip(): err("%s empty participant" % r["id"])
    if unicodedata.normalize("NFC", r["text"]) != r["text"]: err("%s text not NFC" % r["id"])
    w = len(r["text"].split())
    if not 12 <= w <= 60: err("%s has %d words" % (r["id"], w))

for r in rows:
    t = r["translation_of"]
    if t:
        o = byid.get(t)
        if o is None: err("%s translation_of unknown %s" % (r["id"], t)); continue
        if r["lang"] == "en": err("%s: translation in English" % r["id"])
        if o["lang"] != "en" or o["translation_of"]: err("%s: source %s not an English original" % (r["id"], t))
        if o["label"] != r["label"]: err("%s: label differs from %s" % (r["id"], t))
        if o["split"] != r["split"]: err("%s: split differs from %s" % (r["id"], t))

# each translated English story has exactly one translation per other language
tr = collections.defaultdict(list)
for r in rows:
    if r["translation_of"]: tr[r["translation_of"]].append(r["lang"])
for src, langs in tr.items():
    if sorted(langs) != ["de", "es", "fr"]: err("%s translated into %s" % (src, langs))

norm = lambda s: re.sub(r"\W+", " ", s.lower()).strip()
seen = {}
for r in rows:
    k = norm(r["text"])
    if k in seen: err("duplicate text: %s and %s" % (seen[k], r["id"]))
    seen[k] = r["id"]

# expected counts
orig = collections.Counter((r["label"], r["lang"], r["split"]) for r in rows if not r["translation_of"])
trans = collections.Counter((r["label"], r["lang"], r["split"]) for r in rows if r["translation_of"])
for lab in LABELS:
    for lang in LANGS:
        want = 7 if lang == "en" else 3
        for sp in ("dev", "test"):
            if orig[(lab, lang, sp)] != want:
                err("%s/%s/%s: %d originals, want %d" % (lab, lang, sp, orig[(lab, lang, sp)], want))
    ntr = sum(v for (l, _, _), v in trans.items() if l == lab)
    if ntr != 9: err("%s: %d translations, want 9" % (lab, ntr))
    nsrc = len({r["translation_of"] for r in rows if r["translation_of"] and r["label"] == lab})
    if nsrc != 3: err("%s: %d translated English stories, want 3" % (lab, nsrc))

names = collections.Counter((r["lang"], r["participant"]) for r in rows)
for (lang, nm), c in names.items():
    if not 3 <= c <= 8: err("participant %s used %d times" % (nm, c))

# table: originals (+translations) per label x lang x split
print("Counts: originals + translations (total) per label / language / split\n")
hdr = ["label"] + ["%s-%s" % (l, s) for l in LANGS for s in ("dev", "test")] + ["dev", "test", "total"]
print("  ".join("%-12s" % hdr[0:1][0] if i == 0 else "%8s" % h for i, h in enumerate(hdr)))
tot = collections.Counter()
for lab in LABELS:
    cells = []
    for lang in LANGS:
        for sp in ("dev", "test"):
            o, t = orig[(lab, lang, sp)], trans[(lab, lang, sp)]
            cells.append("%d+%d" % (o, t) if t else "%d" % o)
            tot[(lang, sp, "o")] += o; tot[(lang, sp, "t")] += t
    dev = sum(1 for r in rows if r["label"] == lab and r["split"] == "dev")
    test = sum(1 for r in rows if r["label"] == lab and r["split"] == "test")
    print("%-12s  " % lab + "  ".join("%8s" % c for c in cells) + "  %8d  %8d  %8d" % (dev, test, dev + test))
cells = []
for lang in LANGS:
    for sp in ("dev", "test"):
        o, t = tot[(lang, sp, "o")], tot[(lang, sp, "t")]
        cells.append("%d+%d" % (o, t) if t else "%d" % o)
dev = sum(1 for r in rows if r["split"] == "dev"); test = len(rows) - dev
print("%-12s  " % "all" + "  ".join("%8s" % c for c in cells) + "  %8d  %8d  %8d" % (dev, test, len(rows)))
print("\nper language:", dict(collections.Counter(r["lang"] for r in rows)),
      " originals:", sum(1 for r in rows if not r["translation_of"]),
      " translations:", sum(1 for r in rows if r["translation_of"]))
print("participants:", len(names), " uses per name: min %d max %d" % (min(names.values()), max(names.values())))
wc = [len(r["text"].split()) for r in rows]
print("words per story: min %d max %d mean %.1f" % (min(wc), max(wc), sum(wc) / len(wc)))
if errors:
    print("\nERRORS (%d):" % len(errors)); [print("  " + e) for e in errors]; sys.exit(1)
print("\nall checks passed")
