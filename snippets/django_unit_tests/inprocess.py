"""Django inside this very process, for the predictions of this page and the
django-debug-toolbar page: no project, no server, no manage.py. An in-memory
SQLite database holds contrib.auth's tables (the predictions use its Group
model), the toolbar app is installed (its show_toolbar needs it), and `run`
runs a test class quietly.

Configured once per process; every call to `django_ready` empties the table
the predictions write to, so each prediction starts from the same state.
"""

import unittest

import django
from django.conf import settings


def django_ready():
    if not settings.configured:
        settings.configure(  # DEBUG is False, as in production settings
            INSTALLED_APPS=[
                "django.contrib.contenttypes",
                "django.contrib.auth",
                "django.contrib.staticfiles",
                "debug_toolbar",
            ],
            DATABASES={
                "default": {
                    "ENGINE": "django.db.backends.sqlite3",
                    "NAME": ":memory:",
                }
            },
            DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
            # Tables straight from the models: no migrations to run.
            MIGRATION_MODULES={"auth": None, "contenttypes": None},
            # No panels: none patches Django in this process, and show_toolbar
            # needs none.
            DEBUG_TOOLBAR_PANELS=[],
            STATIC_URL="static/",
            USE_TZ=True,
        )
        django.setup()
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection

    if "auth_group" not in connection.introspection.table_names():
        call_command("migrate", run_syncdb=True, verbosity=0)
    Group.objects.all().delete()


class Outcomes(unittest.TestResult):
    """Each test's name and outcome, with the first line of its error."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def addSuccess(self, test):
        self.lines.append(f"{test._testMethodName}: ok")

    def addFailure(self, test, err):
        message = str(err[1]).splitlines()[0]
        self.lines.append(f"{test._testMethodName}: FAIL: {message}")


def run(test_class):
    """Run a TestCase class here, as the runner would; one line per test."""
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(test_class)
    outcomes = Outcomes()
    suite.run(outcomes)
    return "\n".join(outcomes.lines)


if __name__ == "__main__":
    django_ready()
    django_ready()  # idempotent: configured and migrated only once
