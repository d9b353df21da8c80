from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from welfare.models import Departement


@require_GET
def public_home(request):
    return render(request, "public/home.html")


@require_GET
def legal_notice(request):
    return render(request, "public/legal_notice.html")


@require_GET
def accessibility(request):
    return render(request, "public/accessibility.html")


@require_GET
def personal_data(request):
    return render(request, "public/personal_data.html")


@require_GET
def departement_logo(request):
    departement = Departement.current()
    if not departement.logo:
        raise Http404
    return FileResponse(departement.logo.open("rb"))
