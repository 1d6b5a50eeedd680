"""Type inference for native code: the type of every local and expression of a piece of statement form.

Policy. Native code (compiler/native_lower.py) is made for one combination of
entry types: the types of the locals bound where it is entered, which the VM
reads off the live frame, and of the arguments of each native callee. From
those, inference goes forward through the statements, again and again until
nothing changes (a loop's body can read what a later statement of it binds).
A local keeps one type everywhere: one that would take two (`s = 0` then
`s += 0.5`) makes the piece not compilable, and the VM enters native code
where the types have settled (on-stack entry happens inside the loop, after
such a first iteration). Whatever is outside what native code does raises
`NotCompilable` with the statement and the reason, which the VM counts and
remembers; the piece then stays in tier 0. The types are native_values'.
"""
import ast
import builtins
import math
import types
from dataclasses import dataclass, field

from .astutil import ITER_BUILTIN, MUTATION_CHECK, OUT_CHECK, SUM_ADD, SUM_START, SUM_TOTAL, TEMP
from .native_objects import Known, NotAnAttribute, attribute, called, class_function
from .native_sequences import SequenceInference
from .native_values import (ARRAYS, ELEMENT, INT_MAX, INT_MIN, ITERATOR_OF, KNOWN, LISTS, LOOPED, NP_SCALARS, NUMBERS,
                            NUMPY_ARRAYS, SCALARS, TUPLE_ITEMS, UNIONS, ComboIterType, NotCompilable, NType,
                            RecordsIterType, RecordsType, TupleType, base, join, members, row, tuple_of, type_of_value)


def _steps_sum(s: ast.stmt) -> bool:
    """Whether `s` is `total, state = _pf_sum_add(...)`, a 3.12+ sum's step past its fast paths."""
    return isinstance(s, ast.Assign) and isinstance(s.value, ast.Call) and isinstance(s.value.func, ast.Name) \
        and s.value.func.id == SUM_ADD


def sum_start(s: ast.stmt) -> int | None:
    """n where `s` is `total, state = _pf_sum_start(n)` of an int n in 64 bits, which starts a 3.12+
    sum's state at (n, False)."""
    if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Tuple) \
            and len(s.targets[0].elts) == 2 and all(isinstance(t, ast.Name) for t in s.targets[0].elts) \
            and isinstance(s.value, ast.Call) and isinstance(s.value.func, ast.Name) \
            and s.value.func.id == SUM_START and len(s.value.args) == 1 and not s.value.keywords:
        n = constant_int(s.value.args[0])
        return n if n is not None and INT_MIN <= n <= INT_MAX else None
    return None


def _parallel(s: ast.Assign) -> bool:
    """Whether `s` binds names to a tuple display's items, one each (`a, b = (b, a)`)."""
    target = s.targets[0]
    return (len(s.targets) == 1 and isinstance(target, ast.Tuple) and isinstance(s.value, ast.Tuple)
            and len(target.elts) == len(s.value.elts) and all(isinstance(t, ast.Name) for t in target.elts)
            and not any(isinstance(v, ast.Starred) for v in s.value.elts))


def constant_int(node: ast.expr) -> int | None:
    """The int `node` spells (`3`, `-1`), or None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = constant_int(node.operand)
        return None if inner is None else -inner
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int else None


MATH_UNARY = {math.sin: "sin", math.cos: "cos", math.tan: "tan", math.asin: "asin", math.acos: "acos",
              math.atan: "atan", math.sinh: "sinh", math.cosh: "cosh", math.tanh: "tanh", math.exp: "exp",
              math.expm1: "expm1", math.log1p: "log1p", math.sqrt: "sqrt", math.fabs: "fabs",
              math.asinh: "asinh", math.acosh: "acosh", math.atanh: "atanh",
              math.log10: "log10", math.log2: "log2"}
"""math functions of one float that are the C library's function of the same name in CPython, which
raises where the result is NaN from a number or infinite from a finite one (native code leaves there)."""
MATH_BINARY = {math.atan2: "atan2", math.copysign: "copysign", math.pow: "pow"}
"""(Not hypot: CPython computes it with an algorithm of its own, not the C library's.)"""
MATH_INT = {math.floor: "floor", math.ceil: "ceil", math.trunc: "trunc"}
"""math functions that give an int (of a float: the rounded value, which must fit 64 bits)."""
_NUMPY_SCALAR_MAKERS = {"float64": NType.NP_FLOAT, "int64": NType.NP_INT}
"""`numpy.float64(x)` of any number, `numpy.int64(n)` of an int: conversions native code makes."""
PYTHON_TYPES = {NType.INT: int, NType.FLOAT: float, NType.BOOL: bool}
"""The Python type of a value of each native type (numpy's scalars' types are not tested natively)."""
BUILTINS = {abs: "abs", min: "min", max: "max", int: "int", float: "float", bool: "bool", range: "range",
            complex: "complex"}
"""Builtins native code calls (`enumerate` and `zip` it goes over only where a `for` iterates them)."""


@dataclass(frozen=True, eq=False)
class _Method:
    """A function called with an instance first: a method, or an instance's `__call__`."""
    function: types.FunctionType
    instance: object


_FLOAT_ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
"""Operators whose int operand CPython converts to a float when the other is one (float's own slots)."""


def _signed(value):
    """How a compiled-in function or instance stands in a callee's signature."""
    return value if isinstance(value, types.FunctionType) else Known(value)


@dataclass
class Callee:
    """A user function a piece calls, resolved when the piece is compiled."""
    function: types.FunctionType
    signature: tuple            # its argument types


@dataclass
class Typed:
    """What inference found: each local's type, each expression's, and what each call calls."""
    locals: dict                                  # name -> NType
    expressions: dict = field(default_factory=dict)   # id(node) -> NType
    calls: dict = field(default_factory=dict)         # id(call node) -> ("math", name) | ("builtin", name) | Callee
    returns: NType | None = None
    exits: dict = field(default_factory=dict)         # id(statement) -> (its id, why native code leaves there)
    skipped: set = field(default_factory=set)         # id(statement): a no-op for the types here
    iterated: dict = field(default_factory=dict)      # array iterator local -> the array local it goes over
    identities: dict = field(default_factory=dict)    # id(`is` comparison) -> its value, or (True/False, negated)
    known: dict = field(default_factory=dict)         # id(if statement) -> its test's value, where the types decide it
    constants: dict = field(default_factory=dict)     # id(attribute) -> its value (native_objects: compiled in)
    roots: dict = field(default_factory=dict)         # list local -> the locals entered with whose lists it may be
    written: set = field(default_factory=set)         # locals entered with whose lists native code may change
    growing: set = field(default_factory=set)         # list locals native code appends to or makes (`x = []`)
    appends: dict = field(default_factory=dict)       # id(`x.append(v)` statement) -> x
    aliases: dict = field(default_factory=dict)       # a temporary holding a growing list -> the list's local


class Inference(SequenceInference):
    """Infer the types of `statements` entered with `entry` (name -> NType) under `globals_`.

    `callee_return(function, signature)` gives a user callee's return type (None while unknown:
    recursion), raising NotCompilable where the callee cannot be compiled. `objects` gives the
    function or instance each local of type FUNC or OBJECT holds: native code is specialized on it (a
    lambda passed in; compiler/native_objects.py), and a signature holds the function itself, or the
    instance as `Known`, in place of its type. A local binds such an object in native code only where
    it always binds the same one (`f = self.f`), and, in the piece a frame enters, only one it was
    entered with: leaving writes back no object.

    With `leaving`, a statement outside every loop of the user's that native code cannot run (`return
    total, count` after the hot loop) is where native code leaves for tier 0, not a reason to leave
    the whole piece in tier 0; what follows it in its block is tier 0's. Inside a loop it is still
    NotCompilable (leaving there would end the native loop at its first pass), but for the VM's own
    step of a `sum` past its fast paths (`_pf_sum_add`, compiler/comprehensions.py), which native
    code's types never reach: where they would, it leaves.
    """

    def __init__(self, statements: list, entry: dict, globals_: dict, callee_return, leaving: bool = False,
                 objects: dict | None = None):
        self.statements = statements
        self.objects = dict(objects or {})
        self.entered_with = dict(self.objects)
        self.entered = frozenset(entry)
        self._made = set()          # list locals made by `x = []` in native code
        self._sources = {}          # a temporary bound to a list local -> that local
        self.globals = globals_
        self.callee_return = callee_return
        self.typed = Typed(dict(entry))
        self.changed = False
        self.statement = 0
        self.leaving = leaving
        self.loops = 0          # loops of the user's code around the statement
        self.looped = False     # whether the piece has a loop of the user's (not only one-pass code)

    def run(self) -> Typed:
        for _ in range(100):
            self.changed = False
            self.block(self.statements)
            if not self.changed:
                if self.typed.exits and not self.looped:
                    raise NotCompilable("native code would leave for tier 0 with no loop run natively",
                                        min(where for where, _ in self.typed.exits.values()))
                self._check_growing()
                return self.typed
        raise NotCompilable("types do not settle", self.statement)

    # ## Statements

    def block(self, statements: list):
        for s in statements:
            self.statement = s.lineno
            if id(s) in self.typed.exits:
                return
            try:
                handler = getattr(self, "stmt_" + type(s).__name__, None)
                if handler is None:
                    raise NotCompilable(f"`{type(s).__name__}` statements", s.lineno)
                handler(s)
            except NotCompilable as why:
                rare = self.leaving and _steps_sum(s)
                if not rare and (not self.leaving or self.loops or s.lineno <= 1 or why.in_loop):
                    raise
                self.typed.exits[id(s)] = (s.lineno, "a sum past its fast paths (past 64 bits, or of mixed numbers)"
                                           if rare else why.reason)
                self.changed = True
                return

    def stmt_Assign(self, s: ast.Assign):
        if len(s.targets) == 1 and isinstance(s.targets[0], ast.Subscript):
            self._store_item(s.targets[0], s.value)
            return
        if sum_start(s) is not None:       # `total, state = _pf_sum_start(0)`: ints in a C long, state False
            for target, value in zip(s.targets[0].elts, (NType.INT, NType.BOOL)):
                self.bind(target.id, value)
            return
        if len(s.targets) == 1 and isinstance(s.targets[0], ast.Tuple) and not _parallel(s) \
                and self._shape_of(s.value) is None:       # `x, v = step(x, v)`: a tuple's items
            names = s.targets[0].elts
            value = self.expr(s.value)
            if value is None:
                return
            if not isinstance(value, TupleType) or len(names) != len(value.items) \
                    or not all(isinstance(n, ast.Name) for n in names):
                raise NotCompilable("unpacking other than a tuple of numbers into one name per item", s.lineno)
            for n, item in zip(names, value.items):
                self.bind(n.id, item)
            return
        if len(s.targets) == 1 and isinstance(s.targets[0], ast.Tuple) and self._shape_of(s.value) is not None:
            names = s.targets[0].elts
            if len(names) != ARRAYS[self._shape_of(s.value)][1] or not all(isinstance(n, ast.Name) for n in names):
                raise NotCompilable("an array's shape unpacked into other than one name per dimension", s.lineno)
            for n in names:
                self.bind(n.id, NType.INT)
            return
        if _parallel(s):        # `zr, zi = (zr * zr - zi * zi + cr, 2.0 * zr * zi + ci)`
            values = [self.expr(v) for v in s.value.elts]
            for target, value in zip(s.targets[0].elts, values):
                if value in ARRAYS or value in KNOWN:
                    raise NotCompilable(f"a {value.value} bound in native code (only those it is entered with)",
                                        s.lineno)
                self.bind(target.id, value)
            return
        if not all(isinstance(t, ast.Name) for t in s.targets):
            raise NotCompilable("assignment to something other than names", s.lineno)
        if len(s.targets) > 1:      # `zr = zi = 0.0`
            value = self.expr(s.value)
            if value not in SCALARS + (None,):
                raise NotCompilable(f"a {value.value} bound to several names", s.lineno)
            for target in s.targets:
                self.bind(target.id, value)
            return
        name = s.targets[0].id
        combo = self._combo_iterator(s.value)
        if isinstance(s.value, ast.List) and not s.value.elts:     # `x = []`: a list native code makes
            if not self.leaving:
                raise NotCompilable("a list made by a called function", s.lineno)
            self._made.add(name)
            self._grow(name)
        elif combo is not None:
            self.bind(name, combo)
        elif self._is_range_iterator(s.value):
            self.bind(name, NType.RANGE)
        elif self._array_iterator(s.value) is not None:
            over = self._array_iterator(s.value)
            self.bind(name, over.iterator if isinstance(over, RecordsType) else ITERATOR_OF[over])
            self.typed.iterated[name] = s.value.args[0].id
        elif isinstance(s.value, ast.Constant) and s.value.value is None \
                and (self.typed.locals.get(name) in LOOPED
                     or isinstance(self.typed.locals.get(name), (RecordsIterType, ComboIterType))):
            return     # the loop is over: its iterator is let go of
        else:
            value = self.expr(s.value)
            if value in LISTS:
                self._bind_list(name, s.value)
            elif value in ARRAYS or isinstance(value, (RecordsType, RecordsIterType)):
                raise NotCompilable(f"a {value.value} bound in native code (only those it is entered with)",
                                    s.lineno)
            if value in KNOWN:
                self._bind_object(name, self._object(s.value))
            self.bind(name, value)


    def _bind_object(self, name: str, value):
        """`name` bound to the function or instance `value` (see the class's docstring)."""
        if name in self.objects and self.objects[name] is not value \
                or self.leaving and self.entered_with.get(name, value) is not value:
            raise NotCompilable(f"`{name}` bound to another function or instance in native code", self.statement)
        if self.leaving and name not in self.entered_with:
            raise NotCompilable(f"`{name}` bound to a function or instance in the frame native code enters",
                                self.statement)
        self.objects[name] = value

    def _object(self, node: ast.expr):
        """The function or instance `node` (a local, or an attribute of an instance) holds."""
        if isinstance(node, ast.Name):
            return self.objects[node.id]
        return self.typed.constants[id(node)]


    def _shape_of(self, node: ast.expr) -> NType | None:
        """The array type `node` is the `.shape` of, if it is that of a local numpy array."""
        if isinstance(node, ast.Attribute) and node.attr == "shape" and isinstance(node.value, ast.Name):
            t = self.typed.locals.get(node.value.id)
            return t if t in NUMPY_ARRAYS else None
        return None

    def stmt_AugAssign(self, s: ast.AugAssign):
        if isinstance(s.target, ast.Subscript) and self.expr(s.target.value) in NUMPY_ARRAYS:
            value = self.expr(ast.BinOp(left=s.target, op=s.op, right=s.value))    # `m[i][j] += v`: in place
            self.typed.expressions[id(s)] = value
            self._store_item(s.target, ast.BinOp(left=s.target, op=s.op, right=s.value))
            return
        if not isinstance(s.target, ast.Name):
            raise NotCompilable("augmented assignment to something other than a name", s.lineno)
        value = self.expr(ast.BinOp(left=s.target, op=s.op, right=s.value))
        self.typed.expressions[id(s)] = value
        self.bind(s.target.id, value)

    def stmt_If(self, s: ast.If):
        if self._check_after_augmented(s):
            self.typed.skipped.add(id(s))
            return
        self.condition(s.test)
        known = self._known(s.test)
        if known is not None:       # the other branch is never taken for these types: not typed
            self.typed.known[id(s)] = known
        if known is not False:
            self.block(s.body)
        if known is not True:
            self.block(s.orelse)

    def _known(self, node: ast.expr) -> bool | None:
        """The value of a test that the types decide (an `is` comparison of native_types._identity, and
        `and`/`or`/`not` of those, where every operand evaluated before the deciding one is decided too)."""
        if isinstance(node, ast.Compare):
            value = self.typed.identities.get(id(node))
            return value if isinstance(value, bool) else None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self._known(node.operand)
            return None if inner is None else not inner
        if isinstance(node, ast.BoolOp):
            deciding = isinstance(node.op, ast.Or)
            for operand in node.values:
                value = self._known(operand)
                if value is None:
                    return None
                if value is deciding:
                    return deciding
            return not deciding
        return None

    def _check_after_augmented(self, s: ast.If) -> bool:
        """Whether `s` is the statement form's check after `x += y` (`if x is _pf_tN: <mutation
        check of x>`, compiler/anf.py) on a number: numbers are never mutated in place, so it does
        nothing."""
        test = s.test
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is)
                and isinstance(test.left, ast.Name) and isinstance(test.comparators[0], ast.Name)
                and test.comparators[0].id.startswith(TEMP) and not s.orelse and len(s.body) == 1
                and isinstance(s.body[0], ast.Expr)):
            return False
        checks = any(isinstance(n, ast.Name) and n.id == MUTATION_CHECK for n in ast.walk(s.body[0]))
        return checks and self.typed.locals.get(test.left.id) in SCALARS


    def stmt_Return(self, s: ast.Return):
        none = s.value is None or isinstance(s.value, ast.Constant) and s.value.value is None
        value = NType.NONE if none else self.expr(s.value)
        if value is None:
            return      # a recursive call's type is not known yet
        if value in ARRAYS or value in KNOWN or isinstance(value, (RecordsType, RecordsIterType)):
            raise NotCompilable(f"a {value.value} returned", s.lineno)
        if self.typed.returns is None:
            self.typed.returns, self.changed = value, True
        elif self.typed.returns is not value:
            raise NotCompilable(f"returns both {self.typed.returns.value} and {value.value}", s.lineno)

    def stmt_Pass(self, s):
        pass

    def stmt_Expr(self, s: ast.Expr):
        if self._append(s):
            return
        if self._mutation_check(s.value) or self._no_output_argument(s.value):
            self.typed.skipped.add(id(s))
        elif not isinstance(s.value, ast.Constant):    # a docstring, or `...`
            raise NotCompilable("an expression statement", s.lineno)

    def _no_output_argument(self, value: ast.expr) -> bool:
        """Whether `value` is the statement form's check of a call's output arguments (`_pf_out(f, ...)`,
        compiler/linker.check_positional_out) where `f` is a user function with no `out` parameter,
        which it never refuses."""
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == OUT_CHECK
                and value.args):
            return False
        target = self.resolve(value.args[0])
        function = target.function if isinstance(target, _Method) else target
        return isinstance(function, types.FunctionType) \
            and "out" not in function.__code__.co_varnames[:function.__code__.co_argcount]

    def _mutation_check(self, value: ast.expr) -> bool:
        """Whether `value` is the statement form's mutation check (`(...) and _pf_mut(x, where)`,
        compiler/anf.py) where native code knows it passes: before a method call on a compiled-in
        instance, which it never refuses (compiler/linker.check_mutation: a user object's own methods
        are checked where they change it, and native code changes nothing); on a list, which it refuses
        only where the list came from outside the computation: native code is not entered with one it
        may write (compiler/native_lists.py)."""
        if not (isinstance(value, ast.BoolOp) and isinstance(value.op, ast.And)):
            return False
        check = value.values[-1]
        if not (isinstance(check, ast.Call) and isinstance(check.func, ast.Name) and check.func.id == MUTATION_CHECK
                and len(check.args) == 2 and isinstance(check.args[0], ast.Name)
                and isinstance(check.args[1], ast.Constant) and isinstance(check.args[1].value, str)):
            return False
        checked = self.typed.locals.get(check.args[0].id)
        if (checked in LISTS or checked in NUMPY_ARRAYS) and self.leaving:
            self._write(check.args[0])
            return True
        return checked is NType.OBJECT and len(check.args[1].value.split("\x00")) == 3

    def stmt_Break(self, s):
        pass

    def stmt_Continue(self, s):
        pass

    def bind(self, name: str, value: NType | None):
        if value is None:
            return
        old = self.typed.locals.get(name)
        if old is None:
            self.typed.locals[name] = value
            self.changed = True
        elif old is not value:
            joined = join(old, value)
            if joined is None:
                raise NotCompilable(f"`{name}` holds both {old.value} and {value.value}", self.statement)
            if joined is not old:
                self.typed.locals[name], self.changed = joined, True

    def condition(self, node: ast.expr):
        value = self.expr(node)
        if value is not None and value not in SCALARS:
            raise NotCompilable(f"a condition of type {value.value}", self.statement)

    # ## Expressions

    def expr(self, node: ast.expr) -> NType | None:
        handler = getattr(self, "expr_" + type(node).__name__, None)
        if handler is None:
            raise NotCompilable(f"`{type(node).__name__}` expressions", self.statement)
        value = handler(node)
        if value is not None:
            self.typed.expressions[id(node)] = value
        return value

    def expr_Constant(self, node: ast.Constant) -> NType:
        value = type_of_value(node.value)
        if value not in NUMBERS and value is not NType.COMPLEX:
            raise NotCompilable(f"the constant {node.value!r}", self.statement)
        return value

    def expr_Name(self, node: ast.Name) -> NType | None:
        value = self.typed.locals.get(node.id)
        if value is None and node.id not in self._assigned():
            raise NotCompilable(f"`{node.id}` is no local of a native type", self.statement)
        return value

    def expr_Attribute(self, node: ast.Attribute) -> NType | None:
        """An attribute of an instance native code is specialized on: what it holds now, compiled in; a
        complex number's `real` and `imag`."""
        owner = node.value
        if node.attr in ("real", "imag") and self.expr(owner) is NType.COMPLEX:
            return NType.FLOAT
        if not (isinstance(owner, ast.Name) and self.typed.locals.get(owner.id) is NType.OBJECT):
            raise NotCompilable("an attribute of something other than an instance", self.statement)
        try:
            value, method_of = attribute(self.objects[owner.id], node.attr)
        except NotAnAttribute as why:
            raise NotCompilable(f"the attribute {why}", self.statement) from None
        if method_of is not None:
            raise NotCompilable(f"the method `{node.attr}` other than called", self.statement)
        t = type_of_value(value)
        if t not in NUMBERS + KNOWN:
            raise NotCompilable(f"the attribute `{node.attr}`, a {type(value).__qualname__}", self.statement)
        self.typed.constants[id(node)] = value
        return t

    def expr_BinOp(self, node: ast.BinOp) -> NType | None:
        left, right = self.expr(node.left), self.expr(node.right)
        if left is None or right is None:
            return None
        op = type(node.op)
        if NType.COMPLEX in (left, right):      # CPython 3.11-3.13 make the other operand complex first
            if not {left, right} <= {NType.COMPLEX, NType.FLOAT, NType.INT} or op not in (ast.Add, ast.Sub, ast.Mult):
                raise NotCompilable(f"`{op.__name__}` of {left.value} and {right.value}", self.statement)
            return NType.COMPLEX
        if NType.NUMBER in (left, right):       # an int or a float with a float: a float's arithmetic
            if {left, right} == {NType.NUMBER, NType.FLOAT} and op in _FLOAT_ARITHMETIC \
                    or left is NType.NUMBER and right is NType.INT and op is ast.Div:     # `s / len(xs)`
                return NType.FLOAT
            raise NotCompilable(f"`{op.__name__}` of {left.value} and {right.value}", self.statement)
        if left not in SCALARS or right not in SCALARS:
            raise NotCompilable("arithmetic on something other than numbers", self.statement)
        if left in UNIONS or right in UNIONS:       # what each pair of concrete operands gives
            results = [self._arithmetic(op, a, b) for a in members(left) for b in members(right)]
            joined = join(*results)
            if joined is None:
                raise NotCompilable(f"`{op.__name__}` of {left.value} and {right.value}", self.statement)
            return joined
        return self._arithmetic(op, left, right)

    def _arithmetic(self, op: type, left: NType, right: NType) -> NType:
        if left in NP_SCALARS or right in NP_SCALARS:
            return self._numpy_arithmetic(op, left, right)
        if op in (ast.BitAnd, ast.BitOr, ast.BitXor, ast.LShift, ast.RShift):
            if NType.FLOAT in (left, right):
                raise NotCompilable("a bitwise operation on a float", self.statement)
            if left is right is NType.BOOL and op in (ast.BitAnd, ast.BitOr, ast.BitXor):
                return NType.BOOL
            return NType.INT
        if op is ast.MatMult:
            raise NotCompilable("`@`", self.statement)
        if op is ast.Div or NType.FLOAT in (left, right):
            return NType.FLOAT
        return NType.INT

    def _numpy_arithmetic(self, op: type, left: NType, right: NType) -> NType:
        """The type numpy gives (NEP 50: a Python number takes the numpy operand's type): float64
        where either is a float or for `/`, else int64. numpy's booleans and bit operations are
        not native code's."""
        if NType.NP_BOOL in (left, right) or op not in (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv,
                                                         ast.Mod, ast.Pow):
            raise NotCompilable(f"`{op.__name__}` of numpy {left.value} and {right.value}", self.statement)
        if op is ast.Div or {base(left), base(right)} & {NType.FLOAT}:
            return NType.NP_FLOAT
        return NType.NP_INT

    def expr_UnaryOp(self, node: ast.UnaryOp) -> NType | None:
        value = self.expr(node.operand)
        if value is None:
            return None
        if value is NType.COMPLEX and isinstance(node.op, (ast.USub, ast.UAdd)):
            return value
        if value not in SCALARS:
            raise NotCompilable("a unary operation on something other than a number", self.statement)
        if isinstance(node.op, ast.Not):
            return NType.BOOL
        if value in NP_SCALARS + tuple(UNIONS) and (value in (NType.NP_BOOL, NType.BOOL_U)
                                                    or isinstance(node.op, ast.Invert)):
            raise NotCompilable(f"`{type(node.op).__name__}` of a {value.value}", self.statement)
        if isinstance(node.op, ast.Invert) and value is NType.FLOAT:
            raise NotCompilable("`~` of a float", self.statement)
        return NType.INT if value is NType.BOOL else value

    def expr_Compare(self, node: ast.Compare) -> NType | None:
        if any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            return self._identity(node)
        values = [self.expr(operand) for operand in [node.left, *node.comparators]]
        for value in values:
            if value is not None and value not in SCALARS:
                raise NotCompilable("a comparison of something other than numbers", self.statement)
        for op in node.ops:
            if isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn)):
                raise NotCompilable(f"`{type(op).__name__}` comparisons", self.statement)
        if None in values:
            return None
        # Each comparison gives numpy's bool where a numpy scalar takes part; a chain gives one of them.
        kinds = {join(*(NType.NP_BOOL if m in NP_SCALARS or n in NP_SCALARS else NType.BOOL
                        for m in members(a) for n in members(b)))
                 for a, b in zip(values, values[1:])}
        if len(kinds) > 1 or len(values) > 2 and NType.BOOL_U in kinds:
            raise NotCompilable("a chained comparison giving both bool and numpy.bool", self.statement)
        return kinds.pop()

    def _identity(self, node: ast.Compare) -> NType | None:
        """`type(x) is int` and `x is False` / `x is None` as the statement form's sum steps test them:
        known from x's type, but for a bool's `is True`/`is False`, which is its value."""
        if len(node.ops) != 1:
            raise NotCompilable("a chain of `is` comparisons", self.statement)
        left, right, negated = node.left, node.comparators[0], isinstance(node.ops[0], ast.IsNot)
        if isinstance(left, ast.Call) and isinstance(left.func, ast.Name) and len(left.args) == 1 \
                and not left.keywords and isinstance(right, ast.Name) and self.resolve(left.func) is type:
            value = self.expr(left.args[0])
            if value is None:
                return None
            if value not in PYTHON_TYPES:
                raise NotCompilable(f"the type of a {value.value} tested", self.statement)
            self.typed.identities[id(node)] = (PYTHON_TYPES[value] is self._global(right.id)) != negated
            return NType.BOOL
        if isinstance(right, ast.Constant) and right.value in (None, True, False) and type(right.value) is not int:
            value = self.expr(left)
            if value is None:
                return None
            if value not in SCALARS:
                raise NotCompilable(f"a {value.value} tested with `is`", self.statement)
            if value is NType.BOOL and right.value is not None:
                self.typed.identities[id(node)] = (right.value, negated)
            else:
                self.typed.identities[id(node)] = negated
            return NType.BOOL
        raise NotCompilable("`is` comparisons of other than a type or a constant", self.statement)

    def expr_BoolOp(self, node: ast.BoolOp) -> NType | None:
        values = [self.expr(v) for v in node.values]
        if any(v in UNIONS for v in values):
            raise NotCompilable("`and`/`or` of a local that holds both Python's and numpy's numbers", self.statement)
        known = {v for v in values if v is not None}
        if len(known) > 1:
            raise NotCompilable("`and`/`or` of operands of different types", self.statement)
        if known and not known <= set(SCALARS):
            raise NotCompilable("`and`/`or` of something other than numbers", self.statement)
        return known.pop() if len(known) == 1 and None not in values else None

    def expr_IfExp(self, node: ast.IfExp) -> NType | None:
        self.condition(node.test)
        body, orelse = self.expr(node.body), self.expr(node.orelse)
        if body is not None and orelse is not None and body is not orelse:
            raise NotCompilable("a conditional expression of two types", self.statement)
        if {body, orelse} & {*ARRAYS, *UNIONS, *KNOWN}:
            raise NotCompilable("a conditional expression of arrays or of mixed numbers", self.statement)
        return body if orelse is None else orelse

    def expr_Subscript(self, node: ast.Subscript) -> NType | None:
        """An element or a row of a local array (`a[i]`, `m[i, j]`, `m[i][j]`), or a dimension of its
        shape (`a.shape[0]`)."""
        shape = self._shape_of(node.value)
        if shape is not None:
            k = constant_int(node.slice)
            if k is None or not -ARRAYS[shape][1] <= k < ARRAYS[shape][1]:
                raise NotCompilable("an array's shape indexed other than by a constant in range", self.statement)
            return NType.INT
        array = self.expr(node.value)
        if isinstance(array, TupleType):
            return self._tuple_item(array, node.slice)
        if array not in ARRAYS:
            raise NotCompilable(f"indexing {'a value' if array is None else array.value}", self.statement)
        indices = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if len(indices) > ARRAYS[array][1] or len(indices) > 1 and array in LISTS:
            raise NotCompilable("more indices than the array has dimensions", self.statement)
        for index in indices:
            if self.expr(index) not in (NType.INT, NType.NP_INT, NType.INT_U, None):
                raise NotCompilable("an array indexed by other than an int", self.statement)
        return row(array) if len(indices) == 1 else ELEMENT[ARRAYS[array][0]]

    def _tuple_item(self, t: TupleType, index: ast.expr) -> NType | None:
        """`t[k]`: of a constant k its item's type; of a computed one, where all items have one type."""
        k = constant_int(index)
        if k is not None:
            if not -len(t.items) <= k < len(t.items):
                raise NotCompilable("a tuple indexed past its end", self.statement)
            return t.items[k]
        if self.expr(index) not in (NType.INT, NType.BOOL, None):
            raise NotCompilable("a tuple indexed by other than an int", self.statement)
        if len(set(t.items)) > 1:
            raise NotCompilable(f"a {t.value} indexed by a computed index", self.statement)
        return t.items[0]

    def expr_Tuple(self, node: ast.Tuple) -> TupleType | None:
        items = [self.expr(e) for e in node.elts]
        if None in items:
            return None
        if not 0 < len(items) <= TUPLE_ITEMS or not all(t in NUMBERS for t in items):
            raise NotCompilable("a tuple of other than numbers", self.statement)
        return tuple_of(items)

    def expr_Call(self, node: ast.Call) -> NType | None:
        if node.keywords:
            raise NotCompilable("a call with keyword arguments", self.statement)
        if isinstance(node.func, ast.Name) and node.func.id == SUM_TOTAL and len(node.args) == 2:
            return self._sum_total(node)
        target = self.resolve(node.func)
        args = [self.expr(a) for a in node.args]
        if target in MATH_UNARY or target in MATH_BINARY or target in MATH_INT:
            self._numbers(args, 1 if target in MATH_UNARY or target in MATH_INT else 2, node)
            self.typed.calls[id(node)] = ("math", target.__name__)
            return NType.INT if target in MATH_INT else NType.FLOAT
        made = _NUMPY_SCALAR_MAKERS.get(getattr(target, "__name__", "")) \
            if getattr(target, "__module__", None) == "numpy" else None
        if made is not None and len(args) == 1 and args[0] in (SCALARS if made is NType.NP_FLOAT else
                                                                (NType.INT, NType.NP_INT)):
            self.typed.calls[id(node)] = ("builtin", "float" if made is NType.NP_FLOAT else "int")
            return made
        if target is len and len(args) == 1 and (args[0] in ARRAYS or isinstance(args[0], (TupleType, RecordsType))):
            self.typed.calls[id(node)] = ("builtin", "len")
            return NType.INT
        if target in BUILTINS and target is not range:
            return self._builtin(BUILTINS[target], args, node)
        if isinstance(target, _Method) or isinstance(target, types.FunctionType):
            if None in args:
                return None
            if any(a not in NUMBERS + NP_SCALARS + KNOWN + tuple(ARRAYS) + (NType.COMPLEX,)
                   and not isinstance(a, TupleType) for a in args):
                raise NotCompilable("a call with arguments other than numbers, arrays, functions and instances",
                                    self.statement)
            signature = tuple(_signed(self._object(n)) if a in KNOWN else a for a, n in zip(args, node.args))
            if isinstance(target, _Method):
                target, signature = target.function, (Known(target.instance), *signature)
            self.typed.calls[id(node)] = Callee(target, signature)
            return self.callee_return(target, signature)
        raise NotCompilable(f"a call of {getattr(target, '__qualname__', type(target).__name__)}", self.statement)

    def _sum_total(self, node: ast.Call) -> NType | None:
        """A 3.12+ sum's result from its state: of ints, (total, False); of floats, (total, compensation)."""
        total, state = (self.expr(a) for a in node.args)
        if None in (total, state):
            return None
        if (total, state) not in ((NType.INT, NType.BOOL), (NType.FLOAT, NType.FLOAT)):
            raise NotCompilable(f"a sum's state of {total.value} and {state.value}", self.statement)
        self.typed.calls[id(node)] = ("builtin", "sum_total")
        return total

    def _builtin(self, name: str, args: list, node: ast.Call) -> NType | None:
        self.typed.calls[id(node)] = ("builtin", name)
        if name == "complex":       # of one or two numbers (floats: CPython's own parts)
            if not 1 <= len(args) <= 2 or any(a is not None and a not in NUMBERS for a in args):
                raise NotCompilable("`complex` of other than one or two numbers", self.statement)
            return NType.COMPLEX
        if name == "abs" and args == [NType.COMPLEX]:
            self.typed.calls[id(node)] = ("builtin", "abs_complex")
            return NType.FLOAT
        if name in ("min", "max"):
            if len(args) < 2:
                raise NotCompilable(f"`{name}` of an iterable", self.statement)
            if None in args:
                return None
            self._numbers(args, len(args), node)
            if len(set(args)) > 1 or args[0] in UNIONS:
                raise NotCompilable(f"`{name}` of numbers of different types", self.statement)
            return args[0]
        self._numbers(args, 1, node)
        if name == "abs":
            if args[0] is NType.NP_BOOL:
                raise NotCompilable("`abs` of a numpy.bool", self.statement)
            return None if args[0] is None else NType.INT if args[0] is NType.BOOL else args[0]
        return {"int": NType.INT, "float": NType.FLOAT, "bool": NType.BOOL}[name]

    def _numbers(self, args: list, count: int, node: ast.Call):
        if len(args) != count or any(a is not None and a not in SCALARS for a in args):
            raise NotCompilable("a call whose arguments are not the numbers it takes", self.statement)

    def resolve(self, func: ast.expr):
        """The object a called name or `module.name` means, from the globals and the builtins."""
        if isinstance(func, ast.Name):
            if self.typed.locals.get(func.id) in KNOWN:
                return self._callable(self.objects[func.id])
            if func.id in self.typed.locals or func.id in self._assigned():
                raise NotCompilable("a call of a local", self.statement)
            return self._global(func.id)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and self.typed.locals.get(func.value.id) is NType.OBJECT:
            try:
                value, method_of = attribute(self.objects[func.value.id], func.attr)
            except NotAnAttribute as why:
                raise NotCompilable(f"the attribute {why}", self.statement) from None
            return self._callable(value) if method_of is None else _Method(value, method_of)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id not in self.typed.locals:
            owner = self._global(func.value.id)
            if isinstance(owner, types.ModuleType) and owner.__name__ in ("math", "numpy"):
                return getattr(owner, func.attr, None)
            function = class_function(owner, func.attr)
            if function is not None:        # `Base.method(self, x)`
                return function
        raise NotCompilable("a call of something other than a global function", self.statement)

    def _callable(self, value):
        """What a call of `value` calls: a function, or an instance's `__call__` with it first."""
        if isinstance(value, types.FunctionType):
            return value
        if type_of_value(value) is NType.OBJECT:
            try:
                return _Method(called(value), value)
            except NotAnAttribute as why:
                raise NotCompilable(str(why), self.statement) from None
        raise NotCompilable(f"a call of a {type(value).__qualname__}", self.statement)

    def _global(self, name: str):
        if name in self.globals:
            return self.globals[name]
        table = self.globals.get("__builtins__", builtins)
        table = table if isinstance(table, dict) else vars(table)
        if name not in table:
            raise NotCompilable(f"the unknown name `{name}`", self.statement)
        return table[name]

    def _is_range_iterator(self, value: ast.expr) -> bool:
        """Whether `value` is `_pf_iter(range(...))`, the statement form's loop iterator of a range."""
        return (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == ITER_BUILTIN
                and len(value.args) == 1 and isinstance(value.args[0], ast.Call)
                and self._range_call(value.args[0]))

    def _range_call(self, call: ast.Call) -> bool:
        if not (isinstance(call.func, ast.Name) and self.resolve(call.func) is range) \
                or call.keywords or not 1 <= len(call.args) <= 3:
            return False
        for arg in call.args:
            value = self.expr(arg)
            if value not in (NType.INT, NType.BOOL, None):
                raise NotCompilable("a range of something other than ints", self.statement)
        self.typed.calls[id(call)] = ("builtin", "range")
        return True

    def _assigned(self) -> set:
        """Names the piece binds somewhere (a read before the first pass reaches the binding is fine)."""
        names = getattr(self, "_assigned_names", None)
        if names is None:
            names = set()
            for s in self.statements:
                for node in ast.walk(s):
                    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                        names.add(node.id)
            self._assigned_names = names
        return names
