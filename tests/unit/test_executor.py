"""The executor and its workers: deep stacks, cancel, crashes, tracebacks, metrics, asyncio."""
import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
import traceback

import numpy as np
import pytest

import pyfora


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


class Node:
    def __init__(self, n):
        self.child = Node(n - 1) if n > 0 else None
        self.n = n


def chain_length(n):
    node = Node(n)
    count = 0
    while node is not None:
        count += 1
        node = node.child
    return count


def spin():
    x = 0
    while True:
        x += 1


def mean(xs):
    return sum(xs) / len(xs)


def report(xs):
    m = mean(xs)
    return m


def chained(x):
    try:
        return 1 // x
    except ZeroDivisionError as exc:
        raise ValueError("bad x") from exc


def noisy(n):
    for i in range(n):
        print("line", i)
    return n


def test_submit_deep_recursion_200000(executor):
    future = executor.submit(depth, 200_000)
    assert future.result(timeout=60) == 200_000
    assert future.metrics.max_stack_depth > 1000


def test_submit_recursion_through_constructor_50000(executor):
    assert executor.submit(chain_length, 50_000).result(timeout=60) == 50_001


def test_cancel_stops_running_loop_and_vm_stays_usable(executor):
    future = executor.submit(spin)
    deadline = time.monotonic() + 10
    while not future.running() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    start = time.monotonic()
    assert future.cancel()
    assert future.cancelled()
    assert time.monotonic() - start < 0.1
    with pytest.raises(Exception) as info:
        future.result()
    assert type(info.value).__name__ == "CancelledError"
    assert executor.submit(depth, 10).result(timeout=60) == 10


def test_worker_crash_gives_error_not_hang():
    with pyfora.connect(workers=1) as ex:
        future = ex.submit(spin)
        deadline = time.monotonic() + 10
        while not future.running() and time.monotonic() < deadline:
            time.sleep(0.01)
        dead = ex._pool.workers[0]
        dead_pipes = {_pipe_of(dead.to_worker), _pipe_of(dead.from_worker)}
        assert dead_pipes <= _open_pipes()
        dead.process.kill()
        with pytest.raises(pyfora.WorkerCrashedError, match="killed by signal 9"):
            future.result(timeout=30)
        assert ex.submit(depth, 5).result(timeout=60) == 5
        # The new worker's pipes replace the dead one's: none of the dead worker's is left open.
        assert not dead_pipes & _open_pipes()


def _pipe_of(fd: int) -> str:
    """The pipe an fd refers to ('pipe:[inode]'): unlike the fd's number, never reused while open."""
    return os.readlink(f"/proc/self/fd/{fd}")


def _open_pipes() -> set[str]:
    pipes = set()
    for name in os.listdir("/proc/self/fd"):
        try:
            pipes.add(os.readlink(f"/proc/self/fd/{name}"))
        except FileNotFoundError:       # the listing's own fd, closed by now
            pass
    return {p for p in pipes if p.startswith("pipe:")}


def test_worker_whose_request_reader_fails_ends_and_is_replaced(capfd):
    from pyfora.vm import protocol
    with pyfora.connect(workers=1) as ex:
        assert ex.submit(depth, 3).result(timeout=60) == 3
        worker = ex._pool.workers[0]
        assert not worker.ended, "the worker that ran `depth` was replaced"
        worker.request(protocol.Kind.RESUME, 999, None)   # a malformed request: its reader thread raises
        code, err = worker.process.wait(timeout=30), capfd.readouterr().err
        assert code == 1 and "TypeError" in err, (code, err)
        assert ex.submit(depth, 4).result(timeout=60) == 4


def test_exception_traceback_names_user_frames(executor):
    with pytest.raises(ZeroDivisionError, match="division by zero") as info:
        executor.submit(report, []).result()
    frames = [(f.name, f.lineno, f.line) for f in traceback.extract_tb(info.value.__traceback__)]
    assert ("report", report.__code__.co_firstlineno + 1, "m = mean(xs)") in frames
    assert ("mean", mean.__code__.co_firstlineno + 1, "return sum(xs) / len(xs)") in frames
    assert all(f.filename == __file__ for f in traceback.extract_tb(info.value.__traceback__)[-2:])


def test_exception_chain_kept(executor):
    with pytest.raises(ValueError, match="bad x") as info:
        executor.submit(chained, 0).result()
    assert type(info.value.__cause__) is ZeroDivisionError
    assert info.value.__suppress_context__


def test_print_streams_in_order(executor, capsys):
    assert executor.submit(noisy, 3).result() == 3
    assert capsys.readouterr().out == "line 0\nline 1\nline 2\n"


def test_metrics_after_done(executor):
    before = pyfora.get_metrics()["total_calls"]
    future = executor.submit(depth, 1000)
    future.result()
    m = future.metrics
    assert m.wall_time > 0 and m.cpu_time > 0 and m.suspensions == 0
    after = pyfora.get_metrics()
    assert after["total_calls"] == before + 1
    assert after["avg_time"] == pytest.approx(after["total_time"] / after["total_calls"])


def test_future_awaitable_from_asyncio(executor):
    async def main():
        return await executor.submit(depth, 7)
    assert asyncio.run(main()) == 7
    assert isinstance(executor.submit(depth, 1), pyfora.Future)


def test_map_in_order(executor):
    assert list(executor.map(depth, [3, 1, 2])) == [3, 1, 2]


def test_conversion_error_raised_at_submit_names_line(executor):
    def appends(xs):
        total = len(xs)
        xs.append(1)
        return total
    with pytest.raises(pyfora.PythonToForaConversionError, match="mutates the argument `xs` of") as info:
        executor.submit(appends, [1, 2])
    assert f"{__file__}:{appends.__code__.co_firstlineno + 2}:" in str(info.value)
    assert isinstance(info.value, pyfora.PyforaError)


def test_mutating_an_argument_refused_when_it_runs(executor):
    def appends_to_its_part(xs):
        total = len(xs)
        part = xs[0]
        part.append(1)
        return total
    future = executor.submit(appends_to_its_part, [[1], [2]])
    with pytest.raises(pyfora.PythonToForaConversionError, match="mutates a `list` value that came from") as info:
        future.result()
    assert f"{__file__}:{appends_to_its_part.__code__.co_firstlineno + 3}:" in str(info.value)


def test_in_process_mode_runs_same_code():
    with pyfora.connect(workers=0) as ex:
        assert ex.submit(depth, 50).result() == 50
        with pytest.raises(ZeroDivisionError):
            ex.submit(report, []).result()


def test_no_main_guard_and_no_process_left(tmp_path):
    script = tmp_path / "script.py"
    script.write_text("import pyfora\n"
                      "def sq(x):\n    return x * x\n"
                      "print(pyfora.submit(sq, 12).result())\n")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "144\n"


_SET_ORDER_SCRIPT = """
import random
import pyfora

def order(s):
    return list(s), s

def regrown(n):
    s = {f"w{i * 7919 % 1000}" for i in range(n)}
    for i in range(0, n, 3):
        s.discard(f"w{i * 7919 % 1000}")
    return s, list(s)

rng = random.Random(1)
sets = [{f"k{rng.randrange(10**6)}" for _ in range(rng.randrange(1, 40))} for _ in range(30)]
with pyfora.connect(workers=1) as ex:
    same_in = all(ex.submit(order, s).result()[0] == list(s) for s in sets)
    back, order_in_vm = ex.submit(regrown, 60).result()
print(same_in, list(back) == order_in_vm == regrown(60)[1])
"""


def test_sets_iterate_in_the_worker_as_in_the_client(tmp_path):
    """With PYTHONHASHSEED set (workers take it), a set passed in or sent back keeps its order."""
    script = tmp_path / "sets.py"
    script.write_text(_SET_ORDER_SCRIPT)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    assert out.returncode == 0, out.stderr
    assert out.stdout == "True True\n"


def test_closed_executor_leaves_no_worker():
    ex = pyfora.connect(workers=2)
    pids = [w.process.pid for w in ex._pool.workers]
    ex.close()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def nested_sums(n):
    total = 0
    for i in range(n):
        j = 0
        while j < 200:
            total += (i * j) % 7
            j += 1
    return total


def c_bound():
    return sum(range(10 ** 11))


def test_cancel_is_graceful_when_python_runs(executor):
    pid = executor._pool.workers[0].process.pid
    future = executor.submit(spin)
    while not future.running():
        time.sleep(0.01)
    time.sleep(0.1)
    assert future.cancel()
    time.sleep(0.3)
    assert executor._pool.workers[0].process.pid == pid
    assert executor.submit(depth, 3).result(timeout=30) == 3


def test_cancel_ends_worker_stuck_in_c_call():
    with pyfora.connect(workers=1) as ex:
        pid = ex._pool.workers[0].process.pid
        future = ex.submit(c_bound)
        while not future.running():
            time.sleep(0.01)
        time.sleep(0.1)
        start = time.monotonic()
        assert future.cancel()
        assert time.monotonic() - start < 0.1
        assert ex.submit(depth, 4).result(timeout=60) == 4
        assert ex._pool.workers[0].process.pid != pid


def test_suspend_in_one_worker_resume_in_another():
    expected = nested_sums(40000)
    with pyfora.connect(workers=1) as first, pyfora.connect(workers=1) as second:
        future = first.submit(nested_sums, 40000)
        while not future.running():
            time.sleep(0.01)
        time.sleep(0.1)
        suspension = first._pool.suspend(future)
        assert len(suspension.continuation) > 0
        assert not future.done()
        resumed = second._pool.resume(suspension)
        assert resumed is future
        assert future.result(timeout=60) == expected
        assert future.metrics.suspensions == 1


def test_ctrl_c_while_waiting_cancels(executor):
    future = executor.submit(spin)
    while not future.running():
        time.sleep(0.01)
    threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
    with pytest.raises(KeyboardInterrupt):
        future.result(timeout=30)
    assert future.cancelled()
    assert executor.submit(depth, 2).result(timeout=30) == 2


def total_of(arr):
    import_free = np.sum(arr * 2.0) + np.dot(arr, arr)
    owned = np.zeros(3)
    owned[1] = 5.0
    owned += 1.0
    return float(import_free), owned, np.sin(arr)


def test_numpy_arrays_in_and_out(executor):
    arr = np.arange(4.0)
    total, owned, sines = executor.submit(total_of, arr).result()
    assert total == float(np.sum(arr * 2.0) + np.dot(arr, arr))
    assert owned.tolist() == [1.0, 6.0, 1.0]
    assert np.array_equal(sines, np.sin(arr))


def test_function_from_notebook_cell(executor):
    import linecache
    source = "def cell_fn(x):\n    return [i * x for i in range(4)]\n"
    filename = "<ipython-input-7-abcdef>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {}
    exec(compile(source, filename, "exec"), namespace)
    assert executor.submit(namespace["cell_fn"], 3).result() == [0, 3, 6, 9]


def test_missing_source_raises_cant_get_source(executor):
    namespace = {}
    exec(compile("def nosource(x):\n    return x\n", "<nowhere>", "exec"), namespace)
    with pytest.raises(pyfora.CantGetSourceTextError):
        executor.submit(namespace["nosource"], 1)


def swallow_refusal(box):
    xs = box[0]
    try:
        xs += [4]
    except Exception:
        return "caught"
    return xs


def test_runtime_refusal_cannot_be_caught_by_user_code(executor):
    with pytest.raises(pyfora.PythonToForaConversionError, match="mutates a `list` value"):
        executor.submit(swallow_refusal, [[1]]).result()
    assert executor.submit(swallow_refusal, [5]).result() == swallow_refusal([5]) == "caught"


class Money:
    def __init__(self, cents):
        self.cents = cents

    def plus(self, other):
        return Money(self.cents + other.cents)


def make_scaler(k):
    def scale(x):
        return x * k
    return scale


def returns_values(n):
    m = Money(n).plus(Money(1))
    return m, make_scaler(n), [m, m]


def test_results_are_the_clients_own_values(executor):
    money, scale, pair = executor.submit(returns_values, 4).result()
    assert type(money) is Money and money.cents == 5
    assert scale(10) == 40 and scale.__code__ is make_scaler(1).__code__
    assert pair[0] is pair[1] and pair[0] is not money or pair[0] is money


def test_mutual_recursion_across_modules(executor):
    import crossmod_a
    assert executor.submit(crossmod_a.is_even, 10).result() is True
    assert executor.submit(crossmod_a.is_even, 7).result() is False


def grow(n):
    out = []
    for i in range(n):
        out.append(bytes(1 << 20))
    return len(out)


def test_out_of_memory_is_an_error_not_a_hang(monkeypatch):
    monkeypatch.setenv("PYFORA_MEMORY_LIMIT", str(1 << 30))
    with pyfora.connect(workers=1) as ex:
        with pytest.raises((MemoryError, pyfora.WorkerCrashedError)):
            ex.submit(grow, 4096).result(timeout=60)
        assert ex.submit(depth, 3).result(timeout=60) == 3


class Base:
    def __init__(self, x):
        self.x = x


class Derived(Base):
    def __init__(self, x):
        super(Derived, self).__init__(x)
        self.y = x + 1


class Explicit(Base):
    def __init__(self, x):
        Base.__init__(self, x)
        self.z = x * 2


def build_derived(x):
    d, e = Derived(x), Explicit(x)
    return d.x + d.y + e.x + e.z


def test_base_init_then_own_attributes(executor):
    assert executor.submit(build_derived, 3).result() == build_derived(3)


def test_refused_class_names_the_line_that_uses_it(executor):
    class Meta(type):
        pass

    class Pair(metaclass=Meta):
        pass

    def uses_pair(x):
        return Pair(x, x)

    with pytest.raises(pyfora.PythonToForaConversionError, match="the metaclass Meta") as info:
        executor.submit(uses_pair, 1)
    assert f"{__file__}:{uses_pair.__code__.co_firstlineno + 1}" in str(info.value)


def test_module_redefining_a_builtin_later_is_seen(executor, tmp_path):
    import importlib.util
    path = tmp_path / "late_sum.py"
    path.write_text("def total(xs):\n    return sum(xs)\n")
    spec = importlib.util.spec_from_file_location("late_sum", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["late_sum"] = module
    spec.loader.exec_module(module)
    assert executor.submit(module.total, [1, 2, 3]).result() == 6
    (tmp_path / "minus_one.py").write_text("def sum(xs):\n    return -1\n")
    spec = importlib.util.spec_from_file_location("minus_one", tmp_path / "minus_one.py")
    other = importlib.util.module_from_spec(spec)
    sys.modules["minus_one"] = other
    spec.loader.exec_module(other)
    module.sum = other.sum
    assert executor.submit(module.total, [1, 2, 3]).result() == module.total([1, 2, 3]) == -1


def test_close_cancels_running_computations():
    ex = pyfora.connect(workers=1)
    future = ex.submit(spin)
    while not future.running():
        time.sleep(0.01)
    ex.close()
    assert future.cancelled()
    with pytest.raises(RuntimeError, match="closed"):
        ex.submit(depth, 1)
