"""Send results and exceptions from the VM back to the client, as the client's own values.

Objects that came from the client go back as handles (the client's objects
themselves); functions made in the VM go back as their code id and position,
rebuilt on the client around its original code; exceptions keep their type,
arguments, attributes, chain (`__cause__`, `__context__`) and a traceback of
the user's frames, mapped through the source map; a dict view goes back as
a view of its dict (compiler/views.py). A value of any depth
travels (compiler/deep_pickle.py); large numpy arrays travel beside the
pickle (compiler/buffers.py), in shared memory (vm/protocol.py).
"""
import importlib
import pickle
import types

from pyfora.compiler import buffers, deep_pickle, library_classes, linker, set_layout, views
from pyfora.compiler.linker import UNITS
from pyfora.compiler.nans import NanWriting
from pyfora.compiler.statements import Kind
from pyfora.errors import PythonToForaConversionError

from . import tracebacks


_SET_TYPES = set_layout.SET_TYPES


class ResultWriter(pickle.Pickler):
    """Pickle a result (or an exception) for the client."""

    def __init__(self, file, origins: dict):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.origins = origins
        self._sets = set_layout.SetWriting()
        self._nans = NanWriting()
        self._array = buffers.array_type()
        self.outgoing: list = []     # large arrays' memory, beside the pickle (compiler/buffers.py)

    def persistent_id(self, obj):
        handle = self.origins.get(id(obj))
        if handle is not None:
            return handle
        t = type(obj)
        if t in _SET_TYPES:     # pickle calls this for every object: only sets and NaNs pay for more
            return self._sets.persistent_id(obj)
        if t is float and obj != obj:
            return self._nans.persistent_id(obj)
        return None

    def reducer_override(self, obj):
        t = type(obj)
        if t is types.FunctionType:
            return self._function(obj)
        if t is self._array:
            return buffers.reduce_array(obj, self.outgoing)
        if isinstance(obj, types.ModuleType):    # a module view (compiler/guards.py) too: the real module
            return (importlib.import_module, (obj.__name__,))
        descriptor = linker.reduce_descriptor(obj)
        if descriptor is not None:
            return descriptor
        view = views.reduce_view(obj)
        if view is not None:
            return view
        if isinstance(obj, BaseException):
            return tracebacks.reduce_exception(obj)
        if isinstance(obj, type) and "<locals>" in obj.__qualname__ and (t is type or library_classes.is_enum_type(obj)):
            return _class(obj)
        if t is types.GeneratorType:
            raise PythonToForaConversionError(
                "a generator cannot be sent back from pyfora: it would have to go on running here; "
                "return list(...) of it (or the values you need) instead", construct="generator")
        return NotImplemented

    def _function(self, fn):
        code = fn.__code__
        unit = UNITS.get(code.co_filename)
        if unit is None:
            return NotImplemented
        if code is unit.code:
            position = None
        else:
            info = unit.tables.statements[code.co_firstlineno]
            if info.kind is not Kind.DEF:
                raise PythonToForaConversionError(
                    f"the function {fn.__qualname__} (a lambda inside a comprehension that keeps its own "
                    "scope) cannot be sent back from pyfora; define it with def or outside the comprehension",
                    construct="result")
            position = (info.line, info.col)
        cells = {}
        for name, cell in zip(code.co_freevars, fn.__closure__ or ()):
            try:
                cells[name] = cell.cell_contents
            except ValueError:
                pass
        state = (fn.__defaults__, fn.__kwdefaults__, cells, linker.function_attributes(fn))
        from pyfora.compiler import image   # the client's side of it: loaded only if a function goes back
        return (image.client_function, (unit.code_def.id, position, fn.__name__, fn.__qualname__,
                                        fn.__module__),
                state, None, None, image.set_client_function_state)


def _class(cls: type):
    """A class a class statement in the VM made (a class defined inside a function; one of the
    client's travels as its handle) goes back as its name, bases and namespace; the client rebuilds
    it around its own code (its methods as `_function` sends them), once per result. Dataclasses and
    enums go back as what the user wrote, and the library makes them again (library_classes.py)."""
    from pyfora.compiler import image   # the client's side of it
    made = (cls.__name__, cls.__qualname__, cls.__module__, cls.__bases__)
    return library_classes.class_reduction(cls, made, _is_vm_function, image.client_class, image.client_enum)


def _is_vm_function(fn) -> bool:
    return type(fn) is types.FunctionType and fn.__code__.co_filename in UNITS


def dump_result(value, origins: dict) -> bytes:
    """Pickle `value` for the client, however deeply nested (compiler/deep_pickle.py), its large arrays
    beside it (`Pickled.buffers`, compiler/buffers.py); what cannot travel is refused with a clear
    error."""
    try:
        data, writer = deep_pickle.dump(lambda cls, file: cls(file, origins), ResultWriter, value)
    except PythonToForaConversionError:
        raise
    except RecursionError:
        raise PythonToForaConversionError(
            "the result cannot be sent back from pyfora: it holds a long cycle of lists, dicts or sets "
            "(one that passes through no object of a class); break the cycle, or pass it through an "
            "object of your own", construct="result") from None
    except Exception as exc:    # pickle's own errors, and whatever a value's `__reduce__` raised
        raise PythonToForaConversionError(
            f"the result cannot be sent back from pyfora ({type(exc).__name__}: {exc}); return plain values "
            "such as lists, tuples, dicts and your own objects instead", construct="result") from None
    return buffers.pickled(data, writer.outgoing)
