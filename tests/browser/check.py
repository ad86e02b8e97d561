"""The pages in a headless Chromium: python3 check.py DIR
                                  or python3 check.py --serve JOIN
                                  or python3 check.py --serve-distill JOIN

DIR holds the pages tests/cli/html.test made: the board's (board.html,
hostile.html, many.html, empty.html, anonymous.html) and the other steps'
(agenda.html, themes.html, whiteboard.html, charter.html, plan.html,
report.html, hostile-*.html, anonymous-report.html,
anonymous-themes.html).  JOIN is the address that
`align-capture --serve` printed (tests/cli/serve.test runs it): its form
is filled in and posted, and its board, open in another tab, must show
the new response without a reload; with --serve-distill, the same of
`align-distill --serve`: dots given and agreement on a phone, the
whiteboard's tally updated on the wall.  Every check prints PASS or
"FAIL name: why", as the command-line tests do (and exits 0 even then:
the lines say it); a missing Chromium prints "SKIP: chromium not found".  One browser runs every check, in seconds.
"""
import os
import re
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
# handler attribute, whatever the user text was.  A link within the page
# (a suggestion's to its theme: href="#theme1") loads nothing.
INERT = """(() => {
  const bad = [];
  document.querySelectorAll('img, iframe, object, embed, link, base, '
      + 'frame, video, audio, source, form, input, b, '
      + 'svg:not(.bar):not(.dots):not(.chart), '
      + 'a[href]:not([href^="#"]), meta[http-equiv="refresh"]')
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
    """Present mode: cards is how many responses (r1, r2, ...) the page
    has, or the list of the ids of its items in order."""
    expected = cards if isinstance(cards, list) else \
        ["r%d" % i for i in range(1, cards + 1)]
    load(page, name + " present", url)
    page.key("p")
    s = page.eval(SCREEN)
    check(name + ": P starts present mode on one slide",
          s["present"] and s["n"] == 1 and s["position"].startswith("1 / "),
          str(s))
    all_screens = screens(page)
    items = [i for s in all_screens for i in s["items"]]
    check(name + ": every item on exactly one screen", items == expected,
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
          not s["present"] and s["n"] == 0 and shown == len(expected),
          "%s, %s items shown" % (s, shown))
    problems = page.problems(url)
    check(name + ": present mode with no console error", not problems,
          "; ".join(problems))
    return all_screens


def board_checks(page, d):
    url = "file://" + os.path.join(d, "board.html")
    frame_checks(page, "board", url)
    got = page.eval("""(() => ({
      title: document.title,
      h2: [...document.querySelectorAll('h2')].map(e => e.textContent),
      numbers: [...document.querySelectorAll('.card .n')]
        .map(e => e.textContent),
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
    check("board: 15 responses, each by its own handle of 4 or more",
          len(got["numbers"]) == 15 and len(set(got["numbers"])) == 15 and
          all(len(n) >= 4 for n in got["numbers"]), str(got["numbers"]))
    check("board: each with its participant", len(got["who"]) == 15 and
          "Ana" in got["who"] and "Greta" not in got["who"],
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


def dom(page, expr):
    """The value of expr, a function of document, run on the page."""
    return page.eval("((d) => (%s))(document)" % expr)


def texts(page, selector):
    return page.eval("[...document.querySelectorAll(%r)]"
                     ".map(e => e.textContent.trim())" % selector)


def item_ids(page):
    return page.eval("[...document.querySelectorAll('.item')]"
                     ".map(e => e.id)")


def printed(page, name, pages=None):
    """Print media: no button; and as PDF, on so many pages."""
    page.media("print")
    button = page.eval("getComputedStyle(document.querySelector("
                       "'.present-button')).display")
    page.media("")
    check(name + ": print hides the present button", button == "none",
          button)
    if pages is not None:
        n = len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf()))
        check(name + ": prints on %d page%s" % (pages, "s" * (pages > 1)),
              n == pages, "%d pages" % n)


def slides_are(page, name, screens, n, what):
    check(name + ": present mode, one %s a screen" % what,
          len(screens) == n and len({s["position"] for s in screens}) == n,
          str([s["position"] for s in screens]))


def agenda_checks(page, d):
    url = "file://" + os.path.join(d, "agenda.html")
    frame_checks(page, "agenda", url)
    dt = texts(page, ".facts dt")
    check("agenda: when, how long, where, who", dt == [
        "When", "Length", "Where", "Facilitator", "Who"], str(dt))
    facts = texts(page, ".facts dd")
    check("agenda: the invitation's facts", facts[0].startswith(
        "Wednesday 2 December 2026") and "12:00-14:00" in facts[0] and
        facts[1] == "2 hours" and facts[2] == "Room 4" and
        facts[4].startswith("7 participants: "), str(facts))
    parts = texts(page, ".part h3")
    check("agenda: the six parts in their time", parts == [
        "12:00 Open", "12:10 Stories", "12:50 Themes", "13:10 Principles",
        "13:40 Pairs", "13:50 Follow-up"], str(parts))
    big = dom(page, "[...d.querySelectorAll('.statement')].map(e => "
              "[e.textContent.trim(), parseFloat(getComputedStyle(e)"
              ".fontSize)])")
    check("agenda: purpose and question large, to read across a room",
          len(big) == 2 and big[0][0].startswith("Build alignment") and
          big[1][0].startswith("Think about a time") and
          all(size >= 28 for _, size in big), str(big))
    printed(page, "agenda")
    screens = present_checks(page, "agenda", url, [])
    slides_are(page, "agenda", screens, 6, "part")
    page.key("p")
    first = dom(page, "d.querySelector('.slide.current .statement')"
                ".textContent")
    page.key("Escape")
    check("agenda: the first screen shows the purpose",
          first.startswith("Build alignment"), first)


def themes_checks(page, d):
    url = "file://" + os.path.join(d, "themes.html")
    frame_checks(page, "themes", url)
    got = dom(page, """({
      h2: [...d.querySelectorAll('.theme h2')].map(e => e.textContent),
      support: [...d.querySelectorAll('.support')]
        .map(e => e.textContent.trim()),
      keywords: [...d.querySelectorAll('#theme1 .keywords li')]
        .map(e => e.textContent),
      first: d.querySelector('#theme1 .card').className,
      langs: [...new Set([...d.querySelectorAll('.theme .card p')]
        .map(e => e.lang))].sort(),
      tally: d.querySelector('.tally').textContent })""")
    check("themes: ranked, each with its label", len(got["h2"]) == 6 and
          got["h2"][0] == "t1 teaching and mentoring (100%)", str(got["h2"]))
    check("themes: the support of each, counted", got["support"][0] ==
          "4 of 7 participants" and "6 themes from 18 responses by 7 "
          "participants" in got["tally"], str(got))
    # Keywords shared by two responses of the theme at least.
    check("themes: the keywords", got["keywords"] == ["taught"],
          str(got["keywords"]))
    check("themes: the typical response first", "typical" in got["first"],
          got["first"])
    check("themes: each response in the language it was read in",
          got["langs"] == ["de", "en", "es"], str(got["langs"]))
    printed(page, "themes")
    screens = present_checks(page, "themes", url, item_ids(page))
    slides_are(page, "themes", screens, 6, "theme")


def whiteboard_checks(page, d):
    url = "file://" + os.path.join(d, "whiteboard.html")
    frame_checks(page, "whiteboard", url)
    h2 = texts(page, ".principle h2")
    check("whiteboard: the principles, numbered, in rank order",
          len(h2) == 6 and h2[0] == "1 We are present, and we stick around"
          " when things are difficult." and h2[4].startswith("5 We set"),
          str(h2))
    votes = texts(page, ".votes")
    check("whiteboard: the dots", votes[:3] == ["5 votes", "5 votes",
          "4 votes"] and dom(page, "d.querySelectorAll('.dots circle')"
          ".length") == 21, str(votes))
    agree = texts(page, ".agree")
    check("whiteboard: who agreed, counted", agree[0] ==
          "agreed by 7 of 7" and agree[4] == "agreed by 6 of 7", str(agree))
    state = dom(page, "[d.querySelector('.tally .verdict').textContent, "
                "d.querySelector('.tally').textContent, "
                "[...d.querySelectorAll('.principle .verdict')]"
                ".map(e => e.className)]")
    check("whiteboard: the list is not final, and why", state[0] ==
          "Not final yet" and "6 of 7 people agree to all 6 (consensus)"
          in state[1] and "Not agreed to all: Ben" in state[1] and
          state[2].count("verdict open") == 1, str(state))
    obj = texts(page, ".objection")
    check("whiteboard: the objection that stands", obj == [
        "Ben objects: Clear to whom? Set them with the team."], str(obj))
    printed(page, "whiteboard")
    screens = present_checks(page, "whiteboard", url, ["principle5-o1"])
    slides_are(page, "whiteboard", screens, 6, "principle")


def charter_checks(page, d):
    url = "file://" + os.path.join(d, "charter.html")
    frame_checks(page, "charter", url)
    got = dom(page, """({ title: d.title,
      list: [...d.querySelectorAll('.charter-list li p')]
        .map(e => e.textContent),
      signed: d.querySelector('.signed').textContent,
      date: d.querySelector('.page-head time').getAttribute('datetime'),
      draft: d.querySelectorAll('.draft').length })""")
    check("charter: the title", got["title"] ==
          "Leadership alignment \u2014 Charter", got["title"])
    check("charter: the agreed list", len(got["list"]) == 6 and
          got["list"][2] == "We teach/mentor.", str(got["list"]))
    check("charter: who agreed, and when", got["signed"].startswith(
        "Agreed by consensus of") and "Greta" in got["signed"] and
        got["date"] == "2026-12-02T12:00:00-05:00" and got["draft"] == 0,
        str(got))
    printed(page, "charter", 1)
    screens = present_checks(page, "charter", url, [])
    slides_are(page, "charter", screens, 6, "principle")


def report_checks(page, d):
    url = "file://" + os.path.join(d, "report.html")
    frame_checks(page, "report", url)
    got = dom(page, """({
      charts: d.querySelectorAll('svg.chart').length,
      tables: [...d.querySelectorAll('.sr-only table')].map(t =>
        [...t.querySelectorAll('tbody tr')].map(r =>
          [...r.cells].map(c => c.textContent))),
      first: [...d.querySelector('svg.chart').querySelectorAll('rect')]
        .map(r => [r.getAttribute('class'), +r.getAttribute('height')]),
      notes: [...d.querySelectorAll('.note p')].map(e => e.textContent),
      outcomes: [...d.querySelectorAll('.note .outcome')]
        .map(e => e.textContent),
      checked: [...d.querySelectorAll('.checkins .count')]
        .map(e => e.textContent),
      waiting: [...d.querySelectorAll('.waiting li')]
        .map(e => e.textContent),
      recognised: [...d.querySelectorAll('.recognitions p')]
        .map(e => e.textContent) })""")
    check("report: a chart a principle", got["charts"] == 6,
          str(got["charts"]))
    check("report: the charts' numbers, a round a row, for screen readers",
          got["tables"][0] == [
              ["f1", "Wednesday 13 January 2027, 12:00 (UTC-05:00)",
               "0", "0", "1"],
              ["f2", "Wednesday 24 February 2027, 12:00 (UTC-05:00)",
               "1", "0", "1"]], str(got["tables"][0]))
    check("report: the columns on one scale: a failure, then one of each",
          got["first"] == [["failure", 50], ["success", 50],
                           ["failure", 50]], str(got["first"]))
    check("report: the notes people wrote", "Missed the team's hard week"
          in got["notes"] and "Left early the night of the outage" in
          got["notes"] and got["outcomes"][:3] == ["Failure", "Failure",
                                                   "Success"],
          str(got["notes"]) + str(got["outcomes"]))
    check("report: who has checked in, and who has not",
          got["checked"] == ["5 of 7 checked in", "4 of 7 checked in"] and
          got["waiting"] == ["Greta", "Femi", "Carla", "Elif", "Femi"],
          str(got))
    check("report: what was recognised", got["recognised"] ==
          ["Carla ran the retro so that everyone spoke"],
          str(got["recognised"]))
    printed(page, "report")
    screens = present_checks(page, "report", url, item_ids(page))
    slides_are(page, "report", screens, 8, "principle or round")


def plan_checks(page, d):
    url = "file://" + os.path.join(d, "plan.html")
    frame_checks(page, "plan", url)
    got = dom(page, """({
      rounds: [...d.querySelectorAll('.round h2')].map(e => e.textContent),
      dates: [...d.querySelectorAll('.round:last-of-type .dates time')]
        .map(e => e.getAttribute('datetime')),
      pairs: [...d.querySelectorAll('#round1 .pairs .names')]
        .map(e => [...e.children].map(c => c.textContent)),
      review: [...d.querySelectorAll('#round1 .review li')].length,
      mark: [...d.querySelectorAll('.mark')].map(e => e.textContent) })""")
    check("plan: every round", got["rounds"] == ["f1 Follow-up",
          "f2 Follow-up", "f3 Follow-up"], str(got["rounds"]))
    check("plan: the dates of a cadence", got["dates"] == [
        "2027-03-10T12:00:00-05:00", "2027-03-24T12:00:00-04:00",
        "2027-04-07T12:00:00-04:00"], str(got["dates"]))
    check("plan: the pairs", got["pairs"] == [["Ana", "Dev", "Greta"],
          ["Ben", "Femi"], ["Carla", "Elif"]] and got["review"] == 6,
          str(got))
    check("plan: the round planned now marked", got["mark"] ==
          ["planned now"], str(got["mark"]))
    printed(page, "plan")
    screens = present_checks(page, "plan", url, item_ids(page))
    slides_are(page, "plan", screens, 3, "round")


HOSTILE = ["<img src=x onerror=alert(1)>",
           "</script><script>alert(1)</script>",
           '" onmouseover="alert(1)" x="',
           "</style><style>body{display:none}</style>",
           '" onmouseover="alert(1)',
           "<b onmouseover=alert(1)>Eve</b>",
           '<iframe src="http://example.invalid/"></iframe>',
           "' onfocus='alert(1)' autofocus '",
           "<svg onload=alert(1)>",
           "&lt;b&gt;not bold&lt;/b&gt;"]


def hostile_pages(page, d):
    """Every page of hostile text: inert, every text shown as it is."""
    seen = set()
    for name in ("agenda", "themes", "whiteboard", "charter", "report",
                 "plan"):
        url = "file://" + os.path.join(d, "hostile-%s.html" % name)
        frame_checks(page, "hostile " + name, url)
        body = page.eval("document.body.textContent")
        seen |= {t for t in HOSTILE if t in body}
        check("hostile %s: the title as text" % name,
              page.eval("document.title").startswith(
                  "</title><script>alert(1)</script>"),
              page.eval("document.title"))
        present_checks(page, "hostile " + name, url, item_ids(page))
    check("hostile: every hostile text shown, as text, on some page",
          seen == set(HOSTILE), "missing %s" % (set(HOSTILE) - seen))


def anonymous_report(page, d):
    url = "file://" + os.path.join(d, "anonymous-report.html")
    frame_checks(page, "anonymous report", url)
    got = dom(page, """[d.querySelector('.sr-only tbody').textContent,
      d.querySelectorAll('.chart rect.hidden').length,
      d.querySelectorAll('.note .outcome').length,
      d.querySelectorAll('.waiting').length,
      [...d.querySelectorAll('.note .who')].map(e => e.textContent)]""")
    check("anonymous report: two pseudonyms' outcomes not told",
          "fewer than 3 people checked in" in got[0] and got[1] == 1 and
          got[2] == 0 and got[3] == 0, str(got))
    check("anonymous report: the notes, by pseudonym", got[4] == [
        "p-0123456781", "p-0123456782"], str(got[4]))
    url = "file://" + os.path.join(d, "anonymous-themes.html")
    frame_checks(page, "anonymous themes", url)
    got = texts(page, ".support")
    check("anonymous themes: support of fewer than 3 not counted",
          got and all(t.startswith("fewer than 3 of 7") for t in got) and
          page.eval("document.querySelectorAll('.support svg').length")
          == 0, str(got))


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
            agenda_checks(page, d)
            themes_checks(page, d)
            whiteboard_checks(page, d)
            charter_checks(page, d)
            report_checks(page, d)
            plan_checks(page, d)
            hostile_pages(page, d)
            anonymous_report(page, d)
    except Exception as e:  # a check that could not run fails, named
        check("the browser checks ran to their end", False,
              "%s: %s" % (type(e).__name__, e))
    return 0


if __name__ == "__main__":
    sys.exit(main())
