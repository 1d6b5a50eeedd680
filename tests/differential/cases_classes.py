"""Differential cases: user classes.

Module-level classes with __init__, methods, inheritance and super(),
properties, static and class methods, class attributes, dunder methods
(equality, hashing, ordering, repr/str, arithmetic with reflected fallback,
container protocol, __call__), name mangling, isinstance/issubclass, user
exception classes, results that are instances of user classes, and deep
recursion through a constructor.
"""
import sys

from case import case

# `Node(2000)` recurses 2000 deep through `__init__`; CPython's default limit
# of 1000 would turn the reference run into a RecursionError.
if sys.getrecursionlimit() < 10000:
    sys.setrecursionlimit(10000)


# ---------------------------------------------------------------------------
# Basic classes, methods, results that are instances
# ---------------------------------------------------------------------------

class Point:
    dims = 2                      # class attribute

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def norm2(self):
        return self.x * self.x + self.y * self.y

    @property
    def manhattan(self):
        return abs(self.x) + abs(self.y)

    @staticmethod
    def origin():
        return Point(0, 0)

    @classmethod
    def from_tuple(cls, t):
        return cls(*t)

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


class Point3(Point):
    dims = 3

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm2(self):
        return super().norm2() + self.z * self.z

    def __repr__(self):
        return f"Point3({self.x!r}, {self.y!r}, {self.z!r})"


def make_point(x, y):
    return Point(x, y)


def walk(steps):
    p = Point.origin()
    for dx, dy in steps:
        p = p.moved(dx, dy)
    return p


def point_summary(x, y, z):
    p = Point(x, y)
    q = Point3(x, y, z)
    return (p.norm2(), q.norm2(), p.manhattan, q.manhattan,
            p.dims, q.dims, Point.dims, Point3.dims, repr(p), repr(q), str(q))


def classmethod_on_subclass(t):
    a = Point.from_tuple(t[:2])
    b = Point3.from_tuple(t) if len(t) == 3 else None
    return a, b


def points_in_a_set(coords):
    pts = {Point(x, y) for x, y in coords}
    return sorted((p.x, p.y) for p in pts), Point(1, 2) in pts, len(pts)


def points_as_dict_keys(coords):
    d = {}
    for x, y in coords:
        p = Point(x, y)
        d[p] = d.get(p, 0) + 1
    return sorted((k.x, k.y, v) for k, v in d.items())


def eq_not_implemented(x):
    p = Point(x, x)
    return (p == (x, x), p != (x, x), p == Point(x, x), p != Point(x, x + 1))


def missing_attribute(x):
    return Point(x, x).z


def wrong_method_args(x):
    return Point(x, x).moved(1)


def instance_attr_shadows_class_attr(v):
    return Shadow(v).describe(), Shadow.kind, Shadow(v).kind


class Shadow:
    kind = "class-level"
    table = (10, 20, 30)

    def __init__(self, v):
        if v > 0:
            self.kind = "instance-level"
        self.v = v

    def describe(self):
        return f"{self.kind}:{self.table[self.v % 3]}"


# ---------------------------------------------------------------------------
# Inheritance, super(), MRO
# ---------------------------------------------------------------------------

class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog/" + super().kind()


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + f" (age {self.age})"

    def kind(self):
        return "puppy/" + super().kind()


def animals(age):
    zoo = [Animal("generic"), Dog("rex"), Puppy("bit", age)]
    return [(a.speak(), a.kind(), type(a).__name__) for a in zoo]


class Base:
    def who(self):
        return ["Base"]


class Left(Base):
    def who(self):
        return ["Left"] + super().who()


class Right(Base):
    def who(self):
        return ["Right"] + super().who()


class Diamond(Left, Right):
    def who(self):
        return ["Diamond"] + super().who()


def diamond_mro(tag):
    return tag, Diamond().who(), [c.__name__ for c in Diamond.__mro__]


def type_checks(i):
    objs = [Point(1, 2), Point3(1, 2, 3), Dog("d"), Puppy("p", 1), 3, "s", 2.5]
    o = objs[i]
    return (isinstance(o, Point), isinstance(o, Point3), isinstance(o, Animal),
            isinstance(o, (Dog, int)), isinstance(o, (str, float)),
            issubclass(type(o), Point), issubclass(type(o), (Animal, Point)),
            type(o) is Point, type(o).__name__)


def subclass_relations(tag):
    return (tag, issubclass(Puppy, Dog), issubclass(Puppy, Animal), issubclass(Dog, Puppy),
            issubclass(Diamond, Right), issubclass(Diamond, (int, Base)),
            issubclass(bool, int), issubclass(Point3, object))


# ---------------------------------------------------------------------------
# Ordering, sorting instances
# ---------------------------------------------------------------------------

class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"

    def __str__(self):
        return f"{self.major}.{self.minor}"


def sort_versions(pairs):
    vs = [Version(a, b) for a, b in pairs]
    return sorted(vs)


def version_strings(pairs):
    vs = sorted(Version(a, b) for a, b in pairs)
    return [str(v) for v in vs], repr(vs), max(vs).major, min(vs).minor, f"{vs[0]}|{vs[-1]!r}"


def sort_by_key_reverse(pairs):
    vs = [Version(a, b) for a, b in pairs]
    return [repr(v) for v in sorted(vs, key=lambda v: v.minor, reverse=True)]


def gt_without_dunder(a, b):
    # Only __lt__ is defined: `>` uses the reflected __lt__; `<=` has no fallback.
    x, y = Version(*a), Version(*b)
    first = x > y
    return first, x <= y


def print_instances(pairs):
    for a, b in pairs:
        v = Version(a, b)
        print(v, repr(v), [v], sep=" / ")
    return len(pairs)


class Unhashable:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Unhashable) and self.v == other.v


def hash_of_eq_only(v):
    u = Unhashable(v)
    return u == Unhashable(v), hash(u)


# ---------------------------------------------------------------------------
# Operator overloading
# ---------------------------------------------------------------------------

class Vec:
    def __init__(self, *xs):
        self.xs = tuple(xs)

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
        if isinstance(other, (int, float)):
            return Vec(*[a + other for a in self.xs])
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return self.__add__(other)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(*[a * k for a in self.xs])
        return NotImplemented

    def __rmul__(self, k):
        return self.__mul__(k)

    def __neg__(self):
        return Vec(*[-a for a in self.xs])

    def __abs__(self):
        return sum(a * a for a in self.xs) ** 0.5

    def __getitem__(self, i):
        return self.xs[i]

    def __len__(self):
        return len(self.xs)

    def __iter__(self):
        for x in self.xs:
            yield x

    def __contains__(self, v):
        return v in self.xs

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __bool__(self):
        return any(self.xs)

    def __repr__(self):
        return "Vec" + repr(self.xs)


def vec_arith(a, b):
    u, v = Vec(*a), Vec(*b)
    return u + v, u * 2, 3 * v, -u, u + 1, 1.5 + v, abs(Vec(3, 4))


def vec_sum(rows):
    # builtin sum starts from 0: the first addition is 0 + Vec -> Vec.__radd__
    return sum(Vec(*r) for r in rows)


def vec_protocols(a, probe):
    v = Vec(*a)
    return (len(v), v[0], v[-1], v[1:], list(v), probe in v, probe not in v,
            [x * 10 for x in v], bool(v), bool(Vec(0, 0)), tuple(reversed(list(v))))


def vec_index_error(a):
    return Vec(*a)[len(a)]


def vec_bad_operand(a):
    return Vec(*a) * "x"


def vec_bad_radd(a):
    return "x" + Vec(*a)


def vec_unpack(a):
    x, y, *rest = Vec(*a)
    return x, y, rest, max(Vec(*a)), sorted(Vec(*a)), dict(zip(Vec(*a), "abc"))


class Seq:
    """Iterable only through __getitem__ (the old sequence protocol)."""

    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


def old_iteration_protocol(n):
    s = Seq(n)
    return list(s), 4 in s, sum(s), [a + b for a, b in zip(s, s)]


class Polynomial:
    def __init__(self, coeffs):
        self.coeffs = tuple(coeffs)

    def __call__(self, x):
        result = 0
        for c in reversed(self.coeffs):
            result = result * x + c
        return result

    def __add__(self, other):
        n = max(len(self.coeffs), len(other.coeffs))
        a = self.coeffs + (0,) * (n - len(self.coeffs))
        b = other.coeffs + (0,) * (n - len(other.coeffs))
        return Polynomial(x + y for x, y in zip(a, b))

    def __mul__(self, other):
        out = [0] * (len(self.coeffs) + len(other.coeffs) - 1)
        for i, a in enumerate(self.coeffs):
            for j, b in enumerate(other.coeffs):
                out[i + j] += a * b
        return Polynomial(out)

    def __repr__(self):
        return f"Polynomial({list(self.coeffs)})"


def polynomial_ops(c1, c2, xs):
    p, q = Polynomial(c1), Polynomial(c2)
    r = p * q + p
    return r, [r(x) for x in xs], list(map(p, xs)), callable(p), callable(Point(0, 0))


# ---------------------------------------------------------------------------
# Name mangling
# ---------------------------------------------------------------------------

class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance

    def balance(self):
        return self.__balance

    def deposited(self, amount):
        return Account(self.owner, self.__balance + amount)


class Savings(Account):
    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.__balance = balance * rate     # a different attribute: _Savings__balance

    def both(self):
        return self.balance(), self.__balance


def mangling(owner, amount):
    a = Account(owner, amount).deposited(5)
    s = Savings(owner, amount, 2)
    return a, a.balance(), a._Account__balance, s.both(), sorted(vars(s))


def mangled_missing(amount):
    return Account("x", amount).__balance


# ---------------------------------------------------------------------------
# User exception classes
# ---------------------------------------------------------------------------

class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, field, reason):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class LimitError(AppError, ValueError):
    def __str__(self):
        return "limit exceeded by " + str(self.args[0])


def validate(record):
    if "name" not in record:
        raise ValidationError("name", "missing")
    if record.get("age", 0) < 0:
        raise ValidationError("age", "negative")
    if record.get("age", 0) > 150:
        raise LimitError(record["age"] - 150)
    return record["name"]


def validate_caught(record):
    try:
        return ("ok", validate(record))
    except ValidationError as e:
        return ("validation", e.field, e.reason, str(e), e.args, isinstance(e, AppError))
    except ValueError as e:
        return ("value", str(e), type(e).__name__, isinstance(e, AppError), e.args)


def raise_app_error(code, detail):
    raise AppError(code, detail)


def catch_by_base(n):
    out = []
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValidationError("f" + str(i), "bad")
            elif i % 3 == 1:
                raise LimitError(i)
            else:
                raise AppError(i)
        except AppError as e:
            out.append((type(e).__name__, str(e)))
    return out


def exception_attributes(field):
    try:
        validate({"name": "n", "age": -1} if field else {})
    except ValidationError as e:
        return e.field, e.reason, e.args


def exception_instance_result(age):
    # an exception instance returned as a value, not raised
    try:
        validate({"name": "n", "age": age})
    except LimitError as e:
        return e, str(e), e.args
    return None


# ---------------------------------------------------------------------------
# Deep recursion through a constructor
# ---------------------------------------------------------------------------

class Node:
    def __init__(self, n):
        self.value = n
        self.child = Node(n - 1) if n > 0 else None

    def depth(self):
        d = 0
        node = self
        while node is not None:
            d += 1
            node = node.child
        return d

    def total(self):
        return self.value + (self.child.total() if self.child is not None else 0)


def deep_chain(n):
    node = Node(n)
    return node.depth(), node.total(), node.child.child.value


def small_chain(n):
    return Node(n)


class Tree:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi
        if hi - lo > 1:
            mid = (lo + hi) // 2
            self.kids = (Tree(lo, mid), Tree(mid, hi))
        else:
            self.kids = ()

    def size(self):
        return 1 + sum(k.size() for k in self.kids)

    def leaves(self):
        if not self.kids:
            return [self.lo]
        return self.kids[0].leaves() + self.kids[1].leaves()


def tree_stats(n):
    t = Tree(0, n)
    return t.size(), t.leaves()[:5], len(t.leaves())


def small_tree(n):
    return Tree(0, n)


# ---------------------------------------------------------------------------
# Instances holding functions and other instances
# ---------------------------------------------------------------------------

class Pipeline:
    def __init__(self, *stages):
        self.stages = stages

    def __call__(self, x):
        for s in self.stages:
            x = s(x)
        return x

    def then(self, f):
        return Pipeline(*self.stages, f)


def pipeline(xs):
    p = Pipeline(lambda x: x + 1, Polynomial([0, 0, 1])).then(str).then(len)
    return [p(x) for x in xs]


class Stack:
    """A persistent stack: push returns a new stack."""

    def __init__(self, items=()):
        self.items = tuple(items)

    def push(self, v):
        return Stack(self.items + (v,))

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty Stack")
        return self.items[-1], Stack(self.items[:-1])

    def __len__(self):
        return len(self.items)


def rpn(tokens):
    s = Stack()
    for t in tokens:
        if t in ("+", "-", "*"):
            b, s = s.pop()
            a, s = s.pop()
            s = s.push(a + b if t == "+" else a - b if t == "-" else a * b)
        else:
            s = s.push(int(t))
    return s.pop()[0], len(s)


def rpn_stack(tokens):
    s = Stack()
    for t in tokens:
        s = s.push(t)
    return s


def class_attribute_table(i):
    return Color.NAMES[i], Color.lookup(Color.NAMES[i]), Color.count()


class Color:
    NAMES = ("red", "green", "blue")
    RED, GREEN, BLUE = range(3)

    @classmethod
    def lookup(cls, name):
        return cls.NAMES.index(name)

    @staticmethod
    def count():
        return len(Color.NAMES)


CASES = [
    case(make_point, 3, 4),
    case(make_point, 1.5, -2),
    case(walk, [(1, 0), (0, 2), (-3, 1)]),
    case(walk, []),
    case(point_summary, 1, 2, 3),
    case(point_summary, -1.5, 2, 0),
    case(classmethod_on_subclass, (1, 2)),
    case(classmethod_on_subclass, (7, 8, 9)),
    case(Point3.from_tuple, (7, 8)),
    case(points_in_a_set, [(1, 2), (3, 4), (1, 2), (0, 0)]),
    case(points_as_dict_keys, [(1, 2), (1, 2), (0, 0), (1, 2), (0, 0), (5, 5)]),
    case(eq_not_implemented, 4),
    case(missing_attribute, 1),
    case(wrong_method_args, 1),
    case(instance_attr_shadows_class_attr, 0),
    case(instance_attr_shadows_class_attr, 4),
    case(animals, 2),
    case(diamond_mro, "d"),
    *[case(type_checks, i) for i in range(7)],
    case(subclass_relations, 0),
    case(sort_versions, [(1, 2), (0, 9), (1, 0), (0, 10)]),
    case(version_strings, [(3, 1), (2, 7), (3, 0)]),
    case(sort_by_key_reverse, [(1, 5), (2, 3), (3, 9)]),
    case(gt_without_dunder, (2, 0), (1, 9)),
    case(print_instances, [(1, 2), (3, 4)]),
    case(hash_of_eq_only, 3),
    case(vec_arith, (1, 2, 3), (4, 5, 6)),
    case(vec_arith, (0.5, -1), (2, 2)),
    case(vec_sum, [(1, 2), (3, 4), (5, 6)]),
    case(vec_sum, []),
    case(vec_protocols, (3, 0, 7), 7),
    case(vec_protocols, (0, 0, 0), 1),
    case(vec_index_error, (1, 2)),
    case(vec_bad_operand, (1, 2)),
    case(vec_bad_radd, (1, 2)),
    case(vec_unpack, (5, 1, 3)),
    case(old_iteration_protocol, 5),
    case(old_iteration_protocol, 0),
    case(polynomial_ops, [1, 2], [0, 1, 3], [0, 1, -2, 10]),
    case(mangling, "ann", 10),
    case(mangled_missing, 3),
    case(validate_caught, {"name": "bo", "age": 3}),
    case(validate_caught, {"age": 3}),
    case(validate_caught, {"name": "bo", "age": -3}),
    case(validate_caught, {"name": "bo", "age": 200}),
    case(validate, {"name": "x", "age": -1}),
    case(validate, {"name": "x", "age": 151}),
    case(raise_app_error, "E42", "detail"),
    case(catch_by_base, 6),
    case(exception_attributes, True),
    case(exception_attributes, False),
    case(exception_instance_result, 170),
    case(exception_instance_result, 17),
    case(deep_chain, 2000),
    case(deep_chain, 3),
    case(small_chain, 25),
    case(tree_stats, 1000),
    case(small_tree, 6),
    case(pipeline, [0, 3, 99, -5]),
    case(rpn, ["3", "4", "+", "2", "*", "7", "-"]),
    case(rpn, ["1", "+"]),
    case(rpn_stack, ["a", "b"]),
    case(class_attribute_table, 2),
    case(class_attribute_table, 3),
]
