"""Run one computation in the calling thread: from a program image, or from a continuation.

`Computation` never raises across this boundary: the value, a user exception,
a conversion error found while linking, a suspension (its continuation) or a
cancellation all become an `Outcome` (after dask's workers). Other threads
ask for a suspension or a cancellation; the run thread acts on it at its next
resumable statement boundary (vm/suspend.py).
"""
import contextlib
import enum
import sys
import threading
import time
from dataclasses import dataclass

from pyfora.compiler import guards, linker  # noqa: F401  (guards registers the checked builtins)
from pyfora.compiler.program import ProgramImage
from pyfora.metrics import Metrics

from . import jit, prelude, suspend  # noqa: F401  (prelude registers the VM's builtins)
from .monitor import Monitor
from .transport import dump_result


class Status(enum.IntEnum):
    DONE = 1
    FAILED = 2
    SUSPENDED = 3
    CANCELLED = 4


@dataclass
class Outcome:
    status: Status
    payload: bytes
    metrics: Metrics

    @property
    def ok(self) -> bool:
        return self.status is Status.DONE


class Computation:
    """One computation on the calling thread, which other threads may suspend or cancel."""

    def __init__(self, suspensions: int = 0, thread: int | None = None,
                 isolation: contextlib.AbstractContextManager | None = None):
        """`isolation` is entered once the program is linked, before any of its code runs, and left
        when that code is over, before its result is serialised (vm/worker.py)."""
        self.suspender = suspend.Suspender(suspend.ROOTS, thread)
        self.isolation = contextlib.nullcontext() if isolation is None else isolation
        self.cancelling = False
        self.asked = False          # the client asked for a suspension (not the JIT)
        self._asking = threading.Lock()
        self.metrics = Metrics(suspensions=suspensions)
        # On-stack entry stops the run thread with a signal, which only a worker handles (vm/worker.py):
        # a computation run in the client's own thread enters native code at its start only (forced).
        self.profile = jit.Profile() if thread is not None and jit.enabled() else None

    def request_suspension(self):
        with self._asking:
            self.asked = True
            self.suspender.target = None    # a stop the JIT asked for becomes this one, at once
            self.suspender.request()

    def request_cancel(self):
        with self._asking:
            self.cancelling = True
            self.suspender.target = None
            self.suspender.request()

    def _on_sample(self, frame):
        """From the monitor: where a loop has become hot and compiled, stop there to enter it natively.
        (Never over a stop the client asked for: `_asking` orders the two.)"""
        if self.suspender.pending:
            return
        if self.suspender.given_up:     # that stop counts as one: its function may be asked for again
            self.suspender.given_up = False
            self.profile.take_wanted()
        target = self.profile.hot(frame)
        with self._asking:
            if target is not None and self.suspender.running and not (self.suspender.pending or self.asked
                                                                     or self.cancelling):
                self.suspender.request_at(target, jit.PATIENCE)

    def run(self, image: ProgramImage) -> Outcome:
        """Link `image` and call its function."""
        try:
            (fn, args, kwargs), origins, keep = linker.load(image)
        except BaseException as exc:
            return Outcome(Status.FAILED, _dump_exception(exc, {}), self.metrics)
        return self._execute(lambda: suspend.start(fn, args, kwargs), origins)

    def resume(self, data: bytes) -> Outcome:
        """Go on with a computation from its serialised continuation."""
        try:
            continuation = suspend.loads(data)
        except BaseException as exc:
            return Outcome(Status.FAILED, _dump_exception(exc, {}), self.metrics)
        return self._execute(lambda: suspend.resume(continuation, self.suspender), {})

    def _execute(self, thunk, origins: dict) -> Outcome:
        wall, cpu = time.perf_counter(), time.thread_time()
        monitor = Monitor(threading.get_ident(), None if self.profile is None else self._on_sample)
        self.suspender.running = True
        if self.suspender.pending:      # asked before it started: its signal found nothing to trace
            self.suspender.start_tracing(sys._getframe())
        try:
            with monitor, self.isolation:
                try:
                    while True:
                        try:
                            value = thunk()
                            break
                        except suspend.Suspended as stop:
                            linker.SUSPENDING.active = False
                            continuation = stop.continuation
                            if self.suspender.in_process and not (self.asked or self.cancelling):
                                # The JIT's stop: go on here, its hot frames entered as native code.
                                self.suspender.in_process = False
                                hot = self.profile.take_wanted()
                                thunk = lambda c=continuation, h=hot: suspend.resume(c, self.suspender, h)  # noqa: E731
                                continue
                            self.suspender.in_process = False
                            self.metrics.suspensions += 1
                            outcome = self._suspended(continuation)
                            if outcome is not None:
                                return Outcome(*outcome, self.metrics)
                            # It could not be serialised: go on with it here, as if not asked.
                            thunk = lambda c=continuation: suspend.resume(c, self.suspender)  # noqa: E731
                        except BaseException as exc:
                            # The computation is over. Its frames' locals may be what filled the memory (a
                            # MemoryError keeps them alive through its traceback): let go of them before
                            # anything here needs memory to stop the monitor and send the exception.
                            _let_go(exc.__traceback__)
                            raise
                        finally:
                            self.suspender.stop_tracing()
                            monitor.sample()
                finally:
                    with self._asking:     # a stop the JIT asks for from now on (its compile ran late) finds
                        self.suspender.running = False     # nothing to stop: the computation is over
            status, payload = Status.DONE, dump_result(value, origins)
        except BaseException as exc:
            # KeyboardInterrupt and SystemExit raised by user code are its exceptions like any other;
            # Ctrl-C at the terminal reaches the client only (workers run in a session of their own).
            status, payload = Status.FAILED, _dump_exception(exc, origins)
        finally:
            self.suspender.running = False
            self.suspender.stop_tracing()     # a signal that landed after the last statement
            linker.SUSPENDING.active = False
            linker.forget_foreign()     # the client's objects, held for the run only (mapped memory too)
            self.metrics.wall_time += time.perf_counter() - wall
            self.metrics.cpu_time += time.thread_time() - cpu
            self.metrics.max_stack_depth = max(self.metrics.max_stack_depth, monitor.max_depth)
            for name, count in jit.take_counts().items():
                if isinstance(count, dict):     # reasons: counted by their text
                    table = getattr(self.metrics, name)
                    for reason, n in count.items():
                        table[reason] = table.get(reason, 0) + n
                else:
                    setattr(self.metrics, name, getattr(self.metrics, name) + count)
        return Outcome(status, payload, self.metrics)

    def _suspended(self, continuation) -> tuple[Status, bytes] | None:
        """What to reply for a suspension, or None when it cannot be serialised."""
        if self.cancelling:
            suspend.discard(continuation)
            return Status.CANCELLED, b""
        try:
            return Status.SUSPENDED, suspend.dumps(continuation)
        except Exception:
            return None


def run(image: ProgramImage) -> Outcome:
    """Run `image` to its end in this thread (no suspension: nothing asks for one)."""
    return Computation().run(image)


def _let_go(tb):
    """Clear the finished frames of traceback `tb`, and the locals snapshot of each: on 3.11 and 3.12
    a frame whose `f_locals` was read (the JIT's monitor reads the hot frame's) keeps that dict, which
    `frame.clear()` leaves; reading `f_locals` of the cleared frame empties it."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:    # still running (this function's callers)
            pass
        else:
            tb.tb_frame.f_locals
        tb = tb.tb_next


def _dump_exception(exc: BaseException, origins: dict) -> bytes:
    try:
        return dump_result(exc, origins)
    except Exception as why:
        fallback = RuntimeError(f"{type(exc).__name__}: {exc} (pyfora could not send the exception back: "
                                f"{why})")
        return dump_result(fallback, {})
