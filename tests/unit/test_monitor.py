"""The frame monitor reads (function, statement id, locals) of a running computation's frames."""
import subprocess
import sys
import threading
import time

from pyfora.compiler import linker
from pyfora.compiler.image import CodeCache, build_image
from pyfora.compiler.program import ProgramImage
from pyfora.vm.monitor import Monitor
from pyfora.vm.run import Computation


def inner(limit):
    k = 0
    while k < limit:
        k += 1
    return k


def outer(limit):
    total = inner(limit)
    return total


def test_monitor_reads_live_frames_from_another_thread():
    image, _ = build_image(outer, (30_000_000,), {}, CodeCache())
    image = ProgramImage.from_bytes(image.to_bytes())
    started = threading.Event()
    box = {}

    def run():
        box["ident"] = threading.get_ident()
        started.set()
        box["outcome"] = Computation().run(image)

    thread = threading.Thread(target=run)
    thread.start()
    started.wait()
    monitor = Monitor(box["ident"])
    views = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(v.function == "inner" for v in views):
        time.sleep(0.01)
        views = monitor.snapshot()
    thread.join()
    assert box["outcome"].ok
    names = [v.function for v in views]
    assert names[:2] == ["inner", "outer"]
    loop_lines = range(inner.__code__.co_firstlineno + 2, inner.__code__.co_firstlineno + 4)
    assert views[0].line in loop_lines
    assert views[0].locals["limit"] == 30_000_000 and 0 <= views[0].locals["k"] <= 30_000_000
    unit = linker.UNITS[next(f for f, u in linker.UNITS.items() if u.code_def.qualname == "inner")]
    assert unit.tables.statements[views[0].statement].line == views[0].line


_BOTH_THREADS_SAMPLE = """
import sys, threading, time, weakref
from pyfora.vm.monitor import Monitor

sys.setswitchinterval(1e-6)   # hand the GIL over at every chance


class Node:
    pass


def callback(ref):
    for _ in range(100):
        pass


refs = []
monitor = Monitor(threading.get_ident())
stop = False


def other_thread():
    while not stop:
        monitor.sample()


threading.Thread(target=other_thread, daemon=True).start()
end = time.monotonic() + 3
while time.monotonic() < end:
    for _ in range(50):
        a, b = Node(), Node()
        a.b, b.a = b, a   # cycles with weakref callbacks: a collection runs Python code
        refs.append(weakref.ref(a, callback))
    monitor.sample()
    refs.clear()
stop = True
print("sampled")
"""


def test_monitor_sampling_from_both_threads_does_not_deadlock():
    """Both threads sample while collections run weakref callbacks (a worker once hung here)."""
    done = subprocess.run([sys.executable, "-c", _BOTH_THREADS_SAMPLE], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "sampled\n"
