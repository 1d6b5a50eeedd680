"""Loops in LLVM IR: `while`, and `for` over ranges, arrays, lists, lists of tuples (taken apart),
`enumerate` and `zip`; the appends of the lists native code grows. A mixin of native_lower.Lowering.

Every loop polls the VM's flag (`pyfora_poll`) at its back-edge and leaves at the loop's statement
where it is set, so a suspension, a cancel or a checkpoint reaches native code within one iteration.
A `for` leaves, where it must, before any iterator has moved on, so tier 0 runs the `for` again from
the same items.
"""
import ast

from llvmlite import ir

from .native_ir import BYTE, I32, I64, LL, POLL, Mode, Why
from .native_values import ITERATORS, NUMBERS, ComboIterType, NType, RecordsIterType, RecordsType, row


class LoopLowering:
    """The loop handlers of native_lower.Lowering (it gives `builder`, `vars`, `typed`, `leave_if`...)."""

    def stmt_While(self, s: ast.While):
        b = self.builder
        head, body, done = (self.fn.append_basic_block(n) for n in ("while", "body", "endwhile"))
        b.branch(head)
        b.position_at_end(head)
        self.statement = s.lineno
        b.cbranch(self.truth(s.test), body, done)
        self._loop_body(s, body, head, done)

    def _combo_for(self, s: ast.For, over: ComboIterType):
        """A `for` over an enumerate or zip: every part's length first (those may leave), then each part
        in turn gives its item or ends the loop, as CPython's zip and enumerate take them."""
        b = self.builder
        head, body, done = (self.fn.append_basic_block(n) for n in ("for", "body", "endfor"))
        b.branch(head)
        b.position_at_end(head)
        self.statement = s.lineno
        slots = self.vars[s.iter.id]
        lengths = {}
        for first, part in _leaves(over, 0):
            start, stop, step, _ = slots[first:first + 4]
            lengths[first] = b.load(stop) if part is not NType.RANGE else \
                self._range_length(b.load(start), b.load(stop), b.load(step))
        self._combo_item(s.target, over, 0, slots, lengths, done)
        b.branch(body)
        b.position_at_end(body)
        self._loop_body(s, body, head, done, positioned=True)

    def _combo_item(self, target, t: ComboIterType, first: int, slots: tuple, lengths: dict, done):
        b = self.builder
        k = first + (t.kind == "enumerate")
        if t.kind == "enumerate":      # past 64 bits: tier 0 takes this item (before any part moves on)
            self.leave_if(b.icmp_signed("==", b.load(slots[first]), ir.Constant(I64, (1 << 63) - 1)), Why.OVERFLOW)
        items = []
        for part in t.parts:
            if isinstance(part, ComboIterType):
                items.append((part, k))
                k += part.width
                continue
            start, stop, step, index = slots[k:k + 4]
            i = b.load(index)
            more = self.fn.append_basic_block("more")
            b.cbranch(b.icmp_signed("<", i, lengths[k]), more, done)
            b.position_at_end(more)
            address = b.add(b.load(start), b.mul(i, b.load(step)))
            items.append((NType.INT, address) if part is NType.RANGE else (row(ITERATORS[part]),
                                                                            self.element(address, ITERATORS[part])))
            b.store(b.add(i, ir.Constant(I64, 1)), index)
            k += 4
        names = target.elts
        if t.kind == "enumerate":
            count = b.load(slots[first])
            b.store(b.add(count, ir.Constant(I64, 1)), slots[first])
            self.store(names[0].id, count, have=NType.INT)
            names = names[1:]
        for name, (part, value) in zip(names, items):
            if isinstance(part, ComboIterType):
                self._combo_item(name, part, value, slots, lengths, done)
            else:
                self.store(name.id, value, have=part)

    def stmt_For(self, s: ast.For):
        b = self.builder
        over = self.typed.locals[s.iter.id]
        if isinstance(over, ComboIterType):
            self._combo_for(s, over)
            return
        start, stop, step, index = self.vars[s.iter.id]     # of an array: data, length, stride
        head, body, done = (self.fn.append_basic_block(n) for n in ("for", "body", "endfor"))
        b.branch(head)
        b.position_at_end(head)
        self.statement = s.lineno
        i = b.load(index)
        n = b.load(stop) if over is not NType.RANGE else self._range_length(b.load(start), b.load(stop), b.load(step))
        more = b.icmp_signed("<", i, n)
        b.cbranch(more, body, done)
        b.position_at_end(body)
        if isinstance(over, RecordsIterType):
            record = b.add(b.load(start), b.mul(i, b.load(step)))
            self._take_apart(s.target, over.records.shape, (), over.records, record)
        elif over in ITERATORS:
            element = self.element(b.add(b.load(start), b.mul(i, b.load(step))), ITERATORS[over])
            self.store(s.target.id, element, have=row(ITERATORS[over]))
        else:
            self.store(s.target.id, b.add(b.load(start), b.mul(i, b.load(step))), have=NType.INT)
        b.store(b.add(i, ir.Constant(I64, 1)), index)
        self._loop_body(s, body, head, done, positioned=True)

    def _take_apart(self, target: ast.expr, part, path: tuple, records: RecordsType, record):
        """Bind `target`'s names to the leaves of the record at address `record` (native_types'
        `_take_apart` typed them); a list taken apart must have one item per name, else leave
        (ValueError)."""
        b = self.builder
        if isinstance(part, tuple):
            for k, (element, inner) in enumerate(zip(target.elts, part)):
                self._take_apart(element, inner, path + (k,), records, record)
            return
        leaf, first = records.fields[path]

        def slot(k):
            return b.load(b.inttoptr(b.add(record, ir.Constant(I64, 8 * (first + k))), I64.as_pointer()))
        if leaf in NUMBERS:
            raw = slot(0)
            self.store(target.id, self._from_slot(raw, leaf), have=leaf)
        elif isinstance(target, ast.Name):
            self.store(target.id, (slot(0), slot(1), slot(2)))
        else:
            data, length, stride = slot(0), slot(1), slot(2)
            self.leave_if(b.icmp_signed("!=", length, ir.Constant(I64, len(target.elts))), Why.UNPACK)
            for k, element in enumerate(target.elts):
                value = self.element(b.add(data, b.mul(ir.Constant(I64, k), stride)), leaf)
                self.store(element.id, value, have=row(leaf))

    def _loop_body(self, s, body, head, done, positioned=False):
        b = self.builder
        if not positioned:
            b.position_at_end(body)
        latch = self.fn.append_basic_block("latch")
        self.loops.append((latch, done))
        self.block(s.body)
        self.loops.pop()
        if not b.block.is_terminated:
            b.branch(latch)
        b.position_at_end(latch)
        if s.lineno > 1:
            # The VM's own one-shot loop (resume code's rest of an iteration) never comes back here.
            # An atomic load: a plain one would be hoisted out of a loop that stores nothing.
            flag = b.load_atomic(self._poll(), "monotonic", 4)
            self.leave_if(b.icmp_signed("!=", flag, ir.Constant(I32, 0)), Why.POLL, s.lineno)
        b.branch(head)
        b.position_at_end(done)
        self.statement = s.lineno

    def _poll(self):
        poll = self.module.globals.get(POLL)
        if poll is None:
            poll = ir.GlobalVariable(self.module, I32, POLL)
            poll.linkage = "external"
        return poll

    def stmt_Break(self, s):
        self.builder.branch(self.loops[-1][1])

    def stmt_Continue(self, s):
        self.builder.branch(self.loops[-1][0])

    def stmt_Expr(self, s):
        """A constant (native_types), or `x.append(v)`: v stored after the list's last item, its buffer
        grown (realloc) first where full."""
        name = self.typed.appends.get(id(s))
        if name is None:
            return
        b = self.builder
        bit = b.and_(b.load(self.vars["$mask"]), ir.Constant(I64, self.bits[name]))
        self.leave_if(b.icmp_unsigned("==", bit, ir.Constant(I64, 0)), Why.UNBOUND)   # (or entered as no list of ours)
        element = self.typed.expressions[id(s.value.args[0])]
        value = self.expr(s.value.args[0], element)
        data, length, stride, capacity = self.vars[name]
        full, room = self.fn.append_basic_block("full"), self.fn.append_basic_block("room")
        b.cbranch(b.icmp_signed(">=", b.load(length), b.load(capacity)), full, room)
        b.position_at_end(full)
        bigger = b.add(b.mul(b.load(capacity), ir.Constant(I64, 2)), ir.Constant(I64, 16))
        grown = b.call(self._libc("realloc", BYTE.as_pointer(), [BYTE.as_pointer(), I64]),
                       [b.inttoptr(b.load(data), BYTE.as_pointer()), b.mul(bigger, b.load(stride))])
        self.leave_if(b.icmp_unsigned("==", b.ptrtoint(grown, I64), ir.Constant(I64, 0)), Why.MEMORY)
        b.store(b.ptrtoint(grown, I64), data)
        b.store(bigger, capacity)
        b.branch(room)
        b.position_at_end(room)
        n = b.load(length)
        if element is NType.BOOL:
            value = b.zext(value, BYTE)
        place = b.add(b.load(data), b.mul(n, b.load(stride)))
        b.store(value, b.inttoptr(place, (BYTE if element is NType.BOOL else LL[element]).as_pointer()))
        b.store(b.add(n, ir.Constant(I64, 1)), length)

    def _new_list(self, name: str):
        """`x = []`: a buffer of its own (native_engine frees the one it replaces, here, and the last)."""
        b = self.builder
        data, length, stride, capacity = self.vars[name]
        bound = b.and_(b.load(self.vars["$mask"]), ir.Constant(I64, self.bits[name]))
        free, fresh = self.fn.append_basic_block("free"), self.fn.append_basic_block("fresh")
        b.cbranch(b.icmp_unsigned("!=", bound, ir.Constant(I64, 0)), free, fresh)
        b.position_at_end(free)
        b.call(self._libc("free", ir.VoidType(), [BYTE.as_pointer()]), [b.inttoptr(b.load(data), BYTE.as_pointer())])
        b.branch(fresh)
        b.position_at_end(fresh)
        size = 1 if self.typed.locals[name] is NType.BOOL_LIST else 8
        made = b.call(self._libc("malloc", BYTE.as_pointer(), [I64]), [ir.Constant(I64, 16 * size)])
        self.leave_if(b.icmp_unsigned("==", b.ptrtoint(made, I64), ir.Constant(I64, 0)), Why.MEMORY)
        for var, value in zip((data, length, stride, capacity), (b.ptrtoint(made, I64), ir.Constant(I64, 0),
                                                                  ir.Constant(I64, size), ir.Constant(I64, 16))):
            b.store(value, var)
        self.mark_bound(name)

    def _save_growing(self):
        """Where the entered piece returns: its growing lists' slots and the bound mask, for the VM to
        hand their items back and free their buffers."""
        if self.mode is not Mode.ENTRY or not self.typed.growing:
            return
        b = self.builder
        for name in self.typed.growing:
            for k, var in enumerate(self.vars[name]):
                b.store(b.load(var), self._slot(self.layout[name] + k))
        b.store(b.load(self.vars["$mask"]), self._slot(self._mask_slot))

    def _libc(self, name: str, result, arguments: list):
        found = self.module.globals.get(name)
        if found is None:
            found = ir.Function(self.module, ir.FunctionType(result, arguments), name)
        return found

    def _new_range(self, name: str, call: ast.Call):
        for var, value in zip(self.vars[name], self._range_state(call)):
            self.builder.store(value, var)
        self.mark_bound(name)

    def _range_state(self, call: ast.Call) -> tuple:
        """(start, stop, step, 0) of `range(...)`, leaving where the step is 0 (ValueError)."""
        b = self.builder
        args = [self.expr(a, NType.INT) for a in call.args]
        start, stop, step = ([ir.Constant(I64, 0)] + args + [ir.Constant(I64, 1)])[:3] if len(args) == 1 else \
            (args + [ir.Constant(I64, 1)])[:3]
        self.leave_if(b.icmp_signed("==", step, ir.Constant(I64, 0)), Why.RANGE)      # ValueError
        return start, stop, step, ir.Constant(I64, 0)

    def _new_combo(self, call: ast.Call, t: ComboIterType) -> list:
        """The slots of `enumerate(...)` or `zip(...)` made here, in the order Python makes its parts."""
        values = []
        sources = call.args[:1] if t.kind == "enumerate" else call.args
        if t.kind == "enumerate":
            values.append(self.expr(call.args[1], NType.INT) if len(call.args) == 2 else ir.Constant(I64, 0))
        for source, part in zip(sources, t.parts):
            if part is NType.RANGE:
                values.extend(self._range_state(source))
            elif isinstance(part, ComboIterType):
                values.extend(self._new_combo(source, part))
            else:
                values.extend((*self.expr(source), ir.Constant(I64, 0)))
        return values

    def _range_length(self, start, stop, step):
        """len(range(start, stop, step)) in unsigned 64-bit arithmetic (every difference of two 64-bit
        ints fits it; 128-bit division would need a runtime library native code does not link)."""
        b = self.builder
        zero, one = ir.Constant(I64, 0), ir.Constant(I64, 1)
        up = b.icmp_signed(">", step, zero)
        nonempty = b.select(up, b.icmp_signed("<", start, stop), b.icmp_signed(">", start, stop))
        span = b.select(up, b.sub(stop, start), b.sub(start, stop))
        size = b.select(up, step, b.sub(zero, step))
        count = b.add(b.udiv(b.sub(span, one), size), one)
        count = b.select(nonempty, count, zero)
        self.leave_if(b.icmp_signed("<", count, zero), Why.RANGE)      # longer than 2**63 - 1: tier 0 counts it
        return count


def _leaves(t: ComboIterType, first: int):
    """(first slot, type) of each range or array iterator of an enumerate or zip, in order."""
    k = first + (t.kind == "enumerate")
    for part in t.parts:
        if isinstance(part, ComboIterType):
            yield from _leaves(part, k)
            k += part.width
        else:
            yield k, part
            k += 4


def first_index(t: ComboIterType) -> int:
    """The slot of the index of an enumerate's or zip's first iterator: -1 there once it is let go."""
    return next(_leaves(t, 0))[0] + 3
