"""The native-code cache: the object code the JIT made for each specialization, in memory and on disk.

Policy. The JIT compiles one specialization (a function's statement form at
one type signature, with some constants and closure values baked in) to an
object-code blob: the bytes of llvmlite's `TargetMachine.emit_object` and a
small header of the JIT's own. This module keeps those bytes by key and
knows nothing of what they hold.

- The key (`native_key`) covers everything that changes the code: the
  statement form's digest, the signature, the baked values, and the host
  (llvmlite's and LLVM's versions, the target triple, the CPU's name and
  features), folded into code_cache.entry_key, which adds Python's version,
  its bytecode magic number and pyfora's version stamp.
- In front, an LRU of this process's entries, held to `memory_limit()` bytes
  (MEMORY_LIMIT by default); an entry bigger than the limit is not kept in
  memory.
- Behind it, the compiled-code cache (compiler/code_cache.py): the same
  SQLite file as tier-0 units, under the kind "native", with that file's
  settings, limit and damage handling. A disk hit is promoted into memory.

Every lookup counts as a memory hit, a disk hit or a miss; `counts()` reads
the tallies and `take_counts()` reads and zeroes them, for the metrics.
All of it is safe from several threads (one lock, never held across disk
access), and settings belong to this process.
"""
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from . import code_cache

NATIVE = "native"
MEMORY_LIMIT = 64 << 20
"""Bytes of object code the in-memory LRU holds by default."""


# ## Keys

_host: str | None = None


def host_stamp() -> str:
    """What of the host changes object code: llvmlite, LLVM, the target triple, the CPU and its features."""
    global _host
    if _host is None:
        import llvmlite
        import llvmlite.binding as llvm
        llvm.initialize_native_target()   # llvm.initialize() is implicit (and raises) in llvmlite 0.50
        llvm.initialize_native_asmprinter()
        parts = (llvmlite.__version__, ".".join(map(str, llvm.llvm_version_info)), llvm.get_process_triple(),
                 llvm.get_host_cpu_name(), llvm.get_host_cpu_features().flatten())
        _host = "\0".join(parts)
    return _host


def native_key(statement_form_digest: str, signature: tuple | str, baked: bytes) -> str:
    """The key of one specialization's object code on this host, under this Python and this pyfora.

    `signature` is hashed by its repr, which must therefore be stable (strings, ints, tuples of them);
    `baked` is the serialized constants and closure values compiled into the code.
    """
    if not isinstance(statement_form_digest, str):
        raise TypeError(f"statement_form_digest must be a str, not {type(statement_form_digest).__name__}")
    if not isinstance(signature, (tuple, str)):
        raise TypeError(f"signature must be a tuple or a str, not {type(signature).__name__}")
    if not isinstance(baked, (bytes, bytearray, memoryview)):
        raise TypeError(f"baked must be bytes, not {type(baked).__name__}")
    parts = (statement_form_digest, repr(signature), hashlib.sha256(baked).hexdigest(), host_stamp())
    return code_cache.entry_key(NATIVE, hashlib.sha256("\0".join(parts).encode()).hexdigest())


# ## Counts

@dataclass
class Counts:
    """Lookups since the counts were last taken, by where they were answered."""
    memory_hits: int = 0
    disk_hits: int = 0
    misses: int = 0


# ## Memory

class MemoryLRU:
    """Entries by key, least recently used first, held to `limit` bytes of data. Not locked: the caller locks."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self._entries: OrderedDict[str, bytes] = OrderedDict()

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def get(self, key: str) -> bytes | None:
        data = self._entries.get(key)
        if data is not None:
            self._entries.move_to_end(key)
        return data

    def put(self, key: str, data: bytes) -> None:
        """Keep `data` as the most recently used entry, unless it alone is over the limit."""
        self.remove(key)
        if len(data) > self.limit:
            return
        self._entries[key] = data
        self.size += len(data)
        self.trim()

    def remove(self, key: str) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= len(old)

    def trim(self) -> None:
        while self.size > self.limit:
            _, old = self._entries.popitem(last=False)
            self.size -= len(old)

    def clear(self) -> None:
        self._entries.clear()
        self.size = 0


_lock = threading.Lock()
_memory = MemoryLRU(MEMORY_LIMIT)
_counts = Counts()


def memory_limit() -> int:
    return _memory.limit


def set_memory_limit(nbytes: int) -> None:
    """Hold the in-memory entries to `nbytes` from now on, dropping the least recently used now if past it."""
    with _lock:
        _memory.limit = nbytes
        _memory.trim()


def memory_size() -> int:
    """Bytes of object code held in memory."""
    return _memory.size


def clear_memory() -> None:
    with _lock:
        _memory.clear()


# ## Lookups

def get(key: str) -> bytes | None:
    """The object code stored under `key`: from memory, else from disk (then kept in memory), else None."""
    with _lock:
        data = _memory.get(key)
        if data is not None:
            _counts.memory_hits += 1
            return data
    data = code_cache.store().get(key)
    with _lock:
        if data is None:
            _counts.misses += 1
        else:
            _counts.disk_hits += 1
            _memory.put(key, data)
    return data


def put(key: str, data: bytes) -> None:
    """Keep `data` under `key` in memory, and on disk while the disk cache is enabled."""
    data = bytes(data)
    with _lock:
        _memory.put(key, data)
    code_cache.store().put(key, data)


def counts() -> Counts:
    """The tallies so far (a copy)."""
    with _lock:
        return replace(_counts)


def take_counts() -> Counts:
    """The tallies so far, which start again from zero."""
    global _counts
    with _lock:
        taken, _counts = _counts, Counts()
    return taken
