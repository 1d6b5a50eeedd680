"""Native code's types, and the type of a live Python value: which values native code can hold, and how.

The types: 64-bit `INT` (a Python int outside that range is no `INT`: a
piece is not entered with it; one made by arithmetic leaves native code, see
native_lower), `FLOAT`, `BOOL`, `RANGE` (an iterator over a range: the
statement form names every loop's iterator), numpy's float64/int64/bool
scalars, complex numbers (two floats), tuples of numbers, read-only numpy arrays and lists of one kind of
number (and tables of them) with their iterators, functions and instances of
user classes (compiled in, never held: native_objects), and unions of a Python
number and numpy's of the same kind. compiler/native_types.py infers them for
a piece's locals and expressions.
"""
import ctypes
import enum
import math
import types

from .native_objects import is_user_instance


class NotCompilable(Exception):
    """A piece of code native code cannot run; `statement` is the statement id where that was found."""

    def __init__(self, reason: str, statement: int = 0):
        super().__init__(f"{reason} (statement {statement})")
        self.reason = reason
        self.statement = statement
        self.in_loop = False    # found inside a loop of the user's (native_sequences)


class NType(enum.Enum):
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    RANGE = "range_iterator"
    NONE = "None"
    NP_INT = "numpy.int64"
    NP_FLOAT = "numpy.float64"
    NP_BOOL = "numpy.bool"
    INT_1 = "1-D array of int64"
    INT_2 = "2-D array of int64"
    FLOAT_1 = "1-D array of float64"
    FLOAT_2 = "2-D array of float64"
    BOOL_1 = "1-D array of bool"
    BOOL_2 = "2-D array of bool"
    INT_1_IT = "iterator over a 1-D array of int64"
    FLOAT_1_IT = "iterator over a 1-D array of float64"
    BOOL_1_IT = "iterator over a 1-D array of bool"
    INT_LIST = "list of ints"
    FLOAT_LIST = "list of floats"
    BOOL_LIST = "list of bools"
    INT_TABLE = "list of lists of ints"
    FLOAT_TABLE = "list of lists of floats"
    BOOL_TABLE = "list of lists of bools"
    INT_LIST_IT = "iterator over a list of ints"
    FLOAT_LIST_IT = "iterator over a list of floats"
    BOOL_LIST_IT = "iterator over a list of bools"
    FUNC = "function"
    OBJECT = "instance"
    FLOAT_U = "float or numpy.float64"
    INT_U = "int or numpy.int64"
    BOOL_U = "bool or numpy.bool"
    NUMBER = "int or float"
    COMPLEX = "complex"


NUMBERS = (NType.INT, NType.FLOAT, NType.BOOL)


class TupleType:
    """A tuple of numbers of fixed types (`tuple_of`): held as its items, one slot each; one type per
    shape, as the guide's tuples are."""

    def __init__(self, items: tuple):
        self.items = items
        self.value = f"tuple of ({', '.join(t.value for t in items)})"

    def __repr__(self):
        return f"<{self.value}>"


class RecordsType:
    """A list of tuples of one shape (the n-body's `[([x, y, z], [vx, vy, vz], mass), ...]`): each
    tuple's leaves are numbers or lists of numbers, nested tuples allowed. Native code holds it as a
    table of records, a number one slot, a list three (its numbers' place, length and stride), read
    only: its lists are written through their own buffers (native_lists)."""

    def __init__(self, shape: tuple):
        self.shape = shape
        self.value = f"list of tuples {_shape_text(shape)}"
        self.fields = {}        # path of indices -> (leaf type, first slot in a record)
        self.width = self._lay_out(shape, ())

    def _lay_out(self, shape: tuple, path: tuple, first: int = 0) -> int:
        for k, leaf in enumerate(shape):
            if isinstance(leaf, tuple):
                first = self._lay_out(leaf, path + (k,), first)
            else:
                self.fields[path + (k,)] = (leaf, first)
                first += 1 if leaf in NUMBERS else 3
        return first

    def __repr__(self):
        return f"<{self.value}>"


class RecordsIterType:
    """An iterator over a RecordsType list: its table's place, length and stride, and the index."""

    def __init__(self, records: RecordsType):
        self.records = records
        self.value = f"iterator over a {records.value}"


def _shape_text(shape: tuple) -> str:
    return "(" + ", ".join(_shape_text(v) if isinstance(v, tuple) else v.value for v in shape) + ")"


_RECORDS: dict = {}


def records_of(shape: tuple) -> RecordsType:
    """The one RecordsType of this shape, and its iterator type (`.iterator`)."""
    found = _RECORDS.get(shape)
    if found is None:
        found = _RECORDS[shape] = RecordsType(shape)
        found.iterator = RecordsIterType(found)
    return found


class ComboIterType:
    """An `enumerate` or a `zip` of iterators native code goes over (ranges', 1-D arrays' and lists',
    or other such): its slots are the count (of an enumerate), then each iterator's own."""

    def __init__(self, kind: str, parts: tuple):
        self.kind, self.parts = kind, parts
        self.value = f"{kind} over ({', '.join(p.value for p in parts)})"
        self.width = (kind == "enumerate") + sum(p.width if isinstance(p, ComboIterType) else 4 for p in parts)


_COMBOS: dict = {}


def combo_of(kind: str, parts: tuple) -> ComboIterType:
    found = _COMBOS.get((kind, parts))
    if found is None:
        found = _COMBOS[kind, parts] = ComboIterType(kind, parts)
    return found


def combo_parts(iterator) -> tuple:
    """(the count or None, the iterators) of a live enumerate or zip."""
    reduced = iterator.__reduce__()
    if type(iterator) is zip:
        return None, reduced[1]
    inner, count = reduced[1]
    return count, (inner,)


def _combo_type(iterator) -> ComboIterType | None:
    if type(iterator) is zip and len(iterator.__reduce__()) != 2:
        return None     # zip(strict=True): its check is tier 0's
    count, inners = combo_parts(iterator)
    if count is not None and not INT_MIN <= count <= INT_MAX:
        return None
    parts = tuple(type_of_value(i) for i in inners)
    if any(p is not NType.RANGE and p not in ITERATORS and not isinstance(p, ComboIterType) for p in parts):
        return None
    return combo_of(type(iterator).__name__, parts)


_TUPLES: dict = {}
TUPLE_ITEMS = 16
"""Items of a tuple native code holds at most."""


def tuple_of(items) -> TupleType:
    """The one TupleType of these item types (types are compared by identity)."""
    items = tuple(items)
    found = _TUPLES.get(items)
    if found is None:
        found = _TUPLES[items] = TupleType(items)
    return found
KNOWN = (NType.FUNC, NType.OBJECT)
"""Compiled in, never held: a function, or an instance of a user class (compiler/native_objects.py)."""
NP_SCALARS = (NType.NP_INT, NType.NP_FLOAT, NType.NP_BOOL)
UNIONS = {NType.FLOAT_U: (NType.FLOAT, NType.NP_FLOAT), NType.INT_U: (NType.INT, NType.NP_INT),
          NType.BOOL_U: (NType.BOOL, NType.NP_BOOL)}
"""A local that holds a Python number and, at other times, numpy's of the same kind (`t = 0.0` then
`t += a[i]`): held as the number with a tag that says which (native_lower), so the type is exact."""
SCALARS = NUMBERS + NP_SCALARS + tuple(UNIONS)
BASE = {NType.NP_INT: NType.INT, NType.NP_FLOAT: NType.FLOAT, NType.NP_BOOL: NType.BOOL}
BASE.update({union: members[0] for union, members in UNIONS.items()})
"""A numpy scalar is held as the Python number of its kind; only its arithmetic and its type differ."""


MIXED = {NType.NUMBER: (NType.INT, NType.FLOAT)}
"""A local that holds an int and, later, a float (`s = 0` then `s += x * 0.5`): the number's bits and a
tag that says which (native_lower). Native code only computes with it where the other operand is a
float (where CPython converts the int to a float first, exactly, as native code does) and hands it back
as it is."""
BASE[NType.NUMBER] = NType.INT      # held as an int's 64 bits, a float's bits where the tag says so


def members(t: NType) -> tuple:
    """The concrete types a value of type `t` may have."""
    return UNIONS.get(t) or MIXED.get(t) or (t,)


def join(*types_: NType) -> NType | None:
    """The one type that holds values of all of `types_`, or None."""
    wanted = {m for t in types_ for m in members(t)}
    if len(wanted) == 1:
        return wanted.pop()
    return next((union for union, held in {**UNIONS, **MIXED}.items() if wanted == set(held)), None)


NUMPY_ARRAYS = {NType.INT_1: ("int64", 1), NType.INT_2: ("int64", 2), NType.FLOAT_1: ("float64", 1),
                NType.FLOAT_2: ("float64", 2), NType.BOOL_1: ("bool", 1), NType.BOOL_2: ("bool", 2)}
"""Read-only numpy arrays native code indexes in place: (dtype, number of dimensions)."""
LISTS = {NType.INT_LIST: ("list of int", 1), NType.FLOAT_LIST: ("list of float", 1),
         NType.BOOL_LIST: ("list of bool", 1), NType.INT_TABLE: ("list of int", 2),
         NType.FLOAT_TABLE: ("list of float", 2), NType.BOOL_TABLE: ("list of bool", 2)}
"""Lists of one kind of Python number, and lists of such lists of one length (tables), read and
written by native code in a copy of their numbers made where it is entered (compiler/native_lists.py):
indexed and looped over as 1-D and 2-D arrays whose elements are Python's numbers."""
ARRAYS = {**NUMPY_ARRAYS, **LISTS}
_TABLE_OF = {NType.INT_LIST: NType.INT_TABLE, NType.FLOAT_LIST: NType.FLOAT_TABLE, NType.BOOL_LIST: NType.BOOL_TABLE}
_ARRAY_OF = {spec: t for t, spec in ARRAYS.items()}
ELEMENT = {"int64": NType.NP_INT, "float64": NType.NP_FLOAT, "bool": NType.NP_BOOL,
           "list of int": NType.INT, "list of float": NType.FLOAT, "list of bool": NType.BOOL}
ITERATORS = {NType.INT_1_IT: NType.INT_1, NType.FLOAT_1_IT: NType.FLOAT_1, NType.BOOL_1_IT: NType.BOOL_1,
             NType.INT_LIST_IT: NType.INT_LIST, NType.FLOAT_LIST_IT: NType.FLOAT_LIST,
             NType.BOOL_LIST_IT: NType.BOOL_LIST}
"""A `for` over a 1-D array or a list: it, and the index of the next element (-1 once let go)."""
ITERATOR_OF = {array: it for it, array in ITERATORS.items()}
LOOPED = (NType.RANGE, *ITERATORS)
"""The types of the iterators a native `for` goes over."""


def base(t: NType) -> NType:
    """The Python number type a value of type `t` is held as."""
    return BASE.get(t, t)


def row(t: NType) -> NType:
    """The type of one index into an array of type `t`: an element, or a row of a 2-D array."""
    dtype, ndim = ARRAYS[t]
    return ELEMENT[dtype] if ndim == 1 else _ARRAY_OF[(dtype, 1)]


POLL_FLAG = ctypes.c_int32(0)
"""Native loops read this at every back-edge and leave where it is not 0: the VM sets it while a
suspension (or cancel) is pending (vm/suspend.py). Here, not beside the engine, so setting it never
loads llvmlite."""
INT_MIN, INT_MAX = -(1 << 63), (1 << 63) - 1


def type_of_value(value) -> NType | None:
    """The native type of a live value, or None where native code cannot hold it."""
    kind = type(value)
    if kind.__module__ == "numpy":
        return _numpy_type(value)
    if kind is _SEQUENCE_ITERATOR or kind is _LIST_ITERATOR:
        over = type_of_value(sequence_of(value))
        return over.iterator if isinstance(over, RecordsType) else ITERATOR_OF.get(over)
    if kind is list:
        return _list_type(value)
    if kind is types.FunctionType:
        return NType.FUNC
    if kind is enumerate or kind is zip:
        return _combo_type(value)
    if kind is tuple:
        items = [type_of_value(v) for v in value]
        return tuple_of(items) if 0 < len(items) <= TUPLE_ITEMS and all(t in NUMBERS for t in items) else None
    if is_user_instance(value):
        return NType.OBJECT
    if kind is bool:
        return NType.BOOL
    if kind is int:
        return NType.INT if INT_MIN <= value <= INT_MAX else None
    if kind is float:
        return NType.FLOAT
    if kind is complex:
        return NType.COMPLEX
    if kind is type(iter(range(0))) and range_state(value) is not None:
        return NType.RANGE
    if value is None:
        return NType.NONE
    return None


_SEQUENCE_ITERATOR = type(iter(type("_Indexed", (), {"__getitem__": lambda self, i: i})()))
_LIST_ITERATOR = type(iter([]))


def _list_type(value: list) -> NType | None:
    """The type of a list of one kind of Python number (ints within 64 bits; floats with no NaN, whose
    identity a copy would lose: `x in xs` finds a NaN by identity), or of a table of them (distinct
    rows of one length), else None. Empty: None."""
    kinds = set(map(type, value))
    if kinds == {tuple}:
        shapes = set(map(_record_shape, value))
        return records_of(shapes.pop()) if len(shapes) == 1 and None not in shapes else None
    if kinds == {list}:
        rows = {_list_type(row) for row in value}
        if len(rows) != 1 or len({len(row) for row in value}) != 1 or len(set(map(id, value))) != len(value):
            return None
        return _TABLE_OF.get(rows.pop())
    if kinds == {float}:
        return None if any(map(math.isnan, value)) else NType.FLOAT_LIST
    if kinds == {int}:
        return NType.INT_LIST if INT_MIN <= min(value) and max(value) <= INT_MAX else None
    return NType.BOOL_LIST if kinds == {bool} else None


def _record_shape(value: tuple) -> tuple | None:
    """The shape of a tuple whose leaves are numbers and lists of one kind of number (nested tuples
    allowed), or None."""
    shape = []
    for item in value:
        if type(item) is tuple:
            leaf = _record_shape(item)
        elif type(item) is list:
            leaf = _list_type(item)
            leaf = leaf if leaf in LISTS and LISTS[leaf][1] == 1 else None
        else:
            leaf = type_of_value(item)
            leaf = leaf if leaf in NUMBERS else None
        if leaf is None:
            return None
        shape.append(leaf)
    return tuple(shape) if shape else None


def sequence_of(iterator):
    """The sequence an iterator over it by index goes over (None once it is exhausted)."""
    reduced = iterator.__reduce__()
    return reduced[1][0] if len(reduced) == 3 else None


def _numpy_type(value) -> NType | None:
    import numpy as np
    kind = type(value)
    if kind is np.ndarray:
        if value.ndim not in (1, 2) or not value.flags.aligned or value.dtype.byteorder not in "=|":
            return None
        return _ARRAY_OF.get((value.dtype.name, value.ndim))
    return {np.int64: NType.NP_INT, np.float64: NType.NP_FLOAT, np.bool_: NType.NP_BOOL}.get(kind)


def range_state(iterator) -> tuple | None:
    """(start, stop, step, index) of a range iterator whose numbers all fit 64 bits, else None. (From
    3.12 on its `__reduce__` gives the range still to go and no index.)"""
    _, (r,), index = iterator.__reduce__()
    index = index or 0
    if all(INT_MIN <= v <= INT_MAX for v in (r.start, r.stop, r.step)) and len(r) <= INT_MAX:
        return r.start, r.stop, r.step, index
    return None
