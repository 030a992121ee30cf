"""URLs of the example project."""

import views
from django.urls import path

urlpatterns = [
    path("atomic/", views.transfer_atomic),
    path("autocommit/", views.transfer_autocommit),
]
