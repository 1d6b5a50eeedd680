"""pyfora: run functions written in a pure subset of Python on its VM.

Today each computation runs on one worker process; forking and splitting across
cores (issue 10) and a JIT (issue 9) are planned. See docs/how-it-works.md.

    import pyfora
    print(pyfora.submit(count_primes, 10_000_000).result())

`import pyfora` is cheap: the executor, the scheduler and the VM are imported
when first named (`pyfora.submit`, `pyfora.Future`...), since a worker process
imports this package too and needs none of the client's side.
"""
import importlib

from .errors import CantGetSourceTextError, PyforaError, PythonToForaConversionError, WorkerCrashedError
from .config import Level, get_level, set_level
from .metrics import get_metrics, reset_metrics

_LAZY = {
    "Executor": "pyfora.executor", "connect": "pyfora.executor", "submit": "pyfora.executor",
    "Future": "pyfora.scheduler.futures", "Metrics": "pyfora.metrics",
}
"""Public names imported on first use, and the module each comes from."""
_SUBMODULES = {"jit"}
"""Public submodules imported on first use (`pyfora.jit.set_memory_limit` after a plain `import pyfora`)."""

__all__ = [
    "CantGetSourceTextError", "Executor", "Future", "Level", "Metrics",
    "PyforaError", "PythonToForaConversionError", "WorkerCrashedError", "connect", "get_level",
    "get_metrics", "jit", "reset_metrics", "set_level", "submit",
]


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")   # the import binds it here
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pyfora' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)
