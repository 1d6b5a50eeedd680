"""Large numpy arrays travel beside the pickle, in memfds mapped copy-on-write (compiler/buffers.py,
vm/protocol.py): exact contents in and out, views that own nothing and can be written, aliasing kept;
no fd, mapping or /dev/shm entry is left behind, after many submits or when either side is killed."""
import gc
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

import pyfora
from pyfora.compiler import buffers
from pyfora.compiler.image import CodeCache, build_image
from pyfora.errors import WorkerCrashedError
from pyfora.vm import protocol

pytestmark = pytest.mark.timeout(120)

BIG = 2 * 10 ** 6   # float64 items: 16 MB, past buffers.THRESHOLD


def echo(value):
    return value


def described(a):
    return a.flags.writeable, a.flags.owndata, a.base is not None, a.shape, str(a.dtype)


def same_object(a, b):
    return a is b


def arange(n):
    return np.arange(n, dtype=np.float64)


def total(a):
    s = 0.0
    for x in a:
        s += x
    return s


def spin_over(a):
    n = 0
    while n >= 0:
        n += 1
    return a


def arrays():
    rng = np.random.default_rng(0)
    return {
        "float64": rng.random(BIG),
        "int32 2-D": rng.integers(-2 ** 31, 2 ** 31, size=(1000, 1500), dtype=np.int32),
        "Fortran order": np.asfortranarray(rng.random((1200, 700))),
        "bool": rng.random(BIG) < 0.5,
        "complex128": rng.random(BIG) + 1j * rng.random(BIG),
        "strided view": rng.random((4000, 600))[:, ::3],
        "structured": np.zeros(BIG // 2, dtype=[("a", "f8"), ("b", "i4")]),
        "NaN and infinities": np.array([np.nan, np.inf, -np.inf, -0.0] * (BIG // 4)),
    }


def exactly_equal(a, b) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def fds_of(pid) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def memfds_of(pid) -> list:
    """The fds of process `pid` that are memfds of pyfora's."""
    links = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            links.append(os.readlink(f"/proc/{pid}/fd/{fd}"))
        except FileNotFoundError:
            pass
    return [link for link in links if link.startswith("/memfd:pyfora-")]


def memfd_mappings(pid) -> list:
    with open(f"/proc/{pid}/maps") as maps:
        return [line for line in maps if "memfd:pyfora-" in line]


def gone(pid) -> bool:
    """Whether process `pid` has ended (a zombie no one has reaped yet counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def settled(check, timeout: float = 10.0):
    """Wait until `check()` is true (what a worker closes after a reply happens a moment later)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


# ## Contents, views, aliasing

@pytest.mark.parametrize("name", list(arrays()))
def test_large_array_goes_and_comes_back_exactly(executor, name):
    array = arrays()[name]
    back = executor.submit(echo, array).result(timeout=60)
    assert exactly_equal(back, np.ascontiguousarray(array) if name == "strided view" else array)
    if name == "Fortran order":
        assert back.flags.f_contiguous


def test_large_argument_arrives_as_a_writable_view(executor):
    """As README says: a view of the buffer it travelled in (here a private mapping of it)."""
    writeable, owndata, has_base, shape, dtype = executor.submit(described, arrays()["float64"]).result(timeout=60)
    assert (writeable, owndata, has_base, tuple(shape), dtype) == (True, False, True, (BIG,), "float64")


def test_large_result_is_a_writable_view_of_its_own(executor):
    back = executor.submit(arange, BIG).result(timeout=60)
    assert exactly_equal(back, np.arange(BIG, dtype=np.float64))
    assert back.flags.writeable and not back.flags.owndata
    back[:10] = -1.0
    again = executor.submit(arange, BIG).result(timeout=60)
    assert again[0] == 0.0 and back[0] == -1.0


def test_client_array_is_never_written_through(executor):
    array = arrays()["float64"]
    kept = array.copy()
    back = executor.submit(echo, array).result(timeout=60)
    back[:] = 0.0
    assert exactly_equal(array, kept)


def test_large_array_keeps_its_aliases(executor):
    array = arrays()["float64"]
    assert executor.submit(same_object, array, array).result(timeout=60) is True
    first, second = executor.submit(echo, (array, [array])).result(timeout=60)
    assert second[0] is first
    assert exactly_equal(first, array)


def test_loop_over_large_argument_gives_cpython_answer(executor):
    array = arrays()["float64"]
    assert executor.submit(total, array).result(timeout=60) == total(array)


def test_large_array_deep_inside_a_deep_list(executor):
    array = arrays()["float64"]
    value = [array]
    for _ in range(20_000):
        value = [value]
    back = executor.submit(echo, value).result(timeout=120)
    for _ in range(20_000):
        back = back[0]
    assert exactly_equal(back[0], array)


def test_in_process_arrays_are_copies_in_and_the_result_out():
    array = arrays()["float64"]
    with pyfora.connect(workers=0) as ex:
        assert ex.submit(described, array).result()[:3] == (True, False, True)
        back = ex.submit(echo, array).result()
        assert exactly_equal(back, array) and back.flags.writeable
        back[:] = 1.0
        assert not exactly_equal(back, array)
        assert exactly_equal(ex.submit(arange, BIG).result(), np.arange(BIG, dtype=np.float64))


# ## What goes out of band

def test_only_large_arrays_leave_the_pickle():
    cache = CodeCache()
    small = np.arange(1000.0)
    image, _ = build_image(echo, ([small, small],), {}, cache)
    assert buffers.buffers_of(image.graph) == ()
    large = np.arange(float(BIG))
    image, _ = build_image(echo, ([large, large, np.array([large], dtype=object)],), {}, cache)
    assert len(buffers.buffers_of(image.graph)) == 1   # once though met twice; object arrays in band


def test_memory_that_cannot_be_mapped_is_a_clear_error_where_used():
    (error,) = protocol.receive_buffers([[os.getpid(), 10 ** 6, 10, "pyfora-nothing"]])
    assert isinstance(error, OSError) and "could not map the shared memory" in str(error)
    with buffers.receiving([error]):
        with pytest.raises(OSError, match="could not map"):
            buffers.incoming_array(0, np.frombuffer, ())


def test_without_memfd_buffers_travel_in_the_message(executor, monkeypatch):
    def no_memfd(*args):
        raise OSError(38, "Function not implemented")
    monkeypatch.setattr(os, "memfd_create", no_memfd)
    array = arrays()["float64"]
    references, fds = protocol.share_buffers([pickle.PickleBuffer(array)])
    assert fds == [] and isinstance(references[0], bytes)
    assert exactly_equal(executor.submit(echo, array).result(timeout=60), array)


# ## Nothing left behind

def test_many_submits_leave_no_fd_mapping_or_shm_entry(executor):
    worker = executor._pool.workers[0].process.pid
    array = arrays()["float64"]
    executor.submit(echo, array).result(timeout=60)
    gc.collect()
    shm = sorted(os.listdir("/dev/shm"))
    client_fds, worker_fds = fds_of(os.getpid()), fds_of(worker)
    for _ in range(30):
        back = executor.submit(echo, array).result(timeout=60)
        assert exactly_equal(back, array)
        del back
    gc.collect()
    assert fds_of(os.getpid()) == client_fds
    assert memfds_of(os.getpid()) == [] and memfd_mappings(os.getpid()) == []
    assert settled(lambda: fds_of(worker) == worker_fds and memfds_of(worker) == [] and memfd_mappings(worker) == [])
    assert sorted(os.listdir("/dev/shm")) == shm


def test_result_held_by_the_client_holds_no_fd(executor):
    client_fds = fds_of(os.getpid())
    kept = [executor.submit(arange, BIG).result(timeout=60) for _ in range(5)]
    assert fds_of(os.getpid()) == client_fds
    assert len(memfd_mappings(os.getpid())) == 5
    del kept
    gc.collect()
    assert memfd_mappings(os.getpid()) == []


def test_killed_worker_leaves_no_fd_behind():
    with pyfora.connect(workers=1) as ex:
        future = ex.submit(spin_over, np.random.default_rng(0).random(10 ** 7))
        while not future.running():
            time.sleep(0.01)
        time.sleep(0.3)
        worker = ex._pool.workers[0].process.pid
        assert len(memfd_mappings(worker)) == 1
        assert len(memfds_of(os.getpid())) == 1     # kept open while the task runs
        os.kill(worker, signal.SIGKILL)
        with pytest.raises(WorkerCrashedError):
            future.result(timeout=60)
        assert settled(lambda: gone(worker))
        assert ex.submit(echo, 2).result(timeout=60) == 2
        assert memfds_of(os.getpid()) == []


CLIENT = textwrap.dedent("""
    import sys, time
    import numpy as np
    import pyfora

    def spin_over(a):
        n = 0
        while n >= 0:
            n += 1
        return a

    ex = pyfora.connect(workers=1)
    future = ex.submit(spin_over, np.random.default_rng(0).random(10 ** 7))
    while not future.running():
        time.sleep(0.01)
    print(ex._pool.workers[0].process.pid, flush=True)
    time.sleep(600)
""")


def test_killed_client_leaves_no_process_fd_or_shm_entry(tmp_path):
    shm = sorted(os.listdir("/dev/shm"))
    script = tmp_path / "client.py"
    script.write_text(CLIENT)
    client = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(client.stdout.readline())
        assert settled(lambda: len(memfd_mappings(worker)) == 1)
        client.send_signal(signal.SIGKILL)
        client.wait(timeout=30)
        assert settled(lambda: gone(worker))
    finally:
        client.kill()
        client.stdout.close()
    assert sorted(os.listdir("/dev/shm")) == shm
