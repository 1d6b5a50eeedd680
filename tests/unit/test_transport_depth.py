"""Arguments, results and continuations of any depth travel (compiler/deep_pickle.py), on every supported
CPython: nested lists, tuples and dicts and chains of objects 10,000 and 100,000 deep, aliasing kept; a
failure that has nothing to do with depth gives the error it gives on a shallow value."""
import io
import pickle
import time

import pytest

import pyfora
from pyfora.compiler import deep_pickle
from pyfora.vm import continuation_pickler, suspend

pytestmark = pytest.mark.timeout(180)

DEPTHS = [10_000, 100_000]


# ## Values, made and measured alike here and in the VM

def make_list(n):
    value = []
    for _ in range(n):
        value = [value]
    return value


def list_depth(value):
    d = 0
    while value:
        value = value[0]
        d += 1
    return d


def make_tuple(n):
    value = ()
    for _ in range(n):
        value = (value,)
    return value


def make_dict(n):
    value = {}
    for i in range(n):
        value = {"k": value, "i": i}
    return value


def dict_depth(value):
    d = 0
    while value:
        value = value["k"]
        d += 1
    return d


class Node:
    def __init__(self, nxt):
        self.nxt = nxt


def make_chain(n):
    node = None
    for _ in range(n):
        node = Node(node)
    return node


def chain_length(node):
    d = 0
    while node is not None:
        node = node.nxt
        d += 1
    return d


class Twin:
    """A doubly linked list: each link is a cycle through two objects, and the whole a long one."""

    def __init__(self):
        self.prev = None
        self.nxt = None


def make_twins(n):
    first = last = Twin()
    for _ in range(n - 1):
        link = Twin()
        link.prev, last.nxt = last, link
        last = link
    return first


def twins_length(first):
    d, link = 1, first
    while link.nxt is not None:
        assert link.nxt.prev is link
        link = link.nxt
        d += 1
    return d


MEASURE = {"list": list_depth, "tuple": list_depth, "dict": dict_depth, "chain": chain_length}
MAKE = {"list": make_list, "tuple": make_tuple, "dict": make_dict, "chain": make_chain}


def measure_list(value):
    return list_depth(value)


def measure_tuple(value):
    return list_depth(value)


def measure_dict(value):
    return dict_depth(value)


def measure_chain(value):
    return chain_length(value)


def make_list_in_vm(n):
    return make_list(n)


def make_tuple_in_vm(n):
    return make_tuple(n)


def make_dict_in_vm(n):
    return make_dict(n)


def make_chain_in_vm(n):
    return make_chain(n)


IN_VM = {"list": (measure_list, make_list_in_vm), "tuple": (measure_tuple, make_tuple_in_vm),
         "dict": (measure_dict, make_dict_in_vm), "chain": (measure_chain, make_chain_in_vm)}


def same_object(a, b):
    return a is b


def pair_of(n):
    value = make_list(n)
    return value, [value]


def echo(value):
    return value


# ## Arguments and results through a worker

@pytest.mark.parametrize("n", DEPTHS)
@pytest.mark.parametrize("kind", ["list", "tuple", "dict", "chain"])
def test_deep_argument_arrives_whole(executor, kind, n):
    assert executor.submit(IN_VM[kind][0], MAKE[kind](n)).result(timeout=120) == n


@pytest.mark.parametrize("n", DEPTHS)
@pytest.mark.parametrize("kind", ["list", "tuple", "dict", "chain"])
def test_deep_result_comes_back_whole(executor, kind, n):
    result = executor.submit(IN_VM[kind][1], n).result(timeout=120)
    assert MEASURE[kind](result) == n
    if kind == "chain":
        assert type(result) is Node


@pytest.mark.parametrize("n", DEPTHS)
def test_deep_argument_keeps_its_aliases(executor, n):
    value = make_list(n)
    assert executor.submit(same_object, value, value).result(timeout=120) is True
    assert executor.submit(same_object, value, make_list(n)).result(timeout=120) is False


@pytest.mark.parametrize("n", DEPTHS)
def test_deep_result_keeps_its_aliases(executor, n):
    value, holder = executor.submit(pair_of, n).result(timeout=120)
    assert holder[0] is value
    assert list_depth(value) == n


@pytest.mark.parametrize("n", DEPTHS)
def test_doubly_linked_list_travels_both_ways(executor, n):
    """Every link a cycle, the whole list a cycle as long as the list: it goes out and comes back."""
    back = executor.submit(echo, make_twins(n)).result(timeout=120)
    assert type(back) is Twin
    assert twins_length(back) == n


def test_deep_values_travel_in_process():
    with pyfora.connect(workers=0) as ex:
        assert ex.submit(measure_chain, make_chain(100_000)).result() == 100_000
        assert list_depth(ex.submit(make_list_in_vm, 100_000).result()) == 100_000


def set_order(value):
    while type(value) is list:
        value = value[0]
    return list(value)


def test_deep_pickle_keeps_set_tables(executor):
    """A set whose table pickle would rebuild otherwise (set_layout's recipe, a persistent id given
    once) deep inside a deep list iterates in the worker, and back here, as it does here."""
    removed = set(range(40))
    for i in range(0, 40, 3):
        removed.discard(i)
    value = [removed, removed]
    for _ in range(20_000):
        value = [value]
    assert executor.submit(set_order, value).result(timeout=120) == list(removed)
    back = executor.submit(echo, value).result(timeout=120)
    assert set_order(back) == list(removed)
    for _ in range(20_000):
        back = back[0]
    assert back[0] is back[1]


def chained_errors(n):
    error = None
    i = 0
    while i < n:
        try:
            if error is None:
                raise ValueError(i)
            raise KeyError(i) from error
        except Exception as e:
            error = e
        i += 1
    raise error


def test_deep_exception_chain_comes_back_whole(executor):
    with pytest.raises(KeyError) as caught:
        executor.submit(chained_errors, 20_000).result(timeout=120)
    error, length = caught.value, 0
    while error is not None:
        error, length = error.__cause__, length + 1
    assert length == 20_000


# ## Errors that have nothing to do with depth

def hand_back_generator(n):
    value = make_list(n)
    return [value, (i for i in range(3))]


def test_deep_argument_holding_a_generator_is_refused_as_a_shallow_one(executor):
    generator = (i for i in range(3))
    with pytest.raises(pyfora.PythonToForaConversionError, match="generator"):
        executor.submit(measure_list, [make_list(100_000), generator])
    shallow = None
    try:
        executor.submit(measure_list, [[], generator])
    except pyfora.PythonToForaConversionError as exc:
        shallow = str(exc)
    with pytest.raises(pyfora.PythonToForaConversionError) as deep:
        executor.submit(measure_list, [make_list(100_000), generator])
    assert str(deep.value) == shallow


def test_deep_result_holding_a_generator_is_refused_as_a_shallow_one(executor):
    with pytest.raises(pyfora.PythonToForaConversionError, match="a generator cannot be sent back"):
        executor.submit(hand_back_generator, 100_000).result(timeout=120)
    with pytest.raises(pyfora.PythonToForaConversionError, match="a generator cannot be sent back"):
        executor.submit(hand_back_generator, 3).result(timeout=120)


def test_long_cycle_of_lists_is_refused_clearly(executor):
    """Nothing splits a cycle made of lists alone: 100,000 lists each holding the next, the last the
    first, still recurse as deep as the cycle is long."""
    first = current = []
    for _ in range(100_000):
        nxt = []
        current.append(nxt)
        current = nxt
    current.append(first)
    with pytest.raises(pyfora.PythonToForaConversionError, match="nested too deeply"):
        executor.submit(measure_list, first)


# ## Continuations

def roundtrip(value):
    generators = suspend._GeneratorReducer([])
    return continuation_pickler.loads(continuation_pickler.dumps(value, {}, generators))


@pytest.mark.parametrize("n", DEPTHS)
def test_deep_value_in_a_continuation_round_trips(n):
    value = make_list(n)
    back = roundtrip([value, value, make_chain(n)])
    assert back[0] is back[1]
    assert list_depth(back[0]) == n
    assert chain_length(back[2]) == n


def hold_deep_and_loop(n, k):
    value = make_list(n)
    total = 0
    for i in range(k):
        total += i % 7
    return list_depth(value), total


def test_deep_continuation_resumes_in_another_worker():
    n, k = 100_000, 6 * 10 ** 7
    expected = (n, k // 7 * 21 + sum(range(k % 7)))
    with pyfora.connect(workers=1) as first, pyfora.connect(workers=1) as second:
        future = first.submit(hold_deep_and_loop, n, k)
        while not future.running():
            time.sleep(0.01)
        time.sleep(0.3)
        suspension = first._pool.suspend(future, timeout=60)
        assert not future.done()
        second._pool.resume(suspension)
        assert future.result(timeout=120) == expected
        assert future.metrics.suspensions == 1


# ## The ordered pickle itself

class Hooked(pickle.Pickler):
    """A pickler with both hooks, as the VM's have: a persistent id for one object, a reduction for
    instances of one class."""

    def __init__(self, file, marked):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.marked = marked
        self.reduced = 0

    def persistent_id(self, obj):
        return "marked" if obj is self.marked else None

    def reducer_override(self, obj):
        if type(obj) is Node:
            self.reduced += 1
            return (Node, (None,), {"nxt": obj.nxt})
        return NotImplemented


class Reader(pickle.Unpickler):
    def __init__(self, data, marked):
        super().__init__(io.BytesIO(data))
        self.marked = marked

    def persistent_load(self, pid):
        assert pid == "marked"
        return self.marked


def test_ordered_pickle_asks_each_hook_once_per_object_and_keeps_persistent_ids():
    marked = object()
    chain = make_chain(50_000)
    value = [chain, marked, make_list(50_000), marked, chain]
    data, pickler = deep_pickle.dump(lambda cls, file: cls(file, marked), Hooked, value)
    assert type(pickler).__name__ == "DeepHooked"
    assert pickler.reduced == 50_000
    back = Reader(data, marked).load()
    assert back[1] is marked and back[3] is marked
    assert back[0] is back[4]
    assert chain_length(back[0]) == 50_000
    assert list_depth(back[2]) == 50_000


def test_ordered_pickle_splits_only_objects_referred_back_to():
    """A chain is written object by object, whole; in a doubly linked list every link is referred back
    to by the next, so each is made first and filled after it."""
    marked = object()
    chain_data, _ = deep_pickle.dump(lambda cls, file: cls(file, marked), Hooked, make_chain(20_000))
    assert b"same" not in chain_data
    twins_data, _ = deep_pickle.dump(lambda cls, file: cls(file, marked), Hooked, make_twins(20_000))
    assert b"same" in twins_data
    assert twins_length(pickle.loads(twins_data)) == 20_000


def test_shallow_value_pickles_as_plain_pickle_does():
    value = {"a": [1, 2.5, (3, "x")], "b": {4, 5}, "c": Node(Node(None))}
    data, pickler = deep_pickle.dump(lambda cls, file: cls(file, object()), Hooked, value)
    assert type(pickler) is Hooked
    back = pickle.loads(data)
    assert back["a"] == value["a"] and back["b"] == value["b"]
    assert chain_length(back["c"]) == 2
