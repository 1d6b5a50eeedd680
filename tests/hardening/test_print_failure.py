"""A computation's `print` that the client cannot write (its stdout closed, a pipe whose reader is
gone) fails that computation with what the `print` raised, as CPython would; the executor goes on.
A stop request that comes after a computation ended leaves nothing behind for the next one."""
import signal
import subprocess
import sys
import textwrap

import pytest

from pyfora.compiler.image import CodeCache, build_image
from pyfora.compiler.program import ProgramImage
from pyfora.vm.run import Computation, Status

_CLIENT = textwrap.dedent("""
    import sys, pyfora

    def chatty(n):
        for i in range(n):
            print("line", i)
        return n

    def quiet(n):
        return n * 2

    if __name__ == "__main__":
        with pyfora.connect(workers=1) as ex:
            if sys.argv[1] == "close":
                sys.stdout.close()
            for round in range(4):
                try:
                    outcome = "returned %r" % (ex.submit(chatty, int(sys.argv[2])).result(timeout=60),)
                except Exception as exc:
                    outcome = "raised " + type(exc).__name__
                sys.stderr.write(outcome + "; then %r\\n" % (ex.submit(quiet, round).result(timeout=60),))
""")


def _client(tmp_path):
    path = tmp_path / "client.py"
    path.write_text(_CLIENT)
    return path


@pytest.mark.timeout(120)
def test_a_print_to_a_closed_stdout_fails_that_computation_and_the_next_runs(tmp_path):
    done = subprocess.run([sys.executable, str(_client(tmp_path)), "close", "1"],
                          capture_output=True, text=True, timeout=100)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"raised ValueError; then {2 * r}" for r in range(4)]


@pytest.mark.timeout(120)
def test_a_print_to_a_pipe_whose_reader_left_fails_with_broken_pipe(tmp_path):
    client = subprocess.Popen([sys.executable, str(_client(tmp_path)), "pipe", "200000"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert client.stdout.readline() == "line 0\n"
    client.stdout.close()       # as `| head -1` does
    err = client.stderr.read()
    assert client.wait(timeout=100) == 0, err
    assert err.splitlines() == [f"raised BrokenPipeError; then {2 * r}" for r in range(4)]


def twice(n):
    return n * 2


@pytest.fixture
def twice_image():
    image, _ = build_image(twice, (21,), {}, CodeCache())
    return ProgramImage.from_bytes(image.to_bytes())


@pytest.fixture
def signals():
    """The worker's SIGUSR1 handler, for computations run on this thread: `signals.append(c)`."""
    computations = []
    previous = signal.signal(signal.SIGUSR1,
                             lambda signum, frame: [c.suspender.on_signal(frame) for c in computations])
    yield computations
    signal.signal(signal.SIGUSR1, previous)
    sys.settrace(None)


@pytest.mark.timeout(60)
def test_a_stop_request_after_the_end_leaves_no_trace_for_the_next_computation(twice_image, signals):
    first = Computation()
    signals.append(first)
    assert first.run(twice_image).status is Status.DONE
    first.request_cancel()      # its signal lands here, after the computation ended
    assert sys.gettrace() is None
    assert Computation().run(twice_image).status is Status.DONE


@pytest.mark.timeout(60)
def test_a_stop_request_before_the_start_is_kept(twice_image, signals):
    computation = Computation()
    signals.append(computation)
    computation.request_cancel()
    assert computation.run(twice_image).status is Status.CANCELLED
