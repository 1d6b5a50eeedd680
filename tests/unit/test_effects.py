"""Effect summaries (compiler/ownership.py `Effects`): what a function does to the values it is given,
completed through the functions it hands them to, and the refusal at submit they make possible."""
import io

import pytest

import pyfora
from pyfora.__main__ import ir
from pyfora.compiler.image import CodeCache, Walker
from pyfora.compiler.program import ProgramImage


def summary(fn):
    walker = Walker(io.BytesIO(), ProgramImage(), CodeCache())
    code_def = walker.code_def(fn.__code__, fn.__qualname__, fn.__globals__)
    walker.check(fn, code_def)
    return walker.code_cache.effects[code_def.id]


def mutated_arguments(fn):
    """The completed summary, from the summaries of `fn` and of what it hands its arguments to (as a
    submit's walk checks them), as lines relative to `fn`'s."""
    walker = Walker(io.BytesIO(), ProgramImage(), CodeCache())
    pending = [fn]
    while pending:
        f = pending.pop()
        code_def = walker.code_def(f.__code__, f.__qualname__, f.__globals__)
        if code_def.id not in walker.code_cache.effects:
            walker.check(f, code_def)
            pending.extend(f.__globals__[c] for c, *_ in walker.code_cache.effects[code_def.id].passes)
    return {p: record[1] - fn.__code__.co_firstlineno for p, record in walker.mutated_arguments(fn).items()}


def sorts(xs, n):
    xs.sort()
    n += 1
    return n


def rebinds_first(xs):
    xs = list(xs)
    xs.sort()
    return xs


def mutates_on_one_path(xs, flag):
    if flag:
        xs = []
    xs.append(1)


def keeps(xs, ys, acc):
    box = [xs]
    alias = ys
    acc.append(1)
    return box, alias


def hands_on(people):
    return sorts(people, 0)


def ping(xs, k):
    return pong(xs, k - 1) if k else 0


def pong(ys, k):
    ys.append(k)
    return ping(ys, k)


def make_memo():
    cache = {}

    def lookup(k):
        cache[k] = k
        return cache[k]
    return lookup


def make_counter():
    n = 0

    def step():
        nonlocal n
        n += 1
        return n
    return step


def test_a_mutation_of_a_parameter_is_in_the_summary_with_its_line():
    effects = summary(sorts)
    assert set(effects.mutated) == {"xs", "n"}
    assert effects.mutated["xs"][1] == sorts.__code__.co_firstlineno + 1
    assert effects.mutated["xs"][4] == "" and effects.mutated["n"][4] == "inplace"


def test_a_parameter_rebound_before_the_mutation_is_not_mutated():
    assert summary(rebinds_first).mutated == {}


def test_a_parameter_rebound_on_one_path_only_may_be_mutated(executor):
    """In the summary (forking must assume it), but not refused at submit: on the other path it runs."""
    effects = summary(mutates_on_one_path)
    assert set(effects.mutated) == {"xs"} and not effects.mutated["xs"][5]
    assert executor.submit(mutates_on_one_path, [5], True).result(timeout=60) is None
    with pytest.raises(pyfora.PythonToForaConversionError, match="that came from outside the computation"):
        executor.submit(mutates_on_one_path, [5], False).result(timeout=60)


def test_escapes_and_hand_ons():
    effects = summary(keeps)
    assert effects.escapes == {"xs", "ys"}
    assert set(effects.mutated) == {"acc"}
    hands = summary(hands_on)
    assert hands.passes == [("sorts", 0, "people", True)] and hands.escapes == set()


def test_summaries_complete_through_callees_and_recursion():
    assert mutated_arguments(hands_on) == {"people": sorts.__code__.co_firstlineno + 1
                                           - hands_on.__code__.co_firstlineno}
    assert set(mutated_arguments(ping)) == {"xs"}


def test_closures_that_change_captured_state_are_stateful():
    assert summary(make_memo()).captured == {"cache"} and summary(make_memo()).stateful
    assert summary(make_counter()).captured == {"n"}
    assert not summary(sorts).stateful


def test_ir_prints_the_summary():
    text = ir(f"{__name__}:keeps")
    assert "effects:\n  mutates arguments: acc (line" in text
    assert "  lets escape: xs, ys" in text


def test_a_function_that_mutates_its_argument_through_a_callee_is_refused_at_submit(executor):
    with pytest.raises(pyfora.PythonToForaConversionError,
                       match=r"`xs.sort\(\)` mutates the argument `people` of hands_on\(\) \(a `list` you passed "
                             r"in\).*write `people = list\(people\)` as its first line") as info:
        executor.submit(hands_on, [3, 1])
    assert info.value.lineno == sorts.__code__.co_firstlineno + 1


def test_an_argument_that_cannot_be_mutated_is_not_refused(executor):
    with pytest.raises(AttributeError, match="'tuple' object has no attribute 'sort'"):
        executor.submit(hands_on, (3, 1)).result(timeout=60)
    assert executor.submit(rebinds_first, [3, 1]).result(timeout=60) == [1, 3]
