"""The VM's own versions of builtins that run user code: `sorted(key=)`, `min`/`max`, `sum`, ...

A C builtin that calls user code (a key function, a generator's next item)
stands as a C frame between two user frames, and a C frame's state cannot be
captured: while it runs, the computation cannot be suspended, cancelled
gracefully or split. These versions are written in the subset itself and
compiled like user code, so their frames are tier-0 frames too. Each hands
its work to the C builtin when no user code can run inside it (plain lists,
no key), so the common case stays C fast; the statement form routes only
calls that may need them here (compiler/routing.py).

They behave as the builtins do: same results, same order of calls to user
code, same exceptions (argument errors are left to the C builtin to raise).
"""
import builtins
import functools
import math
import struct
import types

from pyfora.compiler import linker
from pyfora.compiler.comprehensions import COMPENSATED_SUM, LONG_MAX as _LONG_MAX, LONG_MIN as _LONG_MIN
from pyfora.compiler.program import CodeDef
from pyfora.compiler.routing import ROUTED
from pyfora.compiler.source import source_text

_MISSING = object()
_c = builtins
_partial = functools.partial
_GeneratorType = types.GeneratorType
_isfinite = math.isfinite
_int_value = int.__index__   # an int subclass's own value, without calling any of its methods


def sum(iterable, /, start=0):
    if type(iterable) is not _GeneratorType or isinstance(start, (str, bytes, bytearray)):
        return _c.sum(iterable, start)
    total, compensation = _sum_start(start)
    for item in iterable:
        if compensation is False and type(item) is int and _LONG_MIN <= item <= _LONG_MAX \
                and _LONG_MIN <= total + item <= _LONG_MAX:   # ints in a C long, as _sum_add adds them
            total = total + item
        elif type(item) is float and type(compensation) is float:   # Neumaier's step, as _sum_add takes it
            t = total + item
            if abs(total) >= abs(item):
                compensation = compensation + ((total - t) + item)
            else:
                compensation = compensation + ((item - t) + total)
            total = t
        elif compensation is None:   # objects add with `+`, no call per item (always so before 3.12)
            total = total + item
        else:
            total, compensation = _sum_add(total, compensation, item)
    return _sum_total(total, compensation)


# `sum` as CPython's builtin_sum_impl computes it, one item at a time: the VM's own `sum` and the
# loops compiler/comprehensions.py makes of `sum(generator)` run it. CPython keeps the total in a C
# long while the items are ints, then in a C double while they are floats or ints that fit a C
# long, and once it has added any other object it adds objects to the end. On 3.12+ the double
# carries a Neumaier compensation. The state is a pair (total, compensation): compensation is False
# while the total is a C long, a float while it is a C double, None once objects are added. Before
# 3.12 the fast paths give exactly what `+` gives, so the state starts, and stays, at None.

def _sum_start(start):
    """Return the state of a sum that starts at `start`."""
    if COMPENSATED_SUM:
        if type(start) is float:
            return start, 0.0
        if type(start) is int and _LONG_MIN <= start <= _LONG_MAX:
            return start, False
    return start, None


def _sum_add(total, compensation, item):
    """Return the state after adding `item`."""
    if type(compensation) is float:
        if type(item) is float:
            t = total + item
            if abs(total) >= abs(item):
                return t, compensation + ((total - t) + item)
            return t, compensation + ((item - t) + total)
        # An int adds to the double uncompensated; float + int calls none of an int subclass's methods.
        if isinstance(item, int) and _LONG_MIN <= _int_value(item) <= _LONG_MAX:
            return total + item, compensation
        return _sum_total(total, compensation) + item, None
    if compensation is None:
        return total + item, None
    if (type(item) is int or type(item) is bool) and _LONG_MIN <= item <= _LONG_MAX \
            and _LONG_MIN <= total + item <= _LONG_MAX:
        return total + item, False
    total = total + item
    return total, (0.0 if type(total) is float else None)


def _sum_total(total, compensation):
    """Return the sum the state stands for."""
    # CPython leaves out a zero compensation (which keeps -0.0) and a non-finite one (which would
    # turn an infinite or overflowed sum into a NaN).
    if type(compensation) is float and compensation and _isfinite(compensation):
        return total + compensation
    return total


def any(iterable, /):
    if type(iterable) is not _GeneratorType:
        return _c.any(iterable)
    for item in iterable:
        if item:
            return True
    return False


def all(iterable, /):
    if type(iterable) is not _GeneratorType:
        return _c.all(iterable)
    for item in iterable:
        if not item:
            return False
    return True


def _collect(iterable):
    items = []
    for item in iterable:
        items.append(item)
    return items


def list(iterable=_MISSING, /):
    if iterable is _MISSING:
        return []
    if type(iterable) is not _GeneratorType:
        return _c.list(iterable)
    return _collect(iterable)


def tuple(iterable=_MISSING, /):
    if iterable is _MISSING:
        return ()
    if type(iterable) is not _GeneratorType:
        return _c.tuple(iterable)
    return _c.tuple(_collect(iterable))


def set(iterable=_MISSING, /):
    if iterable is _MISSING:
        return _c.set()
    if type(iterable) is not _GeneratorType:
        return _c.set(iterable)
    return _c.set(_collect(iterable))


def sorted(iterable, /, *, key=None, reverse=False):
    if key is None and type(iterable) is not _GeneratorType:
        return _c.sorted(iterable, reverse=reverse)
    items = _collect(iterable) if type(iterable) is _GeneratorType else _c.list(iterable)
    if key is None:
        return _c.sorted(items, reverse=reverse)
    keys = []
    for item in items:
        keys.append(key(item))
    # list.sort asks for each item's key once, in order, before it compares any: handing it the
    # keys computed above, from C, sorts exactly as `sorted(iterable, key=key)` would.
    return _c.sorted(items, key=_partial(_c.next, _c.iter(keys)), reverse=reverse)


def _extreme(function, largest, args, key, default):
    if _c.len(args) == 1:
        iterable = args[0]
    else:
        iterable = args
    best = _MISSING
    best_key = None
    for item in iterable:
        item_key = item if key is None else key(item)
        if best is _MISSING:
            best = item
            best_key = item_key
        elif (item_key > best_key) if largest else (item_key < best_key):
            best = item
            best_key = item_key
    if best is _MISSING:
        # The C builtin of an empty tuple returns the default or raises with the running
        # version's own message (3.12 reworded it).
        return _c_extreme(function, ((),), None, default)
    return best


def _c_extreme(function, args, key, default):
    if default is _MISSING:
        return function(*args, key=key)
    return function(*args, key=key, default=default)


def min(*args, key=None, default=_MISSING):
    plain = _c.len(args) != 1 or type(args[0]) is not _GeneratorType
    if (key is None and plain) or not args or (_c.len(args) > 1 and default is not _MISSING):
        return _c_extreme(_c.min, args, key, default)
    return _extreme(_c.min, False, args, key, default)


def max(*args, key=None, default=_MISSING):
    plain = _c.len(args) != 1 or type(args[0]) is not _GeneratorType
    if (key is None and plain) or not args or (_c.len(args) > 1 and default is not _MISSING):
        return _c_extreme(_c.max, args, key, default)
    return _extreme(_c.max, True, args, key, default)


_PUBLIC = [sum, any, all, list, tuple, set, sorted, min, max]
_SUM_STEPS = [_sum_start, _sum_add, _sum_total]
_HELPERS = [_collect, _extreme, _c_extreme] + _SUM_STEPS
assert {f.__name__ for f in _PUBLIC} == ROUTED


def _compile():
    """Compile every function above as tier-0 code; return their namespace and what user code calls."""
    namespace = linker.new_namespace(__name__)
    namespace.update({"_c": _c, "_partial": _partial, "_GeneratorType": _GeneratorType, "_MISSING": _MISSING,
                      "COMPENSATED_SUM": COMPENSATED_SUM, "_isfinite": _isfinite, "_int_value": _int_value,
                      "_LONG_MAX": _LONG_MAX, "_LONG_MIN": _LONG_MIN})
    for fn in _PUBLIC + _HELPERS:
        text = source_text(fn.__code__)
        code_def = CodeDef(text.filename, text.text, text.line, text.col, fn.__qualname__, (), None, (), ())
        unit = linker.compiled(code_def)
        compiled = types.FunctionType(unit.code, namespace, fn.__name__, fn.__defaults__)
        compiled.__kwdefaults__ = fn.__kwdefaults__
        namespace[fn.__name__] = compiled
    # Routed calls name `_pf_sorted`..., the loops compiler/comprehensions.py emits `_pf_sum_add`...
    called = {f"_pf_{fn.__name__.lstrip('_')}": namespace[fn.__name__] for fn in _PUBLIC + _SUM_STEPS}
    return namespace, called


linker.HIDDEN_FILES.add(__file__)
NAMESPACE, CALLED_FUNCTIONS = _compile()
linker.NAMESPACE_ADDITIONS.update(CALLED_FUNCTIONS)
