"""The second factor of staff accounts: a TOTP application (django-otp), optional for every
account and required for the roles of ``settings.MFA_REQUIRED_ROLES``.

Whoever has a confirmed device is asked for a code after the password, before any staff page
(``SecondFactorMiddleware``); whoever must have one and has none is sent to enrol. What is
due is decided once, at login, and kept in the session: the pages cost no extra query."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from welfare.enums import Role

# Pages a user between the password and the code may still open: the code and enrolment
# pages, leaving, and the public site.
OPEN_URL_NAMES = {
    "mfa_verify",
    "mfa_setup",
    "logout",
    "login",
    "session_keepalive",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "public_home",
    "public_contact",
    "public_contact_done",
    "legal_notice",
    "accessibility",
    "personal_data",
    "departement_logo",
}


# Session key: "verify" (give the code) or "setup" (enrol) until the step is done.
STEP_SESSION_KEY = "mfa_step"


def step_at_login(sender, request, user, **kwargs):
    """``user_logged_in`` receiver: what the new session must do before the staff pages."""
    if confirmed_device(user):
        request.session[STEP_SESSION_KEY] = "verify"
    elif required_for(user):
        request.session[STEP_SESSION_KEY] = "setup"


def step_done(request) -> None:
    request.session.pop(STEP_SESSION_KEY, None)


def check_required_roles(app_configs=None, **kwargs):
    """System check: a role misspelt in MFA_REQUIRED_ROLES would silently enforce nothing."""
    from django.core.checks import Error

    unknown = sorted(set(settings.MFA_REQUIRED_ROLES) - set(Role.values))
    if not unknown:
        return []
    return [
        Error(
            f"MFA_REQUIRED_ROLES : rôle inconnu {', '.join(unknown)} "
            f"(rôles possibles : {', '.join(Role.values)}).",
            id="welfare.E001",
        )
    ]


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def required_for(user) -> bool:
    # A superuser made by createsuperuser has no role, and is an administrator all the same.
    role = Role.ADMINISTRATOR if user.is_administrator else user.role
    return role in settings.MFA_REQUIRED_ROLES


def pending_device(user) -> TOTPDevice:
    """The device being enrolled: the same one until it is confirmed, so that reloading the
    page does not change the key already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(
        user=user, name=_("Application d'authentification"), confirmed=False
    )


def readable_key(device: TOTPDevice) -> str:
    """The secret key in base 32, by groups of four, for applications without a camera."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG (no file, no outside service), named for
    assistive technologies."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    label = escape(_("QR code à scanner avec l'application d'authentification"))
    svg = image.to_string(encoding="unicode")
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


class SecondFactorMiddleware:
    """After ``django_otp.middleware.OTPMiddleware``: a signed-in user who has a device but
    has not given its code yet, or who must enrol, reaches no other page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = request.session.get(STEP_SESSION_KEY)
        if step and request.user.is_authenticated and not self._open(request):
            if request.user.is_verified():
                step_done(request)
            else:
                return self._redirect("mfa_verify" if step == "verify" else "mfa_setup", request)
        return self.get_response(request)

    @staticmethod
    def _open(request) -> bool:
        if request.path_info.startswith(settings.STATIC_URL):
            return True
        try:
            return resolve(request.path_info).url_name in OPEN_URL_NAMES
        except Resolver404:
            return True  # the 404 page says nothing

    @staticmethod
    def _redirect(url_name, request):
        return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")
