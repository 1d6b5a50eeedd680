"""Sets sent through a pickle with compiler/set_layout.py iterate, grow and pop exactly as the original,
and sets whose tables pickle rebuilds travel as plain pickle writes them."""
import io
import pickle
import random
import sys
import sysconfig

import pytest

from pyfora.compiler import set_layout

needs_tables = pytest.mark.skipif(not set_layout.SUPPORTED, reason=str(set_layout.UNSUPPORTED_REASON))


class Writer(pickle.Pickler):
    def __init__(self, file):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.sets = set_layout.SetWriting()

    def persistent_id(self, obj):
        return self.sets.persistent_id(obj)


class Reader(pickle.Unpickler):
    def persistent_load(self, pid):
        return set_layout.persistent_load(pid)


def dumps(value) -> bytes:
    file = io.BytesIO()
    Writer(file).dump(value)
    return file.getvalue()


def round_trip(value):
    return Reader(io.BytesIO(dumps(value))).load()


def _history(seed: int) -> set:
    """A set with a history: items of several kinds added, some removed, some popped."""
    rng = random.Random(seed)
    made = set()
    items = [rng.choice([f"w{rng.randrange(10**6)}", rng.randrange(10**4), (rng.randrange(50), "x")])
             for _ in range(rng.randrange(0, 200))]
    for item in items:
        made.add(item)
    for item in items[: len(items) // 2]:
        if rng.random() < 0.4:
            made.discard(item)
    for _ in range(rng.randrange(3) if made else 0):
        made.pop()
    return made


def test_supported_on_cpython_3_11_to_3_13_with_the_gil():
    """The self-test passes where the set object is known: the tests below cannot be skipped there."""
    known = (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
             and not sysconfig.get_config_var("Py_GIL_DISABLED"))
    assert set_layout.SUPPORTED == known, set_layout.UNSUPPORTED_REASON
    assert (set_layout.UNSUPPORTED_REASON is None) == known


@needs_tables
@pytest.mark.parametrize("seed", range(60))
def test_sent_set_iterates_grows_and_pops_as_the_original(seed):
    original = _history(seed)
    for sent in (original, frozenset(original), set(original)):
        back = round_trip(sent)
        assert type(back) is type(sent) and back == sent and list(back) == list(sent)
    assert hash(round_trip(frozenset(original))) == hash(frozenset(original))
    back = round_trip(original)
    for extra in (f"e{i}" for i in range(30)):
        original.add(extra)
        back.add(extra)
    assert list(back) == list(original)
    assert [original.pop() for _ in range(5)] == [back.pop() for _ in range(5)]


@needs_tables
def test_frozenset_takes_the_table_it_is_given():
    grown = set(range(20))
    for i in range(20):
        grown.discard(i)
    grown.update([40, 3])   # a big table of removed slots: 3 comes before 40
    made = frozenset(grown)
    copied = frozenset(set(range(5)))   # a smaller table than adding its items makes
    collided = frozenset([15, 7])       # 15 took 7's slot
    assert list(grown) == [3, 40] and list(frozenset([3, 40])) == [40, 3] and list(collided) == [7, 15]
    for sent in (grown, made, copied, collided, frozenset(range(100_000))):
        back = round_trip(sent)
        assert type(back) is type(sent) and list(back) == list(sent) and back == sent
        grown, grown_back = set(sent) | {1000}, set(back) | {1000}   # a copy keeps the slots: they must be the same
        assert grown_back == grown and list(grown_back) == list(grown)


@needs_tables
def test_a_big_set_of_strings_keeps_its_order():
    big = {f"item-{i}" for i in range(100_000)}
    assert list(round_trip(big)) == list(big)


def test_plain_pickle_would_change_the_order():
    """Why tables travel: adding the items again gives another order for most such sets."""
    changed = sum(list(set(list(s))) != list(s) for s in map(_history, range(40)))
    assert changed > 5


@needs_tables
def test_a_set_pickle_rebuilds_travels_as_plain_pickle_writes_it():
    value = [{1, 2, 3}, frozenset({4, 5}), frozenset(), set()]
    assert all(set_layout.SetWriting().persistent_id(s) is None for s in value)
    assert dumps(value) == pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


@needs_tables
def test_a_set_sent_twice_comes_back_as_one_object():
    s, f = set(range(0, 40, 2)), frozenset([15, 7])
    s.discard(0)
    back = round_trip([s, s, f, {f: s}, {f, frozenset([f])}, f])
    assert back[0] is back[1] is back[3][f] and back[2] is back[5] and frozenset([back[2]]) in back[4]
    assert list(back[0]) == list(s) and list(back[2]) == list(f)


class Salted:
    """An item whose hash the test changes between writing and reading: a reader with other hashes."""
    salt = 0

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash((self.n, Salted.salt))

    def __eq__(self, other):
        return isinstance(other, Salted) and other.n == self.n


@needs_tables
def test_a_reader_with_other_hashes_keeps_a_set_as_pickle_made_it(monkeypatch):
    """Its recipe moves entries where lookups miss them: the set gets its table back."""
    originals = []
    for size in (3, 5, 30):
        original = {Salted(n) for n in range(size + 10)}
        for item in list(original)[:10]:
            original.discard(item)
        originals += [original, frozenset(original)]
    data = dumps(originals)
    taken_back = []
    take_back = set_layout._take_back
    monkeypatch.setattr(set_layout, "_take_back",
                        lambda view, old: (taken_back.append(1), take_back(view, old)))
    monkeypatch.setattr(Salted, "salt", 1)
    for sent, got in zip(originals, Reader(io.BytesIO(data)).load()):
        assert len(got) == len(sent) and all(Salted(item.n) in got for item in sent)
        assert not any(Salted(n) in got for n in range(100, 130))
        grown = set(got) | {Salted(100)}
        assert Salted(100) in grown and len(grown) == len(sent) + 1
    assert taken_back


@needs_tables
def test_sending_keeps_reference_counts():
    item = "an-item-of-its-own"
    original = {item, "a", "b", 15, 7}
    original.discard("a")
    before = sys.getrefcount(item)
    for _ in range(100):
        round_trip([original, frozenset(original), frozenset([15, 7, item])])
    assert sys.getrefcount(item) == before


def test_sets_travel_as_plain_pickle_does_when_the_self_test_fails(monkeypatch):
    """The degraded mode: the self-test fails (here its recipes do nothing), so SUPPORTED is False, the
    reason says so, and sets still come back with the right contents."""
    for name in ("SUPPORTED", "UNSUPPORTED_REASON", "_DUMMY"):
        monkeypatch.setattr(set_layout, name, getattr(set_layout, name))   # put back after the test
    monkeypatch.setattr(set_layout, "_apply", lambda s, recipe: None)
    set_layout._settle()
    assert set_layout.SUPPORTED is False and "self-test failed" in set_layout.UNSUPPORTED_REASON
    value = [_history(seed) for seed in range(20)] + [frozenset([15, 7]), frozenset(range(20))]
    assert dumps(value) == pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    back = round_trip(value)
    assert back == value and [type(s) for s in back] == [type(s) for s in value]


def test_a_missing_dummy_makes_sets_travel_as_plain_pickle_does(monkeypatch):
    for name in ("SUPPORTED", "UNSUPPORTED_REASON", "_DUMMY"):
        monkeypatch.setattr(set_layout, name, getattr(set_layout, name))

    def no_dummy():
        raise StopIteration
    monkeypatch.setattr(set_layout, "_dummy_address", no_dummy)
    set_layout._settle()
    assert set_layout.SUPPORTED is False and "StopIteration" in set_layout.UNSUPPORTED_REASON
    assert round_trip([{1, 2}, frozenset([15, 7])]) == [{1, 2}, frozenset([15, 7])]


def _collided():
    """Small sets pickle does not rebuild (an item took another's home slot and iterates after it), whose
    reversed order does: they travel as that sequence of items."""
    made = set()
    for item in (15, 7, 3, 11):     # 15 and 3 at home; 7 and 11, whose homes they took, placed after
        made.add(item)
    return [frozenset([15, 7]), {15, 7}, made, frozenset(made)]


@needs_tables
def test_a_set_whose_reversed_order_makes_its_table_travels_as_that_sequence():
    for sent in _collided():
        assert list(set(list(sent))) != list(sent)      # pickle alone would change the order
        pid = set_layout.SetWriting().persistent_id(sent)
        assert pid[0] in set_layout._ORDER_IDS and list(pid[1]) == list(sent)[::-1]
        back = round_trip(sent)
        assert type(back) is type(sent) and back == sent and list(back) == list(sent)
        grown, grown_back = set(sent), set(back)
        for extra in range(100, 130):
            grown.add(extra)
            grown_back.add(extra)
        assert list(grown_back) == list(grown)
        assert [grown.pop() for _ in range(10)] == [grown_back.pop() for _ in range(10)]


class Holder:
    """An item that refers to the set it is in: pickle meets the set again while writing its items."""

    def __init__(self, n):
        self.n = n
        self.owner = None

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return isinstance(other, Holder) and other.n == self.n

    def __reduce__(self):   # its hash before its state: the state holds the set, built before it is set
        return Holder, (self.n,), {"owner": self.owner}


@needs_tables
def test_a_set_sent_as_a_sequence_comes_back_as_one_object():
    f, s = frozenset([15, 7]), {15, 7}
    back = round_trip([f, s, {"f": f, "s": s}, f, s])
    assert back[0] is back[2]["f"] is back[3] and back[1] is back[2]["s"] is back[4]
    assert list(back[0]) == list(f) and list(back[1]) == list(s)
    a, b = Holder(15), Holder(7)
    cyclic = frozenset([a, b])
    a.owner = b.owner = cyclic
    assert set_layout.SetWriting().persistent_id(cyclic)[0] in set_layout._ORDER_IDS
    got = round_trip([cyclic, a])
    assert [h.n for h in got[0]] == [h.n for h in cyclic] == [7, 15]
    assert all(h.owner is got[0] for h in got[0]) and got[1] in got[0] and got[1].owner is got[0]


_READ_IN_A_FRESH_PROCESS = """
import io, pickle, sys
from pyfora.compiler import set_layout
class Reader(pickle.Unpickler):
    def persistent_load(self, pid):
        return set_layout.persistent_load(pid)
sets = Reader(io.BytesIO(sys.stdin.buffer.read())).load()
orders = [list(s) for s in sets]
for s in sets:
    if type(s) is set:
        s.update(range(1000, 1040))
print(repr((orders, [list(s) for s in sets], [[s.pop() for _ in range(8)] for s in sets if type(s) is set])))
"""


@needs_tables
def test_sets_keep_their_order_in_a_fresh_process():
    """Both ways of sending a set that pickle would change, read by another interpreter (ints: their
    hashes do not depend on the hash seed)."""
    import ast
    import subprocess
    removed = set(range(40))
    for i in range(0, 40, 3):
        removed.discard(i)
    sets = _collided() + [removed, frozenset(set(range(5)))]
    kinds = {set_layout.SetWriting().persistent_id(s)[0] for s in sets}
    assert kinds == {set_layout._SET_ID, *set_layout._ORDER_IDS}
    result = subprocess.run([sys.executable, "-c", _READ_IN_A_FRESH_PROCESS], input=dumps(sets),
                            capture_output=True, check=True)
    orders, grown, popped = ast.literal_eval(result.stdout.decode())
    assert orders == [list(s) for s in sets]
    for s in sets:
        if type(s) is set:
            s.update(range(1000, 1040))
    assert grown == [list(s) for s in sets]
    assert popped == [[s.pop() for _ in range(8)] for s in sets if type(s) is set]
