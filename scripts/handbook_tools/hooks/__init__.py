"""The MkDocs hooks: one module per feature, each handling every build event its feature
needs, none depending on the order mkdocs.yml lists them in.

MkDocs loads each file by its path. Their imports of `scripts.*` and the pages' code
blocks' imports of `snippets.*` need the project's root on `sys.path`, which
`python -m mkdocs` run from the root gives (scripts/handbook_tools/build.py,
scripts/serve.sh).
"""
