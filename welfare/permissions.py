"""Who may use what. Every staff view starts here: its gate, then a scoped query.

A staff view is declared once, through ``staff_view``: the roles let in, the methods allowed,
and whether it shows nominative data. Every staff response is sent ``no-store``. A page for
everyone is declared ``public_view``. ``welfare/tests/test_gate.py`` walks the URLs and fails
on any view declared neither way, so a page cannot be added and its gate forgotten.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.utils.cache import add_never_cache_headers

from welfare.enums import Role
from welfare.models import Child
from welfare.services.access_log import access_refusal_record

CASE_ROLES = (Role.CASEWORKER, Role.TERRITORY_MANAGER)
STAFF_ROLES = tuple(Role)
# The families' contact inbox: handled by reception and the directorate, nobody else.
CONTACT_ROLES = (Role.RECEPTION, Role.DIRECTORATE)
# The account's own pages (second factor, password, session): an account created by
# ``createsuperuser`` has no role yet, and must still be able to secure itself.
ANY_SIGNED_IN = None

# The attribute that carries a view's declaration, read by the URL walk.
GATE_ATTRIBUTE = "gate"


@dataclass(frozen=True)
class ChildrenOf:
    """A record that names children, reached by a URL argument holding its ``public_id``:
    ``model`` has ``objects.for_user(user)`` (the records the user may open), and ``lookup``
    goes from ``Child`` to it (``"placements"``, ``"concerns"``; empty for the child itself).
    An app declares its own, so that welfare never imports it."""

    argument: str
    model: type
    lookup: str = ""

    def children(self, public_id):
        path = f"{self.lookup}__public_id" if self.lookup else "public_id"
        return Child.objects.filter(**{path: public_id})

    def in_scope(self, user, public_id):
        return self.model.objects.for_user(user).filter(public_id=public_id)


@dataclass(frozen=True)
class Gate:
    """What a view declared: ``public`` for the public site, else its roles (``None``: any
    signed-in account), methods, whether it shows a child's or a family's data, and which URL
    argument, if any, names the child, or the record that names children."""

    public: bool
    roles: tuple | None = None
    methods: tuple = ()
    nominative: bool = False
    child_argument: str | None = None
    children_of: ChildrenOf | None = None


def staff_view(*, roles, nominative, methods=("GET",), child_argument=None, children_of=None):
    """The one gate of staff pages: the login (anonymous users go to it), then the role (403,
    the portal's page), then the method (405); the response is never stored by a browser or a
    proxy, so nothing of a file stays on a shared computer after the session.

    ``nominative`` has no default: each page says whether it shows a child's or a family's
    data, and the tests check those pages one by one. The checks read only ``request.user``,
    already loaded by the login: the gate adds no query.

    ``child_argument`` names the URL argument that is a child's ``public_id``: a refusal of
    such a page (403, or 404 for a child out of the user's scope) is written to the child's
    access log, where the territory manager reads it; only a refusal costs those queries.
    ``children_of`` does the same for a page that reaches children through another record
    (ending a placement, a concern): the refusal is noted on each child the record names.
    """
    allowed = tuple(methods)
    if child_argument:
        children_of = ChildrenOf(argument=child_argument, model=Child)
    gate = Gate(
        public=False,
        roles=None if roles is ANY_SIGNED_IN else tuple(roles),
        methods=allowed,
        nominative=nominative,
        child_argument=child_argument,
        children_of=children_of,
    )

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            try:
                if gate.roles is not None and request.user.role not in gate.roles:
                    raise PermissionDenied
                if request.method not in allowed:
                    response = HttpResponseNotAllowed(allowed)
                else:
                    response = view(request, *args, **kwargs)
            except (PermissionDenied, Http404) as refusal:
                if gate.children_of:
                    public_id = kwargs[gate.children_of.argument]
                    access_refusal_record(
                        user=request.user,
                        children=gate.children_of.children(public_id),
                        in_scope=gate.children_of.in_scope(request.user, public_id),
                        by_role=isinstance(refusal, PermissionDenied),
                        # The page asked for: its path names records by UUID only.
                        detail=request.path,
                    )
                raise
            add_never_cache_headers(response)
            return response

        setattr(wrapper, GATE_ATTRIBUTE, gate)
        return wrapper

    return decorator


def public_view(view):
    """Declare a page of the public site: no login, nothing nominative, cacheable."""
    setattr(view, GATE_ATTRIBUTE, Gate(public=True))
    return view
