"""The duplicate detection of the children an import creates (``IMPORT_DUPLICATE_CHECK``):
each is looked up with ``welfare.services.duplicates`` among the files of the active base, as
the child form does, and each possible duplicate found becomes an anomaly of its row."""

from django.utils.translation import gettext as _

from welfare.models import Child
from welfare.services.duplicates import duplicate_candidates


def check(*, children):
    """``(child, message)`` for each created child that may already have a file (one query
    per created child)."""
    base = Child.objects.active_base()
    for child in children:
        found = duplicate_candidates(
            first_name=child.first_name,
            last_name=child.last_name,
            birth_date=child.birth_date,
            visible=base,
            exclude=[child],
        )
        for candidate in found.candidates:
            yield (
                child,
                _("Doublon possible du dossier %(reference)s (%(name)s) : %(reasons)s.")
                % {
                    "reference": candidate.child.public_id,
                    "name": candidate.child,
                    "reasons": ", ".join(str(reason) for reason in candidate.reasons),
                },
            )
