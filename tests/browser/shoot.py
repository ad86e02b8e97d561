"""Screenshots of pages: python3 shoot.py OUTDIR NAME=PAGE.html ...

For each page: NAME.png (the page at 1280x720, as projected),
NAME-present.png (its first screen in present mode) and NAME-phone.png
(390x844, a phone).  Without Chromium it says so and makes none.
"""
import os
import sys

import cdp


def main():
    out = sys.argv[1]
    exe = cdp.find()
    if exe is None:
        print("screenshots: chromium not found", file=sys.stderr)
        return 1
    os.makedirs(out, exist_ok=True)
    with cdp.Browser(exe) as b:
        page = b.page()
        page.media("", "light")
        for arg in sys.argv[2:]:
            name, path = arg.split("=", 1)
            url = "file://" + os.path.abspath(path)
            page.size(1280, 720)
            page.goto(url)
            page.screenshot(os.path.join(out, name + ".png"))
            page.key("p")
            page.screenshot(os.path.join(out, name + "-present.png"))
            page.key("Escape")
            page.size(390, 844, 1, True)
            page.goto(url)
            page.screenshot(os.path.join(out, name + "-phone.png"))
            problems = page.problems(url)
            if problems:
                print("screenshots: %s: %s" % (name, "; ".join(problems)),
                      file=sys.stderr)
                return 1
            print(os.path.join(out, name) + "{,-present,-phone}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
