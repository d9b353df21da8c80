from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView

from welfare.forms.auth import LoginForm
from welfare.permissions import ANY_SIGNED_IN, public_view, staff_view
from welfare.views import account, contact, health, public, staff

handler400 = "welfare.views.errors.bad_request"
handler500 = "welfare.views.errors.server_error"

# The account's own pages, for any signed-in account, sent no-store like every staff page.
account_form = staff_view(roles=ANY_SIGNED_IN, methods=("GET", "POST"), nominative=False)
account_page = staff_view(roles=ANY_SIGNED_IN, nominative=False)

auth_patterns = [
    path(
        "connexion/",
        public_view(
            auth_views.LoginView.as_view(
                authentication_form=LoginForm, redirect_authenticated_user=True
            )
        ),
        name="login",
    ),
    path("deconnexion/", public_view(auth_views.LogoutView.as_view()), name="logout"),
    path("connexion/code/", account.mfa_verify, name="mfa_verify"),
    path("compte/double-authentification/", account.mfa_setup, name="mfa_setup"),
    path(
        "mot-de-passe/oubli/",
        public_view(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "mot-de-passe/oubli/envoye/",
        public_view(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        public_view(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        public_view(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path(
        "mot-de-passe/changer/",
        account_form(auth_views.PasswordChangeView.as_view()),
        name="password_change",
    ),
    path(
        "mot-de-passe/changer/termine/",
        account_page(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
]

urlpatterns = [
    path("", public.public_home, name="public_home"),
    path("sante/", health.health, name="health"),
    path("mentions-legales/", public.legal_notice, name="legal_notice"),
    path("accessibilite/", public.accessibility, name="accessibility"),
    path("donnees-personnelles/", public.personal_data, name="personal_data"),
    path("identite/logo/", public.departement_logo, name="departement_logo"),
    path(
        "prevention-et-parentalite/",
        public_view(TemplateView.as_view(template_name="public/prevention.html")),
        name="public_prevention",
    ),
    path(
        "protection-de-l-enfance/",
        public_view(TemplateView.as_view(template_name="public/child_protection.html")),
        name="public_child_protection",
    ),
    path(
        "devenir-assistant-familial/",
        public_view(TemplateView.as_view(template_name="public/foster_carer.html")),
        name="public_foster_carer",
    ),
    path(
        "adoption/",
        public_view(TemplateView.as_view(template_name="public/adoption.html")),
        name="public_adoption",
    ),
    path(
        "pmi/",
        public_view(TemplateView.as_view(template_name="public/pmi.html")),
        name="public_pmi",
    ),
    path("nous-contacter/", public.contact, name="public_contact"),
    path("nous-contacter/merci/", public.contact_done, name="public_contact_done"),
    path("espace/demandes/", contact.inbox, name="contact_inbox"),
    path("espace/demandes/<uuid:public_id>/", contact.detail, name="contact_request_detail"),
    path(
        "espace/demandes/<uuid:public_id>/attribuer/",
        contact.assign,
        name="contact_request_assign",
    ),
    path("espace/demandes/<uuid:public_id>/repondre/", contact.reply, name="contact_request_reply"),
    path("espace/demandes/<uuid:public_id>/cloturer/", contact.close, name="contact_request_close"),
    path(
        "espace/demandes/<uuid:public_id>/exporter/",
        contact.export,
        name="contact_request_export",
    ),
    path("espace/", staff.home, name="home"),
    path("espace/session/", staff.session_keepalive, name="session_keepalive"),
    path("", include(auth_patterns)),
    path("", include("prevention.urls")),
    path("", include("welfare.urls_children")),
    path("", include("observatory.urls")),
    path("", include("placements.urls")),
    path("", include("schemes.urls")),
    path("", include("schemes.reports.urls")),
    path("", include("records_import.urls")),
    path("", include("letters.urls")),
    path("admin/", admin.site.urls),
]
