"""When a refusal comes, and what it names.

A refusal in the submitted function's own body comes from `submit`. One found in anything else the
program reaches (a method, a helper function) comes when that code is called, from `result()`, with
the same message, file and line; the user's `except` does not catch it (compiler/image.py,
compiler/linker.py). A value that cannot travel is refused naming its type and how it was reached.
"""
import os
import struct

import pytest

from pyfora import PythonToForaConversionError


class UsesOs:
    def __init__(self, v):
        self.v = v

    def value(self):
        return self.v * 2

    def save(self):
        return os.getcwd()


SAVE_LINE = UsesOs.save.__code__.co_firstlineno + 1


def value_only(n):
    return UsesOs(n).value()


def calls_save(n):
    return UsesOs(n).save()


def catches_everything(n):
    try:
        return UsesOs(n).save()
    except Exception:
        return "swallowed"


def own_body(n):
    return os.getcwd()


def test_unused_method_outside_the_subset_is_no_obstacle(executor):
    assert executor.submit(value_only, 21).result() == 42


@pytest.mark.parametrize("fn", [calls_save, catches_everything])
def test_calling_it_raises_the_refusal_naming_its_line(executor, fn):
    future = executor.submit(fn, 1)
    with pytest.raises(PythonToForaConversionError, match="the module 'os' is not supported") as info:
        future.result()
    assert (info.value.filename, info.value.lineno) == (__file__, SAVE_LINE)


def test_refusal_in_the_submitted_body_comes_from_submit(executor):
    with pytest.raises(PythonToForaConversionError, match="the module 'os' is not supported") as info:
        executor.submit(own_body, 1)
    assert (info.value.filename, info.value.lineno) == (__file__, own_body.__code__.co_firstlineno + 1)


# ## Values that cannot travel: named, with their type and the line that reaches them

PACKER = struct.Struct("<i")


class Codec:
    def size(self):
        return 4

    def pack(self, v):
        return PACKER.pack(v)


PACK_LINE = Codec.pack.__code__.co_firstlineno + 1


def packs(n):
    return Codec().pack(n)


def sizes(n):
    return Codec().size() + PACKER.size


def test_unsendable_global_of_a_method_is_refused_when_the_method_runs(executor):
    future = executor.submit(packs, 1)
    with pytest.raises(PythonToForaConversionError,
                       match=r"the _struct.Struct object \(the global `PACKER` of Codec.pack\)") as info:
        future.result()
    assert (info.value.filename, info.value.lineno) == (__file__, PACK_LINE)


def test_unsendable_global_of_the_submitted_function_is_refused_at_submit(executor):
    with pytest.raises(PythonToForaConversionError, match=r"the _struct.Struct object") as info:
        executor.submit(sizes, 1)
    assert (info.value.filename, info.value.lineno) == (__file__, sizes.__code__.co_firstlineno + 1)


class Unpicklable:
    def __getstate__(self):
        raise RuntimeError("holds a live connection")


def test_a_failing_getstate_is_a_conversion_error_naming_the_value(executor):
    with pytest.raises(PythonToForaConversionError,
                       match=r"Unpicklable object \(argument 1 at \[0\]\) .*RuntimeError: holds a live connection"):
        executor.submit(len, [Unpicklable()])


def test_refusal_in_a_submitted_method_or_partial_comes_from_submit(executor):
    import functools
    with pytest.raises(PythonToForaConversionError, match="the module 'os' is not supported"):
        executor.submit(UsesOs(1).save)
    with pytest.raises(PythonToForaConversionError, match="the module 'os' is not supported"):
        executor.submit(functools.partial(own_body, 1))
