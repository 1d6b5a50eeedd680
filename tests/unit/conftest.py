"""The executor most unit tests share: one worker, for the whole module."""
import pytest

import pyfora


@pytest.fixture(scope="module")
def executor():
    with pyfora.connect(workers=1) as ex:
        yield ex
