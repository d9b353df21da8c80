"""The staff navigation: one entry per page, with the roles that see it.

Entries name URLs by string so that this module imports no app; an app adds its pages here
when it adds them to ``welfare/urls.py``.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from welfare.enums import Role
from welfare.permissions import CONTACT_ROLES


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: tuple

    @property
    def url(self):
        return reverse(self.url_name)


ITEMS = (
    NavItem(_("Accueil"), "home", tuple(Role)),
    NavItem(_("Tableau de bord"), "dashboard:index", (Role.DIRECTORATE, Role.TERRITORY_MANAGER)),
    NavItem(_("Observatoire (ODPE)"), "dashboard:observatory", (Role.DIRECTORATE,)),
    NavItem(_("Mon activité"), "children:caseload", (Role.CASEWORKER, Role.TERRITORY_MANAGER)),
    NavItem(_("Enfants"), "children:list", (Role.CASEWORKER, Role.TERRITORY_MANAGER)),
    NavItem(_("Dossiers archivés"), "children:archive_list", (Role.ARCHIVIST,)),
    NavItem(
        _("Places et capacités"),
        "placements:board",
        (Role.CASEWORKER, Role.TERRITORY_MANAGER, Role.DIRECTORATE, Role.ADMINISTRATOR),
    ),
    NavItem(
        _("Établissements et assistants familiaux"),
        "placements:establishment_list",
        (Role.TERRITORY_MANAGER, Role.DIRECTORATE, Role.ADMINISTRATOR),
    ),
    NavItem(_("Prévention"), "prevention:action_list", (Role.PREVENTION_OFFICER, Role.DIRECTORATE)),
    NavItem(
        _("Informations préoccupantes"),
        "prevention:concern_list",
        (Role.PREVENTION_OFFICER, Role.DIRECTORATE, Role.TERRITORY_MANAGER),
    ),
    NavItem(_("Demandes des familles"), "contact_inbox", CONTACT_ROLES),
    NavItem(
        _("Schémas et plans"), "schemes:scheme_list", (Role.DIRECTORATE, Role.TERRITORY_MANAGER)
    ),
    NavItem(_("Budgets"), "schemes:budget_list", (Role.DIRECTORATE, Role.TERRITORY_MANAGER)),
    NavItem(_("Rapports PDF"), "reports:list", (Role.DIRECTORATE, Role.TERRITORY_MANAGER)),
    NavItem(_("Administration"), "admin:index", (Role.ADMINISTRATOR,)),
)


# The public site's navigation, shown to visitors who are not logged in.
PUBLIC_ITEMS = (
    NavItem(_("Accueil"), "public_home", ()),
    NavItem(_("Prévention et parentalité"), "public_prevention", ()),
    NavItem(_("Protection de l'enfance"), "public_child_protection", ()),
    NavItem(_("Devenir assistant familial"), "public_foster_carer", ()),
    NavItem(_("Adoption"), "public_adoption", ()),
    NavItem(_("PMI"), "public_pmi", ()),
    NavItem(_("Schémas et plans"), "public_schemes", ()),
    NavItem(_("Nous contacter"), "public_contact", ()),
)


def items_for(user):
    """The entries this user may see, in order; the public site's for anonymous visitors."""
    if not user.is_authenticated:
        return list(PUBLIC_ITEMS)
    return [item for item in ITEMS if user.role in item.roles]
