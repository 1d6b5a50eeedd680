"""What native code's LLVM IR is made of: how each type is held (its LLVM type and its slots), the
layout of an entered piece's slots, and why native code leaves for tier 0 (compiler/native_lower.py
and compiler/native_loops.py emit it)."""
import enum

from llvmlite import ir

from .native_values import (ARRAYS, BASE, ITERATORS, KNOWN, MIXED, UNIONS, ComboIterType, NType, RecordsIterType,
                            RecordsType, TupleType)

I1, I32, I64, F64 = ir.IntType(1), ir.IntType(32), ir.IntType(64), ir.DoubleType()
LL = {NType.INT: I64, NType.FLOAT: F64, NType.BOOL: I1}
LL.update({np_type: LL[held] for np_type, held in BASE.items()})      # and an int-or-float's bits
BYTE = ir.IntType(8)
ELEMENTS = {"int64": I64, "float64": F64, "bool": BYTE, "list of int": I64, "list of float": F64,
             "list of bool": BYTE}
"""How an array's element of each dtype lies in memory."""
POLL = "pyfora_poll"
DEPTH = "pyfora_depth"
NATIVE_DEPTH = 3000
"""Native calls in flight at most (a few hundred bytes of stack each: well within the 8 MiB of a main
thread, where a computation with no worker runs)."""


class Why(enum.IntEnum):
    """Why native code left for tier 0 (the metrics' deoptimization reasons): each exit stores its
    code in the function's `$why`, which the entered piece hands back in its slots and a callee
    returns as its status (never 0, which is its success), for its caller to leave with."""
    PLANNED = 0
    POLL = 1
    OVERFLOW = 2
    ZERO_DIVISION = 3
    INDEX = 4
    UNBOUND = 5
    BEYOND_2_53 = 6
    NEGATIVE_POWER = 7
    ZERO_POWER = 8
    COMPLEX_POWER = 9
    FLOAT_RANGE = 10
    MATH_DOMAIN = 11
    FLOAT_TO_INT = 12
    SHIFT = 13
    NUMPY = 14
    RANGE = 15
    DEPTH = 16
    UNPACK = 17
    MEMORY = 18

    @property
    def text(self) -> str:
        return _WHY_TEXT[self]


_WHY_TEXT = {
    Why.PLANNED: "code native code does not run", Why.POLL: "a suspension, cancel or checkpoint asked for",
    Why.OVERFLOW: "an int past 64 bits", Why.ZERO_DIVISION: "a division by zero",
    Why.INDEX: "an index out of range", Why.UNBOUND: "a local read before it is bound",
    Why.BEYOND_2_53: "an int past 2**53 with a float", Why.NEGATIVE_POWER: "an int to a negative power",
    Why.ZERO_POWER: "zero to a negative power", Why.COMPLEX_POWER: "a negative number to a fractional power",
    Why.FLOAT_RANGE: "a float result out of range", Why.MATH_DOMAIN: "a math domain error",
    Why.FLOAT_TO_INT: "a float that is no 64-bit int", Why.SHIFT: "a shift past 64 bits or by a negative count",
    Why.NUMPY: "a numpy operation numpy warns about", Why.RANGE: "a range of step 0 or longer than 2**63 - 1",
    Why.DEPTH: "native recursion past its bound", Why.UNPACK: "a list taken apart into another number of names",
    Why.MEMORY: "no memory for a list native code grows"}


class Mode(enum.Enum):
    ENTRY = "entry"     # called by the VM: locals in slots, written back where it leaves
    CALLEE = "callee"   # called by native code: arguments in registers, a pure computation


def slot_width(t: NType) -> int:
    """Slots a local of type `t` takes: a range iterator four (start, stop, step, index; -1 when let
    go), an array its data's address then each dimension's length and stride, a tuple one per item, a
    number one."""
    if parts(t) is not None:
        return len(parts(t))
    if isinstance(t, RecordsType):
        return 3        # its table's address, length and stride
    if isinstance(t, ComboIterType):
        return t.width
    if t is NType.RANGE or t in ITERATORS or isinstance(t, RecordsIterType):
        return 4        # start, stop, step, index; an array's data, length, stride, index
    if t in UNIONS or t in MIXED:
        return 2        # the number, then 1 where it is numpy's (where it is a float)
    return 1 + 2 * ARRAYS[t][1] if t in ARRAYS else 1


def local_width(typed, name: str) -> int:
    """Slots local `name` takes: its type's, and a growing list's capacity after its length and stride."""
    return 4 if name in typed.growing else slot_width(typed.locals[name])


def slot_layout(typed) -> dict:
    """Local -> its first slot."""
    layout, n = {}, 0
    for name in sorted(typed.locals):
        if typed.locals[name] is NType.NONE or typed.locals[name] in KNOWN or name in typed.aliases:
            continue    # compiled in, or another name of a growing list: not held
        layout[name] = n
        n += local_width(typed, name)
    return layout


def const(t: NType, value) -> ir.Constant:
    if t is NType.COMPLEX:
        return ir.Constant(ll_type(t), [ir.Constant(F64, value.real), ir.Constant(F64, value.imag)])
    return ir.Constant(LL[t], value)


def parts(t) -> tuple | None:
    """The types of the parts of a value held as a struct, one slot each: a tuple's items, a complex
    number's real and imaginary parts; None for others."""
    if isinstance(t, TupleType):
        return t.items
    return (NType.FLOAT, NType.FLOAT) if t is NType.COMPLEX else None


def ll_type(t: NType):
    """How a value of type `t` is held in LLVM: a tuple or a complex number as a struct of its parts."""
    if parts(t) is not None:
        return ir.LiteralStructType([LL[item] for item in parts(t)])
    return LL[t]
