"""More suspend/resume programs: value and printed output must match CPython's run."""
import pytest

from programs_more import PROGRAMS_MORE
from test_suspend import cpython, suspending_run

SCHEDULES = [[0], [1] * 500, [2] * 500, [7] * 200, [3, 50, 1, 200]]


@pytest.mark.parametrize("fn,args", PROGRAMS_MORE, ids=[fn.__name__ for fn, _ in PROGRAMS_MORE])
@pytest.mark.parametrize("points", SCHEDULES, ids=["0", "1x500", "2x500", "7x200", "3-50-1-200"])
def test_more_matches_cpython(fn, args, points):
    expected, expected_out = cpython(fn, args)
    result, out, suspensions = suspending_run(fn, args, points)
    assert (result, out) == (expected, expected_out)
    assert suspensions >= 1
