"""Start-up benchmark: what a first computation costs, in a fresh process and in a warm executor.

    python bench/startup.py [--runs N] [--markdown]

Part 1 times exact shell commands in fresh processes (the median of N runs
each, the commands taking turns; `m.py` holds a trivial `f` in the working
directory) against `python -c "import m; print(m.f())"`. A warm disk cache is one an earlier run
of the same command filled; a cold one is a new empty directory for every
run. Part 2 times, inside one process with a warm executor of one worker,
the first submit of a function it has not seen (a new definition each time,
written to a module file) against a submit of a function it has run before.
The disk cache is cold when nothing compiled that definition before, warm
when another executor (other worker processes) did. The bench's caches live
in a temporary directory (PYFORA_CACHE_DIR), never the user's.

Targets (issue 6): the fresh-process submit within 0.15 s of plain Python;
a new small function's first submit within 20 ms of a warm submit, within
5 ms with a warm disk cache.
"""
import argparse
import importlib
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyfora

COMMAND_TIMEOUT = 60
PLAIN = 'python -c "import m; print(m.f())"'
SUBMIT = 'python -c "import m, pyfora; print(pyfora.submit(m.f).result())"'
COMMANDS = [
    ("plain Python", "", PLAIN, "warm"),
    ("import pyfora", "", 'python -c "import pyfora"', "warm"),
    ("submit, 1 worker", "PYFORA_WORKERS=1", SUBMIT, "warm"),
    ("submit, 2 workers", "PYFORA_WORKERS=2", SUBMIT, "warm"),
    (f"submit, default workers ({os.cpu_count()})", "", SUBMIT, "warm"),
    (f"submit, default workers ({os.cpu_count()})", "", SUBMIT, "cold"),
]

SMALL = """
def small_{i}(xs):
    total = 0
    for x in xs:
        if x % 3 == {r}:
            total += x * x
    return [total, sorted(xs, reverse=True)[:2]]
"""
CLASSES = "\n".join(f"""
class Shape{k}_{{i}}:
    def __init__(self, size):
        self.size = size
    def area(self):
        return self.size * {k + 1}
    def grown(self, by):
        return Shape{k}_{{i}}(self.size + by)
""" for k in range(10)) + """
def program_{i}(n):
    shapes = [Shape0_{i}(n), Shape1_{i}(n), Shape2_{i}(n), Shape3_{i}(n), Shape4_{i}(n),
              Shape5_{i}(n), Shape6_{i}(n), Shape7_{i}(n), Shape8_{i}(n), Shape9_{i}(n)]
    return sum(s.grown(1).area() for s in shapes)
"""


def cpu_name() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return platform.processor() or "unknown CPU"
    fields = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    return fields.get("Model name", "unknown CPU").strip()


# ## Part 1: fresh processes

def time_command(argv: list[str], env: dict, cwd: Path) -> float:
    """Seconds `argv` took. Its output goes to files, not pipes: a worker that outlived its client
    would hold a pipe open, and the bench would wait on it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=err)
        # A watchdog rather than wait(timeout=...), which polls at up to 50 ms and rounds the times.
        watchdog = threading.Timer(COMMAND_TIMEOUT, process.kill)
        watchdog.start()
        try:
            returncode = process.wait()
        finally:
            watchdog.cancel()
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if returncode != 0 or stdout.strip() not in (b"", b"1") or stderr:
        raise RuntimeError(f"{argv} failed ({returncode}): {stderr.decode()[-2000:]}")
    return elapsed


def fresh_process_rows(runs: int, work: Path) -> list[tuple[str, str, float]]:
    """(what, exact command, median seconds) for each of COMMANDS, run in turn so that a change in
    the machine's load falls on all of them alike."""
    (work / "m.py").write_text("def f():\n    return 1\n")
    times: list[list[float]] = [[] for _ in COMMANDS]
    for run in range(runs + 1):
        for i, (_, env_text, command, cache) in enumerate(COMMANDS):
            argv = [sys.executable if word == "python" else word for word in shlex.split(command)]
            env = {k: v for k, v in os.environ.items() if k not in ("PYFORA_WORKERS", "PYFORA_CACHE_DIR")}
            env.update(dict(a.split("=", 1) for a in env_text.split()))
            env["PYFORA_CACHE_DIR"] = str(work / ("warm-cache" if cache == "warm" else f"cold-{i}-{run}"))
            elapsed = time_command(argv, env, work)
            if run:   # the first round warms the OS's caches and the warm disk cache
                times[i].append(elapsed)
    rows = []
    for (what, env_text, command, cache), seconds in zip(COMMANDS, times):
        shown = " ".join(filter(None, [env_text, f"PYFORA_CACHE_DIR=<{cache}>" if "pyfora" in command else "",
                                       command]))
        rows.append((what, shown, statistics.median(seconds)))
    return rows


# ## Part 2: a warm executor

class Programs:
    """Module files of new definitions, each imported once."""

    def __init__(self, work: Path):
        self.work = work
        self.count = 0
        sys.path.insert(0, str(work))

    def make(self, template: str, name: str):
        self.count += 1
        i = self.count
        module = f"bench_startup_{i}"
        (self.work / f"{module}.py").write_text(template.format(i=i, r=i % 3))
        return getattr(importlib.import_module(module), f"{name}_{i}")


def first_submits(executor, fns: list, args: tuple) -> list[float]:
    times = []
    for fn in fns:
        start = time.perf_counter()
        executor.submit(fn, *args).result()
        times.append(time.perf_counter() - start)
    return times


def warm_executor_rows(runs: int, work: Path) -> list[tuple[str, float]]:
    """(what, median seconds) of warm submits and first submits, cold and warm disk cache."""
    programs = Programs(work)
    os.environ["PYFORA_CACHE_DIR"] = str(work / "executor-cache")
    small_args, class_args = (list(range(30)),), (3,)
    cases = [("a new small function", SMALL, "small", small_args),
             ("a new ten-class program", CLASSES, "program", class_args)]
    made = {what: [programs.make(template, name) for _ in range(runs)] for what, template, name, _ in cases}
    rows = []
    with pyfora.connect(workers=1) as executor:
        executor.submit(made[cases[0][0]][0], *small_args).result()
        warm = first_submits(executor, [made[cases[0][0]][0]] * (5 * runs), small_args)
        rows.append(("warm submit (a function run before)", statistics.median(warm)))
        for what, _, _, args in cases:
            rows.append((f"first submit of {what}, cold disk cache",
                         statistics.median(first_submits(executor, made[what], args))))
    with pyfora.connect(workers=1) as executor:   # new workers: only the disk cache knows the code
        executor.submit(made[cases[0][0]][0], *small_args).result()
        for what, _, _, args in cases:
            rows.append((f"first submit of {what}, warm disk cache",
                         statistics.median(first_submits(executor, made[what][1:], args))))
    return rows


# ## Output

def report(fresh, warm, runs: int, markdown: bool):
    header = (f"Python {platform.python_version()}, {cpu_name()}, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f} at the end; median of {runs} runs; "
              f"bytecode caches {'not written (PYTHONDONTWRITEBYTECODE)' if sys.dont_write_bytecode else 'written'}"
              f"{f' under {sys.pycache_prefix}' if sys.pycache_prefix else ''}.")
    plain = fresh[0][2]
    base = warm[0][1]
    if markdown:
        print(header + "\n")
        print("| fresh process | command | median s | minus plain Python s |")
        print("|---|---|---:|---:|")
        for what, command, seconds in fresh:
            print(f"| {what} | `{command}` | {seconds:.3f} | {seconds - plain:+.3f} |")
        print("\n| in a warm executor (1 worker) | median ms | minus warm submit ms |")
        print("|---|---:|---:|")
        for what, seconds in warm:
            print(f"| {what} | {seconds * 1e3:.1f} | {(seconds - base) * 1e3:+.1f} |")
        return
    print(header)
    for what, command, seconds in fresh:
        print(f"{what:<30}{seconds:8.3f} s {seconds - plain:+8.3f} s   {command}")
    print()
    for what, seconds in warm:
        print(f"{what:<55}{seconds * 1e3:8.1f} ms {(seconds - base) * 1e3:+8.1f} ms")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs per measurement (median)")
    parser.add_argument("--markdown", action="store_true", help="markdown tables for bench/RESULTS.md")
    opts = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pyfora-startup-") as tmp:
        work = Path(tmp)
        fresh = fresh_process_rows(opts.runs, work)
        warm = warm_executor_rows(opts.runs, work)
    report(fresh, warm, opts.runs, opts.markdown)


if __name__ == "__main__":
    main()
