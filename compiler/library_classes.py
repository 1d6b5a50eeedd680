"""Classes the standard library makes out of what the user wrote: dataclasses and enums.

Their generated methods have no source (dataclasses writes them with `exec`) and enums are made by a
metaclass, so such a class does not travel as a namespace of the user's functions like a plain
class. It travels as what the user wrote (the annotations, the field specifications, the members'
values, the user's own methods) and the library makes it again on the other side: `dataclass(...)`
with the same parameters, or the enum's own metaclass. What the library generates runs as library
code; the user's own methods are checked and shipped as usual. An enum member travels as its class
and value, so one that comes back is the client's own member (`result is Color.RED`).
"""
import dataclasses
import enum
import os
import types

_FIELD_OPTIONS = ("default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only")
_PARAMS = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")
_DROPPED = frozenset({"__dict__", "__weakref__", "__module__", "__qualname__", "__dataclass_params__",
                      "__dataclass_fields__", "__match_args__"})


def is_dataclass_type(cls: type) -> bool:
    return "__dataclass_fields__" in cls.__dict__


def is_enum_type(cls: type) -> bool:
    """An enum made by the enum module's own metaclass (not a user's metaclass derived from it)."""
    return isinstance(cls, enum.EnumType) and type(cls).__module__ == "enum"


def enum_refusal(cls: type) -> str | None:
    """Why the enum `cls` cannot travel, or None."""
    own = [name for name in ("__new__", "__init__") if name in cls.__dict__
           and isinstance(cls.__dict__[name], types.FunctionType) and cls.__dict__[name].__module__ != "enum"]
    if own:
        return (f"the enum {cls.__qualname__} defines {own[0]}, which pyfora does not run when it makes the "
                "members again; give the members plain values and compute the rest in methods or properties")
    return None


_STDLIB = os.path.dirname(dataclasses.__file__) + os.sep


def is_generated(value) -> bool:
    """A method dataclasses wrote (with `exec`), or one of the standard library's it put in the class
    (`__repr__` wrapped by reprlib, `__replace__` on 3.13)."""
    return isinstance(value, types.FunctionType) and (value.__code__.co_filename == "<string>"
                                                      or value.__code__.co_filename.startswith(_STDLIB))


def dataclass_parts(cls: type) -> tuple[dict, dict, dict]:
    """(the namespace the user wrote; each field's options for `dataclasses.field`; the decorator's
    parameters) of the dataclass `cls`."""
    namespace = {k: v for k, v in cls.__dict__.items() if k not in _DROPPED and not is_generated(v)}
    if namespace.get("__hash__", 0) is None and "__eq__" not in namespace:
        del namespace["__hash__"]      # set by the decorator for eq=True: it sets it again
    own = cls.__dict__.get("__annotations__", {})
    fields = {f.name: _field_options(f) for f in dataclasses.fields(cls) if f.name in own}
    params = {k: getattr(cls.__dataclass_params__, k) for k in _PARAMS}
    params["match_args"] = "__match_args__" in cls.__dict__
    return namespace, fields, params


def _field_options(f: dataclasses.Field) -> dict:
    options = {k: getattr(f, k) for k in _FIELD_OPTIONS if getattr(f, k) is not dataclasses.MISSING}
    options["metadata"] = dict(f.metadata) or None
    return options


def set_dataclass_state(cls: type, state: tuple):
    """Give a rebuilt class what the user wrote, then let `dataclass` generate the rest, in place."""
    namespace, fields, params = state
    for key, value in namespace.items():
        setattr(cls, key, value)
    for name, options in fields.items():
        setattr(cls, name, dataclasses.field(**options))
    dataclasses.dataclass(cls, **params)


def enum_parts(cls: type, is_users) -> tuple[list, dict]:
    """(the members' names and values, aliases included; the user's own methods) of the enum `cls`."""
    members = [(name, member._value_) for name, member in cls.__members__.items()]
    return members, users_methods(cls, is_users)


def users_methods(cls: type, is_users) -> dict:
    """The methods, properties, static and class methods in `cls`'s own namespace whose functions are
    the user's (`is_users(fn)`), not the library's that made the class."""
    return {k: v for k, v in cls.__dict__.items()
            if is_users(getattr(v, "__func__", getattr(v, "fget", v)))}


def new_enum(metaclass: type, name: str, qualname: str, module: str, bases: tuple, members: list) -> type:
    """The enum `name` with `members`, made by its metaclass as a class statement would."""
    body = metaclass.__prepare__(name, bases)
    body["__module__"], body["__qualname__"] = module, qualname
    for member, value in members:
        body[member] = value
    return metaclass(name, bases, body)


def set_namespace(cls: type, namespace: dict):
    """Give a rebuilt class (a plain one, an enum, a named tuple) its namespace, one name at a time."""
    for key, value in namespace.items():
        setattr(cls, key, value)
        if type(value) is property:     # as class creation did: its errors name it
            value.__set_name__(cls, key)


_PLAIN_DROPPED = frozenset({"__dict__", "__weakref__", "__module__", "__qualname__"})


def class_reduction(cls: type, made: tuple, is_users, new_class, new_enum) -> tuple:
    """How to pickle the user's class `cls`: `new_class(*made)` (or `new_enum(metaclass, *made,
    members)`), then its namespace set (a dataclass's decorator run again); `is_users(fn)` tells the
    user's functions from the library's."""
    if is_enum_type(cls):
        members, namespace = enum_parts(cls, is_users)
        return (new_enum, (type(cls), *made, members), namespace, None, None, set_namespace)
    if is_dataclass_type(cls):
        return (new_class, made, dataclass_parts(cls), None, None, set_dataclass_state)
    namespace = {k: v for k, v in cls.__dict__.items() if k not in _PLAIN_DROPPED}
    return (new_class, made, namespace, None, None, set_namespace)


def namedtuple_methods(cls: type, is_users) -> dict:
    """The user's own methods of a `typing.NamedTuple` class (its `__new__` is the library's, made by
    `eval`)."""
    methods = users_methods(cls, is_users)
    methods.pop("__new__", None)
    return methods
