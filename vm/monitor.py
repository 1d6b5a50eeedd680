"""The frame monitor: a thread that reads the run thread's frames while a computation runs.

For now it measures the deepest stack. Walking a stack costs time in
proportion to its depth, so the pause between walks grows with what the last
walk cost (at least 20 ms, at least ten times the walk): a deep recursion is
sampled rarely and pays at most about a tenth of its time.
"""
import sys
import threading
import time

from pyfora.compiler.linker import UNITS


def user_depth(frame) -> int:
    """How many frames of user code are on the stack that ends in `frame`."""
    depth = 0
    while frame is not None:
        if frame.f_code.co_filename in UNITS:
            depth += 1
        frame = frame.f_back
    return depth


class Monitor:
    """Sample the depth of the stack of thread `ident` until stopped."""

    def __init__(self, ident: int):
        self.ident = ident
        self.max_depth = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pyfora-monitor", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def sample(self):
        frame = sys._current_frames().get(self.ident)
        self.max_depth = max(self.max_depth, user_depth(frame))

    def _run(self):
        pause = 0.002
        while not self._stop.wait(pause):
            start = time.perf_counter()
            self.sample()
            pause = max(0.02, 10 * (time.perf_counter() - start))
