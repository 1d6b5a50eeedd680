"""PYFORA_MEMORY_LIMIT: a computation that fills its memory gets MemoryError at once, as CPython under
the same limit does; a limit too small for a worker is refused at `connect`; workers that cannot
start are not started again for ever."""
import inspect
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

import pyfora
from pyfora.compiler.image import CodeCache, build_image
from pyfora.config import MIN_MEMORY_LIMIT
from pyfora.scheduler.pool import START_FAILURES, LocalPool

GIB = 1 << 30


def floats():
    a = []
    i = 0
    while True:
        a.append(i * 0.5)
        i += 1


def strings():
    a = []
    i = 0
    while True:
        a.append(str(i))
        i += 1


def with_numpy(n):
    return float(np.arange(n).sum())


def plus_one(x):
    return x + 1


_CPYTHON = textwrap.dedent("""
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]),) * 2)
""") + inspect.getsource(floats) + textwrap.dedent("""
    start = time.perf_counter()
    try:
        floats()
    except MemoryError:
        pass
    print(time.perf_counter() - start)
""")


@pytest.mark.timeout(120)
@pytest.mark.parametrize("limit", [1 * GIB, 2 * GIB], ids=["1GiB", "2GiB"])
def test_filling_the_memory_raises_memory_error_about_as_soon_as_cpython(monkeypatch, limit):
    cpython = subprocess.run([sys.executable, "-c", _CPYTHON, str(limit)], capture_output=True, text=True,
                             timeout=100)
    alone = float(cpython.stdout)
    monkeypatch.setenv("PYFORA_MEMORY_LIMIT", str(limit))
    with pyfora.connect(workers=1) as ex:
        for fn in (floats, strings):
            start = time.perf_counter()
            with pytest.raises(MemoryError):
                ex.submit(fn).result(timeout=max(30, 6 * alone))
            assert time.perf_counter() - start < max(10, 4 * alone)
        assert ex.submit(plus_one, 1).result(timeout=30) == 2


@pytest.mark.timeout(60)
def test_numpy_runs_under_the_smallest_limit(monkeypatch):
    monkeypatch.setenv("PYFORA_MEMORY_LIMIT", str(MIN_MEMORY_LIMIT))
    with pyfora.connect(workers=1) as ex:
        assert ex.submit(with_numpy, 1000).result(timeout=30) == 499500.0
        assert ex.submit(plus_one, 1).result(timeout=30) == 2


def halves(n):
    return len([i * 0.5 for i in range(n)])


_CPYTHON_HALVES = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]),) * 2)
    print(len([i * 0.5 for i in range(int(sys.argv[2]))]))
""")


@pytest.mark.timeout(60)
def test_the_worker_leaves_the_limit_to_the_computation(monkeypatch):
    """About 120 MB of floats under the smallest limit, which CPython runs there: the worker's threads
    take no malloc arenas of their own (64 MiB of address space each)."""
    n = 3_000_000
    cpython = subprocess.run([sys.executable, "-c", _CPYTHON_HALVES, str(MIN_MEMORY_LIMIT), str(n)],
                             capture_output=True, text=True, timeout=30)
    assert cpython.stdout == f"{n}\n", cpython.stderr
    monkeypatch.setenv("PYFORA_MEMORY_LIMIT", str(MIN_MEMORY_LIMIT))
    with pyfora.connect(workers=1) as ex:
        assert ex.submit(halves, n).result(timeout=30) == n


@pytest.mark.parametrize("raw", [str(MIN_MEMORY_LIMIT - 1), str(50 << 20), "2G"])
def test_connect_refuses_a_limit_no_worker_runs_under(monkeypatch, raw):
    monkeypatch.setenv("PYFORA_MEMORY_LIMIT", raw)
    with pytest.raises(ValueError, match="PYFORA_MEMORY_LIMIT") as info:
        pyfora.connect(workers=1)
    if raw.isdigit():
        assert f"at least {MIN_MEMORY_LIMIT} ({MIN_MEMORY_LIMIT >> 20} MiB)" in str(info.value)


@pytest.mark.timeout(60)
def test_workers_that_cannot_start_are_not_started_for_ever(monkeypatch):
    monkeypatch.setenv("PYFORA_MEMORY_LIMIT", str(30 << 20))     # below what any worker starts in
    spawned = []
    spawn = LocalPool._spawn
    monkeypatch.setattr(LocalPool, "_spawn", lambda self: (spawned.append(1), spawn(self)))
    pool = LocalPool(1)
    cache = CodeCache()
    try:
        futures = [pool.submit(*build_image(plus_one, (i,), {}, cache), cache) for i in range(6)]
        for future in futures:
            with pytest.raises(pyfora.WorkerCrashedError, match=f"{START_FAILURES} worker processes in a row "
                                                                 "ended before they were ready"):
                future.result(timeout=30)
        time.sleep(1)
        assert len(spawned) == START_FAILURES
        monkeypatch.delenv("PYFORA_MEMORY_LIMIT")     # a later submission tries again, and it can start now
        assert pool.submit(*build_image(plus_one, (41,), {}, cache), cache).result(timeout=30) == 42
    finally:
        pool.close()
