"""Who may read and who may edit plans and budgets.

The directorate writes them; territory managers read them, because they carry the plans'
actions out on their territory. Everyone else, including caseworkers, has no access: the
public reads the published plans on the public site.
"""

from welfare.enums import Role

EDIT_ROLES = (Role.DIRECTORATE,)
READ_ROLES = (Role.DIRECTORATE, Role.TERRITORY_MANAGER)


def can_edit(user) -> bool:
    """True when the user may create, change and delete plans and budgets."""
    return user.is_authenticated and user.role in EDIT_ROLES
