"""What came from outside a computation stays refused to mutation after it is suspended, written to
bytes and resumed (the continuation carries linker.FOREIGN), and what it made stays its own."""
import pytest

from pyfora import PythonToForaConversionError

from test_suspend import suspending_run


def late_mutation(grid, n):
    total = 0
    for i in range(n):
        total += i
    grid[0].append(total)
    return grid


def made_then_mutated(n):
    rows = [[i] for i in range(3)]
    total = 0
    for i in range(n):
        total += i
    rows[0].append(total)
    return rows


@pytest.mark.parametrize("points", [[0], [5, 5, 5], [20, 1, 30]])
def test_an_argument_stays_foreign_across_suspensions(points):
    result, _, suspensions = suspending_run(late_mutation, ([[1]], 40), points)
    assert suspensions >= 1
    assert result[:2] == ("error", PythonToForaConversionError)
    assert "`grid[0].append()` mutates a `list` value that came from outside the computation" in result[2]


@pytest.mark.parametrize("points", [[0], [5, 5, 5], [20, 1, 30]])
def test_what_the_computation_made_stays_its_own_across_suspensions(points):
    result, _, suspensions = suspending_run(made_then_mutated, (40,), points)
    assert suspensions >= 1
    assert result == ("value", made_then_mutated(40))
