"""The `pyfora` command line: `python -m pyfora ir MODULE:FUNCTION` prints the statement form, its tables
and the function's effect summary."""
import argparse
import importlib
import io
import os
import sys

from pyfora.compiler.image import CodeCache, Walker
from pyfora.compiler.program import ProgramImage
from pyfora.compiler.tier0 import compile_code_def


def _load(target: str):
    module_name, _, attr = target.partition(":")
    if not attr:
        raise SystemExit(f"pyfora: expected MODULE:FUNCTION, got {target!r}")
    sys.path.insert(0, os.getcwd())
    obj = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def ir(target: str) -> str:
    """The statement form of a function, with its source map and fork table."""
    fn = _load(target)
    walker = Walker(io.BytesIO(), ProgramImage(), CodeCache())
    code_def = walker.code_def(fn.__code__, fn.__qualname__, fn.__globals__)
    walker.check(fn, code_def)
    return compile_code_def(code_def).format_ir() + "\n" + walker.code_cache.effects[code_def.id].format()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="pyfora", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ir_cmd = commands.add_parser("ir", help="print a function's statement form and tables")
    ir_cmd.add_argument("target", metavar="MODULE:FUNCTION")
    args = parser.parse_args(argv)
    if args.command == "ir":
        print(ir(args.target))


if __name__ == "__main__":
    main()
