"""pyfora: run functions written in a pure subset of Python on its VM.

Today each computation runs on one worker process; forking and splitting across
cores (issue 10) and a JIT (issue 9) are planned. See docs/how-it-works.md.

    import pyfora
    print(pyfora.submit(count_primes, 10_000_000).result())
"""
from .errors import CantGetSourceTextError, PyforaError, PythonToForaConversionError, WorkerCrashedError
from pyfora.scheduler.futures import Future
from pyfora.vm.run import Metrics
from .config import Level, get_level, set_level
from .executor import Executor, connect, submit
from .metrics import get_metrics, reset_metrics

__all__ = [
    "CantGetSourceTextError", "Executor", "Future", "Level", "Metrics",
    "PyforaError", "PythonToForaConversionError", "WorkerCrashedError", "connect", "get_level",
    "get_metrics", "reset_metrics", "set_level", "submit",
]
