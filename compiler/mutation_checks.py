"""Repeated mutation checks: drop a check that an earlier statement of the same block already made.

linker.check_mutation's answer depends on the object alone (whether it came from outside the
computation, its type, the array it views) and on the site's kind (an attribute store or not), never
on when it runs: FOREIGN holds the same objects from the computation's start to its end, across a
suspension too (the continuation carries them, vm/suspend.py). So an object that passed a check
passes it again, and n-body's `v1[0] -= ...; v1[1] -= ...; v1[2] -= ...` needs one check of `v1`, not
three.

Within one statement list the pass follows which object each local name holds: a copy `t = v`
gives `t` the object `v` holds, any other binding of a name gives it another. A check (a statement
compiler/anf.py marked `pf_mutation_check`) of an object an earlier check of the list passed, at a
site of the same kind, goes. Only names that no other code can rebind are followed: the function's
own locals that no nested scope mentions and no `global` or `nonlocal` statement names. A nested
block (a loop's body, an `if`'s) starts knowing nothing: a loop's body runs again after the end of
the body rebound its names. Statements run in order within a list, so a later statement runs only
after the earlier check passed, in this process or, resumed, in an earlier one.
"""
import ast
import itertools

from .astutil import NESTED_SCOPES
from .subset import local_names

_BLOCKS = ("body", "orelse", "finalbody")


def drop_repeated_checks(fn: ast.FunctionDef) -> ast.FunctionDef:
    """`fn` (in statement form), each of its functions without the checks an earlier one made; in place."""
    _blocks(fn.body, _followed_names(fn))
    return fn


def _followed_names(fn: ast.FunctionDef) -> set[str]:
    """`fn`'s locals that only its own statements bind."""
    shared = set()
    for node in _own_scope(fn):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            shared.update(node.names)
        elif isinstance(node, NESTED_SCOPES + (ast.ClassDef,)):
            shared.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name))
            shared.update(name for n in ast.walk(node) if isinstance(n, ast.Nonlocal) for name in n.names)
    return local_names(fn) - shared


def _own_scope(fn: ast.FunctionDef):
    """The nodes of `fn`'s scope, a nested scope yielded whole but not entered."""
    stack = list(fn.body)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, NESTED_SCOPES + (ast.ClassDef,)):
            stack.extend(ast.iter_child_nodes(node))


def _blocks(stmts: list, followed: set[str]):
    """Drop the repeated checks of `stmts` and of the blocks inside them; a nested def is a scope of its own."""
    _block(stmts, followed)
    for s in stmts:
        if isinstance(s, ast.FunctionDef):
            drop_repeated_checks(s)
        elif isinstance(s, ast.ClassDef):
            for method in s.body:
                if isinstance(method, ast.FunctionDef):
                    drop_repeated_checks(method)
        else:
            for part in [getattr(s, name, None) or [] for name in _BLOCKS] + \
                    [h.body for h in getattr(s, "handlers", None) or []] + \
                    [c.body for c in getattr(s, "cases", None) or []]:
                _blocks(part, followed)


def _block(stmts: list, followed: set[str]):
    """Drop the checks of `stmts` (one list) that an earlier statement of it made."""
    objects = itertools.count()
    holds: dict[str, int] = {}
    """Name -> the object it holds, as a number."""
    passed: set[tuple[int, str]] = set()
    """(object, site kind) of the checks made so far."""
    kept = []
    for s in stmts:
        check = getattr(s, "pf_mutation_check", None)
        if check is not None and check[0] in followed:
            name, site = check
            made = (holds.setdefault(name, next(objects)), site)
            if made in passed:
                continue
            passed.add(made)
        elif _copy(s, followed):
            (target,), source = s.targets, s.value.id
            holds[target.id] = holds.setdefault(source, next(objects))
        else:
            for name in _bound(s):
                holds.pop(name, None)
        kept.append(s)
    stmts[:] = kept


def _copy(s: ast.stmt, followed: set[str]) -> bool:
    """`t = v`, both followed names."""
    return isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) \
        and s.targets[0].id in followed and isinstance(s.value, ast.Name) and s.value.id in followed


def _bound(s: ast.stmt) -> set[str]:
    """The names `s`, or a block inside it, may bind or delete."""
    names = set()
    for node in ast.walk(s):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
    return names
