"""Fuzz: small programs that mix the dynamic routes to a container's mutating methods (`getattr`,
`map`, `operator.methodcaller`, aliases, unbound methods, dunders) over containers the function
made and ones it did not (arguments, a global, a default). pyfora either refuses or matches CPython,
and when it runs, CPython left the arguments and globals as they were (pyfora never changes them)."""
import copy
import importlib.util
import itertools
import sys

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pyfora.errors import PythonToForaConversionError

LISTS = ["arg", "own", "G", "dflt"]
DICTS = ["argd", "ownd"]

LIST_STEPS = [
    "{c}.append({v})",
    "list(map({c}.append, [{v}]))",
    "getattr({c}, 'append')({v})",
    "operator.methodcaller('append', {v})({c})",
    "type({c}).append({c}, {v})",
    "m = {c}.append\n    m({v})",
    "{c}.__setitem__(0, {v})",
    "s = {c}.__setitem__\n    s(0, {v})",
    "{c}[0] = {v}",
    "{c}.__class__.__setitem__({c}, 0, {v})",
    "out = out + [len({c}), getattr({c}, 'count')({v})]",
    "out = out + [operator.methodcaller('index', {c}[0])({c})]",
]
DICT_STEPS = [
    "{c}['k'] = {v}",
    "getattr({c}, 'update')(k={v})",
    "{c}.__setitem__('k', {v})",
    "u = {c}.update\n    u({{'k': {v}}})",
    "operator.methodcaller('setdefault', 'z', {v})({c})",
    "out = out + [sorted({c}), getattr({c}, 'get')('k')]",
]

step = st.one_of(
    st.tuples(st.sampled_from(LIST_STEPS), st.sampled_from(LISTS), st.integers(0, 9)),
    st.tuples(st.sampled_from(DICT_STEPS), st.sampled_from(DICTS), st.integers(0, 9)),
)

_counter = itertools.count()


def _program(steps) -> str:
    body = "\n    ".join(template.format(c=c, v=v) for template, c, v in steps)
    return ("import operator\n\nG = [1, 2]\n\n\n"
            "def fuzzed(arg, argd, dflt=[5]):\n"
            "    own = [7]\n    ownd = {'a': 1}\n    out = []\n"
            f"    {body}\n"
            "    return out, own, ownd\n")


def _load(directory, source: str):
    name = f"fuzzed_{next(_counter)}"
    path = directory / f"{name}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _outcome(call):
    try:
        return "ok", call()
    except Exception as exc:
        return type(exc), str(exc)


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzzed")


@pytest.mark.timeout(300)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=4))
def test_dynamic_routes_either_refuse_or_match_cpython(executor, directory, steps):
    source = _program(steps)
    ours_module, theirs_module = _load(directory, source), _load(directory, source)
    arg, argd = [1, 2], {"k": 0}
    ours = _outcome(lambda: executor.submit(ours_module.fuzzed, arg, argd).result(timeout=60))
    event("refused" if ours[0] is PythonToForaConversionError else "ran")
    if ours[0] is PythonToForaConversionError:
        return
    their_arg, their_argd = copy.deepcopy(arg), copy.deepcopy(argd)
    theirs = _outcome(lambda: theirs_module.fuzzed(their_arg, their_argd))
    assert ours == theirs, source
    assert (their_arg, their_argd, theirs_module.G, theirs_module.fuzzed.__defaults__) == \
        ([1, 2], {"k": 0}, [1, 2], ([5],)), f"CPython changed what it was given, pyfora ran:\n{source}"
    assert (arg, argd, ours_module.G, ours_module.fuzzed.__defaults__) == ([1, 2], {"k": 0}, [1, 2], ([5],))
