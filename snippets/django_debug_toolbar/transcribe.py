"""Run the toolbar's checks and tests in the zoo project (see the unit-tests
page) and return what each command printed. Written to `transcripts/*.txt` by
`scripts/transcripts.sh django_debug_toolbar`."""

from __future__ import annotations

import re

from snippets.zoo_project.run import Run, manage

DEVELOPMENT = {"DJANGO_DEBUG": "1"}  # no secret needed: a dev-only key is used
# --8<-- [start:show_settings]
SHOW_SETTINGS = (
    "from django.conf import settings as s; "
    "print('DEBUG:', s.DEBUG); "
    "print('toolbar app:', 'debug_toolbar' in s.INSTALLED_APPS); "
    "print('INTERNAL_IPS:', s.INTERNAL_IPS); "
    "print('MIDDLEWARE:', *s.MIDDLEWARE, sep='\\n  ')"
)
# --8<-- [end:show_settings]


def without_setup_chatter(run: Run) -> Run:
    """Drop the database set-up lines verbosity 2 prints (migrations)."""
    text = re.sub(
        r"^Operations to perform:\n.*?(?=^System check)",
        "[database set-up lines trimmed]\n",
        run.output,
        flags=re.MULTILINE | re.DOTALL,
    )
    return Run(run.command, run.returncode, text)


def toolbar_tests():
    run = manage("test", "-v", "2", "animals.toolbar_tests", env=DEVELOPMENT)
    return without_setup_chatter(run).transcript()


def toolbar_tests_in_production_mode():
    return manage("test", "animals.toolbar_tests").transcript()


def check_development():
    return manage("check", env=DEVELOPMENT).transcript()


def settings_by_mode():
    shown = 'python manage.py shell -v 0 -c "$SHOW_SETTINGS"'
    runs = [
        manage("shell", "-v", "0", "-c", SHOW_SETTINGS, env=env, shown=shown)
        for env in (DEVELOPMENT, None)
    ]
    return "\n\n".join(run.transcript() for run in runs)


def no_secret_key():
    run = manage("check", env={})
    last = run.output.strip().splitlines()[-1]
    return Run(
        run.command, run.returncode, "[traceback trimmed]\n" + last
    ).transcript()


TRANSCRIPTS = {
    "toolbar_tests": toolbar_tests,
    "toolbar_tests_in_production_mode": toolbar_tests_in_production_mode,
    "check_development": check_development,
    "settings_by_mode": settings_by_mode,
    "no_secret_key": no_secret_key,
}
