"""Suspend a running computation at a statement boundary, capture it, and resume it.

How a suspension happens (DESIGN.md, tier 0):
1. `Suspender.request()` (from any thread) sends SIGUSR1 to the run thread;
   its handler turns line events on: on 3.12+ through `sys.monitoring`
   (PEP 669), whose callback disables each place that is no statement's
   start (a comprehension's loop, library code) after its first event, so a
   long statement runs at full speed while the request waits for its end;
   on 3.11 (or when no monitoring tool id is free) through `sys.settrace`
   on every frame of the stack.
2. At the next line event in user code at a statement's first instruction
   (every statement has a line of its own) the Suspender checks that the whole
   stack can be resumed: the innermost frame is at a statement outside
   handlers and `finally`, each caller waits at a call statement on exactly
   the frame above it (no C function in between; a constructor call is one
   exception: its `__init__` returns the instance; a generator is the other:
   its consumer is at a `for`, `next()`, `.send()` or `yield from` on it).
   If not, tracing goes on and the next line event tries again.
3. It snapshots every frame as a `FrameState` (function, statement id, entry,
   locals, cells) *before anything unwinds* and writes them to bytes at once
   (vm/continuation_pickler.py): a value that cannot be written yet (a
   generator paused where it cannot be rebuilt, a cache that cannot be read)
   makes this point not resumable either, and tries come further apart. Then
   it raises `Suspended`, which the rewritten handlers and `finally` blocks
   pass through unseen.

`resume` runs the frames again innermost-out through generated resume code
(compiler/resume.py), handing each the value or exception of the frame
above; each value is let go of once its frame has read it back. A continuation
pickles to bytes (`dumps`/`loads`) with one memo, so aliasing between frames
survives, and resumes in this process or another.
"""
import ast
import pickle
import signal
import sys
import threading
import types
from dataclasses import dataclass, field

from pyfora.compiler.linker import FOREIGN_OBJECTS, MODULE_VIEWS, SUSPENDING, UNITS, forget_foreign, mark_foreign
from pyfora.compiler.resume import (RESUME_FLAG, STATE, VALUE, Entry, ResumeKey, build_resume_code,
                                    first_statement, function_node, is_generator, resumable, statement_node)
from pyfora.compiler.native_values import POLL_FLAG
from pyfora.compiler.statements import is_call

from . import continuation_pickler, frames, jit


@dataclass
class FrameState:
    """One frame: which function (unit, def statement), where, and its state."""
    unit: str                  # the unit's code filename
    function: int              # statement id of the function's def
    name: str
    qualname: str
    globals: dict
    statement: int
    entry: Entry
    locals: dict
    cells: dict
    generator: object = None   # for a generator's frame: the generator object it runs in

    def __reduce__(self):
        # The fields in order and the entry as its number, not a dataclass's state dict and an enum
        # member by name: a 100,000-frame stack took 0.43 s and 3.3 MB to write instead of 0.54 s
        # and 5.6 MB.
        return _frame_state_from, (self.unit, self.function, self.name, self.qualname, self.globals,
                                   self.statement, self.entry.value, self.locals, self.cells, self.generator)


def _frame_state_from(unit, function, name, qualname, globals_, statement, entry, locals_, cells, generator):
    return FrameState(unit, function, name, qualname, globals_, statement, Entry(entry), locals_, cells, generator)


@dataclass
class Continuation:
    """A suspended computation: its frames, innermost first; once written, its bytes and the paused
    generators that `dumps` closes."""
    frames: list
    data: bytes | None = None
    paused: list = field(default_factory=list)


class Suspended(BaseException):
    """Unwinds a suspended computation; carries its continuation."""

    def __init__(self, continuation: Continuation):
        super().__init__("computation suspended")
        self.continuation = continuation


_MONITORING = getattr(sys, "monitoring", None)      # 3.12+
_LINE = _MONITORING.events.LINE if _MONITORING else 0
_DISABLE = _MONITORING.DISABLE if _MONITORING else None
_TOOL_IDS = (3, 4)
"""sys.monitoring tool ids pyfora may take: not those PEP 669 names for debuggers (0), coverage (1),
profilers (2) and optimizers (5)."""
_tool: list = []


def _monitoring_tool() -> int | None:
    """This process's sys.monitoring tool id, taken on first use; None before 3.12, or if none is free."""
    if not _tool and _MONITORING is not None:
        free = [i for i in _TOOL_IDS if _MONITORING.get_tool(i) is None]
        if free:
            _MONITORING.use_tool_id(free[0], "pyfora")
        _tool.append(free[0] if free else None)
    return _tool[0] if _tool else None


_RESUME_CODES: dict = {}
"""Resume code objects -> (unit filename, def statement id, entry statement), for re-suspension."""
_CACHE: dict = {}


def _function_of(frame):
    """(unit, def statement id) of a frame running tier-0 or resume code, or None."""
    code = frame.f_code
    info = _RESUME_CODES.get(code)
    if info is not None:
        return info[0], info[1]
    unit = UNITS.get(code.co_filename)
    if unit is None:
        return None
    return code.co_filename, code.co_firstlineno


class Suspender:
    """Suspends the computation running on one thread, on request.

    `roots` are the code objects of the VM's own frames the computation runs
    under (the runner, the resume driver): the walk stops there.
    """

    def __init__(self, roots, thread: int | None = None):
        self.roots = set(roots)
        self.pending = False
        self.running = False
        """True while the computation runs: a request that comes (or whose signal lands) after it
        ended must not leave a trace behind for the next computation on this thread."""
        self.countdown = 0
        self.backoff = 1
        self.monitoring = False
        self.waiting: tuple = ([], 0)
        """The frames still to run under a resume, as (a list, where they start in it): a resume sets
        this before each frame, and copying the rest of the list each time would cost its square."""
        self.in_process = False      # the suspension asked for goes on in this process (vm/jit.py)
        self.target = None           # (unit, statement): stop only there (the JIT's on-stack entry)
        self.patience = 0            # statements the run thread may pass before a target is given up
        self.given_up = False        # a target was given up since the JIT last looked
        self.thread = thread if thread is not None else threading.get_ident()

    def request(self):
        """Ask the run thread to suspend at its next resumable statement boundary."""
        self.pending = True
        POLL_FLAG.value = 1     # native code leaves for tier 0 at its next loop back-edge
        signal.pthread_kill(self.thread, signal.SIGUSR1)

    def on_signal(self, frame):
        """From the SIGUSR1 handler, on the run thread: trace every frame if a request is pending."""
        if self.pending and self.running:
            self.start_tracing(frame)

    def suspend_after(self, line_events: int, frame):
        """Suspend at the first resumable point after `line_events` statements (for tests)."""
        self.pending = True
        self.countdown = line_events
        self.start_tracing(frame)

    def start_tracing(self, frame):
        tool = _monitoring_tool()
        if tool is not None:
            _MONITORING.register_callback(tool, _LINE, self._on_line)
            _MONITORING.set_events(tool, _LINE)
            self.monitoring = True
            return
        f = frame
        while f is not None:
            f.f_trace = self.trace
            f = f.f_back
        sys.settrace(self.trace)

    def stop_tracing(self):
        self.pending = False
        POLL_FLAG.value = 0
        self.backoff = 1
        if self.monitoring:
            tool = _monitoring_tool()
            _MONITORING.set_events(tool, 0)
            _MONITORING.register_callback(tool, _LINE, None)
            _MONITORING.restart_events()    # the places the callback disabled see events again next time
            self.monitoring = False
        else:
            sys.settrace(None)

    def _on_line(self, code, line):
        """The sys.monitoring LINE callback (3.12+): what `trace` does for a line event, and DISABLE
        for a place that can never be a suspension point."""
        if threading.get_ident() != self.thread or not self.pending:
            return None     # the worker's other threads run on untouched
        if code.co_filename not in UNITS:
            return _DISABLE
        frame = sys._getframe(1)
        if frame.f_lasti not in _statement_starts(code):
            return _DISABLE
        self._at_statement(frame)
        return None

    def trace(self, frame, event, arg):
        if not self.pending:
            return None
        if event == "line" and frame.f_code.co_filename in UNITS:
            starts = _statement_starts(frame.f_code)
            if not starts:   # no statement of its own (a comprehension's frame before 3.12): run it untraced
                frame.f_trace_lines = False
                return self.trace
            if frame.f_lasti in starts:
                self._at_statement(frame)
        return self.trace

    def _at_statement(self, frame):
        """At a statement's first instruction: suspend here (raise `Suspended`) if the stack can be
        captured, and the countdown of `suspend_after` has run out."""
        if self.countdown > 0:
            self.countdown -= 1
            return
        if self.target is not None and not self._at_target(frame):
            return
        continuation = self.capture(frame)
        if continuation is not None:
            self.stop_tracing()
            SUSPENDING.active = True
            raise Suspended(continuation)

    def capture(self, frame) -> Continuation | None:
        """The continuation of the stack ending at `frame`, or None if it cannot be resumed now."""
        states = []
        waiting = False
        f = frame
        while True:
            parent = f.f_back
            if parent is None:
                return None
            state = self._state(f, parent, waiting)
            if state is None:
                return None
            states.append(state)
            if parent.f_code in self.roots:
                rest, first = self.waiting
                return self._written(Continuation(states + rest[first:]))
            f, waiting = parent, True

    def request_at(self, target: tuple, patience: int):
        """Ask for a suspension that goes on in this process, at `target` (unit, statement) only, given
        up after `patience` other statements (the JIT's on-stack entry, vm/jit.py)."""
        self.target, self.patience, self.in_process = target, patience, True
        self.request()

    def _at_target(self, frame) -> bool:
        if frame.f_code not in _RESUME_CODES and (frame.f_code.co_filename, frame.f_lineno) == self.target:
            return True
        self.patience -= 1
        if self.patience <= 0:      # the loop ended first: run on untraced
            self.target, self.in_process, self.given_up = None, False, True
            self.stop_tracing()
        return False

    def _written(self, continuation: Continuation) -> Continuation | None:
        """The continuation, written to bytes; None if a value it holds cannot be written yet. Then
        the next tries come further and further apart: writing costs as much as what the frames hold.
        One that goes on in this process (`in_process`: the JIT's on-stack entry) is not written."""
        if self.in_process:
            return continuation
        try:
            _pickle(continuation)
        except Exception:
            self.countdown, self.backoff = self.backoff, 2 * self.backoff
            return None
        return continuation

    def _state(self, f, parent, waiting: bool) -> FrameState | None:
        """`f`'s state, if it can be resumed where it is and `parent` waits on it in a way a resume repeats."""
        where = _function_of(f)
        if where is None:
            return None
        fn = function_node(UNITS[where[0]], where[1])
        stmt = f.f_lineno
        if fn is None or not resumable(fn, stmt, waiting):
            return None
        info = _RESUME_CODES.get(f.f_code)
        if info is not None and stmt == info[2] and not waiting:
            return None
        generator = _running_generator(f) if is_generator(fn) else None
        called = self._called(parent, f, generator, fn)
        if called is None:
            return None
        wait, function = called
        cells = frames.cells(f, function)
        if cells is None:
            return None
        state = _frame_state(f, where, stmt, Entry.VALUE if waiting else Entry.START, cells)
        state.generator = generator
        if wait is frames.Wait.CONSTRUCT:
            state.locals[CONSTRUCTED] = f.f_locals[f.f_code.co_varnames[0]]
        return state

    def _called(self, parent, f, generator, fn) -> tuple | None:
        """(how `parent` waits on `f`, the function object `f` runs), or None where that wait cannot be
        repeated by a resume. The resume driver's frames run resume code, which holds all its cells."""
        if is_generator(fn):
            if generator is None:
                return None
            if parent.f_code not in self.roots and not _consumes(parent, generator):
                return None
            return frames.Wait.CALL, frames.generator_function(generator)
        if parent.f_code is start.__code__:
            return frames.waits_on(parent, _START_CALL, f)
        if parent.f_code in self.roots:
            return frames.Wait.CALL, None
        return _waits_on(parent, f)


_STARTS: dict = {}
"""Code object -> the offsets at which a line event means a statement is about to begin."""


def _statement_starts(code) -> frozenset:
    """The offsets in `code` at which a statement begins; none for code that is no function of the
    statement form (a comprehension's own code before 3.12).

    Every statement has a line of its own, but a line event also fires where a
    loop inside a statement jumps back, and where the compiler placed a second
    copy of a statement's code (a loop's test at its bottom, clean-up code): on
    3.12+ a comprehension runs inlined in its function (PEP 709), and while it
    runs, or is cleaned up after an exception, the frame's locals show its
    variable, not the function's. So only the first stretch of code of each line
    counts. A `for` statement's line is the exception: its iterator is a named
    local, and wherever a line event finds it, taking the next item begins an
    iteration.
    """
    starts = _STARTS.get(code)
    if starts is None:
        starts = _STARTS[code] = _find_statement_starts(code)
    return starts


def _find_statement_starts(code) -> frozenset:
    unit = UNITS[code.co_filename]
    where = _RESUME_CODES.get(code, (None, code.co_firstlineno))
    if function_node(unit, where[1]) is None:
        return frozenset()
    starts, seen = set(), set()
    for start, end, line in code.co_lines():
        if line is None:
            continue
        if isinstance(statement_node(unit, line), ast.For):
            starts.update(range(start, end, 2))
        elif line not in seen:
            starts.add(start)
        seen.add(line)
    return frozenset(starts)


def _running_generator(frame):
    """The generator object whose frame is `frame`, found among its consumer's locals."""
    parent = frame.f_back
    for value in list(parent.f_locals.values()) if parent is not None else ():
        if type(value) is types.GeneratorType and value.gi_frame is frame:
            return value
    return None


def _consumes(parent, generator) -> bool:
    """Whether `parent` is taking the next item of `generator` in a way a resume can repeat.

    That is a `for` loop over it, `next(it)` / `next(it, default)`, `it.send(v)`, or
    `yield from it`: each just asks the rebuilt generator for its next item.
    """
    where = _function_of(parent)
    node = statement_node(UNITS[where[0]], parent.f_lineno) if where else None
    holds = lambda e: isinstance(e, ast.Name) and parent.f_locals.get(e.id) is generator  # noqa: E731
    if isinstance(node, ast.For):
        return holds(node.iter)
    if isinstance(node, (ast.Assign, ast.Expr, ast.Return)):
        value = node.value
        if isinstance(value, ast.YieldFrom):
            return holds(value.value)
        if isinstance(value, ast.Call) and value.args and not value.keywords:
            func = value.func
            if isinstance(func, ast.Name) and func.id == "next" and len(value.args) <= 2:
                return holds(value.args[0]) and parent.f_globals.get("next", next) is next
            if isinstance(func, ast.Attribute) and func.attr == "send" and len(value.args) == 1:
                return holds(func.value)
    return False


CONSTRUCTED = "_pf_constructed"
_NOT_LOCALS = frozenset({STATE, VALUE, frames.CELLS})


def frame_locals(frame, skip=()) -> dict:
    """The user's locals of a frame of the statement form (the VM's own names left out), less `skip`."""
    return {k: v for k, v in frame.f_locals.items()
            if k not in skip and k not in _NOT_LOCALS and not k.startswith(RESUME_FLAG)}


def _waits_on(parent, child) -> tuple | None:
    """How `parent` waits on `child` (at a call statement naming `child`'s function or class) and the
    function `child` runs; None if it does not wait so."""
    where = _function_of(parent)
    node = statement_node(UNITS[where[0]], parent.f_lineno) if where else None
    if node is None or not is_call(node):
        return None
    return frames.waits_on(parent, node.value, child)


def _frame_state(frame, where, stmt: int, entry: Entry, cells: dict) -> FrameState:
    local_values = frame_locals(frame, cells)
    resumed_from = frame.f_locals.get(STATE)
    if isinstance(resumed_from, dict) and CONSTRUCTED in resumed_from:
        local_values[CONSTRUCTED] = resumed_from.get(CONSTRUCTED)   # still an __init__ whose caller awaits it
    return FrameState(where[0], where[1], frame.f_code.co_name, frame.f_code.co_qualname, frame.f_globals,
                      stmt, entry, local_values, cells)


def resume_function(state: FrameState) -> types.FunctionType:
    """A function that continues `state`'s frame: call it with (locals, value)."""
    unit = UNITS[state.unit]
    bound = frozenset(k for k in state.locals if k != CONSTRUCTED)
    key = ResumeKey(state.function, state.statement, state.entry, bound)
    closure_names = tuple(sorted(state.cells))
    cache_key = (state.unit, key, closure_names, state.name, state.qualname)
    code = _CACHE.get(cache_key)
    if code is None:
        code = build_resume_code(unit, key, state.name, state.qualname, closure_names)
        _CACHE[cache_key] = code
        _RESUME_CODES[code] = (state.unit, state.function, state.statement)
    closure = tuple(state.cells[n] for n in code.co_freevars)
    return types.FunctionType(code, state.globals, state.name, None, closure or None)


def resume(continuation: Continuation, suspender: Suspender | None = None, hot: frozenset = frozenset()):
    """Run a continuation to its end: the computation's value, or its exception raised.

    Frames run innermost-out, each handed the value or exception of the one
    before. A generator frame becomes a new generator, paused where the old one
    was running; it replaces the old one in the frames still to run, and its
    next item is what its consumer was waiting for.
    """
    value, failed = None, False
    states = continuation.frames
    for i, state in enumerate(states):
        if suspender is not None:
            suspender.waiting = (states, i + 1)
        consumer = states[i + 1] if i + 1 < len(states) else None
        generator, state.generator = state.generator, None
        state.locals = _Handover(state.locals)
        try:
            if generator is not None:
                value = _run_generator_frame(state, value, generator, states[i + 1:])
            else:
                native = jit.enter(state, value) if (state.unit, state.function) in hot else None
                value = resume_function(state)(state.locals, value) if native is None else native[0]
                if CONSTRUCTED in state.locals:   # the caller waits for `Cls(...)`: the instance
                    value = state.locals[CONSTRUCTED]
            failed = False
        except Suspended:
            raise
        except BaseException as exc:
            value, failed = exc, True
        if consumer is not None:
            consumer.entry = _entry_after(consumer, generator is not None, value, failed)
    if suspender is not None:
        suspender.waiting = ([], 0)
    if failed:
        raise value
    return value


def _run_generator_frame(state: FrameState, value, old, waiting: list):
    """Rebuild a generator that was running (handed `value`, that of the frame above), put it where
    `old` was, and take its next item.

    The continuation keeps no reference to the rebuilt generator: where its consumer lets go of
    it, it is finalised at once, as CPython's would be.
    """
    revived = resume_function(state)(state.locals, value)
    _replace(old, revived, waiting)
    return next(revived, *_next_default(waiting[0] if waiting else None))


def _entry_after(consumer: FrameState, from_generator: bool, value, failed: bool) -> Entry:
    if from_generator and failed and isinstance(value, StopIteration):
        if isinstance(statement_node(UNITS[consumer.unit], consumer.statement), ast.For):
            return Entry.EXHAUSTED
    return Entry.RAISE if failed else Entry.VALUE


def _next_default(consumer: FrameState | None) -> tuple:
    """`next(it, default)`: the default, from the consumer's locals, when it gave one."""
    if consumer is None:
        return ()
    node = statement_node(UNITS[consumer.unit], consumer.statement)
    call = getattr(node, "value", None)
    if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and len(call.args) == 2:
        default = call.args[1]
        if isinstance(default, ast.Constant):
            return (default.value,)
        name = default.id
        if name in consumer.locals:
            return (consumer.locals[name],)
        if name in consumer.cells:
            return (consumer.cells[name].cell_contents,)
        return (consumer.globals[name],)
    return ()


def _replace(old, new, states):
    """Point the frames still to run, and the lists and dicts they hold, at the revived generator.

    A reference elsewhere (a tuple, an attribute) keeps the slot standing for `old`, which forwards.
    """
    if isinstance(old, GeneratorSlot):
        old.bind(new)
    seen: set = set()
    for state in states:
        _replace_in(state.locals, old, new, seen)


def _replace_in(container, old, new, seen: set):
    if id(container) in seen:
        return
    seen.add(id(container))
    keys = container.keys() if isinstance(container, dict) else range(len(container))
    for key in list(keys):
        value = container[key]
        if value is old:
            container[key] = new
        elif type(value) in (list, dict):
            _replace_in(value, old, new, seen)


class GeneratorSlot:
    """Stands, after unpickling, for a generator that was running when its computation was suspended.

    The resume driver binds it to the rebuilt generator; references held in
    frames' locals are replaced outright, references inside containers forward.
    """

    def __init__(self, index: int):
        self.index = index
        self.target = None

    def bind(self, generator):
        self.target = generator

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.target)

    def send(self, value):
        return self.target.send(value)

    def throw(self, *args):
        return self.target.throw(*args)

    def close(self):
        return self.target.close()


def revive_generator(state: FrameState):
    """Rebuild a generator that was not running: paused at a yield (or not started yet)."""
    generator = resume_function(state)(_Handover(state.locals), None)
    if state.entry is Entry.PAUSED:
        next(generator)
    return generator


def restart_generator(function, args: tuple):
    """Rebuild a generator expression not started yet (CPython runs it: it has no statements of its own)."""
    return function(*args)


class _GeneratorReducer:
    """How each generator a continuation holds travels: one running in its frames as a slot for the
    rebuilt one, one paused as its state (closed once written: its twin goes on in its place), one
    finished as a finished generator."""

    def __init__(self, frames_: list):
        self.running = {id(f.generator): i for i, f in enumerate(frames_) if f.generator is not None}
        self.paused: list = []

    def __call__(self, generator):
        if id(generator) in self.running:
            return (GeneratorSlot, (self.running[id(generator)],))
        frame = generator.gi_frame
        if frame is None:
            return (continuation_pickler.finished_generator, (generator.__name__, generator.__qualname__))
        where = _function_of(frame)
        if where is None:
            raise pickle.PicklingError(f"the generator {generator!r} does not run pyfora code")
        fn = function_node(UNITS[where[0]], where[1])
        if fn is None:   # a generator expression: CPython runs it, it has no statements of its own
            if generator.gi_suspended:
                raise pickle.PicklingError(f"the generator expression {generator!r} has started")
            return (restart_generator, _restarted(generator))
        if generator.gi_suspended and not resumable(fn, frame.f_lineno, False):
            raise pickle.PicklingError(f"the generator {generator!r} is paused where it cannot be rebuilt")
        self.paused.append(generator)
        return (revive_generator, (_paused_generator_state(generator, where, fn),))


def _restarted(generator) -> tuple:
    """(function, arguments) that make `generator` again, a generator expression not started yet."""
    frame = generator.gi_frame
    code = frame.f_code
    made_by = frames.generator_function(generator)
    if made_by is None:
        raise pickle.PicklingError(f"the function of the generator expression {generator!r} is not to be found")
    function = types.FunctionType(code, frame.f_globals, generator.__name__, None, made_by.__closure__)
    function.__qualname__ = generator.__qualname__
    return function, tuple(frame.f_locals[n] for n in code.co_varnames[:code.co_argcount])


def _paused_generator_state(generator, where, fn: ast.FunctionDef) -> FrameState:
    """The state of a generator of `fn` not on the stack: paused at a yield, or not started."""
    frame = generator.gi_frame
    function = frames.generator_function(generator)
    cells = frames.cells(frame, function) if generator.gi_suspended else frames.unstarted_cells(generator, function)
    if cells is None:
        raise pickle.PicklingError(f"the cells of the generator {generator!r} are not to be found")
    if generator.gi_suspended:
        return _frame_state(frame, where, frame.f_lineno, Entry.PAUSED, cells)
    info = _RESUME_CODES.get(frame.f_code)
    if info is not None:
        state = _frame_state(frame, where, info[2], Entry.START, cells)
        state.locals = dict(frame.f_locals[STATE])
        return state
    return _frame_state(frame, where, first_statement(fn), Entry.START, cells)


class _Handover(dict):
    """The locals handed to resume code, each let go of as it is read: the dict outlives the restore
    (a frame's argument, a continuation's state), and a value must not outlive its last use in the
    resumed frame (a generator abandoned there runs its `finally` when CPython's would)."""

    __getitem__ = dict.pop


# ## Serialising a continuation

def _pickle(continuation: Continuation):
    """Write the continuation to bytes now, while its frames are still running (from `capture`): a value
    that cannot be written refuses the suspension at this statement instead of failing `dumps`."""
    code_defs = {UNITS[f.unit].code_def.id: UNITS[f.unit].code_def for f in continuation.frames}
    generators = _GeneratorReducer(continuation.frames)
    # The objects that came from outside the computation travel with it, so that they stay refused
    # to mutation (linker.FOREIGN) wherever it goes on.
    continuation.data = continuation_pickler.dumps((continuation.frames, FOREIGN_OBJECTS), code_defs,
                                                   generators)
    continuation.paused = generators.paused


def dumps(continuation: Continuation) -> bytes:
    """The continuation as bytes. The generators it held paused are closed afterwards, quietly:
    their rebuilt twins go on in their place, and the originals' `finally` must not run."""
    if continuation.data is None:
        _pickle(continuation)
    _close_quietly(continuation.paused)
    continuation.paused = []
    return continuation.data


def discard(continuation: Continuation):
    """Drop a continuation that will not be resumed; its paused generators end without a word."""
    _close_quietly([v for state in continuation.frames for v in state.locals.values()
                    if type(v) is types.GeneratorType])


def _close_quietly(generators):
    active, SUSPENDING.active = SUSPENDING.active, True
    try:
        for generator in generators:
            generator.close()
    finally:
        SUSPENDING.active = active


def loads(data: bytes) -> Continuation:
    MODULE_VIEWS.clear()     # a resumed computation gets module views of its own
    frames_, foreign = continuation_pickler.loads(data)
    forget_foreign()
    mark_foreign(foreign)
    return Continuation(frames_)


def start(fn, args, kwargs):
    """The root frame a computation runs under (the walk of a suspension stops here). Where the JIT
    takes the function (vm/jit.py), native code runs it, and tier 0 goes on from where it left."""
    if jit.forced():
        native, result = jit.call(fn, args, kwargs)
        if native:
            return continue_frame(result) if isinstance(result, FrameState) else result
    return fn(*args, **kwargs)


def continue_frame(state: FrameState):
    """Run `state`'s frame to its end in tier 0 (a root: native code left it there)."""
    return resume_function(state)(state.locals, None)


_START_CALL = ast.parse("fn(*args, **kwargs)", mode="eval").body


ROOTS = (start.__code__, resume.__code__, _run_generator_frame.__code__, continue_frame.__code__)
