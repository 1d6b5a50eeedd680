"""A differential case: one function and its arguments, run by CPython and by pyfora."""
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class Case:
    """`fn(*args, **kwargs)` must give the same value (or exception) in CPython and pyfora.

    `refused` marks a program outside the subset: pyfora must raise
    `PythonToForaConversionError` whose message contains `match`.
    """
    fn: Callable
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    refused: bool = False
    match: str = ""

    @property
    def name(self) -> str:
        return f"{self.fn.__module__.rsplit('.', 1)[-1]}.{self.fn.__qualname__}"


def case(fn, *args, **kwargs) -> Case:
    """Compare `fn(*args, **kwargs)` in CPython and in pyfora."""
    return Case(fn, args, kwargs)


def refused(fn, *args, match: str = "", **kwargs) -> Case:
    """Expect pyfora to refuse `fn` with a conversion error mentioning `match`."""
    return Case(fn, args, kwargs, refused=True, match=match)
