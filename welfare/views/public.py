from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from welfare.forms.contact import ContactRequestForm
from welfare.models import Departement
from welfare.permissions import public_view
from welfare.services.contact import contact_request_submit
from welfare.throttle import attempt_allowed

# The reference of the last question sent from this browser, shown on the thank-you page.
CONTACT_REFERENCE_KEY = "contact_reference"


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
        if form.caught_in_honeypot():
            # Look like a success, so that the robot learns nothing; save nothing.
            return render(request, "public/contact_done.html", {"reference": None})
        if form.is_valid():
            contact_request = contact_request_submit(**form.submission())
            request.session[CONTACT_REFERENCE_KEY] = contact_request.reference
            return redirect("public_contact_done")
    return render(request, "public/contact.html", {"form": form})


@public_view
@require_GET
def contact_done(request):
    reference = request.session.get(CONTACT_REFERENCE_KEY)
    if reference is None:
        return redirect("public_contact")
    return render(request, "public/contact_done.html", {"reference": reference})
