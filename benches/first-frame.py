#!/usr/bin/env python3
"""Times the reader's first frame: starts parallax in a pseudo-terminal of 160 × 45 and
measures, from just before the process is started, until the terminal has received a
whole first frame (the reader's status line, which is drawn last), then quits it with
`q`. Prints the median and the range over the runs.

usage: python3 benches/first-frame.py RUNS PARALLAX FILE...
"""
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import sys
import termios
import time

# Drawn on the bottom row once the first frame is complete (found with the escape
# sequences that style it taken out).
STATUS = b"? help"
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
SIZE = struct.pack("HHHH", 45, 160, 0, 0)


def first_frame(cmd):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, SIZE)  # the size is set before parallax starts
        os.execvp(cmd[0], cmd)
    seen, elapsed = b"", None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if STATUS in ESCAPES.sub(b"", seen):
            elapsed = time.perf_counter() - start
    os.write(fd, b"q")
    while True:  # drain until the reader has left
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def main():
    if len(sys.argv) < 4 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    runs, cmd = int(sys.argv[1]), sys.argv[2:]
    times = [first_frame(cmd) for _ in range(runs)]
    if any(t is None for t in times):
        sys.exit("no first frame seen (is the status text still '? help'?)")
    ms = sorted(t * 1000 for t in times)
    print(f"first frame: median {statistics.median(ms):.1f} ms, "
          f"range {ms[0]:.1f}–{ms[-1]:.1f} ms over {runs} runs")


if __name__ == "__main__":
    main()
