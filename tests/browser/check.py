"""The pages in a headless Chromium: python3 check.py DIR
                                  or python3 check.py --serve JOIN
                                  or python3 check.py --serve-distill JOIN

DIR holds the pages tests/cli/html.test made (board.html, hostile.html,
many.html, empty.html, anonymous.html).  JOIN is the address that
`align-capture --serve` printed (tests/cli/serve.test runs it): its form
is filled in and posted, and its board, open in another tab, must show
the new response without a reload; with --serve-distill, the same of
`align-distill --serve`: dots given and agreement on a phone, the
whiteboard's tally updated on the wall.  Every check prints PASS or
"FAIL name: why", as the command-line tests do (and exits 0 even then:
the lines say it); a missing Chromium prints "SKIP: chromium not found".  One browser runs every check, in seconds.
"""
import os
import sys
import tempfile

import cdp
import served

failed = 0


def check(name, ok, why=""):
    global failed
    if ok:
        print("PASS")
    else:
        failed += 1
        print("FAIL html %s: %s" % (name, why))


# What a page must not hold: any element that loads, or runs, or any
# handler attribute, whatever the user text was.
INERT = """(() => {
  const bad = [];
  document.querySelectorAll('img, iframe, object, embed, link, base, '
      + 'frame, video, audio, source, form, input, b, svg:not(.bar), '
      + 'a[href], meta[http-equiv="refresh"]')
    .forEach(e => bad.push(e.tagName));
  if (document.scripts.length !== 1) bad.push(document.scripts.length
    + ' scripts');
  if (document.querySelectorAll('style').length !== 1) bad.push('styles');
  document.querySelectorAll('*').forEach(e => {
    for (const a of e.attributes)
      if (/^on/i.test(a.name)) bad.push(e.tagName + '@' + a.name);
  });
  return bad.join(' ');
})()"""

# The worst text contrast on the page (WCAG 2): each element with text of
# its own against the first opaque background behind it.
CONTRAST = """(() => {
  const rgb = c => { const m = c.match(/[\\d.]+/g).map(Number);
    return m.length > 3 && m[3] === 0 ? null : m.slice(0, 3); };
  const lin = v => { v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = c => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1])
    + 0.0722 * lin(c[2]);
  let worst = [99, ''];
  document.querySelectorAll('body *').forEach(e => {
    const own = [...e.childNodes].some(n => n.nodeType === 3
      && n.textContent.trim());
    if (!own || e.getClientRects().length === 0) return;
    const st = getComputedStyle(e);
    if (st.visibility === 'hidden') return;
    let bg = null;
    for (let p = e; p && !bg; p = p.parentElement)
      bg = rgb(getComputedStyle(p).backgroundColor);
    const a = lum(rgb(st.color)), b = lum(bg || [255, 255, 255]);
    const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(st.fontSize), bold = +st.fontWeight >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (r / need < worst[0]) worst = [r / need, e.tagName + '.'
      + e.className + ' ' + r.toFixed(2) + ' (needs ' + need + ')'];
  });
  return worst;
})()"""

# In present mode: the position, and whether the current slide fits.
SCREEN = """(() => {
  const s = document.querySelectorAll('.slide.current');
  const c = s[0];
  return { n: s.length, position: document.body.dataset.position,
    present: document.documentElement.classList.contains('present'),
    fits: !!c && c.scrollHeight <= c.clientHeight,
    size: c ? parseFloat(getComputedStyle(c).fontSize) : 0,
    items: c ? [...c.querySelectorAll('.item')].filter(e => !e.hidden)
      .map(e => e.id) : [] };
})()"""


def load(page, name, url):
    page.goto(url)
    problems = page.problems(url)
    check(name + ": loads with no console error, dialog or request",
          not problems, "; ".join(problems))
    return problems


def frame_checks(page, name, url):
    """What every page must be, whatever it shows."""
    load(page, name, url)
    bad = page.eval(INERT)
    check(name + ": nothing that loads or runs", bad == "", bad)
    for scheme in ("light", "dark"):
        page.media("", scheme)
        worst = page.eval(CONTRAST)
        check(name + ": text contrast WCAG AA (%s)" % scheme,
              worst[0] >= 1, worst[1])
    page.media("", "light")
    for w, h, mobile in ((1280, 720, False), (390, 844, True)):
        page.size(w, h, 1, mobile)
        wide = page.eval("document.documentElement.scrollWidth")
        check(name + ": no sideways scrolling at %dx%d" % (w, h),
              wide <= w, "scrollWidth %s" % wide)
    page.size(1280, 720)


def screens(page):
    """Every screen of present mode, from the first on."""
    page.key("Home")
    seen = []
    while True:
        s = page.eval(SCREEN)
        seen.append(s)
        if not s["position"] or s["position"].split(" / ")[0] == \
                s["position"].split(" / ")[1] or len(seen) > 200:
            return seen
        page.key("ArrowRight")


def present_checks(page, name, url, cards):
    load(page, name + " present", url)
    page.key("p")
    s = page.eval(SCREEN)
    check(name + ": P starts present mode on one slide",
          s["present"] and s["n"] == 1 and s["position"].startswith("1 / "),
          str(s))
    all_screens = screens(page)
    items = [i for s in all_screens for i in s["items"]]
    check(name + ": every response on exactly one screen",
          items == ["r%d" % i for i in range(1, cards + 1)],
          "%s" % items)
    check(name + ": every screen fits, in type of 24px or more",
          all(s["fits"] and s["size"] >= 24 for s in all_screens),
          str([(s["position"], s["fits"], s["size"]) for s in all_screens]))
    last = all_screens[-1]["position"]
    page.key("Home")
    moves = []
    for k, shift in (("ArrowRight", 0), ("PageDown", 0), (" ", 0),
                     ("Enter", 0), ("ArrowDown", 0), ("PageUp", 0),
                     ("ArrowLeft", 0), (" ", 1), ("ArrowUp", 0),
                     ("End", 0), ("Home", 0)):
        page.key(k, shift)
        moves.append(int(page.eval(SCREEN)["position"].split(" / ")[0]))
    n = int(last.split(" / ")[1])
    want = [min(i, n) for i in (2, 3, 4, 5, 6)]
    for _ in range(4):
        want.append(max(want[-1] - 1, 1))
    want += [n, 1]
    check(name + ": arrows, space, Enter, Page Up/Down, Home, End move",
          moves == want, "%s, expected %s" % (moves, want))
    page.key("Escape")
    s = page.eval(SCREEN)
    shown = page.eval("[...document.querySelectorAll('.item')]"
                      ".filter(e => e.getClientRects().length).length")
    check(name + ": Escape gives back the whole page",
          not s["present"] and s["n"] == 0 and shown == cards,
          "%s, %s items shown" % (s, shown))
    problems = page.problems(url)
    check(name + ": present mode with no console error", not problems,
          "; ".join(problems))


def board_checks(page, d):
    url = "file://" + os.path.join(d, "board.html")
    frame_checks(page, "board", url)
    got = page.eval("""(() => ({
      title: document.title,
      h2: [...document.querySelectorAll('h2')].map(e => e.textContent),
      numbers: [...document.querySelectorAll('.card .n')]
        .map(e => +e.textContent),
      who: [...document.querySelectorAll('.card .who')]
        .map(e => e.textContent),
      count: document.querySelector('.count').textContent,
      tally: document.querySelector('.tally').textContent,
      waiting: [...document.querySelectorAll('.names li')]
        .map(e => e.textContent),
      lang: document.documentElement.lang,
      cardsLang: document.querySelector('.cards').getAttribute('lang'),
      button: !document.querySelector('.present-button').hidden
    }))()""")
    check("board: the title", got["title"] ==
          "Leadership alignment \u2014 Responses", got["title"])
    check("board: the question is the heading", len(got["h2"]) == 1 and
          got["h2"][0].startswith("Think about a time"), str(got["h2"]))
    check("board: the responses numbered 1 to 15",
          got["numbers"] == list(range(1, 16)), str(got["numbers"]))
    check("board: each with its participant", got["who"][:3] ==
          ["Ana", "Ben", "Carla"] and "Greta" not in got["who"],
          str(got["who"]))
    check("board: the count", got["count"] ==
          "15 responses from 6 participants", got["count"])
    check("board: who has answered, and who has not",
          "6 of 7" in got["tally"] and got["waiting"] == ["Greta"],
          got["tally"])
    check("board: English page, responses of no known language",
          got["lang"] == "en" and got["cardsLang"] == "", str(got))
    check("board: the present button with scripting on", got["button"])
    page.media("print")
    printed = page.eval("[getComputedStyle(document.querySelector("
                        "'.present-button')).display, getComputedStyle("
                        "document.querySelector('.cards')).display]")
    check("board: print hides the button, lists the responses",
          printed == ["none", "block"], str(printed))
    page.media("")
    present_checks(page, "board", url, 15)
    # Scripting off: the whole page, and keys do nothing.
    page.scripts(False)
    load(page, "board without scripts", url)
    page.key("p")
    off = page.eval("""(() => [
      document.querySelector('.present-button').hidden,
      document.documentElement.classList.contains('present'),
      [...document.querySelectorAll('.card')]
        .filter(e => e.getClientRects().length).length])()""")
    check("board: scripting off shows the whole page, no button",
          off == [True, False, 15], str(off))
    page.scripts(True)


def hostile_checks(page, d):
    url = "file://" + os.path.join(d, "hostile.html")
    frame_checks(page, "hostile", url)
    with open(os.path.join(d, "hostile.txt"), encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f if line.strip()]
    body = page.eval("document.body.textContent")
    missing = [t for t in texts if t not in body]
    check("hostile: every hostile text shown as text", not missing,
          "missing %s" % missing)
    title = page.eval("document.title")
    check("hostile: the title as text", title.startswith(
        "</title><script>alert(1)</script>"), title)
    present_checks(page, "hostile", url,
                   page.eval("document.querySelectorAll('.card').length"))


def many_checks(page, d):
    url = "file://" + os.path.join(d, "many.html")
    frame_checks(page, "many", url)
    present_checks(page, "many", url, 60)
    page.key("p")
    n = int(page.eval(SCREEN)["position"].split(" / ")[1])
    check("many: two questions go over more screens", n > 2, str(n))
    page.key("Escape")
    page.size(700, 400)
    page.key("p")
    small = int(page.eval(SCREEN)["position"].split(" / ")[1])
    page.size(1280, 720)
    big = int(page.eval(SCREEN)["position"].split(" / ")[1])
    check("many: a resized window is paginated anew", small > big,
          "%d screens small, %d big" % (small, big))
    page.key("Escape")


def small_checks(page, d):
    url = "file://" + os.path.join(d, "empty.html")
    frame_checks(page, "empty", url)
    text = page.eval("document.querySelector('.empty').textContent")
    check("empty: no responses yet", text == "No responses yet.", text)
    page.key("p")
    s = page.eval(SCREEN)
    check("empty: one screen", s["position"] == "1 / 1", str(s))
    page.key("Escape")
    url = "file://" + os.path.join(d, "anonymous.html")
    frame_checks(page, "anonymous", url)
    got = page.eval("[document.querySelector('.count').textContent, "
                    "document.querySelector('.tally').textContent, "
                    "document.querySelectorAll('.names li').length]")
    check("anonymous: fewer than 3 people are not counted",
          got[0] == "2 responses from fewer than 3 participants" and
          "fewer than 3" in got[1] and got[2] == 0, str(got))


def controls(page, d):
    """The harness sees what it looks for: a request, a dialog."""
    path = os.path.join(d, "control.html")
    with open(path, "w") as f:
        f.write("<!DOCTYPE html><title>c</title><img src=\"http://"
                "example.invalid/x.png\"><script>alert(1)</script>")
    page.goto("file://" + path)
    problems = " ".join(page.problems("file://" + path))
    check("the harness sees a request and a dialog", "request: http://"
          "example.invalid/x.png" in problems and "dialog: alert" in
          problems, problems)


def main():
    exe = cdp.find()
    if exe is None:
        print("SKIP: chromium not found")
        return 0
    if sys.argv[1] == "--serve":
        return served.main(exe, sys.argv[2], check, INERT, CONTRAST)
    if sys.argv[1] == "--serve-distill":
        return served.distill_main(exe, sys.argv[2], check, INERT, CONTRAST)
    d = os.path.abspath(sys.argv[1])
    try:
        with cdp.Browser(exe) as b:
            page = b.page()
            with tempfile.TemporaryDirectory() as t:
                controls(page, t)
            board_checks(page, d)
            hostile_checks(page, d)
            many_checks(page, d)
            small_checks(page, d)
    except Exception as e:  # a check that could not run fails, named
        check("the browser checks ran to their end", False,
              "%s: %s" % (type(e).__name__, e))
    return 0


if __name__ == "__main__":
    sys.exit(main())
