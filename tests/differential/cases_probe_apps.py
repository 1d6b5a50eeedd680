"""Differential probe cases: numpy arrays in and out, classes as real programs
use them, and ten small applications.

The harness compares values with `==` and type identity; it cannot compare
numpy arrays of more than one element (`assert array` is ambiguous) and would
not check dtype or shape, so array results are described here as
`(dtype, shape, tolist())` by `desc` inside the computation.
"""
import collections
import dataclasses
import enum
import functools
import math
import operator

import numpy as np

from case import case, refused


# ===========================================================================
# 1. numpy
# ===========================================================================

def desc(a):
    return (str(a.dtype), a.shape, a.tolist())


def np_sum_kinds(a):
    s = np.sum(a)
    return s, type(s).__name__, repr(s), float(s)


def np_sum_axis(a):
    return desc(np.sum(a, axis=0)), desc(np.sum(a, axis=1)), desc(a.sum(axis=-1, keepdims=True))


def np_dot_shapes(a, b):
    return desc(np.dot(a, b)), desc(a @ b), desc(np.dot(a[0], b[:, 0]))


def np_trig(a):
    return desc(np.sin(a)), desc(np.cos(a)), desc(np.exp(a)), desc(np.sqrt(a))


def np_where_forms(a):
    return desc(np.where(a > 2, a, -a)), [desc(x) for x in np.where(a > 2)], desc(np.where(a % 2 == 0, 1.5, 0))


def np_linalg(m):
    inv = np.linalg.inv(m)
    det = np.linalg.det(m)
    sol = np.linalg.solve(m, np.array([1.0, 2.0]))
    return desc(np.round(inv, 10)), round(float(det), 10), desc(np.round(sol, 10)), float(np.linalg.norm(m))


def np_linalg_singular():
    return np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]]))


def np_argsort(a):
    return desc(np.argsort(a)), desc(np.argsort(a, kind="stable")), desc(np.sort(a)[::-1])


def np_cumsum_cumprod(a):
    return desc(np.cumsum(a)), desc(np.cumprod(a)), desc(np.cumsum(a.reshape(2, 3), axis=1))


def np_concat(a, b):
    return (desc(np.concatenate([a, b])), desc(np.concatenate((a.reshape(1, -1), b.reshape(1, -1)), axis=0)),
            desc(np.stack([a, b])), desc(np.hstack([a, b])), desc(np.vstack([a, b])))


def np_mask(a):
    m = a > a.mean()
    return desc(m), desc(a[m]), desc(a[~m]), int(m.sum()), desc(a[(a > 1) & (a < 5)])


def np_fancy(a):
    idx = np.array([3, 0, 0, 2])
    return desc(a[idx]), desc(a[[1, 1]]), desc(a[-2:]), desc(a[::2])


def np_fancy_2d(m):
    return desc(m[[0, 2], [1, 0]]), desc(m[:, [2, 0]]), desc(m[1]), desc(m[m > 4])


def np_broadcast(a, b):
    return desc(a[:, None] + b[None, :]), desc(a.reshape(-1, 1) * b), desc(a - 1.5)


def np_broadcast_error(a, b):
    return a + b


def np_reshape_transpose(a):
    m = a.reshape(2, 3)
    return desc(m), desc(m.T), desc(np.transpose(m)), desc(m.ravel()), desc(m.flatten()), m.T.shape


def np_reshape_error(a):
    return a.reshape(4, 4)


def np_int_overflow(a):
    return desc(a * a), desc(a + a), desc(np.cumsum(np.array([2 ** 62, 2 ** 62], dtype=np.int64)))


def np_int64_scalar_overflow():
    x = np.int64(2 ** 62)
    return x, type(x).__name__


def np_float32(a):
    b = a * 2
    c = a + np.float32(0.1)
    s = np.sum(a)
    return desc(b), desc(c), type(s).__name__, float(s), desc(a.astype(np.float64) + 0.1)


def np_float32_repr(a):
    return repr(a[0]), str(a[1]), repr(np.float32(0.1)), a.dtype.itemsize


def np_inplace_own():
    a = np.arange(6)
    a += 1
    a *= 3
    a[a > 10] = 0
    a[0] = -7
    a[1:3] = [100, 200]
    return desc(a)


def np_inplace_float_own():
    a = np.zeros((2, 3))
    a[0, :] = 1.5
    a[:, 1] += 2
    a /= 2
    return desc(a)


def np_out_own(a, b):
    c = np.empty(3)
    np.add(a, b, out=c)
    d = np.zeros(3)
    np.multiply(c, 2, out=d)
    return desc(c), desc(d)


def np_inplace_int_into_float_error():
    a = np.arange(3)
    a += 0.5
    return a


def np_inplace_arg(a):
    a += 1
    return desc(a)


def np_setitem_arg(a):
    a[0] = 9
    return desc(a)


def np_mask_assign_arg(a):
    a[a > 1] = 0
    return desc(a)


def np_copy_then_mutate(a):
    b = a.copy()
    b += 1
    b[0] = 42
    return desc(a), desc(b)


def np_arrays_in_containers(data):
    arrs = data["arrs"]
    total = np.zeros(2)
    for x in arrs:
        total = total + x
    pair = (arrs[0] * 2, arrs[1] - 1)
    return desc(total), [desc(p) for p in pair], {k: desc(v) for k, v in data.items() if k != "arrs"}


class Signal:
    def __init__(self, name, values):
        self.name = name
        self.values = values

    def energy(self):
        return float(np.sum(self.values ** 2))

    def scaled(self, k):
        return Signal(self.name + "*", self.values * k)


def np_user_object(vals):
    s = Signal("s", vals)
    t = s.scaled(3)
    return s.energy(), t.name, desc(t.values), t.energy()


def np_scalars():
    a = np.array([1.0, 2.0, 4.0])
    m = np.mean(a)
    mx = a.max()
    i = a.argmax()
    b = a > 1.5
    return (m, type(m).__name__, repr(m), f"{m}", str(m), mx, repr(i), type(i).__name__,
            repr(b[0]), type(b[1]).__name__, m + 1, type(m + 1).__name__, type(m * 2).__name__)


def np_scalar_arith():
    x = np.float64(1.5)
    y = np.int64(7)
    return (x + y, type(x + y).__name__, y // 2, type(y // 2).__name__, y / 2, type(y / 2).__name__,
            int(y) + 1, repr(y), repr(x ** 2), x == 1.5, hash(x) == hash(1.5))


def np_scalar_divzero():
    a = np.array([1.0, 0.0])
    with_errs = np.divide(a, a[1:])
    return desc(with_errs)


def np_int_divzero():
    return np.int64(1) // np.int64(0)


def np_random_draw():
    return np.random.rand(3).tolist()


def np_random_seeded():
    rng = np.random.default_rng(0)
    return rng.integers(0, 10, 3).tolist()


def np_unique_bincount(a):
    u, counts = np.unique(a, return_counts=True)
    return desc(u), desc(counts), desc(np.bincount(a)), desc(np.diff(a))


def np_stats(a):
    return (float(np.mean(a)), float(np.std(a)), float(np.var(a)), float(np.median(a)),
            desc(np.percentile(a, [25, 75])), desc(np.clip(a, 2, 5)), desc(np.abs(a - 3)))


def np_minmax_empty():
    return np.max(np.array([]))


def np_index_error(a):
    return a[10]


def np_iter_rows(m):
    out = []
    for row in m:
        out.append(float(row.sum()))
    return out, [int(x) for x in m[0]], len(m), m.ndim, m.size


def np_linspace_arange():
    return desc(np.linspace(0, 1, 5)), desc(np.arange(0, 1, 0.25)), desc(np.arange(5, dtype=np.float32)), \
        desc(np.eye(2)), desc(np.full((2, 2), 7)), desc(np.ones_like(np.arange(3)))


def np_bool_ops(a):
    return bool(np.any(a > 3)), bool(np.all(a > 0)), desc(np.logical_and(a > 1, a < 4)), desc(np.nonzero(a > 2)[0])


def np_truth_error(a):
    if a > 1:
        return 1
    return 0


def np_return_array(a):
    return np.cumsum(a).tolist() == [1, 3, 6], desc(np.cumsum(a))


def np_matmul_chain(a):
    b = a @ a.T
    c = np.dot(b, np.linalg.inv(b))
    return desc(b), desc(np.round(c, 8) + 0.0)


def np_outer_einsum(a, b):
    return desc(np.outer(a, b)), float(np.einsum("i,i->", a, b)), desc(np.cross(a, b))


def np_print(a):
    print(a)
    print(repr(a))
    print(f"{a} {a.dtype} {a.shape}")
    print(a[0], a.sum(), a.mean())
    return str(a), repr(a)
def np_builtin_reductions(a):
    s = sum(a); m = max(a); l = list(a)
    return s, type(s).__name__, m, type(m).__name__, l, [type(x).__name__ for x in l], sorted(a, reverse=True), a[0].item(), type(a[0].item()).__name__
def np_int32(a):
    b = a * 100000
    return desc(b), desc(a + np.int64(1)), desc(a + 1), desc(a / 2), type(a[0]).__name__, desc(a.astype(np.int8) * 100)
def np_complex(a):
    return desc(a * 1j), desc(np.abs(a + 1j)), desc(np.conj(a + 2j)), repr((a * 1j)[1])
def np_big_int_in_array():
    return np.array([2 ** 64]).dtype.name
def np_big_int_add(a):
    return desc(a + 2 ** 63)
def np_vectorize_user():
    f = np.vectorize(lambda x: x * 2 if x > 1 else -x)
    return desc(f(np.arange(4)))
def np_apply_along(m):
    return desc(np.apply_along_axis(lambda r: r.max() - r.min(), 1, m))
def np_fromfunction():
    return desc(np.fromfunction(lambda i, j: i * 10 + j, (2, 3), dtype=int))
def np_seterr():
    np.seterr(all="raise")
    return 1
def np_printoptions():
    np.set_printoptions(precision=2)
    return 1
def np_in_set(a):
    return {a}
def np_list_contains(a, b):
    return a in [b, a]
def np_eq_list(a):
    return [a] == [a.copy()]
def np_object_array():
    a = np.array([1, "x", None], dtype=object)
    return a.tolist(), a.dtype.name
def np_float_div_zero():
    x = np.float64(1.0) / 0.0
    return x, repr(x), np.isinf(x)
def np_nan_ops(a):
    return float(np.nansum(a)), float(np.nanmax(a)), desc(np.isnan(a)), bool(np.nan == np.nan), float(np.sum(a))
def np_round_half(a):
    return desc(np.round(a)), desc(np.floor(a)), desc(np.ceil(a)), desc(np.rint(a)), desc(np.trunc(a)), round(a[0])
def np_int64_scalar_overflow_add():
    x = np.int64(2 ** 63 - 1)
    return x + np.int64(1)
def np_int64_pyint_overflow():
    return np.int64(2 ** 63 - 1) + 1
def np_argmax_ties(a):
    return int(np.argmax(a)), int(np.argmin(a)), desc(np.argsort(-a, kind="stable")), desc(np.lexsort((a, -a)))
def np_matrix_power(m):
    return desc(np.linalg.matrix_power(m, 5)), desc(np.linalg.eigvalsh(m.astype(float))), int(np.linalg.matrix_rank(m)), float(np.trace(m))
def np_qr_svd(m):
    u, s, vt = np.linalg.svd(m)
    return desc(np.round(s, 8)), u.shape, vt.shape, round(float(np.linalg.cond(m)), 6)
def np_solve_error(m):
    return np.linalg.solve(m, np.array([1.0, 2.0, 3.0]))
def np_searchsorted(a):
    return desc(np.searchsorted(a, [0, 3, 10])), desc(np.digitize([1.5, 3.5], a)), desc(np.histogram(a, bins=2)[0])
def np_tile_repeat(a):
    return desc(np.tile(a, 2)), desc(np.repeat(a, 2)), desc(np.roll(a, 1)), desc(np.flip(a)), desc(np.pad(a, 1))
def np_meshgrid():
    x, y = np.meshgrid(np.arange(2), np.arange(3))
    return desc(x), desc(y)
def np_dtype_promotion():
    i8 = np.array([1], dtype=np.int8); u8 = np.array([250], dtype=np.uint8); f32 = np.array([1.0], dtype=np.float32)
    return desc(i8 + u8), desc(u8 + u8), desc(f32 + 1.0), desc(f32 + np.float64(1.0)), desc(i8 * 1.5), desc(u8 - np.uint8(251))
def np_scalar_types_returned():
    a = np.array([1, 2], dtype=np.int32)
    return a[0], np.float32(1.5), np.bool_(True), np.uint8(3), np.complex128(1 + 2j), a.sum(), np.float16(0.5)
def np_array_in_class_returned():
    return Holder(np.arange(3))
class Holder:
    def __init__(self, arr):
        self.arr = arr
        self.n = int(arr.sum())
def np_argsort_arrays_in_list():
    arrs = [np.array([3, 1]), np.array([0, 5]), np.array([2, 2])]
    arrs2 = sorted(arrs, key=lambda a: a.sum())
    return [a.tolist() for a in arrs2], [int(np.max(a)) for a in arrs]
def np_list_of_arrays_stack():
    rows = []
    for i in range(3):
        rows.append(np.arange(i, i + 2))
    m = np.array(rows)
    return desc(m), desc(np.stack(rows, axis=1))
def np_structured_where_nested(a):
    return desc(np.select([a < 2, a < 4], [a, a * 10], default=-1)), desc(np.piecewise(a.astype(float), [a < 2], [0.0, 1.0]))
def np_view_base(a):
    b = a[1:]
    return b.base is a, np.shares_memory(a, b), a.flags.writeable

# --- numpy: in-place forms on arguments and globals that must be refused

NP_GLOBAL = np.arange(4)


def np_out_on_arg(a, b):
    np.add(a, b, out=a)
    return desc(a)


def np_copyto_arg(a):
    np.copyto(a, 7)
    return desc(a)


def np_arg_slice_view_mutate(a):
    b = a[:2]
    b += 1
    return desc(a)


def np_add_at_arg(a):
    np.add.at(a, [0, 0], 1)
    return desc(a)


def np_cumsum_out_arg(a):
    np.cumsum(np.array([1, 2, 3]), out=a)
    return desc(a)


def np_global_out():
    np.add(NP_GLOBAL, 1, out=NP_GLOBAL)
    return desc(NP_GLOBAL)


def np_global_slice_view_mutate():
    b = NP_GLOBAL[:2]
    b += 100
    return desc(NP_GLOBAL)


def np_sort_arg(a):
    a.sort()
    return desc(a)


def np_fill_arg(a):
    a.fill(0)
    return desc(a)


def np_reshape_view_arg(a):
    b = a.reshape(2, 2)
    b[0, 0] = 5
    return desc(a)


def np_own_then_sum_then_mutate():
    a = np.arange(3)
    s = np.sum(a)
    a += 1
    return int(s), desc(a)


def np_own_views():
    a = np.arange(4)
    b = a[1:]
    b += 10
    c = a[::2]
    a[0] = 50
    return desc(a), desc(b), desc(c)


def np_own_out_view():
    a = np.zeros(4)
    np.add(a[:2], 1, out=a[:2])
    return desc(a)


def np_arg_owns_data(a):
    return a.base is None, a.flags.owndata


def np_arg_slice_base(a):
    return a[1:].base is a


# ===========================================================================
# 2. classes as real programs use them
# ===========================================================================

class Money:
    """A hand-written value object: eq, hash, repr, ordering."""
    CURRENCIES = ("EUR", "USD")

    def __init__(self, cents, currency="EUR"):
        if currency not in Money.CURRENCIES:
            raise ValueError(f"unknown currency {currency!r}")
        self.cents = cents
        self.currency = currency

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.cents, self.currency) == (other.cents, other.currency)

    def __hash__(self):
        return hash((self.cents, self.currency))

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        if self.currency != other.currency:
            raise TypeError("cannot compare " + self.currency + " with " + other.currency)
        return self.cents < other.cents

    def __repr__(self):
        return f"Money({self.cents}, {self.currency!r})"

    def __str__(self):
        return f"{self.cents // 100}.{self.cents % 100:02d} {self.currency}"

    def __add__(self, other):
        if isinstance(other, Money) and other.currency == self.currency:
            return Money(self.cents + other.cents, self.currency)
        if isinstance(other, int):
            return Money(self.cents + other, self.currency)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return self.__add__(other)

    def __neg__(self):
        return Money(-self.cents, self.currency)

    def __bool__(self):
        return self.cents != 0


def money_basics():
    a = Money(250)
    b = Money(199)
    return (a == Money(250), a != b, a == 250, sorted([a, b, Money(5)]), min(a, b), max([a, b]),
            len({a, Money(250), b}), str(a + b), repr(-b), sum([a, b, Money(1)]), bool(Money(0)),
            a + 1, {a: "x"}[Money(250)])


def money_print():
    a = Money(1234, "USD")
    print(a)
    print(repr(a))
    print(f"{a} / {a!r} / {a!s:>15}|")
    print("%s and %r" % (a, a))
    print([a], (a,), {"k": a})
    return str([a])


def money_bad_compare():
    return Money(1) < Money(2, "USD")


def money_bad_currency():
    return Money(1, "GBP")


def money_lt_other():
    return Money(1) < 3


def money_gt_reflected():
    return Money(5) > Money(3), Money(3) >= Money(3) if hasattr(Money, "__ge__") else None


def money_return_value():
    return Money(42, "USD"), [Money(1), Money(2)]


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


def total_ordering_version(texts):
    vs = [Version(t) for t in texts]
    return (sorted(vs), vs[0] >= vs[1], vs[0] <= vs[1], vs[1] > vs[2], max(vs), sorted(vs, reverse=True)[0],
            Version("1.2") <= Version("1.2"))


class Temperature:
    ABSOLUTE_ZERO = -273.15
    count_label = "temps"

    def __init__(self, celsius):
        if celsius < Temperature.ABSOLUTE_ZERO:
            raise ValueError("below absolute zero: %.2f" % celsius)
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32

    @property
    def kelvin(self):
        return self.celsius - Temperature.ABSOLUTE_ZERO

    @property
    def description(self):
        f = self.fahrenheit
        return "hot" if f > 86 else "cold" if f < 50 else "mild"

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def from_kelvin(cls, k):
        return cls(k + cls.ABSOLUTE_ZERO)

    @staticmethod
    def valid(c):
        return c >= Temperature.ABSOLUTE_ZERO

    def __repr__(self):
        return f"{type(self).__name__}({self._c:.1f})"


class PreciseTemperature(Temperature):
    ABSOLUTE_ZERO = -273.15

    def __repr__(self):
        return f"Precise({self._c!r})"


def property_chain():
    t = Temperature(30)
    u = Temperature.from_fahrenheit(212)
    k = PreciseTemperature.from_kelvin(0)
    return (t.fahrenheit, t.kelvin, t.description, u.celsius, repr(u), repr(k), type(k).__name__,
            Temperature.valid(-300), t.valid(0), Temperature.count_label, k.count_label)


def property_no_setter():
    t = Temperature(1)
    t.celsius = 5
    return t


def temperature_too_cold():
    return Temperature.from_kelvin(-1)


def temperature_result():
    return PreciseTemperature.from_fahrenheit(50)


class Config:
    DEFAULTS = {"color": "blue", "size": 3}

    def __init__(self, **values):
        self.values = values

    def __getattr__(self, name):
        if name in self.values:
            return self.values[name]
        if name in Config.DEFAULTS:
            return Config.DEFAULTS[name]
        raise AttributeError(f"no setting {name!r}")


def getattr_fallback():
    c = Config(color="red", depth=2)
    return c.color, c.size, c.depth, getattr(c, "missing", "dflt"), hasattr(c, "nope"), hasattr(c, "size")


def getattr_missing():
    return Config().width


class Matrix2:
    """A container: __getitem__ with tuple keys, __len__, __iter__, __contains__."""

    def __init__(self, rows):
        self.rows = tuple(tuple(r) for r in rows)

    def __getitem__(self, key):
        if isinstance(key, tuple):
            i, j = key
            return self.rows[i][j]
        return self.rows[key]

    def __len__(self):
        return len(self.rows)

    def __iter__(self):
        for r in self.rows:
            yield from r

    def __contains__(self, x):
        return any(x in r for r in self.rows)


def container_protocols():
    m = Matrix2([[1, 2], [3, 4], [5, 6]])
    return (m[1, 0], m[2], m[-1, -1], len(m), list(m), 4 in m, 9 in m, sum(m), sorted(m, reverse=True),
            bool(m), [x for x in m if x % 2], max(m), list(zip(m, "abc")))


def container_bad_index():
    m = Matrix2([[1]])
    return m[3, 0]


class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


def getitem_iteration():
    b = Bag("xyz")
    return list(b), "y" in b, "q" in b, len(b), list(reversed(b)), b[1:], list(enumerate(b))


def empty_bag_falsy():
    return bool(Bag([])), bool(Bag([0])), "yes" if Bag([]) else "no"


class Polynomial:
    def __init__(self, coeffs):
        self.coeffs = tuple(coeffs)

    def __call__(self, x):
        r = 0
        for c in reversed(self.coeffs):
            r = r * x + c
        return r

    def __repr__(self):
        return " + ".join(f"{c}x^{i}" for i, c in enumerate(self.coeffs) if c)


def callable_objects():
    p = Polynomial([1, 0, 2])
    return p(3), list(map(p, range(4))), callable(p), callable(3), repr(p), sorted([3, -2, 1], key=p)


class Transaction:
    """Context-like usage without `with`: begin/commit returning new objects."""

    def __init__(self, log, open_=False):
        self.log = tuple(log)
        self.open = open_

    def begin(self):
        if self.open:
            raise RuntimeError("already open")
        return Transaction(self.log + ("begin",), True)

    def do(self, what):
        if not self.open:
            raise RuntimeError(f"not open: {what}")
        return Transaction(self.log + (what,), True)

    def commit(self):
        return Transaction(self.log + ("commit",), False)


def context_like():
    t = Transaction([])
    t = t.begin()
    try:
        t = t.do("a")
        t = t.do("b")
        raise KeyError("boom")
    except KeyError as e:
        t = t.do("rollback " + str(e))
    finally:
        t = t.commit()
    try:
        t.do("late")
    except RuntimeError as e:
        return t.log, str(e)


class Base:
    def __init__(self):
        self.trail = ("Base",)

    def hello(self):
        return ["Base"]


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail = self.trail + ("Left",)

    def hello(self):
        return ["Left"] + super().hello()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.trail = self.trail + ("Right",)

    def hello(self):
        return ["Right"] + super().hello()


class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail = self.trail + ("Bottom",)

    def hello(self):
        return ["Bottom"] + super().hello()


def diamond_super():
    b = Bottom()
    return (b.trail, b.hello(), [c.__name__ for c in Bottom.__mro__], Right.hello(b), isinstance(b, Right),
            issubclass(Bottom, Base), Bottom.__bases__ == (Left, Right))


def diamond_result():
    return Bottom()


class Shape:
    sides = 0

    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")

    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides and area {self.area():.2f}"


class Square(Shape):
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Blob(Shape):
    sides = 1


def abstract_like():
    out = []
    for sh in [Square(2), Circle(1), Blob()]:
        try:
            out.append(sh.describe())
        except NotImplementedError as e:
            out.append("abstract: " + str(e))
    return out


def abstract_uncaught():
    return Blob().describe()


class AppError(Exception):
    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}", code=404)
        self.key = key


class Forbidden(AppError):
    pass


def lookup(store, key):
    if key.startswith("_"):
        raise Forbidden("private " + key, code=403)
    if key not in store:
        raise NotFound(key)
    return store[key]


def handle(store, key):
    try:
        return ("ok", lookup(store, key))
    except NotFound as e:
        return ("missing", e.key, e.code, str(e), e.args)
    except AppError as e:
        return ("error", type(e).__name__, e.code, str(e))


def exception_hierarchy():
    store = {"a": 1}
    return [handle(store, k) for k in ["a", "b", "_c"]], issubclass(NotFound, Exception)


def exception_propagates():
    return lookup({}, "zz")


def exception_chain():
    try:
        try:
            lookup({}, "k")
        except NotFound as e:
            raise AppError("wrapped", code=500) from e
    except AppError as outer:
        return str(outer), outer.code, type(outer.__cause__).__name__, outer.__cause__.key, repr(outer)


def exception_returned():
    try:
        lookup({}, "q")
    except NotFound as e:
        return e


class Vec2:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        if isinstance(o, Vec2):
            return Vec2(self.x + o.x, self.y + o.y)
        return NotImplemented

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec2(self.x * k, self.y * k)
        if isinstance(k, Vec2):
            return self.x * k.x + self.y * k.y
        return NotImplemented

    def __rmul__(self, k):
        return self.__mul__(k)

    def __sub__(self, o):
        return self + (-1) * o

    def __eq__(self, o):
        return isinstance(o, Vec2) and (self.x, self.y) == (o.x, o.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __repr__(self):
        return f"Vec2({self.x}, {self.y})"

    __hash__ = None


class Scalar:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        if isinstance(other, Vec2):
            return Vec2(other.x + self.v, other.y + self.v)
        return NotImplemented


def operator_overloading():
    a, b = Vec2(1, 2), Vec2(3, 4)
    return (a + b, 2 * a, a * 2.5, a * b, b - a, abs(b), a == Vec2(1, 2), a != b, a + Scalar(10),
            repr(sum([a, b], Vec2(0, 0))))


def operator_unsupported():
    return Vec2(1, 2) + 3


def operator_rmul_unsupported():
    return "s" * Vec2(1, 2)


def unhashable_vec():
    return {Vec2(1, 2)}


def value_objects_returned():
    return Vec2(1.5, -2), Money(3), {"t": Temperature(3)}, (Square(2), Circle(0.5))


class Counter3:
    __match_args__ = ("kind", "n")

    def __init__(self, kind, n):
        self.kind = kind
        self.n = n


def match_on_class():
    out = []
    for c in [Counter3("a", 1), Counter3("b", 0), Counter3("a", 5), 7]:
        match c:
            case Counter3("a", n) if n > 2:
                out.append(("big a", n))
            case Counter3("a", n):
                out.append(("a", n))
            case Counter3(kind=k, n=0):
                out.append(("zero", k))
            case _:
                out.append(("other", c))
    return out


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = tuple(children)

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def depth(self):
        return 1 + max((c.depth() for c in self.children), default=0)

    def __repr__(self):
        if not self.children:
            return f"N({self.value})"
        return f"N({self.value}, {list(self.children)})"


def tree_protocol():
    t = Node(1, [Node(2, [Node(4)]), Node(3)])
    return list(t), t.depth(), repr(t), sum(t), 4 in t


def instance_class_attr_lookup():
    s = Square(3)
    return s.sides, Shape.sides, Circle(1).sides, type(s).sides, Square.area(s), getattr(s, "sides")


def str_vs_repr_only_repr():
    class_list = [Vec2(1, 2)]
    print(Vec2(1, 2))
    print(f"{Vec2(0, 0)}")
    return str(Vec2(3, 4)), f"{class_list}", format(Money(150), ""), f"{Money(150)!r:>20}"


def instance_set_outside_init():
    s = Square(3)
    s.s = 4
    return s.s


class Mutator:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n = self.n + 1
        return self


def set_attr_in_method():
    return Mutator().bump().n


# --- more class protocols

class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return NotImplemented
class Q:
    def __init__(self, x): self.x = x
    def __eq__(self, o):
        if isinstance(o, Q): return self.x == o.x
        return NotImplemented
    def __hash__(self): return hash(self.x)
class QQ(Q):
    def __eq__(self, o): return True
class R(Q):
    pass
class S(Q):
    def __eq__(self, o): return super().__eq__(o)

def eq_fallbacks():
    p = P(1)
    return p == p, P(1) == P(1), p != p, Q(1) == Q(1), Q(1) != Q(2), Q(1) == 1, 1 == Q(1), QQ(0) == Q(5), Q(5) == QQ(0), [Q(1)] == [Q(1)], Q(3) in [Q(1), Q(3)], [Q(1)].index(Q(1)), (Q(2),).count(Q(2))

def hash_inheritance():
    r = R(1)
    out = [hash(r) == hash(1)]
    try:
        hash(S(1)); out.append("hashable")
    except TypeError as e:
        out.append(str(e))
    out.append(Q.__hash__ is not None)
    out.append(S.__hash__ is None)
    return out

class OnlyStr:
    def __str__(self): return "only-str"
class Fmt:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == "upper": return str(self.v).upper()
        return format(self.v, spec)
    def __repr__(self): return "Fmt<%r>" % (self.v,)
def format_protocols():
    f = Fmt("abc")
    print(f"{f:upper}", f"{Fmt(3.14159):.2f}", f"{f!r}", f"{OnlyStr()}", str(OnlyStr()))
    return format(f, "upper"), "{:>6}".format(Fmt(12)), "%s|%r" % (f, f), f"{f=}".startswith("f=")

class Idx:
    def __init__(self, i): self.i = i
    def __index__(self): return self.i
def index_protocol():
    l = [10, 20, 30, 40]
    return l[Idx(2)], l[Idx(1):Idx(3)], "abc"[Idx(-1)], bin(Idx(5)), range(Idx(3))[-1], operator.index(Idx(7)), hex(Idx(255))

class Rev:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __iter__(self): return iter(range(self.n))
    def __reversed__(self): return iter(["r%d" % i for i in range(self.n)])
    def __bool__(self): return True
def reversed_protocol():
    return list(reversed(Rev(3))), list(Rev(3)), bool(Rev(0)), len(Rev(4)), [*Rev(2)], dict.fromkeys(Rev(2)), sorted(Rev(3), reverse=True)

class Unpack:
    def __init__(self, a, b): self.a = a; self.b = b
    def __iter__(self):
        yield self.a
        yield self.b
def unpack_protocol():
    x, y = Unpack(1, 2)
    first, *rest = Unpack("p", "q")
    d = dict([Unpack("k", "v")])
    return x, y, first, rest, d, max(Unpack(3, 9)), tuple(Unpack(0, 0))

def unpack_too_many():
    x, y, z = Unpack(1, 2)
    return x

class Animal:
    registry_name = "animal"
    def __init__(self, name): self.name = name
    @classmethod
    def create(cls, name): return cls(name.title())
    @classmethod
    def kind(cls): return cls.registry_name
    @staticmethod
    def noise(): return "..."
    def speak(self): return f"{self.name} says {self.noise()}"
    @property
    def label(self): return f"{self.kind()}:{self.name}"
class Dog(Animal):
    registry_name = "dog"
    @staticmethod
    def noise(): return "woof"
    @classmethod
    def create(cls, name):
        a = super().create(name)
        return a
    @property
    def label(self): return super().label.upper()
def classmethods_inheritance():
    d = Dog.create("rex")
    a = Animal.create("generic")
    return (type(d).__name__, d.speak(), a.speak(), d.label, a.label, Dog.kind(), d.kind(), d.create("x").name,
            Dog.noise(), Animal.noise(), isinstance(d, Animal))
def classmethods_result():
    return Dog.create("fido"), Dog.create

class Lazy:
    def __init__(self, data): self._data = data
    @property
    def size(self): return len(self._data)
    @property
    def broken(self): return self._data.missing
    def __getattr__(self, name):
        return f"fallback:{name}"
def property_attr_error_falls_to_getattr():
    l = Lazy([1, 2])
    return l.size, l.broken, l.other, getattr(l, "x")

class E1(Exception):
    def __str__(self): return "E1 custom str"
class E2(Exception):
    def __init__(self, a, b):
        self.a = a; self.b = b
class E3(ValueError):
    def __init__(self, *args, extra=None):
        super().__init__(*args)
        self.extra = extra
def exception_str_and_args():
    out = []
    for make in (lambda: E1("x"), lambda: E2(1, 2), lambda: E3("m", "n", extra=5), lambda: E3()):
        try:
            raise make()
        except Exception as e:
            out.append((type(e).__name__, str(e), repr(e), e.args, getattr(e, "extra", None), isinstance(e, ValueError)))
    return out
def exception_e2_uncaught():
    raise E2(1, 2)
def exception_e1_uncaught():
    raise E1("hidden")
def exception_e3_result():
    return E3("a", extra=[1])

def exception_group_handling():
    out = []
    try:
        raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
    except* ValueError as eg:
        out.append(("V", [str(e) for e in eg.exceptions]))
    except* TypeError as eg:
        out.append(("T", [str(e) for e in eg.exceptions]))
    return out

class Reflect:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return ("lt", self.v, o.v)
    def __gt__(self, o): return ("gt", self.v, o.v)
class SubReflect(Reflect):
    def __gt__(self, o): return ("subgt", self.v, o.v)
def reflected_comparisons():
    a, b = Reflect(1), SubReflect(2)
    return a < b, b < a, a > b, Reflect(1) < Reflect(2), Reflect(5) > Reflect(6)

class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __iadd__(self, o): return Num(self.v * 1000 + (o.v if isinstance(o, Num) else o))
    def __truediv__(self, o): return Num(self.v / o)
    def __rtruediv__(self, o): return Num(o / self.v)
    def __floordiv__(self, o): return NotImplemented
    def __pow__(self, e, mod=None): return Num(pow(self.v, e, mod))
    def __rpow__(self, b): return Num(b ** self.v)
    def __lshift__(self, k): return Num(self.v << k)
    def __and__(self, o): return Num(self.v & o)
    def __invert__(self): return Num(~self.v)
    def __pos__(self): return Num(+self.v)
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __round__(self, n=None): return Num(round(self.v, n))
    def __repr__(self): return f"Num({self.v!r})"
def numeric_protocol():
    n = Num(3)
    m = n
    m += 2
    return (n + 1, 1 + n, m, n, 6 / n, n / 2, n ** 2, 2 ** n, pow(n, 2, 5), n << 2, n & 1, ~n, +n, int(n), float(n),
            round(Num(2.567), 1), sum([Num(1), Num(2)]), math.floor(Num(2.5).v))
def numeric_floordiv_unsupported():
    return Num(3) // 2

class Chain:
    def __init__(self, ops=()): self.ops = tuple(ops)
    def add(self, x): return Chain(self.ops + (("add", x),))
    def mul(self, x): return Chain(self.ops + (("mul", x),))
    def __call__(self, v):
        for op, x in self.ops:
            v = v + x if op == "add" else v * x
        return v
    def __len__(self): return len(self.ops)
    def __repr__(self): return "Chain(" + " -> ".join(f"{o}{x}" for o, x in self.ops) + ")"
def fluent_builder():
    c = Chain().add(1).mul(3).add(-2)
    return c(5), len(c), repr(c), [Chain().mul(k)(2) for k in range(3)], c

class Grid:
    def __init__(self, w, h, cells=None):
        self.w = w; self.h = h
        self.cells = cells if cells is not None else {}
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"{pos} outside {self.w}x{self.h}")
        return self.cells.get(pos, ".")
    def set(self, pos, v):
        return Grid(self.w, self.h, {**self.cells, pos: v})
    def __str__(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))
    def __eq__(self, o): return (self.w, self.h, self.cells) == (o.w, o.h, o.cells)
def grid_value_object():
    g = Grid(3, 2).set((0, 0), "#").set((2, 1), "@")
    print(g)
    try:
        g[5, 5]
    except IndexError as e:
        err = str(e)
    return str(g), err, g == Grid(3, 2, {(0, 0): "#", (2, 1): "@"}), g

class Meta1:
    pass
def class_introspection():
    d = Dog("x")
    return (type(d).__name__, type(d).__qualname__, Dog.__name__, Dog.__mro__[1].__name__, d.__class__ is Dog,
            isinstance(d, (int, Animal)), issubclass(Dog, (Animal, int)), type(d) == Dog, Dog.__doc__, vars(d),
            d.__dict__, sorted(k for k in vars(Dog) if not k.startswith("__")))

class NoInit:
    def method(self): return 1
def object_without_init():
    o = NoInit()
    return o.method(), type(o).__name__, vars(o)
def object_init_args_error():
    return NoInit(3)
def missing_self_arg_error():
    return Animal.speak()


# --- library classes and class-level state

@dataclasses.dataclass(frozen=True, order=True)
class DPoint:
    x: int
    y: int = 0
def dataclass_use():
    ps = sorted([DPoint(2, 1), DPoint(1, 5), DPoint(1)])
    return ps, repr(ps[0]), DPoint(1, 2) == DPoint(1, 2), len({DPoint(1), DPoint(1)}), dataclasses.replace(ps[0], y=9)

Pt = collections.namedtuple("Pt", "x y")
def namedtuple_use():
    p = Pt(1, 2)
    return p, p.x + p.y, p._replace(x=5), repr(p), p._asdict(), Pt._fields, tuple(p), p == (1, 2)

class Color(enum.Enum):
    RED = 1
    GREEN = 2
def enum_use():
    return Color.RED, Color(2).name, [c.value for c in Color], Color.RED is Color["RED"], repr(Color.GREEN)

class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return obj.raw[self.name]
class Rec:
    a = Typed(int)
    b = Typed(str)
    def __init__(self, **raw): self.raw = raw
def descriptor_use():
    r = Rec(a=1, b="x")
    return r.a, r.b, Rec.a.name, type(Rec.__dict__["b"]).__name__

class Lazy2:
    def __init__(self, n): self.n = n
    @functools.cached_property
    def square(self):
        print("computing")
        return self.n ** 2
def cached_property_use():
    l = Lazy2(4)
    return l.square, l.square

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def lru_cache_use():
    return fib(60), fib.cache_info().hits >= 0

class Registry:
    def __init_subclass__(cls, tag="", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag.upper()
class Plugin(Registry, tag="plug"):
    pass
def init_subclass_use():
    return Plugin.tag, Plugin().tag

def class_decorator(cls):
    cls.decorated = True
    return cls
@class_decorator
class Deco:
    pass
def class_decorator_use():
    return Deco.decorated, Deco().decorated

class Slotless:
    count = 0
    def __init__(self):
        Slotless.count += 1
def class_attr_mutation():
    Slotless(); Slotless()
    return Slotless.count

class Gen:
    def __init__(self, n): self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i * i
            i += 1
def iter_generator_method():
    g = Gen(4)
    it = iter(g)
    return next(it), next(it), list(it), list(g), sum(Gen(5)), [x for x in Gen(3) if x]

class Holder2:
    def __init__(self, arr):
        self.arr = arr
        self.n = int(arr.sum())
def holder_returned():
    return Holder2(np.arange(3)).n

def np_float_key():
    d = {np.float64(1.5): "a", 2: "b"}
    return d[1.5], d[np.int64(2)], {np.int64(3), 3}, np.float64(0.1) + 0.2 == 0.1 + 0.2


# ===========================================================================
# 3. small applications
# ===========================================================================

# --- 3.1 inventory / report generator ------------------------------------

def inventory_report(items, threshold):
    by_cat = {}
    for it in items:
        cat = it["category"]
        if cat not in by_cat:
            by_cat[cat] = []
        by_cat[cat].append(it)
    lines = []
    grand = 0.0
    low = []
    for cat in sorted(by_cat):
        rows = sorted(by_cat[cat], key=lambda r: (-r["qty"] * r["price"], r["name"]))
        subtotal = sum(r["qty"] * r["price"] for r in rows)
        grand += subtotal
        lines.append(f"== {cat.upper()} ({len(rows)} items) ==")
        for r in rows:
            value = r["qty"] * r["price"]
            flag = " LOW" if r["qty"] < threshold else ""
            lines.append(f"  {r['name']:<10}{r['qty']:>5} x {r['price']:>7.2f} = {value:>9.2f}{flag}")
            if flag:
                low.append(r["name"])
        lines.append(f"  {'subtotal':<10}{subtotal:>28.2f}")
    lines.append(f"TOTAL {grand:,.2f}")
    top = max(items, key=lambda r: r["qty"] * r["price"])["name"]
    report = "\n".join(lines)
    print(report)
    return {"low": sorted(low), "top": top, "categories": {c: len(v) for c, v in by_cat.items()},
            "grand": round(grand, 2)}


INVENTORY = [
    {"name": "bolt", "category": "hardware", "qty": 1200, "price": 0.05},
    {"name": "hammer", "category": "tools", "qty": 3, "price": 19.99},
    {"name": "nut", "category": "hardware", "qty": 900, "price": 0.04},
    {"name": "saw", "category": "tools", "qty": 12, "price": 24.5},
    {"name": "glue", "category": "supplies", "qty": 4, "price": 3.75},
    {"name": "tape", "category": "supplies", "qty": 40, "price": 2.25},
    {"name": "drill", "category": "tools", "qty": 2, "price": 89.0},
]


def inventory_missing_field(items):
    return inventory_report(items + [{"name": "x", "category": "c", "qty": 1}], 5)


# --- 3.2 tokenizer + recursive-descent parser/evaluator -------------------

class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at {pos}")
        self.pos = pos


def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            toks.append(("num", float(text) if "." in text else int(text), i))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(("name", src[i:j], i))
            i = j
        elif src.startswith("**", i):
            toks.append(("op", "**", i))
            i += 2
        elif ch in "+-*/%(),":
            toks.append(("op", ch, i))
            i += 1
        else:
            raise ParseError(f"bad character {ch!r}", i)
    toks.append(("end", None, len(src)))
    return tuple(toks)


FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs}


def parse_expr(toks, pos, env):
    val, pos = parse_term(toks, pos, env)
    while toks[pos][1] in ("+", "-") and toks[pos][0] == "op":
        op = toks[pos][1]
        rhs, pos = parse_term(toks, pos + 1, env)
        val = val + rhs if op == "+" else val - rhs
    return val, pos


def parse_term(toks, pos, env):
    val, pos = parse_unary(toks, pos, env)
    while toks[pos][0] == "op" and toks[pos][1] in ("*", "/", "%"):
        op = toks[pos][1]
        rhs, pos = parse_unary(toks, pos + 1, env)
        if op == "*":
            val = val * rhs
        elif op == "/":
            val = val / rhs
        else:
            val = val % rhs
    return val, pos


def parse_unary(toks, pos, env):
    if toks[pos] [0:2] == ("op", "-"):
        val, pos = parse_unary(toks, pos + 1, env)
        return -val, pos
    base, pos = parse_atom(toks, pos, env)
    if toks[pos][0:2] == ("op", "**"):
        exp, pos = parse_unary(toks, pos + 1, env)
        return base ** exp, pos
    return base, pos


def parse_atom(toks, pos, env):
    kind, val, at = toks[pos]
    if kind == "num":
        return val, pos + 1
    if kind == "name":
        if toks[pos + 1][1] == "(":
            args = []
            pos += 2
            while toks[pos][1] != ")":
                a, pos = parse_expr(toks, pos, env)
                args.append(a)
                if toks[pos][1] == ",":
                    pos += 1
            if val not in FUNCS:
                raise ParseError(f"unknown function {val}", at)
            return FUNCS[val](*args), pos + 1
        if val not in env:
            raise ParseError(f"unbound {val}", at)
        return env[val], pos + 1
    if (kind, val) == ("op", "("):
        v, pos = parse_expr(toks, pos + 1, env)
        if toks[pos][1] != ")":
            raise ParseError("expected )", toks[pos][2])
        return v, pos + 1
    raise ParseError(f"unexpected {kind} {val!r}", at)


def evaluate(src, env):
    toks = tokenize(src)
    val, pos = parse_expr(toks, 0, env)
    if toks[pos][0] != "end":
        raise ParseError("trailing input", toks[pos][2])
    return val


def calc_many(exprs, env):
    out = []
    for e in exprs:
        try:
            out.append(evaluate(e, env))
        except ParseError as err:
            out.append(("ParseError", str(err), err.pos))
        except ZeroDivisionError as err:
            out.append(("ZeroDivisionError", str(err)))
    return out


CALC_EXPRS = ["1 + 2 * 3", "(1 + 2) * 3", "-2 ** 2", "2 ** 3 ** 2", "x * y - 1.5", "sqrt(16) + max(1, z, 3)",
              "10 % 4 / 2", "7 / 0", "1 +", "3 $ 4", "foo(1)", "(1 + 2", "1 2", "abs(-x) * -(-3)",
              "2 ** -1", "min(4, 2 * 3, x)"]


def calc_uncaught():
    return evaluate("1 + q", {})


# --- 3.3 bank ledger with immutable records -------------------------------

class Entry:
    def __init__(self, seq, account, amount, memo):
        self.seq = seq
        self.account = account
        self.amount = amount
        self.memo = memo

    def __repr__(self):
        return f"Entry#{self.seq}({self.account}, {self.amount:+d}, {self.memo!r})"

    def __eq__(self, other):
        return isinstance(other, Entry) and (self.seq, self.account, self.amount) == \
            (other.seq, other.account, other.amount)

    def __hash__(self):
        return hash((self.seq, self.account, self.amount))


class InsufficientFunds(Exception):
    def __init__(self, account, balance, wanted):
        super().__init__(f"{account}: balance {balance}, wanted {wanted}")
        self.account = account
        self.shortfall = wanted - balance


class Ledger:
    def __init__(self, entries=()):
        self.entries = tuple(entries)

    def balance(self, account):
        return sum(e.amount for e in self.entries if e.account == account)

    def post(self, account, amount, memo=""):
        if amount < 0 and self.balance(account) + amount < 0:
            raise InsufficientFunds(account, self.balance(account), -amount)
        return Ledger(self.entries + (Entry(len(self.entries) + 1, account, amount, memo),))

    def transfer(self, src, dst, amount):
        return self.post(src, -amount, f"to {dst}").post(dst, amount, f"from {src}")

    def accounts(self):
        return sorted({e.account for e in self.entries})

    def statement(self, account):
        running = 0
        rows = []
        for e in self.entries:
            if e.account == account:
                running += e.amount
                rows.append((e.seq, e.amount, running, e.memo))
        return rows


def bank_simulation(ops):
    ledger = Ledger()
    errors = []
    history = [ledger]
    for op in ops:
        kind = op[0]
        try:
            if kind == "dep":
                ledger = ledger.post(op[1], op[2], "deposit")
            elif kind == "wd":
                ledger = ledger.post(op[1], -op[2], "withdraw")
            elif kind == "xfer":
                ledger = ledger.transfer(op[1], op[2], op[3])
            else:
                raise ValueError(f"unknown op {kind}")
        except InsufficientFunds as e:
            errors.append((str(e), e.shortfall))
        except ValueError as e:
            errors.append(str(e))
        history.append(ledger)
    balances = {a: ledger.balance(a) for a in ledger.accounts()}
    return (balances, errors, ledger.statement("alice"), len(history[1].entries), ledger.entries[-1],
            len(set(ledger.entries)), sum(balances.values()))


BANK_OPS = [("dep", "alice", 100), ("dep", "bob", 50), ("xfer", "alice", "bob", 30), ("wd", "bob", 100),
            ("xfer", "bob", "carol", 80), ("refund", "x"), ("wd", "alice", 70), ("dep", "carol", 5),
            ("xfer", "carol", "alice", 85)]


def bank_returns_ledger():
    return Ledger().post("a", 10).transfer("a", "b", 4)


# --- 3.4 graph algorithms on dict-of-lists -------------------------------

def topo_sort(graph):
    indeg = {n: 0 for n in graph}
    for n in graph:
        for m in graph[n]:
            indeg[m] = indeg.get(m, 0) + 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in sorted(graph.get(n, [])):
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    if len(order) != len(indeg):
        raise ValueError("cycle among " + ", ".join(sorted(n for n in indeg if indeg[n] > 0)))
    return order


def components(graph):
    undirected = {}
    for n, ms in graph.items():
        undirected.setdefault(n, set())
        for m in ms:
            undirected.setdefault(m, set())
            undirected[n].add(m)
            undirected[m].add(n)
    seen = set()
    comps = []
    for start in sorted(undirected):
        if start in seen:
            continue
        stack = [start]
        comp = []
        seen.add(start)
        while stack:
            n = stack.pop()
            comp.append(n)
            for m in sorted(undirected[n]):
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        comps.append(sorted(comp))
    return comps


def shortest_paths_captured(wgraph, src):
    dist = {src: 0}
    todo = {src}
    while todo:
        n = min(todo, key=lambda k: (dist[k], k))
        todo.discard(n)
        for m, w in wgraph.get(n, []):
            if m not in dist:
                dist[m] = dist[n] + w
                todo.add(m)
    return dist


def shortest_paths(wgraph, src):
    dist = {src: 0}
    prev = {}
    todo = {src}
    done = set()
    while todo:
        n = min((dist[k], k) for k in todo)[1]
        todo.discard(n)
        done.add(n)
        for m, w in wgraph.get(n, []):
            if m in done:
                continue
            nd = dist[n] + w
            if m not in dist or nd < dist[m]:
                dist[m] = nd
                prev[m] = n
                todo.add(m)
    paths = {}
    for t in sorted(dist):
        p = [t]
        while p[-1] != src:
            p.append(prev[p[-1]])
        paths[t] = (dist[t], p[::-1])
    return paths


def graph_suite(dag, wgraph):
    return topo_sort(dag), components(dag), shortest_paths(wgraph, "a")


DAG = {"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"], "belt": ["jacket"],
       "socks": ["shoes"], "shoes": [], "jacket": [], "watch": [], "hat": ["coat"], "coat": []}
WGRAPH = {"a": [("b", 7), ("c", 9), ("f", 14)], "b": [("a", 7), ("c", 10), ("d", 15)],
          "c": [("d", 11), ("f", 2)], "d": [("e", 6)], "e": [("f", 9)], "f": [("e", 9)], "z": [("a", 1)]}


def graph_cycle():
    return topo_sort({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]})


# --- 3.5 text adventure state machine with match -------------------------

ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ("lamp",)},
    "library": {"desc": "rows of books", "exits": {"south": "hall"}, "items": ("key", "book")},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ()},
    "cellar": {"desc": "darkness", "exits": {"up": "kitchen"}, "items": ("treasure",)},
}


def adventure(commands):
    room = "hall"
    inventory = []
    taken = set()
    log = []
    moves = 0
    for line in commands:
        words = line.lower().split()
        match words:
            case ["go" | "walk", direction] | [("north" | "south" | "east" | "west" | "up" | "down") as direction]:
                exits = ROOMS[room]["exits"]
                if direction not in exits:
                    log.append(f"can't go {direction}")
                elif exits[direction] == "cellar" and "lamp" not in inventory:
                    log.append("too dark to go down")
                else:
                    room = exits[direction]
                    moves += 1
                    log.append(f"you enter {room}: {ROOMS[room]['desc']}")
            case ["take", item]:
                here = [i for i in ROOMS[room]["items"] if (room, i) not in taken]
                if item in here:
                    taken.add((room, item))
                    inventory.append(item)
                    log.append(f"taken {item}")
                else:
                    log.append(f"no {item} here")
            case ["take", *rest] if len(rest) > 1:
                log.append("one thing at a time")
            case ["inventory"] | ["i"]:
                log.append("carrying: " + (", ".join(sorted(inventory)) or "nothing"))
            case ["look"]:
                here = [i for i in ROOMS[room]["items"] if (room, i) not in taken]
                log.append(f"{room}; exits {sorted(ROOMS[room]['exits'])}; items {here}")
            case ["quit"]:
                log.append("bye")
                break
            case []:
                continue
            case [verb, *_]:
                log.append(f"unknown verb {verb!r}")
        if "treasure" in inventory:
            log.append(f"you win in {moves} moves")
            break
    for l in log:
        print(l)
    return room, sorted(inventory), moves


ADVENTURE_CMDS = ["look", "go down", "take lamp", "take sword", "east", "down", "", "dance wildly", "i",
                  "take treasure", "look"]
ADVENTURE_CMDS2 = ["north", "take key", "take book", "take a b", "inventory", "south", "west", "quit", "north"]


# --- 3.6 matrix / vector library -----------------------------------------

class Vector:
    def __init__(self, *xs):
        self.xs = tuple(xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __add__(self, o):
        if len(o) != len(self):
            raise ValueError(f"dimension mismatch: {len(self)} vs {len(o)}")
        return Vector(*(a + b for a, b in zip(self.xs, o.xs)))

    def __sub__(self, o):
        return self + o * -1

    def __mul__(self, k):
        if isinstance(k, Vector):
            return sum(a * b for a, b in zip(self.xs, k.xs))
        return Vector(*(a * k for a in self.xs))

    __rmul__ = __mul__

    def __matmul__(self, o):
        return self * o

    def __neg__(self):
        return self * -1

    def __eq__(self, o):
        return isinstance(o, Vector) and self.xs == o.xs

    def __hash__(self):
        return hash(self.xs)

    def norm(self):
        return math.sqrt(self * self)

    def __repr__(self):
        return "Vector(" + ", ".join(repr(x) for x in self.xs) + ")"


class Mat:
    def __init__(self, rows):
        self.rows = tuple(Vector(*r) for r in rows)
        self.shape = (len(self.rows), len(self.rows[0]) if self.rows else 0)

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def col(self, j):
        return Vector(*(r[j] for r in self.rows))

    @property
    def T(self):
        return Mat([self.col(j).xs for j in range(self.shape[1])])

    def __matmul__(self, o):
        if isinstance(o, Vector):
            return Vector(*(r * o for r in self.rows))
        if self.shape[1] != o.shape[0]:
            raise ValueError(f"shapes {self.shape} and {o.shape} not aligned")
        return Mat([[r * o.col(j) for j in range(o.shape[1])] for r in self.rows])

    def __rmatmul__(self, v):
        return self.T @ v

    def __add__(self, o):
        return Mat([(a + b).xs for a, b in zip(self.rows, o.rows)])

    def __mul__(self, k):
        return Mat([(r * k).xs for r in self.rows])

    __rmul__ = __mul__

    def __pow__(self, n):
        r = Mat.identity(self.shape[0])
        base = self
        while n:
            if n & 1:
                r = r @ base
            base = base @ base
            n >>= 1
        return r

    def __eq__(self, o):
        return isinstance(o, Mat) and self.rows == o.rows

    def det(self):
        n = self.shape[0]
        if n == 1:
            return self.rows[0][0]
        total = 0
        for j in range(n):
            minor = Mat([[r[k] for k in range(n) if k != j] for r in self.rows[1:]])
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total

    def __repr__(self):
        return "Mat" + repr([list(r.xs) for r in self.rows])


def linear_algebra():
    v = Vector(1, 2, 3)
    w = Vector(4, 5, 6)
    m = Mat([[1, 2, 0], [0, 1, 0], [2, 0, 1]])
    fib = Mat([[1, 1], [1, 0]]) ** 10
    return (v + w, v - w, 2 * v, v * 0.5, v @ w, -v, Vector(3, 4).norm(), m @ v, v @ m, m.T, m @ m.T,
            (m + m) == 2 * m, fib, m.det(), Mat.identity(3) == m ** 0, len({v, Vector(1, 2, 3)}), repr(m))


def linear_mismatch():
    return Mat([[1, 2]]) @ Mat([[1, 2]])


def vector_mismatch():
    return Vector(1, 2) + Vector(1, 2, 3)


def linear_result():
    return Mat([[1, 2], [3, 4]]) @ Mat.identity(2), Vector(1.5, 2)


# --- 3.7 scheduler with a hand-written priority queue on an owned list ----

class Job:
    def __init__(self, name, priority, duration, arrives):
        self.name = name
        self.priority = priority
        self.duration = duration
        self.arrives = arrives

    def __repr__(self):
        return f"Job({self.name})"


def schedule(jobs, quantum):
    heap = []
    pending = sorted(jobs, key=lambda j: (j.arrives, j.name))
    remaining = {j.name: j.duration for j in jobs}
    clock = 0
    timeline = []
    finished = {}
    seq = 0
    while pending or heap:
        while pending and pending[0].arrives <= clock:
            j = pending.pop(0)
            item = (j.priority, j.arrives, seq, j)
            seq += 1
            heap.append(item)
            i = len(heap) - 1
            while i > 0 and heap[(i - 1) // 2][:3] > heap[i][:3]:
                p = (i - 1) // 2
                heap[i], heap[p] = heap[p], heap[i]
                i = p
        if not heap:
            clock = pending[0].arrives
            timeline.append(("idle", clock))
            continue
        top = heap[0]
        last = heap.pop()
        if heap:
            heap[0] = last
            i = 0
            while True:
                l, r, small = 2 * i + 1, 2 * i + 2, i
                if l < len(heap) and heap[l][:3] < heap[small][:3]:
                    small = l
                if r < len(heap) and heap[r][:3] < heap[small][:3]:
                    small = r
                if small == i:
                    break
                heap[i], heap[small] = heap[small], heap[i]
                i = small
        prio, arr, _, job = top
        run = min(quantum, remaining[job.name])
        timeline.append((clock, job.name, run))
        clock += run
        remaining[job.name] -= run
        if remaining[job.name] == 0:
            finished[job.name] = clock
        else:
            heap.append((prio + 1, clock, seq, job))
            seq += 1
            heap.sort(key=lambda t: t[:3])
    waits = {n: finished[n] - j.arrives - j.duration for j in jobs for n in [j.name]}
    return timeline, finished, waits, max(waits, key=waits.get)


JOBS = [Job("build", 2, 5, 0), Job("test", 1, 3, 1), Job("lint", 1, 1, 1), Job("deploy", 3, 2, 4),
        Job("late", 0, 2, 30)]


# --- 3.8 CSV-like parsing and aggregation --------------------------------

def parse_csv(text, sep=","):
    rows = []
    for lineno, line in enumerate(text.strip().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = []
        cur = ""
        quoted = False
        i = 0
        while i < len(line):
            ch = line[i]
            if quoted:
                if ch == '"' and line[i + 1:i + 2] == '"':
                    cur += '"'
                    i += 1
                elif ch == '"':
                    quoted = False
                else:
                    cur += ch
            elif ch == '"':
                quoted = True
            elif ch == sep:
                fields.append(cur.strip())
                cur = ""
            else:
                cur += ch
            i += 1
        if quoted:
            raise ValueError(f"line {lineno}: unterminated quote")
        fields.append(cur.strip())
        rows.append(fields)
    return rows


def aggregate_csv(text):
    rows = parse_csv(text)
    header, body = rows[0], rows[1:]
    recs = []
    for r in body:
        if len(r) != len(header):
            raise ValueError(f"expected {len(header)} fields, got {len(r)}: {r}")
        recs.append(dict(zip(header, r)))
    groups = {}
    for rec in recs:
        key = (rec["region"], rec["product"])
        qty = int(rec["qty"])
        price = float(rec["price"])
        g = groups.get(key, (0, 0.0, 0))
        groups[key] = (g[0] + qty, g[1] + qty * price, g[2] + 1)
    by_region = {}
    for (region, product), (q, rev, n) in sorted(groups.items()):
        by_region[region] = by_region.get(region, 0.0) + rev
    best = sorted(groups.items(), key=lambda kv: (-kv[1][1], kv[0]))[:2]
    notes = [rec["note"] for rec in recs if rec["note"]]
    return ({f"{r}/{p}": (q, round(rev, 2), n) for (r, p), (q, rev, n) in groups.items()},
            {k: round(v, 2) for k, v in by_region.items()}, best, notes)


CSV_TEXT = '''
region,product,qty,price,note
north,widget,10,2.50,
south,widget,4,2.75,"rush, please"
# a comment line
north,gadget,1,99.99,"said ""fragile"""
north,widget,5,2.50,

south,gizmo,7,12.00,  spaced
'''

CSV_BAD_QUOTE = 'a,b\n1,"oops\n'
CSV_BAD_FIELDS = 'region,product,qty,price,note\nnorth,widget,1\n'
CSV_BAD_NUMBER = 'region,product,qty,price,note\nnorth,widget,one,2.0,\n'


# --- 3.9 glob / regex matcher with recursion and an explicit memo --------

def glob_match(pattern, text, pi, ti, memo):
    key = (pi, ti)
    if key in memo:
        return memo[key], memo
    if pi == len(pattern):
        result = ti == len(text)
    elif pattern[pi] == "*":
        r1, memo = glob_match(pattern, text, pi + 1, ti, memo)
        if r1:
            result = True
        elif ti < len(text):
            result, memo = glob_match(pattern, text, pi, ti + 1, memo)
        else:
            result = False
    elif pattern[pi] == "[":
        end = pattern.index("]", pi)
        chars = pattern[pi + 1:end]
        negate = chars.startswith("!")
        if negate:
            chars = chars[1:]
        ok = ti < len(text) and ((text[ti] in chars) != negate)
        if ok:
            result, memo = glob_match(pattern, text, end + 1, ti + 1, memo)
        else:
            result = False
    elif ti < len(text) and pattern[pi] in ("?", text[ti]):
        result, memo = glob_match(pattern, text, pi + 1, ti + 1, memo)
    else:
        result = False
    return result, {**memo, key: result}


def regex_match(pat, text):
    """A tiny regex: literals, `.`, `*`, `+`, `?`, anchors ^ $ — Pike-style recursion."""
    def here(p, t):
        if not p:
            return True
        if p == "$":
            return not t
        if len(p) >= 2 and p[1] in "*+?":
            c, op, rest = p[0], p[1], p[2:]
            if op == "?":
                return (bool(t) and c in (".", t[0]) and here(rest, t[1:])) or here(rest, t)
            if op == "+":
                if not (t and c in (".", t[0])):
                    return False
                t = t[1:]
            i = 0
            while True:
                if here(rest, t[i:]):
                    return True
                if i < len(t) and c in (".", t[i]):
                    i += 1
                else:
                    return False
        return bool(t) and p[0] in (".", t[0]) and here(p[1:], t[1:])

    if pat.startswith("^"):
        return here(pat[1:], text)
    return any(here(pat, text[i:]) for i in range(len(text) + 1))


def matcher_suite(files):
    globs = ["*.py", "test_?.py", "[abc]*", "[!t]*.txt", "*a*b*", "*"]
    table = {}
    for g in globs:
        hits = []
        for f in files:
            ok, memo = glob_match(g, f, 0, 0, {})
            if ok:
                hits.append(f)
        table[g] = hits
    regexes = ["^a.*z$", "b+c", "colou?r", "^$", "x*y", "^[", "a.c"]
    rx = {r: [t for t in ["abcz", "bbc", "color", "colour", "", "xxy", "y", "a-c"] if regex_match(r, t)]
          for r in regexes}
    _, memo = glob_match("*a*a*a*b", "a" * 12, 0, 0, {})
    return table, rx, len(memo)


FILES = ["main.py", "test_1.py", "test_10.py", "apple.txt", "notes.txt", "cab", "ab", "readme"]


def glob_bad_pattern():
    return glob_match("[abc", "a", 0, 0, {})


# --- 3.10 unit conversion with closures and functools.partial -------------

def make_linear(scale, offset=0.0):
    def convert(x):
        return x * scale + offset
    return convert


def compose(*fs):
    return functools.reduce(lambda f, g: lambda x: g(f(x)), fs, lambda x: x)


def scaled(factor, x, digits=None):
    v = x * factor
    return round(v, digits) if digits is not None else v


UNIT_BASE = {"m": 1.0, "km": 1000.0, "cm": 0.01, "mi": 1609.344, "ft": 0.3048, "in": 0.0254}


def unit_table():
    to_base = {u: functools.partial(scaled, f) for u, f in UNIT_BASE.items()}
    from_base = {u: functools.partial(scaled, 1 / f) for u, f in UNIT_BASE.items()}

    def converter(src, dst):
        if src not in to_base or dst not in from_base:
            raise KeyError(f"{src}->{dst}")
        return compose(to_base[src], from_base[dst])

    c2f = make_linear(9 / 5, 32)
    f2c = compose(make_linear(1, -32), make_linear(5 / 9))
    k2c = make_linear(1, -273.15)
    rows = []
    for src, dst, x in [("km", "mi", 10), ("mi", "km", 26.2), ("ft", "cm", 6), ("in", "m", 100), ("m", "m", 3)]:
        rows.append(f"{x:>6} {src:<2} = {converter(src, dst)(x):>10.4f} {dst}")
    print("\n".join(rows))
    rounder = functools.partial(scaled, 1.0, digits=1)
    temps = [(c, round(c2f(c), 2), round(f2c(c2f(c)), 9)) for c in (-40, 0, 37, 100)]
    try:
        converter("km", "parsec")
    except KeyError as e:
        err = repr(e)
    p = functools.partial(scaled, 2)
    return (temps, round(k2c(300), 2), rounder(3.14159), err, p.args, p.keywords, p(5), p.func is scaled,
            [round(converter("cm", u)(250), 6) for u in sorted(UNIT_BASE)])


def unit_partial_result():
    return functools.partial(scaled, 3)(2), make_linear(2, 1)(5), compose()(7)


def unit_bad_call():
    p = functools.partial(scaled, 2, 3)
    return p(4, 5)


# ===========================================================================

def np_arrays_returned(n):
    a = np.arange(n, dtype=np.float64).reshape(2, -1)
    return a, a.T @ a, np.array([], dtype=np.int32), np.array([np.nan, 1.0]), {"m": a > 2}


CASES = [
    # --- numpy
    case(np_sum_kinds, np.array([1, 2, 3], dtype=np.int64)),
    case(np_sum_kinds, np.array([0.5, 0.25])),
    case(np_sum_kinds, np.array([1.5, 2.5], dtype=np.float32)),
    case(np_sum_kinds, np.array([True, True, False])),
    case(np_sum_axis, np.arange(12).reshape(3, 4)),
    case(np_dot_shapes, np.arange(6.0).reshape(2, 3), np.arange(6).reshape(3, 2)),
    case(np_dot_shapes, np.ones((2, 2)), np.ones((3, 2))),
    case(np_trig, np.array([0.0, 0.5, 1.0, 2.0])),
    case(np_trig, np.array([1, 4, 9])),
    case(np_where_forms, np.array([1, 2, 3, 4, 5])),
    case(np_linalg, np.array([[2.0, 1.0], [1.0, 3.0]])),
    case(np_linalg_singular),
    case(np_argsort, np.array([3, 1, 2, 1, 5])),
    case(np_argsort, np.array([0.5, -1.0, 2.0])),
    case(np_cumsum_cumprod, np.array([1, 2, 3, 4, 5, 6])),
    case(np_concat, np.array([1, 2]), np.array([3, 4])),
    case(np_concat, np.array([1, 2]), np.array([3.5, 4.5])),
    case(np_mask, np.array([1, 5, 2, 8, 3, 4])),
    case(np_fancy, np.array([10, 20, 30, 40])),
    case(np_fancy, np.array([10, 20])),
    case(np_fancy_2d, np.arange(9).reshape(3, 3)),
    case(np_broadcast, np.array([1, 2, 3]), np.array([10, 20])),
    case(np_broadcast_error, np.array([1, 2, 3]), np.array([1, 2])),
    case(np_reshape_transpose, np.arange(6)),
    case(np_reshape_error, np.arange(6)),
    case(np_int_overflow, np.array([2 ** 40, 3 * 2 ** 31, -(2 ** 62)], dtype=np.int64)),
    case(np_int64_scalar_overflow),
    case(np_float32, np.array([0.1, 0.2, 0.3], dtype=np.float32)),
    case(np_float32_repr, np.array([0.1, 1.5], dtype=np.float32)),
    case(np_inplace_own),
    case(np_inplace_float_own),
    case(np_out_own, np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.5, 0.5])),
    case(np_inplace_int_into_float_error),
    refused(np_inplace_arg, np.arange(3), match="mutates"),
    refused(np_setitem_arg, np.arange(3), match="mutates"),
    refused(np_mask_assign_arg, np.arange(3), match="mutates"),
    case(np_copy_then_mutate, np.arange(3)),
    case(np_arrays_in_containers, {"arrs": [np.array([1.0, 2.0]), np.array([3.0, 4.0])],
                                   "w": np.array([1, 2]), "t": (np.array([0.5]),)[0]}),
    case(np_user_object, np.array([1.0, 2.0, 3.0])),
    case(np_scalars),
    case(np_scalar_arith),
    case(np_scalar_divzero),
    case(np_int_divzero),
    case(np_unique_bincount, np.array([3, 1, 3, 0, 1, 3])),
    case(np_stats, np.array([1.0, 2.0, 4.0, 7.0, 9.0])),
    case(np_minmax_empty),
    case(np_index_error, np.arange(3)),
    case(np_iter_rows, np.arange(6).reshape(2, 3)),
    case(np_linspace_arange),
    case(np_bool_ops, np.array([1, 2, 3, 4])),
    case(np_truth_error, np.array([1, 2])),
    case(np_truth_error, np.array([5])),
    case(np_return_array, np.array([1, 2, 3])),
    case(np_matmul_chain, np.array([[1.0, 2.0], [3.0, 5.0]])),
    case(np_outer_einsum, np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, -1.0])),
    # --- numpy (more)
   case(np_print, np.array([1.5, 2.25, 3.0])), case(np_print, np.arange(6).reshape(2, 3)),
  case(np_builtin_reductions, np.array([3, 1, 2])), case(np_int32, np.array([30000, 2], dtype=np.int32)),
  case(np_complex, np.array([1.0, 2.0])), case(np_big_int_in_array), case(np_big_int_add, np.array([1])),
  case(np_vectorize_user), case(np_apply_along, np.arange(6).reshape(2, 3)), case(np_fromfunction),
  
  case(np_in_set, np.arange(2)), case(np_list_contains, np.arange(2), np.arange(2) + 1), case(np_eq_list, np.arange(2)),
  case(np_object_array), case(np_float_div_zero), case(np_nan_ops, np.array([1.0, np.nan, 3.0])),
  case(np_round_half, np.array([0.5, 1.5, 2.5, -0.5, -1.7])), case(np_int64_scalar_overflow_add), case(np_int64_pyint_overflow),
  case(np_argmax_ties, np.array([3, 1, 3, 1])), case(np_matrix_power, np.array([[2, 1], [1, 2]])),
  case(np_qr_svd, np.array([[3.0, 0.0], [4.0, 5.0]])), case(np_solve_error, np.eye(2)),
  case(np_searchsorted, np.array([1, 2, 4, 8])), case(np_tile_repeat, np.array([1, 2, 3])), case(np_meshgrid),
  case(np_dtype_promotion), case(np_scalar_types_returned), case(np_argsort_arrays_in_list), case(np_list_of_arrays_stack),
  case(np_structured_where_nested, np.arange(6)),
    refused(np_sort_arg, np.array([3, 1, 2]), match="mutates"),
    refused(np_fill_arg, np.arange(3), match="mutates"),
    refused(np_reshape_view_arg, np.arange(4), match="writes into a view of an array"),
    case(np_own_then_sum_then_mutate),
    case(np_own_views),
    case(np_own_out_view),
    # --- classes
    case(money_basics),
    case(money_print),
    case(money_bad_compare),
    case(money_bad_currency),
    case(money_lt_other),
    case(money_gt_reflected),
    case(money_return_value),
    case(total_ordering_version, ["1.10", "1.2", "1.2.1", "0.9"]),
    case(property_chain),
    case(property_no_setter),
    case(temperature_too_cold),
    case(temperature_result),
    case(getattr_fallback),
    case(getattr_missing),
    case(container_protocols),
    case(container_bad_index),
    case(getitem_iteration),
    case(empty_bag_falsy),
    case(callable_objects),
    case(context_like),
    case(diamond_super),
    case(diamond_result),
    case(abstract_like),
    case(abstract_uncaught),
    case(exception_hierarchy),
    case(exception_propagates),
    case(exception_chain),
    case(exception_returned),
    case(operator_overloading),
    case(operator_unsupported),
    case(operator_rmul_unsupported),
    case(unhashable_vec),
    case(value_objects_returned),
    case(match_on_class),
    case(tree_protocol),
    case(instance_class_attr_lookup),
    case(str_vs_repr_only_repr),
    case(instance_set_outside_init),
    case(set_attr_in_method),
    # --- more class protocols
   case(eq_fallbacks), case(hash_inheritance), case(format_protocols), case(index_protocol), case(reversed_protocol),
  case(unpack_protocol), case(unpack_too_many), case(classmethods_inheritance), case(classmethods_result),
  case(property_attr_error_falls_to_getattr), case(exception_str_and_args), case(exception_e2_uncaught), case(exception_e1_uncaught),
  case(exception_e3_result), case(exception_group_handling), case(reflected_comparisons), case(numeric_protocol), case(numeric_floordiv_unsupported),
  case(fluent_builder), case(grid_value_object), case(class_introspection), case(object_without_init), case(object_init_args_error),
  case(missing_self_arg_error),
    case(dataclass_use),
    case(namedtuple_use),
    case(enum_use),
    case(descriptor_use),
    case(lru_cache_use),
    case(init_subclass_use),
    case(class_decorator_use),
    refused(class_attr_mutation, match="Slotless.count"),
    case(iter_generator_method),
    case(holder_returned),
    case(np_float_key),
    # --- applications
    case(inventory_report, INVENTORY, 5),
    case(inventory_report, INVENTORY[:2], 100),
    case(inventory_missing_field, INVENTORY[:1]),
    case(calc_many, CALC_EXPRS, {"x": 2, "y": 0.25, "z": 9}),
    case(calc_uncaught),
    case(tokenize, "a1 + 2.5*(b_2)**3"),
    case(bank_simulation, BANK_OPS),
    case(bank_simulation, []),
    case(bank_returns_ledger),
    case(graph_suite, DAG, WGRAPH),
    case(graph_cycle),
    case(components, {"x": ["y"], "y": [], "q": ["q"]}),
    case(shortest_paths, WGRAPH, "z"),
    case(shortest_paths_captured, WGRAPH, "a"),
    case(adventure, ADVENTURE_CMDS),
    case(adventure, ADVENTURE_CMDS2),
    case(linear_algebra),
    case(linear_mismatch),
    case(vector_mismatch),
    case(linear_result),
    case(schedule, JOBS, 2),
    case(schedule, JOBS, 10),
    case(schedule, [], 1),
    case(aggregate_csv, CSV_TEXT),
    case(aggregate_csv, CSV_BAD_QUOTE),
    case(aggregate_csv, CSV_BAD_FIELDS),
    case(aggregate_csv, CSV_BAD_NUMBER),
    case(parse_csv, 'x;"a;b";c\n', ";"),
    case(matcher_suite, FILES),
    case(glob_bad_pattern),
    case(regex_match, "^ab*c+d?$", "abbbcc"),
    case(unit_table),
    case(unit_partial_result),
    case(unit_bad_call),
    refused(np_random_draw, match="random"),
    case(np_random_seeded),
    refused(cached_property_use, match="cached_property"),
    refused(np_seterr, match="seterr"),
    refused(np_printoptions, match="set_printoptions"),
    refused(np_copyto_arg, np.arange(3), match="mutates"),
    refused(np_add_at_arg, np.arange(3), match="mutates"),
    case(np_arrays_returned, 6),
    refused(np_out_on_arg, np.ones(3), np.ones(3), match="mutates"),
    refused(np_cumsum_out_arg, np.zeros(3, dtype=np.int64), match="mutates"),
    refused(np_global_out, match="mutates"),
]

KNOWN_DIFFERENCES = [
    # A slice of an array argument (or global) is a view: mutating it mutates the argument, and the
    # ownership analysis takes every slice for a copy (as it is for lists), so it is not refused.
    refused(np_arg_slice_view_mutate, np.arange(3), match="mutates"),
    refused(np_global_slice_view_mutate, match="mutates"),
    # An array argument arrives as a view of the buffer it travelled in (README, known differences).
    case(np_arg_owns_data, np.arange(3)),
    case(np_arg_slice_base, np.arange(3)),
]
