"""Every refusal says what to write instead, and the advice works: each pair below is a program pyfora
refuses (with the message checked) and the same program rewritten as that message says, which must run
through pyfora with CPython's answer."""
import bisect
import copy
import heapq
import pathlib
import random
import sys
import time

import numpy as np
import pytest

import pyfora

_DIFFERENTIAL = pathlib.Path(__file__).resolve().parent.parent / "differential"
if str(_DIFFERENTIAL) not in sys.path:
    sys.path.insert(0, str(_DIFFERENTIAL))

from harness import assert_same_value, run_cpython  # noqa: E402  (tests/differential/harness.py)


# ## The submitted function mutates its argument: "write `xs = list(xs)` as its first line"

def sort_people(people):
    people.sort()
    return people[:2]


def sort_people_advised(people):
    people = list(people)
    people.sort()
    return people[:2]


def sort_people_rewritten(people):
    people = sorted(people)
    return people[:2]


# ## Run time: a part of an argument is mutated: "work on a copy made inside (`x = copy.copy(x)`...)"

def extend_rows(grid):
    for row in grid:
        row.append(0)
    return grid


def extend_rows_advised(grid):
    grid = copy.deepcopy(grid)
    for row in grid:
        row.append(0)
    return grid


# ## An object passed in is updated by its method

class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k


def count_into(counter, xs):
    for x in xs:
        counter.add(x)
    return counter.n


def count_into_advised(counter, xs):
    counter = copy.copy(counter)
    for x in xs:
        counter.add(x)
    return counter.n


# ## A slice of an array passed in: "copy it first (`b = a[1:].copy()`)"

def zero_tail(a):
    b = a[1:]
    b[0] = 0.0
    return float(b.sum())


def zero_tail_advised(a):
    b = a[1:].copy()
    b[0] = 0.0
    return float(b.sum())


# ## heapq on a list passed in

def top_three(xs):
    heapq.heapify(xs)
    return [heapq.heappop(xs) for _ in range(3)]


def top_three_advised(xs):
    xs = list(xs)
    heapq.heapify(xs)
    return [heapq.heappop(xs) for _ in range(3)]


def insert_sorted(xs, v):
    bisect.insort(xs, v)
    return xs


def insert_sorted_advised(xs, v):
    xs = list(xs)
    bisect.insort(xs, v)
    return xs


# ## Random numbers: "make the generator in the computation from a seed (`rng = random.Random(seed)`)"

def module_draws(n):
    return sum(random.random() for _ in range(n))


def module_draws_advised(n, seed=7):
    rng = random.Random(seed)
    return sum(rng.random() for _ in range(n))


def draws_from(rng, n):
    return [rng.randint(1, 6) for _ in range(n)]


def draws_from_advised(seed, n):
    rng = random.Random(seed)
    return [rng.randint(1, 6) for _ in range(n)]


def numpy_draws(n):
    return float(np.random.rand(n).sum())


def numpy_draws_advised(n, seed=3):
    return float(np.random.default_rng(seed).random(n).sum())


# ## A closure the caller made rebinds its variable: "make the closure inside the computation"

def make_counter():
    n = 0

    def step():
        nonlocal n
        n += 1
        return n
    return step


def call_three_times(step):
    return [step() for _ in range(3)]


def call_three_times_advised():
    step = make_counter()
    return [step() for _ in range(3)]


# ## A module outside the subset: "pass the data you need in as arguments"

def stamp(x):
    return x, time.time() > 0


def stamp_advised(x, now):
    return x, now > 0


PAIRS = [
    (sort_people, ([3, 1, 2],), "write `people = list(people)` as its first line", sort_people_advised, None),
    (sort_people, ([3, 1, 2],), "write `people = sorted(people)` instead of `people.sort()`", sort_people_rewritten,
     None),
    (extend_rows, ([[1], [2]],), "work on a copy made inside", extend_rows_advised, None),
    (count_into, (Counter(), [1, 2]), "work on a copy made inside (`x = copy.copy(x)`", count_into_advised, None),
    (zero_tail, (np.arange(4.0),), "copy it first (`b = a[1:].copy()`)", zero_tail_advised, None),
    (top_three, ([5, 1, 4, 2],), "write `xs = list(xs)` as its first line", top_three_advised, None),
    (insert_sorted, ([1, 3], 2), "write `xs = list(xs)` as its first line", insert_sorted_advised, None),
    (module_draws, (5,), "`rng = random.Random(seed)`, and draw from it: write `rng.random(...)` instead of "
     "`random.random(...)`", module_draws_advised, None),
    (draws_from, (random.Random(1), 4), "`rng = random.Random(seed)`", draws_from_advised, (1, 4)),
    (numpy_draws, (5,), "np.random.default_rng(seed)", numpy_draws_advised, None),
    (call_three_times, (make_counter(),), "make the closure inside the computation", call_three_times_advised, ()),
    (stamp, (1,), "pass the data you need in as arguments", stamp_advised, (1, time.time())),
]


@pytest.mark.parametrize("refused, args, advice, advised, advised_args", PAIRS, ids=[p[3].__name__ for p in PAIRS])
def test_the_advice_of_a_refusal_runs_with_cpythons_answer(executor, refused, args, advice, advised,
                                                           advised_args):
    with pytest.raises(pyfora.PythonToForaConversionError) as info:
        executor.submit(refused, *args).result(timeout=60)
    assert advice in str(info.value)
    args = args if advised_args is None else advised_args
    expected = run_cpython(advised, copy.deepcopy(args), {})
    assert expected.exc_type is None, expected
    assert_same_value(expected.value, executor.submit(advised, *args).result(timeout=60))
