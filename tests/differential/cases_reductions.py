"""Differential cases: `sum`, `any`, `all`, `"".join` and friends of generator expressions — those
that call user code (a loop in the caller's frame) and those that call none (CPython's own
generator, consumed in C)."""
from case import case


def noisy(x):
    print("visit", x)
    return x


def sum_calls_in_order(xs):
    return sum(noisy(x) * 2 for x in xs)


def any_stops_at_first_true(xs):
    return any(noisy(x) > 2 for x in xs), all(noisy(x) < 3 for x in xs)


def all_of_empty_and_any_of_empty():
    return all(noisy(x) for x in []), any(noisy(x) for x in []), sum(noisy(x) for x in [])


def sum_types(xs):
    return sum(noisy(x) for x in xs), type(sum(noisy(x) for x in xs)).__name__


def sum_of_lists_fails(xs):
    return sum(noisy([x]) for x in xs)


def sum_of_strings_fails():
    return sum(noisy(c) for c in "ab")


def error_inside_generator(xs):
    return sum(10 // noisy(x) for x in xs)


def any_returns_bool_not_item(xs):
    return any(noisy(x) for x in xs), all(noisy(x) for x in xs)


class Truthy:
    def __init__(self, flag):
        self.flag = flag

    def __bool__(self):
        print("bool", self.flag)
        return self.flag


def any_uses_bool(flags):
    return any(Truthy(f) for f in flags), all(Truthy(f) for f in flags)


def generator_finally_runs_on_early_exit():
    log = []

    def numbers():
        try:
            for i in range(10):
                yield noisy(i)
        finally:
            print("closed")

    found = any(n == 2 for n in numbers())
    return found, log


def nested_reductions(n):
    return sum(sum(noisy(i) * j for j in range(i)) for i in range(n))


def reduction_in_condition_and_loop(xs):
    out = []
    for x in xs:
        if any(noisy(y) == x for y in xs[:x]):
            out.append(x)
    while all(noisy(v) < 5 for v in out):
        out.append(len(out) + 1)
    return out


def reduction_in_default_and_lambda(xs):
    def f(k=sum(noisy(x) for x in xs)):
        return k
    g = lambda: any(noisy(x) > 1 for x in xs)
    return f(), g()


def walrus_in_reduction(xs):
    total = sum((y := noisy(x)) for x in xs)
    return total, y


def call_free_generators(xs, table):
    return (any(table[x] == 0 for x in xs), all(x in table for x in xs), sum(x * x for x in xs),
            min(x - 1 for x in xs), max(x + 1 for x in xs if x), sorted(x % 3 for x in xs),
            "-".join(str(x) for x in xs), list(x for x in xs), tuple(x for x in xs), set(x for x in xs))


def call_free_generator_error(xs):
    return any(1 // x for x in xs)


def call_free_generator_key_error(xs, table):
    return sum(table[x] for x in xs)


def shadowed_sum(xs):
    def sum(items):
        return "mine", list(items)
    return sum(noisy(x) for x in xs)


def sum_with_start(xs):
    return sum((noisy(x) for x in xs), 10), sum((noisy([x]) for x in xs), [])


def sorted_key_calls_and_stability(words):
    return (sorted(words, key=lambda w: noisy(len(w))), sorted(words, key=len, reverse=True),
            sorted((w for w in words), key=lambda w: noisy(w[-1]), reverse=True))


def sorted_key_raises_midway(xs):
    return sorted(xs, key=lambda x: noisy(10 // x))


def sorted_nan_keys():
    nan = float("nan")
    return sorted([3, 1, 2, 0], key=lambda i: [nan, 2.0, nan, 1.0][i])


def extremes_with_key(xs):
    return (max(xs, key=lambda x: noisy(x % 5)), min(xs, key=lambda x: noisy(x % 5)),
            max((x for x in xs), key=abs), min(xs, key=lambda x: -x, default=None),
            max([], key=noisy, default="empty"), min((noisy(x) for x in xs)))


# Float sums: from 3.12 on CPython's `sum` compensates rounding (Neumaier), carried while items are
# floats or ints that fit a C long; the VM's own loops must follow the running version exactly.

CANCELLING = [0.1] * 10 + [1e16, 1.0, -1e16]


def pick(table, i):
    return table[i]


def compensated_sum_of_calls():
    return sum(pick(CANCELLING, x) for x in range(13))


def float_sums(table):
    """The loop in this frame, then the VM's own `sum`: with float starts, and of a generator."""
    n = len(table)
    g = (pick(table, i) for i in range(n))
    return (sum(pick(table, i) for i in range(n)), sum((pick(table, i) for i in range(n)), 0.0),
            sum((pick(table, i) for i in range(n)), -0.0), sum((pick(table, i) for i in range(n)), 1e16), sum(g))


class Quarter:
    def __radd__(self, other):
        print("radd", other)
        return other + 0.25


class Tally(int):
    """CPython's float loop adds it as the int it is; its int loop calls `__radd__`."""

    def __radd__(self, other):
        print("tally radd", other)
        return 0


def sum_after_an_object(items):
    """An object (a complex, a user class) ends CPython's compensated loop: what comes after adds plainly."""
    return sum(pick(items, i) for i in range(len(items))), sum((pick(items, i) for i in range(len(items))), 0.5)


def int_sums(items):
    total = sum(pick(items, i) for i in range(len(items)))
    return total, type(total).__name__


def sum_of_strings_with_start():
    return sum((noisy(c) for c in "ab"), "")


CASES = [
    case(sorted_key_calls_and_stability, ["pear", "fig", "apple", "kiwi", "date", "banana"]),
    case(sorted_key_raises_midway, [5, 2, 0, 1]),
    case(sorted_nan_keys),
    case(extremes_with_key, [7, -3, 12, 5, 9, 2]),
    case(sum_calls_in_order, [1, 2, 3]),
    case(any_stops_at_first_true, [1, 3, 5, 2]),
    case(all_of_empty_and_any_of_empty),
    case(sum_types, [1, 2.5, True]),
    case(sum_types, [1, 2, 3]),
    case(sum_types, [1j, 2]),
    case(sum_of_lists_fails, [1, 2]),
    case(sum_of_strings_fails),
    case(error_inside_generator, [5, 2, 0, 1]),
    case(any_returns_bool_not_item, [0, "", "x", 3]),
    case(any_uses_bool, [False, True, False]),
    case(any_uses_bool, [True, True]),
    case(generator_finally_runs_on_early_exit),
    case(nested_reductions, 5),
    case(reduction_in_condition_and_loop, [1, 2, 3, 1, 2]),
    case(reduction_in_default_and_lambda, [1, 2, 3]),
    case(walrus_in_reduction, [4, 5, 6]),
    case(call_free_generators, [1, 2, 0, 3], {0: 1, 1: 2, 2: 0, 3: 4}),
    case(call_free_generator_error, [3, 2, 0]),
    case(call_free_generator_key_error, [1, 9], {1: 1}),
    case(shadowed_sum, [1, 2]),
    case(sum_with_start, [1, 2]),
    case(compensated_sum_of_calls),
    case(float_sums, CANCELLING),
    case(float_sums, [1e16, 1.0, -1e16, 0.1, 0.2, 0.3, -0.6, 1e-16, 3.0]),
    case(float_sums, [1e16, 1, True, 2**53 + 1, -1e16, -(2**53)]),   # ints add to the double uncompensated
    case(float_sums, [2**62, 2**62, -(2**63)] + CANCELLING),   # the int total overflowed: no compensation
    case(float_sums, [1.0, 2**70, -(2**70)] + CANCELLING),     # an int beyond a C long ends it too
    case(float_sums, [1e308, 1e308, -1e308, 1.0]),
    case(float_sums, [1e308, 1e308, 1.0, -1e308, -1e308]),
    case(float_sums, [float("inf"), 1.0, 1e-300]),
    case(float_sums, [float("inf"), 1e16, 1.0, -1e16, float("-inf")]),
    case(float_sums, [float("nan"), 0.1, 1e16]),
    case(float_sums, [-0.0, -0.0]),
    case(float_sums, [0.1, -0.1, -0.0]),
    case(float_sums, []),
    case(sum_after_an_object, CANCELLING + [1j] + CANCELLING),
    case(sum_after_an_object, CANCELLING + [Quarter()] + CANCELLING),
    case(sum_after_an_object, [1, 2, Quarter()] + CANCELLING),
    case(sum_after_an_object, CANCELLING + [Tally(2)] + CANCELLING),
    case(sum_after_an_object, [3, Tally(2)] + CANCELLING),
    case(int_sums, [2**62, 2**62, 2**62, -(2**64), 7]),
    case(int_sums, [True, True, False, 3]),
    case(int_sums, [10**30, -(10**30), 1]),
    case(sum_of_strings_with_start),
]
