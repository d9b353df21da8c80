"""The member of staff's own account: the second factor (enrol, give the code, switch off)."""

import django_otp
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from welfare import mfa
from welfare.forms.auth import TokenForm
from welfare.permissions import ANY_SIGNED_IN, staff_view


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@staff_view(roles=ANY_SIGNED_IN, methods=("GET", "POST"), nominative=False)
def mfa_verify(request):
    """The code asked after the password, when the account has a device."""
    device = mfa.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(_next(request) or "home")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, device)
        mfa.step_done(request)
        return redirect(_next(request) or "home")
    return render(
        request, "welfare/account/mfa_verify.html", {"form": form, "next": _next(request)}
    )


@staff_view(roles=ANY_SIGNED_IN, methods=("GET", "POST"), nominative=False)
def mfa_setup(request):
    """Enrol an authentication application, or switch it off with a current code."""
    user = request.user
    device = mfa.confirmed_device(user)
    required = mfa.required_for(user)
    if device is not None:
        form = TokenForm(request.POST or None, device=device)
        if request.method == "POST" and not required and form.is_valid():
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("La double authentification est désactivée."))
            return redirect("mfa_setup")
        return render(
            request,
            "welfare/account/mfa_setup.html",
            {"enabled": True, "required": required, "form": form},
        )
    pending = mfa.pending_device(user)
    form = TokenForm(request.POST or None, device=pending)
    if request.method == "POST" and form.is_valid():
        pending.confirmed = True
        pending.save(update_fields=["confirmed"])
        django_otp.login(request, pending)
        mfa.step_done(request)
        messages.success(
            request,
            _("La double authentification est activée : un code sera demandé à la connexion."),
        )
        return redirect(_next(request) or "home")
    return render(
        request,
        "welfare/account/mfa_setup.html",
        {
            "enabled": False,
            "required": required,
            "form": form,
            "qr_code": mfa.qr_code_svg(pending),
            "key": mfa.readable_key(pending),
            "next": _next(request),
        },
    )
