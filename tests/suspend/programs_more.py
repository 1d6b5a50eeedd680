"""More programs for suspend/resume: each prints as it goes, so a statement run twice or skipped shows."""


# ## Class hierarchies, super(), methods calling methods

class Shape:
    def __init__(self, name):
        print("Shape.__init__", name)
        self.name = name

    def area(self):
        return 0

    def describe(self):
        a = self.area()
        print("describe", self.name, a)
        return f"{self.name}:{a}"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        print("Rect.__init__", w, h)
        self.w = w
        self.h = h

    def area(self):
        total = 0
        for i in range(self.w):
            total += self.h
        return total


class Square(Rect):
    def __init__(self, s):
        print("Square.__init__", s)
        super().__init__(s, s)
        self.name = "square"

    def area(self):
        base = super().area()
        print("Square.area base", base)
        return base

    def describe(self):
        text = super().describe()
        print("Square.describe", text)
        return "[" + text + "]"


def hierarchy(n):
    shapes = []
    for i in range(1, n):
        if i % 2:
            shapes.append(Square(i))
        else:
            shapes.append(Rect(i, i + 1))
    out = [s.describe() for s in shapes]
    return out, sum(s.area() for s in shapes)


# ## Recursion through methods and constructors

class Tree:
    def __init__(self, depth, label):
        print("Tree", depth, label)
        self.label = label
        if depth > 0:
            self.left = Tree(depth - 1, label * 2)
            self.right = Tree(depth - 1, label * 2 + 1)
        else:
            self.left = None
            self.right = None

    def total(self):
        t = self.label
        if self.left is not None:
            t += self.left.total()
        if self.right is not None:
            t += self.right.total()
        return t

    def depth_first(self):
        out = [self.label]
        if self.left is not None:
            out = out + self.left.depth_first()
        if self.right is not None:
            out = out + self.right.depth_first()
        return out


def tree_recursion(d):
    t = Tree(d, 1)
    tot = t.total()
    print("total", tot)
    return tot, t.depth_first()


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def mutual_even(n):
    if n == 0:
        return True
    return mutual_odd(n - 1)


def mutual_odd(n):
    if n == 0:
        return False
    return mutual_even(n - 1)


def recursion(n):
    a = ackermann(2, n)
    print("ack", a)
    e = [mutual_even(k) for k in range(n)]
    print("even", e)
    return a, e


# ## Closures and nested functions

def counter_factory(start):
    count = start

    def get():
        return count

    def show(tag):
        print("show", tag, count)
        return count * 2

    count = count + 5
    return get, show


def closures_rebound(n):
    get, show = counter_factory(n)
    print("get", get())
    x = 1

    def reader():
        return x * 100

    before = reader()
    acc = 0
    for i in range(30):
        acc += i
    x = acc
    after = reader()
    print("reader", before, after)

    def outer(k):
        base = k

        def middle(m):
            def inner(z):
                return base + m + z
            return inner
        f = middle(k * 2)
        base = base + 1000
        return f
    g = outer(3)
    return get(), show("late"), before, after, g(4)


# ## Generators

def leaf(n):
    print("leaf start", n)
    for i in range(n):
        print("leaf yield", i)
        yield i
    print("leaf done", n)
    return n * 10


def middle_gen(n):
    print("middle start")
    r1 = yield from leaf(n)
    print("middle got", r1)
    r2 = yield from leaf(n - 1)
    print("middle got", r2)
    return r1 + r2


def top_gen(n):
    print("top start")
    r = yield from middle_gen(n)
    print("top got", r)
    yield -1
    return r + 1


def yield_from_chain(n):
    total = 0
    for v in top_gen(n):
        print("consumer", v)
        total += v
    g = top_gen(2)
    items = []
    while True:
        try:
            items.append(next(g))
        except StopIteration as stop:
            print("stopped with", stop.value)
            items.append(stop.value)
            break
    return total, items


def numbers(n):
    i = 0
    while i < n:
        print("numbers", i)
        yield i
        i += 1


def take(it, k):
    out = []
    for x in it:
        out.append(x)
        if len(out) == k:
            break
    return out


def generator_usage(n):
    g = numbers(n)
    a = next(g, "none")
    first = take(g, 3)
    print("took", a, first)
    never = numbers(100)
    rest = []
    for x in g:
        if x > n - 3:
            print("breaking at", x)
            break
        rest.append(x)
    e = numbers(0)
    d1 = next(e, "empty")
    d2 = next(e, None)
    after_break = next(g, "gone")
    unstarted = numbers(2)
    work = 0
    for i in range(50):
        work += i * i
    return a, first, rest, d1, d2, after_break, list(unstarted), work, next(never)


def worker_gen(n):
    for i in range(n):
        try:
            print("try", i)
            if i % 3 == 0:
                raise ValueError(i)
            v = 100 // (i % 4)
        except ValueError as exc:
            print("value error", exc)
            yield ("ve", i)
        except ZeroDivisionError:
            print("zero div", i)
            yield ("zd", i)
        else:
            print("else", i, v)
            yield ("ok", v)
        finally:
            print("finally", i)
    print("worker done")


def try_in_generators(n):
    out = []
    for item in worker_gen(n):
        out.append(item)
    return out


def gen_with_finally(n):
    try:
        for i in range(n):
            print("gwf yield", i)
            yield i
    finally:
        print("gwf finally")


def generator_finally_paused(n):
    g = gen_with_finally(n)
    a = next(g)
    b = next(g)
    work = 0
    for i in range(40):
        work += i
    print("work", work)
    rest = list(g)
    print("rest", rest)
    return a, b, rest, work


def gen_except_yield(n):
    for i in range(n):
        try:
            if i % 2:
                raise KeyError(i)
            yield ("body", i)
        except KeyError:
            print("handler yields", i)
            yield ("handler", i)


def generator_yield_in_handler(n):
    g = gen_except_yield(n)
    a = next(g)
    b = next(g)
    print("got", a, b)
    work = 0
    for i in range(40):
        work += i
    return a, b, list(g), work


SENTINEL = "sentinel"


def next_defaults(n):
    g = numbers(n)
    got = []
    fallback = "fb"
    while True:
        v = next(g, SENTINEL)
        if v == SENTINEL:
            break
        got.append(v)
    h = numbers(n)

    def drain():
        out = []
        while True:
            x = next(h, fallback)
            if x == fallback:
                return out
            out.append(x)
    return got, drain()


def holder_identity(n):
    g = numbers(n)
    holder = [g]
    total = 0
    for x in g:
        total += x
    same = holder[0] is g
    print("same", same)
    return total, same


# ## Exceptions raised deep, caught high

class AppError(Exception):
    pass


def deep(n):
    try:
        if n == 0:
            print("raising at bottom")
            raise AppError("bottom")
        return deep(n - 1)
    finally:
        print("unwinding", n)


def exceptions_deep(n):
    results = []
    for k in range(3):
        try:
            deep(n + k)
        except AppError as exc:
            print("caught", exc, k)
            results.append(str(exc))
        else:
            results.append("no error")
        finally:
            print("outer finally", k)
    try:
        try:
            deep(2)
        finally:
            print("middle finally")
    except Exception as exc:
        print("caught again", type(exc).__name__)
        try:
            raise KeyError("x") from exc
        except KeyError as k2:
            results.append((str(k2), str(k2.__cause__)))
    return results


# ## while/else, break

def while_else(n):
    out = []
    i = 0
    while i < n:
        j = i
        while j > 0:
            if j * j == i:
                print("square root", i, j)
                break
            j -= 1
        else:
            print("no root", i)
        i += 1
    else:
        print("outer else")
    k = 0
    while k < 100:
        k += 7
        if k > 30:
            print("break at", k)
            break
    else:
        print("never")
    for a in range(3):
        for b in range(3):
            if a == b == 1:
                continue
            if a + b == 3:
                break
            out.append((a, b))
        else:
            out.append("for-else")
    return out, k


# ## Comprehensions and generator expressions

def sq(x):
    print("sq", x)
    return x * x


def is_odd(x):
    print("odd?", x)
    return x % 2 == 1


def comprehensions(n):
    x = "outer-x"
    evens = [sq(x) for x in range(n) if not is_odd(x)]
    print("x after", x)
    d = {k: sq(k) for k in range(n) if k > 1}
    s = {sq(k) % 5 for k in range(n)}
    nested = [[sq(i) + j for j in range(i)] for i in range(4)]
    pairs = [(i, j) for i in range(3) for j in range(3) if is_odd(i + j)]
    flat = [y for row in nested for y in row if y > 1]
    return evens, d, sorted(s), nested, pairs, flat


def genexps(n):
    a = sum(sq(x) for x in range(n))
    b = min(sq(x) - 10 for x in range(n))
    c = max((sq(x) for x in range(n)), default=-1)
    d = sorted(sq(x) % 7 for x in range(n))
    e = any(is_odd(x) for x in range(2, n))
    f = all(is_odd(x) for x in [1, 3, 4, 5])
    g = list(sq(x) for x in range(3))
    h = tuple(x for x in range(n) if is_odd(x))
    k = 2
    lazy = (x * k for x in range(3))
    k = 10
    late = list(lazy)
    m = min((y for y in []), default="dflt")
    return a, b, c, d, e, f, g, h, late, m


def comprehension_cells(n):
    fs = [(sq(i), lambda: i) for i in range(n)]
    i = 99
    print("i", i)
    return [p for p, _ in fs], [f() for _, f in fs]


# ## sorted/min/max with key

class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    def key(self):
        print("key", self.name)
        return (self.age, self.name)


def keyed_sorts(n):
    people = [Person("p" + str(i * 3 % n), (i * 13) % 5) for i in range(n)]
    by_age = [p.name for p in sorted(people, key=lambda p: p.key())]
    rev = [p.name for p in sorted(people, key=lambda p: p.name, reverse=True)]
    oldest = max(people, key=lambda p: p.key()).name
    youngest = min(people, key=Person.key).name
    words = sorted(["bb", "a", "ccc", "dd"], key=len)
    return by_age, rev, oldest, youngest, words


# ## match statements

class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def classify(v):
    match v:
        case 0:
            return "zero"
        case int(i) if is_odd(i):
            return f"odd {i}"
        case int(i):
            return f"even {i}"
        case [a, b]:
            return f"pair {sq(a) + b}"
        case [a, *rest]:
            return f"list {a} {len(rest)}"
        case {"k": value}:
            return f"dict {value}"
        case Point(x=0, y=yy):
            return f"on y {yy}"
        case Point(xx, yy):
            return f"point {xx} {yy}"
        case str() as s:
            return "str " + s
        case _:
            return "other"


def matching(n):
    values = [0, 3, 4, [2, 5], [1, 2, 3], {"k": 9}, Point(0, 4), Point(1, 2), "s", 2.5]
    out = []
    for v in values:
        r = classify(v)
        print("match", r)
        out.append(r)
    for i in range(n):
        match i % 3:
            case 0:
                print("case 0", i)
            case 1:
                t = 0
                for j in range(5):
                    t += j
                print("case 1", i, t)
            case _:
                print("case other", i)
    return out


# ## walrus

def walrus(n):
    data = list(range(n))
    kept = [y for x in data if (y := sq(x)) % 3 == 1]
    print("last y", y)
    total = 0
    i = 0
    while (chunk := data[i:i + 3]):
        total += sum(chunk)
        print("chunk", chunk)
        i += 3
    if (m := max(data)) > 3:
        print("m", m)
    return kept, y, total, m


# ## strings, dicts, sets

def string_building(n):
    s = ""
    for i in range(n):
        s += str(i) + ("," if i % 2 else ";")
        if i % 5 == 0:
            print("s so far", s)
    parts = [c.upper() for c in s if c.isdigit()]
    joined = "-".join(parts)
    fmt = f"{n:05d}|{joined[:10]!r}|{len(s):x}"
    return s, joined, fmt, s.split(";")[:3], s[::-1][:5]


def dict_set_building(n):
    d = {}
    for i in range(n):
        d[i % 7] = d.get(i % 7, 0) + i
        if i % 10 == 0:
            print("d", sorted(d.items()))
    inv = {}
    for k, v in d.items():
        inv[v % 3] = inv.get(v % 3, []) + [k]
    s = set()
    for i in range(n):
        s.add(i * i % 11)
    fs = frozenset(s) - {0, 1}
    merged = {**d, **{100: 1}}
    return d, inv, sorted(s), sorted(fs), merged, len(s & {1, 4, 9})


# ## lambdas in lists, functions returning functions

def compose(f, g):
    def h(x):
        print("compose", x)
        return f(g(x))
    return h


def make_ops():
    return [lambda x: x + 1, lambda x: x * 2, lambda x: x - 3, lambda x: x ** 2]


def lambdas(n):
    ops = make_ops()
    pipeline = compose(ops[0], compose(ops[1], ops[2]))
    work = 0
    for i in range(n):
        work += i % 7
    results = [op(work) for op in ops]
    print("results", results)
    fns = [(lambda k: (lambda x: x * k))(k) for k in range(4)]
    curried = lambda a: lambda b: lambda c: a * 100 + b * 10 + c  # noqa: E731
    return results, pipeline(5), [f(3) for f in fns], curried(1)(2)(3)


# ## long-running loop

def collatz_len(x):
    c = 0
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        c += 1
    return c


def long_loop(n):
    total = 0
    best = (0, 0)
    for i in range(1, n):
        total = (total + i * i) % 1000003
        if i % 997 == 0:
            c = collatz_len(i)
            if c > best[0]:
                best = (c, i)
            if i % 9970 == 0:
                print("progress", i, total, best)
    j = 0
    acc = 0
    while j < n:
        acc ^= j * 31
        j += 1
    return total, best, acc


# ## Generator passed to a helper that consumes part of it, plus send

def accumulator():
    total = 0
    while True:
        x = yield total
        print("acc got", x)
        if x is None:
            return total
        total += x


def send_usage(n):
    acc = accumulator()
    next(acc)
    vals = []
    for i in range(n):
        vals.append(acc.send(i))
    try:
        acc.send(None)
    except StopIteration as e:
        vals.append(("ret", e.value))
    return vals


# ## exceptions in resumed frames: error value

def failing(n):
    total = 0
    for i in range(n):
        total += sq(i)
    return total // (n - n)


# ## inheritance with polymorphic dispatch in loop

class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.sound() + "!"

    def sound(self):
        return "..."


class Dog(Animal):
    def sound(self):
        print("woof from", self.name)
        return "woof"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name + "-jr")
        self.age = age

    def sound(self):
        base = super().sound()
        return base.upper() * self.age


def polymorphism(n):
    animals = []
    for i in range(n):
        if i % 3 == 0:
            animals.append(Animal("a" + str(i)))
        elif i % 3 == 1:
            animals.append(Dog("d" + str(i)))
        else:
            animals.append(Puppy("p" + str(i), i % 4))
    return [a.speak() for a in animals]


# ## More probes: try/return, dict views, closures over generators, while with a call in its test

def return_in_try(n):
    total = 0
    for i in range(n):
        total += i
    try:
        return sq(total)
    finally:
        print("return_in_try finally")


def views_iters(n):
    d = {i: sq(i) for i in range(n)}
    out = []
    for i, (k, v) in enumerate(zip(reversed(list(d)), d.values())):
        out.append((i, k, sq(v)))
    for k in d.keys():
        out.append(sq(k))
    return out


def nested_gen_cell(n):
    scale = 1

    def gen():
        for i in range(3):
            print("nested gen", i, scale)
            yield i * scale
    g = gen()
    a = next(g)
    scale = 10
    b = next(g)
    work = sq(n)
    scale = 100
    unstarted = gen()
    return a, b, work, list(g), list(unstarted)


def cond(i):
    print("cond", i)
    return i < 3


def while_call_cond(n):
    i = 0
    while cond(i):
        i += sq(1)
    else:
        print("while else")
    return i


def genexp_paused(n):
    g = (x * x for x in range(10))
    a = next(g)
    work = 0
    for i in range(n):
        work += sq(i)
    return a, work, list(g)


class Slots:
    """Dunders that C calls for an operator or a builtin, each doing work of its own: a frame of one
    of them waits under a C function (`hash` reduces what `__hash__` returns, `len` checks it), so a
    suspension must not stop there and hand its raw value to the caller."""

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("hash", self.v)
        big = self.v * 2 ** 70 + 1
        return big

    def __len__(self):
        print("len", self.v)
        n = self.v + 1
        return n

    def __abs__(self):
        print("abs", self.v)
        m = -self.v
        return m

    def __eq__(self, other):
        print("eq", self.v)
        same = self.v == other.v
        return same

    def __add__(self, other):
        print("add", self.v)
        total = Slots(self.v + other.v)
        return total

    def shift(self, k):
        moved = Slots(self.v + k)
        return moved


class Shifted(Slots):
    def shift(self, k):
        base = super().shift(k)
        twice = base.shift(k)
        return twice


def through_c_slots(n):
    out = []
    for i in range(n):
        s = Shifted(i)
        t = s.shift(2)
        out.append((hash(s), len(t), abs(t), s == t, (s + t).v, sorted([Slots(3), s], key=len)[0].v))
    return out


def inlined_comprehension_keeps_outer_name(n):
    x = 5
    total = 0
    for k in range(n):
        ys = [x * 2 for x in range(k)]
        total += len(ys)
        print("after", x)
    zs = {x: -x for x in ys if x > 2}
    return x, total, zs


PROGRAMS_MORE = [
    (hierarchy, (6,)),
    (tree_recursion, (4,)),
    (recursion, (5,)),
    (closures_rebound, (7,)),
    (yield_from_chain, (3,)),
    (generator_usage, (8,)),
    (try_in_generators, (7,)),
    (generator_finally_paused, (5,)),
    (generator_yield_in_handler, (5,)),
    (next_defaults, (4,)),
    (holder_identity, (6,)),
    (exceptions_deep, (4,)),
    (while_else, (10,)),
    (comprehensions, (6,)),
    (genexps, (6,)),
    (comprehension_cells, (4,)),
    (keyed_sorts, (7,)),
    (matching, (6,)),
    (walrus, (8,)),
    (string_building, (20,)),
    (dict_set_building, (30,)),
    (lambdas, (40,)),
    (long_loop, (30000,)),
    (send_usage, (5,)),
    (failing, (6,)),
    (polymorphism, (7,)),
    (return_in_try, (5,)),
    (views_iters, (4,)),
    (nested_gen_cell, (3,)),
    (while_call_cond, (0,)),
    (genexp_paused, (4,)),
    (through_c_slots, (4,)),
    (inlined_comprehension_keeps_outer_name, (6,)),
]
