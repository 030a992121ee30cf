"""scripts/quality_hooks.py: what it removes from the theme's markup and style sheet,
and what it must leave alone. (The built site is checked as a whole by
test_html_valid.py and tests/browser/test_accessibility.py.)"""

from __future__ import annotations

from pathlib import Path

from scripts import quality_hooks

PALETTE = (
    "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
    "[data-md-color-scheme=slate][data-md-color-primary=pink]{--a:#e}"
    "[data-md-color-scheme=slate][data-md-color-primary=indigo]{--a:#5}"
    "[data-md-color-switching] *,[data-md-color-switching] :after{transition:0s}}"
    "[data-md-color-accent=indigo],[data-md-color-accent=red]{--b:#f}"
    "[data-md-color-primary=red]{--c:#1}"
    "@media screen and (max-width:76em){[data-md-color-primary=red] .x{--d:#2}}"
    "/*# sourceMappingURL=palette.min.css.map*/"
)
USED = {"primary": {"indigo"}, "accent": {"indigo"}}


def test_palette_keeps_the_used_colours_and_drops_the_rest() -> None:
    lean = quality_hooks.lean_palette(PALETTE, USED)
    assert lean == (
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
        "[data-md-color-scheme=slate][data-md-color-primary=indigo]{--a:#5}}"
        "[data-md-color-accent=indigo]{--b:#f}"
    )


def test_palette_with_every_colour_used_is_unchanged_but_for_switching() -> None:
    every = {"primary": {"pink", "indigo", "red"}, "accent": {"indigo", "red"}}
    lean = quality_hooks.lean_palette(PALETTE, every)
    assert "switching" not in lean
    assert "sourceMappingURL" not in lean
    assert lean.count("{") == PALETTE.count("{") - 1


def test_the_themes_palette_sheet_parses_and_keeps_both_schemes() -> None:
    import material

    sheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    css = next(sheets.glob("palette.*.min.css")).read_text()
    lean = quality_hooks.lean_palette(css, USED)
    assert "[data-md-color-scheme=slate]" in lean
    assert "[data-md-color-primary=indigo]" in lean
    assert "[data-md-color-primary=pink]" not in lean
    assert "switching" not in lean
    assert lean.count("{") == lean.count("}")
    assert len(lean) < len(css) / 2


def test_checkbox_toggles_lose_autocomplete_text_inputs_keep_it() -> None:
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox"'
        ' id="__drawer" autocomplete="off">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
    fixed = quality_hooks.valid_html(html)
    assert fixed.count('autocomplete="off"') == 1
    assert 'type="text" class="md-search__input" autocomplete="off"' in fixed


def test_pages_but_the_print_page_lose_print_site_assets_and_defer_scripts() -> None:
    html = (
        '<link rel="stylesheet" href="../css/print-site.css">\n'
        '<link rel="stylesheet" href="../css/print-site-material.css">\n'
        '<link rel="stylesheet" href="../assets/handbook.css">\n'
        '<script src="../assets/javascripts/bundle.min.js"></script>\n'
        '<script src="../js/print-site.js"></script>\n'
        "<script>inline()</script>\n"
    )
    lean = quality_hooks.lean_html(html)
    assert "print-site" not in lean
    assert '<link rel="stylesheet" href="../assets/handbook.css">' in lean
    assert '<script src="../assets/javascripts/bundle.min.js" defer></script>' in lean
    assert "<script>inline()</script>" in lean


def test_print_page_tags_become_plain_and_its_style_moves_to_the_head() -> None:
    html = (
        "<html><head></head><body>"
        "<section class='print-page md-section' id='section-2' heading-number='2'>"
        "<nav class='md-tags'><span class='md-tag'>a</span></nav><h1>A</h1></section>"
        "<style>.print-site-enumerate-headings #s > h1:before { content: '2' }</style>"
        "</body></html>"
    )
    fixed = quality_hooks.print_page_html(html)
    assert "<nav" not in fixed
    assert "<div class=\"md-tags\"><span class='md-tag'>a</span></div>" in fixed
    assert "data-heading-number='2'" in fixed
    assert fixed.index("<style>") < fixed.index("</head>")


def test_short_answers_are_wrapped_once_with_ids_unique_per_page() -> None:
    box = (
        '<div class="admonition answer">\n<p class="admonition-title">Say this</p>\n'
        '<p>One.</p>\n<div class="highlight"><pre>code</pre></div>\n</div>\n'
    )
    wrapped = quality_hooks.wrap_answers(f"<h2>A</h2>\n{box}<p>after</p>{box}", "gen")
    assert wrapped.count('<div class="handbook-answer-body"') == 2
    assert 'id="handbook-answer-gen"' in wrapped
    assert 'id="handbook-answer-gen-1"' in wrapped
    # The body holds everything after the title, the nested code block included.
    assert (
        '<p class="admonition-title">Say this</p>\n<div class="handbook-answer-body"'
        ' id="handbook-answer-gen">\n<p>One.</p>\n<div class="highlight"><pre>code'
        "</pre></div>\n</div>\n</div>\n<p>after</p>"
    ) in wrapped
    assert quality_hooks.wrap_answers(wrapped, "gen") == wrapped
