"""An escape-time Mandelbrot set as ASCII art, computed on pyfora.

    python examples/mandelbrot.py

Rows inside the set cost far more than rows outside it: an uneven load that
the planned work stealing (issue 10) is to balance across cores. Today the
whole computation runs on one worker. The inner loop is float-only and
type-stable: the kind of code the planned JIT (issue 9) is to compile to
native code.
"""

import math

import pyfora

PALETTE = " .:-=+*#%"   # by log of the escape time; "@" never escapes


def escape_time(cr, ci, limit):
    """Iterations before z -> z*z + c leaves the radius-2 disc (limit if never)."""
    zr = zi = 0.0
    for i in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def shade(n, limit):
    if n == limit:
        return "@"
    return PALETTE[min(int(1.2 * math.log(n + 1)), len(PALETTE) - 1)]


def row(y, width, height, limit):
    ci = 1.2 - 2.4 * y / (height - 1)
    return "".join([shade(escape_time(-2.1 + 2.8 * x / (width - 1), ci, limit), limit)
                    for x in range(width)])


def mandelbrot(width, height, limit):
    return [row(y, width, height, limit) for y in range(height)]


future = pyfora.submit(mandelbrot, 78, 32, 5000)
for line in future.result():
    print(line)
print(f"({future.metrics.wall_time:.3f} s)")
