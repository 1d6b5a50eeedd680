"""Differential tests whose functions, helpers and classes are defined inside the test.

In the spirit of the original pyfora semantic suite: the submitted function
closes over test-local variables, local helper functions, local lambdas and
local classes (with methods, inheritance and super()), takes local class
instances as arguments, and returns local functions that are then called on
the client. Each test builds a `case(...)` and checks it with `check_case`.
"""
import functools
import itertools
import math
import operator
import sys

from case import case, refused
from harness import check_case, run_pyfora

if sys.getrecursionlimit() < 10000:
    sys.setrecursionlimit(10000)

MODULE_SCALE = 7


def _returned_value(c):
    """Run `c` through pyfora and return its value (raising what it raised)."""
    outcome = run_pyfora(c.fn, c.args, c.kwargs)
    assert outcome.exc_type is None, f"{outcome.exc_type}: {outcome.exc_message}"
    return outcome.value


def test_closure_over_test_locals():
    offset = 10
    names = ("a", "bb", "ccc")
    table = {"a": 1, "bb": 2}

    def f(x):
        return [offset + x * len(n) + table.get(n, -1) for n in names]

    check_case(case(f, 3))


def test_local_helpers_and_lambdas():
    square = lambda v: v * v
    inc = lambda v: v + 1

    def compose(*fs):
        def run(x):
            for g in reversed(fs):
                x = g(x)
            return x
        return run

    def f(xs):
        h = compose(square, inc)
        return [h(x) for x in xs], sorted(xs, key=lambda v: -square(v)), list(map(inc, xs))

    check_case(case(f, [3, -1, 2]))


def test_local_recursive_function():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)

    def walk(tree):
        if isinstance(tree, int):
            return tree
        return sum(walk(t) for t in tree)

    def f(n):
        return fact(n), walk([1, [2, [3, [4, [5]]]], 6]), [fact(k) for k in range(6)]

    check_case(case(f, 25))


def test_local_mutual_recursion():
    def even(n):
        return n == 0 or odd(n - 1)

    def odd(n):
        return n != 0 and even(n - 1)

    def f(n):
        return [even(k) for k in range(6)], odd(n)

    check_case(case(f, 777))


def test_local_class_with_methods():
    class Counter:
        step = 2

        def __init__(self, start):
            self.value = start

        def advanced(self, times):
            return Counter(self.value + times * self.step)

        def __repr__(self):
            return f"Counter({self.value})"

    def f(n):
        c = Counter(n).advanced(3).advanced(1)
        return c.value, repr(c), Counter.step, str([c])

    check_case(case(f, 5))


def test_local_class_inheritance_and_super():
    class Animal:
        sound = "..."

        def __init__(self, name):
            self.name = name

        def speak(self):
            return f"{self.name} says {self.sound}"

        def describe(self):
            return ["Animal"]

    class Dog(Animal):
        sound = "woof"

        def __init__(self, name, tricks):
            super().__init__(name)
            self.tricks = tricks

        def describe(self):
            return ["Dog"] + super().describe()

    class Puppy(Dog):
        def __init__(self, name):
            super(Puppy, self).__init__(name, ("roll",))

        def speak(self):
            return super().speak().upper()

        def describe(self):
            return ["Puppy"] + super().describe()

    def f(name):
        animals = [Animal(name), Dog(name, ("sit",)), Puppy(name)]
        return ([a.speak() for a in animals], [a.describe() for a in animals],
                [type(a).__name__ for a in animals], isinstance(animals[2], Animal),
                [c.__name__ for c in Puppy.__mro__])

    check_case(case(f, "rex"))


def test_local_class_instance_as_argument():
    class Config:
        def __init__(self, scale, names):
            self.scale = scale
            self.names = names

        def label(self, i):
            return f"{self.names[i % len(self.names)]}{i * self.scale}"

    def f(cfg, n):
        return [cfg.label(i) for i in range(n)], cfg.scale, type(cfg) is Config

    check_case(case(f, Config(3, ["x", "y"]), 4))


def test_local_instance_returned_to_client():
    class Pair:
        def __init__(self, a, b):
            self.a = a
            self.b = b

        def swapped(self):
            return Pair(self.b, self.a)

    def f(x):
        return Pair(x, [x, x + 1]).swapped()

    check_case(case(f, 4))
    result = _returned_value(case(f, 4))
    assert type(result) is Pair
    assert (result.a, result.b) == ([4, 5], 4)
    assert result.swapped().a == 4


def test_local_function_returned_and_called_on_client():
    base = 100

    def f(k):
        def adder(x):
            return base + k + x
        return adder

    c = case(f, 5)
    check_case(c)
    fn = _returned_value(c)
    assert fn(1) == f(5)(1) == 106


def test_local_lambda_returned_and_called_on_client():
    def f(k):
        return lambda x: x * k

    c = case(f, 6)
    check_case(c)
    fn = _returned_value(c)
    assert fn(7) == 42


def test_two_lambdas_on_one_line_returned():
    def f(k):
        return (lambda x: x + k, lambda x: x * k)

    c = case(f, 3)
    check_case(c)
    add, mul = _returned_value(c)
    assert (add(10), mul(10)) == (13, 30)


def test_closure_returned_with_local_class():
    class Unit:
        def __init__(self, name, factor):
            self.name = name
            self.factor = factor

    def f(name, factor):
        u = Unit(name, factor)

        def convert(x):
            return f"{x * u.factor} {u.name}"
        return convert, u

    c = case(f, "cm", 100)
    check_case(c)
    convert, u = _returned_value(c)
    assert convert(2) == "200 cm" and type(u) is Unit


def test_local_exception_hierarchy():
    class ParseError(Exception):
        def __init__(self, pos, msg):
            super().__init__(f"at {pos}: {msg}")
            self.pos = pos

    class BadDigit(ParseError):
        pass

    def parse(s):
        total = 0
        for i, ch in enumerate(s):
            if not ch.isdigit():
                raise BadDigit(i, f"bad digit {ch!r}")
            total = total * 10 + int(ch)
        return total

    def f(items):
        out = []
        for s in items:
            try:
                out.append(parse(s))
            except ParseError as e:
                out.append((type(e).__name__, e.pos, str(e), e.args))
        return out

    check_case(case(f, ["12", "1x3", "", "9"]))
    check_case(case(parse, "12z"))


def test_local_exception_chain_uncaught():
    class StoreError(Exception):
        pass

    def f(key):
        try:
            return {"a": 1}[key]
        except KeyError as e:
            raise StoreError(f"no {key}") from e

    check_case(case(f, "b"))
    check_case(case(f, "a"))


def test_local_class_dunders():
    class Money:
        def __init__(self, cents):
            self.cents = cents

        def __add__(self, other):
            if isinstance(other, Money):
                return Money(self.cents + other.cents)
            return NotImplemented

        def __radd__(self, other):
            return self if other == 0 else NotImplemented

        def __eq__(self, other):
            return isinstance(other, Money) and self.cents == other.cents

        def __hash__(self):
            return hash(self.cents)

        def __lt__(self, other):
            return self.cents < other.cents

        def __repr__(self):
            return f"M{self.cents}"

        def __bool__(self):
            return self.cents != 0

    def f(values):
        ms = [Money(v) for v in values]
        return (sum(ms), sorted(ms), max(ms), {m for m in ms}, [bool(m) for m in ms],
                Money(1) in ms, repr(ms), Money(2) + Money(3))

    check_case(case(f, [5, 0, 3, 5]))


def test_local_class_container_protocol():
    class Ring:
        def __init__(self, items):
            self.items = tuple(items)

        def __len__(self):
            return len(self.items)

        def __getitem__(self, i):
            return self.items[i % len(self.items)]

        def __iter__(self):
            yield from self.items

        def __contains__(self, x):
            return x in self.items

    def f(ring, n):
        return ([ring[i] for i in range(n)], list(ring), len(ring), 3 in ring, 9 in ring,
                sorted(ring, reverse=True), sum(ring), list(zip(ring, "ab")), max(ring))

    check_case(case(f, Ring([3, 1, 2]), 7))


def test_local_class_properties_and_classmethods():
    class Temp:
        def __init__(self, kelvin):
            self.kelvin = kelvin

        @property
        def celsius(self):
            return self.kelvin - 273.15

        @classmethod
        def from_celsius(cls, c):
            return cls(c + 273.15)

        @staticmethod
        def freezing():
            return 273.15

    class WarmTemp(Temp):
        pass

    def f(c):
        t = WarmTemp.from_celsius(c)
        return round(t.celsius, 6), type(t).__name__, Temp.freezing(), t.freezing(), round(t.kelvin, 6)

    check_case(case(f, 21.5))


def test_local_class_methods_close_over_test_locals():
    factor = 3
    prefix = "v"

    class Scaler:
        def __init__(self, x):
            self.x = x

        def scaled(self):
            return Scaler(self.x * factor)

        def label(self):
            return prefix + str(self.x)

    def f(x):
        s = Scaler(x).scaled().scaled()
        return s.label(), s.x

    check_case(case(f, 2))


def test_local_name_mangling():
    class Vault:
        def __init__(self, secret):
            self.__secret = secret

        def reveal(self):
            return self.__secret

        def _peek(self):
            return self._Vault__secret

    def f(s):
        v = Vault(s)
        return v.reveal(), v._peek(), sorted(vars(v))

    check_case(case(f, "xyz"))


def test_local_generators():
    def chunks(xs, n):
        for i in range(0, len(xs), n):
            yield xs[i:i + n]

    def running(xs):
        total = 0
        for x in xs:
            total += x
            yield total
        return total

    def f(xs):
        g = running(xs)
        out = list(g)
        return list(chunks(xs, 2)), out, list(itertools.islice(running(itertools.count()), 5))

    check_case(case(f, [1, 2, 3, 4, 5]))


def test_local_generator_send_and_close():
    def coroutine():
        seen = []
        try:
            while True:
                x = yield len(seen)
                seen = seen + [x]
                print("got", x)
        finally:
            print("closing with", seen)

    def f(values):
        g = coroutine()
        out = [next(g)]
        for v in values:
            out.append(g.send(v))
        g.close()
        return out

    check_case(case(f, ["a", "b"]))


def test_submitted_lambda():
    k = 4
    check_case(case(lambda x, y=2: (x + y) * k, 3))
    check_case(case(lambda *xs: sorted(xs, key=lambda v: v % k), 5, 6, 7, 8))


def test_submitted_bound_method():
    class Poly:
        def __init__(self, coeffs):
            self.coeffs = coeffs

        def __call__(self, x):
            return sum(c * x ** i for i, c in enumerate(self.coeffs))

        def evaluate_many(self, xs):
            return [self(x) for x in xs]

    p = Poly([1, 0, 2])
    check_case(case(p.evaluate_many, [0, 1, 2, 3]))
    check_case(case(p, 5))


def test_submitted_partial():
    def power(base, exp, mod=None):
        return pow(base, exp, mod)

    check_case(case(functools.partial(power, exp=10), 3))
    check_case(case(functools.partial(power, 2, mod=1000), 50))


def test_local_decorator():
    def traced(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            print("calling", fn.__name__, args)
            return fn(*args)
        return wrapper

    @traced
    def add(a, b):
        return a + b

    def f(n):
        return [add(i, i) for i in range(n)], add.__name__, add.__wrapped__(1, 1)

    check_case(case(f, 3))


def test_default_argument_captures_local_object():
    class Tag:
        def __init__(self, name):
            self.name = name

    default_tag = Tag("default")
    limit = 3

    def f(x, tag=default_tag, n=limit):
        return [tag.name + str(i) for i in range(min(x, n))]

    check_case(case(f, 5))
    check_case(case(f, 2, Tag("other")))


def test_late_binding_on_client():
    value = 1

    def f():
        return value * 10

    value = 5
    check_case(case(f))


def test_closure_over_module_global_and_shadowing():
    MODULE_SCALE = 2  # shadows the module-level constant inside this test

    def local_scale(x):
        return x * MODULE_SCALE

    def f(x):
        return local_scale(x), uses_module_scale(x)

    check_case(case(f, 3))


def uses_module_scale(x):
    return x * MODULE_SCALE


def test_local_class_referencing_local_class():
    class Leaf:
        def __init__(self, v):
            self.v = v

        def total(self):
            return self.v

    class Branch:
        kind = Leaf

        def __init__(self, *children):
            self.children = children

        def total(self):
            return sum(c.total() for c in self.children)

        @classmethod
        def of(cls, *values):
            return cls(*[cls.kind(v) for v in values])

    def f(vals):
        tree = Branch(Branch.of(*vals), Leaf(100), Branch())
        return tree.total(), len(tree.children), type(tree.children[0].children[0]).__name__

    check_case(case(f, [1, 2, 3]))


def test_local_hash_by_attribute_argument_with_cycle():
    class Key:
        def __init__(self, name):
            self.name = name

        def __hash__(self):
            return hash(self.name)

        def __eq__(self, other):
            return isinstance(other, Key) and other.name == self.name

    class Holder:
        def __init__(self, key):
            self.key = key
            self.index = {key: "value"}

    k = Key("k")
    h = Holder(k)

    def f(holder):
        return holder.index[holder.key], holder.key.name, len(holder.index)

    check_case(case(f, h))


def test_operator_and_itertools_with_local_objects():
    class Row:
        def __init__(self, name, dept, pay):
            self.name = name
            self.dept = dept
            self.pay = pay

    rows = [Row("a", "x", 3), Row("b", "y", 5), Row("c", "x", 4), Row("d", "y", 1)]

    def f(rows):
        by_dept = sorted(rows, key=operator.attrgetter("dept"))
        groups = [(k, [r.name for r in g]) for k, g in itertools.groupby(by_dept, key=operator.attrgetter("dept"))]
        top = max(rows, key=operator.attrgetter("pay")).name
        pays = list(itertools.accumulate(r.pay for r in rows))
        total = functools.reduce(lambda acc, r: acc + r.pay, rows, 0)
        return groups, top, pays, total, math.fsum(r.pay / 3 for r in rows)

    check_case(case(f, rows))


def test_local_lru_cache_function():
    @functools.lru_cache(maxsize=None)
    def ways(n):
        return 1 if n <= 1 else ways(n - 1) + ways(n - 2)

    def f(n):
        return ways(n)

    check_case(case(f, 40))


def test_generator_result_refused_clearly():
    def f(n):
        def gen():
            for i in range(n):
                yield i * i
        return gen()

    check_case(refused(f, 4, match="a generator cannot be sent back from pyfora"))


def test_local_print_order_with_classes():
    class Shouter:
        def __init__(self, word):
            self.word = word

        def __repr__(self):
            return f"Shouter({self.word!r})"

        def __str__(self):
            return self.word.upper()

    def f(words):
        objs = [Shouter(w) for w in words]
        for o in objs:
            print(o, repr(o), sep=" / ", end=";\n")
        print(*objs, sep="|")
        print(objs)
        return len(objs)

    check_case(case(f, ["hi", "there"]))


def test_closure_shadows_routed_builtin():
    def max(*args, key=None):
        return ("local max", args, key is not None)

    def sorted(xs, key=None, reverse=False):
        return "local sorted"

    def f(xs):
        return max(xs, key=abs), sorted(xs, key=abs), max(xs)

    check_case(case(f, [1, -5]))


def test_recursive_closure_returned():
    def f(limit):
        def countdown(n):
            return [] if n == 0 or n > limit else [n] + countdown(n - 1)
        return countdown

    c = case(f, 10)
    check_case(c)
    fn = _returned_value(c)
    assert fn(3) == [3, 2, 1] and fn(11) == []


def test_local_class_tuple_unpacking_init():
    class Span:
        def __init__(self, pairs):
            self.lo, self.hi = min(pairs), max(pairs)
            self.count = 0
            for _ in pairs:
                self.count += 1
            self.log = []
            self.log.append(("built", self.count))

        def width(self):
            return self.hi[0] - self.lo[0]

    def f(pairs):
        s = Span(pairs)
        return s.width(), vars(s)

    check_case(case(f, [(3, "c"), (1, "a"), (7, "g")]))
