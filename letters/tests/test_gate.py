"""Every letters page that shows a child or a family is sent no-store (the gate:
welfare/tests/test_gate.py)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from letters import services
from letters.tests.support import child_in_care, template
from prevention.tests.factories import ConcernFactory
from welfare.tests.gate import assert_no_store, nominative_url_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(nord, referent_nord, prevention_officer, departement):
    child = child_in_care(territory=nord, referent=referent_nord)
    letter = services.letter_draft_create(
        template=template("convocation-rencontre"),
        record=child,
        author=referent_nord,
        today=timezone.localdate(),
    )
    concern = ConcernFactory(territory=nord)
    concern.children.add(child)
    return {"child": child, "letter": letter, "concern": concern}


NOMINATIVE_PAGES = {
    "letters:index": ("referent.nord", lambda world: []),
    "letters:detail": ("referent.nord", lambda world: [world["letter"].public_id]),
    "letters:issue": ("referent.nord", None),
    "letters:sending": ("referent.nord", lambda world: [world["letter"].public_id]),
    "letters:delete": ("referent.nord", lambda world: [world["letter"].public_id]),
    "letters:pdf": ("referent.nord", lambda world: [world["letter"].public_id]),
    "letters:child_letters": ("referent.nord", lambda world: [world["child"].public_id]),
    "letters:concern_letters": ("prevention", lambda world: [world["concern"].public_id]),
}


def test_every_nominative_page_of_letters_is_checked():
    assert nominative_url_names("letters") == set(NOMINATIVE_PAGES)


@pytest.mark.parametrize(
    "name", sorted(name for name, (_, args) in NOMINATIVE_PAGES.items() if args)
)
def test_each_nominative_page_of_letters_is_no_store(client, world, name):
    from welfare.models import User

    username, arguments = NOMINATIVE_PAGES[name]
    client.force_login(User.objects.get(username=username))
    assert_no_store(client.get(reverse(name, args=arguments(world))))


def test_issuing_answers_no_store_too(client, world, referent_nord):
    client.force_login(referent_nord)
    response = client.post(reverse("letters:issue", args=[world["letter"].public_id]))
    assert_no_store(response)


def test_templates_and_carers_letters_name_no_child():
    assert not {"letters:template_list", "letters:carer_letters"} & nominative_url_names("letters")
