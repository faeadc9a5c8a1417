from __future__ import annotations

from django.urls import path

from focus.web.governance import views

app_name = "governance"
urlpatterns = [path("agreements/", views.agreements, name="agreements")]
