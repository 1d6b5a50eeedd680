"""Native code (issue 9, first increment): functions of numbers compiled through LLVM give CPython's
answers, and every way native code leaves for tier 0 gives Python's exact value or exception.

Each function runs in CPython and through pyfora with PYFORA_JIT_THRESHOLD=0 (the submitted function
is entered natively at once); the metrics say whether native code ran and whether it left."""
import concurrent.futures
import itertools
import math
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import pyfora
from pyfora.vm import jit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from jit_programs import Add, Compose, Multiply  # noqa: E402  (the guide's classes, as the benchmark has them)


def loop_sum(n):
    s = 0
    i = 0
    while i < n:
        s = s + i
        i = i + 1
    return s


def is_prime(p):
    if p < 2:
        return False
    x = 2
    while x * x <= p:
        if p % x == 0:
            return False
        x = x + 1
    return True


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def count_primes(n):
    count = 0
    for i in range(n):
        if is_prime(i):
            count += 1
    return count


def sines(n, x):
    s = 0.0
    for i in range(1, n, 2):
        if i % 3 == 0 and i > 5:
            continue
        s += math.sin(i) * x
        t = -s if s < 0 else s
        while t > 100.0:
            t = t / 2
        if t > 99.0:
            break
    return s


def floor_ops(a, b):
    q = a // b
    r = a % b
    return q * 1000 + r


def float_floor_ops(a, b):
    return (a // b) * 7.0 + a % b


def powers(x, y):
    return x ** y


def true_divide(a, b):
    return a / b


def mixed_compare(a, b):
    return 1 if a < b < 2 * a else 0


def math_calls(x):
    return math.sqrt(x) + math.log10(x) + math.floor(x) + math.atan2(x, 2.0) + abs(-x) + max(x, 1.5, 0.5)


def exp_of(x):
    return math.exp(x)


def growing(n):
    a = 1
    for _ in range(n):
        a = a * 3
    return a


def shifts(a, b):
    return (a << b) + (a >> b)


def bools(a, b):
    c = a and b
    d = a or b
    return c + d * 2 + (not a) * 4


def nested(n):
    total = 0.0
    for i in range(n):
        for j in range(i, -1, -2):
            total += i * 0.5 - j
    return total


def maybe_unbound(n):
    if n > 3:
        y = n * 2
    return y


def falls_off(n):
    if n > 0:
        return n


def bare_return(n):
    if n > 0:
        return
    return None


def loop_then_tuple(n):
    s = 0.0
    for i in range(n):
        s += i * 0.5
    if s > 10.0:
        return s, n         # native code leaves for tier 0 here: no tuples yet
    return s


def array_dot(a, b):
    s = np.float64(0.0)
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def matrix_walk(m):
    n, k = m.shape
    t = np.float64(0.0)
    for i in range(m.shape[0]):
        for j in range(k):
            t += m[i, j] * m[i][j] - m[-1, -1] / (1 + m.shape[-1])
    return t, n


def int_array(a, cut):
    s = np.int64(0)
    count = 0
    for i in range(a.shape[0]):
        if a[i] > cut and a[-i - 1] != 3:
            s += a[i] // 2 - a[i] % 3 + a[i] ** 2
            count += 1
    return s, count


def bool_array(flags, xs):
    total = 0.0
    for i in range(len(flags)):
        if flags[i]:
            total += math.sqrt(float(xs[i]))
    return total


def array_product(a):
    p = np.float64(1.0)
    for i in range(len(a)):
        p *= a[i]
    return p


def array_index(a, stop):
    s = np.float64(0.0)
    for i in range(stop):
        s += a[i]
    return s


def int64_product(a):
    p = np.int64(1)
    for i in range(len(a)):
        p = p * a[i]
    return p


def python_then_numpy(a):
    s = 0.0             # a float, then numpy.float64 once an element is added: a union, tagged
    c = 0
    for i in range(len(a)):
        s += a[i] * 2
        if a[i] > 0.5:
            c += 1
    return s, -s / 2, c


def row_norms(m):
    n, k = m.shape
    best = 0.0
    for i in range(n):
        t = 0.0
        for j in range(k):
            t += m[i, j] * m[i, j]
        best = max(best, math.sqrt(t))
    return best, t


def int_union(a):
    total = 0
    for i in range(len(a)):
        total += a[i]
    return total, total // 3, total / 7


def over_elements(a, b):
    """Each element of a 1-D array in turn: numpy's scalars."""
    total = 0.0
    for x in a:
        for y in b:
            if y > 2.5:
                break
            total += x * y
    return total


def reciprocals(a):
    s = np.float64(0.0)
    for x in a:
        s += 1.0 / x
    return s


def escape_counts(size, max_iter):
    """Mandelbrot: a docstring, and two names bound from one tuple display."""
    total = 0
    for i in range(size):
        ci = -1.25 + 2.5 * i / size
        for j in range(size):
            cr = -2.0 + 2.5 * j / size
            zr = zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


def sum_of(n, f):
    """A function passed in: native code is specialized on it."""
    total = 0.0
    while n > 0:
        total = total + f(n)
        n = n - 1
    return total


def halves(a, b, f):
    if b - a <= 1:
        return f(a) if b > a else 0.0
    mid = (a + b) // 2
    return halves(a, mid, f) + halves(mid, b, f)


def cube(x):
    return x * x * x


def listed(x):
    return float(len([x]))


def table_total(t, u):
    s = 0.0
    for i in range(len(t)):
        for j in range(len(t[i])):
            s += t[i][j] * u[i][j]
    return s


_ROWS = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]


def step(x, v, dt):
    a = -x - 0.1 * v
    return x + v * dt, v + a * dt


def oscillate(n):
    """Tuples as values: returned by a callee, unpacked, and returned."""
    x, v = 1.0, 0.0
    for _ in range(n):
        x, v = step(x, v, 0.001)
    return x, v


def best_sine(n):
    best = (0, 0.0)
    for i in range(n):
        val = math.sin(i)
        if val > best[1]:
            best = (i, val)
    return best


def cycled(p, n):
    """A tuple passed in, indexed by a computed index."""
    s = p[0] * 0
    for i in range(n):
        s += p[i % len(p)] if i % 5 else p[-1]
    return s


def picked(p, n):
    s = 0
    for i in range(n):
        s += p[i]
    return s


class Doubled(Add):
    """Its `__call__` inherited, a method of its own calling the instance."""
    def twice(self, x):
        return 2 * self(x)

    def __call__(self, x):
        return Add.__call__(self, x) if x < 0 else self.arg - x


class Integrator:
    steps_per_unit = 10     # a class attribute

    def __init__(self, dt, damping):
        self.dt = dt
        self.damping = damping

    def rate(self, x):
        return -self.damping * x + math.sin(x)

    def run(self, x0, units):
        x = x0
        for _ in range(units * self.steps_per_unit):
            x = x + self.dt * self.rate(x)
        return x


def integrate(integrator, x0, units):
    return integrator.run(x0, units)


def doubled_total(n, d):
    total = 0
    for i in range(n):
        total += d.twice(i)
    return total


class Reciprocal:
    def __init__(self, at):
        self.at = at

    def __call__(self, x):
        return 1.0 / (x - self.at)


class Measured:
    def __init__(self, side):
        self.side = side

    @property
    def area(self):
        return self.side * self.side

    def __call__(self, x):
        return self.area * x


class Holder:
    def __init__(self, items):
        self.items = items

    def __call__(self, x):
        return self.items[0] * x


def list_mean(xs):
    s = 0.0
    for x in xs:
        s += x
    return s / len(xs)


def list_variance(xs):
    """A list read through a copy of its numbers, and passed to a native callee."""
    m = list_mean(xs)
    s = 0.0
    for i in range(len(xs)):
        d = xs[i] - m
        s += d * d
    return s / (len(xs) - 1)


def weighted(flags, ns):
    c = 0
    for i in range(len(flags)):
        if flags[i]:
            c += ns[-i - 1]
    return c


_M = np.arange(12.0).reshape(3, 4)


def negative_range(a, b, c):
    s = 0
    for i in range(a, b, c):
        s += i
    return s


def int_convert(x):
    return int(x) + int(-x) + float(3) + bool(x)


def primes_generated(n):
    return sum(is_prime(x) for x in range(n))


def any_prime_between(a, b):
    return any(is_prime(x) for x in range(a, b))


def all_primes(xs):
    return all(is_prime(x) for x in xs)


def filtered_cubes(n):
    return sum(cube(x) for x in range(n) if x % 3)


def accumulate(n):
    """An int, then floats: `s` is 0 (an int) until the loop adds to it."""
    s = 0
    for i in range(n):
        s += math.sqrt(i) * 0.5
    return s


def mean(xs):
    s = 0
    for x in xs:
        s = s + x
    return s / len(xs)


def mean_total(xs, n):
    """`mean`, with its int-then-float accumulator, as a native callee."""
    t = 0.0
    for k in range(n):
        t += mean(xs) * k
    return t


def ratio(n, k):
    s = 0
    for i in range(n):
        s = s + i * 0.5
    return s / k


def compared(n):
    s = 0
    for i in range(n):
        s += i * 0.5
        if s > 10.0:
            return i
    return -1


def centroid(points):
    """A list of tuples of numbers, each taken apart by the loop."""
    sx = sy = 0.0
    for x, y in points:
        sx += x
        sy += y
    return sx / len(points), sy / len(points)


def weighted_lengths(items):
    """Tuples holding a list and a weight; the list taken apart into names."""
    total = 0.0
    for ([x, y, z], w) in items:
        total += w * math.sqrt(x * x + y * y + z * z)
    return total


def mandel_complex(size, max_iter):
    """The Mandelbrot counts written with complex numbers."""
    total = 0
    for iy in range(size):
        for ix in range(size):
            c = complex(-2.0 + 2.5 * ix / size, -1.25 + 2.5 * iy / size)
            z = 0j
            n = 0
            while n < max_iter and abs(z) <= 2.0:
                z = z * z + c
                n += 1
            total += n
    return total


def square_plus(z, c):
    return z * z + c


def escape_time(c, max_iter):
    """A complex number passed to and returned by a native callee."""
    z = 0j
    for n in range(max_iter):
        if abs(z) > 2.0:
            return n
        z = square_plus(z, c)
    return max_iter


def turned(z, n):
    w = complex(0.6, 0.8)
    for _ in range(n):
        z = -(z * w - 0.5 * z + 2) * 0.5
    return z


def magnitude(re, im):
    return abs(complex(re, im) * 1j)


def complex_ratio(z, n):
    for _ in range(n):
        z = z / (1 + 1j)
    return z


def enumerated(xs, start):
    t = 0 * start
    for k, x in enumerate(xs, start):
        t += k * x
    return t


def zipped(a, b, n):
    """zip stops at its shortest iterable; each item taken apart into names."""
    s = 0.0
    for x, y, k in zip(a, b, range(n)):
        s += x * y + k
    return s


def counted_pairs(a, b):
    s = 0.0
    for k, (x, y) in enumerate(zip(a, b)):
        s += k * (x - y)
    return s


def halves_list(n):
    """A list native code makes (`out = []`) and appends to, handed back as a new list."""
    out = []
    for i in range(n):
        out.append(i * 0.5)
    return out


def flags_made(n):
    out = []
    for i in range(n):
        out.append(i % 3 == 0)
    return out.count(True), len(out)


def primes_listed(n):
    """A list comprehension calling a function: the loop appending to it runs natively."""
    return sum([cube(x) % 5 for x in range(n) if is_prime(x)])


def wave(x):
    return math.sin(x) * x


def peak(n):
    """`max` of a generator calling a function: a loop in the frame, the generator fused into it."""
    return max(wave(i) for i in range(n))


def lowest_residue(n):
    return min(cube(i) % 11 for i in range(n) if i % 3)


def shifted(x, k):
    return x << k


def generated_sum_outgrows(n):
    return sum(shifted(x, 58) for x in range(n))


def generator_item_outgrows(n):
    return sum(shifted(x, 60) for x in range(n))


def generator_item_raises(n):
    return sum(floor_ops(100, x) for x in range(n, -n, -1))


NATIVE = [
    (loop_sum, (100_000,)), (is_prime, (1_000_003,)), (is_prime, (1_000_001,)), (fib, (20,)),
    (count_primes, (2_000,)), (sines, (1001, 0.5)), (sines, (100_001, 3.0)),
    (floor_ops, (7, 3)), (floor_ops, (-7, 3)), (floor_ops, (7, -3)), (floor_ops, (-7, -3)),
    (float_floor_ops, (7.5, -2.0)), (float_floor_ops, (-7.5, 2.0)), (float_floor_ops, (-0.0, 3.0)),
    (float_floor_ops, (1e300, 1e-300)), (float_floor_ops, (5.0, math.inf)),
    (powers, (2, 62)), (powers, (-3, 39)), (powers, (2.0, 0.5)), (powers, (-2.0, 3.0)), (powers, (math.nan, 0.0)),
    (true_divide, (7, 2)), (true_divide, (1, 3)), (true_divide, (1.0, -0.0001)),
    (mixed_compare, (3, 5.5)), (mixed_compare, (3.0, 7)), (mixed_compare, (math.nan, 1.0)),
    (math_calls, (2.5,)), (math_calls, (1e10,)), (exp_of, (1.0,)), (shifts, (5, 3)), (shifts, (-5, 60)),
    (bools, (True, False)), (bools, (False, True)), (nested, (60,)), (maybe_unbound, (5,)),
    (falls_off, (3,)), (falls_off, (-3,)), (bare_return, (1,)), (bare_return, (-1,)),
    (negative_range, (10, -10, -3)), (negative_range, (0, 0, 1)),
    (loop_then_tuple, (100,)), (loop_then_tuple, (3,)),
    (array_dot, (np.linspace(0, 1, 50), np.linspace(2, -1, 50))), (array_dot, (np.arange(10.0)[::3], np.ones(4))),
    (matrix_walk, (_M,)), (matrix_walk, (_M.T,)), (matrix_walk, (_M[::2, 1:],)),
    (int_array, (np.arange(-20, 20), 2)), (bool_array, (np.arange(9) % 3 == 0, np.arange(9.0))),
    (array_product, (np.full(5, 1e10),)), (array_index, (np.arange(5.0), 5)),
    (python_then_numpy, (np.linspace(0, 1, 7),)), (python_then_numpy, (np.zeros(0),)),
    (over_elements, (np.arange(1.0, 8.0), np.arange(1.0, 8.0))), (over_elements, (np.arange(5.0)[::-2], np.ones(3))),
    (over_elements, (np.zeros(0), np.ones(2))), (reciprocals, (np.arange(1.0, 6.0),)), (escape_counts, (30, 50)),
    (sum_of, (1000, lambda x: x * 10.0 + 20.0)), (sum_of, (100, cube)), (halves, (0, 1000, lambda x: x ** 0.5)),
    (row_norms, (_M,)), (row_norms, (np.zeros((0, 3)),)),
    (int_union, (np.arange(-5, 40),)), (int_union, (np.arange(0),)),
    (list_mean, ([1.0, 2.5, 3.25],)), (list_variance, ([1.0, 2.5, 3.25, 7.0, -1e300],)),
    (weighted, ([True, False, True, True], [1, 2, 3, -(1 << 62)])),
    (int_convert, (2.75,)), (int_convert, (-1e18,)),
    (primes_generated, (3000,)), (any_prime_between, (1000, 1100)), (any_prime_between, (24, 29)),
    (all_primes, (np.array([2, 3, 5, 7, 11]),)), (all_primes, (np.array([2, 3, 4, 5]),)), (filtered_cubes, (300,)),
    (sum_of, (1000, Compose(Add(20.0), Multiply(10.0)))), (sum_of, (300, Compose(Multiply(3), Compose(Add(-2), cube)))),
    (integrate, (Integrator(0.01, 0.5), 1.0, 30)), (doubled_total, (50, Doubled(7))),
    (table_total, ([[1.0, 2.0], [3.0, 4.0]], [[0.5, 0.5], [2.0, -1.0]])), (table_total, ([[1, 2]], [[3, 4]])),
    (oscillate, (300,)), (best_sine, (1000,)), (picked, ((1, 2, 3), 3)), (picked, ((True, False), 2)),
    (cycled, ((1, 2, 3), 20)), (cycled, ((0.5, -1.5), 7)),
    (peak, (1000,)), (peak, (0,)), (lowest_residue, (500,)), (lowest_residue, (1,)),
    (accumulate, (1000,)), (accumulate, (0,)), (mean_total, ([1.0, 2.5, 4.0], 50)),
    (centroid, ([(1.0, 2.0), (3.5, -1.0), (0.25, 8.0)],)), (centroid, ([(1, 2.5)],)),
    (halves_list, (10,)), (halves_list, (0,)), (flags_made, (10,)), (primes_listed, (200,)),
    (enumerated, ([1.0, 2.5, -3.0], 0)), (enumerated, ([1, 2, 3], 10)),
    (zipped, (np.arange(5.0), [1.0, 2.0, 3.0, 4.0], 10)), (zipped, ([1.0], [2.0], 0)),
    (counted_pairs, ([1.0, 2.0, 3.0], np.arange(4.0))),
    (mandel_complex, (30, 60)), (turned, (1 + 0j, 500)), (turned, (complex(-0.0, 2.5), 3)),
    (escape_time, (complex(-0.75, 0.1), 500)), (escape_time, (0.3 + 0.5j, 100)),
    (magnitude, (3.0, -4.0)), (magnitude, (math.inf, math.nan)), (magnitude, (math.nan, 1.0)),
    (weighted_lengths, ([([1.0, 2.0, 2.0], 0.5), ([3.0, 4.0, 0.0], 2.0)],)),
]
"""(function, arguments) that run natively to the end."""

LEAVES = [
    (growing, (50,)),               # past 64 bits: tier 0 finishes with the big int
    (floor_ops, (7, 0)),            # ZeroDivisionError
    (floor_ops, (-(1 << 63), -1)),  # the quotient does not fit 64 bits
    (float_floor_ops, (1.0, 0.0)),  # ZeroDivisionError of floats
    (powers, (-8.0, 0.5)),          # a complex result
    (powers, (0.0, -1.0)),          # ZeroDivisionError
    (powers, (10.0, 400.0)),        # OverflowError
    (powers, (2, -2)),              # an int to a negative power is a float
    (powers, (7, 40)),              # past 64 bits
    (true_divide, (1, 0)),
    (true_divide, ((1 << 60) + 1, 3)),   # not exact in doubles: Python divides the ints exactly
    (mixed_compare, ((1 << 60) + 1, float(1 << 60))),
    (math_calls, (-1.0,)),          # ValueError: math domain error
    (math_calls, (math.inf,)),      # floor of an infinity: OverflowError
    (exp_of, (1000.0,)),            # OverflowError: math range error
    (shifts, (1, 64)), (shifts, (3, -1)), (shifts, (-5, 70)),
    (maybe_unbound, (1,)),          # UnboundLocalError
    (negative_range, (0, 10, 0)),   # ValueError: range() arg 3 must not be zero
    (int_convert, (math.nan,)), (int_convert, (1e19,)),
    (array_product, (np.full(400, 1e10),)),     # overflow: numpy warns, in tier 0
    (array_product, (np.array([np.inf, 0.0]),)),     # inf * 0: invalid
    (array_index, (np.arange(5.0), 6)),         # IndexError
    (int64_product, (np.full(70, 2),)),         # int64 wraps (with a warning) in numpy
    (python_then_numpy, (np.array([1e308, 1e308]),)),   # overflow of a union holding numpy's float
    (int_union, (np.array([2 ** 62, 2 ** 62]),)),       # int64 wraps
    (reciprocals, (np.array([1.0, 2.0, 0.0, 4.0]),)),   # numpy's division by zero, mid-iteration
    (weighted, ([True, True, True], [1, 2])),           # IndexError of a list
    (weighted, ([True, True], [1 << 62, 1 << 62])),     # past 64 bits
    (generated_sum_outgrows, (40,)),    # a generator expression's sum past 64 bits, in its consumer
    (generator_item_outgrows, (40,)),   # an item past 64 bits, in the generator's own body
    (generator_item_raises, (4,)),      # ZeroDivisionError in the generator's body
    (sum_of, (100, Multiply(1 << 60))),     # past 64 bits in a method
    (sum_of, (10, Reciprocal(5))),          # ZeroDivisionError in a method
    (weighted_lengths, ([([1.0, 2.0], 0.5)],)),     # ValueError: not enough values to unpack
    (enumerated, ([1, 2, 3], (1 << 63) - 2)),       # the count past 64 bits
    (magnitude, (1e308, 1.5e308)),          # OverflowError: absolute value too large
    (ratio, (0, 0)),                        # an int-or-float holding 0 over 0: ZeroDivisionError
    (ratio, (3, 0)),                        # holding a float: "float division by zero"
    (picked, ((1, 2, 3), 4)),               # IndexError: tuple index out of range
    (picked, ((1 << 62, 1 << 62), 2)),      # past 64 bits
]
"""(function, arguments) where native code leaves and tier 0 gives Python's value or exception."""


def _name(value) -> str:
    """A test id: a function's name, or its arguments (an array by its shape)."""
    if callable(value):
        return value.__name__
    return ",".join(f"array{v.shape}" if isinstance(v, np.ndarray) else repr(v) for v in value)


@pytest.fixture(scope="module")
def native():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYFORA_JIT_THRESHOLD", "0")
        with pyfora.connect(workers=0) as ex:
            yield ex


def _outcome(thunk):
    try:
        return "value", thunk()
    except Exception as exc:   # the exception type and message are what is compared
        return type(exc), str(exc)


def _same(expected, got):
    if expected[0] == "value" and isinstance(expected[1], float) and math.isnan(expected[1]):
        return isinstance(got[1], float) and math.isnan(got[1])
    return expected == got and type(expected[1]) is type(got[1])


@pytest.mark.parametrize("fn,args", NATIVE, ids=_name)
def test_native_code_gives_cpythons_answer(native, fn, args):
    expected = _outcome(lambda: fn(*args))
    future = native.submit(fn, *args)
    got = _outcome(future.result)
    assert _same(expected, got), (expected, got)
    assert (future.metrics.native_calls, future.metrics.deoptimizations) == (1, 0)


@pytest.mark.parametrize("fn,args", LEAVES, ids=_name)
def test_native_code_leaves_for_tier0_with_pythons_answer(native, fn, args):
    expected = _outcome(lambda: fn(*args))
    future = native.submit(fn, *args)
    got = _outcome(future.result)
    assert _same(expected, got), (expected, got)
    assert (future.metrics.native_calls, future.metrics.deoptimizations) == (1, 1)
    assert sum(future.metrics.deoptimization_reasons.values()) == 1


@pytest.mark.parametrize("fn,args,why", [
    (growing, (50,), "an int past 64 bits"), (floor_ops, (7, 0), "a division by zero"),
    (powers, (-8.0, 0.5), "a negative number to a fractional power"), (math_calls, (-1.0,), "a math domain error"),
    (array_index, (np.arange(5.0), 6), "an index out of range"), (picked, ((1, 2, 3), 4), "an index out of range"),
    (maybe_unbound, (1,), "a local read before it is bound"),
    (sum_of, (100, Multiply(1 << 60)), "an int past 64 bits")], ids=_name)     # a callee's reason, through its caller
def test_a_deoptimization_is_counted_with_its_reason(native, fn, args, why):
    future = native.submit(fn, *args)
    _outcome(future.result)
    assert future.metrics.deoptimization_reasons == {why: 1}


def test_code_that_stays_in_tier0_is_counted_with_its_reason(native):
    shared = native.submit(table_total, _ROWS[:2], _ROWS[1:])
    assert shared.result() == table_total(_ROWS[:2], _ROWS[1:])
    assert shared.metrics.fallbacks == {"a list that is a row of two tables, or a table and a row": 1}
    mixed = native.submit(cycled, (1, 2.5), 10)
    assert mixed.result() == cycled((1, 2.5), 10)
    assert mixed.metrics.fallbacks == {"a tuple of (int, float) indexed by a computed index": 1}


def test_native_code_compiles_once_per_types(native):
    first = native.submit(fib, 15)
    first.result()
    again = native.submit(fib, 16)
    assert again.result() == fib(16) and again.metrics.compiles == 0
    floats = native.submit(fib, 15.0)
    assert floats.result() == fib(15.0) and floats.metrics.compiles == 1


def test_an_instance_compiles_by_its_state(native):
    """The same state made anew finds its piece; another state compiles its own (its fields are
    compiled in as constants)."""
    native.submit(sum_of, 100, Compose(Add(20.0), Multiply(10.0))).result()
    again = native.submit(sum_of, 100, Compose(Add(20.0), Multiply(10.0)))
    assert again.result() == sum_of(100, Compose(Add(20.0), Multiply(10.0))) and again.metrics.compiles == 0
    other = native.submit(sum_of, 100, Compose(Add(21.0), Multiply(10.0)))
    assert other.result() == sum_of(100, Compose(Add(21.0), Multiply(10.0))) == 52_600.0
    assert (other.metrics.compiles, other.metrics.native_calls) == (1, 1)


def three(a, b, c):
    return a * 2 + b - c


def test_past_the_bound_on_specializations_new_types_stay_in_tier0(native):
    combos = list(itertools.product((1, 1.5, True), repeat=3))
    native_calls = []
    for args in combos:
        future = native.submit(three, *args)
        assert _same(_outcome(lambda: three(*args)), _outcome(future.result))
        native_calls.append(future.metrics.native_calls)
    assert native_calls == [1] * jit.SPECIALIZATIONS + [0] * (len(combos) - jit.SPECIALIZATIONS)


@pytest.mark.parametrize("fn,args", [(lambda n: [i for i in range(n)], (5,)), (sum_of, (10, listed)),
                                     (list_mean, ([1.0, math.nan],)),       # a copy would lose the NaN's identity
                                     (list_mean, ([1, 2.5],)), (list_mean, ([1 << 64, 1],)), (list_mean, ([[1.0]],)),
                                     (sum_of, (10, Measured(2.0))),     # a property: computed, not a field
                                     (sum_of, (10, Holder([1.5]))),     # a field native code cannot hold
                                     (sum_of, (10, Add(1 << 70))),
                                     (table_total, (_ROWS[:2], _ROWS[1:])),     # a row in two tables
                                     (cycled, ((1, 2.5), 10)),      # a computed index of items of two types
                                     (compared, (100,)),    # an int-or-float compared
                                     (complex_ratio, (1 + 2j, 5)),    # complex division
                                     (picked, ((1 << 64, 1), 2)),   # an item native code cannot hold
                                     (table_total, ([[1.0, 2.0], [3.0]], [[1.0, 1.0], [1.0, 1.0]]))])    # ragged
def test_code_native_code_cannot_run_stays_in_tier0(native, fn, args):
    future = native.submit(fn, *args)
    assert _same(_outcome(lambda: fn(*args)), _outcome(future.result))
    assert future.metrics.native_calls == 0


def test_without_the_threshold_nothing_is_compiled(monkeypatch):
    monkeypatch.delenv("PYFORA_JIT_THRESHOLD", raising=False)
    with pyfora.connect(workers=0) as ex:
        future = ex.submit(loop_sum, 1000)
        assert future.result() == loop_sum(1000) and future.metrics.native_calls == 0


def spin(n):
    x = 1.0
    for _ in range(n):
        x = x * 1.0000001 % 7.0
    return x


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


@pytest.mark.timeout(120)
def test_native_recursion_deeper_than_its_bound_finishes_in_tier0(monkeypatch):
    """Past NATIVE_DEPTH calls in flight native code leaves (it would overflow the thread's stack);
    tier 0 recurses on as Python does."""
    monkeypatch.setenv("PYFORA_JIT_THRESHOLD", "0")
    with pyfora.connect(workers=1) as ex:
        shallow = ex.submit(depth, 2000)
        assert shallow.result(timeout=60) == 2000
        assert (shallow.metrics.native_calls, shallow.metrics.deoptimizations) == (1, 0)
        deep = ex.submit(depth, 100_000)
        assert deep.result(timeout=100) == 100_000
        assert (deep.metrics.native_calls, deep.metrics.deoptimizations) == (1, 1)


def count_up():
    x = 0
    while True:
        x += 1


@pytest.mark.parametrize("fn,args", [(spin, (10 ** 12,)), (count_up, ())])
def test_a_native_loop_is_cancelled_at_once_without_ending_the_worker(monkeypatch, fn, args):
    monkeypatch.setenv("PYFORA_JIT_THRESHOLD", "0")
    with pyfora.connect(workers=1) as ex:
        assert ex.submit(spin, 1000).result(timeout=60) == spin(1000)    # the worker has started
        pid = ex._pool.workers[0].process.pid
        future = ex.submit(fn, *args)
        time.sleep(0.5)
        started = time.perf_counter()
        assert future.cancel()
        with pytest.raises(concurrent.futures.CancelledError):
            future.result(timeout=10)
        assert time.perf_counter() - started < 1.0
        assert ex.submit(spin, 10).result(timeout=30) == spin(10)
        assert ex._pool.workers[0].process.pid == pid     # native code left: no worker was ended
