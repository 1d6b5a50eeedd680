"""Exceptions raised by pyfora itself (a leaf module: it imports nothing of the project).

User code that raises inside the VM gives the caller the user's own exception;
the classes here are for what pyfora refuses or what goes wrong around it.
"""


class PyforaError(Exception):
    """Base class of every error pyfora raises on its own account."""


class PythonToForaConversionError(PyforaError):
    """The program uses something outside the pure subset pyfora runs.

    The message names the file, line and column, the construct, and what to
    write instead. Raised by `submit` before anything runs, with pyfora's own
    frames cut from the traceback; or, where only a run can tell, by the
    future's `result()`.
    """

    def __init__(self, message, *, filename=None, lineno=None, col=None, construct=None):
        self.filename = filename
        self.lineno = lineno
        self.col = col
        self.construct = construct
        where = ""
        if filename is not None:
            where = f"{filename}:{lineno}"
            if col is not None:
                where += f":{col + 1}"
            where += ": "
        super().__init__(where + message)
        self.message = message

    def __reduce__(self):
        return (_rebuild_conversion_error,
                (self.message, self.filename, self.lineno, self.col, self.construct))


def _rebuild_conversion_error(message, filename, lineno, col, construct):
    return PythonToForaConversionError(
        message, filename=filename, lineno=lineno, col=col, construct=construct)


class CantGetSourceTextError(PyforaError):
    """The source text of a function the program reaches cannot be found.

    pyfora reads it through `linecache`. Files and Jupyter/IPython cells have it; so do
    the REPL and `python -c` from Python 3.13 on, but not before.
    """


class WorkerCrashedError(PyforaError):
    """The worker process running a computation died (a crash, a signal, or no memory)."""
