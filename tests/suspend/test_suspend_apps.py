"""Suspend/resume regressions found by sweeping the application-like differential cases.

Each program must give CPython's value and output under every schedule; the cost test checks that
resume code for a long function copies each of its statements at most once.
"""
import copy

import numpy as np
import pytest

from test_suspend import cpython, suspending_run

from pyfora.compiler import resume


SCHEDULES = [[0], [1] * 300, [3] * 300, [2, 40, 1, 100]]


def desc(a):
    return str(a.dtype), a.shape, a.tolist()


def view_written_after_suspension():
    a = np.arange(4)
    b = a[1:]
    b += 10
    c = a[::2]
    a[0] = 50
    return desc(a), desc(b), desc(c)


def reversed_view_of_fortran_array():
    a = np.array([[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]], order="F")
    v = a[1:, ::-2]
    v += 100.0
    a[2, 1] = -1.0
    return desc(a), desc(v), bool(a.flags.f_contiguous)


def long_straight_function(x):
    a = x + 1
    b = a * 2
    c = b - a
    d = c + b
    e = d * c
    f = e - d
    g = f + e
    h = g * 2
    i = h - g
    j = i + h
    k = j * 2
    m = k - j
    n = m + k
    o = n * 2
    p = o - n
    q = p + o
    r = q * 2
    s = r - q
    t = s + r
    u = t * 2
    return u


@pytest.mark.parametrize("points", SCHEDULES, ids=["0", "1x300", "3x300", "2-40-1-100"])
@pytest.mark.parametrize("fn", [view_written_after_suspension, reversed_view_of_fortran_array])
def test_numpy_view_keeps_sharing_memory(fn, points):
    expected, expected_out = cpython(fn, ())
    result, out, suspensions = suspending_run(fn, (), points)
    assert (result, out) == (expected, expected_out)
    assert suspensions >= 1


class _CountingCopy:
    """Stands in for the `copy` module in compiler/resume.py: counts the statements it copies."""

    def __init__(self):
        self.calls = 0

    def deepcopy(self, node):
        self.calls += 1
        return copy.deepcopy(node)


def test_resume_code_copies_each_statement_once(monkeypatch):
    counting = _CountingCopy()
    monkeypatch.setattr(resume, "copy", counting)
    expected, _ = cpython(long_straight_function, (3,))
    result, _, suspensions = suspending_run(long_straight_function, (3,), [18])
    assert result == expected and suspensions == 1
    assert counting.calls <= 21


def set_with_a_history():
    """A set grown, emptied and refilled: its table is bigger than a fresh set's, so adding its items
    again (as pickle does) would put 40 before 3."""
    s = set(range(20))
    for i in range(20):
        s.discard(i)
    s.add(40)
    s.add(3)
    seen = []
    for x in s:
        seen.append(x)
        for k in range(3):
            seen.append(k)
    return seen, list(s)


@pytest.mark.parametrize("points", [[0], [30], [45], [3] * 200, [1] * 500])
def test_set_keeps_its_iteration_order(points):
    expected, expected_out = cpython(set_with_a_history, ())
    result, out, suspensions = suspending_run(set_with_a_history, (), points)
    assert (result, out) == (expected, expected_out)
    assert suspensions >= 1
