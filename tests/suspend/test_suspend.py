"""Suspend at a statement boundary, serialise, resume — and get exactly CPython's run."""
import contextlib
import io
import sys

import pytest

from programs import PROGRAMS

from pyfora.compiler import linker
from pyfora.compiler.image import CodeCache, build_image
from pyfora.compiler.program import ProgramImage
from pyfora.vm import suspend



def cpython(fn, args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            return ("value", fn(*args)), out.getvalue()
        except Exception as exc:
            return ("error", type(exc), str(exc)), out.getvalue()


def _outcome(thunk):
    try:
        return ("value", thunk()), None
    except suspend.Suspended as stop:
        linker.SUSPENDING.active = False
        return None, stop.continuation
    except Exception as exc:
        return ("error", type(exc), str(exc)), None


def suspending_run(fn, args, points):
    """Run `fn(*args)` in this process, suspending after each count of statements in `points`."""
    image, _ = build_image(fn, args, {}, CodeCache())
    (f, a, k), _, _ = linker.load(ProgramImage.from_bytes(image.to_bytes()))
    suspensions = 0
    out = io.StringIO()
    points = list(points)
    suspender = suspend.Suspender(suspend.ROOTS)
    with contextlib.redirect_stdout(out):
        try:
            if points:
                suspender.suspend_after(points.pop(0), sys._getframe())
            result, continuation = _outcome(lambda: suspend.start(f, a, k))
            while continuation is not None:
                suspensions += 1
                continuation = suspend.loads(suspend.dumps(continuation))
                if points:
                    suspender.suspend_after(points.pop(0), sys._getframe())
                result, continuation = _outcome(lambda: suspend.resume(continuation, suspender))
        finally:
            suspender.stop_tracing()
    return result, out.getvalue(), suspensions


@pytest.mark.parametrize("fn,args", PROGRAMS, ids=[fn.__name__ for fn, _ in PROGRAMS])
@pytest.mark.parametrize("points", [[0], [3], [17], [5, 5, 5, 5, 5, 5], [40, 1, 90]])
def test_suspend_resume_matches_cpython(fn, args, points):
    expected, expected_out = cpython(fn, args)
    result, out, suspensions = suspending_run(fn, args, points)
    assert result == expected
    assert out == expected_out
    assert suspensions >= 1 or points[0] > 0


@pytest.mark.parametrize("fn,args", PROGRAMS, ids=[fn.__name__ for fn, _ in PROGRAMS])
@pytest.mark.parametrize("step", [0, 2])
def test_suspend_at_every_chance(fn, args, step):
    """Suspend as often as possible: hundreds of suspensions, nothing run twice or skipped."""
    expected, expected_out = cpython(fn, args)
    result, out, suspensions = suspending_run(fn, args, [step] * 2000)
    assert (result, out) == (expected, expected_out)
    assert suspensions >= 3


def big_comprehension(n):
    x = 5
    ys = [x * 2 for x in range(n)]
    return x, len(ys)


@pytest.mark.skipif(sys.version_info < (3, 12), reason="sys.monitoring is 3.12+ (3.11 traces, and runs a "
                    "comprehension in a frame of its own, untraced)")
def test_pending_suspension_leaves_an_inlined_comprehension_untouched():
    """While a suspension waits for the next statement, a comprehension inlined into its function
    (PEP 709) runs with its line events disabled after the first, not one callback per item."""
    suspender = suspend.Suspender(suspend.ROOTS)
    calls = []
    on_line = suspender._on_line
    suspender._on_line = lambda code, line: calls.append(line) or on_line(code, line)
    image, _ = build_image(big_comprehension, (100_000,), {}, CodeCache())
    (f, a, k), _, _ = linker.load(ProgramImage.from_bytes(image.to_bytes()))
    try:
        suspender.suspend_after(10 ** 9, sys._getframe())    # pending all along, never reached
        assert suspend.start(f, a, k) == (5, 100_000)
    finally:
        suspender.stop_tracing()
    assert suspender.monitoring is False
    assert 0 < len(calls) < 100
