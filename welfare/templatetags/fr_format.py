"""Template filters for figures, written by ``welfare.formats`` (one way everywhere)."""

import re

from django import template
from django.utils.html import format_html

from welfare import formats

register = template.Library()

register.filter("fr_number", formats.number)
register.filter("fr_money", formats.money)
register.filter("fr_signed_money", formats.signed_money)
register.filter("fr_percent", formats.percent)
register.filter("fr_change", formats.change)


@register.filter
def fr_phone_link(phone):
    """A phone number as a link that dials it: ``<a href="tel:0384874002">03 84 87 40 02</a>``
    (the separators, and the "(0)" of "+33 (0)3 …", are not dialled)."""
    if not phone:
        return ""
    dialled = re.sub(r"[\s.\-()]", "", phone.replace("(0)", ""))
    return format_html('<a href="tel:{}">{}</a>', dialled, phone)
