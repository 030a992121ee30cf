"""The scripts of a page start once the page's first frame is on screen.

Deferred, the scripts ran as soon as the HTML was parsed, which on a fast connection is
before that frame is shown; Lighthouse then counts their download and their evaluation
at four times the CPU towards the largest contentful paint: 1.5 s on the home page
against 1.0 s without them (scripts/benchmark-results.md). Here each plain
`<script src>` becomes a call to `handbookScript(path[, then])`, which adds the script
when the browser reports the first contentful paint (its entry comes once the frame is
presented), and calls `then(loaded)` after it. The reader sees the same page a frame
sooner; search, the palette switch, progress marks and the trainers start a few
milliseconds later than they did. A hidden tab paints nothing: there they start at once.

- The scripts run one at a time, in the page's order, each in a task of its own, and
  so does each `then`: a preload link fetches them all at once. Added together with
  `async = false`, the scripts that had arrived ran in one task, the theme's hand-over
  to its components (`handbookTheme`) in the bundle's: about 50 ms on a long page,
  four times that in Lighthouse's mobile run, all of it over TBT's 50 ms threshold
  (type-conversion: 165 ms of TBT, median of three runs). Split, the bundle's
  evaluation and the hand-over took 23 and 24 ms there (one Lighthouse trace).

- Paths are relative to the site's root, resolved against the root of the page first
  loaded: Material's instant navigation runs the calls in the content it swaps in
  again, from whatever address it has reached by then.
- The theme's bundle hands the page to its components through `document$`, which it
  feeds on DOMContentLoaded. Added after that event, it is fed by `handbookTheme`, its
  `then`; added before, its own listener does it. `handbook:theme` on the document
  then tells our scripts that `document$` is there (docs/assets/progress.js,
  practice.js).
- The trainers' data is such a script too (progress.js, trainingData).
- A script mkdocs.yml's extra_javascript marks `defer` or `async` is left as written.
- Practice mode's hidden answers are marked for the browser's search before
  practice.js arrives (docs/overrides/main.html's head script says why).
- `window.handbookScripts` counts the scripts added and those settled (loaded or
  failed): the browser tests wait for them (tests/browser/conftest.py).

Our own code: no plugin delays the theme's scripts, and the theme has no setting for it.
The print page is written by its plugin after this hook has run: its scripts run as the
theme wrote them.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')
_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
EVENT = "handbook:theme"
_DEFINITIONS = (
    "<script>(function(){"
    'var root=new URL("%s",location.href),parsed=false,waiting=[],queue=[],'
    "running=false,state=window.handbookScripts={painted:false,added:0,settled:0};"
    'document.addEventListener("DOMContentLoaded",function(){parsed=true});'
    "function afterPaint(f){state.painted?f():waiting.push(f)}"
    "function paint(){if(state.painted)return;state.painted=true;"
    "waiting.splice(0).forEach(function(f){f()})}"
    # A task of its own: not a timer, which the tests' paused clock would hold back.
    "function later(f){var c=new MessageChannel();c.port1.onmessage=f;"
    "c.port2.postMessage(null)}"
    "function next(){var item=queue.shift();running=!!item;if(!item)return;"
    'var s=document.createElement("script");s.src=item.url;'
    "function done(loaded){item.preload.remove();later(function(){"
    "if(item.then)item.then(loaded);state.settled++;later(next)})}"
    "s.onload=function(){done(true)};s.onerror=function(){done(false)};"
    "document.body.appendChild(s)}"
    "window.handbookTheme=function(loaded){if(!loaded)return;"
    "if(parsed)window.document$.next(document);"
    'document.dispatchEvent(new Event("' + EVENT + '"))};'
    "window.handbookScript=function(path,then){afterPaint(function(){"
    'var url=new URL(path,root).href,link=document.createElement("link");'
    'link.rel="preload";link.as="script";link.href=url;'
    "document.head.appendChild(link);state.added++;"
    "queue.push({url:url,then:then,preload:link});"
    "if(!running){running=true;later(next)}})};"
    'if(document.visibilityState==="hidden"||!window.PerformanceObserver||'
    '(PerformanceObserver.supportedEntryTypes||[]).indexOf("paint")<0)paint();'
    "else new PerformanceObserver(function(l,o){"
    'if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();paint()}'
    '}).observe({type:"paint",buffered:true})'
    "})()</script>"
)


def _from_root(src: str, page_url: str) -> str:
    if src.startswith("/") or "://" in src:
        return src
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return posixpath.normpath(posixpath.join(folder, src))


def scripts_after_paint(html: str, page_url: str, source: str) -> str:
    """The page with each `<script src>` started after the first paint. `page_url` is
    the page's address relative to the site's root (the 404 page's scripts have
    absolute paths: any will do); `source` names the page in the error if the theme's
    bundle is not there."""
    if "</body>" not in html:
        return html
    bundles = 0

    def call(match: re.Match) -> str:
        nonlocal bundles
        path = _from_root(match.group(1), page_url)
        theme = bool(_BUNDLE.search(path))
        bundles += theme
        then = ",handbookTheme" if theme else ""
        return f'<script>handbookScript("{path}"{then})</script>'

    html = _SCRIPT.sub(call, html)
    if bundles != 1:
        raise PluginError(
            f"{source}: the theme's bundle <script> was found {bundles} times, not "
            "once; the theme's template changed "
            "(scripts/handbook_tools/hooks/after_paint.py)"
        )
    # In the head, before the first call (the offline copy's polyfill is in the head).
    first_call = html.find("<script>handbookScript(")
    head_end = html.find("</head>")
    at = min(i for i in (first_call, head_end) if i >= 0)
    root = get_relative_url("", page_url) + "/"
    return html[:at] + _DEFINITIONS % root + html[at:]


def on_post_page(output, page, config, **_):
    return scripts_after_paint(output, page.url, f"docs/{page.file.src_uri}")


def on_post_template(output_content, template_name, config):
    # Theme pages rendered outside the page loop: 404.html.
    if template_name.endswith(".html"):
        return scripts_after_paint(output_content, "", template_name)
    return output_content
