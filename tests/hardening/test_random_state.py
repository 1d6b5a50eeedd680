"""Random generators made in a computation are values like any other: one returned as a result comes
back with its state (its next draws are CPython's), one passed in travels with its state and may be
read, and drawing from one the computation did not make is refused, leaving the caller's generator
where CPython would have moved it on. Every method that advances a generator is known to the ownership
pass as a draw (compiler/astutil.py DRAW_METHODS)."""
import random
import time

import numpy as np
import pytest

import pyfora
from pyfora.compiler.astutil import DRAW_METHODS


def random_after_draws(seed, n):
    rng = random.Random(seed)
    draws = [rng.random() for _ in range(n)]
    return rng, draws


def numpy_after_draws(seed, n):
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, 1000, n).tolist()
    return rng, draws


def state_of(rng):
    return rng.getstate()


def draw_from(rng):
    return rng.random()


def test_a_random_generator_returned_keeps_its_state(executor):
    rng, draws = executor.submit(random_after_draws, 5, 4).result(timeout=30)
    expected_rng, expected_draws = random_after_draws(5, 4)
    assert type(rng) is random.Random
    assert draws == expected_draws
    assert rng.getstate() == expected_rng.getstate()
    assert [rng.random() for _ in range(3)] == [expected_rng.random() for _ in range(3)]


def test_a_numpy_generator_returned_keeps_its_state(executor):
    rng, draws = executor.submit(numpy_after_draws, 8, 5).result(timeout=30)
    expected_rng, expected_draws = numpy_after_draws(8, 5)
    assert type(rng) is np.random.Generator and draws == expected_draws
    assert rng.bit_generator.state == expected_rng.bit_generator.state
    assert rng.standard_normal() == expected_rng.standard_normal()


def test_a_generator_passed_in_travels_with_its_state(executor):
    rng = random.Random(3)
    rng.random()
    assert executor.submit(state_of, rng).result(timeout=30) == rng.getstate()


@pytest.mark.parametrize("rng", [random.Random(1), np.random.default_rng(1)], ids=["random", "numpy"])
def test_a_draw_from_a_generator_passed_in_is_refused_and_leaves_it_as_it_was(executor, rng):
    before = rng.bit_generator.state if isinstance(rng, np.random.Generator) else rng.getstate()
    with pytest.raises(pyfora.PythonToForaConversionError, match="came from outside the computation"):
        executor.submit(draw_from, rng).result(timeout=30)
    after = rng.bit_generator.state if isinstance(rng, np.random.Generator) else rng.getstate()
    assert after == before


@pytest.mark.parametrize("cls", [random.Random, np.random.Generator, np.random.PCG64, np.random.SeedSequence])
def test_every_method_that_advances_a_generator_is_a_draw(cls):
    """Each method of the generator classes but the data model's, public or not, but those that only read
    or copy it."""
    readers = {"getstate", "bit_generator", "capsule", "cffi", "ctypes", "jumped", "lock", "seed_seq", "state",
               "VERSION", "_bit_generator", "_poisson_lam_max", "_cffi", "_ctypes", "_seed_seq", "entropy",
               "generate_state", "n_children_spawned", "pool", "pool_size", "spawn_key"}
    methods = {name for name in dir(cls) if not name.startswith("__")} - readers
    assert methods <= DRAW_METHODS, sorted(methods - DRAW_METHODS)


def long_walk(seed, n, kind):
    rng = random.Random(seed) if kind == "random" else np.random.default_rng(seed)
    position = 0
    for _ in range(n):
        position += 1 if rng.random() < 0.5 else -1
    return position, rng.random()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", ["random", "numpy"])
def test_a_generator_held_across_a_suspension_keeps_its_state(kind):
    """A continuation carries the generator's state to the worker that resumes it: the draws after the
    resume are those CPython makes."""
    n = 4 * 10 ** 6
    with pyfora.connect(workers=1) as first, pyfora.connect(workers=1) as second:
        future = first.submit(long_walk, 17, n, kind)
        while not future.running():
            time.sleep(0.01)
        time.sleep(0.2)
        second._pool.resume(first._pool.suspend(future, timeout=60))
        assert future.result(timeout=90) == long_walk(17, n, kind)
        assert future.metrics.suspensions == 1
