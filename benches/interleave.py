#!/usr/bin/env python3
"""Times commands run by turns: each round runs every command once, so that a machine
whose speed drifts (shared with other work) slows all of them alike. Prints the median
wall time and the median CPU time (user + system) of each command.

usage: python3 benches/interleave.py ROUNDS "COMMAND 1" "COMMAND 2" ...
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    rounds, commands = int(sys.argv[1]), sys.argv[2:]
    wall = {c: [] for c in commands}
    cpu = {c: [] for c in commands}
    for c in commands:  # one untimed run each: caches warm
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(rounds):
        for c in commands:
            before, start = os.times(), time.perf_counter()
            subprocess.run("exec " + c, shell=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            wall[c].append(time.perf_counter() - start)
            after = os.times()
            cpu[c].append(after.children_user - before.children_user
                          + after.children_system - before.children_system)
    for c in commands:
        print(f"{statistics.median(wall[c]) * 1000:8.1f} ms wall  "
              f"{statistics.median(cpu[c]) * 1000:8.1f} ms cpu  {c}")


if __name__ == "__main__":
    main()
