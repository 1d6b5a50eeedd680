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
