#!/usr/bin/env python3
"""Pass-through against PyYAML: every valid YAML stream of one mapping
(tests/cli/data/yaml-keys: cases written by hand), made a record by two
keys put in front (kind: suite, id: ...), goes through a tool that does not
own it.  The tool must give back the same data as PyYAML reads in the
input, types and all, or refuse it with status 65 and a message with a
line and a column.

    yamlsuite.py [--with FILE] DIR TOOL [ARG...]

(--with FILE: records appended to every stream, such as a response for
align-theme, which has nothing to do without one.)

Prints one line a case that fails and a summary; exits 1 when one does.
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml


def canon(x):
    """x as a value that is equal only for data of the same types: 1,
    1.0 and True are three keys, as they are three scalars in YAML."""
    if isinstance(x, dict):
        return ('map', tuple(sorted((canon(k), canon(v))
                                    for k, v in x.items())))
    if isinstance(x, list):
        return ('seq', tuple(canon(v) for v in x))
    return (type(x).__name__, repr(x))


# PyYAML over libyaml where it has it (as the tools do); its own parser
# otherwise.  Either resolves types as YAML 1.1 does.
LOADER = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)


def load(text):
    return yaml.load(text, Loader=LOADER)


PROPS = re.compile(r'^\s*((![^\s]*|&[^\s]+)\s*)+$')


def as_record(text, name):
    """text with "kind" and "id" put first in its root mapping, or None.
    A stream that does not start with "---" or a directive gets "---" in
    front, as a session stream does, for else it would be plain text."""
    first = [s for s in text.split('\n')
             if s.strip() and not s.startswith('#')][:1]
    if first and not first[0].startswith(('---', '%')):
        text = '---\n' + text
    lines = text.split('\n')
    for i, line in enumerate(lines):
        s = line.strip()
        if s == '' or s.startswith('#') or s.startswith('%') or \
                PROPS.match(line):
            continue
        if s.startswith('---'):
            rest = s[3:].strip()
            if rest == '' or rest.startswith('#') or PROPS.match(rest):
                continue
            line, s = rest, rest
            prefix = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
            prefix += '--- '
        else:
            prefix = ''
        body = re.sub(r'^((![^\s]*|&[^\s]+)\s+)*', '', s)
        if body.startswith('{'):
            at = lines[i].index('{', len(lines[i]) - len(lines[i].lstrip()))
            lines[i] = lines[i][:at + 1] + \
                'kind: suite, id: "%s", ' % name + lines[i][at + 1:]
            return '\n'.join(lines)
        if prefix:
            return None
        ind = line[:len(line) - len(line.lstrip())]
        lines[i:i] = [ind + 'kind: suite', ind + 'id: "%s"' % name]
        return '\n'.join(lines)
    return None


def main():
    extra = ''
    if sys.argv[1] == '--with':     # records the tool's step needs
        extra = open(sys.argv[2], encoding='utf-8').read()
        del sys.argv[1:3]
    where, tool = sys.argv[1], sys.argv[2:]
    counts = {'same': 0, 'refused': 0, 'not for PyYAML': 0,
              'not a record': 0, 'FAILED': 0}
    refusals = {}
    for f in sorted(os.listdir(where)):
        name = f.rsplit('.', 1)[0]
        text = open(os.path.join(where, f), encoding='utf-8').read()
        try:
            want = load(text)
        except yaml.YAMLError:
            counts['not for PyYAML'] += 1
            continue
        rec = as_record(text, name) if isinstance(want, dict) and \
            'kind' not in want and 'id' not in want else None
        try:
            made = load(rec) if rec is not None else None
        except yaml.YAMLError:
            made = None
        want = dict(want or {}, kind='suite', id=name) \
            if isinstance(want, dict) else None
        if made is None or canon(made) != canon(want):
            counts['not a record'] += 1
            continue
        with tempfile.NamedTemporaryFile('w', suffix='.yaml',
                                         delete=False) as t:
            t.write(rec + extra)
        p = subprocess.run(tool + [t.name], capture_output=True)
        os.unlink(t.name)
        err = p.stderr.decode('utf-8', 'replace').strip()
        if p.returncode == 65 and re.search(r'\.yaml:\d+:\d+: ', err):
            counts['refused'] += 1
            why = re.sub(r'^.*?\.yaml:\d+:\d+: ', '', err)
            why = re.sub(r"'[^']*'", "'...'", why)
            refusals.setdefault(why, []).append(name)
            continue
        got = None
        if p.returncode == 0:
            docs = [d for d in yaml.load_all(p.stdout, Loader=LOADER)
                    if isinstance(d, dict) and d.get('kind') == 'suite']
            got = docs[0] if len(docs) == 1 else docs
        if p.returncode == 0 and canon(got) == canon(want):
            counts['same'] += 1
            continue
        counts['FAILED'] += 1
        print('FAILED %s: status %d %s\n  in:  %r\n  out: %r' %
              (name, p.returncode, err[:200], want, got))
    for why, names in sorted(refusals.items()):
        print('refused (%s): %s' % (why, ' '.join(names)))
    print(', '.join('%s %d' % kv for kv in counts.items()))
    return 1 if counts['FAILED'] else 0


if __name__ == '__main__':
    sys.exit(main())
