from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from welfare import tasks
from welfare.forms.contact import ContactRequestForm, retention_period
from welfare.jobs import enqueue_on_commit
from welfare.models import Departement
from welfare.permissions import public_view
from welfare.services.contact import EMAIL_CATCH_UP, contact_request_submit
from welfare.throttle import attempt_allowed
from welfare.views.errors import DATABASE_UNAVAILABLE, service_unavailable

# The reference of the last question sent from this browser, shown on the thank-you page. A
# signed cookie rather than the session: once the question is stored, nothing else may fail
# (a session saved in a database that has just gone away answered 400 after the question was
# kept, and the family sent it again).
CONTACT_REFERENCE_COOKIE = "demande_envoyee"
CONTACT_REFERENCE_SALT = "welfare.contact-reference"
CONTACT_REFERENCE_MAX_AGE = 3600


@public_view
@require_GET
def public_home(request):
    return render(request, "public/home.html")


@public_view
@require_GET
def legal_notice(request):
    return render(request, "public/legal_notice.html")


@public_view
@require_GET
def accessibility(request):
    return render(request, "public/accessibility.html")


@public_view
@require_GET
def personal_data(request):
    return render(request, "public/personal_data.html")


@public_view
@require_GET
def departement_logo(request):
    departement = Departement.current()
    if not departement.logo:
        raise Http404
    return FileResponse(departement.logo.open("rb"))


@public_view
@require_http_methods(["GET", "POST"])
def contact(request):
    """The direction's contact details and the "Posez votre question" form."""
    # Topic pages link here with ?sujet=<topic> to preselect it.
    form = ContactRequestForm(request.POST or None, initial={"topic": request.GET.get("sujet")})
    if request.method == "POST":
        if form.caught_in_honeypot():
            # Look like a success, so that the robot learns nothing; save nothing.
            return render(request, "public/contact_done.html", {"reference": None})
        # Only a question that would be kept counts: a visitor correcting his e-mail address
        # is not sending again.
        if form.is_valid():
            window = settings.CONTACT_RATE_WINDOW_MINUTES
            if not attempt_allowed(
                scope="contact",
                request=request,
                limit=settings.CONTACT_RATE_LIMIT,
                window_seconds=window * 60,
            ):
                response = render(
                    request, "public/contact_rate_limited.html", {"minutes": window}, status=429
                )
                response["Retry-After"] = str(window * 60)
                return response
            try:
                contact_request = contact_request_submit(**form.submission())
            except DATABASE_UNAVAILABLE:
                # Nothing was stored: say so, and give the visitor his message back to keep.
                return service_unavailable(
                    request,
                    "public/contact_not_stored.html",
                    {"message": form.cleaned_data["message"]},
                )
            enqueue_on_commit(
                tasks.contact_confirmation_send, contact_request.pk, catch_up=EMAIL_CATCH_UP
            )
            response = redirect("public_contact_done")
            response.set_signed_cookie(
                CONTACT_REFERENCE_COOKIE,
                contact_request.reference,
                salt=CONTACT_REFERENCE_SALT,
                max_age=CONTACT_REFERENCE_MAX_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
            return response
    return render(
        request,
        "public/contact.html",
        {
            "form": form,
            "retention": retention_period(),
            "consent_required": settings.CONTACT_CONSENT_REQUIRED,
        },
    )


@public_view
@require_GET
def contact_done(request):
    reference = request.get_signed_cookie(
        CONTACT_REFERENCE_COOKIE,
        default=None,
        salt=CONTACT_REFERENCE_SALT,
        max_age=CONTACT_REFERENCE_MAX_AGE,
    )
    if reference is None:
        return redirect("public_contact")
    return render(request, "public/contact_done.html", {"reference": reference})
