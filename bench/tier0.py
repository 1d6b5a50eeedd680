"""Tier-0 benchmark: each program in CPython and through pyfora on one worker.

    python bench/tier0.py [--quick] [--markdown] [NAME ...]

For every program in ``bench/programs.py``: the best of 3 direct CPython
calls, and the best of 3 ``executor.submit(fn, *args).result()`` on one
``pyfora.connect(workers=1)`` executor after a warm-up submit. The results
must be identical, floats bit for bit (tier 0 runs CPython's own arithmetic). Prints
a table with the pyfora/CPython ratio, their geometric mean, and the submit
overhead of ``trivial`` (median of 50). ``--markdown`` prints the same as
markdown for bench/RESULTS.md. Exits 1 if any program failed or disagreed.
"""

import argparse
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))   # run from a checkout without installing

import pyfora  # noqa: E402
import programs  # noqa: E402  (bench/ is sys.path[0] when run as a script)

REPEATS = 3
OVERHEAD_CALLS = 50


def best_of(call):
    """Return (best wall time of REPEATS calls, the last result)."""
    best, result = math.inf, None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def same(a, b):
    """Identical values: equal and of the same types all the way down."""
    if isinstance(a, (list, tuple)) and type(a) is type(b):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def run_one(executor, fn, args):
    """Return (cpython s, pyfora s or None, note) for one program."""
    cpython_s, expected = best_of(lambda: fn(*args))
    try:
        executor.submit(fn, *args).result()   # warm-up: ships the program image
        pyfora_s, got = best_of(lambda: executor.submit(fn, *args).result())
    except Exception as exc:                  # report it and go on to the next
        return cpython_s, None, f"error: {type(exc).__name__}: {exc}"[:80]
    if not same(expected, got):
        return cpython_s, pyfora_s, f"MISMATCH: {got!r:.40} != {expected!r:.40}"
    return cpython_s, pyfora_s, ""


def submit_overhead_ms(executor):
    """Median milliseconds of submit(trivial).result() round trips."""
    executor.submit(programs.trivial).result()
    times = []
    for _ in range(OVERHEAD_CALLS):
        start = time.perf_counter()
        executor.submit(programs.trivial).result()
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


def print_text(rows, geomean, overhead):
    print(f"{'program':<15}{'CPython s':>11}{'pyfora s':>11}{'ratio':>8}  note")
    for name, cpy, pyf, note in rows:
        pyf_s = f"{pyf:11.3f}" if pyf is not None else f"{'-':>11}"
        ratio = f"{pyf / cpy:8.2f}" if pyf is not None else f"{'-':>8}"
        print(f"{name:<15}{cpy:11.3f}{pyf_s}{ratio}  {note}")
    print(f"geometric mean ratio: {geomean:.2f}")
    print(f"submit overhead (trivial, median of {OVERHEAD_CALLS}): {overhead:.2f} ms")


def print_markdown(rows, geomean, overhead, quick):
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"{'quick' if quick else 'full'} sizes, pyfora on one worker.\n")
    print("| program | CPython s | pyfora s | ratio | note |")
    print("|---|---:|---:|---:|---|")
    for name, cpy, pyf, note in rows:
        if pyf is None:
            print(f"| {name} | {cpy:.3f} | - | - | {note} |")
        else:
            print(f"| {name} | {cpy:.3f} | {pyf:.3f} | {pyf / cpy:.2f} | {note} |")
    print(f"\nGeometric mean ratio: **{geomean:.2f}**. "
          f"Submit overhead of `trivial` (median of {OVERHEAD_CALLS}): "
          f"**{overhead:.2f} ms**.")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--markdown", action="store_true", help="markdown table")
    parser.add_argument("names", nargs="*", help="only these programs")
    opts = parser.parse_args(argv)

    table = programs.QUICK if opts.quick else programs.PROGRAMS
    if opts.names:
        table = [row for row in table if row[0] in opts.names]
    rows = []
    with pyfora.connect(workers=1) as executor:
        for name, fn, args in table:
            if not opts.markdown:
                print(f"  running {name}{args} ...", file=sys.stderr, flush=True)
            rows.append((name, *run_one(executor, fn, args)))
        overhead = submit_overhead_ms(executor)

    ratios = [pyf / cpy for _, cpy, pyf, _ in rows if pyf is not None]
    geomean = math.exp(statistics.fmean(map(math.log, ratios))) if ratios else math.nan
    if opts.markdown:
        print_markdown(rows, geomean, overhead, opts.quick)
    else:
        print_text(rows, geomean, overhead)
    return 1 if any(note for *_, note in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
