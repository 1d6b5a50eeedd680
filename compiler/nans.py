"""NaN floats keep their identity through a pickle.

A NaN is unequal to itself, so a list, dict or set finds it only by its
identity (`x in [x]`, `{x: 1}[x]`), while pickle writes each float by value,
a new object at every occurrence. The VM's picklers give each NaN a
persistent id instead, `("nan", key, its 8 bytes)`, the same key for the same
object, and a reader makes one float per key. Arguments number their NaNs with
the client's handles, so a NaN the client sent comes back in a result as the
client's own object. (The identity of other numbers is implementation-defined
in Python, and is not kept.)
"""
import struct


def nan_id(key: int, value: float) -> tuple:
    return ("nan", key, struct.pack("<d", value))


def is_nan_id(pid) -> bool:
    return type(pid) is tuple and len(pid) == 3 and pid[0] == "nan"


class NanWriting:
    """The persistent ids of one pickle's NaNs, numbered as they come."""

    def __init__(self):
        self._keys: dict = {}     # id -> (key, the NaN, kept alive so that its id is not reused)

    def persistent_id(self, value: float) -> tuple:
        entry = self._keys.get(id(value))
        if entry is None:
            entry = self._keys[id(value)] = (len(self._keys), value)
        return nan_id(entry[0], value)


class NanReading:
    """The NaNs of one unpickling: one float per key."""

    def __init__(self):
        self._made: dict = {}

    def persistent_load(self, pid) -> float:
        _, key, bits = pid
        value = self._made.get(key)
        if value is None:
            value = self._made[key] = struct.unpack("<d", bits)[0]
        return value
