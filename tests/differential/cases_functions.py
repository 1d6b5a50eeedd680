"""Differential cases: functions.

Closures, nested functions, lambdas (several on one line), recursion and
mutual recursion, higher-order functions, every call shape (*args, **kwargs,
keyword-only, positional-only, defaults evaluated once), argument errors,
functions as results, functools.partial and user-written decorators.
"""
import functools
import itertools
import operator

from case import case

# ---------------------------------------------------------------------------
# Lambdas at module level, several on one line
# ---------------------------------------------------------------------------

pair = (lambda x: x + 1, lambda x: x * 2)
OPS = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
square, cube = lambda x: x ** 2, lambda x: x ** 3


def apply_pair(x):
    inc, dbl = pair
    return inc(dbl(x)), dbl(inc(x)), [f(x) for f in pair]


def apply_ops(a, b):
    return {name: f(a, b) for name, f in OPS.items()}


def powers(xs):
    return [(square(x), cube(x)) for x in xs]


# ---------------------------------------------------------------------------
# Closures
# ---------------------------------------------------------------------------

def make_adder(n):
    def add(x):
        return x + n
    return add


def adders(ns, x):
    fs = [make_adder(n) for n in ns]
    return [f(x) for f in fs]


def counter(start, step):
    """A counter built functionally: each call gives (value, next counter)."""
    return (start, lambda: counter(start + step, step))


def count_up(start, step, k):
    values = []
    c = counter(start, step)
    for _ in range(k):
        v, nxt = c
        values.append(v)
        c = nxt()
    return values


def late_binding(n):
    late = [lambda: i for i in range(n)]
    early = [lambda i=i: i for i in range(n)]
    return [f() for f in late], [f() for f in early]


def late_binding_loop(n):
    fs = []
    for i in range(n):
        fs.append(lambda x: x * i)
    bound = []
    for i in range(n):
        bound.append(lambda x, i=i: x * i)
    return [f(10) for f in fs], [f(10) for f in bound]


def closure_sees_rebinding(x):
    def get():
        return y
    y = x
    first = get()
    y = x * 100
    return first, get()


def three_levels(a):
    def mid(b):
        def inner(c):
            return a * 100 + b * 10 + c
        return inner
    return [mid(b)(c) for b in range(2) for c in range(3)]


def shared_cell(v):
    def reader():
        return base + 1

    def doubler():
        return base * 2
    base = v
    return reader(), doubler()


def closure_over_arg_default(x, f=lambda v: v * 3):
    g = lambda: f(x)
    return g()


def free_var_unbound(flag):
    def inner():
        return later
    if flag:
        return inner()
    later = 1
    return inner()


def make_multiplier_table(n):
    return [[(lambda a: lambda b: a * b)(i)(j) for j in range(n)] for i in range(n)]


# ---------------------------------------------------------------------------
# Recursion and mutual recursion
# ---------------------------------------------------------------------------

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def parity_table(ns):
    return [(n, is_even(n), is_odd(n)) for n in ns]


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def hanoi(n, src="A", dst="C", via="B"):
    if n == 0:
        return []
    return hanoi(n - 1, src, via, dst) + [(src, dst)] + hanoi(n - 1, via, dst, src)


def flatten(x):
    if isinstance(x, (list, tuple)):
        return [y for item in x for y in flatten(item)]
    return [x]


def y_combinator_fact(n):
    f = lambda self, k: 1 if k == 0 else k * self(self, k - 1)
    return f(f, n)


def recursive_closure(n):
    def go(k, acc):
        return acc if k == 0 else go(k - 1, acc + [k])
    return go(n, [])


def fact_negative_error(n):
    if n < 0:
        raise ValueError(f"fact() not defined for negative values: {n}")
    return fact(n)


# ---------------------------------------------------------------------------
# Higher-order functions
# ---------------------------------------------------------------------------

def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed


def apply_n(f, n):
    return lambda x: x if n == 0 else apply_n(f, n - 1)(f(x))


def higher_order(xs):
    inc_then_double = compose(pair[1], pair[0])
    return (list(map(inc_then_double, xs)),
            list(filter(lambda v: v % 2 == 0, xs)),
            functools.reduce(operator.add, xs, 0),
            functools.reduce(lambda a, b: a * b, xs, 1),
            sorted(xs, key=lambda v: (-abs(v), v)),
            apply_n(pair[0], 5)(0),
            list(map(operator.mul, xs, xs)),
            max(xs, key=lambda v: v % 5))


def itertools_pipeline(n):
    evens = filter(lambda v: v % 2 == 0, itertools.count())
    first = list(itertools.islice(evens, n))
    return (first,
            list(itertools.accumulate(first)),
            list(itertools.accumulate(first, operator.mul))[:3],
            list(itertools.chain(first, "ab")),
            list(itertools.combinations(range(n), 2))[:4],
            list(itertools.product("xy", repeat=2)),
            [k for k, _ in itertools.groupby(sorted("mississippi"))],
            list(itertools.starmap(pow, [(2, 3), (3, 2)])),
            list(itertools.takewhile(lambda v: v < 5, first)))


def getters(records):
    by_age = sorted(records, key=operator.itemgetter(1, 0))
    names = list(map(operator.itemgetter(0), by_age))
    return names, operator.attrgetter("real", "imag")(complex(3, 4))


def cmp_sort(words):
    def cmp(a, b):
        if len(a) != len(b):
            return len(a) - len(b)
        return -1 if a > b else (1 if a < b else 0)
    return sorted(words, key=functools.cmp_to_key(cmp))


def returns_function(k):
    if k == 0:
        return pair[0]
    return make_adder(k)


def returns_function_and_value(k):
    f = make_adder(k)
    return f, f(1), [make_adder(i) for i in range(2)]


def function_names(tag):
    inner = make_adder(1)
    lam = lambda: None
    return (tag, fact.__name__, inner.__name__, inner.__qualname__, lam.__name__,
            pair[0].__name__, traced_add.__name__, traced_add.__qualname__,
            counted_mul.__name__, hanoi.__defaults__, kwonly.__kwdefaults__)


# ---------------------------------------------------------------------------
# Call shapes
# ---------------------------------------------------------------------------

def add3(a, b, c):
    return a + b + c


def varargs(*args, **kwargs):
    return args, kwargs, type(args).__name__, type(kwargs).__name__


def kwonly(a, b=2, *, k, m=10):
    return (a, b, k, m)


def posonly(a, b, /, c, d=4):
    return (a, b, c, d)


def everything(a, /, b, *args, c, d=5, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


def call_shapes(x):
    return (add3(*[x, 2], c=3),
            add3(**{"a": 1, "b": x, "c": 3}),
            varargs(x, *range(3), k=1, **{"z": 2}),
            varargs(),
            kwonly(x, k=7),
            kwonly(x, 0, m=1, k=2),
            posonly(1, 2, c=x),
            posonly(1, 2, 3),
            everything(1, 2, 3, 4, c=x, e=6, b2=7),
            everything(0, b=1, c=2))


def forward(*args, **kwargs):
    return add3(*args, **kwargs)


def kwargs_order(**kwargs):
    return list(kwargs), list(kwargs.values())


def call_error(kind):
    try:
        if kind == 0:
            add3(1, 2)
        elif kind == 1:
            add3(1, 2, 3, 4)
        elif kind == 2:
            add3(1, 2, 3, d=4)
        elif kind == 3:
            add3(1, 2, a=3)
        elif kind == 4:
            kwonly(1)
        elif kind == 5:
            kwonly(1, 2, 3)
        elif kind == 6:
            posonly(1, b=2, c=3)
        elif kind == 7:
            posonly()
        elif kind == 8:
            not_callable = 5
            not_callable(1)
        elif kind == 9:
            make_adder(1)(1, 2)
        elif kind == 10:
            (lambda: 0)(1)
        elif kind == 11:
            add3(**{"a": 1, "b": 2, "c": 3, "q": 0})
        elif kind == 12:
            add3(*5)
        elif kind == 13:
            add3(**[1])
        else:
            return "no error"
    except TypeError as e:
        return str(e)


# ---------------------------------------------------------------------------
# Defaults evaluated once, at definition
# ---------------------------------------------------------------------------

LIMIT = 10


def clip(x, hi=LIMIT):
    return min(x, hi), hi, LIMIT


LIMIT = 99      # rebinding after the def: the default stays 10, the global reads 99

BASE_ITEMS = (1, 2)


def with_default_tuple(x, items=BASE_ITEMS, scale=len(BASE_ITEMS) * 3):
    return items + (x,), scale


def default_list_not_mutated(x, acc=[0]):
    return acc + [x]


def call_default_twice(x):
    return default_list_not_mutated(x), default_list_not_mutated(x + 1), default_list_not_mutated.__defaults__


# ---------------------------------------------------------------------------
# functools.partial
# ---------------------------------------------------------------------------

def power(base, exp):
    return base ** exp


square_p = functools.partial(power, exp=2)
two_to = functools.partial(power, 2)


def partials(xs):
    cube_p = functools.partial(power, exp=3)
    add10 = functools.partial(add3, 4, 6)
    return ([square_p(x) for x in xs], [two_to(x) for x in xs], list(map(cube_p, xs)),
            add10(c=1), square_p(3, exp=4), square_p.args, sorted(square_p.keywords.items()),
            functools.partial(functools.partial(add3, 1), 2)(3))


def partial_error(x):
    return two_to(x, exp=3)


# ---------------------------------------------------------------------------
# User-written decorators, applied at module level
# ---------------------------------------------------------------------------

def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("done", fn.__name__, result)
        return result
    return wrapper


def repeat(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(x):
            for _ in range(times):
                x = fn(x)
            return x
        return wrapper
    return decorate


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return (fn(*args), len(args))
    return wrapper


@trace
def traced_add(a, b=1):
    return a + b


@repeat(3)
def bump(x):
    return x * 2 + 1


@counted
@repeat(2)
def counted_mul(x):
    return x * 10


@trace
@counted
def stacked(x, y):
    return x - y


def use_decorated(x):
    return traced_add(x, b=2), bump(x), counted_mul(x), stacked(x, 1), bump.__wrapped__(x)


def validate_positive(fn):
    def wrapper(x):
        if x < 0:
            raise ValueError(f"{fn.__name__} needs x >= 0, got {x}")
        return fn(x)
    return wrapper


@validate_positive
def root(x):
    return x ** 0.5


CASES = [
    case(apply_pair, 5),
    case(apply_pair, -1.5),
    case(pair[0], 5),
    case(pair[1], "ab"),
    case(apply_ops, 7, 3),
    case(square, 12),
    case(powers, [1, 2, 3.0]),
    case(adders, [1, 10, 100], 5),
    case(count_up, 0, 3, 5),
    case(count_up, 10, -2.5, 4),
    case(late_binding, 4),
    case(late_binding_loop, 3),
    case(closure_sees_rebinding, 7),
    case(three_levels, 4),
    case(shared_cell, 5),
    case(closure_over_arg_default, 4),
    case(closure_over_arg_default, 4, lambda v: -v),
    case(free_var_unbound, True),
    case(free_var_unbound, False),
    case(make_multiplier_table, 4),
    case(fact, 0),
    case(fact, 30),
    case(fib, 18),
    case(parity_table, [0, 1, 7, 300]),
    case(ackermann, 2, 3),
    case(hanoi, 4),
    case(hanoi, 2, "x", "y", "z"),
    case(flatten, [1, [2, (3, [4, []]), 5], [[6]]]),
    case(y_combinator_fact, 10),
    case(recursive_closure, 6),
    case(fact_negative_error, 5),
    case(fact_negative_error, -2),
    case(higher_order, [3, -4, 5, 10, -1]),
    case(itertools_pipeline, 5),
    case(getters, [("bob", 30), ("al", 25), ("cy", 30)]),
    case(cmp_sort, ["pear", "fig", "apple", "kiwi", "date"]),
    case(returns_function, 0),
    case(returns_function, 4),
    case(returns_function_and_value, 3),
    case(function_names, "names"),
    case(add3, 1, 2, 3),
    case(add3, 1, 2),
    case(add3, 1, 2, 3, 4),
    case(add3, "a", "b", c="c"),
    case(varargs, 1, 2, x=3),
    case(kwonly, 1, k=2),
    case(kwonly, 1, 2),
    case(posonly, 1, 2, 3),
    case(posonly, 1, b=2, c=3),
    case(everything, 1, 2, 3, c=4, z=5),
    case(call_shapes, 1),
    case(forward, 1, c=3, b=2),
    case(forward, 1, 2, 3, 4),
    case(kwargs_order, z=1, a=2, m=3),
    *[case(call_error, k) for k in range(15)],
    case(clip, 50),
    case(clip, 5, 3),
    case(with_default_tuple, 3),
    case(call_default_twice, 1),
    case(partials, [1, 2, 3]),
    case(partial_error, 3),
    case(use_decorated, 3),
    case(traced_add, 10),
    case(bump, 1),
    case(stacked, 9, 4),
    case(root, 16.0),
    case(root, -4),
]
