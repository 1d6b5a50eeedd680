"""Set displays of constants that keep CPython's order through the code cache.

CPython folds `{3, 1, 2}` into a frozenset constant, which BUILD_SET copies at
run time, so the set's order is the folded frozenset's. Marshal (a .pyc, or
pyfora's code cache, compiler/code_cache.py) writes a frozenset's elements
sorted, and reading them back builds a frozenset whose order can differ where
hashes collide (`{-1, -2}`: both hash to -2; `{0, 8, 16}` in one small table).
So the statement form writes such a display as `{*_pf_frozenset((3, 1, 2))}`:
the tuple survives marshal as it is, and the frozenset made from it at run time
is the one the compiler would have folded, giving the order of the user's own
code object compiled from source. Displays that are right operands of `in` and
`not in` stay as they are: CPython tests membership in the frozenset, and order
cannot show there.
"""
import ast

from .astutil import FROZENSET_BUILTIN, located, var


def keep_set_orders(tree: ast.AST) -> ast.AST:
    """`tree` with every set display of constants (not tested for membership) rewritten so."""
    membership = {id(c) for node in ast.walk(tree) if isinstance(node, ast.Compare)
                  for op, c in zip(node.ops, node.comparators) if isinstance(op, (ast.In, ast.NotIn))}
    return _Rewrite(membership).visit(tree)


class _Rewrite(ast.NodeTransformer):
    def __init__(self, membership: set):
        self.membership = membership

    def visit_Set(self, node: ast.Set) -> ast.AST:
        self.generic_visit(node)
        if id(node) in self.membership or not all(_constant(e) for e in node.elts):
            return node
        frozen = ast.Call(func=var(FROZENSET_BUILTIN), args=[ast.Tuple(elts=node.elts, ctx=ast.Load())], keywords=[])
        return located(ast.Set(elts=[ast.Starred(value=frozen, ctx=ast.Load())]), node)


def _constant(node: ast.expr) -> bool:
    """Whether CPython folds `node` to a constant (a literal, or a sign applied to a number)."""
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return not isinstance(node, (ast.Set, ast.Dict, ast.List))
