"""Differential cases: builtin functions and the math, cmath, operator,
functools and itertools modules."""
import cmath
import functools
import itertools
import math
import operator

from case import case


# ---------------------------------------------------------------- numeric builtins

def builtin_abs(values):
    return [abs(v) for v in values]


def builtin_abs_bad(v):
    return abs(v)


def builtin_divmod(a, b):
    return divmod(a, b)


def builtin_pow(a, b):
    return pow(a, b)


def builtin_pow3(a, b, m):
    return pow(a, b, m)


def builtin_pow_kwargs(a, b, m):
    return pow(base=a, exp=b, mod=m)


def builtin_round(x, nd):
    return (round(x), round(x, nd), round(x, None), type(round(x, nd)).__name__)


def builtin_round_int(n):
    return (round(n, -1), round(n, -2), round(n, 0), round(n, 3), round(-n, -2))


def builtin_bin_oct_hex(n):
    return (bin(n), oct(n), hex(n), int(bin(n), 0), int(hex(n), 16), int(oct(n), 0))


def builtin_bin_float(x):
    return bin(x)


def builtin_int_conversions(v):
    return int(v)


def builtin_int_base(s, base):
    return int(s, base=base)


def builtin_float_bool_str(v):
    return (float(v), bool(v), str(v), repr(v))


def builtin_format(v, spec):
    return format(v, spec)


def builtin_chr_ord(n):
    c = chr(n)
    return (c, ord(c), repr(c), ascii(c))


def builtin_ord_bad(s):
    return ord(s)


# ---------------------------------------------------------------- iteration builtins

def builtin_all_any(xs):
    return (all(xs), any(xs), all(x > 0 for x in xs), any(x > 2 for x in xs), all([]), any([]))


def builtin_enumerate(xs, start):
    return (list(enumerate(xs)), list(enumerate(xs, start)), list(enumerate(xs, start=start)),
            dict(enumerate(xs, 10)))


def builtin_filter(xs):
    return (list(filter(None, xs)), list(filter(lambda v: v and v % 2, xs)),
            [v for v in filter(bool, xs)])


def builtin_map(xs, ys):
    return (list(map(str, xs)), list(map(lambda a, b: a * b, xs, ys)), list(map(pow, xs, ys)),
            list(map(abs, map(lambda v: -v, xs))))


def builtin_map_error(xs):
    return list(map(lambda v: 10 // v, xs))


def builtin_zip(xs, ys, zs):
    return (list(zip(xs, ys)), list(zip(xs, ys, zs)), list(zip()), list(zip(xs)),
            dict(zip(ys, xs)), list(zip(*zip(xs, ys))))


def builtin_zip_strict(xs, ys):
    return list(zip(xs, ys, strict=True))


def builtin_iter_next(xs):
    it = iter(xs)
    a = next(it)
    b = next(it, "dflt")
    rest = list(it)
    c = next(it, "done")
    return (a, b, rest, c)


def builtin_next_exhausted(xs):
    it = iter(xs)
    for _ in xs:
        next(it)
    return next(it)


def builtin_next_on_list(xs):
    return next(xs)


def builtin_iter_sentinel(xs, stop):
    it = iter(xs)
    return list(iter(it.__next__, stop))


def builtin_iter_not_iterable(v):
    return iter(v)


def builtin_len(values):
    return [len(v) for v in values]


def builtin_len_bad(v):
    return len(v)


def builtin_max_min(xs):
    return (max(xs), min(xs), max(xs, key=abs), min(xs, key=abs), max(xs, key=lambda v: v % 3),
            max(*xs), min(xs[0], xs[-1]), max([], default=None), min([], key=abs, default=-1),
            max(xs, default=0))


def builtin_max_ties(words):
    return (max(words, key=len), min(words, key=len), max(words), min(words, key=str.lower),
            sorted(words, key=len)[-1])


def builtin_max_empty(xs):
    return max(xs)


def builtin_min_mixed(xs):
    return min(xs)


def builtin_max_single_scalar(v):
    return max(v)


def builtin_reversed(seq):
    return (list(reversed(seq)), "".join(reversed("abc")), list(reversed(range(5))),
            list(reversed({"a": 1, "b": 2})), tuple(reversed((1, 2, 3))))


def builtin_reversed_bad(v):
    return reversed(v)


def builtin_sorted(xs):
    return (sorted(xs), sorted(xs, reverse=True), sorted(xs, key=lambda p: p[1]),
            sorted(xs, key=lambda p: (-p[1], p[0])), sorted(dict(xs)), sorted("hello"))


def builtin_sum(xs, start):
    return (sum(xs), sum(xs, start), sum(xs, start=start), sum(x * x for x in xs),
            sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([True, True, False]))


def builtin_sum_exact_floats(xs):
    return (sum(xs), sum(xs, 0.5), sum(x * 2 for x in xs))


def builtin_sum_strings(xs):
    return sum(xs, "")


def builtin_sum_mixed(xs):
    return sum(xs)


def builtin_constructors(xs):
    return (list(xs), tuple(xs), set(xs) == set(list(xs)), list("abc"), tuple(range(3)),
            list({"a": 1, "b": 2}), list({"a": 1}.items()), tuple(x * 2 for x in xs),
            dict([("k", 1)]), list(), tuple(), str(), int(), float(), bool(), complex())


def builtin_range_forms(a, b, c):
    return (list(range(a)), list(range(a, b)), list(range(a, b, c)), len(range(a, b, c)))


def builtin_range_float(x):
    return range(x)


def builtin_isinstance(values):
    out = []
    for v in values:
        out.append((isinstance(v, int), isinstance(v, (str, bytes)), isinstance(v, (list, tuple)),
                    isinstance(v, object), isinstance(v, bool), isinstance(v, (float, complex)),
                    isinstance(v, (dict, (set, frozenset)))))
    return out


def builtin_issubclass():
    return (issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)),
            issubclass(float, int), issubclass(frozenset, set), issubclass(bool, (float, int)),
            issubclass(list, object))


def builtin_isinstance_bad(v):
    return isinstance(v, 3)


def builtin_type(values):
    return ([type(v) for v in values], [type(v).__name__ for v in values],
            type(values) is list, type(True) is bool, type(1) == type(True))


def builtin_repr_str(values):
    return [(repr(v), str(v)) for v in values]


def builtin_print_forms(a, b):
    print(a, b)
    print(a, b, sep="")
    print(a, b, sep=None, end=None)
    print("x", end="")
    print("y")
    print(*[a, b, [a, b]], sep="\n")
    print()
    return f"{a}{b}"


# ---------------------------------------------------------------- math

def math_sqrt(x):
    return math.sqrt(x)


def math_floor_ceil(x):
    return (math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__, round(x))


def math_gcd_lcm(a, b, c):
    return (math.gcd(a, b), math.gcd(a, b, c), math.gcd(), math.gcd(0, 0), math.lcm(a, b),
            math.lcm(a, b, c), math.gcd(-a, b))


def math_factorial(n):
    return math.factorial(n)


def math_comb_perm(n, k):
    return (math.comb(n, k), math.perm(n, k), math.perm(n))


def math_isclose(a, b):
    return (math.isclose(a, b), math.isclose(a, b, rel_tol=1e-3), math.isclose(a, b, abs_tol=0.5),
            math.isclose(a, b, rel_tol=0.0, abs_tol=0.0))


def math_isclose_bad_tol(a):
    return math.isclose(a, a, rel_tol=-1.0)


def math_logs(x):
    return (math.log(x), math.log(x, 2), math.log(x, 10), math.log10(x), math.log2(x),
            math.log1p(x), math.log(x, 0.5))


def math_log_bigint(n):
    return (math.log(n), math.log10(n), math.log2(n), math.log(n, 7))


def math_log_error(x):
    return math.log(x)


def math_log_base_one(x):
    return math.log(x, 1)


def math_exp(x):
    return (math.exp(x), math.expm1(x))


def math_special_values(x):
    return (math.isnan(x), math.isinf(x), math.isfinite(x), math.copysign(1.0, x),
            math.fabs(x), x == math.inf, x == -math.inf)


def math_constants():
    return (math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan),
            math.pi == 3.141592653589793, str(math.inf), repr(math.nan))


def math_trig(x):
    return (math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.atan2(x, -1.0),
            math.hypot(x, 4.0), math.degrees(x), math.radians(x), math.sinh(x), math.tanh(x))


def math_domain_errors(which):
    if which == "acos":
        return math.acos(2.0)
    if which == "sqrt":
        return math.sqrt(-1.0)
    if which == "fmod":
        return math.fmod(1.0, 0.0)
    if which == "cosh":
        return math.cosh(1000.0)
    if which == "factorial_float":
        return math.factorial(5.0)
    if which == "factorial_neg":
        return math.factorial(-1)
    if which == "comb_neg":
        return math.comb(-1, 2)
    if which == "floor_inf":
        return math.floor(math.inf)
    if which == "ceil_nan":
        return math.ceil(math.nan)
    if which == "isqrt_neg":
        return math.isqrt(-4)
    return math.gcd(1.5, 2)


def math_fsum(xs):
    return (math.fsum(xs), math.fsum([]), math.fsum(x * x for x in xs))


def math_prod(xs):
    return (math.prod(xs), math.prod(xs, start=2), math.prod([]), math.prod(range(1, 21)))


def math_misc(x):
    return (math.modf(x), math.frexp(x), math.ldexp(x, 3), math.fmod(x, 3.0), math.remainder(x, 3.0),
            math.isqrt(int(abs(x)) * 1000), math.dist((0.0, 0.0), (x, 4.0)), math.pow(x, 2),
            math.nextafter(x, math.inf) > x, math.ulp(1.0))


def math_isqrt_big(n):
    r = math.isqrt(n)
    return (r, r * r <= n < (r + 1) * (r + 1))


# ---------------------------------------------------------------- cmath

def cmath_funcs(z):
    return (cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.phase(z), cmath.polar(z), abs(z),
            cmath.rect(1.0, cmath.phase(z)), cmath.isclose(cmath.exp(cmath.log(z)), z))


def cmath_constants():
    return (cmath.pi, cmath.e, cmath.inf, cmath.infj, cmath.isnan(cmath.nanj),
            cmath.sqrt(-1), cmath.exp(1j * cmath.pi), cmath.log(-1), cmath.log10(100),
            cmath.isinf(complex(math.inf, 0)))


def cmath_log_zero(z):
    return cmath.log(z)


# ---------------------------------------------------------------- operator

def operator_arith(a, b):
    return (operator.add(a, b), operator.sub(a, b), operator.mul(a, b), operator.truediv(a, b),
            operator.floordiv(a, b), operator.mod(a, b), operator.pow(a, 2), operator.neg(a),
            operator.pos(a), operator.abs(-a), operator.lt(a, b), operator.eq(a, b),
            operator.ge(a, b), operator.not_(a), operator.truth(b), operator.and_(3, 5),
            operator.or_(3, 5), operator.xor(3, 5), operator.lshift(1, 4), operator.index(7))


def operator_div_zero(a):
    return operator.truediv(a, 0)


def operator_getters(rows):
    second = operator.itemgetter(1)
    pair = operator.itemgetter(0, 2)
    real = operator.attrgetter("real")
    both = operator.attrgetter("real", "imag")
    upper = operator.methodcaller("upper")
    repl = operator.methodcaller("replace", "a", "A")
    return ([second(r) for r in rows], [pair(r) for r in rows], sorted(rows, key=second),
            real(3 + 4j), both(3 + 4j), upper("abc"), repl("banana"),
            operator.getitem(rows, 0), operator.contains(rows[0], 2), operator.concat([1], [2]),
            operator.countOf([1, 2, 1], 1), operator.indexOf([5, 6], 6))


def operator_itemgetter_missing(d):
    return operator.itemgetter("missing")(d)


def operator_with_reduce(xs):
    return (functools.reduce(operator.add, xs), functools.reduce(operator.mul, xs, 1),
            list(map(operator.mul, xs, xs)), list(itertools.starmap(operator.sub, zip(xs, xs[1:]))),
            functools.reduce(operator.or_, [{1}, {2}, {1, 3}]))


# ---------------------------------------------------------------- functools

def functools_reduce(xs):
    return (functools.reduce(lambda a, b: a + b, xs), functools.reduce(lambda a, b: a * 10 + b, xs, 0),
            functools.reduce(max, xs), functools.reduce(lambda acc, v: acc + [v * 2], xs, []))


def functools_reduce_empty(xs):
    return functools.reduce(operator.add, xs)


def functools_partial(a, b):
    add3 = functools.partial(lambda x, y, z: x * 100 + y * 10 + z, a)
    base2 = functools.partial(int, base=2)
    pw = functools.partial(pow, 2)
    kw = functools.partial(sorted, key=lambda v: -v)
    nested = functools.partial(add3, b)
    return (add3(b, 3), base2("1011"), pw(10), kw([3, 1, 2]), nested(9), add3(z=1, y=2))


def functools_partial_bad(s):
    return functools.partial(int, base=2)(s)


def functools_cmp_to_key(words):
    def cmp(a, b):
        if len(a) != len(b):
            return len(a) - len(b)
        return (a > b) - (a < b)
    return sorted(words, key=functools.cmp_to_key(cmp))


# ---------------------------------------------------------------- itertools

def itertools_chain_islice(xs, ys):
    return (list(itertools.chain(xs, ys)), list(itertools.chain.from_iterable([xs, ys, "ab"])),
            list(itertools.islice(xs, 2)), list(itertools.islice(xs, 1, None)),
            list(itertools.islice(xs, 0, None, 2)), list(itertools.islice(itertools.chain(xs, ys), 1, 5, 2)),
            list(itertools.chain()))


def itertools_islice_bad(xs):
    return list(itertools.islice(xs, -1))


def itertools_combinatorics(xs, r):
    return (list(itertools.product(xs, repeat=2)), list(itertools.product(xs, "ab")),
            list(itertools.permutations(xs)), list(itertools.permutations(xs, r)),
            list(itertools.combinations(xs, r)), list(itertools.combinations_with_replacement(xs, r)),
            len(list(itertools.product(range(3), repeat=3))))


def itertools_accumulate(xs):
    return (list(itertools.accumulate(xs)), list(itertools.accumulate(xs, operator.mul)),
            list(itertools.accumulate(xs, max)), list(itertools.accumulate(xs, initial=100)),
            list(itertools.accumulate(xs, lambda a, b: a - b, initial=0)),
            list(itertools.accumulate([])))


def itertools_groupby(s):
    runs = [(k, len(list(g))) for k, g in itertools.groupby(s)]
    by_parity = [(k, list(g)) for k, g in itertools.groupby([1, 3, 2, 4, 5, 7, 6], key=lambda v: v % 2)]
    words = sorted(["apple", "avocado", "banana", "blueberry", "cherry"])
    by_first = {k: list(g) for k, g in itertools.groupby(words, key=operator.itemgetter(0))}
    return (runs, by_parity, by_first)


def itertools_groupby_consumed(s):
    groups = list(itertools.groupby(s))
    return [(k, list(g)) for k, g in groups]


def itertools_zip_longest(xs, ys):
    return (list(itertools.zip_longest(xs, ys)), list(itertools.zip_longest(xs, ys, fillvalue="-")),
            list(itertools.zip_longest(xs, ys, range(4), fillvalue=0)))


def itertools_count_cycle_repeat(n):
    return (list(itertools.islice(itertools.count(), n)), list(itertools.islice(itertools.count(10, -3), n)),
            list(itertools.islice(itertools.count(0.5, 0.25), n)), list(itertools.islice(itertools.cycle("ab"), n)),
            list(itertools.repeat("x", n)), list(zip(itertools.count(1), "abc")),
            list(itertools.islice(itertools.repeat(7), 3)))


def itertools_filters(xs):
    return (list(itertools.takewhile(lambda v: v < 5, xs)), list(itertools.dropwhile(lambda v: v < 5, xs)),
            list(itertools.filterfalse(lambda v: v % 2, xs)), list(itertools.compress(xs, [1, 0, 1, 1, 0])),
            list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(itertools.pairwise(xs)),
            list(itertools.starmap(lambda a, b: a + b, zip(xs, reversed(xs)))))


def itertools_lazy_error(xs):
    it = map(lambda v: 1 // v, xs)
    first = list(itertools.islice(it, 2))
    return (first, list(it))


def itertools_product_sum(n):
    total = 0
    for a, b, c in itertools.product(range(n), repeat=3):
        if a < b < c:
            total += a * b + c
    return total


def generator_with_builtins(n):
    gen = (i * i for i in range(n))
    first = next(gen)
    s = sum(gen)
    return (first, s, next(gen, "exhausted"), max((i % 7 for i in range(n)), default=None),
            sorted((i % 5 for i in range(n)), reverse=True)[:3], any(i > n for i in range(n)))


CASES = [
    case(builtin_abs, [-3, 3, -0.0, -2.5, 3 + 4j, True, False, -(10 ** 30), float("-inf"), float("nan")]),
    case(builtin_abs_bad, "x"),
    case(builtin_abs_bad, None),
    case(builtin_divmod, 17, 5),
    case(builtin_divmod, -17, 5),
    case(builtin_divmod, 17.5, -5),
    case(builtin_divmod, -0.0, 1.0),
    case(builtin_divmod, 10 ** 30, -(10 ** 10 + 1)),
    case(builtin_divmod, 1, 0),
    case(builtin_divmod, 1.0, 0.0),
    case(builtin_divmod, 1 + 2j, 1),
    case(builtin_pow, 2, 10),
    case(builtin_pow, 2.0, -1),
    case(builtin_pow, -1, 0.5),
    case(builtin_pow, 0, -2),
    case(builtin_pow, 7, 200),
    case(builtin_pow3, 4, 13, 497),
    case(builtin_pow3, 2, 100, -7),
    case(builtin_pow3, 2.0, 2, 3),
    case(builtin_pow_kwargs, 3, 4, 5),
    case(builtin_round, 2.675, 2),
    case(builtin_round, -0.5, 0),
    case(builtin_round, 0.5, 1),
    case(builtin_round, 1.5, -1),
    case(builtin_round, 7, 2),
    case(builtin_round, 1e300, 2),
    case(builtin_round_int, 1250),
    case(builtin_round_int, 1350),
    case(builtin_round_int, -15),
    case(builtin_round_int, 10 ** 25 + 50),
    case(builtin_bin_oct_hex, 0),
    case(builtin_bin_oct_hex, 255),
    case(builtin_bin_oct_hex, -255),
    case(builtin_bin_oct_hex, 2 ** 100 + 1),
    case(builtin_bin_float, 1.0),
    case(builtin_int_conversions, 3.99),
    case(builtin_int_conversions, -3.99),
    case(builtin_int_conversions, "  -17\n"),
    case(builtin_int_conversions, True),
    case(builtin_int_conversions, "1e3"),
    case(builtin_int_conversions, None),
    case(builtin_int_conversions, "x"),
    case(builtin_int_conversions, b"42"),
    case(builtin_int_conversions, 1e30),
    case(builtin_int_base, "0x1F", 16),
    case(builtin_int_base, "1F", 0),
    case(builtin_int_base, "777", 8),
    case(builtin_int_base, "zz", 37),
    case(builtin_float_bool_str, 3),
    case(builtin_float_bool_str, "  2.5e-3 "),
    case(builtin_float_bool_str, True),
    case(builtin_float_bool_str, 10 ** 20),
    case(builtin_format, 255, "08b"),
    case(builtin_format, 3.14159, ".2f"),
    case(builtin_format, 1234567, ","),
    case(builtin_format, "s", ">5"),
    case(builtin_format, 0.000123, ".3g"),
    case(builtin_format, 42, ""),
    case(builtin_format, [1, 2], ""),
    case(builtin_format, 42, "q"),
    case(builtin_format, 1.5, "x"),
    case(builtin_chr_ord, 65),
    case(builtin_chr_ord, 0),
    case(builtin_chr_ord, 0x1F600),
    case(builtin_chr_ord, 0x10FFFF),
    case(builtin_ord_bad, ""),
    case(builtin_ord_bad, "ab"),
    case(builtin_all_any, [1, 2, 3]),
    case(builtin_all_any, [0, 1, 2]),
    case(builtin_all_any, []),
    case(builtin_enumerate, ["a", "b", "c"], 5),
    case(builtin_enumerate, [], -1),
    case(builtin_filter, [0, 1, 2, 3, 0, 5, 6, 7]),
    case(builtin_filter, []),
    case(builtin_map, [1, 2, 3], [4, 5, 6, 7]),
    case(builtin_map, [], [1]),
    case(builtin_map_error, [5, 2, 0, 1]),
    case(builtin_zip, [1, 2, 3], "abcd", (True, False)),
    case(builtin_zip, [], [], []),
    case(builtin_zip_strict, [1, 2], "ab"),
    case(builtin_zip_strict, [1, 2, 3], "ab"),
    case(builtin_zip_strict, [1], "ab"),
    case(builtin_iter_next, [1, 2, 3, 4]),
    case(builtin_iter_next, [1]),
    case(builtin_iter_next, "hi"),
    case(builtin_iter_next, []),
    case(builtin_next_exhausted, [1, 2]),
    case(builtin_next_on_list, [1, 2]),
    case(builtin_iter_sentinel, [1, 2, 3, 4, 3], 3),
    case(builtin_iter_sentinel, [1, 2], 9),
    case(builtin_iter_not_iterable, 5),
    case(builtin_len, ["abc", [1, 2], (), {1: 2}, {1, 2, 3}, range(0, 100, 3), b"xy", frozenset([1])]),
    case(builtin_len_bad, 5),
    case(builtin_len_bad, None),
    case(builtin_max_min, [3, -7, 2, 7, -3]),
    case(builtin_max_min, [1.5, -2.5, 0.0]),
    case(builtin_max_ties, ["bb", "aa", "ccc", "dd", "eee", "B"]),
    case(builtin_max_empty, []),
    case(builtin_max_empty, iter([])),
    case(builtin_min_mixed, [3, "a"]),
    case(builtin_min_mixed, [3, 2.5, True]),
    case(builtin_min_mixed, [float("nan"), 1.0, 0.5]),
    case(builtin_min_mixed, [1.0, float("nan"), 0.5]),
    case(builtin_max_single_scalar, 5),
    case(builtin_reversed, [1, 2, 3]),
    case(builtin_reversed_bad, {1, 2}),
    case(builtin_reversed_bad, 5),
    case(builtin_sorted, [("b", 2), ("a", 2), ("c", 1), ("d", 3)]),
    case(builtin_sum, [1, 2, 3, 4], 10),
    case(builtin_sum, [], -5),
    case(builtin_sum, [10 ** 20, -(10 ** 20), 7], 0),
    case(builtin_sum_exact_floats, [0.5, 0.25, 1.5, 2.0, -0.125]),
    case(builtin_sum_exact_floats, []),
    case(builtin_sum_strings, ["a", "b"]),
    case(builtin_sum_mixed, [1, "a"]),
    case(builtin_sum_mixed, [1, 2.5, True, 1j]),
    case(builtin_sum_mixed, [[1], 2]),
    case(builtin_constructors, [3, 1, 2]),
    case(builtin_range_forms, 5, 15, 4),
    case(builtin_range_forms, 3, -3, -2),
    case(builtin_range_forms, 0, 0, 1),
    case(builtin_range_float, 2.0),
    case(builtin_isinstance, [1, True, 2.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), None, 1j]),
    case(builtin_issubclass),
    case(builtin_isinstance_bad, 1),
    case(builtin_type, [1, True, 1.0, 1j, "s", b"b", [], (), {}, set(), frozenset(), None, range(1)]),
    case(builtin_repr_str, [0.1, -0.0, 1e22, 1e-7, 123.0, float("inf"), "a\nb", "'", b"\x01", (1,), [None],
                            {1: "x"}, 2 ** 64, -1j, True, range(3), frozenset([2])]),
    case(builtin_print_forms, 1, "two"),
    case(builtin_print_forms, [1.5], None),
    case(math_sqrt, 16),
    case(math_sqrt, 2.0),
    case(math_sqrt, -0.0),
    case(math_sqrt, float("inf")),
    case(math_sqrt, -1),
    case(math_sqrt, 10 ** 400),
    case(math_sqrt, "4"),
    case(math_floor_ceil, 2.5),
    case(math_floor_ceil, -2.5),
    case(math_floor_ceil, 7),
    case(math_floor_ceil, 1e20),
    case(math_floor_ceil, -0.0),
    case(math_gcd_lcm, 12, 18, 27),
    case(math_gcd_lcm, 0, 5, 0),
    case(math_gcd_lcm, 2 ** 80, 6 ** 30, 10 ** 20),
    case(math_factorial, 0),
    case(math_factorial, 25),
    case(math_factorial, 100),
    case(math_comb_perm, 10, 3),
    case(math_comb_perm, 5, 7),
    case(math_comb_perm, 60, 30),
    case(math_isclose, 1.0, 1.0 + 1e-10),
    case(math_isclose, 100.0, 100.05),
    case(math_isclose, 0.0, 1e-300),
    case(math_isclose, float("inf"), float("inf")),
    case(math_isclose, float("nan"), float("nan")),
    case(math_isclose_bad_tol, 1.0),
    case(math_logs, 8.0),
    case(math_logs, 1000),
    case(math_logs, 0.5),
    case(math_logs, float("inf")),
    case(math_log_bigint, 10 ** 400),
    case(math_log_bigint, 2 ** 1100 + 1),
    case(math_log_error, 0),
    case(math_log_error, -1.0),
    case(math_log_error, -(10 ** 400)),
    case(math_log_error, float("nan")),
    case(math_log_base_one, 5.0),
    case(math_exp, 1.0),
    case(math_exp, -1000.0),
    case(math_exp, 1000.0),
    case(math_exp, 709.0),
    case(math_exp, float("-inf")),
    case(math_special_values, float("nan")),
    case(math_special_values, float("-inf")),
    case(math_special_values, -0.0),
    case(math_special_values, 3),
    case(math_constants),
    case(math_trig, 0.5),
    case(math_trig, -3.0),
    case(math_trig, 0.0),
    case(math_domain_errors, "acos"),
    case(math_domain_errors, "sqrt"),
    case(math_domain_errors, "fmod"),
    case(math_domain_errors, "cosh"),
    case(math_domain_errors, "factorial_float"),
    case(math_domain_errors, "factorial_neg"),
    case(math_domain_errors, "comb_neg"),
    case(math_domain_errors, "floor_inf"),
    case(math_domain_errors, "ceil_nan"),
    case(math_domain_errors, "isqrt_neg"),
    case(math_domain_errors, "gcd_float"),
    case(math_fsum, [0.1] * 10),
    case(math_fsum, [1e100, 1.0, -1e100, 1e-100]),
    case(math_fsum, [float("inf"), 1.0]),
    case(math_fsum, [float("inf"), float("-inf")]),
    case(math_prod, [1, 2, 3, 4]),
    case(math_prod, [0.5, 2.0, 4.0, -0.25]),
    case(math_prod, []),
    case(math_misc, 7.5),
    case(math_misc, -2.25),
    case(math_isqrt_big, 10 ** 50),
    case(math_isqrt_big, 2 ** 200 - 1),
    case(cmath_funcs, 1 + 1j),
    case(cmath_funcs, -4 + 0j),
    case(cmath_funcs, 3 - 4j),
    case(cmath_constants),
    case(cmath_log_zero, 0j),
    case(operator_arith, 7, 3),
    case(operator_arith, -7.5, 2),
    case(operator_div_zero, 5),
    case(operator_getters, [(3, 2, 1), (1, 9, 8), (2, 0, 5)]),
    case(operator_itemgetter_missing, {"a": 1}),
    case(operator_with_reduce, [1, 2, 3, 4, 5]),
    case(functools_reduce, [3, 1, 4, 1, 5]),
    case(functools_reduce, [7]),
    case(functools_reduce_empty, []),
    case(functools_reduce_empty, ["a", "b", "c"]),
    case(functools_partial, 1, 2),
    case(functools_partial_bad, "102"),
    case(functools_cmp_to_key, ["ccc", "a", "bb", "aa", "b", "abc"]),
    case(itertools_chain_islice, [1, 2, 3, 4, 5], (6, 7)),
    case(itertools_chain_islice, [], ()),
    case(itertools_islice_bad, [1, 2]),
    case(itertools_combinatorics, [1, 2, 3], 2),
    case(itertools_combinatorics, "ab", 3),
    case(itertools_accumulate, [1, 2, 3, 4, 5]),
    case(itertools_accumulate, [3, 1, 4, 1, 5, 9, 2, 6]),
    case(itertools_groupby, "aaabccdddde"),
    case(itertools_groupby, ""),
    case(itertools_groupby_consumed, "aabbbc"),
    case(itertools_zip_longest, [1, 2, 3], "ab"),
    case(itertools_zip_longest, [], [None]),
    case(itertools_count_cycle_repeat, 5),
    case(itertools_count_cycle_repeat, 0),
    case(itertools_filters, [1, 3, 4, 6, 2, 8, 1]),
    case(itertools_lazy_error, [1, 2, 0, 4]),
    case(itertools_lazy_error, [1, 0]),
    case(itertools_product_sum, 12),
    case(generator_with_builtins, 10),
    case(generator_with_builtins, 1),
]
