"""Exceptions across the process boundary, with tracebacks that name the user's code.

In the VM, an exception's traceback runs through compiled statement-form code
whose line numbers are statement ids; `user_frames` maps each frame back to
the user's file, line and function through the source map. On the client,
`rebuild_exception` recreates the exception (without calling `__init__`,
whose signature need not match `args`) and hangs a real traceback on it,
made of frames that carry the user's file, line and function name, so
`traceback.print_exc()` shows the user's code.
"""
import ast
import sys
import types

from pyfora.compiler.linker import HIDDEN_FILES, UNITS, line_offset

_COMPREHENSION_FRAMES = sys.version_info < (3, 12)
_STUBS: dict[tuple, tuple[types.FrameType, int]] = {}


def user_frames(tb) -> list[tuple[str, int, str]]:
    """(file, line, function) for each frame of `tb` that runs user code."""
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        unit = UNITS.get(code.co_filename)
        if unit is not None and unit.code_def.filename not in HIDDEN_FILES:
            info = unit.tables.statements.get(tb.tb_lineno)
            if info is not None:
                line = info.line + line_offset(code, tb.tb_lasti)
                name = code.co_name
                if _COMPREHENSION_FRAMES:
                    # CPython 3.11 runs a comprehension in a frame of its own; ours was inlined.
                    for scope_name, scope_line in info.scope:
                        frames.append((unit.code_def.filename, scope_line, name))
                        name = scope_name
                frames.append((unit.code_def.filename, line, name))
        tb = tb.tb_next
    return frames


def reduce_exception(exc: BaseException):
    state = {
        "dict": dict(getattr(exc, "__dict__", {})),
        "cause": exc.__cause__,
        "context": exc.__context__,
        "suppress": exc.__suppress_context__,
        "frames": user_frames(exc.__traceback__),
    }
    return (rebuild_exception, (type(exc), exc.args), state, None, None, set_exception_state)


def rebuild_exception(cls, args):
    """The exception, made by the builtin's own constructor or, for a user class, without __init__."""
    if cls.__module__ == "builtins":
        try:
            return cls(*args)
        except Exception:
            pass
    exc = cls.__new__(cls, *args)
    exc.args = args
    return exc


def set_exception_state(exc, state):
    exc.__dict__.update(state["dict"])
    exc.__cause__ = state["cause"]
    exc.__context__ = state["context"]
    exc.__suppress_context__ = state["suppress"]
    exc.__traceback__ = build_traceback(state["frames"])


def _stub_frame(filename: str, line: int, name: str) -> tuple[types.FrameType, int]:
    """A frame whose code says `filename`, line `line`, function `name`, and an instruction there.

    The stub's locations carry no columns (col_offset -1), so a traceback prints the user's
    line without carets that would point at the stub's own text.
    """
    key = (filename, line, name)
    stub = _STUBS.get(key)
    if stub is None:
        tree = ast.parse("frame = sys._getframe()")
        for node in ast.walk(tree):
            if hasattr(node, "lineno"):
                node.lineno = node.end_lineno = line
                node.col_offset = node.end_col_offset = -1
        code = compile(tree, filename, "exec").replace(co_name=name, co_qualname=name)
        namespace = {"sys": sys, "__name__": name}
        exec(code, namespace)
        lasti = next(offset for offset, (start, _, _, _) in enumerate(code.co_positions()) if start == line)
        stub = _STUBS[key] = (namespace["frame"], 2 * lasti)
    return stub


def build_traceback(frames) -> types.TracebackType | None:
    """A traceback through the user's frames, outermost first."""
    tb = None
    for filename, line, name in reversed(frames):
        frame, lasti = _stub_frame(filename, line, name)
        tb = types.TracebackType(tb, frame, lasti, line)
    return tb
