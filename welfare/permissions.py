"""Who may use what. Every staff view starts here: a role check, then a scoped query."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from welfare.enums import Role

CASE_ROLES = (Role.CASEWORKER, Role.TERRITORY_MANAGER)
STAFF_ROLES = tuple(Role)
# The families' contact inbox: handled by reception and the directorate, nobody else.
CONTACT_ROLES = (Role.RECEPTION, Role.DIRECTORATE)


def has_role(user, *roles) -> bool:
    """True when the user is logged in with one of these roles."""
    return user.is_authenticated and user.role in roles


def role_required(*roles):
    """Let in logged-in users with one of ``roles``; others get 403, anonymous users the login."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
