"""``get_<field>_display`` without translating every label of the field (issue 18).

Django's ``Model._get_FIELD_display`` builds ``dict(make_hashable(field.flatchoices))`` on each
call, and ``make_hashable`` hashes every lazy label, which translates it: one call on a
measure's type translates the fourteen labels of ``MeasureType`` to show one. The child's
file called it about sixty times per measure's row and event, some 1,780 translations per
page, half of its time. The same lookup here reads a table of the field's values to their
lazy labels, built once per field, and translates only the label shown (in the language of
the request, as before).
"""

from functools import partialmethod

from django.apps import apps
from django.db.models import Model
from django.utils.encoding import force_str

_labels: dict[int, dict] = {}


def _label_table(field) -> dict:
    # dict() hashes the values only: the lazy labels stay untranslated until shown.
    table = _labels.get(id(field))
    if table is None:
        table = _labels[id(field)] = dict(field.flatchoices)
    return table


def _get_field_display(self, field):
    value = getattr(self, field.attname)
    try:
        label = _label_table(field).get(value, value)
    except TypeError:  # an unhashable value: Django's own lookup knows what to do
        return self._get_FIELD_display(field)
    return force_str(label, strings_only=True)


def install() -> None:
    """Replace Django's ``get_<field>_display`` of every model field with choices (one a
    model writes itself is left alone); called from ``WelfareConfig.ready``."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            name = f"get_{field.name}_display"
            if not field.choices:
                continue
            owner = next((cls for cls in model.__mro__ if name in cls.__dict__), None)
            method = owner.__dict__[name] if owner else None
            if isinstance(method, partialmethod) and method.func is Model._get_FIELD_display:
                setattr(
                    owner, name, partialmethod(_get_field_display, field=method.keywords["field"])
                )
