"""Count the primes below N on pyfora, then show what the computation cost.

    python examples/quickstart.py

`isPrime` is ordinary Python. pyfora checks it, rewrites it into statement
form and runs `countPrimes` in one worker process, compiled to ordinary
CPython bytecode: about as fast as plain CPython (1.6-1.7 s either way on a
2-core AMD EPYC, JIT on or off). The JIT
compiles hot loops to machine code, but not yet a `sum` of a generator like
this one (it enters `isPrime`'s loop natively a few times at most). Splitting
the `sum` over the range across idle cores, with work stealing to even out
the load (large numbers take longer to test), is planned (issue 10).
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
