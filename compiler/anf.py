"""Statement form: rewrite a function so every call is its own statement.

`f(g(), h())` becomes `_pf_t1 = g(); _pf_t2 = h(); _pf_t3 = f(_pf_t1, _pf_t2)`.
Python's evaluation order is kept exactly: an operand evaluated before a call
in the original is evaluated (into a temporary) before it here; `and`/`or`
and conditional expressions become `if` statements; chained comparisons
evaluate each operand once. Loop iterators become named locals. Comprehensions
that call user code become explicit loops (over renamed variables, so nothing
leaks); generator expressions and lambdas whose bodies call become nested
generator functions and defs. Expressions without calls stay as they are: they
are atomic, and leaving them alone keeps tier 0 as fast as CPython.

Every new node keeps the user's source location (`ast.copy_location`), which
`compiler/statements.py` turns into the source map when it numbers the
statements; the result is a tree (no node in two places), as numbering needs.
"""
import ast
import copy
import itertools

from .astutil import (FOREIGN_IDS, ID_BUILTIN, INIT_RETURNED, ITER_BUILTIN, ITERATOR, LAMBDA, MUTATION_CHECK,
                      OBJECT_NEW, OUT_CHECK, PLAIN_TYPES, SEED_CHECK, SUSPENDING, TEMP, TYPE_BUILTIN,
                      calls_inside, is_temp, located, var, walrus_targets)
from .comprehensions import ComprehensionRewrites, inlined_reduction
from .generators import YieldRewrites
from .subset import RESERVED_PREFIX as RESERVED, local_names


class Flattener(ComprehensionRewrites, YieldRewrites):
    """Rewrite one function (and the functions nested in it) into statement form."""

    def __init__(self, counter=None, unstable=frozenset()):
        self.counter = counter or itertools.count(1)
        self.unstable = unstable

    # ## Temporaries

    def temp(self, prefix=TEMP) -> str:
        return f"{prefix}{next(self.counter)}"

    def assign(self, target: str, value: ast.expr, origin) -> ast.stmt:
        return located(ast.Assign(targets=[var(target, ast.Store())], value=value), origin)

    def hoist(self, pre: list, atom: ast.expr, origin) -> ast.expr:
        """Evaluate `atom` now, into a temporary, unless it is a constant."""
        if isinstance(atom, ast.Constant) or is_temp(atom):
            return atom
        if isinstance(atom, ast.Slice):
            parts = {f: self.hoist(pre, getattr(atom, f), origin) if getattr(atom, f) else None
                     for f in ("lower", "upper", "step")}
            return ast.copy_location(ast.Slice(**parts), atom)
        t = self.temp()
        pre.append(self.assign(t, atom, origin))
        return var(t)

    # ## Expressions

    def sequence(self, exprs: list, origin) -> tuple[list, list]:
        """Flatten operands evaluated left to right, keeping that order for their effects."""
        inner = [e.value if isinstance(e, ast.Starred) else e for e in exprs]
        parts = [self.expr(e) if e is not None else ([], None) for e in inner]
        pre: list = []
        atoms = []
        for i, (p, atom) in enumerate(parts):
            pre.extend(p)
            later = [q for q, _ in parts[i + 1:]]
            unpacked = isinstance(exprs[i], ast.Starred) or _is_mapping_unpack(exprs[i])
            if atom is not None and any(later) and (unpacked or not self._stable(atom, inner[i + 1:])):
                if isinstance(exprs[i], ast.Starred):
                    # `*x` is unpacked where it stands, before the later operands run.
                    atom = ast.Tuple(elts=[ast.Starred(value=atom, ctx=ast.Load())], ctx=ast.Load())
                atom = self.hoist(pre, atom, origin)
            if isinstance(exprs[i], ast.Starred):
                atom = ast.copy_location(ast.Starred(value=atom, ctx=exprs[i].ctx), exprs[i])
            atoms.append(atom)
        return pre, atoms

    def _stable(self, atom, later_exprs) -> bool:
        """An atom whose reading later gives the same value and the same error: a constant, a
        temporary, a parameter or global, never a local that may be unbound or a walrus target."""
        if isinstance(atom, ast.Constant) or is_temp(atom):
            return True
        if isinstance(atom, ast.Name):
            return atom.id not in self.unstable \
                and atom.id not in walrus_targets(e for e in later_exprs if e is not None)
        return False

    def expr(self, e: ast.expr) -> tuple[list, ast.expr]:
        """(statements to run first, an expression without calls giving `e`'s value)."""
        if not calls_inside(e):
            return [], e
        if isinstance(e, ast.Call) and inlined_reduction(e):
            return self.reduction_loop(e)
        handler = getattr(self, "expr_" + type(e).__name__, None)
        if handler is None:
            return self.expr_generic(e)
        return handler(e)

    def expr_generic(self, e):
        """Flatten the direct operands of `e` in field order, then rebuild it."""
        fields = [(f, v) for f, v in ast.iter_fields(e)
                  if isinstance(v, ast.expr) or (isinstance(v, list) and v and isinstance(v[0], ast.expr))]
        flat_exprs, slots = [], []
        for f, v in fields:
            items = v if isinstance(v, list) else [v]
            slots.append((f, isinstance(v, list), len(items)))
            flat_exprs.extend(items)
        pre, atoms = self.sequence(flat_exprs, e)
        new = type(e)(**{f: v for f, v in ast.iter_fields(e)})
        pos = 0
        for f, is_list, n in slots:
            chunk = atoms[pos:pos + n]
            pos += n
            setattr(new, f, chunk if is_list else chunk[0])
        return pre, ast.copy_location(new, e)

    def expr_Dict(self, e):
        order = []
        for k, v in zip(e.keys, e.values):
            order.extend([k, v])
        pre, atoms = self.sequence(order, e)
        return pre, ast.copy_location(ast.Dict(keys=atoms[0::2], values=atoms[1::2]), e)

    def expr_JoinedStr(self, e):
        """Each `{value}` is formatted when Python would: a piece followed by calls is formatted
        into a temporary (a str, which the final f-string then inserts unchanged)."""
        pieces = []
        for fv in e.values:
            if isinstance(fv, ast.FormattedValue):
                spec = fv.format_spec.values if fv.format_spec is not None else []
                pieces.append((fv, [fv.value] + [v.value for v in spec if isinstance(v, ast.FormattedValue)]))
            else:
                pieces.append((fv, []))
        parts = [self.sequence(operands, e) for _, operands in pieces]
        pre: list = []
        values = []
        for i, ((fv, _), (p, atoms)) in enumerate(zip(pieces, parts)):
            pre.extend(p)
            if not isinstance(fv, ast.FormattedValue):
                values.append(fv)
                continue
            formatted = ast.copy_location(ast.FormattedValue(
                value=atoms[0], conversion=fv.conversion, format_spec=_rebuild_spec(fv.format_spec, atoms[1:])), fv)
            if any(q for q, _ in parts[i + 1:]):
                t = self.temp()
                pre.append(self.assign(t, ast.copy_location(ast.JoinedStr(values=[formatted]), fv), e))
                formatted = ast.copy_location(ast.FormattedValue(value=var(t), conversion=-1, format_spec=None), fv)
            values.append(formatted)
        return pre, ast.copy_location(ast.JoinedStr(values=values), e)

    def expr_Call(self, e):
        """Flatten a call into `Assign(temp, call)`, last of the statements returned."""
        func = e.func
        # `obj.m(args)` looks `m` up before the arguments run: when they make calls, the method is
        # taken first, except on a receiver known to be a container this frame made (and for the
        # receiver of a checked mutation, which the check needs).
        receiver_only = isinstance(func, ast.Attribute) and (
            getattr(e, "pf_safe_method", False) or getattr(e, "pf_check", None)
            or getattr(e, "pf_check_receiver", None))
        head = func.value if receiver_only else func
        keywords_in = [k.value if k.arg is not None else ast.Dict(keys=[None], values=[k.value])
                       for k in e.keywords]
        pre, atoms = self.sequence([head] + e.args + keywords_in, e)
        if head is func:
            new_func = atoms[0]
        else:
            new_func = ast.copy_location(ast.Attribute(value=atoms[0], attr=func.attr, ctx=ast.Load()), func)
        args = atoms[1:1 + len(e.args)]
        rest = atoms[1 + len(e.args):]
        keywords = [ast.copy_location(ast.keyword(arg=k.arg, value=_unwrap_mapping(rest.pop(0), k)), k)
                    for k in e.keywords]
        if getattr(e, "pf_construct", False):
            stmts, instance = self.construction(new_func, args, keywords, e)
            return pre + stmts, instance
        call = ast.copy_location(ast.Call(func=new_func, args=args, keywords=keywords), e)
        if getattr(e, "pf_check", None):
            # `x.append(v)` mutates its receiver; `operator.setitem(x, ...)` its first argument.
            target = args[0] if getattr(e, "pf_check_argument", False) else new_func.value
            pre.append(self.mutation_check(target, e))
        if getattr(e, "pf_check_receiver", None):
            # `rng.random()` advances `rng` (and `rng.shuffle(a)`, flagged above, mutates `a` too).
            pre.append(self.mutation_check(new_func.value, e, e.pf_check_receiver))
        if getattr(e, "pf_check_seed", None):
            pre.append(self.seed_check(new_func, args, keywords, e))
        if getattr(e, "pf_check_positional_out", None):
            where, positions = e.pf_check_positional_out
            check = ast.Call(func=var(OUT_CHECK), args=[
                new_func, ast.Tuple(elts=[args[i] for i in positions], ctx=ast.Load()),
                ast.Constant(positions), ast.Constant(where)], keywords=[])
            pre.append(located(ast.Expr(value=check), e))
        if getattr(e, "pf_check_out", None):
            # `np.add(a, b, out=c)` mutates c.
            out = next(k.value for k in keywords if k.arg == "out")
            pre.append(self.mutation_check(out, e, e.pf_check_out))
        t = self.temp()
        pre.append(self.assign(t, call, e))
        return pre, var(t)

    def expr_Attribute(self, e):
        """`a.append` taken as a value, flagged by the ownership pass: the receiver is checked first."""
        pre, value = self.expr(e.value)
        if not getattr(e, "pf_check", None):
            return pre, ast.copy_location(ast.Attribute(value=value, attr=e.attr, ctx=e.ctx), e)
        if not is_temp(value) and not isinstance(value, ast.Constant):
            t = self.temp()
            pre.append(self.assign(t, value, e))
            value = var(t)
        pre.append(self.mutation_check(value, e))
        return pre, ast.copy_location(ast.Attribute(value=value, attr=e.attr, ctx=e.ctx), e)

    def construction(self, cls: ast.expr, args: list, keywords: list, e) -> tuple:
        """`Cls(args)` as `type.__call__` runs it for a plain class (compiler/routing.py,
        EXPLICIT_CONSTRUCTION): `t = object.__new__(Cls)`, then `r = Cls.__init__(t, args)`, a call
        of the user's `__init__` from Python, and the TypeError of an `__init__` that returned a value."""
        instance, returned = self.temp(), self.temp()
        make = ast.Call(func=var(OBJECT_NEW), args=[cls], keywords=[])
        make.pf_atomic = True
        init = ast.Call(func=ast.Attribute(value=cls, attr="__init__", ctx=ast.Load()),
                        args=[var(instance)] + args, keywords=keywords)
        refuse = ast.Call(func=var(INIT_RETURNED), args=[var(returned)], keywords=[])
        refuse.pf_atomic = True
        check = ast.If(test=ast.Compare(left=var(returned), ops=[ast.IsNot()], comparators=[ast.Constant(None)]),
                       body=[located(ast.Expr(value=refuse), e)], orelse=[])
        stmts = [self.assign(instance, located(make, e), e), self.assign(returned, located(init, e), e),
                 located(check, e)]
        return stmts, var(instance)

    def mutation_check(self, receiver: ast.expr, origin, where: str | None = None) -> ast.stmt:
        """`_pf_mut(receiver, line)`: refuse, at run time, mutating a container this frame does not own.

        On a name, the call waits behind linker.check_mutation's own first test made inline,
        `(_pf_type(x) not in _pf_plain or _pf_id(x) in _pf_foreign) and _pf_mut(x, line)`, which
        lets through the same objects (a list the computation made) for a few bytecodes instead of a
        call: n-body's `v[0] -= ...` runs 75 of them a step. It stays one expression statement, as
        the call was, not an `if`. The statement is marked `pf_mutation_check` (the name, the site's
        kind) for compiler/mutation_checks.py, which drops the ones an earlier check made."""
        where = where or origin.pf_check
        check = ast.Call(func=var(MUTATION_CHECK), args=[receiver, ast.Constant(where)], keywords=[])
        if not isinstance(receiver, ast.Name):
            return located(ast.Expr(value=check), origin)
        odd = ast.Compare(left=ast.Call(func=var(TYPE_BUILTIN), args=[var(receiver.id)], keywords=[]),
                          ops=[ast.NotIn()], comparators=[var(PLAIN_TYPES)])
        foreign = ast.Compare(left=ast.Call(func=var(ID_BUILTIN), args=[var(receiver.id)], keywords=[]),
                              ops=[ast.In()], comparators=[var(FOREIGN_IDS)])
        test = ast.BoolOp(op=ast.Or(), values=[odd, foreign])
        statement = located(ast.Expr(value=ast.BoolOp(op=ast.And(), values=[test, check])), origin)
        statement.pf_mutation_check = (receiver.id, "".join(where.split("\x00")[3:]))
        return statement

    def seed_check(self, func: ast.expr, args: list, keywords: list, origin) -> ast.stmt:
        """`_pf_seed(func, args, kwargs, line)`: refuse, at run time, seeding a random generator without a
        seed (linker.check_seed)."""
        kwargs = ast.Dict(keys=[ast.Constant(k.arg) if k.arg else None for k in keywords],
                          values=[k.value for k in keywords])
        check = ast.Call(func=var(SEED_CHECK), args=[func, ast.Tuple(elts=list(args), ctx=ast.Load()), kwargs,
                                                      ast.Constant(origin.pf_check_seed)], keywords=[])
        return located(ast.Expr(value=check), origin)

    def expr_BoolOp(self, e):
        t = self.temp()
        pre, first = self.expr(e.values[0])
        pre.append(self.assign(t, first, e))
        body = pre
        for value in e.values[1:]:
            test = var(t) if isinstance(e.op, ast.And) else ast.UnaryOp(op=ast.Not(), operand=var(t))
            inner, atom = self.expr(value)
            inner.append(self.assign(t, atom, e))
            body.append(located(ast.If(test=test, body=inner, orelse=[]), e))
            body = inner
        return pre, var(t)

    def expr_IfExp(self, e):
        pre, test = self.expr(e.test)
        t = self.temp()
        body, b = self.expr(e.body)
        body.append(self.assign(t, b, e))
        orelse, o = self.expr(e.orelse)
        orelse.append(self.assign(t, o, e))
        pre.append(located(ast.If(test=test, body=body, orelse=orelse), e))
        return pre, var(t)

    def expr_Compare(self, e):
        if len(e.ops) == 1:
            return self.expr_generic(e)
        t = self.temp()
        pre, left = self.expr(e.left)
        if any(calls_inside(c) for c in e.comparators) and not self._stable(left, e.comparators):
            left = self.hoist(pre, left, e)
        body = pre
        for i, (op, comparator) in enumerate(zip(e.ops, e.comparators)):
            inner, right = self.expr(comparator)
            if i < len(e.ops) - 1:
                right = self.hoist(inner, right, comparator)
            cmp = ast.copy_location(ast.Compare(left=left, ops=[op], comparators=[right]), e)
            body.extend(inner)
            body.append(self.assign(t, cmp, e))
            if i < len(e.ops) - 1:
                nxt: list = []
                body.append(located(ast.If(test=var(t), body=nxt, orelse=[]), e))
                body = nxt
            left = right
        return pre, var(t)

    def expr_NamedExpr(self, e):
        pre, value = self.expr(e.value)
        pre.append(located(ast.Assign(targets=[var(e.target.id, ast.Store())], value=value), e))
        return pre, var(e.target.id)

    def expr_Lambda(self, e):
        """Every lambda becomes a def (named `<lambda>` again once compiled): its body can then be
        in statement form, and the def statement records where the lambda is in the user's file."""
        name = self.temp(LAMBDA)
        ret = located(ast.Return(value=e.body), e.body)
        fn = located(ast.FunctionDef(name=name, args=e.args, body=[ret], decorator_list=[],
                                     returns=None, type_comment=None), e)
        return self.stmt_FunctionDef(fn), var(name)

    # ## Statements

    def body(self, stmts: list) -> list:
        out = []
        for s in stmts:
            out.extend(self.stmt(s))
        return out

    def stmt(self, s: ast.stmt) -> list:
        handler = getattr(self, "stmt_" + type(s).__name__, None)
        if handler is None:
            return self.stmt_generic(s)
        return handler(s)

    def stmt_generic(self, s):
        """Statements with no expressions of their own to flatten (pass, break, continue, global...)."""
        return [s]

    def stmt_Expr(self, s):
        v = s.value
        if isinstance(v, ast.Call) and calls_inside(v) and not inlined_reduction(v):
            pre, atom = self.expr_Call(v)
            if getattr(v, "pf_construct", False):   # the instance is dropped: nothing is left to rewrite
                return pre
            last = pre.pop()
            pre.append(ast.copy_location(ast.Expr(value=last.value), s))
            return pre
        if isinstance(v, (ast.Yield, ast.YieldFrom)):
            return self.stmt_yield(s)
        pre, atom = self.expr(v)
        if pre and isinstance(atom, ast.Name):
            return pre
        pre.append(ast.copy_location(ast.Expr(value=atom), s))
        return pre

    def _direct_call(self, call) -> list | None:
        """`call` flattened, with the call itself last as `Assign(temp, call)`; None if not a call."""
        if not isinstance(call, ast.Call) or getattr(call, "pf_atomic", False) or not calls_inside(call) \
                or inlined_reduction(call) or getattr(call, "pf_construct", False):
            return None
        return self.expr_Call(call)[0]

    def stmt_Return(self, s):
        if s.value is None:
            return [s]
        pre = self._direct_call(s.value)
        if pre is not None:
            call = pre.pop()
            pre.append(ast.copy_location(ast.Return(value=call.value), call))
            return pre
        pre, atom = self.expr(s.value)
        pre.append(ast.copy_location(ast.Return(value=atom), s))
        return pre

    def stmt_Assign(self, s):
        simple = not any(calls_inside(t) or any(getattr(n, "pf_check", None) for n in ast.walk(t))
                         for t in s.targets)
        pre = self._direct_call(s.value) if simple else None
        if pre is not None:
            # `x = f(a)` is a call statement as it stands: the call's value goes straight to x.
            call = pre.pop()
            pre.append(ast.copy_location(ast.Assign(targets=s.targets, value=call.value), call))
            return pre
        pre, value = self.expr(s.value)
        target_pre: list = []
        targets = [self.target(t, target_pre) for t in s.targets]
        if target_pre:
            value = self.hoist(pre, value, s)
            pre.extend(target_pre)
        for t in targets:
            self._check_store(t, pre)
        pre.append(ast.copy_location(ast.Assign(targets=targets, value=value), s))
        return pre

    def _check_store(self, target, pre):
        if isinstance(target, (ast.Subscript, ast.Attribute)) and getattr(target, "pf_check", None):
            pre.append(self.mutation_check(target.value, target))

    def target(self, t: ast.expr, pre: list) -> ast.expr:
        """A store target whose own operands (object, index) are evaluated into `pre` first: when they
        make calls, and when a check reads the object (which must then be read once)."""
        checked_object = getattr(t, "pf_check", None) and not isinstance(t.value, ast.Name)
        if not calls_inside(t) and not checked_object:
            return t
        if isinstance(t, ast.Subscript):
            p, (obj, index) = self.sequence([t.value, t.slice], t)
            pre.extend(p)
            new = ast.copy_location(ast.Subscript(value=obj, slice=index, ctx=t.ctx), t)
        elif isinstance(t, ast.Attribute):
            p, obj = self.expr(t.value)
            pre.extend(p)
            new = ast.copy_location(ast.Attribute(value=obj, attr=t.attr, ctx=t.ctx), t)
        elif isinstance(t, (ast.Tuple, ast.List)):
            new = ast.copy_location(type(t)(elts=[self.target(x, pre) for x in t.elts], ctx=t.ctx), t)
        elif isinstance(t, ast.Starred):
            new = ast.copy_location(ast.Starred(value=self.target(t.value, pre), ctx=t.ctx), t)
        else:
            return t
        new.pf_check = getattr(t, "pf_check", None)
        return new

    def stmt_AnnAssign(self, s):
        if s.value is None:
            return [ast.copy_location(ast.Pass(), s)]
        return self.stmt_Assign(ast.copy_location(ast.Assign(targets=[s.target], value=s.value), s))

    def stmt_AugAssign(self, s):
        t = s.target
        needs = calls_inside(s.value) or calls_inside(t) or getattr(t, "pf_check", None) \
            or getattr(t, "pf_check_item", None)
        if not needs:
            return [s]
        pre: list = []
        if isinstance(t, ast.Name):
            p, value = self.expr(s.value)
            if p and t.id in self.unstable:
                # Python reads the target (perhaps unbound) before the value's calls run.
                old = self.temp()
                pre.append(self.assign(old, var(t.id), t))
                pre.extend(p)
                pre.append(located(ast.AugAssign(target=var(old, ast.Store()), op=s.op, value=value), s))
                pre.append(located(ast.Assign(targets=[var(t.id, ast.Store())], value=var(old)), s))
                return pre
            pre.extend(p)
            if not getattr(t, "pf_check", None):
                pre.append(ast.copy_location(ast.AugAssign(target=t, op=s.op, value=value), s))
                return pre
            # Checked after the operation, which is cheap: only an in-place operation leaves the
            # same object behind, and a refusal ends the computation, so nothing sees the change.
            before = self.temp()
            pre.append(self.assign(before, var(t.id), t))
            pre.append(ast.copy_location(ast.AugAssign(target=t, op=s.op, value=value), s))
            same = ast.Compare(left=var(t.id), ops=[ast.Is()], comparators=[var(before)])
            pre.append(located(ast.If(test=same, body=[self.mutation_check(var(t.id), t)], orelse=[]), t))
            return pre
        if isinstance(t, ast.Subscript):
            p, (obj, index) = self.sequence([t.value, t.slice], t)
            pre.extend(p)
            obj, index = self.hoist(pre, obj, t), self.hoist(pre, index, t)
            load = ast.Subscript(value=obj, slice=index, ctx=ast.Load())
            store = ast.Subscript(value=obj, slice=index, ctx=ast.Store())
        else:
            p, obj = self.expr(t.value)
            pre.extend(p)
            obj = self.hoist(pre, obj, t)
            load = ast.Attribute(value=obj, attr=t.attr, ctx=ast.Load())
            store = ast.Attribute(value=obj, attr=t.attr, ctx=ast.Store())
        old = self.temp()
        pre.append(self.assign(old, located(load, t), s))
        p, value = self.expr(s.value)
        pre.extend(p)
        item_check = getattr(t, "pf_check_item", None)
        if item_check:      # `a[i] += [v]` extends the item itself, which must be the computation's
            before = self.temp()
            pre.append(self.assign(before, var(old), t))
        pre.append(located(ast.AugAssign(target=var(old, ast.Store()), op=s.op, value=value), s))
        if item_check:
            same = ast.Compare(left=var(old), ops=[ast.Is()], comparators=[var(before)])
            pre.append(located(ast.If(test=same, body=[self.mutation_check(var(old), t, item_check)],
                                      orelse=[]), t))
        if getattr(t, "pf_check", None):
            pre.append(self.mutation_check(obj, t))
        pre.append(located(ast.Assign(targets=[located(store, t)], value=var(old)), s))
        return pre

    def stmt_Delete(self, s):
        pre: list = []
        targets = [self.target(t, pre) for t in s.targets]
        for t in targets:
            self._check_store(t, pre)
        pre.append(ast.copy_location(ast.Delete(targets=targets), s))
        return pre

    def stmt_If(self, s):
        pre, test = self.expr(s.test)
        pre.append(ast.copy_location(ast.If(test=test, body=self.body(s.body),
                                            orelse=self.body(s.orelse)), s))
        return pre

    def stmt_While(self, s):
        body = self.body(s.body)
        orelse = self.body(s.orelse)
        if not calls_inside(s.test):
            return [ast.copy_location(ast.While(test=s.test, body=body, orelse=orelse), s)]
        pre, test = self.expr(s.test)
        exit_ = [ast.copy_location(ast.Break(), s)]
        before, after = [], []
        if orelse:
            flag = self.temp()
            before = [self.assign(flag, ast.Constant(False), s)]
            exit_.insert(0, self.assign(flag, ast.Constant(True), s))
            after = [located(ast.If(test=var(flag), body=orelse, orelse=[]), s)]
        stop = located(ast.If(test=ast.UnaryOp(op=ast.Not(), operand=test), body=exit_, orelse=[]), s)
        loop = ast.While(test=ast.Constant(True), body=pre + [stop] + body, orelse=[])
        return before + [ast.copy_location(loop, s)] + after

    def stmt_For(self, s, flatten_body=True):
        pre, source = self.expr(s.iter)
        it = self.temp(ITERATOR)
        pre.append(self.assign(it, located(ast.Call(func=var(ITER_BUILTIN), args=[source], keywords=[]),
                                            s.iter), s))
        if is_temp(source):
            pre.append(self.assign(source.id, ast.Constant(None), s))   # only the iterator holds it
        body = self.body(s.body) if flatten_body else s.body
        target = s.target
        if calls_inside(target):
            item = self.temp()
            setup: list = []
            new_target = self.target(target, setup)
            setup.append(located(ast.Assign(targets=[new_target], value=var(item)), target))
            target, body = var(item, ast.Store()), setup + body
        # The loop lets go of its iterator when it ends, as CPython does (a generator's `finally`
        # runs then), even though the statement form keeps it in a local.
        orelse = self.body(s.orelse)
        drop = located(ast.Assign(targets=[var(it, ast.Store())], value=ast.Constant(None)), s)
        if orelse:
            orelse.insert(0, drop)
        loop = ast.For(target=target, iter=var(it), body=body, orelse=orelse, type_comment=None)
        pre.append(ast.copy_location(loop, s))
        pre.append(located(ast.Assign(targets=[var(it, ast.Store())], value=ast.Constant(None)), s))
        return pre

    def stmt_Raise(self, s):
        pre, atoms = self.sequence([s.exc, s.cause], s)
        pre.append(ast.copy_location(ast.Raise(exc=atoms[0], cause=atoms[1]), s))
        return pre

    def stmt_Assert(self, s):
        if not calls_inside(s.test) and (s.msg is None or not calls_inside(s.msg)):
            return [s]
        pre, test = self.expr(s.test)
        fail, msg = self.expr(s.msg) if s.msg is not None else ([], None)
        fail.append(located(ast.Assert(test=ast.Constant(False), msg=msg), s))
        pre.append(located(ast.If(test=ast.UnaryOp(op=ast.Not(), operand=test), body=fail, orelse=[]), s))
        return pre

    def stmt_Try(self, s):
        handlers = [ast.copy_location(ast.ExceptHandler(
            type=h.type, name=h.name, body=[self.pass_suspension(h)] + self.body(h.body)), h)
            for h in s.handlers]
        final = [self.pass_suspension(s.finalbody[0])] + self.body(s.finalbody) if s.finalbody else []
        new = type(s)(body=self.body(s.body), handlers=handlers, orelse=self.body(s.orelse),
                      finalbody=final)
        return [ast.copy_location(new, s)]

    @staticmethod
    def pass_suspension(origin) -> ast.stmt:
        """`if _pf_susp.active: raise`: a suspension unwinds through the user's handlers unseen."""
        test = ast.Attribute(value=var(SUSPENDING), attr="active", ctx=ast.Load())
        return located(ast.If(test=test, body=[ast.Raise(exc=None, cause=None)], orelse=[]), origin)

    stmt_TryStar = stmt_Try

    def stmt_Match(self, s):
        pre, subject = self.expr(s.subject)
        cases = [ast.match_case(pattern=c.pattern, guard=c.guard, body=self.body(c.body)) for c in s.cases]
        pre.append(ast.copy_location(ast.Match(subject=subject, cases=cases), s))
        return pre

    def stmt_FunctionDef(self, s):
        defaults = s.args.defaults + [d for d in s.args.kw_defaults if d is not None]
        pre, atoms = self.sequence(list(s.decorator_list) + defaults, s)
        decorators = atoms[:len(s.decorator_list)]
        if any(pre) or decorators:
            decorators = [self.hoist(pre, d, s) for d in decorators]
        rest = iter(atoms[len(s.decorator_list):])
        args = _strip_annotations(s.args)
        args.defaults = [next(rest) for _ in s.args.defaults]
        args.kw_defaults = [next(rest) if d is not None else None for d in s.args.kw_defaults]
        body = Flattener(self.counter, maybe_unbound(s)).body(s.body)
        fn = ast.FunctionDef(name=s.name, args=args, body=body or [ast.Pass()], decorator_list=[],
                             returns=None, type_comment=None)
        pre.append(located(fn, s))
        for deco, origin in reversed(list(zip(decorators, s.decorator_list))):
            call = ast.Call(func=deco, args=[var(s.name)], keywords=[])
            pre.append(located(ast.Assign(targets=[var(s.name, ast.Store())], value=call), origin))
        return pre

    def stmt_ClassDef(self, s):
        """A class defined inside a function: its bases and decorators are evaluated in the function
        (into temporaries), its body in statement form like a function's, and the temporaries the body
        made for itself are deleted at its end, so the class's namespace holds the user's names only."""
        pre, atoms = self.sequence(list(s.decorator_list) + list(s.bases), s)
        decorators = [self.hoist(pre, d, s) for d in atoms[:len(s.decorator_list)]]
        body = Flattener(self.counter, frozenset(local_names_of_class(s))).class_body(s.body)
        temps = sorted({n.id for b in body if isinstance(b, ast.Assign) for t in b.targets for n in ast.walk(t)
                        if isinstance(n, ast.Name) and n.id.startswith(RESERVED)}
                       | {b.name for b in body if isinstance(b, ast.FunctionDef) and b.name.startswith(RESERVED)})
        if temps:
            body.append(located(ast.Delete(targets=[var(t, ast.Del()) for t in temps]), s))
        cls = ast.ClassDef(name=s.name, bases=atoms[len(s.decorator_list):], keywords=[], body=body,
                           decorator_list=[])
        pre.append(located(cls, s))
        for deco, origin in reversed(list(zip(decorators, s.decorator_list))):
            call = ast.Call(func=deco, args=[var(s.name)], keywords=[])
            pre.append(located(ast.Assign(targets=[var(s.name, ast.Store())], value=call), origin))
        return pre

    def class_body(self, stmts: list) -> list:
        """A class body in statement form; annotations stay (dataclasses and NamedTuple read them)."""
        out = []
        for s in stmts:
            if isinstance(s, ast.AnnAssign) and s.value is not None:
                pre, value = self.expr(s.value)
                out.extend(pre)
                out.append(ast.copy_location(ast.AnnAssign(target=s.target, annotation=s.annotation, value=value,
                                                           simple=s.simple), s))
            else:
                out.extend([s] if isinstance(s, ast.AnnAssign) else self.stmt(s))
        return out


def local_names_of_class(cls: ast.ClassDef) -> set:
    """Names the class body `cls` binds (its attributes)."""
    return {n.id for s in cls.body for n in ast.walk(s) if isinstance(n, ast.Name)
            and isinstance(n.ctx, ast.Store) and not isinstance(s, ast.FunctionDef)} \
        | {s.name for s in cls.body if isinstance(s, (ast.FunctionDef, ast.ClassDef))}


def maybe_unbound(fn: ast.FunctionDef) -> frozenset:
    """Locals of `fn` that may be unbound where they are read: all but its never-deleted parameters."""
    params = {a.arg for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs}
    params |= {a.arg for a in (fn.args.vararg, fn.args.kwarg) if a is not None}
    deleted = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Del)}
    return frozenset((local_names(fn) - params) | (params & deleted))


def _rebuild_spec(spec, atoms: list):
    """A format spec (itself an f-string) with its `{...}` values replaced by `atoms`, in order."""
    if spec is None:
        return None
    atoms = iter(atoms)
    values = [ast.copy_location(ast.FormattedValue(value=next(atoms), conversion=v.conversion,
                                                   format_spec=v.format_spec), v)
              if isinstance(v, ast.FormattedValue) else v for v in spec.values]
    return ast.copy_location(ast.JoinedStr(values=values), spec)


def _is_mapping_unpack(e) -> bool:
    return isinstance(e, ast.Dict) and e.keys == [None]


def _unwrap_mapping(atom, keyword: ast.keyword):
    """A `**x` operand went through `sequence` as `{**x}`; unhoisted, it is `x` again."""
    if keyword.arg is None and isinstance(atom, ast.Dict) and atom.keys == [None]:
        return atom.values[0]
    return atom


def _strip_annotations(args: ast.arguments) -> ast.arguments:
    new = ast.arguments(**{f: v for f, v in ast.iter_fields(args)})
    for field in ("posonlyargs", "args", "kwonlyargs"):
        setattr(new, field, [ast.copy_location(ast.arg(arg=a.arg), a) for a in getattr(args, field)])
    for field in ("vararg", "kwarg"):
        a = getattr(args, field)
        setattr(new, field, ast.copy_location(ast.arg(arg=a.arg), a) if a else None)
    return new


def to_statement_form(fn: ast.FunctionDef | ast.Lambda) -> ast.FunctionDef:
    """The function `fn` in statement form (a lambda becomes a def named `_pf_lambda...`).

    Its default values are dropped: they were evaluated where the function was defined, and
    the linker sets them on the function object.
    """
    flattener = Flattener()
    if isinstance(fn, ast.Lambda):
        ret = located(ast.Return(value=fn.body), fn.body)
        fn = located(ast.FunctionDef(name=LAMBDA + "0", args=fn.args, body=[ret], decorator_list=[],
                                      returns=None, type_comment=None), fn)
    args = ast.arguments(**{f: v for f, v in ast.iter_fields(fn.args)})
    args.defaults, args.kw_defaults = [], [None] * len(args.kwonlyargs)
    stmts = flattener.stmt_FunctionDef(ast.FunctionDef(
        name=fn.name, args=args, body=fn.body, decorator_list=[], returns=None, type_comment=None,
        lineno=fn.lineno, col_offset=fn.col_offset, end_lineno=fn.end_lineno,
        end_col_offset=fn.end_col_offset))
    (result,) = stmts
    return _unshared(result)


def _unshared(tree: ast.AST) -> ast.AST:
    """`tree` with each located node in one place only, copying any the rewrite reused.

    The rewrite may reuse an atom in two statements (a chained comparison's middle operand is
    the right of one comparison and the left of the next). Numbering gives every node its
    statement's id as its line, so a shared node would carry the later statement's id into the
    earlier one: a line event, and so a suspension, in the middle of a statement.
    """
    seen = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        for field, value in ast.iter_fields(node):
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if not isinstance(item, ast.AST):
                    continue
                if id(item) in seen and "lineno" in item._attributes:
                    item = copy.deepcopy(item)
                    if isinstance(value, list):
                        value[i] = item
                    else:
                        setattr(node, field, item)
                seen.add(id(item))
                stack.append(item)
    return tree
