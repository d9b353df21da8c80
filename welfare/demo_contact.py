"""Demo contact requests: three dozen questions from families, at every stage of handling.

Deterministic (seeded) and idempotent: references come from a fixed random source, and a
request that already exists is left as it is, so a second run adds nothing. Addresses are
under example.org, a domain reserved for examples: no demo e-mail can reach anyone.
"""

import random
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from welfare.contact_enums import ContactEventKind, ContactStatus, ContactTopic
from welfare.models import ContactEvent, ContactReply, ContactRequest, User
from welfare.models.contact import REFERENCE_ALPHABET
from welfare.services.contact import contact_requests_anonymise_expired

SEED = 9_2026

QUESTIONS = {
    ContactTopic.CHILD_IN_CARE: [
        "Mon fils est accueilli en MECS depuis trois mois. Comment obtenir un rendez-vous "
        "avec son référent pour parler des visites du week-end ?",
        "Je suis la grand-mère d'une petite fille placée chez une assistante familiale. "
        "Puis-je lui écrire et lui envoyer un colis pour son anniversaire ?",
        "Notre fille aura 18 ans en juin. Que se passe-t-il pour elle après sa majorité ?",
        "Je n'ai pas reçu de nouvelles du projet pour l'enfant de mon fils. À qui m'adresser ?",
    ],
    ContactTopic.FOSTER_CARER: [
        "Je souhaite devenir assistante familiale. Quand a lieu la prochaine réunion "
        "d'information près de Dole ?",
        "Je suis assistante maternelle agréée. Puis-je aussi accueillir un enfant confié ?",
        "Combien de temps prend l'agrément d'assistant familial et faut-il une chambre "
        "par enfant ?",
    ],
    ContactTopic.ADOPTION: [
        "Nous voudrions adopter. Quelles sont les premières démarches dans le département ?",
        "Notre agrément arrive à échéance l'an prochain : comment le renouveler ?",
        "J'ai été adopté en 1987. Comment consulter mon dossier ?",
    ],
    ContactTopic.PARENTING_SUPPORT: [
        "Je viens de me séparer et mes deux enfants vivent mal la situation. Existe-t-il "
        "une médiation familiale près de chez moi ?",
        "Je suis seule avec un bébé de deux mois et je suis épuisée. Une aide à domicile "
        "est-elle possible ?",
        "Y a-t-il un lieu d'accueil parents-enfants à Lons-le-Saunier ?",
    ],
    ContactTopic.OTHER: [
        "Quels sont les horaires de la consultation PMI de Saint-Claude ?",
        "Je voudrais une attestation de prise en charge par l'aide sociale à l'enfance "
        "pour mon dossier de bourse d'études.",
    ],
}

REPLIES = [
    "Bonjour,\n\nMerci pour votre message. La personne qui suit ce dossier vous appellera "
    "dans la semaine pour convenir d'un rendez-vous.\n\nBien cordialement,",
    "Bonjour,\n\nLa prochaine réunion d'information a lieu le premier mardi du mois, "
    "à 14 h, à la maison des solidarités. Vous pouvez vous y inscrire par téléphone.\n\n"
    "Bien cordialement,",
    "Bonjour,\n\nVotre demande a été transmise au service concerné, qui vous répondra "
    "directement par courrier.\n\nBien cordialement,",
]

PEOPLE = [
    ("Martin", "Claire", "12 rue de la République\n39100 Dole"),
    ("Bernard", "Nicolas", ""),
    ("", "", ""),
    ("Petit", "Amandine", "4 chemin des Vignes\n39000 Lons-le-Saunier"),
    ("Moreau", "", ""),
    ("", "", ""),
    ("Lefèvre", "Samira", "27 avenue de la Gare\n39200 Saint-Claude"),
    ("Roux", "Thomas", ""),
]

# How many requests of each kind, from the newest to the oldest.
STAGES = [("new", 9), ("in_progress", 8), ("answered", 9), ("closed", 8), ("anonymised", 3)]


def load(*, departement: str, stdout) -> None:
    """A few dozen requests: new, in progress, answered, closed and anonymised ones."""
    rng = random.Random(SEED)
    handlers = list(User.objects.filter(username__in=["accueil", "direction"]).order_by("id"))
    questions = [(topic, text) for topic, texts in QUESTIONS.items() for text in texts]
    now = timezone.now()
    created = 0
    rank = 0
    for stage, count in STAGES:
        for _ in range(count):
            rank += 1
            code = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(8))
            reference = f"EF-{code[:4]}-{code[4:]}"
            topic, message = questions[rank % len(questions)]
            last_name, first_name, address = PEOPLE[rank % len(PEOPLE)]
            age = timedelta(days=rank * 3 + rng.randint(0, 2), hours=rng.randint(0, 9))
            if stage == "anonymised":
                age += timedelta(days=settings.CONTACT_RETENTION_DAYS + 30)
            if ContactRequest.objects.filter(reference=reference).exists():
                continue
            _create(
                stage=stage,
                reference=reference,
                topic=topic,
                message=message,
                person=(last_name, first_name, address),
                email=f"demande{rank}@example.org",
                received=now - age,
                handler=handlers[rank % len(handlers)] if handlers else None,
                reply=REPLIES[rank % len(REPLIES)],
            )
            created += 1
    # The oldest closed ones are past their retention period: the nightly job's work.
    anonymised = contact_requests_anonymise_expired()
    stdout.write(
        f"Demandes des familles : {created} ajoutées, {rank - created} déjà présentes, "
        f"{anonymised} anonymisées."
    )


def _create(*, stage, reference, topic, message, person, email, received, handler, reply):
    last_name, first_name, address = person
    contact_request = ContactRequest.objects.create(
        reference=reference,
        topic=topic,
        message=message,
        email=email,
        last_name=last_name,
        first_name=first_name,
        postal_address=address,
        consent_at=received,
        created_at=received,
        confirmation_sent_at=received + timedelta(minutes=1),
    )
    events = [
        (ContactEventKind.RECEIVED, received, None),
        (ContactEventKind.CONFIRMATION_SENT, received + timedelta(minutes=1), None),
    ]
    if stage != "new" and handler:
        contact_request.assignee = handler
        contact_request.status = ContactStatus.IN_PROGRESS
        events.append((ContactEventKind.ASSIGNED, received + timedelta(hours=20), handler))
    if stage in ("answered", "closed", "anonymised") and handler:
        answered = received + timedelta(days=2)
        ContactReply.objects.create(
            contact_request=contact_request,
            author=handler,
            body=reply,
            created_at=answered,
            sent_at=answered + timedelta(minutes=1),
        )
        contact_request.status = ContactStatus.ANSWERED
        events.append((ContactEventKind.REPLIED, answered, handler))
        events.append((ContactEventKind.REPLY_SENT, answered + timedelta(minutes=1), handler))
    if stage in ("closed", "anonymised") and handler:
        contact_request.status = ContactStatus.CLOSED
        contact_request.closed_at = received + timedelta(days=5)
        events.append((ContactEventKind.CLOSED, contact_request.closed_at, handler))
    contact_request.save()
    ContactEvent.objects.bulk_create(
        ContactEvent(
            contact_request=contact_request,
            kind=kind,
            created_at=moment,
            actor=actor,
            assignee=actor if kind == ContactEventKind.ASSIGNED else None,
        )
        for kind, moment, actor in events
    )
