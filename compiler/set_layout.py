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
- The writer (`SetWriting.persistent_id`) rebuilds the set as the reader will
  (a frozenset of its items, added one by one in iteration order: what
  pickle's reader does, for a set or a frozenset alike) and compares the two
  structs' bytes: fill, used, mask and finger, and the slots (key and hash) of
  the table in use, the small table inside the struct or the one on the heap.
  One read of each struct and two bytes comparisons; the table pointer and a
  frozenset's cached hash are left out, as they say nothing of the slots.
  Equal, the common case, the set travels as pickle writes it.
- Otherwise, for a set of up to `_ORDER_MAX` items, the writer tries the
  reversed iteration order: if adding the items in that order makes the same
  table (checked the same way), the set travels as that sequence of items, and
  the reader builds it by adding them (`persistent_load`): no table is touched
  there, and whatever the reader's hashes, the set has its items. This covers
  most small sets that differ by a collision (the item at home came in first
  and iterates last).
- Otherwise it travels with a recipe: the slots whose entries differ and, for
  each, where its entry is in the rebuilt table (or that the slot is empty, or
  left by a removed item), with the table's size, fill and finger. The reader
  moves the entries of the set pickle made accordingly: the set keeps its own
  references, only their places change.
The rebuilt table is the reader's when the hash seed is the same and every
item's hash is its value's (not its address's). Where that does not hold, a
set sent as a sequence is still the set of its items, and a recipe was made
for another table: if a lookup then misses an item, the set gets its table
back and stays as pickle made it. Its order may then differ; its membership
never does.

Supported: CPython 3.11 to 3.13 with the GIL, whose set object is the same
(Include/cpython/setobject.h). At import the struct's size and fields are
checked on sets of known contents, and a self-test sends, through a pickle,
sets with removed items, big tables, a moved finger and a collision, through
recipes and a sequence. If anything fails, `SUPPORTED` is False,
`UNSUPPORTED_REASON` says why, and sets travel as plain pickle does: with the
right contents, in an order that may differ from the writer's.
"""
import array
import ctypes
import io
import pickle
import sys
import sysconfig
from itertools import compress
from operator import ne

_ssize = ctypes.c_ssize_t
_SMALL = 8                  # PySet_MINSIZE
_SMALL_MASK = _SMALL - 1
_ENTRY = 16                 # setentry: key, hash
_ORDER_MAX = 16             # past this many items, a reversed order hardly ever makes the table again


class _SetObject(ctypes.Structure):
    """PySetObject of CPython 3.11-3.13 (Include/cpython/setobject.h)."""
    _fields_ = [("ob_refcnt", _ssize), ("ob_type", ctypes.c_void_p), ("fill", _ssize), ("used", _ssize),
                ("mask", _ssize), ("table", ctypes.c_void_p), ("hash", _ssize), ("finger", _ssize),
                ("smalltable", ctypes.c_ubyte * (_SMALL * _ENTRY)), ("weakreflist", ctypes.c_void_p)]


_SmallTable = ctypes.c_char * (_SMALL * _ENTRY)
_SMALL_AT = _SetObject.smalltable.offset
_STRUCT_BYTES = (ctypes.c_char * _SetObject.weakreflist.offset).from_address
"""A set's struct up to the end of its small table, as bytes: `_STRUCT_BYTES(id(s)).raw`."""
# Slices of a struct's bytes. Comparisons leave out the table pointer and a frozenset's cached hash:
# the one differs between any two sets, the other says nothing of the table.
_COUNTS = slice(_SetObject.fill.offset, _SetObject.table.offset)      # fill, used, mask
_MASK = slice(_SetObject.mask.offset, _SetObject.table.offset)
_TABLE = slice(_SetObject.table.offset, _SetObject.hash.offset)
_FINGER = slice(_SetObject.finger.offset, _SMALL_AT)
_SMALL_TABLE = slice(_SMALL_AT, _SetObject.weakreflist.offset)
_FINGER_AND_SMALL = slice(_SetObject.finger.offset, _SetObject.weakreflist.offset)
_SMALL_MASK_BYTES = _SMALL_MASK.to_bytes(8, sys.byteorder)
_DUMMY_HASH = 2 ** 64 - 1   # -1, as the unsigned word a table is read in
_ORDER = sys.byteorder

_malloc = ctypes.pythonapi.PyMem_Malloc
_malloc.restype = ctypes.c_void_p
_malloc.argtypes = [ctypes.c_size_t]
_free = ctypes.pythonapi.PyMem_Free
_free.argtypes = [ctypes.c_void_p]

SET_TYPES = frozenset((set, frozenset))
"""The types `SetWriting.persistent_id` acts on: a pickler's own `persistent_id`, which pickle calls for
every object, tests `type(obj) in SET_TYPES` before calling it, so other objects cost a test only."""
_SET_ID = "pyfora.set"                  # (_SET_ID, the set, its recipe)
_ORDER_IDS = {"pyfora.set-order": set, "pyfora.frozenset-order": frozenset}
"""(id, the items in the order that makes the table, a box for the set once built) -> the set's type."""
_ORDER_ID = {kind: pid for pid, kind in _ORDER_IDS.items()}


def _view(s) -> _SetObject:
    return _SetObject.from_address(id(s))


class SetWriting:
    """A pickler's `persistent_id` for sets. A set whose table pickle rebuilds travels as pickle writes
    it. Any other, the first time it is met, travels as a sequence of its items (met again, as the same
    persistent id, which the pickle's memo sends as a reference: the reader keeps the set it built in the
    id's box) or as itself (written as pickle writes sets, and memoized) with its recipe, so the reader
    moves its entries (`persistent_load`) before anything else in the pickle can look at it; met again,
    it comes from the memo."""

    def __init__(self):
        self._seen: dict = {}   # id -> (the set, its persistent id: None for one with a recipe)

    def persistent_id(self, obj):
        if type(obj) not in SET_TYPES or not SUPPORTED:
            return None
        seen = self._seen.get(id(obj))
        if seen is not None:    # met again, or inside its own persistent id
            return seen[1]
        rebuilt = frozenset(iter(obj))  # item by item, in iteration order, as pickle's reader adds them
        mine, theirs = _STRUCT_BYTES(id(obj)).raw, _STRUCT_BYTES(id(rebuilt)).raw
        if mine[_COUNTS] == theirs[_COUNTS] and (
                mine[_FINGER_AND_SMALL] == theirs[_FINGER_AND_SMALL] if mine[_MASK] == _SMALL_MASK_BYTES
                else _same_heap_table(mine, theirs)):
            return None
        return self._differing(obj, rebuilt, mine)

    def _differing(self, obj, rebuilt: frozenset, mine: bytes):
        """The persistent id of `obj`, met for the first time, whose table pickle does not rebuild
        (`rebuilt` is pickle's)."""
        pid = None
        if len(obj) <= _ORDER_MAX:
            order = tuple(obj)[::-1]
            trial = frozenset(order)
            if _same_table(mine, _STRUCT_BYTES(id(trial)).raw):
                pid = (_ORDER_ID[type(obj)], order, [])
        self._seen[id(obj)] = (obj, pid)
        if pid is not None:
            return pid
        recipe = _recipe(obj, rebuilt)
        return None if recipe is None else (_SET_ID, obj, recipe)


def is_set_id(pid) -> bool:
    return type(pid) is tuple and len(pid) == 3 and (pid[0] == _SET_ID or pid[0] in _ORDER_IDS)


def persistent_load(pid):
    """The set of a `SetWriting` persistent id: built from its items in their order, or with its old
    table."""
    tag, first, second = pid
    if tag == _SET_ID:
        if SUPPORTED:
            _apply(first, second)
        return first
    if not second:
        second.append(_ORDER_IDS[tag](first))
    return second[0]


# ## The writer: is pickle's table the set's, and if not, the recipe


def _same_table(mine: bytes, theirs: bytes) -> bool:
    """Whether two sets (their structs' bytes) have the same fill, used, size, finger and slots."""
    if mine[_COUNTS] != theirs[_COUNTS]:
        return False
    if mine[_MASK] == _SMALL_MASK_BYTES:
        return mine[_FINGER_AND_SMALL] == theirs[_FINGER_AND_SMALL]
    return _same_heap_table(mine, theirs)


def _same_heap_table(mine: bytes, theirs: bytes) -> bool:
    """Whether two sets with the same fill, used and size, whose tables are on the heap (their structs'
    bytes), have the same finger and slots."""
    if mine[_FINGER] != theirs[_FINGER]:
        return False
    read = _heap_table_bytes(mine[_MASK])
    return read(int.from_bytes(mine[_TABLE], _ORDER)).raw == read(int.from_bytes(theirs[_TABLE], _ORDER)).raw


def _heap_table(raw: bytes) -> bytes:
    """The slots of the set whose struct's bytes are `raw`, when they are on the heap."""
    return _heap_table_bytes(raw[_MASK])(int.from_bytes(raw[_TABLE], _ORDER)).raw


def _heap_table_bytes(mask: bytes):
    """`from_address` of a char array the size of a table whose mask, as in a struct's bytes, is `mask`."""
    read = _HEAP_TABLE_BYTES.get(mask)
    if read is None:
        size = (int.from_bytes(mask, _ORDER) + 1) * _ENTRY
        read = _HEAP_TABLE_BYTES[mask] = (ctypes.c_char * size).from_address
    return read


_HEAP_TABLE_BYTES: dict = {}
"""A table's mask, as in a struct's bytes -> `from_address` of a char array of that table's size (a mask
is a power of two less one: a few dozen at most)."""


def _table(raw: bytes) -> bytes:
    """The slots of the set whose struct's bytes are `raw`."""
    return raw[_SMALL_TABLE] if raw[_MASK] == _SMALL_MASK_BYTES else _heap_table(raw)


def _recipe(s, rebuilt: frozenset):
    """None if `rebuilt`, pickle's rebuild of `s`, has `s`'s table, else what turns that table into it:
    (mask, fill, finger, the rebuilt table's mask, the slots whose entries change and, for each, the
    code of its new entry: the rebuilt table's slot that holds it, that table's size for an empty slot,
    one more for a removed item's)."""
    view, rebuilt_view = _view(s), _view(rebuilt)
    mine, theirs = bytes(view), bytes(rebuilt_view)
    if _same_table(mine, theirs) or view.used != rebuilt_view.used:
        return None
    keys = array.array("Q", _table(mine))[0::2]
    rebuilt_keys = array.array("Q", _table(theirs))[0::2]
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
    words = array.array("Q", _table(raw))           # key, hash, key, hash...
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
        words = array.array("Q", _table(raw))
        entries = {(key, hash_) for key, hash_ in zip(words[0::2], words[1::2]) if key}
        assert entries == {(id(item), hash(item) % 2 ** 64) for item in s}, "slots misread"


def _dummy_address() -> int:
    """The address CPython marks a removed item's slot with."""
    probe = set()
    marker = object()
    probe.add(marker)
    probe.discard(marker)
    words = array.array("Q", _table(_STRUCT_BYTES(id(probe)).raw))
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


class _Writer(pickle.Pickler):
    def __init__(self, file):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.sets = SetWriting()

    def persistent_id(self, obj):
        return self.sets.persistent_id(obj)


class _Reader(pickle.Unpickler):
    def persistent_load(self, pid):
        return persistent_load(pid)


def _self_test() -> None:
    """Send `_self_test_sets` through a pickle, as sets travel; raise AssertionError if one comes back
    otherwise, or travels otherwise than expected (the collided frozenset as a sequence, the others with
    recipes)."""
    originals = _self_test_sets()
    ids = [SetWriting().persistent_id(original) for original in originals]
    expected = [_SET_ID] * 3 + [_ORDER_ID[frozenset], _SET_ID]
    assert [pid and pid[0] for pid in ids] == expected, f"sent as {ids}, not as {expected}"
    file = io.BytesIO()
    _Writer(file).dump(originals)
    for original, copy in zip(originals, _Reader(io.BytesIO(file.getvalue())).load()):
        assert type(copy) is type(original), "type changed"
        assert copy == original and all(item in copy for item in original), "membership changed"
        assert list(copy) == list(original), "iteration order changed"
        if type(original) is set:
            for extra in range(2000, 2050):
                original.add(extra)
                copy.add(extra)
            assert list(copy) == list(original), "iteration order after growing changed"
            assert [original.pop() for _ in range(5)] == [copy.pop() for _ in range(5)], "pop order changed"


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
    global _DUMMY, SUPPORTED
    try:
        _check_reading()
        _DUMMY = _dummy_address()
        SUPPORTED = True    # sets travel with their tables only while it is: the self-test sends them so
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
