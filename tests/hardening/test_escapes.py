"""Checked code cannot leave the subset through attributes: dunders and module attributes are
reachable from allowlists only (compiler/reach.py), checked where the name is written and, where it
is a string, when it runs (compiler/guards.py); refused builtins and numpy's file I/O stay refused
however they are reached. Each refusal names the line."""
import functools
import math
import operator
import os
import time

import numpy as np
import pytest

import pyfora
from pyfora.errors import PythonToForaConversionError

EV = eval


def helper(x):
    return x + 1


def print_self():
    return print.__self__.open


def function_builtins(f):
    return f.__builtins__["__import__"]


def traceback_frames():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__.tb_frame.f_back


def every_class():
    return ().__class__.__base__.__subclasses__()


def module_loader():
    return math.__loader__


def generator_frame():
    g = (x for x in [1])
    return g.gi_frame.f_globals


def attribute_around_checks(f):
    return object.__getattribute__(f, "__globals__")


def static_cases():
    return [(function_builtins, (helper,), "__builtins__", 1), (traceback_frames, (), "f_back", 4),
            (every_class, (), "__subclasses__", 1), (module_loader, (), "__loader__", 1),
            (generator_frame, (), "f_globals", 2)]


@pytest.mark.parametrize("fn, args, attribute, offset", static_cases(), ids=lambda c: getattr(c, "__name__", None))
def test_attributes_outside_the_allowlist_are_refused_at_submit_naming_the_line(fn, args, attribute, offset):
    with pytest.raises(PythonToForaConversionError) as info:
        pyfora.submit(fn, *args)
    assert f"`{attribute}`" in str(info.value)
    assert info.value.lineno == fn.__code__.co_firstlineno + offset


def named_at_run_time(f, name):
    return getattr(f, name)


def generator_code(name):
    return getattr((x for x in ()), name)


def through_attrgetter(f):
    return operator.attrgetter("__globals__")(f)


def through_dotted_attrgetter(f):
    return operator.attrgetter("__code__.co_consts")(f)


def through_format(f):
    return "{0.__globals__}".format(f)


def through_nested_format(f):
    return "{0:{1.__globals__}}".format(1, f)


def through_unbound_format(f):
    return str.format("{0.__globals__}", f)


def format_through_getattr(f):
    return getattr("{0.__globals__}", "format")(f)


def format_through_methodcaller(f):
    return operator.methodcaller("format", f)("{0.__globals__}")


def format_through_attrgetter(f):
    return operator.attrgetter("format")("{0.__globals__}")(f)


def through_reduce():
    return functools.reduce(getattr, ["__class__", "__base__", "__subclasses__"], ())


def dynamic_module_attribute(name):
    return getattr(np, name)


def module_namespace():
    return vars(math)


def module_dict_attribute():
    m = math
    return m.__dict__


def run_time_cases():
    return [(named_at_run_time, (helper, "__globals__"), "__globals__"), (print_self, (), "__self__"),
            (attribute_around_checks, (helper,), "__getattribute__"),
            (generator_code, ("gi_code",), "gi_code"),
            (through_attrgetter, (helper,), "__globals__"), (through_dotted_attrgetter, (helper,), "__code__"),
            (through_format, (helper,), "__globals__"), (through_nested_format, (helper,), "__globals__"),
            (through_unbound_format, (helper,), "__globals__"), (format_through_getattr, (helper,), "__globals__"),
            (format_through_methodcaller, (helper,), "__globals__"),
            (format_through_attrgetter, (helper,), "__globals__"), (through_reduce, (), "__subclasses__"),
            (dynamic_module_attribute, ("load",), "numpy.load"),
            (dynamic_module_attribute, ("ctypeslib",), "numpy.ctypeslib"),
            (dynamic_module_attribute, ("seterr",), "numpy.seterr"),
            (dynamic_module_attribute, ("_NoValue",), "private"),
            (module_namespace, (), "vars() of a module"), (module_dict_attribute, (), "namespace")]


@pytest.mark.parametrize("fn, args, words", run_time_cases(), ids=lambda c: getattr(c, "__name__", None))
def test_attributes_named_at_run_time_are_refused_when_the_name_is_seen(executor, fn, args, words):
    future = executor.submit(fn, *args)
    with pytest.raises(PythonToForaConversionError) as info:
        future.result(timeout=60)
    assert words in str(info.value)
    assert info.value.filename == __file__
    lines = range(fn.__code__.co_firstlineno + 1, fn.__code__.co_firstlineno + 3)
    assert info.value.lineno in lines


def allowed_dynamic_attributes(c):
    return (getattr(c, "__class__").__name__, getattr(np, "float64")(2.5), operator.attrgetter("real")(3 + 4j),
            "{0.real} {0.__class__.__name__}".format(2.0), getattr(math, "pi"), hasattr(np, "nonexistent"),
            operator.methodcaller("upper")("ab"), getattr(c, "imag"), np.linalg.norm(np.ones(4)),
            type(c).__name__, vars(Point(1, 2)))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def test_allowed_dynamic_attributes_give_cpythons_answers(executor):
    assert executor.submit(allowed_dynamic_attributes, 1 + 2j).result(timeout=60) == \
        allowed_dynamic_attributes(1 + 2j)


def test_a_missing_module_attribute_is_cpythons_attribute_error(executor):
    with pytest.raises(AttributeError, match="module 'math' has no attribute 'nothing'"):
        executor.submit(dynamic_module_attribute_of_math, "nothing").result(timeout=60)


def dynamic_module_attribute_of_math(name):
    return getattr(math, name)


def write_through_setattr():
    m = math
    getattr(m, "__setattr__")("pi", 3.0)
    return m.pi


def write_through_dict():
    m = math
    m.__dict__["pi"] = 3.0
    return m.pi


def write_through_object_setattr():
    m = math
    object.__setattr__(m, "pi", 3.0)
    return m.pi


def write_through_vars():
    vars(math)["pi"] = 3.0
    return math.pi


@pytest.mark.parametrize("fn", [write_through_setattr, write_through_dict, write_through_object_setattr,
                                write_through_vars])
def test_a_module_cannot_be_changed_for_the_next_computation(executor, fn):
    with pytest.raises(PythonToForaConversionError):
        executor.submit(fn).result(timeout=60)
    assert executor.submit(circle, 2.0).result(timeout=60) == circle(2.0)


def circle(r):
    return math.pi * r * r


def use_alias():
    return EV("1 + 1")


def file_writer(a):
    return a.tofile


def file_writer_of_type():
    return np.ndarray.dump


def test_refused_builtins_and_file_io_are_refused_however_reached(executor):
    for fn, args in ((exec, ("x = 1",)), (eval, ("1",)), (compile, ("1", "f", "eval")), (__import__, ("os",)),
                     (open, ("/etc/hostname",))):
        with pytest.raises(PythonToForaConversionError, match=f"`{fn.__name__}` is not supported"):
            pyfora.submit(fn, *args)
    with pytest.raises(PythonToForaConversionError, match="`eval` is not supported"):
        pyfora.submit(use_alias)
    with pytest.raises(PythonToForaConversionError, match="`numpy.save` is I/O"):
        pyfora.submit(helper, np.save)
    with pytest.raises(PythonToForaConversionError, match="writes a file"):
        pyfora.submit(helper, np.arange(3.0).tofile)
    for fn, args in ((file_writer, (np.arange(3.0),)), (file_writer_of_type, ())):
        with pytest.raises(PythonToForaConversionError, match="writes a file"):
            executor.submit(fn, *args).result(timeout=60)


def builtins_name():
    return getattr(__builtins__, "open")


def test_the_name_builtins_is_refused_with_its_line():
    with pytest.raises(PythonToForaConversionError) as info:
        pyfora.submit(builtins_name)
    assert "`__builtins__`" in str(info.value) and info.value.lineno == builtins_name.__code__.co_firstlineno + 1
    assert "BuiltinImporter" not in str(info.value)


def test_the_checked_builtins_sent_as_values_are_the_checked_ones(executor):
    with pytest.raises(PythonToForaConversionError, match="__globals__"):
        executor.submit(getattr, helper, "__globals__").result(timeout=60)
    with pytest.raises(PythonToForaConversionError, match="__globals__"):
        executor.submit(apply, operator.attrgetter, "__globals__", helper).result(timeout=60)
    assert executor.submit(getattr, 3 + 4j, "imag").result(timeout=60) == 4.0


def apply(make, name, obj):
    return make(name)(obj)


class SystemOnArrival:
    def __reduce__(self):
        return (os.system, ("echo reached",))


class ImportOnArrival:
    def __init__(self):
        self.x = 1

    def __setstate__(self, state):
        self.__dict__.update(state)
        return os.getcwd()


def identity(x):
    return x


def test_a_value_whose_travel_hooks_run_unchecked_code_is_refused():
    with pytest.raises(PythonToForaConversionError, match="posix.system"):
        pyfora.submit(identity, SystemOnArrival())
    with pytest.raises(PythonToForaConversionError, match="the module 'os'") as info:
        pyfora.submit(identity, ImportOnArrival())
    assert info.value.lineno == ImportOnArrival.__setstate__.__code__.co_firstlineno + 2


def module_after_resume(n, name):
    total = 0
    for i in range(n):
        total += i
    m = np
    return total, type(m).__name__, getattr(m, name)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ["pi", "load"])
def test_a_module_held_across_a_suspension_is_still_its_view(name):
    """A continuation carries the module view, not the real module, to the worker that resumes it."""
    with pyfora.connect(workers=1) as first, pyfora.connect(workers=1) as second:
        future = first.submit(module_after_resume, 3 * 10 ** 7, name)
        while not future.running():
            time.sleep(0.01)
        time.sleep(0.2)
        second._pool.resume(first._pool.suspend(future, timeout=60))
        if name == "load":
            with pytest.raises(PythonToForaConversionError, match="numpy.load"):
                future.result(timeout=60)
        else:
            assert future.result(timeout=60) == module_after_resume(3 * 10 ** 7, name)
        assert future.metrics.suspensions == 1
