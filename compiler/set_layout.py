"""Sets that travel with their hash table, so they iterate, grow and pop in the other process as here.

A set iterates in the order of the slots of its hash table, and which slot an
item got depends on the table's whole history (its size, the order items came
in, the slots left by removed items, the `pop` finger). Pickle rebuilds a set
by adding its items again, in its iteration order, into a table of its own
making. A suspended computation resumed with a set whose table differs from
the original's would iterate it, or the sets grown from it, in another order
than the run it continues, and give another answer. Equal iteration orders
are not enough: two tables can list the same items in the same order from
different slots, and then grow apart.

The policy: pay only for the sets whose table pickle would change.
- The writer (`SetWriting.persistent_id`) adds the set's items, in iteration
  order, to a set of its own, as the reader will, and compares the two tables
  (size, fill, finger, the key and hash in every slot). Equal, which is the
  common case for small sets, the set travels as pickle writes it and costs
  that comparison only.
- Otherwise it travels with a recipe: the slots whose entries differ and, for
  each, where its entry is in the rebuilt table (or that the slot is empty, or
  left by a removed item), with the table's size, fill and finger. The reader
  (`persistent_load`) moves the entries of the set pickle made accordingly:
  the set keeps its own references, only their places change.
The rebuilt table is the reader's when the hash seed is the same and every
item's hash is its value's (not its address's). Where that does not hold, the
recipe was made for another table: if a lookup then misses an item, the set
gets its table back and stays as pickle made it. Its order may then differ;
its membership never does.

Supported: CPython 3.11 to 3.13 with the GIL, whose set object is the same
(Include/cpython/setobject.h). At import the struct's size and fields are
checked on sets of known contents, and a self-test sends sets with removed
items, big tables and a moved finger through recipes. If anything fails,
`SUPPORTED` is False, `UNSUPPORTED_REASON` says why, and sets travel as plain
pickle does: with the right contents, in an order that may differ from the
writer's.
"""
import array
import ctypes
import pickle
import sys
import sysconfig
from itertools import compress
from operator import ne

_ssize = ctypes.c_ssize_t
_SMALL = 8                  # PySet_MINSIZE
_SMALL_MASK = _SMALL - 1
_ENTRY = 16                 # setentry: key, hash


class _SetObject(ctypes.Structure):
    """PySetObject of CPython 3.11-3.13 (Include/cpython/setobject.h)."""
    _fields_ = [("ob_refcnt", _ssize), ("ob_type", ctypes.c_void_p), ("fill", _ssize), ("used", _ssize),
                ("mask", _ssize), ("table", ctypes.c_void_p), ("hash", _ssize), ("finger", _ssize),
                ("smalltable", ctypes.c_ubyte * (_SMALL * _ENTRY)), ("weakreflist", ctypes.c_void_p)]


_SmallTable = ctypes.c_char * (_SMALL * _ENTRY)
_SMALL_AT = _SetObject.smalltable.offset
# Slices of a struct's bytes. Comparisons leave out the table pointer and a frozenset's cached hash:
# the one differs between any two sets, the other says nothing of the table.
_COUNTS = slice(_SetObject.fill.offset, _SetObject.table.offset)      # fill, used, mask
_MASK = slice(_SetObject.mask.offset, _SetObject.table.offset)
_FINGER = slice(_SetObject.finger.offset, _SMALL_AT)
_SMALL_TABLE = slice(_SMALL_AT, _SetObject.weakreflist.offset)
_FINGER_AND_SMALL = slice(_SetObject.finger.offset, _SetObject.weakreflist.offset)
_SMALL_MASK_BYTES = _SMALL_MASK.to_bytes(8, sys.byteorder)
_DUMMY_HASH = 2 ** 64 - 1   # -1, as the unsigned word a table is read in

_malloc = ctypes.pythonapi.PyMem_Malloc
_malloc.restype = ctypes.c_void_p
_malloc.argtypes = [ctypes.c_size_t]
_free = ctypes.pythonapi.PyMem_Free
_free.argtypes = [ctypes.c_void_p]

SET_TYPES = frozenset((set, frozenset))
"""The types `SetWriting.persistent_id` acts on: a pickler's own `persistent_id`, which pickle calls for
every object, tests `type(obj) in SET_TYPES` before calling it, so other objects cost a test only."""
_SET_ID = "pyfora.set"


def _view(s) -> _SetObject:
    return _SetObject.from_address(id(s))


class SetWriting:
    """A pickler's `persistent_id` for sets. A set whose table pickle rebuilds travels as pickle writes
    it; any other travels, the first time it is met, as itself (written as pickle writes sets, and
    memoized) with its recipe, so the reader moves its entries (`persistent_load`) before anything else
    in the pickle can look at it; met again, it comes from the memo."""

    def __init__(self):
        self._seen: dict = {}
        self._rebuilt = set()   # the reader's rebuild of the set at hand, made here
        self._rebuilt_view = _view(self._rebuilt)

    def persistent_id(self, obj):
        if type(obj) not in SET_TYPES or not SUPPORTED or id(obj) in self._seen:
            return None
        self._seen[id(obj)] = obj
        recipe = _recipe(obj, self._rebuilt, self._rebuilt_view)
        return None if recipe is None else (_SET_ID, obj, recipe)


def is_set_id(pid) -> bool:
    return type(pid) is tuple and len(pid) == 3 and pid[0] == _SET_ID


def persistent_load(pid):
    """The set of a `SetWriting` persistent id, with its old table."""
    _, s, recipe = pid
    if SUPPORTED:
        _apply(s, recipe)
    return s


# ## The writer: is pickle's table the set's, and if not, the recipe


def _recipe(s, rebuilt: set, rebuilt_view: _SetObject):
    """None if pickle's rebuild of `s` gets `s`'s table, else what turns that table into it: (mask,
    fill, finger, the rebuilt table's mask, the slots whose entries change and, for each, the code of
    its new entry: the rebuilt table's slot that holds it, that table's size for an empty slot, one
    more for a removed item's)."""
    rebuilt.clear()
    rebuilt.update(iter(s))     # item by item, in iteration order, as pickle's reader adds them
    view = _view(s)
    mine, theirs = bytes(view), bytes(rebuilt_view)
    if _same_table(mine, theirs, view, rebuilt_view) or view.used != rebuilt_view.used:
        return None
    keys = array.array("Q", _table(mine, view))[0::2]
    rebuilt_keys = array.array("Q", _table(theirs, rebuilt_view))[0::2]
    size = len(rebuilt_keys)
    if len(keys) == size:   # the same size: only the slots that differ change, among themselves
        slots = moved = list(compress(range(size), map(ne, keys, rebuilt_keys)))
    else:                   # another size: every entry moves
        slots, moved = list(compress(range(len(keys)), keys)), compress(range(size), rebuilt_keys)
    where = {rebuilt_keys[slot]: slot for slot in moved}
    where[0], where[_DUMMY] = size, size + 1
    mask, rebuilt_mask = len(keys) - 1, size - 1
    code = _code_type(mask, rebuilt_mask)
    return (mask, view.fill, view.finger, rebuilt_mask,
            _pack(slots, code), _pack([where[keys[slot]] for slot in slots], code))


def _same_table(mine: bytes, theirs: bytes, view: _SetObject, other: _SetObject) -> bool:
    """Whether two sets (their structs' bytes, and views) have the same fill, size, finger and slots."""
    if mine[_COUNTS] != theirs[_COUNTS]:
        return False
    if mine[_MASK] == _SMALL_MASK_BYTES:
        return mine[_FINGER_AND_SMALL] == theirs[_FINGER_AND_SMALL]
    return mine[_FINGER] == theirs[_FINGER] and _heap_table(view) == _heap_table(other)


def _table(raw: bytes, view: _SetObject) -> bytes:
    """The slots of the set whose view and struct's bytes are `view` and `raw`."""
    return raw[_SMALL_TABLE] if raw[_MASK] == _SMALL_MASK_BYTES else _heap_table(view)


def _heap_table(view: _SetObject) -> bytes:
    return (ctypes.c_char * ((view.mask + 1) * _ENTRY)).from_address(view.table).raw


def _code_type(mask: int, rebuilt_mask: int) -> str:
    """The array type of a recipe's slots (up to `mask`) and codes (up to `rebuilt_mask` + 2)."""
    return "B" if max(mask, rebuilt_mask + 2) < 256 else "Q"


def _pack(values: list, code: str) -> bytes:
    return bytes(values) if code == "B" else array.array(code, values).tobytes()


def _unpack(data: bytes, code: str):
    return data if code == "B" else array.array(code, data)


# ## The reader: the set's own entries, moved to their old slots
# A recipe is trusted as the rest of the pickle is (loading a pickle runs what it says): it changes
# the slots it names, each once, and takes entries from those only, each once, so no entry can end up
# in two slots. What may differ is the reader's table, where hashes differ from the writer's: entries
# then land where lookups miss them, and the set gets its table back.


def _apply(s, recipe: tuple) -> None:
    """Move the entries of `s` (pickle made it: it has no removed slots) as `recipe` says; if an item is
    then not found, or `s` is not the set the recipe was made for, leave `s` as it was."""
    mask, fill, finger, rebuilt_mask, slots, codes = recipe
    view = _view(s)
    raw = bytes(view)
    if view.mask != rebuilt_mask or view.fill != view.used:
        return
    words = array.array("Q", _table(raw, view))     # key, hash, key, hash...
    table = words[:] if mask == rebuilt_mask else array.array("Q", bytes((mask + 1) * _ENTRY))
    words.extend((0, 0, _DUMMY, _DUMMY_HASH))       # the entries of the codes for an empty and a removed slot
    code = _code_type(mask, rebuilt_mask)
    for slot, source in zip(_unpack(slots, code), _unpack(codes, code)):
        table[2 * slot], table[2 * slot + 1] = words[2 * source], words[2 * source + 1]
    members = list(s)
    old = _give(view, mask, table.tobytes(), raw)
    view.fill, view.finger = fill, finger
    if s.issuperset(members):
        _drop(view, old)
    else:
        _take_back(view, old)


# ## Switching a set's table
# A collection may walk the set between any two statements here (another thread may run, or an
# allocation start one). It must never read past a table nor meet a key twice (it would take the key
# for unreachable); missing some keys for a moment is harmless (they only look referenced from
# elsewhere). So the mask shrinks before the table does and grows after it, and a table is filled
# before the set points at it.


def _give(view: _SetObject, mask: int, table: bytes, raw: bytes) -> tuple:
    """Make `table` (the set's own entries, moved) the table, of `mask` + 1 slots, of the set whose view
    and struct's bytes are `view` and `raw`; return what `_take_back` needs to undo it."""
    small = ctypes.addressof(view) + _SMALL_AT
    old = (view.mask, view.table, raw[_SMALL_TABLE])
    if mask != _SMALL_MASK:
        address = _malloc(len(table))
        if not address:
            raise MemoryError
        ctypes.memmove(address, table, len(table))
        _switch(view, mask, address)
    elif view.table == small:
        _SmallTable.from_address(small).raw = table     # one copy under the GIL: never seen half done
    else:
        ctypes.memmove(small, table, len(table))        # unseen: the set's table is elsewhere
        _switch(view, mask, small)
    return old


def _take_back(view: _SetObject, old: tuple) -> None:
    mask, address, small_table = old
    new = view.table
    if new == address:
        _SmallTable.from_address(address).raw = small_table
    else:
        _switch(view, mask, address)
        _free_table(view, new)
    view.fill, view.finger = view.used, 0


def _drop(view: _SetObject, old: tuple) -> None:
    """Free the table `_give` replaced."""
    _, address, _ = old
    if address != view.table:
        _free_table(view, address)


def _free_table(view: _SetObject, address: int) -> None:
    if address != ctypes.addressof(view) + _SMALL_AT:
        _free(address)


def _switch(view: _SetObject, mask: int, address: int) -> None:
    if mask < view.mask:
        view.mask = mask
        view.table = address
    else:
        view.table = address
        view.mask = mask


# ## Whether this interpreter's sets are the ones described here


def _check_reading() -> None:
    """Read sets of known contents (read only: nothing is written before this passes); raise
    AssertionError if their fields or slots are not where `_SetObject` says."""
    for s in ({1, 2, 3}, frozenset(["a", "b"]), set(range(1000))):
        view = _view(s)
        raw = bytes(view)
        small = ctypes.addressof(view) + _SMALL_AT
        assert view.used == view.fill == len(s) and view.mask & (view.mask + 1) == 0, "counts misread"
        assert (view.mask == _SMALL_MASK) == (view.table == small), "table pointer misread"
        words = array.array("Q", _table(raw, view))
        entries = {(key, hash_) for key, hash_ in zip(words[0::2], words[1::2]) if key}
        assert entries == {(id(item), hash(item) % 2 ** 64) for item in s}, "slots misread"


def _dummy_address() -> int:
    """The address CPython marks a removed item's slot with."""
    probe = set()
    marker = object()
    probe.add(marker)
    probe.discard(marker)
    view = _view(probe)
    words = array.array("Q", _table(bytes(view), view))
    return next(words[i] for i in range(0, len(words), 2) if words[i + 1] == _DUMMY_HASH)


def _self_test_sets() -> list:
    """Sets whose tables pickle does not rebuild, whatever the hash seed (an int's hash is itself)."""
    removed = set(range(40))
    for i in range(0, 40, 3):
        removed.discard(i)
    grown = set(range(20))
    for i in range(20):
        grown.discard(i)
    grown.update([40, 3])           # a big table of removed slots: 3 comes before 40
    popped = set(range(1000))
    for _ in range(300):
        popped.pop()                # a moved finger
    collided = frozenset([15, 7])   # 15 took 7's slot: 7 iterates first, pickle puts 15 first
    copied = frozenset(set(range(5)))   # a copy's table is smaller than adding the items makes
    return [removed, grown, popped, collided, copied]


def _self_test() -> None:
    """Send `_self_test_sets` through their recipes; raise AssertionError if one comes back otherwise."""
    writing = SetWriting()
    recipes = 0
    for original in _self_test_sets():
        recipe = _recipe(original, writing._rebuilt, writing._rebuilt_view)
        copy = pickle.loads(pickle.dumps(original))
        if recipe is not None:
            recipes += 1
            _apply(copy, recipe)
        assert copy == original and all(item in copy for item in original), "membership changed"
        assert list(copy) == list(original), "iteration order changed"
        if type(original) is set:
            for extra in range(2000, 2050):
                original.add(extra)
                copy.add(extra)
            assert list(copy) == list(original), "iteration order after growing changed"
            assert [original.pop() for _ in range(5)] == [copy.pop() for _ in range(5)], "pop order changed"
    assert recipes == 5, f"{5 - recipes} of the sets pickle changes needed no recipe"


def _unsupported_reason():
    """Why sets cannot travel with their tables in this interpreter, or None if they can."""
    if sys.implementation.name != "cpython":
        return f"{sys.implementation.name} is not CPython"
    if not (3, 11) <= sys.version_info[:2] <= (3, 13):
        version = "%d.%d" % sys.version_info[:2]
        return f"CPython {version}: its set object is known for 3.11-3.13 only"
    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        return "a free-threaded build: its set object is laid out otherwise, and shared between threads"
    if set().__sizeof__() != ctypes.sizeof(_SetObject):
        return f"a set is {set().__sizeof__()} bytes, not the {ctypes.sizeof(_SetObject)} of PySetObject"
    global _DUMMY
    try:
        _check_reading()
        _DUMMY = _dummy_address()
        _self_test()
    except Exception as e:      # whatever went wrong, this interpreter's sets are not the ones described
        return f"the self-test failed: {type(e).__name__}: {e}"
    return None


def _settle() -> None:
    """Decide `SUPPORTED` and `UNSUPPORTED_REASON` (run at import)."""
    global SUPPORTED, UNSUPPORTED_REASON
    UNSUPPORTED_REASON = _unsupported_reason()
    SUPPORTED = UNSUPPORTED_REASON is None


_DUMMY = None               # the removed-slot marker's address, found by `_dummy_address`
SUPPORTED = False
UNSUPPORTED_REASON = None   # why SUPPORTED is False, when it is
_settle()
