"""Predictions of the toolbar page: each section runs alone, in-process, and
asks the toolbar's default SHOW_TOOLBAR_CALLBACK, show_toolbar(request),
whether a request would get the toolbar (see inprocess.py)."""

# --8<-- [start:debug_and_internal_ips]
from django.test import RequestFactory, override_settings

from snippets.django_debug_toolbar.inprocess import django_ready

django_ready()  # settings first: the toolbar reads them on import
from debug_toolbar.middleware import show_toolbar

for debug in (False, True):
    with override_settings(DEBUG=debug, INTERNAL_IPS=["127.0.0.1"]):
        for address in ("127.0.0.1", "203.0.113.7"):
            request = RequestFactory().get("/", REMOTE_ADDR=address)
            print(f"DEBUG={debug}, from {address}:", show_toolbar(request))
# --8<-- [end:debug_and_internal_ips]

# --8<-- [start:localhost_over_ipv6]
from django.test import RequestFactory, override_settings

from snippets.django_debug_toolbar.inprocess import django_ready

django_ready()
from debug_toolbar.middleware import show_toolbar

# runserver [::]:8000, and the browser opens http://localhost:8000/
request = RequestFactory().get("/", REMOTE_ADDR="::1")
with override_settings(DEBUG=True, INTERNAL_IPS=["127.0.0.1"]):
    print("toolbar for ::1:", show_toolbar(request))
# --8<-- [end:localhost_over_ipv6]

# --8<-- [start:behind_a_proxy]
from django.test import RequestFactory, override_settings

from snippets.django_debug_toolbar.inprocess import django_ready

django_ready()
from debug_toolbar.middleware import show_toolbar

# nginx on the same machine passes a visitor's request on to Django
request = RequestFactory().get(
    "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
)
with override_settings(DEBUG=True, INTERNAL_IPS=["127.0.0.1"]):
    print("visitor 203.0.113.7 gets the toolbar:", show_toolbar(request))
# --8<-- [end:behind_a_proxy]

# --8<-- [start:under_the_test_runner]
from django.test import RequestFactory, override_settings
from django.test.runner import DiscoverRunner

from snippets.django_debug_toolbar.inprocess import django_ready

django_ready()
from debug_toolbar.middleware import show_toolbar

request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")
with override_settings(DEBUG=True, INTERNAL_IPS=["127.0.0.1"]):
    print("outside the runner:", show_toolbar(request))
    runner = DiscoverRunner()  # what manage.py test runs the tests with
    runner.setup_test_environment()
    print("manage.py test:", show_toolbar(request))
    runner.teardown_test_environment()
# --8<-- [end:under_the_test_runner]
