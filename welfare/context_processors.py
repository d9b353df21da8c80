from django.conf import settings
from django.utils.functional import SimpleLazyObject

from welfare.models import Departement
from welfare.navigation import items_for


def portal(request):
    """The Département's identity and the user's navigation, for the layout."""
    return {
        "departement": SimpleLazyObject(Departement.current),
        "nav_items": SimpleLazyObject(lambda: items_for(request.user)),
        "session_timeout": settings.SESSION_COOKIE_AGE,
    }
