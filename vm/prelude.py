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
import types

from pyfora.compiler import linker
from pyfora.compiler.program import CodeDef
from pyfora.compiler.routing import ROUTED
from pyfora.compiler.source import source_text

_MISSING = object()
_c = builtins
_partial = functools.partial
_GeneratorType = types.GeneratorType


def sum(iterable, /, start=0):
    if type(iterable) is not _GeneratorType or isinstance(start, (str, bytes, bytearray)):
        return _c.sum(iterable, start)
    total = start
    for item in iterable:
        total = total + item
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


def _extreme(name, largest, args, key, default):
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
        if default is _MISSING:
            raise ValueError(f"{name}() arg is an empty sequence")
        return default
    return best


def _c_extreme(function, args, key, default):
    if default is _MISSING:
        return function(*args, key=key)
    return function(*args, key=key, default=default)


def min(*args, key=None, default=_MISSING):
    plain = _c.len(args) != 1 or type(args[0]) is not _GeneratorType
    if (key is None and plain) or not args or (_c.len(args) > 1 and default is not _MISSING):
        return _c_extreme(_c.min, args, key, default)
    return _extreme("min", False, args, key, default)


def max(*args, key=None, default=_MISSING):
    plain = _c.len(args) != 1 or type(args[0]) is not _GeneratorType
    if (key is None and plain) or not args or (_c.len(args) > 1 and default is not _MISSING):
        return _c_extreme(_c.max, args, key, default)
    return _extreme("max", True, args, key, default)


_PUBLIC = [sum, any, all, list, tuple, set, sorted, min, max]
_HELPERS = [_collect, _extreme, _c_extreme]
assert {f.__name__ for f in _PUBLIC} == ROUTED


def _compile():
    """Compile every function above as tier-0 code; return their namespace and the routed ones."""
    namespace = linker.new_namespace(__name__)
    namespace.update({"_c": _c, "_partial": _partial,
                      "_GeneratorType": _GeneratorType, "_MISSING": _MISSING})
    for fn in _PUBLIC + _HELPERS:
        text = source_text(fn.__code__)
        code_def = CodeDef(text.filename, text.text, text.line, text.col, fn.__qualname__, (), None, (), ())
        unit = linker.compiled(code_def)
        compiled = types.FunctionType(unit.code, namespace, fn.__name__, fn.__defaults__)
        compiled.__kwdefaults__ = fn.__kwdefaults__
        namespace[fn.__name__] = compiled
    routed = {f"_pf_{fn.__name__}": namespace[fn.__name__] for fn in _PUBLIC}
    return namespace, routed


linker.HIDDEN_FILES.add(__file__)
NAMESPACE, ROUTED_FUNCTIONS = _compile()
linker.NAMESPACE_ADDITIONS.update(ROUTED_FUNCTIONS)
