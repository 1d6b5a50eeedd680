"""Configuration: environment variables, most with an API equivalent.

| variable | what it does today | API |
|---|---|---|
| PYFORA_WORKERS | worker processes of the default executor (0: run in this process) | `connect(workers=...)` |
| PYFORA_LEVEL | 0: one worker by default; 1-4: one worker per core by default (see `Level`) | `set_level`, `get_level` |
| PYFORA_JIT | on/off: hot loops of numbers run as native code (vm/jit.py); the pool hands `Executor.jit` to its workers | `connect(jit=...)` |
| PYFORA_JIT_THRESHOLD | monitor samples (about 20 ms each) inside a function's loops before they go native (default 3); 0: try every computation's function as native code at its start | |
| PYFORA_MEMORY_LIMIT | bytes of address space per worker process, at least MIN_MEMORY_LIMIT (checked by `connect`) | |
| PYFORA_CACHE_DIR | directory of the compiled-code cache (compiler/code_cache.py), and of the workers' bytecode where PYTHONDONTWRITEBYTECODE is set (scheduler/pool.py); default: the user cache directory | |
| PYFORA_DUMP | comma-separated: `ir` each function's statement form as it is compiled; `typed`, `llvm`, `opt`, `asm` each stage of native code; `jit` why code stays in tier 0, is not entered, or leaves native code | |

There is no forking, splitting or work stealing yet (issue 10): a computation
runs on one worker, in tier 0, its hot loops of numbers as native code (the JIT,
issue 9, in increments). The levels are kept so that code written against them
goes on working once those land.
"""
import enum
import os
from pathlib import Path


class Level(enum.IntEnum):
    """Execution levels. Today a level changes only the default number of workers, and
    whether the JIT is on by default.

    Every level runs each computation on one worker, with its metrics.
    Several computations run side by side when there are several workers.
    """
    MONITOR = 0       # one worker by default, so submissions run one after another
    CONCURRENCY = 1   # one worker per core by default: independent submissions side by side
    JIT = 2           # as 1, and the JIT on by default (hot loops of numbers as native code)
    FULL = 3          # the default; as 2, with forking and splitting on every core planned (issue 10)
    GPU = 4           # as 3; GPU offload is planned


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
    """Set the execution level for executors made from now on (the default one is made on first use)."""
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
    """Whether the JIT is switched on: `jit`, else PYFORA_JIT, else level 2 or more."""
    if jit is not None:
        return bool(jit)
    raw = os.environ.get("PYFORA_JIT", "").lower()
    if raw in ("0", "off", "false", "no"):
        return False
    if raw in ("1", "on", "true", "yes"):
        return True
    return get_level() >= Level.JIT


MIN_MEMORY_LIMIT = 256 << 20
"""The smallest PYFORA_MEMORY_LIMIT a worker runs under. Measured on this project's machine (CPython
3.11-3.13): a worker maps about 45 MiB before it runs anything, starts two threads (vm/worker.py) and,
for a computation that uses numpy, needs about 192 MiB in all (OpenBLAS maps its buffers and starts
its threads). Under about 50 MiB it cannot even start its threads."""


def memory_limit() -> int | None:
    """PYFORA_MEMORY_LIMIT in bytes, or None when unset; refused when it is no whole number or below
    MIN_MEMORY_LIMIT, rather than letting every worker fail as it starts or runs."""
    raw = os.environ.get("PYFORA_MEMORY_LIMIT")
    if not raw:
        return None
    try:
        limit = int(raw)
    except ValueError:
        raise ValueError(f"PYFORA_MEMORY_LIMIT must be a whole number of bytes, not {raw!r}") from None
    if limit < MIN_MEMORY_LIMIT:
        raise ValueError(f"PYFORA_MEMORY_LIMIT is {limit} bytes, and a pyfora worker needs at least "
                         f"{MIN_MEMORY_LIMIT} ({MIN_MEMORY_LIMIT >> 20} MiB) to start and run; "
                         "raise it, or unset it for no limit")
    return limit


def cache_dir() -> Path:
    """pyfora's cache directory: PYFORA_CACHE_DIR, else the user cache directory (platformdirs)."""
    configured = os.environ.get("PYFORA_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs   # only here: with PYFORA_CACHE_DIR set, a worker need not import it
    return Path(platformdirs.user_cache_dir("pyfora", appauthor=False))
