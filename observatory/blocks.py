"""The dashboard: its sections in order, and the one function that computes them for the page,
the CSV export, the PDF report and the ``indicators`` command alike."""

from django.http import Http404

from observatory import care, provision
from observatory.base import Params, Section

# (section key, builder, keys of its blocks), in the page's order. The block keys are listed
# here so that the CSV of one block computes its own section only.
SECTIONS = (
    (
        "children_in_care",
        care.children_in_care_section,
        ("in_care_place", "in_care_age", "in_care_territory", "in_care_rates"),
    ),
    ("flows", care.flows_section, ("entries", "exits", "stability")),
    ("capacity", provision.capacity_section, ("capacity", "agrements")),
    ("overdue_clocks", care.clocks_section, ("overdue_clocks",)),
    ("prevention", provision.prevention_section, ("prevention", "concerns")),
    ("budget", provision.budget_section, ("budget",)),
    ("contact_requests", provision.contact_section, ("contact_requests",)),
)
BLOCK_KEYS = tuple(key for _, _, keys in SECTIONS for key in keys)


def dashboard(params: Params, *, role=None) -> list[Section]:
    """Every section of the dashboard for ``params``, or only those ``role`` may see.

    A fixed number of queries whatever the number of records (pinned in the tests).
    """
    sections = [build(params) for _, build, _ in SECTIONS]
    if role is None:
        return sections
    return [section for section in sections if role in section.roles]


def block(params: Params, key: str, *, role):
    """The block called ``key`` (computing its section only), or 404 for a key that does not
    exist or that ``role`` may not see."""
    for _, build, keys in SECTIONS:
        if key in keys:
            section = build(params)
            if role in section.roles:
                return next(block for block in section.blocks if block.key == key)
    raise Http404(key)


def indicators(params: Params) -> dict:
    """The dashboard's figures as one JSON-able dict: the reading's parameters, then each
    section's figures under its key."""
    return params.as_json() | {section.key: section.figures for section in dashboard(params)}
