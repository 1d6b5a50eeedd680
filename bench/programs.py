"""Tier-0 benchmark programs, written in pyfora's pure subset.

Each program is a module-level function of a size argument that returns a
plain, deterministic value, so CPython and pyfora can be compared exactly
(floats within a relative tolerance: pyfora sums floats in a fixed pairwise
tree). The subset rules they keep:

- no globals written, no imports inside functions, no random module (an LCG
  stands in);
- a list or dict is mutated only by the frame that made it, and only while it
  has not escaped (passed to a user function, stored elsewhere, given a
  second name);
- classes set attributes only in ``__init__``: vector and particle methods
  return new objects.

``PROGRAMS`` sizes take about 0.3-1.0 s each in CPython on the 2-core
benchmark machine; ``SHORT`` sizes 30-100 ms, as many users' programs do.
"""

import math


def trivial():
    return 1


# ## Recursion

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def _safe(placed, col):
    row = len(placed)
    for r in range(row):
        c = placed[r]
        if c == col or row - r == abs(c - col):
            return False
    return True


def _queens(n, placed):
    if len(placed) == n:
        return 1
    count = 0
    for col in range(n):
        if _safe(placed, col):
            count += _queens(n, placed + (col,))
    return count


def nqueens(n):
    """Count the placements of n non-attacking queens (tuples of columns)."""
    return _queens(n, ())


# ## Strings and dicts

WORDS = ("the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
         "pyfora", "runs", "pure", "python", "in", "parallel", "on", "every",
         "core", "with", "frames", "that", "can", "be", "walked", "and",
         "forked", "while", "a", "loop", "is", "hot", "compiled", "native")


def _lcg(state):
    return (state * 1103515245 + 12345) % 2147483648


def wordcount(n_words):
    """Build a skewed pseudo-random text, split it, return the top 10 words."""
    nw = len(WORDS)
    state = 42
    parts = []
    for _ in range(n_words):
        state = _lcg(state)
        a = (state >> 8) % nw
        state = _lcg(state)
        b = (state >> 8) % nw
        parts.append(WORDS[a * b // nw])   # product skews toward early words
    text = " ".join(parts)
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:10]


# ## Classes

class Vec2:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec2(self.x * k, self.y * k)


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self, dt, gravity):
        """Return this particle one time step later, bouncing off the unit box."""
        vel = self.vel + gravity.scale(dt)
        pos = self.pos + vel.scale(dt)
        vx, vy, x, y = vel.x, vel.y, pos.x, pos.y
        if x < 0.0 or x > 1.0:
            vx = -vx * 0.9
            x = min(max(x, 0.0), 1.0)
        if y < 0.0 or y > 1.0:
            vy = -vy * 0.9
            y = min(max(y, 0.0), 1.0)
        return Particle(Vec2(x, y), Vec2(vx, vy))


def particles(steps):
    """Step 200 particles under gravity; return a checksum of their state."""
    state = 7
    ps = []
    for _ in range(200):
        state = _lcg(state)
        x = state / 2147483648.0
        state = _lcg(state)
        y = state / 2147483648.0
        state = _lcg(state)
        vx = state / 2147483648.0 - 0.5
        state = _lcg(state)
        vy = state / 2147483648.0 - 0.5
        ps.append(Particle(Vec2(x, y), Vec2(vx, vy)))
    gravity = Vec2(0.0, -9.8)
    for _ in range(steps):
        ps = [p.step(0.01, gravity) for p in ps]
    total = 0.0
    for p in ps:
        total += p.pos.x + 2.0 * p.pos.y + 0.1 * (p.vel.x - p.vel.y)
    return total


# ## Numerics

SOLAR_MASS = 4.0 * math.pi * math.pi
DAYS_PER_YEAR = 365.24

# x, y, z, vx, vy, vz, mass: sun, jupiter, saturn, uranus, neptune
SYSTEM = (
    (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS),
    (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS),
    (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS),
    (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS),
    (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS),
)


def _offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    moved = (sun[0], sun[1], sun[2], -px / SOLAR_MASS, -py / SOLAR_MASS,
             -pz / SOLAR_MASS, sun[6])
    return (moved,) + bodies[1:]


def _energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        x, y, z, vx, vy, vz, m = bodies[i]
        e += 0.5 * m * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, n):
            b = bodies[j]
            dx, dy, dz = x - b[0], y - b[1], z - b[2]
            e -= m * b[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def _advance(bodies, dt):
    """Return the bodies one step later; the velocity lists are this frame's own."""
    n = len(bodies)
    vx = [b[3] for b in bodies]
    vy = [b[4] for b in bodies]
    vz = [b[5] for b in bodies]
    for i in range(n):
        xi, yi, zi, _, _, _, mi = bodies[i]
        for j in range(i + 1, n):
            b = bodies[j]
            dx, dy, dz = xi - b[0], yi - b[1], zi - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            mj = b[6] * mag
            vx[i] -= dx * mj
            vy[i] -= dy * mj
            vz[i] -= dz * mj
            mi_mag = mi * mag
            vx[j] += dx * mi_mag
            vy[j] += dy * mi_mag
            vz[j] += dz * mi_mag
    return tuple([(b[0] + dt * vx[i], b[1] + dt * vy[i], b[2] + dt * vz[i],
                   vx[i], vy[i], vz[i], b[6]) for i, b in enumerate(bodies)])


def nbody(steps):
    """The benchmark-game n-body: energy before and after `steps` steps."""
    bodies = _offset_momentum(SYSTEM)
    before = _energy(bodies)
    for _ in range(steps):
        bodies = _advance(bodies, 0.01)
    return (before, _energy(bodies))


def _eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def _times(u):
    n = len(u)
    return [sum(_eval_a(i, j) * u[j] for j in range(n)) for i in range(n)]


def _times_transp(u):
    n = len(u)
    return [sum(_eval_a(j, i) * u[j] for j in range(n)) for i in range(n)]


def spectral_norm(n):
    """The benchmark-game spectral norm of the infinite matrix A, n x n."""
    u = [1.0] * n
    v = None
    for _ in range(10):
        v = _times_transp(_times(u))
        u = _times_transp(_times(v))
    vbv = vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)


# ## Permutations

def fannkuch(n):
    """The benchmark-game fannkuch-redux: (checksum, max flips)."""
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
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
        if flips > max_flips:
            max_flips = flips
        checksum += flips * sign
        # next permutation in the benchmark's order
        while True:
            if r == n:
                return (checksum, max_flips)
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        sign = -sign


# ## Ray tracing

class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self * (1.0 / math.sqrt(self.dot(self)))


class Sphere:
    def __init__(self, center, radius, color):
        self.center = center
        self.radius = radius
        self.color = color

    def hit(self, origin, direction):
        """Distance along the unit `direction` to the nearest hit, or -1.0."""
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else -1.0


SCENE = (
    Sphere(Vec(0.0, -1000.0, 0.0), 999.0, Vec(0.8, 0.8, 0.8)),
    Sphere(Vec(0.0, 0.0, 4.0), 1.0, Vec(1.0, 0.3, 0.3)),
    Sphere(Vec(-2.0, 0.3, 5.0), 1.0, Vec(0.3, 1.0, 0.3)),
    Sphere(Vec(2.0, 0.5, 6.0), 1.2, Vec(0.3, 0.3, 1.0)),
)


def _trace(origin, direction, scene, light):
    """Diffuse shading with hard shadows; returns a colour Vec."""
    nearest = 1e30
    hit = None
    for s in scene:
        t = s.hit(origin, direction)
        if 0.0 < t < nearest:
            nearest = t
            hit = s
    if hit is None:
        return Vec(0.2, 0.3, 0.5)
    point = origin + direction * nearest
    normal = (point - hit.center).norm()
    to_light = (light - point).norm()
    shade = normal.dot(to_light)
    if shade > 0.0:
        for s in scene:
            if s.hit(point, to_light) > 0.0:
                shade = 0.0
                break
    return hit.color * (0.1 + 0.9 * max(shade, 0.0))


def raytrace(size):
    """Render a size x size image; return the sum of its 0-255 channel values."""
    light = Vec(-5.0, 5.0, -2.0)
    eye = Vec(0.0, 0.0, 0.0)
    total = 0
    for py in range(size):
        for px in range(size):
            d = Vec((px - size / 2) / size, (size / 2 - py) / size, 1.0).norm()
            c = _trace(eye, d, SCENE, light)
            total += int(255.0 * min(c.x, 1.0)) + int(255.0 * min(c.y, 1.0)) \
                + int(255.0 * min(c.z, 1.0))
    return total


# ## Idioms: sum of a generator, sorted and max with a key

def _is_prime(p):
    if p < 2:
        return 0
    x = 2
    while x * x <= p:
        if p % x == 0:
            return 0
        x += 1
    return 1


def count_primes(n):
    """The pyfora guide's isPrime counted with `sum` over a generator."""
    return sum(_is_prime(x) for x in range(n))


def _score(record):
    name, points, wins = record
    return points * 3 + wins - len(name)


def leaderboard(n):
    """Records ranked with `sorted(key=...)`, `max(key=...)` and reductions of generators."""
    state = 12345
    records = []
    for i in range(n):
        state = _lcg(state)
        records.append((f"p{state % 997}", state % 1000, (state >> 8) % 50))
    ranked = sorted(records, key=lambda r: (-_score(r), r[0]))
    best = max(records, key=_score)
    total = sum(_score(r) for r in records)
    strong = sum(1 for r in records if r[1] > 900)
    top = ",".join(name for name, _, _ in ranked[:20])
    return total, strong, best, top, any(_score(r) < 0 for r in records)


# ## The table

PROGRAMS = [
    ("fib", fib, (33,)),
    ("wordcount", wordcount, (1_200_000,)),
    ("particles", particles, (2_500,)),
    ("nbody", nbody, (100_000,)),
    ("spectral_norm", spectral_norm, (350,)),
    ("nqueens", nqueens, (11,)),
    ("fannkuch", fannkuch, (9,)),
    ("raytrace", raytrace, (300,)),
    ("count_primes", count_primes, (300_000,)),
    ("leaderboard", leaderboard, (150_000,)),
]

SHORT = [
    ("fib", fib, (28,)),
    ("wordcount", wordcount, (120_000,)),
    ("particles", particles, (250,)),
    ("nbody", nbody, (10_000,)),
    ("spectral_norm", spectral_norm, (110,)),
    ("nqueens", nqueens, (10,)),
    ("fannkuch", fannkuch, (8,)),
    ("raytrace", raytrace, (100,)),
    ("count_primes", count_primes, (60_000,)),
    ("leaderboard", leaderboard, (40_000,)),
]
