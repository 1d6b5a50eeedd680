"""Resume code: "continue function f from statement s", generated from f's statement form.

Python has no goto, so resuming inside nested blocks rebuilds the path to s:
in each enclosing block, the statements before the one that holds s are
dropped; an `if` or `match` is replaced by the rest of its taken branch; a
`try` keeps its handlers and `finally` around the rest of its body; a loop
becomes a one-shot run of the rest of the current iteration followed by the
loop itself (the iterator is a named local, so `for` goes on where it was).
`break`/`continue` in that rest are redirected to match.

The frame's statement is the entry: run from its start (the frame was
stopped at a statement boundary), or — for a frame that was waiting on a
call — take the callee's value into the statement's target, or raise the
callee's exception there. Copied statements keep their ids as line numbers,
so a resumed frame can be suspended again and reads as the original function.
Every plain local of f is a local of the resume code too, restored from the
frame where it was bound and unbound where it was not (reading it is then
f's UnboundLocalError, not a NameError). Synthetic lines (restoring locals,
flags) are line 1, which is no statement.
"""
import ast
import copy
import enum
import functools
import types
from dataclasses import dataclass

from .statements import display_name, is_call, own_expressions
from .subset import local_names
from .tier0 import (MAKER, SYNTHETIC_LINE, CompiledUnit, cell_holder, inner_qualname, is_class_body,
                    synthetic as _synthetic)
STATE = "_pf_state"
VALUE = "_pf_value"
RESUME_FLAG = "_pf_resumeflag"
"""Resume code's flags (a resumed loop's first iteration) are named from this; each is bound by
the statement before its first read."""


class Entry(enum.Enum):
    START = "start"          # run the statement from its beginning
    VALUE = "value"          # the statement's call (or iterator, or delegate) gave VALUE
    RAISE = "raise"          # the statement's call (or iterator, or delegate) raised VALUE
    PAUSED = "paused"        # a generator paused at this yield: rebuild it paused there
    EXHAUSTED = "exhausted"  # the `for` statement's iterator is used up


def is_yield_from(s) -> bool:
    return isinstance(s, (ast.Assign, ast.Expr)) and isinstance(s.value, ast.YieldFrom)


_DELEGATION = """
while True:
    try:
        _pf_yfs = yield _pf_yfy
    except GeneratorExit:
        try:
            {delegate}.close()
        except AttributeError:
            pass
        raise
    except BaseException as _pf_yfx:
        try:
            _pf_yfy = {delegate}.throw(_pf_yfx)
        except _pf_StopIteration as _pf_yfe:
            {target} = _pf_yfe.value
            break
        continue
    try:
        if _pf_yfs is None:
            _pf_yfy = _pf_next({delegate})
        else:
            _pf_yfy = {delegate}.send(_pf_yfs)
    except _pf_StopIteration as _pf_yfe:
        {target} = _pf_yfe.value
        break
"""
"""PEP 380's expansion of `yield from`, for a generator resumed in the middle of one."""


@dataclass(frozen=True)
class ResumeKey:
    function: int          # statement id of the function's def (2 for the unit's own function)
    statement: int
    entry: Entry
    bound: frozenset       # plain locals bound at the suspension (unbound ones must stay unbound)


_NODES: dict = {}
"""Per unit: statement id -> statement-form node (the trace function asks at every line event)."""


def _nodes(unit: CompiledUnit) -> dict:
    nodes = _NODES.get(unit.code.co_filename)
    if nodes is None:
        nodes = _NODES[unit.code.co_filename] = {n.lineno: n for n in ast.walk(unit.ir)
                                                 if isinstance(n, (ast.stmt, ast.ExceptHandler))}
    return nodes


def function_node(unit: CompiledUnit, def_id: int) -> ast.FunctionDef | None:
    """The def (in the unit's statement form) whose statement id is `def_id`."""
    node = _nodes(unit).get(def_id)
    return node if isinstance(node, ast.FunctionDef) else None


def first_statement(fn: ast.FunctionDef) -> int:
    """The id of `fn`'s first statement of its own (after what tier 0 puts first, like the cell holder)."""
    return next(s.lineno for s in fn.body if s.lineno != SYNTHETIC_LINE)


def statement_node(unit: CompiledUnit, stmt_id: int) -> ast.stmt | None:
    """The statement-form node with id `stmt_id` in `unit`."""
    return _nodes(unit).get(stmt_id)


def _own_statements(fn: ast.FunctionDef):
    """Paths (lists of (node, field)) to each statement of `fn`, not entering nested defs."""
    def walk(block, path):
        for s in block:
            yield s, path
            if isinstance(s, (ast.FunctionDef, ast.ClassDef)):
                continue
            for name in ("body", "orelse", "finalbody"):
                yield from walk(getattr(s, name, None) or [], path + [(s, name)])
            for h in getattr(s, "handlers", None) or []:
                yield from walk(h.body, path + [(s, "handlers")])
            for case in getattr(s, "cases", None) or []:
                yield from walk(case.body, path + [(s, "cases")])
    yield from walk(fn.body, [])


@functools.lru_cache(maxsize=None)
def is_generator(fn: ast.FunctionDef) -> bool:
    """Whether `fn` itself yields. Only each statement's own expressions are looked at: a nested
    def (a generator expression's, say) may sit inside an `if` of `fn` and yields for itself."""
    for s, _ in _own_statements(fn):
        if not isinstance(s, ast.FunctionDef) and any(isinstance(n, (ast.Yield, ast.YieldFrom))
                                                      for n in own_expressions(s)):
            return True
    return False


@functools.lru_cache(maxsize=None)
def resumable(fn: ast.FunctionDef, stmt_id: int, waiting: bool) -> bool:
    """Whether a frame of `fn` stopped at `stmt_id` can be resumed (waiting: on a call there)."""
    if stmt_id == SYNTHETIC_LINE:
        return False
    for s, path in _own_statements(fn):
        if s.lineno == stmt_id:
            if any(name in ("handlers", "finalbody") for _, name in path):
                return False
            return is_call(s) or isinstance(s, ast.For) or is_yield_from(s) if waiting else True
    return False


class _Builder:
    def __init__(self, target: int, entry: Entry):
        self.target = target
        self.entry = entry
        self.flags = 0

    def block(self, stmts: list) -> list | None:
        """The rest of `stmts` from the target on, or None if the target is not inside."""
        for i, s in enumerate(stmts):
            if s.lineno == self.target:
                return self.entry_statements(s) + _copies(stmts[i + 1:])
            if s.lineno < self.target <= s.end_lineno and not isinstance(s, ast.FunctionDef):
                inner = self.compound(s)
                if inner is not None:
                    return inner + _copies(stmts[i + 1:])
        return None

    def entry_statements(self, s) -> list:
        if isinstance(s, ast.For) and self.entry is not Entry.START:
            return self.for_entry(s)
        if is_yield_from(s) and self.entry is not Entry.START:
            return self.yield_from_entry(s)
        if self.entry in (Entry.START, Entry.PAUSED):
            return [copy.deepcopy(s)]
        if self.entry is Entry.RAISE:
            raise_ = ast.Raise(exc=ast.Name(id=VALUE, ctx=ast.Load()), cause=None)
            return [ast.copy_location(raise_, s)]
        if isinstance(s, ast.Assign):
            value = ast.Assign(targets=copy.deepcopy(s.targets), value=ast.Name(id=VALUE, ctx=ast.Load()))
            return [ast.copy_location(value, s)]
        if isinstance(s, ast.Return):
            return [ast.copy_location(ast.Return(value=ast.Name(id=VALUE, ctx=ast.Load())), s)]
        return []

    def for_entry(self, s: ast.For) -> list:
        """The `for` loop's iterator gave VALUE (one more iteration), was used up, or raised."""
        if self.entry is Entry.EXHAUSTED:
            return copy.deepcopy(s.orelse)
        if self.entry is Entry.RAISE:
            return [ast.copy_location(ast.Raise(exc=ast.Name(id=VALUE, ctx=ast.Load()), cause=None), s)]
        take = ast.copy_location(ast.Assign(targets=[copy.deepcopy(s.target)],
                                            value=ast.Name(id=VALUE, ctx=ast.Load())), s)
        return self.loop(s, [take] + copy.deepcopy(s.body))

    def yield_from_entry(self, s) -> list:
        """Inside `yield from`: the delegate yielded VALUE, raised it, or the generator was paused."""
        target = ast.unparse(s.targets[0]) if isinstance(s, ast.Assign) else "_pf_yfr"
        delegate = ast.unparse(s.value.value)
        if self.entry is Entry.RAISE:
            text = (f"if isinstance({VALUE}, _pf_StopIteration):\n    {target} = {VALUE}.value\n"
                    f"else:\n    raise {VALUE}\n")
        else:
            first = VALUE if self.entry is Entry.VALUE else "None"
            text = f"_pf_yfy = {first}\n" + _DELEGATION.format(delegate=delegate, target=target)
        stmts = ast.parse(text).body
        for node in stmts:
            for n in ast.walk(node):
                if "lineno" in n._attributes:
                    n.lineno = n.end_lineno = s.lineno
                    n.col_offset = n.end_col_offset = 0
        return stmts

    def compound(self, s) -> list | None:
        if isinstance(s, ast.If):
            rest = self.block(s.body)
            return rest if rest is not None else self.block(s.orelse)
        if isinstance(s, ast.Match):
            for case in s.cases:
                rest = self.block(case.body)
                if rest is not None:
                    return rest
            return None
        if isinstance(s, (ast.Try, ast.TryStar)):
            # The re-entered `try` gets a synthetic line: stopping at its own line would read as
            # "start the whole try again", running what came before the entry twice.
            rest = self.block(s.body)
            if rest is not None:
                # Nothing may be left of the body (its last statement was a call that returned):
                # the `else` and `finally` still run.
                new = type(s)(body=rest or [_synthetic(ast.Pass())], handlers=copy.deepcopy(s.handlers),
                              orelse=copy.deepcopy(s.orelse), finalbody=copy.deepcopy(s.finalbody))
                return [_synthetic_header(new)]
            rest = self.block(s.orelse)
            if rest is not None and s.finalbody:
                new = ast.Try(body=rest, handlers=[], orelse=[], finalbody=copy.deepcopy(s.finalbody))
                return [_synthetic_header(new)]
            return rest
        if isinstance(s, (ast.For, ast.While)):
            rest = self.block(s.orelse)
            if rest is not None:
                return rest
            rest = self.block(s.body)
            if rest is None:
                return None
            return self.loop(s, rest)
        return None

    def loop(self, s, rest: list) -> list:
        """The rest of this iteration, once, then the loop itself unless the rest broke out."""
        self.flags += 1
        flag = f"{RESUME_FLAG}{self.flags}"
        leave = _synthetic(ast.Break())
        once = _synthetic(ast.While(test=ast.Constant(True), body=[], orelse=[]))
        once.body = _redirect(rest, flag) + [leave]
        again = _synthetic(ast.If(test=ast.Name(id=flag, ctx=ast.Load()), body=[], orelse=[]))
        again.body = [copy.deepcopy(s)]
        start = ast.Assign(targets=[ast.Name(id=flag, ctx=ast.Store())], value=ast.Constant(True))
        return [_synthetic(start), once, again]


def _copies(stmts: list) -> list:
    """Copies of the statements after the entry: copied only once the entry is found, so building
    resume code costs the size of the function, not its square."""
    return [copy.deepcopy(s) for s in stmts]


def _redirect(stmts: list, flag: str) -> list:
    """Rewrite `break` (clear flag, leave) and `continue` (leave) that bind to the loop being resumed."""
    out = []
    for s in stmts:
        if isinstance(s, ast.Break):
            clear = ast.Assign(targets=[ast.Name(id=flag, ctx=ast.Store())], value=ast.Constant(False))
            out.extend([ast.copy_location(clear, s), ast.copy_location(ast.Break(), s)])
        elif isinstance(s, ast.Continue):
            out.append(ast.copy_location(ast.Break(), s))
        elif isinstance(s, (ast.For, ast.While, ast.FunctionDef)):
            out.append(s)
        else:
            for name in ("body", "orelse", "finalbody"):
                if isinstance(getattr(s, name, None), list):
                    setattr(s, name, _redirect(getattr(s, name), flag))
            for h in getattr(s, "handlers", None) or []:
                h.body = _redirect(h.body, flag)
            for case in getattr(s, "cases", None) or []:
                case.body = _redirect(case.body, flag)
            out.append(s)
    return out


def _rename(code: types.CodeType, qualname: str) -> types.CodeType:
    """Nested functions of resume code get the names and qualnames the original ones have."""
    consts = []
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            name = display_name(c.co_name)
            inner = inner_qualname(code, qualname, name)
            c = _rename(c, inner).replace(co_name=name, co_qualname=inner)
        elif is_class_body(code) and c == code.co_qualname:
            c = qualname
        consts.append(c)
    return code.replace(co_consts=tuple(consts))


def rest_of(unit: CompiledUnit, key: ResumeKey) -> list:
    """The statements that continue `key`'s function from its statement (what resume code runs after
    restoring the locals; the JIT compiles them for on-stack entry)."""
    rest = _Builder(key.statement, key.entry).block(function_node(unit, key.function).body)
    if rest is None:
        raise LookupError(f"statement {key.statement} is not in the function at {key.function}")
    return rest


def build_resume_code(unit: CompiledUnit, key: ResumeKey, name: str, qualname: str,
                      closure_names: tuple) -> types.CodeType:
    """The code of `_pf_resume(_pf_state, _pf_value)`, a closure over `closure_names` (the frame's cells)."""
    fn = function_node(unit, key.function)
    rest = _Builder(key.statement, key.entry).block(fn.body)
    if rest is None:
        raise LookupError(f"statement {key.statement} is not in the function at {key.function}")
    restore = [_synthetic(ast.Assign(
        targets=[ast.Name(id=n, ctx=ast.Store())],
        value=ast.Subscript(value=ast.Name(id=STATE, ctx=ast.Load()), slice=ast.Constant(n), ctx=ast.Load())))
        for n in sorted(key.bound)]
    args = ast.arguments(posonlyargs=[], args=[ast.arg(arg=STATE), ast.arg(arg=VALUE)], vararg=None,
                         kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
    preamble = [_synthetic(ast.Nonlocal(names=list(closure_names)))] if closure_names else []
    preamble += _declare_locals(fn, closure_names)
    if closure_names:
        preamble.append(cell_holder(closure_names))
    if is_generator(fn):
        rest.append(_synthetic(ast.If(test=ast.Constant(False), body=[ast.Expr(value=ast.Yield(value=None))],
                                      orelse=[])))
    if closure_names:
        rest = [_ComprehensionCells(closure_names).visit(s) for s in rest]
    resume = ast.FunctionDef(name="_pf_resume", args=args, body=preamble + restore + rest, decorator_list=[],
                             returns=None, type_comment=None)
    _synthetic_header(resume)
    maker_args = ast.arguments(posonlyargs=[], args=[ast.arg(arg=n) for n in closure_names], vararg=None,
                               kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
    ret = ast.Return(value=ast.Name(id="_pf_resume", ctx=ast.Load()))
    maker = ast.FunctionDef(name=MAKER, args=maker_args, body=[resume, _synthetic(ret)], decorator_list=[],
                            returns=None, type_comment=None)
    _synthetic_header(maker)
    module = ast.Module(body=[maker], type_ignores=[])
    ast.fix_missing_locations(module)
    _fix_ranges(module)
    module_code = compile(module, unit.code.co_filename, "exec", dont_inherit=True)
    maker_code = next(c for c in module_code.co_consts if isinstance(c, types.CodeType))
    code = next(c for c in maker_code.co_consts if isinstance(c, types.CodeType) and c.co_name == "_pf_resume")
    return _rename(code, qualname).replace(co_name=name, co_qualname=qualname)


class _ComprehensionCells(ast.NodeTransformer):
    """Rename a comprehension's variables that share a name with one of the frame's cells.

    In resume code the frame's cells are free variables, where in the original
    function they were its own; CPython 3.12.1 and 3.13.0 then compile a
    comprehension inlined in the function (PEP 709) wrongly when its variable has
    the name of a free variable and a lambda in it captures that variable: the
    lambda gets the function's cell, not the comprehension's (`[lambda: i for i in
    r]` with `nonlocal i`). A fresh name inside the comprehension's own scope
    means the same and compiles right. Nested defs and lambdas keep their scopes.
    """

    def __init__(self, cells):
        self.cells = set(cells)

    def visit_FunctionDef(self, node):
        return node

    def visit_Lambda(self, node):
        return node

    def visit_comprehension_scope(self, node):
        bound = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
        clash = bound & self.cells
        outer = {id(n) for n in ast.walk(node.generators[0].iter)}   # evaluated in the function's scope
        inner = [n for n in ast.walk(node) if id(n) not in outer]
        if not clash or any(isinstance(n, ast.arg) and n.arg in clash for n in inner):
            return node
        for n in inner:
            if isinstance(n, ast.Name) and n.id in clash:
                n.id = f"_pf_comp_{n.id}"
        return node

    visit_ListComp = visit_SetComp = visit_DictComp = visit_comprehension_scope


def _declare_locals(fn: ast.FunctionDef, closure_names: tuple) -> list:
    """`if False: a = b = ... = None` over every plain local of `fn`: each stays a local of the
    resume code, so one unbound at the suspension is an UnboundLocalError when read, as in `fn`,
    not a global looked up (NameError) because the rest of `fn` happens never to assign it."""
    names = _plain_locals(fn, closure_names)
    if not names:
        return []
    declare = ast.Assign(targets=[ast.Name(id=n, ctx=ast.Store()) for n in names], value=ast.Constant(None))
    return [_synthetic(ast.If(test=ast.Constant(False), body=[declare], orelse=[]))]


@functools.lru_cache(maxsize=None)
def _plain_locals(fn: ast.FunctionDef, closure_names: tuple) -> list:
    """`fn`'s locals that are not cells, sorted; looked up once per function, not at every suspension."""
    cells = set(closure_names) | {n for s, _ in _own_statements(fn) if isinstance(s, ast.Nonlocal) for n in s.names}
    return sorted(local_names(fn) - cells)


def _synthetic_header(node):
    """Put `node` itself (a def, a try) on the synthetic line; its body keeps its statement ids."""
    node.lineno = SYNTHETIC_LINE
    node.col_offset = node.end_col_offset = 0
    for n in ast.walk(node.args) if isinstance(node, ast.FunctionDef) else ():
        if "lineno" in n._attributes:
            n.lineno = n.end_lineno = SYNTHETIC_LINE
            n.col_offset = n.end_col_offset = 0
    return node


def _fix_ranges(node: ast.AST) -> int:
    """Make every node's end line at least its start and its children's (compile checks ranges)."""
    last = getattr(node, "lineno", 0)
    for child in ast.iter_child_nodes(node):
        last = max(last, _fix_ranges(child))
    if "end_lineno" in node._attributes:
        node.end_lineno = max(last, node.lineno)
        if node.end_lineno == node.lineno and (node.end_col_offset or 0) < (node.col_offset or 0):
            node.end_col_offset = node.col_offset
    return last

