"""Differential cases modelled on the behaviours exercised by the original
pyfora semantic suite (ufora/FORA/python/PurePython/*TestCases.py), written
anew for Python 3 (`range`, `//`, `print()`, str/bytes, `__bool__`).

Classes are module-level (the subset refuses classes inside functions); the
class-inside-function shapes of the original suite appear as `refused` cases.
"""
import functools
import itertools
import math
import operator

import numpy

from case import case, refused


# ---------------------------------------------------------------------------
# Strings: indexing, comparison, duplication, equality dunders
# ---------------------------------------------------------------------------

LONG_STR = "asdf" * 15


def str_index_basic():
    a = "abc"
    return (a[0], a[1], a[2], a[-1], a[-2], a[-3])


def str_index_param(idx):
    return LONG_STR[idx]


def str_compare_pairs():
    a = "a"
    b = "b"
    return (a < b, a > b, a <= a, "ab" < "b", "" < "a", "B" < "a", "abc" >= "abd")


def str_duplication():
    a = "asdf"
    return (a * 20, 20 * a, a * 0, a * -3, "" * 5)


def str_eq_dunders():
    a = "val1"
    b = "val1"
    r1 = a == b
    r2 = a != b
    a = "val2"
    return (r1, r2, a == b, a != b, a.__eq__(b), a.__ne__(b), a.__eq__(3), a.__lt__(3))


def str_doubling(limit):
    a = "val1"
    while len(a) < limit:
        a = a + a
    return (len(a), a[-9:], a.count("val1"))


def str_index_perf(ct, passes):
    x = "asdfasdf" * (ct // 8)
    res = 0
    for _ in range(passes):
        for ix in range(len(x)):
            res = res + len(x[ix])
    return res


def str_slice_perf(ct, passes, chars):
    x = "asdfasdf" * (ct // 8)
    res = 0
    for _ in range(passes):
        for ix in range(len(x)):
            res = res + len(x[ix:ix + chars])
    return res


def str_slices_into_list(ct, chars):
    x = "asdfasdf" * (ct // 8)
    v = [x[ix * chars:ix * chars + chars] for ix in range(len(x) // chars)]
    return (len(v), v[:3], sum(len(e) for e in v))


def splitline_candidates():
    out = []
    seps = ["\n", "\r", "\n\r", "\r\n", "\r\r", "\n\n", "\r\n\r"]
    for c1 in ["", "a"]:
        out = out + [c1]
        for s1 in seps:
            out = out + [c1 + s1]
            for c2 in ["", "b"]:
                out = out + [c1 + s1 + c2]
                for s2 in seps:
                    out = out + [c1 + s1 + c2 + s2]
    return out


SPLITLINE_STRINGS = splitline_candidates()


def str_splitlines_grid():
    res = []
    for keep in [True, False]:
        for cand in SPLITLINE_STRINGS:
            res = res + [(cand, cand.splitlines(keep))]
    return res


def str_splitlines_other_breaks():
    s = "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i"
    return (s.splitlines(), s.splitlines(True), b"a\x0bb\r\nc".splitlines())


def str_split_grid():
    res = []
    for s in ["", "a", "aa", "ab", "aba", "aaa", "bbb", "abab", "abc"]:
        for sep in ["a", "b"]:
            res = res + [(s, sep, s.split(sep), s.rsplit(sep, 1), s.split(sep, 1))]
    return res


def str_split_empty_sep():
    return "abc".split("")


def str_index_out_of_range(i):
    return "asdf"[i]


def str_of_values():
    return (str(42), str("foo"), str(None), str(1.5), str(True), str((2, 2)),
            str([1, "a"]), str({1: "x"}), str(-0.0), str(1e22), repr("it's"))


# ---------------------------------------------------------------------------
# range
# ---------------------------------------------------------------------------

def range_value(x):
    return range(x)


def range_overloads(start, stop, incr=1):
    return range(start, stop, incr)


def range_grid():
    out = []
    low = 0
    for high in [None] + list(range(-7, 7)):
        for step in [-3, -2, -1, None, 1, 2, 3]:
            if high is None:
                out = out + [list(range(low))]
            elif step is None:
                out = out + [list(range(low, high))]
            else:
                out = out + [list(range(low, high, step))]
    return out


def range_sum_big(n):
    return sum(range(n))


def range_loop_sum(x):
    t = 0
    for ix in range(x):
        t = ix + t
    return t


def range_float_arg(kind):
    if kind == 0:
        return range(1.0)
    if kind == 1:
        return range(1, 1.0)
    if kind == 2:
        return range(1, 1, 1.0)
    return range(1, 5, 0)


def range_attrs():
    r = range(3, 20, 4)
    return (r.start, r.stop, r.step, len(r), r[2], r[-1], r[1:3], 7 in r, 8 in r, r.index(11))


# ---------------------------------------------------------------------------
# Boolean operators, if on ints, primitive comparisons
# ---------------------------------------------------------------------------

def and_or_values():
    return (0 or 1, 1 or 2, 1 or 0, 0 or False, 1 or 2 or 3, 0 or 1 or 2,
            1 and 2, 0 and 1, 1 and 0, 0 and False, 1 and 2 and 3,
            0 and 1 and 2, 1 and 2 and 0, 1 and 0 and 2, 0 and False and 2,
            "" or [] or (), [] and 1, None or "x")


def if_on_values(v):
    if v:
        return True
    else:
        return False


PRIM_VALUES = [True, False, 0, 1, 2, 0.0, 1.0, 2.0, -1, -1.1, "test", [], None, (1,)]


def primitive_comparisons():
    out = []
    n = len(PRIM_VALUES)
    for i in range(n):
        for j in range(n):
            a = PRIM_VALUES[i]
            b = PRIM_VALUES[j]
            for op in range(6):
                try:
                    if op == 0:
                        r = a < b
                    elif op == 1:
                        r = a > b
                    elif op == 2:
                        r = a <= b
                    elif op == 3:
                        r = a >= b
                    elif op == 4:
                        r = a == b
                    else:
                        r = a != b
                except TypeError as e:
                    r = str(e)
                out = out + [r]
    return out


def is_value(x, y):
    return (x is y, x is not y, x is None, None is None)


# ---------------------------------------------------------------------------
# Functions: nesting, defaults, closures, recursion
# ---------------------------------------------------------------------------

def add_pair(v1, v2):
    return v1 + v2


def apply_with_eight(v, f):
    return f(v, 8)


def nested_function_args(v):
    return apply_with_eight(v, add_pair)


def default_one(a=None):
    return a


def default_three(a, b=1, c=None):
    return (a, b, c)


def handle_empty_list():
    return []


def run_off_end():
    x = 10


def empty_return():
    return


def pass_only():
    pass


def bare_expression(x):
    x


def conditional_bare_return(x):
    if x > 0:
        return
    else:
        return 1


def call_pass_function():
    def g():
        pass
    v = g()
    return v


def return_lambda_called():
    g = lambda: 10
    return g(), (lambda: 10)()


GLOBAL_LAMBDA = lambda: 10


def external_lambda_called():
    return GLOBAL_LAMBDA()


W_CONST = 3
Y_CONST = 1
Z_CONST = 2


def h_helper(x):
    return W_CONST + 2 * x


def mutual_f(x):
    if x < 0:
        return x
    return Y_CONST + mutual_g(x - 1) + h_helper(x)


def mutual_g(x):
    if x < 0:
        return x
    return Z_CONST * mutual_f(x - 1) + h_helper(x - 1)


def mutual_table(n):
    return [(mutual_f(i), mutual_g(i)) for i in range(n)]


def fh(x, fn):
    if x < 0:
        return x
    return x + 2 * fn(x - 1)


def make_recursive_closure(x):
    def g(arg):
        if arg < 0:
            return x + arg
        return x * fh(arg - 1, g)
    return g


RECURSIVE_CLOSURE = make_recursive_closure(2)


def closure_table(n):
    return [RECURSIVE_CLOSURE(i) for i in range(n)]


def make_one():
    def f():
        return 1
    return f


def make_minus_one():
    def f():
        return -1
    return f


SAME_NAME_1 = make_one()
SAME_NAME_2 = make_minus_one()


def same_named_functions():
    return (SAME_NAME_1(), SAME_NAME_2(), SAME_NAME_1.__name__, SAME_NAME_2.__qualname__)


def fact(n):
    if n == 0:
        return 1
    return n * fact(n - 1)


def fib(n):
    if n <= 1:
        return n
    return fib(n - 1) + fib(n - 2)


def ping(n):
    if n < 0:
        return n
    return pong(n - 1)


def pong(n):
    if n < -1:
        return n
    return ping(n - 2)


def inline_closure(x):
    def z(y):
        return x + y
    lam = lambda y: x * y
    return z(10), lam(10)


def loop_sum_while(x):
    y = 0
    while x > 0:
        y = y + x
        x = x - 1
    return y


def return_function_value():
    return fact


def member_access_on_call():
    return fact(3).__str__(), (2.5).__repr__(), "ab".__len__(), [1, 2].__len__()


def continue_in_while():
    x = 0
    y = 0
    while x < 100:
        x = x + 1
        if x % 2:
            continue
        y = y + x
    return y


def continue_in_for():
    y = 0
    for x in range(100):
        if x % 2:
            continue
        y = y + x
    return (x, y)


def loop_var_carries_over():
    y = 0
    for x in [1, 2, 3, 4]:
        y = y + x
    return (y, x)


def loop_var_unbound_after_empty():
    for q in []:
        pass
    return q


def tuple_swap_functions(n):
    f = lambda x: x + 1
    g = lambda x: x + 2
    res = 0
    for ct in range(n):
        res = res + f(ct)
        f, g = g, f
    return res


def is_prime_flag(p):
    x = 2
    while x * x <= p:
        if p % x == 0:
            return 0
        x = x + 1
    return x


def sum_is_prime(n):
    return sum(is_prime_flag(x) for x in range(n))


# ---------------------------------------------------------------------------
# Calls with the wrong arguments
# ---------------------------------------------------------------------------

def takes_nothing():
    pass


def takes_x(x):
    pass


def takes_xy(x, y):
    return x + y


def takes_x_default(x, y=2):
    pass


def takes_three(x, y, z=3):
    pass


def only_default(y=2):
    pass


def bad_call(kind):
    if kind == 0:
        return takes_xy(x=2, y=3, z=4)
    if kind == 1:
        return takes_xy(2, y=3, z=4)
    if kind == 2:
        return takes_xy(2, x=3)
    if kind == 3:
        return takes_three(1)
    if kind == 4:
        return only_default(1, 2)
    if kind == 5:
        return HasArg(not_arg=42)
    if kind == 6:
        return HasArg()
    if kind == 7:
        return HasArg(1, 2)
    return takes_x_default()


class HasArg:
    def __init__(self, arg):
        self.arg = arg


def invalid_callables(kind):
    ten, pair, abc, nothing, key = 10, [1, 2], "abc", None, "a"
    if kind == 0:
        return ten(10)
    if kind == 1:
        return pair.__getitem__(3, 4)
    if kind == 2:
        return pair[1, 2]
    if kind == 3:
        return abc(1)
    if kind == 4:
        return nothing()
    return (1, 2)[key]


# ---------------------------------------------------------------------------
# Builtins
# ---------------------------------------------------------------------------

def ord_chr():
    chars = [chr(val) for val in range(40, 125)]
    vals = [ord(val) for val in chars]
    return (chars, vals, chr(0x1F600), ord("\u00e9"))


def abs_of(x):
    return abs(x)


def all_of(x):
    return all(x)


def any_of(x):
    return any(x)


def reversed_list():
    a = [1, 2, 3, 4, 5, 6]
    out = []
    for v in reversed(a):
        out = out + [v]
    return out, list(reversed("abc")), list(reversed(range(4))), tuple(reversed((1, 2)))


def reversed_bad():
    return reversed({1, 2})


REDUCE_FLOATS = [((i * 7919) % 200 - 100) / 10.0 for i in range(10)]


def mul(x, y):
    return x * y


def sub(x, y):
    return x - y


def one_by_one(xs):
    for v in xs:
        yield v


def reduce_variants():
    return (functools.reduce(mul, [1, 2, 3, 4, 5]),
            functools.reduce(mul, [1, 2, 3, 4, 5], 0),
            functools.reduce(sub, one_by_one([1.0, 2.0, 3.0, 4.0, 5.0])),
            functools.reduce(sub, one_by_one([1.0, 2.0, 3.0, 4.0, 5.0]), 10),
            functools.reduce(lambda x, y: x * y, REDUCE_FLOATS))


def add_one(x):
    return x + 1


def map_variants():
    return (list(map(add_one, [1, 2, 3])),
            list(map(add_one, (x for x in [1, 2, 3]))),
            list(map(add_pair, [1, 2, 3], [10, 20])))


def map_none():
    return list(map(None, [1, 2, 3]))


def math_pi_plus(x):
    return x + math.pi, math.e, math.inf, math.tau


def iterate_to_list(x):
    return [_ for _ in x]


def max_min_variants(arg):
    return (max(arg), min(arg), max(range(5)), min(range(5)), max(1, 2), min(1, 2),
            max("hello"), min([3, 1.5, 2]), max([1, 1.0]), max([1.0, 1]))


SORT_XS = [5, 2, 3, 1, 4]
SORT_TUPLE = (5, 2, 3, 1, 4)
SORT_DICT = {1: 2, 3: 4, 5: 6, 7: 8, 9: 10}


def sorted_variants():
    return (sorted(SORT_XS), sorted(SORT_TUPLE), sorted(SORT_DICT), sorted("banana"),
            sorted(SORT_XS, reverse=True))


def sorted_not_iterable():
    return sorted(1)


def lcg_floats(n, seed):
    out = []
    s = seed
    for _ in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        out = out + [s / 2147483648.0]
    return out


def sorted_large(n):
    x = lcg_floats(n, 250015)
    res = sorted(x)
    return (all([res[ix] <= res[ix + 1] for ix in range(len(res) - 1)]), res[:3], res[-1])


LOOKUP = [0, 1, 2, 3]


def in_expr(arg):
    return (arg in LOOKUP, arg not in [2, 3], arg in (arg,), arg in {arg: 1}, "a" in "cat")


def len_values():
    return (len("asdf"), len([1, 2, 3]), len((9,)), len(()), len((1, 2, 4)), len({}),
            len(range(10, 0, -3)), len({1, 2}), len(b"ab"))


def len_bad(v):
    return len(v)


def print_then_return():
    print("hello world")
    print("a", 1, None, sep="-", end="!\n")
    return 10


def eval_never_called():
    if False:
        return eval
    return 0


def socket_never_used():
    if False:
        return math.floor
    return 0


FUNCTION_TYPE = type(lambda x: x)


def type_value_not_touched():
    if False:
        return FUNCTION_TYPE
    return 0


def return_builtin_objects():
    return (len, str, slice, int, type, object, Exception, property)


TYPES = [bool, str, int, type, object, list, tuple, dict, float]
INSTANCES = [10, "10", 10.0, None, True, [], (), {}, "", 0, "1.5", [(1, 2)]] + TYPES


def types_and_combos():
    callables = TYPES + [lambda v: v.__class__]
    out = []
    for c in callables:
        for i in INSTANCES:
            try:
                out = out + [c(i)]
            except (TypeError, ValueError) as e:
                out = out + [(type(e).__name__, str(e))]
    return out


SUB_TYPES = [float, int, bool, object, Exception, BaseException, ValueError, LookupError, KeyError]


def issubclass_grid():
    out = []
    for t1 in SUB_TYPES:
        for t2 in SUB_TYPES:
            out = out + [(issubclass(t1, t2), issubclass(t1, (t2,)), issubclass(t1, (str, t2)))]
    return out


def isinstance_grid():
    out = []
    for inst in [10, 10.0, True, "s", None]:
        for typ in [float, object, int, bool, str, type(None)]:
            out = out + [(isinstance(inst, typ), issubclass(type(inst), typ))]
    return out


def issubclass_bad():
    return issubclass(3, int)


# ---------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------

GLOBAL_LIST = [1, 2, 3, 4]


def list_build_loop(ct):
    ix = 0
    l = []
    while ix < ct:
        l = l + [ix]
        ix = ix + 1
    res = 0
    for e in l:
        res = res + e
    return res


def global_list_index(ix):
    return GLOBAL_LIST[ix]


def list_len_checks():
    l = [1, 2, 3]
    n = 3
    return (len(l), len(l) == 3, len(l) is n, l[0])


def nested_list_access():
    x = [[0, 1, 2], [3, 4, 5], [7, 8, 9]]
    return x[0][0], x[-1][-2], x[1][1:], [r[1] for r in x]


def list_index_of(elt):
    x = [1, 2, 3]
    return x.index(elt)


def global_list_index_of(elt):
    return GLOBAL_LIST.index(elt)


def tuple_index_of(elt):
    t = (1, 2, 3)
    return t.index(elt)


class Keyed:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return self.x == other.x


KEYED_LIST = [1, 2, 3, Keyed(3)]


def keyed_elt(ix):
    return KEYED_LIST[ix]


def list_comprehensions(arg):
    a = [0, 1, 2, 3]
    a = [elt * 2 for elt in a]
    evens = [elt for elt in range(4) if elt % 2 == 0]
    pairs = [(x, y) for x in [1, 2, 3] for y in [3, 1, 4]]
    distinct = [(x, y) for x in [1, 2, 3] for y in [3, 1, 4] if x != y]
    return (a[arg % 4 - 4], evens[arg % 2], pairs[arg % 9], distinct[arg % 7 - 7])


def list_comp_index_error(arg):
    distinct = [(x, y) for x in [1, 2, 3] for y in [3, 1, 4] if x != y]
    return distinct[arg]


def nested_comprehension_matrix():
    x = [[1, 2], [3, 4], [5, 6]]
    res = [[row[ix] for row in x] for ix in [0, 1]]
    return res


def basic_list_concat(x):
    a = [x] + [x]
    return a[0] + a[1], a * 2, [] + [], [[x]] * 2


def comprehension_var_does_not_leak():
    result = [leaky_comp_var for leaky_comp_var in range(10)]
    return leaky_comp_var


def comprehension_var_does_not_leak_caught():
    try:
        result = [leaky_comp_var2 for leaky_comp_var2 in range(10)]
        return leaky_comp_var2
    except NameError as e:
        return "NameError: " + str(e)


def list_plus_int():
    return [] + 10


def list_plus_int_caught():
    try:
        return [] + 10
    except TypeError:
        return None


GLOBAL_TUPLE_LIST = [(3, 4)]


def return_list_of_tuples():
    return GLOBAL_TUPLE_LIST


def setitem_fresh_list(x):
    y = [1, 2, 3, 4]
    y[1] = x
    return y


def append_to_fresh_literal():
    [].append(10)


def append_then_return():
    l = [1, 2, 3]
    l[0] = 0
    l.append(9)
    l.extend([7, 8])
    l.insert(1, -1)
    l.remove(9)
    p = l.pop()
    l.reverse()
    l.sort()
    del l[0]
    return l, p


def one_plus_setitem(x):
    return 1 + setitem_fresh_list(x)


LIST_OF_LEN = [len]


def holding_builtin():
    return LIST_OF_LEN, LIST_OF_LEN[0]("abc")


LONG_LIST = [1, 2, 3] * 100000


def long_list_len(x):
    return len(x), x[-1], sum(x)


SELF_LIST = [1, 2, 3]
SELF_LIST.append(SELF_LIST)


def self_referential_len():
    return len(SELF_LIST), SELF_LIST[3][3][0]


def list_extended_slice_tuple():
    x = list(range(10))
    return x[1:2, 3:4]


def list_ellipsis_index():
    x = list(range(10))
    return x[...]


# ---------------------------------------------------------------------------
# Tuples and unpacking
# ---------------------------------------------------------------------------

T1 = (2, 2)
T2 = (1, 4)
T3 = T1


def tuple_str_eq():
    return (str(T1), repr((1,)), str(()), T1 == T2, T1 != T2, T1 == T3, T1 != T3, T1 < T2,
            (1, 2) == [1, 2])


def tuple_conversion(x):
    return (x, x + 1), (x,), tuple([x, x]), tuple("ab"), tuple(range(3))


def tuple_index(ix):
    t = (1, 2, 3)
    return t[ix]


def tuple_step():
    t = (1, 2, 3)
    return t[::200], t[::-1], t[::2], t[-100:100], t[5:]


def tuple_returns():
    return 0, 1


def unpack_variants(kind):
    if kind == 0:
        x, y = 1, 2
        return (x, y)
    if kind == 1:
        x, y = 1, 2, 3
        return (x, y)
    if kind == 2:
        x, y, z = 1, 2
        return (x, y)
    if kind == 3:
        x, (y, z) = (1, (2, 3))
        return (x, y, z)
    if kind == 4:
        x, (y, z) = (1, [2, 3])
        return (x, y, z)
    if kind == 5:
        x, (y, z) = (1, 2)
        return x
    if kind == 6:
        x, *y = "abc"
        return (x, y)
    x, y = 7
    return x


def yields_n(n):
    i = 1
    while i <= n:
        yield i
        i = i + 1


def unpack_from_generator(n):
    x, y = yields_n(n)
    return (x, y)


# ---------------------------------------------------------------------------
# Dicts
# ---------------------------------------------------------------------------

GLOBAL_DICT = {1: 2, 3: 4, 5: 6, 7: 8, 9: 10, 11: 12}


def return_global_dict():
    return GLOBAL_DICT


def dict_lookup(key):
    return GLOBAL_DICT[key]


def dict_keys_values():
    return (list(GLOBAL_DICT.keys()), list(GLOBAL_DICT.values()), list(GLOBAL_DICT.items()),
            sorted(GLOBAL_DICT.values(), reverse=True))


PAIRS = [(1, 2), (3, 4)]


def dict_creation():
    return (dict(PAIRS), {x: x ** 2 for x in range(10) if x % 2 != 0}, dict(a=1, b=2),
            dict([("a", 1)], b=2), dict({1: 2}), dict(zip("ab", [1, 2])))


def dict_iteration():
    d = {1: 2}
    return [val for val in d], [k for k in {"b": 1, "a": 2}]


def dict_creation_errors(kind):
    if kind == 0:
        return dict([(1, 2), (3, 4, 5)])
    if kind == 1:
        return dict([(1, 2), (3, 4), (5,)])
    if kind == 2:
        return dict([1])
    if kind == 3:
        return dict(1)
    if kind == 4:
        return dict(["ab", "c"])
    return {[]: 1}


def dict_missing_key(k):
    return GLOBAL_DICT[k]


# ---------------------------------------------------------------------------
# Slicing
# ---------------------------------------------------------------------------

class ListWrapper:
    def __init__(self, m):
        self.m = m

    def __getitem__(self, maybe_slice):
        if isinstance(maybe_slice, slice):
            return self.m[maybe_slice]
        if isinstance(maybe_slice, tuple):
            return [self.m[bla] for bla in maybe_slice]
        return -100000


def custom_slicing_range():
    l = ListWrapper(range(10))
    return (l[1:4], l[:3], l[:], l[::], l[3:], l[4::2], l[4], l[:, 1:4, 3:9])


def custom_slicing_list():
    l = ListWrapper(list(range(10)))
    return (l[1:4], l[:3], l[::-1], l[4::2], l["x"], l[:, 1:4, 3:9])


class KeyEcho:
    def __getitem__(self, key):
        return key


def echo_slices():
    c = KeyEcho()
    return (c[1:2:3], c[:], c[::2], c[1, 2], c[1:2, ...], c[...], c[None:"a"])


def return_slice_type():
    return slice


GLOBAL_SLICE = slice(1, 2, 3)


def slice_object_use():
    s = slice(1, 2, 3)
    x = list(range(10))
    y = list(range(20))
    return (x[s], y[GLOBAL_SLICE], y[slice(None, None, -4)], s.start, s.stop, s.step,
            slice(5).indices(3), slice(None, None, -1).indices(4))


def slice_range_object():
    x = range(10)
    return x[GLOBAL_SLICE], x[::-1], x[100:], x[-3:]


# ---------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------

def return_exception_classes():
    return (AttributeError, AssertionError, UserWarning, UserWarning.__class__,
            type(UserWarning()), (type, object, Exception), Exception("hi").__class__)


def return_warning_instance():
    w = UserWarning("message")
    return w, w.args, str(w), repr(w)


def raise_exception_hi():
    raise Exception("hi")


def raise_user_warning():
    raise UserWarning("hi")


def catch_user_warning():
    try:
        raise UserWarning("hi")
    except Exception as e:
        return e, type(e), e.args


def warning_does_not_catch_exception():
    try:
        raise Exception("hi")
    except UserWarning:
        return None


def missing_attributes(kind):
    if kind == 0:
        return "asdf".not_an_attribute
    if kind == 1:
        return Plain().not_an_attribute
    if kind == 2:
        return len.not_an_attribute
    if kind == 3:
        return (1).real.nope
    return Plain.nope


class Plain:
    def f(self):
        pass


def zero_divisions(kind):
    if kind == 0:
        return 4 / 0
    if kind == 1:
        return 4.0 / 0
    if kind == 2:
        return 4 / 0.0
    if kind == 3:
        return 4.0 / 0.0
    if kind == 4:
        return 4 // 0
    if kind == 5:
        return 4 % 0.0
    return divmod(1, 0)


def one_over(x):
    return 1 / x


def index_errors(kind):
    if kind == 0:
        return [][100]
    if kind == 1:
        return (1, 2)[10]
    if kind == 2:
        return "asdf"[100]
    if kind == 3:
        return [1][-2]
    return range(3)[3]


def subscript_int(x):
    return x[0]


def free_name_missing():
    return undefined_name_xyz


def free_name_attr_chain():
    return undefined_name_xyz.y.z


def call_missing_via_helper():
    return helper_missing()


def helper_missing():
    return undefined_name_xyz.y.z


def missing_in_branch():
    if True:
        return undefined_name_xyz(3)
    else:
        return undefined_name_xyz(4)


def unbound_in_branch():
    if True:
        return shadowed(3)
    else:
        shadowed = 8
        return shadowed(4)


def unbound_self_assign():
    x = x
    return x


def missing_in_arith():
    if 1:
        return undefined_name_xyz * 3
    else:
        return undefined_name_xyz / 4


class UsesMissing:
    def __init__(self, arg):
        self.m = arg

    def f(self):
        return undefined_name_xyz.y.z

    def f2(self):
        x = 42
        return x


def method_uses_missing():
    return UsesMissing(4).f()


def method_local_ok():
    return UsesMissing(4).f2()


def assert_variants(kind):
    try:
        if kind == 0:
            assert True
            return "ok"
        if kind == 1:
            assert False, "omg"
        if kind == 2:
            assert False
        if kind == 3:
            assert False, 42
        assert 1 == 2, ("tuple", 1)
    except AssertionError as e:
        return (e.args, str(e))


ASSERT_MSG = 1


def assert_uncaught(kind):
    if kind == 0:
        assert False, ASSERT_MSG
    if kind == 1:
        assert False, "asdf"
    assert False


def assert_type():
    return type(AssertionError("asdf")), AssertionError("asdf").args


def inline_fora_name():
    __inline_fora = 42
    return __inline_fora


def inline_fora_param(__inline_fora):
    return __inline_fora


# ---------------------------------------------------------------------------
# Classes
# ---------------------------------------------------------------------------

class ClassTest0:
    def __init__(self, x):
        self.x = x

    def f(self):
        return 10


def class_member_x():
    c = ClassTest0(10)
    return c.x, c.f()


def free_f():
    return "free f"


FREE_Y = "free y"


class MemberSemantics:
    def __init__(self, y):
        self.y = y

    def free_f(self):
        return ("member f", FREE_Y, self.y)

    def g(self):
        return (free_f(), self.free_f())


def class_member_semantics():
    return MemberSemantics("class y").g()


class ReturnedClass:
    def __init__(self, x):
        self.x = x


def return_instance(x):
    return ReturnedClass(x)


class WithStatic:
    @staticmethod
    def g(x):
        return x + 1

    @staticmethod
    def f():
        return 10


def return_class_and_call():
    cls = WithStatic
    return cls, cls.f(), cls.g(2), WithStatic().g(3)


CLOSURE_X = 10


class UsesGlobal:
    def f(self, y):
        return CLOSURE_X + y


def return_class_with_global():
    return UsesGlobal, UsesGlobal().f(10)


class C2:
    def __init__(self, x):
        self.x = x

    def func_2(self, arg):
        return self.x + add_one(arg)


def class_calls_free_function(x, y):
    return C2(x).func_2(y)


class C4:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.z = x + y

    def f(self, arg):
        return arg + self.x + self.y + self.z


GLOBAL_C4 = C4(100, 200)


def global_instance_method(arg):
    return GLOBAL_C4.f(arg), (GLOBAL_C4.x, GLOBAL_C4.y, GLOBAL_C4.z)


class C8:
    def __init__(self, x):
        self.x = x

    def f(self, arg):
        if arg <= 0:
            return self.x
        return arg * self.g(arg - 1)

    def g(self, arg):
        if arg <= 0:
            return (-1) * self.x
        return arg + self.f(arg - 2)


GLOBAL_C8 = C8(10)


def mutually_recursive_methods(n):
    return [GLOBAL_C8.f(a) for a in range(n)]


FREE_X42 = 42


class C11:
    @staticmethod
    def f1(x):
        return x

    @staticmethod
    def f2(arg):
        return FREE_X42 + arg

    def f3(self, arg):
        return FREE_X42 + arg

    def f4(self, FREE_X42):
        return FREE_X42


GLOBAL_C11 = C11()


def free_vars_in_class(arg):
    return (C11.f1(arg), C11.f2(arg), GLOBAL_C11.f3(arg), GLOBAL_C11.f4(arg))


class C12:
    def __init__(self, x):
        self.x = x


C12_INSTANCE = C12(42)


class C13:
    def f(self, arg):
        if arg < 0:
            return 0
        return C12_INSTANCE.x + self.g(arg - 1)

    def g(self, arg):
        if arg < 0:
            return arg
        return C12_INSTANCE.x * self.f(arg - 2)


GLOBAL_C13 = C13()


def instance_in_other_class(n):
    return [(GLOBAL_C13.f(i), GLOBAL_C13.g(i)) for i in range(n)]


class StaticHelper:
    @staticmethod
    def f(x):
        return x + 1


class UsesStaticHelper:
    def g(self, arg):
        if arg < 0:
            return 0
        return StaticHelper.f(arg) + self.h(arg - 1)

    def h(self, arg):
        if arg < 0:
            return arg
        return StaticHelper.f(arg) * self.g(arg - 2)


def static_helper_recursion(n):
    c = UsesStaticHelper()
    return [(c.h(i), c.g(i)) for i in range(n)]


class WrapsGetitem:
    def __init__(self, m):
        self.__m__ = m

    def __getitem__(self, ix):
        return self.__m__[ix]


GLOBAL_WRAPPER = WrapsGetitem(range(10))


def getitem_wrapper(ix):
    return GLOBAL_WRAPPER[ix], GLOBAL_WRAPPER.__m__


class InitPlusFree:
    def __init__(self, x, arg):
        self_x = arg
        self.x = x + self_x


class InitTuple:
    def __init__(self, x):
        (self.x, self.y) = (x, x + 1)


class InitChained:
    def __init__(self, x):
        self.x = x
        self.y = self.x + 1


class InitOddSelf:
    def __init__(selfArg):
        selfArg.x = 2
        selfArg.x = selfArg.x + 1


class InitRebind:
    def __init__(self, x):
        self.x = x
        self.x = self.x + 1

    def foo(self, y):
        return self.x + y


class InitBranch:
    def __init__(selfArg, x):
        if x > 0:
            selfArg.x = x
        else:
            selfArg.x = (-1) * x


def init_variants(arg):
    return (InitPlusFree(2, arg).x, InitTuple(arg).y, InitChained(arg).y,
            InitOddSelf().x + arg, InitRebind(arg).foo(2), InitBranch(arg).x + InitBranch(-1).x)


def init_instances(arg):
    return (InitTuple(arg), InitChained(arg), InitOddSelf(), InitBranch(arg))


class UnboundInMethod:
    def f(self):
        x = 10
        try:
            if x is asdf:
                return 10
            asdf = 100
        except UnboundLocalError:
            return True


def unbound_in_method():
    return UnboundInMethod().f()


class MethodSource:
    def __init__(self, x):
        self.x = x

    def f(self):
        return self.x + 1


def call_returned_method(x):
    m = MethodSource(x).f
    return m(), m.__self__.x


class StaticOnInstance:
    @staticmethod
    def f():
        return 10


def f():
    return 11


class StaticNameNoncapturing:
    @staticmethod
    def f():
        return 10

    def g(self):
        return f()


def static_method_checks():
    return (StaticOnInstance().f() is None, StaticOnInstance.f(), StaticNameNoncapturing.f(),
            StaticNameNoncapturing().g())


class WithProperty:
    def __init__(self, m):
        self.m = m

    def f(self, x):
        return self.m + x

    @property
    def prop(self):
        return self.f(self.m)


class PropertyWithArg:
    @property
    def prop(self, x):
        return x


def property_value():
    return WithProperty(42).prop


def property_with_arg():
    return PropertyWithArg().prop


class MemberNoReturn:
    def f(self):
        x = 10


def member_runs_off_end():
    return MemberNoReturn().f()


class Base1:
    def method(self, i):
        return i + 1


class Base2:
    def method(self, i):
        return i + 2


class ChildInherit(Base1):
    pass


class ChildOverride(Base1):
    def method(self, i):
        return i + 2


class ChildMRO(Base1, Base2):
    pass


class Base3(Base1):
    pass


class ChildDistant(Base3, Base2):
    pass


class ChildDistant2(Base2, Base3):
    pass


def inheritance_results(i):
    return (ChildInherit().method(i), ChildOverride().method(i), ChildMRO().method(i),
            ChildDistant().method(i), ChildDistant2().method(i),
            [c.__name__ for c in ChildDistant.__mro__])


def inheritance_discarded(i):
    c = ChildInherit()
    c.method(i)


def isinstance_children():
    c = ChildDistant()
    return (isinstance(c, Base1), isinstance(c, Base2), isinstance(c, ClassTest0),
            issubclass(ChildDistant, Base3), issubclass(Base1, ChildDistant),
            c.__class__ is ChildDistant, not isinstance(c, list))


self = "outerSelf"


class NonstandardSelf:
    def f(notSelf):
        return (notSelf.g(), self)

    def g(self):
        return "g"


def nonstandard_self():
    return NonstandardSelf().f()


class ReturnInInit:
    def __init__(self):
        self.x = 10
        return


def return_in_init():
    return ReturnInInit()


class BodyWithExpression:
    {"a": 3}
    "doc"
    k = 5

    def m(self):
        return 1 + self.k


def class_body_expression():
    return BodyWithExpression().m()


class YieldInInit:
    def __init__(self):
        yield 10


def yield_in_init():
    YieldInInit()
    return


class StrInInit:
    def __init__(self):
        str(self)
        self.v = 1


def self_used_in_init():
    return StrInInit().v


class StrOnClass:
    def __str__(self):
        return "special"


class ThingWithLen:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class ThingWithStr:
    def __init__(self, s):
        self.s = s

    def __str__(self):
        return self.s


def dunder_protocols(x):
    return (str(StrOnClass()), len(ThingWithLen(x)), str(ThingWithStr("2")),
            "%s" % StrOnClass(), f"{StrOnClass()}", format(ThingWithStr("q")))


def len_returns_bad():
    return len(ThingWithLen("3"))


def str_returns_bad():
    return str(ThingWithStr(3))


# ---------------------------------------------------------------------------
# Primitive conversions
# ---------------------------------------------------------------------------

class HasBool:
    def __init__(self, x):
        self.x = x

    def __bool__(self):
        return bool(self.x)


class HasLenOnly:
    def __len__(self):
        return 0


class HasNothing:
    pass


BOOL_CANDIDATES = [0, 1, 0.0, 1.0, -0.0, "", "string", False, True, lambda x: x,
                   HasBool(0), HasBool(1), HasLenOnly(), HasNothing(), None,
                   (), (1,), (3, 4), [], [1], [1, 2], {}, {1: 2}, {1: 2, 3: 4},
                   bool, type(None), 0j, b"", range(0), set(), frozenset([1])]


def bool_conversions():
    return ([bool(c) for c in BOOL_CANDIDATES], [True if c else False for c in BOOL_CANDIDATES],
            [not c for c in BOOL_CANDIDATES])


class BadBool:
    def __bool__(self):
        return 1


def bad_bool():
    return bool(BadBool())


class HasPos:
    def __pos__(self):
        return 1


class HasNeg:
    def __neg__(self):
        return 1


class HasInvert:
    def __invert__(self):
        return 1


UNARY_CANDIDATES = [0, 1, -1, 0.0, 1.0, "string", False, True, lambda x: x,
                    HasPos(), HasNeg(), HasInvert(), HasNothing(), None, (), [], {}, bool, 2j]


def unary_ops():
    out = []
    for c in UNARY_CANDIDATES:
        for op in range(3):
            try:
                if op == 0:
                    r = +c
                elif op == 1:
                    r = -c
                else:
                    r = ~c
                out = out + [("ok", r)]
            except TypeError as e:
                out = out + [("TypeError", str(e))]
    return out


def complex_abs():
    return (abs(complex(1.0, 0.0) * complex(1.0, 0.0)), abs(3 + 4j), complex(1, 2) * 1j,
            (1 + 2j).conjugate(), complex("1+2j"))


class FloatOk:
    def __float__(self):
        return 0.0


class FloatBad:
    def __float__(self):
        return 0


class IntOk:
    def __int__(self):
        return 0


class IndexOk:
    def __index__(self):
        return 3


def numeric_conversions():
    return (float(FloatOk()), int(IntOk()), bool(HasNothing()), int(IndexOk()),
            [10, 20, 30, 40][IndexOk()], "abcdef"[IndexOk():], bin(IndexOk()))


def float_returns_int():
    try:
        float(FloatBad())
        return False
    except TypeError as e:
        return str(e)


def int_of_no_int():
    try:
        int(FloatOk())
        return False
    except TypeError as e:
        return str(e)


def literals():
    return (100, 42, 2 == 2, 42.0, True, -10, None, (True, False, None), 1.5, "a string")


# ---------------------------------------------------------------------------
# Math
# ---------------------------------------------------------------------------

MATH_VALS = [1, -.5, 1.5, 0, 0.0, -2, -2.2, .2, 3, 10.0, 1e-9]
MATH_FUNCS = [math.sqrt, math.cos, math.sin, math.tan, math.asin, math.atan,
              math.acosh, math.cosh, math.sinh, math.tanh, math.ceil, math.erf,
              math.exp, math.expm1, math.factorial, math.floor, math.log,
              math.log10, math.log1p, math.asinh, math.atanh, math.lgamma,
              math.erfc, math.acos, math.gamma, math.log2, math.trunc,
              math.fabs, math.degrees, math.radians, math.isfinite]


def math_functions_grid():
    tr = []
    for v in MATH_VALS:
        for fn in MATH_FUNCS:
            try:
                tr = tr + [fn(v)]
            except (ValueError, TypeError) as ex:
                tr = tr + [(type(ex).__name__, str(ex))]
    return tr


def math_two_arg():
    return (math.pow(2, 10), math.atan2(1, -1), math.hypot(3, 4), math.fmod(-7, 3),
            math.copysign(1.0, -0.0), math.gcd(12, 18), math.isclose(1.0, 1.0 + 1e-10),
            math.log(8, 2), math.ldexp(1.5, 3), math.frexp(12.0), math.modf(-3.25),
            math.comb(10, 3), math.perm(5, 2), math.isqrt(99), math.prod([1, 2, 3, 4]),
            math.fsum([0.1] * 10), math.dist((0, 0), (3, 4)))


def math_overflow():
    return math.exp(1000)


# ---------------------------------------------------------------------------
# Iterators and generators
# ---------------------------------------------------------------------------

def countdown(ct):
    while ct > 0:
        yield ct
        ct = ct - 1


class GenHolder:
    @staticmethod
    def static_sequence(ct):
        while ct > 0:
            yield ct
            ct = ct - 1

    def sequence(self, ct):
        while ct > 0:
            yield ct
            ct = ct - 1


def generator_sources(count):
    return (list(countdown(count)), list(GenHolder.static_sequence(count)),
            list(GenHolder().sequence(count)), sum(countdown(count)))


def genexp_sums(ct):
    return (sum(x for x in range(ct)), list(x for x in range(ct)), [x for x in range(ct)],
            sum(x for x in range(ct) if x < ct // 2), list(x for x in range(ct) if x < ct // 2))


def nested_genexp_sums(ct):
    return (sum(o * 503 + i for o in range(ct) for i in range(o)),
            sum(o * 503 + i for o in range(ct) if o % 2 == 0 for i in range(o)),
            sum(o * 503 + i for o in range(ct) if o % 2 == 0 for i in range(o) if i % 2 == 0),
            sum(o * 503 + i for o in range(ct) for i in range(o) if i % 2 == 0))


class IterOnce:
    def __init__(self, x, func):
        self.x = x
        self.func = func

    def __iter__(self):
        yield self.func(self.x)


def sum_custom_iter():
    return sum(IterOnce(5, lambda x: x * 3)), list(IterOnce(0, lambda x: x)), max(IterOnce(2, str))


def return_generator():
    def yields(ct):
        yield ct
    return yields(10)


def iterate_list_and_str():
    x = [0, 1, 2, 3]
    tr = 0
    for val in x:
        tr = tr + val
    s = ""
    for ch in "xyz":
        s = ch + s
    return tr, s, 0 in x


def iter_next_protocol():
    it = iter([1, 2])
    a = next(it)
    b = next(it)
    c = next(it, "done")
    try:
        next(it)
    except StopIteration as e:
        return (a, b, c, "stop", e.args)


def enumerate_zip():
    return (list(enumerate("ab")), list(enumerate([5, 6], 10)), list(zip([1, 2, 3], "ab")),
            list(zip()), list(zip([1])))


# ---------------------------------------------------------------------------
# numpy (values that come back as plain Python values)
# ---------------------------------------------------------------------------

NP_ZEROS = numpy.zeros(10)
NP_RANGE = numpy.array(range(5))
NP_HOLDER = [NP_RANGE]


def numpy_shape():
    return NP_ZEROS.shape, NP_ZEROS.tolist(), len(NP_ZEROS)


def numpy_holder():
    return NP_HOLDER[0].tolist(), int(NP_HOLDER[0].sum()), NP_HOLDER[0].shape


def numpy_arith():
    a = numpy.array([1.0, 2.0, 3.0])
    b = numpy.arange(3)
    return ((a + b).tolist(), float(a.dot(b)), (a * 2).tolist(), float(numpy.sum(a)),
            float(a[1]), a[::-1].tolist(), numpy.zeros((2, 3)).shape)


def numpy_return_array():
    return NP_ZEROS is not None, type(NP_ZEROS).__name__


# ---------------------------------------------------------------------------
# Shapes the original suite refused (imports, ...); classes in functions now run
# ---------------------------------------------------------------------------

def class_in_function():
    class X:
        pass


def class_in_function_str():
    class StrOnClassInner:
        def __str__(self):
            return "special"
    return str(StrOnClassInner())


def class_in_function_closure(arg):
    class A:
        def __init__(self, x):
            self.x = x + arg
    return A(2).x


class InitDefinesClass:
    def __init__(self):
        class B:
            pass


def init_defines_class():
    a = InitDefinesClass()
    return None


def import_sys_inside():
    import sys


class SelfRebound:
    def __init__(self, x):
        self = 2
        self.x = x


def self_rebound_in_init():
    return SelfRebound(1)


class SetsElsewhere:
    def __init__(self):
        self.v = 1

    def bump(self):
        self.v = 2


def set_attr_outside_init():
    s = SetsElsewhere()
    s.bump()
    return s.v


CASES = [
    # strings
    case(str_index_basic),
    case(str_index_param, -1),
    case(str_index_param, -2),
    case(str_index_param, 0),
    case(str_index_param, 1),
    case(str_index_param, 59),
    case(str_index_param, -60),
    case(str_index_param, 60),
    case(str_index_param, -61),
    case(str_compare_pairs),
    case(str_duplication),
    case(str_eq_dunders),
    case(str_doubling, 1000000),
    case(str_index_perf, 100000, 2),
    case(str_slice_perf, 100000, 1, 2),
    case(str_slice_perf, 10000, 3, 200),
    case(str_slices_into_list, 100000, 2),
    case(str_slices_into_list, 10000, 200),
    case(str_splitlines_grid),
    case(str_splitlines_other_breaks),
    case(str_split_grid),
    case(str_split_empty_sep),
    case(str_index_out_of_range, 100),
    case(str_index_out_of_range, 10),
    case(str_index_out_of_range, "a"),
    case(str_of_values),
    # range
    case(range_value, 10),
    case(range_value, 0),
    case(range_overloads, 1, 10),
    case(range_overloads, 10, 5),
    case(range_overloads, 5, 10),
    case(range_overloads, 10, 1, 2),
    case(range_overloads, 10, 5, 5),
    case(range_overloads, 10, 10, 10),
    case(range_overloads, 10, 1, -2),
    case(range_grid),
    case(range_sum_big, 1000000),
    case(range_loop_sum, 10),
    case(range_float_arg, 0),
    case(range_float_arg, 1),
    case(range_float_arg, 2),
    case(range_float_arg, 3),
    case(range_attrs),
    # booleans, comparisons
    case(and_or_values),
    case(if_on_values, 1),
    case(if_on_values, 0),
    case(if_on_values, ""),
    case(if_on_values, [0]),
    case(primitive_comparisons),
    case(is_value, 10, 10),
    case(is_value, 10, 11),
    case(is_value, None, None),
    # functions
    case(nested_function_args, 10),
    case(default_one),
    case(default_one, 0),
    case(default_one, None),
    case(default_one, -3.3),
    case(default_one, "testing"),
    case(default_three, 0, None),
    case(default_three, None, 2),
    case(default_three, None, "test"),
    case(default_three, -3.3),
    case(default_three, "test", "test"),
    case(default_three, 1, c=5),
    case(handle_empty_list),
    case(run_off_end),
    case(empty_return),
    case(pass_only),
    case(bare_expression, 2),
    case(conditional_bare_return, 1),
    case(conditional_bare_return, -1),
    case(call_pass_function),
    case(return_lambda_called),
    case(external_lambda_called),
    case(mutual_table, 10),
    case(closure_table, 10),
    case(same_named_functions),
    case(SAME_NAME_1),
    case(SAME_NAME_2),
    case(fact, 0),
    case(fact, 4),
    case(fact, 30),
    case(fib, 4),
    case(fib, 15),
    case(ping, 4),
    case(ping, 11),
    case(inline_closure, 3),
    case(loop_sum_while, 0),
    case(loop_sum_while, 2),
    case(return_function_value),
    case(member_access_on_call),
    case(continue_in_while),
    case(continue_in_for),
    case(loop_var_carries_over),
    case(loop_var_unbound_after_empty),
    case(tuple_swap_functions, 100001),
    case(sum_is_prime, 30000),
    case(lambda x, y: x + y, 10, 20),
    case(lambda: list(x for x in range(10))),
    # bad calls
    case(takes_nothing, 1),
    case(takes_x),
    case(takes_xy, 1, 2, 3),
    case(takes_x_default, 1, 2, 3),
    case(takes_x_default),
    case(only_default, 1, 2),
    case(takes_three, 1, 2, 3, 4),
    case(takes_three, 1),
    case(takes_xy, 1, y=2, z=3),
    case(bad_call, 0),
    case(bad_call, 1),
    case(bad_call, 2),
    case(bad_call, 3),
    case(bad_call, 4),
    case(bad_call, 5),
    case(bad_call, 6),
    case(bad_call, 7),
    case(bad_call, 8),
    case(invalid_callables, 0),
    case(invalid_callables, 1),
    case(invalid_callables, 2),
    case(invalid_callables, 3),
    case(invalid_callables, 4),
    case(invalid_callables, 5),
    # builtins
    case(ord_chr),
    case(abs_of, -10),
    case(abs_of, 7),
    case(abs_of, True),
    case(abs_of, False),
    case(abs_of, -2.5),
    case(abs_of, -0.0),
    case(abs_of, []),
    case(abs_of, ["test"]),
    case(abs_of, "test"),
    case(all_of, []),
    case(all_of, [True]),
    case(all_of, [False]),
    case(all_of, [True, False]),
    case(all_of, [False, True]),
    case(all_of, [1, "x", (0,)]),
    case(any_of, []),
    case(any_of, [False, False]),
    case(any_of, [False, True]),
    case(any_of, [0, "", None]),
    case(reversed_list),
    case(reversed_bad),
    case(reduce_variants),
    case(map_variants),
    case(map_none),
    case(math_pi_plus, 2),
    case(iterate_to_list, [1, 2, 3]),
    case(iterate_to_list, "asdf"),
    case(max_min_variants, [1, 2, 0, 4, 4, 5, 9]),
    case(sorted_variants),
    case(sorted_not_iterable),
    case(sorted_large, 1000),
    case(sorted_large, 20000),
    case(in_expr, -4),
    case(in_expr, 0),
    case(in_expr, 2),
    case(in_expr, 3),
    case(len_values),
    case(len_bad, 5),
    case(len_bad, None),
    case(print_then_return),
    case(socket_never_used),
    case(type_value_not_touched),
    case(return_builtin_objects),
    case(types_and_combos),
    case(issubclass_grid),
    case(isinstance_grid),
    case(issubclass_bad),
    # lists
    case(list_build_loop, 100000),
    case(global_list_index, -4),
    case(global_list_index, -1),
    case(global_list_index, 0),
    case(global_list_index, 3),
    case(global_list_index, 4),
    case(list_len_checks),
    case(nested_list_access),
    case(list_index_of, 1),
    case(list_index_of, 3),
    case(list_index_of, 4),
    case(global_list_index_of, 2),
    case(global_list_index_of, 9),
    case(tuple_index_of, 3),
    case(tuple_index_of, 0),
    case(keyed_elt, -1),
    case(keyed_elt, 0),
    case(keyed_elt, 3),
    case(list_comprehensions, 0),
    case(list_comprehensions, 5),
    case(list_comprehensions, -3),
    case(list_comp_index_error, 6),
    case(list_comp_index_error, -7),
    case(list_comp_index_error, 7),
    case(list_comp_index_error, -8),
    case(nested_comprehension_matrix),
    case(basic_list_concat, 1),
    case(comprehension_var_does_not_leak),
    case(comprehension_var_does_not_leak_caught),
    case(list_plus_int),
    case(list_plus_int_caught),
    case(return_list_of_tuples),
    case(setitem_fresh_list, 7),
    case(append_to_fresh_literal),
    case(append_then_return),
    case(one_plus_setitem, 1),
    case(holding_builtin),
    case(long_list_len, LONG_LIST),
    case(self_referential_len),
    case(list_extended_slice_tuple),
    case(list_ellipsis_index),
    # tuples
    case(tuple_str_eq),
    case(tuple_conversion, 10),
    case(tuple_index, -3),
    case(tuple_index, 2),
    case(tuple_index, 3),
    case(tuple_step),
    case(tuple_returns),
    case(unpack_variants, 0),
    case(unpack_variants, 1),
    case(unpack_variants, 2),
    case(unpack_variants, 3),
    case(unpack_variants, 4),
    case(unpack_variants, 5),
    case(unpack_variants, 6),
    case(unpack_variants, 7),
    case(unpack_from_generator, 2),
    case(unpack_from_generator, 3),
    case(unpack_from_generator, 1),
    # dicts
    case(return_global_dict),
    case(dict_lookup, 1),
    case(dict_lookup, 11),
    case(dict_keys_values),
    case(dict_creation),
    case(dict_iteration),
    case(dict_creation_errors, 0),
    case(dict_creation_errors, 1),
    case(dict_creation_errors, 2),
    case(dict_creation_errors, 3),
    case(dict_creation_errors, 4),
    case(dict_creation_errors, 5),
    case(dict_missing_key, 2),
    case(dict_missing_key, (1,)),
    # slicing
    case(custom_slicing_range),
    case(custom_slicing_list),
    case(echo_slices),
    case(return_slice_type),
    case(slice_object_use),
    case(slice_range_object),
    # exceptions
    case(return_exception_classes),
    case(return_warning_instance),
    case(raise_exception_hi),
    case(raise_user_warning),
    case(catch_user_warning),
    case(warning_does_not_catch_exception),
    case(missing_attributes, 0),
    case(missing_attributes, 1),
    case(missing_attributes, 2),
    case(missing_attributes, 3),
    case(missing_attributes, 4),
    case(zero_divisions, 0),
    case(zero_divisions, 1),
    case(zero_divisions, 2),
    case(zero_divisions, 3),
    case(zero_divisions, 4),
    case(zero_divisions, 5),
    case(zero_divisions, 6),
    case(one_over, 0),
    case(one_over, 4),
    case(index_errors, 0),
    case(index_errors, 1),
    case(index_errors, 2),
    case(index_errors, 3),
    case(index_errors, 4),
    case(subscript_int, 0),
    case(subscript_int, None),
    case(free_name_missing),
    case(free_name_attr_chain),
    case(call_missing_via_helper),
    case(missing_in_branch),
    case(unbound_in_branch),
    case(unbound_self_assign),
    case(missing_in_arith),
    case(method_uses_missing),
    case(method_local_ok),
    case(assert_variants, 0),
    case(assert_variants, 1),
    case(assert_variants, 2),
    case(assert_variants, 3),
    case(assert_variants, 4),
    case(assert_uncaught, 0),
    case(assert_uncaught, 1),
    case(assert_uncaught, 2),
    case(assert_type),
    case(inline_fora_name),
    case(inline_fora_param, 0),
    # classes
    case(class_member_x),
    case(class_member_semantics),
    case(return_instance, 10),
    case(return_class_and_call),
    case(return_class_with_global),
    case(class_calls_free_function, 2, 3),
    case(global_instance_method, 4),
    case(mutually_recursive_methods, 10),
    case(free_vars_in_class, 0),
    case(free_vars_in_class, 1),
    case(instance_in_other_class, 10),
    case(static_helper_recursion, 10),
    case(getitem_wrapper, 0),
    case(getitem_wrapper, 9),
    case(getitem_wrapper, 10),
    case(init_variants, 0),
    case(init_variants, 3),
    case(init_variants, -4),
    case(init_instances, 2),
    case(unbound_in_method),
    case(call_returned_method, 1),
    case(MethodSource(1).f),
    case(GLOBAL_C4.f, 1),
    case(static_method_checks),
    case(property_value),
    case(property_with_arg),
    case(member_runs_off_end),
    case(inheritance_results, 2),
    case(inheritance_discarded, 2),
    case(isinstance_children),
    case(nonstandard_self),
    case(return_in_init),
    case(class_body_expression),
    case(yield_in_init),
    case(self_used_in_init),
    case(dunder_protocols, 2),
    case(len_returns_bad),
    case(str_returns_bad),
    # primitive conversions
    case(bool_conversions),
    case(bad_bool),
    case(unary_ops),
    case(complex_abs),
    case(numeric_conversions),
    case(float_returns_int),
    case(int_of_no_int),
    case(literals),
    case(self_rebound_in_init),
    # math
    case(math_functions_grid),
    case(math_two_arg),
    case(math_overflow),
    # iterators
    case(generator_sources, 0),
    case(generator_sources, 1),
    case(generator_sources, 2),
    case(genexp_sums, 0),
    case(genexp_sums, 1),
    case(genexp_sums, 17),
    case(genexp_sums, 103),
    case(nested_genexp_sums, 0),
    case(nested_genexp_sums, 8),
    case(nested_genexp_sums, 64),
    case(sum_custom_iter),
    case(iterate_list_and_str),
    case(iter_next_protocol),
    case(enumerate_zip),
    # numpy
    case(numpy_shape),
    case(numpy_holder),
    case(numpy_arith),
    case(numpy_return_array),
    # refused
    refused(return_generator, match="a generator cannot be sent back from pyfora"),
    case(class_in_function),
    case(class_in_function_str),
    case(class_in_function_closure, 1),
    case(init_defines_class),
    refused(import_sys_inside, match="import"),
    refused(eval_never_called, match="eval"),
    case(set_attr_outside_init),
]


# ---------------------------------------------------------------------------
# Second batch: corners around the same behaviours
# ---------------------------------------------------------------------------

def names_of_things():
    return (ChildInherit.__name__, ChildInherit.__qualname__, ChildInherit.__module__,
            fact.__name__, fact.__module__, (lambda: 0).__name__, str(ChildInherit),
            repr(Base1), repr(len), str(int), repr(None), type(fact).__name__,
            type(len).__name__, type(countdown(1)).__name__, type(MethodSource(1).f).__name__)


def exception_message_attr():
    return Exception("hi").message


def exception_str_forms():
    return (str(Exception(1, 2)), str(Exception()), str(KeyError("a")), repr(KeyError("a")),
            str(ValueError("x")), repr(ValueError("x", 2)), str(IndexError()),
            Exception("a", "b").args, str(KeyError()), str(Exception(None)))


class MyErr(Exception):
    def __init__(self, code):
        self.code = code


class MyErrStr(Exception):
    def __str__(self):
        return "custom!"


def custom_exception_shapes():
    try:
        raise MyErr(5)
    except MyErr as e:
        a = (e.code, e.args, str(e))
    try:
        raise MyErrStr("x", 1)
    except Exception as e:
        b = (str(e), e.args, repr(e))
    try:
        raise ValueError
    except ValueError as e:
        c = (e.args, str(e), type(e).__name__)
    return a, b, c


def raise_custom_uncaught():
    raise MyErrStr("x")


def warning_hierarchy():
    return (issubclass(UserWarning, Warning), issubclass(UserWarning, Exception),
            issubclass(DeprecationWarning, UserWarning), isinstance(UserWarning("m"), Warning),
            UserWarning.__mro__, issubclass(KeyboardInterrupt, Exception),
            issubclass(StopIteration, Exception), issubclass(ZeroDivisionError, ArithmeticError))


def except_tuple_and_order(kind):
    try:
        if kind == 0:
            raise KeyError("k")
        if kind == 1:
            raise IndexError("i")
        raise ZeroDivisionError("z")
    except (IndexError, ZeroDivisionError) as e:
        return ("tuple", type(e).__name__)
    except LookupError as e:
        return ("lookup", str(e))


def raise_class_not_instance():
    try:
        raise TypeError
    except TypeError as e:
        return type(e), e.args


def raise_from_none():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise ValueError("b") from None
    except ValueError as e:
        return (e.__cause__, e.__suppress_context__, type(e.__context__).__name__)


class EqOnlyX:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, EqOnlyX) and self.x == other.x

    __hash__ = None


def ne_derived_from_eq():
    a = EqOnlyX(1)
    b = EqOnlyX(1)
    c = EqOnlyX(2)
    return (a == b, a != b, a != c, a == 1, a != 1, [a] == [b], a in [c, b], (a,) != (b,))


class LtOnly:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v


def reflected_comparisons():
    a = LtOnly(1)
    b = LtOnly(2)
    return (a < b, b > a, a > b, sorted([b, a, LtOnly(0)])[0].v, max([a, b]).v)


def reflected_le_missing():
    return LtOnly(1) <= LtOnly(2)


class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"


def repr_used_by_str():
    return (str(ReprOnly()), repr(ReprOnly()), str([ReprOnly()]), f"{ReprOnly()!r}", "%r" % (ReprOnly(),))


class Fmt:
    def __format__(self, spec):
        return "F[" + spec + "]"


def custom_format():
    return (format(Fmt(), "x>5"), f"{Fmt():abc}", "{0:zz}".format(Fmt()), f"{Fmt()}")


class ContainsViaIter:
    def __iter__(self):
        yield 1
        yield 2


class ContainsViaGetitem:
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError(i)


def contains_fallbacks():
    return (2 in ContainsViaIter(), 3 in ContainsViaIter(), 20 in ContainsViaGetitem(),
            25 in ContainsViaGetitem(), list(ContainsViaGetitem()))


class BadIter:
    def __iter__(self):
        return [1, 2]


def iter_returns_non_iterator():
    return list(BadIter())


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, y=0):
        return self.n + x + y


def callable_instances():
    a = Adder(3)
    return (a(1), a(1, y=2), callable(a), callable(3), callable(Adder), list(map(a, [1, 2])))


def generator_reuse():
    g = countdown(3)
    first = list(g)
    second = list(g)
    return first, second, sum(countdown(4)), max(countdown(4))


def gen_return_value():
    def gen():
        yield 1
        return "done"
    g = gen()
    a = next(g)
    try:
        next(g)
    except StopIteration as e:
        return (a, e.value, e.args)


def zip_consumption_order():
    g = countdown(5)
    z = list(zip(g, [1, 2]))
    return z, list(g)


def dict_view_ops():
    d = {1: "a", 2: "b", 3: "c"}
    return (sorted(d.keys() & {1, 3, 5}), sorted(d.keys() | {9}), list(reversed(d)),
            {**d, 4: "d"}, d | {1: "z"}, list(d.items())[0], len(d.values()), 2 in d.keys(),
            "b" in d.values(), ("a", 1) in d.items())


def formatting_corners():
    x = 3.14159
    n = 42
    return (f"{x=:.2f}", f"{n!r:>5}", f"{n:{'0'}{6}}", "%(a)s-%(b)05.1f" % {"a": 1, "b": 2.25},
            "{0[1]}{1.real}".format([5, 6], 7), b"%d:%s" % (3, b"x"), "%c%c" % (65, "b"),
            "%5.2s|" % "abc", "%-6d|" % -3, "%+.3e" % 12345.678, "%x %o %X" % (255, 8, 255),
            f"{1234567:,}", f"{0.5:%}", f"{12:#b}", format(1e100), format(2.5, "g"))


def int_float_methods():
    return ((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (1.5).hex(),
            float.fromhex("0x1.8p1"), (0.75).as_integer_ratio(), (255).bit_length(),
            (255).bit_count(), (-7).__floordiv__(2), (10).__rtruediv__(4), float.is_integer(2.0),
            (3).conjugate(), (5).numerator, (2.5).real)


def round_corners():
    return (round(1234, -2), round(2.675, 2), round(-0.5), round(1.5), round(2.5),
            round(0.125, 2), round(1e300, -300), type(round(2.5)), type(round(2.5, 0)),
            round(-1234.5678, -1), round(7, 0), round(15, -1), round(25, -1))


def pow_corners2():
    return (pow(3, -1, 7), pow(2, 0.5), (-8) ** (1 / 3), 2 ** -1, (-2) ** 2, pow(10, 20, 7),
            (-1) ** 0.5, 0 ** 0, 0.0 ** 0, pow(2, 3, 1))


def pow_zero_negative():
    return 0 ** -1


def complex_zero_division():
    return (1 + 2j) / 0


def string_to_number():
    return (int(" 12 "), int("1_000"), float("  -inf"), float("1e-3"), int("0x10", 16),
            int("10", 0), int("0b101", 0), int("\u0661\u0662\u0663"), float("1_0.5"),
            int("-0"), int("z", 36), float(" nan ") != float("nan"), int(3.99), int(-3.99),
            int(True), float(10 ** 20))


def string_to_number_bad(kind):
    if kind == 0:
        return int("1.5")
    if kind == 1:
        return int("")
    if kind == 2:
        return float("abc")
    if kind == 3:
        return int("10", 1)
    if kind == 4:
        return int(float("inf"))
    return int(float("nan"))


def math_big_and_special(kind):
    if kind == 0:
        return math.sqrt(10 ** 400)
    if kind == 1:
        return math.log(10 ** 400), math.log10(10 ** 400), math.log2(2 ** 2000)
    if kind == 2:
        return math.floor(float("inf"))
    if kind == 3:
        return math.ceil(float("nan"))
    if kind == 4:
        return math.factorial(True), math.factorial(20), math.floor(-0.5), math.ceil(-0.5)
    if kind == 5:
        return math.factorial(-1)
    if kind == 6:
        return math.sqrt(-1)
    return math.log(0)


def range_huge():
    r = range(10 ** 20)
    return (r[-1], r[10 ** 19], 10 ** 19 in r, r[::10 ** 19], range(0, 10 ** 20, 3)[-1], bool(range(0)))


def range_huge_len():
    return len(range(10 ** 20))


def sorting_corners():
    words = ["b", "A", "c", "a", "B"]
    return (sorted(words, key=str.lower), sorted(words), sorted([3, 1, 2], key=lambda v: -v),
            min(3, 1, 2, key=lambda v: -v), max([], default="empty"), max([1, 5, 3], key=str),
            sorted([(1, "b"), (1, "a"), (0, "z")]), sorted({3: 0, 1: 0}.items()),
            sum([[1], [2]], []), sum([0.1] * 3), sum(range(5), 10), sum([True, True]))


def sorting_mixed_error():
    return sorted([1, "a"])


def sequence_corners():
    return ((1, 2)[True], [1, 2, 3, 2].index(2, 2), [1] * -1, "ab" * True, "abc"[::-1],
            "h\u00e9llo"[::-2], [1, 2, 3][10:], [1, 2, 3][-10:2], "abc"[1:1], (1, 2, 3)[-1:0:-1],
            [0, 1, 2, 3, 4, 5][10:0:-3], "abcdef"[-2::-2], list(range(10))[2:8:3])


def mul_by_float():
    return "abc" * 2.0


def union_types():
    return (isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None),
            isinstance(None, type(None) | int))


def isinstance_nested_tuples():
    return (isinstance(3, (str, (float, (int,)))), isinstance("s", ()), issubclass(bool, (bool,)))


def isinstance_bad_second():
    return isinstance(3, 4)


def chained_comparisons(x):
    return (1 < x < 3, 1 < x > 0, x == x == x, 0 <= x <= 0, 1 < 2 < x, "a" < "b" < "c", x < 5 != 4)


def not_precedence(a, b):
    return (not a == b, not a or b, not (a and b), a if not b else b, -a ** 2, (-a) ** 2, ~a & b)


SOME_CLASS_LIST = [1, 2, 3]


class HoldsList:
    def __init__(self, v):
        self.m = v


CIRC_LIST = [1, 2, 3]
CIRC_LIST.append(HoldsList(CIRC_LIST))


def circular_through_instance():
    return len(CIRC_LIST), CIRC_LIST[3].m[3].m[0], CIRC_LIST[3].m is CIRC_LIST


CIRC_DICT = {"a": 1}
CIRC_DICT["self"] = CIRC_DICT


def circular_dict():
    return CIRC_DICT["self"]["self"]["a"], len(CIRC_DICT)


class Counter2:
    shared = [1, 2]
    count = 7

    def __init__(self):
        self.count = 3

    @classmethod
    def make(cls):
        return cls()

    @classmethod
    def name(cls):
        return cls.__name__


class SubCounter(Counter2):
    pass


def class_attrs_and_classmethods():
    c = Counter2()
    return (c.count, Counter2.count, c.shared, Counter2.make().count, SubCounter.make().__class__.__name__,
            SubCounter.name(), c.name(), SubCounter().shared is Counter2.shared)


class PropSetter:
    def __init__(self, v):
        self._v = v

    @property
    def v(self):
        return self._v * 2


def property_readonly_error():
    p = PropSetter(3)
    return p.v, PropSetter.v.__class__.__name__


def bound_method_attrs():
    m = MethodSource(5).f
    return (m.__name__, m.__func__ is MethodSource.f, m(), MethodSource.f(MethodSource(7)))


def unbound_method_wrong_self():
    return MethodSource.f(3)


def lambda_defaults_and_kw():
    f = lambda a, b=2, *c, d=4, **e: (a, b, c, d, sorted(e.items()))
    return (f(1), f(1, 3, 5, 6, d=0, z=9), f(a=7), (lambda *a: a)(), (lambda **k: k)(x=1))


def kwargs_errors(kind):
    f = lambda a, *, b: (a, b)
    if kind == 0:
        return f(1, 2)
    if kind == 1:
        return f(1)
    if kind == 2:
        return f(1, b=2, **{"b": 3})
    return f(**{1: 2})


def str_methods_more():
    s = "Hello, World"
    return (s.swapcase(), s.casefold(), s.partition(", "), s.rpartition("o"), s.center(20, "*"),
            s.zfill(15), "-12".zfill(6), s.expandtabs(), "a\tb".expandtabs(4), s.translate(str.maketrans("lo", "01")),
            s.removeprefix("Hell"), s.removesuffix("ld"), "x".join(["a", "b"]), s.isascii(), "\u00b2".isdigit(),
            "\u00b2".isdecimal(), "ǅ".istitle(), s.encode("utf-16-le")[:4], s.rjust(3), s.ljust(14, "."))


def bytes_more():
    b = b"hello"
    return (b[0], b[-1:], list(b[:2]), b.upper(), b.split(b"l"), bytes(3), bytes([65, 66]), b.hex(),
            bytes.fromhex("4142"), b.decode(), b + b"!", b * 2, b"l" in b, 108 in b, b.find(b"lo"),
            bytearray(b"ab") + b"c", b == "hello", str(b), repr(b"\x00'\""))


def bytes_index_error():
    return b"ab"[5]


CASES = CASES + [
    case(names_of_things),
    case(exception_message_attr),
    case(exception_str_forms),
    case(custom_exception_shapes),
    case(raise_custom_uncaught),
    case(warning_hierarchy),
    case(except_tuple_and_order, 0),
    case(except_tuple_and_order, 1),
    case(except_tuple_and_order, 2),
    case(raise_class_not_instance),
    case(raise_from_none),
    case(ne_derived_from_eq),
    case(reflected_comparisons),
    case(reflected_le_missing),
    case(repr_used_by_str),
    case(custom_format),
    case(contains_fallbacks),
    case(iter_returns_non_iterator),
    case(callable_instances),
    case(generator_reuse),
    case(gen_return_value),
    case(zip_consumption_order),
    case(dict_view_ops),
    case(formatting_corners),
    case(int_float_methods),
    case(round_corners),
    case(pow_corners2),
    case(pow_zero_negative),
    case(complex_zero_division),
    case(string_to_number),
    case(string_to_number_bad, 0),
    case(string_to_number_bad, 1),
    case(string_to_number_bad, 2),
    case(string_to_number_bad, 3),
    case(string_to_number_bad, 4),
    case(string_to_number_bad, 5),
    case(math_big_and_special, 0),
    case(math_big_and_special, 1),
    case(math_big_and_special, 2),
    case(math_big_and_special, 3),
    case(math_big_and_special, 4),
    case(math_big_and_special, 5),
    case(math_big_and_special, 6),
    case(math_big_and_special, 7),
    case(range_huge),
    case(range_huge_len),
    case(sorting_corners),
    case(sorting_mixed_error),
    case(sequence_corners),
    case(mul_by_float),
    case(union_types),
    case(isinstance_nested_tuples),
    case(isinstance_bad_second),
    case(chained_comparisons, 2),
    case(chained_comparisons, 0),
    case(not_precedence, 3, 0),
    case(not_precedence, 0, 5),
    case(circular_through_instance),
    case(circular_dict),
    case(class_attrs_and_classmethods),
    case(property_readonly_error),
    case(bound_method_attrs),
    case(unbound_method_wrong_self),
    case(lambda_defaults_and_kw),
    case(kwargs_errors, 0),
    case(kwargs_errors, 1),
    case(kwargs_errors, 2),
    case(kwargs_errors, 3),
    case(str_methods_more),
    case(bytes_more),
    case(bytes_index_error),
]


# ---------------------------------------------------------------------------
# Third batch: owned-container mutation (ListTestCases' setitem/append shapes)
# and statement-form corners
# ---------------------------------------------------------------------------

def mutate_copies(xs, d):
    a = list(xs)
    a.append(4)
    b = xs[:]
    b[0] = "b"
    c = sorted(xs)
    c.reverse()
    e = dict(d)
    e["new"] = 1
    f2 = set(xs)
    f2.add(99)
    g = [v * 2 for v in xs]
    g.insert(0, -1)
    h = {k: 0 for k in d}
    h.update(z=2)
    i = xs + [5]
    i.pop(0)
    j = xs * 2
    j.sort(reverse=True)
    return a, b, c, e, sorted(f2), g, h, i, j, xs, d


def mutate_augmented():
    l = []
    l += [1]
    l += (2, 3)
    l *= 2
    s = set()
    s |= {1}
    s -= {5}
    d = {}
    d |= {"a": 1}
    return l, s, d


def mutate_in_loop_fresh(n):
    out = []
    for i in range(n):
        row = []
        for j in range(i):
            row.append(j)
        out.append(row)
    return out


def mutate_then_store():
    l = [3, 1, 2]
    l.sort()
    t = (l, 5)
    return t


class BuildsInInit:
    def __init__(self, n):
        items = []
        for i in range(n):
            items.append(i * i)
        self.items = items
        self.total = sum(items)


def build_in_init(n):
    b = BuildsInInit(n)
    return b.items, b.total, b


def mutate_nested_fresh():
    grid = [[0] * 3 for _ in range(3)]
    grid[1][2] = 5
    grid[0].append(7)
    d = {"k": []}
    d["k"].append(1)
    return grid, d


def mutate_del_slices():
    l = list(range(10))
    del l[::3]
    l[1:3] = ["a", "b", "c"]
    del l[-1]
    d = {1: 2, 3: 4}
    del d[1]
    return l, d


def mutate_alias_refused():
    l = []
    m = l
    m.append(1)
    return l


def mutate_argument_copy_ok(xs):
    ys = xs.copy()
    ys.append(0)
    return ys, xs


def walrus_corners(xs):
    out = [y for x in xs if (y := x * 2) > 2]
    last = y
    if (n := len(xs)) > 2:
        tag = "long"
    else:
        tag = "short"
    return out, last, n, tag


def closures_in_loops():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i * 10)
    gs = [lambda: i for i in range(3)]
    return [f() for f in fs], [g() for g in gs]


def finally_overrides(kind):
    for i in range(3):
        try:
            if kind == 0:
                return "try"
            if kind == 1:
                raise ValueError("x")
            if kind == 2:
                break
        finally:
            if i == 0 and kind != 2:
                continue
    return ("after", i)


class Pt:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def match_classes(v):
    match v:
        case Pt(0, 0):
            return "origin"
        case Pt(x, 0) if x > 0:
            return ("xaxis", x)
        case Pt(x=0, y=yy):
            return ("yaxis", yy)
        case [Pt(), *rest]:
            return ("list of pts", len(rest))
        case {"k": [1, *_]}:
            return "dict"
        case int() | float() as num if num < 0:
            return ("neg", num)
        case str(s):
            return ("str", s)
        case _:
            return "other"


def exceptions_in_callbacks(kind):
    if kind == 0:
        return sorted([3, 0, 1], key=lambda v: 1 // v)
    if kind == 1:
        return list(map(lambda v: 10 // v, [1, 2, 0, 3]))
    if kind == 2:
        return sum(1 // v for v in [1, 0])
    if kind == 3:
        return max([1, 2], key=lambda v: v.nope)
    return functools.reduce(lambda a, b: a / b, [1, 0])


def context_in_generator():
    def gen():
        try:
            yield 1 // 0
        except ZeroDivisionError:
            raise KeyError("k")
    try:
        list(gen())
    except KeyError as e:
        return type(e.__context__).__name__, str(e.__context__), e.__cause__


def percent_errors2(kind):
    if kind == 0:
        return "%d %d" % (1,)
    if kind == 1:
        return "%d" % (1, 2)
    if kind == 2:
        return "%d" % "x"
    if kind == 3:
        return "%(a)s" % (1,)
    return "{} {}".format(1)


def int_big_ops():
    a = 3 ** 200
    return (a // 7 ** 50, a % 10 ** 9, -a // 3, str(a)[:10], a.bit_length(), hash(2 ** 61 - 1) == hash(2 ** 61 - 1),
            float(a) == a, a > 1e90, (a >> 300), -(a << 3) & 0xFFFF, divmod(-a, 10 ** 30)[1], int(str(a)) == a)


def float_reprs():
    return (repr(0.1 + 0.2), str(1e16), str(1e-5), repr(1.0), str(123456789012345678.0), repr(-0.0),
            str(float("inf")), repr(float("-inf")), str(2.5e-324), repr(1.7976931348623157e308), 0.1 * 3,
            1 / 3, 2 / 3 * 3, 7.0 // 2, -7.0 // 2, 7.5 % -2, float.__repr__(5e-7))


CASES = CASES + [
    case(mutate_copies, [3, 1, 2], {"a": 1}),
    case(mutate_augmented),
    case(mutate_in_loop_fresh, 5),
    case(mutate_then_store),
    case(build_in_init, 5),
    case(mutate_nested_fresh),
    case(mutate_del_slices),
    case(mutate_alias_refused),
    case(mutate_argument_copy_ok, [1, 2]),
    case(walrus_corners, [1, 2, 3]),
    case(walrus_corners, [0]),
    case(closures_in_loops),
    case(finally_overrides, 0),
    case(finally_overrides, 1),
    case(finally_overrides, 2),
    case(finally_overrides, 3),
    case(match_classes, Pt(0, 0)),
    case(match_classes, Pt(3, 0)),
    case(match_classes, Pt(-3, 0)),
    case(match_classes, Pt(0, 9)),
    case(match_classes, [Pt(1, 1), 2, 3]),
    case(match_classes, {"k": [1, 2], "j": 0}),
    case(match_classes, -2.5),
    case(match_classes, 4),
    case(match_classes, "s"),
    case(exceptions_in_callbacks, 0),
    case(exceptions_in_callbacks, 1),
    case(exceptions_in_callbacks, 2),
    case(exceptions_in_callbacks, 3),
    case(exceptions_in_callbacks, 4),
    case(context_in_generator),
    case(percent_errors2, 0),
    case(percent_errors2, 1),
    case(percent_errors2, 2),
    case(percent_errors2, 3),
    case(percent_errors2, 4),
    case(int_big_ops),
    case(float_reprs),
]


# ---------------------------------------------------------------------------
# Fourth batch: function/class metadata, descriptors, decorators, itertools
# ---------------------------------------------------------------------------


def documented(a, b=2, *args, c=3, **kw):
    """Docstring here."""
    return a


class DocK:
    """Class doc."""
    z = 1

    def __init__(self, v):
        self.v = v
        self.w = [v]

    def meth(self):
        "m doc"
        return self.v


def meta_docs():
    return (documented.__doc__, DocK.__doc__, DocK.meth.__doc__, documented.__defaults__,
            documented.__kwdefaults__, documented.__code__.co_argcount)


def meta_dir_vars():
    return ([n for n in dir(DocK(1)) if not n.startswith("__")], sorted(vars(DocK(2))),
            DocK(3).__dict__, dir(DocK(1)), list(vars(DocK(1)).keys()))


def meta_hasattr():
    d = DocK(1)
    return (hasattr(d, "v"), hasattr(d, "q"), getattr(d, "q", 5), getattr(DocK, "z"),
            hasattr(DocK, "meth"), sorted(k for k in DocK.__dict__ if not k.startswith("__")))


class SetNameDesc:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return ("desc", self.name, obj.v)


class UsesSetNameDesc:
    d = SetNameDesc()

    def __init__(self, v):
        self.v = v


def descriptor_set_name():
    return UsesSetNameDesc(4).d


class GetDesc:
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "on class"
        return ("desc", obj.v)


class UsesGetDesc:
    d = GetDesc()

    def __init__(self, v):
        self.v = v


def descriptor_get_only():
    return UsesGetDesc(4).d, UsesGetDesc.d


def wraps_deco(fn):
    @functools.wraps(fn)
    def inner(*a, **k):
        return ("wrapped", fn(*a, **k))
    return inner


@wraps_deco
def wraps_decorated(x):
    """deco doc"""
    return x + 1


def wraps_module_level():
    return wraps_decorated(1), wraps_decorated.__name__, wraps_decorated.__wrapped__(1)


def wraps_module_level_doc():
    return wraps_decorated.__doc__


def doc_assigned_target():
    return 1


doc_assigned_target.__doc__ = "set later"


def doc_assigned():
    return doc_assigned_target.__doc__


def wraps_inside_vm():
    def deco(fn):
        @functools.wraps(fn)
        def inner():
            return fn()
        return inner

    def h():
        "hdoc"
        return 2
    w = deco(h)
    return w.__doc__, w.__name__, w()


def itertools_more():
    return (list(itertools.accumulate([1, 2, 3], initial=10)), list(itertools.pairwise("abcd")),
            list(itertools.product("ab", repeat=2)), list(itertools.combinations_with_replacement([1, 2], 2)),
            list(itertools.islice(range(20), 2, 15, 4)), list(itertools.zip_longest("ab", "c", fillvalue="-")),
            list(itertools.chain.from_iterable(["ab", "cd"])), list(itertools.starmap(pow, [(2, 3), (3, 2)])),
            list(itertools.takewhile(lambda v: v < 3, [1, 2, 5, 1])),
            list(itertools.dropwhile(lambda v: v < 3, [1, 2, 5, 1])),
            list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.islice(itertools.cycle("xy"), 5)),
            list(itertools.islice(itertools.count(0.5, 0.25), 3)), [list(g) for k, g in itertools.groupby("aabbbc")],
            list(itertools.permutations(range(3), 2)), [list(t) for t in itertools.tee([1, 2], 2)])


def operator_more():
    return (operator.attrgetter("real", "imag")(3 + 4j), operator.itemgetter(0, 2)("abc"),
            operator.methodcaller("split", ",")("a,b"), operator.attrgetter("v.real")(DocK(2)),
            operator.add(1, 2), operator.neg(3), operator.contains([1], 1), operator.index(5))


class SuperK(DocK):
    @classmethod
    def make(cls):
        return cls(9)

    def meth(self):
        return ("sub", super().meth())

    @property
    def prop(self):
        return super().meth() * 2


def super_variants():
    s = SuperK.make()
    return s.meth(), s.prop, type(s).__mro__


def del_then_read():
    x = 1
    del x
    return x


def send_accumulator():
    def g():
        total = 0
        while True:
            v = yield total
            if v is None:
                return total
            total += v
    it = g()
    next(it)
    a = it.send(3)
    b = it.send(4)
    try:
        it.send(None)
    except StopIteration as e:
        return a, b, e.value


def closure_introspection():
    y = 3

    def g():
        return y
    return g.__closure__[0].cell_contents, g.__code__.co_freevars, g.__name__, g.__qualname__


def hash_equal_keys():
    return (hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b", True: "c"}, {0, 0.0, False, -0.0},
            {(1, 2): 0, (1.0, 2.0): 1})


def default_instance_identity():
    a = DocK(1)
    return a == a, a != a, a == DocK(1), a in [a], [a].count(a), [a].index(a)


def type_calls():
    return (type(3)("4"), type("x")(5), type([])((1,)), type(None)(), type(DocK(1))(2).v,
            type("T", (), {"a": 1}).a)


def nested_fstrings():
    d = {"a": [1, 2]}
    w = 6
    return (f"{d['a'][1]:>{w}}", f"{'x' if w else 'y'}", f"{{}}{w}", f"{3.0:.{w}}",
            [f"{v:>8.3f}|{v:<8}|{v:^9.2e}|{v:+}" for v in [3.14159, -2.5, 1e10, 0.0]])


CASES = CASES + [
    refused(meta_docs, match="`__code__`"),
    case(meta_dir_vars),
    case(meta_hasattr),
    case(descriptor_set_name),
    case(descriptor_get_only),
    case(wraps_module_level),
    case(wraps_inside_vm),
    case(itertools_more),
    case(operator_more),
    case(super_variants),
    case(del_then_read),
    case(send_accumulator),
    refused(closure_introspection, match="`__code__`"),
    case(hash_equal_keys),
    case(default_instance_identity),
    case(type_calls),
    case(nested_fstrings),
    case(doc_assigned),
    case(wraps_module_level_doc),
]
