"""The served pages (align-capture --serve) in a headless Chromium.

check.py --serve JOIN runs these against a server tests/cli/serve.test
started on loopback: the board is opened in one tab, the form in
another; the form is filled in and posted as a person would (a name
chosen, words typed, the button pressed), and the board must show the
words without being reloaded, as text, whatever they hold.
"""
import time

import cdp

# Posted through the form, in turn.
WORDS = ["She stayed late with me the night the launch failed.",
         "<img src=x onerror=alert(1)> and </script><script>alert(2)"
         "</script> stay text"]


def mine(page, root):
    """The page's problems, but for its own requests to its server."""
    return [p for p in page.problems("") if not
            p.startswith("request: " + root)]


def until(page, expr, seconds=10):
    """Poll expr in page until it is true; its last value."""
    end = time.monotonic() + seconds
    while True:
        v = page.eval(expr)
        if v or time.monotonic() > end:
            return v
        time.sleep(0.05)


def post(page, join, text, check):
    """The form, as a person fills it in on a phone."""
    page.size(390, 844, 2, True)
    page.goto(join)
    wide = page.eval("document.documentElement.scrollWidth")
    check("served form: no sideways scrolling on a phone", wide <= 390,
          "scrollWidth %s" % wide)
    got = page.eval("""(() => {
      const s = document.querySelector('select[name=participant]');
      return { options: s ? [...s.options].map(o => o.value) : null,
        text: !!document.querySelector('textarea[name=text]'),
        question: document.querySelector('label[for=text]').textContent };
    })()""")
    check("served form: the participants to choose from, the question",
          got["options"] and "Ana" in got["options"] and got["text"] and
          got["question"].startswith("Think about"), str(got))
    page.mine()
    page.eval("""(() => {
      document.querySelector('select[name=participant]').value = 'Ana';
      document.querySelector('textarea[name=text]').value = %r;
      document.querySelector('button[type=submit]').click(); })()"""
              % text)
    page.wait("Page.loadEventFired")
    page.eval("1")
    notice = page.eval("(document.querySelector('.notice') || {})"
                       ".textContent || ''")
    chosen = page.eval("document.querySelector('select').value")
    check("served form: posted, back to the form saying it was recorded",
          notice.startswith("Recorded as r-") and chosen == "Ana",
          "%r, %r, at %s" % (notice, chosen, page.eval("location.href")))
    page.size(1280, 720)


def board(page, join, check, inert, contrast):
    page.goto(join + "board")
    problems = mine(page, join)
    check("served board: loads with no console error (CSP kept)",
          not problems, "; ".join(problems))
    live = until(page, "document.querySelector('.live-status')"
                 ".classList.contains('is-on')")
    check("served board: its event stream is open", live)
    # The board's own: its QR code, its link to itself, its script and
    # style beside the page's.  Each swap must find what it changes.
    rule = inert
    for was, now in (("svg:not(.bar)", "svg:not(.bar):not(.qr)"),
                     ('a[href]:not([href^="#"]), ',
                      'a[href]:not([href^="#"]):not([href=board]), '),
                     ("document.scripts.length !== 1",
                      "document.scripts.length !== 2"),
                     ("querySelectorAll('style').length !== 1",
                      "querySelectorAll('style').length !== 2")):
        assert was in rule, "the page rule has no %r" % was
        rule = rule.replace(was, now)
    bad = page.eval(rule)
    check("served board: nothing that loads or runs but its own", bad == "",
          bad)
    worst = page.eval(contrast)
    check("served board: text contrast WCAG AA", worst[0] >= 1, worst[1])
    page.eval("window.alignMarker = 42")


def main(exe, join, check, inert, contrast):
    try:
        with cdp.Browser(exe) as b:
            wall, phone = b.page(), b.page()
            board(wall, join, check, inert, contrast)
            before = wall.eval("document.querySelectorAll('.card').length")
            for i, text in enumerate(WORDS):
                post(phone, join, text, check)
                shown = until(wall, "[...document.querySelectorAll("
                              "'.card p')].map(e => e.textContent)"
                              ".includes(%r)" % text)
                kept = wall.eval("window.alignMarker")
                check("served board: response %d shown without a reload"
                      % (i + 1), shown and kept == 42,
                      "shown %s, marker %s" % (shown, kept))
            n = wall.eval("document.querySelectorAll('.card').length")
            check("served board: one card more a post", n == before + 2,
                  "%d cards, %d before" % (n, before))
            bad = wall.eval("[...document.querySelectorAll('div.live img, "
                            "div.live script')].length")
            problems = mine(wall, join)
            check("served board: hostile words inert (no element, no "
                  "dialog)", bad == 0 and not problems,
                  "%s; %s" % (bad, "; ".join(problems)))
            wall.scripts(False)
            wall.goto(join + "board")
            off = wall.eval("""[
              !!document.querySelector('noscript'),
              document.querySelectorAll('.card').length,
              !document.querySelector('.live-status').classList
                .contains('is-on')]""")
            check("served board: scripting off, the whole board and a "
                  "reload", off == [True, n, True], str(off))
    except Exception as e:  # a check that could not run fails, named
        check("the served checks ran to their end", False,
              "%s: %s" % (type(e).__name__, e))
    return 0


def submit(page, form_js):
    """Run form_js (it fills a form and presses its button); wait for the
    page it leads to."""
    page.mine()
    page.eval("(() => { %s })()" % form_js)
    page.wait("Page.loadEventFired")
    page.eval("1")
    return page.eval("(document.querySelector('.notice') || {})"
                     ".textContent || ''")


def distill_main(exe, join, check, inert, contrast):
    """align-distill --serve: a person's dots and objection given on a
    phone, the whiteboard's tally and cards updated on the wall."""
    try:
        with cdp.Browser(exe) as b:
            wall, phone = b.page(), b.page()
            board(wall, join, check, inert, contrast)
            votes = "document.querySelector('#principle%d .votes')" \
                ".textContent"
            before = wall.eval(votes % 5)
            phone.size(390, 844, 2, True)
            phone.goto(join)
            submit(phone, "document.querySelector('select[name=as]')"
                   ".value = 'Dev'; document.querySelector("
                   "'button[type=submit]').click();")
            selects = phone.eval("[...document.querySelectorAll("
                                 "'select[name^=dots-]')].map(s => s.name)")
            check("served whiteboard: a choice of dots a principle",
                  len(selects) == 6, str(selects))
            wide = phone.eval("document.documentElement.scrollWidth")
            check("served whiteboard: the form fits a phone", wide <= 390,
                  "scrollWidth %s" % wide)
            said = submit(phone, """
              document.querySelectorAll('select[name^=dots-]')
                .forEach(s => s.value = '0');
              document.querySelector('select[name=dots-p5]').value = '3';
              document.querySelector('select[name=dots-p6]').value = '2';
              document.querySelectorAll('form')[0]
                .querySelector('button').click();""")
            check("served whiteboard: the dots posted and recorded",
                  said == "Your dots are recorded.", said)
            after = until(wall, "(%s) !== %r && (%s)" % (
                votes % 5, before, votes % 5))
            check("served whiteboard: the new count without a reload",
                  after and wall.eval("window.alignMarker") == 42,
                  "%r, then %r" % (before, after))
            said = submit(phone, """
              document.querySelector('select[name=principle]')
                .value = 'p5';
              document.querySelector('textarea[name=reason]').value =
                'Not <b>measurable</b>';
              document.querySelectorAll('form')[2]
                .querySelector('button').click();""")
            check("served whiteboard: an objection posted", said ==
                  "Your objection is recorded.", said)
            shown = until(wall, "[...document.querySelectorAll("
                          "'.objection')].map(e => e.textContent)"
                          ".join('|').includes('Dev objects: Not "
                          "<b>measurable</b>') && document.querySelector("
                          "'.tally').textContent.includes('Dev')")
            check("served whiteboard: the objection and who has not "
                  "agreed, live, as text", shown and wall.eval(
                      "document.querySelectorAll('div.live b').length")
                  == 0, str(shown))
            problems = mine(wall, join) + mine(phone, join)
            check("served whiteboard: no console error", not problems,
                  "; ".join(problems))
    except Exception as e:  # a check that could not run fails, named
        check("the served whiteboard checks ran to their end", False,
              "%s: %s" % (type(e).__name__, e))
    return 0
