"""The compiled-code cache (compiler/code_cache.py): hits give back what compiling gave, keys change with
Python and pyfora, a damaged file is made anew, processes share the file, and the size limit holds.

Every test points PYFORA_CACHE_DIR at a directory of its own (tests/conftest.py keeps the suite off the
user's cache as well).
"""
import ast
import os
import sqlite3
import subprocess
import sys
import textwrap
import types

import pytest

from pyfora.compiler import code_cache, linker
from pyfora.compiler.program import CodeDef
from pyfora.compiler.source import source_text
from pyfora.compiler.tier0 import compile_code_def


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PYFORA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return [steps, sorted([n, steps])]


def code_def_of(fn, qualname=None) -> CodeDef:
    text = source_text(fn.__code__)
    return CodeDef(text.filename, text.text, text.line, text.col, qualname or fn.__qualname__, (), None, (), ())


def run_unit(unit, *args):
    namespace = linker.new_namespace(__name__)
    return types.FunctionType(unit.code, namespace, "f")(*args)


def colliding_sets():
    s = {-1, -2, 0, 1}
    t = {0, 8, 16, 1}
    return [*s], [*t], [x for x in {-2, -1}], [*{16, 8, 0}], 8 in {0, 8, 16}


# ## Hits and misses

def test_stored_unit_comes_back_as_compiled():
    code_def = code_def_of(collatz_steps)
    unit = compile_code_def(code_def)
    assert code_cache.cached_unit(code_def.id, code_def) is None
    code_cache.keep_unit(code_def.id, unit)
    loaded = code_cache.cached_unit(code_def.id, code_def)
    assert loaded is not None and loaded is not unit
    assert loaded.code == unit.code and loaded.code.co_filename == unit.code.co_filename
    assert loaded.tables == unit.tables
    assert run_unit(loaded, 27) == run_unit(unit, 27) == collatz_steps(27)


def test_sets_of_constants_keep_cpythons_order_through_the_cache():
    """Marshal sorts a frozenset constant's elements; where hashes collide (-1 and -2 both hash to -2)
    the set read back iterates in another order than the one compiled from source
    (compiler/set_displays.py)."""
    code_def = code_def_of(colliding_sets)
    code_cache.keep_unit(code_def.id, compile_code_def(code_def))
    loaded = code_cache.cached_unit(code_def.id, code_def)
    assert run_unit(loaded) == colliding_sets()


def test_statement_form_is_unpickled_on_first_use():
    code_def = code_def_of(collatz_steps)
    unit = compile_code_def(code_def)
    code_cache.keep_unit(code_def.id, unit)
    loaded = code_cache.cached_unit(code_def.id, code_def)
    assert loaded._ir is None
    assert ast.dump(loaded.ir, include_attributes=True) == ast.dump(unit.ir, include_attributes=True)
    assert loaded.format_ir() == unit.format_ir()


def test_other_definition_misses():
    code_def = code_def_of(collatz_steps)
    code_cache.keep_unit(code_def.id, compile_code_def(code_def))
    other = code_def_of(collatz_steps, qualname="renamed")
    assert other.id != code_def.id
    assert code_cache.cached_unit(other.id, other) is None


def test_linker_loads_from_the_cache_instead_of_compiling(monkeypatch):
    code_def = code_def_of(collatz_steps, qualname="collatz_for_the_linker")
    code_cache.keep_unit(code_def.id, compile_code_def(code_def))

    def refuse(*args, **kwargs):
        raise AssertionError("compiled although the cache holds the unit")
    monkeypatch.setattr(linker, "compile_code_def", refuse)
    monkeypatch.setattr(linker, "_COMPILED", {})
    monkeypatch.setattr(linker, "UNITS", {})
    unit = linker.compiled(code_def)
    assert run_unit(unit, 6) == collatz_steps(6)


# ## Keys

def test_key_changes_with_python_magic_and_pyfora(monkeypatch):
    base = code_cache.entry_key(code_cache.TIER0, "abc")
    assert code_cache.entry_key(code_cache.TIER0, "abc") == base
    assert code_cache.entry_key(code_cache.TIER0, "abd") != base
    assert code_cache.entry_key("jit", "abc") != base
    with monkeypatch.context() as m:
        m.setattr(sys, "version", sys.version + " (another build)")
        assert code_cache.entry_key(code_cache.TIER0, "abc") != base
    with monkeypatch.context() as m:
        m.setattr(code_cache.importlib.util, "MAGIC_NUMBER", b"\x00\x00\r\n")
        assert code_cache.entry_key(code_cache.TIER0, "abc") != base
    with monkeypatch.context() as m:
        m.setattr(code_cache, "_stamp", "another pyfora")
        assert code_cache.entry_key(code_cache.TIER0, "abc") != base


def test_entry_of_another_pyfora_is_a_miss(monkeypatch):
    code_def = code_def_of(collatz_steps)
    code_cache.keep_unit(code_def.id, compile_code_def(code_def))
    monkeypatch.setattr(code_cache, "_stamp", "another pyfora")
    assert code_cache.cached_unit(code_def.id, code_def) is None


def test_version_stamp_follows_the_compiler_modules(tmp_path, monkeypatch):
    stamp = code_cache.version_stamp()
    assert stamp == code_cache.version_stamp()
    module = tmp_path / "compiler_copy"
    module.mkdir()
    (module / "anf.py").write_text("x = 1\n")
    monkeypatch.setattr(code_cache, "__file__", str(module / "code_cache.py"))
    monkeypatch.setattr(code_cache, "_stamp", None)
    first = code_cache.version_stamp()
    assert first != stamp
    monkeypatch.setattr(code_cache, "_stamp", None)
    (module / "anf.py").write_text("x = 22\n")
    assert code_cache.version_stamp() != first


# ## Where

def test_cache_dir_follows_pyfora_cache_dir(cache_dir):
    assert code_cache.database_path().parent == cache_dir
    code_cache.store().put("k", b"data")
    assert code_cache.database_path().exists()
    assert code_cache.store().get("k") == b"data"


def test_default_cache_dir_is_the_user_cache_dir(monkeypatch):
    import platformdirs
    monkeypatch.delenv("PYFORA_CACHE_DIR")
    assert str(code_cache.database_path().parent) == platformdirs.user_cache_dir("pyfora", appauthor=False)


def test_unusable_directory_is_a_miss_and_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("PYFORA_CACHE_DIR", str(blocker / "cache"))
    store = code_cache.store()
    store.put("k", b"data")
    assert store.get("k") is None


# ## Damage

def test_file_that_is_not_a_database_is_made_anew(cache_dir):
    cache_dir.mkdir()
    path = code_cache.database_path()
    path.write_bytes(os.urandom(8192))
    store = code_cache.CodeStore(path)
    assert store.get("k") is None
    store.put("k", b"data")
    assert store.get("k") == b"data"
    assert code_cache.CodeStore(path).get("k") == b"data"


def test_file_damaged_while_open_is_made_anew(cache_dir):
    store = code_cache.CodeStore(code_cache.database_path())
    store.put("k", b"data")
    store.close()
    with open(store.path, "r+b") as f:
        f.write(os.urandom(100))   # the header: no longer a database
    assert store.get("k") is None
    store.put("k", b"again")
    assert store.get("k") == b"again"


def test_row_that_does_not_match_its_digest_is_a_miss(cache_dir):
    store = code_cache.CodeStore(code_cache.database_path())
    store.put("k", b"data")
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE entries SET data = ? WHERE key = 'k'", (b"dada",))
    assert store.get("k") is None


def test_entry_that_does_not_load_is_a_miss():
    code_def = code_def_of(collatz_steps)
    code_cache.store().put(code_cache.entry_key(code_cache.TIER0, code_def.id), b"not a pickle")
    assert code_cache.cached_unit(code_def.id, code_def) is None


# ## Several processes

_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from pyfora.compiler.code_cache import CodeStore
    store = CodeStore(Path(sys.argv[1]))
    for i in range(int(sys.argv[3])):
        store.put(f"{sys.argv[2]}-{i}", sys.argv[2].encode() * 1000)
        assert store.get(f"{sys.argv[2]}-{i}") is not None
""")


def test_processes_writing_at_once_lose_nothing(cache_dir):
    cache_dir.mkdir()
    path = code_cache.database_path()
    count = 150
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name, str(count)], stderr=subprocess.PIPE)
               for name in ("a", "b", "c")]
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err.decode()
    store = code_cache.CodeStore(path)
    for name in ("a", "b", "c"):
        for i in range(count):
            assert store.get(f"{name}-{i}") == name.encode() * 1000


# ## Size limit

def test_least_recently_used_entries_go_past_the_limit(cache_dir, monkeypatch):
    clock = iter(range(1_000_000))
    now = [0.0]

    def tick():
        now[0] = float(next(clock)) * code_cache.TOUCH_AFTER * 2   # each use counts as a new use
        return now[0]
    monkeypatch.setattr(code_cache.time, "time", tick)
    store = code_cache.CodeStore(code_cache.database_path(), limit=10_000)
    for i in range(9):
        store.put(f"k{i}", bytes(1000))
    assert store.get("k0") is not None   # k0 is now the most recently used
    store.put("k9", bytes(1000))
    store.put("k10", bytes(1000))         # 11,000 bytes: the four least recently used go (7,000 left)
    kept = {f"k{i}" for i in range(11) if store.get(f"k{i}") is not None}
    assert kept == {"k0", "k5", "k6", "k7", "k8", "k9", "k10"}
