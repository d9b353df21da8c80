"""Amounts in euros and percentages the French way, for the plan and budget pages and PDFs."""

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()

NBSP = "\u00a0"


@register.filter
def euros(value):
    """23989800 → "23 989 800 €" (cents only when there are some)."""
    return f"{floatformat(value, '-2g')}{NBSP}€"


@register.filter
def signed_euros(value):
    """A difference with its sign: "+1 200 €", "−1 200 €", "0 €"."""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}{euros(abs(value))}"


@register.filter
def percent(value):
    """12.5 → "12,5 %"."""
    return f"{floatformat(value, '-1')}{NBSP}%"
