"""What a running frame holds that Python does not show: its function, its cells, how it was entered.

A suspension needs, for every frame, the function object (for its globals,
closure and defaults), the cell objects of its closure variables (so closures
made before the suspension share them with the resumed frame), and whether
the frame was entered from C (then a C function such as `sorted` stands
between it and its caller, whose state cannot be captured). CPython 3.11
keeps these in the interpreter frame behind `frame.f_frame`; this module reads
them with ctypes, on the thread that runs the frame, while it is stopped in a
trace function. Other Python versions report `SUPPORTED = False`.
"""
import ctypes
import sys
import types

SUPPORTED = sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)

_PTR = ctypes.POINTER(ctypes.c_void_p)
_F_FRAME = 24          # PyFrameObject.f_frame, after the object header and f_back
_F_FUNC = 0            # _PyInterpreterFrame.f_func
_IS_ENTRY = 68         # _PyInterpreterFrame.is_entry
_LOCALSPLUS = 72       # _PyInterpreterFrame.localsplus


def _interpreter_frame(frame: types.FrameType) -> int:
    return ctypes.cast(id(frame) + _F_FRAME, _PTR)[0]


def _object_at(address: int):
    pointer = ctypes.cast(address, _PTR)[0]
    return ctypes.cast(pointer, ctypes.py_object).value if pointer else None


def function(frame: types.FrameType) -> types.FunctionType:
    """The function object `frame` is running."""
    return _object_at(_interpreter_frame(frame) + _F_FUNC)


def entered_from_c(frame: types.FrameType) -> bool:
    """Whether `frame` was called from C (a builtin or a slot) rather than straight from Python."""
    return ctypes.cast(_interpreter_frame(frame) + _IS_ENTRY, ctypes.POINTER(ctypes.c_bool))[0]


def cells(frame: types.FrameType) -> dict:
    """The cell objects of `frame`'s closure variables (its cellvars and freevars), by name."""
    code = frame.f_code
    wanted = set(code.co_cellvars) | set(code.co_freevars)
    if not wanted:
        return {}
    extra = len([v for v in code.co_cellvars if v not in code.co_varnames])
    base = _interpreter_frame(frame) + _LOCALSPLUS
    found = {}
    for i in range(code.co_nlocals + extra + len(code.co_freevars)):
        name = code._varname_from_oparg(i)
        if name in wanted:
            cell = _object_at(base + 8 * i)
            if type(cell) is types.CellType:
                found[name] = cell
    return found
