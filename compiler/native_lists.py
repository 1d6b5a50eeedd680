"""Lists native code reads and writes: one buffer of numbers per list object, written back where native
code stops.

Policy. A list of one kind of number (and a list of such lists, all of one
length: a table) is entered as a copy of its numbers (a numpy array): a
table's rows lie one after the other in one buffer, so a row bound in native
code (`row = table[i]`) is a view into it, and a list that is also a row of a
table entered with it is that view: each list object has one place in native
code, as it has one in Python. Entry is refused where that cannot hold (a row
shared by two tables) and where native code would write into a list that came
from outside the computation (tier 0 then refuses that store itself, as it
does for any). Where native code stops (it returns, or leaves for tier 0),
each element it changed is stored into its list, and only those: an element
it did not touch keeps its object. The numbers are compared by their bits, so
a -0.0 written over 0.0 is a change.

A list native code appends to (or makes, `x = []`) has a buffer of its own
from the C allocator, which native code grows with realloc (`Growing`): one
it was entered with is copied in only where nothing else native code holds
is it; where native code stops, its changed items and the ones appended are
stored into that same list object, and a list native code made becomes a
new list.
"""
import ctypes

from .native_values import LISTS, NType

_DTYPES = {"list of float": "float64", "list of int": "int64", "list of bool": "bool"}


def record_lists(lst: list, t) -> list:
    """(list, type) of each list the tuples of `lst`, a native_values.RecordsType list, hold."""
    return [(_leaf(record, path), leaf) for record in lst for path, (leaf, _) in t.fields.items() if leaf in LISTS]


def _leaf(record: tuple, path: tuple):
    """The item of nested tuples `record` at `path`, one index per level."""
    for k in path:
        record = record[k]
    return record


class _Buffer:
    """The numbers of one list (or of one table, its rows one after the other), and a copy of them as
    they were entered where native code may change them."""

    def __init__(self, lst: list, dtype: str, table: bool, written: bool):
        import numpy as np      # not at import: the monitor thread imports this module while the run thread runs
        self.lst, self.table = lst, table
        self.numbers = np.array(lst, dtype=_DTYPES[dtype]).reshape(-1)
        self.width = len(lst[0]) if table else len(lst)
        self.entered = self.numbers.copy() if written else None
        self.address = self.numbers.ctypes.data
        self.itemsize = self.numbers.itemsize

    def write_back(self):
        """Store into the list (or the table's rows) each element native code changed (compared by
        their bits): each run of changed elements of a row by one slice assignment."""
        if self.entered is None:
            return
        import numpy as np
        bits = np.uint8 if self.itemsize == 1 else np.int64
        changed = np.flatnonzero(self.numbers.view(bits) != self.entered.view(bits))
        if not len(changed):
            return
        breaks = np.flatnonzero((np.diff(changed) != 1) | (changed[1:] % self.width == 0)) + 1
        for run in np.split(changed, breaks):
            start, stop = int(run[0]), int(run[-1]) + 1
            values = self.numbers[start:stop].tolist()      # Python's floats, ints and bools
            row, first = (self.lst[start // self.width], start % self.width) if self.table else (self.lst, start)
            row[first:first + stop - start] = values


class ListBuffers:
    """The buffers of the lists of one entry into native code: `entered` is (list, its native type)
    for each list a local holds or a local iterator goes over; `written`, whether the piece stores into
    lists (they are then kept as entered, to write back what changed). `refusal` says why native code
    may not be entered with them: a row shared in a way one buffer cannot hold, or one of
    `written_lists` (those it may store into, numpy arrays too) from outside the computation (or, of
    an array, read-only)."""

    def __init__(self, entered: list, written: bool):
        self.written = written
        self.buffers = []
        self.places = {}     # id(list) -> (its buffer, its first element's index, number of dimensions)
        self.objects = {}    # (address, dimensions) -> the list there
        self.shared = False  # a row of two tables, or a list that is a table and a row
        self.tables = {}     # id(a list of tuples) -> (its table of records, its slots)
        for lst, t in sorted(entered, key=lambda pair: -LISTS[pair[1]][1]):    # tables first: rows are views
            self._place(lst, *LISTS[t])

    def refusal(self, written_lists) -> str | None:
        """Why native code may not be entered with these lists, or None."""
        from .linker import is_foreign
        if self.shared:
            return "a list that is a row of two tables, or a table and a row"
        for written in written_lists:
            if type(written) is not list:       # a numpy array, written in place
                if is_foreign(written):
                    return "an array from outside the computation that native code may change"
                if not written.flags.writeable:
                    return "a read-only array that native code may change"
            elif is_foreign(written) or id(written) in self.places and self.places[id(written)][2] == 2 \
                    and any(map(is_foreign, written)):      # (a list native code grows has no place here)
                return "a list from outside the computation that native code may change"
        return None

    def _place(self, lst: list, dtype: str, dimensions: int):
        if id(lst) in self.places:
            self.shared |= self.places[id(lst)][2] != dimensions
            return
        if dimensions == 2:
            if any(id(row) in self.places for row in lst):
                self.shared = True
                return
            buffer = _Buffer(lst, dtype, True, self.written)
            for k, row in enumerate(lst):
                self.places[id(row)] = (buffer, k * buffer.width, 1)
                self.objects[buffer.address + k * buffer.width * buffer.itemsize, 1] = row
        else:
            buffer = _Buffer(lst, dtype, False, self.written)
        self.buffers.append(buffer)
        self.places[id(lst)] = (buffer, 0, dimensions)
        self.objects[buffer.address, dimensions] = lst

    def records(self, lst: list, t) -> list:
        """The slots of a list of tuples (native_values.RecordsType): a table of its records, a number
        as its bits, a list as its buffer's slots, made once per entry."""
        found = self.tables.get(id(lst))
        if found is None:
            import numpy as np
            table = np.zeros((len(lst), t.width), dtype=np.int64)
            numbers = table.view(np.float64)
            for row, record in enumerate(lst):
                for path, (leaf, first) in t.fields.items():
                    value = _leaf(record, path)
                    if leaf in LISTS:
                        table[row, first:first + 3] = self.slots(value)
                    elif leaf is NType.FLOAT:
                        numbers[row, first] = value
                    else:
                        table[row, first] = int(value)
            found = self.tables[id(lst)] = (table, [table.ctypes.data, len(lst), t.width * 8])
        return found[1]

    def slots(self, lst: list) -> list:
        """A list's slots: its data's address, then each dimension's length and stride."""
        buffer, first, dimensions = self.places[id(lst)]
        size = buffer.itemsize
        address = buffer.address + first * size
        if dimensions == 2:
            return [address, len(lst), buffer.width * size, buffer.width, size]
        return [address, len(lst), size]

    def object_at(self, address: int, dimensions: int) -> list:
        """The list whose data native code held at `address`."""
        return self.objects[address, dimensions]

    def write_back(self):
        for buffer in self.buffers:
            buffer.write_back()


_LIBC = ctypes.CDLL(None)
_LIBC.malloc.restype, _LIBC.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
_LIBC.free.restype, _LIBC.free.argtypes = None, [ctypes.c_void_p]
"""The C allocator native code's realloc and free go to."""


class Growing:
    """The lists a piece appends to or makes (see the module's policy); `entered` maps the locals of
    those it was entered with to them."""

    def __init__(self, entered: dict):
        self.entered = entered          # local -> the list it was entered with
        self.buffers = {}               # local -> (address, numbers as entered)

    def refusal(self, lists, values: dict, aliases: dict) -> str | None:
        others = [v for n, v in values.items() if n not in self.entered and n not in aliases]
        for lst in self.entered.values():
            if id(lst) in lists.places or any(v is lst for v in others) \
                    or sum(v is lst for v in self.entered.values()) > 1:
                return "a list appended to that something else holds too"
        return None

    def slots(self, name: str) -> list:
        import numpy as np
        lst = self.entered[name]
        numbers = np.array(lst, dtype={float: "float64", int: "int64", bool: "bool"}[type(lst[0])])
        capacity = 2 * len(lst) + 16
        address = _LIBC.malloc(capacity * numbers.itemsize)
        if not address:
            raise MemoryError("no memory for a list native code grows")
        ctypes.memmove(address, numbers.ctypes.data, numbers.nbytes)
        self.buffers[name] = (address, numbers)
        return [address, len(lst), numbers.itemsize, capacity]

    def hand_back(self, slots, layout: dict, typed, mask: int, names: list) -> dict:
        """The growing lists' values for the frame (where native code stops), their buffers freed."""
        import numpy as np
        handed = {}
        for name in typed.growing:
            if name not in layout or not mask >> names.index(name) & 1:
                continue
            address, length, size, _ = slots[layout[name]:layout[name] + 4]
            kind = {NType.FLOAT_LIST: "float64", NType.INT_LIST: "int64", NType.BOOL_LIST: "bool"}[typed.locals[name]]
            now = np.frombuffer((ctypes.c_char * (length * size)).from_address(address), dtype=kind).copy()
            if name in self.entered:
                before = self.buffers[name][1]
                lst = self.entered[name]
                bits = np.uint8 if size == 1 else np.int64
                for k in np.flatnonzero(now[:len(before)].view(bits) != before.view(bits)).tolist():
                    lst[k] = now[k].item()
                lst.extend(now[len(before):].tolist())
                handed[name] = lst
            else:
                handed[name] = now.tolist()
            _LIBC.free(address)
        return handed
