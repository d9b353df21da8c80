"""Long choice lists with a search field above them (``static/js/filter-select.js``)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchableMixin:
    def __init__(self, attrs=None, **kwargs):
        attrs = {
            "data-filter-label": _("Rechercher dans la liste"),
            "data-filter-count": _("%(shown)s sur %(total)s"),
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, **kwargs)


class SearchableSelect(SearchableMixin, forms.Select):
    """A select with a search field above it; the same select without the script."""


class SearchableSelectMultiple(SearchableMixin, forms.SelectMultiple):
    """A multiple select with a search field above it; the same select without the script."""
