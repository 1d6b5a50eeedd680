"""Workers never outlive their client.

Policy: a worker ends soon after its client process does, however the client
ends (SIGKILL, SIGTERM, or falling off the end of its script without closing
its executor), even while the worker is busy with a computation; nobody could
take the result. Each test runs a client in a subprocess whose one worker is
spinning in a pure-Python loop, ends the client, and checks that the worker
is gone within GRACE seconds. The workers are the client's children, not
ours, so they are watched through /proc and never reaped here; any still
running after a test are killed, so a failing test leaves nothing spinning.
"""
import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.timeout(60)

GRACE = 2.0
"""Seconds a worker gets to end once its client has."""

_BUSY_MODULE = """
def spin():
    print("busy")
    x = 0
    while True:
        x += 1
"""

# The client prints its worker pids, submits `spin` and waits for a line on stdin:
# a test either kills it there or sends the line so that it falls off the end.
_CLIENT = """
import sys
import pyfora
from lifetime_busy import spin
ex = pyfora.connect(workers=1)
print(*(w.process.pid for w in ex._pool.workers))
future = ex.submit(spin)
sys.stdin.readline()
"""


def _alive(pid: int) -> bool:
    """Whether `pid` still runs; a zombie has ended (whoever is its parent reaps it)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def _left_after(pids: list[int], seconds: float) -> list[int]:
    """The pids still running after up to `seconds` of waiting for them to end."""
    deadline = time.monotonic() + seconds
    while any(map(_alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.02)
    return [pid for pid in pids if _alive(pid)]


def _kill_leftovers(pids: list[int]):
    for pid in filter(_alive, pids):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.fixture
def busy_client(tmp_path):
    """A client whose worker is running `spin`, and the worker pids."""
    (tmp_path / "lifetime_busy.py").write_text(_BUSY_MODULE)
    path = os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))
    client = subprocess.Popen([sys.executable, "-u", "-c", _CLIENT], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": path})
    pids: list[int] = []
    try:
        pids += map(int, client.stdout.readline().split())
        # The worker's print reaches the client's stdout only once `spin` is running.
        assert client.stdout.readline() == "busy\n"
        assert pids and all(map(_alive, pids))
        yield client, pids
    finally:
        client.kill()
        client.wait()
        _kill_leftovers(pids)
        client.stdin.close()
        client.stdout.close()


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_client_leaves_no_busy_worker(busy_client, signum):
    client, pids = busy_client
    client.send_signal(signum)
    assert client.wait(timeout=10) == -signum
    assert _left_after(pids, GRACE) == []


def test_client_ending_without_close_leaves_no_busy_worker(busy_client):
    client, pids = busy_client
    client.stdin.write("\n")
    client.stdin.flush()
    assert client.wait(timeout=30) == 0
    assert _left_after(pids, GRACE) == []
