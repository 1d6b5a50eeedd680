"""The native-code cache (compiler/native_cache.py) and its public API (pyfora.jit): the memory LRU keeps
bytes by recency within its limit, lookups are counted by where they were answered, the disk settings
govern the one compiled-code file, keys change with every input, threads and processes share the cache,
and a damaged file is a miss, never an error.

Every test has a cache directory of its own and starts from the default settings.
"""
import os
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pytest

import pyfora
from pyfora import jit
from pyfora.compiler import code_cache, native_cache


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PYFORA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(code_cache, "_stores", {})
    monkeypatch.setattr(code_cache, "_path", None)
    monkeypatch.setattr(code_cache, "_enabled", True)
    monkeypatch.setattr(code_cache, "_limit", code_cache.LIMIT)
    monkeypatch.setattr(native_cache, "_memory", native_cache.MemoryLRU(native_cache.MEMORY_LIMIT))
    monkeypatch.setattr(native_cache, "_counts", native_cache.Counts())
    yield tmp_path / "cache"
    for store in code_cache._stores.values():
        store.close()


def blob(tag: int, size: int = 1000) -> bytes:
    return bytes([tag % 256]) * size


# ## Memory

def test_memory_keeps_the_most_recently_used_within_its_limit():
    jit.set_disk_enabled(False)
    jit.set_memory_limit(3000)
    for name in "abc":
        native_cache.put(name, blob(ord(name)))
    assert native_cache.get("a") == blob(ord("a"))   # a is now the most recently used: b goes next
    native_cache.put("d", blob(ord("d")))
    assert [name in native_cache._memory for name in "abcd"] == [True, False, True, True]
    assert jit.memory_size() == 3000


def test_memory_entry_over_the_limit_is_not_kept_but_reaches_disk():
    jit.set_memory_limit(1500)
    native_cache.put("kept", blob(0, 500))
    native_cache.put("big", blob(1, 1000))
    native_cache.put("big", blob(2, 1501))   # replaced by an entry too big: the old one goes, the others stay
    assert jit.memory_size() == 500 and "big" not in native_cache._memory and "kept" in native_cache._memory
    assert native_cache.get("big") == blob(2, 1501)
    assert native_cache.take_counts() == native_cache.Counts(disk_hits=1)


def test_lowering_the_memory_limit_drops_the_least_recently_used_now():
    for i in range(5):
        native_cache.put(f"k{i}", blob(i))
    jit.set_memory_limit(2500)
    assert jit.get_memory_limit() == 2500
    assert jit.memory_size() == 2000
    assert [f"k{i}" in native_cache._memory for i in range(5)] == [False, False, False, True, True]


def test_clear_memory_leaves_the_disk_copy():
    native_cache.put("k", blob(7))
    jit.clear_memory()
    assert jit.memory_size() == 0
    assert native_cache.get("k") == blob(7)
    assert native_cache.counts().disk_hits == 1


# ## Counts

def test_lookups_count_memory_hits_disk_hits_and_misses():
    native_cache.put("k", blob(1))
    assert native_cache.get("k") == blob(1)        # memory
    jit.clear_memory()
    assert native_cache.get("k") == blob(1)        # disk, then promoted
    assert native_cache.get("k") == blob(1)        # memory
    assert native_cache.get("absent") is None
    assert native_cache.counts() == native_cache.Counts(memory_hits=2, disk_hits=1, misses=1)
    assert native_cache.take_counts() == native_cache.Counts(memory_hits=2, disk_hits=1, misses=1)
    assert native_cache.counts() == native_cache.Counts()


def test_counts_are_a_copy():
    snapshot = native_cache.counts()
    native_cache.get("absent")
    assert snapshot.misses == 0 and native_cache.counts().misses == 1


# ## Disk settings

def test_disabled_disk_writes_nothing(fresh_cache):
    assert jit.disk_enabled()
    jit.set_disk_enabled(False)
    assert not jit.disk_enabled()
    native_cache.put("k", blob(1))
    code_cache.store().put("tier0-entry", b"data")
    assert not jit.get_disk_path().exists() and not fresh_cache.exists()
    jit.clear_memory()
    assert native_cache.get("k") is None
    assert native_cache.counts().misses == 1
    assert jit.disk_size() == 0


def test_disabling_hides_what_is_on_disk_and_enabling_shows_it_again():
    native_cache.put("k", blob(1))
    jit.clear_memory()
    jit.set_disk_enabled(False)
    assert native_cache.get("k") is None
    jit.set_disk_enabled(True)
    assert native_cache.get("k") == blob(1)


def test_disk_path_moves_the_whole_cache(tmp_path, fresh_cache):
    assert jit.get_disk_path() == code_cache.database_path() and jit.get_disk_path().parent == fresh_cache
    first, second = tmp_path / "first.sqlite3", str(tmp_path / "second.sqlite3")
    jit.set_disk_path(first)
    native_cache.put("k", blob(1))
    code_cache.store().put("tier0-entry", b"data")
    assert jit.get_disk_path() == first and first.exists() and not fresh_cache.exists()
    jit.set_disk_path(second)
    jit.clear_memory()
    assert native_cache.get("k") is None and code_cache.store().get("tier0-entry") is None
    native_cache.put("k2", blob(2))
    jit.set_disk_path(first)
    jit.clear_memory()
    assert native_cache.get("k") == blob(1) and native_cache.get("k2") is None
    jit.set_disk_path(None)
    assert jit.get_disk_path() == code_cache.database_path()


def test_disk_size_and_limit_count_entry_bytes():
    for i in range(10):
        native_cache.put(f"k{i}", blob(i))
    code_cache.store().put("tier0-entry", bytes(500))
    assert jit.disk_size() == 10_500
    assert jit.get_disk_limit() == code_cache.LIMIT
    jit.set_disk_limit(4000)
    assert jit.get_disk_limit() == 4000 and code_cache.store().limit == 4000
    assert jit.disk_size() <= 3000   # past the limit: down to three quarters of it
    native_cache.put("late", blob(99, 3500))
    assert jit.disk_size() <= 4000


def test_clear_disk_deletes_every_entry_and_keeps_memory():
    native_cache.put("k", blob(1))
    code_cache.store().put("tier0-entry", b"data")
    jit.clear_disk()
    assert jit.disk_size() == 0
    assert code_cache.store().get("tier0-entry") is None
    assert native_cache.get("k") == blob(1)   # still in memory
    jit.clear_memory()
    assert native_cache.get("k") is None
    native_cache.put("k", blob(2))
    jit.clear_memory()
    assert native_cache.get("k") == blob(2)


@pytest.mark.parametrize("setter", [jit.set_memory_limit, jit.set_disk_limit])
@pytest.mark.parametrize("value, error", [(-1, ValueError), (1.5, TypeError), ("10", TypeError),
                                          (True, TypeError), (None, TypeError)])
def test_limits_refuse_what_is_not_a_byte_count(setter, value, error):
    before = (jit.get_memory_limit(), jit.get_disk_limit())
    with pytest.raises(error, match="bytes"):
        setter(value)
    assert (jit.get_memory_limit(), jit.get_disk_limit()) == before


def test_limits_take_any_integer():
    jit.set_memory_limit(np.int64(5000))
    jit.set_disk_limit(0)
    assert jit.get_memory_limit() == 5000 and type(jit.get_memory_limit()) is int
    assert jit.get_disk_limit() == 0


def test_disk_switches_refuse_bad_values(tmp_path):
    with pytest.raises(TypeError, match="True or False"):
        jit.set_disk_enabled(1)
    with pytest.raises(TypeError, match="str or a path"):
        jit.set_disk_path(3)
    with pytest.raises(ValueError, match="not a directory"):
        jit.set_disk_path(tmp_path)
    assert jit.disk_enabled() and jit.get_disk_path() == code_cache.database_path()


def test_jit_is_reached_from_a_plain_import_without_importing_it_early():
    probe = ("import sys, pyfora\n"
             "assert 'pyfora.jit' not in sys.modules and 'llvmlite' not in sys.modules\n"
             "pyfora.jit.set_memory_limit(123)\n"
             "assert pyfora.jit.get_memory_limit() == 123 and 'jit' in dir(pyfora)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert pyfora.jit is jit


# ## Keys

def test_key_changes_with_each_input(monkeypatch):
    base = native_cache.native_key("digest", ("i64", "f64"), b"\x01")
    assert native_cache.native_key("digest", ("i64", "f64"), b"\x01") == base
    others = [native_cache.native_key("digest2", ("i64", "f64"), b"\x01"),
              native_cache.native_key("digest", ("f64", "i64"), b"\x01"),
              native_cache.native_key("digest", "('i64', 'f64')", b"\x01"),
              native_cache.native_key("digest", ("i64", "f64"), b"\x02"),
              native_cache.native_key("digest", ("i64", "f64"), b"")]
    assert len({base, *others}) == 6
    for name, other in [(native_cache, "_host"), (code_cache, "_stamp"), (sys, "version")]:
        with monkeypatch.context() as m:
            m.setattr(name, other, "something else")
            assert native_cache.native_key("digest", ("i64", "f64"), b"\x01") != base


def test_host_stamp_names_llvm_the_target_and_the_cpu():
    import llvmlite
    import llvmlite.binding as llvm
    stamp = native_cache.host_stamp().split("\0")
    assert stamp[0] == llvmlite.__version__ and stamp[2] == llvm.get_process_triple()
    assert stamp[3] == llvm.get_host_cpu_name() and stamp[4] == llvm.get_host_cpu_features().flatten()


def test_key_refuses_inputs_it_cannot_hash_stably():
    with pytest.raises(TypeError, match="signature"):
        native_cache.native_key("digest", ["i64"], b"")
    with pytest.raises(TypeError, match="baked"):
        native_cache.native_key("digest", (), "not bytes")


# ## Damage

def _damaged(path, how):
    code_cache.store().close()   # the last connection folds the WAL into the file
    if how == "garbage":
        path.write_bytes(os.urandom(path.stat().st_size))
    else:
        with open(path, "r+b") as f:
            f.truncate(path.stat().st_size // 3)


@pytest.mark.parametrize("how", ["garbage", "truncated"])
def test_damaged_file_is_a_miss_and_made_anew(how):
    for i in range(20):
        native_cache.put(f"k{i}", blob(i, 5000))
    _damaged(jit.get_disk_path(), how)
    jit.clear_memory()
    assert native_cache.get("k19") is None
    assert native_cache.counts().misses == 1
    native_cache.put("k19", blob(1))
    jit.clear_memory()
    assert native_cache.get("k19") == blob(1)
    assert jit.disk_size() == 1000


# ## Threads and processes

def test_threads_sharing_the_cache_lose_nothing():
    jit.set_memory_limit(20_000)   # 20 of the 240 entries: memory evicts all along
    failures = []

    def work(tag):
        try:
            for i in range(30):
                native_cache.put(f"{tag}-{i}", blob(tag * 31 + i))
                assert native_cache.get(f"{tag}-{i}") == blob(tag * 31 + i)
        except BaseException as exc:
            failures.append(exc)
    threads = [threading.Thread(target=work, args=(tag,)) for tag in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert jit.memory_size() <= 20_000
    for tag in range(8):
        for i in range(30):
            assert native_cache.get(f"{tag}-{i}") == blob(tag * 31 + i)
    tally = native_cache.counts()
    assert tally.memory_hits + tally.disk_hits == 2 * 240 and tally.misses == 0


_WRITER = textwrap.dedent("""
    import sys
    from pyfora import jit
    from pyfora.compiler import native_cache
    jit.set_disk_path(sys.argv[1])
    for i in range(int(sys.argv[3])):
        native_cache.put(f"{sys.argv[2]}-{i}", sys.argv[2].encode() * 2000)
""")


def test_processes_writing_one_file_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.sqlite3"
    count = 40
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name, str(count)], stderr=subprocess.PIPE)
               for name in ("a", "b", "c")]
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err.decode()
    jit.set_disk_path(path)
    for name in ("a", "b", "c"):
        for i in range(count):
            assert native_cache.get(f"{name}-{i}") == name.encode() * 2000
    assert native_cache.counts().disk_hits == 3 * count
