"""URLs of the example project."""

import views
from django.urls import path

urlpatterns = [
    path("token/", views.token),
    path("transfer/", views.transfer),
    path("legacy-transfer/", views.legacy_transfer),
    path("hello/", views.hello),
    path("hello-unsafe/", views.hello_unsafe),
    path("profile/", views.profile),
    path("search-unsafe/", views.search_unsafe),
    path("search/", views.search),
    path("api/balance/", views.balance),
]
