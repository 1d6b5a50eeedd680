"""What a computation cost (`Metrics`), and totals over every computation this process has run
(reference/001_...txt)."""
import threading


class Metrics:
    """What one computation cost. (A plain class: `import pyfora` loads this module, and dataclasses
    would add a few milliseconds to it.)"""
    __slots__ = ("wall_time", "cpu_time", "suspensions", "max_stack_depth", "compiles", "compile_time",
                 "native_calls", "deoptimizations", "osr_entries", "deoptimization_reasons", "fallbacks")

    def __init__(self, wall_time: float = 0.0, cpu_time: float = 0.0, suspensions: int = 0,
                 max_stack_depth: int = 0, compiles: int = 0, compile_time: float = 0.0, native_calls: int = 0,
                 deoptimizations: int = 0, osr_entries: int = 0, deoptimization_reasons: dict | None = None,
                 fallbacks: dict | None = None):
        self.wall_time = wall_time
        self.cpu_time = cpu_time
        self.suspensions = suspensions
        self.max_stack_depth = max_stack_depth
        self.compiles = compiles                  # pieces of native code compiled (vm/jit.py)
        self.compile_time = compile_time          # seconds they took, on the run thread
        self.native_calls = native_calls          # entries into native code
        self.deoptimizations = deoptimizations    # exits from native code back to tier 0
        self.osr_entries = osr_entries            # running frames entered as native code (on-stack entry)
        self.deoptimization_reasons = dict(deoptimization_reasons or {})    # why native code left: how often
        self.fallbacks = dict(fallbacks or {})    # why code stayed in tier 0 (did not compile): how often

    def fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other):
        return self.fields() == other.fields() if type(other) is Metrics else NotImplemented

    def __repr__(self):
        return "Metrics(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__) + ")"


_lock = threading.Lock()
_calls = 0
_total_time = 0.0
_cpu_time = 0.0


def record(future) -> None:
    """Count one finished computation."""
    global _calls, _total_time, _cpu_time
    m = future.metrics
    if m is None:
        return
    with _lock:
        _calls += 1
        _total_time += m.wall_time
        _cpu_time += m.cpu_time


def get_metrics() -> dict:
    """`total_calls`, `total_time` and `avg_time` (seconds) over all computations, and `cpu_time`."""
    with _lock:
        return {"total_calls": _calls, "total_time": _total_time, "cpu_time": _cpu_time,
                "avg_time": _total_time / _calls if _calls else 0.0}


def reset_metrics() -> None:
    global _calls, _total_time, _cpu_time
    with _lock:
        _calls, _total_time, _cpu_time = 0, 0.0, 0.0
