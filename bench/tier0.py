"""Tier-0 benchmark: each program in CPython and through pyfora, warm and cold, long and short.

    python bench/tier0.py [--short] [--markdown] [NAME ...]

For every program in ``bench/programs.py`` (``PROGRAMS``, 0.3-1 s in CPython,
and ``SHORT``, 30-100 ms; ``--short`` runs only those):

- warm: the best of 3 direct CPython calls against the best of 3
  ``executor.submit(fn, *args).result()`` on one ``pyfora.connect(workers=1)``
  executor after a warm-up submit;
- cold: what a user meets running a script. The best of 3 fresh
  processes ``python -c "import programs, pyfora;
  pyfora.submit(programs.f, *args).result()"`` (the default executor,
  everything included) against the best of 3
  ``python -c "import programs; programs.f(*args)"``: once with an empty
  compiled-code cache (the first run ever: the VM's prelude and the program
  compiled), and once with the cache an earlier run of the same command left
  (a script run again).

The results must be identical, floats bit for bit (tier 0 runs CPython's own
arithmetic). Prints each table with the pyfora/CPython ratios, their geometric
means, and the submit overhead of ``trivial`` (median of 50). ``--markdown``
prints the same as markdown for bench/RESULTS.md. Exits 1 if any program
failed or disagreed.
"""

import argparse
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
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


def run_warm(executor, fn, args):
    """Return (cpython s, pyfora s or None, note) for one program on a warm executor."""
    cpython_s, expected = best_of(lambda: fn(*args))
    try:
        executor.submit(fn, *args).result()   # warm-up: ships the program image
        pyfora_s, got = best_of(lambda: executor.submit(fn, *args).result())
    except Exception as exc:                  # report it and go on to the next
        return cpython_s, None, f"error: {type(exc).__name__}: {exc}"[:80]
    if not same(expected, got):
        return cpython_s, pyfora_s, f"MISMATCH: {got!r:.40} != {expected!r:.40}"
    return cpython_s, pyfora_s, ""


def _fresh_process(statement: str, cache: str) -> float:
    """Seconds a fresh `python -c` of `statement` takes, start to exit, with its compiled-code cache in `cache`."""
    code = f"import sys; sys.path.insert(0, {str(BENCH)!r}); {statement}"
    env = dict(os.environ, PYFORA_CACHE_DIR=cache)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    return elapsed


def _empty_cache_run(statement: str) -> float:
    with tempfile.TemporaryDirectory() as cache:
        return _fresh_process(statement, cache)


def run_cold(name, args):
    """Return (cpython s, pyfora s with an empty cache or None, pyfora s with a warm cache or None, note):
    the best of REPEATS fresh processes each way."""
    call = f"programs.{name}(*{args!r})"
    cpython_s = min(_empty_cache_run(f"import programs; {call}") for _ in range(REPEATS))
    submit = f"import programs, pyfora; pyfora.submit(programs.{name}, *{args!r}).result()"
    try:
        empty_s = min(_empty_cache_run(submit) for _ in range(REPEATS))
        with tempfile.TemporaryDirectory() as cache:
            _fresh_process(submit, cache)     # an earlier run of the script fills the cache
            warm_s = min(_fresh_process(submit, cache) for _ in range(REPEATS))
    except RuntimeError as exc:
        return cpython_s, None, None, f"error: {exc}"[:80]
    return cpython_s, empty_s, warm_s, ""


def submit_overhead_ms(executor):
    """Median milliseconds of submit(trivial).result() round trips."""
    executor.submit(programs.trivial).result()
    times = []
    for _ in range(OVERHEAD_CALLS):
        start = time.perf_counter()
        executor.submit(programs.trivial).result()
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


def geomean(ratios):
    return math.exp(statistics.fmean(map(math.log, ratios))) if ratios else math.nan


def _ratio(cpy, pyf):
    return pyf / cpy if pyf is not None else None


def _cell(value, digits):
    return "-" if value is None else f"{value:.{digits}f}"


def _geomeans(rows) -> list[float]:
    """Geometric mean ratios of the warm, cold (empty cache) and cold (warm cache) columns."""
    pairs = [lambda w, c: (w[0], w[1]), lambda w, c: (c[0], c[1]), lambda w, c: (c[0], c[2])]
    return [geomean([r for r in (_ratio(*pick(w, c)) for _, w, c in rows) if r is not None]) for pick in pairs]


def print_table(title, rows, markdown):
    """rows: (name, warm (cpy, pyf, note), cold (cpy, pyf empty cache, pyf warm cache, note))."""
    head = ["program", "CPython s", "pyfora s", "warm ratio", "CPython cold s", "pyfora cold s",
            "cold ratio", "cached cold s", "cached ratio", "note"]
    lines = []
    for name, (wc, wp, wn), (cc, cp, ccp, cn) in rows:
        lines.append([name, _cell(wc, 3), _cell(wp, 3), _cell(_ratio(wc, wp), 2), _cell(cc, 3), _cell(cp, 3),
                      _cell(_ratio(cc, cp), 2), _cell(ccp, 3), _cell(_ratio(cc, ccp), 2),
                      "; ".join(n for n in (wn, cn) if n)])
    warm, cold, cached = _geomeans(rows)
    if markdown:
        print(f"### {title}\n")
        print("| " + " | ".join(head) + " |")
        print("|---|" + "---:|" * 8 + "---|")
        for line in lines:
            print("| " + " | ".join(line) + " |")
        print(f"\nGeometric mean ratio: warm **{warm:.2f}**, cold **{cold:.2f}**, cold with a warm "
              f"cache **{cached:.2f}**.\n")
    else:
        print(title)
        print(f"{head[0]:<15}" + "".join(f"{h:>14}" for h in head[1:9]) + "  note")
        for line in lines:
            print(f"{line[0]:<15}" + "".join(f"{c:>14}" for c in line[1:9]) + f"  {line[9]}")
        print(f"geometric mean ratio: warm {warm:.2f}, cold {cold:.2f}, cold with a warm cache {cached:.2f}\n")


def measure(executor, table, quiet):
    rows = []
    for name, fn, args in table:
        if not quiet:
            print(f"  running {name}{args} ...", file=sys.stderr, flush=True)
        rows.append((name, run_warm(executor, fn, args), run_cold(name, args)))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="only the short programs")
    parser.add_argument("--markdown", action="store_true", help="markdown tables")
    parser.add_argument("names", nargs="*", help="only these programs")
    opts = parser.parse_args(argv)

    tables = [("Short programs (30-100 ms in CPython)", programs.SHORT)]
    if not opts.short:
        tables.insert(0, ("Long programs (0.3-1 s in CPython)", programs.PROGRAMS))
    if opts.names:
        tables = [(title, [row for row in table if row[0] in opts.names]) for title, table in tables]
    with pyfora.connect(workers=1) as executor:
        results = [(title, measure(executor, table, opts.markdown)) for title, table in tables]
        overhead = submit_overhead_ms(executor)

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    print(f"Python {platform.python_version()}, {cpu}, {os.cpu_count()} cores; warm: pyfora on one warm worker; "
          f"cold: fresh processes, the default executor, an empty compiled-code cache; cached cold: the same "
          f"with the cache an earlier run of the same command left.\n")
    for title, rows in results:
        print_table(title, rows, opts.markdown)
    print(f"Submit overhead of `trivial` (median of {OVERHEAD_CALLS}): {overhead:.2f} ms.")
    failed = any(w[2] or c[3] for _, rows in results for _, w, c in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
