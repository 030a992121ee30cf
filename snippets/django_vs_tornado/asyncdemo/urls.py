import views
from django.urls import path

urlpatterns = [
    path("async/", views.async_view),
    path("users/", views.user_count),
]
