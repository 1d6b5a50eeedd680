"""The JIT engine: a piece of statement form, typed, lowered, optimized by LLVM for this CPU, and run.

Policy. A *piece* is what native code runs in place of a tier-0 frame: the
statements from where the frame is entered to the function's end (the
function's whole body when it is entered at its start; otherwise the rest
that compiler/resume.py builds for "continue from statement s"). It is made
for the types of the locals bound at its entry, and the user functions it
calls are compiled with it, one specialization per argument types, as native
functions in the same LLVM module. Running it gives the function's value, or
an exit: the statement to run again in tier 0, and the locals as native code
left them (compiler/native_lower.py says why that is exact).

LLVM's work (optimizing, machine code) runs in C; inference and IR building
are Python. `PYFORA_DUMP=typed,llvm,opt,asm` prints each stage to stderr.
"""
import ast
import ctypes
import functools
import os
import sys
import threading
import time
import types
from dataclasses import dataclass, field

from .astutil import GENEXPR
from .native_fuse import fuse
from .native_ir import POLL, Mode, Why, local_width, slot_layout, slot_width
from .native_lower import RESUME_FLAG, Lowering, is_plain_function
from .native_loops import first_index
from .native_objects import Known, state_key
from .native_types import Inference, NotCompilable
from .native_lists import Growing, ListBuffers, record_lists
from .native_values import (ARRAYS, ITERATORS, KNOWN, LISTS, MIXED, NP_SCALARS, NUMPY_ARRAYS, POLL_FLAG, UNIONS,
                            ComboIterType, NType, RecordsIterType, RecordsType, TupleType, base, combo_parts, members,
                            range_state, sequence_of, type_of_value)
from .statements import display_name


_llvm = None
_lock = threading.Lock()


def _binding():
    """llvmlite's binding, initialised for this CPU once (it takes about 30 ms), and a maker of target
    machines for it: each engine gets its own (about 0.2 ms), as an engine frees its machine with it."""
    global _llvm
    with _lock:
        if _llvm is None:
            import llvmlite.binding as llvm
            llvm.initialize_native_target()
            llvm.initialize_native_asmprinter()
            llvm.add_symbol(POLL, ctypes.addressof(POLL_FLAG))
            target = llvm.Target.from_default_triple()
            cpu, features = llvm.get_host_cpu_name(), llvm.get_host_cpu_features().flatten()
            _llvm = (llvm, lambda: target.create_target_machine(cpu=cpu, features=features, opt=3, jit=True))
    return _llvm


@dataclass
class _Specialization:
    """A user function compiled for one tuple of argument types."""
    name: str
    statements: list
    params: tuple
    inference: Inference


def _statement_form(function):
    """The def in statement form that `function` runs: its unit's, or one defined inside it (a lambda
    made in the function that calls the loop); NotCompilable where it is none of tier 0's."""
    from .linker import UNITS
    from .resume import function_node
    unit = UNITS.get(function.__code__.co_filename)
    node = None
    if unit is not None and is_plain_function(function):
        code = function.__code__
        node = unit.ir if unit.code is code else function_node(unit, code.co_firstlineno)   # ids are first lines
    if node is None:
        raise NotCompilable(f"a call of {function.__qualname__}, which is not a plain compiled function")
    return node


@dataclass
class Program:
    """The pieces of one LLVM module: the entered piece and the callees it reaches."""
    specializations: dict = field(default_factory=dict)     # (code, signature) -> _Specialization

    def callee_return(self, function, signature: tuple):
        key = (function.__code__, signature)
        found = self.specializations.get(key)
        if found is None:
            found = self._specialize(function, signature)
            try:
                found.inference.run()
            except NotCompilable:   # not one of the module's: a statement that calls it may leave instead
                del self.specializations[key]
                raise
        return found.inference.typed.returns

    def _specialize(self, function, signature: tuple) -> _Specialization:
        node = _statement_form(function)
        params = tuple(a.arg for a in node.args.args)
        if len(params) != len(signature) or node.args.defaults:
            raise NotCompilable(f"a call of {function.__qualname__} with other than all its arguments")
        entry = {p: NType.FUNC if isinstance(t, types.FunctionType) else NType.OBJECT if isinstance(t, Known) else t
                 for p, t in zip(params, signature)}
        objects = {p: t.value if isinstance(t, Known) else t for p, t in zip(params, signature) if entry[p] in KNOWN}
        spec = _Specialization(f"f{len(self.specializations)}_{function.__name__}", node.body, params,
                               Inference(node.body, entry, function.__globals__, self.callee_return,
                                         objects=objects))
        self.specializations[(function.__code__, signature)] = spec
        return spec

    def settle(self):
        """Infer every callee again until their return types stop changing (mutual recursion)."""
        for _ in range(10):
            before = [s.inference.typed.returns for s in self.specializations.values()]
            for spec in list(self.specializations.values()):
                spec.inference.run()
            if before == [s.inference.typed.returns for s in self.specializations.values()]:
                return
        raise NotCompilable("the return types of recursive functions do not settle")


@dataclass
class Piece:
    """Native code entered in place of a frame; `run(locals)` runs it."""
    typed: object
    layout: dict
    function: object      # the ctypes function
    slots: int
    keep: object          # the execution engine the code lives in
    compile_seconds: float
    mask_slot: int        # after the locals' slots: the bound mask, the exit, a union's tag, the value
    fusions: tuple = ()   # generators fused into their consumers' loops (native_fuse)

    @functools.cached_property
    def numpy_scalars(self) -> bool:
        """Whether it computes with numpy scalars, whose faults it leaves for under numpy's default
        error state only (native_arith._numpy_fault)."""
        return any(t in NP_SCALARS for t in [*self.typed.locals.values(), *self.typed.expressions.values()])

    @functools.cached_property
    def leaves_at(self) -> dict:
        """Statement -> why: where this piece always leaves for tier 0 (code after its loops that
        native code does not run, native_types.Inference)."""
        return dict(self.typed.exits.values())

    def run(self, values: dict, types_: dict, make=None) -> tuple:
        """("return", value) or ("exit", statement, locals, why), the locals as the frame's with native
        code's changes (and the lists it changed written back), `why` a native_lower.Why; ("refused",
        why) where a frame with `values` may not enter here (native_fuse.Fusion.fits,
        native_lists.ListBuffers.refusal).
        `types_` is `entry_types(values)` (a list's costs a pass over it); `make(line)` makes the
        generator function defined at `line`, where leaving a fused loop needs one."""
        if not all(f.fits(values) for f in self.fusions):
            return "refused", "a generator expression not paused where its loop was fused"
        entered = []        # (list, type) of each list a local holds or goes over, or a record holds
        arrays = {}         # (data, length, stride) -> each numpy array entered, for the iterators rebuilt
        for n, t in types_.items():
            if n in self.typed.growing or n in self.typed.aliases:
                continue        # a buffer of its own (native_lists.Growing)
            for held, t in _combo_iterators(values[n], t) if isinstance(t, ComboIterType) else [(values[n], t)]:
                over = t.records if isinstance(t, RecordsIterType) else ITERATORS.get(t, t)    # what it goes over
                held = held if over is t else sequence_of(held)
                if over in LISTS or isinstance(over, RecordsType):
                    entered.extend([(held, over)] if over in LISTS else record_lists(held, over))
                elif over in NUMPY_ARRAYS:
                    arrays[tuple(_array_slots(held)[:3])] = held
        lists = ListBuffers(entered, bool(self.typed.written))
        written = []
        for n in self.typed.written:
            if n in values:
                t = types_.get(n)
                if isinstance(t, RecordsIterType):
                    written.extend(lst for lst, _ in record_lists(sequence_of(values[n]), t.records))
                elif isinstance(t, RecordsType):
                    written.extend(lst for lst, _ in record_lists(values[n], t))
                else:
                    written.append(values[n])
        refusal = lists.refusal(written) or _shared_iterator(values, types_)
        growing = Growing({n: values[n] for n in self.typed.growing if n in types_ and n in self.layout})
        refusal = refusal or growing.refusal(lists, values, self.typed.aliases)
        if refusal is not None:
            return "refused", refusal
        slots = (ctypes.c_int64 * self.slots)()
        floats = (ctypes.c_double * self.slots).from_buffer(slots)
        mask_slot = self.mask_slot
        mask = 0
        for i, name in enumerate(sorted(self.layout)):
            if name not in values:
                continue
            value, first, t = values[name], self.layout[name], self.typed.locals[name]
            held = types_.get(name)
            if held not in members(t):
                continue
            mask |= 1 << i
            if t in UNIONS:
                slots[first + 1] = held in NP_SCALARS
            if t in MIXED:
                slots[first + 1] = held is NType.FLOAT
            if name in growing.entered:
                slots[first:first + 4] = growing.slots(name)
            elif t in LISTS:
                slots[first:first + slot_width(t)] = lists.slots(value)
            elif isinstance(t, RecordsType):
                slots[first:first + 3] = lists.records(value, t)
            elif isinstance(t, RecordsIterType):
                slots[first:first + 4] = [*lists.records(sequence_of(value), t.records), value.__reduce__()[2]]
            elif isinstance(t, ComboIterType):
                slots[first:first + t.width] = _combo_slots(value, t, lists)
            elif t in ARRAYS:
                slots[first:first + slot_width(t)] = _array_slots(value)
            elif t is NType.COMPLEX:
                floats[first], floats[first + 1] = value.real, value.imag
            elif isinstance(t, TupleType):
                for k, (item, v) in enumerate(zip(t.items, value)):
                    if item is NType.FLOAT:
                        floats[first + k] = v
                    else:
                        slots[first + k] = int(v)
            elif base(t) is NType.FLOAT or held is NType.FLOAT:
                floats[first] = value
            elif t is NType.RANGE:
                slots[first:first + 4] = list(range_state(value))
            elif t in ITERATORS:
                slots[first:first + 4] = _iterator_slots(value, t, lists)
            else:
                slots[first] = int(value)
        slots[mask_slot] = mask
        status = self.function(slots)
        lists.write_back()
        handed = growing.hand_back(slots, self.layout, self.typed, slots[mask_slot], sorted(self.layout))
        if status == 3 or status == 0 and self.typed.returns is NType.NONE:   # fell off the end, `return`
            return "return", None
        if status == 0:
            return "return", self._value(slots, floats, mask_slot + 3, self.typed.returns, slots[mask_slot + 2])
        mask, statement, why = slots[mask_slot], slots[mask_slot + 1], Why(slots[mask_slot + 2])
        for fusion in self.fusions:    # an item being made is made again in tier 0
            if statement in fusion.generator_ids:
                slots[self.layout[fusion.source] + 3] -= 1
        changed = dict(values)
        changed.update(handed)
        changed.update({alias: handed[name] for alias, name in self.typed.aliases.items() if name in handed})
        for i, name in enumerate(sorted(self.layout)):
            t, first = self.typed.locals[name], self.layout[name]
            if not mask >> i & 1 or name.startswith(RESUME_FLAG) or t in NUMPY_ARRAYS or isinstance(t, RecordsType) \
                    or name in handed:
                continue    # a numpy array or a list of tuples is never bound in native code: the frame keeps its own
            if t in LISTS:
                changed[name] = lists.object_at(slots[first], LISTS[t][1])
            elif t in ITERATORS or isinstance(t, RecordsIterType):
                changed[name] = self._array_iterator(name, slots[first:first + 4], values, lists)
            elif isinstance(t, ComboIterType):
                changed[name] = None if slots[first + first_index(t)] < 0 else \
                    _combo_object(slots[first:first + t.width], t, lists, arrays)
            else:
                changed[name] = self._value(slots, floats, first, t)
        for fusion in self.fusions:     # inner loops' first
            statement = fusion.hand_over(statement, changed, make)
        return "exit", statement, changed, why

    def _array_iterator(self, name: str, state: list, values: dict, lists):
        """The iterator local `name` from its slots `state` (its array's address, length and stride,
        and its index: -1 once let go): over the list at that address; over the array local it was
        made from in native code, else over the one it was entered with."""
        index = state[3]
        if index < 0:
            return None
        source = self.typed.iterated.get(name)
        if ITERATORS.get(self.typed.locals[name]) in LISTS:
            sequence = lists.object_at(state[0], 1)
        else:
            sequence = values[source] if source in values else sequence_of(values[name])
        iterator = iter(sequence)
        iterator.__setstate__(index)
        return iterator

    @staticmethod
    def _value(slots, floats, index: int, t: NType, tag: int | None = None):
        """The Python value of the local of type `t` in the slots from `index` (of a union, `tag` says
        whose number it is; by default the slot after)."""
        if isinstance(t, TupleType):
            return tuple(Piece._value(slots, floats, index + k, item) for k, item in enumerate(t.items))
        if t is NType.COMPLEX:
            return complex(floats[index], floats[index + 1])
        if t in UNIONS or t in MIXED:
            t = members(t)[int(slots[index + 1] if tag is None else tag)]
        if t in NP_SCALARS:
            import numpy as np
            return {NType.NP_FLOAT: np.float64, NType.NP_INT: np.int64, NType.NP_BOOL: np.bool_}[t](
                Piece._value(slots, floats, index, base(t)))
        if t is NType.FLOAT:
            return floats[index]
        if t is NType.BOOL:
            return bool(slots[index])
        if t is NType.RANGE:
            start, stop, step, i = slots[index:index + 4]
            if i < 0:
                return None
            iterator = iter(range(start, stop, step))
            iterator.__setstate__(i)
            return iterator
        return slots[index]


def _shared_iterator(values: dict, types_: dict) -> str | None:
    """Why native code may not take over an enumerate's or zip's iterators: one that a local holds too
    (`enumerate(it)`: tier 0 would go on with `it` where native code made a new one); else None."""
    held = {id(v) for v in values.values()}
    for name, t in types_.items():
        if isinstance(t, ComboIterType) and any(id(inner) in held for inner, _ in _combo_iterators(values[name], t)):
            return "an enumerate or zip over an iterator a local holds"
    return None


def _combo_iterators(iterator, t: ComboIterType):
    """(iterator, type) of each range, array or list iterator of a live enumerate or zip."""
    for inner, part in zip(combo_parts(iterator)[1], t.parts):
        if isinstance(part, ComboIterType):
            yield from _combo_iterators(inner, part)
        else:
            yield inner, part


def _combo_slots(iterator, t: ComboIterType, lists) -> list:
    """The slots of a live enumerate or zip: its count, then each iterator's."""
    count, inners = combo_parts(iterator)
    slots = [] if count is None else [count]
    for inner, part in zip(inners, t.parts):
        if part is NType.RANGE:
            slots.extend(range_state(inner))
        elif isinstance(part, ComboIterType):
            slots.extend(_combo_slots(inner, part, lists))
        else:
            slots.extend(_iterator_slots(inner, part, lists))
    return slots


def _iterator_slots(iterator, t, lists) -> list:
    """The slots of a live iterator over a list or a 1-D array: its sequence's, then its index."""
    sequence = sequence_of(iterator)
    return [*(lists.slots(sequence) if ITERATORS[t] in LISTS else _array_slots(sequence)), iterator.__reduce__()[2]]


def _combo_object(slots: list, t: ComboIterType, lists, arrays: dict):
    """A new enumerate or zip in the state `slots` say (the one made in the frame is private to it:
    native_engine's `_private_iterators`)."""
    k = int(t.kind == "enumerate")
    inners = []
    for part in t.parts:
        if isinstance(part, ComboIterType):
            inners.append(_combo_object(slots[k:k + part.width], part, lists, arrays))
            k += part.width
            continue
        data, length, stride, index = slots[k:k + 4]
        if part is NType.RANGE:
            inner = iter(range(data, length, stride))
        else:
            inner = iter(lists.object_at(data, 1) if ITERATORS[part] in LISTS else arrays[data, length, stride])
        inner.__setstate__(index)
        inners.append(inner)
        k += 4
    return enumerate(inners[0], slots[0]) if t.kind == "enumerate" else zip(*inners)


def _private_iterators(home: ast.FunctionDef) -> set:
    """The locals of `home` that only ever hold an enumerate or zip it makes (`_pf_iter(zip(a, b))`)
    or None: native code may replace the object where it leaves, as nothing else holds it."""
    made, other, seen = set(), set(), set()
    for node in ast.walk(home):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = node.value
            fresh = (isinstance(value, ast.Call) and len(value.args) == 1 and isinstance(value.args[0], ast.Call)
                     and isinstance(value.args[0].func, ast.Name) and value.args[0].func.id in ("enumerate", "zip"))
            empty = isinstance(value, ast.Constant) and value.value is None
            (made if fresh else set() if empty else other).add(node.targets[0].id)
            seen.add(id(node.targets[0]))
    for node in ast.walk(home):     # bound any other way: a parameter, a `for` target, `x += ...`
        if isinstance(node, ast.arg) or isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) \
                and id(node) not in seen:
            other.add(node.arg if isinstance(node, ast.arg) else node.id)
    return made - other


def _array_slots(a) -> list:
    """A numpy array's data address, then each dimension's length and stride."""
    return [a.ctypes.data] + [v for k in range(a.ndim) for v in (a.shape[k], a.strides[k])]


def _returns_a_value(statements: list) -> bool:
    """Whether a `return` of something other than None is among `statements` (not in a nested def)."""
    found = [s for s in statements]
    while found:
        node = found.pop()
        if isinstance(node, ast.Return) and node.value is not None \
                and not (isinstance(node.value, ast.Constant) and node.value.value is None):
            return True
        found.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, (ast.FunctionDef, ast.Lambda)))
    return False


def entry_types(values: dict) -> dict:
    """The native types of the locals bound at an entry (those native code cannot hold are left out)."""
    types_ = {}
    for name, value in values.items():
        t = type_of_value(value)
        if t is NType.FUNC and value.__code__.co_name == display_name(GENEXPR):
            continue    # a generator expression's function: fused where it is used, never called
        if t is NType.OBJECT and state_key(value) is None:
            continue    # too deep or too large to compile in
        if t is not None and t is not NType.NONE:
            types_[name] = t
    return types_


def compile_piece(statements: list, entry: dict, globals_: dict, name: str, objects: dict,
                  home: ast.FunctionDef | None = None, bound: frozenset = frozenset()) -> Piece:
    """Native code for `statements` entered with locals of the types `entry` (those of type FUNC or
    OBJECT holding what `objects` gives) among the locals `bound`, the generator expressions of
    `home`, the def they are part of, fused into the loops that consume them; NotCompilable if not."""
    started = time.perf_counter()
    statements, fusions = fuse(statements, home, bound) if home is not None else (statements, ())
    program = Program()
    inference = Inference(statements, entry, globals_, program.callee_return, leaving=True, objects=objects)
    typed = inference.run()
    program.settle()
    typed = inference.run()
    private = _private_iterators(home) if home is not None else set()
    if any(isinstance(t, ComboIterType) and n not in private for n, t in entry.items()):
        raise NotCompilable("an enumerate or zip that something besides its loop may hold")
    if typed.returns is None and (typed.exits or not _returns_a_value(statements)):
        typed.returns = NType.NONE      # every `return` is where native code leaves, or it falls off the end
    if any(t is NType.NONE for t in typed.locals.values()) or typed.returns is None:
        raise NotCompilable("a local or the result is None")
    llvm, new_machine = _binding()
    machine = new_machine()
    from llvmlite import ir
    module = ir.Module(name=name)
    module.triple = llvm.get_process_triple()
    emitted = {}

    def callee_name(callee):
        spec = program.specializations[(callee.function.__code__, callee.signature)]
        if spec.name not in emitted:
            emitted[spec.name] = None
            typed_callee = spec.inference.typed
            if typed_callee.returns in (None, NType.NONE, *UNIONS, *MIXED):
                raise NotCompilable(f"{callee.function.__qualname__} gives no number")
            emitted[spec.name] = Lowering(module, spec.name, spec.statements, typed_callee, Mode.CALLEE,
                                          spec.params, callee_name, frozenset(spec.params)).lower()
        function = emitted[spec.name]
        if function is None:      # recursion: the function is being emitted
            function = module.globals[spec.name]
        return function

    Lowering(module, "entry", statements, typed, Mode.ENTRY, (), callee_name, frozenset(entry)).lower()
    dump = set(os.environ.get("PYFORA_DUMP", "").split(","))
    if "typed" in dump:
        print(f"# typed {name}: {({k: v.value for k, v in typed.locals.items()})} -> "
              f"{typed.returns.value}", file=sys.stderr)
    if "llvm" in dump:
        print(f"# llvm {name}\n{module}", file=sys.stderr)
    parsed = llvm.parse_assembly(str(module))
    parsed.verify()
    passes = llvm.create_pass_builder(machine, llvm.create_pipeline_tuning_options(speed_level=3))
    passes.getModulePassManager().run(parsed, passes)
    if "opt" in dump:
        print(f"# opt {name}\n{parsed}", file=sys.stderr)
    if "asm" in dump:
        print(f"# asm {name}\n{machine.emit_assembly(parsed)}", file=sys.stderr)
    engine = llvm.create_mcjit_compiler(parsed, machine)
    engine.finalize_object()
    address = engine.get_function_address("entry")
    function = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.POINTER(ctypes.c_int64))(address)
    layout = slot_layout(typed)
    mask_slot = sum(local_width(typed, n) for n in layout)
    size = mask_slot + 3 + slot_width(typed.returns)        # + mask, exit, a union's tag, the value
    return Piece(typed, layout, function, size, engine, time.perf_counter() - started, mask_slot, fusions)

