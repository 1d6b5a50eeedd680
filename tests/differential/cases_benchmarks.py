"""Differential cases modelled on standard benchmark programs (the
pyperformance suite and the Computer Language Benchmarks Game), written for
the subset: containers are mutated only by the function that made them and
has not let them escape, and attributes are set only on `self` in `__init__`.
Sizes are chosen so CPython runs each well under a second.
"""
import cmath
import math
import operator
from functools import lru_cache, partial, reduce
from itertools import accumulate, chain, combinations, groupby, islice, permutations, product

from case import case, refused


# ---------------------------------------------------------------------------
# pidigits: big-int spigot (Benchmarks Game), with its tab-separated lines
# ---------------------------------------------------------------------------

def pidigits(n):
    acc, den, num = 0, 1, 1
    k = 0
    digits = []
    while len(digits) < n:
        k += 1
        k2 = 2 * k + 1
        acc = (acc + 2 * num) * k2
        den *= k2
        num *= k
        if num > acc:
            continue
        d3 = (3 * num + acc) // den
        d4 = (4 * num + acc) // den
        if d3 != d4:
            continue
        digits.append(d3)
        acc = (acc - den * d3) * 10
        num *= 10
    lines = []
    for i in range(0, n, 10):
        chunk = "".join(str(d) for d in digits[i:i + 10])
        lines.append(f"{chunk:<10}\t:{min(i + 10, n)}")
    return "\n".join(lines), num.bit_length(), den % 1_000_000_007


def pidigits_gibbons(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return "%d.%s" % (out[0], "".join(map(str, out[1:])))


# ---------------------------------------------------------------------------
# float (pyperformance): Point objects, immutable variant
# ---------------------------------------------------------------------------

class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)


class FPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    @classmethod
    def from_index(cls, i):
        x = math.sin(i)
        return cls(x, math.cos(i) * 3, (x * x) / 2)

    def normalized(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        return FPoint(self.x / norm, self.y / norm, self.z / norm)

    def maximize(self, other):
        return FPoint(max(self.x, other.x), max(self.y, other.y), max(self.z, other.z))

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)


def float_benchmark(n):
    points = [FPoint.from_index(i).normalized() for i in range(n)]
    best = reduce(lambda a, b: a.maximize(b), points[1:], points[0])
    return repr(best), best


def float_point_init(n):
    pts = [Point(i) for i in range(n)]
    return [repr(p) for p in pts[:3]], sum(p.z for p in pts)


# ---------------------------------------------------------------------------
# chaos-like: vectors with operator methods, an iterated function system
# driven by a pure linear congruential generator
# ---------------------------------------------------------------------------

class GVector:
    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x = x
        self.y = y
        self.z = z

    def mag(self):
        return math.sqrt(self.x ** 2 + self.y ** 2 + self.z ** 2)

    def dist(self, other):
        return (self - other).mag()

    def __add__(self, other):
        return GVector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return self + other * -1

    def __mul__(self, k):
        return GVector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def linear_combination(self, other, l1, l2=None):
        if l2 is None:
            l2 = 1 - l1
        return GVector(self.x * l1 + other.x * l2,
                       self.y * l1 + other.y * l2,
                       self.z * l1 + other.z * l2)

    def __eq__(self, other):
        return (self.x, self.y, self.z) == (other.x, other.y, other.z)

    def __hash__(self):
        return hash((self.x, self.y, self.z))

    def __repr__(self):
        return f"<{self.x:.4f}, {self.y:.4f}, {self.z:.4f}>"


def lcg_stream(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed / 0x80000000


class Spline:
    """A quadratic Bezier curve through control points, evaluated by de Casteljau."""

    def __init__(self, points):
        self.points = tuple(points)

    def __call__(self, t):
        pts = self.points
        while len(pts) > 1:
            pts = tuple(a.linear_combination(b, 1 - t, t) for a, b in zip(pts, pts[1:]))
        return pts[0]


def chaos_game(iterations, size):
    corners = (GVector(0.0, 0.0), GVector(1.0, 0.0), GVector(0.5, math.sqrt(3) / 2))
    curve = Spline([GVector(0.0, 0.0), GVector(0.3, 0.9), GVector(1.0, 0.2)])
    rnd = lcg_stream(42)
    p = GVector(0.25, 0.25)
    grid = [[0] * size for _ in range(size)]
    for step in range(iterations):
        r = next(rnd)
        if r < 0.1:
            p = p.linear_combination(curve(next(rnd)), 0.5)
        else:
            p = p.linear_combination(corners[int(r * 3) % 3], 0.5)
        if step > 10:
            i = min(size - 1, int(p.x * size))
            j = min(size - 1, int(p.y * size))
            grid[j][i] += 1
    art = ["".join("#" if c > 2 else ("." if c else " ") for c in row) for row in reversed(grid)]
    return art, repr(p), p.dist(corners[0]) > 0, len({corners[0], GVector(), corners[1]})


# ---------------------------------------------------------------------------
# nbody (Benchmarks Game): flat lists owned by the function
# ---------------------------------------------------------------------------

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

BODIES = (
    # sun
    (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS),
    # jupiter
    (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS),
    # saturn
    (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS),
    # uranus
    (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS),
    # neptune
    (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS),
)


def nbody_energy(xs, ys, zs, vxs, vys, vzs, ms):
    e = 0.0
    n = len(ms)
    for i in range(n):
        e += 0.5 * ms[i] * (vxs[i] ** 2 + vys[i] ** 2 + vzs[i] ** 2)
        for j in range(i + 1, n):
            dx, dy, dz = xs[i] - xs[j], ys[i] - ys[j], zs[i] - zs[j]
            e -= ms[i] * ms[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def nbody(steps, dt):
    xs = [b[0] for b in BODIES]
    ys = [b[1] for b in BODIES]
    zs = [b[2] for b in BODIES]
    vxs = [b[3] for b in BODIES]
    vys = [b[4] for b in BODIES]
    vzs = [b[5] for b in BODIES]
    ms = [b[6] for b in BODIES]
    n = len(ms)
    # offset momentum
    px = sum(v * m for v, m in zip(vxs, ms))
    py = sum(v * m for v, m in zip(vys, ms))
    pz = sum(v * m for v, m in zip(vzs, ms))
    vxs[0] = -px / SOLAR_MASS
    vys[0] = -py / SOLAR_MASS
    vzs[0] = -pz / SOLAR_MASS
    e0 = nbody_energy(tuple(xs), tuple(ys), tuple(zs), tuple(vxs), tuple(vys), tuple(vzs), ms)
    for _ in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx = xs[i] - xs[j]
                dy = ys[i] - ys[j]
                dz = zs[i] - zs[j]
                mag = dt * ((dx * dx + dy * dy + dz * dz) ** -1.5)
                bim = ms[i] * mag
                bjm = ms[j] * mag
                vxs[i] -= dx * bjm
                vys[i] -= dy * bjm
                vzs[i] -= dz * bjm
                vxs[j] += dx * bim
                vys[j] += dy * bim
                vzs[j] += dz * bim
        for i in range(n):
            xs[i] += dt * vxs[i]
            ys[i] += dt * vys[i]
            zs[i] += dt * vzs[i]
    e1 = nbody_energy(tuple(xs), tuple(ys), tuple(zs), tuple(vxs), tuple(vys), tuple(vzs), ms)
    return "%.9f" % e0, "%.9f" % e1, e1


# ---------------------------------------------------------------------------
# spectral-norm (Benchmarks Game)
# ---------------------------------------------------------------------------

def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_A_times_u(u):
    return [sum(eval_A(i, j) * uj for j, uj in enumerate(u)) for i in range(len(u))]


def eval_At_times_u(u):
    return [sum(eval_A(j, i) * uj for j, uj in enumerate(u)) for i in range(len(u))]


def eval_AtA_times_u(u):
    return eval_At_times_u(eval_A_times_u(u))


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = sum(ue * ve for ue, ve in zip(u, v))
    vv = sum(ve * ve for ve in v)
    return f"{math.sqrt(vBv / vv):0.9f}"


# ---------------------------------------------------------------------------
# fannkuch-redux (Benchmarks Game)
# ---------------------------------------------------------------------------

def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        max_flips = max(max_flips, flips)
        checksum += flips if perm_count % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


# ---------------------------------------------------------------------------
# nqueens (pyperformance): permutations and sets; and a backtracking generator
# ---------------------------------------------------------------------------

def n_queens(queen_count):
    cols = range(queen_count)
    return [vec for vec in permutations(cols)
            if queen_count == len(set(vec[i] + i for i in cols))
            == len(set(vec[i] - i for i in cols))]


def queens_gen(n, placed=()):
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        if all(col != c and abs(col - c) != row - r for r, c in enumerate(placed)):
            yield from queens_gen(n, placed + (col,))


def nqueens_both(n):
    a = n_queens(n)
    b = list(queens_gen(n))
    return len(a), a[:3], b == sorted(b), sorted(a) == b


# ---------------------------------------------------------------------------
# richards-lite: a task scheduler whose tasks are immutable; each step returns
# the task's successor and the packets it sends
# ---------------------------------------------------------------------------

class Packet:
    def __init__(self, dest, kind, datum=0, payload=()):
        self.dest = dest
        self.kind = kind
        self.datum = datum
        self.payload = tuple(payload)

    def __repr__(self):
        return f"Packet({self.dest!r}, {self.kind!r}, {self.datum})"


class TaskBase:
    def __init__(self, name, priority, count=0):
        self.name = name
        self.priority = priority
        self.count = count

    def step(self, packet):
        raise NotImplementedError(type(self).__name__)


class IdleTask(TaskBase):
    def __init__(self, name, priority, count=0, seed=1):
        super().__init__(name, priority, count)
        self.seed = seed

    def step(self, packet):
        if self.count <= 0:
            return None, ()
        seed = self.seed
        dest = "devA" if seed & 1 == 0 else "devB"
        seed = (seed >> 1) ^ (0xD008 if seed & 1 else 0)
        return IdleTask(self.name, self.priority, self.count - 1, seed), (Packet(dest, "tick"),)


class DeviceTask(TaskBase):
    def step(self, packet):
        if packet is None:
            return self, ()
        return (DeviceTask(self.name, self.priority, self.count + 1),
                (Packet("worker", "work", packet.datum + self.count),))


class WorkerTask(TaskBase):
    def __init__(self, name, priority, count=0, letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ", at=0):
        super().__init__(name, priority, count)
        self.letters = letters
        self.at = at

    def step(self, packet):
        if packet is None:
            return self, ()
        buf = tuple(self.letters[(self.at + i) % len(self.letters)] for i in range(4))
        nxt = WorkerTask(self.name, self.priority, self.count + 1, self.letters, (self.at + 4) % 26)
        return nxt, (Packet("handler", "buf", self.count, buf),)


class HandlerTask(TaskBase):
    def __init__(self, name, priority, count=0, collected=""):
        super().__init__(name, priority, count)
        self.collected = collected

    def step(self, packet):
        if packet is None:
            return self, ()
        return HandlerTask(self.name, self.priority, self.count + 1,
                           self.collected + "".join(packet.payload)), ()


def schedule_order(count):
    tasks = {"idle": IdleTask("idle", 0, count), "worker": WorkerTask("worker", 1000)}
    order = sorted(tasks, key=lambda nm: -tasks[nm].priority)
    del tasks["idle"]
    return order, list(tasks)


def richards(count):
    tasks = {
        "idle": IdleTask("idle", 0, count),
        "worker": WorkerTask("worker", 1000),
        "handler": HandlerTask("handler", 2000),
        "devA": DeviceTask("devA", 4000),
        "devB": DeviceTask("devB", 5000),
    }
    queues = {name: () for name in tasks}
    order = [nm for _, nm in sorted((-t.priority, nm) for nm, t in tasks.items())]
    steps = 0
    holds = 0
    while True:
        ready = [nm for nm in order if queues[nm]]
        if ready:
            name = ready[0]
            packet, queues[name] = queues[name][0], queues[name][1:]
        elif "idle" in tasks:
            name, packet = "idle", None
        else:
            break
        nxt, sent = tasks[name].step(packet)
        steps += 1
        if nxt is None:
            del tasks[name]
            order.remove(name)
        else:
            tasks[name] = nxt
        for p in sent:
            if p.dest in queues:
                queues[p.dest] = queues[p.dest] + (p,)
            else:
                holds += 1
    return (steps, holds, {nm: t.count for nm, t in tasks.items()},
            tasks["handler"].collected[:40], len(tasks["handler"].collected))


class MutableTask:
    def __init__(self, name):
        self.name = name
        self.count = 0

    def run(self):
        self.count = self.count + 1
        return self.count


def richards_mutating(n):
    t = MutableTask("worker")
    for _ in range(n):
        t.run()
    return t.count


# ---------------------------------------------------------------------------
# deltablue-lite: one-way constraint propagation by strength
# ---------------------------------------------------------------------------

STRENGTHS = ("required", "strong", "medium", "weak")


class Constraint:
    def __init__(self, output, strength):
        if strength not in STRENGTHS:
            raise ValueError(f"unknown strength {strength!r}")
        self.output = output
        self.strength = STRENGTHS.index(strength)

    def inputs(self):
        return ()

    def compute(self, values):
        raise NotImplementedError


class StayC(Constraint):
    def __init__(self, output, value, strength="weak"):
        super().__init__(output, strength)
        self.value = value

    def compute(self, values):
        return self.value


class EqualC(Constraint):
    def __init__(self, source, output, strength="required"):
        super().__init__(output, strength)
        self.source = source

    def inputs(self):
        return (self.source,)

    def compute(self, values):
        return values[self.source]


class ScaleC(Constraint):
    def __init__(self, source, scale, offset, output, strength="required"):
        super().__init__(output, strength)
        self.source, self.scale, self.offset = source, scale, offset

    def inputs(self):
        return (self.source, self.scale, self.offset)

    def compute(self, values):
        return values[self.source] * values[self.scale] + values[self.offset]


def plan(constraints):
    """Choose, for each variable, its strongest constraint; order them topologically."""
    best = {}
    for c in constraints:
        cur = best.get(c.output)
        if cur is None or c.strength < cur.strength:
            best[c.output] = c
    done = set()
    ordered = []
    pending = list(best.values())
    while pending:
        progress = [c for c in pending if all(v in done or v not in best for v in c.inputs())]
        if not progress:
            raise RuntimeError("cycle in constraints")
        for c in progress:
            done.add(c.output)
            ordered.append(c)
        pending = [c for c in pending if c.output not in done]
    return ordered


def solve(constraints, inputs):
    values = dict(inputs)
    for c in plan(constraints):
        values = {**values, c.output: c.compute(values)}
    return values


def solve_in_place(constraints):
    values = {}
    for c in plan(constraints):
        values[c.output] = c.compute(values)
    return values


def deltablue_in_place(n):
    return solve_in_place([StayC("v0", n)] + [EqualC(f"v{i}", f"v{i + 1}") for i in range(n)])


def deltablue_chain(n):
    cs = [StayC("v0", 0, "weak"), StayC("v0", 17, "strong")]
    cs += [EqualC(f"v{i}", f"v{i + 1}") for i in range(n)]
    cs += [StayC(f"v{i}", -1) for i in range(1, n + 1)]
    values = solve(cs, {})
    chain_ok = all(values[f"v{i}"] == 17 for i in range(n + 1))
    proj = [StayC("scale", 10, "strong"), StayC("offset", 1000, "strong")]
    proj += [StayC(f"src{i}", i, "medium") for i in range(n)]
    proj += [ScaleC(f"src{i}", "scale", "offset", f"dst{i}") for i in range(n)]
    pv = solve(proj, {"unused": 0})
    try:
        solve([EqualC("a", "b"), EqualC("b", "a")], {})
    except RuntimeError as e:
        cyc = str(e)
    try:
        StayC("x", 1, "feeble")
    except ValueError as e:
        bad = str(e)
    return chain_ok, values["v%d" % n], [pv[f"dst{i}"] for i in range(n)], cyc, bad, len(plan(cs))


# ---------------------------------------------------------------------------
# hexiom-lite: fill a 7-cell hexagon so each tile's number equals its count of
# occupied neighbours
# ---------------------------------------------------------------------------

HEX_CELLS = ((0, 0), (1, 0), (0, 1), (-1, 1), (-1, 0), (0, -1), (1, -1))
HEX_DIRS = ((1, 0), (0, 1), (-1, 1), (-1, 0), (0, -1), (1, -1))


def hex_neighbours():
    index = {c: i for i, c in enumerate(HEX_CELLS)}
    return tuple(tuple(index[(q + dq, r + dr)] for dq, dr in HEX_DIRS if (q + dq, r + dr) in index)
                 for q, r in HEX_CELLS)


def hexiom_ok(assign, neigh, complete):
    for i, t in enumerate(assign):
        if t is None or t == ".":
            continue
        occupied = sum(1 for j in neigh[i] if j < len(assign) and assign[j] not in (None, "."))
        unknown = sum(1 for j in neigh[i] if j >= len(assign))
        if occupied > t or (complete and occupied != t) or occupied + unknown < t:
            return False
    return True


def hexiom_solve(tiles, neigh, assign=()):
    if not hexiom_ok(assign, neigh, False):
        return
    if len(assign) == len(HEX_CELLS):
        if hexiom_ok(assign, neigh, True):
            yield assign
        return
    for t in sorted(set(tiles), key=str):
        rest = list(tiles)
        rest.remove(t)
        yield from hexiom_solve(tuple(rest), neigh, assign + (t,))


def hexiom(tiles):
    neigh = hex_neighbours()
    sols = list(hexiom_solve(tuple(tiles), neigh))
    show = ["".join(str(x) for x in s) for s in sols]
    return len(sols), show[:5], [len(n) for n in neigh]


# ---------------------------------------------------------------------------
# go-lite: stones placed on a small board (a tuple), captured groups removed
# ---------------------------------------------------------------------------

EMPTY, BLACK, WHITE = 0, 1, 2


def go_neighbours(i, size):
    r, c = divmod(i, size)
    out = []
    if r > 0:
        out.append(i - size)
    if r < size - 1:
        out.append(i + size)
    if c > 0:
        out.append(i - 1)
    if c < size - 1:
        out.append(i + 1)
    return out


def go_group(board, i, size):
    color = board[i]
    seen = {i}
    stack = [i]
    libs = set()
    while stack:
        j = stack.pop()
        for k in go_neighbours(j, size):
            if board[k] == EMPTY:
                libs.add(k)
            elif board[k] == color and k not in seen:
                seen.add(k)
                stack.append(k)
    return frozenset(seen), frozenset(libs)


def go_place(board, i, color, size):
    if board[i] != EMPTY:
        raise ValueError("occupied")
    board = board[:i] + (color,) + board[i + 1:]
    other = BLACK + WHITE - color
    captured = 0
    for k in go_neighbours(i, size):
        if board[k] == other:
            stones, libs = go_group(board, k, size)
            if not libs:
                captured += len(stones)
                board = tuple(EMPTY if j in stones else v for j, v in enumerate(board))
    stones, libs = go_group(board, i, size)
    if not libs:
        raise ValueError("suicide")
    return board, captured


def go_game(size, moves, seed):
    board = (EMPTY,) * (size * size)
    color = BLACK
    caps = {BLACK: 0, WHITE: 0}
    illegal = 0
    played = 0
    while played < moves:
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        i = seed % (size * size)
        try:
            board, c = go_place(board, i, color, size)
        except ValueError:
            illegal += 1
            if illegal > 10 * moves:
                break
            continue
        caps[color] += c
        color = BLACK + WHITE - color
        played += 1
    rows = ["".join(".XO"[board[r * size + c]] for c in range(size)) for r in range(size)]
    return rows, caps, illegal


# ---------------------------------------------------------------------------
# unpack_sequence (pyperformance)
# ---------------------------------------------------------------------------

def unpack_sequence(n, seq):
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = j, i, h, g, f, e, d, c, b, a
        first, *middle, last = (a, b, c, d, e, f, g, h, i, j)
        (p, q), (r, *s) = (first, last), middle
        total += a - j + p * q + r + len(s)
    return total, first, middle, last, s


# ---------------------------------------------------------------------------
# meteor-contest-lite: count tilings of a small board by trominoes, bitmasks
# ---------------------------------------------------------------------------

TROMINOES = (((0, 0), (0, 1), (0, 2)), ((0, 0), (1, 0), (1, 1)))


def orientations(piece):
    shapes = set()
    cells = piece
    for _ in range(4):
        cells = tuple((c, -r) for r, c in cells)
        for variant in (cells, tuple((r, -c) for r, c in cells)):
            mr = min(r for r, _ in variant)
            mc = min(c for _, c in variant)
            shapes.add(tuple(sorted((r - mr, c - mc) for r, c in variant)))
    return sorted(shapes)


def piece_masks(rows, cols):
    """Every placement of every orientation, grouped by its first (lowest) cell."""
    by_cell = {}
    for pid, piece in enumerate(TROMINOES):
        for shape in orientations(piece):
            for r0 in range(rows):
                for c0 in range(cols):
                    cells = [(r0 + r, c0 + c) for r, c in shape]
                    if all(0 <= r < rows and 0 <= c < cols for r, c in cells):
                        mask = sum(1 << (r * cols + c) for r, c in cells)
                        low = (mask & -mask).bit_length() - 1
                        if low not in by_cell:
                            by_cell[low] = []
                        by_cell[low].append((pid, mask))
    return by_cell


def count_tilings(board, full, by_cell, memo_key=None):
    if board == full:
        return 1
    free = ~board & full
    low = (free & -free).bit_length() - 1
    return sum(count_tilings(board | mask, full, by_cell)
               for _, mask in by_cell.get(low, ()) if not board & mask)


def meteor(rows, cols):
    by_cell = piece_masks(rows, cols)
    full = (1 << (rows * cols)) - 1
    shapes = [len(orientations(p)) for p in TROMINOES]
    return count_tilings(0, full, by_cell), shapes, sum(len(v) for v in by_cell.values())


# ---------------------------------------------------------------------------
# mandelbrot (Benchmarks Game): a PBM bitmap as bytes
# ---------------------------------------------------------------------------

def mandelbrot(size):
    out = bytearray()
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        bits = 0
        nbits = 0
        for x in range(size):
            c = complex(2.0 * x / size - 1.5, ci)
            z = 0j
            inside = 1
            for _ in range(50):
                z = z * z + c
                if abs(z) > 2.0:
                    inside = 0
                    break
            bits = (bits << 1) | inside
            nbits += 1
            if nbits == 8:
                out.append(bits)
                bits = nbits = 0
        if nbits:
            out.append(bits << (8 - nbits))
    header = f"P4\n{size} {size}\n".encode("ascii")
    return header + bytes(out)


def mandelbrot_bytes(size):
    rows = []
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        row = 0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = zi = 0.0
            i = 0
            while i < 50 and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            row = (row << 1) | (i == 50)
        rows.append(row.to_bytes((size + 7) // 8, "big"))
    return b"".join(rows)


# ---------------------------------------------------------------------------
# fasta (Benchmarks Game): the benchmark's own LCG, repeat and random output
# ---------------------------------------------------------------------------

ALU = ("GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
       "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA")

IUB = (("a", 0.27), ("c", 0.12), ("g", 0.12), ("t", 0.27), ("B", 0.02), ("D", 0.02),
       ("H", 0.02), ("K", 0.02), ("M", 0.02), ("N", 0.02), ("R", 0.02), ("S", 0.02),
       ("V", 0.02), ("W", 0.02), ("Y", 0.02))

HOMO_SAPIENS = (("a", 0.3029549426680), ("c", 0.1979883004921),
                ("g", 0.1975473066391), ("t", 0.3015094502008))

IM, IA, IC = 139968, 3877, 29573


def fasta_random(seed):
    while True:
        seed = (seed * IA + IC) % IM
        yield seed / IM


def cumulative(table):
    acc = 0.0
    out = []
    for ch, p in table:
        acc += p
        out.append((acc, ch))
    return out


def pick(cum, r):
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid][0] < r:
            lo = mid + 1
        else:
            hi = mid
    return cum[lo][1]


def fasta_repeat(header, src, n, width=60):
    lines = [header]
    s = src * (n // len(src) + 2)
    for i in range(0, n, width):
        lines.append(s[i:min(i + width, n)])
    return lines


def fasta(n):
    rnd = fasta_random(42)
    lines = fasta_repeat(">ONE Homo sapiens alu", ALU, 2 * n)
    for header, table, count in ((">TWO IUB ambiguity codes", IUB, 3 * n),
                                 (">THREE Homo sapiens frequency", HOMO_SAPIENS, 5 * n)):
        cum = cumulative(table)
        lines.append(header)
        seq = "".join(pick(cum, next(rnd)) for _ in range(count))
        lines.extend(seq[i:i + 60] for i in range(0, count, 60))
    text = "\n".join(lines) + "\n"
    print(text[:200])
    return len(text), text[-130:], next(rnd)


# ---------------------------------------------------------------------------
# k-nucleotide (Benchmarks Game): frequency tables in dicts
# ---------------------------------------------------------------------------

def kmer_counts(seq, k):
    counts = {}
    for i in range(len(seq) - k + 1):
        key = seq[i:i + k]
        counts[key] = counts.get(key, 0) + 1
    return counts


def k_nucleotide(n):
    seq = "".join(ch for ch in fasta_dna(n)).upper()
    out = []
    for k in (1, 2):
        counts = kmer_counts(seq, k)
        total = sum(counts.values())
        for key, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append("%s %.3f" % (key, 100.0 * c / total))
        out.append("")
    for frag in ("GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"):
        out.append(f"{kmer_counts(seq, len(frag)).get(frag, 0)}\t{frag}")
    return "\n".join(out)


def fasta_dna(n):
    rnd = fasta_random(42)
    cum = cumulative(HOMO_SAPIENS)
    for _ in range(n):
        yield pick(cum, next(rnd))


# ---------------------------------------------------------------------------
# reverse-complement (Benchmarks Game): str.maketrans / translate
# ---------------------------------------------------------------------------

COMPLEMENT = str.maketrans("ACGTUMRWSYKVHDBNacgtumrwsykvhdbn",
                           "TGCAAKYWSRMBDHVNTGCAAKYWSRMBDHVN")


def reverse_complement(text):
    out = []
    header = None
    body = []
    for line in text.splitlines() + [">END"]:
        if line.startswith(">"):
            if header is not None:
                seq = "".join(body).translate(COMPLEMENT)[::-1]
                out.append(header)
                out.extend(seq[i:i + 60] for i in range(0, len(seq), 60))
            header = line
            body = []
        else:
            body.append(line.strip())
    return "\n".join(out)


def revcomp(n):
    text = "\n".join(fasta_repeat(">ONE test", ALU, n, 50)) + "\n" + \
        "\n".join(fasta_repeat(">TWO lower", ALU.lower(), n // 2, 70))
    rc = reverse_complement(text)
    twice = reverse_complement(rc)
    return rc[:300], len(rc), twice.replace("\n", "") == reverse_complement(
        reverse_complement(twice)).replace("\n", "")


# ---------------------------------------------------------------------------
# regex-free text processing: tokenising, word frequencies, formatting
# ---------------------------------------------------------------------------

TEXT = """It was the best of times, it was the worst of times; it was the age of
wisdom, it was the age of foolishness... It was the epoch of belief -- it was the
epoch of incredulity: it was the season of Light, it was the season of Darkness!
"Spring of hope", 'winter of despair'. We had everything before us (1775)."""


def tokenize(text):
    word = []
    for ch in text:
        if ch.isalnum() or ch == "'":
            word.append(ch)
        else:
            if word:
                yield "".join(word).strip("'")
                word = []
            if not ch.isspace():
                yield ch
    if word:
        yield "".join(word)


def text_processing(text):
    tokens = list(tokenize(text))
    words = [t.lower() for t in tokens if t[0].isalpha()]
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    table = "\n".join(f"{w:>10} | {'*' * c:<12}| {c:3d}" for w, c in top)
    punct = "".join(sorted(set(t for t in tokens if not t[0].isalnum())))
    caps = [w.title() for w in words if len(w) > 8]
    sentences = [s.strip() for s in text.replace("!", ".").replace(";", ".").split(".") if s.strip()]
    head, sep, tail = text.partition(" -- ")
    return (len(tokens), table, punct, caps, len(sentences), sentences[-1][:20].center(30, "~"),
            tail.split()[:4], text.count("was"), text.find("Light"), text.rfind("of"),
            [t for t in tokens if t.isdigit()], "-".join(words[:5]).upper().swapcase())


# ---------------------------------------------------------------------------
# JSON-like recursive serializer and recursive-descent parser
# ---------------------------------------------------------------------------

class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def dumps(obj, indent=None, *, sort_keys=False, _level=0):
    nl = "" if indent is None else "\n" + " " * (indent * (_level + 1))
    end = "" if indent is None else "\n" + " " * (indent * _level)
    sep = ", " if indent is None else ","
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, float):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise ValueError(f"Out of range float values are not JSON compliant: {obj!r}")
        return repr(obj)
    if isinstance(obj, str):
        return '"' + "".join(ESCAPES.get(c, c) if c >= " " or c in ESCAPES else "\\u%04x" % ord(c)
                             for c in obj) + '"'
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[" + sep.join(nl + dumps(v, indent, sort_keys=sort_keys, _level=_level + 1)
                              for v in obj) + end + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = sorted(obj.items()) if sort_keys else list(obj.items())
        return "{" + sep.join(nl + dumps(str(k)) + ": " +
                              dumps(v, indent, sort_keys=sort_keys, _level=_level + 1)
                              for k, v in items) + end + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def parse_value(s, i):
    while i < len(s) and s[i] in " \t\n\r":
        i += 1
    if i >= len(s):
        raise ParseError("unexpected end", i)
    ch = s[i]
    if ch == "{":
        out = {}
        i += 1
        while True:
            while s[i] in " \t\n\r,":
                i += 1
            if s[i] == "}":
                return out, i + 1
            key, i = parse_value(s, i)
            while s[i] in " \t\n\r":
                i += 1
            if s[i] != ":":
                raise ParseError("expected ':'", i)
            val, i = parse_value(s, i + 1)
            out[key] = val
    if ch == "[":
        out = []
        i += 1
        while True:
            while s[i] in " \t\n\r,":
                i += 1
            if s[i] == "]":
                return out, i + 1
            val, i = parse_value(s, i)
            out.append(val)
    if ch == '"':
        buf = []
        i += 1
        while s[i] != '"':
            if s[i] == "\\":
                nxt = s[i + 1]
                if nxt == "u":
                    buf.append(chr(int(s[i + 2:i + 6], 16)))
                    i += 6
                    continue
                buf.append({"n": "\n", "t": "\t", "r": "\r"}.get(nxt, nxt))
                i += 2
            else:
                buf.append(s[i])
                i += 1
        return "".join(buf), i + 1
    for word, val in (("null", None), ("true", True), ("false", False)):
        if s.startswith(word, i):
            return val, i + len(word)
    j = i
    while j < len(s) and s[j] in "+-0123456789.eE":
        j += 1
    if j == i:
        raise ParseError(f"unexpected {ch!r}", i)
    text = s[i:j]
    return (float(text) if any(c in text for c in ".eE") else int(text)), j


def loads(s):
    val, i = parse_value(s, 0)
    if s[i:].strip():
        raise ParseError("extra data", i)
    return val


def json_roundtrip(depth):
    doc = {"name": "pyfora", "tags": ["vm", "dataflow"], "version": (1, 2, 3),
           "ratio": 0.1 + 0.2, "ok": True, "none": None, "esc": 'a"b\\c\nd\x01',
           "nested": reduce(lambda acc, i: {"level": i, "child": acc, "list": list(range(i))},
                            range(depth), {})}
    compact = dumps(doc)
    pretty = dumps(doc, 2, sort_keys=True)
    back = loads(pretty)
    errors = []
    for bad in ('{"a" 1}', "[1, 2", "@", "[1] 2"):
        try:
            loads(bad)
        except ParseError as e:
            errors.append((str(e), e.pos))
        except IndexError:
            errors.append("index")
    for obj in (float("nan"), {1, 2}):
        try:
            dumps(obj)
        except (ValueError, TypeError) as e:
            errors.append(f"{type(e).__name__}: {e}")
    return compact, pretty[:200], back["nested"]["level"], loads(compact) == loads(pretty), errors


# ---------------------------------------------------------------------------
# a tiny Lisp: tokenizer, reader, evaluator with immutable environments
# ---------------------------------------------------------------------------

class LispError(Exception):
    pass


class Symbol(str):
    pass


class Lambda:
    def __init__(self, params, body, env):
        self.params = params
        self.body = body
        self.env = env


def lisp_tokenize(src):
    return src.replace("(", " ( ").replace(")", " ) ").replace("'", " ' ").split()


def lisp_read(tokens, i=0):
    if i >= len(tokens):
        raise LispError("unexpected EOF")
    tok = tokens[i]
    if tok == "(":
        items = []
        i += 1
        while i < len(tokens) and tokens[i] != ")":
            item, i = lisp_read(tokens, i)
            items.append(item)
        if i >= len(tokens):
            raise LispError("missing )")
        return items, i + 1
    if tok == ")":
        raise LispError("unexpected )")
    if tok == "'":
        item, i = lisp_read(tokens, i + 1)
        return [Symbol("quote"), item], i
    try:
        return int(tok), i + 1
    except ValueError:
        try:
            return float(tok), i + 1
        except ValueError:
            return Symbol(tok), i + 1


LISP_BUILTINS = {
    "+": lambda *a: sum(a), "-": lambda a, b=None: -a if b is None else a - b,
    "*": lambda *a: reduce(operator.mul, a, 1), "/": operator.truediv,
    "<": operator.lt, ">": operator.gt, "=": operator.eq, "<=": operator.le,
    "car": lambda l: l[0], "cdr": lambda l: l[1:], "cons": lambda a, l: [a] + l,
    "list": lambda *a: list(a), "null?": lambda l: l == [], "mod": operator.mod,
    "length": len, "abs": abs, "max": max, "min": min,
}


def lisp_lookup(name, env, defs):
    if name in env:
        return env[name]
    if name in defs:
        return defs[name]
    if name in LISP_BUILTINS:
        return LISP_BUILTINS[name]
    raise LispError(f"unbound symbol: {name}")


def lisp_eval(x, env, defs):
    while True:
        if isinstance(x, Symbol):
            return lisp_lookup(x, env, defs)
        if not isinstance(x, list):
            return x
        if not x:
            raise LispError("empty application")
        head = x[0]
        if head == "quote":
            return x[1]
        if head == "if":
            _, test, conseq, alt = x
            x = conseq if lisp_eval(test, env, defs) not in (False, [], 0) else alt
            continue
        if head == "let":
            bindings = {name: lisp_eval(val, env, defs) for name, val in x[1]}
            env = {**env, **bindings}
            x = x[2]
            continue
        if head == "lambda":
            return Lambda(tuple(x[1]), x[2], env)
        if head == "begin":
            for e in x[1:-1]:
                lisp_eval(e, env, defs)
            x = x[-1]
            continue
        fn = lisp_eval(head, env, defs)
        args = [lisp_eval(a, env, defs) for a in x[1:]]
        if isinstance(fn, Lambda):
            if len(args) != len(fn.params):
                raise LispError(f"arity: expected {len(fn.params)}, got {len(args)}")
            env = {**fn.env, **dict(zip(fn.params, args))}
            x = fn.body
            continue
        return fn(*args)


def lisp_to_str(v):
    if isinstance(v, list):
        return "(" + " ".join(map(lisp_to_str, v)) + ")"
    if isinstance(v, Lambda):
        return f"#<lambda {' '.join(v.params)}>"
    if v is True:
        return "#t"
    if v is False:
        return "#f"
    return str(v)


def lisp_run(src):
    tokens = lisp_tokenize(src)
    i = 0
    defs = {}
    results = []
    while i < len(tokens):
        try:
            form, i = lisp_read(tokens, i)
        except LispError as e:
            results.append(f"read error: {e}")
            break
        try:
            if isinstance(form, list) and form and form[0] == "define":
                defs = {**defs, form[1]: lisp_eval(form[2], {}, defs)}
                results.append(form[1])
            else:
                results.append(lisp_to_str(lisp_eval(form, {}, defs)))
        except LispError as e:
            results.append(f"error: {e}")
        except (TypeError, ZeroDivisionError, IndexError) as e:
            results.append(f"{type(e).__name__}: {e}")
    return results


LISP_PROGRAM = """
(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))
(fact 25)
(define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
(fib 15)
(define map (lambda (f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l))))))
(map (lambda (x) (* x x)) '(1 2 3 4 5))
(define loop (lambda (n acc) (if (= n 0) acc (loop (- n 1) (+ acc n)))))
(loop 3000 0)
(let ((a 2) (b 3.5)) (begin (+ a b) (* a b)))
(define compose (lambda (f g) (lambda (x) (f (g x)))))
((compose (lambda (x) (+ x 1)) (lambda (x) (* x 10))) 4)
(compose car cdr)
(undefined-thing 1)
((lambda (x y) x) 1)
(/ 1 0)
(length '(a b (c d) e))
(max 3 9 2)
(car '())
(1 2
"""


# ---------------------------------------------------------------------------
# a tiny Forth: data stack and word dictionary owned by the interpreter
# ---------------------------------------------------------------------------

def forth(src):
    stack = []
    words = {}
    out = []
    tokens = src.split()
    pc = 0
    program = list(tokens)
    ret = []
    while pc < len(program):
        tok = program[pc]
        pc += 1
        if tok == ":":
            name = program[pc]
            end = program.index(";", pc)
            words[name.lower()] = program[pc + 1:end]
            pc = end + 1
            continue
        t = tok.lower()
        if t in words:
            program = program[:pc] + ["__ret__"] + program[pc:]
            ret.append(pc)
            program = program[:pc] + words[t] + program[pc:]
            continue
        if t == "__ret__":
            ret.pop()
            continue
        try:
            if t == "+":
                b, a = stack.pop(), stack.pop(); stack.append(a + b)
            elif t == "-":
                b, a = stack.pop(), stack.pop(); stack.append(a - b)
            elif t == "*":
                b, a = stack.pop(), stack.pop(); stack.append(a * b)
            elif t == "/":
                b, a = stack.pop(), stack.pop(); stack.append(a // b)
            elif t == "mod":
                b, a = stack.pop(), stack.pop(); stack.append(a % b)
            elif t == "dup":
                stack.append(stack[-1])
            elif t == "drop":
                stack.pop()
            elif t == "swap":
                stack[-1], stack[-2] = stack[-2], stack[-1]
            elif t == "over":
                stack.append(stack[-2])
            elif t == ".":
                out.append(str(stack.pop()))
            elif t == "emit":
                out.append(chr(stack.pop()))
            else:
                stack.append(int(tok))
        except IndexError:
            out.append("stack underflow")
        except ZeroDivisionError:
            out.append("division by zero")
        except ValueError:
            out.append(f"? {tok}")
    return " ".join(out), stack


FORTH_PROGRAM = """
: sq dup * ; : cube dup sq * ;
3 sq . 4 cube . 10 3 mod . 7 2 / . 1 2 swap - .
: hello 72 emit 105 emit ; hello
5 0 / + frob 1 2 over . . . 99
"""


# ---------------------------------------------------------------------------
# dijkstra with a binary heap kept on a list the function owns
# ---------------------------------------------------------------------------

def make_graph(n, edges_per_node, seed):
    graph = {}
    for u in range(n):
        nbrs = []
        for _ in range(edges_per_node):
            seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
            v = (seed >> 33) % n
            w = 1 + (seed >> 20) % 97
            if v != u:
                nbrs.append((v, w))
        graph[u] = nbrs
    return graph


def dijkstra(n, edges_per_node, seed):
    graph = make_graph(n, edges_per_node, seed)
    dist = {0: 0}
    heap = [(0, 0)]
    pops = 0
    while heap:
        # pop the smallest: move the last item to the root and sift it down
        top = heap[0]
        last = heap.pop()
        if heap:
            heap[0] = last
            i = 0
            size = len(heap)
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                m = i
                if l < size and heap[l] < heap[m]:
                    m = l
                if r < size and heap[r] < heap[m]:
                    m = r
                if m == i:
                    break
                heap[i], heap[m] = heap[m], heap[i]
                i = m
        d, u = top
        pops += 1
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                # push and sift up
                heap.append((nd, v))
                i = len(heap) - 1
                while i > 0:
                    p = (i - 1) // 2
                    if heap[p] <= heap[i]:
                        break
                    heap[p], heap[i] = heap[i], heap[p]
                    i = p
    far = max(dist.items(), key=lambda kv: (kv[1], -kv[0]))
    return len(dist), far, sum(dist.values()), pops, sorted(dist.items())[:8]


def heap_push(heap, item):
    heap.append(item)
    return heap


def dijkstra_with_helper(n):
    heap = []
    for i in range(n):
        heap_push(heap, (n - i, i))
    return heap


# ---------------------------------------------------------------------------
# sudoku: constraint propagation plus search on an immutable string grid
# ---------------------------------------------------------------------------

SUDOKU_PEERS = tuple(
    frozenset(j for j in range(81) if j != i and (
        j // 9 == i // 9 or j % 9 == i % 9 or
        (j // 27 == i // 27 and (j % 9) // 3 == (i % 9) // 3)))
    for i in range(81))


def sudoku_candidates(grid, i):
    used = {grid[j] for j in SUDOKU_PEERS[i]}
    return [d for d in "123456789" if d not in used]


def sudoku_solve(grid):
    best, best_cands = None, None
    for i, ch in enumerate(grid):
        if ch == ".":
            cands = sudoku_candidates(grid, i)
            if not cands:
                return None
            if best is None or len(cands) < len(best_cands):
                best, best_cands = i, cands
                if len(cands) == 1:
                    break
    if best is None:
        return grid
    for d in best_cands:
        result = sudoku_solve(grid[:best] + d + grid[best + 1:])
        if result is not None:
            return result
    return None


def sudoku(puzzle):
    grid = "".join(ch if ch in "123456789" else "." for ch in puzzle if not ch.isspace())
    if len(grid) != 81:
        raise ValueError(f"bad puzzle length {len(grid)}")
    sol = sudoku_solve(grid)
    if sol is None:
        return None
    rows = [" ".join(sol[r * 9:r * 9 + 9]) for r in range(9)]
    valid = all(len(set(sol[r * 9:r * 9 + 9])) == 9 for r in range(9)) and \
        all(len(set(sol[c::9])) == 9 for c in range(9))
    return rows, valid


SUDOKU_EASY = ("003020600900305001001806400008102900700000008"
               "006708200002609500800203009005010300")
SUDOKU_HARDER = ("4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......")


# ---------------------------------------------------------------------------
# SHA-256 in pure Python: 32-bit words via & 0xffffffff
# ---------------------------------------------------------------------------

SHA_K = (
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2)

SHA_H0 = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)


def rotr(x, n):
    return ((x >> n) | (x << (32 - n))) & 0xffffffff


def sha256(data):
    msg = bytes(data) + b"\x80"
    msg += b"\x00" * ((56 - len(msg) % 64) % 64)
    msg += (8 * len(data)).to_bytes(8, "big")
    h = SHA_H0
    for off in range(0, len(msg), 64):
        w = [int.from_bytes(msg[off + 4 * t:off + 4 * t + 4], "big") for t in range(16)]
        for t in range(16, 64):
            s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & 0xffffffff)
        a, b, c, d, e, f, g, hh = h
        for t in range(64):
            S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            ch = (e & f) ^ (~e & g)
            t1 = (hh + S1 + ch + SHA_K[t] + w[t]) & 0xffffffff
            S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (S0 + maj) & 0xffffffff
            a, b, c, d, e, f, g, hh = (t1 + t2) & 0xffffffff, a, b, c, (d + t1) & 0xffffffff, e, f, g
        h = tuple((x + y) & 0xffffffff for x, y in zip(h, (a, b, c, d, e, f, g, hh)))
    return "".join(f"{x:08x}" for x in h)


def crc32_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return tuple(table)


def crc32(data, table):
    crc = 0xFFFFFFFF
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def xorshift32(seed, n):
    x = seed
    out = []
    for _ in range(n):
        x ^= (x << 13) & 0xffffffff
        x ^= x >> 17
        x ^= (x << 5) & 0xffffffff
        out.append(x)
    return out


def crypto(text):
    data = text.encode("utf-8")
    table = crc32_table()
    return (sha256(b""), sha256(b"abc"), sha256(data), sha256(data * 3),
            hex(crc32(data, table)), xorshift32(2463534242, 5),
            bin(rotr(0x80000001, 1)), (-1) & 0xffffffff, ~0x0f & 0xff)


# ---------------------------------------------------------------------------
# matrix multiply with lists; Gaussian elimination (scimark LU-like)
# ---------------------------------------------------------------------------

def make_matrix(n, m, seed):
    rnd = lcg_stream(seed)
    return [[round(next(rnd) * 10 - 5, 3) for _ in range(m)] for _ in range(n)]


def matmul(a, b):
    bt = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def matmul_loops(a, b):
    n, m, p = len(a), len(b), len(b[0])
    out = []
    for i in range(n):
        row = [0.0] * p
        ai = a[i]
        for k in range(m):
            aik = ai[k]
            bk = b[k]
            for j in range(p):
                row[j] += aik * bk[j]
        out.append(row)
    return out


def determinant(a):
    m = [list(row) for row in a]
    n = len(m)
    det = 1.0
    for c in range(n):
        col = [abs(row[c]) for row in m]
        pivot = max(range(c, n), key=lambda r: col[r])
        if abs(m[pivot][c]) < 1e-12:
            return 0.0
        if pivot != c:
            m[c], m[pivot] = m[pivot], m[c]
            det = -det
        det *= m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return det


def matrix_bench(n):
    a = make_matrix(n, n, 1)
    b = make_matrix(n, n, 2)
    c1 = matmul(a, b)
    c2 = matmul_loops(a, b)
    ident = [[float(i == j) for j in range(n)] for i in range(n)]
    return (c1 == c2, [round(x, 6) for x in c1[0]], matmul(a, ident) == a,
            "%.6e" % determinant(a), "%.6e" % determinant(c1),
            round(determinant(c1) / (determinant(a) * determinant(b)), 6),
            determinant([[1, 2], [2, 4]]))


def sor(n, cycles, omega):
    grid = [[((i * 7 + j * 13) % 17) / 17.0 for j in range(n)] for i in range(n)]
    w4 = omega * 0.25
    w1 = 1.0 - omega
    for _ in range(cycles):
        for i in range(1, n - 1):
            above, row, below = grid[i - 1], grid[i], grid[i + 1]
            new = list(row)
            for j in range(1, n - 1):
                new[j] = w4 * (above[j] + below[j] + new[j - 1] + row[j + 1]) + w1 * row[j]
            grid[i] = new
    return round(sum(map(sum, grid)), 9), grid[n // 2][n // 2]


def monte_carlo_pi(samples):
    rnd = lcg_stream(113)
    inside = sum(1 for _ in range(samples) if next(rnd) ** 2 + next(rnd) ** 2 <= 1.0)
    return inside, 4.0 * inside / samples


# ---------------------------------------------------------------------------
# Conway's life: a set of live cells, and a list-of-strings torus
# ---------------------------------------------------------------------------

def life_step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = (x + dx, y + dy)
                    counts[key] = counts.get(key, 0) + 1
    return frozenset(c for c, n in counts.items() if n == 3 or (n == 2 and c in live))


def life_torus_step(rows):
    h, w = len(rows), len(rows[0])
    def alive(r, c):
        return rows[r % h][c % w] == "#"
    return tuple("".join(
        "#" if (n := sum(alive(r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                         if dr or dc)) == 3 or (n == 2 and alive(r, c)) else "."
        for c in range(w)) for r in range(h))


def life(generations):
    glider = frozenset({(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)})
    rpent = frozenset({(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)})
    g, r = glider, rpent
    pops = []
    for _ in range(generations):
        g = life_step(g)
        r = life_step(r)
        pops.append(len(r))
    board = ("........", "..#.....", "...#....", ".###....", "........", "........")
    for _ in range(generations):
        board = life_torus_step(board)
    return sorted(g), min(g), pops[-5:], max(pops), board


# ---------------------------------------------------------------------------
# edit distance and LCS with dynamic-programming rows
# ---------------------------------------------------------------------------

def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            if a[i] == b[j]:
                table[i + 1][j + 1] = table[i][j] + 1
            else:
                table[i + 1][j + 1] = max(table[i][j + 1], table[i + 1][j])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i -= 1
            j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))


def edit_distances(words):
    pairs = [(a, b, levenshtein(a, b)) for i, a in enumerate(words) for b in words[i + 1:]]
    closest = min(pairs, key=lambda p: (p[2], p[0], p[1]))
    return pairs, closest, lcs("AGGTABQWERTY", "GXTXAYBWRTZY"), lcs(words[0], words[-1])


# ---------------------------------------------------------------------------
# generator pipelines and coroutines (pyperformance generators / coroutines)
# ---------------------------------------------------------------------------

def integers(start=0):
    n = start
    while True:
        yield n
        n += 1


def primes_sieve():
    yield 2
    found = []
    for n in integers(3):
        if n % 2 and all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


def take(n, it):
    return list(islice(it, n))


def windows(it, size):
    buf = ()
    for x in it:
        buf = (buf + (x,))[-size:]
        if len(buf) == size:
            yield buf


def tree_walk(node):
    if node is None:
        return
    left, value, right = node
    yield from tree_walk(left)
    yield value
    yield from tree_walk(right)


def tree_insert(node, v):
    if node is None:
        return (None, v, None)
    left, value, right = node
    if v < value:
        return (tree_insert(left, v), value, right)
    return (left, value, tree_insert(right, v))


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return total, count
        total += x
        count += 1
        avg = total / count


def generator_pipeline(n):
    ps = take(n, primes_sieve())
    gaps = [b - a for a, b in windows(iter(ps), 2)]
    triples = take(5, (w for w in windows(primes_sieve(), 3) if w[2] - w[0] == 6))
    squares = (x * x for x in integers(1))
    evens = (x for x in squares if x % 2 == 0)
    tree = reduce(tree_insert, [(i * 37) % 101 for i in range(60)], None)
    ordered = list(tree_walk(tree))
    co = averager()
    next(co)
    avgs = [co.send(x) for x in ps[:10]]
    try:
        co.send(None)
    except StopIteration as stop:
        final = stop.value
    return ps[-5:], max(gaps), triples, take(4, evens), ordered == sorted(ordered), ordered[:8], \
        avgs[-3:], final


# ---------------------------------------------------------------------------
# raytrace-lite (pyperformance raytrace): vectors, spheres, a tiny image
# ---------------------------------------------------------------------------

class Vec:
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / math.sqrt(self.dot(self)))


class Sphere:
    def __init__(self, centre, radius, shade):
        self.centre = centre
        self.radius = radius
        self.shade = shade

    def intersect(self, origin, direction):
        oc = origin - self.centre
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius ** 2
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - math.sqrt(disc)
        return t if t > 1e-9 else None

    def normal_at(self, p):
        return (p - self.centre).norm()


class Plane:
    def __init__(self, point, normal, shade):
        self.point = point
        self.normal = normal.norm()
        self.shade = shade

    def intersect(self, origin, direction):
        denom = self.normal.dot(direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - origin).dot(self.normal) / denom
        return t if t > 1e-9 else None

    def normal_at(self, p):
        return self.normal


def trace(objects, light, origin, direction, depth=0):
    hits = [(t, o) for o in objects if (t := o.intersect(origin, direction)) is not None]
    if not hits:
        return 0.0
    t, obj = min(hits, key=lambda h: h[0])
    p = origin + direction.scale(t)
    n = obj.normal_at(p)
    to_light = (light - p).norm()
    shadowed = any(o.intersect(p, to_light) is not None for o in objects if o is not obj)
    lambert = 0.0 if shadowed else max(0.0, n.dot(to_light))
    colour = obj.shade * (0.2 + 0.8 * lambert)
    if depth < 2:
        refl = direction - n.scale(2 * direction.dot(n))
        colour = 0.7 * colour + 0.3 * trace(objects, light, p, refl, depth + 1)
    return colour


def raytrace(width, height):
    objects = (Sphere(Vec(0.0, 0.0, 5.0), 1.0, 1.0), Sphere(Vec(1.5, -0.5, 4.0), 0.5, 0.8),
               Plane(Vec(0.0, -1.0, 0.0), Vec(0.0, 1.0, 0.0), 0.5))
    light = Vec(-3.0, 5.0, 0.0)
    eye = Vec(0.0, 0.0, 0.0)
    ramp = " .:-=+*#%@"
    rows = []
    total = 0.0
    for j in range(height):
        line = []
        for i in range(width):
            d = Vec((i - width / 2) / width * 2, (height / 2 - j) / height * 2, 1.5).norm()
            c = trace(objects, light, eye, d)
            total += c
            line.append(ramp[min(len(ramp) - 1, int(c * len(ramp)))])
        rows.append("".join(line))
    return rows, round(total, 9)


# ---------------------------------------------------------------------------
# a small keyword-heavy "template" renderer: *args / **kwargs and f-strings
# ---------------------------------------------------------------------------

def render(template, *args, sep=" ", **fields):
    out = []
    i = 0
    pos = 0
    while i < len(template):
        ch = template[i]
        if ch == "{":
            j = template.index("}", i)
            name, _, spec = template[i + 1:j].partition(":")
            if name == "":
                value = args[pos]
                pos += 1
            elif name.isdigit():
                value = args[int(name)]
            else:
                value = fields[name]
            out.append(format(value, spec))
            i = j + 1
        else:
            out.append(ch)
            i += 1
    return sep.join("".join(out).split())


def call_with(fn, *args, **kwargs):
    return fn(*args, **kwargs)


def templates(n):
    rows = [render("{:>4} | {name:<6} | {1:08.3f} | {pct:.1%}", i, i / 7, name=f"n{i}",
                   pct=i / n) for i in range(n)]
    errs = []
    for bad_args, bad_kw in (((), {}), ((1, 2), {"name": "x"})):
        try:
            render("{} {name} {pct}", *bad_args, **bad_kw)
        except (IndexError, KeyError) as e:
            errs.append(repr(e))
    merged = call_with(render, "{a}-{b}-{0}", "z", sep="_", **{"a": 1, "b": 2})
    return rows, errs, merged, call_with(max, 3, 9, 4, key=lambda v: -v)



# ---------------------------------------------------------------------------
# binary-trees (Benchmarks Game): nested tuples, printed report
# ---------------------------------------------------------------------------

def make_tree(depth):
    return (None, None) if depth == 0 else (make_tree(depth - 1), make_tree(depth - 1))


def check_tree(node):
    left, right = node
    return 1 if left is None else 1 + check_tree(left) + check_tree(right)


def binary_trees(max_depth, min_depth=4):
    max_depth = max(min_depth + 2, max_depth)
    stretch = max_depth + 1
    print(f"stretch tree of depth {stretch}\t check: {check_tree(make_tree(stretch))}")
    long_lived = make_tree(max_depth)
    for d in range(min_depth, stretch, 2):
        iterations = 2 ** (max_depth - d + min_depth)
        check = sum(check_tree(make_tree(d)) for _ in range(iterations))
        print("%d\t trees of depth %d\t check: %d" % (iterations, d, check))
    print(f"long lived tree of depth {max_depth}\t check: {check_tree(long_lived)}")
    return check_tree(long_lived)


# ---------------------------------------------------------------------------
# Huffman coding: a heap on an owned list, codes from a recursive walk
# ---------------------------------------------------------------------------

class HNode:
    def __init__(self, weight, symbol=None, left=None, right=None):
        self.weight = weight
        self.symbol = symbol
        self.left = left
        self.right = right

    def __lt__(self, other):
        return (self.weight, self.key()) < (other.weight, other.key())

    def key(self):
        if self.symbol is not None:
            return self.symbol
        return self.left.key() + self.right.key()


def huffman_codes(node, prefix=""):
    if node.symbol is not None:
        return {node.symbol: prefix or "0"}
    return {**huffman_codes(node.left, prefix + "0"), **huffman_codes(node.right, prefix + "1")}


def huffman(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    heap = sorted(HNode(w, ch) for ch, w in freq.items())
    while len(heap) > 1:
        a = heap.pop(0)
        b = heap.pop(0)
        merged = HNode(a.weight + b.weight, None, a, b)
        lo, hi = 0, len(heap)
        while lo < hi:
            mid = (lo + hi) // 2
            if heap[mid] < merged:
                lo = mid + 1
            else:
                hi = mid
        heap.insert(lo, merged)
    root = heap[0]
    codes = huffman_codes(root)
    bits = "".join(codes[ch] for ch in text)
    decode = {v: k for k, v in codes.items()}
    out = []
    cur = ""
    for b in bits:
        cur += b
        if cur in decode:
            out.append(decode[cur])
            cur = ""
    packed = int(bits, 2).to_bytes((len(bits) + 7) // 8, "big") if bits else b""
    return (len(bits), sorted(codes.items(), key=lambda kv: (len(kv[1]), kv[0]))[:6],
            "".join(out) == text, packed[:8], root.weight)


# ---------------------------------------------------------------------------
# FFT (scimark): recursive Cooley-Tukey against a naive DFT
# ---------------------------------------------------------------------------

def fft(xs):
    n = len(xs)
    if n == 1:
        return list(xs)
    even = fft(xs[0::2])
    odd = fft(xs[1::2])
    tw = [cmath.exp(-2j * cmath.pi * k / n) * odd[k] for k in range(n // 2)]
    return [even[k] + tw[k] for k in range(n // 2)] + [even[k] - tw[k] for k in range(n // 2)]


def dft(xs):
    n = len(xs)
    return [sum(x * cmath.exp(-2j * cmath.pi * k * t / n) for t, x in enumerate(xs)) for k in range(n)]


def fft_bench(n):
    xs = [complex(math.sin(i * 0.3), math.cos(i * 0.7)) for i in range(n)]
    f = fft(xs)
    g = dft(xs)
    err = max(abs(a - b) for a, b in zip(f, g))
    inv = [x.conjugate() / n for x in fft([y.conjugate() for y in f])]
    return f[:3], err < 1e-9, max(abs(a - b) for a, b in zip(inv, xs)) < 1e-12, \
        [round(abs(v), 6) for v in f[:8]], cmath.phase(f[1])


# ---------------------------------------------------------------------------
# a stack VM: an expression compiler to bytecode and a `match` dispatch loop
# ---------------------------------------------------------------------------

class VMError(Exception):
    pass


def vm_tokens(src):
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            yield ("num", int(src[i:j]))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            yield ("name", src[i:j])
            i = j
        elif ch in "+-*/%()^,":
            yield ("op", ch)
            i += 1
        else:
            raise VMError(f"bad character {ch!r} at {i}")
    yield ("end", None)


PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}


def vm_compile(src):
    toks = list(vm_tokens(src))

    def expr(pos, min_prec):
        code, pos = atom(pos)
        while True:
            kind, val = toks[pos]
            if kind != "op" or val not in PRECEDENCE or PRECEDENCE[val] < min_prec:
                return code, pos
            nxt = PRECEDENCE[val] + (0 if val == "^" else 1)
            rhs, pos = expr(pos + 1, nxt)
            code = code + rhs + (("binop", val),)

    def atom(pos):
        kind, val = toks[pos]
        if kind == "num":
            return (("push", val),), pos + 1
        if kind == "name":
            if toks[pos + 1] == ("op", "("):
                args = ()
                pos += 2
                nargs = 0
                while toks[pos] != ("op", ")"):
                    a, pos = expr(pos, 1)
                    args += a
                    nargs += 1
                    if toks[pos] == ("op", ","):
                        pos += 1
                return args + (("call", val, nargs),), pos + 1
            return (("load", val),), pos + 1
        if (kind, val) == ("op", "-"):
            code, pos = atom(pos + 1)
            return code + (("neg",),), pos
        if (kind, val) == ("op", "("):
            code, pos = expr(pos + 1, 1)
            if toks[pos] != ("op", ")"):
                raise VMError("expected )")
            return code, pos + 1
        raise VMError(f"unexpected {val!r}")

    code, pos = expr(0, 1)
    if toks[pos][0] != "end":
        raise VMError(f"trailing {toks[pos][1]!r}")
    return code


VM_FUNCS = {"max": max, "min": min, "abs": abs, "gcd": math.gcd}


def vm_run(code, env):
    stack = []
    for instr in code:
        match instr:
            case ("push", v):
                stack.append(v)
            case ("load", name):
                if name not in env:
                    raise VMError(f"undefined {name}")
                stack.append(env[name])
            case ("neg",):
                stack.append(-stack.pop())
            case ("binop", op):
                b = stack.pop()
                a = stack.pop()
                try:
                    match op:
                        case "+": r = a + b
                        case "-": r = a - b
                        case "*": r = a * b
                        case "/": r = a // b
                        case "%": r = a % b
                        case "^": r = a ** b
                except ZeroDivisionError as e:
                    raise VMError(f"{a} {op} {b}") from e
                stack.append(r)
            case ("call", name, n):
                args = stack[len(stack) - n:]
                del stack[len(stack) - n:]
                stack.append(VM_FUNCS[name](*args))
            case _:
                raise VMError(f"bad instruction {instr}")
    return stack.pop()


def stack_vm(sources, **env):
    results = []
    for src in sources:
        try:
            code = vm_compile(src)
            results.append((len(code), vm_run(code, env)))
        except VMError as e:
            cause = e.__cause__
            results.append(("error", str(e), type(cause).__name__ if cause else None))
    return results


VM_SOURCES = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x + y * 10 % 7", "max(1, x, y * 2) - gcd(48, 18)",
              "10 / (y - y)", "1 + $", "z * 2", "(1 + 2", "1 2", "abs(-7) + min(3, 4)"]


# ---------------------------------------------------------------------------
# pystone-lite: records as immutable objects passed through procedures
# ---------------------------------------------------------------------------

IDENT1, IDENT2, IDENT3, IDENT4, IDENT5 = range(1, 6)


class Record:
    def __init__(self, ptr_comp=None, discr=0, enum_comp=0, int_comp=0, string_comp=""):
        self.ptr_comp = ptr_comp
        self.discr = discr
        self.enum_comp = enum_comp
        self.int_comp = int_comp
        self.string_comp = string_comp

    def replace(self, **changes):
        fields = {"ptr_comp": self.ptr_comp, "discr": self.discr, "enum_comp": self.enum_comp,
                  "int_comp": self.int_comp, "string_comp": self.string_comp}
        return Record(**{**fields, **changes})


def func1(c1, c2):
    return IDENT1 if c1 != c2 else IDENT2


def func2(s1, s2):
    int_loc = 1
    char_loc = "A"
    while int_loc <= 1:
        if func1(s1[int_loc], s2[int_loc + 1]) == IDENT1:
            char_loc = "A"
            int_loc = int_loc + 1
    if "W" <= char_loc <= "Z":
        int_loc = 7
    if char_loc == "X":
        return True
    return s1 > s2


def proc6(enum_par):
    if enum_par == IDENT1:
        return IDENT1
    if enum_par == IDENT2:
        return IDENT4
    if enum_par == IDENT3:
        return IDENT2
    return IDENT3 if enum_par == IDENT5 else IDENT1


def proc1(rec, int_glob):
    nxt = rec.ptr_comp.replace(int_comp=5)
    if nxt.discr == IDENT1:
        nxt = nxt.replace(int_comp=6, enum_comp=proc6(rec.enum_comp))
        nxt = nxt.replace(int_comp=nxt.int_comp + 10 + int_glob)
    return rec.replace(int_comp=5, ptr_comp=nxt)


def pystone(loops):
    glob_next = Record(None, IDENT1, IDENT3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    glob = Record(glob_next, IDENT1, IDENT3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    arr1 = [0] * 51
    arr2 = [[0] * 51 for _ in range(51)]
    arr2[8][7] = 10
    int_glob = 0
    bool_glob = False
    char2 = "A"
    s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    checks = 0
    for i in range(loops):
        s2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        int1, int2 = 2, 3
        enum_loc = IDENT2
        bool_glob = not func2(s1, s2)
        while int1 < int2:
            int3 = 5 * int1 - int2
            int1 = int1 + 1
        arr1[8] = int1 + 7
        arr2[8][8] = arr2[8][7] + 1 + i % 3
        arr2[int1 + 20][8] = arr1[8]
        int_glob = 5
        glob = proc1(glob, int_glob)
        char2 = chr(ord("A") + i % 3)
        if enum_loc == func1("A", char2):
            enum_loc = proc6(IDENT1)
        int2 = int2 * int1
        int1 = int2 // int3
        int2 = 7 * (int2 - int3) - int1
        checks += int1 + int2 + int3 + glob.ptr_comp.int_comp
    return checks, bool_glob, char2, arr1[8], arr2[8][8], vars(glob.ptr_comp), glob.int_comp


# ---------------------------------------------------------------------------
# knapsack and coin change: one-dimensional DP tables
# ---------------------------------------------------------------------------

def knapsack(items, capacity):
    best = [0] * (capacity + 1)
    choice = [()] * (capacity + 1)
    for name, weight, value in items:
        for c in range(capacity, weight - 1, -1):
            if best[c - weight] + value > best[c]:
                best[c] = best[c - weight] + value
                choice[c] = choice[c - weight] + (name,)
    ways = [1] + [0] * capacity
    for coin in sorted({w for _, w, _ in items}):
        for c in range(coin, capacity + 1):
            ways[c] += ways[c - coin]
    return best[capacity], choice[capacity], ways[capacity]


KNAPSACK_ITEMS = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
                  ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40),
                  ("cheese", 23, 30), ("beer", 52, 10), ("suntan", 11, 70), ("camera", 32, 30)]


# ---------------------------------------------------------------------------
# knight's tour with Warnsdorff's rule on a path tuple
# ---------------------------------------------------------------------------

KNIGHT_MOVES = ((1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2))


def knight_tour(n, start=(0, 0)):
    def moves(pos, visited):
        r, c = pos
        return [(r + dr, c + dc) for dr, dc in KNIGHT_MOVES
                if 0 <= r + dr < n and 0 <= c + dc < n and (r + dr, c + dc) not in visited]

    path = (start,)
    visited = frozenset(path)
    while len(path) < n * n:
        options = moves(path[-1], visited)
        if not options:
            break
        nxt = min(options, key=lambda p: (len(moves(p, visited | {p})), p))
        path += (nxt,)
        visited = visited | {nxt}
    board = [[0] * n for _ in range(n)]
    for step, (r, c) in enumerate(path, 1):
        board[r][c] = step
    return len(path), ["".join(f"{v:3d}" for v in row) for row in board]



# ---------------------------------------------------------------------------
# RSA-lite: Miller-Rabin, modular inverse via pow, big-int round trips
# ---------------------------------------------------------------------------

def is_probable_prime(n):
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    if n in small:
        return True
    if any(n % p == 0 for p in small):
        return False
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in small:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def next_prime(n):
    n |= 1
    while not is_probable_prime(n):
        n += 2
    return n


def rsa_lite(bits, message):
    p = next_prime(3 ** (bits // 2) + 12345)
    q = next_prime(7 ** (bits // 3) + 999)
    n = p * q
    phi = (p - 1) * (q - 1)
    e = 65537
    while math.gcd(e, phi) != 1:
        e += 2
    d = pow(e, -1, phi)
    m = int.from_bytes(message.encode(), "big")
    if m >= n:
        raise ValueError("message too long")
    c = pow(m, e, n)
    back = pow(c, d, n)
    text = back.to_bytes((back.bit_length() + 7) // 8, "big").decode()
    return (p.bit_length(), q.bit_length(), hex(n)[:20], text, e * d % phi, math.isqrt(n) ** 2 <= n,
            [k for k in range(90, 120) if is_probable_prime(k)], (2 ** 61 - 1) % 1000, n.bit_count())


# ---------------------------------------------------------------------------
# cryptarithm (the classic permutation-search benchmark) with itertools
# ---------------------------------------------------------------------------

def word_value(word, table):
    return reduce(lambda acc, ch: acc * 10 + table[ch], word, 0)


def cryptarithm(puzzle):
    left, right = puzzle.replace(" ", "").split("=")
    words = left.split("+")
    letters = sorted(set("".join(words) + right))
    leading = {w[0] for w in words + [right]}
    sols = []
    for digits in permutations(range(10), len(letters)):
        table = dict(zip(letters, digits))
        if any(table[ch] == 0 for ch in leading):
            continue
        if sum(word_value(w, table) for w in words) == word_value(right, table):
            sols.append("".join(f"{ch}{table[ch]}" for ch in letters))
    return len(sols), sols[:3]


# ---------------------------------------------------------------------------
# itertools/functools workout: memoised recursion, combinatorics
# ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


def combinatorics(n):
    grouped = [(k, len(list(g))) for k, g in groupby(sorted("mississippi"))]
    prod = list(product("ab", repeat=3))
    combos = [c for c in combinations(range(n), 3) if sum(c) == n]
    acc = list(accumulate(range(1, n), operator.mul))
    flat = list(chain.from_iterable([[1, 2], (3,), range(4, 6)]))
    pairs = sorted([("b", 2), ("a", 2), ("c", 1)], key=operator.itemgetter(1, 0))
    return (partitions(n, n), [partitions(i, i) for i in range(10)], grouped, prod[-2:], combos, acc[-1],
            flat, pairs, math.comb(n, 3) == len(list(combinations(range(n), 3))),
            math.prod(range(1, 8)), math.factorial(10), list(map(pow, [2, 3, 4], [5, 2, 1])),
            list(zip(*[iter(range(9))] * 3)), partial(int, base=2)("101101"))


# ---------------------------------------------------------------------------
# a Matrix class with operator methods, __getitem__ and a generator __iter__
# ---------------------------------------------------------------------------

class Matrix:
    def __init__(self, rows):
        self.rows = tuple(tuple(r) for r in rows)
        if len({len(r) for r in self.rows}) > 1:
            raise ValueError("ragged matrix")

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0

    @staticmethod
    def identity(n):
        return Matrix([[int(i == j) for j in range(n)] for i in range(n)])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __iter__(self):
        for row in self.rows:
            yield from row

    def __len__(self):
        return len(self.rows)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __hash__(self):
        return hash(self.rows)

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])

    def __matmul__(self, other):
        if self.shape[1] != other.shape[0]:
            raise ValueError(f"shapes {self.shape} and {other.shape} do not align")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __pow__(self, k):
        result = Matrix.identity(len(self))
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    def __repr__(self):
        return "Matrix(" + repr([list(r) for r in self.rows]) + ")"


def matrix_class(k):
    fib = Matrix([[1, 1], [1, 0]]) ** k
    m = Matrix([[1, 2, 3], [4, 5, 6]])
    errors = []
    try:
        m @ m
    except ValueError as e:
        errors.append(str(e))
    try:
        Matrix([[1], [2, 3]])
    except ValueError as e:
        errors.append(str(e))
    return (fib[0, 1], repr(m + m), sum(m), list(m)[::2], m.shape, len({m, Matrix([[1, 2, 3], [4, 5, 6]])}),
            (m @ Matrix.identity(3)) == m, max(Matrix.identity(4)), errors)


# ---------------------------------------------------------------------------
# maze BFS: a queue as an owned list with a head index
# ---------------------------------------------------------------------------

MAZE = (
    "###########",
    "#S..#.....#",
    "#.#.#.###.#",
    "#.#...#...#",
    "#.#####.#.#",
    "#...#...#E#",
    "###.#.###.#",
    "#.....#...#",
    "###########",
)


def maze_bfs(maze):
    start = next((r, c) for r, row in enumerate(maze) for c, ch in enumerate(row) if ch == "S")
    goal = next((r, c) for r, row in enumerate(maze) for c, ch in enumerate(row) if ch == "E")
    prev = {start: None}
    queue = [start]
    head = 0
    while head < len(queue):
        cur = queue[head]
        head += 1
        if cur == goal:
            break
        r, c = cur
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if maze[nr][nc] != "#" and (nr, nc) not in prev:
                prev[(nr, nc)] = cur
                queue.append((nr, nc))
    path = []
    node = goal if goal in prev else None
    while node is not None:
        path.append(node)
        node = prev[node]
    path.reverse()
    on_path = set(path)
    drawn = ["".join("*" if (r, c) in on_path and ch == "." else ch for c, ch in enumerate(row))
             for r, row in enumerate(maze)]
    return len(path) - 1, drawn, head


# ---------------------------------------------------------------------------
# exceptions benchmark: hierarchy, finally, chaining, exception groups
# ---------------------------------------------------------------------------

class AppError(Exception):
    def __init__(self, code, *args):
        super().__init__(*args)
        self.code = code


class RetryableError(AppError):
    pass


class FatalError(AppError):
    pass


def flaky(i):
    if i % 7 == 0:
        raise FatalError(500, f"fatal at {i}")
    if i % 3 == 0:
        raise RetryableError(503, "retry", i)
    if i % 5 == 0:
        return 1 // (i - i)
    return i * 2


def exceptions_bench(n):
    log = []
    total = 0
    for i in range(1, n):
        try:
            total += flaky(i)
        except RetryableError as e:
            log.append(("retry", e.code, e.args))
        except AppError as e:
            log.append(("app", type(e).__name__, str(e)))
        except ArithmeticError as e:
            try:
                raise AppError(400, "wrapped") from e
            except AppError as w:
                log.append(("wrapped", repr(w.__cause__), w.__suppress_context__))
        else:
            total += 1
        finally:
            total += 1000
    try:
        raise ExceptionGroup("batch", [ValueError("v"), TypeError("t"), KeyError("k")])
    except* ValueError as eg:
        log.append(("group-value", [str(x) for x in eg.exceptions]))
    except* (TypeError, KeyError) as eg:
        log.append(("group-other", sorted(type(x).__name__ for x in eg.exceptions)))
    return total, log[:6], len(log), log[-2:]



# ---------------------------------------------------------------------------
# minimal reproducers of the failures listed in FAILING below
# ---------------------------------------------------------------------------

def int_augassign_after_alias(n):
    m = n + 1
    k = m
    m += 1
    return m, k


def int_augassign_after_store(n):
    m = n * 2
    stored = [m]
    m -= 1
    return m, stored


def setdefault_then_append(n):
    d = {}
    d.setdefault("k", []).append(n)
    return d


def get_then_append(n):
    d = {"k": []}
    d.get("k").append(n)
    return d


CASES = [
    case(pidigits, 60),
    case(pidigits_gibbons, 40),
    case(float_benchmark, 2000),
    case(float_point_init, 50),
    case(chaos_game, 3000, 16),
    case(nbody, 1000, 0.01),
    case(spectral_norm, 40),
    case(fannkuch, 7),
    case(nqueens_both, 6),
    case(richards, 40),
    case(richards_mutating, 3),
    case(schedule_order, 3),
    case(deltablue_chain, 25),
    case(deltablue_in_place, 5),
    case(hexiom, [5, 2, 2, 3, 3, 3, "."]),
    case(hexiom, [6, 3, 3, 3, 3, 3, 3]),
    case(hexiom, [1, 1, 2, 2, 3, ".", "."]),
    case(go_game, 7, 60, 3),
    case(unpack_sequence, 500, tuple(range(10))),
    case(meteor, 3, 6),
    case(mandelbrot, 24),
    case(mandelbrot_bytes, 20),
    case(fasta, 120),
    case(k_nucleotide, 2000),
    case(revcomp, 300),
    case(text_processing, TEXT),
    case(json_roundtrip, 5),
    case(lisp_run, LISP_PROGRAM),
    case(dijkstra, 300, 4, 7),
    case(dijkstra_with_helper, 3),
    case(sudoku, SUDOKU_EASY),
    case(sudoku, SUDOKU_HARDER),
    case(sudoku, "123"),
    case(crypto, "The quick brown fox jumps over the lazy dog \u00e9"),
    case(matrix_bench, 10),
    case(sor, 20, 10, 1.25),
    case(monte_carlo_pi, 5000),
    case(life, 30),
    case(edit_distances, ["kitten", "sitting", "mitten", "fitting", "sittin"]),
    case(generator_pipeline, 60),
    case(raytrace, 24, 12),
    case(templates, 5),
    case(binary_trees, 6),
    case(huffman, TEXT),
    case(huffman, "aaaa"),
    case(fft_bench, 32),
    case(stack_vm, VM_SOURCES, x=4, y=9),
    case(pystone, 300),
    case(knapsack, KNAPSACK_ITEMS, 200),
    case(knight_tour, 5),
    case(knight_tour, 6, (2, 3)),
    case(rsa_lite, 64, "pyfora!"),
    case(cryptarithm, "ONE + ONE = TWO"),
    case(combinatorics, 12),
    case(matrix_class, 50),
    case(maze_bfs, MAZE),
    case(exceptions_bench, 40),
    case(forth, FORTH_PROGRAM),
    case(int_augassign_after_alias, 5),
    case(int_augassign_after_store, 5),
    case(setdefault_then_append, 5),
    case(get_then_append, 5),
]
