"""Sets rebuilt from their table (vm/set_layout.py) iterate, grow and pop exactly as the original."""
import random
import sys

import pytest

from pyfora.compiler import set_layout

pytestmark = pytest.mark.skipif(not set_layout.SUPPORTED, reason="reads CPython 3.11's set table")


def _history(seed: int) -> set:
    """A set with a history: items of several kinds added, some removed."""
    rng = random.Random(seed)
    made = set()
    items = [rng.choice([f"w{rng.randrange(10**6)}", rng.randrange(10**4), (rng.randrange(50), "x")])
             for _ in range(rng.randrange(0, 200))]
    for item in items:
        made.add(item)
    for item in items[: len(items) // 2]:
        if rng.random() < 0.4:
            made.discard(item)
    return made


@pytest.mark.parametrize("seed", range(40))
def test_rebuilt_set_iterates_grows_and_pops_as_the_original(seed):
    original = _history(seed)
    rebuilt = set_layout.relayout(set(original), list(original), set_layout.layout(original))
    assert type(rebuilt) is set and rebuilt == original and list(rebuilt) == list(original)
    for extra in (f"e{i}" for i in range(30)):
        original.add(extra)
        rebuilt.add(extra)
    assert list(rebuilt) == list(original)
    assert [original.pop() for _ in range(5)] == [rebuilt.pop() for _ in range(5)]


def test_frozenset_takes_the_table_it_is_given():
    grown = set(range(20))
    for i in range(20):
        grown.discard(i)
    grown.update([40, 3])   # a big table of removed slots: 3 comes before 40
    items = list(grown)
    assert items == [3, 40] and list(frozenset(items)) == [40, 3]
    rebuilt = set_layout.relayout(frozenset(items), items, set_layout.layout(grown))
    assert type(rebuilt) is frozenset and list(rebuilt) == [3, 40] and hash(rebuilt) == hash(frozenset(items))


def test_plain_pickle_would_change_the_order():
    """Why the table travels: adding the items again gives another order for most such sets."""
    changed = sum(list(set(list(s))) != list(s) for s in map(_history, range(40)))
    assert changed > 5


def test_items_elsewhere_than_the_table_says_leave_an_ordinary_set():
    table = set_layout.layout({"x", "y", "z"})
    rebuilt = set_layout.relayout({"p", "q", "r"}, ["p", "q", "r"], table)
    assert rebuilt == {"p", "q", "r"} and all(k in rebuilt for k in "pqr")


def test_rebuilding_keeps_reference_counts():
    item = "an-item-of-its-own"
    original = {item, "a", "b"}
    before = sys.getrefcount(item)
    for _ in range(100):
        set_layout.relayout(set(original), list(original), set_layout.layout(original))
        set_layout.relayout(frozenset(original), list(original), set_layout.layout(original))
    assert sys.getrefcount(item) == before
