"""The functions and instances native code compiles in: what an attribute of one is, by Python's
rules, and the key that says when two of them compile alike.

Policy. Native code holds no Python object. A function a piece is entered
with (a lambda passed in), an instance of a user class (`Compose(Add(20.0),
Multiply(10.0))`), and what their attributes hold are compiled in: an
attribute read is the value it has where the piece is compiled, a method call
or an instance's `__call__` a call of that function with the instance known.
That is exact because native code runs no Python code and stores no attribute,
so nothing changes them while it runs; and a piece is entered again only with
objects of the same *state*: `state_key` covers the class (its functions' code
and its plain attributes) and every field, numbers by their bits, instances in
fields by their own state, so the instance a caller makes anew each call
finds the piece its first one compiled. What is read is looked up as CPython
does: a data descriptor of the class (a property) first, then the instance's
`__dict__`, then the class; a class that overrides
`__getattribute__`, a property, a classmethod, or a value native code cannot
hold is NotCompilable where it is read.
"""
import struct
import types

_DEPTH = 4
"""Instances within instances a state key goes into: deeper, the object is not compiled in."""
_FIELDS = 64
"""Fields of one instance (and its class's attributes) a state key reads at most."""
_HEAPTYPE = 1 << 9
"""Py_TPFLAGS_HEAPTYPE: a class made by a `class` statement (not a built-in type)."""


class Known:
    """An instance in a callee's signature: the same instance is the same argument (whatever its
    `__eq__` says), and an instance whose `__eq__` makes it unhashable still keys a signature."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return isinstance(other, Known) and other.value is self.value

    def __hash__(self):
        return id(self.value)


def is_user_instance(value) -> bool:
    """Whether `value` is an instance of classes made by `class` statements only (no built-in type,
    `object` aside, among its bases), with Python's own attribute lookup and a `__dict__`."""
    kind = type(value)
    return (isinstance(kind, type) and type(kind) is type and kind.__getattribute__ is object.__getattribute__
            and all(k.__flags__ & _HEAPTYPE for k in kind.__mro__[:-1]) and hasattr(value, "__dict__"))


def state_key(value, depth: int = 0):
    """What a compiled-in function or instance compiles from (see the module's policy), hashable; None
    where it is too deep or too large to key (it is then not compiled in)."""
    if isinstance(value, types.FunctionType):
        return value.__code__
    if not is_user_instance(value) or depth > _DEPTH:
        return None
    fields = vars(value)
    if len(fields) > _FIELDS:
        return None
    kind = _class_key(type(value), depth)
    if kind is None:
        return None
    items = []
    for name, field in sorted(fields.items()):
        key = _value_key(field, depth)
        if key is None:
            return None
        items.append((name, key))
    return kind, tuple(items)


def _value_key(value, depth: int):
    kind = type(value)
    if kind is float:
        return float, struct.pack("<d", value)       # -0.0 and each NaN apart
    if kind in (bool, int, str, bytes, type(None)):
        return kind, value
    if kind is types.FunctionType:
        return value.__code__
    if is_user_instance(value):
        inner = state_key(value, depth + 1)
        return None if inner is None else ("object", inner)
    return "other", kind       # never read by native code (reading it is NotCompilable)


def _class_key(kind: type, depth: int):
    """A class by what native code may read of it: its name, and its functions' code and its other
    attributes' keys, along its MRO (a class is made anew with each program image; its code is not);
    None where an attribute has no key."""
    parts = []
    for klass in kind.__mro__[:-1]:
        attributes = []
        for name, value in sorted(vars(klass).items()):
            if isinstance(value, (staticmethod, classmethod)):
                attributes.append((name, type(value), getattr(value.__func__, "__code__", None)))
            else:
                key = _value_key(value, depth)
                if key is None:
                    return None
                attributes.append((name, key))
        parts.append((klass.__qualname__, tuple(attributes)))
    return tuple(parts)


class NotAnAttribute(Exception):
    """Why an attribute read is not compiled in."""


def attribute(value, name: str):
    """(what `value.name` is, the instance it is a method of or None), looked up as CPython does for an
    instance of a user class; NotAnAttribute where native code cannot have it."""
    kind = type(value)
    found = _class_attribute(kind, name)
    if found is not None and (hasattr(type(found[0]), "__set__") or hasattr(type(found[0]), "__delete__")):
        raise NotAnAttribute(f"`{name}`, a property or other data descriptor")
    fields = vars(value)
    if name in fields:
        return fields[name], None
    if found is None:
        raise NotAnAttribute(f"`{name}`, which {kind.__qualname__} instances do not have")
    member = found[0]
    if isinstance(member, types.FunctionType):
        return member, value
    if isinstance(member, staticmethod):
        return member.__func__, None
    if hasattr(type(member), "__get__"):
        raise NotAnAttribute(f"`{name}`, a {type(member).__name__}")
    return member, None


def called(value) -> types.FunctionType:
    """The function `value(...)` calls with `value` first: its class's `__call__`."""
    found = _class_attribute(type(value), "__call__")
    if found is None or not isinstance(found[0], types.FunctionType):
        raise NotAnAttribute(f"a call of a {type(value).__qualname__} instance")
    return found[0]


def class_function(owner, name: str) -> types.FunctionType | None:
    """The plain function `owner.name` is, where `owner` is a user class (`Base.method`), else None."""
    if not (isinstance(owner, type) and type(owner) is type and owner.__flags__ & _HEAPTYPE):
        return None
    found = _class_attribute(owner, name)
    return found[0] if found is not None and isinstance(found[0], types.FunctionType) else None


def _class_attribute(kind: type, name: str) -> tuple | None:
    """(the attribute `name` of the first class of `kind`'s MRO that has one,), or None."""
    for klass in kind.__mro__:
        if name in vars(klass):
            return (vars(klass)[name],)
    return None
