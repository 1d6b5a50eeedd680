"""Transport benchmark: how long arguments and results take to travel, against plain pickle and CPython.

    python bench/transport.py [--quick] [--repeats N]

Rows: a 400 MB float64 array argument with a Python loop over it (`total`), the
same argument with nothing done to it (`first`: the transfer alone), a 400 MB
array made and sent back (`filled`), a 10,000-deep nested list argument
(`depth`) and result (`nested`). Columns, each the least wall time of a few
runs, in seconds:
- pyfora: `submit(...).result()` on a warm executor with one worker process;
- in process: the same with `workers=0` (no worker process);
- pickle: `pickle.loads(pickle.dumps(...))` of the arguments, the call, and the
  same round trip of its result, all in this process (protocol 5, in band);
- multiprocessing: `Pool(1).apply` (fork), plain pickle over a pipe both ways (the
  result pickled in the worker by the call, so that a failure is reported);
- CPython: the call itself.
A cell that failed says which error. `--quick` uses 40 MB and 1,000 levels.
"""
import argparse
import multiprocessing
import pickle
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run from a checkout without installing

import pyfora  # noqa: E402


def total(a):
    s = 0.0
    for x in a:
        s += x
    return s


def first(a):
    return a[0]


def filled(n):
    return np.full(n, 1.5)


def depth(value):
    d = 0
    while value:
        value = value[0]
        d += 1
    return d


def nested(n):
    value = []
    for _ in range(n):
        value = [value]
    return value


def make_nested(n):
    return nested(n)


def best(run, repeats: int) -> str:
    """The least wall time of `repeats` calls of `run`, or the error of the first that failed."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        try:
            run()
        except Exception as exc:    # a cell reports its failure, the table goes on
            return type(exc).__name__
        times.append(time.perf_counter() - start)
    return f"{min(times):.3f}"


def call_pickled(fn, args):
    """In a multiprocessing worker: the result pickled here, so a failure comes back as an exception
    (the pool's own pickling of a result kills its worker when that fails)."""
    return pickle.dumps(fn(*args), protocol=5)


def pickled(fn, *args):
    args = pickle.loads(pickle.dumps(args, protocol=5))
    return pickle.loads(pickle.dumps(fn(*args), protocol=5))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="40 MB arrays, 1,000-deep lists")
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    n = 5 * 10 ** 6 if options.quick else 5 * 10 ** 7
    levels = 1_000 if options.quick else 10_000
    array = np.random.default_rng(0).random(n)
    deep = nested(levels)
    mb = array.nbytes // 10 ** 6
    rows = [(f"{mb} MB argument, loop over it", total, (array,)),
            (f"{mb} MB argument, transfer only", first, (array,)),
            (f"{mb} MB result", filled, (n,)),
            (f"{levels:,}-deep list argument", depth, (deep,)),
            (f"{levels:,}-deep list result", make_nested, (levels,))]
    print(f"Python {sys.version.split()[0]}, numpy {np.__version__}; least wall time of {options.repeats} runs, s")
    print(f"{'':34} {'pyfora':>10} {'in process':>12} {'pickle':>10} {'multiproc':>10} {'CPython':>10}")
    # The pool forks before pyfora starts any thread.
    with multiprocessing.get_context("fork").Pool(1) as pool, pyfora.connect(workers=1) as workers, \
            pyfora.connect(workers=0) as here:
        workers.submit(depth, [[]]).result()    # the worker started and warm
        for name, fn, args in rows:
            cells = [best(lambda: workers.submit(fn, *args).result(), options.repeats),
                     best(lambda: here.submit(fn, *args).result(), options.repeats),
                     best(lambda: pickled(fn, *args), options.repeats),
                     best(lambda: pickle.loads(pool.apply(call_pickled, (fn, args))), options.repeats),
                     best(lambda: fn(*args), options.repeats)]
            print(f"{name:34} " + " ".join(f"{c:>{w}}" for c, w in zip(cells, (10, 12, 10, 10, 10))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
