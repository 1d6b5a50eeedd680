"""collections: namedtuple classes, and defaultdict/Counter/deque built and changed locally."""
import collections
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

from case import case, refused

Point = namedtuple("Point", "x y")
Span = namedtuple("Span", ["start", "stop"], defaults=[10])


class Vector(namedtuple("Vector", "dx dy")):
    def length2(self):
        return self.dx * self.dx + self.dy * self.dy


def make_point(x, y):
    p = Point(x, y)
    return p, p.x + p.y, p._replace(y=0), p._asdict()


def spans(a):
    return Span(a), Span(a, a + 1), Span(a) < Span(a, 11)


def vector_math(dx, dy):
    v = Vector(dx, dy)
    return v.length2(), v, isinstance(v, tuple)


def point_argument(p):
    return p.x * 10 + p.y


def word_groups(words):
    groups = defaultdict(list)
    for w in words:
        groups[len(w)].append(w)
    return dict(groups)


def counts(text):
    c = Counter(text.split())
    c["extra"] += 2
    return c.most_common(2), c["missing"], sorted(c.items())


def rolling(n):
    window = deque(maxlen=3)
    sums = []
    for i in range(n):
        window.append(i)
        sums.append(sum(window))
    window.appendleft(-1)
    window.rotate(1)
    return sums, list(window)


def ordered(keys):
    d = OrderedDict()
    for k in keys:
        d[k] = len(d)
    d.move_to_end(keys[0])
    return list(d.items())


def mutate_argument_deque(d):
    d.append(1)
    return d


def grouped_through_module(words):
    by_length = collections.defaultdict(list)
    for w in words:
        by_length[len(w)].append(w)
    seen = collections.Counter(words)
    seen["extra"] += 1
    queue = collections.deque(words, maxlen=3)
    queue.appendleft("first")
    order = collections.OrderedDict.fromkeys(words)
    order.move_to_end(words[0])
    return dict(by_length), seen.most_common(2), list(queue), list(order)


CASES = [
    case(grouped_through_module, "the quick brown fox jumps over the lazy dog".split()),
    case(make_point, 1, 2),
    case(make_point, -3, 4.5),
    case(spans, 3),
    case(vector_math, 3, 4),
    case(point_argument, Point(4, 5)),
    case(word_groups, ["a", "bb", "cc", "d", "eee"]),
    case(word_groups, []),
    case(counts, "a b a c b a"),
    case(rolling, 6),
    case(ordered, ["x", "y", "z"]),
    refused(mutate_argument_deque, deque([1, 2]), match="mutates the argument `d` of mutate_argument_deque() (a `deque`"),
]
