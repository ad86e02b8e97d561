"""Drive a command on a pseudo-terminal, as a person at a keyboard would.

    python3 keys.py SECONDS TRANSCRIPT CMD [ARG...] < STEPS

STEPS, one a line:
    expect TEXT   wait until TEXT appears in what the command wrote since
                  the last expect (so that keys are sent only once the line
                  editor is waiting: a terminal in raw mode)
    send TEXT     type TEXT, once the terminal is in raw mode (a line editor
                  sets it as it reads its first key: keys that came before
                  would be taken by the terminal's own line discipline)
TEXT takes Python escapes (\\x1b[D is the left arrow, \\t TAB, \\r Enter,
\\x04 Ctrl-D).  Everything the command wrote goes to TRANSCRIPT.

Exit status: the command's; 124 when a step or the command's end did not
come within SECONDS of the start (the command is killed); 77 when no
pseudo-terminal can be had here.
"""
import codecs
import os
import select
import signal
import sys
import termios
import time


def main():
    limit = float(sys.argv[1])
    transcript = open(sys.argv[2], "wb")
    argv = sys.argv[3:]
    steps = [l.rstrip("\n").split(" ", 1) for l in sys.stdin if l.strip()]
    try:
        import pty
        pid, fd = pty.fork()
    except (OSError, ImportError) as e:
        print("no pseudo-terminal: %s" % e, file=sys.stderr)
        return 77
    if pid == 0:
        os.environ.setdefault("TERM", "xterm")
        try:
            import fcntl, struct
            fcntl.ioctl(0, termios.TIOCSWINSZ,
                        struct.pack("HHHH", 24, 80, 0, 0))
        except OSError:
            pass
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    deadline = time.monotonic() + limit
    seen = b""

    def read(wait):
        nonlocal seen
        r, _, _ = select.select([fd], [], [], wait)
        if not r:
            return True
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            return False
        transcript.write(data)
        transcript.flush()
        seen += data
        return True

    def give_up(why):
        print("keys.py: %s" % why, file=sys.stderr)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return 124

    for verb, arg in ((s[0], s[1] if len(s) > 1 else "") for s in steps):
        text = codecs.decode(arg.encode("utf-8"),
                             "unicode_escape").encode("latin-1")
        if verb == "send":
            while termios.tcgetattr(fd)[3] & termios.ICANON:
                if time.monotonic() > deadline:
                    return give_up("the terminal stayed in canonical mode")
                read(0.01)
            os.write(fd, text)
            continue
        while text not in seen:
            left = deadline - time.monotonic()
            if left <= 0 or not read(min(left, 0.5)):
                return give_up("no %r after %gs; the end: %r" %
                               (arg, limit, seen[-300:]))
        seen = seen[seen.index(text) + len(text):]
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return give_up("the command did not end within %gs" % limit)
        if not read(min(left, 0.5)):
            break
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
