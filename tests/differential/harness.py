"""Run a function in CPython and through pyfora and compare what comes out.

Compared: the value and its type (deeply: containers element by element,
instances of user classes by type identity and attributes), or the exception
type and message, and what was printed.
"""
import contextlib
import copy
import io
import math
import operator
import sys
import threading
import types
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

import pyfora


@dataclass
class Outcome:
    value: Any = None
    exc_type: Optional[type] = None
    exc_message: str = ""
    stdout: str = ""


def run_cpython(fn, args, kwargs) -> Outcome:
    """Call `fn` directly, capturing its value or exception and its output."""
    args, kwargs = copy.deepcopy((args, kwargs))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            value = fn(*args, **kwargs)
        except Exception as exc:
            return Outcome(exc_type=type(exc), exc_message=str(exc), stdout=buf.getvalue())
    return Outcome(value=value, stdout=buf.getvalue())


def run_cpython_deep(fn, args, kwargs) -> Outcome:
    """`run_cpython` with recursion limited by memory, as in pyfora's workers: a high recursion limit,
    on a thread with a large stack."""
    result = []
    limit = sys.getrecursionlimit()
    previous = threading.stack_size(512 << 20)
    sys.setrecursionlimit(1_000_000)
    try:
        thread = threading.Thread(target=lambda: result.append(run_cpython(fn, args, kwargs)))
        thread.start()
        thread.join()
    finally:
        sys.setrecursionlimit(limit)
        threading.stack_size(previous)
    return result[0]


def run_pyfora(fn, args, kwargs, executor=None) -> Outcome:
    """Submit `fn` to pyfora, capturing its value or exception and its output."""
    submit = executor.submit if executor is not None else pyfora.submit
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            value = submit(fn, *args, **kwargs).result(timeout=60)
        except Exception as exc:
            return Outcome(exc_type=type(exc), exc_message=str(exc), stdout=buf.getvalue())
    return Outcome(value=value, stdout=buf.getvalue())


def assert_same_value(expected, actual, path="result", same_type=operator.is_):
    """Assert two values are equal and of identical types, all the way down.

    `same_type(a, b)` says when two classes are the same (by default: the same object).
    """
    assert same_type(type(expected), type(actual)), f"{path}: type {type(actual)!r}, expected {type(expected)!r}"
    if isinstance(expected, float):
        if math.isnan(expected):
            assert math.isnan(actual), f"{path}: {actual!r}, expected nan"
        else:
            assert expected == actual and math.copysign(1, expected) == math.copysign(1, actual), \
                f"{path}: {actual!r}, expected {expected!r}"
    elif isinstance(expected, complex):
        assert_same_value(expected.real, actual.real, path + ".real", same_type)
        assert_same_value(expected.imag, actual.imag, path + ".imag", same_type)
    elif isinstance(expected, (list, tuple)):
        assert len(expected) == len(actual), f"{path}: length {len(actual)}, expected {len(expected)}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            assert_same_value(e, a, f"{path}[{i}]", same_type)
    elif isinstance(expected, dict):
        assert list(expected) == list(actual), f"{path}: keys {list(actual)!r}, expected {list(expected)!r}"
        for k in expected:
            assert_same_value(expected[k], actual[k], f"{path}[{k!r}]", same_type)
    elif isinstance(expected, np.ndarray):
        assert (expected.dtype, expected.shape) == (actual.dtype, actual.shape), \
            f"{path}: {actual.dtype} {actual.shape}, expected {expected.dtype} {expected.shape}"
        assert np.array_equal(expected, actual, equal_nan=expected.dtype.kind in "fc"), \
            f"{path}: {actual!r}, expected {expected!r}"
    elif isinstance(expected, (types.FunctionType, types.GeneratorType)):
        pass
    elif isinstance(expected, type):
        assert same_type(expected, actual), f"{path}: {actual!r}, expected {expected!r}"
    elif hasattr(expected, "__dict__"):
        assert_same_value(vars(expected), vars(actual), path + ".__dict__", same_type)
    else:
        assert expected == actual, f"{path}: {actual!r}, expected {expected!r}"


def check_case(case, executor=None):
    """Run one `Case` both ways and assert pyfora matched CPython."""
    actual = run_pyfora(case.fn, case.args, case.kwargs, executor)
    if case.refused:
        assert actual.exc_type is pyfora.PythonToForaConversionError, \
            f"expected a conversion error, got {actual.exc_type} {actual.exc_message!r} / {actual.value!r}"
        assert case.match in actual.exc_message, actual.exc_message
        return
    expected = run_cpython(case.fn, case.args, case.kwargs)
    if expected.exc_type is RecursionError:
        expected = run_cpython_deep(case.fn, case.args, case.kwargs)
        if expected.exc_type is RecursionError and actual.exc_type is None:
            return   # deeper than this CPython can go at all (3.12 limits C recursion): README, known differences
    assert actual.exc_type is expected.exc_type, \
        f"exception {actual.exc_type} {actual.exc_message!r}, expected {expected.exc_type} {expected.exc_message!r}"
    if expected.exc_type is None:
        assert_same_value(expected.value, actual.value)
    else:
        assert actual.exc_message == expected.exc_message
    assert actual.stdout == expected.stdout
