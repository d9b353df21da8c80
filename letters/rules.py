"""When a letter must not be written, whatever the template says."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Seeded by migration 0002: the information of the parents after a concern.
PARENTS_CONCERN_INFORMATION = "information-parents-ip"


def refuse_if_inappropriate(*, template, record) -> None:
    """Art. L226-2-1 CASF: the parents are told of a concern "sauf intérêt contraire de
    l'enfant". A concern of grave and immediate danger goes to the prosecutor without waiting
    (art. D226-2-4 I 2°): telling the parents first could put the child in danger, so the
    portal refuses that letter there; in other cases the team decides, and the draft says so."""
    if template.code == PARENTS_CONCERN_INFORMATION and getattr(record, "grave_danger", False):
        raise ValidationError(
            _(
                "Cette information préoccupante signale un danger grave et immédiat : les "
                "parents ne sont pas informés avant la saisine de l'autorité judiciaire, car "
                "ce serait contraire à l'intérêt de l'enfant (art. L226-2-1 et D226-2-4 CASF)."
            )
        )
