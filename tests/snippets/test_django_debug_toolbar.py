"""Claims of docs/questions/django-debug-toolbar.md, proven in subprocesses.

The toolbar lives in the zoo example project (snippets/zoo_project/);
its own tests (animals/toolbar_tests.py) run through manage.py test. The
predictions, at the end, run in this process against the minimal in-memory
Django of snippets/django_unit_tests/inprocess.py, as the build runs them.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from snippets.django_debug_toolbar import transcribe as dt
from snippets.django_unit_tests import transcribe as t
from snippets.zoo_project import run as zoo

pytestmark = pytest.mark.server

DEVELOPMENT = dt.DEVELOPMENT


def settings_report(env: dict[str, str] | None) -> str:
    run = zoo.manage("shell", "-v", "0", "-c", dt.SHOW_SETTINGS, env=env)
    assert run.returncode == 0, run.output
    return run.output


def test_toolbar_tests_pass_in_development() -> None:
    run = t.run_tests("-v", "2", "animals.toolbar_tests")  # production mode: skipped
    assert run.output.count("skipped 'the toolbar is installed only when") == 13
    run = zoo.manage("test", "-v", "2", "animals.toolbar_tests", env=DEVELOPMENT)
    assert run.returncode == 0, run.output
    assert run.ran() == 13
    assert run.output.count(" ... ok") == 13
    for name in (
        "test_shown_with_debug_and_internal_ip",
        "test_hidden_from_other_addresses",
        "test_runner_turns_debug_off",
        "test_middleware_classes_is_ignored",
        "test_urls_are_mounted",
        "test_url_helper_is_empty_under_the_runner",
        "test_middleware_classes_is_reported",
        "test_toolbar_before_gzip_is_reported",
        "test_missing_middleware_is_reported",
        "test_middleware_twice_is_reported",
        "test_templates_without_app_loader_are_reported",
        "test_custom_callback_without_urls_is_an_error_in_tests",
    ):
        assert f"{name} (" in run.output


def test_the_toolbar_test_fails_when_the_marker_is_absent(tmp_path) -> None:
    """Guard against a vacuous proof: the 'shown' test fails for a marker the
    page does not carry (run against a copy whose MARKER is changed)."""
    label = (
        "animals.toolbar_tests.ToolbarVisibilityTests."
        "test_shown_with_debug_and_internal_ip"
    )
    source = (zoo.PROJECT / "animals" / "toolbar_tests.py").read_text()
    assert "MARKER = 'id=\"djDebug\"'" in source
    package = tmp_path / "animals_copy"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "toolbar_tests.py").write_text(
        source.replace('id="djDebug"', 'id="notTheToolbar"')
    )
    env = {**DEVELOPMENT, "PYTHONPATH": str(tmp_path)}
    copied = label.replace("animals.", "animals_copy.", 1)
    assert zoo.manage("test", copied, env=env).returncode == 1
    assert zoo.manage("test", label, env=env).returncode == 0


def test_development_checks_pass() -> None:
    run = zoo.manage("check", env=DEVELOPMENT)
    assert run.returncode == 0
    assert "System check identified no issues (0 silenced)." in run.output


def test_toolbar_only_in_development() -> None:
    development = settings_report(DEVELOPMENT)
    production = settings_report(None)
    assert "DEBUG: True" in development
    assert "toolbar app: True" in development
    assert "INTERNAL_IPS: ['127.0.0.1']" in development
    assert "DEBUG: False" in production
    assert "toolbar app: False" in production
    assert "debug_toolbar" not in production


def test_toolbar_middleware_sits_right_after_gzip() -> None:
    lines = [
        line.strip()
        for line in settings_report(DEVELOPMENT).splitlines()
        if line.startswith("  ")
    ]
    gzip = lines.index("django.middleware.gzip.GZipMiddleware")
    assert lines[gzip + 1] == "debug_toolbar.middleware.DebugToolbarMiddleware"


def test_production_refuses_to_start_without_a_secret_key() -> None:
    run = zoo.manage("check", env={})
    assert run.returncode == 1
    assert "ImproperlyConfigured: Set DJANGO_SECRET_KEY" in run.output
    assert zoo.manage("check", env=DEVELOPMENT).returncode == 0  # dev key


def test_allowed_hosts_come_from_the_environment() -> None:
    code = "from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    env = {**zoo.TEST_ENV, "DJANGO_ALLOWED_HOSTS": "zoo.example,www.zoo.example"}
    run = zoo.manage("shell", "-v", "0", "-c", code, env=env)
    assert run.output.strip() == "['zoo.example', 'www.zoo.example']"
    run = zoo.manage("shell", "-v", "0", "-c", code)
    assert run.output.strip() == "[]"


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["test"], {}, "True"),  # manage.py test
        (["runserver"], {"PYTEST_VERSION": "9"}, "True"),  # under pytest
        (["runserver"], {}, "False"),
    ],
)
def test_is_running_tests_default(argv, env, expected) -> None:
    code = (
        "from debug_toolbar.settings import CONFIG_DEFAULTS;"
        "print(CONFIG_DEFAULTS['IS_RUNNING_TESTS'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *argv],
        env=zoo.child_env(env),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == expected


def test_debug_toolbar_urls_helper_and_when_it_cannot_be_imported() -> None:
    """Why urls.py tests INSTALLED_APPS instead of calling debug_toolbar_urls():
    the helper is empty whenever DEBUG is off (always under the test runner,
    proven in toolbar_tests.py), and without the app installed (production
    here) importing it fails."""
    code = (
        "from debug_toolbar.toolbar import debug_toolbar_urls;"
        "print(len(debug_toolbar_urls()))"
    )
    development = zoo.manage("shell", "-v", "0", "-c", code, env=DEVELOPMENT)
    production = zoo.manage("shell", "-v", "0", "-c", code)
    assert development.output.strip() == "1"
    assert production.returncode == 1
    assert "INSTALLED_APPS" in production.output


def test_middleware_model_toolbar_must_come_after_gzip() -> None:
    from snippets.django_debug_toolbar import middleware_order as mo

    assert mo.has_toolbar(mo.right("GET /"))
    assert not mo.has_toolbar(mo.wrong("GET /"))


def test_middleware_model_wraps_like_django() -> None:
    """The first entry of the list is the outermost layer: it sees the request
    first and the response last."""
    from snippets.django_debug_toolbar import middleware_order as mo

    seen = []

    def recording(name):
        def factory(get_response):
            def middleware(request):
                seen.append(f"{name} in")
                response = get_response(request)
                seen.append(f"{name} out")
                return response

            return middleware

        return factory

    assert mo.build([recording("a"), recording("b")])("GET /") == mo.PAGE
    assert seen == ["a in", "b in", "b out", "a out"]


# Predictions: each runs its section alone, as the page does. ----------------
def test_predict_debug_and_internal_ips(predict) -> None:
    """Both conditions of the default callback: DEBUG and REMOTE_ADDR."""
    out = predict("django_debug_toolbar/predict.py:debug_and_internal_ips")
    assert out.splitlines() == [
        "DEBUG=False, from 127.0.0.1: False",
        "DEBUG=False, from 203.0.113.7: False",
        "DEBUG=True, from 127.0.0.1: True",
        "DEBUG=True, from 203.0.113.7: False",
    ]


def test_predict_localhost_over_ipv6(predict) -> None:
    """Membership is a plain string comparison: ::1 is not 127.0.0.1."""
    out = predict("django_debug_toolbar/predict.py:localhost_over_ipv6")
    assert out == "toolbar for ::1: False\n"


def test_show_toolbar_is_plain_string_membership() -> None:
    from django.test import RequestFactory, override_settings

    from snippets.django_debug_toolbar.inprocess import django_ready

    django_ready()
    from debug_toolbar.middleware import show_toolbar

    request = RequestFactory().get("/", REMOTE_ADDR="::1")
    with override_settings(DEBUG=True, INTERNAL_IPS=["127.0.0.1", "::1"]):
        assert show_toolbar(request)
    with override_settings(DEBUG=True, INTERNAL_IPS=["172.17.0.0/16"]):
        # A network is not understood: no address matches it (pitfalls).
        inside = RequestFactory().get("/", REMOTE_ADDR="172.17.0.1")
        assert not show_toolbar(inside)


def test_predict_behind_a_proxy(predict) -> None:
    """REMOTE_ADDR is the proxy's; X-Forwarded-For is not consulted."""
    out = predict("django_debug_toolbar/predict.py:behind_a_proxy")
    assert out == "visitor 203.0.113.7 gets the toolbar: True\n"


def test_behind_a_proxy_the_forwarded_header_is_ignored_either_way() -> None:
    """The toolbar's decision does not change with X-Forwarded-For: a visitor
    behind a proxy that sets no header at all gets the same answer."""
    from django.test import RequestFactory, override_settings

    from snippets.django_debug_toolbar.inprocess import django_ready

    django_ready()
    from debug_toolbar.middleware import show_toolbar

    with override_settings(DEBUG=True, INTERNAL_IPS=["203.0.113.7"]):
        forwarded = RequestFactory().get(
            "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
        assert not show_toolbar(forwarded)  # the visitor's address is not read


def test_predict_under_the_test_runner(predict) -> None:
    """DiscoverRunner turns DEBUG off, so the default callback says no."""
    from django.conf import settings

    out = predict("django_debug_toolbar/predict.py:under_the_test_runner")
    assert out.splitlines() == [
        "outside the runner: True",
        "manage.py test: False",
    ]
    assert settings.DEBUG is False  # restored: the configured value
