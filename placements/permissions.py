"""Who may use the placements pages."""

from welfare.enums import Role
from welfare.permissions import CASE_ROLES

# Caseworkers place the children of their territory (CASE_ROLES, from welfare).
PLACEMENT_ROLES = CASE_ROLES
# The capacity board: territorial roles read their territory, the directorate all of it.
BOARD_ROLES = (Role.CASEWORKER, Role.TERRITORY_MANAGER, Role.DIRECTORATE, Role.ADMINISTRATOR)
# Establishments, assistants familiaux and their agréments are managed by these roles.
PROVIDER_ROLES = (Role.TERRITORY_MANAGER, Role.DIRECTORATE, Role.ADMINISTRATOR)
# The Département's default daily rates bind the whole budget.
RATE_ROLES = (Role.DIRECTORATE, Role.ADMINISTRATOR)


def sees_whole_departement(user) -> bool:
    """The directorate and administrators read every territory; the others their own."""
    return user.is_administrator or user.role == Role.DIRECTORATE
