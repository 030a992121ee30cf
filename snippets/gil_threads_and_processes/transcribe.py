"""Run the GIL page's examples under python3.13t, CPython's free-threaded build,
and record what it prints (scripts/transcripts.sh). The interpreter is built and
installed by scripts/free_threaded_python.sh, which scripts/setup.sh test runs.
"""

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PYTHON = "python3.13t"
SPIN = "snippets.gil_threads_and_processes.spin"
MEASURE = "snippets.gil_threads_and_processes.measure"
NO_PARALLELISM = "CPU seconds per wall second under 1.2: True"
IMPORT_LEGACY = "import legacy, sys; print(sys._is_gil_enabled())"


def free_threaded_python():
    """The path of python3.13t, or an error that says how to install it."""
    python = shutil.which(PYTHON)
    if python is None:
        raise RuntimeError(f"no {PYTHON} here: run scripts/setup.sh test")
    return python


# --8<-- [start:run]
def run(args, cwd=ROOT, **environment):
    """The command as a shell line, then what it printed (warnings first)."""
    env = {**os.environ, **environment}
    if "PYTHON_GIL" not in environment:
        env.pop("PYTHON_GIL", None)
    done = subprocess.run(
        [free_threaded_python(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assigned = [f"{name}={value}" for name, value in environment.items()]
    shown = shlex.join([*assigned, PYTHON, *args])
    return f"$ {shown}\n{done.stderr}{done.stdout}"


def spinner():
    """spin.py with the GIL off (the build's default) and forced on."""
    return run(["-m", SPIN]) + run(["-m", SPIN], PYTHON_GIL="1")


def cpu_and_waits():
    """measure.py's verdicts with the GIL off and on. Two threads use two CPUs
    only if two are idle: with the GIL off, up to three runs, keeping the first
    that found them (the page says so)."""
    for _ in range(3):
        gil_off = run(["-m", MEASURE])
        if NO_PARALLELISM not in gil_off:
            break
    return gil_off + run(["-m", MEASURE], PYTHON_GIL="1")


# --8<-- [end:run]


def sysconfig_of_the_build(expression):
    """What `expression` (about `sysconfig`) is in python3.13t."""
    code = f"import sysconfig; print({expression})"
    command = [free_threaded_python(), "-c", code]
    return subprocess.check_output(command, text=True).strip()


def legacy_extension():
    """legacy.c, compiled against the build's headers, imported with the GIL
    left to the interpreter and with PYTHON_GIL=0."""
    include = sysconfig_of_the_build("sysconfig.get_paths()['include']")
    suffix = sysconfig_of_the_build("sysconfig.get_config_var('EXT_SUFFIX')")
    with tempfile.TemporaryDirectory() as build:
        library = f"{build}/legacy{suffix}"
        source = HERE / "legacy.c"
        compile_c = ["cc", "-shared", "-fPIC", f"-I{include}", source]
        subprocess.run([*compile_c, "-o", library], check=True)
        command = ["-c", IMPORT_LEGACY]
        return run(command, cwd=build) + run(command, cwd=build, PYTHON_GIL="0")


TRANSCRIPTS = {
    "spinner": spinner,
    "cpu_and_waits": cpu_and_waits,
    "legacy_extension": legacy_extension,
}
