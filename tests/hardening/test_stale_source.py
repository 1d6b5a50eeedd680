"""A module edited on disk after it was imported: pyfora refuses to run the new text, since CPython
still runs the old code (compiler/source_check.py); shapes of code whose text did not change are
never refused."""
import importlib
import sys
import textwrap

import pytest

import pyfora

pytestmark = pytest.mark.timeout(120)

HELPER = """
def f(x):
    return x + 1
"""


@pytest.fixture
def module_dir(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [n for n in sys.modules if n.startswith("stale_")]:
        del sys.modules[name]


def load(directory, name, text):
    (directory / f"{name}.py").write_text(textwrap.dedent(text))
    importlib.invalidate_caches()
    return importlib.import_module(name)


def test_edited_body_is_refused_and_reload_runs_the_new_text(module_dir):
    helper = load(module_dir, "stale_helper", HELPER)
    (module_dir / "stale_helper.py").write_text(HELPER.replace("x + 1", "x * 100"))
    assert helper.f(5) == 6     # what CPython runs: the code it loaded
    with pytest.raises(pyfora.CantGetSourceTextError, match=r"edited after its module was imported\. Reload"):
        pyfora.submit(helper.f, 5)
    helper = importlib.reload(helper)
    assert pyfora.submit(helper.f, 5).result(timeout=60) == helper.f(5) == 500


def test_lines_inserted_above_are_refused(module_dir):
    helper = load(module_dir, "stale_moved", HELPER)
    (module_dir / "stale_moved.py").write_text("\n\n" + HELPER.replace("x + 1", "x * 100"))
    with pytest.raises(pyfora.CantGetSourceTextError, match="reload the module"):
        pyfora.submit(helper.f, 5)


def test_an_edited_nested_function_is_refused(module_dir):
    text = """
    def outer(n):
        def inner(k):
            return k + n
        return [inner(i) for i in range(3)]
    """
    helper = load(module_dir, "stale_nested", text)
    (module_dir / "stale_nested.py").write_text(textwrap.dedent(text).replace("k + n", "k - n"))
    with pytest.raises(pyfora.CantGetSourceTextError, match="outer"):
        pyfora.submit(helper.outer, 2)


SHAPES = """
from __future__ import annotations
import functools
import math as m
import numpy as np
if True:
    from operator import add

def twice(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args) * 2
    return wrapper

class Base:
    def __init__(self, v: float) -> None:
        self.__v = v
    def value(self) -> float:
        return self.__v

class Child(Base):
    scale = staticmethod(lambda x: x * 3)
    def value(self) -> float:
        return super().value() + m.sqrt(4.0)

@twice
def decorated(x: int) -> int:
    return add(x, 1)

def adder(count):
    def bump(by):
        return count + by
    return bump

def gen(n):
    yield from (i * i for i in range(n))

def program(n):
    bump = adder(n)
    return (Child(1.5).value(), Child.scale(2), decorated(n), bump(1), list(gen(n)),
            float(np.sum(np.arange(n))), (lambda y: y - 1)(n), sorted([3, 1, 2], key=lambda v: -v))
"""


def test_unchanged_code_of_every_shape_runs(module_dir):
    shapes = load(module_dir, "stale_shapes", SHAPES)
    assert pyfora.submit(shapes.program, 4).result(timeout=60) == shapes.program(4)
