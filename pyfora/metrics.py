"""Metrics over every computation this process has run (reference/001_...txt)."""
import threading

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
