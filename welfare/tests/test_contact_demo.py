import pytest
from django.core.management import call_command

from welfare.contact_enums import ContactStatus
from welfare.models import ContactReply, ContactRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def load_demo(settings):
    settings.DEBUG = True
    return lambda: call_command("load_demo", only="welfare,contact")


def test_the_demo_holds_a_few_dozen_requests_at_every_stage(load_demo):
    load_demo()
    counts = {
        status: ContactRequest.objects.filter(status=status).count() for status in ContactStatus
    }
    assert sum(counts.values()) == 37
    assert counts == {
        ContactStatus.NEW: 9,
        ContactStatus.IN_PROGRESS: 8,
        ContactStatus.ANSWERED: 9,
        ContactStatus.CLOSED: 11,
    }
    assert ContactRequest.objects.filter(anonymised_at__isnull=False).count() == 3
    assert ContactReply.objects.count() == 20


def test_the_demo_leaves_no_e_mail_to_send(load_demo):
    load_demo()
    assert not ContactRequest.objects.awaiting_confirmation().exists()
    assert not ContactReply.objects.awaiting_sending().exists()


def test_loading_the_demo_twice_adds_nothing(load_demo):
    load_demo()
    references = set(ContactRequest.objects.values_list("reference", flat=True))
    load_demo()
    assert set(ContactRequest.objects.values_list("reference", flat=True)) == references
