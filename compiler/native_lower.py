"""Lowering: LLVM IR for a typed piece of statement form, one small function per node kind.

Policy. Native code computes exactly what tier 0 would, or leaves. Every
operation whose Python result native code cannot give (an int past 64 bits, a
division by zero, a math domain error, a float power that would be complex, a
local read before it is bound) branches to the piece's *exit*: in an entered
piece (`ENTRY`), the exit writes every local back to the slots the VM gave it,
with the bit mask of the bound ones and the id of the statement it was in,
and returns 1; tier 0 then runs that statement again from its start, with
Python's semantics and exception types (compiler/native_engine.py). This is
exact because nothing native code does has an effect before the statement
ends but binding a local, and storing into a list is a statement's last step
(compiler/native_lists.py writes the lists back before tier 0 goes on). A native callee (`CALLEE`) computes pure values
only, so its exit just returns 1, and its caller leaves at the statement of
the call, which tier 0 runs again, call included.

Loops poll the VM's flag (`pyfora_poll`) at every back-edge and leave at the
loop's statement when it is set, so a suspension, a cancel or a checkpoint
reaches native code within one iteration.

Floats stay IEEE in Python's order: no fast-math flags, no contraction, the
same libm functions CPython calls.
"""
import ast
import types

from llvmlite import ir

from .native_ir import (BYTE, DEPTH, ELEMENTS, F64, I1, I32, I64, LL, NATIVE_DEPTH, Mode, Why, const, ll_type,
                        local_width, parts, slot_layout, slot_width)
from .native_loops import LoopLowering, first_index
from .native_types import MATH_INT, NotCompilable, Typed, constant_int, sum_start
from .native_values import (ARRAYS, ITERATORS, KNOWN, MIXED, NP_SCALARS, UNIONS, ComboIterType, NType, RecordsIterType,
                            RecordsType, TupleType, base)
from .resume import RESUME_FLAG


class Lowering(LoopLowering):
    """Emit `name` into `module` for `statements`, typed as `typed`.

    ENTRY: `i32 name(i64* slots)`; slots hold the locals (slot_layout), then the bound mask, the
    statement it left at, the return value and whether it is numpy's. CALLEE: `i32 name(args..., ret*)`.
    `callee_name(Callee)` names (and has emitted) the function a call calls.
    """

    def __init__(self, module: ir.Module, name: str, statements: list, typed: Typed, mode: Mode,
                 params: tuple = (), callee_name=None, entry_bound: frozenset = frozenset()):
        self.module, self.typed, self.mode, self.callee_name = module, typed, mode, callee_name
        self.statements = statements
        self.layout = slot_layout(typed)
        self.names = sorted(self.layout)
        if len(self.names) > 63:
            raise NotCompilable("more than 63 locals")
        self.bits = {n: 1 << i for i, n in enumerate(self.names)}
        ret = typed.returns
        if mode is Mode.ENTRY:
            fnty = ir.FunctionType(I32, [I64.as_pointer()])
        else:
            out = (I64 if ret is None or ret is NType.NONE else ll_type(ret)).as_pointer()
            params = tuple(p for p in params if typed.locals[p] not in KNOWN)
            arguments = [ll for p in params for ll in ([I64] * slot_width(typed.locals[p]) if typed.locals[p] in ARRAYS
                                                       else [ll_type(typed.locals[p])])]
            fnty = ir.FunctionType(I32, arguments + [out])
        self.fn = ir.Function(module, fnty, name)
        self.fn.linkage = "external" if mode is Mode.ENTRY else "internal"
        self.builder = ir.IRBuilder(self.fn.append_basic_block("entry"))
        self.vars, self.loops = {}, []
        self.tag_vars, self.tags = {}, {}     # a union local's tag; a union expression's (by node id)
        self.statement = 0
        self.entry_bound = entry_bound
        self._declare(params)
        for alias, name in typed.aliases.items():     # one list, two names: the same places
            self.vars[alias], self.bits[alias] = self.vars[name], self.bits[name]
        self.exit_block = self.fn.append_basic_block("exit")
        self.exit_at = self.vars["$stmt"]
        if mode is Mode.CALLEE:
            self._enter_call()

    def _enter_call(self):
        """Count native calls in flight: past NATIVE_DEPTH the callee leaves (and so every caller,
        back to tier 0, which recurses as Python does, to its RecursionError): native recursion never
        overflows the thread's stack."""
        b = self.builder
        depth = self._depth()
        b.store(b.add(b.load(depth), ir.Constant(I64, 1)), depth)
        too_deep = b.icmp_signed(">", b.load(depth), ir.Constant(I64, NATIVE_DEPTH))
        deep, fine = self.fn.append_basic_block("toodeep"), self.fn.append_basic_block("body")
        b.cbranch(too_deep, deep, fine)
        b.position_at_end(deep)
        b.store(ir.Constant(I64, Why.DEPTH), self.vars["$why"])
        b.branch(self.exit_block)
        b.position_at_end(fine)

    def _depth(self):
        depth = self.module.globals.get(DEPTH)
        if depth is None:
            depth = ir.GlobalVariable(self.module, I64, DEPTH)
            depth.linkage = "internal"
            depth.initializer = ir.Constant(I64, 0)
        return depth

    def _ret(self, status):
        """Return `status` (an int, or an i32); a callee first counts itself out of the calls in flight."""
        b = self.builder
        if self.mode is Mode.CALLEE:
            depth = self._depth()
            b.store(b.sub(b.load(depth), ir.Constant(I64, 1)), depth)
        b.ret(ir.Constant(I32, status) if isinstance(status, int) else status)

    # ## Frame

    def _declare(self, params: tuple):
        b = self.builder
        for name in self.names:
            t = self.typed.locals[name]
            if t is NType.RANGE:
                self.vars[name] = tuple(b.alloca(I64, name=f"{name}.{p}") for p in ("start", "stop", "step", "i"))
            elif t in ITERATORS or isinstance(t, RecordsIterType):
                self.vars[name] = tuple(b.alloca(I64, name=f"{name}.{p}") for p in ("data", "n", "stride", "i"))
            elif isinstance(t, ComboIterType):
                self.vars[name] = tuple(b.alloca(I64, name=f"{name}.{k}") for k in range(t.width))
            elif t in ARRAYS or isinstance(t, RecordsType):
                self.vars[name] = tuple(b.alloca(I64, name=f"{name}.{k}") for k in range(local_width(self.typed, name)))
            else:
                self.vars[name] = b.alloca(ll_type(t), name=name)
                if t in UNIONS or t in MIXED:
                    self.tag_vars[name] = b.alloca(I1, name=f"{name}.numpy")
        self.vars["$mask"] = b.alloca(I64, name="mask")
        self.vars["$stmt"] = b.alloca(I64, name="stmt")
        self.vars["$why"] = b.alloca(I64, name="why")
        if self.mode is Mode.ENTRY:
            for name in self.names:
                first = self.layout[name]
                t = self.typed.locals[name]
                if isinstance(self.vars[name], tuple):
                    for k, var in enumerate(self.vars[name]):
                        b.store(b.load(self._slot(first + k)), var)
                elif parts(t) is not None:
                    value = ir.Constant(ll_type(t), ir.Undefined)
                    for k, item in enumerate(parts(t)):
                        value = b.insert_value(value, self._from_slot(b.load(self._slot(first + k)), item), k)
                    b.store(value, self.vars[name])
                else:
                    b.store(self._from_slot(b.load(self._slot(first)), self.typed.locals[name]), self.vars[name])
                if name in self.tag_vars:
                    b.store(self._from_slot(b.load(self._slot(first + 1)), NType.BOOL), self.tag_vars[name])
            b.store(b.load(self._slot(self._mask_slot)), self.vars["$mask"])
        else:
            mask = 0
            args = iter(self.fn.args)
            for name in params:     # an array comes as its data's address, lengths and strides
                for var in self.vars[name] if isinstance(self.vars[name], tuple) else (self.vars[name],):
                    b.store(next(args), var)
                mask |= self.bits[name]
            b.store(ir.Constant(I64, mask), self.vars["$mask"])

    def _parts_to_slots(self, value, t, first: int):
        b = self.builder
        for k, item in enumerate(parts(t)):
            b.store(self._to_slot(b.extract_value(value, k), item), self._slot(first + k))

    @property
    def _mask_slot(self) -> int:
        return sum(local_width(self.typed, n) for n in self.names)

    def _slot(self, index: int):
        return self.builder.gep(self.fn.args[0], [ir.Constant(I32, index)])

    def _from_slot(self, raw, t: NType):
        b = self.builder
        t = base(t)
        if t is NType.FLOAT:
            return b.bitcast(raw, F64)
        if t is NType.BOOL:
            return b.icmp_unsigned("!=", raw, ir.Constant(I64, 0))
        return raw

    def _to_slot(self, value, t: NType):
        b = self.builder
        t = base(t)
        if t is NType.FLOAT:
            return b.bitcast(value, I64)
        if t is NType.BOOL:
            return b.zext(value, I64)
        return value

    def lower(self) -> ir.Function:
        self.block(self.statements)
        if not self.builder.block.is_terminated:
            self._save_growing()
            self._ret(3)     # fell off the end: the function returns None
        self._emit_exit()
        return self.fn

    def _emit_exit(self):
        b = self.builder
        b.position_at_end(self.exit_block)
        if self.mode is Mode.ENTRY:
            for name in self.names:
                first, t = self.layout[name], self.typed.locals[name]
                if isinstance(self.vars[name], tuple):     # an iterator or array (a list's address says which)
                    for k, var in enumerate(self.vars[name]):
                        b.store(b.load(var), self._slot(first + k))
                elif parts(t) is not None:
                    self._parts_to_slots(b.load(self.vars[name]), t, first)
                else:
                    b.store(self._to_slot(b.load(self.vars[name]), t), self._slot(first))
                if name in self.tag_vars:
                    b.store(b.zext(b.load(self.tag_vars[name]), I64), self._slot(first + 1))
            b.store(b.load(self.vars["$mask"]), self._slot(self._mask_slot))
            b.store(b.load(self.exit_at), self._slot(self._mask_slot + 1))
            b.store(b.load(self.vars["$why"]), self._slot(self._mask_slot + 2))
            self._ret(1)
        else:
            self._ret(b.trunc(b.load(self.vars["$why"]), I32))

    def leave_if(self, condition, why, statement: int | None = None):
        """Leave native code at the current statement (or `statement`) where `condition` holds, for the
        reason `why` (a Why, or an i64 holding one: a callee's)."""
        b = self.builder
        where = self.statement if statement is None else statement
        if where <= 1:
            raise NotCompilable("an operation that may leave native code in code of the VM's own", where)
        stay = self.fn.append_basic_block("stay")
        go = self.fn.append_basic_block("leave")
        b.cbranch(condition, go, stay)
        b.position_at_end(go)
        b.store(ir.Constant(I64, where), self.exit_at)
        b.store(ir.Constant(I64, why) if isinstance(why, Why) else why, self.vars["$why"])
        b.branch(self.exit_block)
        b.position_at_end(stay)

    # ## Statements

    def block(self, statements: list):
        for s in statements:
            if self.builder.block.is_terminated:
                return      # after a return, break or continue: unreachable
            self.statement = s.lineno
            if id(s) in self.typed.skipped:
                continue
            if id(s) in self.typed.exits:
                self.builder.store(ir.Constant(I64, s.lineno), self.exit_at)
                self.builder.store(ir.Constant(I64, Why.PLANNED), self.vars["$why"])
                self.builder.branch(self.exit_block)
                return
            getattr(self, "stmt_" + type(s).__name__)(s)

    def stmt_Assign(self, s: ast.Assign):
        if isinstance(s.targets[0], ast.Subscript):     # `lst[i] = v`: the value, the place, then the store
            target = s.targets[0]
            element = self.typed.expressions[id(target)]
            self._store_element(target, self.expr(s.value, element), element)
            return
        if isinstance(s.value, ast.Tuple) and isinstance(s.targets[0], ast.Tuple):   # the items, then the names
            values = [(self.expr(v, self.typed.locals[t.id]), self.tag_of(v), self.typed.expressions[id(v)])
                      for t, v in zip(s.targets[0].elts, s.value.elts)]
            for target, (value, tag, have) in zip(s.targets[0].elts, values):
                self.store(target.id, value, tag, have)
            return
        start = sum_start(s)
        if start is not None:
            self.store(s.targets[0].elts[0].id, ir.Constant(I64, start), have=NType.INT)
            self.store(s.targets[0].elts[1].id, ir.Constant(I1, 0), have=NType.BOOL)
            return
        if isinstance(s.targets[0], ast.Tuple) and isinstance(self.typed.expressions.get(id(s.value)), TupleType):
            t = self.typed.expressions[id(s.value)]      # `x, v = step(x, v)`
            value = self.expr(s.value)
            for k, (target, item) in enumerate(zip(s.targets[0].elts, t.items)):
                self.store(target.id, self.convert(self.builder.extract_value(value, k), item,
                                                   self.typed.locals[target.id]), have=item)
            return
        if isinstance(s.targets[0], ast.Tuple):       # `n, m = a.shape`
            array = self.expr_Name(s.value.value, self.typed.locals[s.value.value.id])
            for k, target in enumerate(s.targets[0].elts):
                self.store(target.id, array[1 + 2 * k], have=NType.INT)
            return
        if len(s.targets) > 1:      # `a = b = value`: one value, each name converted to its own type
            value, t = self.expr(s.value), self.typed.expressions[id(s.value)]
            for target in s.targets:
                self.store(target.id, self.convert(value, t, self.typed.locals[target.id]), self.tag_of(s.value), t)
            return
        name = s.targets[0].id
        t = self.typed.locals.get(name)
        if t in KNOWN:
            return      # compiled in (native_types.Inference._bind_object)
        if name in self.typed.growing and isinstance(s.value, ast.List):
            self._new_list(name)
            return
        if name in self.typed.aliases:
            return      # the list's other name: its own (Lowering.__init__)
        if isinstance(t, ComboIterType):
            if isinstance(s.value, ast.Constant):       # let go: its first iterator's index is -1
                self.builder.store(ir.Constant(I64, -1), self.vars[name][first_index(t)])
            else:
                for var, value in zip(self.vars[name], self._new_combo(s.value.args[0], t)):
                    self.builder.store(value, var)
                self.mark_bound(name)
            return
        if t is NType.RANGE or t in ITERATORS or isinstance(t, RecordsIterType):
            if isinstance(s.value, ast.Constant):
                self.builder.store(ir.Constant(I64, -1), self.vars[name][3])
            elif t in ITERATORS or isinstance(t, RecordsIterType):
                array = self.expr_Name(s.value.args[0], t.records if isinstance(t, RecordsIterType) else ITERATORS[t])
                for var, value in zip(self.vars[name], (*array, ir.Constant(I64, 0))):
                    self.builder.store(value, var)
                self.mark_bound(name)
            else:
                self._new_range(name, s.value.args[0])
        else:
            self.store(name, self.expr(s.value, t), self.tag_of(s.value), self.typed.expressions[id(s.value)])

    def stmt_AugAssign(self, s: ast.AugAssign):
        t = self.typed.expressions[id(s)]
        if isinstance(s.target, ast.Subscript):     # a numpy array's item: read, computed, stored in place
            element = self.typed.expressions[id(s.target)]
            value = self.convert(self.binop(s.op, s.target, s.value, t), t, element)
            self._store_element(s.target, value, element)
            return
        value = self.convert(self.binop(s.op, s.target, s.value, t), t, self.typed.locals[s.target.id])
        self.store(s.target.id, value, self.builder.or_(self.tag_of(s.target), self.tag_of(s.value)), t)

    def _store_element(self, target: ast.Subscript, value, element: NType):
        """Store `value` (of the element type) at the item `target` names, leaving first where the
        index is out of range."""
        address = self.item_address(target)
        if base(element) is NType.BOOL:
            value = self.builder.zext(value, BYTE)
        memory = BYTE if base(element) is NType.BOOL else LL[element]
        self.builder.store(value, self.builder.inttoptr(address, memory.as_pointer()))

    def tag_of(self, node: ast.expr):
        """Whether the value of `node` (lowered already) is numpy's (of an int-or-float, whether it is a
        float): an i1."""
        t = self.typed.expressions[id(node)]
        if t in UNIONS or t in MIXED:
            return self.tags[id(node)]
        return ir.Constant(I1, int(t in NP_SCALARS))

    def stmt_If(self, s: ast.If):
        b = self.builder
        known = self.typed.known.get(id(s))
        if known is not None:       # its test is decided by the types and has no effect: one branch
            self.block(s.body if known else s.orelse)
            return
        then, orelse, done = (self.fn.append_basic_block(n) for n in ("then", "else", "endif"))
        b.cbranch(self.truth(s.test), then, orelse)
        for block, body in ((then, s.body), (orelse, s.orelse)):
            b.position_at_end(block)
            self.block(body)
            if not b.block.is_terminated:
                b.branch(done)
        b.position_at_end(done)


    def stmt_Pass(self, s):
        pass


    def stmt_Return(self, s: ast.Return):
        b = self.builder
        t = self.typed.returns
        if t is not NType.NONE:
            value = self.expr(s.value, t)
            if self.mode is Mode.ENTRY:     # after the mask and the exit: the union's tag, then the value
                if parts(t) is not None:
                    self._parts_to_slots(value, t, self._mask_slot + 3)
                else:
                    b.store(self._to_slot(value, t), self._slot(self._mask_slot + 3))
                if t in UNIONS or t in MIXED:
                    b.store(b.zext(self.tag_of(s.value), I64), self._slot(self._mask_slot + 2))
            else:
                b.store(value, self.fn.args[-1])
        self._save_growing()
        self._ret(0)

    def store(self, name: str, value, tag=None, have: NType | None = None):
        """Bind local `name` to `value`; `tag` says whether it is numpy's (for a union local: None is
        a Python number); for an int-or-float local, `have` is the value's type (its tag, where it
        is one too)."""
        b = self.builder
        if self.typed.locals[name] in MIXED and have not in MIXED:
            if have is None:
                raise NotCompilable(f"`{name}`, an int or a float, bound to a value of no known type", self.statement)
            tag = ir.Constant(I1, int(have is NType.FLOAT))
        for var, part in zip(self.vars[name], value) if isinstance(value, tuple) else ((self.vars[name], value),):
            b.store(part, var)      # an array: its address, then each dimension's length and stride
        if name in self.tag_vars:
            b.store(ir.Constant(I1, 0) if tag is None else tag, self.tag_vars[name])
        self.mark_bound(name)

    def mark_bound(self, name: str):
        b = self.builder
        b.store(b.or_(b.load(self.vars["$mask"]), ir.Constant(I64, self.bits[name])), self.vars["$mask"])


    # ## Expressions

    def expr(self, node: ast.expr, want: NType | None = None):
        """The value of `node`, converted to `want` (an int or bool where a float is wanted)."""
        t = self.typed.expressions[id(node)]
        value = getattr(self, "expr_" + type(node).__name__)(node, t)
        if t in MIXED and want is NType.FLOAT:      # the number as a float: its bits, or the int converted
            b = self.builder
            return b.select(self.tags[id(node)], b.bitcast(value, F64), b.sitofp(value, F64))
        return value if want is None else self.convert(value, t, want)

    def convert(self, value, have: NType, want: NType):
        b = self.builder
        if want in MIXED:       # its bits, the tag set apart (`store`)
            return b.bitcast(value, I64) if have is NType.FLOAT else value if have in MIXED else \
                self.convert(value, have, NType.INT)
        have, want = base(have), base(want)
        if have is want:
            return value
        if want is NType.FLOAT:
            return b.uitofp(value, F64) if have is NType.BOOL else b.sitofp(value, F64)
        if want is NType.INT and have is NType.BOOL:
            return b.zext(value, I64)
        raise NotCompilable(f"{have.value} where {want.value} is wanted", self.statement)

    def truth(self, node: ast.expr):
        t = self.typed.expressions[id(node)]
        return self.truth_of(self.expr(node), t)

    def truth_of(self, value, t: NType):
        b = self.builder
        t = base(t)
        if t is NType.BOOL:
            return value
        if t is NType.FLOAT:
            return b.fcmp_unordered("!=", value, ir.Constant(F64, 0.0))
        return b.icmp_signed("!=", value, ir.Constant(I64, 0))

    def expr_Constant(self, node, t):
        return const(t, int(node.value) if t is NType.BOOL else node.value)

    def expr_Name(self, node, t):
        b = self.builder
        if node.id not in self.entry_bound and not node.id.startswith(RESUME_FLAG):
            bit = b.and_(b.load(self.vars["$mask"]), ir.Constant(I64, self.bits[node.id]))
            self.leave_if(b.icmp_unsigned("==", bit, ir.Constant(I64, 0)), Why.UNBOUND)
        if isinstance(self.vars.get(node.id), tuple):     # a growing list's capacity is its own business
            held = self.vars[node.id][:3] if self.typed.aliases.get(node.id, node.id) in self.typed.growing \
                else self.vars[node.id]
            return tuple(b.load(var) for var in held)
        if node.id in self.tag_vars:
            self.tags[id(node)] = b.load(self.tag_vars[node.id])
        return b.load(self.vars[node.id])

    def expr_Tuple(self, node, t):
        value = ir.Constant(ll_type(t), ir.Undefined)
        for k, (item, element) in enumerate(zip(t.items, node.elts)):
            value = self.builder.insert_value(value, self.expr(element, item), k)
        return value

    def tuple_item(self, value, t: TupleType, index: ast.expr):
        """Item `index` of the tuple `value`: by a constant, picked out; by a computed int (all items of
        one type), chosen among them, leaving where it is out of range (IndexError)."""
        b = self.builder
        k = constant_int(index)
        if k is not None:
            return b.extract_value(value, k % len(t.items))
        n = ir.Constant(I64, len(t.items))
        i = self.expr(index, NType.INT)
        i = b.select(b.icmp_signed("<", i, ir.Constant(I64, 0)), b.add(i, n), i)
        self.leave_if(b.icmp_unsigned(">=", i, n), Why.INDEX)
        chosen = b.extract_value(value, 0)
        for k in range(1, len(t.items)):
            chosen = b.select(b.icmp_unsigned("==", i, ir.Constant(I64, k)), b.extract_value(value, k), chosen)
        return chosen

    def expr_Attribute(self, node, t):
        """An attribute of a compiled-in instance: its value where the piece was compiled; a complex
        number's part."""
        if self.typed.expressions.get(id(node.value)) is NType.COMPLEX:
            return self.builder.extract_value(self.expr(node.value), 0 if node.attr == "real" else 1)
        return const(t, int(self.typed.constants[id(node)]) if t is NType.BOOL else self.typed.constants[id(node)])

    def expr_Subscript(self, node, t):
        """An element or row of an array (its value: data address, then length and stride of each
        dimension), or a length from its shape. An index out of range leaves (IndexError)."""
        if isinstance(node.value, ast.Attribute):       # `a.shape[k]`
            array = self.expr_Name(node.value.value, self.typed.locals[node.value.value.id])
            return array[1 + 2 * (constant_int(node.slice) % ((len(array) - 1) // 2))]
        held = self.typed.expressions[id(node.value)]
        if isinstance(held, TupleType):
            return self.tuple_item(self.expr(node.value), held, node.slice)
        address, rest = self._indexed(node)
        if rest:
            return (address, *rest)
        return self.element(address, self.typed.expressions[id(node.value)])

    def item_address(self, node: ast.Subscript):
        """The address of the element `node` names."""
        return self._indexed(node)[0]

    def _indexed(self, node: ast.Subscript) -> tuple:
        """(the address `node` indexes to, the lengths and strides of the dimensions left)."""
        b = self.builder
        array = self.expr(node.value)
        address = array[0]
        indices = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        for k, index in enumerate(indices):
            length, stride = array[1 + 2 * k], array[2 + 2 * k]
            i = self.expr(index, NType.INT)
            i = b.select(b.icmp_signed("<", i, ir.Constant(I64, 0)), b.add(i, length), i)
            self.leave_if(b.icmp_unsigned(">=", i, length), Why.INDEX)
            address = b.add(address, b.mul(i, stride))
        return address, array[1 + 2 * len(indices):]

    def element(self, address, array: NType):
        """The element at `address` of an array of type `array`."""
        b = self.builder
        element = ELEMENTS[ARRAYS[array][0]]
        value = b.load(b.inttoptr(address, element.as_pointer()))
        return b.icmp_unsigned("!=", value, ir.Constant(BYTE, 0)) if element is BYTE else value

    def expr_BinOp(self, node, t):
        value = self.binop(node.op, node.left, node.right, t)
        if t in UNIONS:     # numpy's where either operand is (NEP 50)
            self.tags[id(node)] = self.builder.or_(self.tag_of(node.left), self.tag_of(node.right))
        return value

    def binop(self, op, left_node, right_node, t):
        from .native_arith import ARITHMETIC, complex_arithmetic
        lt, rt = self.typed.expressions[id(left_node)], self.typed.expressions[id(right_node)]
        if t is NType.COMPLEX:
            return complex_arithmetic(self, op, self.as_complex(left_node), self.as_complex(right_node))
        if lt in MIXED and rt is NType.INT:     # an int or a float over an int: as each would divide
            return self._mixed_divide(left_node, right_node)
        rule = ARITHMETIC.get((type(op), t))
        if rule is None:
            raise NotCompilable(f"`{type(op).__name__}` giving {t.value}", self.statement)
        if type(op) is ast.Div and NType.FLOAT not in (base(lt), base(rt)):
            from .native_arith import int_true_divide
            return int_true_divide(self, self.expr(left_node, NType.INT), self.expr(right_node, NType.INT))
        return rule(self, self.expr(left_node, t), self.expr(right_node, t))

    def as_complex(self, node):
        """The value of `node` as a complex number's (real, imaginary) doubles: a real number's imaginary
        part is 0.0, as CPython (3.11 to 3.13) makes it before complex arithmetic."""
        b = self.builder
        t = self.typed.expressions[id(node)]
        value = self.expr(node)
        if t is NType.COMPLEX:
            return b.extract_value(value, 0), b.extract_value(value, 1)
        return self.convert(value, t, NType.FLOAT), ir.Constant(F64, 0.0)

    def complex_of(self, real, imag):
        value = ir.Constant(ll_type(NType.COMPLEX), ir.Undefined)
        return self.builder.insert_value(self.builder.insert_value(value, real, 0), imag, 1)

    def _mixed_divide(self, left_node, right_node):
        """`s / n` where `s` holds an int or a float: a float's division, or two ints' (exact)."""
        from .native_arith import int_true_divide
        b = self.builder
        value, n = self.expr(left_node), self.expr(right_node)
        as_float, as_int, done = (self.fn.append_basic_block(k) for k in ("divfloat", "divint", "divdone"))
        b.cbranch(self.tags[id(left_node)], as_float, as_int)
        b.position_at_end(as_float)
        self.leave_if(b.icmp_signed("==", n, ir.Constant(I64, 0)), Why.ZERO_DIVISION)
        quotient = b.fdiv(b.bitcast(value, F64), b.sitofp(n, F64))
        incoming = [(quotient, b.block)]
        b.branch(done)
        b.position_at_end(as_int)
        quotient = int_true_divide(self, value, n)
        incoming.append((quotient, b.block))
        b.branch(done)
        b.position_at_end(done)
        return self._merge(F64, incoming)

    def expr_UnaryOp(self, node, t):
        b = self.builder
        if isinstance(node.op, ast.Not):
            return b.not_(self.truth(node.operand))
        value = self.expr(node.operand, t)
        if t in UNIONS:
            self.tags[id(node)] = self.tag_of(node.operand)
        if isinstance(node.op, ast.UAdd):
            return value
        if t is NType.COMPLEX:
            return self.complex_of(b.fneg(b.extract_value(value, 0)), b.fneg(b.extract_value(value, 1)))
        if isinstance(node.op, ast.Invert):
            return b.xor(value, ir.Constant(I64, -1))
        if base(t) is NType.FLOAT:
            return b.fneg(value)
        self.leave_if(b.icmp_signed("==", value, ir.Constant(I64, -(1 << 63))), Why.OVERFLOW)
        return b.sub(ir.Constant(I64, 0), value)

    def expr_Compare(self, node, t):
        from .native_arith import compare
        b = self.builder
        identity = self.typed.identities.get(id(node))
        if isinstance(identity, bool):      # known from the types (native_types._identity)
            return ir.Constant(I1, int(identity))
        if identity is not None:            # a bool `is True` / `is False`: its value
            wanted, negated = identity
            return b.icmp_unsigned("!=" if negated else "==", self.expr(node.left), ir.Constant(I1, int(wanted)))
        done = self.fn.append_basic_block("endcmp")
        results = []
        left, lt = self.expr(node.left), base(self.typed.expressions[id(node.left)])
        for k, (op, right_node) in enumerate(zip(node.ops, node.comparators)):
            right, rt = self.expr(right_node), base(self.typed.expressions[id(right_node)])
            result = compare(self, op, left, lt, right, rt)
            results.append((result, b.block))
            if k == len(node.ops) - 1:
                b.branch(done)
            else:
                more = self.fn.append_basic_block("cmp")
                b.cbranch(result, more, done)
                b.position_at_end(more)
            left, lt = right, rt
        b.position_at_end(done)
        phi = self._merge(I1, results)
        if t in UNIONS:     # one comparison (native_types): numpy's where either operand is
            self.tags[id(node)] = b.or_(self.tag_of(node.left), self.tag_of(node.comparators[0]))
        return phi

    def _merge(self, ll_type, incoming: list):
        """The value of whichever (value, block) of `incoming` the builder's block was reached from."""
        phi = self.builder.phi(ll_type)
        for value, block in incoming:
            phi.add_incoming(value, block)
        return phi

    def expr_BoolOp(self, node, t):
        b = self.builder
        done = self.fn.append_basic_block("endbool")
        incoming = []
        for k, operand in enumerate(node.values):
            value = self.expr(operand, t)
            incoming.append((value, b.block))
            if k == len(node.values) - 1:
                b.branch(done)
            else:
                more = self.fn.append_basic_block("bool")
                truth = self.truth_of(value, t)
                if isinstance(node.op, ast.And):
                    b.cbranch(truth, more, done)
                else:
                    b.cbranch(truth, done, more)
                b.position_at_end(more)
        b.position_at_end(done)
        return self._merge(ll_type(t), incoming)

    def expr_IfExp(self, node, t):
        b = self.builder
        then, orelse, done = (self.fn.append_basic_block(n) for n in ("ifx", "elsex", "endifx"))
        b.cbranch(self.truth(node.test), then, orelse)
        incoming = []
        for block, value_node in ((then, node.body), (orelse, node.orelse)):
            b.position_at_end(block)
            incoming.append((self.expr(value_node, t), b.block))
            b.branch(done)
        b.position_at_end(done)
        return self._merge(ll_type(t), incoming)

    def expr_Call(self, node, t):
        from .native_arith import call_builtin, call_math
        what = self.typed.calls[id(node)]
        if what == ("builtin", "len"):
            held = self.typed.expressions[id(node.args[0])]
            return ir.Constant(I64, len(held.items)) if isinstance(held, TupleType) else self.expr(node.args[0])[1]
        if what == ("builtin", "complex"):
            real, imag = (self.expr(a, NType.FLOAT) for a in node.args) if len(node.args) == 2 else \
                (self.expr(node.args[0], NType.FLOAT), ir.Constant(F64, 0.0))
            return self.complex_of(real, imag)
        if isinstance(what, tuple):
            args = [self.expr(a) for a in node.args]
            types_ = [base(self.typed.expressions[id(a)]) for a in node.args]
            if what[0] == "math":
                kind = NType.INT if any(f.__name__ == what[1] for f in MATH_INT) else NType.FLOAT
                return call_math(self, what[1], args, types_, kind)
            if t in UNIONS:     # abs
                self.tags[id(node)] = self.tag_of(node.args[0])
            return call_builtin(self, what[1], args, types_, base(t))
        return self._call_user(node, what, t)

    def _call_user(self, node, callee, t):
        b = self.builder
        args = []
        for a in node.args:
            if self.typed.expressions[id(a)] not in KNOWN:
                value = self.expr(a)
                args.extend(value if isinstance(value, tuple) else (value,))
        function = self.callee_name(callee)
        out = b.alloca(I64 if t is NType.NONE else ll_type(t))
        status = b.call(function, args + [out])
        self.leave_if(b.icmp_signed("!=", status, ir.Constant(I32, 0)), b.zext(status, I64))   # its reason
        return b.load(out)


def is_plain_function(fn) -> bool:
    """Whether native code can call `fn` as it calls a compiled function: positional parameters only."""
    code = fn.__code__
    return (isinstance(fn, types.FunctionType) and not code.co_kwonlyargcount and not code.co_posonlyargcount
            and not code.co_flags & 0x0C and not code.co_freevars)
