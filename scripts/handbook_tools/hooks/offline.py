"""The offline copy's build (HANDBOOK_OFFLINE=true, scripts/handbook_tools/archive.py):
pages that work from file://.

- Instant navigation needs a server: from file:// Material skips it, and its `document$`
  then never fires for the page's scripts. The offline copy uses plain page loads.
- Search from file:// needs the iframe-worker shim. The offline plugin would load it
  from a CDN; it is served from the site's own assets instead, copied from
  node_modules (`npm ci`, which `scripts/setup.sh test` runs).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_LICENSE = Path("node_modules/iframe-worker/LICENSE")
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"


def is_offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config, **_):
    if not is_offline(config):
        return config
    features = config.theme.get("features") or []
    config.theme["features"] = [
        f for f in features if not f.startswith("navigation.instant")
    ]
    polyfills = [
        url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url
    ]
    config.extra["polyfills"] = [*polyfills, SHIM_TARGET]
    return config


def on_post_build(config, **_) -> None:
    if not is_offline(config):
        return
    base = Path(config.config_file_path).parent
    if not (base / SHIM_SOURCE).is_file():
        raise PluginError(
            f"offline build: {SHIM_SOURCE} is missing; run `npm ci` "
            "(scripts/setup.sh test does): offline search needs the shim"
        )
    target = Path(config.site_dir) / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(base / SHIM_SOURCE, target)
    shutil.copyfile(base / SHIM_LICENSE, target.with_name("iframe-worker-LICENSE.txt"))
