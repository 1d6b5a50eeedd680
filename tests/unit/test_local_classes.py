"""Classes defined inside a submitted function come back to the client as usable classes.

Such a class is made in the worker, a new one at each call; it goes back as its name, bases and
namespace, and the client rebuilds it around its own code (vm/transport.py, compiler/image.py):
the name, the attributes, the methods and `isinstance` against the class that came back all work.
Dataclasses and enums are made again by their library (compiler/library_classes.py).
"""
import dataclasses
import enum

import pytest



class Base:
    def __init__(self, v):
        self.v = v

    def value(self):
        return self.v


def make_point(x, y):
    class Point(Base):
        """A point."""
        dims = 2

        def __init__(self, x, y):
            super().__init__(x + y)
            self.x, self.y = x, y

        def value(self):
            return super().value() * 10

        @property
        def norm1(self):
            return abs(self.x) + abs(self.y)

        def __repr__(self):
            return f"Point({self.x}, {self.y})"

    return Point(x, y), Point


def test_instance_and_class_come_back_usable(executor):
    p, cls = executor.submit(make_point, 1, -2).result()
    assert type(p) is cls
    assert (type(p).__name__, cls.__qualname__, cls.__doc__, cls.dims) == ("Point", "make_point.<locals>.Point",
                                                                          "A point.", 2)
    assert (p.x, p.y, p.v, p.value(), p.norm1, repr(p)) == (1, -2, -1, -10, 3, "Point(1, -2)")
    assert isinstance(p, cls) and isinstance(p, Base)
    assert cls(3, 4).value() == 70


def test_each_result_has_its_own_class(executor):
    first, _ = executor.submit(make_point, 1, 2).result()
    second, _ = executor.submit(make_point, 1, 2).result()
    assert type(first) is not type(second)
    assert type(first).__qualname__ == type(second).__qualname__


def raise_local(n):
    class Overflow(ValueError):
        def __init__(self, n):
            super().__init__(f"{n} is too many")
            self.n = n
    raise Overflow(n)


def test_local_exception_reaches_the_client(executor):
    with pytest.raises(ValueError, match="5 is too many") as info:
        executor.submit(raise_local, 5).result()
    assert type(info.value).__qualname__ == "raise_local.<locals>.Overflow"
    assert info.value.n == 5


# ## Dataclasses and enums: made again by their library, members come back as the client's own

class Color(enum.Enum):
    RED = 1
    GREEN = 2


def pick(n):
    return Color(n), [c for c in Color], {Color.RED: "r"}


def test_enum_members_come_back_as_the_clients_own(executor):
    member, members, table = executor.submit(pick, 1).result()
    assert member is Color.RED
    assert members[1] is Color.GREEN
    assert table[Color.RED] == "r"


def make_local_kinds(n):
    class Kind(enum.Enum):
        SMALL = 1
        LARGE = 2

    @dataclasses.dataclass(frozen=True, order=True)
    class Box:
        size: int
        kind: Kind = Kind.SMALL
        tags: list = dataclasses.field(default_factory=list, compare=False)

    return Box(n, Kind.LARGE), Box, Kind


def test_local_dataclass_and_enum_come_back_usable(executor):
    box, box_cls, kind_cls = executor.submit(make_local_kinds, 3).result()
    assert type(box) is box_cls and box.kind is kind_cls.LARGE
    assert repr(box) == "make_local_kinds.<locals>.Box(size=3, kind=<Kind.LARGE: 2>, tags=[])"
    assert box_cls(1) < box and box_cls(3, kind_cls.LARGE, [1]) == box
    assert dataclasses.replace(box, size=4).size == 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        box.size = 5
    assert [k.name for k in kind_cls] == ["SMALL", "LARGE"]
