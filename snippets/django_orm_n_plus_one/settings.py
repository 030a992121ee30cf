"""Settings of the example project: PostgreSQL, its address from DATABASE_URL.

contrib.auth is installed so that the page's predictions, written against
its Group and Permission models, can run here against PostgreSQL too.
"""

import os
from urllib.parse import urlsplit

# --8<-- [start:database]
# postgresql://user[:password]@host:port/name, from the environment.
DATABASE = urlsplit(os.environ["DATABASE_URL"])
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",  # psycopg 3 (or 2)
        "NAME": DATABASE.path.lstrip("/"),
        "USER": DATABASE.username,
        "PASSWORD": DATABASE.password or "",
        "HOST": DATABASE.hostname,
        "PORT": str(DATABASE.port or 5432),
    }
}
# --8<-- [end:database]

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # no default: fail loudly
DEBUG = False  # connection.queries is filled only with DEBUG or a capture
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "library",
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
