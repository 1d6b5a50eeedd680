"""Stateful code written the ordinary way: objects whose methods update `self`, closures that keep a
cache or a `nonlocal` counter, lists of lists updated in place, and the ownership rule's edges
(DESIGN.md): anything the computation made may change as in CPython; what came from outside it
(arguments, globals, defaults, a closure the caller made) may not, and the refusal names the line.
"""
from dataclasses import dataclass, field

from case import case, refused
from cases_refused import Box


# ===========================================================================
# Objects the computation made, updated by their methods
# ===========================================================================

class Welford:
    def __init__(self):
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0

    def add(self, x):
        self.n += 1
        delta = x - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (x - self.mean)

    def variance(self):
        return self.m2 / (self.n - 1) if self.n > 1 else 0.0


def welford_one(xs):
    acc = Welford()
    for x in xs:
        acc.add(x)
    return acc.n, acc.mean, acc.variance()


def welford_bank(xs, groups):
    """A bank of accumulators, one per group, in a dict and in a list."""
    by_key = {}
    for i, x in enumerate(xs):
        key = i % groups
        if key not in by_key:
            by_key[key] = Welford()
        by_key[key].add(x)
    bank = [Welford() for _ in range(groups)]
    for i, x in enumerate(xs):
        bank[i % groups].add(x * 2)
    return ([(k, a.n, a.mean, a.variance()) for k, a in sorted(by_key.items())],
            [(a.n, a.mean) for a in bank])


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x, self.y, self.vx, self.vy = x, y, vx, vy

    def step(self, dt, g=-9.81):
        self.vy += g * dt
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.y < 0.0:
            self.y = -self.y
            self.vy = -self.vy * 0.9


def particles(n, steps):
    ps = [Particle(float(i), 10.0 + i, 1.0, 0.0) for i in range(n)]
    for _ in range(steps):
        for p in ps:
            p.step(0.05)
    return [(round(p.x, 9), round(p.y, 9), round(p.vy, 9)) for p in ps]


class LCG:
    """A hand-written generator: a draw updates its state."""
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2 ** 31
        return self.state / 2 ** 31


def trial(rng):
    x, y = rng.next(), rng.next()
    return x * x + y * y <= 1.0


def monte_carlo_pi(n):
    """The generator is lent to `trial` and drawn from again afterwards."""
    rng = LCG(7)
    hits = 0
    for _ in range(n):
        if trial(rng):
            hits += 1
    return 4.0 * hits / n, rng.next()


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.history = []
        self.balance = 0

    def deposit(self, amount):
        self.history.append(("deposit", amount))
        self.balance += amount
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"{self.owner}: insufficient funds for {amount}")
        self.history.append(("withdraw", amount))
        self.balance -= amount
        return self


def ledger(ops):
    accounts = {}
    errors = []
    for owner, kind, amount in ops:
        acct = accounts.setdefault(owner, Account(owner))
        try:
            getattr(acct, kind)(amount)
        except ValueError as e:
            errors.append(str(e))
    return {o: (a.balance, a.history) for o, a in accounts.items()}, errors


def attribute_on_local_object(n):
    class_free = Welford()
    class_free.extra = [n]
    class_free.extra += [n + 1]
    del class_free.m2
    return class_free.extra, hasattr(class_free, "m2")


def returned_object_updated(n):
    acc = Welford()
    for i in range(n):
        acc.add(float(i))
    return acc


# ===========================================================================
# Closures that keep state
# ===========================================================================

def memo_fib(n):
    cache = {}

    def fib(k):
        if k in cache:
            return cache[k]
        r = k if k < 2 else fib(k - 1) + fib(k - 2)
        cache[k] = r
        return r
    return fib(n), len(cache)


def make_memo(f):
    cache = {}

    def wrapped(x):
        if x not in cache:
            cache[x] = f(x)
        return cache[x]
    return wrapped


def edit_distance(a, b):
    """A memoized dynamic program through a returned memoizer."""
    def d(ij):
        i, j = ij
        if i == 0 or j == 0:
            return i + j
        return min(dd((i - 1, j)) + 1, dd((i, j - 1)) + 1, dd((i - 1, j - 1)) + (a[i - 1] != b[j - 1]))
    dd = make_memo(d)
    return dd((len(a), len(b)))


def nonlocal_counter(n):
    count = 0

    def inc(by=1):
        nonlocal count
        count += by
        return count
    seen = [inc() for _ in range(n)]
    inc(10)
    return count, seen


def nonlocal_accumulator(xs):
    total = 0.0
    items = []

    def add(x):
        nonlocal total, items
        total = total + x
        items = items + [x]

    for x in xs:
        add(x)
    return total, items


def nonlocal_rebinding_dict(pairs):
    d = {}

    def put(k, v):
        nonlocal d
        d = {**d, k: v}

    for k, v in pairs:
        put(k, v)
    d["done"] = True
    return d


def make_counter(start):
    n = start

    def step():
        nonlocal n
        n += 1
        return n
    return step


def counter_made_inside(k):
    step = make_counter(k)
    return [step() for _ in range(3)]


def visited_closure(n):
    seen = set()

    def visit(v):
        if v in seen:
            return 0
        seen.add(v)
        return 1 + visit((v * 3 + 1) % n) + visit((v + 7) % n)
    return visit(0), len(seen)


# ===========================================================================
# Lists of lists the frame built, updated in place
# ===========================================================================

def nbody_lists(steps):
    bodies = [[0.0, 0.0, 1.0, 0.5, 1.0], [1.0, 0.0, -1.0, 0.0, 2.0], [0.0, 2.0, 0.0, -0.5, 0.5]]
    dt = 0.01
    for _ in range(steps):
        for i, b1 in enumerate(bodies):
            for b2 in bodies[i + 1:]:
                dx, dy = b1[0] - b2[0], b1[1] - b2[1]
                mag = dt / (dx * dx + dy * dy) ** 1.5
                b1[2] -= dx * b2[4] * mag
                b1[3] -= dy * b2[4] * mag
                b2[2] += dx * b1[4] * mag
                b2[3] += dy * b1[4] * mag
        for b in bodies:
            b[0] = b[0] + dt * b[2]
            b[1] += dt * b[3]
    return bodies


def fresh_rows_from_callee(n):
    def row(i):
        return [i] * 3
    grid = [row(i) for i in range(n)]
    for r in grid:
        r[0] += 1
        r.append(-1)
    return grid


def aliased_rows(n):
    """`[[0.0] * 3] * n` is n times the same row, in CPython and here."""
    grid = [[0.0] * 3] * n
    grid[0][0] = 1.0
    first = grid[1]
    first.append(2.0)
    return grid


def alias_then_mutate(n):
    a = []
    b = a
    b.append(n)
    pair = (a, b)
    pair[0].append(n + 1)
    return a, a is b


def item_extended_in_place(n):
    rows = [[i] for i in range(n)]
    rows[0] += [9]
    table = {"k": [1]}
    table["k"] += [2]
    return rows, table


# ===========================================================================
# Formerly refused: a container the computation made, mutated after it was aliased or passed on
# ===========================================================================

def alias_then_add(x):
    a = []
    b = a
    b.append(x)
    return a


def nested_then_add(x):
    inner = []
    outer = [inner]
    inner.append(x)
    return outer


def passed_then_add(x):
    acc = []
    keep(acc)
    acc.append(x)
    return acc


def keep(v):
    return v


def box_set_method(v):
    b = Box(0)
    return b.set(v).v



# ===========================================================================
# Still refused: what came from outside the computation
# ===========================================================================

def add_to_argument(acc, x):
    acc.add(x)
    return acc.n


def sort_argument(people):
    people.sort()
    return people


def extend_argument_item(xs):
    holder = [xs]
    holder[0] += [5]
    return xs


def set_attribute_of_argument(p):
    p.x = 3
    return p


HISTORY = []


def append_to_global(x):
    HISTORY.append(x)
    return len(HISTORY)


def bump_class_attribute(n):
    Welford.instances = n
    return n


def default_list(x, acc=[]):
    acc.append(x)
    return acc


def call_client_counter(step):
    return step()


def update_argument_through_method(acct):
    acct.deposit(5)
    return acct.balance


def nonlocal_swaps_in_argument(xs):
    d = []

    def use():
        nonlocal d
        d = xs
    use()
    d = []
    use()
    d.append(1)
    return xs


# ===========================================================================
# Small applications, written the way their authors would
# ===========================================================================

def reachable_pairs(edges, starts):
    """A graph search with a visited set, one search per start."""
    graph = {}
    for a, b in edges:
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    result = {}
    for start in starts:
        visited = set()
        stack = [start]
        order = []
        while stack:
            node = stack.pop()
            if node in visited:
                continue
            visited.add(node)
            order.append(node)
            stack.extend(sorted(graph[node], reverse=True))
        result[start] = order
    return result


@dataclass
class Body:
    x: float
    y: float
    vx: float = 0.0
    vy: float = 0.0
    trail: list = field(default_factory=list)

    def step(self, dt):
        self.vy -= 9.81 * dt
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.y < 0:
            self.y, self.vy = -self.y, -0.8 * self.vy
        self.trail.append(round(self.y, 6))


def dataclass_particles(n, steps):
    bodies = [Body(float(i), 5.0 + i, vx=0.5) for i in range(n)]
    for _ in range(steps):
        for b in bodies:
            b.step(0.1)
    return [(round(b.x, 9), round(b.y, 9), b.trail[-3:]) for b in bodies]


CASES = [
    case(welford_one, [1.0, 2.0, 4.0, 8.0]),
    case(welford_one, []),
    case(welford_bank, [float(i * i % 7) for i in range(20)], 3),
    case(particles, 4, 50),
    case(monte_carlo_pi, 500),
    case(ledger, [("ann", "deposit", 10), ("bob", "deposit", 5), ("ann", "withdraw", 3),
                  ("bob", "withdraw", 9), ("ann", "deposit", 1)]),
    case(attribute_on_local_object, 3),
    case(returned_object_updated, 5),
    case(memo_fib, 60),
    case(edit_distance, "kitten", "sitting"),
    case(nonlocal_counter, 4),
    case(nonlocal_accumulator, [1.5, 2.5, 3.0]),
    case(nonlocal_rebinding_dict, [("a", 1), ("b", 2)]),
    case(counter_made_inside, 10),
    case(visited_closure, 50),
    case(nbody_lists, 20),
    case(fresh_rows_from_callee, 3),
    case(aliased_rows, 3),
    case(alias_then_mutate, 1),
    case(item_extended_in_place, 2),
    case(reachable_pairs, [(1, 2), (2, 3), (3, 1), (4, 5), (2, 5)], [1, 4]),
    case(dataclass_particles, 3, 40),
    case(alias_then_add, 1),
    case(nested_then_add, 1),
    case(passed_then_add, 1),
    case(box_set_method, 7),
    refused(add_to_argument, Welford(), 1.0, match=f"cases_stateful.py:{Welford.add.__code__.co_firstlineno + 1}: updating the attribute `self.n`"),
    refused(sort_argument, [3, 1, 2], match=f"cases_stateful.py:{sort_argument.__code__.co_firstlineno + 1}:5: `people.sort()` mutates the argument `people` of sort_argument() (a `list` you passed in)"),
    refused(extend_argument_item, [1], match=f"cases_stateful.py:{extend_argument_item.__code__.co_firstlineno + 2}: `holder[0] += ...`"),
    refused(set_attribute_of_argument, Welford(), match="setting the attribute `p.x`"),
    refused(append_to_global, 1, match="`HISTORY.append()`"),
    refused(bump_class_attribute, 1, match="setting the attribute `Welford.instances`"),
    refused(default_list, 1, match="`acc.append()` mutates a `list` value that came from outside"),
    refused(call_client_counter, make_counter(3),
            match=f"cases_stateful.py:{make_counter.__code__.co_firstlineno + 5}: `make_counter.<locals>.step` rebinds `n`"),
    refused(update_argument_through_method, Account("x"), match="`self.history.append()`"),
    refused(nonlocal_swaps_in_argument, [0], match="`d.append()` mutates a `list` value that came from outside"),
]
