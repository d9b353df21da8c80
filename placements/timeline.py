"""What the placements add to the child's file, through welfare's extension points
(registered in ``PlacementsConfig.ready``). Both share one query per file."""

from django.urls import reverse
from django.utils.translation import gettext as _

from placements.permissions import PLACEMENT_ROLES
from placements.selectors import child_placements
from welfare.timeline import FileSection, TimelineEvent


def placement_events(child):
    """Each arrival and each recorded departure, as lines of the child's timeline."""
    events = []
    for placement in child_placements(child):
        kind = _("PEAD") if placement.is_pead else _("Placement")
        events.append(
            TimelineEvent(
                date=placement.start_date,
                kind=kind,
                title=_("Arrivée : %(place)s") % {"place": placement.place_label},
                detail=_("Mesure : %(measure)s") % {"measure": placement.measure},
            )
        )
        if placement.end_reason:
            events.append(
                TimelineEvent(
                    date=placement.end_date,
                    kind=kind,
                    title=_("Départ : %(place)s") % {"place": placement.place_label},
                    detail=placement.get_end_reason_display(),
                )
            )
    return events


def placement_section(child, user):
    """The placement history, newest first, with the number of places the child has known
    (the stability indicator; PEAD counted apart) and the links to place, end or move."""
    placements = child_placements(child)
    housed = [placement for placement in placements if not placement.is_pead]
    open_placements = [placement for placement in placements if not placement.end_reason]
    return FileSection(
        title=_("Placements"),
        template_name="placements/_file_section.html",
        order=10,
        context={
            "placements": list(reversed(placements)),
            "housed_count": len(housed),
            "pead_count": len(placements) - len(housed),
            "open_placements": open_placements,
            "can_edit": user.role in PLACEMENT_ROLES,
            "create_url": reverse("placements:placement_create", args=[child.public_id]),
        },
    )
