"""Route calls of builtins that may run user code to the VM's own versions (vm/prelude.py).

Also marks the calls of C builtins that stay atomic in the statement form (`ATOMIC`).

`sorted(xs, key=f)` becomes `_pf_sorted(xs, key=f)`, `sum(g)` becomes
`_pf_sum(g)`, and so on, when the name means the builtin (no local, argument,
enclosing or module-level definition of it) and the call has the shape the
builtin accepts. Calls that cannot run user code (`min(a, b)`, `sum([...])`)
stay with the C builtin and cost nothing; odd shapes stay too, so the C
builtin raises its own argument errors.
"""
import ast
import sys
import types

from .astutil import calls_inside, walrus_targets
from .reach import needs_owner_check
from .subset import local_names

ROUTED = {"sum", "any", "all", "list", "tuple", "set", "sorted", "min", "max"}
"""Builtins that return plain values. (`map`, `filter`, `zip`, `enumerate` return iterator objects
of their own types, which a generator cannot stand in for, so they stay C.)"""

ATOMIC = {"len", "abs", "isinstance", "issubclass", "int", "float", "str", "bool", "range", "chr", "ord",
          "round", "divmod", "hash", "repr", "type", "pow", "hex", "oct", "bin", "complex", "callable",
          "min", "max", "sum", "any", "all", "list", "tuple", "set", "sorted", "frozenset", "dict", "bytes",
          "format", "slice", "reversed", "enumerate", "zip", "super", "map", "filter", "iter"}
"""C builtins that stay inside expressions, like operators, when the call is not routed.

Like an operator they may call user code (`__len__`, `__lt__`), whose frame is then entered
from C and cannot be resumed; like an operator they are never worth forking.
"""

CHECKED_ATTRIBUTES = {"__dict__", "__self__", "tofile", "dump", "format", "format_map"}
"""Attributes whose check depends on the object (compiler/guards.py `checked_attribute`)."""
_FORMAT_METHODS = {"format", "format_map"}
ATTRIBUTE_CHECK = "_pf_attribute"
FORMAT_CHECK = "_pf_format"

_SHAPES = {
    # name: (min positional, max positional or None, allowed keywords)
    "sum": (1, 2, {"start"}),
    "any": (1, 1, set()),
    "all": (1, 1, set()),
    "list": (1, 1, set()),
    "tuple": (1, 1, set()),
    "set": (1, 1, set()),
    "sorted": (1, 1, {"key", "reverse"}),
    "min": (1, None, {"key", "default"}),
    "max": (1, None, {"key", "default"}),
}

_CONTAINERS = (ast.List, ast.Tuple, ast.Set, ast.Dict, ast.ListComp, ast.SetComp, ast.DictComp, ast.Constant,
               ast.JoinedStr)


def _needs_routing(name: str, call: ast.Call) -> bool:
    low, high, keywords = _SHAPES[name]
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return False
    n = len(call.args)
    if n < low or (high is not None and n > high) or not {k.arg for k in call.keywords} <= keywords:
        return False
    if name in ("min", "max") and n > 1 and not call.keywords:
        return False
    keyed = any(k.arg == "key" for k in call.keywords)
    return keyed or not all(isinstance(a, _CONTAINERS) for a in call.args)


def _consumes_native_generator(call: ast.Call) -> bool:
    """Whether `call` (of a C builtin or `str.join`) takes a generator expression that runs no user
    code of its own: no calls (but atomic ones), lambdas, yields, walruses or mutation checks.

    Such a generator stays CPython's own, consumed by the C builtin at C speed: no user frame can
    stand inside it, so a suspension waits the few statements until it is done, as it does for a
    call-free list comprehension.
    """
    if len(call.args) != 1 or not isinstance(call.args[0], ast.GeneratorExp) \
            or any(k.arg in ("key", None) for k in call.keywords):
        return False
    e = call.args[0]
    parts = [e.elt] + [g.target for g in e.generators] + [c for g in e.generators for c in g.ifs] \
        + [g.iter for g in e.generators[1:]]
    return not any(calls_inside(p) or walrus_targets([p]) for p in parts)


class _Router(ast.NodeTransformer):
    def __init__(self, shadowed: set, constructed: set):
        self.bound = [set(shadowed)]
        self.constructed = constructed
        self.functions: list = [None]

    def _scope(self, node, names, function):
        self.bound.append(names)
        self.functions.append(function)
        self.generic_visit(node)
        self.functions.pop()
        self.bound.pop()
        return node

    def visit_FunctionDef(self, node):
        return self._scope(node, local_names(node), node)

    def visit_Lambda(self, node):
        return self._scope(node, local_names(node), node)

    def _comprehension(self, node):
        names = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
        return self._scope(node, names, None)

    def _explicit_super(self, node):
        """`super()` -> `super(__class__, self)`: resumed code runs in a function whose first
        argument is not `self`, so the zero-argument form would bind the wrong object."""
        function = self.functions[-1]
        args = function.args.posonlyargs + function.args.args if function is not None else []
        if args:
            node.args = [ast.Name(id="__class__", ctx=ast.Load()), ast.Name(id=args[0].arg, ctx=ast.Load())]
            for arg in node.args:
                ast.copy_location(arg, node)

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def visit_Attribute(self, node):
        """`x.__dict__`, `x.__self__`, `x.tofile`, `x.format` taken as a value, and dunders outside the
        allowlist: whether `x` may show them depends on what `x` is (compiler/guards.py)."""
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load) and (node.attr in CHECKED_ATTRIBUTES or needs_owner_check(node.attr)):
            return ast.copy_location(ast.Call(func=ast.Name(id=ATTRIBUTE_CHECK, ctx=ast.Load()),
                                              args=[node.value, ast.Constant(node.attr)], keywords=[]), node)
        return node

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _FORMAT_METHODS and isinstance(func.ctx, ast.Load):
            # `template.format(...)`: its `{0.attr}` fields name attributes (compiler/guards.py)
            receiver = self.visit(func.value)
            node.func = ast.copy_location(ast.Name(id=FORMAT_CHECK, ctx=ast.Load()), func)
            node.args = [receiver, ast.Constant(func.attr)] + node.args
            for i, arg in enumerate(node.args[2:], 2):
                node.args[i] = self.visit(arg)
            node.keywords = [self.visit(k) for k in node.keywords]
            return node
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "join" and isinstance(func.value, ast.Constant) \
                and isinstance(func.value.value, str) and _consumes_native_generator(node):
            node.args[0].pf_native = True
        if not isinstance(func, ast.Name) or any(func.id in scope for scope in self.bound):
            return node
        if func.id in self.constructed:
            node.pf_construct = True
        if func.id in ROUTED and _needs_routing(func.id, node):
            if _consumes_native_generator(node):
                node.args[0].pf_native = True
                node.pf_atomic = True
            else:
                node.func = ast.copy_location(ast.Name(id=f"_pf_{func.id}", ctx=ast.Load()), func)
        elif func.id in ATOMIC:
            node.pf_atomic = True
            if func.id == "super" and not node.args and not node.keywords:
                self._explicit_super(node)
        return node


def route_builtins(fn, shadowed, freevars=(), constructed=()) -> None:
    """Rewrite, in place, the calls in `fn` that go to the VM's own builtins, and mark the calls of
    the classes in `constructed` for explicit construction.

    `shadowed` are module globals and `freevars` the enclosing function's names: either way the
    name is not the builtin.
    """
    _Router(set(shadowed) | set(freevars), set(constructed) if EXPLICIT_CONSTRUCTION else set()).visit(fn)


EXPLICIT_CONSTRUCTION = sys.version_info < (3, 13)
"""Whether `Cls(...)` of a plain user class becomes `obj = object.__new__(Cls)` and the call
`Cls.__init__(obj, ...)` in the statement form (compiler/anf.py). Called by `type.__call__`,
`__init__` is entered from C, and before 3.13 every such entry counts against a C recursion
limit that no setting raises (3.12) or takes a C stack frame of its own (3.11): a recursion
through constructors (a linked list built by `Node(n - 1)` in `__init__`) stopped after about 500
on 3.12.1. Called explicitly, it is a Python call like any other, as fast. From 3.13 CPython enters
`__init__` from Python itself (CALL_ALLOC_AND_ENTER_INIT), faster than the explicit calls."""


def explicit_construction(cls: type) -> bool:
    """Whether calling `cls` is exactly `object.__new__(cls)`, then its `__init__` (a def of the
    user's) on the instance: no metaclass, no `__new__` of its own or of a base but object's."""
    return type(cls) is type and class_attribute(cls, "__new__") is object.__dict__["__new__"] \
        and type(class_attribute(cls, "__init__")) is types.FunctionType


def class_attribute(cls: type, name: str, missing=None):
    """`name` as the first class along `cls`'s MRO defines it, unbound (no descriptor runs); `missing` if none does."""
    return next((klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__), missing)
