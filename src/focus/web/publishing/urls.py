from __future__ import annotations

from django.urls import path

from focus.web.publishing import views

app_name = "publishing"
urlpatterns = [
    path("", views.runs, name="runs"),
    path("<str:run_id>/", views.publish, name="publish"),
]
