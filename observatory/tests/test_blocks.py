"""Each block against the small Département of ``world.py``, counted by hand."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from observatory import care
from observatory.base import Params
from observatory.blocks import BLOCK_KEYS, SECTIONS, dashboard, indicators
from observatory.forms import DashboardForm
from observatory.tests import world
from placements import selectors as placement_selectors
from placements.enums import AgrementState
from placements.tests.factories import AgrementFactory, FosterCarerFactory, PlacementFactory
from prevention.enums import ActionKind, ConcernOutcome, FirstAnalysis
from prevention.tests.factories import ConcernFactory, InterventionFactory, PreventionActionFactory
from schemes.enums import BudgetDomain
from schemes.tests.factories import BudgetFactory, BudgetLineFactory
from welfare.enums import DocumentKind, MeasureType, PlacementBasis
from welfare.models import PopulationEstimate
from welfare.scope import Scope
from welfare.tests.contact_factories import ContactRequestFactory
from welfare.tests.factories import ChildFactory, MeasureFactory, StatutoryDocumentFactory

pytestmark = pytest.mark.django_db

PARAMS = Params(day=world.DAY, start=world.START, end=world.DAY)


@pytest.fixture
def children(nord, sud):
    return world.build(nord, sud)


def test_it_counts_the_children_in_care_by_nature(children):
    figures = indicators(PARAMS)["children_in_care"]

    assert (figures["total"], figures["administrative"], figures["judicial"]) == (6, 2, 4)


def test_it_counts_the_children_in_care_by_place_with_pead_apart(children):
    by_place = indicators(PARAMS)["children_in_care"]["by_place"]

    assert by_place["foster_carer"] == {"administrative": 1, "judicial": 1, "total": 2}
    assert by_place["establishments"] == {"administrative": 0, "judicial": 2, "total": 2}
    assert by_place["semi_autonomy"]["total"] == 1
    assert by_place["fde"]["total"] == 1
    assert by_place["mecs"]["total"] == 0  # n2 left it on 01/03
    assert by_place["pead"] == {"administrative": 0, "judicial": 1, "total": 1}
    assert by_place["none"] == {"administrative": 1, "judicial": 0, "total": 1}


def test_it_counts_the_children_in_care_by_age_band_and_sex(children):
    figures = indicators(PARAMS)["children_in_care"]

    bands = {band: counts["total"] for band, counts in figures["by_age_band"].items()}
    assert bands == {"0-2": 0, "3-5": 1, "6-10": 1, "11-15": 2, "16-17": 1, "18-20": 1}
    assert figures["by_age_band"]["11-15"] == {"F": 1, "M": 1, "total": 2}
    assert figures["by_sex"] == {"F": 3, "M": 3}
    assert (figures["unaccompanied_minors"], figures["disability"]) == (1, 1)


def test_it_counts_the_children_in_care_by_territory(children):
    territories = indicators(PARAMS)["children_in_care"]["by_territory"]

    assert [(t["territory"], t["administrative"], t["judicial"]) for t in territories] == [
        ("nord", 0, 3),
        ("sud", 2, 1),
    ]


def _population(territory, year, under_21, under_18):
    return PopulationEstimate.objects.create(
        territory=territory, year=year, under_21=under_21, under_18=under_18, source="INSEE"
    )


def test_it_gives_rates_per_1000_young_people_from_the_latest_estimate(children, nord, sud):
    # Nord: 3 in care, all minors (4, 17 and 12); Sud: 3 in care, 2 minors (n4 is 18).
    _population(nord, 2023, 1500, 1200)
    _population(nord, 2025, 9999, 9000)  # after the day's year: not used
    _population(sud, 2024, 1000, 800)

    rates = indicators(PARAMS)["children_in_care"]["rates"]

    nord_rates, sud_rates = rates["by_territory"]
    assert (nord_rates["population_year"], nord_rates["in_care"], nord_rates["minors_in_care"]) == (
        2023,
        3,
        3,
    )
    assert nord_rates["rate_per_1000_under_21"] == 2.0  # 3 / 1 500
    assert nord_rates["rate_per_1000_minors"] == 2.5  # 3 / 1 200
    assert sud_rates["rate_per_1000_under_21"] == 3.0  # 3 / 1 000
    assert sud_rates["rate_per_1000_minors"] == 2.5  # 2 / 800
    assert rates["total"]["rate_per_1000_under_21"] == 2.4  # 6 / 2 500
    assert rates["total"]["rate_per_1000_minors"] == 2.5  # 5 / 2 000


def test_a_territory_without_population_has_no_rate_and_the_total_none(children, nord):
    _population(nord, 2024, 1500, 1200)

    section = dashboard(PARAMS)[0]
    rates = section.figures["rates"]
    block = next(block for block in section.blocks if block.key == "in_care_rates")

    assert rates["by_territory"][1]["rate_per_1000_under_21"] is None
    assert rates["total"]["rate_per_1000_under_21"] is None
    assert [row.values[2] for row in block.rows] == [2.0, None, None]


def test_a_territory_manager_s_rates_are_his_territory_s(children, nord, sud):
    _population(nord, 2024, 1500, 1200)
    _population(sud, 2024, 1000, 800)

    rates = indicators(Params(day=world.DAY, start=world.START, end=world.DAY, territory=nord))[
        "children_in_care"
    ]["rates"]

    assert [row["territory"] for row in rates["by_territory"]] == ["nord"]
    assert rates["total"]["rate_per_1000_under_21"] == 2.0


def test_a_territory_narrows_every_count(children, nord):
    figures = indicators(Params(day=world.DAY, start=world.START, end=world.DAY, territory=nord))

    assert figures["children_in_care"]["total"] == 3
    assert figures["flows"]["entries"]["total"] == 2  # n1, n3
    assert figures["capacity"]["by_kind"]["foster_carer"]["places"] == 3


def test_it_counts_entries_but_not_renewals(children):
    entries = indicators(PARAMS)["flows"]["entries"]

    assert entries["total"] == 3
    assert {key: count for key, count in entries["by_type"].items() if count} == {
        MeasureType.PLACEMENT: 1,
        MeasureType.AEMO_WITH_ACCOMMODATION: 1,
        MeasureType.PROVISIONAL_CARE: 1,
    }


def test_it_counts_exits_with_their_reasons(children):
    exits = indicators(PARAMS)["flows"]["exits"]

    assert exits["total"] == 1
    assert {key: count for key, count in exits["by_reason"].items() if count} == {"return_home": 1}


def test_it_counts_the_placements_per_child_over_the_period(children):
    stability = indicators(PARAMS)["flows"]["placements_per_child"]

    assert stability["by_count"] == {"0": 1, "1": 4, "2": 1, "3": 0, "4": 0}
    assert stability["mean"] == 1.0


def test_it_reads_capacity_occupancy_and_expiring_agrements(children):
    capacity = indicators(PARAMS)["capacity"]

    assert capacity["by_kind"]["foster_carer"] | {"occupancy_rate": None} == {
        "providers": 2,
        "places": 5,
        "occupied": 2,
        "free": 3,
        "occupancy_rate": None,
    }
    assert capacity["by_kind"]["fde"]["occupied"] == 1
    assert (capacity["places"], capacity["occupied"]) == (47, 4)
    assert capacity["occupancy_rate"] == Decimal("8.5")
    assert capacity["pead"] == 1
    assert capacity["agrements_expiring"] == 1


def test_it_counts_the_children_in_care_by_legal_category_beside_the_published_total(
    children, nord
):
    """n1, n2, n6 placed under art. 375-3 3°, n4 and n5 administrative: five confiés to the
    ASE; n3 under a PEAD; a child placed with a relative (375-3 2°) is counted apart."""
    child = ChildFactory(territory=nord, birth_date=date(2015, 1, 1))
    MeasureFactory(
        child=child,
        start_date=date(2024, 1, 1),
        end_date=date(2025, 1, 1),
        placement_basis=PlacementBasis.RELATIVE_OR_TRUSTED,
    )

    figures = indicators(PARAMS)["children_in_care"]

    assert figures["total"] == 7
    assert figures["legal_categories"] == {
        "confided_to_ase": 5,
        "other_375_3": {
            "other_parent": 0,
            "relative_or_trusted": 1,
            "service": 0,
            "health_or_education": 0,
        },
        "pead": 1,
    }
    blocks = {block.key: block for section in dashboard(PARAMS) for block in section.blocks}
    rows = [(row.label, row.values) for row in blocks["in_care_legal"].rows]
    assert rows[-2] == ("AEMO renforcée avec hébergement (PEAD)", (1,))
    assert rows[-1] == ("Enfants accueillis ou confiés (chiffre publié, PEAD compris)", (7,))
    assert (
        "Placement art. 375-3 du Code civil, 2° un autre membre de la famille ou un tiers "
        "digne de confiance (compté à part)",
        (1,),
    ) in rows


def test_it_counts_the_children_still_with_a_carer_whose_agrement_is_suspended(
    children, nord, sud, django_assert_num_queries
):
    """Art. L421-6 al. 3 CASF: while the agrément is suspended no child may be confié; the
    child still placed with such a carer is counted for the reader's scope."""
    carer = FosterCarerFactory(territory=sud)
    AgrementFactory(
        foster_carer=carer,
        granted_on=date(2020, 1, 1),
        expires_on=date(2027, 1, 1),
        state=AgrementState.SUSPENDED,
        state_changed_on=date(2024, 6, 1),
    )
    child = ChildFactory(territory=nord, birth_date=date(2015, 1, 1))
    measure = MeasureFactory(child=child, start_date=date(2024, 1, 1), end_date=date(2025, 1, 1))
    PlacementFactory(child=child, measure=measure, foster_carer=carer)

    with django_assert_num_queries(1):
        assert placement_selectors.placements_under_lapsed_agrement(day=world.DAY).count() == 1
    assert indicators(PARAMS)["capacity"]["placed_under_lapsed_agrement"] == 1
    before = Params(day=date(2024, 5, 31), start=world.START, end=world.DAY)
    assert indicators(before)["capacity"]["placed_under_lapsed_agrement"] == 0
    # The carer's territory counts, as on the capacity board.
    in_sud = Params(day=world.DAY, start=world.START, end=world.DAY, rights=Scope.of_territory(sud))
    in_nord = Params(day=world.DAY, start=world.START, end=world.DAY, territory=nord)
    assert indicators(in_sud)["capacity"]["placed_under_lapsed_agrement"] == 1
    assert indicators(in_nord)["capacity"]["placed_under_lapsed_agrement"] == 0
    blocks = {block.key: block for section in dashboard(PARAMS) for block in section.blocks}
    rows = {row.label: row.values for row in blocks["capacity"].rows}
    label = (
        "Enfants encore accueillis chez un assistant familial dont l'agrément est suspendu ou "
        "retiré (art. L421-6 al. 3 CASF)"
    )
    assert rows[label] == (None, None, 1, None, None)


def test_it_counts_overdue_deadlines_as_they_stood_on_the_day(nord, sud):
    # nord: placement since 13/12/2023 and no PPE: due 13/03/2024, overdue.
    late = ChildFactory(territory=nord, birth_date=date(2014, 1, 1))
    MeasureFactory(child=late, start_date=date(2023, 12, 13), end_date=date(2024, 12, 12))
    # sud: a measure that ran out on 01/06/2024 with no decision recorded.
    lapsed = ChildFactory(territory=sud, birth_date=date(2014, 1, 1))
    MeasureFactory(child=lapsed, start_date=date(2023, 1, 1), end_date=date(2024, 6, 1))
    StatutoryDocumentFactory(child=lapsed, kind=DocumentKind.PPE, completed_on=date(2023, 2, 1))
    # sud: its PPE was written after the day, so it was still overdue on the day.
    after = ChildFactory(territory=sud, birth_date=date(2014, 1, 1))
    MeasureFactory(child=after, start_date=date(2023, 12, 13), end_date=date(2024, 12, 12))
    StatutoryDocumentFactory(child=after, kind=DocumentKind.PPE, completed_on=date(2024, 8, 1))

    clocks = indicators(PARAMS)["overdue_clocks"]

    assert clocks["total"] == 3
    by_territory = {row["territory"]: row for row in clocks["by_territory"]}
    assert (by_territory["nord"]["ppe"], by_territory["nord"]["children"]) == (1, 1)
    assert by_territory["sud"]["ppe"] == 1
    assert by_territory["sud"]["measure_end"] == 1
    assert by_territory["sud"]["children"] == 2


def test_it_reads_prevention_spending_families_and_concerns(nord, sud):
    tisf = PreventionActionFactory(
        territory=nord,
        kind=ActionKind.TISF,
        start_date=date(2024, 1, 1),
        end_date=date(2024, 12, 31),
        cost=Decimal("1000.00"),
    )
    InterventionFactory(action=tisf, families_count=3)
    PreventionActionFactory(
        territory=sud,
        kind=ActionKind.SPONSORSHIP,
        start_date=date(2024, 1, 1),
        end_date=date(2024, 12, 31),
        cost=Decimal("500.00"),
    )
    ConcernFactory(
        territory=nord,
        received_on=date(2024, 2, 1),
        evaluation_due_on=date(2024, 5, 1),
        first_analysis=FirstAnalysis.CONCERN,
        evaluation_ended_on=date(2024, 5, 20),
        outcome=ConcernOutcome.NO_FURTHER_ACTION,
    )

    prevention = indicators(PARAMS)["prevention"]

    assert prevention["spending"] == Decimal("1500.00")
    assert prevention["families"] == 3
    assert prevention["concerns"]["received"] == 1
    assert prevention["concerns"]["evaluated_late"] == 1
    outcomes = {row["outcome"]: row["count"] for row in prevention["concerns"]["outcomes"]}
    assert outcomes[ConcernOutcome.NO_FURTHER_ACTION] == 1


def test_it_sets_the_executed_budget_against_the_voted_one(db):
    budget = BudgetFactory(year=2024)
    BudgetLineFactory(
        budget=budget, domain=BudgetDomain.PREVENTION, voted=Decimal("100"), executed=Decimal("90")
    )
    BudgetLineFactory(
        budget=budget,
        domain=BudgetDomain.FOSTER_CARE,
        voted=Decimal("300"),
        executed=Decimal("330"),
    )

    figures = indicators(PARAMS)["budget"]

    assert (figures["voted"], figures["executed"]) == (Decimal("400"), Decimal("420"))
    assert figures["execution_rate"] == Decimal("105.0")
    assert figures["sections"]["prevention"]["executed"] == Decimal("90")
    assert figures["sections"]["protection"]["voted"] == Decimal("300")


def test_it_says_when_the_year_has_no_budget(db):
    section = next(section for section in dashboard(PARAMS) if section.key == "budget")

    assert section.figures == {"year": 2024, "exists": False}
    assert section.blocks[0].rows == []


def test_it_counts_the_contact_backlog_on_the_day(db):
    def moment(day):
        return timezone.make_aware(datetime.combine(day, datetime.min.time()))

    ContactRequestFactory(created_at=moment(world.DAY - timedelta(days=2)))
    ContactRequestFactory(created_at=moment(date(2024, 5, 1)))
    ContactRequestFactory(
        closed=True, created_at=moment(date(2024, 3, 1)), closed_at=moment(date(2024, 3, 10))
    )
    ContactRequestFactory(created_at=moment(world.DAY + timedelta(days=1)))

    figures = indicators(PARAMS)["contact_requests"]

    assert (figures["received"], figures["closed"], figures["waiting"]) == (3, 1, 2)
    assert (figures["waiting_recent"], figures["waiting_middle"], figures["waiting_old"]) == (
        1,
        0,
        1,
    )
    assert figures["oldest_waiting_days"] == 60


def test_every_block_has_a_table_whose_totals_add_up(children):
    blocks = {block.key: block for section in dashboard(PARAMS) for block in section.blocks}

    assert tuple(blocks) == BLOCK_KEYS
    place = blocks["in_care_place"]
    assert place.rows[-1].values == (2, 4, 6)
    assert sum(row.values[2] for row in place.rows if not row.total and not row.detail) == 6


def test_the_section_of_contact_requests_is_the_directorate_s(children):
    keys = [section.key for section in dashboard(PARAMS, role="territory_manager")]

    assert "contact_requests" not in keys
    assert "children_in_care" in keys


def test_entries_leave_out_a_change_of_measure_the_next_day(nord):
    child = ChildFactory(territory=nord)
    MeasureFactory(
        child=child,
        type=MeasureType.OPP_JUDGE,
        start_date=date(2023, 12, 1),
        end_date=date(2024, 1, 14),
    )
    MeasureFactory(child=child, start_date=date(2024, 1, 15), end_date=date(2025, 1, 14))

    assert care.entries_queryset(PARAMS).count() == 0
    assert care.exits_queryset(PARAMS).count() == 0


def test_the_page_and_the_indicators_read_the_same_figures(children):
    shown = {section.key: section.figures for section in dashboard(PARAMS)}
    printed = indicators(PARAMS)

    assert shown == {kind.key: printed[kind.key] for kind in SECTIONS}


def test_presenting_a_section_s_figures_runs_no_query(children, django_assert_num_queries):
    for kind in SECTIONS:
        figures = kind.figures(PARAMS)
        with django_assert_num_queries(0):
            blocks = kind.blocks(figures, PARAMS)
        assert [block.key for block in blocks] == list(kind.block_keys)


def test_a_reading_counts_within_its_reader_s_rights(nord, sud, responsable_nord, directorate):
    manager = DashboardForm({"territory": "sud"}, user=responsable_nord)
    chosen = DashboardForm({"territory": "sud"}, user=directorate)
    assert manager.is_valid() and chosen.is_valid()

    assert manager.params().scope == Scope.of_territory(nord)
    assert chosen.params().scope == Scope.of_territory(sud)
    assert Params(day=world.DAY, start=world.START, end=world.DAY).scope == Scope.departement()


def test_the_overdue_deadlines_note_names_every_rule_with_its_article(db):
    (block,) = care.clocks_blocks(care.clocks_figures(PARAMS), PARAMS)

    for rule in (
        "PPE",
        "rapport de situation",
        "entretien d'accès à l'autonomie",
        "jeune majeur",
        "recueil sans accord des parents (art. L223-2 al. 4 CASF)",
        "OPP du parquet (art. 375-5 al. 2 du Code civil)",
        "OPP sans audition (art. 1184 al. 2 du code de procédure civile)",
        "décision au fond après une mesure provisoire (art. 1185",
        "rapport d'échéance au juge",
    ):
        assert rule in block.note
