"""What an interpreter says about its GIL: this one, and others installed."""

# --8<-- [start:this_interpreter]
import sys
import sysconfig

is_gil_enabled = getattr(sys, "_is_gil_enabled", None)  # new in 3.13
print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
print("switch interval:", sys.getswitchinterval(), "seconds")
print("free-threaded build:", bool(sysconfig.get_config_var("Py_GIL_DISABLED")))
print(
    "sys._is_gil_enabled():", is_gil_enabled() if is_gil_enabled else "absent"
)
# --8<-- [end:this_interpreter]


# --8<-- [start:other_interpreters]
import glob
import os
import shutil
import subprocess

PROBE = """import sys, sysconfig
gil = getattr(sys, "_is_gil_enabled", None)
free = sysconfig.get_config_var("Py_GIL_DISABLED")
build = "free-threaded" if free else "default"
print("Python %d.%d, %s build," % (*sys.version_info[:2], build),
      "sys._is_gil_enabled():", gil() if gil else "absent")"""
PYENV = os.path.expanduser("~/.pyenv/versions/3.1[2-9]*/bin/python3.1[2-9]")


def run(python, **environment):
    command = [python, "-c", PROBE]
    environment = {**os.environ, **environment}
    return subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=30
    )


def ask(python, **environment):
    """What `python` prints for PROBE, or the first line of its error."""
    done = run(python, **environment)
    return (done.stdout or done.stderr).splitlines()[0]


def installed_pythons():
    """{what it prints: path} for each Python 3.12+ found that runs."""
    names = ["python3.12", "python3.13", "python3.13t", "python3.14"]
    found = [shutil.which(name) for name in [*names, "python3.14t"]]
    found += glob.glob(PYENV) + glob.glob(PYENV + "t")
    runs = [(run(python), python) for python in filter(None, found)]
    return {
        done.stdout.strip(): py for done, py in runs if done.returncode == 0
    }


lines = [
    f"{answer}\n  with PYTHON_GIL=0: {ask(python, PYTHON_GIL='0')}"
    for answer, python in sorted(installed_pythons().items())
]
print("\n".join(lines) or "no other Python 3.12+ on this machine")
# --8<-- [end:other_interpreters]
