"""Template filters for figures, written by ``welfare.formats`` (one way everywhere)."""

from django import template

from welfare import formats

register = template.Library()

register.filter("fr_number", formats.number)
register.filter("fr_money", formats.money)
register.filter("fr_signed_money", formats.signed_money)
register.filter("fr_percent", formats.percent)
register.filter("fr_change", formats.change)
