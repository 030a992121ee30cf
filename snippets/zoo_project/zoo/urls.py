"""URLs of the zoo project."""

from django.conf import settings
from django.urls import include, path

from animals import views

urlpatterns = [
    path("animals/", views.animal_list, name="animal-list"),
]

# --8<-- [start:toolbar_urls]
# Mounted whenever the app is installed (DEBUG at start-up), not on DEBUG at
# import time: the test runner has already set DEBUG to False by then.
if "debug_toolbar" in settings.INSTALLED_APPS:
    urlpatterns += [path("__debug__/", include("debug_toolbar.urls"))]
# --8<-- [end:toolbar_urls]
