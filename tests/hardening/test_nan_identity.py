"""NaN floats keep their identity across arguments and results, as in CPython (compiler/nans.py)."""
import math

import pytest

pytestmark = pytest.mark.timeout(60)


def contains(x, xs):
    return x in xs, xs.count(x), xs.index(x)


def lookup(table, key):
    return table[key], key in table


def pair(x):
    return [x, x]


def made_here():
    n = float("nan")
    return [n, n, {n: 1}, float("nan")]


def echo(x):
    return x


def test_nan_argument_found_in_a_list_argument(executor):
    nan = float("nan")
    assert executor.submit(contains, nan, [nan]).result() == contains(nan, [nan]) == (True, 1, 0)


def test_nan_key_of_a_dict_argument(executor):
    nan = float("nan")
    assert executor.submit(lookup, {nan: 1}, nan).result() == lookup({nan: 1}, nan) == (1, True)


def test_nan_argument_comes_back_as_the_callers_own_object(executor):
    nan = float("nan")
    got = executor.submit(pair, nan).result()
    assert got[0] is nan and got[1] is nan
    assert executor.submit(echo, nan).result() is nan


def test_nans_made_in_the_vm_keep_their_identity_in_the_result(executor):
    a, b, table, c = executor.submit(made_here).result()
    assert a is b and table[a] == 1 and math.isnan(c) and c is not a


def negative_nans():
    n = -float("nan")
    return [n, n]


def test_the_sign_of_a_nan_made_in_the_vm_travels(executor):
    a, b = executor.submit(negative_nans).result()
    assert a is b and math.isnan(a) and math.copysign(1.0, a) == -1.0
