"""The frame monitor: a thread that reads the run thread's frames while a computation runs.

Every user frame's state is (function, statement id, locals) — `snapshot`
reads exactly that from another thread. The monitor's own loop measures the
deepest stack. Walking a stack costs time in proportion to its depth, so the
pause between walks grows with what the last walk cost (at least 20 ms, at
least ten times the walk): a deep recursion is sampled rarely and pays at
most about a tenth of its time.
"""
import gc
import sys
import threading
import time
from dataclasses import dataclass

from pyfora.compiler.linker import UNITS


@dataclass(frozen=True)
class FrameView:
    """One user frame as the monitor read it: the statement it is at and its locals."""
    function: str
    statement: int
    line: int
    locals: dict


def frame_views(frame) -> list[FrameView]:
    """The user frames of the stack ending at `frame`, innermost first."""
    views = []
    while frame is not None:
        unit = UNITS.get(frame.f_code.co_filename)
        if unit is not None:
            info = unit.tables.statements.get(frame.f_lineno)
            views.append(FrameView(frame.f_code.co_qualname, frame.f_lineno, info.line if info else 0,
                                   dict(frame.f_locals)))
        frame = frame.f_back
    return views


def user_depth(frame) -> int:
    """How many frames of user code are on the stack that ends in `frame`."""
    depth = 0
    while frame is not None:
        if frame.f_code.co_filename in UNITS:
            depth += 1
        frame = frame.f_back
    return depth


class Monitor:
    """Sample the depth of the stack of thread `ident` until stopped; hand each sample's innermost
    frame to `on_sample` (the JIT's hot-loop detection, vm/jit.py), when given."""

    def __init__(self, ident: int, on_sample=None):
        self.ident = ident
        self.on_sample = on_sample
        self.max_depth = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pyfora-monitor", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def snapshot(self) -> list[FrameView]:
        """The run thread's user frames now (call from any thread)."""
        return frame_views(self._frame())

    def sample(self):
        """Measure the run thread's stack (call from any thread)."""
        self.max_depth = max(self.max_depth, user_depth(self._frame()))

    def _frame(self):
        """The run thread's innermost frame.

        `sys._current_frames()` holds the runtime's thread-list lock while it makes frame objects;
        on CPython 3.11 a collection started by one of those allocations can run a weakref
        callback that hands the GIL to the other thread, and if that thread asks for the frames
        too, each waits for the other forever (seen here as a worker hung after a computation).
        So the run thread reads its own frame, and the collector is off while another thread reads.
        """
        if threading.get_ident() == self.ident:
            return sys._getframe(1)
        collecting = gc.isenabled()
        gc.disable()
        try:
            return sys._current_frames().get(self.ident)
        finally:
            if collecting:
                gc.enable()

    def _run(self):
        pause = 0.002
        while not self._stop.wait(pause):
            start = time.perf_counter()
            frame = self._frame()     # the run thread's: this is the monitor's thread
            self.max_depth = max(self.max_depth, user_depth(frame))
            # The walk takes at most a tenth of the time; the JIT's work on a sample (reading a unit's
            # statement form, compiling a hot loop) is not the walk's, and waiting ten times as long
            # after it would miss the loop it was for.
            pause = max(0.02, 10 * (time.perf_counter() - start))
            if self.on_sample is not None and frame is not None:
                self.on_sample(frame)
            del frame   # holding it would keep the computation's values alive after it ends
