"""``/sante/``: the portal's health for monitoring, in JSON, without authentication."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from welfare.health import health_report
from welfare.permissions import public_view


@public_view
@never_cache
@require_GET
def health(request):
    """200 when every check holds, 503 naming the failing ones otherwise; nothing personal."""
    report = health_report()
    status = 200 if report["status"] == "ok" else 503
    return JsonResponse(report, status=status, json_dumps_params={"ensure_ascii": False})
