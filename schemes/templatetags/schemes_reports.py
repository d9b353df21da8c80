"""The report panel shown on a plan's, a budget's or the dashboard's page."""

from django import template

from schemes.models import Report
from schemes.reports.kinds import get_kind, input_hash

register = template.Library()


@register.inclusion_tag("schemes/reports/_panel.html", takes_context=True)
def report_panel(context, kind, **parameters):
    """The "Rapport PDF" panel of a page: the latest report of ``kind`` with these parameters
    (one query), its status, and the button that asks for it.

    ``parameters`` are those the kind's form returns, e.g. ``{% report_panel "plan" scheme=3 %}``.
    Renders nothing for a user whose role may not have this kind.
    """
    request = context["request"]
    report_kind = get_kind(kind)
    report = (
        Report.objects.for_user(request.user)
        .filter(kind=kind, input_hash=input_hash(kind=kind, parameters=parameters))
        .select_related("requested_by")
        .first()
    )
    return {
        "allowed": request.user.role in report_kind.roles,
        "csrf_token": context.get("csrf_token"),
        "kind": report_kind,
        "parameters": parameters,
        "report": report,
    }
