"""Settings of the example project: the database URL and the secret key come
from the environment, so nothing sensitive is written in code."""

import os
from urllib.parse import urlsplit

# --8<-- [start:databases]
from psycopg import IsolationLevel

# postgresql://user[:password]@host:port/dbname, set by whoever runs us.
url = urlsplit(os.environ["DATABASE_URL"])
DATABASE = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": url.path.lstrip("/"),
    "USER": url.username or "",
    "PASSWORD": url.password or "",
    "HOST": url.hostname or "",
    "PORT": str(url.port or ""),
}
DATABASES = {
    # PostgreSQL's own default level, READ COMMITTED; every view in atomic().
    "default": {**DATABASE, "ATOMIC_REQUESTS": True},
    # The same database through connections at REPEATABLE READ.
    "repeatable": {
        **DATABASE,
        "OPTIONS": {"isolation_level": IsolationLevel.REPEATABLE_READ},
    },
}
# --8<-- [end:databases]

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # no default: fail loudly
DEBUG = False
ALLOWED_HOSTS = ["localhost"]
ROOT_URLCONF = "urls"
INSTALLED_APPS = ["bank"]
MIDDLEWARE = []
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
