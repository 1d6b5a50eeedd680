"""Ownership: which mutations need a check where they run, and each function's effect summary.

The rule (DESIGN.md, made finer by issue 8): a computation may mutate anything it made, as CPython
would; it may not mutate what came from outside it (arguments, globals, defaults, closure variables
the client made), which the worker knows by identity (linker.FOREIGN). A container is owned by the
frame that made it (a display, a comprehension, `list(...)`, a concatenation, a slice, an operator's
result, `.copy()`, `.split()`, `np.zeros(...)`); what an owned container hands out of itself (`d[k]`,
`d.get(k)`, `l.pop()`) is owned as deeply as its items are; an instance is owned inside its own
`__init__`. A mutation of what the frame owns is left unchecked; any other is flagged (`node.pf_check`,
`pf_check_out` for a call's `out=`, `pf_check_item` for `a[i] op= v`) and checked when it runs
(linker.check_mutation). Taking `object.__setattr__`-like setters as values is refused here.

Alongside, each function gets its `Effects`: the arguments it mutates and where, those it hands on to
global functions, those it lets escape, and the captured variables it changes (stateful). The client
completes them through the calls (compiler/image.py) and refuses at submit what they show.

The analysis is flow-sensitive abstract interpretation over one function. A
name's kind is one integer, joined by `min`:

    ESCAPED (-1)  a container we made that may now be shared: checked where it is mutated
    UNKNOWN (0)   anything (an argument, a call's result): check at run time
    SLICE (0.5)   a slice of something not owned: a list's is a new list, owned
                  (one level), but a numpy array's is a view of the same data,
                  so mutating it is checked at run time, for arrays only
    1..ALL        owned, that many levels deep (ALL: every level)
    IMMUTABLE     no mutable container (numbers, strings, tuples of those)
"""
import ast
from dataclasses import dataclass, field

from pyfora.errors import PythonToForaConversionError

from .astutil import DRAW_METHODS, LIBRARY_MUTATORS, MUTATING_METHODS, SETTERS

ESCAPED, UNKNOWN, SLICE, ALL, IMMUTABLE = -1, 0, 0.5, 8, 9

FRESH_BUILTINS = {"list", "dict", "set", "sorted", "bytearray", "defaultdict", "Counter", "OrderedDict", "deque"}
IMMUTABLE_BUILTINS = {"len", "int", "float", "str", "bool", "abs", "round", "repr", "ord", "chr", "hash",
                      "format", "isinstance", "issubclass", "hex", "bin", "oct", "range", "complex",
                      "bytes", "frozenset", "callable"}
NON_KEEPING_BUILTINS = FRESH_BUILTINS | IMMUTABLE_BUILTINS | {"super",
    "sum", "min", "max", "any", "all", "iter", "enumerate", "zip", "reversed", "print", "tuple", "map",
    "filter", "next", "divmod", "pow"}
FRESH_METHODS = {"copy", "split", "rsplit", "splitlines"}
FRESH_ARRAYS = {"zeros", "ones", "empty", "full", "array", "arange", "linspace", "zeros_like", "ones_like",
                "empty_like", "full_like", "concatenate", "stack", "vstack", "hstack", "eye", "identity"}
"""numpy constructors (`np.zeros(...)`, called on a module-level name): a new array of numbers."""
NON_KEEPING_METHODS = {"join", "index", "count", "get", "extend", "update", "union", "intersection",
                       "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint",
                       "startswith", "endswith", "find", "format", "difference_update",
                       "intersection_update", "symmetric_difference_update"}
_ELEMENT_METHODS = {"get", "setdefault", "pop"}
"""Methods of an owned container that give back one of its items, or the default passed."""
_COLLECTIONS = {"defaultdict", "Counter", "OrderedDict", "deque"}
_CONTAINER_TYPES = {"list", "dict", "set", "bytearray", "deque", "defaultdict", "Counter", "OrderedDict"}
CONTAINER_METHODS = {"append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy",
                     "clear", "get", "keys", "values", "items", "update", "setdefault", "add", "discard",
                     "union", "intersection", "difference", "appendleft", "popleft"}
"""Methods of lists, dicts, sets and deques: on a container the frame made, looking one up is plain."""
MUTATING_FUNCTIONS = {"setitem", "delitem", "iadd", "iand", "iconcat", "ifloordiv", "ilshift", "imod", "imul",
                      "imatmul", "ior", "ipow", "irshift", "isub", "itruediv", "ixor", "__setattr__",
                      "__delattr__"}
"""`operator.setitem(x, k, v)` and the like, and `object.__setattr__(x, ...)`: they mutate `x`."""
NUMPY_MUTATING_FUNCTIONS = {"copyto", "put", "place", "putmask", "fill_diagonal", "at"}
"""`np.copyto(a, v)`, `np.add.at(a, i, v)` and the like, called on a module-level name: they mutate `a`
(as does any call's `out=a`)."""
LIBRARY_FRESH = {"deepcopy": ALL, "copy": 1, "Random": ALL, "default_rng": ALL, "PCG64": ALL, "PCG64DXSM": ALL,
                 "Philox": ALL, "SFC64": ALL, "MT19937": ALL, "SeedSequence": ALL}
"""Library functions (`copy.deepcopy(x)` or `deepcopy(x)` imported by name) whose result is new, owned that
many levels deep, and which keep no argument: the copies, and the seeded random generators."""
SEEDED = {"Random", "default_rng", "PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937", "SeedSequence"}
"""Constructors of random generators, which seed from the operating system without a seed: checked when
they run (linker.check_seed), refused here when called without one."""
ELEMENT_OUT = {"heappop", "heapreplace", "heappushpop"}
"""Library mutators that give back one of the list's items."""
LIBRARY_NAMES = LIBRARY_MUTATORS | LIBRARY_FRESH.keys() | {"Generator"}
"""The library functions this pass knows by name: a global of one of these names that is something else
is shadowed (compiler/image.py)."""

@dataclass
class Effects:
    """A function's effect summary (DESIGN.md), from its own code: what its callers may rely on.

    `mutated`: parameter -> (filename, line, col, what, site, certain) of the first place that may mutate
    the argument or something in it (the parameter not rebound yet; `certain` when it is the argument
    itself and the parameter is not rebound on any path there); `site` is "attribute" for an attribute
    store, "inplace" for `x += ...`, "" for a method call or an item store. `passes`: (callee, position
    or keyword, parameter, certain) for each argument handed on unchanged to a call of a global name,
    which the callee's own summary completes (image.Walker.mutated_arguments). `escapes`: parameters the function may keep
    beyond the call (stored, captured, returned, aliased). `captured`: variables of enclosing calls it
    mutates or rebinds (`nonlocal`): such a function is stateful. `returns`: the ownership kind of what
    it returns."""
    mutated: dict = field(default_factory=dict)
    passes: list = field(default_factory=list)
    escapes: set = field(default_factory=set)
    captured: set = field(default_factory=set)
    returns: int = UNKNOWN

    @property
    def stateful(self) -> bool:
        return bool(self.captured)

    def format(self) -> str:
        """The summary as `python -m pyfora ir` prints it."""
        def names(items) -> str:
            return ", ".join(sorted(items)) or "none"
        lines = ["effects:",
                 f"  mutates arguments: {names(f'{p} (line {r[1]})' for p, r in self.mutated.items())}",
                 f"  hands on: {names(f'{p} to {c}()' for c, _, p, _ in self.passes)}",
                 f"  lets escape: {names(self.escapes)}",
                 f"  mutates captured: {names(self.captured)}" + (" (stateful)" if self.stateful else "")]
        return "\n".join(lines)


def _marker(name: str) -> str:
    """The state key saying that `name` may still hold its parameter's argument: MUST on every path
    that reaches here, MAY on some."""
    return "\x00" + name


MAY, MUST = 0, 1


def _container(element_kind: int) -> int:
    if element_kind >= ALL:
        return ALL
    return max(1, element_kind + 1) if element_kind >= 1 else 1


def _element(kind: int) -> int:
    if kind == IMMUTABLE:
        return IMMUTABLE
    if kind >= ALL:
        return ALL
    return kind - 1 if kind > 1 else UNKNOWN


def _join(a: dict, b: dict) -> dict:
    """Where two paths meet. A name unbound on one path keeps the other's kind: reading it
    there would raise NameError, not mutate anything."""
    return {k: min(a[k], b[k]) if k in a and k in b else MAY if k[0] == "\x00" else a.get(k, b.get(k))
            for k in a.keys() | b.keys()}


class Ownership:
    """Analyse one function body; refuse or flag each mutation it contains."""

    def __init__(self, filename: str, fn, is_init: bool, shadowed: set, fresh: dict, freevars: tuple = ()):
        self.filename = filename
        self.effects = Effects()
        self.freevars = set(freevars)
        self.passed: set = set()
        """The argument nodes of the call being analysed that `effects.passes` records."""
        self.is_init = is_init
        self.shadowed = shadowed
        self.fresh = fresh
        self.returns: list[int] = []
        args = fn.args
        self.params = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
        self.self_name = self.params[0] if is_init and self.params else None
        self.rebound = {name for n in ast.walk(fn) if isinstance(n, ast.Nonlocal) for name in n.names}
        """Names a nested function may rebind (`nonlocal`): after any call, they may hold anything."""

    # ## Errors and flags

    def flag(self, node, what: str, attribute: str = "pf_check", site: str = ""):
        """Flag `node` for a check at run time (linker.check_mutation); `site` "attribute" for an
        attribute store, checked on any object."""
        setattr(node, attribute, f"{self.filename}\x00{node.lineno}\x00{what}" + (f"\x00{site}" if site else ""))

    # ## Expressions

    def kind(self, e, state) -> int:
        """The kind of `e`'s value; escapes the owned names `e` lets go of."""
        if e is None:
            return IMMUTABLE
        if isinstance(e, ast.Constant):
            return IMMUTABLE
        if isinstance(e, ast.Name):
            if e.id in LIBRARY_MUTATORS and e.id not in state and e.id not in self.shadowed:
                self.library_mutator_taken(e)
            return state.get(e.id, UNKNOWN)
        if isinstance(e, (ast.List, ast.Set)):
            kinds = [self.stored(x, state) for x in e.elts]
            return _container(min(kinds, default=IMMUTABLE))
        if isinstance(e, ast.Dict):
            kinds = [self.stored(x, state) for x in e.keys if x is not None]
            for key, value in zip(e.keys, e.values):
                # `{**d}` copies d's items into the new dict; d itself is not kept
                kinds.append(self.stored(value, state) if key is not None else _element(self.kind(value, state)))
            return _container(min(kinds, default=IMMUTABLE))
        if isinstance(e, ast.Tuple):
            kinds = [self.stored(x, state) for x in e.elts]
            return IMMUTABLE if all(k == IMMUTABLE for k in kinds) else UNKNOWN
        if isinstance(e, (ast.ListComp, ast.SetComp, ast.DictComp)):
            return self.comprehension(e, state)
        if isinstance(e, ast.GeneratorExp):
            self.comprehension(e, state)
            return UNKNOWN
        if isinstance(e, ast.BinOp):
            return self.binop(self.kind(e.left, state), self.kind(e.right, state))
        if isinstance(e, ast.BoolOp):
            return min(self.kind(v, state) for v in e.values)
        if isinstance(e, ast.IfExp):
            self.kind(e.test, state)
            return min(self.kind(e.body, state), self.kind(e.orelse, state))
        if isinstance(e, (ast.Compare, ast.JoinedStr)):
            for sub in ast.iter_child_nodes(e):
                self.kind(sub, state) if isinstance(sub, ast.expr) else None
            return IMMUTABLE
        if isinstance(e, ast.UnaryOp):
            k = self.kind(e.operand, state)
            return IMMUTABLE if k == IMMUTABLE or isinstance(e.op, ast.Not) else UNKNOWN
        if isinstance(e, ast.Call):
            return self.call(e, state)
        if isinstance(e, ast.Subscript):
            base = self.kind(e.value, state)
            self.kind(e.slice, state)
            if isinstance(e.slice, ast.Slice):
                return base if base >= 1 else SLICE
            return _element(base)
        if isinstance(e, ast.Attribute):
            key = self.self_key(e)
            if e.attr in MUTATING_METHODS or e.attr in SETTERS:
                self.mutator_taken(e, state)
            if e.attr in LIBRARY_MUTATORS and _module_level(e.value, state):
                self.library_mutator_taken(e)
            self.kind(e.value, state)
            return state.get(key, UNKNOWN) if key else UNKNOWN
        if isinstance(e, ast.NamedExpr):
            k = self.kind(e.value, state)
            self.bind(e.target.id, e.value, k, state)
            return k
        if isinstance(e, (ast.Yield, ast.YieldFrom)):
            self.stored(e.value, state)
            return UNKNOWN
        if isinstance(e, ast.Lambda):
            self.capture(e, state)
            return IMMUTABLE
        if isinstance(e, ast.Starred):
            return self.kind(e.value, state)
        for sub in ast.iter_child_nodes(e):
            if isinstance(sub, ast.expr):
                self.kind(sub, state)
        return UNKNOWN

    def stored(self, e, state) -> int:
        """The kind of `e`, which is being kept somewhere else: an owned name escapes."""
        k = self.kind(e, state)
        if isinstance(e, ast.Name) and SLICE <= k < IMMUTABLE:
            state[e.id] = ESCAPED
        self.escape(e, state)
        return k

    @staticmethod
    def binop(a: int, b: int) -> int:
        """An operator's result is a new object (a list, an array, a number), sharing its elements."""
        if a == IMMUTABLE and b == IMMUTABLE:
            return IMMUTABLE
        return max(1, min(a, b))

    def comprehension(self, e, state) -> int:
        inner = dict(state)
        for i, gen in enumerate(e.generators):
            element = _element(self.kind(gen.iter, inner if i else state))
            for n in ast.walk(gen.target):
                if isinstance(n, ast.Name):
                    inner[n.id] = element if element == IMMUTABLE else UNKNOWN
                    inner.pop(_marker(n.id), None)
            for cond in gen.ifs:
                self.kind(cond, inner)
        if isinstance(e, ast.DictComp):
            k = min(self.stored(e.key, inner), self.stored(e.value, inner))
        else:
            k = self.stored(e.elt, inner)
        for name, value in inner.items():
            if name in state and value == ESCAPED:
                state[name] = ESCAPED
        return _container(k)

    def call(self, e: ast.Call, state) -> int:
        func = e.func
        builtin = func.id if isinstance(func, ast.Name) and func.id not in self.shadowed \
            and func.id not in state else None
        method = func.attr if isinstance(func, ast.Attribute) else None
        library = method in _COLLECTIONS and isinstance(func.value, ast.Name) \
            and func.value.id == "collections" and "collections" not in state
        if library:
            builtin, method = method, None   # `collections.defaultdict(list)` as `defaultdict(list)`
        name = builtin if builtin not in self.fresh else None
        if method is not None and _module_level(func.value, state):
            name = method
        if name in LIBRARY_NAMES:
            return self.library_call(e, name, state)
        for k in e.keywords:
            if k.arg == "out":
                self.mutation_of_argument(k.value, e, f"`{ast.unparse(func)}(..., out=...)`", state,
                                          flag="pf_check_out")
        if method is not None and len(e.args) >= 2 and _module_level(func.value, state):
            self.positional_out(e, state)
        receiver = UNKNOWN
        if method in NUMPY_MUTATING_FUNCTIONS and e.args and _module_level(func.value, state):
            e.pf_check_argument = True
            self.mutation_of_argument(e.args[0], e, f"`{ast.unparse(func)}()`", state)
        elif method is not None:
            receiver = self.kind(func.value, state)
            if (1 <= receiver < IMMUTABLE and method in CONTAINER_METHODS) or (
                    isinstance(func.value, ast.Constant) and hasattr(type(func.value.value), method)):
                e.pf_safe_method = True   # looking the method up cannot fail or run user code
            if method in MUTATING_METHODS:
                if isinstance(func.value, ast.Name) and func.value.id in _CONTAINER_TYPES:
                    if e.args:      # without one, the call raises its own TypeError
                        e.pf_check_argument = True
                        self.mutation(e.args[0], e, f"`{ast.unparse(func)}()`", state)
                else:
                    self.mutation(func.value, e, f"`{ast.unparse(func)}()`", state)
            elif method in MUTATING_FUNCTIONS and isinstance(func.value, ast.Name) and e.args:
                self.mutation_of_object(e.args[0], e, f"`{ast.unparse(func)}()`", state, method)
            if method in DRAW_METHODS:
                self.draw(e, receiver, state)
            if method in ("seed", "samples"):   # `rng.seed(a)`, `NormalDist.samples(n, seed=a)`
                e.pf_check_seed = f"{self.filename}\x00{e.lineno}\x00`{ast.unparse(func)}()`"
        else:
            self.kind(func, state)
            if builtin in MUTATING_FUNCTIONS and e.args:
                self.mutation_of_object(e.args[0], e, f"`{builtin}()`", state, builtin)
        self.passed = self.record_passes(builtin, e, state) if builtin is not None else set()
        keeps = not (builtin in NON_KEEPING_BUILTINS or method in NON_KEEPING_METHODS or method in DRAW_METHODS
                     or (method == "__init__" and self.self_name is not None))
        kinds = [(self.stored if keeps else self.kind)(a, state) for a in e.args]
        # `d.update(other)` copies other's items, but `d.update(k=v)` keeps v itself (`d.update(me=d)`)
        keeps_keywords = keeps or method == "update"
        kinds += [(self.stored if keeps_keywords else self.kind)(k.value, state) for k in e.keywords]
        self.passed = set()
        if builtin in self.fresh and not library:
            return self.fresh[builtin]
        if method == "fromkeys" and ast.unparse(func.value) in ("dict", "OrderedDict", "collections.OrderedDict"):
            return ALL if len(kinds) < 2 or kinds[1] == IMMUTABLE else 1
        if builtin == "defaultdict":
            factory = e.args[0] if e.args else None
            fresh = isinstance(factory, ast.Name) and factory.id in FRESH_BUILTINS | IMMUTABLE_BUILTINS
            return ALL if factory is None or fresh else 1
        if builtin in FRESH_BUILTINS:
            return _container(min((_element(k) for k in kinds), default=IMMUTABLE))
        if builtin in IMMUTABLE_BUILTINS:
            return IMMUTABLE
        if method in FRESH_METHODS:
            return 1
        if method in _ELEMENT_METHODS and 1 <= receiver < IMMUTABLE:
            # an item of a container we own, or the default given (unless a name: an alias of it)
            defaults = e.args[1:]
            if any(isinstance(d, ast.Name) for d in defaults):
                return UNKNOWN
            return min([_element(receiver)] + kinds[1:])
        if method in FRESH_ARRAYS and isinstance(func.value, ast.Name) and func.value.id not in state:
            return ALL
        return UNKNOWN

    def library_call(self, e: ast.Call, name: str, state) -> int:
        """A call of a library function that mutates its first argument (`heapq.heappush(h, x)`), or
        makes a new value (`copy.deepcopy(x)`, `random.Random(seed)`): the arguments do not escape into
        it, but the items it puts in the list do. Returns the kind of the result."""
        what = f"`{ast.unparse(e.func)}()`"
        if name in SEEDED:
            self.seeded(e, what)
        if name in LIBRARY_MUTATORS and e.args:
            e.pf_check_argument = True
            self.mutation_of_argument(e.args[0], e, what, state)
        kinds = [(self.stored if name == "Generator" else self.kind)(e.args[0], state)] if e.args else []
        kinds += [(self.stored if name in LIBRARY_MUTATORS else self.kind)(a, state) for a in e.args[1:]]
        for k in e.keywords:
            self.kind(k.value, state)
        if name in LIBRARY_FRESH:
            return LIBRARY_FRESH[name]
        if name == "Generator":     # `Generator(PCG64(seed))`: a new generator around its bit generator
            return ALL if kinds and 1 <= kinds[0] < IMMUTABLE else UNKNOWN
        return _element(kinds[0]) if name in ELEMENT_OUT and kinds else IMMUTABLE

    def seeded(self, e: ast.Call, what: str):
        """`random.Random(seed)`, `rng.seed(seed)`: a generator seeded from the operating system without
        a seed gives other numbers at every run. Refused here without one; checked when it runs."""
        if not e.args and not e.keywords or (e.args and isinstance(e.args[0], ast.Constant)
                                             and e.args[0].value is None):
            raise PythonToForaConversionError(
                f"{what} without a seed draws its seed from the operating system, so the computation would "
                f"give other numbers at every run; pass a seed: `random.Random(seed)` or "
                f"`np.random.default_rng(seed)`", filename=self.filename, lineno=e.lineno, col=e.col_offset,
                construct=what)
        e.pf_check_seed = f"{self.filename}\x00{e.lineno}\x00{what}"

    def draw(self, e: ast.Call, receiver: int, state):
        """`rng.random()`: a draw advances the generator, so it is a mutation of it, and `rng.shuffle(a)`
        mutates `a` too. The name alone does not tell that the receiver is a generator, so a receiver the
        frame does not own is checked when the call runs, never refused here."""
        what = f"`{ast.unparse(e.func)}()`"
        if not 1 <= receiver < IMMUTABLE:
            self.flag(e, what, "pf_check_receiver")
        if e.func.attr == "shuffle" and e.args and not 1 <= self.kind(e.args[0], dict(state)) < IMMUTABLE:
            e.pf_check_argument = True
            self.flag(e, what)

    def record_passes(self, callee: str, e: ast.Call, state) -> set:
        """Arguments handed unchanged to `callee(...)`, a global name: its summary says what they undergo
        (whether they escape there too). Returns the ids of those argument nodes."""
        passed = set()
        for position, a in enumerate(e.args):
            if isinstance(a, ast.Starred):
                break
            if isinstance(a, ast.Name) and _marker(a.id) in state:
                self.effects.passes.append((callee, position, a.id, state[_marker(a.id)] == MUST))
                passed.add(id(a))
        for k in e.keywords:
            if k.arg is not None and isinstance(k.value, ast.Name) and _marker(k.value.id) in state:
                self.effects.passes.append((callee, k.arg, k.value.id, state[_marker(k.value.id)] == MUST))
                passed.add(id(k.value))
        return passed

    def positional_out(self, e: ast.Call, state):
        """`np.add(a, 1, a)`: a ufunc (or a numpy function with an `out` parameter) writes into the
        arguments past its inputs. Which those are only the callee can tell, so a call of a module's
        function whose arguments after the first include one that did not come from this frame (an
        argument, a global, a call's result) is flagged; at run time those past the callee's inputs
        are checked (linker.check_positional_out). One the frame made passes: passing it to
        `np.add` counts as letting it escape, and refusing it then would refuse
        `np.add(x, 1, buf); np.multiply(buf, 2, buf)`."""
        if any(isinstance(a, ast.Starred) for a in e.args):
            return
        positions = tuple(i for i, a in enumerate(e.args) if i and self.kind(a, dict(state)) == UNKNOWN)
        if positions:
            what = f"`{ast.unparse(e.func)}(...)` with an output argument"
            e.pf_check_positional_out = (f"{self.filename}\x00{e.lineno}\x00{what}", positions)

    def capture(self, fn, state):
        """A nested function or lambda captures the names it reads: owned ones escape."""
        for n in ast.walk(fn):
            if isinstance(n, ast.Name) and SLICE <= state.get(n.id, UNKNOWN) < IMMUTABLE:
                state[n.id] = ESCAPED
            self.escape(n, state)
        for d in fn.args.defaults + [d for d in fn.args.kw_defaults if d is not None]:
            self.stored(d, state)

    def class_def(self, s: ast.ClassDef, state):
        """A class defined here keeps its bases and captures the names its body reads; its body runs
        in a scope of its own, analysed as one."""
        for e in s.decorator_list + s.bases:
            self.stored(e, state)
        for n in ast.walk(s):
            if isinstance(n, ast.Name) and SLICE <= state.get(n.id, UNKNOWN) < IMMUTABLE:
                state[n.id] = ESCAPED
        no_args = ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None,
                                defaults=[])
        body = Ownership(self.filename, ast.Lambda(args=no_args, body=None), False, self.shadowed, self.fresh)
        body.block(s.body, {})
        state[s.name] = UNKNOWN

    # ## Mutation

    def mutator_taken(self, e: ast.Attribute, state):
        """`a.append` taken as a value, not called here (`map(a.append, xs)`, `s = a.__setitem__`):
        whoever calls it mutates `a`, so `a` must be the frame's own, and it escapes into the bound
        method. On a type (`type(a).append`, `a.__class__.__setitem__`) it is an unbound method, which
        the check at run time refuses."""
        what = f"taking `{ast.unparse(e)}` as a value"
        if e.attr in SETTERS:
            raise PythonToForaConversionError(
                f"{what} is not supported by pyfora: it sets attributes of objects, which are immutable once "
                "built; call it directly on `self` inside __init__, or build a new object",
                filename=self.filename, lineno=e.lineno, col=e.col_offset, construct="attribute")
        self.mutation(e.value, e, what, state)
        if isinstance(e.value, ast.Name) and SLICE <= state.get(e.value.id, UNKNOWN) < IMMUTABLE:
            state[e.value.id] = ESCAPED

    def library_mutator_taken(self, e):
        """`heapq.heappush` taken as a value (`map(heapq.heappush, ...)`, `push = heappush`): whoever calls
        it mutates a list this pass cannot see."""
        what = f"taking `{ast.unparse(e)}` as a value"
        raise PythonToForaConversionError(
            f"{what} is not supported by pyfora: it mutates the list it is given, which pyfora checks only "
            f"where it is called by name; call it directly (`{ast.unparse(e)}(h, x)`)",
            filename=self.filename, lineno=e.lineno, col=e.col_offset, construct="library mutator")

    def self_key(self, e) -> str | None:
        """`self.attr` inside __init__ is tracked as a name of its own."""
        if self.self_name and isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name) \
                and e.value.id == self.self_name:
            return f"{self.self_name}.{e.attr}"
        return None

    def mutation_of_object(self, target, node, what: str, state, function: str):
        """`operator.setitem(x, ...)`, `object.__setattr__(x, ...)`: a call that mutates its first argument."""
        if function in ("__setattr__", "__delattr__"):
            key = target.id if isinstance(target, ast.Name) else None
            if key is not None and key == self.self_name and state.get(key, UNKNOWN) >= 1:
                return
            raise PythonToForaConversionError(
                f"{what} mutates an object; pyfora objects are immutable once built: set attributes only on "
                "`self` inside __init__, or build a new object",
                filename=self.filename, lineno=node.lineno, col=node.col_offset, construct="attribute")
        node.pf_check_argument = True
        self.mutation(target, node, what, state)

    def mutation_of_argument(self, target, node, what: str, state, flag: str = "pf_check"):
        """A call that mutates one of its arguments, `target`: checked like `target.append()`. At run
        time a call flagged `pf_check` checks `args[0]` (`pf_check_argument`), one flagged
        `pf_check_out` its `out=`."""
        if isinstance(target, (ast.Tuple, ast.List)):
            for t in target.elts:
                self.mutation_of_argument(t, node, what, state, flag)
            return
        self.mutation(target, node, what, state, flag)

    def mutation(self, container, node, what: str, state, flag: str = "pf_check", site: str = ""):
        """`node` mutates `container`: allow it, refuse it, or flag it for a check at run time."""
        depth = 0
        root = container
        while self.self_key(root) is None and isinstance(root, (ast.Subscript, ast.Attribute)):
            root = root.value
            depth += 1
        key = self.self_key(root) or (root.id if isinstance(root, ast.Name) else None)
        self.record_mutation(key, node, what, state, site, depth)
        kind = state.get(key, UNKNOWN) if key else self.kind(root, dict(state))
        if kind == IMMUTABLE or (kind >= 1 and kind > depth):
            return
        self.flag(node, f"{what} on `{ast.unparse(container)}`" if "`" not in what else what, flag, site)

    def record_mutation(self, name: str | None, node, what: str, state, site: str, depth: int = 0):
        """The effect summary's part of a mutation of `name` (or, `depth` levels down, of something in it):
        an argument's, or a captured variable's."""
        if name is None:
            return
        if _marker(name) in state:
            certain = state[_marker(name)] == MUST and depth == 0
            known = self.effects.mutated.get(name)
            if known is None or (certain and not known[5]):
                self.effects.mutated[name] = (self.filename, node.lineno, node.col_offset, what, site, certain)
        elif name in self.freevars and name not in state:
            self.effects.captured.add(name)

    def attribute_store(self, target: ast.Attribute, what: str, state):
        """`obj.x = v`, `obj.x += v`, `del obj.x`: a mutation of `obj`. Inside `__init__`, `self` is the
        frame's own; elsewhere the object is checked where it runs: one the computation made may change,
        as in CPython (`acc.add(x)` updating `self.n`), one from outside it may not."""
        key = self.self_key(target)
        if key is not None and 1 <= state.get(self.self_name, UNKNOWN):
            state[key] = UNKNOWN
            return
        self.mutation(target.value, target, f"{what} `{ast.unparse(target)}`", state, site="attribute")

    def item_update(self, s: ast.AugAssign, kind: int):
        """`a[i] += v`, `o.x += v`: an in-place operator changes the item itself when it is a list or an
        array, so unless the item is known to be a number or the frame's own, the check runs on it
        when the operation leaves the same object behind."""
        if kind != IMMUTABLE and not 1 <= kind < IMMUTABLE:
            self.flag(s.target, f"`{ast.unparse(s.target)} {_op(s.op)}= ...`", "pf_check_item")

    # ## Statements

    def bind(self, name: str, value, kind: int, state):
        if isinstance(value, ast.Name) and SLICE <= kind < IMMUTABLE:
            state[value.id] = ESCAPED
            kind = ESCAPED
        self.escape(value, state)
        state.pop(_marker(name), None)
        state[name] = UNKNOWN if name in self.rebound else kind

    def escape(self, e, state):
        """`e` is kept somewhere the call does not end: an argument it names escapes."""
        if isinstance(e, ast.Name) and _marker(e.id) in state and id(e) not in self.passed:
            self.effects.escapes.add(e.id)

    def assign(self, target, value, kind: int, state):
        if isinstance(target, ast.Name):
            self.bind(target.id, value, kind, state)
        elif isinstance(target, (ast.Tuple, ast.List)):
            values = value.elts if isinstance(value, (ast.Tuple, ast.List)) and \
                len(value.elts) == len(target.elts) else None
            for i, t in enumerate(target.elts):
                v = values[i] if values else None
                self.assign(t, v, self.kind(v, state) if v is not None else UNKNOWN, state)
        elif isinstance(target, ast.Starred):
            self.assign(target.value, None, UNKNOWN, state)
        elif isinstance(target, ast.Subscript):
            # The store is the mutation, and also where the value escapes into the container: a
            # container stored into itself (`d["me"] = d`) is still the frame's own when stored, as
            # for `a.append(a)`, and escaped after.
            self.kind(target.slice, state)
            self.mutation(target.value, target, "item assignment", state)
            if isinstance(value, ast.Name) and SLICE <= kind < IMMUTABLE:
                state[value.id] = ESCAPED
        elif isinstance(target, ast.Attribute):
            if isinstance(value, ast.Name) and SLICE <= kind < IMMUTABLE:
                state[value.id] = ESCAPED
            key = self.self_key(target)
            if key and 1 <= state.get(self.self_name, UNKNOWN):
                state[key] = kind
                return
            self.attribute_store(target, "setting the attribute", state)

    def block(self, stmts, state) -> dict:
        for s in stmts:
            state = self.stmt(s, state)
        return state

    def stmt(self, s, state) -> dict:
        if isinstance(s, ast.Assign):
            k = self.kind(s.value, state)
            for t in s.targets:
                self.assign(t, s.value, k, state)
            if len(s.targets) > 1 and SLICE <= k < IMMUTABLE:
                for t in s.targets:
                    if isinstance(t, ast.Name):
                        state[t.id] = ESCAPED
        elif isinstance(s, ast.AnnAssign):
            if s.value is not None:
                self.assign(s.target, s.value, self.kind(s.value, state), state)
        elif isinstance(s, ast.AugAssign):
            self.kind(s.value, state)
            if isinstance(s.target, ast.Name):
                k = state.get(s.target.id, UNKNOWN)
                if k in (ESCAPED, UNKNOWN):
                    # an escaped name may hold a number (`m = n + 1; k = m; m += 1` rebinds m):
                    # only its value can tell whether `+=` mutates
                    self.flag(s.target, f"`{s.target.id} {_op(s.op)}= ...`")
                    self.record_mutation(s.target.id, s.target, f"`{s.target.id} {_op(s.op)}= ...`", state,
                                         "inplace")
            elif isinstance(s.target, ast.Subscript):
                self.kind(s.target.slice, state)
                self.mutation(s.target.value, s.target, "augmented item assignment", state)
                self.item_update(s, _element(self.kind(s.target.value, dict(state))))
            else:
                self.attribute_store(s.target, "updating the attribute", state)
                self.item_update(s, state.get(self.self_key(s.target), UNKNOWN))
        elif isinstance(s, ast.Delete):
            for t in s.targets:
                if isinstance(t, ast.Subscript):
                    self.kind(t.slice, state)
                    self.mutation(t.value, t, "`del` of an item", state)
                elif isinstance(t, ast.Name):
                    state.pop(t.id, None)
                    state.pop(_marker(t.id), None)
                elif isinstance(t, ast.Attribute):
                    self.attribute_store(t, "deleting the attribute", state)
        elif isinstance(s, ast.Expr):
            self.kind(s.value, state)
        elif isinstance(s, ast.Return):
            self.returns.append(self.kind(s.value, dict(state)))
            self.escape(s.value, state)
        elif isinstance(s, ast.Nonlocal):
            self.effects.captured.update(s.names)
        elif isinstance(s, ast.If):
            self.kind(s.test, state)
            state = _join(self.block(s.body, dict(state)), self.block(s.orelse, dict(state)))
        elif isinstance(s, (ast.For, ast.While)):
            state = self.loop(s, state)
        elif isinstance(s, (ast.Try, ast.TryStar)):
            state = self.try_(s, state)
        elif isinstance(s, ast.FunctionDef):
            for d in s.decorator_list:
                self.kind(d, state)
            self.capture(s, state)
            state[s.name] = IMMUTABLE
        elif isinstance(s, ast.ClassDef):
            self.class_def(s, state)
        elif isinstance(s, ast.Match):
            self.kind(s.subject, state)
            out = None
            for case in s.cases:
                branch = dict(state)
                for n in ast.walk(case.pattern):
                    for name in (getattr(n, "name", None), getattr(n, "rest", None)):
                        if name:
                            branch[name] = UNKNOWN
                            branch.pop(_marker(name), None)
                if case.guard is not None:
                    self.kind(case.guard, branch)
                branch = self.block(case.body, branch)
                out = branch if out is None else _join(out, branch)
            state = _join(state, out) if out is not None else state
        elif isinstance(s, ast.Raise):
            for sub in ast.iter_child_nodes(s):
                self.kind(sub, dict(state))
        elif isinstance(s, ast.Assert):
            for sub in ast.iter_child_nodes(s):
                self.kind(sub, state)
        return state

    def loop(self, s, state) -> dict:
        head = dict(state)
        seen = dict(state)
        for _ in range(6):
            body_state = dict(head)
            if isinstance(s, ast.For):
                element = _element(self.kind(s.iter, body_state))
                self.assign(s.target, None, element if element == IMMUTABLE else UNKNOWN, body_state)
            else:
                self.kind(s.test, body_state)
            after = self.block(s.body, body_state)
            seen = _join(seen, after)
            new_head = _join(head, after)
            if new_head == head:
                break
            head = new_head
        return self.block(s.orelse, _join(head, seen))

    def try_(self, s, state) -> dict:
        after_body = self.block(s.body, dict(state))
        anywhere = _join(state, after_body)
        outs = [self.block(s.orelse, after_body)]
        for h in s.handlers:
            branch = dict(anywhere)
            if h.name:
                branch[h.name] = UNKNOWN
                branch.pop(_marker(h.name), None)
            outs.append(self.block(h.body, branch))
        out = outs[0]
        for o in outs[1:]:
            out = _join(out, o)
        return self.block(s.finalbody, _join(out, anywhere)) if s.finalbody else out


def _module_level(e, state) -> bool:
    """`np` in `np.copyto` or `np.add` in `np.add.at`: a name no local binds, or an attribute of one."""
    while isinstance(e, ast.Attribute):
        e = e.value
    return isinstance(e, ast.Name) and e.id not in state


def _op(op) -> str:
    return {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
            ast.Pow: "**", ast.BitOr: "|", ast.BitAnd: "&", ast.BitXor: "^", ast.LShift: "<<",
            ast.RShift: ">>", ast.MatMult: "@"}[type(op)]


def analyse_function(fn, filename: str, is_init: bool, shadowed: set, fresh: dict,
                     freevars: tuple = ()) -> Ownership:
    """Run the analysis over `fn` and, separately, over every function nested in it.

    Returns `fn`'s own analysis: the kinds of the values it returns, and its effects.
    """
    analysis = Ownership(filename, fn, is_init, shadowed, fresh, freevars)
    state = {name: UNKNOWN for name in analysis.params}
    state.update((_marker(name), MUST) for name in analysis.params if name != analysis.self_name)
    if analysis.self_name:
        state[analysis.self_name] = 1
    body = fn.body if isinstance(fn.body, list) else [ast.Return(value=fn.body, lineno=fn.lineno,
                                                                 col_offset=fn.col_offset)]
    analysis.block(body, state)
    for node in ast.walk(fn):
        if node is not fn and isinstance(node, (ast.FunctionDef, ast.Lambda)):
            if not getattr(node, "pf_analysed", False):
                node.pf_analysed = True
                analyse_function(node, filename, _is_local_init(fn, node), shadowed, fresh)
    return analysis


INITS = ("__init__", "__post_init__")
"""Methods that set up a new instance: a dataclass's generated `__init__` calls `__post_init__`."""


def _is_local_init(fn, node) -> bool:
    """Whether `node` is the `__init__` of a class defined inside `fn`."""
    return isinstance(node, ast.FunctionDef) and node.name in INITS and any(
        isinstance(c, ast.ClassDef) and node in c.body for c in ast.walk(fn))


def annotate_ownership(fn, code_def) -> Effects:
    """Refuse the mutations of `fn` that break ownership; flag those only a run can decide.

    Returns `fn`'s effect summary, whose `returns` is the kind of what `fn` returns: at least 1 when
    every return gives back a container it made and still owns (its callers then own it), UNKNOWN
    otherwise.
    """
    is_init = code_def.qualname.rsplit(".", 1)[-1] in INITS and code_def.mangle is not None
    analysis = analyse_function(fn, code_def.filename, is_init, set(code_def.shadowed), dict(code_def.fresh),
                                code_def.freevars)
    returns = analysis.returns
    generator = any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(fn))
    falls_off = not returns or not isinstance(fn.body[-1] if isinstance(fn.body, list) else None, ast.Return)
    kinds = returns + ([IMMUTABLE] if falls_off and isinstance(fn.body, list) else [])
    kind = min(kinds) if kinds and not generator else UNKNOWN
    analysis.effects.returns = kind if 1 <= kind < IMMUTABLE else UNKNOWN
    return analysis.effects
