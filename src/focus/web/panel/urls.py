from __future__ import annotations

from django.urls import path

from focus.web.panel import views

app_name = "panel"
urlpatterns = [
    path("", views.meetings, name="meetings"),
    path("meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting_agenda, name="agenda"),
    path("meetings/<int:pk>/refresh/", views.refresh, name="refresh"),
    path("meetings/<int:pk>/choose/", views.choose, name="choose"),
    path("meetings/<int:pk>/people/<str:ref>/decide/", views.decide, name="decide"),
    path("meetings/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("meetings/<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
]
