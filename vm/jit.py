"""The VM's side of the JIT: which frames run as native code, and going back to tier 0 where it leaves.

Policy. The frame monitor hands each sample's innermost frame to `Profile.hot`
(every 20 ms or more, vm/monitor.py); a function seen inside one of its loops,
or recursing (on the stack more than once), in PYFORA_JIT_THRESHOLD samples
(default `THRESHOLD`) is hot. The computation then stops at its loop's next
iteration (or where the recursion next begins), as a suspension does, but the
continuation goes on in this process at once (vm/run.py), and each frame of a
hot function is entered as native code from the statement it is at, with its
live locals (on-stack entry: `enter`), when that rest of the function compiles
for their types. So a loop that becomes hot inside one long call finishes
natively, and so does a recursion: each of its frames waiting on the stack
goes on natively with the value of the call it waits for.
With PYFORA_JIT_THRESHOLD=0 every computation's function is tried as native
code at its start (`call`): the differential suite runs so, to check native
code against tier 0.

Where native code leaves (compiler/native_lower.py says when), the frame goes
on in tier 0 from that statement, through the resume code a suspension uses.
Each piece is compiled once per process, per statement and entry types; a
function whose code does not compile, or whose native code left, is not
entered again on the spot (it is counted, and PYFORA_DUMP=jit prints why).
"""
import ast
import bisect
import inspect
import os
import sys
import types

from pyfora.compiler.astutil import GENEXPR
from pyfora.compiler.linker import UNITS
from pyfora.compiler.resume import VALUE, Entry, ResumeKey, first_statement, function_node, rest_of
from pyfora.compiler.statements import display_name

THRESHOLD = 3
"""Monitor samples inside a function's loops (or its recursion) that make it hot: about 60 ms."""
PATIENCE = 10_000
"""Statements the run thread may pass, traced, before the stop at a hot loop is given up (the loop
ended first): about 10 ms."""
_PIECES: dict = {}
"""Key of a piece -> the Piece, or the NotCompilable it raised."""
SPECIALIZATIONS = 16
"""Pieces compiled at one place of one function (a statement it is entered at), one per combination of
entry types (the guide's `typeExplosion`); past this, a new combination stays in tier 0."""
_SPECIALIZED: dict = {}
"""Where a piece is entered -> pieces compiled there."""
_REFUSED: set = set()
"""(unit, function) whose entry was refused in the running computation (native_engine.Piece.run): not
asked for again in it."""
_GAVE_UP: set = set()
"""(unit, function) that native code is not tried for again on the spot, and (unit, function, loop)
for a loop of it that did not compile (None for its recursion)."""
STOPS_PER_FUNCTION = 3
"""Stops for on-stack entry into one function in one computation: a function whose calls are short
(an `is_prime` called in a loop) is hot again and again, and each stop costs a suspension of the
whole stack for one call's worth of native code."""
COUNTS = {"compiles": 0, "compile_time": 0.0, "native_calls": 0, "deoptimizations": 0, "osr_entries": 0,
          "deoptimization_reasons": {}, "fallbacks": {}}
"""What the JIT did since `take_counts` last read it (the computation's metrics add it up): the
reasons are counted by their text, a fall-back by why its code stays in tier 0."""


def take_counts() -> dict:
    """The counts, zeroed (and the entries refused in the computation that ends forgotten)."""
    _REFUSED.clear()
    counts = dict(COUNTS)
    for name in COUNTS:
        COUNTS[name] = type(COUNTS[name])()
    return counts


def enabled() -> bool:
    """Whether hot code goes native: PYFORA_JIT (which the pool sets from `connect(jit=...)`), else the
    level (pyfora/config.py)."""
    from pyfora.config import jit_enabled
    return jit_enabled(None)


def threshold() -> int:
    raw = os.environ.get("PYFORA_JIT_THRESHOLD", "").strip()
    return int(raw) if raw.isdigit() else THRESHOLD


def forced() -> bool:
    """Whether every computation's function is tried as native code at once (PYFORA_JIT_THRESHOLD=0)."""
    return threshold() == 0 and enabled()


class Profile:
    """Counts the monitor's samples by function, inside loops only; says when one is hot."""

    def __init__(self):
        self.samples: dict = {}
        self.wanted: set = set()        # stopped for, not entered yet
        self.stops: dict = {}           # (unit, function) -> stops asked for it

    def hot(self, frame) -> tuple | None:
        """Where to stop the run thread to enter a hot function natively: (unit, statement), once a
        frame of the stack that `frame` (the innermost, read on the monitor thread) is the top of has
        been seen often enough in one of its loops, or in a recursion (its function on the stack more
        than once), and that function compiled for the types of its locals now; else None. A loop is
        entered at its next iteration; a recursion where its function next begins, every frame of it
        on the stack then entered where it waits (vm/suspend.resume), so the rest of the recursion runs
        natively. The innermost such frame goes first (its loop is entered on the spot, where an outer
        frame would wait for the call in flight to return); once it is given up or stopped for
        STOPS_PER_FUNCTION times (a short function called in a loop), the frame that calls it, whose
        native code then runs those calls too (and consumes a generator expression fused into its
        loop: a generator's own frame is never entered). Compiling here leaves the run thread running
        meanwhile, and a frame whose code does not compile is not stopped (tier 0 could not be stopped
        again inside the resumed loop: compiler/resume.py)."""
        stack = []
        while frame is not None:
            stack.append(frame)
            frame = frame.f_back
        placed = [(f, where) for f in stack
                  if not f.f_code.co_flags & inspect.CO_GENERATOR     # a generator is fused into its consumer
                  and (unit := UNITS.get(f.f_code.co_filename)) is not None
                  and (where := _statements(unit).get(_line_of(f))) is not None]
        depth: dict = {}
        for f, (function, _) in placed:
            depth[f.f_code.co_filename, function] = depth.get((f.f_code.co_filename, function), 0) + 1
        candidates = [(f, function, loop) for f, (function, loop) in placed
                      if loop is not None or depth[f.f_code.co_filename, function] > 1]
        if any((f.f_code.co_filename, function) in self.wanted for f, function, _ in candidates):
            return None
        for f, function, loop in candidates:
            key = (f.f_code.co_filename, function)
            place = (*key, loop)        # a loop of it, or (None) its recursion
            if key in _GAVE_UP or place in _GAVE_UP or key in _REFUSED or self.stops.get(key, 0) >= STOPS_PER_FUNCTION:
                continue
            self.samples[key] = self.samples.get(key, 0) + 1
            ready = self.samples[key] == 1 and (_compiled_for(f, function, loop, only_if_ready=True) if loop is not None
                                                else _recursion_entry(f, function, only_if_ready=True))
            if self.samples[key] < max(threshold(), 1) and not ready:     # compiled before: entered at once
                continue
            target = loop if loop is not None else _recursion_entry(f, function)
            if target is None or loop is not None and _compiled_for(f, function, target) is None:
                _GAVE_UP.add(place)     # another loop of the function may still compile
                continue
            self.wanted.add(key)
            return f.f_code.co_filename, target
        return None

    def take_wanted(self) -> frozenset:
        wanted, self.wanted = frozenset(self.wanted), set()
        for key in wanted:
            self.stops[key] = self.stops.get(key, 0) + 1
            self.samples[key] = 0
        return wanted


def _compiled_for(frame, function: int, target: int, only_if_ready: bool = False):
    """The piece that would go on with `frame` (of `function`) at `target`, compiled now if new (with
    `only_if_ready`, only one compiled before); None where it does not compile."""
    from .suspend import frame_locals
    code, values = frame.f_code, frame_locals(frame)     # before the first import of the engine (slow)
    from pyfora.compiler.native_engine import entry_types
    return _entered_piece(code.co_filename, function, target, Entry.START, values, entry_types(values),
                          frame.f_globals, code.co_qualname, only_if_ready)


_LOCATED: dict = {}
"""Code object -> (offsets, their lines): the instructions that have a line, in order."""


def _line_of(frame) -> int | None:
    """The line `frame` is at. Another thread mostly sees a loop at its back-edge, where it gives up
    the GIL, and CPython's jump there may have no line (`f_lineno` None): then the line of the last
    instruction before it that has one."""
    if frame.f_lineno is not None:
        return frame.f_lineno
    code = frame.f_code
    located = _LOCATED.get(code)
    if located is None:
        lines = [(start, line) for start, _, line in code.co_lines() if line is not None]
        located = _LOCATED[code] = ([s for s, _ in lines], [line for _, line in lines])
    k = bisect.bisect_right(located[0], frame.f_lasti) - 1
    return located[1][k] if k >= 0 else None


_STATEMENTS: dict = {}


def _statements(unit) -> dict:
    """Statement id -> (the id of its function's def, the first statement of the innermost loop it is
    in, or is, or None outside loops), for the statements of each function: the first statement of a
    loop's body is where each iteration begins."""
    found = _STATEMENTS.get(unit.code.co_filename)
    if found is None:
        found = _STATEMENTS[unit.code.co_filename] = {}

        def visit(node, function, loop_start):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    visit(child, child.lineno, None)
                elif isinstance(child, ast.stmt):
                    start = child.body[0].lineno if isinstance(child, (ast.For, ast.While)) else loop_start
                    found[child.lineno] = (function, start)
                    visit(child, function, start)
        visit(unit.ir, unit.ir.lineno, None)
    return found


def _recursion_entry(frame, function: int, only_if_ready: bool = False) -> int | None:
    """Where a recursion of `function` (which `frame` runs) is stopped for: its first statement, which
    the next call reaches at once, when the whole function compiles (with `only_if_ready`, compiled
    before) for the types of `frame`'s arguments (those it was called with, where it has not rebound
    them); else None."""
    from .suspend import frame_locals
    values = frame_locals(frame)      # before the first import of the engine (slow)
    from pyfora.compiler.native_engine import entry_types
    unit = UNITS[frame.f_code.co_filename]
    node = function_node(unit, function)
    if node is None or node.args.vararg or node.args.kwarg or node.args.kwonlyargs or node.args.posonlyargs:
        return None
    arguments = {a.arg: values[a.arg] for a in node.args.args if a.arg in values}
    if len(arguments) != len(node.args.args):
        return None
    target = first_statement(node)
    if ast.get_docstring(node, clean=False) is not None and target == node.body[0].lineno:
        if len(node.body) == 1:
            return None
        target = node.body[1].lineno      # a docstring is no statement that runs
    piece = _entered_piece(frame.f_code.co_filename, function, target, Entry.START, arguments,
                           entry_types(arguments), frame.f_globals, frame.f_code.co_qualname, only_if_ready)
    return None if piece is None else target


def enter(state, value) -> tuple | None:
    """Run `state`'s frame natively from where it is: (its value,), or None where tier 0 is to run it,
    `state` then moved to where native code left (or left as it was, where none compiled)."""
    from .suspend import CONSTRUCTED, _Handover
    key = (state.unit, state.function)
    if state.entry not in (Entry.START, Entry.VALUE) or CONSTRUCTED in state.locals:
        _GAVE_UP.add(key)
        return None
    from pyfora.compiler.native_engine import entry_types
    values = dict(state.locals)
    for name, cell in state.cells.items():     # native code holds their contents, written back where it leaves
        try:
            values[name] = cell.cell_contents
        except ValueError:
            continue
    if state.entry is Entry.VALUE:
        values[VALUE] = value
    types_ = entry_types(values)
    piece = _entered_piece(state.unit, state.function, state.statement, state.entry, values, types_,
                           state.globals, state.qualname)
    if piece is None or not _may_run(piece):
        _GAVE_UP.add(key)
        return None
    ran = _run(piece, values, types_, _maker(state.unit, state.globals))
    if ran is None:     # refused (counted): these values (a list from outside...) are this computation's
        _REFUSED.add(key)
        return None
    COUNTS["osr_entries"] += 1
    outcome, planned = ran
    if outcome[0] == "return":
        return (outcome[1],)
    if not planned:
        _GAVE_UP.add(key)
    _, statement, changed, _ = outcome
    changed.pop(VALUE, None)
    for name, cell in state.cells.items():
        if name in changed:
            cell.cell_contents = changed.pop(name)
    state.statement, state.entry, state.locals = statement, Entry.START, _Handover(changed)
    return None


def _entered_piece(unit: str, function: int, statement: int, entry: Entry, values: dict, types_: dict,
                   globals_: dict, name: str, only_if_ready: bool = False):
    """The piece that goes on with a frame of `function` at `statement`, with locals `values` of the
    native types `types_`."""
    key = ResumeKey(function, statement, entry, frozenset(values))
    return _piece((unit, key), lambda: rest_of(UNITS[unit], key), values, types_, globals_, name,
                  function_node(UNITS[unit], function), only_if_ready)


def call(fn, args: tuple, kwargs: dict) -> tuple[bool, object]:
    """(True, fn(*args)) computed natively, (True, the FrameState to go on with in tier 0) where native
    code left, or (False, None) where `fn` does not compile for these arguments."""
    from pyfora.compiler.native_engine import entry_types
    from pyfora.compiler.native_lower import is_plain_function
    unit = UNITS.get(getattr(getattr(fn, "__code__", None), "co_filename", None))
    if unit is None or unit.code is not fn.__code__ or kwargs or not is_plain_function(fn) \
            or len(args) != fn.__code__.co_argcount:
        return False, None
    values = dict(zip([a.arg for a in unit.ir.args.args], args))
    types_ = entry_types(values)
    if len(types_) != len(values):
        return False, None
    piece = _piece(fn.__code__, lambda: unit.ir.body, values, types_, fn.__globals__, fn.__qualname__, unit.ir)
    if piece is None or not _may_run(piece):
        return False, None
    ran = _run(piece, values, types_, _maker(unit.code.co_filename, fn.__globals__))
    if ran is None:
        return False, None
    outcome, _ = ran
    if outcome[0] == "return":
        return True, outcome[1]
    _, statement, changed, _ = outcome
    from .suspend import FrameState
    return True, FrameState(unit.code.co_filename, unit.ir.lineno, fn.__name__, fn.__qualname__, fn.__globals__,
                            statement, Entry.START, changed, {})


def _piece(where, statements, values: dict, types_: dict, globals_: dict, name: str, home,
           only_if_ready: bool = False):
    """The piece compiled from `statements()`, a part of the def `home`, at `where` for `types_`, the
    types of `values` (and the functions they hold), compiled now if new (unless `only_if_ready`);
    None if it does not compile. A fault of the JIT's own costs speed, never the answer: it counts as
    not compiling."""
    from pyfora.compiler.native_objects import state_key
    from pyfora.compiler.native_types import NotCompilable
    from pyfora.compiler.native_values import KNOWN
    objects = {k: values[k] for k, t in types_.items() if t in KNOWN}
    # A function or instance is compiled in by its state (native_objects): the lambda or instance a
    # caller makes anew each call is the same piece.
    key = (where, tuple(sorted((k, state_key(objects[k]) if k in objects else t.value) for k, t in types_.items())))
    piece = _PIECES.get(key)
    if piece is None and only_if_ready:
        return None
    if piece is None:
        piece = _compile(where, statements, types_, globals_, name, objects, home, frozenset(values))
        _PIECES[key] = piece    # kept for the process: its engine owns the machine code
        if isinstance(piece, NotCompilable):
            _dump(f"{name} stays in tier 0: {piece}")
        for statement, why in sorted(getattr(piece, "leaves_at", {}).items()):
            _dump(f"{name} leaves for tier 0 at statement {statement}: {why}")
    if isinstance(piece, NotCompilable):
        _count("fallbacks", piece.reason)
        return None
    return piece


def _compile(where, statements, types_: dict, globals_: dict, name: str, objects: dict, home, bound):
    from pyfora.compiler.native_engine import compile_piece
    from pyfora.compiler.native_types import NotCompilable
    if _SPECIALIZED.get(where, 0) >= SPECIALIZATIONS:
        return NotCompilable(f"more than {SPECIALIZATIONS} combinations of types entered here")
    _SPECIALIZED[where] = _SPECIALIZED.get(where, 0) + 1
    try:
        piece = compile_piece(statements(), types_, globals_, name, objects, home, bound)
    except NotCompilable as why:    # kept without its traceback, whose frames hold the locals' values
        return NotCompilable(why.reason, why.statement)
    except Exception as why:
        return NotCompilable(f"the JIT failed: {type(why).__name__}: {why}")
    COUNTS["compiles"] += 1
    COUNTS["compile_time"] += piece.compile_seconds
    return piece


_NUMPY_DEFAULT_ERRORS = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}


def _may_run(piece) -> bool:
    """Whether `piece` may run in this thread now: one computing with numpy scalars only under numpy's
    default error state (a computation carries the client's, vm/settings.py), which its checks assume."""
    if not piece.numpy_scalars:
        return True
    import numpy as np
    return np.geterr() == _NUMPY_DEFAULT_ERRORS


def _maker(unit: str, globals_: dict):
    """What makes a generator expression's function of `unit`, given its def's id, as tier 0 makes it."""
    def make(line: int) -> types.FunctionType:
        codes = [UNITS[unit].code]
        while codes:
            code = codes.pop()
            if code.co_firstlineno == line and code.co_name == display_name(GENEXPR):
                return types.FunctionType(code, globals_)
            codes.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
        raise LookupError(f"no generator function defined at statement {line} of {unit}")
    return make


def _run(piece, values: dict, types_: dict, make) -> tuple | None:
    """The piece's outcome (native_engine.Piece.run), and whether it left where it had to (code it
    does not run), not where its assumptions failed (a deoptimization); None where the frame may not
    enter it (a fall-back, counted)."""
    outcome = piece.run(values, types_, make)
    if outcome[0] == "refused":
        _count("fallbacks", outcome[1])
        _dump(f"not entered: {outcome[1]}")
        return None
    COUNTS["native_calls"] += 1
    planned = outcome[0] == "exit" and outcome[1] in piece.leaves_at
    if outcome[0] != "return" and not planned:
        COUNTS["deoptimizations"] += 1
        _count("deoptimization_reasons", outcome[3].text)
        _dump(f"left for tier 0 at statement {outcome[1]}: {outcome[3].text}")
    return outcome, planned


def _dump(line: str):
    """PYFORA_DUMP=jit: what the JIT did and why, on stderr."""
    if "jit" in os.environ.get("PYFORA_DUMP", "").split(","):
        print(f"# jit: {line}", file=sys.stderr)


def _count(table: str, reason: str):
    COUNTS[table][reason] = COUNTS[table].get(reason, 0) + 1

