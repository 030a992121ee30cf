"""Measure the handbook against a stock Material build of the same pages.

Usage: scripts/benchmark.sh [--pages N] [--runs N] [--no-readme] [--cpu-slowdown X]
                            [--without theme-script|theme-search]

In one run, on this machine:

- Lighthouse (npm `lighthouse`, mobile preset: simulated slow 4G and a 4x slower CPU)
  scores (performance, accessibility, best practices, SEO) and the lab Core Web Vitals
  (LCP, CLS, TBT) of the home page, the trainers' pages (spaced review, mock
  interview) and every question page, served gzipped on 127.0.0.1 under the site's
  path, as GitHub Pages serves it (lighthouse.py);
- the weight of a question page on a first visit (every byte transferred, gzipped,
  except the search index), of each trainer's page (its deck and scripts included)
  and of the search index (gzipped);
- the full strict build, and the PDF (`python -m scripts.handbook_tools.pdf`);
- under `mkdocs serve`, the time from saving a question's snippet to the page being
  served again, for every question (rebuild.py; in a copy of the project: the real files
  are not touched);
- the same figures for a stock Material build of the same pages: the same content and
  Markdown extensions, `theme: material` with the theme's defaults, no overrides, hooks,
  or extra CSS and JavaScript (stock.py), reported as the ratio ours / stock.

Results go to scripts/benchmark-results.md and into README.md's Benchmarks section
(between its benchmark markers; report.py). `--without` measures both sites without a
piece of the theme (variants.py), to say what it costs; like `--cpu-slowdown`, it
prints its figures and writes nothing. Lighthouse needs `npm ci` and Chromium
(CHROMIUM overrides /usr/bin/chromium). INP needs a real user's interactions: a lab run
cannot measure it (TBT is its lab proxy).
"""
