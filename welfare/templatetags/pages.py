"""``{% page_link number param %}``: the current address with only the page ``param`` set to
``number``, for a page that shows two paginated lists (each its own parameter) and keeps the
other list's page and the filters as they are."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_link(context, number, param: str) -> str:
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"
