"""Tracebacks and exception chains through pyfora, compared with CPython's own.

Each case is a module-level function that raises. It is called directly in
CPython and submitted to pyfora; the two outcomes must agree on the exception's
type and message, its `__cause__`/`__context__` chain (and the members of an
exception group), and the frames of the traceback from the submitted function
inwards: file, line, function name and source line, as `traceback.extract_tb`
gives them.

The cases use `assert`, whose message CPython must produce itself, so pytest
must not rewrite this module: PYTEST_DONT_REWRITE. The comparison reports
differences with `pytest.fail` instead.
"""
import functools
import math
import os
import pprint
import sys
import time
import traceback

import pytest

import pyfora


HERE = os.path.abspath(__file__)


# ---------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------

def _frames(tb) -> list:
    return [(f.filename, f.lineno, f.name, f.line) for f in traceback.extract_tb(tb)]


def _user_frames_after_client(exc) -> list:
    """The frames after the last frame outside this file (pyfora's client machinery)."""
    frames = _frames(exc.__traceback__)
    last_foreign = max((i for i, f in enumerate(frames) if f[0] != HERE), default=-1)
    return frames[last_foreign + 1:]


def _describe(exc, frames, seen) -> dict | None:
    """Type, message, frames and chain of `exc`, recursively (chained exceptions with their own frames)."""
    if exc is None:
        return None
    if id(exc) in seen:
        return {"cycle": f"{type(exc).__qualname__}: {exc}"}
    seen = seen | {id(exc)}
    info = {
        "type": type(exc),
        "message": str(exc),
        "frames": frames,
        "cause": _describe(exc.__cause__, _frames(exc.__cause__.__traceback__), seen)
        if exc.__cause__ is not None else None,
        "context": _describe(exc.__context__, _frames(exc.__context__.__traceback__), seen)
        if exc.__context__ is not None else None,
        "suppress_context": exc.__suppress_context__,
        "notes": list(getattr(exc, "__notes__", [])),
    }
    if isinstance(exc, BaseExceptionGroup):
        info["group"] = [_describe(e, _frames(e.__traceback__), seen) for e in exc.exceptions]
    return info


def run_cpython(fn, *args, recursion_limit=None):
    """`fn(*args)` called here: its exception and its description, frames from `fn` inwards."""
    old = sys.getrecursionlimit()
    if recursion_limit is not None:
        sys.setrecursionlimit(recursion_limit)
    try:
        fn(*args)
    except BaseException as exc:   # noqa: B902 - every exception is compared
        # Frames from `fn`'s own frame inwards: the first entry is this helper.
        return exc, _describe(exc, _frames(exc.__traceback__.tb_next), frozenset())
    finally:
        sys.setrecursionlimit(old)
    pytest.fail(f"{fn.__name__} did not raise in CPython")


def run_pyfora(executor, fn, *args):
    """`fn(*args)` through pyfora: its exception and its description, frames after the client's."""
    try:
        executor.submit(fn, *args).result(timeout=90)
    except BaseException as exc:   # noqa: B902
        return exc, _describe(exc, _user_frames_after_client(exc), frozenset())
    pytest.fail(f"{fn.__name__} did not raise in pyfora")


def _trim(info: dict, keep: int) -> dict:
    """`info` with only the first and last `keep` frames of its traceback, and their count."""
    frames = info["frames"]
    return {**info, "frames": (len(frames), frames[:keep], frames[-keep:])}


def _differences(expected, actual, path="exception") -> list:
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in expected.keys() | actual.keys():
            out += _differences(expected.get(key), actual.get(key), f"{path}.{key}")
        return out
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual) \
            and any(isinstance(e, dict) for e in expected):
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in _differences(e, a, f"{path}[{i}]")]
    if expected != actual:
        return [f"{path}:\n  CPython: {pprint.pformat(expected, width=150)}\n  pyfora:  "
                f"{pprint.pformat(actual, width=150)}"]
    return []


def check_same(executor, fn, *args, edge_frames=None, recursion_limit=None):
    expected_exc, expected = run_cpython(fn, *args, recursion_limit=recursion_limit)
    actual_exc, actual = run_pyfora(executor, fn, *args)
    if type(actual_exc) is not type(expected_exc):
        pytest.fail(f"pyfora raised {type(actual_exc).__name__}: {actual_exc}; CPython raised "
                    f"{type(expected_exc).__name__}: {expected_exc}")
    # (A group that except* makes from a handler's raise has no frames at all in CPython.)
    if expected["frames"] and expected["frames"][0][2] != fn.__code__.co_name:
        pytest.fail(f"CPython's traceback should start at {fn.__name__}: {expected['frames']}")
    if edge_frames is not None:
        expected, actual = _trim(expected, edge_frames), _trim(actual, edge_frames)
    differences = _differences(expected, actual)
    if differences:
        pytest.fail("\n".join(differences), pytrace=False)


# ---------------------------------------------------------------------------
# Cases: calls, methods, functions made at run time
# ---------------------------------------------------------------------------

def level5(x):
    raise ValueError(f"bad value {x}")


def level4(x):
    return level5(x + 1) * 2


def level3(x):
    y = level4(x + 1)
    return y


def level2(x):
    if x >= 0:
        return level3(x + 1)
    return 0


def level1(x):
    total = 0
    for i in range(3):
        total += level2(x + i)
    return total


def nested_calls_5_deep(x):
    return level1(x)


class Account:
    def __init__(self, balance):
        if balance < 0:
            raise ValueError(f"negative opening balance {balance}")
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise RuntimeError(f"insufficient funds: {self.balance} < {amount}")
        return Account(self.balance - amount)

    @property
    def ratio(self):
        return 100 / self.balance

    @classmethod
    def parse(cls, text):
        return cls(int(text))

    @staticmethod
    def fee(amount):
        return {"small": 1, "large": 5}[amount]


def method_raises(n):
    acct = Account(n)
    return acct.withdraw(n + 10)


def property_raises(n):
    acct = Account(n)
    return acct.ratio + 1


def init_raises(n):
    return Account(n).balance


def classmethod_raises(text):
    acct = Account.parse(text)
    return acct.balance


def staticmethod_raises(kind):
    return Account.fee(kind) + 1


def lambda_raises(x):
    inv = lambda v: 1 / v   # noqa: E731
    return inv(x) + 1


def closure_raises(x):
    scale = 10

    def inner(v):
        def innermost(w):
            return scale // w
        return innermost(v) + 1

    return inner(x)


def make_divider(d):
    return lambda n: n // d


def closure_from_factory(x):
    div = make_divider(x)
    return div(100)


# ---------------------------------------------------------------------------
# Comprehensions, generator expressions, generators
# ---------------------------------------------------------------------------

def inverse(x):
    return 1 / x


def check_positive(x):
    if x < 0:
        raise ValueError(f"{x} is negative")
    return True


def listcomp_no_call(xs):
    return [10 // x for x in xs]


def listcomp_with_call(xs):
    return [inverse(x) for x in xs]


def listcomp_call_in_condition(xs):
    return [x for x in xs if check_positive(x)]


def nested_listcomp_with_call(rows):
    return [[inverse(y) for y in row] for row in rows]


def dictcomp_with_call(xs):
    return {x: inverse(x) for x in xs}


def setcomp_no_call(xs):
    return {10 % x for x in xs}


def setcomp_with_call(xs):
    return {inverse(x) for x in xs}


def dictcomp_no_call(xs):
    return {x: 10 // x for x in xs}


def genexpr_sum(xs):
    return sum(inverse(x) for x in xs)


def genexpr_list(xs):
    return list(inverse(x) for x in xs)


def genexpr_sorted(xs):
    return sorted(10 // x for x in xs)


def genexpr_min(xs):
    return min(inverse(x) for x in xs)


def genexpr_max_no_call(xs):
    return max(10 // x for x in xs)


def genexpr_any(xs):
    return any(check_positive(x) is False for x in xs)


def genexpr_bad_iterable(n):
    return sum(x for x in n)


def countdown(n):
    while True:
        yield 10 // n
        n -= 1


def generator_for_loop(n):
    total = 0
    for v in countdown(n):
        total += v
    return total


def generator_next(n):
    g = countdown(n)
    first = next(g)
    second = next(g)
    return first + second


def inner_gen(n):
    yield n
    raise KeyError(f"missing {n}")


def middle_gen(n):
    yield 0
    yield from inner_gen(n)


def outer_gen(n):
    yield from middle_gen(n)
    yield -1


def yield_from_chain(n):
    return list(outer_gen(n))


# ---------------------------------------------------------------------------
# Callbacks run by builtins
# ---------------------------------------------------------------------------

def sorted_key_raises(words):
    return sorted(words, key=lambda w: w[3])


def key_length(w):
    return len(w) // (len(w) - 2)


def min_key_raises(words):
    return min(words, key=key_length)


def map_raises(xs):
    return list(map(inverse, xs))


def filter_raises(xs):
    return list(filter(check_positive, xs))


class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def __add__(self, other):
        if other.currency != self.currency:
            raise TypeError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __eq__(self, other):
        if not isinstance(other, Money):
            raise NotImplementedError("compare Money with Money only")
        return self.amount == other.amount and self.currency == other.currency

    def __lt__(self, other):
        if other.currency != self.currency:
            raise ValueError(f"cannot order {self.currency} and {other.currency}")
        return self.amount < other.amount

    def __hash__(self):
        return hash((self.amount, self.currency))

    def __str__(self):
        return f"{self.amount / 0} {self.currency}"


def add_raises(a):
    return Money(a, "EUR") + Money(a, "USD")


def eq_raises(a):
    return Money(a, "EUR") == a


def lt_via_sorted(a):
    return sorted([Money(a, "EUR"), Money(a, "USD")])


def str_raises_in_fstring(a):
    return f"total: {Money(a, 'EUR')}"


def fstring_format_error(name):
    return f"{name:d} items"


# ---------------------------------------------------------------------------
# Errors from builtins
# ---------------------------------------------------------------------------

def builtin_int(text):
    return int(text) + 1


def builtin_index(n):
    xs = list(range(n))
    return xs[n]


def builtin_key(k):
    d = {"a": 1}
    return d[k]


def builtin_zero_division(n):
    return n / (n - n)


def builtin_none_attribute(n):
    value = None if n else n
    return value.x


def builtin_math_sqrt(x):
    return math.sqrt(x)


def missing_argument(x):
    def needs_two(a, b):
        return a + b
    return needs_two(x)


# ---------------------------------------------------------------------------
# raise, chaining, exception groups, assert, user exceptions
# ---------------------------------------------------------------------------

def raise_from(x):
    try:
        return 1 // x
    except ZeroDivisionError as exc:
        raise ValueError(f"bad x: {x}") from exc


def raise_in_except(d):
    try:
        return d["key"]
    except KeyError:
        raise LookupError("no key in config")


def raise_from_none(d):
    try:
        return d["key"]
    except KeyError:
        raise LookupError("no key in config") from None


def bare_reraise(x):
    try:
        return level5(x)
    except ValueError:
        if x > 0:
            raise
        return 0


def named_reraise(x):
    try:
        return 10 // x
    except ZeroDivisionError as exc:
        raise exc


def chain_through_calls(x):
    try:
        return raise_from(x)
    except ValueError as exc:
        raise RuntimeError("wrapper failed") from exc


def exception_in_finally_path(x):
    try:
        return level5(x)
    finally:
        inverse(x + 1)


def exception_group_unhandled(n):
    try:
        raise ExceptionGroup("batch", [ValueError(f"v{n}"), TypeError(f"t{n}")])
    except* ValueError:
        pass


def raise_in_except_star(n):
    try:
        raise ExceptionGroup("batch", [ValueError(f"v{n}")])
    except* ValueError:
        raise RuntimeError("handler failed")


def collect_errors(xs):
    errors = []
    for x in xs:
        try:
            inverse(x)
        except ZeroDivisionError as exc:
            errors.append(exc)
    if errors:
        raise ExceptionGroup("some inverses failed", errors)
    return 0


def assert_with_message(x):
    assert x > 0, f"x must be positive, got {x}"
    return x


def assert_message_from_call(x):
    assert check_positive(x) is False, make_message(x)
    return x


def make_message(x):
    return f"checked {x}"


class ParseError(Exception):
    def __init__(self, line, reason):
        super().__init__(line, reason)
        self.line = line
        self.reason = reason

    def __str__(self):
        return f"line {self.line}: {self.reason}"


class QuotaExceeded(Exception):
    def __init__(self, used, limit):
        super().__init__(f"used {used} of {limit}")
        self.used = used
        self.limit = limit


def parse_line(n, text):
    if not text.startswith("#"):
        raise ParseError(n, f"expected a comment, got {text!r}")
    return text[1:]


def user_exception_custom_str(texts):
    out = []
    for i, t in enumerate(texts):
        out.append(parse_line(i, t))
    return out


def user_exception_custom_init(used):
    if used > 10:
        raise QuotaExceeded(used, 10)
    return used


# ---------------------------------------------------------------------------
# Defaults, multi-line statements, deep recursion
# ---------------------------------------------------------------------------

def default_argument_error(x):
    def scaled(v, factor=10 // x):
        return v * factor
    return scaled(1)


def default_argument_error_multiline(x):
    def scaled(v,
               factor=10 // x):
        return v * factor
    return scaled(1)


def multiline_continuation_no_call(x):
    total = (x +
             10 // x)
    return total


def multiline_dict_literal(x):
    d = {
        "a": 1,
        "b": 10 // x,
    }
    return d


def combine(a, b):
    return a + b


def multiline_call_argument(x):
    return combine(1,
                   10 // x)


def multiline_call_on_second_line(x):
    result = (
        inverse(x)
    )
    return result


def multiline_nested_call(x):
    return combine(
        1,
        inverse(x),
    )


def multiline_call_through_method(x):
    acct = Account(5)
    return acct.withdraw(
        x)


def recurse(n):
    if n == 0:
        raise RecursionError(f"bottom reached at {n}")
    return recurse(n - 1) + 1


def deep_recursion(n):
    return recurse(n)


# ---------------------------------------------------------------------------
# More shapes: unpacking, special methods, generators, statements
# ---------------------------------------------------------------------------

module_lambda = lambda x: 10 // x   # noqa: E731


def starred_not_iterable(x):
    return combine(*x, inverse(1))


def double_star_not_mapping(x):
    return combine(1, **x, b=inverse(1))


def unpack_too_many(xs):
    a, b = xs
    return a + b


def unbound_local(x):
    if x:
        y = 1
    return y + inverse(1)


def lambda_multiline_body(x):
    f = (lambda v:
         10 // v)
    return f(x)


def genexpr_multiline(xs):
    return sum(
        inverse(x)
        for x in xs)


def listcomp_multiline_element(xs):
    return [
        10 // x for x in xs
    ]


def method_chain_multiline(x):
    return (Account(5)
            .withdraw(x))


class Grid:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, key):
        i, j = key
        if not (0 <= i < self.n and 0 <= j < self.n):
            raise IndexError(f"cell {key} outside {self.n}x{self.n}")
        return i * self.n + j

    def __len__(self):
        return self.n - 10

    def __contains__(self, item):
        return item.value > 0

    def __bool__(self):
        raise TypeError("a Grid has no truth value")


def getitem_raises(n):
    g = Grid(n)
    return g[1, n]


def len_raises(n):
    return len(Grid(n))


def contains_raises(n):
    return n in Grid(3)


def bool_raises(n):
    if Grid(n):
        return 1
    return 0


def stop_iteration_in_generator(xs):
    return list(next(iter(xs)) for _ in range(2))


def pairs(n):
    for i in range(n):
        yield (i,) * (i + 1)


def for_target_unpack(n):
    total = 0
    for a, b in pairs(n):
        total += a * b
    return total


def match_guard_raises(point):
    match point:
        case (x, y) if inverse(x) > y:
            return "above"
        case _:
            return "other"


def walrus_and_or(x):
    return (n := x) and check_positive(n) or inverse(n)


def augmented_subscript(k):
    counts = {"a": 1}
    counts[k] += 1
    return counts


def percent_format(value):
    return "%d items" % value


def raise_class_not_instance(x):
    if x:
        raise NotImplementedError
    return x


def exception_in_else(x):
    try:
        y = inverse(x)
    except ZeroDivisionError:
        y = 0
    else:
        y = level5(y)
    return y


def exception_in_finally_replaces(x):
    try:
        return inverse(x)
    finally:
        level5(x)


def three_level_context(d):
    try:
        return d["a"]
    except KeyError:
        try:
            return d["b"]
        except KeyError as exc:
            raise LookupError("neither a nor b") from exc


def reduce_callback(xs):
    return functools.reduce(lambda a, b: a // b, xs)


def while_condition_raises(n):
    i = 0
    while check_positive(n - i):
        i += 1
    return i


def empty_genexpr_min(xs):
    return min(x for x in xs if x > 100)


def decorated_nested(x):
    def deco(f):
        raise RuntimeError(f"cannot decorate {f.__name__} with {x}")

    @deco
    def target():
        return x

    return target()


def exception_with_note(x):
    try:
        return inverse(x)
    except ZeroDivisionError as exc:
        exc.add_note(f"while inverting {x}")
        raise


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def exception_carries_user_object(x):
    raise LookupError(Point(x, x + 1))


class ConfigError(KeyError):
    pass


def user_keyerror_subclass(k):
    raise ConfigError(k)


def free_variable_unbound(x):
    def show():
        return v
    if x:
        return show()
    v = 1
    return v


def nested_exception_groups(n):
    inner = ExceptionGroup("inner", [ValueError(f"v{n}"), KeyError(n)])
    raise ExceptionGroup("outer", [inner, TypeError(f"t{n}")])


def except_star_partial(n):
    try:
        nested_exception_groups(n)
    except* ValueError:
        pass
    except* TypeError as eg:
        raise RuntimeError(f"{len(eg.exceptions)} type errors")


def throw_into_generator(n):
    g = countdown(n + 5)
    next(g)
    return g.throw(ValueError(f"thrown {n}"))


def print_argument_raises(x):
    print("value:", 10 // x)
    return x


def raise_system_exit(code):
    raise SystemExit(f"exiting with {code}")


def raise_keyboard_interrupt(code):
    raise KeyboardInterrupt(f"interrupted {code}")


# ---------------------------------------------------------------------------
# Messages that name functions, and a few more raising shapes
# ---------------------------------------------------------------------------

def lambda_missing_argument(x):
    pick = lambda a, b: a   # noqa: E731
    return pick(x)


def lambda_in_listcomp_qualname(xs):
    return [(lambda a, b: a)(x) for x in xs]


def lambda_in_genexpr_qualname(xs):
    return sum((lambda a, b: a)(x) for x in xs)


def method_unexpected_keyword(x):
    return Account(5).withdraw(amt=x)


def raise_non_exception(x):
    raise x


def raise_from_non_exception(x):
    raise ValueError("bad") from x


def raise_saved_later(x):
    saved = None
    try:
        inverse(x)
    except ZeroDivisionError as exc:
        saved = exc
    raise saved


def throw_into_yield_from(n):
    g = outer_gen(n)
    next(g)
    next(g)
    return g.throw(TypeError(f"thrown {n}"))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return CountdownIterator(self.n)


class CountdownIterator:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n < 0:
            raise ArithmeticError(f"iterator ran past zero: {self.n}")
        return CountdownIterator(self.n - 1)


def user_iterator_raises(n):
    count = 0
    for _ in Countdown(n):
        count += 1
        if count > 3:
            return count
    return count


def repr_raises_in_fstring(x):
    return f"{Money(x, 'EUR')!s:>10}"


def huge_int_to_str(n):
    return str(10 ** n)


def math_range_error(x):
    return math.exp(x)


def str_index_error(s):
    return s.index("z")


def attribute_error_on_instance(n):
    return Account(n).owner


def exception_with_traceback_none(x):
    try:
        return inverse(x)
    except ZeroDivisionError as exc:
        raise exc.with_traceback(None)


def slow_then_fail(n):
    total = 0
    for i in range(n):
        total += i % 7
    return 1 // (total - total)


def slow_middle(n):
    y = slow_then_fail(n)
    return y + 1


def slow_outer(n):
    return sum(slow_middle(k) for k in [n])


# ---------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------

CASES = [
    (nested_calls_5_deep, (0,)),
    (method_raises, (5,)),
    (property_raises, (0,)),
    (init_raises, (-3,)),
    (classmethod_raises, ("12x",)),
    (staticmethod_raises, ("medium",)),
    (lambda_raises, (0,)),
    (closure_raises, (0,)),
    (closure_from_factory, (0,)),
    (listcomp_no_call, ([1, 2, 0, 3],)),
    (listcomp_with_call, ([1, 2, 0, 3],)),
    (listcomp_call_in_condition, ([1, -2, 3],)),
    (nested_listcomp_with_call, ([[1, 2], [3, 0]],)),
    (dictcomp_with_call, ([4, 0],)),
    (setcomp_no_call, ([4, 0],)),
    (setcomp_with_call, ([4, 0],)),
    (dictcomp_no_call, ([4, 0],)),
    (genexpr_sum, ([1, 2, 0],)),
    (genexpr_list, ([1, 0],)),
    (genexpr_sorted, ([5, 0],)),
    (genexpr_min, ([5, 0],)),
    (genexpr_max_no_call, ([5, 0],)),
    (genexpr_any, ([5, -1],)),
    (genexpr_bad_iterable, (5,)),
    (generator_for_loop, (3,)),
    (generator_next, (1,)),
    (yield_from_chain, (7,)),
    (sorted_key_raises, (["alpha", "be", "gamma"],)),
    (min_key_raises, (["alpha", "be", "gamma"],)),
    (map_raises, ([2, 0],)),
    (filter_raises, ([2, -1],)),
    (add_raises, (3,)),
    (eq_raises, (3,)),
    (lt_via_sorted, (3,)),
    (str_raises_in_fstring, (3,)),
    (fstring_format_error, ("many",)),
    (builtin_int, ("x",)),
    (builtin_index, (0,)),
    (builtin_key, ("k",)),
    (builtin_zero_division, (1,)),
    (builtin_none_attribute, (0,)),
    (builtin_math_sqrt, (-1,)),
    (missing_argument, (1,)),
    (raise_from, (0,)),
    (raise_in_except, ({},)),
    (raise_from_none, ({},)),
    (bare_reraise, (1,)),
    (named_reraise, (0,)),
    (chain_through_calls, (0,)),
    (exception_in_finally_path, (-1,)),
    (exception_group_unhandled, (1,)),
    (raise_in_except_star, (1,)),
    (collect_errors, ([1, 0, 2, 0],)),
    (assert_with_message, (-2,)),
    (assert_message_from_call, (2,)),
    (user_exception_custom_str, (["#a", "b"],)),
    (user_exception_custom_init, (12,)),
    (default_argument_error, (0,)),
    (default_argument_error_multiline, (0,)),
    (multiline_continuation_no_call, (0,)),
    (multiline_dict_literal, (0,)),
    (multiline_call_argument, (0,)),
    (multiline_call_on_second_line, (0,)),
    (multiline_nested_call, (0,)),
    (multiline_call_through_method, (50,)),
    (module_lambda, (0,)),
    (starred_not_iterable, (5,)),
    (double_star_not_mapping, (5,)),
    (unpack_too_many, ([1, 2, 3],)),
    (unbound_local, (0,)),
    (lambda_multiline_body, (0,)),
    (genexpr_multiline, ([1, 0],)),
    (listcomp_multiline_element, ([1, 0],)),
    (method_chain_multiline, (50,)),
    (getitem_raises, (3,)),
    (len_raises, (3,)),
    (contains_raises, (3,)),
    (bool_raises, (3,)),
    (stop_iteration_in_generator, ([],)),
    (for_target_unpack, (3,)),
    (match_guard_raises, ((0, 1),)),
    (walrus_and_or, (-1,)),
    (augmented_subscript, ("b",)),
    (percent_format, ("ten",)),
    (raise_class_not_instance, (1,)),
    (exception_in_else, (2,)),
    (exception_in_finally_replaces, (0,)),
    (three_level_context, ({},)),
    (reduce_callback, ([8, 2, 0],)),
    (while_condition_raises, (2,)),
    (empty_genexpr_min, ([1, 2],)),
    (decorated_nested, (1,)),
    (exception_with_note, (0,)),
    (exception_carries_user_object, (1,)),
    (user_keyerror_subclass, ("db",)),
    (free_variable_unbound, (1,)),
    (nested_exception_groups, (1,)),
    (except_star_partial, (1,)),
    (throw_into_generator, (1,)),
    (print_argument_raises, (0,)),
    (lambda_missing_argument, (1,)),
    (lambda_in_listcomp_qualname, ([1],)),
    (lambda_in_genexpr_qualname, ([1],)),
    (method_unexpected_keyword, (1,)),
    (raise_non_exception, (5,)),
    (raise_from_non_exception, (5,)),
    (raise_saved_later, (0,)),
    (throw_into_yield_from, (3,)),
    (user_iterator_raises, (-1,)),
    (repr_raises_in_fstring, (2,)),
    (huge_int_to_str, (5000,)),
    (math_range_error, (1000,)),
    (str_index_error, ("abc",)),
    (attribute_error_on_instance, (1,)),
    (exception_with_traceback_none, (0,)),
]

# Known pyfora bugs: (condition, reason) by case name. Each is a strict xfail, so a fix shows up.
DOUBLE_STAR_MESSAGE = (
    "`combine(1, **x, b=inverse(1))` with x=5: CPython says 'test_tracebacks.combine() argument after "
    "** must be a mapping, not int', pyfora \"'int' object is not a mapping\": compiler/anf.py "
    "(sequence) hoists the ** operand into a temporary `{**x}` because a later argument calls")

XFAIL: dict = {
    "double_star_not_mapping": (True, DOUBLE_STAR_MESSAGE),
}


def _params():
    params = []
    for fn, args in CASES:
        marks = []
        if fn.__name__ in XFAIL:
            condition, reason = XFAIL[fn.__name__]
            marks.append(pytest.mark.xfail(condition, strict=True, reason=reason))
        params.append(pytest.param(fn, args, id=fn.__name__, marks=marks))
    return params


@pytest.mark.parametrize("fn, args", _params())
def test_traceback_matches_cpython(executor, fn, args):
    check_same(executor, fn, *args)


def test_deep_recursion_3000(executor):
    check_same(executor, deep_recursion, 3000, edge_frames=5, recursion_limit=10_000)


def test_traceback_after_suspend_and_resume_in_another_worker():
    """A computation suspended in one worker and resumed in another raises with CPython's frames."""
    n = 30_000_000
    expected_exc, expected = run_cpython(slow_outer, 10)
    with pyfora.connect(workers=1) as first, pyfora.connect(workers=1) as second:
        future = first.submit(slow_outer, n)
        while not future.running():
            time.sleep(0.01)
        time.sleep(0.3)
        suspension = first._pool.suspend(future)
        second._pool.resume(suspension)
        try:
            future.result(timeout=120)
        except ZeroDivisionError as exc:
            actual = _describe(exc, _user_frames_after_client(exc), frozenset())
        else:
            pytest.fail("no exception after resuming")
        assert future.metrics.suspensions == 1
    differences = _differences(expected, actual)
    if differences:
        pytest.fail("\n".join(differences), pytrace=False)


def test_helper_sees_the_frames_it_compares():
    """The CPython side of the helper itself: frames from the submitted function inwards."""
    _, info = run_cpython(nested_calls_5_deep, 0)
    names = [f[2] for f in info["frames"]]
    # (plain asserts: this module is not rewritten by pytest)
    assert names == ["nested_calls_5_deep", "level1", "level2", "level3", "level4", "level5"]
    assert all(f[0] == HERE for f in info["frames"])
    assert info["frames"][-1][3] == 'raise ValueError(f"bad value {x}")'


@pytest.mark.parametrize("fn", [raise_system_exit, raise_keyboard_interrupt])
def test_base_exceptions_come_back(fn):
    """BaseExceptions that are not Exceptions, on an executor of their own (they may end a worker)."""
    with pyfora.connect(workers=1) as ex:
        check_same(ex, fn, 3)
