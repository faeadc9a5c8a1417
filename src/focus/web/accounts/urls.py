from __future__ import annotations

from django.urls import path

from focus.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.sign_in, name="login"),
    path("verify/", views.verify, name="verify"),
    path("logout/", views.sign_out, name="logout"),
    path("second-factor/", views.second_factor, name="second_factor"),
    path("password/", views.change_password, name="password"),
    path("users/", views.user_list, name="users"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/<int:pk>/", views.user_edit, name="user_edit"),
]
