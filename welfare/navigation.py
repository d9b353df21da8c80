"""The staff navigation: one entry per page, with the roles that see it.

Entries name URLs by string so that this module imports no app; an app adds its pages here
when it adds them to ``welfare/urls.py``.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from welfare.enums import Role


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
    NavItem(_("Mon activité"), "children:caseload", (Role.CASEWORKER, Role.TERRITORY_MANAGER)),
    NavItem(_("Enfants"), "children:list", (Role.CASEWORKER, Role.TERRITORY_MANAGER)),
    NavItem(_("Administration"), "admin:index", (Role.ADMINISTRATOR,)),
)


def items_for(user):
    """The entries this user may see, in order."""
    if not user.is_authenticated:
        return []
    return [item for item in ITEMS if user.role in item.roles]
