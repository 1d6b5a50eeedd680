"""Large numeric buffers travel beside a pickle, not in it.

A numpy array of at least THRESHOLD bytes (no Python objects in it) is
written as a reference to a buffer outside the pickle: the pickler that met
it adds the array's memory (a `pickle.PickleBuffer`, protocol 5's own, made
by the array's `__reduce_ex__`) to its `outgoing` list, and the pickle holds
`incoming_array(index, ...)`. Whoever loads the pickle says, with
`receiving`, what buffer each index is: between processes, memory that the
sender put in a memfd and the receiver mapped copy-on-write
(vm/protocol.py), in one process a copy or the memory itself
(scheduler/pool.py). The array comes back as numpy's own unpickling makes it
(`_frombuffer`): a view of that buffer, `owndata` False, writable; writes
stay in the receiving process.

A reduction rather than pickle's `buffer_callback`, so that any unpickler
loads it (the worker's image reader takes no out-of-band buffers): only the
global `incoming_array` has to be found by name.

An array that is neither C- nor Fortran-contiguous travels as a contiguous
copy (pickle too writes it contiguous).
"""
import contextlib
import pickle
import sys
import threading

THRESHOLD = 1 << 20
"""Arrays of this many bytes or more travel out of band."""


class Pickled(bytes):
    """A pickle, with `buffers`: the `PickleBuffer`s it refers to by index, in order."""
    buffers: tuple = ()


def pickled(data: bytes, buffers: list) -> bytes:
    """`data`, as `Pickled` with `buffers` when there are any."""
    if not buffers:
        return data
    result = Pickled(data)
    result.buffers = tuple(buffers)
    return result


def buffers_of(data: bytes) -> tuple:
    """The out-of-band buffers of a pickle (none for plain bytes)."""
    return getattr(data, "buffers", ())


def array_type():
    """numpy's ndarray when numpy is imported (then no other type is an array), else None."""
    numpy = sys.modules.get("numpy")
    return None if numpy is None else numpy.ndarray


def reduce_array(array, outgoing: list):
    """How a numpy array (of type exactly ndarray) travels: beside the pickle, its memory added to
    `outgoing`, when it is large and holds no objects; NotImplemented (as pickle writes it) otherwise."""
    if array.nbytes < THRESHOLD or array.dtype.hasobject:
        return NotImplemented
    if not (array.flags.c_contiguous or array.flags.f_contiguous):
        array = sys.modules["numpy"].ascontiguousarray(array)
    reduction = array.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    args = reduction[1]
    if len(reduction) != 2 or not args or type(args[0]) is not pickle.PickleBuffer:
        return NotImplemented
    outgoing.append(args[0])
    return (incoming_array, (len(outgoing) - 1, reduction[0], args[1:]))


_receiving = threading.local()


@contextlib.contextmanager
def receiving(buffers):
    """While pickles are loaded in this thread, out-of-band buffer `i` is `buffers[i]` (a buffer, or
    the exception that says why it could not be had)."""
    previous = getattr(_receiving, "buffers", None)
    _receiving.buffers = buffers
    try:
        yield
    finally:
        _receiving.buffers = previous


def incoming_array(index: int, rebuild, args: tuple):
    """The array that `reduce_array` sent: `rebuild` (numpy's `_frombuffer`) over buffer `index`."""
    buffers = getattr(_receiving, "buffers", None)
    if buffers is None or index >= len(buffers):
        raise pickle.UnpicklingError(f"an array's memory (out-of-band buffer {index}) did not arrive with "
                                     "the pickle")
    buffer = buffers[index]
    if isinstance(buffer, BaseException):
        raise buffer
    return rebuild(buffer, *args)
