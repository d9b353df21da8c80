"""The one gate of staff pages (``welfare.permissions.staff_view``): every URL declares it or is
declared public, and every page that shows a child's or a family's data is sent no-store.

The apps check their own nominative pages the same way (``<app>/tests/test_gate.py``); the
URL walk below is what makes a forgotten page fail, whichever app adds it.
"""

import pytest
from django.urls import reverse

from welfare.enums import DocumentKind, Role
from welfare.services.merges import child_merge
from welfare.tests.contact_factories import ContactRequestFactory
from welfare.tests.factories import (
    ChildFactory,
    GuardianFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
    UserFactory,
)
from welfare.tests.gate import (
    assert_no_store,
    gate_of,
    nominative_url_names,
    portal_routes,
    portal_urls,
)

pytestmark = pytest.mark.django_db

APPS = {
    "welfare",
    "placements",
    "prevention",
    "schemes",
    "observatory",
    "records_import",
    "letters",
}


# --- The walk ---------------------------------------------------------------------------------


def test_every_url_declares_its_gate_or_is_public():
    undeclared = [name for name, callback in portal_urls() if gate_of(callback) is None]
    assert undeclared == [], "déclarez ces vues avec staff_view ou public_view"


def test_public_pages_are_the_public_site_and_the_login_only():
    # A staff page declared public by mistake would escape the login and no-store at once.
    public = {name for name, callback in portal_urls() if gate_of(callback).public}
    assert public == {
        "public_home",
        "legal_notice",
        "accessibility",
        "personal_data",
        "departement_logo",
        "public_prevention",
        "public_child_protection",
        "public_foster_carer",
        "public_adoption",
        "public_pmi",
        "public_contact",
        "public_contact_done",
        "health",
        "public_schemes",
        "public_scheme_detail",
        "login",
        "logout",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
    }


def test_every_nominative_page_is_checked_by_its_app():
    # Each app's test_gate.py checks the nominative pages written in it, and only those.
    nominative = {name for name, callback in portal_urls() if gate_of(callback).nominative}
    assert nominative == set().union(*(nominative_url_names(app) for app in APPS))
    assert nominative_url_names("welfare") == set(WELFARE_NOMINATIVE_PAGES)


def test_every_page_of_a_child_s_file_notes_refused_attempts():
    # A refusal (403, or 404 out of the user's scope) is written to the child's access log.
    child_routes = {
        name: gate_of(callback).child_argument
        for name, route, callback in portal_routes()
        if route.startswith("enfants/<uuid:public_id>/")
    }
    assert {"children:detail", "placements:placement_create"} <= set(child_routes)
    assert set(child_routes.values()) == {"public_id"}


def test_plans_budgets_and_reports_show_no_nominative_data():
    assert nominative_url_names("schemes") == set()


# --- What the gate does -----------------------------------------------------------------------


def test_the_gate_sends_anonymous_visitors_to_the_login(client):
    response = client.get(reverse("schemes:scheme_list"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('schemes:scheme_list')}"


def test_the_gate_refuses_another_role_with_the_portal_s_page(client, referent_nord, departement):
    client.force_login(referent_nord)
    response = client.get(reverse("schemes:scheme_list"))
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()


def test_the_gate_refuses_a_method_not_declared(client, directorate, departement):
    client.force_login(directorate)
    response = client.post(reverse("schemes:scheme_list"))
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert "no-store" in response["Cache-Control"]


def test_every_staff_page_is_no_store_not_only_the_nominative_ones(
    client, directorate, departement
):
    client.force_login(directorate)
    for name in ["home", "schemes:scheme_list", "schemes:budget_list", "reports:list"]:
        assert_no_store(client.get(reverse(name)))


def test_the_public_site_stays_cacheable(client, departement):
    assert "no-store" not in client.get(reverse("public_home")).get("Cache-Control", "")


def test_account_pages_open_to_an_account_without_a_role(client, departement):
    # createsuperuser makes an account with no role: it must still reach its own security.
    client.force_login(UserFactory(role="", territory=None))
    assert_no_store(client.get(reverse("mfa_setup")))
    assert_no_store(client.get(reverse("password_change")))
    assert client.get(reverse("home")).status_code == 403


# --- welfare's nominative pages ---------------------------------------------------------------


@pytest.fixture
def world(nord, referent_nord):
    child = ChildFactory(territory=nord, referent=referent_nord)
    manager = UserFactory(role=Role.TERRITORY_MANAGER, territory=nord)
    return {
        "child": child,
        "merge": child_merge(
            kept=ChildFactory(territory=nord), merged=ChildFactory(territory=nord), by=manager
        ),
        "guardian": GuardianFactory(child=child),
        "measure": MeasureFactory(child=child),
        "report": StatutoryDocumentFactory(child=child, kind=DocumentKind.SITUATION_REPORT),
        "contact": ContactRequestFactory(),
    }


def _child(world):
    return [world["child"].public_id]


def _contact(world):
    return [world["contact"].public_id]


# URL name: (the role that may open it, the method, its URL arguments from ``world``)
WELFARE_NOMINATIVE_PAGES = {
    "children:caseload": (Role.CASEWORKER, "get", None),
    "children:list": (Role.CASEWORKER, "get", None),
    "children:create": (Role.CASEWORKER, "get", None),
    "children:detail": (Role.CASEWORKER, "get", _child),
    "children:edit": (Role.CASEWORKER, "get", _child),
    "children:guardian_create": (Role.CASEWORKER, "get", _child),
    "children:guardian_edit": (
        Role.CASEWORKER,
        "get",
        lambda world: [world["child"].public_id, world["guardian"].public_id],
    ),
    "children:measure_create": (Role.CASEWORKER, "get", _child),
    "children:measure_edit": (
        Role.CASEWORKER,
        "get",
        lambda world: [world["child"].public_id, world["measure"].public_id],
    ),
    "children:measure_end": (
        Role.CASEWORKER,
        "get",
        lambda world: [world["child"].public_id, world["measure"].public_id],
    ),
    "children:document_create": (Role.CASEWORKER, "get", _child),
    "children:hearing_create": (Role.CASEWORKER, "get", _child),
    "children:decision_record": (Role.CASEWORKER, "get", _child),
    "children:report_sent": (
        Role.CASEWORKER,
        "get",
        lambda world: [world["child"].public_id, world["report"].public_id],
    ),
    "children:access_log": (Role.TERRITORY_MANAGER, "get", _child),
    "children:refused_accesses": (Role.TERRITORY_MANAGER, "get", None),
    "children:legal_hold": (Role.TERRITORY_MANAGER, "get", _child),
    "children:archive_list": (Role.ARCHIVIST, "get", None),
    "children:duplicate_list": (Role.TERRITORY_MANAGER, "get", None),
    "children:merge_confirm": (
        Role.TERRITORY_MANAGER,
        "get",
        lambda world: [world["child"].public_id, world["merge"].kept.public_id],
    ),
    "children:merge_list": (Role.TERRITORY_MANAGER, "get", None),
    "children:merge_undo": (
        Role.TERRITORY_MANAGER,
        "get",
        lambda world: [world["merge"].public_id],
    ),
    "contact_inbox": (Role.RECEPTION, "get", None),
    "contact_request_detail": (Role.RECEPTION, "get", _contact),
    # An empty form: the request's page comes back with the error, names and all.
    "contact_request_assign": (Role.RECEPTION, "post", _contact),
    "contact_request_reply": (Role.RECEPTION, "post", _contact),
    "contact_request_close": (Role.RECEPTION, "get", _contact),
    "contact_request_export": (Role.RECEPTION, "post", _contact),
}


@pytest.mark.parametrize("name", sorted(WELFARE_NOMINATIVE_PAGES))
def test_each_nominative_page_of_welfare_is_no_store(client, cast, departement, world, name):
    role, method, arguments = WELFARE_NOMINATIVE_PAGES[name]
    client.force_login(cast[role])
    url = reverse(name, args=arguments(world) if arguments else None)
    assert_no_store(getattr(client, method)(url))


def test_the_navigation_offers_each_role_only_pages_its_gate_lets_in():
    # The entries read their roles from the pages' gates; an entry narrowed by hand must stay
    # within its gate, or a role would be offered a page that refuses it.
    from welfare.navigation import gate_roles, staff_items

    for item in staff_items():
        if item.url_name.startswith("admin:"):
            assert item.roles == (Role.ADMINISTRATOR,)
            continue
        allowed = set(gate_roles(item.url_name))
        offered = {role for role in Role if item.visible_to(role)}
        assert offered and offered <= allowed, item.url_name
