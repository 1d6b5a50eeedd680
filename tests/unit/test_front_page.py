"""What a user sees when `submit` refuses a function: their own line and the message, none of pyfora's frames.

A refusal at submit (`PythonToForaConversionError`, `CantGetSourceTextError`) is raised from the
user's `submit` call with pyfora's frames cut from its traceback. Each test runs a small client in
a subprocess, as a user would, and reads what Python printed.
"""
import os
import subprocess
import sys
import textwrap
import traceback

import pytest

import pyfora
import pyfora.bigdata
import pyfora.compiler
import pyfora.scheduler
import pyfora.vm

pytestmark = pytest.mark.timeout(60)

PYFORA_DIRS = tuple(os.path.dirname(m.__file__) + os.sep
                    for m in (pyfora, pyfora.compiler, pyfora.vm, pyfora.scheduler, pyfora.bigdata))
"""The folders of pyfora's own files, wherever it is installed from."""

_REFUSED_MODULE = """\
import pyfora

def load(path):
    return open(path).read()

{call}
"""


def _run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSTARTUP", "PYFORA_WORKERS")}
    env.update(PYFORA_WORKERS="0", PYTHON_COLORS="0", NO_COLOR="1")
    return subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True, env=env,
                          timeout=50)


def _frame_files(stderr: str) -> list[str]:
    return [line.split('"')[1] for line in stderr.splitlines() if line.startswith('  File "')]


def _assert_no_pyfora_frames(stderr: str):
    ours = [f for f in _frame_files(stderr) if f.startswith(PYFORA_DIRS)]
    assert not ours, stderr


@pytest.mark.parametrize("call, line", [
    ('pyfora.submit(load, "data.txt")', 6),
    ('pyfora.connect(workers=0).submit(load, "data.txt")', 6),
    ('pyfora.connect(workers=0).map(load, ["data.txt"])', 6),
    # A pool of worker processes, closed by `with` (so the worker has started before the script ends).
    ('with pyfora.connect(workers=1) as executor:\n    executor.submit(load, "data.txt")', 7),
])
def test_refusal_traceback_shows_the_users_line_and_message(tmp_path, call, line):
    script = tmp_path / "app.py"
    script.write_text(_REFUSED_MODULE.format(call=call))
    done = _run([str(script)])
    assert done.returncode == 1
    _assert_no_pyfora_frames(done.stderr)
    assert _frame_files(done.stderr) == [str(script)], done.stderr
    submit_line = call.splitlines()[-1].strip()
    assert f'line {line}, in <module>\n    {submit_line}\n' in done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"pyfora.errors.PythonToForaConversionError: {script}:4:12: calling open() is not supported by "
        "pyfora; pass the file's contents in as an argument instead")


def uses_open(path):
    return open(path).read()


def test_refusal_is_the_same_error_raised_from_the_callers_line():
    with pyfora.connect(workers=0) as executor:
        with pytest.raises(pyfora.PythonToForaConversionError) as info:
            executor.submit(uses_open, "data.txt")
    exc = info.value
    assert [f.filename for f in traceback.extract_tb(exc.__traceback__)] == [__file__]
    assert (exc.filename, exc.lineno, exc.construct) == (__file__, uses_open.__code__.co_firstlineno + 1,
                                                        "calling open()")
    assert str(exc).startswith(f"{__file__}:{exc.lineno}:12: calling open() is not supported by pyfora")
    assert exc.__cause__ is None and exc.__context__ is None


def _refused_in_one_line(done: subprocess.CompletedProcess, line: int, message: str):
    """The traceback is the user's one line, then the message on one line."""
    assert done.returncode == 1
    assert _frame_files(done.stderr) == ["<string>"], done.stderr
    assert f'  File "<string>", line {line}, in <module>' in done.stderr.splitlines()
    assert done.stderr.splitlines()[-1] == f"pyfora.errors.CantGetSourceTextError: {message}"


_NO_SOURCE = ("pyfora needs the source text of {name} (<string>:{line}), and Python keeps none for code given to "
              "exec(), or to `python -c` before 3.13: define the function in a file, in a Jupyter/IPython cell, "
              "or in the Python 3.13 REPL, which keeps the source of what is typed into it")


@pytest.mark.parametrize("definition, name", [
    ("square = lambda x: x * x", "<lambda>"),
    ("def square(x):\n    return x * x", "square"),
])
def test_function_from_python_c(definition, name):
    """From 3.13 on, Python keeps the source of `python -c` code (in linecache, as `<string>`)."""
    code = f"import pyfora\n{definition}\nprint('result', pyfora.submit(square, 7).result())\n"
    done = _run(["-c", code])
    if sys.version_info >= (3, 13):
        assert done.stdout == "result 49\n", done.stderr
    else:
        _refused_in_one_line(done, code.count("\n"), _NO_SOURCE.format(name=name, line=2))


def test_function_exec_in_python_c_is_refused_in_one_line():
    code = 'import pyfora\nns = {}\nexec("def square(x):\\n    return x * x", ns)\npyfora.submit(ns["square"], 7)\n'
    done = _run(["-c", code])
    _refused_in_one_line(done, 4, _NO_SOURCE.format(name="square", line=1))


_TYPED = textwrap.dedent("""\
    import pyfora
    def square(x):
        return x * x

    print("result", pyfora.submit(square, 7).result())
    """)


def test_function_typed_into_the_repl():
    """The REPL of 3.13 keeps what is typed into it (in linecache), so pyfora finds the source there;
    before 3.13 it keeps nothing and the refusal says where to define the function instead."""
    done = _run(["-i"], stdin=_TYPED)
    _assert_no_pyfora_frames(done.stderr)
    if sys.version_info >= (3, 13):
        assert "result 49" in done.stdout, done.stderr
    else:
        assert "result" not in done.stdout
        assert ("pyfora.errors.CantGetSourceTextError: pyfora needs the source text of square (<stdin>:1), "
                "and Python keeps none for code piped to it on standard input, or typed into its REPL before "
                "3.13: define the function in a file") in done.stderr
