"""A small client of Chromium's DevTools protocol over a pipe.

Chromium started with --remote-debugging-pipe reads commands on its file
descriptor 3 and writes replies and events on 4, each a JSON text ended by
a NUL byte: no port, no websocket, nothing but the Python standard library.

    with Browser() as b:
        p = b.page()
        p.goto("file:///tmp/board.html")
        p.eval("document.title")
        p.problems()   # console errors, exceptions, requests, dialogs
"""
import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio",
         "--remote-debugging-pipe"]


def find():
    """The Chromium to use ($CHROMIUM, else chromium or chrome on PATH)."""
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome", "chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Error(Exception):
    pass


class Browser:
    def __init__(self, exe=None, timeout=20):
        self.exe = exe or find()
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="align-chromium.")
        self.next_id = 0
        self.buf = b""
        self.events = []
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            # dup first: the pipe ends may themselves be 3 or 4.
            r, w = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.log = open(os.path.join(self.profile, "stderr"), "w")
        self.proc = subprocess.Popen(
            [self.exe] + FLAGS + ["--user-data-dir=" + self.profile,
                                  "about:blank"],
            preexec_fn=fds, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=self.log)
        os.close(to_chrome_r)
        os.close(from_chrome_w)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.proc.poll() is None:
            try:
                self.call("Browser.close")
            except (Error, OSError):
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for fd in (self.to_chrome, self.from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        return self.next_id

    def read(self, deadline):
        """The next message, or None when the deadline passed."""
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if not ready:
                return None
            data = os.read(self.from_chrome, 1 << 16)
            if not data:
                raise Error("chromium closed the pipe")
            self.buf += data
        msg, _, self.buf = self.buf.partition(b"\0")
        return json.loads(msg)

    def call(self, method, params=None, session=None):
        want = self.send(method, params, session)
        deadline = time.monotonic() + self.timeout
        while True:
            msg = self.read(deadline)
            if msg is None:
                raise Error("no answer to " + method)
            if msg.get("id") == want:
                if "error" in msg:
                    raise Error("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            if "method" in msg:
                self.event(msg)

    def event(self, msg):
        self.events.append(msg)
        if msg["method"] == "Page.javascriptDialogOpening":
            # Let the page go on; the dialog is reported.
            self.send("Page.handleJavaScriptDialog", {"accept": True},
                      msg.get("sessionId"))

    def page(self, width=1280, height=720):
        target = self.call("Target.createTarget", {"url": "about:blank"})
        sid = self.call("Target.attachToTarget",
                        {"targetId": target["targetId"],
                         "flatten": True})["sessionId"]
        return Page(self, sid, width, height)


class Page:
    def __init__(self, browser, session, width, height):
        self.b = browser
        self.sid = session
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable")
        self.size(width, height)

    def call(self, method, params=None):
        return self.b.call(method, params, self.sid)

    def mine(self, method=None):
        """This page's events (of method), taken from the queue."""
        got = [m for m in self.b.events if m.get("sessionId") == self.sid
               and (method is None or m["method"] == method)]
        self.b.events = [m for m in self.b.events if m not in got]
        return got

    def wait(self, method):
        deadline = time.monotonic() + self.b.timeout
        while True:
            for m in self.b.events:
                if m.get("sessionId") == self.sid and m["method"] == method:
                    return m
            msg = self.b.read(deadline)
            if msg is None:
                raise Error("no " + method)
            if "method" in msg:
                self.b.event(msg)

    def size(self, width, height, scale=1, mobile=False):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height,
                   "deviceScaleFactor": scale, "mobile": mobile})
        self.frame()

    def frame(self):
        """Wait for the next frame: what a resize runs has run."""
        self.eval("new Promise(r => requestAnimationFrame("
                  "() => setTimeout(r, 0)))")

    def media(self, media="", scheme="light"):
        self.call("Emulation.setEmulatedMedia",
                  {"media": media, "features": [
                      {"name": "prefers-color-scheme", "value": scheme}]})

    def scripts(self, on):
        self.call("Emulation.setScriptExecutionDisabled", {"value": not on})

    def goto(self, url):
        self.mine()
        self.call("Page.navigate", {"url": url})
        self.wait("Page.loadEventFired")
        self.eval("1")  # and whatever the load ran is done

    def eval(self, expr):
        """The value of a JavaScript expression (a promise: awaited)."""
        r = self.call("Runtime.evaluate", {"expression": expr,
                                           "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            raise Error("%s: %s" % (expr, r["exceptionDetails"]))
        return r["result"].get("value")

    KEYS = {"ArrowRight": 39, "ArrowLeft": 37, "ArrowDown": 40,
            "ArrowUp": 38, "PageDown": 34, "PageUp": 33, " ": 32,
            "Escape": 27, "Enter": 13, "Home": 36, "End": 35}

    def key(self, key, shift=False):
        code = self.KEYS[key] if key in self.KEYS else ord(key.upper())
        base = {"key": key, "windowsVirtualKeyCode": code,
                "modifiers": 8 if shift else 0}
        self.call("Input.dispatchKeyEvent", dict(base, type="keyDown"))
        self.call("Input.dispatchKeyEvent", dict(base, type="keyUp"))

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})
        with open(path, "wb") as f:
            f.write(base64.b64decode(data["data"]))

    def problems(self, url):
        """What went wrong since the last goto: console errors and
        warnings, exceptions, dialogs, and every request but url's."""
        out = []
        for m in self.mine():
            p, name = m.get("params", {}), m["method"]
            if name == "Runtime.consoleAPICalled" and p["type"] in (
                    "error", "warning", "assert"):
                out.append("console %s: %s" % (p["type"], " ".join(
                    str(a.get("value", a.get("description", "")))
                    for a in p.get("args", []))))
            elif name == "Runtime.exceptionThrown":
                out.append("exception: %s" % p["exceptionDetails"].get(
                    "exception", {}).get("description", p["exceptionDetails"]
                                         .get("text")))
            elif name == "Log.entryAdded" and p["entry"]["level"] in (
                    "error", "warning"):
                out.append("log %s: %s" % (p["entry"]["level"],
                                           p["entry"]["text"]))
            elif name == "Page.javascriptDialogOpening":
                out.append("dialog: %s %s" % (p["type"], p["message"]))
            elif name == "Network.requestWillBeSent" and \
                    p["request"]["url"] != url:
                out.append("request: " + p["request"]["url"])
        return out
