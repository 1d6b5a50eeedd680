"""The JIT benchmark's workloads (issue 9), written the way a user writes them.

Each workload is a module-level function of plain numbers (``sum_squares``
takes a numpy array) returning a deterministic int, float or tuple of floats.
``bench/c/<c_name>.c`` computes the same value with Python's semantics for
these values: int64 where the Python ints stay below 2**63, doubles, the same
libm functions and the same order of operations, so that its answers are bit
for bit CPython's. ``WORKLOADS`` gives each one's full size (5-20 s in CPython
3.11 on the 2-core benchmark machine; the lambda loop runs at the Compose
loop's size, 3.6 s) and a quick size for smoke runs.
"""

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np


# ## Loops over numbers (the pyfora guide's loopSum and isPrime)

def loop_sum(x):
    result = 0.0
    while x > 0:
        result = result + x
        x = x - 1
    return result


def is_prime(p):
    if p < 2:
        return 0
    x = 2
    while x * x <= p:
        if p % x == 0:
            return 0
        x = x + 1
    return 1


def count_primes(n):
    return sum(is_prime(x) for x in range(n))


# ## Higher-order functions and classes

def dc_sum(a, b, f):
    """f(a) + ... + f(b - 1), halving the range each time."""
    if b - a <= 1:
        return f(a) if b > a else 0.0
    mid = (a + b) // 2
    return dc_sum(a, mid, f) + dc_sum(mid, b, f)


def dc_sqrt_sum(n):
    return dc_sum(0, n, lambda x: x ** 0.5)


def loop_sum_of(x, f):
    result = 0.0
    while x > 0:
        result = result + f(x)
        x = x - 1
    return result


class Add:
    def __init__(self, arg):
        self.arg = arg

    def __call__(self, x):
        return self.arg + x


class Multiply:
    def __init__(self, arg):
        self.arg = arg

    def __call__(self, x):
        return self.arg * x


class Compose:
    def __init__(self, f, g):
        self.f = f
        self.g = g

    def __call__(self, x):
        return self.f(self.g(x))


def lambda_loop(n):
    return loop_sum_of(n, lambda x: x * 10.0 + 20.0)


def compose_loop(n):
    """The same arithmetic as lambda_loop: 20.0 + 10.0 * x."""
    return loop_sum_of(n, Compose(Add(20.0), Multiply(10.0)))


# ## Numerical kernels

def monte_carlo_pi(n):
    """Pi from n points drawn with an integer LCG; a * x + c and u * u + v * v stay below 2**63."""
    a, c, m = 1103515245, 12345, 2 ** 31
    radius2 = m * m
    x = 42
    inside = 0
    for _ in range(n):
        x = (a * x + c) % m
        u = x
        x = (a * x + c) % m
        v = x
        if u * u + v * v < radius2:
            inside += 1
    return 4.0 * inside / n


def mandelbrot(size, max_iter):
    """Escape counts summed over a size x size grid of [-2, 0.5] x [-1.25, 1.25]."""
    total = 0
    for i in range(size):
        ci = -1.25 + 2.5 * i / size
        for j in range(size):
            cr = -2.0 + 2.5 * j / size
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


SOLAR_MASS = 4 * math.pi * math.pi
DAYS_PER_YEAR = 365.24
PLANETS = (
    (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
     9.54791938424326609e-04),
    (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
     2.85885980666130812e-04),
    (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
     4.36624404335156298e-05),
    (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
     5.15138902046611451e-05),
)


def make_bodies():
    """The sun and the four outer planets: ([x, y, z], [vx, vy, vz], mass), velocities per year."""
    bodies = [([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS)]
    for x, y, z, vx, vy, vz, m in PLANETS:
        bodies.append(([x, y, z], [vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR],
                       m * SOLAR_MASS))
    return bodies


def advance(dt, steps, bodies, pairs):
    for _ in range(steps):
        for ([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for r, [vx, vy, vz], m in bodies:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz


def energy(bodies, pairs):
    e = 0.0
    for ([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for r, [vx, vy, vz], m in bodies:
        e += m * (vx * vx + vy * vy + vz * vz) / 2.0
    return e


def offset_momentum(bodies):
    px = py = pz = 0.0
    for r, [vx, vy, vz], m in bodies:
        px -= vx * m
        py -= vy * m
        pz -= vz * m
    r, v, m = bodies[0]
    v[0] = px / m
    v[1] = py / m
    v[2] = pz / m


def nbody(steps):
    """The benchmarks-game n-body: the energy before and after `steps` steps of 0.01."""
    bodies = make_bodies()
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    offset_momentum(bodies)
    before = energy(bodies, pairs)
    advance(0.01, steps, bodies, pairs)
    return (before, energy(bodies, pairs))


def sin_sum(n):
    return sum(math.sin(i) for i in range(n))


def sum_squares(a):
    s = 0.0
    for x in a:
        s += x * x
    return s


def squares_args(n):
    """sum_squares's arguments: an array of n float64s, (i % 1000) * 0.001."""
    return (np.arange(n) % 1000 * 0.001,)


# ## The table

@dataclass(frozen=True)
class Workload:
    """`fn(*make_args(*size))`; `c_name` names its C program, which takes the size as its arguments
    and, where `c_sum_flag`, one more: 1 to add floats as the running CPython's `sum` does from 3.12
    on (compensated), 0 for plain addition in order."""
    name: str
    fn: Callable
    full: tuple
    quick: tuple
    c_name: str
    make_args: Callable = lambda *size: size
    c_sum_flag: bool = False


WORKLOADS = [
    Workload("loop_sum", loop_sum, (10 ** 8,), (10 ** 5,), "loop_sum"),
    Workload("count_primes", count_primes, (2_000_000,), (20_000,), "count_primes"),
    Workload("dc_sqrt_sum", dc_sqrt_sum, (3 * 10 ** 7,), (10 ** 4,), "dc_sqrt_sum"),
    Workload("lambda_loop", lambda_loop, (3 * 10 ** 7,), (10 ** 4,), "loop_call"),
    Workload("compose_loop", compose_loop, (3 * 10 ** 7,), (10 ** 4,), "loop_call"),
    Workload("monte_carlo_pi", monte_carlo_pi, (2 * 10 ** 7,), (10 ** 4,), "monte_carlo_pi"),
    Workload("mandelbrot", mandelbrot, (1000, 255), (40, 50), "mandelbrot"),
    Workload("nbody", nbody, (10 ** 6,), (1000,), "nbody"),
    Workload("sin_sum", sin_sum, (10 ** 8,), (10 ** 4,), "sin_sum", c_sum_flag=True),
    Workload("sum_squares", sum_squares, (50_000_000,), (10 ** 4,), "sum_squares", squares_args),
]
