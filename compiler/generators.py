"""Yields in the statement form.

A yield is a statement of its own whose operand is an atom, and `yield from`
delegates to an iterator held in a local, so a suspension can capture it.
A generator rebuilt paused at a yield runs that yield statement again
(compiler/resume.py), so its operand must be free of effects: anything but a
name or a constant (a walrus as in `(total := total + abs(v) for v in xs)`,
an operator that may run a user's `__add__`) is evaluated first, into a
temporary, and the yield sends the temporary.
"""
import ast

from .astutil import ITER_BUILTIN, ITERATOR, located, var


class YieldRewrites:
    """The yield handlers of `anf.Flattener` (a mixin: it uses the flattener's methods)."""

    def yield_operand(self, value: ast.expr | None) -> tuple[list, ast.expr | None]:
        """(statements to run first, an atom without effects for the yield to send)."""
        if value is None:
            return [], None
        pre, atom = self.expr(value)
        if not isinstance(atom, (ast.Name, ast.Constant)):
            atom = self.hoist(pre, atom, value)
        return pre, atom

    def expr_Yield(self, e):
        pre, atom = self.yield_operand(e.value)
        t = self.temp()
        pre.append(self.assign(t, ast.copy_location(ast.Yield(value=atom), e), e))
        return pre, var(t)

    def expr_YieldFrom(self, e):
        pre, value = self.expr(e.value)
        delegate = self.delegate(pre, value, e)
        t = self.temp()
        pre.append(self.assign(t, ast.copy_location(ast.YieldFrom(value=delegate), e), e))
        return pre, var(t)

    def stmt_yield(self, s: ast.Expr) -> list:
        """`yield x` or `yield from x` as a statement of its own (its value unused)."""
        v = s.value
        if isinstance(v, ast.YieldFrom):
            pre, atom = self.expr(v.value)
            atom = self.delegate(pre, atom, v)
        else:
            pre, atom = self.yield_operand(v.value)
        pre.append(ast.copy_location(ast.Expr(value=ast.copy_location(type(v)(value=atom), v)), s))
        return pre

    def delegate(self, pre: list, value: ast.expr, origin) -> ast.Name:
        """`yield from X` delegates to iter(X): held in a local, so a suspension can capture it."""
        it = self.temp(ITERATOR)
        pre.append(self.assign(it, located(ast.Call(func=var(ITER_BUILTIN), args=[value], keywords=[]),
                                            origin), origin))
        return var(it)
