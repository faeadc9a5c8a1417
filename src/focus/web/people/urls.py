from __future__ import annotations

from django.urls import path

from focus.web.people import views

app_name = "people"
urlpatterns = [
    path("", views.people_list, name="list"),
    path("export/", views.export, name="export"),
    path("records/", views.records, name="records"),
    path("<str:ref>/", views.file, name="file"),
    path("<str:ref>/records/<int:pk>/", views.record_detail, name="record"),
    path("<str:ref>/background/", views.add_background, name="background"),
    path("<str:ref>/approach/", views.edit_approach, name="approach"),
    path("<str:ref>/flags/", views.add_flag, name="flag"),
    path("<str:ref>/allocate/", views.allocate, name="allocate"),
]
