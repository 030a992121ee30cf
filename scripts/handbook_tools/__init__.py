"""The handbook's tooling: what builds, checks, measures and ships the site.

- hooks/: the MkDocs hooks, one module per feature (listed in mkdocs.yml); a feature
  too big for one hook keeps its logic next to it (live_rebuild.py, anatomy.py for the
  page anatomy the build enforces, answer_box.py, drills.py and deck.py for the cards
  that anki_deck.py (the flashcards) and training_data.py (the trainers' pages: spaced
  review, mock interview) are made of, search_worker.js);
- facts.py: what every tool needs to know (the nav, the questions, front matter, the
  site URL, the print page), read through MkDocs' own config loader; downloads.py: the
  download files and which build has them;
- the release (release.py: pdf.py with pdf_outline.py, archive.py, check_links.py
  with html_links.py, site_urls.py and external_links.py), the checks
  (check_snippets.py, check_workflows.py with workflow_pins.py and workflow_rules.py),
  the scaffold (new_question.py, question_templates.py), transcripts.py, the benchmark
  (benchmark/), and what they share (build.py, static_site.py, chromium.py, git.py).

The commands a person runs are the shell scripts in scripts/; the snippets import
nothing from here (snippets/ holds what its examples share).
"""
