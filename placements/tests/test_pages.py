"""The placements pages through the HTTP client, per role, including the forbidden cases."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from placements import views as placements_views
from placements.enums import AgrementState, EstablishmentKind, PlaceKind, PlacementEndReason
from placements.models import Agrement, DailyRate, Establishment, Placement
from placements.tests.factories import (
    AgrementFactory,
    EstablishmentFactory,
    FosterCarerFactory,
    PlacementFactory,
)
from placements.timeline import placement_events, placement_section
from welfare import timeline
from welfare.enums import MeasureType, Role
from welfare.rules import add_months
from welfare.tests.factories import ChildFactory, MeasureFactory, UserFactory
from welfare.tests.pagination import page_links

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
BOARD = reverse("placements:board")


@pytest.fixture(autouse=True)
def identity(departement):
    return departement


@pytest.fixture
def child(nord, referent_nord):
    return ChildFactory(
        territory=nord, referent=referent_nord, first_name="Inès", birth_date=date(2014, 2, 3)
    )


@pytest.fixture
def measure(child):
    return MeasureFactory(child=child, start_date=TODAY - timedelta(days=30))


@pytest.fixture
def carer(nord):
    carer = FosterCarerFactory(territory=nord, first_name="Sylvie", last_name="Jeunet")
    AgrementFactory(foster_carer=carer, granted_on=TODAY - timedelta(days=400))
    return carer


def fill(carer, count):
    for _ in range(count):
        other = MeasureFactory(child__territory=carer.territory)
        PlacementFactory(child=other.child, measure=other, foster_carer=carer)


# --- Capacity board ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role", [Role.CASEWORKER, Role.TERRITORY_MANAGER, Role.DIRECTORATE, Role.ADMINISTRATOR]
)
def test_staff_read_the_capacity_board(client, cast, carer, role):
    client.force_login(cast[role])
    response = client.get(BOARD)
    assert response.status_code == 200
    assert "JEUNET Sylvie" in response.content.decode()


@pytest.mark.parametrize("role", [Role.PREVENTION_OFFICER, Role.RECEPTION])
def test_other_roles_cannot_read_the_board(client, cast, role):
    client.force_login(cast[role])
    assert client.get(BOARD).status_code == 403


def test_a_bad_date_on_the_board_is_a_form_error(client, directorate, carer):
    client.force_login(directorate)
    response = client.get(BOARD, {"day": "2023-02-31", "kind": "hotel"})
    assert response.status_code == 200
    assert "Saisissez une date au format jj/mm/aaaa" in response.content.decode()


def test_a_date_past_the_calendar_on_the_board_is_a_form_error(client, directorate, carer):
    # The four-month agrément reminder added to 31/12/9999 crashed the board (500).
    client.force_login(directorate)
    response = client.get(BOARD, {"day": "9999-12-31"})
    assert response.status_code == 200
    assert response.context["form"].errors["day"] == [
        "Saisissez une date comprise entre le 01/01/1900 et le 31/12/2099."
    ]


def test_the_board_shows_the_chosen_date(client, directorate, carer):
    fill(carer, 2)
    client.force_login(directorate)
    response = client.get(BOARD, {"day": TODAY.isoformat(), "kind": "foster_carer"})
    row = next(row for row in response.context["rows"] if row["name"] == "JEUNET Sylvie")
    assert (row["places"], row["occupied"], row["free"]) == (3, 2, 1)


def test_the_board_flags_a_late_renewal_notice(client, directorate, nord):
    carer = FosterCarerFactory(territory=nord, first_name="Anne", last_name="Roy")
    AgrementFactory(
        foster_carer=carer,
        granted_on=TODAY - timedelta(days=1700),
        expires_on=TODAY + timedelta(days=60),
    )
    client.force_login(directorate)
    content = client.get(BOARD).content.decode()
    section = content.split('id="expirations"', 1)[1]
    assert (
        '<span class="badge text-bg-danger">En retard</span> à envoyer au plus tard le' in section
    )


def test_the_board_writes_occupancy_as_the_dashboard_does(client, directorate, carer):
    # 2 of 3 places: "66,7 %" on the board and the dashboard alike (they read "67 %" and
    # "66,70").
    fill(carer, 2)
    client.force_login(directorate)
    board = client.get(BOARD, {"day": TODAY.isoformat()}).content.decode()
    dashboard = client.get(reverse("dashboard:index"), {"day": TODAY.isoformat()})
    assert board.count("66,7\u202f%") == 2  # the carer's row and the total of its kind
    assert "66,7\u202f%" in dashboard.content.decode()


def test_page_two_of_the_filtered_board_keeps_the_filters_in_its_links(
    client, directorate, nord, monkeypatch
):
    monkeypatch.setattr(placements_views, "BOARD_PAGE_SIZE", 1)
    for _ in range(2):
        AgrementFactory(foster_carer=FosterCarerFactory(territory=nord), granted_on=TODAY)
    EstablishmentFactory(territory=nord)
    client.force_login(directorate)
    filters = {"day": TODAY.isoformat(), "territory": str(nord.pk), "kind": PlaceKind.FOSTER_CARER}
    response = client.get(BOARD, {**filters, "page": 2})
    assert response.context["page"].paginator.count == 2
    filters = {name: [value] for name, value in filters.items()}
    assert page_links(response.content.decode()) == [filters | {"page": ["1"]}]


def test_the_board_says_why_there_is_no_hotel(client, directorate):
    client.force_login(directorate)
    assert "jamais à l'hôtel" in client.get(BOARD).content.decode()


def test_the_board_runs_the_same_queries_whatever_the_number_of_places(
    client, directorate, carer, nord, django_assert_num_queries
):
    client.force_login(directorate)
    client.get(BOARD)  # warm the session and the Département's identity
    # session, user, rows count, rows page, establishment totals, carer totals, PEAD count,
    # expiring agréments, carers with a suspended or withdrawn agrément, Département identity,
    # territories of the filter, then the session saved on every request (savepoint, update,
    # release)
    expected = 14
    with django_assert_num_queries(expected):
        client.get(BOARD)
    for _ in range(4):
        fill(AgrementFactory(foster_carer__territory=nord).foster_carer, 2)
        EstablishmentFactory(territory=nord)
    with django_assert_num_queries(expected):
        client.get(BOARD)


def test_the_board_filters_free_places_by_age_most_first_in_the_same_queries(
    client, directorate, carer, nord, django_assert_num_queries
):
    client.force_login(directorate)
    full = AgrementFactory(foster_carer__territory=nord, places=1).foster_carer
    fill(full, 1)
    EstablishmentFactory(territory=nord, name="Pouponnière", min_age=0, max_age=3)
    filters = {"free_only": "on", "age": "12", "order": "libres"}
    client.get(BOARD, filters)
    with django_assert_num_queries(14):  # the same as without filters, listed above
        response = client.get(BOARD, filters)
    names = [row["name"] for row in response.context["rows"]]
    assert str(carer) in names
    assert str(full) not in names
    assert "Pouponnière" not in names
    assert response.context["rows"] == sorted(
        response.context["rows"], key=lambda row: row["free"], reverse=True
    )


# --- Placing, ending, moving ------------------------------------------------------------------


def place_url(child):
    return reverse("placements:placement_create", args=[child.public_id])


def placement_data(measure, carer, **changes):
    data = {
        "measure": measure.pk,
        "place_kind": PlaceKind.FOSTER_CARER,
        "foster_carer": carer.pk,
        "start_date": TODAY.isoformat(),
    }
    data.update(changes)
    return data


def test_a_caseworker_places_a_child_with_a_carer(client, referent_nord, child, measure, carer):
    client.force_login(referent_nord)
    response = client.post(place_url(child), placement_data(measure, carer))
    assert response.status_code == 302
    placement = Placement.objects.get(child=child)
    assert (placement.foster_carer, placement.created_by) == (carer, referent_nord)


def test_a_full_carer_is_refused_next_to_the_field(client, referent_nord, child, measure, carer):
    fill(carer, 3)
    client.force_login(referent_nord)
    response = client.post(place_url(child), placement_data(measure, carer))
    assert response.status_code == 200
    assert response.context["form"].errors["foster_carer"] == [
        f"JEUNET Sylvie n'a plus de place libre : son agrément autorise 3 enfants et 3 sont "
        f"déjà accueillis le {TODAY:%d/%m/%Y}."
    ]
    assert not child.placements.exists()


def test_a_carer_without_a_place_chosen_is_a_form_error(
    client, referent_nord, child, measure, carer
):
    client.force_login(referent_nord)
    response = client.post(place_url(child), placement_data(measure, carer, foster_carer=""))
    assert response.context["form"].errors["foster_carer"] == ["Choisissez le lieu d'accueil."]


def test_another_territorys_child_cannot_be_placed(client, referent_sud, child, measure, carer):
    client.force_login(referent_sud)
    assert client.get(place_url(child)).status_code == 404
    assert client.post(place_url(child), placement_data(measure, carer)).status_code == 404


def test_the_directorate_does_not_place_children(client, directorate, child):
    client.force_login(directorate)
    assert client.get(place_url(child)).status_code == 403


def test_ending_a_placement_asks_for_the_reason(client, referent_nord, child, measure, carer):
    placement = PlacementFactory(child=child, measure=measure, foster_carer=carer)
    client.force_login(referent_nord)
    url = reverse("placements:placement_end", args=[placement.public_id])
    response = client.post(url, {"end_date": TODAY.isoformat(), "confirm": "on"})
    assert "end_reason" in response.context["form"].errors
    response = client.post(
        url,
        {
            "end_date": TODAY.isoformat(),
            "end_reason": PlacementEndReason.RETURN_HOME,
            "confirm": "on",
        },
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.end_reason == PlacementEndReason.RETURN_HOME
    assert client.get(url).status_code == 404  # already ended


def test_moving_a_child_from_the_form(client, referent_nord, child, measure, carer, nord):
    placement = PlacementFactory(child=child, measure=measure, foster_carer=carer)
    establishment = EstablishmentFactory(territory=nord, name="MECS La Source")
    client.force_login(referent_nord)
    response = client.post(
        reverse("placements:placement_move", args=[placement.public_id]),
        {
            "move_date": TODAY.isoformat(),
            "end_reason": PlacementEndReason.MOVE,
            "measure": measure.pk,
            "place_kind": PlaceKind.ESTABLISHMENT,
            "establishment": establishment.pk,
        },
    )
    assert response.status_code == 302
    assert [p.place_label for p in child.placements.order_by("start_date", "pk")] == [
        "Assistant familial JEUNET Sylvie",
        "MECS La Source",
    ]


def test_another_territorys_placement_answers_404(client, referent_sud, child, measure, carer):
    placement = PlacementFactory(child=child, measure=measure, foster_carer=carer)
    client.force_login(referent_sud)
    assert (
        client.get(reverse("placements:placement_end", args=[placement.public_id])).status_code
        == 404
    )


# --- The child's file -------------------------------------------------------------------------


def test_the_file_shows_the_history_and_the_number_of_places(
    client, referent_nord, child, measure, carer, nord
):
    PlacementFactory(
        child=child,
        measure=measure,
        foster_carer=carer,
        end_date=TODAY - timedelta(days=10),
        end_reason=PlacementEndReason.MOVE,
    )
    PlacementFactory(
        child=child,
        measure=measure,
        place_kind=PlaceKind.ESTABLISHMENT,
        foster_carer=None,
        establishment=EstablishmentFactory(territory=nord, name="FDE de Dole"),
        start_date=TODAY - timedelta(days=10),
    )
    client.force_login(referent_nord)
    page = client.get(reverse("children:detail", args=[child.public_id])).content.decode()
    assert "Stabilité : 2 lieux d'accueil" in page
    assert "Arrivée : FDE de Dole" in page
    assert "Départ : Assistant familial JEUNET Sylvie" in page


def test_the_providers_cost_one_query_whatever_the_history(
    child, measure, carer, referent_nord, django_assert_num_queries
):
    for offset in range(3):
        PlacementFactory(
            child=child,
            measure=measure,
            foster_carer=carer,
            start_date=measure.start_date + timedelta(days=offset),
            end_date=measure.start_date + timedelta(days=offset + 1),
            end_reason=PlacementEndReason.MOVE,
        )
    assert placement_events in timeline.timeline_providers()
    assert placement_section in timeline.section_providers()
    with django_assert_num_queries(1):
        events = placement_events(child)
        section = placement_section(child, referent_nord)
    assert len(events) == 6
    assert section.context["housed_count"] == 3


# --- Providers --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.PREVENTION_OFFICER, Role.RECEPTION])
def test_only_managers_manage_providers(client, cast, role):
    client.force_login(cast[role])
    assert client.get(reverse("placements:establishment_list")).status_code == 403
    assert client.get(reverse("placements:foster_carer_list")).status_code == 403


def test_a_territory_manager_creates_an_establishment_in_their_territory(
    client, responsable_nord, nord, sud
):
    client.force_login(responsable_nord)
    url = reverse("placements:establishment_create")
    response = client.get(url)
    assert list(response.context["form"].fields["territory"].queryset) == [nord]
    assert "jamais à l'hôtel" in response.content.decode()
    response = client.post(
        url,
        {
            "name": "LVA Le Hameau",
            "kind": EstablishmentKind.LVA,
            "authorised_capacity": 12,
            "min_age": 6,
            "max_age": 17,
            "territory": nord.pk,
            "address": "Route de Chaux, 39100 Dole",
        },
    )
    assert "au plus 10 personnes" in response.content.decode()
    assert not Establishment.objects.exists()


def test_an_establishment_without_rates_says_so(client, responsable_nord, nord):
    # The rates block read a variable only the carer's page sets: undefined on this one.
    establishment = EstablishmentFactory(territory=nord)
    client.force_login(responsable_nord)
    url = reverse("placements:establishment_detail", args=[establishment.public_id])
    assert "Aucun prix de journée saisi." in client.get(url).content.decode()


def test_another_territorys_establishment_answers_404(client, responsable_nord, sud):
    establishment = EstablishmentFactory(territory=sud)
    client.force_login(responsable_nord)
    url = reverse("placements:establishment_detail", args=[establishment.public_id])
    assert client.get(url).status_code == 404


def test_more_than_three_places_need_a_derogation_in_the_form(client, directorate, carer):
    client.force_login(directorate)
    url = reverse("placements:agrement_create", args=[carer.public_id])
    response = client.post(url, {"granted_on": TODAY.isoformat(), "places": 4})
    assert "derogation_reason" in response.context["form"].errors
    response = client.post(
        url,
        {
            "granted_on": TODAY.isoformat(),
            "places": 4,
            "derogation_reason": "Fratrie",
            "derogation_decided_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 302
    assert carer.agrements.filter(places=4).exists()


def test_an_agrement_granted_past_the_calendar_is_refused_next_to_the_field(
    client, directorate, carer
):
    # Its five years added to 31/12/9999 left Python's calendar: the page answered 500.
    client.force_login(directorate)
    response = client.post(
        reverse("placements:agrement_create", args=[carer.public_id]),
        {"granted_on": "9999-12-31", "places": 3},
    )
    assert response.status_code == 200
    assert "granted_on" in response.context["form"].errors
    assert carer.agrements.count() == 1


def test_suspending_an_agrement(client, directorate, carer):
    agrement = carer.agrements.get()
    client.force_login(directorate)
    response = client.post(
        reverse("placements:agrement_state", args=[agrement.public_id]),
        {"state": AgrementState.SUSPENDED, "since": TODAY.isoformat(), "reason": "Enquête"},
    )
    assert response.status_code == 302
    assert Agrement.objects.get().state == AgrementState.SUSPENDED


# --- Renewal notice (art. D421-19 CASF) --------------------------------------------------------


def test_the_carer_page_says_when_the_renewal_notice_is_due_and_links_to_record_it(
    client, responsable_nord, carer
):
    agrement = carer.agrements.with_notice_late(timezone.localdate()).get()
    client.force_login(responsable_nord)

    html = client.get(carer.get_absolute_url()).content.decode()

    assert f"à envoyer au plus tard le {agrement.notice_due_on:%d/%m/%Y}" in html
    assert reverse("placements:agrement_reminder", args=[agrement.public_id]) in html


def test_recording_the_renewal_notice(client, responsable_nord, carer):
    agrement = carer.agrements.get()
    url = reverse("placements:agrement_reminder", args=[agrement.public_id])
    client.force_login(responsable_nord)

    response = client.post(url, {"sent_on": TODAY.isoformat()})

    assert response.status_code == 302
    assert Agrement.objects.get().reminder_sent_on == TODAY
    html = client.get(carer.get_absolute_url()).content.decode()
    assert f"envoyé le {TODAY:%d/%m/%Y}" in html


@pytest.mark.parametrize(
    ("sent_on", "message"),
    [
        (TODAY + timedelta(days=1), "L'avis ne peut être daté d'un jour à venir."),
        (TODAY - timedelta(days=500), "Choisissez une date entre le"),
    ],
)
def test_a_renewal_notice_date_out_of_bounds_is_refused_next_to_the_field(
    client, responsable_nord, carer, sent_on, message
):
    agrement = carer.agrements.get()
    client.force_login(responsable_nord)

    response = client.post(
        reverse("placements:agrement_reminder", args=[agrement.public_id]),
        {"sent_on": sent_on.isoformat()},
    )

    assert response.status_code == 200
    assert message in response.context["form"].errors["sent_on"][0]
    assert Agrement.objects.get().reminder_sent_on is None


def test_a_deaf_holder_s_agrement_needs_no_notice(client, directorate, nord):
    carer = FosterCarerFactory(territory=nord, deaf_obtained_on=TODAY - timedelta(days=900))
    agrement = AgrementFactory(foster_carer=carer, expires_on=None)
    client.force_login(directorate)

    response = client.post(
        reverse("placements:agrement_reminder", args=[agrement.public_id]),
        {"sent_on": TODAY.isoformat()},
    )

    assert response.status_code == 200
    assert "n'expire pas" in response.context["form"].non_field_errors()[0]
    assert Agrement.objects.get(pk=agrement.pk).reminder_sent_on is None


def test_another_territory_s_notice_is_out_of_reach(client, carer, sud):
    manager_sud = UserFactory(role=Role.TERRITORY_MANAGER, territory=sud)
    agrement = carer.agrements.get()
    client.force_login(manager_sud)

    response = client.post(
        reverse("placements:agrement_reminder", args=[agrement.public_id]),
        {"sent_on": TODAY.isoformat()},
    )

    assert response.status_code == 404
    assert Agrement.objects.get().reminder_sent_on is None


def test_a_caseworker_cannot_record_a_notice(client, referent_nord, carer):
    client.force_login(referent_nord)
    url = reverse("placements:agrement_reminder", args=[carer.agrements.get().public_id])
    assert client.post(url, {"sent_on": TODAY.isoformat()}).status_code == 403


def test_the_directorate_sets_the_departements_rates(client, directorate, responsable_nord):
    url = reverse("placements:default_rates")
    client.force_login(responsable_nord)
    assert client.get(url).status_code == 403
    client.force_login(directorate)
    response = client.post(
        url, {"place_kind": PlaceKind.FAMILY_HOME, "year": 2023, "amount": "48.50"}
    )
    assert response.status_code == 302
    assert DailyRate.objects.get().amount == Decimal("48.50")


def test_a_pead_measure_is_offered_for_a_pead(client, referent_nord, child):
    aemo = MeasureFactory(child=child, type=MeasureType.AEMO_WITH_ACCOMMODATION)
    client.force_login(referent_nord)
    response = client.post(
        place_url(child),
        {"measure": aemo.pk, "place_kind": PlaceKind.FAMILY_HOME, "start_date": TODAY.isoformat()},
    )
    assert response.status_code == 302
    assert child.placements.get().is_pead


def test_an_agrement_of_one_place_is_named_in_the_singular(nord):
    agrement = AgrementFactory(foster_carer=FosterCarerFactory(territory=nord), places=1)
    assert str(agrement).endswith("(1 place)")
    agrement.places = 2
    assert str(agrement).endswith("(2 places)")


# --- Suspended or withdrawn agrément (art. L421-6 al. 3 CASF) --------------------------------


def suspend(carer, state=AgrementState.SUSPENDED, since=TODAY - timedelta(days=10)):
    agrement = carer.agrements.get()
    agrement.state, agrement.state_changed_on, agrement.state_reason = state, since, "Enquête"
    agrement.save()
    return agrement


def test_the_carers_page_alerts_on_children_still_placed_under_a_suspended_agrement(
    client, responsable_nord, carer
):
    """L421-6 al. 3 CASF (no child confié while suspended) and R421-24 al. 2 (4 months
    at most): the alert counts the children and gives the suspension's last day."""
    fill(carer, 2)
    since = TODAY - timedelta(days=10)
    suspend(carer, since=since)
    client.force_login(responsable_nord)
    html = client.get(carer.get_absolute_url()).content.decode()
    assert (
        f"Agrément suspendu depuis le {since:%d/%m/%Y} : 2 enfants sont encore accueillis" in html
    )
    assert "art. L421-6 CASF" in html
    end = add_months(since, 4)
    assert f"La suspension prend fin au plus tard le {end:%d/%m/%Y}" in html


def test_the_carers_page_alerts_on_a_withdrawn_agrement(client, responsable_nord, carer):
    fill(carer, 1)
    suspend(carer, AgrementState.WITHDRAWN)
    client.force_login(responsable_nord)
    html = client.get(carer.get_absolute_url()).content.decode()
    assert "1 enfant est encore accueilli" in html
    assert "organisez le changement de lieu d'accueil" in html


def test_no_alert_without_a_child_placed(client, responsable_nord, carer):
    suspend(carer)
    client.force_login(responsable_nord)
    html = client.get(carer.get_absolute_url()).content.decode()
    assert "encore accueilli" not in html


def test_the_board_lists_the_carers_whose_agrement_is_suspended_with_children(
    client, directorate, carer
):
    fill(carer, 2)
    suspend(carer)
    client.force_login(directorate)
    response = client.get(BOARD)
    [row] = response.context["lapsed"]
    assert (row["carer"], row["carer"].children_placed, row["state"]) == (carer, 2, "Suspendu")
    assert "aucun enfant ne peut être confié (art. L421-6 CASF)" in response.content.decode()


def test_the_board_says_when_no_child_is_placed_under_a_lapsed_agrement(client, directorate):
    client.force_login(directorate)
    html = client.get(BOARD).content.decode()
    assert "Aucun enfant n'est accueilli chez un assistant familial dont l'agrément" in html
