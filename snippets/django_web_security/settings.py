"""Settings of the example project: a shop on http://shop.example.

Secrets and addresses come from the environment; nothing else changes
between runs except the two switches read below.
"""

import os
from urllib.parse import urlsplit

# --8<-- [start:basics]
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # no default: fail loudly
DEBUG = False
ALLOWED_HOSTS = ["shop.example"]  # any other Host header: 400
ROOT_URLCONF = "urls"
INSTALLED_APPS = ["corsheaders"]
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates"}]

database = urlsplit(os.environ.get("DATABASE_URL", "postgresql://localhost"))
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": database.hostname,
        "PORT": database.port,
        "USER": database.username,
        "NAME": database.path.lstrip("/"),
    }
}
# --8<-- [end:basics]

# --8<-- [start:middleware]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",  # nosniff, HSTS...
    "corsheaders.middleware.CorsMiddleware",  # before CommonMiddleware
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",  # checks unsafe methods
    "django.middleware.clickjacking.XFrameOptionsMiddleware",  # DENY
    "views.content_security_policy",  # Django 5.2 has no CSP middleware
]
# --8<-- [end:middleware]

# --8<-- [start:csrf]
CSRF_TRUSTED_ORIGINS = ["https://partner.example"]  # scheme required
CSRF_COOKIE_SAMESITE = "Lax"  # the default
CSRF_FAILURE_VIEW = "views.csrf_failure"  # shows the reason, for the demo
# --8<-- [end:csrf]

# --8<-- [start:cors]
CORS_URLS_REGEX = r"^/api/"  # only the API answers cross-origin reads
CORS_ALLOWED_ORIGINS = ["https://app.example"]
# The mistake: every origin, with cookies (DJANGO_CORS=reflect-all).
REFLECT_ALL = os.environ.get("DJANGO_CORS") == "reflect-all"
CORS_ALLOW_ALL_ORIGINS = REFLECT_ALL
CORS_ALLOW_CREDENTIALS = REFLECT_ALL
# --8<-- [end:cors]

# --8<-- [start:deploy]
# What `check --deploy` asks for, on when DJANGO_HTTPS=1 (behind TLS).
HTTPS = os.environ.get("DJANGO_HTTPS") == "1"
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 * HTTPS  # a year, once HTTPS works
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# --8<-- [end:deploy]
