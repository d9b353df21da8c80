"""French number formats for the PDF reports, and the report panel shown on a page.

Numbers follow French typography: a narrow no-break space (U+202F) between thousands and before
the unit, a decimal comma: 23989800 → "23 989 800 €". They do not depend on the active locale,
because a Celery worker renders with whatever locale its process has.
"""

from decimal import ROUND_HALF_UP, Decimal

from django import template

from schemes.models import Report
from schemes.reports.kinds import get_kind, input_hash

register = template.Library()

NNBSP = "\u202f"
MINUS = "\u2212"


def format_number(value, decimals: int) -> str:
    """``value`` rounded half up to ``decimals`` places, grouped by thousands the French way."""
    number = Decimal(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    sign = MINUS if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", NNBSP)
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


@register.filter
def fr_number(value):
    """1234567 → "1 234 567"; 1234.5 → "1 234,50"; "" for no value."""
    if value is None or value == "":
        return ""
    decimals = 0 if Decimal(value) == Decimal(value).to_integral_value() else 2
    return format_number(value, decimals)


@register.filter
def fr_money(value):
    """23989800 → "23 989 800 €" (cents only when there are some)."""
    return f"{fr_number(value)}{NNBSP}€"


@register.filter
def fr_percent(value):
    """12.345 → "12,3 %"; "—" for no value (a rate of nothing)."""
    if value is None:
        return "—"
    return f"{format_number(value, 1)}{NNBSP}%"


@register.filter
def fr_change(value):
    """An evolution with its sign: "+3,2 %", "−1 %" → "−1,0 %"; "—" when there is none."""
    if value is None:
        return "—"
    return f"{'+' if value > 0 else ''}{fr_percent(value)}"


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
