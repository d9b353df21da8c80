"""Factories of the contact inbox (beside ``factories.py``, which the children's files grow)."""

import factory
from django.utils import timezone

from welfare.contact_enums import ContactStatus, ContactTopic
from welfare.enums import Role
from welfare.models import ContactReply, ContactRequest
from welfare.tests.factories import UserFactory


class ContactRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactRequest

    topic = ContactTopic.OTHER
    message = factory.Faker("paragraph", locale="fr_FR")
    email = factory.Faker("email", locale="fr_FR")
    consent_at = factory.LazyFunction(timezone.now)

    class Params:
        closed = factory.Trait(
            status=ContactStatus.CLOSED, closed_at=factory.LazyFunction(timezone.now)
        )


class ContactReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactReply

    contact_request = factory.SubFactory(ContactRequestFactory)
    author = factory.SubFactory(UserFactory, role=Role.RECEPTION, territory=None)
    body = factory.Faker("paragraph", locale="fr_FR")
