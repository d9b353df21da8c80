from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from welfare.permissions import STAFF_ROLES, role_required


@role_required(*STAFF_ROLES)
@require_GET
def home(request):
    return render(request, "welfare/home.html")


@login_required
@require_GET
@never_cache
def session_keepalive(request):
    """Nothing but a request: the session middleware renews the session on every request."""
    return HttpResponse(status=204)
