"""A page of -f html with its shared stylesheet and script taken out, for
the golden files (run.sh's golden): every page carries the same ~470
lines of style and ~160 of script, which would otherwise be pinned, and
rewritten, in each of them.  They are pinned once instead, in
golden/html-style.golden and golden/html-script.golden.

    unstyle.py PAGE OUT STYLE SCRIPT

writes PAGE to OUT with the shared stylesheet's element holding
"(html-style.golden)" and the shared script's "(html-script.golden)",
their bytes to STYLE and SCRIPT.  The policy's hash of each (the first of
style-src, the first of script-src) becomes the same marker only when it
is the hash of those bytes, so a page whose policy would make a browser
refuse its own style still differs from its golden file.  A page without
them is written as it is (STYLE and SCRIPT empty).
"""
import base64
import hashlib
import sys


def take(page, before, after, name):
    """(page with the text between before and after made "(name)", the
    text)."""
    start = page.find(before)
    if start < 0:
        return page, b""
    start += len(before)
    end = page.find(after, start)
    if end < 0:
        return page, b""
    return page[:start] + b"(" + name + b")" + page[end:], page[start:end]


def unhash(page, src, body, name):
    """The first hash of src in the policy made name, when it is body's."""
    digest = base64.b64encode(hashlib.sha256(body).digest())
    mine = b"%s 'sha256-%s'" % (src, digest)
    if body and mine in page:
        page = page.replace(mine, b"%s 'sha256-(%s)'" % (src, name), 1)
    return page


def main(argv):
    if len(argv) != 5:
        sys.exit("usage: unstyle.py PAGE OUT STYLE SCRIPT")
    with open(argv[1], "rb") as f:
        page = f.read()
    page, style = take(page, b"</title>\n<style>", b"</style>\n",
                       b"html-style.golden")
    page, script = take(page, b"</footer>\n<script>", b"</script>\n",
                        b"html-script.golden")
    page = unhash(page, b"style-src", style, b"html-style.golden")
    page = unhash(page, b"script-src", script, b"html-script.golden")
    for path, data in ((argv[2], page), (argv[3], style), (argv[4], script)):
        with open(path, "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv)
