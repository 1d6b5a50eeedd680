"""Suspend a running computation at a statement boundary, capture it, and resume it.

How a suspension happens (DESIGN.md, tier 0):
1. `Suspender.request()` (from any thread) sends SIGUSR1 to the run thread;
   its handler turns tracing on for every frame of the stack.
2. At the next line event in user code — every statement has a line of its
   own, so that is the start of a statement — `trace` checks that the whole
   stack can be resumed: the innermost frame is at a statement outside
   handlers and `finally`, each caller waits at a call statement on exactly
   the frame above it (no C function in between; a constructor call is one
   exception: its `__init__` returns the instance; a generator is the other:
   its consumer is at a `for`, `next()`, `.send()` or `yield from` on it), and
   no generator it holds is paused where it cannot be rebuilt. If not, tracing
   goes on and the next line event tries again.
3. It snapshots every frame as a `FrameState` (function, statement id, entry,
   locals, cells) *before anything unwinds*, then raises `Suspended`, which
   the rewritten handlers and `finally` blocks pass through unseen.

`resume` runs the frames again innermost-out through generated resume code
(compiler/resume.py), handing each the value or exception of the frame
above. A continuation pickles to bytes (`dumps`/`loads`) with one memo, so
aliasing between frames survives, and resumes in this process or another.
"""
import ast
import gc
import io
import marshal
import pickle
import signal
import sys
import threading
import types
from dataclasses import dataclass

from pyfora.compiler import linker
from pyfora.compiler.linker import SUSPENDING, UNITS
from pyfora.compiler.resume import (Entry, ResumeKey, build_resume_code, function_node, is_generator, resumable,
                                    statement_node)

from . import frames, prelude


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


@dataclass
class Continuation:
    """A suspended computation: its frames, innermost first."""
    frames: list


class Suspended(BaseException):
    """Unwinds a suspended computation; carries its continuation."""

    def __init__(self, continuation: Continuation):
        super().__init__("computation suspended")
        self.continuation = continuation


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
        self.countdown = 0
        self.waiting: list = []
        self.thread = thread if thread is not None else threading.get_ident()

    def request(self):
        """Ask the run thread to suspend at its next resumable statement boundary.

        Where frames cannot be read (not CPython 3.11) this does nothing: a cancellation then
        ends the worker instead.
        """
        if not frames.SUPPORTED:
            return
        self.pending = True
        signal.pthread_kill(self.thread, signal.SIGUSR1)

    def on_signal(self, frame):
        """From the SIGUSR1 handler, on the run thread: trace every frame if a request is pending."""
        if self.pending:
            self.start_tracing(frame)

    def suspend_after(self, line_events: int, frame):
        """Suspend at the first resumable point after `line_events` statements (for tests)."""
        self.pending = True
        self.countdown = line_events
        self.start_tracing(frame)

    def start_tracing(self, frame):
        f = frame
        while f is not None:
            f.f_trace = self.trace
            f = f.f_back
        sys.settrace(self.trace)

    def stop_tracing(self):
        self.pending = False
        sys.settrace(None)

    def trace(self, frame, event, arg):
        if not self.pending:
            return None
        if event == "line" and frame.f_code.co_filename in UNITS:
            if self.countdown > 0:
                self.countdown -= 1
                return self.trace
            continuation = self.capture(frame)
            if continuation is not None:
                self.stop_tracing()
                SUSPENDING.active = True
                raise Suspended(continuation)
        return self.trace

    def capture(self, frame) -> Continuation | None:
        """The continuation of the stack ending at `frame`, or None if it cannot be resumed now."""
        states = []
        waiting = False
        f = frame
        while True:
            state = self._state(f, waiting)
            if state is None:
                return None
            states.append(state)
            parent = f.f_back
            if parent is None:
                return None
            generator = state.generator is not None
            if parent.f_code in self.roots:
                if not all(_revivable(v) for state in states for v in state.locals.values()):
                    return None
                return Continuation(states + list(self.waiting))
            if generator:
                if not _consumes(parent, state.generator):
                    return None
            elif frames.entered_from_c(f):
                if not _constructs(parent, f):
                    return None
                state.locals[CONSTRUCTED] = f.f_locals[f.f_code.co_varnames[0]]
            f, waiting = parent, True

    def _state(self, f, waiting: bool) -> FrameState | None:
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
        state = _frame_state(f, where, stmt, Entry.VALUE if waiting else Entry.START)
        if is_generator(fn):
            state.generator = _running_generator(f)
            if state.generator is None:
                return None
        return state


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


def _constructs(parent, child) -> bool:
    """Whether `parent` waits at `t = Cls(...)` and `child` is that class's `__init__`."""
    where = _function_of(parent)
    node = statement_node(UNITS[where[0]], parent.f_lineno) if where else None
    if not isinstance(getattr(node, "value", None), ast.Call) or not isinstance(node.value.func, ast.Name):
        return False
    name = node.value.func.id
    callee = parent.f_locals.get(name, parent.f_globals.get(name))
    init = getattr(callee, "__init__", None) if isinstance(callee, type) else None
    return getattr(init, "__code__", None) is child.f_code


def _frame_state(frame, where, stmt: int, entry: Entry) -> FrameState:
    fn = frames.function(frame)
    cells = frames.cells(frame)
    local_values = {k: v for k, v in frame.f_locals.items() if k not in cells
                    and not k.startswith("_pf_resumeflag") and k not in ("_pf_state", "_pf_value")}
    resumed_from = frame.f_locals.get("_pf_state")
    if isinstance(resumed_from, dict) and CONSTRUCTED in resumed_from:
        local_values[CONSTRUCTED] = resumed_from[CONSTRUCTED]   # still an __init__ whose caller awaits it
    return FrameState(where[0], where[1], frame.f_code.co_name, frame.f_code.co_qualname, fn.__globals__,
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


def resume(continuation: Continuation, suspender: Suspender | None = None):
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
            suspender.waiting = states[i + 1:]
        fn = resume_function(state)
        consumer = states[i + 1] if i + 1 < len(states) else None
        try:
            if state.generator is not None:
                revived = fn(state.locals, value)
                _replace(state.generator, revived, states[i + 1:])
                value = next(revived, *_next_default(consumer))
            else:
                value = fn(state.locals, value)
                if CONSTRUCTED in state.locals:   # the caller waits for `Cls(...)`: the instance
                    value = state.locals[CONSTRUCTED]
            failed = False
        except Suspended:
            raise
        except BaseException as exc:
            value, failed = exc, True
        if consumer is not None:
            consumer.entry = _entry_after(consumer, state, value, failed)
    if suspender is not None:
        suspender.waiting = []
    if failed:
        raise value
    return value


def _entry_after(consumer: FrameState, callee: FrameState, value, failed: bool) -> Entry:
    if callee.generator is not None and failed and isinstance(value, StopIteration):
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
    generator = resume_function(state)(state.locals, None)
    if state.entry is Entry.PAUSED:
        next(generator)
    return generator


def _revivable(value) -> bool:
    """False for a generator paused where it cannot be rebuilt (a yield in an except or finally)."""
    if type(value) is not types.GeneratorType or not value.gi_suspended:
        return True
    where = _function_of(value.gi_frame)
    fn = function_node(UNITS[where[0]], where[1]) if where else None
    return fn is not None and resumable(fn, value.gi_frame.f_lineno, False)


def _paused_generator_state(generator) -> FrameState | None:
    """The state of a generator not on the stack, or None once it has finished."""
    frame = generator.gi_frame
    if frame is None:
        return None
    where = _function_of(frame)
    if where is None:
        raise TypeError(f"cannot suspend a computation holding the generator {generator!r}")
    if generator.gi_suspended:
        return _frame_state(frame, where, frame.f_lineno, Entry.PAUSED)
    info = _RESUME_CODES.get(frame.f_code)
    if info is not None:
        state = _frame_state(frame, where, info[2], Entry.START)
        state.locals = dict(frame.f_locals["_pf_state"])
        return state
    fn = function_node(UNITS[where[0]], where[1])
    return _frame_state(frame, where, fn.body[0].lineno, Entry.START)


# ## Serialising a continuation

_HIDDEN_TYPES = {v: k for k, v in vars(types).items() if isinstance(v, type) and k[0].isupper()}
"""Builtin types pickle cannot find by name (`generator`, `function`...): found in `types` instead."""


class _ContinuationWriter(pickle.Pickler):
    """Pickle VM objects by what rebuilds them in any worker: code ids, statement ids, namespaces."""

    def __init__(self, file, code_defs: dict, running: dict):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.code_defs = code_defs
        self.running = running
        self.paused: list = []
        self._codes: dict = {}

    def _code(self, code: types.CodeType) -> bytes:
        """A function's code as marshal bytes (one bytes object per code, so pickle shares it).

        Functions travel with their own code object, not a position in their unit: a lambda in a
        comprehension, a function made by resumed code, all rebuild exactly."""
        data = self._codes.get(id(code))
        if data is None:
            data = self._codes[id(code)] = (code, marshal.dumps(code))
        return data[1]

    def reducer_override(self, obj):
        t = type(obj)
        if t is types.FunctionType and prelude.NAMESPACE.get(obj.__name__) is obj:
            return (prelude_function, (obj.__name__,))
        if t is types.FunctionType:
            unit = UNITS.get(obj.__code__.co_filename)
            if unit is None:
                return NotImplemented
            self.code_defs[unit.code_def.id] = unit.code_def
            cells = dict(zip(obj.__code__.co_freevars, obj.__closure__ or ()))
            state = (obj.__defaults__, obj.__kwdefaults__, linker.function_attributes(obj))
            return (linker.vm_function, (self._code(obj.__code__), obj.__name__, obj.__qualname__,
                                         obj.__globals__, cells), state, None, None, linker.set_vm_function_state)
        if obj is prelude._MISSING:
            return (prelude_missing, ())
        if t in _DICT_VIEWS:
            (mapping,) = gc.get_referents(obj)   # `view.mapping` is a read-only proxy of the dict
            return (linker.dict_view, (mapping, _DICT_VIEWS[t]))
        if t is super:
            return (super, (obj.__thisclass__, obj.__self__))
        if obj is SUSPENDING:
            return (linker.suspend_flag, ())
        if t is types.CellType:
            try:
                contents = (True, obj.cell_contents)
            except ValueError:
                contents = (False, None)
            return (linker.new_cell, (), contents, None, None, linker.set_cell)
        if t is types.ModuleType:
            return (linker.import_module, (obj.__name__,))
        if isinstance(obj, type) and obj in linker.CLASS_ORIGINS:
            namespace = {k: v for k, v in obj.__dict__.items() if k not in ("__dict__", "__weakref__",
                                                                           "__module__", "__qualname__")}
            return (linker.new_class, (obj.__name__, obj.__qualname__, obj.__module__, obj.__bases__,
                                       linker.CLASS_ORIGINS[obj]), namespace, None, None, linker.set_class_state)
        if t in linker.CLASS_ORIGINS:
            reduced = linker.reduce_instance(obj)
            if reduced is not None:
                return reduced
        if isinstance(obj, type) and obj in _HIDDEN_TYPES:
            return (getattr, (types, _HIDDEN_TYPES[obj]))
        if t is types.GeneratorType:
            if id(obj) in self.running:
                return (GeneratorSlot, (self.running[id(obj)],))
            state = _paused_generator_state(obj)
            if state is None:
                return (iter, ((),))
            self.paused.append(obj)
            return (revive_generator, (state,))
        descriptor = linker.reduce_descriptor(obj)
        if descriptor is not None:
            return descriptor
        return NotImplemented

    def persistent_id(self, obj):
        return "prelude" if obj is prelude.NAMESPACE else None


class _ContinuationReader(pickle.Unpickler):
    def persistent_load(self, pid):
        return prelude.NAMESPACE


_DICT_VIEWS = {type({}.keys()): "keys", type({}.values()): "values", type({}.items()): "items"}


def prelude_function(name: str):
    return prelude.NAMESPACE[name]


def prelude_missing():
    return prelude._MISSING


def dumps(continuation: Continuation) -> bytes:
    """The continuation as bytes. The generators it held paused are closed afterwards, quietly:
    their rebuilt twins go on in their place, and the originals' `finally` must not run."""
    buf = io.BytesIO()
    code_defs = {UNITS[f.unit].code_def.id: UNITS[f.unit].code_def for f in continuation.frames}
    body = io.BytesIO()
    running = {id(f.generator): i for i, f in enumerate(continuation.frames) if f.generator is not None}
    writer = _ContinuationWriter(body, code_defs, running)
    writer.dump(continuation.frames)
    pickle.dump((code_defs, body.getvalue()), buf, protocol=pickle.HIGHEST_PROTOCOL)
    _close_quietly(writer.paused)
    return buf.getvalue()


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
    code_defs, body = pickle.loads(data)
    for code_def in code_defs.values():
        linker.compiled(code_def)
    return Continuation(_ContinuationReader(io.BytesIO(body)).load())


def start(fn, args, kwargs):
    """The root frame a computation runs under (the walk of a suspension stops here)."""
    return fn(*args, **kwargs)


ROOTS = (start.__code__, resume.__code__)
