"""Records and helpers shared by the letters' tests."""

from datetime import timedelta
from io import BytesIO

from django.utils import timezone
from pypdf import PdfReader

from letters.models import LetterTemplate
from placements.tests.factories import AgrementFactory, FosterCarerFactory, PlacementFactory
from welfare.enums import DocumentKind, MeasureType
from welfare.rules import add_years
from welfare.tests.factories import (
    ChildFactory,
    GuardianFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
)


def pdf_text(content: bytes) -> str:
    """The text of every page, its whitespace made single spaces."""
    pages = PdfReader(BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def stored_pdf(letter) -> bytes:
    """The PDF kept in the file, its handle closed."""
    with letter.pdf.open("rb") as handle:
        return handle.read()


def template(code: str) -> LetterTemplate:
    return LetterTemplate.objects.get(code=code)


def child_in_care(*, territory, referent, **identity):
    """A child placed with a carer under a judicial measure, with two parents holding
    parental authority, a PPE and a rapport de situation not yet sent to the judge."""
    today = timezone.localdate()
    child = ChildFactory(territory=territory, referent=referent, **identity)
    GuardianFactory(child=child, first_name="Sophie", address="3 rue des Tilleuls\n39100 Dole")
    GuardianFactory(child=child, first_name="Marc", relationship="father")
    measure = MeasureFactory(
        child=child,
        type=MeasureType.PLACEMENT,
        start_date=today - timedelta(days=200),
        end_date=today + timedelta(days=300),
        decision_reference="JE 26/0042",
    )
    carer = FosterCarerFactory(territory=territory)
    AgrementFactory(foster_carer=carer)
    PlacementFactory(child=child, measure=measure, foster_carer=carer)
    StatutoryDocumentFactory(
        child=child, kind=DocumentKind.PPE, completed_on=today - timedelta(days=150)
    )
    StatutoryDocumentFactory(
        child=child,
        kind=DocumentKind.SITUATION_REPORT,
        completed_on=today - timedelta(days=5),
        shared_with_family_on=today - timedelta(days=3),
    )
    return child


def carer_to_renew(*, territory, **identity):
    """An assistant familial whose agrément expires in three months: the renewal notice is
    late (due four months before, art. D421-19 CASF)."""
    today = timezone.localdate()
    carer = FosterCarerFactory(territory=territory, **identity)
    granted = add_years(today, -5) + timedelta(days=90)
    agrement = AgrementFactory(
        foster_carer=carer, granted_on=granted, expires_on=today + timedelta(days=90)
    )
    return carer, agrement
