"""The handbook's tooling: what builds, checks, measures and ships the site.

- hooks/: the MkDocs hooks, one module per feature (listed in mkdocs.yml);
- facts.py: what every tool needs to know (the nav, the questions, front matter, the
  site URL), read through MkDocs' own config loader; downloads.py: the download files;
- the release (release.py: pdf.py, archive.py, check_links.py), the checks
  (check_snippets.py, check_workflows.py), the scaffold (new_question.py), the
  benchmark (benchmark/), and what they share (build.py, static_site.py, chromium.py).

The commands a person runs are the shell scripts in scripts/; none of this is imported
by the snippets (snippets/ holds what its examples share).
"""
