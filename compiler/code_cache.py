"""The compiled-code cache: what compiling a code definition produced, kept on disk for later processes.

Policy. Compiling one definition (parse, statement-form rewrite, numbering,
`compile()`) takes a few milliseconds, and every fresh worker compiles each
definition it is sent, the VM's own prelude included. What compiling
produced is kept here, so a later process loads it instead. As in numba's
cache, three concerns are kept apart:

- Where (the locator): one SQLite file in `PYFORA_CACHE_DIR`, else in the
  user cache directory platformdirs names for pyfora. Its name carries the
  schema version, so pyfora versions with different layouts never share a
  file. `set_path` points this process at another file.
- What (the serializer): for a tier-0 unit, the marshalled code object, its
  tables and its statement form (an AST, pickled). The statement form is
  unpickled on first use only: suspension and `PYFORA_DUMP=ir` read it,
  running code does not. The JIT's machine code (compiler/native_cache.py)
  goes in the same file under the kind "native".
- The format: one row per entry, keyed by a hash of the kind, the
  definition's content id, `sys.version`, the bytecode magic number and
  pyfora's version stamp (the size and modification time of each compiler
  module, which any release or edit changes: an editable install being
  worked on never runs stale statement form). Each row carries a digest of
  its key and data; a row that does not match it is a miss. Writes are
  `INSERT OR REPLACE` in WAL mode with a busy timeout, so processes share the
  file safely; a write that still finds it busy is dropped (the definition is
  compiled again next time). Past LIMIT bytes of data, the least recently
  used rows are deleted down to three quarters of it (a hit marks its row
  used, at most once per TOUCH_AFTER, so reading stays read-only).

Settings (`set_path`, `set_enabled`, `set_limit`; public as `pyfora.jit`'s
disk functions) belong to this process and cover the whole file, tier-0 and
native entries alike: a worker is another process, and shares only the file.

The cache never changes behaviour and never raises: a file that is not a
database, or whose pages are malformed, is deleted and made anew; any other
error (a locked or unwritable file) makes that lookup a miss and that store a
no-op.
"""
import hashlib
import importlib.util
import marshal
import os
import pickle
import sqlite3
import sys
import threading
import time
from pathlib import Path

from pyfora.config import cache_dir

from .tier0 import CompiledUnit

SCHEMA = 1
LIMIT = 256 << 20
"""Bytes of entry data the file may hold before least recently used entries go."""
TOUCH_AFTER = 3600.0
"""Seconds after which a hit records its use again."""
BUSY_TIMEOUT = 2.0
"""Seconds to wait for another process's write to end."""
_DAMAGED = {11, 26}   # SQLITE_CORRUPT, SQLITE_NOTADB: the file must be made anew
_PICKLE = pickle.HIGHEST_PROTOCOL


# ## Where

def database_path() -> Path:
    return cache_dir() / f"code-v{SCHEMA}.sqlite3"


_stamp: str | None = None


def version_stamp() -> str:
    """pyfora's version as far as compiled code goes: the size and mtime of each compiler module."""
    global _stamp
    if _stamp is None:
        parts = []
        for path in sorted(Path(__file__).parent.glob("*.py")):
            try:
                stat = path.stat()
            except OSError:   # removed since the listing: it is not part of this pyfora
                continue
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
        _stamp = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return _stamp


version_stamp()   # now, while the compiler modules on disk are the ones this process has just imported


def entry_key(kind: str, content_id: str) -> str:
    """The key of `kind`'s entry for the definition `content_id` under this Python and this pyfora."""
    parts = (kind, content_id, sys.version, importlib.util.MAGIC_NUMBER.hex(), version_stamp())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


# ## The format

class CodeStore:
    """One SQLite file of entries (opaque bytes by key), shared by every process that opens it."""

    def __init__(self, path: Path, limit: int = LIMIT):
        self.path = Path(path)
        self.limit = limit
        self.lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self.disabled = False

    def get(self, key: str) -> bytes | None:
        """The data stored under `key`, or None (absent, damaged, the file unusable, or the cache disabled)."""
        return self._guarded(self._get, key) if _enabled else None

    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`, then keep the file within its limit (nothing while the cache is disabled)."""
        if _enabled:
            self._guarded(self._put, key, data)

    def size(self) -> int:
        """Bytes of entry data in the file (0 where there is no file)."""
        if not self.path.exists():
            return 0
        return self._guarded(_size) or 0

    def clear(self) -> None:
        """Delete every entry, of every kind, and give the space back."""
        if self.path.exists():
            self._guarded(_clear)

    def set_limit(self, limit: int) -> None:
        """Hold the file to `limit` bytes of data from now on, deleting entries now if past it."""
        self.limit = limit
        if self.path.exists():
            self._guarded(self._trim)

    def close(self):
        with self.lock:
            self._close()

    def _guarded(self, operation, *args):
        """Run `operation` on the open database; a damaged file is made anew once, other errors are a miss."""
        with self.lock:
            for attempt in range(2):
                try:
                    db = self._connection()
                    return None if db is None else operation(db, *args)
                except sqlite3.Error as exc:
                    if attempt or not _is_damage(exc):
                        return None
                    self._rebuild()
            return None

    def _connection(self) -> sqlite3.Connection | None:
        if self.disabled:
            return None
        if self._db is None or self._pid != os.getpid():   # a connection must not cross a fork
            self._db = None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                self.disabled = True
                return None
            self._db = _open(self.path)
            self._pid = os.getpid()
        return self._db

    def _close(self):
        if self._db is not None and self._pid == os.getpid():
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def _rebuild(self):
        """Delete a damaged file (and its WAL) so that the next connection makes it anew."""
        self._close()
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError:
                self.disabled = True

    def _get(self, db: sqlite3.Connection, key: str) -> bytes | None:
        row = db.execute("SELECT data, digest, used FROM entries WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data, digest, used = row
        if digest != _digest(key, data):
            return None
        now = time.time()
        if now - used > TOUCH_AFTER:
            _write(db, "UPDATE entries SET used = ? WHERE key = ?", (now, key))
        return data

    def _put(self, db: sqlite3.Connection, key: str, data: bytes):
        _transaction(db, self._insert, key, data)

    def _insert(self, db: sqlite3.Connection, key: str, data: bytes):
        db.execute("INSERT OR REPLACE INTO entries (key, data, digest, size, used) VALUES (?, ?, ?, ?, ?)",
                   (key, data, _digest(key, data), len(data), time.time()))
        self._evict(db)

    def _trim(self, db: sqlite3.Connection):
        _transaction(db, self._evict)

    def _evict(self, db: sqlite3.Connection):
        """Delete least recently used entries down to 3/4 of the limit, once past it."""
        total = _size(db)
        if total <= self.limit:
            return
        excess, doomed = total - self.limit * 3 // 4, []
        for key, size in db.execute("SELECT key, size FROM entries ORDER BY used, rowid"):
            if excess <= 0:
                break
            doomed.append((key,))
            excess -= size
        db.executemany("DELETE FROM entries WHERE key = ?", doomed)


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
    try:
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")   # WAL stays consistent; only the last writes may be lost
        db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB NOT NULL, "
                   "digest BLOB NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL)")
        db.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")
    except BaseException:
        db.close()
        raise
    return db


def _transaction(db: sqlite3.Connection, body, *args):
    """Run `body(db, *args)` as one write, dropped when another process holds the file past the timeout."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return   # still busy after the timeout: the entry is compiled again, the trim waits for the next store
    try:
        body(db, *args)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _size(db: sqlite3.Connection) -> int:
    return db.execute("SELECT coalesce(sum(size), 0) FROM entries").fetchone()[0]


def _clear(db: sqlite3.Connection):
    db.execute("DELETE FROM entries")
    _write(db, "VACUUM", ())   # gives the pages back to the file system; another process reading may defer that


def _write(db: sqlite3.Connection, sql: str, args: tuple):
    """A write that is dropped when another process holds the file past the timeout."""
    try:
        db.execute(sql, args)
    except sqlite3.OperationalError:
        pass


def _digest(key: str, data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16, key=key.encode()[:64]).digest()


def _is_damage(exc: sqlite3.Error) -> bool:
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF in _DAMAGED


# ## Settings: this process's, for the whole file

_stores: dict[tuple[str, str | Path | None], CodeStore] = {}
_stores_lock = threading.Lock()
_path: Path | None = None
"""The file set_path chose, else None: database_path()."""
_limit = LIMIT
_enabled = True
"""False: every lookup is a miss and every store a no-op (size, clear and set_limit still act on the file)."""


def store() -> CodeStore:
    """This process's store for the current file (set_path's, else by the PYFORA_CACHE_DIR it was found for)."""
    where = ("path", _path) if _path is not None else ("env", os.environ.get("PYFORA_CACHE_DIR") or None)
    found = _stores.get(where)
    if found is None:
        with _stores_lock:
            found = _stores.get(where)
            if found is None:
                found = _stores[where] = CodeStore(_path or database_path(), _limit)
    return found


def path() -> Path:
    """The file this process's cache is in."""
    return _path or database_path()


def set_path(new: Path | None) -> None:
    """Keep the cache in the file `new` from now on (None: back to database_path())."""
    global _path
    with _stores_lock:
        _path = None if new is None else Path(new)


def enabled() -> bool:
    return _enabled


def set_enabled(flag: bool) -> None:
    global _enabled
    _enabled = flag


def limit() -> int:
    """Bytes of entry data the file may hold before least recently used entries go."""
    return _limit


def set_limit(nbytes: int) -> None:
    """Hold every file this process uses to `nbytes` bytes of entry data; the current one is trimmed now."""
    global _limit
    with _stores_lock:
        _limit = nbytes
        others = list(_stores.values())
    for each in others:
        each.limit = nbytes
    store().set_limit(nbytes)


def size() -> int:
    """Bytes of entry data in the current file, of every kind."""
    return store().size()


def clear() -> None:
    """Delete every entry of the current file, tier-0 units and native code alike."""
    store().clear()


# ## What: tier-0 units

TIER0 = "tier0"


class LoadedUnit(CompiledUnit):
    """A unit loaded from the cache: its statement form stays pickled until something reads it."""

    def __init__(self, code_def, code, tables, ir_data: bytes):
        self._ir_data = ir_data
        super().__init__(code_def, code, tables, None)

    @property
    def ir(self):
        if self._ir is None:
            self._ir = pickle.loads(self._ir_data)
        return self._ir

    @ir.setter
    def ir(self, node):
        self._ir = node


def dump_unit(unit: CompiledUnit) -> bytes | None:
    """The bytes of `unit` (None if some part of it does not pickle)."""
    try:
        return pickle.dumps((marshal.dumps(unit.code), unit.tables, pickle.dumps(unit.ir, _PICKLE)), _PICKLE)
    except Exception:
        return None


def load_unit(code_def, data: bytes) -> CompiledUnit | None:
    """The unit of `code_def` from its bytes (None if they do not load)."""
    try:
        code, tables, ir_data = pickle.loads(data)
        return LoadedUnit(code_def, marshal.loads(code), tables, ir_data)
    except Exception:
        return None


def cached_unit(code_id: str, code_def) -> CompiledUnit | None:
    """The unit an earlier process compiled from `code_def` (whose id is `code_id`), or None."""
    data = store().get(entry_key(TIER0, code_id))
    return None if data is None else load_unit(code_def, data)


def keep_unit(code_id: str, unit: CompiledUnit) -> None:
    """Keep `unit`, compiled from the definition `code_id`, for later processes."""
    data = dump_unit(unit)
    if data is not None:
        store().put(entry_key(TIER0, code_id), data)
