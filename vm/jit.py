"""The VM's side of the JIT: which frames run as native code, and going back to tier 0 where it leaves.

Policy (this increment). With `PYFORA_JIT_THRESHOLD=0` ("compile everything",
the setting the differential suite runs under to check native code against
tier 0), the submitted function itself is entered as native code when it and
what it calls compile for its argument types. Where native code leaves (see
compiler/native_lower.py), the frame goes on in tier 0 from that statement,
through the same resume code a suspension uses. Each (code, argument types)
is compiled once per process; one that does not compile is remembered and not
tried again. Hot detection and on-stack entry from the frame monitor's
samples are the next increment of issue 9.
"""
import os

from pyfora.compiler.linker import UNITS
from pyfora.compiler.resume import Entry

_PIECES: dict = {}
"""(code object, entry types) -> Piece, or the NotCompilable it raised."""
COUNTS = {"compiles": 0, "compile_time": 0.0, "native_calls": 0, "deoptimizations": 0}
"""What the JIT did since `take_counts` last read it (the computation's metrics add it up)."""


def take_counts() -> dict:
    counts = dict(COUNTS)
    for name in COUNTS:
        COUNTS[name] = type(COUNTS[name])()
    return counts


def forced() -> bool:
    """Whether every computation's function is tried as native code at once (PYFORA_JIT_THRESHOLD=0)."""
    return os.environ.get("PYFORA_JIT_THRESHOLD", "").strip() == "0" \
        and os.environ.get("PYFORA_JIT", "on").strip().lower() not in ("0", "off", "false", "no")


def call(fn, args: tuple, kwargs: dict) -> tuple[bool, object]:
    """(True, fn(*args)) computed natively, (True, the FrameState to go on with in tier 0) where native
    code left, or (False, None) where `fn` does not compile for these arguments."""
    # Imported here: llvmlite and the compiler's native stages cost a worker's start nothing unless used.
    from pyfora.compiler.native_engine import compile_piece, entry_types
    from pyfora.compiler.native_lower import is_plain_function
    from pyfora.compiler.native_types import NotCompilable
    unit = UNITS.get(getattr(getattr(fn, "__code__", None), "co_filename", None))
    if unit is None or unit.code is not fn.__code__ or kwargs or not is_plain_function(fn) \
            or len(args) != fn.__code__.co_argcount:
        return False, None
    params = [a.arg for a in unit.ir.args.args]
    values = dict(zip(params, args))
    types_ = entry_types(values)
    if len(types_) != len(values):
        return False, None
    key = (fn.__code__, tuple(sorted((k, t.value) for k, t in types_.items())))
    piece = _PIECES.get(key)
    if piece is None:
        try:
            piece = compile_piece(unit.ir.body, types_, fn.__globals__, fn.__qualname__)
        except NotCompilable as why:
            piece = why
        except Exception as why:     # a fault of the JIT's own must cost speed, never the answer
            piece = NotCompilable(f"the JIT failed: {type(why).__name__}: {why}")
        _PIECES[key] = piece
        if not isinstance(piece, NotCompilable):
            COUNTS["compiles"] += 1
            COUNTS["compile_time"] += piece.compile_seconds
    if isinstance(piece, NotCompilable):
        return False, None
    outcome = piece.run(values)
    COUNTS["native_calls"] += 1
    if outcome[0] == "return":
        return True, outcome[1]
    COUNTS["deoptimizations"] += 1
    _, statement, changed = outcome
    from .suspend import FrameState
    return True, FrameState(unit.code.co_filename, unit.ir.lineno, fn.__name__, fn.__qualname__, fn.__globals__,
                            statement, Entry.START, changed, {})
