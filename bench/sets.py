"""Set transport benchmark: sets sent with their tables (compiler/set_layout.py) against plain pickle.

    PYTHONHASHSEED=0 python bench/sets.py [--quick]

For each value, the least CPU time of a few round trips (dumps then loads, protocol 5):
- plain: ``pickle.dumps`` then ``pickle.loads``;
- ours: a pickler whose ``persistent_id`` hands objects to ``set_layout.SetWriting``
  and an unpickler whose ``persistent_load`` is ``set_layout.persistent_load``, as
  the VM's picklers have them;
- tables off: the same picklers with ``set_layout.SUPPORTED`` False (sets travel as
  plain pickle writes them): what the ``persistent_id`` hook costs by itself.
Prints a table, with how many sets pickle's rebuild would have changed ("recipes":
those sent with a recipe or as a sequence of their items in another order). Exits 1
if a set came back in another order.
"""

import argparse
import gc
import io
import pickle
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run from a checkout without installing

from pyfora.compiler import set_layout  # noqa: E402


_SET_TYPES = set_layout.SET_TYPES


class SetWriter(pickle.Pickler):
    def __init__(self, file):
        super().__init__(file, protocol=5)
        self.sets = set_layout.SetWriting()

    def persistent_id(self, obj):
        if type(obj) in _SET_TYPES:     # as the VM's picklers do: other objects cost this test only
            return self.sets.persistent_id(obj)
        return None


class SetReader(pickle.Unpickler):
    def persistent_load(self, pid):
        return set_layout.persistent_load(pid)


def ours(value):
    file = io.BytesIO()
    SetWriter(file).dump(value)
    return SetReader(io.BytesIO(file.getvalue())).load()


def tables_off(value):
    supported, set_layout.SUPPORTED = set_layout.SUPPORTED, False
    try:
        return ours(value)
    finally:
        set_layout.SUPPORTED = supported


def plain(value):
    return pickle.loads(pickle.dumps(value, protocol=5))


def small_frozensets(count: int) -> list:
    """`count` frozensets of 3-5 small ints or short strings."""
    rng = random.Random(1)

    def one():
        size = rng.randrange(3, 6)
        if rng.random() < 0.5:
            return frozenset(rng.randrange(100) for _ in range(size))
        return frozenset(f"s{rng.randrange(1000)}" for _ in range(size))
    return [one() for _ in range(count)]


def strings(count: int) -> list:
    return [{f"item-{i}" for i in range(count)}]


def recipes(value: list) -> int:
    writing = set_layout.SetWriting()
    return sum(writing.persistent_id(s) is not None for s in value)


def best(round_trip, value, repeats: int) -> tuple:
    """The least CPU time of `repeats` round trips (other processes on the machine do not count), and
    the last result."""
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.process_time()
        result = round_trip(value)
        times.append(time.process_time() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller values, fewer repeats")
    quick = parser.parse_args().quick
    small, big = (2_500, 100_000) if quick else (25_000, 1_000_000)
    cases = [(f"{small:,} frozensets of 3-5 items", lambda: small_frozensets(small), 3 if quick else 9),
             (f"a set of {big:,} strings", lambda: strings(big), 1 if quick else 3)]
    print(f"Python {sys.version.split()[0]}, set_layout.SUPPORTED={set_layout.SUPPORTED}"
          f"{'' if set_layout.SUPPORTED else ' (' + set_layout.UNSUPPORTED_REASON + ')'}")
    print(f"{'value':32} {'sets':>6} {'recipes':>7} {'plain s':>8} {'tables off s':>12} {'ours s':>8} "
          f"{'ours/plain':>10}")
    failed = False
    for name, make, repeats in cases:
        value = make()
        plain_time, _ = best(plain, value, repeats)
        off_time, _ = best(tables_off, value, repeats)
        our_time, back = best(ours, value, repeats)
        failed |= set_layout.SUPPORTED and any(list(a) != list(b) for a, b in zip(value, back))
        print(f"{name:32} {len(value):6} {recipes(value):7} {plain_time:8.3f} {off_time:12.3f} {our_time:8.3f} "
              f"{our_time / plain_time:10.2f}")
        del value, back
    if failed:
        print("a set came back in another order")
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
