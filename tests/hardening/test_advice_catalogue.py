"""The catalogue of refusal messages, each with its advice applied: for every distinct message a user can
meet from ordinary code, a program pyfora refuses (message fragment and line checked) and the same
program rewritten as the message says, which must run through pyfora with CPython's answer.

test_advice.py holds the mutation and random-number pairs; this file the rest, one pair per message,
named in CATALOGUE by the message it covers.

Not here, on purpose: refusals of ways out of the subset that ordinary code does not take (`__globals__`,
`__code__`, a frame's insides, a builtin's `__self__`, an interpreter dunder by getattr, a format field
`{0.__globals__}`, a module's private names), which have nothing to write instead; `await`, `async for`
and `async with`, which `async def` refuses first; `vars()` reached under another name (refused where it
is written); and the defensive ones: a module object that is not the one imported, arguments nested too
deeply, a `__reduce__` that fails, a long cycle of containers or a result pickle cannot write, an answer
that cannot be rebuilt, a function of unknown code."""
import abc
import copy
import dataclasses
import datetime
import decimal
import enum
import functools
import heapq
import json
import linecache
import math
import pathlib
import random
import string
import sys
import threading
import time
from heapq import heappush as push
from time import perf_counter

import numpy as np
import pytest

import pyfora

_DIFFERENTIAL = pathlib.Path(__file__).resolve().parent.parent / "differential"
if str(_DIFFERENTIAL) not in sys.path:
    sys.path.insert(0, str(_DIFFERENTIAL))

from harness import assert_same_value, run_cpython  # noqa: E402  (tests/differential/harness.py)


# ## Statements outside the subset (compiler/subset.py)

TOTAL = 0


def add_to_total(x):
    global TOTAL
    TOTAL += x
    return TOTAL


def add_to_total_advised(TOTAL, x):
    TOTAL += x
    return TOTAL


class Resource:
    def __enter__(self):
        return [1, 2, 3]

    def __exit__(self, *exc):
        return False


def read_resource(resource):
    with resource as data:
        return sum(data)


def read_resource_advised(data):
    return sum(data)


async def async_total(xs):
    return sum(xs)


def async_total_advised(xs):
    return sum(xs)


def local_import(x):
    import math as m
    return m.sqrt(x)


def local_import_advised(x):
    return math.sqrt(x)


def reserved_name(x):
    _pf_x = x + 1
    return _pf_x


def reserved_name_advised(x):
    y = x + 1
    return y


def class_keyword(x):
    class Shape(metaclass=abc.ABCMeta):
        def area(self):
            return x * x
    return Shape().area()


def class_keyword_advised(x):
    class Shape:
        def area(self):
            return x * x
    return Shape().area()


def loop_in_class_body(n):
    class Table:
        squares = []
        for i in range(n):
            squares.append(i * i)
    return Table.squares


def loop_in_class_body_advised(n):
    def squares_to(n):
        return [i * i for i in range(n)]

    class Table:
        squares = squares_to(n)
    return Table.squares


def builtins_table(x):
    return __builtins__["abs"](x)


def builtins_table_advised(x):
    return abs(x)


# ## Builtins pyfora code cannot use (reach.REFUSED_BUILTINS)

def opened(path):
    return open(path).read().upper()


def opened_advised(text):
    return text.upper()


def asked():
    return input().strip()


def asked_advised(line):
    return line.strip()


def evaluated(x):
    return eval("x * 2 + 1")


def evaluated_advised(x):
    return x * 2 + 1


def executed(x):
    scope = {"x": x}
    exec("y = x * 3", scope)
    return scope["y"]


def executed_advised(x):
    y = x * 3
    return y


def compiled(x):
    code = compile("x + 1", "<f>", "eval")
    return code


def compiled_advised(x):
    return x + 1


def dunder_imported(x):
    return __import__("math").floor(x)


def dunder_imported_advised(x):
    return math.floor(x)


def from_globals(k):
    return globals()["TOTAL"] + k


def from_globals_advised(total, k):
    return total + k


def from_locals(a, b):
    return sorted(locals())


def from_locals_advised(a, b):
    return sorted({"a": a, "b": b})


def exits(x):
    if x < 0:
        exit(1)
    return x


def exits_advised(x):
    if x < 0:
        raise ValueError(x)
    return x


def identity(xs):
    return id(xs[0]) == id(xs[1])


def identity_advised(xs):
    return xs[0] is xs[1]


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def set_attribute(x):
    p = Point(0, 0)
    setattr(p, "x", x)
    return p.x + p.y


def set_attribute_advised(x):
    p = Point(x, 0)
    return p.x + p.y


def viewed(data):
    return memoryview(data)[1:].tobytes()


def viewed_advised(data):
    return bytes(data)[1:]


def debugged(x):
    breakpoint()
    return x + 1


def debugged_advised(x):
    return x + 1


def deleted_attribute(x):
    p = Point(x, 1)
    delattr(p, "y")
    return p.x


def deleted_attribute_advised(x):
    p = Point(x, None)
    return p.x


def quits(x):
    if x < 0:
        quit()
    return x


def helped(x):
    help(abs)
    return abs(x)


def helped_advised(x):
    return abs(x)


def setter_taken(x):
    p = Point(0, 0)
    set_x = p.__setattr__
    set_x("x", x)
    return p.x


def vars_here(a):
    return sorted(vars())


def vars_here_advised(a):
    return sorted({"a": a})


# ## Impure names of allowed modules (reach.IMPURE_NAMES)

def load_array(path):
    return float(np.load(path).sum())


def load_array_advised(a):
    return float(a.sum())


def print_options(a):
    np.set_printoptions(precision=1)
    return str(a)


def print_options_advised(a):
    return np.array2string(a, precision=1)


def error_setting(a):
    np.seterr(divide="ignore")
    return float(np.log(a).min())


def error_setting_advised(logs):
    return float(logs.min())


def copy_table(x):
    return copy.dispatch_table.get(type(x)) is None


def copy_table_advised(x):
    return copy.copy(x) == x


def load_json(f):
    return json.load(f)["k"]


def load_json_advised(text):
    return json.loads(text)["k"]


def dump_json(value, f):
    json.dump(value, f)


def dump_json_advised(value):
    return json.dumps(value)


def string_formatter(x):
    return string.Formatter().format("{0}!", x)


def string_formatter_advised(x):
    return "{0}!".format(x)


def decimal_context(x):
    decimal.getcontext().prec = 3
    return decimal.Decimal(x) / 7


def decimal_context_advised(x):
    return (decimal.Decimal(x) / 7).quantize(decimal.Decimal("0.01"))


def made_dataclass(a, b):
    pair = dataclasses.make_dataclass("Pair", ["a", "b"])
    return pair(a, b).a + b


@dataclasses.dataclass
class PairAdvised:
    a: int
    b: int


def made_dataclass_advised(a, b):
    return PairAdvised(a, b).a + b


def to_file(a, path):
    a.tofile(path)


def to_file_advised(a):
    return a.tobytes()


# ## Checks at run time (compiler/guards.py)

def module_namespace(x):
    return math.__dict__["sqrt"](x)


def module_namespace_advised(x):
    return math.sqrt(x)


def module_vars(x):
    return vars(math)["sqrt"](x)


def library_mutator_by_getattr(xs):
    h = []
    adder = getattr(heapq, "heappush")
    for x in xs:
        adder(h, x)
    return h


def library_mutator_by_getattr_advised(xs):
    h = []
    for x in xs:
        heapq.heappush(h, x)
    return h


def method_by_getattr(xs):
    out = []
    add = getattr(out, "append")
    for x in xs:
        add(x)
    return out


def method_by_getattr_advised(xs):
    out = []
    for x in xs:
        out.append(x)
    return out


# ## Values that cannot be passed (compiler/image.py)

def year_of(d):
    return d.year + 1


def year_of_advised(year):
    return year + 1


class Registry(metaclass=abc.ABCMeta):
    def __init__(self, n):
        self.n = n


class RegistryAdvised:
    def __init__(self, n):
        self.n = n


def with_metaclass(n):
    return Registry(n).n


def with_metaclass_advised(n):
    return RegistryAdvised(n).n


class Slotted:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


class SlottedAdvised:
    def __init__(self, x):
        self.x = x


def slotted(x):
    return Slotted(x).x


def slotted_advised(x):
    return SlottedAdvised(x).x


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        return 3 * self.r * self.r


class CircleAdvised:
    def __init__(self, r):
        self.r = r

    @property
    def area(self):
        return 3 * self.r * self.r


def cached(r):
    return Circle(r).area


def cached_advised(r):
    return CircleAdvised(r).area


class Planet(enum.Enum):
    EARTH = (5.97, 6.37)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


class PlanetAdvised(enum.Enum):
    EARTH = (5.97, 6.37)

    @property
    def mass(self):
        return self.value[0]


def planet_mass():
    return Planet.EARTH.mass


def planet_mass_advised():
    return PlanetAdvised.EARTH.mass


def renamed_mutator(xs):
    h = []
    for x in xs:
        push(h, x)
    return h


def renamed_mutator_advised(xs):
    h = []
    for x in xs:
        heapq.heappush(h, x)
    return h


def clock(x):
    return x, perf_counter() > 0


def clock_advised(x, now):
    return x, now > 0


@functools.singledispatch
def describe(x):
    return "thing"


@describe.register
def _(x: int):
    return "int"


def dispatched(x):
    return describe(x)


def dispatched_advised(x):
    if isinstance(x, int):
        return "int"
    return "thing"


def first_two(it):
    return [next(it), next(it)]


def first_two_advised(xs):
    return xs[:2]


def locked(lock, x):
    return x + 1


def locked_advised(x):
    return x + 1


def apply_all(add, xs):
    for x in xs:
        add(x)


def apply_all_advised(xs):
    out = []
    for x in xs:
        out.append(x)
    return out


# ## Seeds, mutators taken as values, objects set from outside (compiler/ownership.py, linker.py)

def unseeded(n):
    rng = random.Random()
    return [rng.random() for _ in range(n)]


def unseeded_advised(n, seed=5):
    rng = random.Random(seed)
    return [rng.random() for _ in range(n)]


def seeded_with(seed, n):
    rng = random.Random(seed)
    return [rng.random() for _ in range(n)]


def heap_map(xs):
    h = []
    list(map(heapq.heappush, [h] * len(xs), xs))
    return h


def heap_map_advised(xs):
    h = []
    for x in xs:
        heapq.heappush(h, x)
    return h


@dataclasses.dataclass(frozen=True)
class Box:
    size: int

    def grown(self, k):
        object.__setattr__(self, "size", self.size + k)
        return self


@dataclasses.dataclass(frozen=True)
class BoxAdvised:
    size: int

    def grown(self, k):
        return BoxAdvised(self.size + k)


def grow(k):
    return Box(1).grown(k).size


def grow_advised(k):
    return BoxAdvised(1).grown(k).size


def unbound_append(xs):
    out = []
    add = type(out).append
    for x in xs:
        add(out, x)
    return out


# ## Results that cannot go back (vm/transport.py)

def squares(n):
    return (i * i for i in range(n))


def squares_advised(n):
    return list(i * i for i in range(n))


def lambdas(n):
    return [lambda: i for i in range(n)][0]


def lambdas_advised(n):
    def first():
        return 0
    return first


CATALOGUE = [
    # id (the message), refused, args, message fragment, text of the refused line, advised, advised args
    ("global", add_to_total, (1,), "pass the value in as an argument and return the new value: write "
     "`def add_to_total(TOTAL, x):` instead of `def add_to_total(x):`, and return `TOTAL`", "global TOTAL",
     add_to_total_advised, (0, 1)),
    ("with", read_resource, (Resource(),), "pass data in as arguments", "with resource as data",
     read_resource_advised, ([1, 2, 3],)),
    ("async-def", async_total, ([1, 2],), "write a plain function", "async def async_total",
     async_total_advised, None),
    ("import-inside", local_import, (4,), "import the module at module level", "import math as m",
     local_import_advised, None),
    ("reserved-name", reserved_name, (1,), "are reserved for pyfora; rename it", "_pf_x = x + 1",
     reserved_name_advised, None),
    ("class-keyword", class_keyword, (3,), "write a plain class", "class Shape(metaclass=abc.ABCMeta)",
     class_keyword_advised, None),
    ("class-body-statement", loop_in_class_body, (3,), "compute the value in a function and assign its result",
     "for i in range(n)", loop_in_class_body_advised, None),
    ("__builtins__", builtins_table, (-2,), "call the builtins by their names", "__builtins__",
     builtins_table_advised, None),
    ("open", opened, ("x.txt",), "pass the file's contents in as an argument", "open(path)",
     opened_advised, ("abc",)),
    ("input", asked, (), "pass the data in as an argument", "input()", asked_advised, (" hi ",)),
    ("eval", evaluated, (2,), "write the expression as code", "eval(", evaluated_advised, None),
    ("exec", executed, (2,), "write the statements as code", "exec(", executed_advised, None),
    ("compile", compiled, (2,), "write the code directly", "compile(", compiled_advised, None),
    ("__import__", dunder_imported, (2.5,), "import the module at module level", "__import__(",
     dunder_imported_advised, None),
    ("globals", from_globals, (1,), "pass the values you need as arguments", "globals()",
     from_globals_advised, (0, 1)),
    ("locals", from_locals, (1, 2), "pass the values you need as arguments", "locals()",
     from_locals_advised, None),
    ("exit", exits, (1,), "return a value or raise an exception", "exit(1)", exits_advised, None),
    ("id", identity, ([[], []],), "compare with `is` instead", "id(xs[0])", identity_advised, None),
    ("setattr", set_attribute, (2,), "build a new object instead of setting attributes", "setattr(",
     set_attribute_advised, None),
    ("memoryview", viewed, (b"abc",), "use bytes or a numpy array", "memoryview(", viewed_advised, None),
    ("breakpoint", debugged, (1,), "pyfora.connect(workers=0)", "breakpoint()", debugged_advised, None),
    ("delattr", deleted_attribute, (2,), "build a new object instead of deleting attributes", "delattr(",
     deleted_attribute_advised, None),
    ("quit", quits, (1,), "return a value or raise an exception", "quit()", exits_advised, None),
    ("help", helped, (-1,), "call help() outside pyfora", "help(abs)", helped_advised, None),
    ("setter-taken", setter_taken, (2,), "build a new object", "p.__setattr__", set_attribute_advised, None),
    ("vars-no-argument", vars_here, (1,), "pass the values you need as arguments", "vars()",
     vars_here_advised, None),
    ("impure-io", load_array, ("a.npy",), "compute the values outside and pass them in", "np.load(path)",
     load_array_advised, (np.arange(3.0),)),
    ("numpy-setting", error_setting, (np.arange(3.0),), "a setting of the process, not a pure function of its "
     "arguments; compute the values outside and pass them in", "np.seterr(", error_setting_advised,
     (np.log(np.arange(1.0, 4.0)),)),
    ("set_printoptions", print_options, (np.arange(3.0) / 3,), "format the array with "
     "`np.array2string(a, precision=...)`", "np.set_printoptions(", print_options_advised, None),
    ("copy.dispatch_table", copy_table, (1,), "use `copy.copy` and `copy.deepcopy`", "copy.dispatch_table",
     copy_table_advised, None),
    ("json.load", load_json, (None,), "pass its text in for `json.loads`", "json.load(f)",
     load_json_advised, ('{"k": 1}',)),
    ("json.dump", dump_json, ([1], None), "return `json.dumps(value)` instead", "json.dump(value, f)",
     dump_json_advised, ([1],)),
    ("string.Formatter", string_formatter, (1,), "use `template.format(...)`", "string.Formatter()",
     string_formatter_advised, None),
    ("decimal-context", decimal_context, (1,), "use Decimal values and their methods", "decimal.getcontext()",
     decimal_context_advised, None),
    ("make_dataclass", made_dataclass, (1, 2), "define the class with `@dataclass`", "make_dataclass(",
     made_dataclass_advised, None),
    ("ndarray.tofile", to_file, (np.arange(3), "a.bin"), "return the array", "a.tofile(path)",
     to_file_advised, (np.arange(3),)),
    ("module-namespace", module_namespace, (4.0,), "use its functions by name", "math.__dict__",
     module_namespace_advised, None),
    ("vars-of-module", module_vars, (4.0,), "use its functions by name", "vars(math)",
     module_namespace_advised, None),
    ("library-mutator-by-getattr", library_mutator_by_getattr, ([3, 1],), "call it by name (`heapq.heappush(h, x)`)",
     'getattr(heapq, "heappush")', library_mutator_by_getattr_advised, None),
    ("mutator-by-getattr", method_by_getattr, ([3, 1],), "call it on a container this function made",
     'getattr(out, "append")', method_by_getattr_advised, None),
    ("library-class", year_of, (datetime.date(2021, 2, 3),), "pass plain values (numbers, strings, tuples) built "
     "from it instead", None, year_of_advised, (2021,)),
    ("metaclass", with_metaclass, (1,), "pyfora supports plain classes, dataclasses, enums and named tuples only",
     "Registry(n)", with_metaclass_advised, None),
    ("__slots__", slotted, (1,), "remove __slots__", "Slotted(x)", slotted_advised, None),
    ("cached_property", cached, (2,), "use @property", "Circle(r)", cached_advised, None),
    ("enum-init", planet_mass, (), "give the members plain values and compute the rest in methods or properties",
     "Planet.EARTH", planet_mass_advised, None),
    ("renamed-mutator", renamed_mutator, ([3, 1],), "import it under its own name", "push(h, x)",
     renamed_mutator_advised, None),
    ("module-function", clock, (1,), "outside the subset); pass the data you need in as arguments", "perf_counter()",
     clock_advised, (1, time.perf_counter())),
    ("library-wrapper", dispatched, (1,), "dispatch with `isinstance`", "describe(x)", dispatched_advised, None),
    ("iterator", first_two, (iter([1, 2, 3]),), "pass `list(it)` instead", None, first_two_advised, ([1, 2, 3],)),
    ("library-value-argument", locked, (threading.Lock(), 1), "cannot be passed to pyfora: the class _thread.lock "
     "is outside the subset pyfora supports; pass plain values", None, locked_advised, (1,)),
    ("bound-mutator-passed", apply_all, ([].append, [1]), "call the method on a container the function makes",
     None, apply_all_advised, ([1],)),
    ("unseeded", unseeded, (3,), "pass a seed: `random.Random(seed)`", "random.Random()", unseeded_advised, None),
    ("seed-none", seeded_with, (None, 3), "pass an int seed", "random.Random(seed)", seeded_with, (4, 3)),
    ("library-mutator-taken", heap_map, ([3, 1],), "call it directly (`heapq.heappush(h, x)`)", "map(heapq.heappush",
     heap_map_advised, None),
    ("object.__setattr__", grow, (2,), "or build a new object", "object.__setattr__", grow_advised, None),
    ("unbound-mutator", unbound_append, ([1, 2],), "call it on a value this function made", "type(out).append",
     method_by_getattr_advised, None),
    ("generator-result", squares, (3,), "return list(...) of it", None, squares_advised, None),
    ("lambda-in-comprehension-result", lambdas, (2,), "define it with def or outside the comprehension", None,
     lambdas_advised, None),
]


@pytest.mark.parametrize("refused, args, advice, line, advised, advised_args", [p[1:] for p in CATALOGUE],
                         ids=[p[0] for p in CATALOGUE])
def test_each_refusal_advice_runs_with_cpythons_answer(executor, refused, args, advice, line, advised,
                                                       advised_args):
    with pytest.raises(pyfora.PythonToForaConversionError) as info:
        executor.submit(refused, *args).result(timeout=60)
    assert advice in str(info.value)
    if line is not None:
        assert line in linecache.getline(info.value.filename, info.value.lineno), str(info.value)
    args = args if advised_args is None else advised_args
    expected = run_cpython(advised, copy.deepcopy(args), {})
    assert expected.exc_type is None, expected
    assert_same_value(expected.value, executor.submit(advised, *args).result(timeout=60))
