from django.http import HttpResponse
from django.shortcuts import render

from welfare.permissions import ANY_SIGNED_IN, STAFF_ROLES, staff_view
from welfare.sessions import session_refresh


@staff_view(roles=STAFF_ROLES, nominative=False)
def home(request):
    return render(request, "welfare/home.html")


@staff_view(roles=ANY_SIGNED_IN, nominative=False)
def session_keepalive(request):
    """Nothing but a request that renews the session: the person asked to stay connected."""
    session_refresh(request)
    return HttpResponse(status=204)
