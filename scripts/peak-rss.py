#!/usr/bin/env python3
"""Peak memory of a command and all its descendants (worker processes included).

  python3 scripts/peak-rss.py CMD [ARG ...]

Samples /proc every 10 ms and prints, on stderr after the command ends, the
largest at one moment over the process tree of: the sum of RSS (the code every
process maps counted once per process); the sum of PSS (shared pages split
between the processes that map them: what the tree really costs); and the
sum of anonymous memory plus the largest mapped-file memory, files counted
once (what the parse pool holds to its limit, packages/cli/src/pool.ts; with
worker threads it was one process's RSS). And the command's exit status. Linux only. `/usr/bin/time -v`
reports only the largest single process, which undercounts a run whose
workers are processes.
"""
import os
import subprocess
import sys
import time


def children(pid):
    kids = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                kids += [int(p) for p in f.read().split()]
    except OSError:
        pass
    return kids


def tree(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children(p)
    return out


def field(pid, path, name):
    try:
        with open(f"/proc/{pid}/{path}") as f:
            for line in f:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    proc = subprocess.Popen(sys.argv[1:])
    peak_rss = peak_pss = peak_once = 0
    n = 0
    while proc.poll() is None:
        pids = tree(proc.pid)
        peak_rss = max(peak_rss, sum(field(p, "status", "VmRSS") for p in pids))
        anon = sum(field(p, "status", "RssAnon") + field(p, "status", "RssShmem") for p in pids)
        peak_once = max(peak_once, anon + max(field(p, "status", "RssFile") for p in pids))
        # smaps_rollup is slower to read: every fifth sample
        if n % 5 == 0:
            peak_pss = max(peak_pss, sum(field(p, "smaps_rollup", "Pss") for p in pids))
        n += 1
        time.sleep(0.01)
    print(f"peak-rss: {peak_rss / 1024:.0f} MB summed RSS, {peak_pss / 1024:.0f} MB summed PSS, {peak_once / 1024:.0f} MB files once, exit {proc.returncode}", file=sys.stderr)
    sys.exit(proc.returncode if proc.returncode >= 0 else 128 - proc.returncode)


if __name__ == "__main__":
    main()
