"""What the PDFs say, how numbers are written, and what the renderer may fetch."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from schemes.enums import SchemeStatus
from schemes.reports.documents import BUDGET, PLAN
from schemes.reports.services import file_write_atomically, report_pdf
from schemes.tests.report_support import make_budget, make_plan, one_line, pdf_text
from welfare.formats import change as fr_change
from welfare.formats import money as fr_money
from welfare.formats import number as fr_number
from welfare.formats import percent as fr_percent
from welfare.pdf import StaticFilesFetcher

NNBSP = "\u202f"


@pytest.mark.django_db
def test_the_plan_report_carries_every_objective_and_action_title(departement):
    scheme = make_plan()
    text = pdf_text(report_pdf(kind=PLAN, parameters={"scheme": scheme.pk}))
    objectives = scheme.objectives.all()
    actions = [action for objective in objectives for action in objective.actions.all()]
    assert len(actions) == 3
    for record in [*objectives, *actions]:
        assert one_line(record.title) in text
    assert one_line(departement.name) in text
    assert "Page 1 / " in text


@pytest.mark.django_db
def test_the_plan_report_gives_each_action_its_status_progress_and_funding(departement):
    scheme = make_plan()
    text = pdf_text(report_pdf(kind=PLAN, parameters={"scheme": scheme.pk}))
    assert "Réalisée · avancement 100 %" in text
    assert "avancement 20 %" in text
    assert one_line(f"Département {fr_money(Decimal('1250000'))}") in text
    assert one_line(f"Total {fr_money(Decimal('1330000'))}") in text
    assert "Entretiens réalisés" in text


@pytest.mark.django_db
def test_the_budget_report_carries_the_budget_totals(departement):
    make_budget()
    text = pdf_text(report_pdf(kind=BUDGET, parameters={"year": 2023}))
    assert one_line(f"Total du budget {fr_money(23989800)} {fr_money(23989800)}") in text
    assert one_line(f"Total Prévention {fr_money(1969441)}") in text
    assert one_line(f"Total Protection {fr_money(22020359)}") in text
    assert "Évolution d'une année sur l'autre" not in text


@pytest.mark.django_db
def test_the_budget_report_compares_with_the_year_before_when_there_is_one(departement):
    make_budget(2022, scale=Decimal("0.5"))
    make_budget(2023)
    text = pdf_text(report_pdf(kind=BUDGET, parameters={"year": 2023}))
    assert "Évolution d'une année sur l'autre" in text
    # Voted doubled from 2022 to 2023.
    assert one_line(f"2023 {fr_money(23989800)} +{fr_percent(100)}") in text


@pytest.mark.django_db
def test_the_pdf_is_tagged_with_its_title_and_language(departement):
    scheme = make_plan()
    reader = PdfReader(BytesIO(report_pdf(kind=PLAN, parameters={"scheme": scheme.pk})))
    assert reader.metadata.title == str(scheme)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]


def test_amounts_are_written_the_french_way():
    assert fr_money(Decimal("23989800")) == f"23{NNBSP}989{NNBSP}800{NNBSP}€"
    assert fr_money(Decimal("1234.5")) == f"1{NNBSP}234,50{NNBSP}€"
    assert fr_number(Decimal("-1500")) == f"\u22121{NNBSP}500"
    assert fr_percent(Decimal("12.345")) == f"12,3{NNBSP}%"
    assert fr_change(Decimal("4.2")) == f"+4,2{NNBSP}%"
    assert fr_change(None) == "—"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://example.org/logo.png",
        "file:///static/../../etc/passwd",
        "file:///static/css/absent.css",
        "file://host/static/css/pdf.css",
    ],
)
def test_the_renderer_refuses_anything_but_static_files(url):
    with pytest.raises(ValueError):
        StaticFilesFetcher().fetch(url)


def test_the_renderer_serves_the_static_stylesheet():
    response = StaticFilesFetcher().fetch("file:///static/css/pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_a_file_is_written_whole_or_not_at_all(tmp_path):
    target = tmp_path / "rapports" / "plan.pdf"
    file_write_atomically(path=target, content=b"%PDF-1.7 first")
    file_write_atomically(path=target, content=b"%PDF-1.7 second")
    assert target.read_bytes() == b"%PDF-1.7 second"
    assert [path.name for path in target.parent.iterdir()] == ["plan.pdf"]


@pytest.mark.django_db
def test_the_command_renders_a_plan_by_its_slug(departement, tmp_path):
    scheme = make_plan()
    output = tmp_path / "plan.pdf"
    call_command("render_report", "plan", "--scheme", scheme.slug, "--output", str(output))
    assert one_line(scheme.title) in pdf_text(output.read_bytes())


@pytest.mark.django_db
def test_the_command_renders_a_budget_by_its_year(departement, tmp_path):
    make_budget()
    output = tmp_path / "budget.pdf"
    call_command("render_report", "budget", "--year", "2023", "--output", str(output))
    assert one_line(fr_money(23989800)) in pdf_text(output.read_bytes())


@pytest.mark.django_db
def test_the_command_names_the_plans_it_knows_when_the_slug_is_wrong(tmp_path):
    scheme = make_plan()
    with pytest.raises(CommandError, match=scheme.slug):
        call_command("render_report", "plan", "--scheme", "inconnu", "--output", "x.pdf")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "adoption"),
    [
        (SchemeStatus.ADOPTED, "date non renseignée"),
        (SchemeStatus.DRAFT, "non adopté"),
    ],
)
def test_the_plan_cover_agrees_with_the_plans_state(departement, status, adoption):
    # An adopted plan without its date read "Adoption : non adopté" beside "Adopté, en cours".
    scheme = make_plan()
    scheme.adopted_on, scheme.status = None, status
    scheme.save(update_fields=["adopted_on", "status"])
    text = pdf_text(report_pdf(kind=PLAN, parameters={"scheme": scheme.pk}))
    assert adoption in text
    assert ("non adopté" in text) == (status == SchemeStatus.DRAFT)
