"""The note at the foot of every page: what produced the output shown on it."""

import platform
from importlib.metadata import version


def provenance(*distributions: str) -> str:
    """Name the interpreter (and any libraries) running this build."""
    tools = [f"{platform.python_implementation()} {platform.python_version()}"]
    tools += [f"{name} {version(name)}" for name in distributions]
    return (
        '!!! info "Where this output comes from"\n'
        f"    Every output on this page was produced by running its code with "
        f"{', '.join(tools)} on {platform.system()}, when the site was built."
    )
