"""The downloads the home page offers, and which of them a build has.

Every build writes the Anki deck (hooks/flashcards.py). The PDF (pdf.py) and the
offline copy (archive.py) are made from the built site afterwards, by
`scripts/release.sh`, which builds with HANDBOOK_DOWNLOADS=true (mkdocs.yml's
`extra.downloads`). Any other build (`scripts/serve.sh`, `scripts/build.sh`) links only
to what it has and says, next to the rest, how to make them: no link on the home page
answers 404.
"""

from __future__ import annotations

from dataclasses import dataclass

PDF_FILE = "downloads/python-backend-interview-handbook.pdf"
ZIP_FILE = "downloads/python-backend-interview-handbook.zip"
DECK_FILE = "downloads/python-backend-interview-handbook.apkg"
# Where the home page (docs/index.md) shows the buttons.
PLACEHOLDER = "<!-- handbook:downloads -->"
# The environment variable mkdocs.yml reads into `extra.downloads`.
RELEASE_VARIABLE = "HANDBOOK_DOWNLOADS"
RELEASE_COMMAND = "scripts/setup.sh test && scripts/release.sh site"


@dataclass(frozen=True)
class Download:
    path: str
    label: str  # on its button
    name: str  # in a sentence
    made_after_build: bool


DOWNLOADS = (
    Download(PDF_FILE, "PDF of the whole handbook", "the PDF", made_after_build=True),
    Download(ZIP_FILE, "Offline copy (zip)", "the offline copy", made_after_build=True),
    Download(DECK_FILE, "Anki flashcards", "the Anki deck", made_after_build=False),
)


def released(config) -> bool:
    """Whether this build ships the PDF and the offline zip."""
    return str(config.extra.get("downloads", False)).lower() in {"true", "1", "yes"}


def home_block(*, release: bool, offline: bool) -> str:
    """The home page's download buttons (Markdown with HTML), for this build."""
    offered, missing = [], []
    for download in DOWNLOADS:
        if offline and download.path == ZIP_FILE:
            continue  # the offline copy does not contain itself
        if download.made_after_build and not release:
            missing.append(download)
        else:
            offered.append(download)
    buttons = [
        f'<a class="md-button{" md-button--primary" if i == 0 else ""}"'
        f' href="{d.path}" download>{d.label}</a>'
        for i, d in enumerate(offered)
    ]
    out = ['<div class="handbook-downloads" markdown>', *buttons, "</div>", ""]
    if missing:
        names = " and ".join(d.name for d in missing)
        verb = "are" if len(missing) > 1 else "is"
        out += [
            f'!!! note "{names[0].upper()}{names[1:]} {verb} not in this build"',
            "",
            "    They ship with the published site; a local build (`scripts/serve.sh`,"
            " `scripts/build.sh`) does not make them. To make them here, run",
            "",
            f"    ```bash\n    {RELEASE_COMMAND}\n    ```",
            "",
            "    and open the complete site in `site/` (for example with"
            " `python3 -m http.server -d site`).",
            "",
        ]
    return "\n".join(out)
