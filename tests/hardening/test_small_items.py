"""Issue 7, smaller items: a container stored into itself, compared with CPython running the same
function here."""
import pytest

from pyfora import PythonToForaConversionError

pytestmark = pytest.mark.timeout(120)


# ## A container stored into itself: the frame's own value, as CPython runs it

def dict_into_itself():
    d = {}
    d["me"] = d
    return d


def list_item_into_itself():
    s = [1]
    s[0] = s
    return s


def list_appended_to_itself():
    a = []
    a.append(a)
    return a


def dict_setdefault_itself():
    d = {}
    d.setdefault("k", d)
    return d


def dict_updated_with_itself():
    d = {}
    d.update(me=d)
    return d


def nested_item_into_itself():
    d = {"inner": {}}
    d["inner"]["up"] = d
    return d


@pytest.mark.parametrize("fn, key", [(dict_into_itself, "me"), (list_item_into_itself, 0),
                                     (list_appended_to_itself, 0), (dict_setdefault_itself, "k"),
                                     (dict_updated_with_itself, "me")])
def test_a_container_stored_into_itself_runs_and_its_cycle_comes_back(executor, fn, key):
    expected = fn()
    got = executor.submit(fn).result()
    assert repr(got) == repr(expected)
    assert got[key] is got and expected[key] is expected


def test_a_container_stored_into_an_item_of_itself_runs(executor):
    got = executor.submit(nested_item_into_itself).result()
    assert repr(got) == repr(nested_item_into_itself())
    assert got["inner"]["up"] is got


def stored_then_mutated_by_item():
    d = {}
    d["me"] = d
    d["x"] = 1
    return d


def stored_then_mutated_by_method():
    d = {}
    d.update(me=d)
    d.update(x=1)
    return d


def test_a_container_stored_into_itself_is_then_treated_alike_by_both_forms(executor):
    outcomes = []
    for fn in (stored_then_mutated_by_item, stored_then_mutated_by_method):
        try:
            outcomes.append(repr(executor.submit(fn).result()))
        except PythonToForaConversionError:
            outcomes.append("refused")
    assert outcomes[0] == outcomes[1]
