"""Filters of the dashboard's templates (page and PDF)."""

from django import template

from observatory.formatting import display

register = template.Library()


@register.filter
def figure(value):
    """A figure written the French way; a dash when it cannot be given."""
    return display(value)


@register.filter
def chart(block):
    """The SVG chart of a block (None when there is nothing to draw)."""
    return block.chart()


@register.filter
def links_for(block, user):
    """The links of a block that ``user`` may follow."""
    return block.links_for(user)
