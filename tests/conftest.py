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
