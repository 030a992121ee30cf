"""Our own scripts and styles (docs/assets/*.js, *.css), minified as the site is
written: their comments explain the code to its readers in the repository, not to a
phone on a slow network. Vendored libraries (docs/assets/vendor/) are shipped as their
package published them.

Not mkdocs-minify-plugin: it renames each file to `*.min.*` and rewrites only the
references in `extra_css` and `extra_javascript`, while progress.js and the pages' own
scripts are loaded by docs/overrides/main.html. rjsmin and rcssmin minify in place.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

_MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
VENDOR = "assets/vendor/"
_ours: list[str] = []


def is_ours(file, config) -> bool:
    """Whether this hook minifies `file`, one of MkDocs' files."""
    docs = Path(config.docs_dir).resolve()
    # The theme's files are minified already; they are not in docs/.
    return bool(
        file.abs_src_path
        and Path(file.abs_src_path).resolve().is_relative_to(docs)
        and not file.src_uri.startswith(VENDOR)
        and Path(file.src_uri).suffix in _MINIFIERS
    )


def as_written(file, config) -> str:
    """`file`'s text as the built site holds it: minified if it is ours."""
    text = Path(file.abs_src_path).read_text("utf-8")
    if not is_ours(file, config):
        return text
    return _MINIFIERS[Path(file.src_uri).suffix](text)


def on_files(files, config, **_):
    _ours[:] = [file.dest_uri for file in files.media_files() if is_ours(file, config)]
    return files


def on_post_build(config, **_) -> None:
    site = Path(config.site_dir)
    for uri in _ours:
        path = site / uri
        if path.is_file():  # a fast rebuild under serve.sh may not have copied it
            minify = _MINIFIERS[path.suffix]
            path.write_text(minify(path.read_text("utf-8")), "utf-8")
