"""Settings for the zoo example project: safe unless a developer opts in.

Production is the default. `DJANGO_DEBUG=1` turns on development mode, and
only then are django-debug-toolbar's app and middleware installed.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# --8<-- [start:safe_defaults]
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1).")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

# Comma-separated host names; empty means localhost only while DEBUG is on.
ALLOWED_HOSTS = [
    host
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")
    if host
]
# --8<-- [end:safe_defaults]

# --8<-- [start:apps]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",  # the toolbar serves its JS and CSS this way
    "animals",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",  # encodes the response body
    "django.middleware.common.CommonMiddleware",
]
# --8<-- [end:apps]

# --8<-- [start:toolbar]
if DEBUG:
    INSTALLED_APPS += ["debug_toolbar"]
    # As early as possible, but after GZipMiddleware: the toolbar must see
    # the HTML before anything compresses it.
    gzip_at = MIDDLEWARE.index("django.middleware.gzip.GZipMiddleware")
    MIDDLEWARE.insert(
        gzip_at + 1, "debug_toolbar.middleware.DebugToolbarMiddleware"
    )
    INTERNAL_IPS = ["127.0.0.1"]  # whose browsers get the toolbar
# --8<-- [end:toolbar]

ROOT_URLCONF = "zoo.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,  # the toolbar's templates live in its app
    }
]

# --8<-- [start:database]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "zoo.sqlite3",
        # No TEST NAME: for SQLite the test database lives in memory.
    }
}
# --8<-- [end:database]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "static/"
USE_TZ = True
