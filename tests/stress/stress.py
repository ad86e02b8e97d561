#!/usr/bin/env python3
"""make stress: many writers on one session file, and kill -9 among them.

People capture (align-capture -a, STRESS_BATCH responses a run) and check
in (align-followup checkin -a, one a run) while align-theme -i,
align-distill -i and align-plan -i rewrite the file in a loop; a killer
sends SIGKILL to a writer at random moments (every STRESS_KILL_EVERY
seconds on average), of any kind, and after each kill reads the file with
a tool, which must exit 0.  It stops when STRESS_APPENDS appended records
have been acknowledged (exit 0), or after STRESS_MINUTES.  Then:

  - every acknowledged record is in the file, once;
  - every killed append is all or nothing;
  - nothing acknowledged is refused (ALIGN_WAIT is generous);
  - every tool reads the file, and PyYAML loads it;
  - after one more writer, nothing is left beside the file (lock file,
    journal, temporary files of killed rewrites) nor in TMPDIR.

  python3 tests/stress/stress.py BINDIR
  STRESS_APPENDS=20000 STRESS_BATCH=20 STRESS_MINUTES=14 ...
"""
import datetime
import glob
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

import yaml

BIN = os.path.abspath(sys.argv[1])
TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EX = os.path.join(TOP, "examples", "leadership")
TARGET = int(os.environ.get("STRESS_APPENDS", "20000"))
BATCH = int(os.environ.get("STRESS_BATCH", "20"))
CAPTURERS = int(os.environ.get("STRESS_CAPTURERS", "6"))
CHECKERS = int(os.environ.get("STRESS_CHECKERS", "2"))
KILL_EVERY = float(os.environ.get("STRESS_KILL_EVERY", "0.25"))
MINUTES = float(os.environ.get("STRESS_MINUTES", "14"))
SEED = int(os.environ.get("STRESS_SEED", "1"))
NOW = "2026-12-02T12:30:00-05:00"

work = tempfile.mkdtemp(prefix="align-stress.",
                        dir=os.environ.get("TMPDIR", "/tmp"))
scratch = os.path.join(work, "tmp")
os.mkdir(scratch)
env = dict(os.environ, PATH=BIN + os.pathsep + os.environ["PATH"],
           TMPDIR=scratch, ALIGN_WAIT="600", LC_ALL="C.UTF-8", TZ="UTC")
env.pop("ALIGN_NOW", None)
os.chdir(work)
S = "s.yaml"


def tool(*args, **kw):
    return subprocess.run(list(args), env=env, cwd=work,
                          stdout=subprocess.DEVNULL, **kw)


# The session: planned, captured, themed, distilled, agreed, a round.
with open(S, "wb") as f:
    subprocess.run(["align-plan", "--new", "-f", "yaml", "--title",
                    "Leadership alignment", "--date",
                    "2026-12-02T12:00-05:00", "--participants-file",
                    os.path.join(EX, "participants.txt")],
                   env=env, stdout=f, check=True)
tool("align-capture", "--now", NOW, "-a", S,
     os.path.join(EX, "responses.txt"), check=True)
tool("align-theme", "-i", S, check=True)
tool("align-distill", "-i", S, check=True)
for who in "Ana Ben Carla Dev Elif Femi Greta".split():
    tool("align-distill", "-i", S, "--agree", who, check=True)
tool("align-followup", "plan", "-i", S, "--now",
     "2026-12-02T14:00-05:00", check=True)

lock = threading.Lock()
live = {}		# pid -> Popen
acked = set()		# texts and notes of acknowledged appends
killed_runs = []	# lists of texts of killed appends
counts = {"capture": 0, "checkin": 0, "theme": 0, "distill": 0, "plan": 0}
kills = {k: 0 for k in counts}
refused = []
reads = {"ok": 0, "bad": 0}
seen_tmp = set()	# temporary files of killed rewrites, seen
stop = threading.Event()
t0 = time.time()


def launch(kind, args, stdin=None):
    p = subprocess.Popen(args, env=env, cwd=work, stdin=stdin,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with lock:
        live[p.pid] = (kind, p)
    _, err = p.communicate()
    with lock:
        live.pop(p.pid, None)
    return p.returncode, err


def capturer(w):
    k = 0
    while not stop.is_set():
        k += 1
        texts = ["stress %d-%d-%d about a manager" % (w, k, i)
                 for i in range(BATCH)]
        path = os.path.join(work, "in.%d" % w)
        with open(path, "w") as f:
            for t in texts:
                f.write("P%d: %s\n" % (w, t))
        rc, err = launch("capture", ["align-capture", "--now", NOW, "-a", S,
                                     path])
        with lock:
            if rc == 0:
                acked.update(texts)
                counts["capture"] += 1
            elif rc == -signal.SIGKILL:
                killed_runs.append(texts)
                kills["capture"] += 1
            else:
                refused.append((rc, err.decode()[:200]))
            if len(acked) >= TARGET:
                stop.set()


def checker(w):
    k = 0
    base = datetime.datetime(2027, 1, 14, 13, 0, tzinfo=datetime.timezone.utc)
    while not stop.is_set():
        k += 1
        note = "stress note %d-%d" % (w, k)
        at = base + datetime.timedelta(days=w, seconds=k)
        rc, err = launch("checkin", [
            "align-followup", "checkin", "-a", S, "--participant", "Ana",
            "--principle", "p1", "--outcome", "success", "--note", note,
            "--now", at.strftime("%Y-%m-%dT%H:%M:%SZ")])
        with lock:
            if rc == 0:
                acked.add(note)
                counts["checkin"] += 1
            elif rc == -signal.SIGKILL:
                killed_runs.append([note])
                kills["checkin"] += 1
            else:
                refused.append((rc, err.decode()[:200]))
            if len(acked) >= TARGET:
                stop.set()


def rewriter(kind, args):
    k = 0
    while not stop.is_set():
        k += 1
        a = [x.replace("@", str(k)) for x in args]
        rc, err = launch(kind, a)
        with lock:
            if rc == 0:
                counts[kind] += 1
            elif rc == -signal.SIGKILL:
                kills[kind] += 1
            else:
                refused.append((rc, err.decode()[:200]))


def killer():
    rng = random.Random(SEED)
    while not stop.is_set():
        time.sleep(rng.expovariate(1 / KILL_EVERY))
        with lock:
            pids = list(live)
        if not pids:
            continue
        pid = rng.choice(pids)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue
        # What a killed rewrite leaves, for the next writer to remove.
        seen_tmp.update(glob.glob(".s.yaml.??????"))
        # The file reads whole after every kill, without a lock.
        r = subprocess.run(["align-capture", "-f", "csv", S], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        with lock:
            reads["ok" if r.returncode == 0 else "bad"] += 1
            if r.returncode:
                refused.append(("read after kill", r.stderr.decode()[:200]))


def clock():
    while not stop.wait(5):
        if time.time() - t0 > MINUTES * 60:
            stop.set()
        with lock:
            n = len(acked)
        print("stress: %4.0f s, %d appended records acknowledged" %
              (time.time() - t0, n), file=sys.stderr, flush=True)


threads = [threading.Thread(target=capturer, args=(w,))
           for w in range(1, CAPTURERS + 1)]
threads += [threading.Thread(target=checker, args=(w,))
            for w in range(1, CHECKERS + 1)]
threads += [threading.Thread(target=rewriter, args=a) for a in (
    ("theme", ["align-theme", "-i", S]),
    ("distill", ["align-distill", "-i", S]),
    ("plan", ["align-plan", "-i", S, "--place", "Room @"]))]
threads += [threading.Thread(target=killer), threading.Thread(target=clock)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - t0

# What the killed writers left, before the next writer cleans up.
left_before = sorted(glob.glob(".s.yaml.*"))
final = tool("align-plan", "-i", S, "--place", "Final").returncode
left_after = sorted(glob.glob(".s.yaml.*"))
left_tmp = sorted(os.listdir(scratch))

loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
docs = [d for d in yaml.load_all(open(S), Loader=loader) if d]
kept = [d.get("text") or d.get("note") for d in docs
        if d["kind"] in ("response", "checkin")]
kept = [k for k in kept if isinstance(k, str) and k.startswith("stress ")]
kept_set = set(kept)
lost = acked - kept_set
twice = len(kept) - len(kept_set)
whole = sum(1 for r in killed_runs if all(t in kept_set for t in r))
gone = sum(1 for r in killed_runs if not any(t in kept_set for t in r))
torn = len(killed_runs) - whole - gone
unacked = kept_set - acked - {t for r in killed_runs for t in r}
readers = {}
for name, args in (("align-plan", ["-f", "yaml"]),
                   ("align-capture", ["-f", "yaml"]),
                   ("align-theme", ["-f", "yaml"]),
                   ("align-distill", ["-f", "yaml"]),
                   ("align-followup", ["report"])):
    cmd = [name] + args + [S] if name != "align-followup" else \
        [name, "report", S]
    readers[name] = tool(*cmd, stderr=subprocess.DEVNULL).returncode

print("stress: %.0f s; %d appended records acknowledged (%d capture runs of "
      "%d, %d check-ins), %d kept, %d lost, %d twice, %d kept unacknowledged"
      % (elapsed, len(acked), counts["capture"], BATCH, counts["checkin"],
         len(kept_set), len(lost), twice, len(unacked)))
print("stress: %d rewrites acknowledged (theme %d, distill %d, plan %d); "
      "%d refused" % (counts["theme"] + counts["distill"] + counts["plan"],
                      counts["theme"], counts["distill"], counts["plan"],
                      len(refused)))
print("stress: %d kill -9 (%s): killed appends %d whole, %d gone, %d torn; "
      "the file read after %d of %d kills" % (
          sum(kills.values()),
          ", ".join("%s %d" % kv for kv in kills.items()),
          whole, gone, torn, reads["ok"], reads["ok"] + reads["bad"]))
print("stress: temporary files of killed rewrites seen %d, left at the end "
      "%d; after one more writer, beside the file %d, in TMPDIR %d" % (
          len(seen_tmp), len(left_before), len(left_after), len(left_tmp)))
print("stress: the final file, %d records, %d bytes: %s; PyYAML loads it" % (
    len(docs), os.path.getsize(S),
    ", ".join("%s %d" % kv for kv in readers.items())))
for r in refused[:5]:
    print("stress: refused:", r)
bad = (lost or twice or unacked or torn or refused or reads["bad"] or
       left_after or left_tmp or final or any(readers.values()) or
       len(acked) < TARGET)
if bad:
    print("stress: FAILED (work kept in %s)" % work)
    sys.exit(1)
print("stress: every acknowledged append kept, once; nothing torn, nothing "
      "left")
subprocess.run(["rm", "-rf", work])
