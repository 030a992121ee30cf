"""The MkDocs hooks: one module per feature, each handling every build event its feature
needs, none depending on the order mkdocs.yml lists them in.

MkDocs loads each file by its path, and again for every rebuild under `mkdocs serve`
(state that must last between rebuilds lives in a module they import, such as
live_rebuild.py). Their imports of `scripts.handbook_tools` and the pages' code blocks'
imports of `snippets` need the project's root on `sys.path`, which `python -m mkdocs`
run from the root gives (scripts/build.sh, scripts/serve.sh).
"""
