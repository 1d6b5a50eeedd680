"""Mutation the ownership check cannot see where it is written: a mutating method taken as a value
(`map(a.append, ...)`, `getattr(a, "append")`, an unbound method, `operator.methodcaller`) on a
container the frame does not own is refused, at submit where the analysis sees it, else where it
runs, naming the line; the caller's objects are never left unlike CPython's."""
import operator

import numpy as np
import pytest

import pyfora
from pyfora.errors import PythonToForaConversionError

G = [1]


def through_map(a):
    list(map(a.append, [9]))
    return a


def through_getattr(a):
    getattr(a, "append")(9)
    return a


def unbound(a):
    type(a).append(a, 9)
    return a


def through_methodcaller(a):
    operator.methodcaller("append", 9)(a)
    return a


def unbound_dunder(a):
    a.__class__.__setitem__(a, 0, 99)
    return a


def aliased_dunder(a):
    s = a.__setitem__
    s(0, 99)
    return a


def flat_item(x):
    x.flat[0] = 99
    return x


def array_fill(x):
    getattr(x, "fill")(5)
    return x


def instance_dict(o):
    getattr(o.__dict__, "update")(v=7)
    return o.v


def global_through_map(x):
    list(map(G.append, [x]))
    return G


def default_through_methodcaller(x, acc=[]):
    operator.methodcaller("append", x)(acc)
    return acc


class Box:
    def __init__(self):
        self.v = 1


def cases():
    return [(through_map, lambda: [[1]]), (through_getattr, lambda: [[1]]), (unbound, lambda: [[1]]),
            (through_methodcaller, lambda: [[1]]), (unbound_dunder, lambda: [[1]]),
            (aliased_dunder, lambda: [[1]]), (flat_item, lambda: [np.zeros(2)]),
            (array_fill, lambda: [np.zeros(2)]), (instance_dict, lambda: [Box()]),
            (global_through_map, lambda: [5]), (default_through_methodcaller, lambda: [1])]


@pytest.mark.parametrize("fn, make", cases(), ids=lambda c: getattr(c, "__name__", None))
def test_a_mutating_route_on_a_value_the_frame_does_not_own_is_refused_at_its_line(executor, fn, make):
    with pytest.raises(PythonToForaConversionError) as info:
        executor.submit(fn, *make()).result(timeout=60)
    assert info.value.filename == __file__
    assert fn.__code__.co_firstlineno < info.value.lineno <= fn.__code__.co_firstlineno + 2


def setattr_alias(o):
    sa = object.__setattr__
    sa(o, "v", 5)
    return o.v


def test_object_setattr_taken_as_a_value_is_refused_at_submit():
    with pytest.raises(PythonToForaConversionError) as info:
        pyfora.submit(setattr_alias, Box())
    assert "`object.__setattr__` as a value" in str(info.value)
    assert info.value.lineno == setattr_alias.__code__.co_firstlineno + 1


def test_a_bound_mutator_passed_in_is_refused_at_submit():
    with pytest.raises(PythonToForaConversionError, match="list.append"):
        pyfora.submit(apply_to, [1].append, 2)


def apply_to(f, x):
    return f(x)


def owned_routes(n):
    out = []
    list(map(out.append, range(n)))
    total = []
    for v in out:
        total = total + [v * 2]
    b = np.zeros(3)
    b.flat[0] = 1.0
    return out, total, b.tolist(), operator.methodcaller("count", 1)(out), getattr(out, "index")(2)


def test_routes_on_the_frames_own_values_give_cpythons_answers(executor):
    assert executor.submit(owned_routes, 5).result(timeout=60) == owned_routes(5)


def test_a_mutable_default_is_never_left_unlike_cpythons(executor):
    with pytest.raises(PythonToForaConversionError):
        executor.submit(default_through_methodcaller, 1).result(timeout=60)
    with pytest.raises(PythonToForaConversionError):
        executor.submit(default_through_methodcaller, 2).result(timeout=60)


def ufunc_positional_out(x):
    np.add(x, 1, x)
    return x


def unary_ufunc_out(x):
    np.negative(x, x)
    return x


def ufunc_method_out(x, out):
    np.add.reduce(x, 0, None, out)
    return out


def function_positional_out(x):
    np.clip(x, 0, 1, x)
    return x


@pytest.mark.parametrize("fn, make", [(ufunc_positional_out, lambda: [np.zeros(2)]),
                                      (unary_ufunc_out, lambda: [np.ones(2)]),
                                      (ufunc_method_out, lambda: [np.ones((2, 2)), np.zeros(2)]),
                                      (function_positional_out, lambda: [np.full(2, 3.0)])],
                         ids=lambda c: getattr(c, "__name__", None))
def test_an_output_argument_given_by_position_is_checked_like_out(executor, fn, make):
    with pytest.raises(PythonToForaConversionError, match="with an output argument") as info:
        executor.submit(fn, *make()).result(timeout=60)
    assert info.value.lineno == fn.__code__.co_firstlineno + 1


def owned_outputs(x):
    buf = np.zeros(3)
    np.add(x, 1, buf)
    np.multiply(buf, 2, buf)
    return buf, np.add(x, x), np.maximum(x, 2), np.clip(x, 0, 1)


def test_outputs_the_frame_made_give_cpythons_answers(executor):
    got = executor.submit(owned_outputs, np.arange(3.0)).result(timeout=60)
    want = owned_outputs(np.arange(3.0))
    assert all(np.array_equal(a, b) for a, b in zip(got, want))


def through_a_view(x):
    b = x[1:]
    b[0] = 99
    return x


def through_a_view_method(x):
    b = x[::2]
    b.sort()
    return x


@pytest.mark.parametrize("fn", [through_a_view, through_a_view_method])
def test_a_slice_of_an_array_passed_in_is_a_view_and_is_not_written(executor, fn):
    with pytest.raises(PythonToForaConversionError, match="view of an array") as info:
        executor.submit(fn, np.array([3.0, 2.0, 1.0])).result(timeout=60)
    assert info.value.lineno == fn.__code__.co_firstlineno + 2


def slices_of_lists(xs, grid):
    rest = xs[1:]
    rest.append(0)
    rest[0] = -1
    rest.sort()
    first = grid[:1]
    first.append([9])
    return rest, first, xs, grid


def test_a_slice_of_a_list_passed_in_is_a_new_list_the_frame_owns(executor):
    args = ([3, 1, 2], [[1], [2]])
    assert executor.submit(slices_of_lists, *args).result(timeout=60) == slices_of_lists([3, 1, 2], [[1], [2]])


def nested_through_a_slice(grid):
    first = grid[:1]
    first[0].append(9)
    return grid


def test_the_items_of_such_a_slice_are_still_the_callers(executor):
    with pytest.raises(PythonToForaConversionError):
        executor.submit(nested_through_a_slice, [[1], [2]]).result(timeout=60)


def take_two(it):
    return next(it), next(it)


@pytest.mark.parametrize("make", [lambda: iter([1, 2, 3]), lambda: map(abs, [-1, -2, -3]),
                                  lambda: enumerate("abc"), lambda: reversed([1, 2, 3])],
                         ids=["list_iterator", "map", "enumerate", "reversed"])
def test_an_iterator_with_items_left_is_refused_as_an_argument(make):
    with pytest.raises(PythonToForaConversionError, match="iterator with items left") as info:
        pyfora.submit(take_two, make())
    assert "argument 1" in str(info.value)


def largest_or_none(it):
    return max(it, default=None)


def test_an_exhausted_iterator_travels(executor):
    it = iter([1, 2])
    list(it)
    assert executor.submit(largest_or_none, it).result(timeout=60) is None
    assert executor.submit(largest_or_none, iter([])).result(timeout=60) is None
