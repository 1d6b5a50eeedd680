"""`pyfora.connect` and the `Executor` it returns; `pyfora.submit` on a default executor.

An executor starts its pool before it imports the compiler (the object walker and what it needs),
so that the first worker starts while this process imports and builds the first program image.
"""
from __future__ import annotations

import atexit
import os
import threading
from typing import TYPE_CHECKING

from pyfora.scheduler.pool import LocalPool

from . import config, metrics
from .errors import CantGetSourceTextError, PythonToForaConversionError

if TYPE_CHECKING:
    from pyfora.scheduler.futures import Future

_REFUSALS = (PythonToForaConversionError, CantGetSourceTextError)
"""What `submit` raises, before anything runs, for code it cannot take."""


def _from_callers_line(exc: BaseException) -> BaseException:
    """Drop pyfora's own frames from a refusal's traceback, so it shows the user's line and the message.

    The caller re-raises with a bare `raise`, which (unlike `raise exc`) adds no entry for its own
    frame: the traceback then starts at the frame that called into pyfora.
    """
    return exc.with_traceback(None)


class Executor:
    """Runs submitted functions on a pyfora VM: an embedded local one, for now."""

    def __init__(self, workers: int | None = None, jit: bool | None = None):
        self.workers = config.default_workers() if workers is None else workers
        if self.workers < 0:
            raise ValueError(f"workers must be 0 or more, not {self.workers}")
        self.jit = config.jit_enabled(jit)
        config.memory_limit()       # a limit no worker can run under is refused here, not by each worker
        self._pool = LocalPool(self.workers, os.environ.get("PYTHONHASHSEED", "0"), self.jit)
        from pyfora.compiler.image import CodeCache
        self._code_cache = CodeCache()

    def submit(self, fn, /, *args, **kwargs) -> Future:
        """Run `fn(*args, **kwargs)` on the VM; the code is checked before anything runs."""
        if not callable(fn):
            raise TypeError(f"pyfora.submit needs a function, not {type(fn).__name__}")
        from pyfora.compiler.image import build_image
        try:
            image, handles = build_image(fn, args, kwargs, self._code_cache)
        except _REFUSALS as exc:
            _from_callers_line(exc)
            raise
        return self._pool.submit(image, handles, self._code_cache, on_done=metrics.record)

    def map(self, fn, *iterables, timeout=None):
        """Like `concurrent.futures.Executor.map`: results in order."""
        try:
            futures = [self.submit(fn, *args) for args in zip(*iterables)]
        except _REFUSALS as exc:
            _from_callers_line(exc)
            raise
        return (f.result(timeout=timeout) for f in futures)

    def close(self):
        """Stop the workers; running computations are cancelled."""
        self._pool.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def connect(url: str | None = None, *, workers: int | None = None, jit: bool | None = None) -> Executor:
    """An executor: the embedded local VM when `url` is None (`workers=0` runs in this process)."""
    if url is not None:
        raise NotImplementedError("connecting to a pyfora VM server is not available yet; "
                                  "use pyfora.connect() for the local VM")
    return Executor(workers=workers, jit=jit)


_default: Executor | None = None
_default_lock = threading.Lock()


def default_executor() -> Executor:
    global _default
    with _default_lock:
        if _default is None:
            _default = Executor()
            atexit.register(_default.close)
        return _default


def submit(fn, /, *args, **kwargs) -> Future:
    """Run `fn(*args, **kwargs)` on the default executor (made on first use)."""
    executor = default_executor()
    try:
        return executor.submit(fn, *args, **kwargs)
    except _REFUSALS as exc:
        _from_callers_line(exc)
        raise
