from __future__ import annotations

from django.urls import path

from focus.web.common import views

app_name = "common"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
]
