"""Differential cases: tuples, lists, dicts, sets, frozensets and ranges.

Mutation only ever touches containers the function built itself (a literal,
a comprehension, a constructor call or a concatenation) and never let escape.
"""
from case import case


# ---------------------------------------------------------------- tuples

def tuple_basics(t):
    return (len(t), t[0], t[-1], t[1:], t[::-1], t + (99,), t * 2, t.count(t[0]), t.index(t[-1]),
            t[0] in t, 12345 not in t, min(t), max(t), tuple(reversed(t)))


def tuple_index(t, i):
    return t[i]


def tuple_compare(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, sorted([b, a]))


def tuple_item_assign(t):
    t[0] = 5
    return t


def tuple_hash_eq(a, b):
    return (hash(a) == hash(b), a == b, {a: 1, b: 2})


def tuple_unhashable(t):
    return {t: 1}


def tuple_singletons():
    a = ()
    b = (1,)
    c = 1, 2
    d = ((),)
    return (a, b, c, d, len(d), type(b).__name__, (1) == 1, (1,) == 1)


# ---------------------------------------------------------------- unpacking

def unpack_simple(seq):
    a, b, c = seq
    return (c, b, a)


def unpack_starred(seq):
    first, *middle, last = seq
    head, *tail = seq
    *init, end = seq
    return (first, middle, last, head, tail, init, end)


def unpack_nested(pairs):
    out = []
    for i, (k, (x, y)) in enumerate(pairs):
        out.append((i, k, x * y))
    (a, b), c = pairs[0][1], pairs[-1][0]
    return (out, a, b, c)


def unpack_swap(a, b, c):
    a, b, c = c, a, b
    x = y = a + b
    return (a, b, c, x, y)


def unpack_star_in_literals(xs, ys):
    return ([*xs, *ys], (*xs, 0), {*xs, *ys} == set(xs) | set(ys), [*range(3), *"ab"],
            {**{"a": 1}, "b": 2, **{"a": 3}})


# ---------------------------------------------------------------- lists (values)

def list_basics(xs):
    return (len(xs), xs[0], xs[-1], xs[2:5], xs[::-2], xs + [0], xs * 2, 3 in xs, xs.count(3),
            xs.index(3), xs.index(3, 3), list(reversed(xs)), xs == list(xs), xs[:] == xs)


def list_index_error(xs, i):
    return xs[i]


def list_index_method_missing(xs, v):
    return xs.index(v)


def list_compare(a, b):
    return (a < b, a == b, a > b, max(a, b), [a, b] < [b, a])


def list_nested(grid):
    return ([row[::-1] for row in grid], [list(col) for col in zip(*grid)],
            [grid[i][i] for i in range(min(len(grid), len(grid[0])))],
            sum(len(r) for r in grid), [x for row in grid for x in row if x % 2])


def list_comprehensions(n):
    squares = [i * i for i in range(n)]
    evens = [i for i in squares if i % 2 == 0]
    pairs = [(i, j) for i in range(n) for j in range(i) if (i + j) % 3 == 0]
    cond = [("even" if i % 2 == 0 else "odd") for i in range(n)]
    nested = [[j for j in range(i)] for i in range(4)]
    return (squares, evens, pairs, cond, nested)


def list_sorting(xs):
    return (sorted(xs), sorted(xs, reverse=True), sorted(xs, key=abs), sorted(xs, key=lambda v: -v),
            sorted(xs, key=lambda v: (v % 3, v), reverse=True))


def list_sort_stability(records):
    by_age = sorted(records, key=lambda r: r[1])
    by_age_desc = sorted(records, key=lambda r: r[1], reverse=True)
    by_name_then_age = sorted(sorted(records, key=lambda r: r[1]), key=lambda r: r[0])
    return (by_age, by_age_desc, by_name_then_age)


def list_sort_mixed(xs):
    return sorted(xs)


def list_sort_floats(xs):
    return (sorted(xs), sorted(xs, reverse=True), min(xs), max(xs))


# ---------------------------------------------------------------- lists (owned mutation)

def list_append_loop(n):
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append(i)
        else:
            out.append(-i)
    return out


def list_item_assign(xs):
    out = list(xs)
    for i in range(len(out)):
        out[i] = out[i] * 10
    out[-1] = "last"
    return out


def list_item_assign_out_of_range(n):
    out = [0] * n
    out[n] = 1
    return out


def list_slice_assign(xs):
    out = list(xs)
    out[1:3] = ["a", "b", "c", "d"]
    out[:0] = [100]
    out[len(out):] = [200, 201]
    out[::2] = [None] * len(out[::2])
    return out


def list_slice_assign_shrink(xs):
    out = list(xs)
    out[2:6] = []
    out[0:1] = range(3)
    return out


def list_extended_slice_mismatch(xs):
    out = list(xs)
    out[::2] = [1]
    return out


def list_del(xs):
    out = list(xs)
    del out[0]
    del out[-1]
    del out[1:3]
    del out[::2]
    return out


def list_del_out_of_range(xs):
    out = list(xs)
    del out[len(out)]
    return out


def list_methods_mutating(xs):
    out = list(xs)
    out.insert(0, "start")
    out.insert(100, "end")
    out.insert(-1, "before_end")
    out.extend([7, 8])
    out.extend(range(2))
    popped = out.pop()
    popped2 = out.pop(0)
    out.remove(7)
    out.reverse()
    n = out.count(8)
    return (out, popped, popped2, n)


def list_pop_empty():
    out = []
    return out.pop()


def list_remove_missing(xs):
    out = list(xs)
    out.remove("nope")
    return out


def list_sort_in_place(xs):
    out = [x for x in xs]
    out.sort()
    first = out[:]
    out.sort(key=lambda v: (v % 4, -v), reverse=True)
    return (first, out)


def list_augmented(xs):
    out = [1, 2]
    out += xs
    out += (9,)
    out += "ab"
    out *= 2
    return out


def list_clear_and_reuse(n):
    out = list(range(n))
    total = sum(out)
    out.clear()
    out.append(total)
    return out


def list_build_matrix(n, m):
    grid = []
    for i in range(n):
        row = []
        for j in range(m):
            row.append(i * m + j)
        grid.append(row)
    return grid


def list_stack_queue(ops):
    stack = []
    seen = []
    for op in ops:
        if op == "pop":
            if stack:
                seen.append(stack.pop())
            else:
                seen.append(None)
        else:
            stack.append(op)
    return (stack, seen)


# ---------------------------------------------------------------- dicts

def dict_basics(d):
    return (len(d), list(d), list(d.keys()), list(d.values()), list(d.items()), "a" in d,
            "zz" in d, d.get("a"), d.get("zz"), d.get("zz", 0), d == dict(d), list(reversed(d)),
            sorted(d, key=lambda k: d[k]))


def dict_missing_key(d, k):
    return d[k]


def dict_build_counts(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def dict_mutations(d):
    out = dict(d)
    out["new"] = 1
    out["a"] = "changed"
    del out["b"]
    popped = out.pop("c", "default")
    popped2 = out.pop("missing", None)
    sd = out.setdefault("sd", [])
    sd2 = out.setdefault("a", "ignored")
    out.update({"u": 2}, v=3)
    out.update([("w", 4)])
    return (out, popped, popped2, sd, sd2)


def dict_popitem(d):
    out = dict(d)
    items = []
    while out:
        items.append(out.popitem())
    return items


def dict_popitem_empty():
    out = {}
    return out.popitem()


def dict_del_missing(d):
    out = dict(d)
    del out["nope"]
    return out


def dict_comprehension(n):
    sq = {i: i * i for i in range(n)}
    inv = {v: k for k, v in sq.items()}
    filt = {k: v for k, v in sq.items() if v % 2}
    return (sq, inv, filt, dict.fromkeys(range(3)), dict.fromkeys("ab", 0),
            dict(zip("abc", range(3))), dict([(1, 2), (3, 4)], x=5))


def dict_merge_ops(a, b):
    merged = a | b
    acc = dict(a)
    acc |= b
    return (merged, acc, {**b, **a}, merged == acc)


def dict_views(a, b):
    ka = a.keys()
    kb = b.keys()
    return (sorted(ka & kb), sorted(ka | kb), sorted(ka - kb), sorted(ka ^ kb), len(a.items()),
            ("x", 1) in a.items(), 1 in a.values(), list(a.values()) == list(a.values()),
            ka == set(a), ka.isdisjoint(kb))


def dict_key_collisions():
    d = {1: "int", 1.0: "float", True: "bool"}
    e = {}
    e[0] = "zero"
    e[0.0] = "fzero"
    e[False] = "fbool"
    e[(1, 2)] = "tuple"
    e[frozenset([1])] = "fs"
    return (d, e, len(e), type(list(d)[0]).__name__)


def dict_unhashable_key(k):
    d = {}
    d[k] = 1
    return d


def dict_iter_mutate(n):
    d = {i: i for i in range(n)}
    for k in d:
        d[k + 100] = k
    return d


def dict_ordering_after_delete():
    d = {"a": 1, "b": 2, "c": 3}
    del d["a"]
    d["a"] = 4
    d["b"] = 5
    return (list(d.items()), d == {"c": 3, "a": 4, "b": 5})


def dict_nested_grouping(pairs):
    groups = {}
    for k, v in pairs:
        groups[k] = groups.get(k, ()) + (v,)
    return groups


def dict_print(d):
    print(d)
    print(list(d.items()), d.keys(), d.values(), d.items())
    print({}, dict(), {1: {2: [3]}})
    return len(d)


# ---------------------------------------------------------------- sets and frozensets

def set_algebra(a, b):
    sa = set(a)
    sb = set(b)
    return (sa | sb, sa & sb, sa - sb, sa ^ sb, sa <= sb, sa < sb, sa >= sb, sa.issubset(b),
            sa.issuperset(b), sa.isdisjoint(b), sa.union(b, [100]), sa.intersection(b),
            sa.difference(b), sa.symmetric_difference(b), sorted(sa | sb), len(sa), 3 in sa)


def set_mutations(xs):
    s = set(xs)
    s.add(1000)
    s.add(1)
    s.discard(2)
    s.discard(12345)
    s.update([7, 8], (9,))
    s |= {50}
    s &= set(range(0, 2000))
    s -= {8}
    s ^= {9, 10}
    return (sorted(s), len(s))


def set_remove_missing(xs):
    s = set(xs)
    s.remove(-1)
    return s


def set_pop_ints(xs):
    s = {x for x in xs}
    out = []
    while s:
        out.append(s.pop())
    return sorted(out)


def set_pop_empty():
    s = set()
    return s.pop()


def set_of_strings_sorted(words):
    s = {w.lower() for w in words}
    return (sorted(s), len(s), "apple" in s, s == set(w.lower() for w in words))


def set_unhashable(xs):
    return {xs}


def frozenset_ops(a, b):
    fa = frozenset(a)
    fb = frozenset(b)
    u = fa | fb
    return (u, type(u).__name__, type(fa | set(b)).__name__, type(set(b) | fa).__name__,
            {fa: "a", fb: "b"}[fa], fa == set(a), hash(fa) == hash(frozenset(a)),
            frozenset() == set(), sorted(fa - fb))


def frozenset_no_add(a):
    f = frozenset(a)
    f.add(1)
    return f


def set_int_repr(xs):
    s = set(xs)
    return (repr(s), str(frozenset(xs)), repr(set()), sorted(s, reverse=True))


# ---------------------------------------------------------------- ranges

def range_basics(a, b, c):
    r = range(a, b, c)
    return (len(r), list(r), r[0] if len(r) else None, r[-1] if len(r) else None, r[1:3],
            r[::-1], 5 in r, r.count(5), list(reversed(r)), r == range(a, b, c), repr(r),
            bool(r), r.start, r.stop, r.step)


def range_index(r, i):
    return r[i]


def range_zero_step(n):
    return range(0, n, 0)


def range_big(n):
    r = range(0, n, 7)
    return (r[-1], r[10 ** 10], 7 * 10 ** 12 in r, r.index(7 * 10 ** 12), r[5:10], len(r[::10 ** 9]))


def range_huge_len():
    return len(range(2 ** 64))


def range_index_missing(r, v):
    return r.index(v)


def range_equality():
    return (range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1, 2) == range(1, 2, 5),
            range(3) == [0, 1, 2], list(range(3)) == [0, 1, 2], hash(range(0, 3, 2)) == hash(range(0, 4, 2)))


# ---------------------------------------------------------------- membership, iteration, misc

def membership_all(v):
    return (v in [1, 2, 3], v in (1, 2.0), v in {1: 0}, v in {3}, v in range(5), v in frozenset([2]),
            v not in [])


def container_equality_across_types():
    return ([1, 2] == (1, 2), {1} == frozenset([1]), {1: 2} == {1: 2.0}, [1.0] == [1],
            (1, [2]) == (1, [2]), [[]] == [[]], set() == frozenset(), {} == set())


def container_lengths_and_bool(xs):
    return [(len(x), bool(x)) for x in xs]


def enumerate_zip_containers(xs, ys):
    out = {}
    for i, (x, y) in enumerate(zip(xs, ys), start=1):
        out[x] = (i, y)
    return (out, list(zip(xs, ys, range(10))), dict(enumerate(ys)))


def containers_print(xs):
    print(xs, tuple(xs), sorted(set(xs)))
    print([xs, [xs]], (1,), ())
    print(*xs)
    print(*xs, sep=", ", end=".\n")
    return None


def list_copy_then_mutate_copy(grid):
    first = list(grid[0])
    first[0] = "changed"
    first.append("more")
    out = [first] + [list(row) for row in grid[1:]]
    out.append([])
    return (out, grid)


CASES = [
    case(tuple_basics, (3, 1, 4, 1, 5, 9, 2, 6)),
    case(tuple_basics, ("x",)),
    case(tuple_index, (1, 2, 3), 3),
    case(tuple_index, (1, 2, 3), -4),
    case(tuple_index, (1, 2, 3), "0"),
    case(tuple_compare, (1, 2, 3), (1, 2, 4)),
    case(tuple_compare, (1, 2), (1, 2, 0)),
    case(tuple_compare, (), ()),
    case(tuple_compare, (1, "a"), (1, 2)),
    case(tuple_item_assign, (1, 2)),
    case(tuple_hash_eq, (1, (2, 3)), (1, (2, 3))),
    case(tuple_hash_eq, (1, 2.0), (1.0, 2)),
    case(tuple_unhashable, (1, [2])),
    case(tuple_singletons),
    case(unpack_simple, [1, 2, 3]),
    case(unpack_simple, "abc"),
    case(unpack_simple, (1, 2)),
    case(unpack_simple, [1, 2, 3, 4]),
    case(unpack_starred, [1, 2, 3, 4, 5]),
    case(unpack_starred, (1, 2)),
    case(unpack_starred, "xyz"),
    case(unpack_starred, [1]),
    case(unpack_nested, [("a", (1, 2)), ("b", (3, 4)), ("c", (5, 6))]),
    case(unpack_nested, [("a", (1, 2, 3))]),
    case(unpack_swap, 1, 2, 3),
    case(unpack_star_in_literals, [1, 2], (3, 4)),
    case(list_basics, [5, 3, 8, 3, 1, 9, 3, 0]),
    case(list_index_error, [1, 2, 3], 3),
    case(list_index_error, [], -1),
    case(list_index_error, [1], 1.0),
    case(list_index_method_missing, [1, 2, 3], 4),
    case(list_index_method_missing, ["a"], "b"),
    case(list_compare, [1, 2, 3], [1, 2]),
    case(list_compare, [1, [2, 3]], [1, [2, 4]]),
    case(list_compare, [1, 2], [1, "x"]),
    case(list_nested, [[1, 2, 3], [4, 5, 6]]),
    case(list_nested, [[1], [2], [3]]),
    case(list_comprehensions, 8),
    case(list_comprehensions, 0),
    case(list_sorting, [3, -1, 4, -1, 5, -9, 2, 6, 0]),
    case(list_sorting, []),
    case(list_sort_stability, [("bob", 30), ("amy", 25), ("cat", 30), ("amy", 20), ("bob", 25)]),
    case(list_sort_mixed, [3, 1.5, True, -2]),
    case(list_sort_mixed, [3, "a", 1]),
    case(list_sort_mixed, [[1, 2], [1], [0, 5], []]),
    case(list_sort_mixed, [(1, "b"), (1, "a"), (0, "z")]),
    case(list_sort_mixed, [{1}, {2}]),
    case(list_sort_floats, [0.5, -0.0, 0.0, float("inf"), -1e308, 2.5, float("-inf")]),
    case(list_append_loop, 10),
    case(list_append_loop, 0),
    case(list_item_assign, [1, 2, 3]),
    case(list_item_assign, []),
    case(list_item_assign_out_of_range, 3),
    case(list_slice_assign, [0, 1, 2, 3, 4, 5]),
    case(list_slice_assign_shrink, list(range(10))),
    case(list_slice_assign_shrink, [1]),
    case(list_extended_slice_mismatch, [1, 2, 3, 4, 5]),
    case(list_del, list(range(12))),
    case(list_del, [1, 2, 3, 4]),
    case(list_del, [1]),
    case(list_del_out_of_range, [1, 2]),
    case(list_methods_mutating, [7, 8, 9, 8]),
    case(list_methods_mutating, [1]),
    case(list_pop_empty),
    case(list_remove_missing, [1, 2]),
    case(list_sort_in_place, [5, 2, 8, 1, 9, 3, 12, 7]),
    case(list_sort_in_place, []),
    case(list_augmented, [3, 4]),
    case(list_augmented, []),
    case(list_clear_and_reuse, 10),
    case(list_build_matrix, 3, 4),
    case(list_build_matrix, 0, 4),
    case(list_stack_queue, [1, 2, "pop", 3, "pop", "pop", "pop", 4]),
    case(dict_basics, {"a": 3, "b": 1, "c": 2}),
    case(dict_basics, {}),
    case(dict_missing_key, {"a": 1}, "b"),
    case(dict_missing_key, {(1, 2): 1}, (2, 1)),
    case(dict_missing_key, {1: 1}, [1]),
    case(dict_missing_key, {}, None),
    case(dict_build_counts, ["a", "b", "a", "c", "b", "a"]),
    case(dict_build_counts, []),
    case(dict_mutations, {"a": 1, "b": 2, "c": 3}),
    case(dict_mutations, {"a": 1}),
    case(dict_popitem, {1: "a", 2: "b", 3: "c"}),
    case(dict_popitem_empty),
    case(dict_del_missing, {"a": 1}),
    case(dict_comprehension, 6),
    case(dict_merge_ops, {"a": 1, "b": 2}, {"b": 3, "c": 4}),
    case(dict_merge_ops, {}, {"x": 1}),
    case(dict_views, {"x": 1, "y": 2, "z": 3}, {"y": 0, "w": 9}),
    case(dict_views, {}, {"a": 1}),
    case(dict_key_collisions),
    case(dict_unhashable_key, [1, 2]),
    case(dict_unhashable_key, {"a": 1}),
    case(dict_iter_mutate, 3),
    case(dict_ordering_after_delete),
    case(dict_nested_grouping, [("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)]),
    case(dict_print, {"k": [1, 2], 3: (4,), None: {"n": 1.5}}),
    case(set_algebra, [1, 2, 3, 4], [3, 4, 5]),
    case(set_algebra, [1, 2], [1, 2, 3]),
    case(set_algebra, [], [1]),
    case(set_algebra, [3, 2, 1], [1, 2, 3]),
    case(set_mutations, [1, 2, 3, 4, 5, 9]),
    case(set_mutations, []),
    case(set_remove_missing, [1, 2]),
    case(set_pop_ints, [5, 3, 9, 3, 1]),
    case(set_pop_empty),
    case(set_of_strings_sorted, ["Apple", "banana", "apple", "Cherry", "BANANA"]),
    case(set_unhashable, [1]),
    case(frozenset_ops, [1, 2, 3], [3, 4]),
    case(frozenset_ops, [], []),
    case(frozenset_no_add, [1]),
    case(set_int_repr, [3, 1, 2, 1]),
    case(set_int_repr, [-5, 100, 7]),
    case(range_basics, 0, 10, 1),
    case(range_basics, 10, 0, -3),
    case(range_basics, 5, 5, 1),
    case(range_basics, -5, 20, 5),
    case(range_index, range(10), 10),
    case(range_index, range(10, 0, -2), -1),
    case(range_index, range(0), 0),
    case(range_zero_step, 5),
    case(range_big, 10 ** 15),
    case(range_huge_len),
    case(range_index_missing, range(0, 10, 2), 3),
    case(range_equality),
    case(membership_all, 2),
    case(membership_all, 1),
    case(membership_all, "x"),
    case(membership_all, [1]),
    case(container_equality_across_types),
    case(container_lengths_and_bool, [[], [0], (), (None,), {}, {0: 0}, set(), {0}, frozenset(), "",
                                      range(0), range(3), b"ab"]),
    case(enumerate_zip_containers, ["a", "b", "c"], [10, 20]),
    case(enumerate_zip_containers, [], [1]),
    case(containers_print, [3, 1, 2]),
    case(containers_print, []),
    case(list_copy_then_mutate_copy, [[1, 2], [3]]),
]
