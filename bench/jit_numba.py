"""Run one JIT-benchmark workload under numba.njit and print a JSON report.

    python bench/jit_numba.py NAME SIZE... [--repeat N]

Every function of bench/jit_programs.py is replaced in its module by
``numba.njit`` of itself before the first call, so the workload's callees
are compiled too. Prints ``{"compile_s", "steady_s", "result"}``: compile_s
is the first call's time less the steady time, the best of N later calls;
the result as tokens (ints in decimal, floats as hex). Prints ``{"error"}``
with the reason numba gives when it cannot compile the workload.
"""

import argparse
import inspect
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numba  # noqa: E402
import jit_programs  # noqa: E402


def jit_module(module) -> None:
    for name, value in list(vars(module).items()):
        if inspect.isfunction(value) and value.__module__ == module.__name__:
            setattr(module, name, numba.njit(value))


def tokens(value) -> list[str]:
    values = value if isinstance(value, tuple) else (value,)
    return [float(v).hex() if isinstance(v, float) else str(int(v)) for v in values]


def reason(exc: Exception) -> str:
    """The line of numba's message that says why: the one after "Failed in nopython mode pipeline"."""
    lines = [line for line in str(exc).strip().splitlines() if line.strip()] or [""]
    return lines[1] if len(lines) > 1 and lines[0].startswith("Failed in") else lines[0]


def timed(call):
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    parser.add_argument("size", nargs="+", type=int)
    parser.add_argument("--repeat", type=int, default=1)
    opts = parser.parse_args()
    workload = next(w for w in jit_programs.WORKLOADS if w.name == opts.name)
    args = workload.make_args(*opts.size)
    jit_module(jit_programs)
    kernel = getattr(jit_programs, workload.fn.__name__)
    try:
        first_s, result = timed(lambda: kernel(*args))
    except Exception as exc:   # numba's typing errors: report the reason and go on
        print(json.dumps({"error": f"{type(exc).__name__}: {reason(exc)}"[:120]}))
        return
    steady_s = min(timed(lambda: kernel(*args))[0] for _ in range(opts.repeat))
    print(json.dumps({"compile_s": max(first_s - steady_s, 0.0), "steady_s": steady_s,
                      "result": tokens(result)}))


if __name__ == "__main__":
    main()
