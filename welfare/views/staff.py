from django.shortcuts import render
from django.views.decorators.http import require_GET

from welfare.permissions import STAFF_ROLES, role_required


@role_required(*STAFF_ROLES)
@require_GET
def home(request):
    return render(request, "welfare/home.html")
