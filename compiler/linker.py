"""The linker: turn a program image back into live objects, in the process that runs it.

Each code definition is compiled once per process (tier 0) and cached by id;
every function object of that definition shares its template code object. The
functions named here are what the pickled graph calls to rebuild user
functions, classes and module namespaces. Objects that came from the client
remember their handle, so results that contain them go back as the client's
own objects.
"""
import builtins
import collections
import dis
import functools
import importlib
import inspect
import io
import os
import pickle
import sys
import threading
import types

from pyfora.errors import PythonToForaConversionError

from .astutil import (ABS_BUILTIN, FLOAT_TYPE, FOREIGN_IDS, FROZENSET_BUILTIN, ID_BUILTIN, INIT_RETURNED, INT_TYPE,
                      OBJECT_NEW, OUT_CHECK, PLAIN_TYPES, SEED_CHECK, TYPE_BUILTIN)
from . import code_cache, set_layout
from .nans import NanReading, is_nan_id
from .program import CodeDef, ProgramImage
from .tier0 import CompiledUnit, compile_code_def, unit_filename

UNITS: dict[str, CompiledUnit] = {}
"""Compiled units by their code filename (what a frame's f_code.co_filename says)."""

_COMPILED: dict[str, CompiledUnit] = {}
_KNOWN: dict[str, CodeDef] = {}
"""Every code definition this process has been sent; a client sends each one once."""
_context = threading.local()

_OWNED_TYPES = (list, dict, set, bytearray, collections.deque)

_ARRAY_TYPES = ("ndarray", "flatiter", "memoryview")
_IMMUTABLE_ATOMS = (str, bytes, int, float, complex, bool, tuple, frozenset, type(None), range)
_PLAIN = frozenset(_OWNED_TYPES + _IMMUTABLE_ATOMS + (collections.defaultdict, collections.OrderedDict,
                                                      collections.Counter))
"""Types whose objects `check_mutation` lets through at its first test unless their id is in FOREIGN:
no class, no array. Tier-0 code makes that test inline and calls it only when the test fails
(compiler/anf.py, `mutation_check`), so a store into a list the computation made costs no call."""

FOREIGN: set[int] = set()
"""The ids of the objects the running computation did not make: everything the program image (or the
continuation) brought, which the client's objects (arguments, globals, defaults, closure cells) are
copies of. Mutating one would change the client's object in CPython and not here, so it is refused
(`check_mutation`); anything the computation made it may mutate, as CPython would. Changed in place
only, never rebound: every tier-0 namespace holds this very set (`new_namespace`)."""
FOREIGN_OBJECTS: list = []
"""The objects themselves, held so that no id is reused while the computation runs."""


def mark_foreign(objects):
    """Record `objects` (an unpickler's memo, a continuation's list) as the computation's foreign ones.
    Atoms (numbers, strings) among them cost nothing to keep and are never checked."""
    held = list(objects)
    FOREIGN_OBJECTS.extend(held)
    FOREIGN.update(map(id, held))


def forget_foreign():
    """The computation is over (or replaced by a resumed one): let go of the client's objects."""
    FOREIGN.clear()
    FOREIGN_OBJECTS.clear()


def is_foreign(obj) -> bool:
    """Whether `obj`, or the object whose data it views (an array's base, a memoryview's object), came
    from outside the computation."""
    while obj is not None:
        if id(obj) in FOREIGN:
            return True
        kind = type(obj).__name__
        obj = (obj.obj if kind == "memoryview" else obj.base) if kind in _ARRAY_TYPES else None
    return False


def _loaded(module: str, name: str):
    """`module.name`, or a class nothing is an instance of where `module` is not imported (the client does
    not import `random`, `statistics` or numpy for a check that cannot apply)."""
    loaded = sys.modules.get(module)
    return getattr(loaded, name) if loaded is not None else _Absent


class _Absent:
    """Stands for a class of a module that is not imported."""


def _is_generator(cls: type) -> bool:
    """Whether `cls` makes random generators: `random.Random`, numpy's Generator and bit generators."""
    return issubclass(cls, _loaded("random", "Random")) or cls.__module__.startswith("numpy.random")


def _generator_draw(obj) -> bool:
    return not isinstance(obj, type) and _is_generator(type(obj))


def changed_at(obj, site: str) -> bool:
    """Whether a mutation site of kind `site` (ownership.Effects) changes `obj` itself: an attribute store
    any object that has attributes; `x += ...` and a method call or item store a builtin container or an
    array, whose C code changes them (a user object's own methods are checked where they change it)."""
    if site == "attribute":
        return not isinstance(obj, _IMMUTABLE_ATOMS)
    return isinstance(obj, _OWNED_TYPES) or type(obj).__name__ in _ARRAY_TYPES


def check_mutation(obj, where: str):
    """At a site the ownership pass flagged: refuse mutating an object that came from outside the
    computation (`FOREIGN`), and an unbound method of a container type (`type(a).append`), which could
    mutate any container.

    A method call or an item store (`x.append(v)`, `x[k] = v`) is checked on the builtin containers
    and arrays whose C methods mutate them; a user object's own methods are checked where they change
    it. An attribute store (`where` ends in "attribute") is checked on any object."""
    if id(obj) not in FOREIGN and not isinstance(obj, type) and type(obj).__name__ not in _ARRAY_TYPES:
        return      # tier-0 code makes this test inline for _PLAIN's types (compiler/anf.py): keep them alike
    filename, line, what, *site = where.split("\x00")
    if is_foreign(obj) and _generator_draw(obj):
        refuse_at_run_time(
            f"{what} draws from a `{type(obj).__name__}` that came from outside the computation (an argument, "
            "a global, a default value or a closure's variable): in CPython the draw would advance the "
            "caller's generator; make the generator in the computation from a seed (`rng = "
            "random.Random(seed)`, `rng = np.random.default_rng(seed)`) and pass the seed instead",
            filename, int(line), what)
    if is_foreign(obj) and changed_at(obj, site[0] if site else ""):
        if id(obj) not in FOREIGN:
            refuse_at_run_time(
                f"{what} writes into a view of an array that came from outside the computation (a slice of "
                "an argument or a global shares its data); copy it first (`b = a[1:].copy()`)",
                filename, int(line), what)
        refuse_at_run_time(
            f"{what} mutates a `{type(obj).__name__}` value that came from outside the computation (an "
            "argument, a global, a default value or a closure's variable): CPython would change the "
            "caller's object, and pyfora cannot; work on a copy made inside (`x = copy.copy(x)`, "
            "`l = list(l)`) or build a new value (`l = l + [v]`, `d = {**d, k: v}`) and return it",
            filename, int(line), what)
    if not site and isinstance(obj, type) and (issubclass(obj, _OWNED_TYPES) or obj.__name__ in _ARRAY_TYPES
                                               or _is_generator(obj)):
        refuse_at_run_time(
            f"{what} uses a method of `{obj.__name__}` unbound, which mutates whatever it is given; call "
            "it on a value this function made (`a.append(x)`, `rng.random()`)", filename, int(line), what)


def check_seed(func, args: tuple, kwargs: dict, where: str):
    """Refuse seeding a random generator from the operating system (no seed, or None), which gives other
    numbers at every run: `random.Random(seed)`, `rng.seed(seed)`, numpy's `default_rng(seed)` and bit
    generators, `NormalDist.samples(n, seed=seed)`; and seeding numpy's from a generator or bit generator,
    which is not copied (`default_rng(rng)` is `rng`). Other seeds go to the library, which takes them or
    raises its own error; other callables pass."""
    seeding = _seed_parameter(func)
    if seeding is None:
        return
    position, name = seeding
    seed = args[position] if len(args) > position else kwargs.get(name)
    if seed is not None and not _is_generator(type(seed)):
        return
    filename, line, what = where.split("\x00")
    refuse_at_run_time(
        f"{what} with the seed {type(seed).__name__ if seed is not None else None} draws its seed from the "
        "operating system or shares a generator, so the computation would not give the same numbers at every "
        "run; pass an int seed: `random.Random(seed)`, `np.random.default_rng(seed)`", filename, int(line), what)


def _seed_parameter(func) -> tuple | None:
    """(position, keyword) of the seed `func` takes, or None if `func` seeds nothing."""
    owner = getattr(func, "__self__", None)
    name = getattr(func, "__name__", None)
    generator = _loaded("random", "Random")
    if func is generator or (isinstance(owner, generator) and name == "seed"):
        return (0, "x" if func is generator else "a")
    if isinstance(owner, _loaded("statistics", "NormalDist")) and name == "samples":
        return (1, "seed")
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None and (func is numpy_random.default_rng or (
            isinstance(func, type) and issubclass(func, (numpy_random.BitGenerator, numpy_random.SeedSequence)))):
        return (0, "entropy" if func is numpy_random.SeedSequence else "seed")
    return None


def line_offset(code, lasti: int) -> int:
    """How many lines below its statement's first the instruction at `lasti` is (statements.py)."""
    if lasti < 0:
        return 0
    positions = list(code.co_positions())
    col = positions[lasti // 2][2] if lasti // 2 < len(positions) else None
    return col or 0


def user_location(frame) -> tuple:
    """(file, line) in the user's source of the innermost frame at or above `frame` that runs user
    code; (None, None) if none does."""
    while frame is not None:
        unit = UNITS.get(frame.f_code.co_filename)
        if unit is not None and unit.code_def.filename not in HIDDEN_FILES:
            info = unit.tables.statements.get(frame.f_lineno)
            if info is not None:
                return unit.code_def.filename, info.line + line_offset(frame.f_code, frame.f_lasti)
        frame = frame.f_back
    return None, None


_OUT_POSITIONS: dict = {}
"""id(callable) -> (callable, the position of its first output argument or None)."""
_UFUNC_METHOD_OUT = {"reduce": 3, "accumulate": 3, "reduceat": 4}


def _out_position(func) -> int | None:
    kind = type(func).__name__
    if kind == "ufunc":
        return func.nin
    if type(getattr(func, "__self__", None)).__name__ == "ufunc":
        return _UFUNC_METHOD_OUT.get(func.__name__)
    known = _OUT_POSITIONS.get(id(func))
    if known is None or known[0] is not func:
        try:
            names = [p.name for p in inspect.signature(func).parameters.values()
                     if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        except (TypeError, ValueError):
            names = []
        known = _OUT_POSITIONS[id(func)] = (func, names.index("out") if "out" in names else None)
    return known[1]


def check_positional_out(func, values: tuple, positions: tuple, where: str):
    """Refuse a call that writes into an argument the frame does not own (`np.add(a, 1, a)`): of the
    arguments at `positions` (the ones the ownership pass could not show owned), those at or past the
    callee's first output position."""
    first = _out_position(func)
    if first is None:
        return
    for position, value in zip(positions, values):
        if position >= first:
            for target in (value if type(value) is tuple else (value,)):
                check_mutation(target, where)


def refuse_at_run_time(message: str, filename: str | None, line: int | None, construct: str, col=None):
    """Raise the conversion error of a refusal only a run can tell; the user's handlers and
    `finally` blocks let it through (SuspendFlag)."""
    SUSPENDING.active = True
    raise PythonToForaConversionError(message, filename=filename, lineno=line, col=col, construct=construct)


def refused_function(name: str, qualname: str, module: str, error: PythonToForaConversionError, handle: int):
    """The stand-in for a function outside the subset that the program reaches but may never call
    (compiler/image.py): calling it raises the refusal found on the client, through the user's
    handlers. A result that holds it goes back as the client's function."""
    def refused(*args, **kwargs):
        refuse_at_run_time(error.message, error.filename, error.lineno, error.construct, error.col)
    refused.__name__, refused.__qualname__, refused.__module__ = name, qualname, module
    ctx = getattr(_context, "current", None)
    if ctx is not None:
        ctx.remember(refused, handle)
    return refused


def reduce_refused(fn):
    """How a suspension carries a stand-in of `refused_function`, or None for any other function."""
    if fn.__code__ is not _REFUSED_CODE:
        return None
    return (refused_function, (fn.__name__, fn.__qualname__, fn.__module__, fn.__closure__[0].cell_contents, -1))


_REFUSED_CODE = next(c for c in refused_function.__code__.co_consts if isinstance(c, types.CodeType))


def init_returned(value):
    """Refuse what an `__init__` returned, as `type.__call__` does (explicit construction, compiler/anf.py)."""
    raise TypeError(f"__init__() should return None, not '{type(value).__name__}'")


def compiled(code_def: CodeDef) -> CompiledUnit:
    """The tier-0 unit of `code_def`: once per process, loaded from the compiled-code cache when an
    earlier process compiled it (compiler/code_cache.py), else compiled here and kept there."""
    code_id = code_def.id
    unit = _COMPILED.get(code_id)
    if unit is None:
        unit = code_cache.cached_unit(code_id, code_def)
        if unit is None:
            from .ownership import annotate_ownership   # compiling only: a cached unit needs none of it
            unit = compile_code_def(code_def, annotate=lambda node: annotate_ownership(node, code_def))
            code_cache.keep_unit(code_id, unit)
        _COMPILED[code_id] = unit
        UNITS[unit_filename(code_id)] = unit
        if "ir" in os.environ.get("PYFORA_DUMP", "").split(",") and code_def.filename not in HIDDEN_FILES:
            print(f"# {code_def.qualname} ({code_def.filename}:{code_def.line})\n{unit.format_ir()}",
                  file=sys.stderr)
    return unit


class _Context:
    def __init__(self, image: ProgramImage):
        _KNOWN.update(image.codes)
        self.codes = _KNOWN
        self.origins: dict[int, int] = {}
        self.keep: list = []

    def remember(self, obj, handle: int):
        self.origins[id(obj)] = handle
        self.keep.append(obj)


def load(image: ProgramImage):
    """Rebuild `(fn, args, kwargs)` from `image`; return it and the origins of client objects."""
    ctx = _Context(image)
    _context.current = ctx
    MODULE_VIEWS.clear()
    forget_foreign()
    try:
        reader = _ImageReader(io.BytesIO(image.graph))
        fn, args, kwargs = reader.load()
        mark_foreign(reader.memo.copy().values())
        mark_foreign(reader.persisted)
    finally:
        _context.current = None
    return (fn, args, kwargs), ctx.origins, ctx.keep


class _ImageReader(pickle.Unpickler):
    def __init__(self, file):
        super().__init__(file)
        self._nans = NanReading()
        self.persisted: list = []
        """Sets rebuilt from persistent ids, which pickle's memo does not hold."""

    def persistent_load(self, pid):
        if set_layout.is_set_id(pid):
            value = set_layout.persistent_load(pid)
            self.persisted.append(value)
            return value
        if is_nan_id(pid):    # a NaN of the client's, numbered with its handle: it goes back as the client's
            value = self._nans.persistent_load(pid)
            _context.current.remember(value, pid[1])
            return value
        raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")


class SuspendFlag:
    """Set while the VM unwinds a computation (a suspension, or a refusal at run time).

    Rewritten handlers and `finally` blocks re-raise at once, so the user's code never
    catches the unwinding exception or runs on after it.
    """
    active = False


SUSPENDING = SuspendFlag()


NAMESPACE_ADDITIONS: dict = {}
"""Names the VM adds to every user namespace (its own builtins, `_pf_sorted`...), registered by vm/."""

HIDDEN_FILES: set = set()
"""Files of the VM's own tier-0 code, left out of user tracebacks."""


def new_namespace(module: str) -> dict:
    """A fresh globals dict for one user module, with the names tier-0 code relies on."""
    namespace = {"__name__": module, "__builtins__": builtins, "_pf_iter": iter, "_pf_mut": check_mutation,
                 ID_BUILTIN: id, FOREIGN_IDS: FOREIGN, PLAIN_TYPES: _PLAIN,
                 SEED_CHECK: check_seed,
                 OUT_CHECK: check_positional_out,
                 "_pf_susp": SUSPENDING, "_pf_next": next, "_pf_StopIteration": StopIteration,
                 OBJECT_NEW: object.__new__, INIT_RETURNED: init_returned, TYPE_BUILTIN: type, INT_TYPE: int,
                 FLOAT_TYPE: float, ABS_BUILTIN: abs, FROZENSET_BUILTIN: frozenset}
    namespace.update(NAMESPACE_ADDITIONS)
    return namespace


def new_module(name: str) -> types.ModuleType:
    return types.ModuleType(name)


def set_module_state(module, attributes: dict):
    for key, value in attributes.items():
        setattr(module, key, value)


def bound_method(func, obj):
    return types.MethodType(func, obj)


def import_module(name: str):
    return importlib.import_module(name)


def guard(name: str):
    """One of compiler/guards.py's checked builtins, which stand in for the originals in the VM."""
    from . import guards
    return getattr(guards, name)


MODULE_VIEWS: dict = {}
"""Module name -> the view of it the running computation sees (compiler/guards.py); each computation
starts with none (`load`, and vm/suspend.py's resume)."""


def module_view(name: str):
    """An allowed library module as pyfora code sees it (compiler/guards.py)."""
    from .guards import module_view as view
    return view(name)


def new_function(code_id: str, namespace: dict, name: str, qualname: str, handle: int):
    ctx = _context.current
    unit = compiled(ctx.codes[code_id])
    rebound = _rebound_free_variable(unit.code)
    if rebound is not None:
        fn = _refusing_function(unit, qualname, *rebound)
    else:
        closure = tuple(types.CellType() for _ in unit.code.co_freevars) or None
        fn = types.FunctionType(unit.code, namespace, name, None, closure)
    fn.__qualname__ = qualname
    ctx.remember(fn, handle)
    return fn


def _rebound_free_variable(code: types.CodeType) -> tuple | None:
    """(name, statement id) where `code`, or a function nested in it, rebinds with `nonlocal` a variable
    of the call that made this closure; None if none does."""
    free = set(code.co_freevars)
    pending = [code]
    while free and pending:
        inner = pending.pop()
        for instruction in dis.get_instructions(inner):
            if instruction.opname in ("STORE_DEREF", "DELETE_DEREF") and instruction.argval in free \
                    and instruction.argval in inner.co_freevars:
                return instruction.argval, instruction.positions.lineno
        pending.extend(c for c in inner.co_consts if isinstance(c, types.CodeType))
    return None


def _refusing_function(unit: CompiledUnit, qualname: str, variable: str, statement: int):
    """A closure the client made that rebinds a variable of the call that made it (`nonlocal`): a call
    would change the client's closure in CPython and cannot here, so calling it is refused (only
    calling it: a program that merely holds it runs)."""
    info = unit.tables.statements.get(statement)
    line = info.line if info is not None else unit.code_def.line
    message = (f"`{qualname}` rebinds `{variable}` (`nonlocal`), a variable of a call made outside the "
               "computation: CPython would change the caller's closure, and pyfora cannot; make the closure "
               "inside the computation (call the function that makes it there), or return the new value "
               "instead of rebinding it")
    refuse = functools.partial(refuse_at_run_time, message, unit.code_def.filename, line, "nonlocal")
    return types.FunctionType(_REFUSING_CODE, {"__builtins__": builtins, "_pf_refuse": refuse}, qualname)


def _refused_call(*args, **kwargs):
    _pf_refuse()    # noqa: F821  (in the globals `_refusing_function` gives this code)


_REFUSING_CODE = _refused_call.__code__


def function_attributes(fn) -> dict:
    """What a rebuilt function must be given besides its code: its `__dict__` and its `__doc__`
    (which may have been set after the `def`, by hand or by `functools.wraps`)."""
    return {**fn.__dict__, "__doc__": fn.__doc__}


def fill_function(fn, defaults, kwdefaults, cells: dict, attrs: dict):
    """Give a rebuilt function its defaults, its closure cells' contents and its attributes."""
    fn.__defaults__ = defaults
    fn.__kwdefaults__ = kwdefaults
    for name, cell in zip(fn.__code__.co_freevars, fn.__closure__ or ()):
        if name in cells:
            cell.cell_contents = cells[name]
    for name, value in attrs.items():
        setattr(fn, name, value)


def set_function_state(fn, state):
    namespace, glob, defaults, kwdefaults, cells, attrs, modules = state
    namespace.update(glob)
    for module, attributes in modules:
        set_module_state(module, attributes)
    fill_function(fn, defaults, kwdefaults, cells, attrs)


def dict_view(mapping: dict, kind: str):
    return getattr(mapping, kind)()


def lru_cached(fn, parameters: dict):
    return functools.lru_cache(maxsize=parameters["maxsize"], typed=parameters["typed"])(fn)


def reduce_descriptor(obj):
    """How to pickle a method wrapper, a bound method or an lru_cache wrapper, or None."""
    t = type(obj)
    if t is functools._lru_cache_wrapper:
        return (lru_cached, (obj.__wrapped__, obj.cache_parameters()))
    if t in (staticmethod, classmethod):
        return (t, (obj.__func__,))
    if t is property:
        return (property, (obj.fget, obj.fset, obj.fdel, obj.__doc__))
    if t is types.MethodType:
        return (bound_method, (obj.__func__, obj.__self__))
    return None


CLASS_ORIGINS: dict = {}
"""User classes made in this process -> the client's handle for them (or -1)."""


def _registered(cls: type, handle: int) -> type:
    """Remember a class made here from one of the client's, so results give the client's back."""
    CLASS_ORIGINS[cls] = handle
    ctx = getattr(_context, "current", None)
    if ctx is not None and handle >= 0:
        ctx.remember(cls, handle)
    return cls


def new_class(name: str, qualname: str, module: str, bases: tuple, handle: int):
    cls = type(name, bases, {"__module__": module, "__qualname__": qualname})
    return _registered(cls, handle)


def new_enum(metaclass: type, name: str, qualname: str, module: str, bases: tuple, handle: int, members: list):
    """An enum of the client's, made again by its metaclass (compiler/library_classes.py)."""
    from .library_classes import new_enum as make
    cls = make(metaclass, name, qualname, module, bases, members)
    return _registered(cls, handle)


def is_namedtuple(cls: type) -> bool:
    """Whether `cls` was made by `collections.namedtuple` (and so travels as `new_namedtuple`)."""
    return issubclass(cls, tuple) and "_fields" in cls.__dict__ and "_field_defaults" in cls.__dict__


def new_namedtuple(name: str, fields: tuple, defaults: tuple, module: str, handle: int):
    """A `collections.namedtuple` class (its methods come from code without source to ship)."""
    defaults = dict(defaults)
    cls = collections.namedtuple(name, fields, defaults=[defaults[f] for f in fields if f in defaults] or None,
                                 module=module)
    return _registered(cls, handle)


def vm_function(code: types.CodeType, name: str, qualname: str, globals_: dict, cells: dict):
    """A function of tier-0 code (its unit is compiled in this process) over `cells`.

    Its `__module__` comes with its state: `globals_` may still be empty here (a namespace that holds
    the function itself is filled in after it)."""
    closure = tuple(cells.get(n) or types.CellType() for n in code.co_freevars) or None
    fn = types.FunctionType(code, globals_, name, None, closure)
    fn.__qualname__ = qualname
    return fn


def set_vm_function_state(fn, state):
    defaults, kwdefaults, attrs = state
    fill_function(fn, defaults, kwdefaults, {}, attrs)


def new_cell():
    return types.CellType()


def set_cell(cell, state):
    full, contents = state
    if full:
        cell.cell_contents = contents


def new_instance(cls):
    return cls.__new__(cls)


def set_instance_state(obj, state: dict):
    """Set attributes one by one: reading `obj.__dict__` would turn CPython's inline attribute
    values into a dict of their own, and attribute access on such objects is slower."""
    for key, value in state.items():
        object.__setattr__(obj, key, value)


def reduce_instance(obj):
    """How to pickle an instance of a user class, or None when its class pickles it its own way."""
    cls = type(obj)
    if cls.__reduce_ex__ is not object.__reduce_ex__ or cls.__reduce__ is not object.__reduce__ \
            or getattr(cls, "__getstate__", None) is not object.__getstate__ \
            or cls.__new__ is not object.__new__ or not hasattr(obj, "__dict__"):
        return None
    return (new_instance, (cls,), dict(obj.__dict__), None, None, set_instance_state)


def suspend_flag():
    return SUSPENDING

