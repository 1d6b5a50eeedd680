"""JIT benchmark (issue 9): each workload through pyfora, in CPython, in C and in Numba.

    python bench/jit.py [--quick] [--only NAME[,NAME]] [--numba-python PATH] [--repeat N] [--markdown]

For every workload in ``bench/jit_programs.py`` (full sizes take 3.5-20 s in
CPython 3.11; ``--quick`` runs the small sizes, a smoke run):

- CPython: the best of N direct calls in this process;
- pyfora: on one ``pyfora.connect(workers=1)`` executor, cold is the first
  ``submit(fn, *args).result()`` of that workload (it includes compiling,
  once the JIT exists), warm the best of N further submits; the compile
  time and count a future's metrics report, where they have them;
- C: ``bench/c/<c_name>.c`` built with gcc when gcc is present, its kernel's
  own elapsed time (see bench/jit_native.py);
- Numba: the same functions under ``numba.njit`` in a subprocess of
  ``--numba-python`` (default: this interpreter if numba imports in it), the
  best of N steady calls, the compile time (the first call less a steady
  one) apart.

The ratios are pyfora's warm time over the others. pyfora's result must be
CPython's (a float may differ where pyfora's ``sum`` adds in its own order:
reported, not failed); C's and Numba's are reported identical or not,
bit for bit. The Compose loop against the lambda loop gets its own line.
Targets: pyfora within 1.1x of C and no slower than Numba on every
workload, and Compose within 1.05x of lambda. Exits 1 if pyfora failed or an
int result disagreed.
"""

import argparse
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))   # run from a checkout without installing

import pyfora  # noqa: E402
import jit_native  # noqa: E402  (bench/ is sys.path[0] when run as a script)
import jit_programs  # noqa: E402
from jit_native import NativeRun, plain  # noqa: E402


def best_of(call, repeat):
    """Return (best wall time of `repeat` calls, the last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def run_pyfora(executor, fn, args, repeat):
    """Return (cold s, warm s, result, compile fields of the cold future's metrics)."""
    start = time.perf_counter()
    future = executor.submit(fn, *args)
    result = future.result()
    cold = time.perf_counter() - start
    metrics = future.metrics
    compiled = {name: getattr(metrics, name) for name in ("compile_time", "compiles")
                if getattr(metrics, name, None) is not None}
    warm, result = best_of(lambda: executor.submit(fn, *args).result(), repeat)
    return cold, warm, result, compiled


def compare(label, got, expected) -> str:
    """'' when identical; a note otherwise ('MISMATCH' for ints, which must agree)."""
    if got == expected:
        return ""
    kind = "MISMATCH" if isinstance(expected, int) else "differs"
    return f"{label} {kind}: {got!r:.30} != {expected!r:.30}"


@dataclass
class Row:
    """One workload's times in seconds; None where a column did not run. `notes` lists every
    disagreement and error."""
    name: str
    size: tuple
    cpython: float
    cold: float | None = None
    warm: float | None = None
    compiled: dict = field(default_factory=dict)
    c: NativeRun | None = None
    numba: NativeRun | None = None
    notes: list[str] = field(default_factory=list)


def measure(workload, size, executor, c_programs, numba_python, repeat) -> Row:
    args = workload.make_args(*size)
    cpython_s, expected = best_of(lambda: workload.fn(*args), repeat)
    expected = plain(expected)
    row = Row(workload.name, size, cpython_s)
    try:
        row.cold, row.warm, got, row.compiled = run_pyfora(executor, workload.fn, args, repeat)
        row.notes.append(compare("pyfora", plain(got), expected))
    except Exception as exc:        # report it and go on to the next workload
        row.notes.append(f"pyfora error: {type(exc).__name__}: {exc}"[:100])
    if c_programs:
        row.c = jit_native.run_c(c_programs[workload.c_name], jit_native.c_argv(workload, size))
    if numba_python:
        row.numba = jit_native.run_numba(numba_python, workload, size, repeat)
    for label, native in (("C", row.c), ("Numba", row.numba)):
        if native and native.error:
            row.notes.append(f"{label}: {native.error}")
        elif native:
            row.notes.append(compare(label, native.result, expected))
    row.notes = [note for note in row.notes if note]
    return row


def _cell(value, digits=3):
    return "-" if value is None else f"{value:.{digits}f}"


def _native_s(native: NativeRun | None):
    return native.seconds if native and not native.error else None


def _ratio(top, bottom):
    return top / bottom if top is not None and bottom else None


def table_lines(rows) -> tuple[list[str], list[list[str]]]:
    head = ["workload", "size", "CPython s", "pyfora cold s", "pyfora warm s", "pyfora compile",
            "C s", "Numba s (compile s)", "pyfora/C", "pyfora/Numba", "pyfora/CPython"]
    lines = []
    for row in rows:
        c_s, numba, numba_s = _native_s(row.c), row.numba, _native_s(row.numba)
        numba_cell = "unsupported" if numba and numba.error else (
            "-" if numba_s is None else f"{numba_s:.4f} ({numba.compile_s:.2f})")
        compiled = ", ".join(f"{k}={v:.3g}" for k, v in row.compiled.items()) or "-"
        lines.append([row.name, "x".join(map(str, row.size)), _cell(row.cpython), _cell(row.cold),
                      _cell(row.warm), compiled, _cell(c_s, 4), numba_cell, _cell(_ratio(row.warm, c_s), 1),
                      _cell(_ratio(row.warm, numba_s), 1), _cell(_ratio(row.warm, row.cpython), 2)])
    return head, lines


def print_table(rows, markdown):
    head, lines = table_lines(rows)
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|---|---|" + "---:|" * (len(head) - 2))
        for line in lines:
            print("| " + " | ".join(line) + " |")
        print()
    else:
        widths = [max(len(x) for x in column) for column in zip(head, *lines)]
        for line in [head, *lines]:
            print("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w)
                            for i, (cell, w) in enumerate(zip(line, widths))))
    for row in rows:
        for note in row.notes:
            print(f"{'- ' if markdown else '  '}{row.name}: {note}")


def print_compose_line(rows):
    by_name = {row.name: row for row in rows}
    compose, lam = by_name.get("compose_loop"), by_name.get("lambda_loop")
    if compose and lam:
        print(f"\nCompose/lambda (target 1.05 in pyfora): pyfora {_cell(_ratio(compose.warm, lam.warm), 2)}, "
              f"CPython {compose.cpython / lam.cpython:.2f}.")


def header(quick, c_version, numba_python, repeat) -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    c_text = (f"C: gcc {c_version} {' '.join(jit_native.GCC_FLAGS)}" if c_version
              else "C: skipped (no gcc)")
    numba_text = (f"Numba {jit_native.numba_version(numba_python)} ({numba_python})" if numba_python
                  else "Numba: skipped (numba does not import here; see --numba-python)")
    return (f"JIT workloads, {'quick' if quick else 'full'} sizes, best of {repeat}: Python "
            f"{platform.python_version()}, {cpu}, {os.cpu_count()} cores, load average {load} at start, "
            f"{time.strftime('%Y-%m-%d %H:%M %Z')}; {c_text}; {numba_text}.")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the small sizes (a smoke run)")
    parser.add_argument("--only", help="comma-separated workload names")
    parser.add_argument("--numba-python", help="an interpreter where numba imports")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per column (after pyfora's cold one)")
    parser.add_argument("--markdown", action="store_true", help="a markdown table")
    opts = parser.parse_args(argv)

    workloads = jit_programs.WORKLOADS
    if opts.only:
        names = opts.only.split(",")
        unknown = set(names) - {w.name for w in workloads}
        if unknown:
            parser.error(f"unknown workloads: {', '.join(sorted(unknown))}")
        workloads = [w for w in workloads if w.name in names]
    numba_python = opts.numba_python or jit_native.numba_python_default()
    c_version = jit_native.gcc_version()
    print(header(opts.quick, c_version, numba_python, opts.repeat) + "\n", flush=True)

    with tempfile.TemporaryDirectory() as build, pyfora.connect(workers=1) as executor:
        c_programs = c_version and jit_native.compile_c([w.c_name for w in workloads], Path(build))
        rows = []
        for workload in workloads:
            size = workload.quick if opts.quick else workload.full
            print(f"  running {workload.name}{size} ...", file=sys.stderr, flush=True)
            rows.append(measure(workload, size, executor, c_programs, numba_python, opts.repeat))
    print_table(rows, opts.markdown)
    print_compose_line(rows)
    print(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}.")
    failed = any("MISMATCH" in note or "pyfora error" in note for row in rows for note in row.notes)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
