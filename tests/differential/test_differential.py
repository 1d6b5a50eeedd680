"""Every case in tests/differential/cases_*.py, in CPython and in pyfora."""
import importlib.util
import pathlib
import sys

import pytest

from case import Case
from harness import check_case

_HERE = pathlib.Path(__file__).parent


def _load_cases():
    cases = []
    for path in sorted(_HERE.glob("cases_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        cases.extend(c for c in module.CASES if isinstance(c, Case))
    return cases


CASES = _load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_differential(case):
    check_case(case)
