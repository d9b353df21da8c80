"""Who sees what of prevention.

- Prevention officers run the catalogue and the CRIP: they read and write everything here.
- The directorate reads the catalogue, the figures and the CRIP list, without names: the
  families of home interventions and the children of a concern stay hidden from it.
- Territory managers read the CRIP list and the concerns of their own territory, whose
  evaluation their teams carry out; they write nothing here.
- Référents ASE see the home interventions of their territory's children in the child's
  timeline only (through ``Child.objects.for_user``), never these pages.
"""

from welfare.enums import Role

WRITE_ROLES = (Role.PREVENTION_OFFICER,)
READ_ROLES = (Role.PREVENTION_OFFICER, Role.DIRECTORATE)
CRIP_LIST_ROLES = (Role.PREVENTION_OFFICER, Role.DIRECTORATE, Role.TERRITORY_MANAGER)
CONCERN_ROLES = (Role.PREVENTION_OFFICER, Role.TERRITORY_MANAGER)


def sees_names(user) -> bool:
    """Whether ``user`` may read the names of the families and children reached."""
    return user.role in (Role.PREVENTION_OFFICER, Role.TERRITORY_MANAGER)


def writes(user) -> bool:
    return user.role in WRITE_ROLES
