"""Accessibility sweep: the main pages of every role, on a small file of each kind.

Each page must answer 200, pass axe-core's WCAG 2.1 A/AA rules and log nothing in the browser
console (a script or style blocked by the CSP shows there), at a desktop's width and at a phone's
(375 px), where nothing may push the page sideways (WCAG 1.4.10): a wide table scrolls inside its
own region, which the keyboard can reach. The journeys of each app check their own forms in more
depth; this file keeps every role's everyday pages checked in one place.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from placements.tests.factories import (
    AgrementFactory,
    EstablishmentFactory,
    FosterCarerFactory,
    PlacementFactory,
)
from schemes.tests.factories import (
    ActionFactory,
    BudgetFactory,
    BudgetLineFactory,
    FundingFactory,
    IndicatorFactory,
    SchemeFactory,
)
from welfare.enums import AccessPurpose, Role
from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.contact_factories import ContactRequestFactory
from welfare.tests.factories import (
    AccessLogFactory,
    ChildFactory,
    GuardianFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def records(nord, referent_nord):
    """One record of each kind the staff pages show, in the Nord territory."""
    child = ChildFactory(territory=nord, referent=referent_nord)
    measure = MeasureFactory(child=child)
    GuardianFactory(child=child)
    StatutoryDocumentFactory(child=child)
    carer = FosterCarerFactory(territory=nord)
    agrement = AgrementFactory(foster_carer=carer)
    placement = PlacementFactory(child=child, measure=measure, foster_carer=carer)
    scheme = SchemeFactory(published=True)
    action = ActionFactory(objective__scheme=scheme)
    FundingFactory(action=action)
    IndicatorFactory(action=action)
    budget = BudgetFactory(year=2023)
    BudgetLineFactory(budget=budget)
    return {
        "child": child,
        "measure": measure,
        "placement": placement,
        "carer": carer,
        "agrement": agrement,
        "establishment": EstablishmentFactory(territory=nord),
        "scheme": scheme,
        "action": action,
        "budget": budget,
        "request": ContactRequestFactory(),
    }


@pytest.fixture(params=[1280, 375], ids=["desktop", "phone"])
def width(request, page):
    """Every sweep runs twice: on a desktop's screen and on a small phone's."""
    page.set_viewport_size({"width": request.param, "height": 900})
    return request.param


@pytest.fixture
def console(page, width):
    """Everything the browser logs as an error or a warning, CSP violations included."""
    messages = []

    def record(message):
        if message.type in ("error", "warning"):
            messages.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda error: messages.append(str(error)))
    return messages


def check(page, console, path, *, status=200):
    response = page.goto(path)
    assert response.status == status, path
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path}: the page is {overflow} px wider than the window"
    # Chromium logs the error status of the page itself; anything else is a fault.
    logged = [text for text in console if f"status of {status}" not in text]
    assert logged == [], f"{path}: {logged}"
    console.clear()


def child_pages(records):
    child, measure = records["child"].public_id, records["measure"].public_id
    return [
        reverse("children:detail", args=[child]),
        reverse("children:edit", args=[child]),
        reverse("children:measure_create", args=[child]),
        reverse("children:measure_end", args=[child, measure]),
        reverse("children:guardian_create", args=[child]),
        reverse("children:document_create", args=[child]) + "?type=ppe",
        reverse("children:hearing_create", args=[child]),
        reverse("children:decision_record", args=[child]),
        reverse("placements:placement_create", args=[child]),
        reverse("placements:placement_move", args=[records["placement"].public_id]),
    ]


def provider_pages(records):
    return [
        reverse("placements:board"),
        reverse("placements:establishment_list"),
        reverse("placements:establishment_detail", args=[records["establishment"].public_id]),
        reverse("placements:foster_carer_list"),
        reverse("placements:foster_carer_detail", args=[records["carer"].public_id]),
        reverse("placements:agrement_create", args=[records["carer"].public_id]),
        reverse("placements:agrement_reminder", args=[records["agrement"].public_id]),
    ]


def plan_pages(records):
    return [
        reverse("schemes:scheme_list"),
        reverse("schemes:scheme_detail", args=[records["scheme"].pk]),
        reverse("schemes:action_detail", args=[records["action"].pk]),
        reverse("schemes:budget_list"),
        reverse("schemes:budget_detail", args=[records["budget"].year]),
    ]


def test_the_public_pages_and_the_login(page, console, records):
    # The contact form's rate limit counts in the cache, which outlives a test.
    cache.clear()
    for path in [
        reverse("public_home"),
        reverse("public_contact"),
        reverse("public_schemes"),
        reverse("public_scheme_detail", args=[records["scheme"].pk]),
        reverse("login"),
        reverse("password_reset"),
    ]:
        check(page, console, path)
    check(page, console, "/nulle-part/", status=404)
    page.goto(reverse("public_contact"))
    page.get_by_role("button", name="Envoyer ma question").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_a_caseworkers_pages(page, console, live_server, referent_nord, records):
    log_in(page, live_server, referent_nord)
    for path in [
        reverse("home"),
        reverse("children:caseload"),
        reverse("children:list"),
        reverse("children:create"),
        *child_pages(records),
        reverse("placements:board"),
    ]:
        check(page, console, path)
    check(page, console, reverse("contact_inbox"), status=403)


def test_a_territory_managers_pages(
    page, console, live_server, responsable_nord, referent_sud, records
):
    AccessLogFactory(child=records["child"], user=referent_sud, purpose=AccessPurpose.REFUSED)
    log_in(page, live_server, responsable_nord)
    for path in [
        reverse("dashboard:index"),
        reverse("dashboard:quality"),
        reverse("children:caseload"),
        reverse("children:access_log", args=[records["child"].public_id]),
        reverse("children:refused_accesses"),
        reverse("children:legal_hold", args=[records["child"].public_id]),
        *provider_pages(records),
        *plan_pages(records),
    ]:
        check(page, console, path)


def test_the_directorates_pages(page, console, live_server, directorate, records):
    log_in(page, live_server, directorate)
    scheme, action = records["scheme"].pk, records["action"].pk
    for path in [
        reverse("home"),
        *plan_pages(records),
        reverse("reports:list"),
        reverse("dashboard:observatory"),
        reverse("schemes:scheme_update", args=[scheme]),
        reverse("schemes:funding_create", args=[action]),
        reverse("schemes:indicator_create", args=[action]),
        reverse("schemes:budget_line_create", args=[records["budget"].year]),
        reverse("placements:default_rates"),
        reverse("contact_inbox"),
        reverse("contact_request_detail", args=[records["request"].public_id]),
    ]:
        check(page, console, path)
    check(page, console, reverse("children:list"), status=403)


def test_reception_prevention_and_administrator_pages(page, console, live_server, cast, records):
    pages = {
        Role.RECEPTION: [
            reverse("home"),
            reverse("contact_inbox"),
            reverse("contact_request_detail", args=[records["request"].public_id]),
            reverse("contact_request_close", args=[records["request"].public_id]),
        ],
        Role.PREVENTION_OFFICER: [
            reverse("home"),
            reverse("prevention:action_list"),
            reverse("prevention:concern_list"),
        ],
        Role.ADMINISTRATOR: [reverse("home"), reverse("placements:board")],
    }
    for role, paths in pages.items():
        page.context.clear_cookies()
        log_in(page, live_server, cast[role])
        for path in paths:
            check(page, console, path)


def test_on_a_phone_the_menu_folds_behind_a_button_that_names_the_current_page(
    page, live_server, responsable_nord
):
    page.set_viewport_size({"width": 375, "height": 900})
    log_in(page, live_server, responsable_nord)
    page.goto(reverse("schemes:budget_list"))
    menu = page.get_by_role("navigation", name="Navigation principale")
    toggle = menu.get_by_role("button", name="Menu")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu.get_by_role("link", name="Budgets")).to_be_hidden()
    expect(menu.locator(".navbar-text")).to_have_text("Budgets")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Budgets")).to_have_attribute("aria-current", "page")
    assert_accessible(page)
    menu.get_by_role("link", name="Tableau de bord").click()
    page.wait_for_url("**/tableau-de-bord/")
    expect(menu.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")


def test_on_a_desktop_the_menu_is_open_without_a_button(page, live_server, responsable_nord):
    log_in(page, live_server, responsable_nord)
    page.goto(reverse("home"))
    menu = page.get_by_role("navigation", name="Navigation principale")
    expect(menu.get_by_role("button", name="Menu")).to_be_hidden()
    expect(menu.get_by_role("link", name="Budgets")).to_be_visible()


def test_a_phones_wide_table_scrolls_in_a_region_the_keyboard_reaches_with_its_actions_in_sight(
    page, live_server, referent_nord, records
):
    page.set_viewport_size({"width": 375, "height": 900})
    log_in(page, live_server, referent_nord)
    page.goto(reverse("children:detail", args=[records["child"].public_id]))
    region = page.get_by_role("region", name="Mesures de l'enfant, la plus récente d'abord")
    region.focus()
    page.keyboard.press("End")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    # Sticky at the region's edge: the measure's actions are on the screen before any scroll.
    for name in ["Corriger", "Clore"]:
        box = region.get_by_role("link", name=re.compile(name)).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (name, box)


def test_the_archivists_pages(page, console, live_server, archivist, nord):
    child = ChildFactory(territory=nord, archived_at=timezone.now())
    GuardianFactory(child=child)
    StatutoryDocumentFactory(child=child)
    log_in(page, live_server, archivist)
    for path in [
        reverse("home"),
        reverse("children:archive_list"),
        reverse("children:archive_list") + "?q=zz",
        reverse("children:detail", args=[child.public_id]),
        reverse("children:legal_hold", args=[child.public_id]),
    ]:
        check(page, console, path)
    check(page, console, reverse("children:list"), status=403)


# --- What axe-core does not measure -----------------------------------------------------------

RGB = re.compile(r"rgba?\((\d+), (\d+), (\d+)")


def luminance(css_colour):
    channels = []
    for value in RGB.match(css_colour).groups():
        c = int(value) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    light, dark = sorted([luminance(first), luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_fields_and_the_focus_ring_stand_out_at_three_to_one(
    page, live_server, referent_nord, records
):
    # WCAG 1.4.11 / RGAA 3.3 and 10.7: Bootstrap's field borders gave 1.3:1 on white and its
    # pale focus glow replaced the portal's ring on fields and buttons.
    log_in(page, live_server, referent_nord)
    child, measure = records["child"].public_id, records["measure"].public_id
    page.goto(reverse("children:measure_end", args=[child, measure]))
    white = "rgb(255, 255, 255)"
    for selector in ["#id_end_date", "#id_confirm"]:
        border = page.eval_on_selector(selector, "e => getComputedStyle(e).borderTopColor")
        assert contrast(border, white) >= 3, (selector, border)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Aller au contenu"
    ring = (
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
    )
    for selector in ["#id_end_date", "#id_confirm", "main button[type=submit]", "main a >> nth=0"]:
        page.locator(selector).focus()
        style = page.evaluate(ring)
        assert style[0] == "solid" and style[1] == "3px", (selector, style)
        assert contrast(style[2], white) >= 3, (selector, style)
    # A date field is one text field, typed jj/mm/aaaa: one tab stop, and the next one is the
    # reason (a browser's date field was four: day, month, year, calendar button).
    page.locator("#id_end_date").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_end_reason"
