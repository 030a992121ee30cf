"""Runs one example in the reader's browser: loaded by run-worker.js into Pyodide,
called by docs/assets/run.js through it. Plain CPython runs it the same
(tests/tools/test_run_example.py).

Like the build, an example runs after the earlier blocks of its session, in one fresh
namespace; their output is not shown. Unlike the build (markdown-exec captures `print`
alone), everything written to stdout and stderr is shown, and an exception prints its
traceback as Python prints it, the example's lines included.
"""

from __future__ import annotations

import contextlib
import io
import json
import linecache
import platform
import sys
import traceback

EXAMPLE = "<example>"


def _compiled(code: str, name: str):
    # In linecache, a traceback shows the example's lines as it does a file's.
    linecache.cache[name] = (len(code), None, code.splitlines(keepends=True), name)
    # dont_inherit: this file's `from __future__ import annotations` must not turn
    # the example's annotations into strings, which the build's run never does.
    return compile(code, name, "exec", dont_inherit=True)


def _report(error: BaseException, output: io.StringIO) -> None:
    if isinstance(error, SystemExit):
        # As python does: SystemExit prints its message, if any, and no traceback.
        if error.code is not None and not isinstance(error.code, int):
            print(error.code, file=output)
        return
    # Compile-time errors have no frame of the example's; runtime ones start one frame
    # below run(), in the example itself.
    frames = None if isinstance(error, SyntaxError) else error.__traceback__.tb_next
    traceback.print_exception(type(error), error, frames, file=output)


def _execute(code: str, name: str, namespace: dict, output: io.StringIO) -> str | None:
    """Run `code`, writing its output to `output`; the exception's name if it raised."""
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        try:
            exec(_compiled(code, name), namespace)  # running examples is the point
        except BaseException as error:  # the reader sees every ending
            _report(error, output)
            return type(error).__name__
    return None


def run(earlier: list[str], code: str) -> str:
    """JSON: the example's output, the exception it ended with (or null), the Python
    that ran it, and which earlier block failed if one did."""
    namespace = {"__name__": "__main__"}
    for number, block in enumerate(earlier, start=1):
        output = io.StringIO()
        raised = _execute(block, f"<earlier block {number}>", namespace, output)
        if raised:
            return _result(output.getvalue(), raised, earlier_block=number)
    output = io.StringIO()
    raised = _execute(code, EXAMPLE, namespace, output)
    return _result(output.getvalue(), raised)


def _result(output: str, raised: str | None, earlier_block: int | None = None) -> str:
    return json.dumps(
        {
            "output": output,
            "raised": raised,
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "earlierBlock": earlier_block,
            "wordSize": 64 if sys.maxsize > 2**32 else 32,
        }
    )
