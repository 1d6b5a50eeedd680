"""The program image: content-addressed code definitions plus the object graph that uses them.

A `CodeDef` is the source of one def or lambda and what compiling it needs;
its id is a hash of exactly that, so a worker compiles each one once and later
submissions refer to it by id. The object graph (the function, its arguments,
the globals, closures, defaults and classes they reach) is a pickle in which
user functions and classes are rebuilt from code ids on the other side.
"""
import functools
import hashlib
from dataclasses import dataclass, field, fields

import msgpack


@dataclass(frozen=True)
class CodeDef:
    """One def or lambda: its text placed at `line`/`col` of `filename`, and how to compile it."""
    filename: str
    text: str
    line: int
    col: int
    qualname: str
    freevars: tuple
    mangle: str | None
    shadowed: tuple      # builtins the module redefines (`def sum(...)`): calls to them stay the user's
    fresh: tuple         # (global name, kind): calling it gives a new value the caller owns (ownership.py)
    constructed: tuple = ()   # global names of user classes whose call is object.__new__ then a def __init__

    def values(self) -> list:
        """The fields in order, as they travel (msgpack writes tuples as arrays)."""
        return [getattr(self, f.name) for f in fields(self)]

    @functools.cached_property
    def id(self) -> str:
        return hashlib.sha256(msgpack.packb(self.values())).hexdigest()[:24]


@dataclass
class ProgramImage:
    """Everything a worker needs to run one submission: code definitions and the pickled graph."""
    codes: dict = field(default_factory=dict)
    graph: bytes = b""

    def to_bytes(self) -> bytes:
        return msgpack.packb({"codes": {k: c.values() for k, c in self.codes.items()},
                              "graph": self.graph})

    @classmethod
    def from_bytes(cls, data: bytes) -> "ProgramImage":
        raw = msgpack.unpackb(data)
        codes = {}
        for k, fields in raw["codes"].items():
            fields[5] = tuple(fields[5])
            fields[7] = tuple(fields[7])
            fields[8] = tuple(tuple(pair) for pair in fields[8])
            fields[9] = tuple(fields[9])
            codes[k] = CodeDef(*fields)
        return cls(codes, raw["graph"])
