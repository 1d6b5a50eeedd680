"""Differential cases: control flow and evaluation order.

Branches and loops with else/break/continue, try/except/else/finally
(return in finally, exception chaining, raise from, bare raise), assert,
match statements, the walrus, chained comparisons, short-circuiting and
the order operands and arguments are evaluated in (proved with print),
generators and yield from, comprehensions, scoping errors, print.
"""
from case import case


def say(tag, value=None):
    """Print `tag` and return `value` (or `tag`): makes evaluation order visible."""
    print("eval", tag)
    return tag if value is None else value


# ---------------------------------------------------------------------------
# if / loops
# ---------------------------------------------------------------------------

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2:
        return "odd"
    else:
        return "even"


def classify_all(ns):
    return [classify(n) for n in ns]


def find_first(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            result = ("found", i)
            break
    else:
        result = ("missing", len(xs))
    return result


def while_else(n, stop):
    i = 0
    seen = []
    while i < n:
        i += 1
        if i == stop:
            break
        if i % 2 == 0:
            continue
        seen.append(i)
    else:
        seen.append("no break")
    return seen, i


def nested_loops(n):
    pairs = []
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            if (i + j) % 3 == 0:
                continue
            pairs.append((i, j))
        else:
            pairs.append(("inner done", i))
    return pairs


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def loop_variable_after_loop(n):
    for i in range(n):
        pass
    return i


# ---------------------------------------------------------------------------
# try / except / else / finally
# ---------------------------------------------------------------------------

def try_trace(mode):
    try:
        print("try")
        if mode == "value":
            raise ValueError("bad value")
        if mode == "key":
            raise KeyError("k")
        if mode == "zero":
            return 1 // 0
        print("try end")
    except ValueError as e:
        print("except ValueError", e)
        return "handled value"
    except (KeyError, IndexError) as e:
        print("except lookup", repr(e))
        return "handled lookup"
    else:
        print("else")
        return "no error"
    finally:
        print("finally")


def return_in_finally(raise_first):
    try:
        if raise_first:
            raise RuntimeError("lost")
        return "from try"
    finally:
        return "from finally"


def finally_overrides_value(n):
    out = []
    for i in range(n):
        try:
            if i % 2:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append(-i)
    return out


def context_chain(kind):
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            if kind == "plain":
                raise KeyError("outer")
            if kind == "from":
                raise KeyError("outer") from TypeError("cause")
            if kind == "none":
                raise KeyError("outer") from None
    except KeyError as e:
        ctx = e.__context__
        cause = e.__cause__
        return (str(e), type(ctx).__name__, str(ctx), type(cause).__name__,
                str(cause) if cause is not None else None, e.__suppress_context__)


def uncaught_chain(n):
    try:
        return [1, 2][n]
    except IndexError as e:
        raise LookupError(f"no element {n}") from e


def error_in_handler(d, k):
    try:
        return d[k]
    except KeyError:
        return d[k.upper()]          # may raise a second KeyError, chained


def reraise(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        print("logging and re-raising")
        raise


def reraise_caught(n):
    try:
        reraise(n)
    except ZeroDivisionError as e:
        return "caught again: " + str(e)
    return "fine"


def exception_messages(i):
    try:
        if i == 0:
            return 1 / 0
        if i == 1:
            return 1 % 0
        if i == 2:
            return [][3]
        if i == 3:
            return {}["missing"]
        if i == 4:
            return int("x1")
        if i == 5:
            return "a" + 1
        if i == 6:
            return (1, 2).foo
        if i == 7:
            a, b = [1, 2, 3]
        if i == 8:
            return float("nan") < None
        if i == 9:
            return int("12", 1)
        if i == 10:
            return "abc".index("z")
        if i == 11:
            return [1, 2].remove(3)
        if i == 12:
            return None.x
        if i == 13:
            return next(iter([]))
        if i == 14:
            return 10 ** 4000 + 0.5
    except Exception as e:
        return type(e).__name__, str(e), e.args


def except_group(n):
    out = []
    try:
        raise ExceptionGroup("many", [ValueError(i) if i % 2 else TypeError(i) for i in range(n)])
    except* ValueError as eg:
        out.append(("values", [str(e) for e in eg.exceptions]))
    except* TypeError as eg:
        out.append(("types", [str(e) for e in eg.exceptions]))
    return out


def assert_check(x):
    assert isinstance(x, int)
    assert x > 0, f"x must be positive, got {x}"
    return x * 2


def assert_tuple_message(x):
    assert x, ("tuple", x)
    return "truthy"


# ---------------------------------------------------------------------------
# match
# ---------------------------------------------------------------------------

class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    __match_args__ = ("center", "r")

    def __init__(self, center, r):
        self.center = center
        self.r = r


class Consts:
    ORIGIN = 0
    LIMIT = 100


def describe(value):
    match value:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 | 2:
            return f"small int {value}"
        case Consts.LIMIT:
            return "the limit"
        case "hello" | "hi":
            return "greeting"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num if num > 1000:
            return f"big {num}"
        case str() as s:
            return f"string of {len(s)}"
        case []:
            return "empty list"
        case [x]:
            return f"one element {x!r}"
        case [("a" | "b") as first, *rest]:
            return f"starts with {first}, {len(rest)} more"
        case (x, y, *_) if x == y:
            return f"starts with a pair of {x}"
        case [_, _, *rest]:
            return f"sequence, tail {rest}"
        case {"type": "circle", "r": r}:
            return f"circle dict r={r}"
        case {"type": kind, **rest}:
            return f"dict of type {kind} with {sorted(rest)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(x, y), r=rr):
            return f"circle at ({x}, {y}) radius {rr}"
        case {}:
            return "other dict"
        case _:
            return f"other {type(value).__name__}"


MATCH_INPUTS = [None, True, False, 1, 100, "hi", -7, 5000, 2500.5, 3.5, "word", [], [9], ["b", 1, 2],
                (4, 4, 0), [1, 2, 3], {"type": "circle", "r": 2}, {"type": "sq", "a": 1, "b": 2},
                {"k": 1}, Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2),
                Circle(Point(1, 2), 3), Circle(7, 1), "ab"]


def match_all(tag):
    return tag, [describe(v) for v in MATCH_INPUTS]


def match_commands(commands):
    pos = (0, 0)
    log = []
    for cmd in commands:
        match cmd.split():
            case ["go", ("north" | "south") as d, n]:
                dy = int(n) if d == "north" else -int(n)
                pos = (pos[0], pos[1] + dy)
            case ["go", d, n] if d in ("east", "west"):
                dx = int(n) if d == "east" else -int(n)
                pos = (pos[0] + dx, pos[1])
            case ["say", *words]:
                log.append(" ".join(words))
            case ["stop"]:
                break
            case _:
                log.append(f"unknown: {cmd}")
    return pos, log


def match_capture_leaks(v):
    match v:
        case [a, b]:
            pass
        case _:
            a, b = None, None
    return a, b


# ---------------------------------------------------------------------------
# walrus
# ---------------------------------------------------------------------------

def walrus_loop(xs):
    out = []
    i = 0
    while (n := len(xs) - i) > 0:
        out.append(n)
        i += 2
    return out, n


def walrus_in_comprehension(xs):
    kept = [y for x in xs if (y := x * x - 10) > 0]
    return kept, y


def walrus_any(xs, bound):
    if any((hit := x) > bound for x in xs):
        return "first above", hit
    return "none above", hit if xs else None


def walrus_in_condition(s):
    if (n := len(s)) > 3:
        return f"long ({n})"
    return f"short ({n})"


# ---------------------------------------------------------------------------
# comparisons, conditional expressions, short-circuit, evaluation order
# ---------------------------------------------------------------------------

def chained_compare(a, b, c):
    return (a < b < c, a < b > c, a == b == c, a <= b != c, a < b < c < 10 > a,
            1 < a in [1, 2, 3], a is not b is not c)


def chained_calls(a, b, c):
    result = say("a", a) < say("b", b) < say("c", c)
    print("result", result)
    return result


def conditional_expr(x):
    return (say("then") if say("cond", x) else say("else")), ("pos" if x > 0 else "zero" if x == 0 else "neg")


def short_circuit(x, y):
    r1 = say("left-and", x) and say("right-and", y)
    r2 = say("left-or", x) or say("right-or", y)
    r3 = not say("not", x)
    return r1, r2, r3


def short_circuit_values(tag):
    return tag, 0 or "" or [] or None, 1 and "a" and [0], 0 and 1 / 0, 1 or 1 / 0, [] or {} or 0.0


def guarded_division(xs):
    return [x != 0 and 10 // x for x in xs]


def argument_order(tag):
    def f(*args, **kwargs):
        print("call f", args, sorted(kwargs.items()))
        return len(args)
    return tag, f(say("p1"), say("p2"), *[say("star")], k=say("kw"), **{"z": say("dstar")})


def operand_order(tag):
    r = say("x", 2) + say("y", 3) * say("z", 4) - say("w", 1) ** say("v", 2)
    d = {say("k1"): say("v1"), say("k2"): say("v2")}
    lst = [say("a"), say("b")][say("idx", 1)]
    t = say("t1", 1), say("t2", 2)
    s = f"{say('fa')}-{say('fb')}"
    m = say("obj", "abc").upper()[say("slice", 1):]
    return tag, r, d, lst, t, s, m


def assignment_order(tag):
    target = [0, 0, 0]
    target[say("index", 1)] = say("value", 7)
    a, b = say("first", 1), say("second", 2)
    a, b = b, a
    x = y = say("chained", 5)
    return tag, target, a, b, x, y


def call_order_in_nested_calls(tag):
    def g(v):
        print("g", v)
        return v * 2

    def h(a, b):
        print("h", a, b)
        return a + b
    return tag, h(g(1), h(g(2), g(3))) + g(say("tail", 4))


def print_forms(xs):
    print()
    print(*xs)
    print(*xs, sep=", ")
    print(*xs, sep="", end="|\n")
    print("a", "b", end="")
    print("c", end="\n\n")
    print(1, 2.5, None, True, "s", [1, "x"], (2,), {"k": 3}, {4}, sep=" ; ")
    print("%d items: %s" % (len(xs), xs), "{:>5}|{:<4}|{:^6.2f}".format(1, 2, 3.14159))
    print(f"{len(xs)!r:>4} {xs!s} {3.0:g} {255:#x} {1e20} {0.1 + 0.2} {-0.0} {10**20}")
    return len(xs)


def print_in_loop(n):
    total = 0
    for i in range(n):
        total += i
        print(i, total, end=" ")
    print()
    return total


# ---------------------------------------------------------------------------
# generators
# ---------------------------------------------------------------------------

def countdown(n):
    while n > 0:
        yield n
        n -= 1


def fib_gen(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


def sub_gen(n):
    for i in range(n):
        yield i
    return f"sub done after {n}"


def outer_gen(n):
    result = yield from sub_gen(n)
    yield result
    yield from countdown(2)
    return "outer done"


def run_generators(n):
    return list(countdown(n)), list(fib_gen(n * 10)), list(outer_gen(n))


def generator_return_value(n):
    g = outer_gen(n)
    seen = []
    while True:
        try:
            seen.append(next(g))
        except StopIteration as e:
            return seen, e.value


def generator_trace(n):
    def gen():
        for i in range(n):
            print("produce", i)
            yield i
        print("gen exhausted")
    for v in gen():
        print("consume", v)
    return "done"


def generator_send(values):
    def averager():
        total = 0
        count = 0
        avg = None
        while True:
            x = yield avg
            total += x
            count += 1
            avg = total / count
    g = averager()
    next(g)
    return [g.send(v) for v in values]


def generator_raises(n):
    def gen():
        yield 1
        raise ValueError(f"gen failed at {n}")
    return list(gen())


def lazy_pipeline(n):
    squares = (x * x for x in range(n))
    evens = (s for s in squares if s % 2 == 0)
    return sum(evens), list(evens)


def genexp_reductions(n):
    return (sum(x * x for x in range(n)),
            sum((x / 2 for x in range(n)), 0.5),
            any(x > n - 2 for x in range(n)),
            all(x < n for x in range(n)),
            min(x % 7 for x in range(1, n)),
            max((x * 37 % 11 for x in range(n)), default=-1),
            max(range(n), key=lambda x: (x * 37) % 11),
            min((), default="empty"),
            sum(1 for x in range(n) if x % 3 == 0),
            sorted((x % 4 for x in range(n)), reverse=True)[:5])


def short_circuit_any(xs):
    found = any(say("test", x) > 2 for x in xs)
    every = all(say("check", x) < 3 for x in xs)
    return found, every


def sum_with_print(n):
    return sum(say(f"item{i}", i * i) for i in range(n))


def min_empty(n):
    return min(x for x in range(n) if x > n)


def zip_enumerate(xs, ys):
    return (list(zip(xs, ys)), list(enumerate(xs, 1)), dict(zip(ys, xs)),
            [i * x for i, x in enumerate(xs)], list(zip(*[(1, 2), (3, 4)])),
            list(reversed(xs)), list(map(lambda a, b: a + b, xs, ys)))


# ---------------------------------------------------------------------------
# comprehensions
# ---------------------------------------------------------------------------

def nested_comprehensions(n):
    pairs = [(i, j) for i in range(n) if i % 2 for j in range(i) if (i + j) % 3 == 0]
    matrix = [[i * n + j for j in range(n)] for i in range(n)]
    transposed = [[row[i] for row in matrix] for i in range(n)]
    flat = [x for row in matrix for x in row if x % 2 == 0]
    squares = {x * x for x in range(-n, n)}
    index = {v: k for k, v in enumerate("abcdef"[:n])}
    grouped = {k: [x for x in range(10) if x % n == k] for k in range(n)}
    return pairs, transposed, flat, sorted(squares), index, grouped


def comprehension_scope(n):
    x = "outer x"
    squares = [x * x for x in range(n)]
    gen_total = sum(x for x in range(n))
    ys = {x: x for x in "ab"}
    return x, squares, gen_total, ys


def comprehension_uses_enclosing(n, k):
    return [[k * i + j for j in range(i)] for i in range(n)]


def comprehension_class_scope(tag):
    return tag, ComprehensionHolder.values, ComprehensionHolder.pairs


class ComprehensionHolder:
    base = 10
    values = [i * 2 for i in range(base, base + 3)]    # only the first iterable sees class scope
    pairs = [(i, j) for i in range(2) for j in range(i + 1)]


def comprehension_error(xs):
    return [10 // x for x in xs]


# ---------------------------------------------------------------------------
# scoping errors
# ---------------------------------------------------------------------------

def del_then_use(flag):
    x = 1
    del x
    if flag:
        x = 2
    return x


def unbound_before_assignment(flag):
    if flag:
        y = 1
    return y


def shadowed_global(n):
    total = n
    if n > 100:
        return len
    len = 5          # makes len local for the whole function
    return total + len


def undefined_global(flag):
    if flag:
        return this_name_is_not_defined_anywhere
    return "not reached"


def del_list_item(n):
    xs = list(range(n))
    del xs[0]
    del xs[-2:]
    return xs


CASES = [
    case(classify_all, [-3, 0, 7, 10]),
    case(find_first, [5, 3, 9], 3),
    case(find_first, [5, 3, 9], 4),
    case(while_else, 7, 100),
    case(while_else, 7, 4),
    case(nested_loops, 4),
    case(collatz_steps, 27),
    case(loop_variable_after_loop, 5),
    case(loop_variable_after_loop, 0),
    case(try_trace, "value"),
    case(try_trace, "key"),
    case(try_trace, "zero"),
    case(try_trace, "ok"),
    case(return_in_finally, False),
    case(return_in_finally, True),
    case(finally_overrides_value, 7),
    case(context_chain, "plain"),
    case(context_chain, "from"),
    case(context_chain, "none"),
    case(uncaught_chain, 1),
    case(uncaught_chain, 5),
    case(error_in_handler, {"A": 1}, "a"),
    case(error_in_handler, {"b": 1}, "a"),
    case(reraise, 0),
    case(reraise_caught, 0),
    case(reraise_caught, 5),
    *[case(exception_messages, i) for i in range(15)],
    case(except_group, 4),
    case(assert_check, 3),
    case(assert_check, -3),
    case(assert_check, 2.5),
    case(assert_tuple_message, 0),
    case(match_all, "m"),
    case(match_commands, ["go north 3", "say hi there", "go west 2", "fly", "stop", "go east 9"]),
    case(match_capture_leaks, [1, 2]),
    case(match_capture_leaks, "no"),
    case(walrus_loop, [1, 2, 3, 4, 5]),
    case(walrus_in_comprehension, [1, 4, 2, 5]),
    case(walrus_any, [1, 5, 9], 3),
    case(walrus_any, [1, 2], 3),
    case(walrus_in_condition, "abcdef"),
    case(walrus_in_condition, "ab"),
    case(chained_compare, 1, 2, 3),
    case(chained_compare, 3, 3, 3),
    case(chained_calls, 1, 2, 3),
    case(chained_calls, 2, 1, 3),
    case(conditional_expr, 1),
    case(conditional_expr, 0),
    case(short_circuit, 0, 5),
    case(short_circuit, 3, 0),
    case(short_circuit_values, "sc"),
    case(guarded_division, [2, 0, -3]),
    case(argument_order, "args"),
    case(operand_order, "ops"),
    case(assignment_order, "assign"),
    case(call_order_in_nested_calls, "nested"),
    case(print_forms, [1, "two", 3.0]),
    case(print_in_loop, 5),
    case(run_generators, 4),
    case(generator_return_value, 3),
    case(generator_trace, 3),
    case(generator_send, [10, 20, 60]),
    case(generator_raises, 2),
    case(lazy_pipeline, 10),
    case(genexp_reductions, 20),
    case(short_circuit_any, [1, 2, 3, 4]),
    case(short_circuit_any, [0, 1]),
    case(sum_with_print, 6),
    case(min_empty, 3),
    case(zip_enumerate, [1, 2, 3], [10, 20]),
    case(nested_comprehensions, 4),
    case(nested_comprehensions, 7),
    case(comprehension_scope, 4),
    case(comprehension_uses_enclosing, 4, 10),
    case(comprehension_class_scope, "cls"),
    case(comprehension_error, [5, 1, 0, 2]),
    case(del_then_use, True),
    case(del_then_use, False),
    case(unbound_before_assignment, True),
    case(unbound_before_assignment, False),
    case(shadowed_global, 3),
    case(shadowed_global, 300),
    case(undefined_global, False),
    case(undefined_global, True),
    case(del_list_item, 6),
]
