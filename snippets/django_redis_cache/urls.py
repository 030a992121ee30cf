"""URLs of the example project."""

import views
from django.urls import path

urlpatterns = [
    path("report/", views.report),
    path("whoami/", views.whoami),
    path("private/", views.private),
]
