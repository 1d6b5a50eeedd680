"""Differential cases: classes the way people ordinarily write them (issue 8, "Reach").

Classes defined inside functions (a fresh class per call, methods, closures,
inheritance, `super()`, properties, static and class methods, exceptions);
refusals deferred until the code that needs them runs; dataclasses, typing
annotations, NamedTuple and Enum; values that cannot travel. Two small
applications close the file. A class defined inside a function is a new class
at every call, so these cases return what can be compared with CPython's run
(names, attributes, values); tests/unit/test_local_classes.py checks the
classes and instances that come back themselves.
"""
import dataclasses
import enum
import functools
import hashlib
import multiprocessing
import os
import socket
import struct
import threading
import time
import types
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from case import case, refused


# ---------------------------------------------------------------------------
# 1. Classes defined inside functions
# ---------------------------------------------------------------------------

def local_class_basics(n):
    offset = 10

    class Acc:
        """An accumulator."""
        scale = 3

        def __init__(self, v):
            self.v = v

        def total(self):
            return self.v * self.scale + offset

        @property
        def double(self):
            return self.v * 2

        @staticmethod
        def bump(x):
            return x + 1

        @classmethod
        def make(cls, v):
            return cls(v)

    a = Acc(n)
    return a.total(), a.double, Acc.bump(1), Acc.make(4).v, Acc.__doc__, Acc.scale, vars(a)


def local_class_names(n):
    class Inner:
        def method(self):
            return n
    return (Inner.__name__, Inner.__qualname__, Inner.method.__qualname__, type(Inner()).__name__,
            Inner.__module__ == __name__, Inner().method())


def local_class_fresh_per_call(n):
    def make(k):
        class Box:
            def get(self):
                return k
        return Box
    a, b = make(1), make(2)
    return a is b, a().get(), b().get(), isinstance(a(), b), a.__qualname__


class Shape:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} with area {self.area()}"


def local_subclass_of_module_class(w, h):
    class Rect(Shape):
        def __init__(self, w, h):
            super().__init__("rect")
            self.w, self.h = w, h

        def area(self):
            return self.w * self.h

        def describe(self):
            return super().describe().upper()

    class Square(Rect):
        def __init__(self, s):
            super().__init__(s, s)
            self.name = "square"

    r, s = Rect(w, h), Square(w)
    return (r.describe(), s.describe(), isinstance(s, Rect), isinstance(s, Shape), issubclass(Square, Shape),
            [c.__name__ for c in Square.__mro__])


def local_exceptions(values):
    class ParseError(ValueError):
        def __init__(self, text, pos):
            super().__init__(f"bad {text!r} at {pos}")
            self.pos = pos

    class EmptyError(ParseError):
        pass

    def parse(i, text):
        if not text:
            raise EmptyError(text, i)
        if not text.isdigit():
            raise ParseError(text, i)
        return int(text)

    out = []
    for i, text in enumerate(values):
        try:
            out.append(parse(i, text))
        except EmptyError as e:
            out.append(("empty", e.pos, str(e)))
        except ParseError as e:
            out.append(("bad", e.pos, str(e), type(e).__name__))
    return out


def local_class_private_names(n):
    class Counter:
        def __init__(self, start):
            self.__start = start

        def __peek(self):
            return self.__start

        def peek(self):
            return self.__peek() + n
    c = Counter(5)
    return c.peek(), sorted(vars(c)), hasattr(c, "_Counter__peek")


def local_class_dunders(xs):
    class Vec:
        def __init__(self, *items):
            self.items = tuple(items)

        def __add__(self, other):
            return Vec(*(a + b for a, b in zip(self.items, other.items)))

        def __eq__(self, other):
            return isinstance(other, Vec) and self.items == other.items

        def __hash__(self):
            return hash(self.items)

        def __len__(self):
            return len(self.items)

        def __iter__(self):
            return iter(self.items)

        def __repr__(self):
            return f"Vec{self.items}"

        def __lt__(self, other):
            return self.items < other.items

    vs = [Vec(x, x * 2) for x in xs]
    total = vs[0]
    for v in vs[1:]:
        total = total + v
    return repr(total), len(total), list(total), len(set(vs + vs)), repr(sorted(vs, reverse=True)[0]), Vec(1) == Vec(1)


def local_class_body_values(n):
    class Config:
        base = n * 2
        limit = base + max(n, 3)
        names = [f"x{i}" for i in range(3)]
        pairs = {k: len(k) for k in names}
        pick = lambda self, k: self.pairs[k]
        label: str = "config"
    c = Config()
    return (Config.base, Config.limit, Config.names, c.pick("x1"), Config.label, Config.__annotations__,
            sorted(k for k in vars(Config) if not k.startswith("__")))


def local_class_closure_sees_later_values(n):
    factor = 1

    class Scaler:
        def scale(self, x):
            return x * factor
    first = Scaler().scale(n)
    factor = 5
    return first, Scaler().scale(n)


def local_class_decorated(xs):
    @functools.total_ordering
    class Version:
        def __init__(self, text):
            self.parts = tuple(int(p) for p in text.split("."))

        def __eq__(self, other):
            return self.parts == other.parts

        def __lt__(self, other):
            return self.parts < other.parts
    vs = [Version(x) for x in xs]
    return [v.parts for v in sorted(vs)], Version("1.2") >= Version("1.10"), Version("2") > Version("1.9")


def local_class_wrapped(n):
    def named(cls):
        return (cls.__name__, cls)

    @named
    class Plugin:
        def run(self):
            return n
    return Plugin[0], Plugin[1]().run()


def local_class_generator_method(n):
    class Countdown:
        def __init__(self, start):
            self.start = start

        def __iter__(self):
            k = self.start
            while k > 0:
                yield k
                k -= 1
    return list(Countdown(n)), sum(Countdown(n))


def local_class_nested_class(n):
    class Outer:
        class Inner:
            def __init__(self, v):
                self.v = v

        def make(self):
            return self.Inner(n)
    return Outer().make().v, Outer.Inner.__qualname__


def local_class_recursive_structure(n):
    class Node:
        def __init__(self, value, rest):
            self.value = value
            self.rest = rest

        def total(self):
            return self.value + (self.rest.total() if self.rest is not None else 0)
    node = None
    for i in range(n):
        node = Node(i, node)
    return node.total()


def local_class_mutating_owned_in_body(n):
    class Table:
        rows = []
        rows.append(n)
        rows.append(n + 1)
    return Table.rows


def local_class_metaclass(n):
    class Meta(type):
        pass

    class Thing(metaclass=Meta):
        pass
    return Thing


def local_class_loop_in_body(n):
    class Squares:
        for i in range(n):
            pass
    return Squares


def local_class_sets_attribute_outside_init(n):
    class Holder:
        def __init__(self):
            self.v = 0
    h = Holder()
    object.__setattr__(h, "v", n)
    return h.v



# ---------------------------------------------------------------------------
# 2. Refusals deferred until the code that needs them runs
# ---------------------------------------------------------------------------

class UsesOs:
    def __init__(self, v):
        self.v = v

    def value(self):
        return self.v * 2

    def save(self):
        return os.getcwd()


class Service:
    """A class whose I/O methods a computation never calls."""

    def __init__(self, rate):
        self.rate = rate

    def price(self, n):
        return n * self.rate

    def stamp(self):
        return time.time()

    def digest(self, data):
        return hashlib.sha256(data).hexdigest()

    def connect(self, host):
        return socket.create_connection((host, 80))

    def pool(self):
        return multiprocessing.Pool(2)

    def load(self, path):
        with open(path) as f:
            return f.read()


def log_to_disk(message):
    with open("log.txt", "a") as f:
        f.write(message)


def compute_or_log(n, verbose):
    if verbose:
        log_to_disk(str(n))
    return n * n


def uses_os_value(n):
    return UsesOs(n).value()


def uses_os_save(n):
    return UsesOs(n).save()


def uses_os_save_swallowed(n):
    try:
        return UsesOs(n).save()
    except Exception:
        return "swallowed"


def uses_os_save_in_finally(n):
    out = []
    try:
        out.append(UsesOs(n).save())
    finally:
        out.append("finally ran")
    return out


def service_prices(ns):
    s = Service(3)
    return [s.price(n) for n in ns]


def service_stamp(n):
    return Service(n).stamp()


def service_digest(n):
    return Service(n).digest(b"x")


def service_load(n):
    return Service(n).load("/etc/hostname")


def service_methods_as_values(n):
    s = Service(n)
    return s.price(2), callable(s.stamp), Service.digest.__name__


def service_through_map(ns):
    s = Service(2)
    try:
        return list(map(lambda n: s.stamp() if n > 1 else n, ns))
    except Exception as e:
        return type(e).__name__


def compute_without_logging(n):
    return compute_or_log(n, False)


def compute_with_logging(n):
    return compute_or_log(n, True)


def own_body_uses_os(n):
    return os.getcwd() if n > 100 else n


# ---------------------------------------------------------------------------
# 3. Dataclasses, typing annotations, NamedTuple and Enum
# ---------------------------------------------------------------------------

@dataclass
class Money:
    amount: int
    currency: str = "EUR"

    def plus(self, other: "Money") -> "Money":
        return Money(self.amount + other.amount, self.currency)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


@dataclass
class Basket:
    owner: str
    items: list[int] = field(default_factory=list)
    total: int = field(init=False, default=0)
    note: Optional[str] = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        self.total = sum(self.items)


@dataclass
class Labelled(Money):
    label: str = ""


class Suit(enum.Enum):
    HEARTS = "h"
    SPADES = "s"
    CLUBS = "c"

    @property
    def red(self):
        return self is Suit.HEARTS

    def symbol(self):
        return self.value.upper()


class Priority(enum.IntEnum):
    LOW = enum.auto()
    MEDIUM = enum.auto()
    HIGH = enum.auto()


class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()


class Line(NamedTuple):
    sku: str
    qty: int = 1

    def doubled(self) -> "Line":
        return self._replace(qty=self.qty * 2)


def dataclass_basics(a, b):
    m = Money(a).plus(Money(b))
    return m, repr(m), m == Money(a + b), Money(1) == Money(1, "USD"), dataclasses.asdict(m), dataclasses.astuple(m)


def dataclass_frozen_order(pairs):
    vs = [Version(*p) for p in pairs]
    return (sorted(vs), max(vs), len(set(vs)), Version(1) < Version(1, 1), dataclasses.replace(vs[0], minor=9),
            hash(Version(2, 3)) == hash(Version(2, 3)))


def dataclass_introspection(n):
    v = Version(n)
    return (dataclasses.replace(v, major=n + 1), [f.name for f in dataclasses.fields(v)],
            dataclasses.is_dataclass(v), v.__dataclass_params__.frozen, Version.__match_args__)


def dataclass_factory_and_post_init(items):
    a, b = Basket("a", items), Basket("b")
    c = dataclasses.replace(a, owner="c", note="kept out of repr")
    return a, b, c, repr(c), a.total + c.total, a == dataclasses.replace(a, note="x"), b.items is not Basket("b").items


def dataclass_inheritance(n):
    x = Labelled(n, label="tip")
    return x, x.plus(Money(1)), [f.name for f in dataclasses.fields(x)], isinstance(x, Money)


def dataclass_wrong_arguments(n):
    return Money()


def dataclass_as_argument(m):
    return m.plus(m), type(m).__name__


def annotated(xs: list[int], scale: Optional[int] = None) -> dict[str, int]:
    total: int = 0
    best: Optional[int] = None
    for x in xs:
        total += x * (scale or 1)
        if best is None or x > best:
            best = x

    def inner(y: int | None) -> list[int]:
        return [y or 0] * 2
    return {"total": total, "best": best, "inner": sum(inner(best))}


def enum_basics(code):
    s = Suit(code)
    return (s, s.name, s.value, s.red, s.symbol(), [x.name for x in Suit], Suit["SPADES"] is Suit.SPADES,
            s == Suit.HEARTS, {Suit.HEARTS: 1, Suit.CLUBS: 2}[s] if s is not Suit.SPADES else 0, len(Suit),
            repr(s), str(s))


def enum_bad_value(code):
    return Suit(code)


def int_enum_and_flag(n):
    p = Priority(n)
    return (p, p + 1, p > Priority.LOW, sorted([Priority.HIGH, Priority.LOW]), [int(x) for x in Priority],
            Perm.R | Perm.W, Perm.W in (Perm.R | Perm.W), Perm(5))


def enum_as_argument(suit, priority):
    return suit, suit.symbol(), priority, priority.name


def namedtuple_lines(skus):
    lines = [Line(s, i) for i, s in enumerate(skus)]
    return lines, [l.doubled() for l in lines], Line("z"), Line._fields, lines[0]._asdict()


def local_dataclass_and_enum(n):
    class Kind(enum.Enum):
        SMALL = 1
        LARGE = 2

    @dataclass(order=True)
    class Box:
        size: int
        kind: Kind = Kind.SMALL

        def grown(self):
            return dataclasses.replace(self, size=self.size * 2, kind=Kind.LARGE)
    boxes = sorted([Box(n), Box(1), Box(n).grown()], key=lambda b: b.size)
    return [(b.size, b.kind.name) for b in boxes], repr(boxes[0]), Kind(2).name, Box(1) == Box(1)


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


def uses_user_metaclass(n):
    return WithMeta()


class MetaEnum(enum.EnumType):
    pass


class Odd(enum.Enum, metaclass=MetaEnum):
    A = 1


def uses_enum_with_user_metaclass(n):
    return Odd.A


def sets_attribute_through_object(n):
    m = Money(n)
    object.__setattr__(m, "amount", 0)
    return m


# ---------------------------------------------------------------------------
# 4. Values that cannot travel
# ---------------------------------------------------------------------------

PACKER = struct.Struct("<i")
PLUGINS = types.ModuleType("plugins")


class FailsToReduce:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        raise TypeError("FailsToReduce cannot be copied")


class Codec:
    def __init__(self, width):
        self.width = width

    def size(self):
        return self.width * 2

    def pack(self, v):
        return PACKER.pack(v)


def echo(x):
    return x


def uses_struct_global(n):
    return PACKER.size + n


def uses_module_stand_in(n):
    return PLUGINS


def codec_size(n):
    return Codec(n).size()


def codec_pack(n):
    return Codec(n).pack(n)


def returns_class_namespace(n):
    return vars(Codec)


def returns_cells(n):
    def inner():
        return n
    return inner.__closure__


def returns_failing_reduce(n):
    return [FailsToReduce(n)]


def returns_generator(n):
    return (i for i in range(n))


# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------

# A particle simulation with dataclasses: each step makes new states with `replace`.

@dataclass(frozen=True)
class Vec2:
    x: float
    y: float

    def __add__(self, other: "Vec2") -> "Vec2":
        return Vec2(self.x + other.x, self.y + other.y)

    def scaled(self, k: float) -> "Vec2":
        return Vec2(self.x * k, self.y * k)


@dataclass(frozen=True)
class Particle:
    pos: Vec2
    vel: Vec2
    mass: float = 1.0
    bounces: int = 0


@dataclass
class World:
    width: float
    height: float
    gravity: Vec2 = field(default_factory=lambda: Vec2(0.0, -9.81))
    particles: list[Particle] = field(default_factory=list)


def _bounce(p: Particle, world: World) -> Particle:
    vx, vy, bounces = p.vel.x, p.vel.y, p.bounces
    if not 0.0 <= p.pos.x <= world.width:
        vx, bounces = -vx, bounces + 1
    if p.pos.y < 0.0:
        vy, bounces = -vy * 0.9, bounces + 1
    return dataclasses.replace(p, vel=Vec2(vx, vy), bounces=bounces)


def _step(world: World, dt: float) -> World:
    moved = []
    for p in world.particles:
        vel = p.vel + world.gravity.scaled(dt)
        p = dataclasses.replace(p, pos=p.pos + vel.scaled(dt), vel=vel)
        moved.append(_bounce(p, world))
    return dataclasses.replace(world, particles=moved)


def simulate(n: int, steps: int):
    world = World(10.0, 10.0, particles=[Particle(Vec2(i * 1.5, 5.0 + i), Vec2(1.0 + i, 0.0), mass=1.0 + i / 10)
                                         for i in range(n)])
    for _ in range(steps):
        world = _step(world, 0.05)
    energy = sum(0.5 * p.mass * (p.vel.x ** 2 + p.vel.y ** 2) for p in world.particles)
    return (round(energy, 9), [p.bounces for p in world.particles], world.particles[0],
            max(world.particles, key=lambda p: p.pos.y).pos)


# An inventory report with Enum and NamedTuple.

class Category(enum.Enum):
    TOOLS = "tools"
    PAINT = "paint"
    GARDEN = "garden"

    @property
    def taxed(self) -> bool:
        return self is not Category.GARDEN


class Status(enum.IntEnum):
    OUT = 0
    LOW = 1
    OK = 2


class Stock(NamedTuple):
    sku: str
    category: Category
    qty: int
    price: float

    def value(self) -> float:
        return self.qty * self.price

    def status(self, low: int = 5) -> Status:
        if self.qty == 0:
            return Status.OUT
        return Status.LOW if self.qty < low else Status.OK


class ReportLine(NamedTuple):
    category: Category
    items: int
    value: float
    worst: Status


def inventory_report(rows, tax):
    stock = [Stock(sku, Category(cat), qty, price) for sku, cat, qty, price in rows]
    by_category: dict[Category, list[Stock]] = {}
    for s in stock:
        by_category.setdefault(s.category, []).append(s)
    lines = []
    for category in Category:
        items = by_category.get(category, [])
        value = sum(s.value() for s in items) * (1 + tax if category.taxed else 1)
        worst = min((s.status() for s in items), default=Status.OK)
        lines.append(ReportLine(category, len(items), round(value, 2), worst))
    reorder = sorted((s.sku for s in stock if s.status() is not Status.OK))
    text = "\n".join(f"{l.category.name:<7}{l.items:>3}{l.value:>10.2f} {l.worst.name}" for l in lines)
    return lines, reorder, text, {l.category: l.worst for l in lines}

CASES = [
    case(local_class_basics, 5),
    case(local_class_names, 2),
    case(local_class_fresh_per_call, 0),
    case(local_subclass_of_module_class, 3, 4),
    case(local_exceptions, ["12", "x", "", "7"]),
    case(local_class_private_names, 1),
    case(local_class_dunders, [1, 2, 3]),
    case(local_class_body_values, 4),
    case(local_class_closure_sees_later_values, 3),
    case(local_class_decorated, ["1.10", "1.2", "0.9"]),
    case(local_class_wrapped, 9),
    case(local_class_generator_method, 4),
    case(local_class_nested_class, 6),
    case(local_class_recursive_structure, 50),
    case(local_class_mutating_owned_in_body, 1),
    refused(local_class_metaclass, 1, match="metaclass"),
    refused(local_class_loop_in_body, 1, match="`for` statement in a class body"),
    refused(local_class_sets_attribute_outside_init, 1, match="__setattr__"),
    # 2. deferred refusals
    case(uses_os_value, 21),
    refused(uses_os_save, 1, match="the module 'os' is not supported"),
    refused(uses_os_save_swallowed, 1, match="the module 'os' is not supported"),
    refused(uses_os_save_in_finally, 1, match="the module 'os' is not supported"),
    case(service_prices, [1, 2, 3]),
    refused(service_stamp, 1, match="the module 'time' is not supported"),
    refused(service_digest, 1, match="the module 'hashlib' is not supported"),
    refused(service_load, 1, match="`with` statement"),
    case(service_methods_as_values, 4),
    case(service_through_map, [0, 1]),
    refused(service_through_map, [0, 1, 2], match="the module 'time' is not supported"),
    case(compute_without_logging, 7),
    refused(compute_with_logging, 7, match="`with` statement"),
    refused(own_body_uses_os, 1, match="the module 'os' is not supported"),
    # 3. dataclasses, typing, NamedTuple, Enum
    case(dataclass_basics, 2, 3),
    case(dataclass_frozen_order, [(2, 1), (1, 5), (1,), (2, 1)]),
    case(dataclass_introspection, 3),
    case(dataclass_factory_and_post_init, [1, 2, 3]),
    case(dataclass_inheritance, 4),
    case(dataclass_wrong_arguments, 1),
    case(dataclass_as_argument, Money(5, "USD")),
    case(annotated, [3, 1, 4]),
    case(annotated, [3, 1, 4], 2),
    case(enum_basics, "h"),
    case(enum_basics, "c"),
    case(enum_bad_value, "x"),
    case(int_enum_and_flag, 2),
    case(enum_as_argument, Suit.CLUBS, Priority.HIGH),
    case(namedtuple_lines, ["a", "b"]),
    case(local_dataclass_and_enum, 3),
    refused(uses_user_metaclass, 1, match="the metaclass Meta"),
    refused(uses_enum_with_user_metaclass, 1, match="the metaclass MetaEnum"),
    refused(sets_attribute_through_object, 1, match="__setattr__"),
    # 4. values that cannot travel
    refused(echo, struct.Struct("<i"), match="the _struct.Struct object (argument 1) cannot be passed"),
    refused(echo, {"lock": threading.Lock()}, match="the _thread.lock object (argument 1 at ['lock'])"),
    refused(echo, FailsToReduce(1), match="(TypeError: FailsToReduce cannot be copied)"),
    refused(uses_struct_global, 1, match="the _struct.Struct object (the global `PACKER` of uses_struct_global)"),
    refused(uses_module_stand_in, 1, match="the module object 'plugins' (the global `PLUGINS`"),
    case(codec_size, 3),
    refused(codec_pack, 3, match="the _struct.Struct object (the global `PACKER` of Codec.pack)"),
    refused(returns_class_namespace, 1, match="cannot pickle 'mappingproxy' object"),
    refused(returns_cells, 1, match="cannot pickle 'cell' object"),
    refused(returns_failing_reduce, 1, match="(TypeError: FailsToReduce cannot be copied)"),
    refused(returns_generator, 2, match="a generator cannot be sent back"),
    # applications
    case(simulate, 4, 60),
    case(inventory_report, [("hammer", "tools", 3, 12.5), ("saw", "tools", 10, 20.0), ("red", "paint", 0, 8.0),
                            ("blue", "paint", 12, 7.5), ("rake", "garden", 4, 15.0)], 0.2),
]
