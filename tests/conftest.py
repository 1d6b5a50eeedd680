"""Settings for the whole suite.

The compiled-code cache (compiler/code_cache.py) of a test run lives in a
directory of its own, set before anything imports pyfora, so the suite never
reads or writes the user's cache; worker processes and clients the tests
start inherit it.
"""
import os
import shutil
import tempfile

import pytest

_CACHE_DIR = tempfile.mkdtemp(prefix="pyfora-test-cache-")
os.environ["PYFORA_CACHE_DIR"] = _CACHE_DIR


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    shutil.rmtree(_CACHE_DIR, ignore_errors=True)


@pytest.fixture(scope="module")
def jit_forced():
    """An executor whose worker enters every computation's function as native code at once
    (PYFORA_JIT_THRESHOLD=0): the suites that compare with CPython run through it a second time, to
    check native code against tier 0. The setting stays for the rest of the module (a worker started
    again after a crash gets it too); tests using this fixture come last in their module."""
    import pyfora
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYFORA_JIT_THRESHOLD", "0")
        with pyfora.connect(workers=1, jit=True) as executor:
            yield executor
