"""Just enough settings for async views and the async ORM API."""

import os
import tempfile
from pathlib import Path

SECRET_KEY = "demo-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
ROOT_URLCONF = "urls"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
MIDDLEWARE = []
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        # A file, not ":memory:": each thread opens its own connection.
        "NAME": os.environ.get(
            "DEMO_DATABASE", str(Path(tempfile.gettempdir()) / "asyncdemo.db")
        ),
    }
}
USE_TZ = True
