"""Live values across a suspension: what a frame holds comes back as CPython would have it.

Each program holds a value of one kind across the statements where a schedule suspends it (exceptions,
functions, generators, iterators, library objects); the suspended run must give CPython's value,
exception and printed output. Round trips of single values check that they travel as themselves,
not merely that the suspension waited until they were gone.
"""
import collections
import functools
import itertools

import pytest

from test_suspend import cpython, suspending_run

from pyfora.vm import continuation_pickler, suspend


SCHEDULES = [[k] for k in range(8)] + [[1] * 100]


def say(t, v):
    print(t)
    return v


class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


class NotFound(Exception):
    def __init__(self, what):
        super().__init__(what + " not found")


def exception_custom_init():
    e = AppError("boom", 3)
    say("a", 1)
    say("b", 2)
    return e.code, e.args, str(e)


def exception_message_from_init():
    e = NotFound("x")
    say("a", 1)
    say("b", 2)
    return str(e), e.args


def exception_chain_and_traceback():
    try:
        try:
            raise KeyError("k")
        except KeyError as inner:
            raise AppError("outer", 7) from inner
    except AppError as caught:
        e = caught
    say("a", 1)
    say("b", 2)
    return (e.code, type(e.__cause__).__name__, e.__cause__.args, e.__suppress_context__,
            e.__traceback__ is not None)


def function_module():
    say("a", 1)
    return say.__module__, say.__qualname__


def keyword_target(a, extra=1):
    return a


def call_error_names_module():
    kw = {"extra": 2}
    say("a", 1)
    say("b", 2)
    return keyword_target(1, extra=3, **kw)


def closing_gen():
    try:
        yield 1
        yield 2
    finally:
        print("fin")


def closed_generator_close():
    g = closing_gen()
    a = next(g)
    g.close()
    say("a", 1)
    g.close()
    return a, next(g, "exhausted"), g.gi_frame


def finished_generator_throw():
    g = closing_gen()
    a = list(g)
    say("a", 1)
    try:
        g.throw(ValueError("v"))
    except ValueError as e:
        return a, str(e), g.gi_frame, g.__name__
    return None


def abandoned_generator_finally_order():
    for v in closing_gen():
        say("in loop", v)
        break
    print("after")
    return 1


def nested_genexp():
    return tuple(tuple(i + j for j in range(2)) for i in range(2))


def unstarted_genexp_closure():
    k = 5
    g = (x + k for x in range(3))
    say("a", 1)
    k = 6
    return list(g)


def pairwise_loop():
    out = []
    for a, b in itertools.pairwise([1, 2, 3, 4]):
        out.append(say("pair", a + b))
    return out


def descending(a, b):
    return b - a


def cmp_to_key_local():
    key = functools.cmp_to_key(descending)
    say("a", 1)
    keyed = key(3)
    say("b", 2)
    return sorted([3, 1, 2], key=key), keyed.obj


Pair = collections.namedtuple("Pair", "x y", defaults=[10])


def namedtuple_local():
    p = Pair(1)
    say("a", 1)
    Local = collections.namedtuple("Local", "u v")
    q = Local(2, 3)
    say("b", 2)
    return p.x + p.y, q._asdict(), type(q).__name__, p


def ordered_items_loop():
    od = collections.OrderedDict([(1, 2), (3, 4), (5, 6)])
    out = []
    for k, v in od.items():
        out.append(say("item", k + v))
    return out


class Holder:
    a = 1


def class_vars_proxy():
    v = vars(Holder)
    say("a", 1)
    return v["a"], "a" in v, type(v).__name__


def lru_cache_local():
    @functools.lru_cache(maxsize=None)
    def fib(n):
        print("fib", n)
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    say("a", 1)
    first = fib(8)
    say("b", 2)
    return first, fib(8), fib.cache_info()


def dict_grows_in_loop():
    d = {0: 0, 1: 1}
    for k in d:
        d[k + 100] = k
    return d


def set_grows_in_loop():
    s = {0, 1}
    for k in s:
        s.add(k + 100)
    return s


def dict_loop_kinds():
    d = {"a": 1, "b": 2, "c": 3}
    out = []
    for k in reversed(d):
        out.append(say("key", k))
    for k, v in d.items():
        d[k] = v * 10
        out.append(say("item", (k, v)))
    for v in d.values():
        out.append(say("value", v))
    return out, d


def dict_changed_then_restored():
    d = {0: 0, 1: 1, 2: 2}
    out = []
    for k in d:
        d[-1] = 0
        del d[-1]
        out.append(say("key", k))
    return out


def nan_key():
    x = float("nan")
    d = {x: 1}
    s = {x}
    say("a", 1)
    return d.get(x), x in s, [x].count(x)


PROGRAMS = [exception_custom_init, exception_message_from_init, exception_chain_and_traceback, function_module,
            call_error_names_module, closed_generator_close, finished_generator_throw,
            abandoned_generator_finally_order, nested_genexp, unstarted_genexp_closure, pairwise_loop,
            cmp_to_key_local, namedtuple_local, ordered_items_loop, class_vars_proxy,
            lru_cache_local, dict_grows_in_loop, set_grows_in_loop, dict_loop_kinds, dict_changed_then_restored,
            nan_key]


@pytest.mark.parametrize("points", SCHEDULES, ids=[f"{p[0]}x{len(p)}" for p in SCHEDULES])
@pytest.mark.parametrize("fn", PROGRAMS, ids=[fn.__name__ for fn in PROGRAMS])
def test_live_value_survives_suspension(fn, points):
    expected, expected_out = cpython(fn, ())
    result, out, suspensions = suspending_run(fn, (), list(points))
    assert (result, out) == (expected, expected_out)
    assert suspensions >= 1 or points[0] > 0


# ## Single values, written and read back

def roundtrip(value):
    generators = suspend._GeneratorReducer([])
    return continuation_pickler.loads(continuation_pickler.dumps(value, {}, generators))


def _traceback_lines(exc) -> list:
    tb, lines = exc.__traceback__, []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno, tb.tb_frame.f_code.co_name))
        tb = tb.tb_next
    return lines


def test_exception_rebuilt_without_init():
    try:
        raise AppError("boom", 3) from KeyError("k")
    except AppError as caught:
        e = caught
    back = roundtrip(e)
    assert (type(back), back.args, back.code, type(back.__cause__)) == (AppError, ("boom",), 3, KeyError)
    assert back.__suppress_context__ and _traceback_lines(back) == _traceback_lines(e)


def test_finished_generator_stays_a_generator():
    g = closing_gen()
    next(g)
    g.close()
    back = roundtrip(g)
    assert type(back) is type(g) and back.gi_frame is None and back.__qualname__ == g.__qualname__
    assert next(back, "end") == "end" and back.close() is None
    with pytest.raises(ValueError):
        back.throw(ValueError("v"))


@pytest.mark.parametrize("make", [lambda d: iter(d), lambda d: iter(d.items()), lambda d: reversed(d.values())],
                         ids=["keys", "items", "reversed_values"])
def test_dict_iterator_keeps_position_and_size_check(make):
    d = {1: 1, 2: 2, 3: 3}
    it = make(d)
    next(it)
    _, it2 = roundtrip((d, it))
    assert type(it2) is type(it) and list(it2) == list(it)
    d3, it3 = roundtrip((d, make(d)))
    d3[4] = 4
    with pytest.raises(RuntimeError, match="dictionary changed size during iteration"):
        next(it3)


def test_dict_iterator_of_changed_dict_waits():
    """Whether it raises depends on the size at its next step, which a rebuilt one cannot know."""
    d = {1: 1}
    it = iter(d)
    d[2] = 2
    with pytest.raises(Exception, match="changed size"):
        roundtrip(it)


def test_dict_iterator_at_end_still_notices_growth():
    d = {1: 1}
    it = iter(d)
    next(it)
    d2, it2 = roundtrip((d, it))
    d2[2] = 2
    with pytest.raises(RuntimeError, match="dictionary changed size during iteration"):
        next(it2)


def test_exhausted_dict_iterator_stays_exhausted():
    d = {1: 1}
    it = iter(d)
    list(it)
    d2, it2 = roundtrip((d, it))
    d2[2] = 2
    assert type(it2) is type(it) and next(it2, "end") == "end"


def test_set_iterator_notices_size_change():
    s = {1, 2, 3}
    it = iter(s)
    next(it)
    s2, it2 = roundtrip((s, it))
    assert len(list(it2)) == 2
    s3, it3 = roundtrip((s, iter(s)))
    s3.discard(1)
    with pytest.raises(RuntimeError, match="Set changed size during iteration"):
        next(it3)


def test_nan_keeps_identity():
    x = float("nan")
    y, d, s = roundtrip((x, {x: 1}, {x}))
    assert d[y] == 1 and y in s


def test_library_values_travel_as_themselves():
    pairs = itertools.pairwise([1, 2, 3])
    next(pairs)
    key = functools.cmp_to_key(descending)
    proxy = vars(Holder)
    back_pairs, back_key, back_proxy, code = roundtrip((pairs, key, proxy, keyword_target.__code__))
    assert list(back_pairs) == [(2, 3)]
    assert back_key(1) > back_key(2)
    assert type(back_proxy).__name__ == "mappingproxy" and back_proxy["a"] == 1
    assert code.co_name == "keyword_target"


def test_lru_cache_with_entries_waits():
    """A cache cannot be carried: the suspension waits until the function is gone (or never comes)."""
    @functools.lru_cache(maxsize=None)
    def square(n):
        return n * n
    assert roundtrip(functools.lru_cache(maxsize=4)) is not None
    square(2)
    with pytest.raises(Exception, match="cannot be carried"):
        roundtrip(square)
