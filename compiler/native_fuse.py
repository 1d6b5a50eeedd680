"""Generator expressions consumed by a loop, fused into that loop for native code.

The statement form turns `sum(is_prime(x) for x in range(n))` into a nested
generator function and a loop in the caller that consumes it
(compiler/comprehensions.py):

    G = _pf_genexprN(S)           # S: the iterator over the first iterable
    ...
    I = _pf_iter(G)
    G = None
    for T in I:
        <consumer>
    I = None

Native code cannot hold a generator, so before inference the piece is
rewritten with the generator's loop in place of the consumer's: `for X in S:
<the generator's body, its `yield V` replaced by `T = V` and the consumer>`,
the generator's own names renamed apart. Only a generator of one loop whose
`yield` is the last thing an item does is fused (a filter's `if` may enclose
it); anything else is left as it is, and does not compile.

Leaving native code in the middle (`Fusion.hand_over`) rebuilds what tier 0
would hold there: the consumer's iterator is a fresh generator of the same
function over S where S is; a statement of the generator's body left from
goes back to the consumer's `for`, with S stepped back one item (the engine
does that in the slots), so tier 0 makes that item again. The generator's
body has no effects (native code has none), so making an item twice is
exact.
"""
import ast
import copy
import functools
import types
from dataclasses import dataclass

from .astutil import GENEXPR, ITER_BUILTIN

PREFIX = "_pf_fused"
"""What the generator's names are renamed to begin with in the fused loop."""


@dataclass(frozen=True)
class Fusion:
    """One generator fused into its consumer's loop: the names and statement ids leaving needs."""
    loop: int                # the consumer's `for`
    maker: str               # the local the generator function is bound to
    maker_line: int          # its def's id
    made: str                # G
    source: str              # S
    consumer: str            # I
    generator_ids: frozenset
    consumer_ids: frozenset  # the consumer's body
    between_ids: frozenset   # after G is made, before the loop takes it
    renamed: frozenset
    yield_id: int
    iterator: str            # the generator's own name for S
    closes_over: bool        # whether the generator reads the caller's locals (through cells)

    def hand_over(self, statement: int, changed: dict, make) -> int:
        """Where tier 0 goes on from `statement`, `changed` made to hold what it holds there (`make(line)`
        makes the generator function defined at `line`, where `changed` holds none)."""
        for name in self.renamed:
            changed.pop(name, None)
        function = self._function(changed, make)    # bound early where its def has not run: it is the same
        if statement in self.generator_ids:
            statement = self.loop
        changed.pop(self.consumer, None)
        changed.pop(self.made, None)
        if statement == self.loop or statement in self.consumer_ids:
            changed[self.consumer] = function(changed[self.source])
        elif statement in self.between_ids:
            changed[self.made] = function(changed[self.source])
        return statement

    def _function(self, changed: dict, make):
        function = changed.get(self.maker)
        if not isinstance(function, types.FunctionType):
            function = changed[self.maker] = make(self.maker_line)
        return function

    def fits(self, values: dict) -> bool:
        """Whether an entry with `values` may run the fused loop: the consumer's iterator, where bound,
        is a generator of this function paused at its `yield`, over S itself."""
        generator = values.get(self.consumer)
        if generator is None:
            return True
        frame = getattr(generator, "gi_frame", None)
        maker = values.get(self.maker)
        return (frame is not None and isinstance(maker, types.FunctionType) and generator.gi_code is maker.__code__
                and frame.f_lineno == self.yield_id and self.source in values
                and frame.f_locals.get(self.iterator) is values[self.source])


@dataclass(frozen=True)
class _Pattern:
    fusion: Fusion
    loop_node: ast.For        # the generator's `for X in IT`, renamed
    statements: frozenset     # ids of (b), (d), (e) and `I = None`, left out of the fused piece


def _call_of(node, name: str | None = None) -> ast.Call | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 \
            and not node.keywords and isinstance(node.args[0], ast.Name) and (name is None or node.func.id == name):
        return node
    return None


def _assigns(s, value_test) -> str | None:
    if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) \
            and value_test(s.value):
        return s.targets[0].id
    return None


def _is_none(node) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _blocks(statements: list):
    """Each block of statements, nested ones included (not those of nested defs)."""
    yield statements
    for s in statements:
        if isinstance(s, (ast.FunctionDef, ast.ClassDef)):
            continue
        for name in ("body", "orelse", "finalbody"):
            inner = getattr(s, name, None)
            if inner:
                yield from _blocks(inner)
        for h in getattr(s, "handlers", None) or []:
            yield from _blocks(h.body)


def _ids(statements: list) -> frozenset:
    return frozenset(n.lineno for s in statements for n in ast.walk(s) if isinstance(n, ast.stmt))


def _generator_shape(fn: ast.FunctionDef):
    """(its `for`, its `yield` statement, its iterator's name) where `fn` is a generator of one loop that yields last in
    each item; else None."""
    if len(fn.args.posonlyargs) + len(fn.args.args) != 1 or len(fn.body) != 3:
        return None
    first, loop, last = fn.body
    param = (fn.args.posonlyargs + fn.args.args)[0].arg
    iterator = _assigns(first, lambda v: (c := _call_of(v, ITER_BUILTIN)) is not None and c.args[0].id == param)
    if iterator is None or not isinstance(loop, ast.For) or loop.orelse or not isinstance(loop.target, ast.Name) \
            or not (isinstance(loop.iter, ast.Name) and loop.iter.id == iterator) \
            or _assigns(last, _is_none) != iterator:
        return None
    yields = [n for n in ast.walk(loop) if isinstance(n, (ast.Yield, ast.YieldFrom))]
    if len(yields) != 1 or any(isinstance(n, (ast.For, ast.While, ast.Try, ast.With, ast.Break, ast.Continue,
                                              ast.Return, ast.FunctionDef, ast.Lambda, ast.ClassDef))
                               for s in loop.body for n in ast.walk(s)):
        return None
    block = loop.body
    while True:     # the yield is the last statement of the body, or of an `if` that is
        tail = block[-1]
        if isinstance(tail, ast.Expr) and tail.value is yields[0] and isinstance(tail.value, ast.Yield) \
                and tail.value.value is not None:
            return loop, tail, iterator
        if not isinstance(tail, ast.If):
            return None
        block = tail.body


@functools.lru_cache(maxsize=None)
def patterns(fn: ast.FunctionDef) -> dict:
    """The consumer loop's id -> _Pattern, for each generator expression of `fn` that may be fused."""
    makers = {s.name: s for block in _blocks(fn.body) for s in block
              if isinstance(s, ast.FunctionDef) and s.name.startswith(GENEXPR)}
    caller_locals = {a.arg for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs} | {
        n.id for block in _blocks(fn.body) for s in block if not isinstance(s, ast.FunctionDef)
        for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    found = {}
    for block in _blocks(fn.body):
        for k, s in enumerate(block):
            call = _call_of(s.value) if isinstance(s, ast.Assign) else None
            made = _assigns(s, lambda v: call is not None and call.func.id in makers)
            if made is None:
                continue
            maker = makers[call.func.id]
            shape = _generator_shape(maker)
            rest = block[k + 1:]
            at = next((j for j, t in enumerate(rest) if _assigns(t, lambda v: (c := _call_of(v, ITER_BUILTIN))
                                                                  is not None and c.args[0].id == made)), None)
            if shape is None or at is None or len(rest) < at + 4:
                continue
            consumer = rest[at].targets[0].id
            cleared, loop, dropped = rest[at + 1:at + 4]
            if _assigns(cleared, _is_none) != made or not isinstance(loop, ast.For) or loop.orelse \
                    or not isinstance(loop.target, ast.Name) \
                    or not (isinstance(loop.iter, ast.Name) and loop.iter.id == consumer) \
                    or _assigns(dropped, _is_none) != consumer:
                continue
            own = {a.arg for a in maker.args.posonlyargs + maker.args.args} | {
                n.id for n in ast.walk(maker) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
            renames = {name: f"{PREFIX}{loop.lineno}_{name}" for name in own}
            generator_loop, yield_node, iterator = shape
            read = {n.id for n in ast.walk(maker) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
            fusion = Fusion(loop.lineno, maker.name, maker.lineno, made, call.args[0].id, consumer,
                            _ids(maker.body), _ids(loop.body), _ids(rest[:at]), frozenset(renames.values()),
                            yield_node.lineno, iterator, bool((read - own) & caller_locals))
            renamed = _Renamer(renames).visit(copy.deepcopy(generator_loop))
            found[loop.lineno] = _Pattern(fusion, renamed, frozenset(
                {s.lineno, rest[at].lineno, cleared.lineno, dropped.lineno}))
    return found


class _Renamer(ast.NodeTransformer):
    def __init__(self, renames: dict):
        self.renames = renames

    def visit_Name(self, node):
        if node.id in self.renames:
            return ast.copy_location(ast.Name(id=self.renames[node.id], ctx=node.ctx), node)
        return node


def fuse(statements: list, fn: ast.FunctionDef, bound: frozenset) -> tuple[list, tuple]:
    """`statements` (a piece of `fn` entered with the locals `bound`) with each consumer loop fused with
    its generator, and the Fusions made (inner loops' first). A generator function not bound where the
    piece is entered is made again where native code leaves; one with free variables is not fused then
    (native code has no cells to close it over)."""
    found = patterns(fn)
    loops = {n.lineno for s in statements for n in ast.walk(s) if isinstance(n, ast.For)}
    here = [found[line].fusion for line in sorted(loops & found.keys())]
    if not here or any(f.maker not in bound and f.closes_over for f in here):
        return statements, ()
    makers = {f.maker for f in here}
    dropped = frozenset().union(*(found[f.loop].statements for f in here))
    fusions = []

    def block(stmts: list) -> list:
        out = []
        for s in stmts:
            if s.lineno in dropped or isinstance(s, ast.FunctionDef) and s.name in makers:
                continue
            pattern = found.get(s.lineno) if isinstance(s, ast.For) else None
            if pattern is not None:
                out.append(_fused(s, pattern, block))
                fusions.append(pattern.fusion)
                continue
            if not isinstance(s, (ast.FunctionDef, ast.ClassDef)) and any(
                    getattr(s, name, None) for name in ("body", "orelse", "finalbody")):
                s = copy.copy(s)
                for name in ("body", "orelse", "finalbody"):
                    if getattr(s, name, None):
                        setattr(s, name, block(getattr(s, name)))
            out.append(s)
        return out
    return block(statements), tuple(fusions)


def _fused(consumer: ast.For, pattern: _Pattern, block) -> ast.For:
    """`for X in S: <generator body, its yield giving T to the consumer's body>`, with the consumer's id."""
    loop = copy.deepcopy(pattern.loop_node)
    yielded = next(n for n in ast.walk(loop) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Yield))
    take = ast.copy_location(ast.Assign(targets=[ast.Name(id=consumer.target.id, ctx=ast.Store())],
                                        value=yielded.value.value), yielded)
    ast.fix_missing_locations(take)
    for parent in ast.walk(loop):
        for name in ("body", "orelse"):
            stmts = getattr(parent, name, None)
            if isinstance(stmts, list) and yielded in stmts:
                stmts[stmts.index(yielded):] = [take, *block(consumer.body)]
    return ast.copy_location(ast.For(target=loop.target, iter=ast.Name(id=pattern.fusion.source, ctx=ast.Load()),
                                     body=loop.body, orelse=[], type_comment=None), consumer)
