"""Configuration: environment variables, each with an API equivalent.

| variable | meaning | API |
|---|---|---|
| PYFORA_WORKERS | worker processes of the default executor (0: run in this process) | `connect(workers=...)` |
| PYFORA_LEVEL | 0 monitor .. 4 GPU (reference/000_...txt) | `set_level`, `get_level` |
| PYFORA_JIT | on/off | `connect(jit=...)` |
| PYFORA_MEMORY_LIMIT | bytes of address space per worker | |
"""
import enum
import os


class Level(enum.IntEnum):
    MONITOR = 0
    CONCURRENCY = 1
    JIT = 2
    FULL = 3
    GPU = 4


_level: Level | None = None


def get_level() -> Level:
    """The execution level in force (PYFORA_LEVEL, or `set_level`, or FULL)."""
    if _level is not None:
        return _level
    raw = os.environ.get("PYFORA_LEVEL")
    if raw is None:
        return Level.FULL
    try:
        return Level(int(raw))
    except ValueError:
        raise ValueError(f"PYFORA_LEVEL must be one of 0, 1, 2, 3, 4, not {raw!r}") from None


def set_level(level: int) -> None:
    """Set the execution level for executors made from now on."""
    global _level
    _level = Level(level)


def default_workers() -> int:
    """Worker processes for an executor that was not told: PYFORA_WORKERS, else by level."""
    raw = os.environ.get("PYFORA_WORKERS")
    if raw is not None:
        try:
            workers = int(raw)
        except ValueError:
            raise ValueError(f"PYFORA_WORKERS must be a whole number, not {raw!r}") from None
        if workers < 0:
            raise ValueError(f"PYFORA_WORKERS must be 0 or more, not {workers}")
        return workers
    if get_level() is Level.MONITOR:
        return 1
    return os.cpu_count() or 1


def jit_enabled(jit: bool | None) -> bool:
    if jit is not None:
        return bool(jit)
    raw = os.environ.get("PYFORA_JIT", "").lower()
    if raw in ("0", "off", "false", "no"):
        return False
    return get_level() >= Level.JIT
