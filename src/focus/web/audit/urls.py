from __future__ import annotations

from django.urls import path

from focus.web.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.search, name="search"),
    path("verify/", views.verify, name="verify"),
]
