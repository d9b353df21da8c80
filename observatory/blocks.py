"""The dashboard: its sections in order, and the functions that read them for the page, the
CSV export, the PDF report and the ``indicators`` command alike."""

from django.http import Http404

from observatory import care, provision
from observatory.base import Params, Section, SectionKind
from welfare.permissions import CONTACT_ROLES

# In the page's order.
SECTIONS = (
    SectionKind(
        key="children_in_care",
        figures=care.children_in_care_figures,
        title=care.children_in_care_title,
        blocks=care.children_in_care_blocks,
        block_keys=(
            "in_care_place",
            "in_care_legal",
            "in_care_age",
            "in_care_territory",
            "in_care_rates",
        ),
    ),
    SectionKind(
        key="flows",
        figures=care.flows_figures,
        title=care.flows_title,
        blocks=care.flows_blocks,
        block_keys=("entries", "exits", "stability"),
    ),
    SectionKind(
        key="capacity",
        figures=provision.capacity_figures,
        title=provision.capacity_title,
        blocks=provision.capacity_blocks,
        block_keys=("capacity", "agrements"),
    ),
    SectionKind(
        key="overdue_clocks",
        figures=care.clocks_figures,
        title=care.clocks_title,
        blocks=care.clocks_blocks,
        block_keys=("overdue_clocks",),
    ),
    SectionKind(
        key="prevention",
        figures=provision.prevention_section_figures,
        title=provision.prevention_title,
        blocks=provision.prevention_blocks,
        block_keys=("prevention", "concerns"),
    ),
    SectionKind(
        key="budget",
        figures=provision.budget_section_figures,
        title=provision.budget_title,
        blocks=provision.budget_blocks,
        block_keys=("budget",),
    ),
    SectionKind(
        key="contact_requests",
        figures=provision.contact_figures,
        title=provision.contact_title,
        blocks=provision.contact_blocks,
        block_keys=("contact_requests",),
        roles=CONTACT_ROLES,
    ),
)
BLOCK_KEYS = tuple(key for kind in SECTIONS for key in kind.block_keys)


def dashboard(params: Params, *, role=None) -> list[Section]:
    """Every section of the dashboard for ``params``, or only those ``role`` may see (the
    others are not computed).

    A fixed number of queries whatever the number of records (pinned in the tests).
    """
    return [kind.section(params) for kind in SECTIONS if role is None or role in kind.roles]


def block(params: Params, key: str, *, role):
    """The block called ``key`` (computing its section only), or 404 for a key that does not
    exist or that ``role`` may not see."""
    for kind in SECTIONS:
        if key in kind.block_keys and role in kind.roles:
            return next(block for block in kind.section(params).blocks if block.key == key)
    raise Http404(key)


def indicators(params: Params) -> dict:
    """The dashboard's figures as one JSON-able dict: the reading's parameters, then each
    section's figures under its key (no presentation is computed)."""
    return params.as_json() | {kind.key: kind.figures(params) for kind in SECTIONS}
