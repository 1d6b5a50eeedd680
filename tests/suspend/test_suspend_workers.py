"""Suspension through real workers on every supported CPython: mid-way through an inlined comprehension,
in deep recursion and in a deep chain of constructors; resumed in another worker with the same answer."""
import time

import pytest

import pyfora

pytestmark = pytest.mark.timeout(120)


def outer_name_after_comprehension(n):
    x = 5
    ys = [x for x in range(n) if x % 1000 == 0]
    return x, len(ys)


def deep_then_loop(n, k):
    if n == 0:
        total = 0
        for i in range(k):
            total += i % 7
        return total
    return deep_then_loop(n - 1, k) + 1


class Link:
    def __init__(self, n):
        self.rest = Link(n - 1) if n > 0 else None


def links(n):
    node = Link(n)
    count = 0
    while node is not None:
        count += 1
        node = node.rest
    return count


def _suspend_and_resume(fn, *args, wait=0.2):
    """Run `fn(*args)` in one pool, suspend it after `wait` seconds, resume it in another; its result."""
    with pyfora.connect(workers=1) as first, pyfora.connect(workers=1) as second:
        future = first.submit(fn, *args)
        while not future.running():
            time.sleep(0.01)
        time.sleep(wait)
        suspension = first._pool.suspend(future, timeout=60)
        assert not future.done()
        second._pool.resume(suspension)
        result = future.result(timeout=60)
        assert future.metrics.suspensions == 1
        return result


def test_suspended_mid_comprehension_keeps_the_outer_variable():
    """On 3.12+ the comprehension runs inlined (PEP 709), its `x` in the function's own slot: a capture
    there would carry the comprehension's `x`. It must wait for the statement's end."""
    assert _suspend_and_resume(outer_name_after_comprehension, 8 * 10 ** 6, wait=0.15) == (5, 8 * 10 ** 3)


def test_suspended_deep_recursion_resumes():
    """Suspended 50,000 frames deep, in a loop that outlasts the wait."""
    expected = deep_then_loop(10, 3 * 10 ** 7) - 10 + 50_000
    assert _suspend_and_resume(deep_then_loop, 50_000, 3 * 10 ** 7, wait=0.3) == expected


def test_suspended_constructor_chain_resumes():
    """200,000 nested `Link(n - 1)` calls in `__init__`: each waits on the next as a plain call (before
    3.13, explicit construction) or through `type.__call__` (3.13), and either way resumes."""
    assert _suspend_and_resume(links, 200_000, wait=0.05) == 200_001
