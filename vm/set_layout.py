"""Sets that travel with their iteration order: CPython 3.11's set table, copied slot by slot.

A set iterates in the order of the slots of its hash table, and which slot an
item got depends on the table's whole history (its size, the order items came
in, the slots left by removed items). Pickle rebuilds a set by adding its
items again, into a table of its own making: for a set of strings that order
differs from the original's more often than not. A suspended computation
resumed with such a set would go on iterating it in another order than the
run it continues, and give another answer. So a set travels as its table:
the size, which slot holds which item, which slots are left by removed items
(CPython's "dummy" entries) and the `pop` finger, and is rebuilt with exactly
that table. Items are placed at their old slots with the hashes they have in
the new process, so this is only done when the hash seed is the same and every
item's hash is its value's (not its address's): `rebuild` then checks that
every item is found where a lookup probes for it, and otherwise returns a set
built the ordinary way.
"""
import ctypes
import sys

_ssize = ctypes.c_ssize_t


class _Entry(ctypes.Structure):
    _fields_ = [("key", ctypes.c_void_p), ("hash", _ssize)]


_SMALL = 8   # PySet_MINSIZE


class _SetObject(ctypes.Structure):
    """PySetObject of CPython 3.11 (Include/cpython/setobject.h)."""
    _fields_ = [("ob_refcnt", _ssize), ("ob_type", ctypes.c_void_p), ("fill", _ssize), ("used", _ssize),
                ("mask", _ssize), ("table", ctypes.POINTER(_Entry)), ("hash", _ssize), ("finger", _ssize),
                ("smalltable", _Entry * _SMALL), ("weakreflist", ctypes.c_void_p)]


SUPPORTED = (sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)
             and set().__sizeof__() == ctypes.sizeof(_SetObject))

_calloc = ctypes.pythonapi.PyMem_Calloc
_calloc.restype = ctypes.c_void_p
_calloc.argtypes = [ctypes.c_size_t, ctypes.c_size_t]
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]


def _view(s) -> _SetObject:
    return _SetObject.from_address(id(s))


def _dummy_address() -> int:
    """The address CPython marks a removed item's slot with."""
    probe = set()
    marker = object()
    probe.add(marker)
    probe.discard(marker)
    view = _view(probe)
    return next(view.table[i].key for i in range(view.mask + 1) if view.table[i].hash == -1)


_DUMMY = _dummy_address() if SUPPORTED else None


def layout(s) -> tuple:
    """(table size - 1, pop finger, slots of the items in iteration order, slots of removed items)."""
    view = _view(s)
    live, removed = [], []
    for i in range(view.mask + 1):
        key = view.table[i].key
        if key == _DUMMY:
            removed.append(i)
        elif key is not None:
            live.append(i)
    return view.mask, view.finger, tuple(live), tuple(removed)


def rebuild(cls, items: list, table: tuple):
    """A `cls` (set or frozenset) of `items` whose table is `table` (from `layout`), or, if the
    items' hashes do not put them where they were, an ordinary `cls(items)`."""
    mask, finger, live, removed = table
    if len(live) != len(items):
        return cls(items)
    built = cls()
    view = _view(built)
    if mask + 1 == _SMALL:
        entries = view.smalltable
    else:
        address = _calloc(mask + 1, ctypes.sizeof(_Entry))
        if not address:
            return cls(items)
        entries = (_Entry * (mask + 1)).from_address(address)
    for slot, item in zip(live, items):
        _incref(item)
        entries[slot].key = id(item)
        entries[slot].hash = hash(item)
    for slot in removed:
        entries[slot].key = _DUMMY
        entries[slot].hash = -1
    if mask + 1 != _SMALL:
        view.table = ctypes.cast(ctypes.addressof(entries), ctypes.POINTER(_Entry))
    view.mask, view.used, view.fill, view.finger = mask, len(live), len(live) + len(removed), finger
    if list(built) != items or not all(item in built for item in items):
        return cls(items)
    return built
