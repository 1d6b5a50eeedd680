"""Random arithmetic, comparison and boolean expressions: pyfora must agree with CPython.

Each generated expression becomes the body of a function in a real .py file
(so pyfora can find its source), imported with importlib, and run both ways.
Compared: the value and its exact type (floats bit for bit up to nan, the
sign of zero included), or the exception type and message.
"""
import importlib.util
import itertools
import math
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pyfora

VARS = ("a", "b", "c")
ARITH_OPS = ("+", "-", "*", "/", "//", "%")
CMP_OPS = ("<", "<=", "==", "!=", ">", ">=")
POW_EXPONENTS = ("-2", "-1", "0", "1", "2", "3", "0.5")
INT_LITERALS = ("0", "1", "2", "3", "7", "10", "(-1)", "(-3)")
FLOAT_LITERALS = ("0.0", "(-0.0)", "0.5", "1.5", "2.0", "(-2.5)", "1e-3", "3.25")

MAX_DEPTH = 4

_counter = itertools.count()


@st.composite
def expressions(draw, depth=MAX_DEPTH):
    """Source text of a random expression over a, b, c, fully parenthesised."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        return draw(st.one_of(st.sampled_from(VARS), st.sampled_from(INT_LITERALS),
                              st.sampled_from(FLOAT_LITERALS)))
    sub = expressions(depth - 1)
    kind = draw(st.sampled_from(("arith", "arith", "arith", "pow", "neg", "not", "cmp",
                                 "boolop", "ifexp")))
    if kind == "arith":
        return f"({draw(sub)} {draw(st.sampled_from(ARITH_OPS))} {draw(sub)})"
    if kind == "pow":
        return f"({draw(sub)} ** {draw(st.sampled_from(POW_EXPONENTS))})"
    if kind == "neg":
        return f"(-{draw(sub)})"
    if kind == "not":
        return f"(not {draw(sub)})"
    if kind == "cmp":
        parts = [draw(sub)]
        for _ in range(draw(st.integers(1, 3))):
            parts.append(draw(st.sampled_from(CMP_OPS)))
            parts.append(draw(sub))
        return "(" + " ".join(parts) + ")"
    if kind == "boolop":
        return f"({draw(sub)} {draw(st.sampled_from(('and', 'or')))} {draw(sub)})"
    return f"({draw(sub)} if {draw(sub)} else {draw(sub)})"


ints = st.one_of(
    st.integers(-20, 20),
    st.sampled_from([0, 1, -1, 2 ** 31, -(2 ** 63), 10 ** 18, 2 ** 64 + 1]),
)
floats = st.one_of(
    st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 0.1, 2.5, -7.0, float("inf"), float("-inf"), float("nan"),
                     1e300, 5e-324]),
)
values = st.one_of(ints, floats)


def _load_function(tmp_path, source):
    """Write `source` into a fresh module file under tmp_path and return its `expr_fn`."""
    name = f"_pyfora_hyp_expr_{next(_counter)}"
    path = tmp_path / f"{name}.py"
    path.write_text(f"def expr_fn(a, b, c):\n    return {source}\n")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module.expr_fn


def _outcome(call):
    try:
        return ("value", call())
    except Exception as exc:  # the exception itself is what we compare
        return ("raised", type(exc), str(exc))


def _assert_same_scalar(expected, actual, source):
    assert type(expected) is type(actual), \
        f"{source}: type {type(actual)!r} ({actual!r}), expected {type(expected)!r} ({expected!r})"
    if isinstance(expected, complex):
        _assert_same_scalar(expected.real, actual.real, source + " .real")
        _assert_same_scalar(expected.imag, actual.imag, source + " .imag")
    elif isinstance(expected, float):
        if math.isnan(expected):
            assert math.isnan(actual), f"{source}: {actual!r}, expected nan"
        else:
            assert expected == actual and math.copysign(1, expected) == math.copysign(1, actual), \
                f"{source}: {actual!r}, expected {expected!r}"
    else:
        assert expected == actual, f"{source}: {actual!r}, expected {expected!r}"


def _check_expression(tmp_path, source, a, b, c, submit):
    fn = _load_function(tmp_path, source)
    expected = _outcome(lambda: fn(a, b, c))
    actual = _outcome(lambda: submit(fn, a, b, c).result(timeout=60))
    where = f"{source} with a={a!r}, b={b!r}, c={c!r}"
    if expected[0] == "raised":
        assert actual[0] == "raised", f"{where}: got {actual[1]!r}, expected {expected[1].__name__}: {expected[2]}"
        assert actual[1] is expected[1], f"{where}: raised {actual[1]} {actual[2]!r}, expected {expected[1]} {expected[2]!r}"
        assert actual[2] == expected[2], f"{where}: message {actual[2]!r}, expected {expected[2]!r}"
    else:
        assert actual[0] == "value", f"{where}: raised {actual[1].__name__}: {actual[2]}, expected {expected[1]!r}"
        _assert_same_scalar(expected[1], actual[1], where)


_SETTINGS = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.timeout(300)
@_SETTINGS
@given(source=expressions(), a=values, b=values, c=values)
def test_expression_matches_cpython(tmp_path, source, a, b, c):
    _check_expression(tmp_path, source, a, b, c, pyfora.submit)


@pytest.mark.timeout(300)
@_SETTINGS
@given(source=expressions(), a=values, b=values, c=values)
def test_expression_matches_cpython_in_native_code(tmp_path, jit_forced, source, a, b, c):
    _check_expression(tmp_path, source, a, b, c, jit_forced.submit)
