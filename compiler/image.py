"""The object walker: from a function and its arguments to a program image, and back.

The walker is a pickler. Plain data pickles as usual; a user function becomes
a reference to its `CodeDef` (source text, checked against the subset here,
before anything runs) plus the globals it reads, its closure cells, defaults
and attributes; a user class becomes its name, bases and namespace; modules
must be ones the subset allows. Anything else is refused with a conversion
error. The same module unpickles results on the client: functions and classes
that came from the client come back as the client's own objects, functions
made in the VM are rebuilt around the client's original code objects.
Arguments of any depth travel (deep_pickle.py), large numpy arrays beside the
pickle (buffers.py), dict views as views of their dict (views.py). A value
pickle cannot copy (a lock, a socket, a memoryview) is refused by name, with
the argument or global it was reached from (value_paths.py).
"""
import ast
import copyreg
import dis
import functools
import inspect
import io
import linecache
import operator
import pickle
import sys
import sysconfig
import threading
import types
from dataclasses import dataclass, field

from pyfora.errors import PythonToForaConversionError

from . import buffers, deep_pickle, guards, library_classes, linker, set_layout, value_paths, views
from .program import CodeDef, ProgramImage
from .routing import ATOMIC, ROUTED, explicit_construction
from .source import find_node, source_text
from .nans import NanReading, is_nan_id, nan_id
from .source_check import check_unchanged
from .subset import check_function
from .ownership import LIBRARY_NAMES, annotate_ownership
from .astutil import LIBRARY_MUTATORS, MUTATING_METHODS
from .reach import (FILE_METHODS, SUPPORTED_TEXT, file_method_refusal, impurity, instead, is_allowed_library,
                    object_refusal)
from .tier0 import is_class_body, mangle_class, parse_code_def

_LIBRARY_PATHS = tuple({sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")})


def is_user_module(module: str | None, filename: str | None = None) -> bool:
    """Whether code from `module` is the user's own (shipped as source) rather than a library."""
    if is_allowed_library(module):
        return False
    mod = sys.modules.get(module or "")
    path = filename or getattr(mod, "__file__", None)
    if path is None:
        return module in (None, "__main__") or mod is None
    return not path.startswith(_LIBRARY_PATHS)


@functools.lru_cache(maxsize=4096)
def global_names(code: types.CodeType) -> list[str]:
    """Names `code` (and code nested in it) reads as globals."""
    names = []
    for ins in dis.get_instructions(code):
        if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME") and ins.argval not in names:
            names.append(ins.argval)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names.extend(n for n in global_names(const) if n not in names)
    return names


def _instructions(code: types.CodeType):
    yield from dis.get_instructions(code)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _instructions(const)


def _use_of(code: types.CodeType, name: str, attribute: str | None = None) -> dict:
    """Where `code` first reads the global `name` (followed by `.attribute`, when given), as
    conversion-error keywords."""
    previous = None
    for ins in _instructions(code):
        if previous is not None and previous.opname in ("LOAD_GLOBAL", "LOAD_NAME", "LOAD_DEREF") \
                and previous.argval == name and previous.positions.lineno \
                and (attribute is None or (ins.opname in ("LOAD_ATTR", "LOAD_METHOD") and ins.argval == attribute)):
            return dict(filename=code.co_filename, lineno=previous.positions.lineno,
                        col=previous.positions.col_offset)
        previous = ins
    return dict(filename=code.co_filename, lineno=code.co_firstlineno)


def module_attributes(code: types.CodeType, name: str) -> set[str]:
    """The attributes `code` reads from the global `name` (`mod.f(...)` reads `f`)."""
    attrs = set()
    previous = None
    for ins in _instructions(code):
        if previous is not None and previous.opname in ("LOAD_GLOBAL", "LOAD_DEREF") and previous.argval == name \
                and ins.opname in ("LOAD_ATTR", "LOAD_METHOD"):
            attrs.add(ins.argval)
        previous = ins
    return attrs


def _renamed_mutator(name: str, value) -> bool:
    """Whether the global `name` is a library function that mutates its first argument (compiler/ownership.py
    knows it by its own name) bound to another name."""
    own = getattr(value, "__name__", None)
    return own in LIBRARY_MUTATORS and name not in LIBRARY_MUTATORS \
        and is_allowed_library(getattr(value, "__module__", None))


def _is_users_function(fn) -> bool:
    return type(fn) is types.FunctionType and is_user_module(fn.__module__, fn.__code__.co_filename)


def _submitted_function(submitted):
    """The function whose own body a submission runs (of a bound method, or a `functools.partial`)."""
    while isinstance(submitted, (types.MethodType, functools.partial)):
        submitted = submitted.__func__ if isinstance(submitted, types.MethodType) else submitted.func
    return submitted


def _type_name(obj) -> str:
    t = type(obj)
    return t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _wrapper_refusal(fn: types.FunctionType) -> str:
    """Why `fn`, a function of a user module whose code is a library's (a decorator's wrapper), cannot run."""
    return (f"{fn.__module__}.{fn.__qualname__} is a wrapper made by library code ({fn.__code__.co_filename}, "
            f"{fn.__code__.co_qualname}), which pyfora cannot run; call the function it wraps instead (for "
            "`functools.singledispatch`, dispatch with `isinstance`)")


def _refuse_value(obj, why: str, where: dict | None = None):
    return PythonToForaConversionError(why, construct=type(obj).__name__, **(where or {}))


@dataclass
class CodeCache:
    """What a client has learnt of its code, kept across submissions.

    Code objects are keyed by identity (two files' identical functions compare equal) and kept
    alive here; a definition also depends on the globals it sees, so it is looked up anew each
    time and its analysis results are kept by definition id.
    """
    texts: dict = field(default_factory=dict)      # id(code) -> (code, SourceText)
    originals: dict = field(default_factory=dict)  # CodeDef id -> (code object, globals of its function)
    checked: set = field(default_factory=set)      # CodeDef ids that passed the subset checks
    effects: dict = field(default_factory=dict)    # CodeDef id -> its effect summary (ownership.Effects)


class _Namespace:
    """Stands for one module's globals while pickling; the worker makes one dict per module."""

    def __init__(self, module: str):
        self.module = module

    def __reduce__(self):
        return (linker.new_namespace, (self.module,))


class _Module:
    """Stands for one of the user's own modules (`import helpers`): the attributes code reads of it."""

    def __init__(self, name: str):
        self.name = name

    def __reduce__(self):
        return (linker.new_module, (self.name,))


def _class_refusal(cls: type) -> str | None:
    """Why the class `cls` cannot be used in pyfora code, or None."""
    if not is_user_module(cls.__module__):
        if cls.__module__ == "builtins":
            return None
        if is_allowed_library(cls.__module__):
            return object_refusal(cls)
        return (f"the class {cls.__module__}.{cls.__qualname__} is outside the subset pyfora supports; pass "
                "plain values (numbers, strings, tuples) built from it instead, or use a class of your own")
    if linker.is_namedtuple(cls):
        return None
    if library_classes.is_enum_type(cls):
        return library_classes.enum_refusal(cls)
    if type(cls) is not type:
        return (f"the class {cls.__qualname__} has the metaclass {type(cls).__name__}; pyfora supports "
                "plain classes, dataclasses, enums and named tuples only")
    if "__slots__" in cls.__dict__:
        return f"the class {cls.__qualname__} uses __slots__, which pyfora does not support; remove __slots__"
    cached = [name for name, v in cls.__dict__.items() if isinstance(v, functools.cached_property)]
    if cached:
        return (f"`{cls.__qualname__}.{cached[0]}` is a functools.cached_property, which sets an attribute "
                "outside __init__; use @property (or compute the value in __init__)")
    return None


def _outside_call(module: str, name: str) -> str:
    return (f"calling {module}.{name}() is not supported by pyfora (the module {module!r} is outside the "
            "subset); pass the data you need in as arguments")


def _module_refusal(module) -> str:
    return (f"the module {module.__name__!r} is not supported by pyfora (only {SUPPORTED_TEXT} are); pass "
            "the data you need in as arguments")


_SET_TYPES = set_layout.SET_TYPES


@functools.lru_cache(maxsize=1024)
def _library_type_refusal(t: type) -> str | None:
    """Why a value of the library type `t` cannot be passed, or None (pyfora's own types travel)."""
    return None if t.__module__.startswith("pyfora.") else _class_refusal(t)


_ANNOTATION_TYPES = (types.GenericAlias, types.UnionType)
"""What `list[int]` and `int | None` make (`isinstance(list[int], type)` holds): annotations, which
pickle as they are."""


_TRAVEL_HOOKS = frozenset({"__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__getnewargs__",
                           "__getnewargs_ex__", "__new__", "__init_subclass__"})
"""Methods that run while a value travels or a class is made, not when the program calls them: a
refusal in one comes from `submit`, not deferred."""

_PICKLED_AS_IS = frozenset({type(None), bool, int, float, complex, str, bytes, bytearray, list, tuple, dict,
                            set, frozenset, pickle.PickleBuffer})
"""Types pickle writes itself, with nothing to refuse."""


class Walker(pickle.Pickler):
    """Pickle a submission, turning user functions and classes into code references.

    `submitted` is the submission `(fn, args, kwargs)`, where a refusal looks for the argument or
    global that led to the value it refuses (compiler/value_paths.py).
    """

    def __init__(self, file, image: ProgramImage, code_cache: CodeCache, submitted: tuple | None = None):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.image = image
        self.code_cache = code_cache
        self.submitted = submitted
        self._plain_types = set(_PICKLED_AS_IS)   # and library data types one value of which pickled
        self.handles: list = []
        self._namespaces: dict[int, _Namespace] = {}
        self._user_classes: dict[type, bool] = {}
        self._modules: dict[int, _Module] = {}
        self._in_progress: set = set()
        self._sets = set_layout.SetWriting()
        self._nan_handles: dict = {}
        self._array = buffers.array_type()
        self.outgoing: list = []     # large arrays' memory, beside the pickle (compiler/buffers.py)

    def persistent_id(self, obj):
        """Sets travel with their tables, so they iterate in the worker as they do here; a NaN goes as a
        handle of the client's, so that it keeps its identity there and in the result (compiler/nans.py).
        (Pickle calls this for every object: the type test inline keeps the cost of any other low.)"""
        t = type(obj)
        if t in _SET_TYPES:
            return self._sets.persistent_id(obj)
        if t is float and obj != obj:
            handle = self._nan_handles.get(id(obj))
            if handle is None:
                handle = self._nan_handles[id(obj)] = len(self.handles)
                self.handles.append(obj)
            return nan_id(handle, obj)
        return None

    def reducer_override(self, obj):
        t = type(obj)
        if t in self._plain_types:
            return NotImplemented
        if t is types.FunctionType:
            return self._function(obj)
        if t is self._array:
            return buffers.reduce_array(obj, self.outgoing)
        if t in _ANNOTATION_TYPES:
            return NotImplemented
        checked = guards.substitute(obj)
        if checked is not None:
            return (linker.guard, (checked.__name__,))
        refusal = object_refusal(obj)
        if refusal is not None:
            raise _refuse_value(obj, refusal)
        if isinstance(obj, type):
            return self._class(obj)
        if t is types.ModuleType:
            if is_allowed_library(obj.__name__) and obj.__name__ != "builtins":
                return (linker.module_view, (obj.__name__,))
            raise _refuse_value(obj, _module_refusal(obj))
        descriptor = linker.reduce_descriptor(obj)
        if descriptor is not None:
            return descriptor
        if t is types.BuiltinFunctionType or t.__name__ == "cython_function_or_method":    # numpy's, in Cython
            return self._builtin(obj)
        if self._is_user_class(t):
            reduced = linker.reduce_instance(obj)
            if reduced is not None:
                return reduced
        if t in (types.GeneratorType, types.CoroutineType, types.FrameType, types.CodeType,
                 types.TracebackType, types.CellType) or isinstance(obj, io.IOBase):
            raise self._refusal(obj, "cannot be passed to pyfora; pass the values it would produce instead")
        return self._library_value(obj, t)

    def _library_value(self, obj, t: type):
        """How pickle would write `obj`, a value of a library's type, reduced here so that what pickle
        cannot write (a lock, a socket, a memoryview), or a class outside the subset, is refused with a
        message that names it. A dict view travels as a view of its dict (compiler/views.py). An
        iterator travels only once exhausted: taking items from the copy would leave the caller's where
        it is."""
        if self._is_user_class(t):
            return self._reduce(obj, t)
        view = views.reduce_view(obj)
        if view is not None:
            return view
        refusal = _library_type_refusal(t)
        if refusal is not None:
            raise self._refusal(obj, f"cannot be passed to pyfora: {refusal}")
        iterator = hasattr(t, "__next__")
        if iterator and operator.length_hint(obj, 1) != 0:
            raise self._refusal(obj, "is an iterator with items left: the computation would take them from a "
                                     "copy, and yours would not move on as in CPython; pass `list(it)` instead")
        reduction = self._reduce(obj, t)
        if not callable(obj) and not iterator:   # data: pickle refuses a type, not one value of it
            self._plain_types.add(t)
        return reduction

    def _reduce(self, obj, t: type):
        """How pickle would write `obj`; what it cannot write (or a `__reduce__` or `__getstate__` that
        fails) refused, naming the value."""
        reduce = getattr(self, "dispatch_table", copyreg.dispatch_table).get(t)
        try:
            return reduce(obj) if reduce is not None else obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
        except (PythonToForaConversionError, RecursionError):   # deep_pickle.py retries the latter
            raise
        except Exception as exc:
            raise self._refusal(obj, f"cannot be passed to pyfora, which copies what it runs on into another "
                                     f"process ({type(exc).__name__}: {exc}); pass the plain values it holds "
                                     "instead") from None

    def _refusal(self, obj, why: str) -> PythonToForaConversionError:
        """The error that refuses `obj`: its type, then `why`, then the argument or global it was reached
        from, with the line that reads that global."""
        what = f"the {_type_name(obj)} object"
        reached = None
        if self.submitted is not None:
            reached = value_paths.find(obj, *self.submitted,
                                       lambda f: is_user_module(f.__module__, f.__code__.co_filename))
        if reached is None:
            return _refuse_value(obj, f"{what} {why}")
        where = _use_of(*reached.via) if reached.via is not None else None
        return _refuse_value(obj, f"{what} ({reached.text}) {why}", where)

    def _is_user_class(self, cls: type) -> bool:
        known = self._user_classes.get(cls)
        if known is None:
            known = self._user_classes[cls] = type(cls) is type and is_user_module(cls.__module__)
        return known

    def _builtin(self, obj):
        owner = getattr(obj, "__self__", None)
        if owner is None or isinstance(owner, types.ModuleType):
            module = getattr(obj, "__module__", None) or getattr(owner, "__name__", None)
            if module == "builtins" or is_allowed_library(module):
                return NotImplemented
            raise _refuse_value(obj, _outside_call(module, obj.__name__))
        if obj.__name__ in MUTATING_METHODS and guards.is_container(owner):
            raise _refuse_value(obj, f"`{type(owner).__name__}.{obj.__name__}` of a value passed in would mutate "
                                     "that value where pyfora cannot see it; pass the value and call the method "
                                     "on a container the function makes")
        if obj.__name__ in FILE_METHODS and guards.is_array(owner):
            raise _refuse_value(obj, file_method_refusal(obj.__name__))
        return (getattr, (owner, obj.__name__))

    # ## Functions

    def code_def(self, code: types.CodeType, qualname: str, globals_: dict) -> CodeDef:
        """The code definition of `code`, as its globals now make it."""
        known = self.code_cache.texts.get(id(code))
        if known is None:
            text = source_text(code)
            if text.text == "async def":
                check_function(find_node(code), code.co_filename, lambda name: False)
            check_unchanged(code, text, mangle_class(qualname))
            known = self.code_cache.texts[id(code)] = (code, text)
        text = known[1]
        shadowed = tuple(sorted(n for n in ROUTED | ATOMIC if n in globals_)
                         + sorted(n for n in LIBRARY_NAMES if n in globals_
                                  and not is_allowed_library(getattr(globals_[n], "__module__", None))))
        code_def = CodeDef(text.filename, text.text, text.line, text.col, qualname, tuple(code.co_freevars),
                           mangle_class(qualname), shadowed, self._fresh(code, globals_),
                           self._constructed(code, globals_))
        self.code_cache.originals.setdefault(code_def.id, (code, globals_))
        self.image.codes.setdefault(code_def.id, code_def)
        return code_def

    def _fresh(self, code: types.CodeType, globals_: dict) -> tuple:
        """(name, kind) for the globals whose call gives the caller a value it owns."""
        fresh = []
        for name in global_names(code):
            value = globals_.get(name)
            if isinstance(value, type) and self._is_user_class(value) \
                    and not isinstance(value.__new__, types.FunctionType):
                fresh.append((name, 1))
            elif type(value) is types.FunctionType and is_user_module(value.__module__,
                                                                       value.__code__.co_filename):
                kind = self._return_kind(value)
                if kind >= 1:
                    fresh.append((name, kind))
        return tuple(fresh)

    def _constructed(self, code: types.CodeType, globals_: dict) -> tuple:
        """The globals `code` reads that are user classes whose instances `object.__new__` makes and a
        `__init__` of the user's sets up: a call of one is exactly those two calls (compiler/routing.py)."""
        return tuple(name for name in global_names(code)
                     if isinstance(globals_.get(name), type) and self._is_user_class(globals_[name])
                     and explicit_construction(globals_[name]))

    def _return_kind(self, fn: types.FunctionType) -> int:
        """The ownership kind of what `fn` returns (0 while it is being worked out: recursion)."""
        key = ("returns", id(fn.__code__))
        if key in self._in_progress:
            return 0
        self._in_progress.add(key)
        try:
            code_def = self.code_def(fn.__code__, fn.__qualname__, fn.__globals__)
            return self.check(fn, code_def)
        except Exception:
            return 0
        finally:
            self._in_progress.discard(key)

    def _function(self, fn: types.FunctionType):
        module = fn.__module__
        if module and module.startswith("pyfora."):
            return NotImplemented
        if not is_user_module(module, fn.__code__.co_filename):
            if is_allowed_library(module):
                refusal = object_refusal(fn)
                if refusal is not None:
                    raise _refuse_value(fn, refusal)
                return NotImplemented
            if is_user_module(module):
                raise _refuse_value(fn, _wrapper_refusal(fn))
            raise _refuse_value(fn, _outside_call(module, fn.__qualname__))
        code = fn.__code__
        code_def = self.code_def(code, fn.__qualname__, fn.__globals__)
        try:
            self.check(fn, code_def)
            glob, modules = self._globals(fn)
        except PythonToForaConversionError as error:
            if self.submitted is None or fn is _submitted_function(self.submitted[0]) \
                    or fn.__name__ in _TRAVEL_HOOKS:
                raise
            return self._deferred(fn, error)
        namespace = self._namespaces.setdefault(id(fn.__globals__), _Namespace(module or "__main__"))
        cells = {}
        for name, cell in zip(code.co_freevars, fn.__closure__ or ()):
            try:
                cells[name] = self._global(code, name, cell.cell_contents, modules)
            except ValueError:
                pass
        state = (namespace, glob, fn.__defaults__, fn.__kwdefaults__, cells, linker.function_attributes(fn), modules)
        self.handles.append(fn)
        return (linker.new_function, (code_def.id, namespace, fn.__name__, fn.__qualname__,
                                      len(self.handles) - 1),
                state, None, None, linker.set_function_state)

    def _globals(self, fn: types.FunctionType) -> tuple[dict, list]:
        """What to ship for the globals `fn` reads, and the user modules among them (`_global`)."""
        glob, modules = {}, []
        for name in global_names(fn.__code__):
            if name in fn.__globals__:
                glob[name] = self._global(fn.__code__, name, fn.__globals__[name], modules)
        return glob, modules

    def _deferred(self, fn: types.FunctionType, error: PythonToForaConversionError):
        """A function the submitted one reaches but that is outside the subset (or reads what is)
        travels as a stand-in that raises `error` when it is called: as in the original pyfora, a class
        whose unused methods do I/O is usable, and the refusal comes when such a method runs."""
        self.handles.append(fn)
        return (linker.refused_function, (fn.__name__, fn.__qualname__, fn.__module__, error,
                                          len(self.handles) - 1))

    def _global(self, code: types.CodeType, name: str, value, modules: list):
        """What to ship for the global (or closure variable) `name`; a refusal names the line that
        reads it.

        A module of the user's own stands in with the attributes this code reads of it, added to
        `modules` as (module, attributes).
        """
        if type(value) is types.ModuleType:
            if sys.modules.get(value.__name__) is not value:
                raise _refuse_value(value, f"the module object {value.__name__!r} (the global `{name}` of "
                                           f"{code.co_qualname}) is not the module imported under that name, "
                                           "so pyfora cannot send it; pass the values it holds instead",
                                    _use_of(code, name))
            if is_user_module(value.__name__, getattr(value, "__file__", None)):
                module = self._modules.setdefault(id(value), _Module(value.__name__))
                modules.append((module, {attr: getattr(value, attr) for attr in module_attributes(code, name)
                                         if hasattr(value, attr)}))
                return module
            if not is_allowed_library(value.__name__) or value.__name__ == "builtins":
                raise _refuse_value(value, _module_refusal(value), _use_of(code, name))
            for attr in sorted(module_attributes(code, name)):
                why = impurity(value.__name__, attr)
                if why is not None:
                    raise _refuse_value(value, why, _use_of(code, name, attr))
        elif object_refusal(value) is not None:
            raise _refuse_value(value, object_refusal(value), _use_of(code, name))
        elif type(value) is types.FunctionType and is_user_module(value.__module__) \
                and not is_user_module(value.__module__, value.__code__.co_filename):
            raise _refuse_value(value, _wrapper_refusal(value), _use_of(code, name))
        elif _renamed_mutator(name, value):
            own = f"{value.__module__.lstrip('_')}.{value.__name__}"
            raise _refuse_value(value, f"`{name}` is `{own}` under another name, which mutates its first argument; "
                                       "import it under its own name (`from heapq import heappush`) or call it on "
                                       "its module, so pyfora sees what it mutates", _use_of(code, name))
        elif isinstance(value, type):
            refusal = _class_refusal(value)
            if refusal is not None:
                raise _refuse_value(value, refusal, _use_of(code, name))
        elif type(value) is types.BuiltinFunctionType and isinstance(value.__self__, (types.ModuleType, type(None))):
            module = getattr(value, "__module__", None)
            if module != "builtins" and not is_allowed_library(module):
                raise _refuse_value(value, _outside_call(module, value.__name__), _use_of(code, name))
        elif type(value) not in self._plain_types and not self._is_user_class(type(value)):
            refusal = object_refusal(value) or _library_type_refusal(type(value))
            if refusal is not None:
                kind = "closure variable" if name in code.co_freevars else "global"
                raise _refuse_value(value, f"the {_type_name(value)} object (the {kind} `{name}` of "
                                           f"{code.co_qualname}) cannot be passed to pyfora: {refusal}",
                                    _use_of(code, name))
        return value

    def check(self, fn, code_def: CodeDef) -> int:
        """Refuse, before anything runs, what `fn` does outside the subset (once per definition).

        Returns the ownership kind of what `fn` returns.
        """
        if code_def.id not in self.code_cache.checked:
            g = fn.__globals__
            node = parse_code_def(code_def)
            check_function(node, code_def.filename, lambda name: name in g)
            self.code_cache.effects[code_def.id] = annotate_ownership(node, code_def)
            self.code_cache.checked.add(code_def.id)
        return self.code_cache.effects[code_def.id].returns

    def mutated_arguments(self, fn) -> dict:
        """Parameter of `fn` -> where (filename, line, col, what, site, certain) `fn`, or a function it hands
        the argument on to, may mutate that argument: the effect summaries of the user functions reached
        through such calls, completed to a fixpoint (recursion included)."""
        summaries, pending = {}, [fn]
        while pending:
            f = pending.pop()
            if id(f.__code__) in summaries:
                continue
            effects = self.code_cache.effects.get(self.code_def(f.__code__, f.__qualname__, f.__globals__).id)
            if effects is None:
                continue
            summaries[id(f.__code__)] = (f, effects, dict(effects.mutated))
            pending.extend(g for g in (f.__globals__.get(c) for c, *_ in effects.passes) if _is_users_function(g))
        changed = True
        while changed:
            changed = False
            for f, effects, mutated in summaries.values():
                for callee, where, param, certain in effects.passes:
                    g = f.__globals__.get(callee)
                    if not _is_users_function(g) or id(g.__code__) not in summaries:
                        continue
                    parameters = g.__code__.co_varnames[:g.__code__.co_argcount]
                    name = where if isinstance(where, str) else parameters[where] if where < len(parameters) \
                        else None
                    record = summaries[id(g.__code__)][2].get(name)
                    if record is None:
                        continue
                    record = (*record[:5], record[5] and certain)
                    known = mutated.get(param)
                    if known is None or (record[5] and not known[5]):
                        mutated[param] = record
                        changed = True
        return summaries[id(fn.__code__)][2] if id(fn.__code__) in summaries else {}

    # ## Classes

    def _class(self, cls: type):
        if not is_user_module(cls.__module__) and (is_allowed_library(cls.__module__)
                                                   or cls.__module__ == "builtins") \
                or any(cls is t for t in _ANNOTATION_TYPES):
            return NotImplemented
        refusal = _class_refusal(cls)
        if refusal is not None:
            raise _refuse_value(cls, refusal)
        self.handles.append(cls)
        if linker.is_namedtuple(cls):
            return (linker.new_namedtuple, (cls.__name__, cls._fields, tuple(cls._field_defaults.items()),
                                            cls.__module__, len(self.handles) - 1),
                    library_classes.namedtuple_methods(cls, _is_users_function), None, None,
                    library_classes.set_namespace)
        made = (cls.__name__, cls.__qualname__, cls.__module__, cls.__bases__, len(self.handles) - 1)
        return library_classes.class_reduction(cls, made, _is_users_function, linker.new_class, linker.new_enum)


def build_image(fn, args: tuple, kwargs: dict, code_cache: CodeCache) -> tuple[ProgramImage, list]:
    """The program image of `fn(*args, **kwargs)` and the client objects it refers to by handle."""
    submitted = (fn, args, kwargs)
    try:
        graph, walker = deep_pickle.dump(lambda cls, file: cls(file, ProgramImage(), code_cache, submitted),
                                         Walker, submitted)
    except RecursionError:
        # Deep nesting alone travels (compiler/deep_pickle.py): what is left is a long cycle of lists,
        # dicts or sets, or code nested too deeply to check.
        raise PythonToForaConversionError("the arguments are nested too deeply to send to pyfora") from None
    except pickle.PicklingError as exc:
        # What a value's own reduction handed pickle (a function or class pickle finds by no name).
        raise PythonToForaConversionError(f"a value reached from the arguments or globals cannot be sent to "
                                          f"pyfora ({exc}); pass plain values instead") from None
    if _is_users_function(fn):
        _refuse_mutated_arguments(fn, args, kwargs, walker.mutated_arguments(fn))
    image = walker.image
    image.graph = buffers.pickled(graph, walker.outgoing)
    return image, walker.handles


def _copy_of(name: str, value) -> str:
    """The expression that copies `value`, the argument `name`, the way its type is copied."""
    kind = type(value)
    if kind in (list, dict, set, bytearray):
        return f"{kind.__name__}({name})"
    if kind.__name__ == "ndarray":
        return f"{name}.copy()"
    return f"copy.copy({name})"


def _refuse_mutated_arguments(fn, args: tuple, kwargs: dict, mutated: dict):
    """Refuse at submit what the submitted function's effect summary shows: it, or a function it hands
    an argument to, mutates that argument (`people.sort()`) while it certainly still holds it, which CPython
    would change for the caller. A mutation on some paths only is left to the check where it runs."""
    if not mutated:
        return
    try:
        bound = inspect.signature(fn).bind(*args, **kwargs).arguments
    except TypeError:       # the call itself raises, in the VM, as in CPython
        return
    for param, (filename, line, col, what, site, certain) in mutated.items():
        if certain and param in bound and linker.changed_at(bound[param], site):
            raise PythonToForaConversionError(
                f"{what} mutates the argument `{param}` of {fn.__qualname__}() (a `{type(bound[param]).__name__}` "
                "you passed in): CPython would change your object, and pyfora cannot; make the function work on "
                f"a copy of its own: write `{param} = {_copy_of(param, bound[param])}` as its first line, and "
                f"return what you need from it{_sorted_rewrite(param, filename, line)}",
                filename=filename, lineno=line, col=col, construct=what)


def _sorted_rewrite(param: str, filename: str, line: int) -> str:
    """For a line that is only `xs.sort(...)` of the argument `xs`: its rewrite, `xs = sorted(xs, ...)`."""
    try:
        statement = ast.parse(linecache.getline(filename, line).strip()).body
    except SyntaxError:
        return ""
    call = statement[0].value if len(statement) == 1 and isinstance(statement[0], ast.Expr) else None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "sort"
            and isinstance(call.func.value, ast.Name) and call.func.value.id == param):
        return ""
    rewritten = ast.Assign([ast.Name(param)], ast.Call(ast.Name("sorted"), [ast.Name(param), *call.args],
                                                       call.keywords), lineno=0)
    return f" (or {instead(ast.unparse(call), ast.unparse(rewritten))})"


# ## Results, on the client

_result_context = threading.local()


class ResultReader(pickle.Unpickler):
    """Unpickle what a worker sent back, resolving handles to the client's own objects; `incoming` are
    the buffers its large arrays travelled in (compiler/buffers.py)."""

    def __init__(self, data: bytes, handles: list, code_cache: CodeCache, incoming=()):
        super().__init__(io.BytesIO(data))
        self.handles = handles
        self.code_cache = code_cache
        self.incoming = incoming
        self._nans = NanReading()

    def persistent_load(self, pid):
        if set_layout.is_set_id(pid):
            return set_layout.persistent_load(pid)
        if is_nan_id(pid):
            return self._nans.persistent_load(pid)
        return self.handles[pid]

    def load(self):
        _result_context.reader = self
        try:
            with buffers.receiving(self.incoming):
                return super().load()
        finally:
            _result_context.reader = None


def client_function(code_id: str, position: tuple, name: str, qualname: str, module: str):
    """Rebuild, on the client, a function the VM made: the client's original code, fresh cells."""
    reader = _result_context.reader
    code, globals_ = _original_code(reader, code_id, position)
    closure = tuple(types.CellType() for _ in code.co_freevars)
    fn = types.FunctionType(code, globals_, name, None, closure)
    fn.__qualname__ = qualname
    return fn


def set_client_function_state(fn, state):
    linker.fill_function(fn, *state)


def client_class(name: str, qualname: str, module: str, bases: tuple) -> type:
    """Rebuild, on the client, a class a class statement in the VM made (a class defined inside a
    function): a new class of the client's, its methods the client's original code."""
    return type(name, bases, {"__module__": module, "__qualname__": qualname})


def client_enum(metaclass: type, name: str, qualname: str, module: str, bases: tuple, members: list) -> type:
    """Rebuild, on the client, an enum a class statement in the VM made."""
    return library_classes.new_enum(metaclass, name, qualname, module, bases, members)


def _original_code(reader, code_id: str, position: tuple):
    if code_id not in reader.code_cache.originals:
        raise PythonToForaConversionError(f"cannot rebuild a function of unknown code {code_id}")
    code, globals_ = reader.code_cache.originals[code_id]
    return (code if position is None else _nested_code(code, position)), globals_


def _nested_code(code, position):
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            node = None if is_class_body(const) else find_node(const)
            if node is not None and (node.lineno, node.col_offset) == tuple(position):
                return const
            try:
                return _nested_code(const, position)
            except LookupError:
                pass
    raise LookupError(position)
