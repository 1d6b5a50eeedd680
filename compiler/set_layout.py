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
that table, in place, once pickle has made it.
Items are placed at their old slots with the hashes they have in the new
process, which is right when the hash seed is the same and every item's hash
is its value's (not its address's): `relayout` first checks, on a set of its
own, that every item is then found where a lookup probes for it, and otherwise
leaves the set as pickle made it.
"""
import array
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
_free = ctypes.pythonapi.PyMem_Free
_free.argtypes = [ctypes.c_void_p]
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_decref = ctypes.pythonapi.Py_DecRef
_decref.argtypes = [ctypes.py_object]


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


class SetWriting:
    """A pickler's `persistent_id` for sets: the first time a set is met, it travels as itself
    (written as pickle writes sets, and memoized), its items in order and its table, so the reader
    gives it its old table (`persistent_load`) before anything else in the pickle can look at it;
    met again, it is written as usual, from the memo."""

    def __init__(self):
        self._seen: dict = {}

    def persistent_id(self, obj):
        if type(obj) not in (set, frozenset) or not SUPPORTED or id(obj) in self._seen:
            return None
        self._seen[id(obj)] = obj
        return (_SET_ID, obj, list(obj), layout(obj))


_SET_ID = "pyfora.set"


def is_set_id(pid) -> bool:
    return type(pid) is tuple and len(pid) == 4 and pid[0] == _SET_ID


def persistent_load(pid):
    """The set of a `SetWriting` persistent id, with its old table."""
    _, s, items, table = pid
    return relayout(s, items, table)


def layout(s) -> tuple:
    """(table size - 1, pop finger, slots of the items in iteration order, slots of removed items)."""
    view = _view(s)
    address = ctypes.cast(view.table, ctypes.c_void_p).value
    words = array.array("Q", ctypes.string_at(address, (view.mask + 1) * ctypes.sizeof(_Entry)))
    keys = words[0::2]
    live = tuple(i for i, key in enumerate(keys) if key and key != _DUMMY)
    removed = tuple(i for i, key in enumerate(keys) if key == _DUMMY)
    return view.mask, view.finger, live, removed


def relayout(s, items: list, table: tuple):
    """Give `s` (a set, or a frozenset no one has seen yet), which holds `items`, the table `table`
    (from `layout`) in place: `items` at their old slots, in their old order. If their hashes do not
    put them there (tried first on a set of its own), or `s` does not hold just them, `s` is left as
    it is."""
    mask, finger, live, removed = table
    if not SUPPORTED or len(live) != len(items) or len(s) != len(items):
        return s
    trial = set()
    if not _write(trial, items, table) or list(trial) != items or not all(item in trial for item in items):
        return s
    _empty(s)
    _move(trial, s)
    return s


def _move(source: set, target):
    """Hand `source`'s table, and the references in it, to the empty `target`; `source` is left empty."""
    src, dst = _view(source), _view(target)
    if src.mask + 1 == _SMALL:
        ctypes.memmove(ctypes.addressof(dst.smalltable), ctypes.addressof(src.smalltable),
                       ctypes.sizeof(src.smalltable))
        dst.table = ctypes.cast(ctypes.addressof(dst.smalltable), ctypes.POINTER(_Entry))
    else:
        dst.table = src.table
    dst.mask, dst.used, dst.fill, dst.finger = src.mask, src.used, src.fill, src.finger
    _reset(src)


def _empty(s):
    """Empty `s` in place (a frozenset has no `clear`): its table's references given up, its own
    small table back in use."""
    if type(s) is set:
        s.clear()
        return
    view = _view(s)
    keys = [ctypes.cast(view.table[i].key, ctypes.py_object).value for i in range(view.mask + 1)
            if view.table[i].key is not None and view.table[i].key != _DUMMY]
    old = ctypes.cast(view.table, ctypes.c_void_p).value
    _reset(view)
    if old != ctypes.addressof(view.smalltable):
        _free(old)
    for key in keys:
        _decref(key)   # the table's reference; `keys` holds its own until it goes


def _reset(view: _SetObject):
    """Point a set (its `view`) at its own small table, emptied, without touching the references the
    old table holds.

    The mask shrinks before the table does and the small table is emptied before it is pointed at, so a
    collection that walks the set meanwhile (another thread may run between two of these statements)
    never reads past a table or finds a stale entry."""
    small = ctypes.addressof(view.smalltable)
    view.mask = _SMALL - 1
    ctypes.memset(small, 0, ctypes.sizeof(view.smalltable))
    view.table = ctypes.cast(small, ctypes.POINTER(_Entry))
    view.used, view.fill, view.finger = 0, 0, 0


def _write(s: set, items: list, table: tuple) -> bool:
    """Fill the empty set `s`'s table as `table` says; False if no memory was to be had."""
    mask, finger, live, removed = table
    view = _view(s)
    if mask + 1 == _SMALL:
        entries = view.smalltable
    else:
        address = _calloc(mask + 1, ctypes.sizeof(_Entry))
        if not address:
            return False
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
    return True
