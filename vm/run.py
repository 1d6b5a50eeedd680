"""Run one computation from its program image, in the calling thread.

Returns an `Outcome` and never raises across this boundary: a user
exception, a conversion error found while linking, or a result that cannot
be sent back all become the outcome's payload (after dask's workers).
"""
import threading
import time
from dataclasses import dataclass

from pyfora.compiler import linker
from pyfora.compiler.program import ProgramImage

from .monitor import Monitor
from .transport import dump_result


@dataclass
class Metrics:
    """What one computation cost."""
    wall_time: float = 0.0
    cpu_time: float = 0.0
    suspensions: int = 0
    max_stack_depth: int = 0


@dataclass
class Outcome:
    ok: bool
    payload: bytes
    metrics: Metrics


def run(image: ProgramImage) -> Outcome:
    """Link `image`, call its function, and pickle the value or the exception for the client."""
    metrics = Metrics()
    wall, cpu = time.perf_counter(), time.thread_time()
    origins: dict = {}
    monitor = Monitor(threading.get_ident())
    try:
        (fn, args, kwargs), origins, keep = linker.load(image)
        with monitor:
            try:
                value = fn(*args, **kwargs)
            finally:
                monitor.sample()
        ok, payload = True, dump_result(value, origins)
    except BaseException as exc:
        ok, payload = False, _dump_exception(exc, origins)
        if isinstance(exc, KeyboardInterrupt):
            raise
    finally:
        metrics.wall_time = time.perf_counter() - wall
        metrics.cpu_time = time.thread_time() - cpu
        metrics.max_stack_depth = monitor.max_depth
    return Outcome(ok, payload, metrics)


def _dump_exception(exc: BaseException, origins: dict) -> bytes:
    try:
        return dump_result(exc, origins)
    except Exception as why:
        fallback = RuntimeError(f"{type(exc).__name__}: {exc} (pyfora could not send the exception back: "
                                f"{why})")
        return dump_result(fallback, {})
