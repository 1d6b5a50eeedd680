"""Suspensions inside classes defined in functions, dataclasses and enums, and while the program holds
a class whose unused methods are refused (their stand-ins travel with the continuation)."""
import dataclasses
import enum
import os

import pytest

from test_suspend import cpython, suspending_run


class Store:
    def __init__(self, rate):
        self.rate = rate

    def price(self, n):
        return n * self.rate

    def save(self):
        return os.getcwd()


def holds_refused_methods(n):
    store = Store(3)
    total = 0
    for i in range(n):
        total += store.price(i)
    return total


def local_classes(n):
    class Acc:
        def __init__(self, start):
            self.start = start

        def plus(self, k):
            return Acc(self.start + k)

    class Twice(Acc):
        def plus(self, k):
            return super().plus(2 * k)
    acc = Twice(0)
    for i in range(n):
        acc = acc.plus(i)
    return acc.start, type(acc).__name__


class Phase(enum.Enum):
    SOLID = 1
    LIQUID = 2


@dataclasses.dataclass(frozen=True)
class Sample:
    temp: int
    phase: Phase = Phase.SOLID


def library_classes(n):
    samples = [Sample(t) for t in range(n)]
    warmed = [dataclasses.replace(s, phase=Phase.LIQUID) if s.temp > n // 2 else s for s in samples]
    return [(s.temp, s.phase.name) for s in warmed]


@pytest.mark.parametrize("fn", [holds_refused_methods, local_classes, library_classes])
def test_suspends_and_resumes_like_cpython(fn):
    expected, expected_out = cpython(fn, (30,))
    result, out, suspensions = suspending_run(fn, (30,), [2] * 500)
    assert (result, out) == (expected, expected_out)
    assert suspensions >= 10
