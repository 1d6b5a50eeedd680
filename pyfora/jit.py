"""The JIT's code caches: machine code kept in memory and on disk, so that it is compiled once.

    import pyfora
    pyfora.jit.set_memory_limit(256 << 20)
    pyfora.jit.set_disk_path("/scratch/pyfora.sqlite3")
    print(pyfora.jit.disk_size(), pyfora.jit.memory_size())

Machine code is kept in this process's memory (an LRU held to a byte limit)
and in the compiled-code cache on disk, the one SQLite file in
`PYFORA_CACHE_DIR` (else the user cache directory) that also keeps what
tier 0 compiled. The disk settings govern that whole file: disabling it,
moving it, limiting it or clearing it covers tier-0 units and machine code
alike. Several processes may share the file at once; a damaged file is made
anew, and the cache never changes what a program computes nor raises.

Every setting here belongs to the process that makes it: worker processes
share only the file on disk. Each function is safe to call from any thread.
"""
import operator
import os
from pathlib import Path

from .compiler import code_cache, native_cache

__all__ = [
    "clear_disk", "clear_memory", "disk_enabled", "disk_size", "get_disk_limit", "get_disk_path",
    "get_memory_limit", "memory_size", "set_disk_enabled", "set_disk_limit", "set_disk_path", "set_memory_limit",
]


# ## Memory

def get_memory_limit() -> int:
    """Bytes of machine code this process keeps in memory at most (64 MiB by default)."""
    return native_cache.memory_limit()


def set_memory_limit(nbytes: int) -> None:
    """Keep at most `nbytes` of machine code in memory (0: none); the least recently used goes first."""
    native_cache.set_memory_limit(_byte_count("the memory limit", nbytes))


def memory_size() -> int:
    """Bytes of machine code this process keeps in memory now."""
    return native_cache.memory_size()


def clear_memory() -> None:
    """Forget the machine code kept in memory (the disk cache keeps its copy)."""
    native_cache.clear_memory()


# ## Disk

def disk_enabled() -> bool:
    """Whether this process reads and writes the compiled-code cache on disk (True by default)."""
    return code_cache.enabled()


def set_disk_enabled(flag: bool) -> None:
    """Read and write the compiled-code cache on disk (True), or neither (False), for tier 0 and the JIT."""
    if not isinstance(flag, bool):
        raise TypeError(f"set_disk_enabled takes True or False, not {flag!r}")
    code_cache.set_enabled(flag)


def get_disk_path() -> Path:
    """The SQLite file of the compiled-code cache."""
    return code_cache.path()


def set_disk_path(path: str | os.PathLike | None) -> None:
    """Keep the compiled-code cache in the file `path` from now on (None: back to the default)."""
    if path is not None:
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"the disk cache path must be a str or a path, not {type(path).__name__}")
        path = Path(path)
        if path.is_dir():
            raise ValueError(f"the disk cache path names a file to keep the cache in, not a directory: {str(path)!r}")
    code_cache.set_path(path)


def disk_size() -> int:
    """Bytes of entries in the compiled-code cache on disk, tier-0 units and machine code together."""
    return code_cache.size()


def get_disk_limit() -> int:
    """Bytes of entries the file may hold before the least recently used go (256 MiB by default)."""
    return code_cache.limit()


def set_disk_limit(nbytes: int) -> None:
    """Hold the file to `nbytes` of entries; past it, the least recently used go, down to three quarters of it."""
    code_cache.set_limit(_byte_count("the disk limit", nbytes))


def clear_disk() -> None:
    """Delete every entry of the compiled-code cache on disk, tier-0 units and machine code alike."""
    code_cache.clear()


def _byte_count(what: str, value) -> int:
    if isinstance(value, bool):
        raise TypeError(f"{what} is a whole number of bytes, not {value!r}")
    try:
        nbytes = operator.index(value)
    except TypeError:
        raise TypeError(f"{what} is a whole number of bytes, not {value!r}") from None
    if nbytes < 0:
        raise ValueError(f"{what} cannot be negative ({nbytes} bytes)")
    return nbytes
