"""The JIT benchmark's native columns: the C versions in bench/c/ and the Numba versions.

C: each ``bench/c/<c_name>.c`` is compiled with ``gcc -O2 -march=native
-ffp-contract=off`` (Python never fuses a multiply and an add, and GCC fuses
them by default where the CPU has FMA) and prints its result and the seconds
its kernel took. Numba: ``bench/jit_numba.py`` runs in a subprocess of an
interpreter where numba imports, so the project's own llvmlite need not match
numba's. Both report results as text, ints in decimal and floats in hex, which
``decode`` reads back bit for bit.
"""

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
C_DIR = BENCH / "c"
GCC_FLAGS = ["-O2", "-march=native", "-ffp-contract=off"]


@dataclass
class NativeRun:
    """One workload's native run: `error` set instead of the rest when it could not run."""
    seconds: float = 0.0
    result: object = None
    compile_s: float = 0.0
    error: str = ""


def plain(value):
    """`value` with numpy floats made Python floats, so results compare across implementations."""
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    return float(value) if isinstance(value, np.floating) else value


def decode(tokens: list[str]):
    """A result printed as tokens (ints in decimal, floats as C99 hex), a tuple if more than one."""
    values = tuple(float.fromhex(t) if "0x" in t else int(t) for t in tokens)
    return values[0] if len(values) == 1 else values


def gcc_version() -> str | None:
    """gcc's version, or None if there is no gcc."""
    if shutil.which("gcc") is None:
        return None
    return subprocess.run(["gcc", "-dumpfullversion"], capture_output=True, text=True).stdout.strip()


def compile_c(c_names, out_dir: Path) -> dict[str, Path]:
    """Compile each named C program into out_dir; return the executables by name."""
    built = {}
    for name in sorted(set(c_names)):
        exe = out_dir / name
        subprocess.run(["gcc", *GCC_FLAGS, "-o", str(exe), str(C_DIR / f"{name}.c"), "-lm"], check=True)
        built[name] = exe
    return built


def c_argv(workload, size) -> list[str]:
    argv = [str(s) for s in size]
    if workload.c_sum_flag:
        argv.append("1" if sys.version_info >= (3, 12) else "0")
    return argv


def run_c(exe: Path, argv: list[str]) -> NativeRun:
    """Run a compiled C program: its result line and its own elapsed time."""
    done = subprocess.run([str(exe), *argv], capture_output=True, text=True)
    if done.returncode != 0:
        return NativeRun(error=f"exit {done.returncode}: {done.stderr.strip()[:60]}")
    result_line, elapsed_line = done.stdout.splitlines()
    return NativeRun(seconds=float(elapsed_line.split()[1]), result=decode(result_line.split()))


def numba_python_default() -> str | None:
    """This interpreter if numba imports in it, else None."""
    done = subprocess.run([sys.executable, "-c", "import numba"], capture_output=True)
    return sys.executable if done.returncode == 0 else None


def numba_version(python: str) -> str:
    done = subprocess.run([python, "-c", "import numba; print(numba.__version__)"],
                          capture_output=True, text=True)
    return done.stdout.strip() or "not importable"


def run_numba(python: str, workload, size, repeat: int) -> NativeRun:
    """Run one workload under numba.njit in a fresh `python` process."""
    done = subprocess.run([python, str(BENCH / "jit_numba.py"), workload.name, *map(str, size),
                           "--repeat", str(repeat)], capture_output=True, text=True)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return NativeRun(error=(lines[-1] if lines else f"exit {done.returncode}")[:80])
    report = json.loads(done.stdout)
    if "error" in report:
        return NativeRun(error=report["error"])
    return NativeRun(seconds=report["steady_s"], result=decode(report["result"]),
                     compile_s=report["compile_s"])
