"""How a worker process starts: the environment the pool gives it (scheduler/pool.py)."""
import os
import subprocess
import sys

import pytest

from pyfora.scheduler.pool import MALLOC_TUNING, worker_environment
from pyfora.vm.worker import BYTECODE_DIR

pytestmark = pytest.mark.timeout(120)


def test_bytecode_goes_under_the_cache_dir_when_the_client_writes_none(tmp_path, monkeypatch):
    monkeypatch.setenv("PYFORA_CACHE_DIR", str(tmp_path))
    env = worker_environment({"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/bin"}, "0")
    assert env["PYTHONDONTWRITEBYTECODE"] == "1" and "PYTHONPYCACHEPREFIX" not in env
    assert env[BYTECODE_DIR] == str(tmp_path / "bytecode")
    assert (env["PATH"], env["PYTHONHASHSEED"]) == ("/bin", "0")


def test_the_users_own_settings_are_kept():
    mine = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": "/elsewhere", "PYTHONHASHSEED": "7",
            "MALLOC_TRIM_THRESHOLD_": "5"}
    assert worker_environment(mine, "0") == {**MALLOC_TUNING, **mine}
    assert worker_environment({}, "3") == {"PYTHONHASHSEED": "3", **MALLOC_TUNING}


def test_a_worker_of_a_client_that_writes_no_bytecode_keeps_its_own_in_the_cache_dir(tmp_path):
    (tmp_path / "m.py").write_text("def f():\n    return 41 + 1\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    env.update(PYTHONDONTWRITEBYTECODE="1", PYFORA_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", "import m, pyfora; print(pyfora.submit(m.f).result())"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "42\n", "")
    written = {(p.parent.name, p.name.split(".")[0]) for p in (tmp_path / "cache" / "bytecode").rglob("*.pyc")}
    assert {("vm", "run"), ("vm", "protocol"), ("compiler", "linker")} <= written
    assert not any(part in ("encodings", "threading", "ast", "pickle") for _, part in written), written
    assert not (tmp_path / "__pycache__").exists()
