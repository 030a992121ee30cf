"""Ask git about the repository, quietly: None when git or the history is not there."""

from __future__ import annotations

import subprocess


def git_output(*args: str, cwd: str) -> str | None:
    """git's stripped output, or None when git is missing or the command fails."""
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None
