"""bench/jit_programs.py's workloads at their quick sizes: each against a value computed another way,
through pyfora against CPython, and against its C version in bench/c/ where gcc is present."""
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import jit_native  # noqa: E402
import jit_programs  # noqa: E402
from jit_native import plain  # noqa: E402

WORKLOADS = {w.name: w for w in jit_programs.WORKLOADS}


def quick(name):
    """(the quick size, the workload's result at that size)."""
    w = WORKLOADS[name]
    return w.quick, plain(w.fn(*w.make_args(*w.quick)))


def test_loop_sum_is_the_triangle_number():
    (n,), got = quick("loop_sum")
    assert got == float(n * (n + 1) // 2)


def test_count_primes_matches_a_sieve():
    (n,), got = quick("count_primes")
    sieve = [True] * n
    sieve[:2] = [False, False]
    for p in range(2, math.isqrt(n) + 1):
        if sieve[p]:
            sieve[p * p::p] = [False] * len(range(p * p, n, p))
    assert got == sum(sieve)


def test_dc_sqrt_sum_is_the_sum_of_roots():
    (n,), got = quick("dc_sqrt_sum")
    assert math.isclose(got, math.fsum(math.sqrt(x) for x in range(n)), rel_tol=1e-12)


def test_compose_and_lambda_loops_compute_the_same_sum():
    (n,), lam = quick("lambda_loop")
    _, compose = quick("compose_loop")
    assert lam == compose == 10.0 * (n * (n + 1) // 2) + 20.0 * n


def test_monte_carlo_pi_is_near_pi():
    _, got = quick("monte_carlo_pi")
    assert abs(got - math.pi) < 0.05


def test_mandelbrot_matches_complex_arithmetic():
    (size, max_iter), got = quick("mandelbrot")
    total = 0
    for i in range(size):
        for j in range(size):
            c = complex(-2.0 + 2.5 * j / size, -1.25 + 2.5 * i / size)
            z, n = 0j, 0
            while n < max_iter and z.real * z.real + z.imag * z.imag <= 4.0:
                z, n = z * z + c, n + 1
            total += n
    assert got == total


def test_nbody_gives_the_benchmarks_game_energies():
    (steps,), (before, after) = quick("nbody")
    assert steps == 1000    # the benchmarks game publishes its output for 1000 steps
    assert (f"{before:.9f}", f"{after:.9f}") == ("-0.169075164", "-0.169087605")


def test_sin_sum_is_the_sum_of_sines():
    (n,), got = quick("sin_sum")
    assert math.isclose(got, math.fsum(math.sin(i) for i in range(n)), rel_tol=1e-9)


def test_sum_squares_is_the_sum_of_squares():
    (n,), got = quick("sum_squares")
    assert math.isclose(got, (n // 1000) * math.fsum((k * 0.001) ** 2 for k in range(1000)), rel_tol=1e-12)


@pytest.mark.parametrize("name", WORKLOADS)
def test_workload_through_pyfora_matches_cpython(executor, name):
    w = WORKLOADS[name]
    args = w.make_args(*w.quick)
    assert plain(executor.submit(w.fn, *args).result()) == plain(w.fn(*args))


@pytest.fixture(scope="module")
def c_programs(tmp_path_factory):
    if jit_native.gcc_version() is None:
        pytest.skip("no gcc")
    return jit_native.compile_c([w.c_name for w in WORKLOADS.values()], tmp_path_factory.mktemp("c"))


@pytest.mark.parametrize("name", WORKLOADS)
def test_c_version_gives_python_result_bit_for_bit(c_programs, name):
    w = WORKLOADS[name]
    run = jit_native.run_c(c_programs[w.c_name], jit_native.c_argv(w, w.quick))
    assert not run.error
    assert run.result == quick(name)[1]
