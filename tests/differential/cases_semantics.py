"""Differential cases: corner semantics of the subset, in the spirit of the
original pyfora semantic suite (`equivalentEvaluationTest`).

Integer and float corners (floor division and modulo of negatives, int/float
comparison, huge ints, float repr, round half-even), unicode strings,
slicing, sequence comparison, sort stability, dict order and views, set
algebra, closures and late binding, recursion returning new values,
generators (send/throw/close/return), class protocols, exceptions and
chaining, functools/itertools/operator, identity, formatting, bytes and
bytearray, comprehensions, builtins with key/default, short-circuiting and
print.
"""
import functools
import itertools
import math
import operator
import sys

from case import Case, case, refused

if sys.getrecursionlimit() < 10000:
    sys.setrecursionlimit(10000)


# ---------------------------------------------------------------------------
# Integers and floats
# ---------------------------------------------------------------------------

def floordiv_mod_ints(a, b):
    return a // b, a % b, divmod(a, b), -a // b, -(a // b)


def floordiv_mod_table():
    out = []
    for a in (-7, 7, -1, 0, 1, -9):
        for b in (3, -3, 1, -1):
            out.append((a, b, a // b, a % b))
    return out


def float_floordiv_mod():
    out = []
    for a in (-7.5, 7.5, -0.0, 0.0, 1e300):
        for b in (2.0, -2.0, 0.1):
            out.append((a // b, a % b))
    return out


def float_divmod_signs():
    return divmod(-1.0, 3.0), divmod(1.0, -3.0), divmod(-6.0, 3.0), divmod(6, -3.0), (-6.0) % 3.0


def int_float_compare():
    big = 2 ** 53
    return (
        big + 1 == float(big + 1),
        big + 1 > float(big),
        float(big) == big,
        10 ** 400 > 1e308,
        10 ** 400 < float("inf"),
        -(10 ** 400) < -1e308,
        1 == 1.0,
        (1, 2) == (1.0, 2.0),
        0.1 + 0.2 == 0.3,
        2 ** 63 == 9.223372036854776e18,
        2 ** 63 + 1 == 9.223372036854776e18,
    )


def nan_compare():
    n = float("nan")
    return (n == n, n != n, n < 1, n > 1, [n] == [n], [n] == [float("nan")],
            n in [n], (n,) == (n,), max(n, 1.0), max(1.0, n))


def huge_int_ops(n):
    x = 3 ** n
    return (x % (10 ** 9 + 7), (2 ** 100) // 3, -(2 ** 100) // 7, -(2 ** 100) % 7,
            pow(3, n, 101), pow(2, -1, 7), x.bit_length(), len(str(x)), abs(-x) == x)


def huge_true_division():
    return 10 ** 400 / 10 ** 399, (10 ** 30 + 1) / 10 ** 30, (2 ** 1100) / (2 ** 1098), 1 / 3


def int_to_float_overflow(n):
    return float(10 ** n)


def huge_true_division_overflow():
    return 10 ** 400 / 3


def int_pow_float_overflow():
    return 10.0 ** 400


def float_repr_table():
    vals = [0.1 + 0.2, 1e16, 1e15, 1e-5, 1e-4, 123456789012345678.0, 1e22, -0.0,
            float("inf"), -float("inf"), 1.0, 5e-324, 2.5, 1.7976931348623157e308,
            100.0, 0.30000000000000004, 1 / 3, 2 / 3, 1e100]
    return [repr(v) for v in vals], [str(v) for v in vals]


def round_half_even():
    return ([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 3.5, -2.5)],
            round(2.675, 2), round(0.125, 2), round(0.375, 2),
            round(12345, -2), round(12350, -2), round(12250, -2), round(-12350, -2),
            round(0.5, 0), round(-0.4), round(1.23456e10, -5), round(7, 1),
            type(round(2.5)), type(round(2.5, 0)), type(round(7, -1)))


def round_inf():
    return round(float("inf"))


def round_nan():
    return round(float("nan"))


def bool_arith():
    return (True + True, True * 3.5, -True, ~True, True // 2, True / 2, True % 2,
            type(True + True), type(True & True), type(True | 0), True ** 10, False ** 0,
            divmod(True, 2), abs(False), hash(True) == hash(1))


def bit_ops(n):
    return (-n >> 1, -n & 0xFF, ~0, 1 << 100, (-1) ^ n, n.bit_length(), (-n).bit_length(),
            (-n) >> 100, (1 << 100) >> 99, (2 ** 70) & (2 ** 70 - 1), (2 ** 70) | 1,
            bin(-n), oct(n), hex(-255), int.bit_count(255))


def negative_shift():
    return 1 << -1


def int_parsing():
    return (int("  -42 "), int("0x1f", 16), int("1_000"), int("z", 36), int("ff", 16),
            int("0b101", 0), int("0o17", 0), int(-3.9), int(3.9), int(True), int("+7"),
            int("٣"), float(" 1e3 "), float("-inf"), float("1_0.5"), float("  .5"))


def int_parse_error(s):
    return int(s)


def float_parse_error(s):
    return float(s)


def zero_division(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return 1 // 0
    if kind == 2:
        return 1 % 0
    if kind == 3:
        return 1.0 / 0
    if kind == 4:
        return 1.0 // 0.0
    if kind == 5:
        return divmod(1, 0)
    if kind == 6:
        return 0.0 ** -1
    return pow(5, -1, 10)


def pow_corners():
    return (0 ** 0, 0.0 ** 0, 2 ** -1, (-2) ** 2, (-2) ** -2, (-8) ** (1 / 3),
            pow(-1, 0.5), 2 ** 0.5, (-1) ** 100001, pow(2, 10, 1000), 10 ** -2)


def numeric_hash_keys():
    d = {1: "a", 1.0: "b", True: "c"}
    s = {1, 1.0, True, 2, 2.0}
    return d, sorted(s), type(list(d)[0]), {0: 1, False: 2, 0.0: 3, -0.0: 4}


def complex_ops():
    z = (1 + 2j) * (3 - 1j)
    return (z, abs(3 + 4j), repr(complex(1, -0.0)), (1 + 2j).conjugate(), z.real, z.imag,
            (1 + 1j) ** 2, (1 + 2j) / (3 + 4j), complex("1+2j"), repr(1j), repr(-1j),
            repr(complex(0, 0)), (2 + 0j) == 2, str(1e20j))


def complex_floordiv():
    return (1 + 2j) // 2


def float_methods():
    return ((0.5).as_integer_ratio(), (3.0).is_integer(), (3.5).is_integer(), (1.0).hex(),
            float.fromhex("0x1.8p1"), (-2.5).as_integer_ratio(), (10).as_integer_ratio(),
            (255).to_bytes(2, "big"), int.from_bytes(b"\xff\xfe", "little", signed=True),
            (-1).to_bytes(2, "big", signed=True))


def math_functions():
    return (math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fsum([0.1] * 10),
            sum([0.1] * 10), math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18, 27), math.lcm(4, 6, 10),
            math.comb(50, 25), math.perm(10, 3), math.factorial(30), math.isqrt(10 ** 20 + 1),
            math.copysign(1, -0.0), math.log(8, 2), math.log10(1000), math.hypot(3, 4),
            math.floor(1e300) == 10 ** 300, type(math.floor(2.0)), math.prod([1, 2, 3, 4]),
            math.dist((0, 0), (3, 4)), math.atan2(-0.0, -1.0), math.fmod(-7, 3), math.modf(-2.5),
            math.frexp(8.0), math.ldexp(0.5, 4), math.isfinite(1e308 * 10))


def math_domain(kind):
    if kind == 0:
        return math.sqrt(-1)
    if kind == 1:
        return math.log(0)
    if kind == 2:
        return math.factorial(-1)
    if kind == 3:
        return math.exp(1000)
    return math.comb(3, -1)


def int_str_limit():
    return len(str(10 ** 5000))


def int_str_big():
    return str(2 ** 1000)[:20], len(str(-(7 ** 2000))), repr(10 ** 100)[-5:]


# ---------------------------------------------------------------------------
# Strings and unicode
# ---------------------------------------------------------------------------

def unicode_case():
    return ("straße".upper(), "ǅ".lower(), "ǅ".upper(), "İ".lower(), len("İ".lower()),
            "ß".casefold(), "ﬁ".upper(), "ΌΣΟΣ".lower(), "Σ".lower(), "ǆungla".title(),
            "ÉCOLE".lower(), "ß".upper().lower(), "ǳ".capitalize(), "ﬀ".swapcase())


def title_capitalize():
    return ("they're bill's friends".title(), "hELLO wORLD".capitalize(), "hello world".swapcase(),
            "123abc def".title(), "a1b2 c3".title(), "  x".capitalize(), "élan vital".title())


def padding_methods():
    return ("ab".center(7, "*"), "ab".center(6, "*"), "abc".center(6), "x".ljust(4, "."),
            "x".rjust(4, "-"), "-42".zfill(6), "+5".zfill(4), "abc".zfill(2), "".zfill(3),
            "tab\there".expandtabs(4), "a\tbc\td".expandtabs())


def split_methods():
    s = "  a  b\tc\n d  "
    return (s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), "a,b,,c,".split(","),
            "a,b,,c".rsplit(",", 1), "l1\nl2\r\nl3\rl4".splitlines(), "x\ny\n".splitlines(True),
            "".split(), "".split(","), "a::b::c".partition("::"), "a::b::c".rpartition("::"),
            "abc".partition("z"), "abc".rpartition("z"), "abc".split("abc"))


def strip_and_prefix():
    return ("xxhixx".strip("x"), "  hi ".lstrip(), "www.example.com".strip("cmowz."),
            "prefix_body".removeprefix("prefix_"), "body.py".removesuffix(".py"),
            "body".removesuffix(""), "abcabc".startswith(("x", "bc"), 1), "abc".endswith("c", 0, 2))


def find_and_count():
    s = "abracadabra"
    return (s.find("abra"), s.rfind("abra"), s.find("abra", 1), s.find("z"), s.index("cad"),
            "aaaa".count("aa"), "aaaa".count(""), s.count("a", 3, 8), s.replace("a", "A", 2),
            "abc".replace("", "-"), s.rindex("a"), "".find(""), "abc".find("", 10))


def index_missing(s):
    return s.index("z")


def join_bad():
    return ",".join(["a", 1, "b"])


def char_classes():
    tests = ["²", "½", "٣", "12", "1.5", "", " ", "aB", "Ab Cd", "ǅ", "\t\n", "abc_1"]
    return [(t, t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(),
             t.isspace(), t.istitle(), t.isidentifier(), t.islower(), t.isupper()) for t in tests]


def unicode_len_and_order():
    s = "héllo wörld 🎉"
    e1 = "é"
    e2 = "e\u0301"
    return (len(s), s[::-1], ord("🎉"), chr(0x1F600), e1 == e2, len(e2), sorted("bÄaäB"),
            max("zé"), "🎉" > "z", s.encode("utf-8"), len(s.encode("utf-8")),
            "ünï".encode("latin-1"), b"\xc3\xa9".decode("utf-8"), ascii("é🎉"), repr("é\n\x00"))


def decode_error():
    return b"ab\xff".decode("utf-8")


def encode_error():
    return "é".encode("ascii")


def str_multiplication():
    return "ab" * 3, "ab" * 0, "ab" * -2, 3 * "x", [1, 2] * 2, (0,) * 3, [] * 5


def str_concat_error(n):
    return "count: " + n


def str_comparisons():
    return ("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "é" > "z",
            sorted(["b", "A", "a", "B", "á", "10", "9"]), "abc" == "abc", "a" * 3 == "aaa")


def format_specs(x):
    return [
        f"{x:.2f}", f"{x:10.3f}|", f"{x:<10.1f}|", f"{x:e}", f"{x:.3g}", f"{x:%}",
        f"{x:+.1f}", f"{-x:.0f}", f"{x * 1e6:,.2f}", f"{x * 1e6:_.1f}", f"{x!r}", f"{x}",
        f"{2.5:.0f}", f"{3.5:.0f}", f"{-0.0:.1f}", f"{1e20:g}", f"{1e-7}", f"{1 / 3:.3g}",
        f"{float('nan'):5}|", f"{float('inf'):+}", f"{0.000123:e}", f"{1e16:.1f}",
        f"{1234.5:010.2f}", f"{-1234.5:010.2f}", f"{12.0:g}", f"{0.0001:g}", f"{123456789.0:g}",
    ]


def format_int_specs(n):
    return [
        f"{n:,}", f"{n:08b}", f"{n:#x}", f"{n:#o}", f"{-n:+d}", f"{n:+d}", f"{n:X}",
        f"{n:_}", f"{n:>10}|", f"{n:<10}|", f"{n:^10}|", f"{n:*^11}", f"{n:=+10}",
        f"{n:e}", f"{n:.2f}", f"{n:c}" if n < 0x110000 else "", f"{True:d}", f"{True}",
        f"{n:#_b}", f"{n:{'>'}{12}}", f"{10 ** 20:,}", f"{-n:#x}", f"{n:05}", f"{n:n}",
    ]


def format_strings():
    w = 7
    return [f"{'ab':*^7}", f"{'ab':>{w}}", f"{'x'!r:>5}", f"{'abcdef':.3}", f"{'ab':<4}|",
            f"{'é':^5}|", f"{[1, 'a']}", f"{(1,)!s}", f"{None}", f"{'q'!a}", f"{3 + 4j}",
            f"{{literal}} {w}", f"{w=}", f"{w * 2 = }", f"{'nested ' + f'{w:03}'}"]


def format_errors(kind):
    if kind == 0:
        return f"{'abc':d}"
    if kind == 1:
        return f"{1.5:d}"
    if kind == 2:
        return "{} {}".format(1)
    return format(3, ",s")


def percent_formatting(x, n):
    return ["%5.2f|%-5d|%x|%r|%s" % (x, n, n, "q", "q"), "%(a)s-%(b)05d" % {"a": 1, "b": n},
            "%c%c" % (65, "b"), "100%% %s" % "done", "%e" % x, "%g" % (x * 1e10), "%+d" % n,
            "%.3s" % "abcdef", "%*d" % (5, n), "%o" % n, "%#x" % n, "%s" % (x,), "%r" % (1.0,),
            "%i" % 3.99, "%s %s" % (True, None), "%-6s|" % "ab", "%.0f %.0f" % (0.5, 1.5)]


def percent_errors(kind):
    if kind == 0:
        return "%d %d" % (1,)
    if kind == 1:
        return "%d" % "x"
    return "%s" % (1, 2)


def str_format_method():
    return ["{0}{1}{0}".format("a", "b"), "{:>6}".format("ab"), "{!r}".format("x"),
            "{0[1]}{0[0]}".format([1, 2]), "{d[k]}".format(d={"k": 5}), "{:,.2f}".format(1234567.891),
            "{a}-{b}".format(b=2, a=1), "{:^{w}}".format("m", w=5), "{0.real}".format(3 + 4j),
            "{:08.3f}".format(-3.14159), "{:#b}".format(5), format(12.5, ".1f"), format(255, "x"),
            "{}".format(1.0), str.format("{}{}", 1, 2)]


# ---------------------------------------------------------------------------
# Slicing
# ---------------------------------------------------------------------------

def slicing_lists(l):
    return (l[::-1], l[-2:1:-1], l[None:None:2], l[10:], l[-100:2], l[3:1], l[::-3],
            l[-1:-4:-1], l[1:-1:2], l[:-1], l[5:-100:-2], l[::len(l)], l[-1::-2], l[:0:-1])


def slicing_strings(s):
    return s[::-2], s[-3:], s[:-3], s[1:100], s[100:], s[::-1][::-1] == s, s[-1], s[0:1]


def slicing_ranges():
    r = range(10)
    r2 = range(10, 0, -3)
    return (r[::-3], r[2:-2:2], r[-1], r2[1:], list(r2[::-1]), r[::-1] == range(9, -1, -1),
            len(range(-5, 5, 3)), range(0) == range(5, 5), 5 in r2, 4 in r2, r.index(3),
            r2.count(7), repr(r[5:50]), range(1, 10, 2)[-1])


def slice_zero_step(l):
    return l[::0]


def slice_objects(l):
    s = slice(1, None, 2)
    t = slice(-3, None)
    return l[s], l[t], s.indices(10), slice(None, None, -1).indices(5), (s.start, s.stop, s.step), l[slice(2)]


def slice_assignment(n):
    l = list(range(n))
    l[1:3] = ["a", "b", "c"]
    l[-2:] = []
    l[::2] = [0] * len(l[::2])
    del l[1::3]
    l[len(l):] = [99]
    l[:0] = ["head"]
    return l


def slice_assignment_bad():
    l = [1, 2, 3, 4, 5]
    l[::2] = [0, 0]
    return l


def tuple_index_errors(kind):
    t = (1, 2, 3)
    if kind == 0:
        return t[3]
    if kind == 1:
        return "abc"[-4]
    if kind == 2:
        return [][0]
    if kind == 3:
        return t["x"]
    return range(3)[5]


# ---------------------------------------------------------------------------
# Sequence comparison and sorting
# ---------------------------------------------------------------------------

def sequence_compare():
    return ([1, 2] < [1, 2, 3], (1, "a") < (1, "b"), [1, 2] == (1, 2), (1, [2]) < (1, [3]),
            [[1, 2], [1]] < [[1, 2], [1, 0]], (2,) > (1, 99), () < (0,), [3] > [2, 99],
            [1, 2, 3] <= [1, 2, 3], (1, 2.0) == (1, 2), max([(1, "b"), (1, "a"), (0, "z")]))


def sequence_compare_error():
    return [1, "a"] < [1, 2]


def mixed_compare_error():
    return sorted([3, "a", 1])


def sort_stability(words):
    by_len = sorted(words, key=len)
    by_len_rev = sorted(words, key=len, reverse=True)
    multi = sorted(words, key=lambda w: (len(w), w.lower()))
    l = list(words)
    l.sort(key=str.lower)
    return by_len, by_len_rev, multi, l, sorted(words, reverse=True)


def sort_reverse_stability():
    data = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
    return (sorted(data, key=lambda t: t[0], reverse=True), sorted(data, key=operator.itemgetter(1)),
            sorted(data, key=lambda t: -t[0]), sorted(sorted(data, key=lambda t: t[1]), key=lambda t: t[0]))


def sort_mixed_numbers():
    return sorted([3, 1.5, True, -2, 0.0, False, 2 ** 70, -1e300]), sorted([0.0, -0.0, 0, False])


def sort_cmp_to_key():
    def cmp(a, b):
        if a % 3 != b % 3:
            return (a % 3) - (b % 3)
        return b - a
    return sorted(range(12), key=functools.cmp_to_key(cmp))


def min_max_key_default(xs):
    return (min(xs, key=abs), max(xs, key=abs), max([], default="none"), min((), default=None),
            max(xs, key=lambda v: v % 3), min(xs, key=lambda v: v % 3), max(3, 1, 4, key=lambda v: -v),
            max("apple", "fig", "kiwi", key=len), min("bca"), max([[1, 2], [1, 3], [0, 9]]),
            max(xs, default=0), min([2.0, 2, True + 1]), type(min([2.0, 2])))


def max_empty():
    return max([])


def min_empty_key():
    return min([], key=abs)


# ---------------------------------------------------------------------------
# Dicts, sets
# ---------------------------------------------------------------------------

def dict_order(pairs):
    d = {}
    for k, v in pairs:
        d[k] = v
    first = list(d)
    d["b"] = 100
    del d["a"]
    d["a"] = -1
    d.update({"z": 0, "b": 5})
    popped = d.popitem()
    d.setdefault("q", 9)
    d.setdefault("b", 1000)
    backwards = list(reversed(d))
    missing = d.get("missing", "dflt")
    q = d.pop("q")
    return first, d, popped, backwards, missing, q


def dict_views():
    d = {"a": 1, "b": 2, "c": 3}
    e = {"b": 20, "d": 4}
    return (sorted(d.keys() & e.keys()), sorted(d.keys() | e), sorted(d.keys() - e.keys()),
            sorted(d.items() - {("a", 1)}), d.keys() == {"a", "b", "c"}, list(d.values()),
            ("a", 1) in d.items(), 2 in d.values(), len(d.items()), d | e, e | d,
            dict.fromkeys("abc", 0), dict(zip("xy", (1, 2)), z=3), dict([("k", 1), ("k", 2)]))


def dict_merge_ops():
    d = {"a": 1, "b": 2}
    d |= {"c": 3, "a": 0}
    d |= [("z", 26)]
    return d, {**d, "b": -2, **{"y": 1}}, {1: "x", 1.0: "y"} == {1: "y"}, {"a": 1} == {"a": 1.0}


def dict_key_errors(kind):
    d = {"x": 1, (1, 2): 2}
    if kind == 0:
        return d["missing"]
    if kind == 1:
        return d[(3, 4)]
    if kind == 2:
        return d[[1, 2]]
    if kind == 3:
        return {}.popitem()
    return d[()]


def key_error_str():
    out = []
    for k in ("a", (1, 2), 3, (), None):
        try:
            {}[k]
        except KeyError as e:
            out.append((str(e), repr(e), e.args))
    return out


def dict_mutation_during_iteration():
    d = {i: i for i in range(5)}
    for k in d:
        if k == 2:
            d[10] = 10
    return d


def dict_comprehension_duplicates():
    d = {x % 3: x for x in range(10)}
    e = {k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]}
    return d, e, {c: i for i, c in enumerate("hello")}


def set_operations():
    a = {1, 2, 3, 4}
    b = frozenset({3, 4, 5})
    return (a | b, a & b, a - b, a ^ b, b | a, b - a, type(a | b), type(b | a), type(b & a),
            a <= a, a < a, {1, 2} < a, a.isdisjoint({9}), a.issuperset([1, 2]), b.union([7], (8,)),
            a.intersection(b, {4}), a.symmetric_difference([1, 99]), frozenset() == set(),
            {frozenset({1, 2}): "x"}[frozenset({2, 1})], a == {4, 3, 2, 1}, len(a | b))


def set_mutation_local():
    s = set()
    s.add(3)
    s.update([1, 2], (9,))
    s.discard(100)
    s.remove(9)
    s |= {7}
    s &= {1, 2, 3, 7, 8}
    s -= {2}
    s ^= {8, 1}
    return s, sorted(s)


def set_remove_missing():
    s = {1, 2}
    s.remove(5)
    return s


def set_unhashable():
    return {[1, 2]}


def set_iteration_small_ints():
    # CPython iterates small-int sets in a deterministic (hash) order.
    return list({3, 1, 2, 100, 33, 8}), list({5, 4, 3, 2, 1})


def nested_structures(rows):
    index = {}
    for name, dept, sal in rows:
        index[dept] = index.get(dept, []) + [(name, sal)]
    summary = {dept: {"n": len(v), "total": sum(s for _, s in v), "names": sorted(n for n, _ in v)}
               for dept, v in index.items()}
    return index, summary, [[dept, summary[dept]["total"]] for dept in sorted(summary)]


def nested_setdefault_append(rows):
    index = {}
    for name, dept in rows:
        index.setdefault(dept, []).append(name)
    return index


def list_multiplication_aliasing():
    l = [[0] * 2] * 2
    l[0][0] = 1
    return l


def tuple_of_lists_compare():
    a = ([1], [2, 3])
    b = ([1], [2, 3])
    return a == b, a is b, a[0] == b[0], hash((1, (2, 3))) == hash((1, (2, 3)))


# ---------------------------------------------------------------------------
# Closures and defaults
# ---------------------------------------------------------------------------

def late_binding(n):
    fs = [lambda: i for i in range(n)]
    gs = [lambda i=i: i for i in range(n)]
    hs = []
    for j in range(n):
        def h(k=j * 10):
            return k + j
        hs.append(h)
    return [f() for f in fs], [g() for g in gs], [h() for h in hs]


def closure_sees_rebinding():
    x = 1
    f = lambda: x
    a = f()
    x = 2
    return a, f()


def default_evaluated_once():
    y = 1

    def g(a=y):
        return a
    y = 2
    return g(), g(5), y


def closure_counter_factory(start):
    def make(step):
        def at(k):
            return start + step * k
        return at
    fs = [make(s) for s in (1, 10, 100)]
    return [f(3) for f in fs], make(2)(make(3)(1))


def three_level_closure(a):
    def f(b):
        def g(c):
            def h(d):
                return a * 1000 + b * 100 + c * 10 + d
            return h
        return g
    return f(1)(2)(3), [f(x)(x)(x) for x in range(3)]


def argument_errors(kind):
    def f(a, b, *, c=0):
        return a + b + c
    if kind == 0:
        return f(1)
    if kind == 1:
        return f(1, 2, 3)
    if kind == 2:
        return f(1, a=2)
    if kind == 3:
        return f(1, 2, z=3)
    if kind == 4:
        return f(1, 2, c=1, **{"c": 2})
    return f()


def varargs_shapes(*args, **kwargs):
    def g(a, b=2, *rest, c, d=4, **kw):
        return a, b, rest, c, d, kw
    return (g(1, c=3), g(*args, c=0, **kwargs), g(1, 2, 3, 4, c=5, e=6),
            (lambda *a, **k: (a, k))(*args, **kwargs), args, kwargs)


def positional_only():
    def f(a, b, /, c):
        return a, b, c
    return f(1, 2, 3), f(1, 2, c=3)


def positional_only_error():
    def f(a, /):
        return a
    return f(a=1)


def recursive_lambda_via_default(n):
    fact = lambda k, self=None: 1 if k <= 1 else k * self(k - 1, self)
    return fact(n, fact)


# ---------------------------------------------------------------------------
# Recursion returning new values
# ---------------------------------------------------------------------------

def fib_memo(n):
    def go(k, memo):
        if k in memo:
            return memo[k], memo
        if k < 2:
            return k, {**memo, k: k}
        a, memo = go(k - 1, memo)
        b, memo = go(k - 2, memo)
        return a + b, {**memo, k: a + b}
    value, table = go(n, {})
    return value, len(table)


def flatten(x):
    if isinstance(x, (list, tuple)):
        out = []
        for y in x:
            out = out + flatten(y)
        return out
    return [x]


def permutations_rec(xs):
    if len(xs) <= 1:
        return [list(xs)]
    out = []
    for i in range(len(xs)):
        for p in permutations_rec(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out


def hanoi(n, a="A", b="B", c="C"):
    if n == 0:
        return []
    return hanoi(n - 1, a, c, b) + [(a, c)] + hanoi(n - 1, b, a, c)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def mutual_recursion(n):
    return [is_even(k) for k in range(5)], is_odd(n)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def deep_recursion(n):
    def down(k):
        return 0 if k == 0 else 1 + down(k - 1)
    return down(n)


def tree_build(depth):
    def build(d):
        if d == 0:
            return None
        return {"l": build(d - 1), "r": build(d - 1), "d": d}

    def count(t):
        return 0 if t is None else 1 + count(t["l"]) + count(t["r"])
    t = build(depth)
    return count(t), t["l"]["r"]["d"]


# ---------------------------------------------------------------------------
# Generators
# ---------------------------------------------------------------------------

def running_total():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total


def generator_send_protocol(values):
    g = running_total()
    out = [next(g)]
    for v in values:
        out.append(g.send(v))
    try:
        g.send(None)
    except StopIteration as e:
        out.append(("stop", e.value))
    return out


def send_to_fresh_generator():
    g = running_total()
    return g.send(5)


def closing_gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


def generator_close():
    g = closing_gen()
    a = next(g)
    g.close()
    g.close()
    try:
        next(g)
    except StopIteration:
        return a, "exhausted"
    return a, "not exhausted"


def catching_gen():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"


def generator_throw():
    g = catching_gen()
    out = [next(g), g.throw(ValueError("boom")), next(g)]
    try:
        g.throw(KeyError("k"))
    except KeyError as e:
        out.append(("propagated", repr(e)))
    return out


def generator_exit_swallowed_bad():
    def g():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    it = g()
    next(it)
    it.close()
    return "unreachable"


def inner_gen(n):
    for i in range(n):
        received = yield i
        if received:
            print("inner got", received)
    return "inner-done-%d" % n


def outer_gen():
    r1 = yield from inner_gen(2)
    r2 = yield from inner_gen(1)
    yield (r1, r2)
    return "outer"


def yield_from_values():
    g = outer_gen()
    out = [next(g), g.send("hey"), next(g), next(g)]
    try:
        next(g)
    except StopIteration as e:
        out.append(e.value)
    return out


def pep479(n):
    def g():
        it = iter(range(n))
        while True:
            yield next(it)
    return list(g())


def pep479_explicit():
    def g():
        yield 1
        raise StopIteration("inside")
    try:
        return list(g())
    except RuntimeError as e:
        return str(e), type(e.__cause__).__name__, str(e.__cause__)


def generator_state():
    def g():
        x = yield 1
        print("got", x)
        yield x * 2
    it = g()
    first = next(it)
    second = it.send(21)
    rest = list(it)
    return first, second, rest, list(it), next(it, "default")


def genexp_first_iterable_eager():
    try:
        g = (x for x in 1 / 0)
    except ZeroDivisionError:
        return "eager"
    return "lazy"


def genexp_later_lazy():
    g = (x / y for x in [1] for y in [0])
    try:
        next(g)
    except ZeroDivisionError:
        return "raised at next"
    return "no error"


def generator_return_in_try(n):
    def g():
        try:
            for i in range(n):
                yield i
                if i == 1:
                    return "early"
        finally:
            print("cleanup")
    it = g()
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration as e:
            out.append(e.value)
            break
    return out


def infinite_generators():
    def naturals():
        k = 0
        while True:
            yield k
            k += 1
    evens = (x for x in naturals() if x % 2 == 0)
    return (list(itertools.islice(evens, 5)), list(itertools.takewhile(lambda v: v < 4, naturals())),
            list(itertools.islice(itertools.count(10, 5), 3)), list(zip("ab", naturals())),
            next(x for x in naturals() if x * x > 50))


def generator_is_iterator():
    def g():
        yield from range(3)
    it = g()
    return iter(it) is it, list(zip(it, it)), list(it)


def generator_running_twice_listed():
    def g():
        yield 1
        yield 2
    it = g()
    return list(it), list(it), sum(g()), sorted(g(), reverse=True)


# ---------------------------------------------------------------------------
# Classes
# ---------------------------------------------------------------------------

class Base:
    kind = "base"
    count = 0

    def __init__(self, v):
        self.v = v

    def describe(self):
        return f"{self.kind}:{self.v}"

    def chain(self):
        return ["Base"]

    @classmethod
    def make(cls, text):
        return cls(int(text))

    @staticmethod
    def helper(x):
        return x * 2


class Mid(Base):
    kind = "mid"

    def __init__(self, v, w=0):
        super().__init__(v)
        self.w = w

    def chain(self):
        return ["Mid"] + super().chain()


class Leaf(Mid):
    def __init__(self, v):
        super().__init__(v, w=v * 2)
        self.kind = "leaf-instance"

    def chain(self):
        return ["Leaf"] + super().chain()

    def describe(self):
        return "<" + super().describe() + ">"


def inheritance_chain(v):
    objs = [Base(v), Mid(v, 1), Leaf(v), Leaf.make("7"), Mid.make("3")]
    return ([o.describe() for o in objs], [o.chain() for o in objs], [type(o).__name__ for o in objs],
            Leaf.kind, objs[2].kind, Base.helper(4), objs[2].helper(5), Leaf.count,
            [isinstance(o, Mid) for o in objs], issubclass(Leaf, (int, Base)), Leaf.__mro__[1].__name__,
            [c.__name__ for c in Leaf.__mro__], Leaf.__bases__[0] is Mid, type(objs[3]) is Leaf)


class DA:
    def __init__(self):
        print("DA init")
        self.trail = ["A"]

    def who(self):
        return ["A"]


class DB(DA):
    def __init__(self):
        print("DB init")
        super().__init__()
        self.b = 1

    def who(self):
        return ["B"] + super().who()


class DC(DA):
    def __init__(self):
        print("DC init")
        super().__init__()
        self.c = 2

    def who(self):
        return ["C"] + super().who()


class DD(DB, DC):
    def __init__(self):
        print("DD init")
        super().__init__()

    def who(self):
        return ["D"] + super().who()


def diamond():
    d = DD()
    return d.who(), [k.__name__ for k in DD.__mro__], d.trail, d.b, d.c, vars(d)


def diamond_instance():
    return DD()


class Vec:
    def __init__(self, *xs):
        self.xs = tuple(xs)

    def __repr__(self):
        return "Vec" + repr(self.xs)

    def __str__(self):
        return "<" + ", ".join(str(x) for x in self.xs) + ">"

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __hash__(self):
        return hash(self.xs)

    def __lt__(self, other):
        return self.norm() < other.norm()

    def norm(self):
        return sum(x * x for x in self.xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vec(*self.xs[i])
        return self.xs[i]

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*(a + b for a, b in zip(self.xs, other.xs)))
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        return Vec(*(k * x for x in self.xs))

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __bool__(self):
        return any(self.xs)

    def __contains__(self, x):
        return x in self.xs


def vec_protocols():
    a = Vec(1, 2)
    b = Vec(3, -1)
    z = Vec(0, 0)
    vs = [Vec(3, 4), Vec(1, 1), Vec(0, 2), Vec(2, 0)]
    return (repr(a + b), str(a), f"{a}", f"{a!r}", [str(v) for v in vs], repr(vs), sorted(vs),
            max(vs), min(vs), sum(vs), 3 * a, a * 3, -a, bool(z), bool(a), len(a), a[1], a[::-1],
            2 in a, 5 in a, {a: "a", Vec(1, 2): "again"}, a == Vec(1, 2), a != b, a in vs,
            list(a), [x for x in b], "yes" if z else "no", a.__class__.__name__, Vec(5, 5) > Vec(1, 1))


def vec_add_error():
    return Vec(1) + 1


def vec_reflected_error():
    return "s" + Vec(1)


class EqOnly:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.k == other.k


def eq_without_hash():
    return EqOnly(1) == EqOnly(1), EqOnly.__hash__ is None, hash(EqOnly(1))


class NoEq:
    def __init__(self, k):
        self.k = k


def default_identity_eq():
    a = NoEq(1)
    b = NoEq(1)
    return a == b, a == a, a != b, a in [b], a in [a], len({a, b, a}), a is a, [a] == [a]


def compare_unsupported():
    return NoEq(1) < NoEq(2)


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class SeqOld:
    """Iteration and membership through __getitem__ alone."""

    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        k = self.n
        while k > 0:
            yield k
            k -= 1


def container_protocols():
    return (bool(Sized(0)), bool(Sized(3)), len(Sized(4)), list(SeqOld(4)), 9 in SeqOld(5),
            10 in SeqOld(5), list(Countdown(3)), 2 in Countdown(3), sorted(Countdown(4)),
            sum(Countdown(4)), max(SeqOld(4)), list(enumerate(Countdown(2))), [*Countdown(2), *SeqOld(2)],
            tuple(reversed(list(Countdown(3)))), "ok" if Sized(0) else "empty")


def negative_len():
    return len(Sized(-1))


def not_iterable():
    return list(Sized(3))


class Temperature:
    scale = "C"

    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @property
    def c(self):
        return self._c

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    def __repr__(self):
        return f"Temperature({self._c:.1f}{self.scale})"


class Kelvin(Temperature):
    scale = "K"


def properties_and_classmethods():
    t = Temperature(100)
    k = Kelvin.from_f(212)
    return t.f, t.c, repr(Temperature.from_f(32)), repr(k), type(k).__name__, k.scale, Temperature.scale


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents

    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    __hash__ = None


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


def ordering_protocols():
    ms = [Money(250), Money(99), Money(1000)]
    vs = [Version("1.10"), Version("1.2"), Version("1.2.1")]
    return (repr(sorted(ms)), max(ms), Money(5) > Money(3), Money(3) <= Money(5) if False else None,
            Money(1) == 1, Money(1) != 1, repr(sorted(vs)), Version("2.0") >= Version("1.9"),
            Version("1.0") <= Version("1.0"), max(vs))


def money_ge_missing():
    return Money(5) >= Money(5)


def money_unhashable():
    return {Money(1)}


class Callable3:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, *rest):
        return self.k * x + sum(rest)


class Dyn:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("x"):
            return len(name)
        raise AttributeError(f"Dyn has no {name}")


def call_and_getattr():
    c = Callable3(3)
    d = Dyn()
    return (c(2), c(1, 10, 100), list(map(c, [1, 2])), callable(c), callable(d), d.real, d.xyz,
            getattr(d, "xx"), hasattr(d, "nope"), getattr(d, "nope", "fallback"))


def attribute_error_message():
    return Base(1).missing


def dyn_attribute_error():
    return Dyn().other


class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")

    def __str__(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


def polymorphism():
    shapes = [Square(2), Circle(1), Square(1.5)]
    return [str(s) for s in shapes], sorted(shapes, key=lambda s: s.area())[0].__class__.__name__


def abstract_call():
    return str(Shape())


class Registry:
    names = ("a", "b")

    def __init__(self, extra):
        self.names = Registry.names + (extra,)

    def all(self):
        return self.names, type(self).names, Registry.names


def class_vs_instance_attrs():
    r = Registry("c")
    return r.all(), Registry.names, vars(r), "names" in vars(Registry)


def isinstance_tuples(values):
    out = []
    for v in values:
        out.append((isinstance(v, (int, float)), isinstance(v, (str, (bytes, list)))
                    , type(v) is int, type(v) == bool, isinstance(v, bool), type(v).__name__))
    return out, issubclass(bool, int), isinstance(True, int), type(True) is int, isinstance(1, type)


def type_objects():
    return (type(1) is int, type(1.0) is float, type(None).__name__, type([]) == list,
            type(range(3)).__name__, int("5") + type(3)("6"), str(int), repr(float), list.__name__,
            type(len).__name__ if False else "builtin", type(type(1)) is type, type(Base(1)) is Base)


# ---------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(404, f"{what} not found")
        self.what = what


class Invalid(AppError):
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"


def raise_app(kind):
    if kind == 0:
        raise NotFound("page")
    if kind == 1:
        raise Invalid(422, "bad input")
    if kind == 2:
        raise AppError(500, "oops")
    return "fine"


def custom_exception_hierarchy():
    out = []
    for k in range(4):
        try:
            out.append(raise_app(k))
        except NotFound as e:
            out.append(("NotFound", e.code, e.what, str(e), e.args))
        except AppError as e:
            out.append((type(e).__name__, e.code, str(e), repr(e), e.args, isinstance(e, Exception)))
    return out


def uncaught_custom(kind):
    return raise_app(kind)


def try_ordering(mode):
    print("start", mode)
    try:
        print("body")
        if mode == 1:
            raise ValueError("v")
        if mode == 2:
            raise KeyError("k")
        if mode == 3:
            return "returned from body"
    except ValueError as e:
        print("except", e)
        return "from except"
    else:
        print("else")
    finally:
        print("finally")
    print("after")
    return "end"


def finally_in_loops():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(-i)
    return out


def finally_return_swallows():
    def f():
        try:
            raise ValueError("lost")
        finally:
            return "finally wins"
    return f()


def exception_chaining(kind):
    try:
        try:
            {}["key"]
        except KeyError as e:
            if kind == 0:
                raise ValueError("explicit") from e
            if kind == 1:
                raise ValueError("implicit")
            if kind == 2:
                raise ValueError("suppressed") from None
            raise
    except Exception as outer:
        return (type(outer).__name__, str(outer), type(outer.__cause__).__name__,
                type(outer.__context__).__name__, outer.__suppress_context__,
                outer.__cause__ is outer.__context__)


def uncaught_chained():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise AppError(1, "wrapped") from e


def reraise_variants(kind):
    try:
        try:
            raise NotFound("x")
        except AppError as e:
            if kind == 0:
                raise
            if kind == 1:
                raise e
            raise RuntimeError("replaced")
    except Exception as e2:
        return type(e2).__name__, str(e2), type(e2.__context__).__name__


def exception_var_cleared(flag):
    e = "before"
    try:
        if flag:
            raise ValueError("x")
    except ValueError as e:
        pass
    return e


def raise_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        return type(e).__name__, str(e), type(e.__context__).__name__, str(e.__context__)


def raise_non_exception(kind):
    if kind == 0:
        raise 5
    if kind == 1:
        raise ValueError
    raise TypeError("a", 2)


def exception_args_str():
    return (str(ValueError()), str(ValueError(1, 2)), str(ValueError("x")), repr(ValueError("x", 1)),
            str(KeyError("k")), str(IndexError()), ValueError("a").args, repr(AppError(1, "m")),
            str(NotFound("z")), Exception("m") == Exception("m"))


def builtin_error_messages(kind):
    vals = [1, "a", None, [1], (2,), {"k": 1}, 1.5]
    if kind == 0:
        return vals[0] + vals[1]
    if kind == 1:
        return vals[1] + vals[0]
    if kind == 2:
        return len(vals[0])
    if kind == 3:
        return vals[2]()
    if kind == 4:
        return vals[3] - vals[4]
    if kind == 5:
        return vals[1] * vals[6]
    if kind == 6:
        return -vals[1]
    if kind == 7:
        return vals[4] + vals[3]
    if kind == 8:
        return vals[2].attr
    if kind == 9:
        return vals[0][0]
    if kind == 10:
        return iter(vals[0])
    if kind == 11:
        a, b = vals[4]
        return a
    if kind == 12:
        a, = vals
        return a
    if kind == 13:
        return vals[5]["k"]["x"]
    if kind == 14:
        return hash(vals[3])
    return vals[1].nope()


def unbound_local(flag):
    if flag:
        x = 1
    return x


def exception_group_star():
    out = []
    try:
        raise ExceptionGroup("grp", [ValueError("a"), TypeError("b"), ValueError("c")])
    except* ValueError as eg:
        out.append(("V", [str(e) for e in eg.exceptions]))
    except* TypeError as eg:
        out.append(("T", [str(e) for e in eg.exceptions]))
    return out


def assert_messages(x):
    assert x > 0, f"x must be positive, got {x}"
    assert x < 10
    return x


def exceptions_in_comprehension():
    def safe(v):
        try:
            return 10 // v
        except ZeroDivisionError:
            return None
    return [safe(v) for v in (5, 0, -3)]


# ---------------------------------------------------------------------------
# functools, itertools, operator
# ---------------------------------------------------------------------------

def reduce_and_partial():
    add3 = functools.partial(lambda a, b, c: a * 100 + b * 10 + c, 1)
    add3b = functools.partial(add3, c=9)
    kw = functools.partial(int, base=2)
    return (functools.reduce(operator.mul, range(1, 8)), functools.reduce(lambda a, b: a + [b], "abc", []),
            functools.reduce(max, [3, 9, 2]), functools.reduce(operator.add, [], 0), add3(2, 3),
            add3b(4), kw("1011"), add3b.args, sorted(add3b.keywords.items()),
            functools.reduce(lambda acc, x: {**acc, x: acc.get(x, 0) + 1}, "banana", {}))


def reduce_empty():
    return functools.reduce(operator.add, [])


def itertools_mix():
    data = [1, 1, 2, 3, 3, 3, 1]
    words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
    return (list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)),
            list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)),
            [(k, len(list(g))) for k, g in itertools.groupby(data)],
            [(k, list(g)) for k, g in itertools.groupby(words, key=lambda w: w[0])],
            list(itertools.product("ab", range(2))), len(list(itertools.product([0, 1], repeat=4))),
            list(itertools.permutations("abc", 2)), list(itertools.combinations(range(4), 3)),
            list(itertools.combinations_with_replacement("ab", 2)), list(itertools.chain("ab", [1], ())),
            list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.starmap(pow, [(2, 3), (3, 2)])),
            list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.compress("abcd", [1, 0, 1, 0])),
            list(itertools.dropwhile(lambda x: x < 3, [1, 4, 2])), list(itertools.filterfalse(None, [0, 1, "", "a"])),
            list(itertools.islice(itertools.cycle("xy"), 5)), list(itertools.repeat(7, 3)),
            list(itertools.pairwise([1, 2, 4, 7])), [list(t) for t in itertools.tee([1, 2], 2)])


def groupby_invalidated():
    groups = itertools.groupby("aabbbc")
    pairs = list(groups)
    return [(k, list(g)) for k, g in pairs]


def operator_tools():
    rows = [("b", 2, {"x": 1}), ("a", 3, {"x": 0}), ("c", 1, {"x": 5})]
    get02 = operator.itemgetter(0, 2)
    return (sorted(rows, key=operator.itemgetter(1)), [get02(r)[0] for r in rows],
            operator.itemgetter(slice(1, None))("hello"), operator.attrgetter("real", "imag")(3 + 4j),
            operator.methodcaller("split", ",")("a,b"), operator.methodcaller("rjust", 4, "0")("7"),
            list(map(operator.neg, [1, -2])), operator.truediv(7, 2), operator.floordiv(-7, 2),
            operator.contains([1, 2], 2), operator.is_(None, None), operator.not_(0), operator.index(5),
            list(map(operator.add, [1, 2], [10, 20])), operator.concat("a", "b"), operator.pow(2, 10),
            operator.getitem({"k": 3}, "k"), operator.lt(1, 2), operator.mod(-5, 3), operator.xor(6, 3))


def map_filter_zip():
    return (list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(None, [0, 1, "", "x", [], [0]])),
            list(filter(lambda c: c.isupper(), "aBcD")), list(zip()), list(zip([1, 2, 3], "ab")),
            list(zip(*[(1, "a"), (2, "b")])), dict(enumerate("xyz", start=10)), list(reversed(range(3))),
            list(reversed((1, 2, 3))), list(reversed({"a": 1, "b": 2})), list(enumerate([])))


def zip_strict():
    return list(zip([1, 2, 3], "ab", strict=True))


def lru_cached_call(n):
    return cached_fib(n)


@functools.lru_cache(maxsize=None)
def cached_fib(n):
    return n if n < 2 else cached_fib(n - 1) + cached_fib(n - 2)


# ---------------------------------------------------------------------------
# Identity
# ---------------------------------------------------------------------------

def identity_checks():
    a = 256
    b = 255 + 1
    c = -5
    d = -4 - 1
    x = [1]
    y = x
    t = ()
    return (a is b, c is d, None is None, [] is [], x is y, x is [1], True is (1 == 1),
            t is tuple(), type(a) is int, (x is not y), (a is not None), Ellipsis is ..., NotImplemented is NotImplemented)


# ---------------------------------------------------------------------------
# bytes / bytearray
# ---------------------------------------------------------------------------

def bytes_ops():
    b = b"hello\x00\xff"
    return (b[0], b[1:3], b[-1], list(b[:2]), b.upper(), b.split(b"l"), b.hex(), bytes.fromhex("de ad"),
            b"%d-%s" % (5, b"x"), bytes(3), bytes([65, 66]), b"ab" + b"cd", b"ab" * 2, b"b" in b"abc",
            98 in b"abc", repr(b"\n\t'\""), b.find(b"l"), b"a,b".decode(), str(b"x"), len(b),
            b.startswith(b"he"), b"  x ".strip(), b"abc" < b"abd", sorted(b"cab"), b.count(b"l"),
            b"x".join([b"1", b"2"]), bytes(range(5)), b"AbC".lower(), b"\xe2\x82\xac".decode("utf-8"))


def bytearray_local():
    ba = bytearray(b"abc")
    ba.append(100)
    ba[0] = 65
    ba.extend(b"xy")
    ba += b"z"
    del ba[1]
    ba[1:3] = b"QQQ"
    ba.insert(0, 48)
    popped = ba.pop()
    ba.reverse()
    return bytes(ba), ba, popped, len(ba), ba.hex(), ba == b"".join([bytes(ba)]), type(ba + b"!").__name__


def bytearray_bad_value():
    ba = bytearray(2)
    ba[0] = 256
    return ba


def bytes_str_concat():
    return b"a" + "b"


def bytes_immutable():
    b = b"abc"
    b[0] = 1
    return b


# ---------------------------------------------------------------------------
# Comprehensions
# ---------------------------------------------------------------------------

def multi_comprehension(n):
    return ([(x, y) for x in range(n) if x % 2 for y in range(x) if y != 1],
            [[i * j for j in range(1, n)] for i in range(1, n)],
            [c for w in ["ab", "", "cde"] for c in w if c != "d"],
            list(zip(*[[1, 2, 3], [4, 5, 6]])),
            {x: [y for y in range(x)] for x in range(n) if x},
            {x % 4 for x in range(n * 3)},
            {(a, b) for a in range(2) for b in range(2) if a <= b},
            sum(x * y for x in range(n) for y in range(x)))


def comprehension_scoping():
    x = "outer"
    squares = [x * x for x in range(4)]
    last = None
    vals = [last := v for v in range(5)]
    y = 10
    adds = [y + k for k in range(3)]
    return x, squares, last, vals, adds


def comprehension_closures():
    fs = [lambda: k for k in range(3)]
    gs = [(lambda m: lambda: m)(k) for k in range(3)]
    return [f() for f in fs], [g() for g in gs]


def nested_comprehension_shadow():
    return [[x for x in range(x)] for x in range(4)]


def comprehension_on_dict_and_string():
    d = {"b": 2, "a": 1, "c": 3}
    return ([k for k in d], [v for _, v in sorted(d.items())], {v: k for k, v in d.items()},
            [c.upper() for c in "héllo" if c not in "aeiou"], [(i, c) for i, c in enumerate("ab")])


def big_comprehension_sum(n):
    return sum(x * x for x in range(n)), sum([x % 7 for x in range(n)]), len([x for x in range(n) if x % 3 == 0])


# ---------------------------------------------------------------------------
# Builtins, short-circuit, printing
# ---------------------------------------------------------------------------

def noisy(xs, tag):
    for x in xs:
        print(tag, "sees", x)
        yield x


def any_all_short_circuit():
    a = any(noisy([0, 0, 3, 4], "any"))
    b = all(noisy([1, 2, 0, 5], "all"))
    c = any(noisy([], "empty"))
    d = all(noisy([], "empty"))
    e = next(filter(None, noisy([0, "", "x", "y"], "filter")))
    return a, b, c, d, e


def shout(v, tag):
    print("eval", tag)
    return v


def boolean_operators():
    r1 = shout(0, "a") or shout("", "b") or shout([], "c")
    r2 = shout(1, "d") and shout(2, "e") and shout(0, "f") and shout(3, "g")
    r3 = shout(None, "h") or shout("fallback", "i")
    r4 = not shout([], "j")
    r5 = shout(1, "k") < shout(2, "l") < shout(0, "m") < shout(9, "n")
    return r1, r2, r3, r4, r5


def print_forms():
    print(1, "a", None, 2.5, sep="-", end="!\n")
    print()
    print(*[1, 2, 3])
    print("no newline", end="")
    print(" continued")
    print("a", "b", sep="")
    print([1, "x", 2.0, None, (1,)], {"k": "v"}, {1.5})
    print(1e16, 1e-5, -0.0, 10 ** 20, 3 + 0j, True)
    print("multi\nline", "tab\there", sep="|")
    print(*"abc", sep=", ", end=".\n")
    print(b"bytes", bytearray(b"ba"), range(3), frozenset())
    print("%s and %r" % ("s", "r"), f"{'f':>3}")
    print(Vec(1, 2), [Vec(3)])
    print(sep="+", end="<end>\n")
    return None


def print_in_generator_order():
    def g():
        for i in range(3):
            print("yielding", i)
            yield i
            print("resumed", i)
    out = []
    for v in g():
        print("consumer got", v)
        out.append(v)
    return out


def builtins_misc():
    return (abs(-3), abs(-2.5), divmod(-7, 2), pow(2, 100), sum([[1], [2]], []), sum(range(5), 10),
            sum([0.5, 0.25]), len(range(0, 100, 7)), list(range(5, 0, -2)), sorted("hello"),
            chr(97), ord("a"), bin(10), hex(255), oct(8), bool([]), bool([0]), str(None), repr("q'"),
            int(" 12 "), float("3"), list("ab"), tuple([1]), set("aab") == {"a", "b"}, dict(a=1),
            all([]), any([]), round(3.14159, 3), hash("a") == hash("a"), callable(len), format(0.5, "%"),
            iter([1, 2]).__next__(), next(iter([]), "dflt"), isinstance(map(str, []), object))


def sum_strings_error():
    return sum(["a", "b"], "")


def next_on_list():
    return next([1, 2])


def enumerate_zip_unpacking():
    pairs = list(zip("abc", range(3)))
    out = []
    for i, (ch, n) in enumerate(pairs, 1):
        out.append(f"{i}:{ch}{n}")
    (a, *mid, z) = range(6)
    first, *_ = "xyz"
    [p, q], r = (1, 2), 3
    return out, a, mid, z, first, p, q, r


def unpack_errors(kind):
    if kind == 0:
        a, b = [1, 2, 3]
        return a
    if kind == 1:
        a, b, c = (1, 2)
        return a
    a, *b, c = [1]
    return b


def match_statement(values):
    out = []
    for v in values:
        match v:
            case 0 | 1:
                out.append("small")
            case int(n) if n < 0:
                out.append(f"neg {n}")
            case [x, y, *rest]:
                out.append(f"seq {x} {y} {len(rest)}")
            case {"type": "pt", "x": x, **others}:
                out.append(f"pt {x} {sorted(others)}")
            case Vec(xs=(a, b)):
                out.append(f"vec {a} {b}")
            case str() as s:
                out.append("str " + s)
            case float(f):
                out.append(f"float {f}")
            case _:
                out.append("other")
    return out


def while_else_and_loops(n):
    out = []
    i = 0
    while i < n:
        i += 1
        if i == 100:
            break
    else:
        out.append("while-else")
    for j in range(3):
        for k in range(3):
            if k == j:
                break
        else:
            out.append(("inner-else", j))
    for _ in []:
        pass
    else:
        out.append("empty-for-else")
    return out, i


def augmented_assignments():
    x = 7
    x //= -2
    y = 5.5
    y %= -2
    s = "ab"
    s *= 2
    t = (1,)
    t += (2,)
    l = [1]
    l += "xy"
    l *= 2
    n = 1
    n <<= 70
    n >>= 68
    m = 0b1100
    m ^= 0b1010
    m |= 1
    m &= ~2
    p = 2
    p **= 0.5
    return x, y, s, t, l, n, m, p


def augmented_tuple_alias():
    a = (1, 2)
    b = a
    a += (3,)
    return a, b


def str_iteration_and_conversion():
    return (list(map(int, "123")), "".join(reversed("abc")), str(123)[::-1], int(str(-45)[::-1][:-1]),
            [ord(c) - ord("a") for c in "hey"], "".join(chr(ord(c) + 1) for c in "HAL"),
            str(3.0), str(-1e-10), str(10 ** 16 * 1.0), str(True), repr(None), str([1.0, "a"]),
            "a" in "abc", "" in "abc", "ac" in "abc")


def conditional_import_free_math(x):
    return [math.sqrt(x), math.pi * x, math.e ** 2, math.tau / 2 == math.pi, math.nan != math.nan,
            math.inf > 10 ** 1000, math.exp(math.log(x)), math.sin(0.0), math.degrees(math.pi)]



# ---------------------------------------------------------------------------
# Evaluation order around calls (statement form must keep Python's order)
# ---------------------------------------------------------------------------

def unbound_operand_before_call(flag):
    if flag:
        x = 1
    return x + shout(2, "right operand")


def method_lookup_before_args():
    s = "abc"
    return s.nosuch(shout(1, "argument"))


class Loud:
    def __init__(self, tag):
        self.tag = tag

    def __str__(self):
        print("str of", self.tag)
        return self.tag

    def __format__(self, spec):
        print("format of", self.tag, repr(spec))
        return self.tag.upper()

    def __getattr__(self, name):
        print("getattr", name)
        return lambda *a: (name, a)


def fstring_format_order():
    a = Loud("a")
    return f"{a}-{shout('x', 'middle')}-{a!s}-{shout('y', 'last')}"


def fstring_format_error_order():
    return f"{'abc':d}{shout(1, 'after bad format')}"


def getattr_before_args():
    o = Loud("o")
    return o.dynamic(shout(1, "arg"))


def star_args_order():
    return list(zip(*noisy([[1, 2], [3, 4]], "star"), shout([5, 6], "plain")))


def list_display_unpack_order():
    return [*noisy([1, 2], "unpack"), shout(3, "after")]


def dict_display_order():
    return {shout("k1", "key1"): shout(1, "value1"), **{shout("k2", "key2"): 2}, "k3": shout(3, "value3")}


def call_kwargs_order():
    def f(*a, **k):
        return a, k
    return f(shout(1, "pos"), b=shout(2, "kw b"), *noisy([9], "star"), **{"c": shout(3, "dict c")})


def subscript_target_order():
    d = {}
    d[shout("key", "target key")] = shout("value", "rhs")
    return d


def chained_compare_unbound(flag):
    if flag:
        lo = 0
    return lo < shout(1, "mid") < 5


def augassign_unbound(flag):
    if flag:
        total = 0
    total += shout(5, "rhs")
    return total


# ---------------------------------------------------------------------------
# The VM's own builtins (map/filter/enumerate/zip/sorted/min/max over user code)
# ---------------------------------------------------------------------------

def map_object_type():
    m = map(lambda v: v + 1, [1, 2])
    f = filter(lambda v: v, [0, 1])
    return type(m).__name__, isinstance(m, map), type(f).__name__, isinstance(f, filter), list(m), list(f)


def map_stopiteration_in_function():
    it = iter([10, 20])
    return list(map(lambda _: next(it), range(5)))


def filter_stopiteration_in_function():
    it = iter([1, 1])
    return list(filter(lambda _: next(it), range(5)))


def map_continues_after_error():
    m = map(lambda x: 10 // x, [1, 0, 2])
    out = [next(m)]
    try:
        next(m)
    except ZeroDivisionError:
        out.append("zde")
    out.append(next(m, "exhausted"))
    return out


def enumerate_zip_of_generators():
    def g():
        yield from "ab"
    e = enumerate(g())
    z = zip(g(), g())
    return type(e).__name__, type(z).__name__, isinstance(e, enumerate), list(e), list(z)


def enumerate_bad_start():
    def g():
        yield 1
    e = enumerate(g(), "x")
    return list(e)


def zip_strict_generators():
    def g(n):
        yield from range(n)
    return list(zip(g(2), g(3), strict=True))


def sorted_key_with_prints():
    def k(v):
        print("key", v)
        return -v
    return sorted([3, 1, 2], key=k), min((x for x in [5, 3, 9]), key=k), max([1, 4, 2], key=k)


def min_max_generators():
    def g():
        yield from [3, 1, 4, 1, 5]
    return min(g()), max(g()), min(g(), default=0), max((x for x in []), default="empty"), sum(g()), sum(g(), 10)


def max_generator_empty():
    return max(x for x in [])


def sum_generator_types():
    return (sum(x / 2 for x in range(5)), sum(x for x in [True, True]), sum((x for x in [[1], [2]]), []),
            sum(x for x in [1, 2.5, 3]), type(sum(b for b in [True, False])), sum(v for v in (2 ** 64, -1)))


def iter_sentinel_and_next():
    it = iter([1, 2, 3])
    return next(it), list(it), next(it, None), list(iter(iter([4, 5]))), list(reversed(range(3)))


# ---------------------------------------------------------------------------
# Ownership: programs inside the subset that must run
# ---------------------------------------------------------------------------

def fresh_list():
    return [1, 2]


def mutate_callee_result():
    l = fresh_list()
    l.append(3)
    return l


def mutate_fromkeys():
    d = dict.fromkeys("ab", 0)
    d["a"] = 5
    return d


def mutate_created_in_try():
    try:
        out = []
        out.append(1)
        raise ValueError("x")
    except ValueError:
        out.append(2)
    return out


def mutate_created_in_loop(xs):
    for x in xs:
        acc = [x]
    acc.append(0)
    return acc


def mutate_created_in_branch(flag):
    if flag:
        acc = []
    if flag:
        acc.append(1)
        return acc
    return None


def mutate_created_in_while():
    while True:
        buf = [0]
        break
    buf.append(1)
    return buf


def mutate_after_split_join():
    parts = "a b c".split()
    parts.append("d")
    words = " ".join(parts)
    chars = list(words)
    chars.reverse()
    keys = sorted({"b": 1, "a": 2})
    keys.insert(0, "z")
    return parts, words, chars, keys


def mutate_nested_owned():
    grid = [[0] * 3 for _ in range(3)]
    grid[1][2] = 5
    grid[0].append(9)
    table = {k: [] for k in "ab"}
    table["a"].append(1)
    return grid, table


def super_in_comprehension():
    class_ = Leaf
    return class_(2).chain()


class Greeter(Base):
    def greet_all(self, names):
        return [super().describe() + n for n in names]


def super_inside_comprehension():
    return Greeter(1).greet_all(["x", "y"])


# ---------------------------------------------------------------------------
# Mutations that must be refused
# ---------------------------------------------------------------------------

def setitem_via_operator(l):
    operator.setitem(l, 0, 99)
    return l


def append_via_unbound_method(l):
    list.append(l, 1)
    return l


def setitem_via_dunder(l):
    l.__setitem__(0, 5)
    return l


def update_via_unbound_method(d):
    dict.update(d, {"z": 1})
    return d


def iadd_via_operator(l):
    return operator.iadd(l, [7])


def object_setattr_outside_init(b):
    object.__setattr__(b, "v", 42)
    return b.v


# ---------------------------------------------------------------------------
# Results that cross back to the client
# ---------------------------------------------------------------------------

class SelfKeyed:
    def __init__(self, name):
        self.name = name
        self.index = {self: name}

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, SelfKeyed) and other.name == self.name


def self_keyed_instance(name):
    return SelfKeyed(name)


def set_of_instances():
    return {Vec(1, 2), Vec(3, 4)}, frozenset({Vec(0)}), {Vec(5): [Vec(6)]}


def exception_values():
    out = []
    for k in range(3):
        try:
            raise_app(k)
        except AppError as e:
            out.append(e)
    try:
        {}["k"]
    except KeyError as e:
        out.append(e)
    return [(type(e).__name__, e.args, str(e), getattr(e, "code", None)) for e in out]


def exception_with_note():
    try:
        raise ValueError("base")
    except ValueError as e:
        e.add_note("extra context")
        return e.__notes__, str(e)


def uncaught_with_note():
    e = ValueError("noted")
    e.add_note("a note")
    raise e


def return_exception_instance():
    return NotFound("thing")


def return_builtin_exception():
    return ValueError("v", 2)


def return_range_and_slices():
    return range(2, 20, 3), slice(1, None, -1), range(0), (range(5)[::-1],)


def return_class_and_method_refs():
    return Vec, Base.helper, Temperature.from_f(50).c, type(Vec(1)), [Base, Mid, Leaf]


def return_bound_method_result():
    m = Vec(3, 4).norm
    return m(), m.__name__, m.__self__.xs


def lru_cache_nested(n):
    @functools.lru_cache(maxsize=None)
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)
    return fib(n), fib.cache_info().hits > 0


def partial_and_lambda_names():
    lam = lambda x: abs(x) + 1
    lam2 = lambda x: x
    def named(a, b=2):
        return a + b
    p = functools.partial(named, b=5)
    return (lam.__name__, lam.__qualname__, lam2.__name__, lam2.__qualname__, named.__name__,
            named.__qualname__, named.__defaults__, p(1), p.func.__name__)


def lambda_arg_error():
    f = lambda x, y: abs(x) + y
    return f(1)


def free_variable_unbound():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        msg = (type(e).__name__, str(e))
    later = 5
    return msg, inner()


def generator_delegation_throw_close():
    def inner():
        try:
            while True:
                try:
                    v = yield "inner"
                    print("inner got", v)
                except KeyError as e:
                    print("inner handled", repr(e))
                    yield "after key"
        finally:
            print("inner closed")

    def outer():
        r = yield from inner()
        yield ("never", r)

    g = outer()
    out = [next(g), g.send(1), g.throw(KeyError("k")), next(g)]
    g.close()
    return out


def yield_from_list_send():
    def g():
        yield from [1, 2]
    it = g()
    first = next(it)
    try:
        it.send("x")
    except AttributeError as e:
        return first, "attr", str(e)
    return first, "no error"


def yield_from_return_value_chain():
    def leaf(n):
        total = 0
        for i in range(n):
            total += yield i
        return total

    def mid():
        a = yield from leaf(2)
        b = yield from leaf(1)
        return a + b

    def top():
        r = yield from mid()
        return r * 100

    g = top()
    out = [next(g)]
    try:
        while True:
            out.append(g.send(len(out) * 10))
    except StopIteration as e:
        out.append(("done", e.value))
    return out


def helper_reraise():
    raise


def bare_raise_in_helper():
    try:
        raise KeyError("original")
    except KeyError:
        helper_reraise()


def implicit_context_across_frames():
    def fail():
        raise ValueError("in helper")
    try:
        try:
            raise KeyError("outer")
        except KeyError:
            fail()
    except ValueError as e:
        return type(e.__context__).__name__, str(e.__context__), e.__cause__ is None


def bare_raise_no_active():
    raise


def exception_in_generator_finally_order():
    def g():
        try:
            yield 1
            yield 2
        finally:
            print("g finally")
    out = []
    for v in g():
        out.append(v)
        if v == 1:
            break
    print("after loop")
    return out


def generator_del_var_closure():
    x = 1
    def get():
        return x
    del x
    try:
        return get()
    except NameError as e:
        return str(e)


def nested_comprehension_reuse_name(n):
    def sq(v):
        return v * v
    return [([sq(x) for x in range(x)], x) for x in range(n)]


def comprehension_walrus_with_calls():
    def f(v):
        return v * 3
    vals = [y := f(x) for x in range(4) if f(x) % 2 == 0]
    return vals, y


def genexp_walrus():
    total = 0
    g = (total := total + abs(v) for v in [1, -2, 3])
    out = list(g)
    return out, total


def class_attribute_lookup_via_instance_method():
    c = Callable3(2)
    return c.__call__(4), Callable3.__call__(c, 5), getattr(c, "k"), type(c).__name__


# ---------------------------------------------------------------------------
# More: while/else with calls, introspection, builtin subclasses, module globals
# ---------------------------------------------------------------------------

def while_with_calls_in_test(n):
    i = 0
    out = []
    while shout(i, "test") < n:
        i += 1
        if i == 2:
            continue
        out.append(i)
    else:
        print("while else ran")
    j = 0
    while shout(j, "test2") < 10:
        j += 1
        if j == 2:
            break
    else:
        print("never")
    return out, i, j


def dir_and_vars_no_args():
    a = 1
    b = abs(-2)
    c = [abs(x) for x in (-1, 2)]
    return dir(), sorted(vars())


def traceback_line_numbers():
    try:
        int("x")
    except ValueError as e:
        tb = e.__traceback__
        return tb.tb_frame.f_code.co_name


def code_introspection():
    def helper(a, b=2, *rest, c, **kw):
        """Helper docstring."""
        t = abs(a) + b
        return t
    code = helper.__code__
    return (helper.__name__, helper.__doc__, code.co_argcount, code.co_kwonlyargcount,
            code.co_varnames[:code.co_argcount], code.co_name, helper.__defaults__,
            (lambda: 0).__code__.co_name)


class MyList(list):
    def total(self):
        return sum(self)


class Name(str):
    def shout(self):
        return self.upper() + "!"


class Meters(float):
    def __repr__(self):
        return f"{float(self)}m"


def builtin_subclasses():
    l = MyList([3, 1, 2])
    n = Name("bob")
    m = Meters(2.5)
    return (l, l.total(), type(l[:]).__name__, sorted(l), n, n.shout(), type(n + "x").__name__,
            repr(m), m * 2, type(m * 2).__name__, isinstance(l, list), type(l).__name__)


def mutate_list_subclass():
    l = MyList([1, 2])
    l.append(3)
    return l, l.total()


ALIAS_A = [1, 2]
ALIAS_B = ALIAS_A
ALIAS_HOLDER = {"x": ALIAS_A}


def module_global_aliasing():
    return ALIAS_A is ALIAS_B, ALIAS_HOLDER["x"] is ALIAS_A, ALIAS_A == [1, 2]


def uncaught_stop_iteration():
    return next(iter([]))


def uncaught_exception_group():
    raise ExceptionGroup("grp", [ValueError("a"), KeyError("b")])


def print_keyword_defaults():
    print("a", "b", sep=None, end=None, file=None, flush=True)
    print("c", end="")
    print()
    return 0


def keyword_named_like_submit(fn=0, self=1, args=2, kwargs=3):
    return fn, self, args, kwargs


ALIAS_ARG = [[1]]


def args_aliasing(a, b):
    return a is b, a[0] is b[0], a == b


def apply_builtin(f, *xs):
    return f(*xs)


def init_tuple_and_augmented():
    return Accum([1, 2, 3]).__dict__


class Accum:
    def __init__(self, xs):
        self.lo, self.hi = min(xs), max(xs)
        self.total: int = 0
        for x in xs:
            self.total += x
        self.items = []
        self.items.append(self.total)
        self.items += [self.lo]

CASES = [
    # ints and floats
    case(floordiv_mod_ints, -7, 2),
    case(floordiv_mod_ints, 7, -2),
    case(floordiv_mod_ints, -(10 ** 30), 7),
    case(floordiv_mod_table),
    case(float_floordiv_mod),
    case(float_divmod_signs),
    case(int_float_compare),
    case(nan_compare),
    case(huge_int_ops, 200),
    case(huge_true_division),
    case(int_to_float_overflow, 400),
    case(int_to_float_overflow, 300),
    case(huge_true_division_overflow),
    case(int_pow_float_overflow),
    case(float_repr_table),
    case(round_half_even),
    case(round_inf),
    case(round_nan),
    case(bool_arith),
    case(bit_ops, 5),
    case(negative_shift),
    case(int_parsing),
    case(int_parse_error, "1.5"),
    case(int_parse_error, ""),
    case(float_parse_error, "1,5"),
    *[case(zero_division, k) for k in range(8)],
    case(pow_corners),
    case(numeric_hash_keys),
    case(complex_ops),
    case(complex_floordiv),
    case(float_methods),
    case(math_functions),
    *[case(math_domain, k) for k in range(5)],
    case(int_str_limit),
    case(int_str_big),
    # strings
    case(unicode_case),
    case(title_capitalize),
    case(padding_methods),
    case(split_methods),
    case(strip_and_prefix),
    case(find_and_count),
    case(index_missing, "abc"),
    case(join_bad),
    case(char_classes),
    case(unicode_len_and_order),
    case(decode_error),
    case(encode_error),
    case(str_multiplication),
    case(str_concat_error, 5),
    case(str_comparisons),
    case(format_specs, 3.14159),
    case(format_specs, -0.000123456),
    case(format_int_specs, 1234567),
    case(format_int_specs, 65),
    case(format_strings),
    *[case(format_errors, k) for k in range(4)],
    case(percent_formatting, 2.71828, 42),
    *[case(percent_errors, k) for k in range(3)],
    case(str_format_method),
    # slicing
    case(slicing_lists, list(range(8))),
    case(slicing_lists, []),
    case(slicing_strings, "héllo wörld"),
    case(slicing_ranges),
    case(slice_zero_step, [1, 2]),
    case(slice_objects, list("abcdefg")),
    case(slice_assignment, 9),
    case(slice_assignment_bad),
    *[case(tuple_index_errors, k) for k in range(5)],
    # comparison and sorting
    case(sequence_compare),
    case(sequence_compare_error),
    case(mixed_compare_error),
    case(sort_stability, ["bb", "a", "CC", "dd", "e", "Aa", "c"]),
    case(sort_reverse_stability),
    case(sort_mixed_numbers),
    case(sort_cmp_to_key),
    case(min_max_key_default, [3, -7, 2, 7, -3, 5]),
    case(max_empty),
    case(min_empty_key),
    # dicts and sets
    case(dict_order, [("a", 1), ("b", 2), ("c", 3)]),
    case(dict_views),
    case(dict_merge_ops),
    *[case(dict_key_errors, k) for k in range(5)],
    case(key_error_str),
    case(dict_mutation_during_iteration),
    case(dict_comprehension_duplicates),
    case(set_operations),
    case(set_mutation_local),
    case(set_remove_missing),
    case(set_unhashable),
    case(set_iteration_small_ints),
    case(nested_structures, [("ann", "eng", 10), ("bob", "ops", 5), ("cy", "eng", 7)]),
    case(nested_setdefault_append, [("ann", "eng"), ("bob", "ops"), ("cy", "eng")]),
    case(list_multiplication_aliasing),
    case(tuple_of_lists_compare),
    # closures
    case(late_binding, 3),
    case(closure_sees_rebinding),
    case(default_evaluated_once),
    case(closure_counter_factory, 5),
    case(three_level_closure, 4),
    *[case(argument_errors, k) for k in range(6)],
    case(varargs_shapes, 1, 2, 3, d=9, e=10),
    case(positional_only),
    case(positional_only_error),
    case(recursive_lambda_via_default, 10),
    # recursion
    case(fib_memo, 40),
    case(flatten, [1, [2, (3, [4, []])], "ab", [[[5]]]]),
    case(permutations_rec, [1, 2, 3]),
    case(hanoi, 4),
    case(mutual_recursion, 301),
    case(ackermann, 2, 3),
    case(deep_recursion, 3000),
    case(tree_build, 6),
    # generators
    case(generator_send_protocol, [5, 10, -3]),
    case(send_to_fresh_generator),
    case(generator_close),
    case(generator_throw),
    case(generator_exit_swallowed_bad),
    case(yield_from_values),
    case(pep479, 3),
    case(pep479_explicit),
    case(generator_state),
    case(genexp_first_iterable_eager),
    case(genexp_later_lazy),
    case(generator_return_in_try, 5),
    case(infinite_generators),
    case(generator_is_iterator),
    case(generator_running_twice_listed),
    # classes
    case(inheritance_chain, 4),
    case(diamond),
    case(diamond_instance),
    case(vec_protocols),
    case(vec_add_error),
    case(vec_reflected_error),
    case(eq_without_hash),
    case(default_identity_eq),
    case(compare_unsupported),
    case(container_protocols),
    case(negative_len),
    case(not_iterable),
    case(properties_and_classmethods),
    case(ordering_protocols),
    case(money_ge_missing),
    case(money_unhashable),
    case(call_and_getattr),
    case(attribute_error_message),
    case(dyn_attribute_error),
    case(polymorphism),
    case(abstract_call),
    case(class_vs_instance_attrs),
    case(isinstance_tuples, [1, 2.0, True, "s", b"b", [1], None]),
    case(type_objects),
    # exceptions
    case(custom_exception_hierarchy),
    case(uncaught_custom, 0),
    case(uncaught_custom, 1),
    *[case(try_ordering, m) for m in range(4)],
    case(finally_in_loops),
    case(finally_return_swallows),
    *[case(exception_chaining, k) for k in range(4)],
    case(uncaught_chained),
    *[case(reraise_variants, k) for k in range(3)],
    case(exception_var_cleared, True),
    case(exception_var_cleared, False),
    case(raise_in_finally),
    *[case(raise_non_exception, k) for k in range(3)],
    case(exception_args_str),
    *[case(builtin_error_messages, k) for k in range(16)],
    case(unbound_local, False),
    case(exception_group_star),
    case(assert_messages, -1),
    case(assert_messages, 11),
    case(exceptions_in_comprehension),
    # functools / itertools / operator
    case(reduce_and_partial),
    case(reduce_empty),
    case(itertools_mix),
    case(groupby_invalidated),
    case(operator_tools),
    case(map_filter_zip),
    case(zip_strict),
    case(lru_cached_call, 30),
    # identity
    case(identity_checks),
    # bytes
    case(bytes_ops),
    case(bytearray_local),
    case(bytearray_bad_value),
    case(bytes_str_concat),
    case(bytes_immutable),
    # comprehensions
    case(multi_comprehension, 5),
    case(comprehension_scoping),
    case(comprehension_closures),
    case(nested_comprehension_shadow),
    case(comprehension_on_dict_and_string),
    case(big_comprehension_sum, 200000),
    # builtins, short-circuit, print
    case(any_all_short_circuit),
    case(boolean_operators),
    case(print_forms),
    case(print_in_generator_order),
    case(builtins_misc),
    case(sum_strings_error),
    case(next_on_list),
    case(enumerate_zip_unpacking),
    *[case(unpack_errors, k) for k in range(3)],
    case(match_statement, [0, -4, [1, 2, 3, 4], {"type": "pt", "x": 1, "y": 2}, Vec(1, 2), "s", 2.5, 7]),
    case(while_else_and_loops, 5),
    case(augmented_assignments),
    case(augmented_tuple_alias),
    case(str_iteration_and_conversion),
    case(conditional_import_free_math, 2.0),
    # evaluation order
    case(unbound_operand_before_call, False),
    case(method_lookup_before_args),
    case(fstring_format_order),
    case(fstring_format_error_order),
    case(getattr_before_args),
    case(star_args_order),
    case(list_display_unpack_order),
    case(dict_display_order),
    case(call_kwargs_order),
    case(subscript_target_order),
    case(chained_compare_unbound, False),
    case(augassign_unbound, False),
    # the VM's own builtins
    case(map_object_type),
    case(map_stopiteration_in_function),
    case(filter_stopiteration_in_function),
    case(map_continues_after_error),
    case(enumerate_zip_of_generators),
    case(enumerate_bad_start),
    case(zip_strict_generators),
    case(sorted_key_with_prints),
    case(min_max_generators),
    case(max_generator_empty),
    case(sum_generator_types),
    case(iter_sentinel_and_next),
    # ownership: inside the subset
    case(mutate_callee_result),
    case(mutate_fromkeys),
    case(mutate_created_in_try),
    case(mutate_created_in_loop, [1, 2]),
    case(mutate_created_in_branch, True),
    case(mutate_created_in_while),
    case(mutate_after_split_join),
    case(mutate_nested_owned),
    case(super_in_comprehension),
    case(super_inside_comprehension),
    # ownership: refused
    refused(setitem_via_operator, [1, 2], match="mutat"),
    refused(append_via_unbound_method, [1], match="mutat"),
    refused(setitem_via_dunder, [1], match="mutat"),
    refused(update_via_unbound_method, {"a": 1}, match="mutat"),
    refused(iadd_via_operator, [1], match="mutat"),
    refused(object_setattr_outside_init, Base(1), match="attribute"),
    # results crossing back
    # `{self: name}` stores self in a container, so self escapes before the attribute is set.
    refused(self_keyed_instance, "n", match="could not rebuild the computation's answer in this process (AttributeError"),
    case(set_of_instances),
    case(exception_values),
    case(exception_with_note),
    case(uncaught_with_note),
    case(return_exception_instance),
    case(return_builtin_exception),
    case(return_range_and_slices),
    case(return_class_and_method_refs),
    case(return_bound_method_result),
    case(lru_cache_nested, 25),
    case(partial_and_lambda_names),
    case(lambda_arg_error),
    case(free_variable_unbound),
    case(generator_delegation_throw_close),
    case(yield_from_list_send),
    case(yield_from_return_value_chain),
    case(bare_raise_in_helper),
    case(implicit_context_across_frames),
    case(bare_raise_no_active),
    case(exception_in_generator_finally_order),
    case(generator_del_var_closure),
    case(nested_comprehension_reuse_name, 4),
    case(comprehension_walrus_with_calls),
    case(genexp_walrus),
    case(class_attribute_lookup_via_instance_method),
    # more
    case(while_with_calls_in_test, 4),
    refused(dir_and_vars_no_args, match="vars() without an argument"),
    refused(traceback_line_numbers, match="`f_code`"),
    refused(code_introspection, match="`__code__`"),
    case(builtin_subclasses),
    case(mutate_list_subclass),
    case(module_global_aliasing),
    case(uncaught_stop_iteration),
    case(uncaught_exception_group),
    case(print_keyword_defaults),
    Case(keyword_named_like_submit, (), {"fn": 5, "self": 6, "args": 7, "kwargs": 8}),
    case(args_aliasing, ALIAS_ARG, ALIAS_ARG),
    case(apply_builtin, len, "abcd"),
    case(apply_builtin, math.gcd, 12, 18),
    case(apply_builtin, str.upper, "abc"),
    case(sorted, [3, 1, 2]),
    case(max, [3, 9, 2]),
    case(init_tuple_and_augmented),
]
