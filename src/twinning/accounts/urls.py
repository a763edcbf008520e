from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from twinning.accounts import views
from twinning.accounts.forms import EmailOrUsernameAuthenticationForm
from twinning.accounts.throttling import limit_mails

app_name = "accounts"
urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=EmailOrUsernameAuthenticationForm,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", limit_mails(views.signup), name="signup"),
    path("confirm/<uidb64>/<token>/", views.confirm, name="confirm"),
    path(
        "password-reset/",
        limit_mails(
            auth_views.PasswordResetView.as_view(
                template_name="accounts/password_reset.html",
                email_template_name="accounts/email/password_reset.txt",
                subject_template_name="accounts/email/password_reset_subject.txt",
                success_url=reverse_lazy("accounts:password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/claims/<int:pk>/approve/", views.approve_claim, name="approve_claim"),
    path("organisations/roles/", views.staff_roles, name="staff_roles"),
    path("organisations/roles/<int:pk>/revoke/", views.revoke_role, name="revoke_role"),
    path("organisations/<slug:slug>/edit/", views.edit_organisation, name="edit_organisation"),
]
