"""Every case in tests/differential/cases_*.py, in CPython and in pyfora, and again through pyfora
with the JIT forced (every computation's function entered as native code at once); each file's
`KNOWN_DIFFERENCES` must still differ (strict xfail)."""
import importlib.util
import pathlib
import sys

import pytest

from case import Case
from harness import check_case

_HERE = pathlib.Path(__file__).parent


def _load_cases():
    cases, known = [], []
    for path in sorted(_HERE.glob("cases_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        cases.extend(c for c in module.CASES if isinstance(c, Case))
        known.extend(getattr(module, "KNOWN_DIFFERENCES", []))
    return cases, known


CASES, KNOWN_DIFFERENCES = _load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_differential(case):
    check_case(case)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="a known difference (see the case's comment)")
@pytest.mark.parametrize("case", KNOWN_DIFFERENCES, ids=[c.name for c in KNOWN_DIFFERENCES])
def test_known_difference(case):
    """Each stays different until it is fixed; then it must move to CASES."""
    check_case(case)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_differential_with_native_code(case, jit_forced):
    check_case(case, jit_forced)
