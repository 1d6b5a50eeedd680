"""Classes, closures and higher-order functions on pyfora.

    python examples/closures_and_classes.py

Functions, closures and class instances go in as arguments like any other
value: `loopSum(N, Compose(Multiply(10.0), Add(20.0)))`, the same sum through
closures, and the plain lambda all give the same result. Today each runs in
tier 0, so the classes cost what calls through them cost in CPython; the
planned JIT (issue 9) is to specialize on the functions and instances handed
to it, so that all three come down to the same arithmetic. Classes are immutable after `__init__`: methods return
new objects.
"""

import pyfora

N = 1_000_000


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


def loopSum(x, f):
    result = 0.0
    while x > 0:
        result = result + f(x)
        x = x - 1
    return result


def adder(k):
    return lambda x: x + k


def scaler(k):
    return lambda x: x * k


def compose(*fs):
    """Right-to-left composition of any number of one-argument functions."""
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed


class Polynomial:
    def __init__(self, coeffs):
        self.coeffs = tuple(coeffs)   # lowest power first

    def __call__(self, x):
        acc = 0.0
        for c in reversed(self.coeffs):
            acc = acc * x + c
        return acc

    def derivative(self):
        return Polynomial([i * c for i, c in enumerate(self.coeffs) if i > 0])


def newton(f, x, steps):
    """Newton's method on a Polynomial: f and its derivative are both objects."""
    df = f.derivative()
    for _ in range(steps):
        x = x - f(x) / df(x)
    return x


# Three ways to write 10 * (x + 20), submitted together: with two or more workers
# they run side by side, each on a worker of its own.
futures = {
    "classes ": pyfora.submit(loopSum, N, Compose(Multiply(10.0), Add(20.0))),
    "closures": pyfora.submit(loopSum, N, compose(scaler(10.0), adder(20.0))),
    "lambda  ": pyfora.submit(loopSum, N, lambda x: 10.0 * (x + 20.0)),
}
for name, future in futures.items():
    print(f"loopSum with {name}: {future.result():.1f}  "
          f"({future.metrics.wall_time:.3f} s)")

root = pyfora.submit(newton, Polynomial([-2.0, 0.0, 1.0]), 1.0, 8).result()
print(f"Newton's method on x**2 - 2 from 1.0: {root!r}")
