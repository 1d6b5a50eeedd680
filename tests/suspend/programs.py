"""Programs that are suspended, serialised and resumed mid-run; each prints as it goes."""


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def nested_loops(n):
    total = 0
    for i in range(n):
        j = 0
        while j < i:
            if (i + j) % 3 == 0:
                j += 1
                continue
            if j > 7:
                break
            total += i * j
            j += 1
        else:
            total += 1
    return total


def square(x):
    print("square", x)
    return x * x


def comprehension(n):
    evens = [square(x) for x in range(n) if x % 2 == 0]
    table = {x: square(x) for x in range(3)}
    return evens, table


def late_binding(n):
    fs = []
    k = 0
    for i in range(n):
        k = i
        fs.append(lambda: k * 10)
    k = k + 100
    return [f() for f in fs]


def risky(x):
    if x == 3:
        raise ValueError(f"bad {x}")
    return x


def guarded(n):
    out = []
    for i in range(n):
        try:
            out.append(risky(i))
        except ValueError as exc:
            print("caught", exc)
            out.append(-1)
        finally:
            print("finally", i)
    return out


class Node:
    def __init__(self, n):
        self.child = Node(n - 1) if n > 0 else None
        self.n = n


def chain(n):
    node = Node(n)
    count = 0
    while node is not None:
        count += node.n
        node = node.child
    return count


def keyed(n):
    words = [str(i * 7919 % 101) for i in range(n)]
    return sorted(words, key=lambda w: (len(w), w))[:5], list(map(square, range(3)))


def make_adder(k):
    def add(x):
        return x + k
    return add


def closures(n):
    adders = [make_adder(i) for i in range(n)]
    total = 0
    for a in adders:
        total += a(total)
    return total


def raises_late(n):
    total = 0
    for i in range(n):
        total += i
    return risky(3) + total


PROGRAMS = [
    (depth, (60,)),
    (nested_loops, (25,)),
    (comprehension, (6,)),
    (late_binding, (4,)),
    (guarded, (5,)),
    (chain, (30,)),
    (keyed, (30,)),
    (closures, (6,)),
    (raises_late, (5,)),
]


def countdown(n):
    while n > 0:
        print("yield", n)
        yield n
        n -= 1
    return "done"


def delegating(n):
    result = yield from countdown(n)
    print("sub returned", result)
    yield from [10, 20]
    yield result


def generators(n):
    total = 0
    for x in countdown(n):
        total += x
    g = delegating(3)
    first = next(g)
    rest = []
    for y in g:
        rest.append(y)
    return total, first, rest, next(iter(countdown(0)), "empty")


def paused_generator(n):
    g = countdown(n)
    a = next(g)
    b = next(g)
    work = 0
    for i in range(20):
        work += i
    return a, b, next(g), list(g), work


def catch_all(n):
    seen = []
    for i in range(n):
        try:
            seen.append(10 // (i % 3))
        except:  # noqa: E722
            print("bare except", i)
            seen.append(None)
        try:
            seen.append(depth(i))
        except BaseException as exc:
            print("caught", type(exc).__name__)
    return seen


def consumers(n):
    return sum(x * x for x in range(n)), list(countdown(3)), sorted(range(n), key=lambda v: -v)[:3]


PROGRAMS += [
    (generators, (4,)),
    (paused_generator, (5,)),
    (catch_all, (7,)),
    (consumers, (30,)),
]
