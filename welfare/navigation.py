"""The staff navigation: one entry per page.

Entries name URLs by string so that this module imports no app; an app adds its pages here
when it adds them to ``welfare/urls.py``. Who sees an entry is, by default, whoever the page's
gate lets in (``staff_view``): the roles are written once, on the view.
"""

from dataclasses import dataclass
from functools import cache

from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

from welfare.enums import Role
from welfare.permissions import GATE_ATTRIBUTE


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    # Given only where the entry is offered to fewer roles than its page lets in (the reports
    # list, open to every account, is offered to those who ask for reports), or where the page
    # has no gate of the portal's (Django's admin).
    roles: tuple | None = None

    @property
    def url(self):
        return reverse(self.url_name)

    def visible_to(self, role) -> bool:
        return role in (self.roles if self.roles is not None else gate_roles(self.url_name))


@cache
def gate_roles(url_name: str) -> tuple:
    """The roles the gate of ``url_name``'s view lets in, read once per process."""
    gate = getattr(resolve(reverse(url_name)).func, GATE_ATTRIBUTE)
    return tuple(Role) if gate.roles is None else gate.roles


ITEMS = (
    NavItem(_("Accueil"), "home"),
    NavItem(_("Tableau de bord"), "dashboard:index"),
    NavItem(_("Observatoire (ODPE)"), "dashboard:observatory"),
    NavItem(_("Mon activité"), "children:caseload"),
    NavItem(_("Enfants"), "children:list"),
    NavItem(_("Dossiers archivés"), "children:archive_list"),
    NavItem(_("Places et capacités"), "placements:board"),
    NavItem(_("Établissements et assistants familiaux"), "placements:establishment_list"),
    NavItem(_("Prévention"), "prevention:action_list"),
    NavItem(_("Informations préoccupantes"), "prevention:concern_list"),
    NavItem(_("Courriers"), "letters:index"),
    NavItem(_("Modèles de courrier"), "letters:template_list"),
    NavItem(_("Demandes des familles"), "contact_inbox"),
    NavItem(_("Schémas et plans"), "schemes:scheme_list"),
    NavItem(_("Budgets"), "schemes:budget_list"),
    NavItem(_("Rapports PDF"), "reports:list", (Role.DIRECTORATE, Role.TERRITORY_MANAGER)),
    NavItem(_("Administration"), "admin:index", (Role.ADMINISTRATOR,)),
)


# The public site's navigation, shown to visitors who are not logged in.
PUBLIC_ITEMS = (
    NavItem(_("Accueil"), "public_home"),
    NavItem(_("Prévention et parentalité"), "public_prevention"),
    NavItem(_("Protection de l'enfance"), "public_child_protection"),
    NavItem(_("Devenir assistant familial"), "public_foster_carer"),
    NavItem(_("Adoption"), "public_adoption"),
    NavItem(_("PMI"), "public_pmi"),
    NavItem(_("Schémas et plans"), "public_schemes"),
    NavItem(_("Nous contacter"), "public_contact"),
)


def items_for(user):
    """The entries this user may see, in order; the public site's for anonymous visitors."""
    if not user.is_authenticated:
        return list(PUBLIC_ITEMS)
    return [item for item in ITEMS if item.visible_to(user.role)]
