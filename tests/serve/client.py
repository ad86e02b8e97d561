"""Clients of `align-capture --serve`, for the tests and the bench.

    client.py flood JOIN THREADS ACKED
        THREADS threads post responses as fast as they are answered, until
        the server stops answering (at most 30 seconds); the id of every
        post answered 303 goes to ACKED, a line each, as soon as it is
        answered.  For the test that stops the server while it is posted
        to: every acknowledged response must be in the file.

    client.py load JOIN CLIENTS POSTS NAMES RESULT
        CLIENTS clients (threads, each with its own connection, kept
        alive) post POSTS responses each, as fast as they are answered, in
        the names of NAMES (a file, one name a line, taken in turn), while
        one more client listens to the board's event stream.  RESULT gets
        JSON: every acknowledged post (id, text, latency) and, for each,
        how long after its acknowledgement the first event that showed it
        came.  Summary on standard output.

    client.py check RESULT FILE
        Every acknowledged post of RESULT is in the session file FILE:
        "acknowledged N, in the file M".

Only the standard library (and PyYAML for check).
"""
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse

TIMEOUT = 30


def target(join):
    u = urllib.parse.urlsplit(join)
    return u.hostname, u.port, u.path


def post(conn, path, participant, text):
    """One post: (status, the id of its Location or None)."""
    body = urllib.parse.urlencode({"participant": participant,
                                   "text": text})
    conn.request("POST", path, body, {
        "Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse()
    r.read()
    loc = r.getheader("Location") or ""
    m = re.search(r"recorded=([A-Za-z0-9-]+)", loc)
    return r.status, m.group(1) if m else None


def flood(join, threads, acked):
    host, port, path = target(join)
    out = open(acked, "w")
    lock = threading.Lock()
    end = time.monotonic() + TIMEOUT

    def run(k):
        n = 0
        conn = http.client.HTTPConnection(host, port, timeout=10)
        while time.monotonic() < end:
            try:
                status, rid = post(conn, path, "Ana",
                                   "flood %d-%d: he listened" % (k, n))
            except (OSError, http.client.HTTPException):
                return
            if status != 303:
                return
            with lock:
                out.write(rid + "\n")
                out.flush()
            n += 1

    ts = [threading.Thread(target=run, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    out.close()
    return 0


class Listener(threading.Thread):
    """Reads the board's event stream; keeps each event with its time."""

    def __init__(self, join):
        super().__init__(daemon=True)
        host, port, path = target(join)
        self.conn = http.client.HTTPConnection(host, port, timeout=60)
        self.conn.request("GET", path + "events")
        self.resp = self.conn.getresponse()
        self.events = []
        self.ready = threading.Event()

    def run(self):
        data = []
        for raw in self.resp:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("retry:"):
                self.ready.set()
            if line.startswith("data: "):
                data.append(line[6:])
            elif line == "" and data:
                self.events.append((time.monotonic(), "\n".join(data)))
                data = []


def load(join, clients, posts, names_file, result):
    host, port, path = target(join)
    names = [n.strip() for n in open(names_file, encoding="utf-8")
             if n.strip()]
    acks, lock = [], threading.Lock()
    refused = []
    listener = Listener(join)
    listener.start()
    listener.ready.wait(10)
    time.sleep(0.5)
    start = threading.Barrier(clients)

    def run(k):
        conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
        who = names[k % len(names)]
        start.wait()
        for i in range(posts):
            text = "bench client %d response %d: she stayed late" % (k, i)
            t0 = time.monotonic()
            try:
                status, rid = post(conn, path, who, text)
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    refused.append(str(e))
                conn = http.client.HTTPConnection(host, port,
                                                  timeout=TIMEOUT)
                continue
            t1 = time.monotonic()
            with lock:
                if status == 303:
                    acks.append({"id": rid, "text": text, "at": t1,
                                 "latency": t1 - t0})
                else:
                    refused.append(str(status))

    sys.setswitchinterval(0.0005)
    began = time.monotonic()
    ts = [threading.Thread(target=run, args=(k,)) for k in range(clients)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    took = time.monotonic() - began
    time.sleep(3)   # the last events
    delays = board_delays(acks, listener.events)
    json.dump({"acks": acks, "refused": refused, "took": took,
               "events": len(listener.events), "delays": delays},
              open(result, "w"))
    lat = sorted(a["latency"] for a in acks)
    d = sorted(x for x in delays if x is not None)
    print("posted %d, acknowledged %d, refused %d, in %.2f s (%.0f a "
          "second)" % (clients * posts, len(acks), len(refused), took,
                       len(acks) / took if took else 0))
    print("post latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (
        pct(lat, 50) * 1e3, pct(lat, 99) * 1e3, lat[-1] * 1e3 if lat
        else 0))
    print("board update after the acknowledgement: p50 %.1f ms, p99 %.1f "
          "ms, max %.1f ms (%d events; %d posts never shown)" % (
              pct(d, 50) * 1e3, pct(d, 99) * 1e3, d[-1] * 1e3 if d else 0,
              len(listener.events), delays.count(None)))
    return 0


def pct(v, p):
    if not v:
        return 0.0
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


CARD = re.compile(r'<p dir="auto">(.*?)</p>')


def board_delays(acks, events):
    """For each ack, seconds from it to the first event that showed it
    (0 when an event showed it before the answer came), None if none."""
    first = {}
    for t, data in events:
        for text in CARD.findall(data):
            first.setdefault(text, t)
    return [None if a["text"] not in first else
            max(0.0, first[a["text"]] - a["at"]) for a in acks]


def check(result, path):
    import yaml
    acks = json.load(open(result))["acks"]
    ids = set()
    with open(path, encoding="utf-8") as f:
        for doc in yaml.safe_load_all(f):
            if doc and doc.get("kind") == "response":
                ids.add(doc.get("id"))
    have = sum(1 for a in acks if a["id"] in ids)
    print("acknowledged %d, in the file %d" % (len(acks), have))
    return 0 if have == len(acks) else 1


def main(argv):
    if argv[1] == "flood":
        return flood(argv[2], int(argv[3]), argv[4])
    if argv[1] == "load":
        return load(argv[2], int(argv[3]), int(argv[4]), argv[5], argv[6])
    if argv[1] == "check":
        return check(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
