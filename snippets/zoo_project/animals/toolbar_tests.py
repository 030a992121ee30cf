"""django-debug-toolbar's rules, proven with Django's test client.

The toolbar is installed only in development, so run these with it:
`DJANGO_DEBUG=1 python manage.py test animals.toolbar_tests`. The file name
does not match test*.py: a plain `python manage.py test` leaves it out.
"""

from unittest import skipUnless

from django.conf import settings
from django.core import checks
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse

TOOLBAR = "debug_toolbar.middleware.DebugToolbarMiddleware"
GZIP = "django.middleware.gzip.GZipMiddleware"
FILESYSTEM_LOADER = "django.template.loaders.filesystem.Loader"
MARKER = 'id="djDebug"'  # the toolbar's root element
DOCKER_CALLBACK = "debug_toolbar.middleware.show_toolbar_with_docker"
urlpatterns = []  # lets this module serve as an empty URLconf below
installed = skipUnless(
    "debug_toolbar" in settings.INSTALLED_APPS,
    "the toolbar is installed only when DJANGO_DEBUG=1",
)


# --8<-- [start:visibility]
@installed
class ToolbarVisibilityTests(TestCase):
    def test_runner_turns_debug_off(self):
        self.assertFalse(settings.DEBUG)  # whatever the settings file said
        self.assertNotContains(self.client.get("/animals/"), MARKER)

    @override_settings(DEBUG=True)
    def test_shown_with_debug_and_internal_ip(self):
        response = self.client.get("/animals/")  # REMOTE_ADDR is 127.0.0.1
        self.assertContains(response, MARKER)

    @override_settings(DEBUG=True)
    def test_hidden_from_other_addresses(self):
        response = self.client.get("/animals/", REMOTE_ADDR="203.0.113.7")
        self.assertNotContains(response, MARKER)

    @override_settings(
        DEBUG=True,
        MIDDLEWARE=[name for name in settings.MIDDLEWARE if name != TOOLBAR],
        MIDDLEWARE_CLASSES=[TOOLBAR],  # the source list's advice
    )
    def test_middleware_classes_is_ignored(self):
        self.assertNotContains(self.client.get("/animals/"), MARKER)

    def test_urls_are_mounted(self):
        self.assertEqual(
            reverse("djdt:render_panel"), "/__debug__/render_panel/"
        )

    def test_url_helper_is_empty_under_the_runner(self):
        from debug_toolbar.toolbar import debug_toolbar_urls

        self.assertEqual(debug_toolbar_urls(), [])  # DEBUG is False here


# --8<-- [end:visibility]


# --8<-- [start:checks]
def toolbar_check_ids():
    """The ids of the toolbar's system checks that fail right now."""
    return [
        message.id
        for message in checks.run_checks()
        if message.id.startswith("debug_toolbar.")
    ]


@installed
class ToolbarCheckTests(SimpleTestCase):
    def test_this_project_passes(self):
        self.assertEqual(toolbar_check_ids(), [])

    @override_settings(MIDDLEWARE_CLASSES=[TOOLBAR])
    def test_middleware_classes_is_reported(self):
        self.assertEqual(toolbar_check_ids(), ["debug_toolbar.W004"])

    @override_settings(MIDDLEWARE=[TOOLBAR, GZIP])
    def test_toolbar_before_gzip_is_reported(self):
        self.assertEqual(toolbar_check_ids(), ["debug_toolbar.W003"])

    @override_settings(MIDDLEWARE=[GZIP])
    def test_missing_middleware_is_reported(self):
        self.assertEqual(toolbar_check_ids(), ["debug_toolbar.W001"])

    @override_settings(MIDDLEWARE=[GZIP, TOOLBAR, TOOLBAR])
    def test_middleware_twice_is_reported(self):
        self.assertEqual(toolbar_check_ids(), ["debug_toolbar.W002"])

    # Loaders listed without app_directories (and no APP_DIRS): the toolbar's
    # templates, which live inside its app, cannot be found.
    @override_settings(
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "OPTIONS": {"loaders": [FILESYSTEM_LOADER]},
            }
        ]
    )
    def test_templates_without_app_loader_are_reported(self):
        self.assertEqual(toolbar_check_ids(), ["debug_toolbar.W006"])

    @override_settings(
        ROOT_URLCONF=__name__,  # an empty URLconf: the toolbar's URLs missing
        DEBUG_TOOLBAR_CONFIG={"SHOW_TOOLBAR_CALLBACK": DOCKER_CALLBACK},
    )
    def test_custom_callback_without_urls_is_an_error_in_tests(self):
        self.assertEqual(toolbar_check_ids(), ["debug_toolbar.E001"])


# --8<-- [end:checks]
