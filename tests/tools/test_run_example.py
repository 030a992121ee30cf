"""The browser's runner (docs/assets/run_example.py) under plain CPython.

Pyodide runs the same file (tests/browser checks it there); here each rule is pinned
case by case: what the reader sees of output, errors and exits, and how the earlier
blocks of a session are run first.
"""

from __future__ import annotations

import importlib.util
import json
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "docs" / "assets" / "run_example.py"


def load_runner() -> ModuleType:
    # Loaded by path: docs/assets is the site's folder, not a package.
    spec = importlib.util.spec_from_file_location("run_example", RUNNER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


runner = load_runner()


def run(code: str, earlier: list[str] | None = None) -> dict:
    return json.loads(runner.run(earlier or [], code))


def test_print_stdout_and_stderr_are_all_shown_in_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run(
        "import sys\n"
        "print('one', 2)\n"
        "sys.stdout.write('two\\n')\n"
        "sys.stderr.write('three\\n')\n"
        "print('four', file=sys.stderr)\n"
    )
    assert result["output"] == "one 2\ntwo\nthree\nfour\n"
    assert result["raised"] is None
    assert result["earlierBlock"] is None
    # Nothing escapes to the real streams (in the worker they are the console).
    assert capsys.readouterr() == ("", "")


def test_a_runtime_error_prints_the_traceback_python_prints() -> None:
    result = run("def half(n):\n    return n / 0\n\nprint('before')\nhalf(4)\n")
    output = result["output"]
    assert result["raised"] == "ZeroDivisionError"
    assert output.startswith("before\nTraceback (most recent call last):\n")
    # Both of the example's frames, with their lines (from linecache), in call order.
    caller = output.index('  File "<example>", line 5, in <module>\n    half(4)\n')
    callee = output.index('  File "<example>", line 2, in half\n    return n / 0\n')
    assert caller < callee
    assert output.count("  File ") == 2
    assert output.endswith("ZeroDivisionError: division by zero\n")
    # The runner's own frames are its business, not the reader's.
    assert "run_example" not in output


def test_a_syntax_error_prints_no_traceback_header() -> None:
    result = run("print('never')\nif True print(1)\n")
    output = result["output"]
    assert result["raised"] == "SyntaxError"
    assert "Traceback" not in output
    assert output.startswith('  File "<example>", line 2\n    if True print(1)\n')
    assert "SyntaxError: " in output
    # Nothing ran: the code did not compile.
    assert "never" not in output


@pytest.mark.parametrize(
    ("ending", "shown"),
    [
        ("raise SystemExit(3)", ""),
        ("import sys; sys.exit()", ""),
        ("import sys; sys.exit(0)", ""),
        ("import sys; sys.exit('usage: example NAME')", "usage: example NAME\n"),
    ],
)
def test_system_exit_is_quiet_but_for_its_message(ending: str, shown: str) -> None:
    result = run(f"print('out')\n{ending}\nprint('after')\n")
    assert result["output"] == f"out\n{shown}"
    assert result["raised"] == "SystemExit"


def test_earlier_blocks_run_first_in_one_namespace_and_stay_silent() -> None:
    earlier = [
        "print('from block 1')\nbase = 40\n",
        "print('from block 2')\nbase += 1\n",
    ]
    result = run("print(base + 1)\n", earlier)
    assert result["output"] == "42\n"
    assert result["raised"] is None
    assert result["earlierBlock"] is None


def test_a_failing_earlier_block_is_named_and_stops_the_run(tmp_path: Path) -> None:
    # Files as witnesses: the runner shows no output of blocks after the failing one.
    third, example = tmp_path / "third-ran", tmp_path / "example-ran"
    earlier = [
        "value = 1\n",
        "raise ValueError('block two broke')\n",
        f"open({str(third)!r}, 'w').close()\n",
    ]
    result = run(f"open({str(example)!r}, 'w').close()\n", earlier)
    assert result["earlierBlock"] == 2
    assert result["raised"] == "ValueError"
    assert "ValueError: block two broke" in result["output"]
    assert not third.exists()
    assert not example.exists()


def test_each_run_starts_from_a_fresh_namespace() -> None:
    first = run("secret = 'kept'\nprint(secret)\n", ["shared = 1\n"])
    assert first["output"] == "kept\n"
    second = run("print(secret)\n")
    assert second["raised"] == "NameError"
    assert "name 'secret' is not defined" in second["output"]
    third = run("print(shared)\n")
    assert third["raised"] == "NameError"


def test_annotations_are_evaluated_as_in_the_build() -> None:
    """The runner's own `from __future__ import annotations` stays its own."""
    result = run("def f(x: int) -> str: ...\nprint(f.__annotations__)\n")
    assert result["output"] == "{'x': <class 'int'>, 'return': <class 'str'>}\n"


def test_the_example_runs_as_the_main_module() -> None:
    result = run("if __name__ == '__main__':\n    print('main')\n")
    assert result["output"] == "main\n"


def test_the_result_names_the_interpreter_that_ran_it() -> None:
    result = run("pass\n")
    name, version = result["python"].split(" ")
    assert name.lower() == sys.implementation.name  # "CPython" here, not "cpython"
    assert version == ".".join(str(part) for part in sys.version_info[:3])
    assert result["wordSize"] == struct.calcsize("P") * 8
