"""Each seeded template, printed on the demo Département's files, has every field filled;
and the command line prints the same letter without the web."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from letters import merge, services
from letters.enums import FileKind
from letters.models import LetterTemplate
from letters.seeds import SEEDS
from letters.tests.support import child_in_care, pdf_text
from placements.models import FosterCarer, Placement
from prevention.models import Concern
from welfare.enums import DocumentKind, MeasureType
from welfare.models import Child, Departement

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def demo_records():
    """A file of each kind on which every field has a value: a child placed under a judicial
    measure under way, with parents and their address, a PPE and a report; a carer with an
    agrément; a concern with children, not of grave danger."""
    today = timezone.localdate()
    child = (
        Child.objects.active_base()
        .filter(
            measures__type=MeasureType.PLACEMENT,
            measures__start_date__lte=today,
            measures__end_date__gt=today,
            placements__in=Placement.objects.active_on(today),
            guardians__holds_parental_authority=True,
            guardians__deceased=False,
        )
        .exclude(guardians__address="")
        .filter(documents__kind=DocumentKind.PPE, documents__completed_on__lte=today)
        .filter(documents__kind=DocumentKind.SITUATION_REPORT, documents__completed_on__lte=today)
        .exclude(referent=None)
        .order_by("pk")
        .first()
    )
    carer = FosterCarer.objects.exclude(agrements__number="").filter(agrements__state="valid")
    concern = Concern.objects.filter(grave_danger=False, children__in=[child]).first()
    if concern is None:
        concern = Concern.objects.filter(grave_danger=False, territory=child.territory).first()
        concern.children.add(child)
    return {
        FileKind.CHILD: child,
        FileKind.CARER: carer.order_by("pk").first(),
        FileKind.CONCERN: concern,
    }


def test_the_seeded_set_is_there_after_migrate():
    assert set(LetterTemplate.objects.usable().values_list("code", flat=True)) == {
        seed["code"] for seed in SEEDS
    }


def test_each_seeded_template_renders_on_the_demo_with_its_fields_filled(demo):
    records = demo_records()
    departement = Departement.current()
    today = timezone.localdate()
    for seeded in LetterTemplate.objects.order_by("code"):
        record = records[seeded.file_kind]
        author = getattr(record, "referent", None) or records[FileKind.CHILD].referent
        letter = services.letter_draft_build(
            template=seeded, record=record, author=author, today=today
        )
        text = pdf_text(services.letter_pdf(services.printed_letter(letter)))
        assert merge.MISSING not in text, seeded.code
        assert text.startswith(departement.name), seeded.code
        values = services.file_values(
            kind=seeded.file_kind, record=record, author=author, today=today
        )
        for name in merge.names(seeded.subject + seeded.body):
            for part in values[name].split():
                assert part in text, (seeded.code, name)


def test_render_letter_lists_the_templates(capsys):
    call_command("render_letter", "--list")
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == sorted(seed["code"] for seed in SEEDS)


def test_render_letter_prints_a_child_s_letter_and_a_carer_s(
    tmp_path, nord, referent_nord, departement
):
    child = child_in_care(territory=nord, referent=referent_nord)
    carer = child.placements.get().foster_carer
    output = tmp_path / "rapport.pdf"
    call_command(
        "render_letter",
        "--template",
        "transmission-rapport-echeance",
        "--child",
        str(child.public_id),
        "--output",
        str(output),
    )
    text = pdf_text(output.read_bytes())
    assert f"{child.first_name} {child.last_name.upper()}" in text
    assert f"Dossier suivi par {child.referent}" in text

    call_command(
        "render_letter",
        "--template",
        "avis-renouvellement-agrement",
        "--carer",
        str(carer.pk),
        "--by",
        child.referent.username,
        "--output",
        str(output),
    )
    assert "D421-19" in pdf_text(output.read_bytes())


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--template", "inconnu", "--output", "x.pdf"], "Aucun modèle « inconnu »"),
        (["--template", "contrat-jeune-majeur", "--output", "x.pdf"], "indiquez --child"),
        (
            ["--template", "contrat-jeune-majeur", "--child", "12", "--output", "x.pdf"],
            "Identifiant invalide",
        ),
        (["--template", "contrat-jeune-majeur"], "Indiquez --list, ou --template"),
        (
            ["--template", "avis-renouvellement-agrement", "--carer", "999999", "--output", "x"],
            "Aucun dossier « 999999 »",
        ),
    ],
)
def test_render_letter_explains_what_is_wrong_in_french(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("render_letter", *arguments)
