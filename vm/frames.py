"""What a capture needs of a running frame beyond its locals, read through what Python publishes.

A suspension needs, for every frame, the cell objects of its closure variables
(so closures made before the suspension share them with the resumed frame),
and, for every caller, proof that it waits on exactly the frame above it with
no C function in between (a C function such as `sorted` or `len` would have
work left to do once its callee returns, and that work cannot be captured).

No private struct is read, so this works alike on every CPython version:
- Waiting: the caller's statement is a call (the statement form makes every
  call a statement of its own, its operands plain names); the callee that
  statement names is looked up without running any code (locals, globals,
  builtins, class dictionaries along the MRO), and the frame above must be
  running that function's code. A Python function called through the
  interpreter's own machinery (`f(*args)`, a bound method) returns its value
  unchanged, so that is a wait the resume can repeat; a class call is a wait
  on its `__init__`, whose caller gets the instance. That lookup also gives
  the function object each frame runs.
- Cells: a free variable's cell is in that function object's `__closure__`.
  For its own cell variables, the statement form gives a function a first
  statement `_pf_cells = lambda: (a, b, ...)` (compiler/tier0.py), whose
  `__closure__` holds the frame's cell objects. Resume code has one over all
  its cells.
- A generator's function object is held by the generator and reported by
  `gc.get_referents`: so a generator expression that has not started
  (CPython's own, with no statement form) is rebuilt, and a paused generator's
  free variables found.
"""
import ast
import enum
import gc
import types

from pyfora.compiler.routing import class_attribute
from pyfora.compiler.tier0 import CELLS


def cells(frame: types.FrameType, function: types.FunctionType | None) -> dict | None:
    """The cell objects of `frame`'s closure variables by name, `function` being what it runs (None for
    resume code, whose holder has them all); None while they cannot be known yet."""
    code = frame.f_code
    if not (code.co_cellvars or code.co_freevars):
        return {}
    holder = frame.f_locals.get(CELLS)
    found = dict(zip(holder.__code__.co_freevars, holder.__closure__)) if type(holder) is types.FunctionType \
        else {}
    if not found.keys() >= set(code.co_freevars):
        if function is None or function.__code__ is not code:
            return None
        found.update(zip(code.co_freevars, function.__closure__))
    return found if found.keys() >= set(code.co_cellvars) else None


def unstarted_cells(generator: types.GeneratorType, function: types.FunctionType | None) -> dict | None:
    """The cells of a generator that has not run yet, `function` being what made it: its closure, and
    fresh cells for its own cell variables (no closure can share those before its first statement)."""
    code = generator.gi_code
    if function is None:
        return None
    found = dict(zip(code.co_freevars, function.__closure__ or ()))
    values = generator.gi_frame.f_locals
    for name in code.co_cellvars:
        found[name] = types.CellType(values[name]) if name in values else types.CellType()
    return found


def generator_function(generator: types.GeneratorType) -> types.FunctionType | None:
    """The function object whose call made `generator` (its frame holds it strongly)."""
    for obj in gc.get_referents(generator):
        if type(obj) is types.FunctionType and obj.__code__ is generator.gi_code:
            return obj
    return None


class Wait(enum.Enum):
    CALL = "call"            # the caller gets the callee's value as the call's value
    CONSTRUCT = "construct"  # the callee is `__init__` of the class called; the caller gets the instance


def waits_on(caller: types.FrameType, call: ast.Call, callee: types.FrameType) -> tuple | None:
    """(how `caller`, stopped at the statement whose call is `call`, waits on the frame `callee`, the
    function `callee` runs); None where `callee` was not called straight from that call (a C function
    stands between them)."""
    target = _static_callee(caller, call.func)
    if isinstance(target, type):
        if type(target) is not type:   # a metaclass's `__call__` may do more once `__init__` returns
            return None
        target = class_attribute(target, "__init__", _MISSING)
        wait = Wait.CONSTRUCT
    else:
        wait = Wait.CALL
        if type(target) is types.MethodType:
            target = target.__func__
    if type(target) is types.FunctionType and target.__code__ is callee.f_code:
        return wait, target
    return None


_MISSING = object()


def _static_callee(frame: types.FrameType, func: ast.expr):
    """What the expression `func` (a name, or an attribute of one) means in `frame`, found without running
    code; _MISSING where that cannot be told so (a property, a `__getattr__`, anything more complex)."""
    if isinstance(func, ast.Name):
        return _name(frame, func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        owner = _name(frame, func.value.id)
        return _MISSING if owner is _MISSING else _attribute(owner, func.attr)
    return _MISSING


def _name(frame: types.FrameType, name: str):
    for scope in (frame.f_locals, frame.f_globals, frame.f_builtins):
        value = scope.get(name, _MISSING)
        if value is not _MISSING:
            return value
    return _MISSING


def _attribute(owner, name: str):
    """`owner.name` as attribute lookup would give it, where that needs no user code."""
    if isinstance(owner, types.ModuleType):
        return owner.__dict__.get(name, _MISSING)
    if type(owner) is super:
        return _super_attribute(owner, name)
    if isinstance(owner, type):
        if type(owner) is not type:
            return _MISSING
        raw = class_attribute(owner, name, _MISSING)
        if isinstance(raw, staticmethod):
            return raw.__func__
        if isinstance(raw, classmethod):
            return types.MethodType(raw.__func__, owner)
        return raw if type(raw) is types.FunctionType else _MISSING
    cls = type(owner)
    if class_attribute(cls, "__getattribute__", _MISSING) is not object.__getattribute__:
        return _MISSING
    raw = class_attribute(cls, name, _MISSING)
    if raw is not _MISSING and _is_data_descriptor(raw):
        return _MISSING
    instance = getattr(owner, "__dict__", None)
    if type(instance) is dict and name in instance:
        return instance[name]
    return _bind(raw, owner, cls)


def _super_attribute(proxy: super, name: str):
    """`super(cls, obj).name`: the MRO of obj's class after cls."""
    start, obj, kind = proxy.__thisclass__, proxy.__self__, proxy.__self_class__
    if kind is None or start not in kind.__mro__:
        return _MISSING
    mro = kind.__mro__
    for klass in mro[mro.index(start) + 1:]:
        if name in klass.__dict__:
            return _bind(klass.__dict__[name], obj, kind)
    return _MISSING


def _bind(raw, obj, cls):
    if type(raw) is types.FunctionType:
        return types.MethodType(raw, obj)
    if isinstance(raw, staticmethod):
        return raw.__func__
    if isinstance(raw, classmethod):
        return types.MethodType(raw.__func__, cls)
    return _MISSING


def _is_data_descriptor(raw) -> bool:
    kind = type(raw)
    return hasattr(kind, "__set__") or hasattr(kind, "__delete__")

