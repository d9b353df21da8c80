"""The staff navigation: one entry per page.

welfare's own entries are below; each app registers its pages' entries in its
``AppConfig.ready()``, so that this module imports no app::

    from welfare import navigation

    navigation.register_nav_item(navigation.NavItem(_("Budgets"), "schemes:budget_list", 130))

Entries are shown by ascending ``order``. Who sees an entry is, by default, whoever the page's
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
    order: int
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


_items: list[NavItem] = [
    NavItem(_("Accueil"), "home", 10),
    NavItem(_("Mon activité"), "children:caseload", 40),
    NavItem(_("Enfants"), "children:list", 50),
    NavItem(_("Doublons possibles"), "children:duplicate_list", 55),
    NavItem(_("Dossiers archivés"), "children:archive_list", 60),
    NavItem(_("Demandes des familles"), "contact_inbox", 110),
    NavItem(_("Administration"), "admin:index", 900, (Role.ADMINISTRATOR,)),
]


def register_nav_item(item: NavItem) -> NavItem:
    """Add an app's page to the staff navigation (once per URL name)."""
    if all(existing.url_name != item.url_name for existing in _items):
        _items.append(item)
    return item


def staff_items() -> list[NavItem]:
    """Every entry of the staff navigation, welfare's and the apps', in order."""
    return sorted(_items, key=lambda item: item.order)


# The public site's navigation, shown to visitors who are not logged in.
PUBLIC_ITEMS = tuple(
    NavItem(label, url_name, order)
    for order, (label, url_name) in enumerate(
        (
            (_("Accueil"), "public_home"),
            (_("Prévention et parentalité"), "public_prevention"),
            (_("Protection de l'enfance"), "public_child_protection"),
            (_("Devenir assistant familial"), "public_foster_carer"),
            (_("Adoption"), "public_adoption"),
            (_("PMI"), "public_pmi"),
            (_("Schémas et plans"), "public_schemes"),
            (_("Nous contacter"), "public_contact"),
        )
    )
)


def items_for(user):
    """The entries this user may see, in order; the public site's for anonymous visitors."""
    if not user.is_authenticated:
        return list(PUBLIC_ITEMS)
    return [item for item in staff_items() if item.visible_to(user.role)]
