"""Django inside this very process, for the page's predictions: the same
in-memory set-up as the unit-tests page's, which installs the toolbar app
(with no panels). The predictions call the toolbar's default
SHOW_TOOLBAR_CALLBACK, `show_toolbar(request)`, directly: it reads only
settings.DEBUG, settings.INTERNAL_IPS and the request's REMOTE_ADDR.
"""

from snippets.django_unit_tests.inprocess import django_ready

__all__ = ["django_ready"]

if __name__ == "__main__":
    django_ready()
