"""Comprehensions and generator expressions in the statement form.

A comprehension that calls user code becomes an explicit loop in the enclosing
function, over renamed variables so nothing leaks; every generator expression
becomes a nested generator function. Either way each item's work is a run of
statements a suspension can stop between. A comprehension holding a lambda or
a generator expression keeps its own scope (late binding would differ) and
only its first iterable, which Python evaluates outside, is flattened.

`sum`, `any`, `all`, `min` and `max` of a generator expression become a loop
in the enclosing function too, around the generator's function. From 3.12 on CPython's
`sum` compensates float rounding: the loop then adds through the VM's own
steps (vm/prelude.py), and before 3.12 through `+`, which is exactly
CPython's `sum` there.

The statements of an inlined comprehension remember it (`pf_scope`), so a
traceback can show the comprehension's frame where CPython 3.11 has one.
"""
import ast
import copy
import struct
import sys

from .astutil import (ABS_BUILTIN, FLOAT_TYPE, GENEXPR, INT_TYPE, ITER_BUILTIN, ITERATOR, NESTED_SCOPES, SUM_ADD,
                      SUM_START, SUM_TOTAL, TYPE_BUILTIN, calls_inside, located, var, walrus_targets)

COMPENSATED_SUM = sys.version_info >= (3, 12)
"""Whether the running CPython's `sum` carries a Neumaier compensation for floats (gh-100425)."""
LONG_MAX = 2 ** (8 * struct.calcsize("l") - 1) - 1
"""The largest C long: CPython's `sum` adds ints in a C long while the items and the total fit one."""
LONG_MIN = -LONG_MAX - 1


class ComprehensionRewrites:
    """The comprehension handlers of `anf.Flattener` (a mixin: it uses the flattener's methods)."""

    def _comprehension_first_iter(self, e):
        """Flatten only the first iterable, which Python evaluates in the enclosing scope."""
        pre, first = self.expr(e.generators[0].iter)
        gens = [ast.comprehension(target=g.target, iter=g.iter, ifs=g.ifs, is_async=0)
                for g in e.generators]
        gens[0].iter = first
        new = type(e)(**{f: v for f, v in ast.iter_fields(e)})
        new.generators = gens
        return pre, ast.copy_location(new, e)

    def _comprehension_inlinable(self, e) -> bool:
        inner = [n for n in ast.walk(e) if n is not e and isinstance(n, NESTED_SCOPES)]
        if any(not isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp)) for n in inner):
            return False
        if any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "super" and not n.args
               for n in ast.walk(e)):
            return False   # zero-argument super() fails in a comprehension's own scope, as in CPython
        if isinstance(e, ast.GeneratorExp):
            return True
        body = [e.generators[0].ifs, e.generators[1:], [getattr(e, f) for f in ("elt", "key", "value")
                                                         if hasattr(e, f)]]
        return any(calls_inside(n) for group in body for n in group)

    def _comprehension_loop(self, e):
        if not self._comprehension_inlinable(e):
            return self._comprehension_first_iter(e)
        renames = {}
        for g in e.generators:
            for n in ast.walk(g.target):
                if isinstance(n, ast.Name):
                    renames.setdefault(n.id, self.temp(f"_pf_c{n.id}_"))
        first_iter = e.generators[0].iter
        e = _Renamer(renames).visit(copy.deepcopy(e))
        e.generators[0].iter = first_iter
        result = self.temp()
        empty = {ast.ListComp: ast.List(elts=[], ctx=ast.Load()),
                 ast.SetComp: ast.Set(elts=[ast.Starred(value=ast.Tuple(elts=[], ctx=ast.Load()),
                                                        ctx=ast.Load())]),
                 ast.DictComp: ast.Dict(keys=[], values=[])}[type(e)]
        pre = [self.assign(result, empty, e)]
        inner = self._comprehension_body(e, result)
        for g in reversed(e.generators):
            for cond in reversed(g.ifs):
                inner = self._if_stmts(cond, inner, e)
            inner = self.stmt_For(located(ast.For(target=g.target, iter=g.iter, body=inner, orelse=[],
                                                   type_comment=None), e), flatten_body=False)
        scope = ({ast.ListComp: "<listcomp>", ast.SetComp: "<setcomp>", ast.DictComp: "<dictcomp>"}[type(e)],
                 e.lineno)
        for loop in inner:
            if isinstance(loop, ast.For):
                for node in ast.walk(loop):
                    if isinstance(node, (ast.stmt, ast.ExceptHandler)):
                        node.pf_scope = (scope,) + getattr(node, "pf_scope", ())
        pre.extend(inner)
        return pre, var(result)

    def _comprehension_body(self, e, result) -> list:
        if isinstance(e, ast.DictComp):
            body, (k, v) = self.sequence([e.key, e.value], e)
            target = ast.Subscript(value=var(result), slice=k, ctx=ast.Store())
            body.append(located(ast.Assign(targets=[target], value=v), e))
            return body
        body, elt = self.expr(e.elt)
        method = "append" if isinstance(e, ast.ListComp) else "add"
        call = ast.Call(func=ast.Attribute(value=var(result), attr=method, ctx=ast.Load()),
                        args=[elt], keywords=[])
        body.append(located(ast.Expr(value=call), e))
        return body

    def _if_stmts(self, cond, body, origin) -> list:
        pre, test = self.expr(cond)
        pre.append(located(ast.If(test=test, body=body, orelse=[]), origin))
        return pre

    expr_ListComp = expr_SetComp = expr_DictComp = _comprehension_loop

    def reduction_loop(self, e):
        """`sum(g)`, `any(g)`, `all(g)`, `min(g)`, `max(g)` of a generator expression, as a loop in this
        frame: the VM's own versions (vm/prelude.py) without the cost of calling them. `min` keeps the
        first of equal items and compares as CPython's does (`item < best`; `max`: `item > best`); of
        no items, it calls the C builtin with none, which raises the running version's own error."""
        pre, gen = self.expr(e.args[0])
        result, item = self.temp(), self.temp()
        reduction = e.func.id
        after = []
        if reduction in ("_pf_min", "_pf_max"):
            empty = self.temp()
            pre.append(self.assign(empty, ast.Constant(True), e))
            better = ast.Compare(left=var(item), ops=[ast.Lt() if reduction == "_pf_min" else ast.Gt()],
                                 comparators=[var(result)])
            body = [located(ast.If(test=var(empty), body=[self.assign(result, var(item), e),
                                                          self.assign(empty, ast.Constant(False), e)],
                                   orelse=[located(ast.If(test=better, body=[self.assign(result, var(item), e)],
                                                          orelse=[]), e)]), e)]
            none = ast.Call(func=var(reduction), args=[ast.Tuple(elts=[], ctx=ast.Load())], keywords=[])
            after = self._if_stmts(var(empty), [self.assign(result, none, e)], e)
        elif reduction == "_pf_sum" and COMPENSATED_SUM:
            state = self.temp()
            pre.append(_assign_pair(result, state, _step(SUM_START, ast.Constant(0)), e))
            body = [_compensated_add(result, state, item, self.temp(), e)]
            after = [self.assign(result, _step(SUM_TOTAL, var(result), var(state)), e)]
        elif reduction == "_pf_sum":
            pre.append(self.assign(result, ast.Constant(0), e))
            body = [self.assign(result, ast.BinOp(left=var(result), op=ast.Add(), right=var(item)), e)]
        else:
            pre.append(self.assign(result, ast.Constant(reduction == "_pf_all"), e))
            test = var(item) if reduction == "_pf_any" else ast.UnaryOp(op=ast.Not(), operand=var(item))
            body = [located(ast.If(test=test, body=[self.assign(result, ast.Constant(reduction == "_pf_any"), e),
                                                    located(ast.Break(), e)], orelse=[]), e)]
        loop = located(ast.For(target=var(item, ast.Store()), iter=gen, body=body, orelse=[], type_comment=None), e)
        pre.extend(self.stmt_For(loop, flatten_body=False))
        pre.extend(after)
        return pre, var(result)

    def expr_GeneratorExp(self, e):
        if getattr(e, "pf_native", False) or not self._comprehension_inlinable(e):
            return self._comprehension_first_iter(e)
        name = self.temp(GENEXPR)
        arg = self.temp(ITERATOR)
        body = [located(ast.Expr(value=ast.Yield(value=e.elt)), e)]
        gens = e.generators
        for i, g in reversed(list(enumerate(gens))):
            for cond in reversed(g.ifs):
                body = [located(ast.If(test=cond, body=body, orelse=[]), e)]
            source = var(arg) if i == 0 else g.iter
            body = [located(ast.For(target=g.target, iter=source, body=body, orelse=[], type_comment=None), e)]
        args = ast.arguments(posonlyargs=[ast.arg(arg=arg)], args=[], vararg=None, kwonlyargs=[],
                             kw_defaults=[], kwarg=None, defaults=[])
        pre = []
        walrus = sorted(walrus_targets([e]))
        if walrus:
            # A walrus in a generator expression binds in the enclosing function: declare the
            # names there (without binding them) and share them with the generator.
            declare = [located(ast.Assign(targets=[var(n, ast.Store())], value=ast.Constant(None)), e)
                       for n in walrus]
            pre.append(located(ast.If(test=ast.Constant(False), body=declare, orelse=[]), e))
            body.insert(0, located(ast.Nonlocal(names=walrus), e))
        fn = located(ast.FunctionDef(name=name, args=args, body=body, decorator_list=[], returns=None,
                                      type_comment=None), e)
        pre.extend(self.stmt_FunctionDef(fn))
        first_pre, first = self.expr(gens[0].iter)
        pre.extend(first_pre)
        it = self.hoist(pre, located(ast.Call(func=var(ITER_BUILTIN), args=[first], keywords=[]), e), e)
        t = self.temp()
        pre.append(self.assign(t, located(ast.Call(func=var(name), args=[it], keywords=[]), e), e))
        return pre, var(t)


def _step(name: str, *args: ast.expr) -> ast.Call:
    """A call of one of the VM's sum steps: atomic, like the `+` it stands for (never forked, and a
    suspension waits until it returns)."""
    call = ast.Call(func=var(name), args=list(args), keywords=[])
    call.pf_atomic = True
    return call


def _compensated_add(total: str, state: str, item: str, scratch: str, origin) -> ast.stmt:
    """One item of a 3.12+ `sum`, as `_pf_sum_add` computes it, with the common steps inline: while the
    state is False (ints in a C long, where `+` is what CPython's sum does) and the item keeps it so;
    a float added to a float total (Neumaier's step); and once the state is None (objects, plain
    `+`). Anything else steps through `_pf_sum_add`. The call costs about three times the tests.

        if state is False and _pf_type(item) is _pf_int and LONG_MIN <= item <= LONG_MAX
                and LONG_MIN <= total + item <= LONG_MAX:
            total = total + item
        elif _pf_type(item) is _pf_float and _pf_type(state) is _pf_float:
            scratch = total + item
            if _pf_abs(total) >= _pf_abs(item):
                state = state + ((total - scratch) + item)
            else:
                state = state + ((item - scratch) + total)
            total = scratch
        elif state is None:
            total = total + item
        else:
            total, state = _pf_sum_add(total, state, item)
    """
    def in_long(value):
        return ast.Compare(left=ast.Constant(LONG_MIN), ops=[ast.LtE(), ast.LtE()],
                           comparators=[value, ast.Constant(LONG_MAX)])

    def is_type(value, type_name):   # the VM's names for them: the user may have a `type` or a `float`
        return ast.Compare(left=_step(TYPE_BUILTIN, value), ops=[ast.Is()], comparators=[var(type_name)])

    def add(left, right):
        return ast.BinOp(left=left, op=ast.Add(), right=right)

    def assign(name, value):
        return located(ast.Assign(targets=[var(name, ast.Store())], value=value), origin)

    fits = ast.BoolOp(op=ast.And(), values=[
        ast.Compare(left=var(state), ops=[ast.Is()], comparators=[ast.Constant(False)]),
        is_type(var(item), INT_TYPE), in_long(var(item)), in_long(add(var(total), var(item)))])
    floats = ast.BoolOp(op=ast.And(), values=[is_type(var(item), FLOAT_TYPE), is_type(var(state), FLOAT_TYPE)])
    larger_total = ast.Compare(left=_step(ABS_BUILTIN, var(total)), ops=[ast.GtE()],
                               comparators=[_step(ABS_BUILTIN, var(item))])
    neumaier = [assign(scratch, add(var(total), var(item))),
                located(ast.If(test=larger_total,
                               body=[assign(state, add(var(state), add(ast.BinOp(
                                   left=var(total), op=ast.Sub(), right=var(scratch)), var(item))))],
                               orelse=[assign(state, add(var(state), add(ast.BinOp(
                                   left=var(item), op=ast.Sub(), right=var(scratch)), var(total))))]), origin),
                assign(total, var(scratch))]
    step = _assign_pair(total, state, _step(SUM_ADD, var(total), var(state), var(item)), origin)
    objects = ast.If(test=ast.Compare(left=var(state), ops=[ast.Is()], comparators=[ast.Constant(None)]),
                     body=[assign(total, add(var(total), var(item)))], orelse=[step])
    float_step = ast.If(test=floats, body=neumaier, orelse=[located(objects, origin)])
    return located(ast.If(test=fits, body=[assign(total, add(var(total), var(item)))],
                          orelse=[located(float_step, origin)]), origin)


def _assign_pair(first: str, second: str, value: ast.expr, origin) -> ast.stmt:
    """`first, second = value`."""
    pair = ast.Tuple(elts=[var(first, ast.Store()), var(second, ast.Store())], ctx=ast.Store())
    return located(ast.Assign(targets=[pair], value=value), origin)


def inlined_reduction(call: ast.Call) -> bool:
    """A routed `sum`/`any`/`all`/`min`/`max` of just a generator expression (compiler/routing.py)."""
    return isinstance(call.func, ast.Name) and call.func.id in ("_pf_sum", "_pf_any", "_pf_all", "_pf_min", "_pf_max") \
        and len(call.args) == 1 and not call.keywords and isinstance(call.args[0], ast.GeneratorExp)


class _Renamer(ast.NodeTransformer):
    def __init__(self, renames):
        self.renames = renames

    def visit_Name(self, node):
        if node.id in self.renames:
            return ast.copy_location(ast.Name(id=self.renames[node.id], ctx=node.ctx), node)
        return node
