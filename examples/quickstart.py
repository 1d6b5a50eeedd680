"""Count the primes below N on pyfora, then show what the computation cost.

    python examples/quickstart.py

`isPrime` is ordinary Python. pyfora runs `countPrimes` in a worker and, with
cores idle, splits the `sum` over the range adaptively: large numbers take
longer to test than small ones, so the work is stolen and split again until
every core is busy. About 1 s in plain CPython.
"""

import pyfora

N = 500_000


def isPrime(p):
    if p < 2:
        return 0
    x = 2
    while x * x <= p:
        if p % x == 0:
            return 0
        x = x + 1
    return 1


def countPrimes(n):
    return sum(isPrime(x) for x in range(n))


future = pyfora.submit(countPrimes, N)
print(f"primes below {N:,}: {future.result():,}")

metrics = future.metrics
print(f"  wall time      {metrics.wall_time:8.3f} s")
print(f"  CPU time       {metrics.cpu_time:8.3f} s")
print(f"  suspensions    {metrics.suspensions:8d}")
print(f"  deepest stack  {metrics.max_stack_depth:8d} frames")
