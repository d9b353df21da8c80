"""The dashboard's headline: five figures at the top of the page, each linking to the block
that details it. Read from the sections already computed: no query of its own."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from observatory.base import Section
from welfare import formats


@dataclass(frozen=True)
class Headline:
    label: str
    value: str
    anchor: str
    note: str = ""


def headline(sections: list[Section]) -> list[Headline]:
    """The headline figures of the sections the reader sees, in the page's order."""
    figures = {section.key: section.figures for section in sections}
    items = []
    if care := figures.get("children_in_care"):
        rate = care["rates"]["total"]["rate_per_1000_under_21"]
        items += [
            Headline(_("Enfants confiés"), formats.number(care["total"]), "children_in_care"),
            Headline(
                _("Pour 1 000 jeunes de moins de 21 ans"),
                formats.number(rate, decimals=1),
                "block-in_care_rates",
            ),
        ]
    if clocks := figures.get("overdue_clocks"):
        items.append(
            Headline(
                _("Échéances légales en retard"), formats.number(clocks["total"]), "overdue_clocks"
            )
        )
    if prevention := figures.get("prevention"):
        items.append(
            Headline(
                _("Informations préoccupantes en retard d'évaluation"),
                formats.number(prevention["concerns"]["late"]),
                "block-concerns",
            )
        )
    if budget := figures.get("budget"):
        items.append(
            Headline(
                _("Budget exécuté"),
                formats.percent(budget.get("execution_rate")),
                "budget",
                note="" if budget["exists"] else _("aucun budget enregistré"),
            )
        )
    return items
